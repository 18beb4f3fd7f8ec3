/*
 * pkgentry.c — a compiled package as the build cache keeps it: a
 * goc-private serialization of the link symbols the package's
 * compilation defined, so that the program's link gets exactly the
 * symbols it would have got in memory.
 *
 * A package is compiled into a link of its own (holding nothing else):
 * its functions with their line rows and function-table data, its
 * variables and inittask, and every type descriptor, itab, wrapper and
 * generic instance it needs, all DUPOK as gc marks them (two packages may
 * carry the same descriptor: the linker keeps the first copy).  Its
 * assembly is kept as the assembler's ELF objects, read by the linker's
 * ELF reader as before.  The format (base.h's buf_uvarint/buf_bytes):
 *
 *   "goc pkg 1\n"
 *   meta       linknames (key, target)*, assembly symbols (name, abi)*,
 *              facts, compiler output, flags
 *   typedesc   typedesc_export's lists (typelinks, itabs, ptrToThis)
 *   files      the line tables' file names
 *   symbols    in definition order per kind: name, kind, flags, align,
 *              size, bytes, relocations (off, type, size, addend,
 *              target name), line rows, function data
 *   aliases    (name, outer, off)*
 *   objects    (display name, ELF bytes)*
 *
 * Reading adds the symbols in the same order with link_add_symbol, so
 * resolution is the linker's own: a DUPOK copy loses to the first; a
 * zeroed variable that the program's link already defines (the C
 * runtime's, or another package's //go:linkname of the same variable)
 * keeps the first definition, as the shared link of one compilation did.
 */
#include "../base/base.h"
#include "pkgentry.h"

static const char magic[] = "goc pkg 1\n";

static void put_i64(Buf *b, int64_t v) { buf_uvarint(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }
static int64_t rd_i64(Rd *r)
{
	uint64_t u = rd_uvarint(r);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

static bool zeroed(LinkKind k) { return k == LK_BSS || k == LK_NOPTRBSS || k == LK_TBSS; }

static void write_meta(Buf *out, const PkgMeta *m)
{
	buf_uvarint(out, (uint64_t)m->nlinknames);
	for (int i = 0; i < m->nlinknames; i++) {
		buf_str(out, m->lnkeys[i]);
		buf_str(out, m->lnvals[i]);
	}
	buf_uvarint(out, (uint64_t)m->nasmsyms);
	for (int i = 0; i < m->nasmsyms; i++) {
		buf_str(out, m->asmnames[i]);
		buf_uvarint(out, m->asmabis[i]);
	}
	buf_bytes(out, m->facts, m->nfacts);
	buf_bytes(out, m->output, m->noutput);
	buf_uvarint(out, m->ssadumped);
}

static void write_sym(Buf *out, LinkSym *s)
{
	buf_str(out, s->name);
	buf_uvarint(out, s->kind);
	buf_uvarint(out, s->flags & (LF_WEAK | LF_DUPOK | LF_NOSYM));
	buf_uvarint(out, s->align);
	buf_uvarint(out, s->size);
	if (!zeroed((LinkKind)s->kind))
		buf_put(out, s->data, s->size);
	buf_uvarint(out, s->nrelocs);
	for (uint32_t i = 0; i < s->nrelocs; i++) {
		LinkReloc *r = &s->relocs[i];
		if (r->target->flags & LF_LOCAL)
			ice(NoPos, "build", "%s: relocation to a local symbol %s", s->name, r->target->name);
		buf_uvarint(out, r->off);
		buf_uvarint(out, r->type);
		buf_uvarint(out, r->size);
		put_i64(out, r->addend);
		buf_str(out, r->target->name);
	}
	buf_uvarint(out, s->nlines);
	for (uint32_t i = 0; i < s->nlines; i++) {
		buf_uvarint(out, s->lines[i].pcoff);
		buf_uvarint(out, s->lines[i].file);
		buf_uvarint(out, s->lines[i].line);
	}
	buf_uvarint(out, s->func != NULL);
	if (s->func) {
		put_i64(out, s->func->frame);
		buf_uvarint(out, s->func->argsize);
		buf_bytes(out, s->func->arginfo, s->func->narginfo);
		buf_uvarint(out, s->func->flags);
		buf_bytes(out, s->func->stackmap, s->func->nstackmap);
	}
}

void pkgentry_write(Buf *out, const PkgMeta *m, Link *l, TypeGen *tg, const Buf *objs, int nobjs)
{
	buf_put(out, magic, sizeof magic - 1);
	write_meta(out, m);
	typedesc_export(tg, out);
	buf_uvarint(out, l->nfiles);
	for (uint32_t i = 0; i < l->nfiles; i++)
		buf_str(out, l->files[i]);
	uint64_t n = 0;
	for (int k = 0; k < LK_NKINDS; k++)
		for (uint32_t i = 0; i < l->atoms[k].n; i++)
			n += l->atoms[k].v[i]->kind == k;
	buf_uvarint(out, n);
	for (int k = 0; k < LK_NKINDS; k++)
		for (uint32_t i = 0; i < l->atoms[k].n; i++) {
			LinkSym *s = l->atoms[k].v[i];
			if (s->kind != k)
				continue; /* redefined since */
			if (s->flags & LF_LOCAL)
				ice(NoPos, "build", "a package's local symbol %s", s->name);
			write_sym(out, s);
		}
	n = 0;
	for (uint32_t i = 0; i < l->all.n; i++)
		n += l->all.v[i]->outer != NULL;
	buf_uvarint(out, n);
	for (uint32_t i = 0; i < l->all.n; i++) {
		LinkSym *s = l->all.v[i];
		if (!s->outer)
			continue;
		buf_str(out, s->name);
		buf_str(out, s->outer->name);
		buf_uvarint(out, s->off);
	}
	buf_uvarint(out, (uint64_t)nobjs);
	buf_put(out, objs->p, objs->n);
}

static bool read_meta(Rd *r, PkgMeta *m, Arena *a)
{
	memset(m, 0, sizeof *m);
	uint64_t n = rd_uvarint(r);
	if (n > (uint64_t)(r->end - r->p))
		return false;
	m->nlinknames = (int)n;
	m->lnkeys = arena_alloc(a, (n + 1) * sizeof *m->lnkeys);
	m->lnvals = arena_alloc(a, (n + 1) * sizeof *m->lnvals);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		m->lnkeys[i] = rd_str(r, a);
		m->lnvals[i] = rd_str(r, a);
	}
	n = rd_uvarint(r);
	if (n > (uint64_t)(r->end - r->p))
		return false;
	m->nasmsyms = (int)n;
	m->asmnames = arena_alloc(a, (n + 1) * sizeof *m->asmnames);
	m->asmabis = arena_alloc(a, n + 1);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		m->asmnames[i] = rd_str(r, a);
		m->asmabis[i] = (uint8_t)rd_uvarint(r);
	}
	m->facts = rd_bytes(r, &m->nfacts);
	m->output = rd_bytes(r, &m->noutput);
	m->ssadumped = rd_uvarint(r) != 0;
	return !r->bad;
}

