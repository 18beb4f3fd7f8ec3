/*
 * link.c — the linker's symbol table: one hash table of global names,
 * symbol resolution (strong, weak, common, DUPOK), relocations added by
 * the code generator, errors in gc's wording.
 */
#include "link.h"

uint32_t link_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (uint8_t)s[i];
		h *= 16777619u;
	}
	return h;
}

void linkvec_push(LinkSymVec *v, LinkSym *s)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof v->v[0]);
	}
	v->v[v->n++] = s;
}

Link *link_new(void)
{
	Link *l = xcalloc(1, sizeof *l);
	arena_init(&l->arena);
	l->hcap = 1024;
	l->htab = xcalloc(l->hcap, sizeof l->htab[0]);
	return l;
}

void link_free(Link *l)
{
	if (!l)
		return;
	for (uint32_t i = 0; i < l->all.n; i++) {
		LinkSym *s = l->all.v[i];
		if (s->caprelocs)
			free(s->relocs);
	}
	free(l->all.v);
	for (int k = 0; k < LK_NKINDS; k++)
		free(l->atoms[k].v);
	free(l->commons.v);
	free(l->gotsyms.v);
	free(l->gottls);
	free(l->files);
	free(l->filehash);
	for (uint32_t i = 0; i < l->nblobs; i++)
		free(l->blobs[i]);
	free(l->blobs);
	free(l->comdat);
	free(l->htab);
	arena_free(&l->arena);
	free(l);
}

void link_errorf(Link *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (++l->nerrors > 20) {
		fputs("too many errors\n", stderr);
		exit(2);
	}
}

int link_nerrors(Link *l) { return l->nerrors; }

static LinkSym *newsym(Link *l, const char *name, size_t n, uint32_t h)
{
	LinkSym *s = arena_alloc(&l->arena, sizeof *s);
	s->name = arena_strndup(&l->arena, name, n);
	s->namelen = (uint32_t)n;
	s->hash = h;
	s->got = -1;
	s->gottp = -1;
	s->align = 1;
	linkvec_push(&l->all, s);
	return s;
}

static void rehash(Link *l)
{
	uint32_t ncap = l->hcap * 2;
	struct LinkSlot *nt = xcalloc(ncap, sizeof nt[0]);
	for (uint32_t i = 0; i < l->hcap; i++) {
		if (!l->htab[i].sym)
			continue;
		uint32_t j = l->htab[i].hash & (ncap - 1);
		while (nt[j].sym)
			j = (j + 1) & (ncap - 1);
		nt[j] = l->htab[i];
	}
	free(l->htab);
	l->htab = nt;
	l->hcap = ncap;
}

/* The slot of name (its symbol, or the empty slot where it belongs). */
static struct LinkSlot *slot(Link *l, const char *name, size_t n, uint32_t h)
{
	uint32_t mask = l->hcap - 1;
	for (uint32_t j = h & mask;; j = (j + 1) & mask) {
		struct LinkSlot *e = &l->htab[j];
		if (!e->sym)
			return e;
		if (e->hash == h && e->sym->namelen == n && memcmp(e->sym->name, name, n) == 0)
			return e;
	}
}

LinkSym *link_find(Link *l, const char *name, size_t n)
{
	return slot(l, name, n, link_hash(name, n))->sym;
}

LinkSym *link_lookup(Link *l, const char *name, size_t n)
{
	uint32_t h = link_hash(name, n);
	struct LinkSlot *e = slot(l, name, n, h);
	if (e->sym)
		return e->sym;
	LinkSym *s = newsym(l, name, n, h);
	e->hash = h;
	e->sym = s;
	if (2 * ++l->hcount > l->hcap)
		rehash(l);
	return s;
}

LinkSym *link_new_local(Link *l, const char *name, size_t n)
{
	LinkSym *s = newsym(l, name, n, 0);
	s->flags |= LF_LOCAL;
	return s;
}

const char *link_kindname(LinkKind k)
{
	static const char *names[LK_NKINDS] = {
		"undefined", "text", "rodata", "noptrdata", "data", "bss",
		"noptrbss", "tdata", "tbss", "init_array", "abs",
	};
	return k < LK_NKINDS ? names[k] : "?";
}

static bool defined(const LinkSym *s) { return s->kind != LK_UNDEF; }

