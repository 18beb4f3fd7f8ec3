/*
 * deadcode.c — drops the symbols a Go program cannot reach (the model is
 * gc's linker's dead-code pass; this is goc's own formulation of it).
 *
 * Marking starts at the entry point, the .init_array entries and
 * runtime.unreachableMethod, and follows every relocation of every
 * reached atom (an alias marks its outer atom, as gc marks the carrier
 * section of a host object's symbol: a C object's section is kept whole).
 * The C runtime refers to what it needs (main..inittask, runtime.types,
 * the typelinks, ...), so it roots the rest.  Four kinds of relocation are
 * not followed (link.h; LR_KEEP, a marker, is followed):
 *
 *   LR_WEAKOFF, LR_WEAKADDR  ptrToThis, the typelinks' and itablinks'
 *                 entries, an itab's methods: they keep nothing alive.
 *                 runtime.typelink and runtime.itablink lose the entries
 *                 of dropped symbols (compact_tables) as gc's linker lists
 *                 only reachable types and itabs; a dropped method in a
 *                 kept itab points at runtime.unreachableMethod.
 *   LR_METHODOFF  a method table entry's mtyp, ifn and tfn (three in a
 *                 row, after the LR_SECTOFF of the method's name).  The
 *                 entry is kept (its three targets marked) when the
 *                 method's name and type equal those of an interface
 *                 method the program calls, or when the program can call
 *                 methods by reflection and the method is exported.
 *                 A dropped entry reads -1 (the runtime's "unreachable":
 *                 getitab does not match it, reflect calls
 *                 unreachableMethod).
 *   LR_USEIFACEMETHOD  a marker in a function that calls method A of
 *                 interface type S: adds (name, type) of that method to
 *                 the set of called interface methods.
 *
 * "Can call methods by reflection": a reached function has
 * LFN_REFLECTMETHOD (the compiler saw a call of reflect's Type.Method or
 * MethodByName), or reflect.Value.Method or MethodByName is reached.
 * The C runtime calls Error() and String() through itabs (panic values),
 * so those two signatures are called from the start.
 *
 * Unlike gc, every reached type counts as converted to an interface (gc
 * narrows the candidates to types with R_USEIFACE); the set of called
 * interface methods is what keeps most methods out.
 *
 * Cost: every reached atom's relocations are scanned once; the method
 * entries of reached types are re-tested after each round of marking
 * (a round ends when the work list is empty; rounds are few).
 */
#include "linkout.h"

/* Go type descriptor layout (runtime/type.h) */
enum { TD_TFLAG = 20, TD_KIND = 23, TD_IFACE = 80, TD_UNCOMMON = 16, TD_IMETHOD = 8, TF_UNCOMMON = 1 };

typedef struct Sig {
	const char *name;
	uint32_t n;
	const LinkSym *mtyp;
} Sig;

typedef struct Method {
	Sig sig;
	LinkSym *type;
	uint32_t rel; /* index of the mtyp relocation */
	bool exported;
} Method;

typedef struct Dc {
	Link *l;
	LinkSymVec work;
	Sig *sigs; /* open addressing, at most half full; name NULL: empty */
	uint32_t nsigs, capsigs;
	Method *ms;
	uint32_t nms, capms;
	bool reflect;
} Dc;

static void mark(Dc *d, LinkSym *s)
{
	if (!s)
		return;
	if (s->outer)
		s = s->outer;
	if (!(s->flags & LF_ATOM) || (s->flags & LF_REACH))
		return;
	s->flags |= LF_REACH;
	linkvec_push(&d->work, s);
}

/* ---- the set of called interface methods ---- */

static uint32_t sighash(const Sig *g)
{
	return link_hash(g->name, g->n) ^ (uint32_t)((uintptr_t)g->mtyp >> 4) * 2654435761u;
}

static bool sigeq(const Sig *a, const Sig *b)
{
	return a->mtyp == b->mtyp && a->n == b->n && memcmp(a->name, b->name, a->n) == 0;
}

static Sig *sigslot(Sig *tab, uint32_t cap, const Sig *g)
{
	for (uint32_t j = sighash(g) & (cap - 1);; j = (j + 1) & (cap - 1))
		if (!tab[j].name || sigeq(&tab[j], g))
			return &tab[j];
}