/* one symbol; added to l unless l is NULL */
static bool read_sym(Rd *r, Link *l, const uint32_t *files, uint32_t nfiles)
{
	size_t nn;
	const char *name = (const char *)rd_bytes(r, &nn);
	LinkKind kind = (LinkKind)rd_uvarint(r);
	uint32_t flags = (uint32_t)rd_uvarint(r);
	uint32_t align = (uint32_t)rd_uvarint(r);
	uint64_t size = rd_uvarint(r);
	if (r->bad || kind == LK_UNDEF || kind >= LK_ABS || !align || (align & (align - 1)))
		return false;
	const uint8_t *data = NULL;
	if (!zeroed(kind)) {
		if (size > (uint64_t)(r->end - r->p))
			return false;
		data = r->p;
		r->p += size;
	}
	LinkSym *s = NULL;
	if (l) {
		s = link_lookup(l, name, nn);
		/* a variable defined already (the C runtime's, or the same
		 * //go:linkname'd variable of an earlier package) keeps it */
		if (!(zeroed(kind) && s->kind != LK_UNDEF && !(flags & LF_DUPOK)) &&
		    !link_define(l, s, kind, align, data, size, flags))
			s = NULL;
	}
	uint64_t nr = rd_uvarint(r);
	for (uint64_t i = 0; i < nr && !r->bad; i++) {
		uint64_t off = rd_uvarint(r);
		int type = (int)rd_uvarint(r), rsize = (int)rd_uvarint(r);
		int64_t addend = rd_i64(r);
		size_t tn;
		const char *tname = (const char *)rd_bytes(r, &tn);
		if (r->bad || (rsize ? off + (uint64_t)rsize > size || zeroed(kind) : off != 0) || type > LR_KEEP)
			return false;
		if (!s)
			continue;
		LinkSym *t = link_lookup(l, tname, tn);
		if (rsize == 0)
			link_add_marker(l, s, (LinkRelocType)type, t, addend);
		else
			link_add_reloc(l, s, off, (LinkRelocType)type, rsize, t, addend);
	}
	uint64_t nl = rd_uvarint(r);
	if (nl > (uint64_t)(r->end - r->p))
		return false;
	LinkLine *rows = xmalloc((size_t)(nl + 1) * sizeof *rows);
	for (uint64_t i = 0; i < nl; i++) {
		rows[i].pcoff = (uint32_t)rd_uvarint(r);
		uint64_t f = rd_uvarint(r);
		rows[i].file = f < nfiles ? files[f] : 0;
		rows[i].line = (uint32_t)rd_uvarint(r);
		if (f >= nfiles)
			r->bad = true;
	}
	if (s && nl && !r->bad)
		link_set_lines(l, s, rows, (uint32_t)nl);
	free(rows);
	if (rd_uvarint(r)) {
		LinkFunc fn = {0};
		fn.frame = (int32_t)rd_i64(r);
		fn.argsize = (uint32_t)rd_uvarint(r);
		size_t na;
		fn.arginfo = rd_bytes(r, &na);
		fn.narginfo = (uint32_t)na;
		fn.flags = (uint32_t)rd_uvarint(r);
		size_t nm;
		fn.stackmap = rd_bytes(r, &nm);
		fn.nstackmap = (uint32_t)nm;
		if (s && !r->bad)
			link_set_func(l, s, &fn);
	}
	return !r->bad;
}

