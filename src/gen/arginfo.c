/*
 * arginfo.c — how a traceback prints a frame's arguments: gc's ArgInfo
 * byte program (cmd/compile/internal/ssagen EmitArgInfo, read by
 * runtime/traceback.go printArgs), which goc's function table carries
 * for every Go function (src/link/functab.c) and goc's runtime reads the
 * same way (runtime/traceback.c).
 *
 * The program lists the words to print: (offset from FP, size) for each
 * scalar, 0xfe/0xfd around an aggregate (strings, slices, interfaces and
 * complex numbers count as aggregates of words), 0xfc for "..." when
 * more than 10 components or 5 levels of nesting would be printed, 0xfb
 * for an offset that does not fit a byte, 0xff at the end.  With goc's
 * ABI0 the offsets are those of the arguments on the stack.
 */
#include "typedesc.h"

enum {
	AI_END = 0xff, AI_START = 0xfe, AI_STOP = 0xfd, AI_DOTS = 0xfc, AI_FAR = 0xfb,
	AI_SPECIAL = 0xf0, AI_LIMIT = 10, AI_DEPTH = 5,
};

typedef struct ArgW {
	Buf *b;
	int n; /* components written */
} ArgW;

static void one(ArgW *w, int64_t size, int64_t off)
{
	if (off >= AI_SPECIAL)
		buf_putc(w->b, (char)AI_FAR);
	else {
		buf_putc(w->b, (char)off);
		buf_putc(w->b, (char)size);
	}
	w->n++;
}

/* Writes t at off; false when the limit stops the walk. */
static bool visit(ArgW *w, Type *t, int64_t off, int depth)
{
	if (w->n >= AI_LIMIT) {
		buf_putc(w->b, (char)AI_DOTS);
		return false;
	}
	int k = gclayout_kind(t);
	bool agg = k == 15 || k == 16 || k == 17 || k == 20 || k == 23 || k == 24 || k == 25;
	if (!agg) {
		one(w, gclayout_size(t), off);
		return true;
	}
	buf_putc(w->b, (char)AI_START);
	if (++depth >= AI_DEPTH) {
		buf_putc(w->b, (char)AI_DOTS);
		buf_putc(w->b, (char)AI_STOP);
		w->n++;
		return true;
	}
	Type *u = under(t);
	Type *word = typ_basic[BK_UINTPTR];
	switch (k) {
	case 20: case 24: /* interface, string */
		(void)(visit(w, word, off, depth) && visit(w, word, off + 8, depth));
		break;
	case 23: /* slice */
		(void)(visit(w, word, off, depth) && visit(w, word, off + 8, depth) &&
		       visit(w, word, off + 16, depth));
		break;
	case 15: case 16: { /* complex */
		Type *fl = typ_basic[k == 15 ? BK_FLOAT32 : BK_FLOAT64];
		int64_t h = gclayout_size(t) / 2;
		(void)(visit(w, fl, off, depth) && visit(w, fl, off + h, depth));
		break;
	}
	case 17: { /* array */
		if (u->array.len <= 0) {
			w->n++; /* {} counts as a component */
			break;
		}
		int64_t es = gclayout_size(u->array.elem);
		for (int64_t i = 0; i < u->array.len; i++)
			if (!visit(w, u->array.elem, off + i * es, depth))
				break;
		break;
	}
	case 25: { /* struct */
		uint32_t nf = u->struct_.nfields;
		if (nf == 0) {
			w->n++;
			break;
		}
		int64_t *offs = xmalloc(nf * sizeof *offs);
		gclayout_offsets(u, offs);
		for (uint32_t i = 0; i < nf; i++)
			if (!visit(w, u->struct_.fields[i]->type, off + offs[i], depth))
				break;
		free(offs);
		break;
	}
	}
	buf_putc(w->b, (char)AI_STOP);
	return true;
}

void gclayout_arginfo(Buf *b, Type **ts, const int64_t *offs, int n)
{
	if (n == 0)
		return;
	ArgW w = {b, 0};
	for (int i = 0; i < n; i++)
		if (!visit(&w, ts[i], offs[i], 0))
			break;
	buf_putc(b, (char)AI_END);
}