/*
 * resolve decides whether a new definition (flags nf, from file) replaces
 * s's current one.  Returns 1: use the new one; 0: keep the old one;
 * -1: duplicate (reported).
 */
int link_resolve(Link *l, LinkSym *s, uint32_t nf, const char *file)
{
	if (s->flags & LF_LOCAL)
		return 1;
	if (!defined(s) || (s->flags & LF_COMMON))
		return 1;
	if (s->flags & LF_LINKER)
		return 1;
	bool oldweak = s->flags & LF_WEAK, newweak = nf & LF_WEAK;
	if (newweak)
		return 0;
	if (oldweak)
		return 1;
	if ((s->flags & LF_DUPOK) && (nf & LF_DUPOK))
		return 0;
	if (s->file && file)
		link_errorf(l, "duplicated definition of symbol %s, from %s and %s", s->name, s->file, file);
	else
		link_errorf(l, "duplicated definition of symbol %s", s->name);
	return -1;
}

/* Makes s an atom of kind k (after a successful resolve). */
void link_define_alias(Link *l, LinkSym *s, LinkSym *outer, uint64_t off)
{
	(void)l;
	s->flags &= ~(LF_WEAK | LF_DUPOK | LF_COMMON | LF_LINKER | LF_ATOM);
	s->kind = outer->kind;
	s->outer = outer;
	s->off = off;
	s->size = 0;
}

void link_make_atom(Link *l, LinkSym *s, LinkKind k, uint32_t align, uint64_t size, uint32_t flags)
{
	s->flags &= ~(LF_WEAK | LF_DUPOK | LF_COMMON | LF_LINKER);
	s->flags |= (flags & (LF_WEAK | LF_DUPOK | LF_NOSYM)) | LF_ATOM;
	s->kind = (uint8_t)k;
	s->align = align ? align : 1;
	s->size = size;
	s->outer = NULL;
	s->off = 0;
	s->data = NULL;
	if (s->caprelocs)
		free(s->relocs);
	s->relocs = NULL;
	s->nrelocs = s->caprelocs = 0;
	linkvec_push(&l->atoms[k], s);
}

static bool zeroed_kind(LinkKind k)
{
	return k == LK_BSS || k == LK_NOPTRBSS || k == LK_TBSS;
}

bool link_define(Link *l, LinkSym *s, LinkKind kind, uint32_t align,
		 const void *data, uint64_t size, uint32_t flags)
{
	if (kind == LK_UNDEF || kind == LK_ABS || kind >= LK_NKINDS)
		ice(NoPos, "link", "link_define %s: bad kind %d", s->name, kind);
	if (align & (align - 1))
		ice(NoPos, "link", "link_define %s: alignment %u", s->name, align);
	int r = link_resolve(l, s, flags, l->unit);
	if (r <= 0)
		return false;
	link_make_atom(l, s, kind, align, size, flags);
	s->file = l->unit;
	if (!zeroed_kind(kind)) {
		s->data = arena_alloc(&l->arena, size);
		if (data)
			memcpy(s->data, data, size);
	}
	return true;
}

LinkSym *link_add_symbol(Link *l, const char *name, LinkKind kind, uint32_t align,
			 const void *data, uint64_t size, uint32_t flags)
{
	size_t n = strlen(name);
	LinkSym *s = (flags & LF_LOCAL) ? link_new_local(l, name, n) : link_lookup(l, name, n);
	return link_define(l, s, kind, align, data, size, flags) ? s : NULL;
}

void link_define_abs(Link *l, LinkSym *s, uint64_t value, uint32_t flags)
{
	if (link_resolve(l, s, flags, l->unit) <= 0)
		return;
	s->file = l->unit;
	s->flags &= ~(LF_WEAK | LF_DUPOK | LF_COMMON | LF_ATOM | LF_LINKER);
	s->flags |= flags & (LF_WEAK | LF_NOSYM);
	s->kind = LK_ABS;
	s->addr = value;
	s->outer = NULL;
}

void link_set_unit(Link *l, const char *unit) { l->unit = unit; }

