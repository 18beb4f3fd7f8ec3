/*
 * functab.c — the function table the runtime's tracebacks read
 * (runtime.functab; goc's counterpart of gc's pclntab, in its own format:
 * docs/abi.md, "The function table").
 *
 * Built once all symbols are resolved and before layout, only when the
 * runtime refers to runtime.functab.  Text atoms are laid out in the
 * order of their kind's atom list (layout.c place_atoms), and a C
 * object's functions are aliases at increasing offsets of their section
 * atom, so sorting by (atom position, offset) is sorting by address: the
 * table is emitted sorted without knowing any address, each entry's
 * address being a relocation.
 *
 * Layout (little-endian, 8-byte aligned), offsets from the table start:
 *   header   u32 magic "gft1", nfunc, nfile, funcs, files, strings,
 *            lines, args
 *   funcs    nfunc entries of 40 bytes: u64 entry; u32 size, name
 *            (string offset), i32 frame (-1: not a Go function),
 *            u32 argsize, lines (line-program offset, ~0: none), args
 *            (arginfo offset, ~0: none), flags (LFN_*), maps (stack
 *            maps offset in args, ~0: none)
 *   files    nfile u32 string offsets
 *   strings  NUL-terminated names
 *   lines    per function: uvarint nrows, then per row uvarint pc delta,
 *            zigzag varint line delta, uvarint file index
 *   args     gc's ArgInfo programs (0xff-terminated), and the back
 *            end's stack maps (docs/abi.md, "Stack maps")
 */
#include "linkout.h"

#include <elf.h>

enum { FT_HDR = 32, FT_ENTRY = 40 };

typedef struct FtFunc {
	LinkSym *sym;
	uint32_t atom; /* position of its atom in the text list */
	uint64_t off;  /* offset in the atom */
} FtFunc;

static int ftcmp(const void *a, const void *b)
{
	const FtFunc *x = a, *y = b;
	if (x->atom != y->atom)
		return x->atom < y->atom ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	/* same address: the larger (the real function) last, so it wins */
	if (x->sym->size != y->sym->size)
		return x->sym->size < y->sym->size ? -1 : 1;
	return 0;
}

static void put32(Buf *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		buf_putc(b, (char)(v >> (8 * i)));
}

static void uvarint(Buf *b, uint64_t v)
{
	while (v >= 0x80) {
		buf_putc(b, (char)(v | 0x80));
		v >>= 7;
	}
	buf_putc(b, (char)v);
}

static bool placed_text(const LinkSym *a)
{
	return (a->flags & LF_ATOM) && a->kind == LK_TEXT;
}

