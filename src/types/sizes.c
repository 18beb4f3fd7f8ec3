/*
 * sizes.c — sizes, alignments and field offsets as gc's compiler computes
 * them (cmd/compile/internal/noder's gcSizes), which is what
 * unsafe.Sizeof/Alignof/Offsetof evaluate to in a program gc compiles:
 * amd64 and arm64 both have a word size and maximum alignment of 8.  Two
 * rules differ from go/types' StdSizes (types.SizesFor("gc", arch)): a
 * struct's size is rounded up to its alignment (so an array's size is
 * simply elements × element size), and a zero-size last field of a struct
 * that is not otherwise empty takes one byte.  The go/types oracle of the
 * tests (tests/oracle/typesdump.go) is given the same rules.
 */
#include "types.h"

const Sizes sizes_amd64 = {8, 8};
const Sizes sizes_arm64 = {8, 8};

const Sizes *sizes_for(const char *goarch)
{
	if (strcmp(goarch, "amd64") == 0)
		return &sizes_amd64;
	if (strcmp(goarch, "arm64") == 0)
		return &sizes_arm64;
	return NULL;
}

/* Sizes of absurd types (arrays larger than the address space, which gc
 * rejects) wrap around as Go's int64 arithmetic does, without C's
 * undefined signed overflow: the arithmetic is unsigned. */
static int64_t align_up(int64_t x, int64_t a)
{
	return (int64_t)(((uint64_t)x + (uint64_t)a - 1) / (uint64_t)a * (uint64_t)a);
}

/* sync/atomic.align64 makes a struct 8-byte aligned (go/types isSyncAtomicAlign64) */
static bool is_align64(Type *t)
{
	if (t->kind != TY_NAMED)
		return false;
	Object *o = t->named.obj;
	return strcmp(o->name, "align64") == 0 && o->pkg &&
	       (strcmp(o->pkg->path, "sync/atomic") == 0 || strcmp(o->pkg->path, "runtime/internal/atomic") == 0);
}

int64_t sizes_alignof(const Sizes *s, Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_ARRAY:
		return sizes_alignof(s, u->array.elem);
	case TY_STRUCT: {
		if (u->struct_.nfields == 0 && is_align64(t))
			return 8;
		int64_t max = 1;
		for (uint32_t i = 0; i < u->struct_.nfields; i++) {
			int64_t a = sizes_alignof(s, u->struct_.fields[i]->type);
			if (a > max)
				max = a;
		}
		return max;
	}
	case TY_SLICE:
	case TY_INTERFACE:
		return s->wordsize;
	case TY_BASIC:
		if (u->basic.info & BI_STRING)
			return s->wordsize;
		break;
	default:
		break;
	}
	int64_t a = sizes_sizeof(s, t);
	if (a < 1)
		return 1;
	if (u->kind == TY_BASIC && (u->basic.info & BI_COMPLEX))
		a /= 2;
	if (a > s->maxalign)
		return s->maxalign;
	return a;
}

void sizes_offsetsof(const Sizes *s, Type *strct, int64_t *out)
{
	Type *u = under(strct);
	int64_t o = 0;
	for (uint32_t i = 0; i < u->struct_.nfields; i++) {
		Type *ft = u->struct_.fields[i]->type;
		int64_t a = sizes_alignof(s, ft);
		o = align_up(o, a);
		out[i] = o;
		o = (int64_t)((uint64_t)o + (uint64_t)sizes_sizeof(s, ft));
	}
}

static const uint8_t basic_sizes[] = {
	[BK_BOOL] = 1, [BK_INT8] = 1, [BK_INT16] = 2, [BK_INT32] = 4, [BK_INT64] = 8,
	[BK_UINT8] = 1, [BK_UINT16] = 2, [BK_UINT32] = 4, [BK_UINT64] = 8,
	[BK_FLOAT32] = 4, [BK_FLOAT64] = 8, [BK_COMPLEX64] = 8, [BK_COMPLEX128] = 16,
};

int64_t sizes_sizeof(const Sizes *s, Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC: {
		int k = u->basic.kind;
		if (k < (int)NELEM(basic_sizes) && basic_sizes[k])
			return basic_sizes[k];
		if (k == BK_STRING)
			return s->wordsize * 2;
		break;
	}
	case TY_ARRAY: {
		int64_t n = u->array.len;
		if (n <= 0)
			return 0;
		return (int64_t)((uint64_t)sizes_sizeof(s, u->array.elem) * (uint64_t)n); /* element sizes include their padding */
	}
	case TY_SLICE:
		return s->wordsize * 3;
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		if (n == 0)
			return 0;
		int64_t stackbuf[32];
		int64_t *off = n <= 32 ? stackbuf : xmalloc(n * sizeof *off);
		sizes_offsetsof(s, u, off);
		int64_t last = sizes_sizeof(s, u->struct_.fields[n - 1]->type);
		if (last == 0 && off[n - 1] > 0)
			last = 1; /* gc: a final zero-size field must not point past the struct */
		int64_t r = align_up((int64_t)((uint64_t)off[n - 1] + (uint64_t)last), sizes_alignof(s, t));
		if (off != stackbuf)
			free(off);
		return r;
	}
	case TY_INTERFACE:
		return s->wordsize * 2;
	default:
		break;
	}
	return s->wordsize;
}