void link_add_reloc(Link *l, LinkSym *s, uint64_t off, LinkRelocType type, int size,
		    LinkSym *target, int64_t addend)
{
	if (!(s->flags & LF_ATOM))
		ice(NoPos, "link", "relocation in %s, which is not an atom", s->name);
	if (size != 1 && size != 2 && size != 4 && size != 8)
		ice(NoPos, "link", "relocation of size %d in %s", size, s->name);
	if (off + (uint64_t)size > s->size || zeroed_kind((LinkKind)s->kind))
		ice(NoPos, "link", "relocation at %llu+%d outside %s (size %llu)",
		    (unsigned long long)off, size, s->name, (unsigned long long)s->size);
	if (s->nrelocs == s->caprelocs) {
		uint32_t ncap = s->caprelocs ? s->caprelocs * 2 : 4;
		LinkReloc *nr = xmalloc(ncap * sizeof *nr);
		if (s->nrelocs)
			memcpy(nr, s->relocs, s->nrelocs * sizeof *nr);
		if (s->caprelocs)
			free(s->relocs);
		s->relocs = nr;
		s->caprelocs = ncap;
	}
	LinkReloc *r = &s->relocs[s->nrelocs++];
	r->off = off;
	r->target = target;
	r->addend = addend;
	r->type = (uint8_t)type;
	r->size = (uint8_t)size;
	(void)l;
}

void link_add_marker(Link *l, LinkSym *s, LinkRelocType type, LinkSym *target, int64_t addend)
{
	if (type != LR_USEIFACEMETHOD && type != LR_KEEP)
		ice(NoPos, "link", "marker relocation of type %d in %s", type, s->name);
	link_add_reloc(l, s, 0, type, 1, target, addend);
	s->relocs[s->nrelocs - 1].size = 0;
}

void link_set_deadcode(Link *l, bool on) { l->deadcode = on; }

void link_set_strip(Link *l, bool symtab, bool dwarf)
{
	l->nosymtab = symtab;
	l->nodwarf = dwarf || symtab;
}

uint32_t link_file(Link *l, const char *path)
{
	size_t n = strlen(path);
	if (2 * (l->nfiles + 1) > l->filehcap) {
		uint32_t ncap = l->filehcap ? l->filehcap * 2 : 64;
		uint32_t *nt = xcalloc(ncap, sizeof nt[0]);
		for (uint32_t i = 0; i < l->nfiles; i++) {
			uint32_t j = link_hash(l->files[i], strlen(l->files[i])) & (ncap - 1);
			while (nt[j])
				j = (j + 1) & (ncap - 1);
			nt[j] = i + 1;
		}
		free(l->filehash);
		l->filehash = nt;
		l->filehcap = ncap;
	}
	uint32_t j = link_hash(path, n) & (l->filehcap - 1);
	for (; l->filehash[j]; j = (j + 1) & (l->filehcap - 1))
		if (strcmp(l->files[l->filehash[j] - 1], path) == 0)
			return l->filehash[j] - 1;
	if (l->nfiles == l->capfiles) {
		l->capfiles = l->capfiles ? l->capfiles * 2 : 16;
		l->files = xrealloc(l->files, l->capfiles * sizeof l->files[0]);
	}
	l->files[l->nfiles] = arena_strndup(&l->arena, path, n);
	l->filehash[j] = l->nfiles + 1;
	return l->nfiles++;
}

void link_set_lines(Link *l, LinkSym *s, const LinkLine *rows, uint32_t n)
{
	s->lines = arena_alloc(&l->arena, n * sizeof *rows);
	if (n)
		memcpy(s->lines, rows, n * sizeof *rows);
	s->nlines = n;
}

void link_set_func(Link *l, LinkSym *s, const LinkFunc *f)
{
	LinkFunc *c = arena_alloc(&l->arena, sizeof *c);
	*c = *f;
	if (f->narginfo) {
		uint8_t *a = arena_alloc(&l->arena, f->narginfo);
		memcpy(a, f->arginfo, f->narginfo);
		c->arginfo = a;
	}
	if (f->nstackmap) {
		uint8_t *a = arena_alloc(&l->arena, f->nstackmap);
		memcpy(a, f->stackmap, f->nstackmap);
		c->stackmap = a;
	}
	s->func = c;
}

uint64_t link_symaddr(const LinkSym *s)
{
	if (s->outer)
		return s->outer->addr + s->off;
	return s->addr;
}