void link_functab(Link *l)
{
	LinkSym *tab = link_find(l, "runtime.functab", 15);
	if (!tab || tab->kind != LK_UNDEF || (tab->flags & LF_COMMON))
		return;
	/* positions of the text atoms: addr is free until layout */
	LinkSymVec *tv = &l->atoms[LK_TEXT];
	for (uint32_t i = 0; i < tv->n; i++)
		tv->v[i]->addr = i + 1;
	FtFunc *fs = NULL;
	uint32_t n = 0, cap = 0;
	for (uint32_t i = 0; i < l->all.n; i++) {
		LinkSym *s = l->all.v[i];
		FtFunc f = {s, 0, 0};
		if (s->outer) {
			if (!placed_text(s->outer) || s->elftype != STT_FUNC || !s->size)
				continue;
			f.atom = (uint32_t)s->outer->addr;
			f.off = s->off;
		} else {
			if (!placed_text(s) || (s->flags & LF_NOSYM) || !s->size)
				continue;
			f.atom = (uint32_t)s->addr;
		}
		if (!f.atom)
			continue; /* not in the list (not laid out) */
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			fs = xrealloc(fs, cap * sizeof *fs);
		}
		fs[n++] = f;
	}
	for (uint32_t i = 0; i < tv->n; i++)
		tv->v[i]->addr = 0;
	qsort(fs, n, sizeof *fs, ftcmp);
	/* drop the smaller of two functions at one address */
	uint32_t m = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (m && fs[m - 1].atom == fs[i].atom && fs[m - 1].off == fs[i].off)
			m--;
		fs[m++] = fs[i];
	}
	n = m;

	Buf strs = {0}, lines = {0}, args = {0};
	uint32_t *nameoff = xmalloc((n + 1) * sizeof *nameoff);
	uint32_t *lineoff = xmalloc((n + 1) * sizeof *lineoff);
	uint32_t *argoff = xmalloc((n + 1) * sizeof *argoff);
	uint32_t *mapoff = xmalloc((n + 1) * sizeof *mapoff);
	for (uint32_t i = 0; i < n; i++) {
		LinkSym *s = fs[i].sym;
		nameoff[i] = (uint32_t)strs.n;
		buf_puts(&strs, s->name);
		buf_putc(&strs, 0);
		lineoff[i] = argoff[i] = ~0u;
		if (s->nlines) {
			lineoff[i] = (uint32_t)lines.n;
			uvarint(&lines, s->nlines);
			uint32_t pc = 0;
			int64_t line = 0;
			for (uint32_t k = 0; k < s->nlines; k++) {
				const LinkLine *r = &s->lines[k];
				int64_t d = (int64_t)r->line - line;
				uvarint(&lines, r->pcoff - pc);
				uvarint(&lines, ((uint64_t)d << 1) ^ (uint64_t)(d >> 63));
				uvarint(&lines, r->file);
				pc = r->pcoff;
				line = r->line;
			}
		}
		if (s->func && s->func->narginfo) {
			argoff[i] = (uint32_t)args.n;
			buf_put(&args, s->func->arginfo, s->func->narginfo);
		}
		mapoff[i] = ~0u;
		if (s->func && s->func->nstackmap) {
			mapoff[i] = (uint32_t)args.n;
			buf_put(&args, s->func->stackmap, s->func->nstackmap);
		} else if (!s->func) {
			/* an assembly function's argument map (src/driver/buildasm.c) */
			Buf nm = {0};
			buf_printf(&nm, "%s.args_stackmap", s->name);
			LinkSym *am = link_find(l, nm.p, nm.n);
			buf_free(&nm);
			const uint8_t *d = !am ? NULL : am->outer ? (am->outer->data ? am->outer->data + am->off : NULL) : am->data;
			if (d && am->size) {
				mapoff[i] = (uint32_t)args.n;
				buf_put(&args, d, am->size);
			}
		}
	}
	uint32_t *fileoff = xmalloc((l->nfiles + 1) * sizeof *fileoff);
	for (uint32_t i = 0; i < l->nfiles; i++) {
		fileoff[i] = (uint32_t)strs.n;
		buf_puts(&strs, l->files[i]);
		buf_putc(&strs, 0);
	}

	Buf t = {0};
	uint32_t funcs = FT_HDR, files = funcs + n * FT_ENTRY, strings = files + 4 * l->nfiles;
	uint32_t linesat = strings + (uint32_t)strs.n, argsat = linesat + (uint32_t)lines.n;
	put32(&t, 0x31746667); /* "gft1" */
	put32(&t, n);
	put32(&t, l->nfiles);
	put32(&t, funcs);
	put32(&t, files);
	put32(&t, strings);
	put32(&t, linesat);
	put32(&t, argsat);
	for (uint32_t i = 0; i < n; i++) {
		LinkSym *s = fs[i].sym;
		const LinkFunc *f = s->func;
		put32(&t, 0); /* entry: relocated */
		put32(&t, 0);
		put32(&t, (uint32_t)s->size);
		put32(&t, nameoff[i]);
		put32(&t, f ? (uint32_t)f->frame : ~0u);
		put32(&t, f ? f->argsize : 0);
		put32(&t, lineoff[i]);
		put32(&t, argoff[i]);
		put32(&t, f ? f->flags : 0);
		put32(&t, mapoff[i]);
	}
	for (uint32_t i = 0; i < l->nfiles; i++)
		put32(&t, fileoff[i]);
	buf_put(&t, strs.p, strs.n);
	buf_put(&t, lines.p, lines.n);
	buf_put(&t, args.p, args.n);
	if (link_define(l, tab, LK_RODATA, 8, t.p, t.n, 0)) {
		for (uint32_t i = 0; i < n; i++)
			link_add_reloc(l, tab, FT_HDR + (uint64_t)i * FT_ENTRY, LR_ADDR, 8, fs[i].sym, 0);
	}
	buf_free(&t);
	buf_free(&strs);
	buf_free(&lines);
	buf_free(&args);
	free(fileoff);
	free(nameoff);
	free(lineoff);
	free(argoff);
	free(mapoff);
	free(fs);
}