static void addsig(Dc *d, const Sig *g)
{
	if (2 * (d->nsigs + 1) > d->capsigs) {
		uint32_t ncap = d->capsigs ? 2 * d->capsigs : 256;
		Sig *nt = xcalloc(ncap, sizeof *nt);
		for (uint32_t i = 0; i < d->capsigs; i++)
			if (d->sigs[i].name)
				*sigslot(nt, ncap, &d->sigs[i]) = d->sigs[i];
		free(d->sigs);
		d->sigs = nt;
		d->capsigs = ncap;
	}
	Sig *e = sigslot(d->sigs, d->capsigs, g);
	if (!e->name) {
		*e = *g;
		d->nsigs++;
	}
}

static bool hassig(const Dc *d, const Sig *g)
{
	return d->capsigs && sigslot(d->sigs, d->capsigs, g)->name;
}

/* ---- reading descriptors ---- */

/* The name a type..namedata symbol encodes (flags byte, uvarint length,
 * bytes); false if s is not one. */
static bool namedata(const LinkSym *s, Sig *g, bool *exported)
{
	if (!s || !(s->flags & LF_ATOM) || !s->data || s->size < 2)
		return false;
	uint64_t n = 0, i = 1;
	for (int shift = 0; i < s->size; shift += 7) {
		uint8_t b = s->data[i++];
		n |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
	}
	if (i + n > s->size || n == 0)
		return false;
	g->name = (const char *)s->data + i;
	g->n = (uint32_t)n;
	*exported = s->data[0] & 1;
	return true;
}

/* The relocation of s at offset off, or NULL. */
static const LinkReloc *reloc_at(const LinkSym *s, uint64_t off)
{
	for (uint32_t i = 0; i < s->nrelocs; i++)
		if (s->relocs[i].off == off && s->relocs[i].size)
			return &s->relocs[i];
	return NULL;
}

/* method k of interface type descriptor t (a marker's target) */
static void use_iface_method(Dc *d, const LinkSym *t, int64_t k)
{
	if (!(t->flags & LF_ATOM) || !t->data || t->size < TD_IFACE)
		return;
	uint64_t off = TD_IFACE + ((t->data[TD_TFLAG] & TF_UNCOMMON) ? TD_UNCOMMON : 0) + (uint64_t)k * TD_IMETHOD;
	const LinkReloc *rn = reloc_at(t, off), *rt = reloc_at(t, off + 4);
	Sig g;
	bool exp;
	if (!rn || !rt || !namedata(rn->target, &g, &exp)) {
		link_errorf(d->l, "%s: no interface method %lld for its callers", t->name, (long long)k);
		return;
	}
	g.mtyp = rt->target;
	addsig(d, &g);
}

/* the method entry whose mtyp is relocation i of type descriptor s */
static void add_method(Dc *d, LinkSym *s, uint32_t i)
{
	Method m = {.type = s, .rel = i};
	if (i == 0 || i + 2 >= s->nrelocs || !namedata(s->relocs[i - 1].target, &m.sig, &m.exported)) {
		link_errorf(d->l, "%s: malformed method table entry", s->name);
		return;
	}
	m.sig.mtyp = s->relocs[i].target;
	if (d->nms == d->capms) {
		d->capms = d->capms ? 2 * d->capms : 256;
		d->ms = xrealloc(d->ms, d->capms * sizeof *d->ms);
	}
	d->ms[d->nms++] = m;
}

static void flood(Dc *d)
{
	while (d->work.n) {
		LinkSym *s = d->work.v[--d->work.n];
		if (s->func && (s->func->flags & LFN_REFLECTMETHOD))
			d->reflect = true;
		for (uint32_t i = 0; i < s->nrelocs; i++) {
			LinkReloc *r = &s->relocs[i];
			switch (r->type) {
			case LR_WEAKOFF:
			case LR_WEAKADDR:
				break;
			case LR_USEIFACEMETHOD:
				use_iface_method(d, r->target, r->addend);
				break;
			case LR_METHODOFF:
				add_method(d, s, i);
				i += 2;
				break;
			default:
				mark(d, r->target);
			}
		}
	}
}