/* the assembled objects: each copied, as the link keeps (and patches) its bytes */
static bool read_objects(Rd *r, Link *l)
{
	uint64_t n = rd_uvarint(r);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		char name[4096];
		size_t nn, len;
		const uint8_t *p = rd_bytes(r, &nn);
		snprintf(name, sizeof name, "%.*s", (int)nn, (const char *)p);
		const uint8_t *obj = rd_bytes(r, &len);
		if (!l || r->bad)
			continue;
		uint8_t *copy = xmalloc(len ? len : 1);
		memcpy(copy, obj, len);
		link_load_object_mem(l, name, copy, len); /* errors: reported, counted by the link */
	}
	return !r->bad && r->p == r->end;
}

bool pkgentry_read(const uint8_t *data, size_t len, PkgMeta *m, Arena *a, Link *l, TypeGen *tg, const char *unit,
		   const PkgFileNames *names)
{
	Rd r = {data, data + len, false};
	size_t ml = sizeof magic - 1;
	if (len < ml || memcmp(data, magic, ml) != 0)
		return false;
	r.p += ml;
	if (!read_meta(&r, m, a))
		return false;
	if (tg) {
		if (!typedesc_import(tg, &r))
			return false;
	} else {
		/* the lists, checked only */
		for (int list = 0; list < 3 && !r.bad; list++) {
			uint64_t n = rd_uvarint(&r);
			for (uint64_t i = 0; i < n && !r.bad; i++) {
				size_t x;
				rd_bytes(&r, &x);
				if (list == 0)
					rd_bytes(&r, &x);
				else if (list == 2) {
					rd_uvarint(&r);
					rd_bytes(&r, &x);
				}
			}
		}
	}
	uint64_t nf = rd_uvarint(&r);
	if (r.bad || nf > (uint64_t)(r.end - r.p))
		return false;
	uint32_t *files = xmalloc((size_t)(nf + 1) * sizeof *files);
	for (uint64_t i = 0; i < nf; i++) {
		const char *f = rd_str(&r, a);
		if (l && names)
			f = names->fn(names->ctx, f);
		files[i] = l ? link_file(l, f) : 0;
	}
	if (l)
		link_set_unit(l, unit);
	uint64_t ns = rd_uvarint(&r);
	bool ok = !r.bad;
	for (uint64_t i = 0; i < ns && ok; i++)
		ok = read_sym(&r, l, files, (uint32_t)nf);
	free(files);
	uint64_t na = ok ? rd_uvarint(&r) : 0;
	for (uint64_t i = 0; i < na && ok && !r.bad; i++) {
		size_t n1, n2;
		const char *name = (const char *)rd_bytes(&r, &n1);
		const char *outer = (const char *)rd_bytes(&r, &n2);
		uint64_t off = rd_uvarint(&r);
		if (l && !r.bad) {
			LinkSym *s = link_lookup(l, name, n1);
			if (s->kind == LK_UNDEF)
				link_define_alias(l, s, link_lookup(l, outer, n2), off);
		}
	}
	ok = ok && !r.bad && read_objects(&r, l);
	if (l)
		link_set_unit(l, NULL);
	return ok;
}