static bool reached(Link *l, const char *name)
{
	LinkSym *s = link_find(l, name, strlen(name));
	if (s && s->outer)
		s = s->outer;
	return s && (s->flags & LF_REACH);
}

/* Marks the entries of reached types' method tables that can be called;
 * returns whether anything new is to be flooded. */
static bool mark_methods(Dc *d)
{
	if (!d->reflect)
		d->reflect = reached(d->l, "reflect.Value.Method") || reached(d->l, "reflect.Value.MethodByName");
	uint32_t k = 0;
	for (uint32_t i = 0; i < d->nms; i++) {
		Method *m = &d->ms[i];
		if ((d->reflect && m->exported) || hassig(d, &m->sig)) {
			for (int j = 0; j < 3; j++)
				mark(d, m->type->relocs[m->rel + j].target);
		} else
			d->ms[k++] = *m;
	}
	d->nms = k;
	return d->work.n > 0;
}

/* ---- after marking ---- */

/* Drops the entries of table s (hdr bytes, then entries of size es, one
 * relocation each) whose target is dead; the count is the uint64 at count
 * (a symbol, at offset 0) or, for NULL, hdr's first word. */
static void compact_table(Link *l, const char *name, uint32_t hdr, uint32_t es, const char *countsym)
{
	LinkSym *s = link_find(l, name, strlen(name));
	if (!s || !(s->flags & LF_ATOM) || !(s->flags & LF_REACH) || !s->data)
		return;
	uint32_t k = 0;
	for (uint32_t i = 0; i < s->nrelocs; i++) {
		LinkReloc r = s->relocs[i];
		if (r.off < hdr || (r.target->flags & LF_DEAD))
			continue;
		r.off = hdr + (uint64_t)k * es;
		s->relocs[k++] = r;
	}
	uint64_t n = k;
	s->nrelocs = k;
	s->size = hdr + (uint64_t)k * es;
	memset(s->data + hdr, 0, s->size - hdr);
	LinkSym *c = countsym ? link_find(l, countsym, strlen(countsym)) : s;
	if (c && (c->flags & LF_ATOM) && c->data && c->size >= 8)
		memcpy(c->data, &n, 8);
}

/* Removes dead atoms from their kind's list; marks dead atoms and the
 * aliases into them LF_DEAD. */
static void sweep(Link *l)
{
	for (uint32_t i = 0; i < l->all.n; i++) {
		LinkSym *s = l->all.v[i];
		LinkSym *a = s->outer ? s->outer : s;
		if ((a->flags & LF_ATOM) && !(a->flags & LF_REACH))
			s->flags |= LF_DEAD;
	}
	for (int k = 1; k < LK_NKINDS; k++) {
		LinkSymVec *v = &l->atoms[k];
		uint32_t n = 0;
		for (uint32_t i = 0; i < v->n; i++)
			if (!(v->v[i]->flags & LF_DEAD))
				v->v[n++] = v->v[i];
		v->n = n;
	}
}

void link_deadcode(Link *l, const char *entry)
{
	if (!l->deadcode)
		return;
	Dc d = {.l = l};
	mark(&d, link_find(l, entry, strlen(entry)));
	l->unreachable = link_find(l, "runtime.unreachableMethod", 25);
	mark(&d, l->unreachable);
	LinkSymVec *init = &l->atoms[LK_INITARRAY];
	for (uint32_t i = 0; i < init->n; i++)
		mark(&d, init->v[i]);
	static const char *const called[] = {"Error", "String"}; /* by the C runtime */
	LinkSym *fs = link_find(l, "type.func() string", 18);
	for (size_t i = 0; fs && i < NELEM(called); i++)
		addsig(&d, &(Sig){called[i], (uint32_t)strlen(called[i]), fs});
	do
		flood(&d);
	while (mark_methods(&d));
	sweep(l);
	compact_table(l, "runtime.typelink", 0, 4, "runtime.ntypelink");
	compact_table(l, "runtime.itablink", 8, 8, NULL);
	free(d.work.v);
	free(d.sigs);
	free(d.ms);
}
