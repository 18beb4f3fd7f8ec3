/*
 * typedesc.c — emission of type descriptors, names, method tables,
 * equality/hash records, itabs and typelinks into the linker's symbols
 * (typedesc.h has the symbol names and the limits; runtime/type.h the
 * layout).  Follows reflectdata.writeType: a descriptor is the _type,
 * the kind-specific part, the uncommon part (named types and types with
 * methods), then variable-length data (fields, imethods, parameter
 * types) and last the methods, sorted exported-first then by name.
 *
 * Descriptors refer to each other by symbol: a reference creates the
 * (undefined) symbol and queues the type; the queue is drained before
 * typedesc_type returns, so no recursion follows the type graph.
 */
#include "typedesc.h"

Object **typestr_imethods(Type *iface, uint32_t *n); /* typestr.c */
void typestr_sortmethods(Object **v, uint32_t n);     /* typestr.c */
void typestr_set_bucket(Type *strct, Type *map);      /* typestr.c */
Type *typestr_bucket_map(Type *strct);                /* typestr.c */

enum {
	SZ_TYPE = 48, SZ_PTR = 56, SZ_ARRAY = 72, SZ_CHAN = 64, SZ_FUNC = 56,
	SZ_IFACE = 80, SZ_MAP = 88, SZ_STRUCT = 80, SZ_UNCOMMON = 16,
	SZ_METHOD = 16, SZ_IMETHOD = 8, SZ_FIELD = 24,
	BUCKETCNT = 8, MAXKEYSIZE = 128, MAXELEMSIZE = 128,
	TF_UNCOMMON = 1, TF_EXTRASTAR = 2, TF_NAMED = 4, TF_REGULARMEMORY = 8,
	KIND_DIRECTIFACE = 32,
};

/* The runtime's equality/hash entry points (runtime/alg.h). */
#define ALG_EQ_ABI0 "rt_algeq_abi0"
#define ALG_HASH_ABI0 "rt_alghash_abi0"

typedef struct Pending {
	Type *t;
	LinkSym *s;
	bool noalg;
} Pending;

typedef struct Weak {
	LinkSym *s;
	uint32_t off;
	char *target;
} Weak;

typedef struct TLink {
	LinkSym *s;
	char *str;
} TLink;

struct TypeGen {
	Link *l;
	Arena a;
	Pending *q;
	uint32_t qhead, qn, qcap;
	bool draining;
	PtrMap queued; /* LinkSym* → Type* being emitted */
	PtrMap noalg;  /* Type* → 1: emitted as noalg (bucket arrays) */
	Weak *weak;
	uint32_t nweak, capweak;
	TLink *links;
	uint32_t nlinks, caplinks;
	LinkSym **itabs;       /* emitted itabs, for runtime.itablink */
	uint32_t nitabs, capitabs;
	TypeMethodHook *mhook; /* typedesc_set_method_hook */
	void *mhookctx;
	PtrMap hooked;         /* method symbol → the symbol mhook said to name */
	PtrMap imported;       /* typedesc_import: typelinks and itabs listed, weak ptrToThis added */
};

/* ---- output buffer with relocations ---- */

typedef struct Rel {
	uint32_t off;
	uint8_t type, size;
	LinkSym *target;
	int64_t addend;
} Rel;

typedef struct Out {
	Buf d;
	Rel *r;
	uint32_t nr, cap;
} Out;

static void put(Out *o, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(&o->d, (char)(v >> (8 * i)));
}

static void rel(Out *o, uint32_t off, LinkRelocType type, int size, LinkSym *target, int64_t addend)
{
	if (o->nr == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 16;
		o->r = xrealloc(o->r, o->cap * sizeof *o->r);
	}
	o->r[o->nr++] = (Rel){off, (uint8_t)type, (uint8_t)size, target, addend};
}

/* a pointer to target+addend */
static void putaddr(Out *o, LinkSym *target, int64_t addend)
{
	if (target)
		rel(o, (uint32_t)o->d.n, LR_ADDR, 8, target, addend);
	put(o, 0, 8);
}

/* a nameOff/typeOff/textOff to target (0 if NULL) */
static void putoff(Out *o, LinkSym *target)
{
	if (target)
		rel(o, (uint32_t)o->d.n, LR_SECTOFF, 4, target, 0);
	put(o, 0, 4);
}

/* the same, of kind type (LR_METHODOFF, LR_WEAKOFF: link.h) */
static void putoffk(Out *o, LinkSym *target, LinkRelocType type)
{
	rel(o, (uint32_t)o->d.n, type, 4, target, 0);
	put(o, 0, 4);
}

/* Defines s from o (DUPOK read-only data); false if another copy won. */
static bool define(TypeGen *g, LinkSym *s, Out *o, uint32_t align)
{
	bool used = link_define(g->l, s, LK_RODATA, align, o->d.p, o->d.n, LF_DUPOK);
	if (used)
		for (uint32_t i = 0; i < o->nr; i++) {
			if (o->r[i].size == 0) /* a marker */
				link_add_marker(g->l, s, (LinkRelocType)o->r[i].type, o->r[i].target, o->r[i].addend);
			else
				link_add_reloc(g->l, s, o->r[i].off, (LinkRelocType)o->r[i].type, o->r[i].size,
					       o->r[i].target, o->r[i].addend);
		}
	buf_free(&o->d);
	free(o->r);
	memset(o, 0, sizeof *o);
	return used;
}

/* b's bytes as a C string (NUL added, not counted) */
static const char *cstr(Buf *b)
{
	buf_putc(b, 0);
	b->n--;
	return b->p;
}

static LinkSym *lookup(TypeGen *g, const char *name)
{
	return link_lookup(g->l, name, strlen(name));
}

static bool defined(LinkSym *s)
{
	return s->kind != LK_UNDEF;
}

/* ---- names ---- */

static void uvarint(Out *o, uint64_t v)
{
	while (v >= 0x80) {
		buf_putc(&o->d, (char)(v | 0x80));
		v >>= 7;
	}
	buf_putc(&o->d, (char)v);
}

static void namedata(Out *o, const char *name, const char *tag, LinkSym *pkgsym, bool exported, bool embedded)
{
	size_t tl = tag ? strlen(tag) : 0;
	uint8_t bits = (exported ? 1 : 0) | (tl ? 2 : 0) | (pkgsym ? 4 : 0) | (embedded ? 8 : 0);
	buf_putc(&o->d, (char)bits);
	uvarint(o, strlen(name));
	buf_puts(&o->d, name);
	if (tl) {
		uvarint(o, tl);
		buf_puts(&o->d, tag);
	}
	if (pkgsym)
		putoff(o, pkgsym);
}

/* type..importpath.PREFIX. : the package path as a name */
static LinkSym *importpath(TypeGen *g, TPackage *pkg)
{
	if (!pkg)
		return NULL;
	Buf b = {0};
	buf_puts(&b, "type..importpath.");
	typestr_pkgprefix(&b, pkg->path);
	buf_puts(&b, ".");
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (!defined(s)) {
		Out o = {0};
		namedata(&o, pkg->path, NULL, NULL, false, false);
		define(g, s, &o, 1);
	}
	return s;
}

/* type..namedata.* : an encoded name (gc's symbol names for names
 * without a package; "@path" added for those with one) */
static LinkSym *name(TypeGen *g, const char *nm, const char *tag, TPackage *pkg, bool exported, bool embedded)
{
	Buf b = {0};
	buf_printf(&b, "type..namedata.%s%c%s", nm, exported ? '.' : '-', tag ? tag : "");
	if (pkg)
		buf_printf(&b, "@%s", pkg->path);
	if (embedded)
		buf_puts(&b, ".embedded");
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (!defined(s)) {
		Out o = {0};
		namedata(&o, nm, tag, importpath(g, pkg), exported, embedded);
		define(g, s, &o, 1);
	}
	return s;
}

/* ---- references ---- */

static void drain(TypeGen *g);

static void symname(Buf *b, Type *t, bool noalg)
{
	typestr_symname(b, t, noalg);
}

static LinkSym *ref(TypeGen *g, Type *t, bool noalg)
{
	t = typestr_formal(t);
	Buf b = {0};
	symname(&b, t, noalg);
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (!defined(s) && !ptrmap_get(&g->queued, s)) {
		ptrmap_put(&g->queued, s, t);
		if (g->qn == g->qcap) {
			g->qcap = g->qcap ? 2 * g->qcap : 64;
			g->q = xrealloc(g->q, g->qcap * sizeof *g->q);
		}
		g->q[g->qn++] = (Pending){t, s, noalg};
		if (noalg)
			ptrmap_put(&g->noalg, t, (void *)1);
	}
	return s;
}

/* ---- methods ---- */

/* types.ReceiverBaseType: can t (or *t) have methods in its table? */
static bool may_have_methods(Type *t)
{
	if (t->kind == TY_POINTER)
		t = t->pointer.elem;
	if (t->kind == TY_NAMED) {
		Type *u = under(t);
		return u->kind != TY_INTERFACE && u->kind != TY_POINTER;
	}
	return t->kind == TY_STRUCT;
}

/* The method set of t in gc's order (NULL, 0 if none). */
static MethodSetEntry *methods(TypeGen *g, Type *t, uint32_t *n)
{
	*n = 0;
	if (!may_have_methods(t))
		return NULL;
	MethodSet ms = method_set(&g->a, t);
	if (ms.n == 0)
		return NULL;
	Object **objs = xmalloc(ms.n * sizeof *objs);
	for (uint32_t i = 0; i < ms.n; i++)
		objs[i] = ms.v[i].obj;
	typestr_sortmethods(objs, ms.n);
	MethodSetEntry *v = arena_alloc(&g->a, ms.n * sizeof *v);
	for (uint32_t i = 0; i < ms.n; i++)
		for (uint32_t j = 0; j < ms.n; j++)
			if (ms.v[j].obj == objs[i])
				v[i] = ms.v[j];
	free(objs);
	*n = ms.n;
	return v;
}

/* typePkg: the package of a named type, or of the element of an unnamed
 * array, slice, pointer or chan type */
static TPackage *type_pkg(Type *t)
{
	if (t->kind == TY_ARRAY || t->kind == TY_SLICE || t->kind == TY_POINTER || t->kind == TY_CHAN) {
		Type *e = t->kind == TY_ARRAY ? t->array.elem : t->kind == TY_SLICE ? t->slice.elem
				: t->kind == TY_POINTER ? t->pointer.elem : t->chan.elem;
		t = typestr_formal(e);
	}
	if (t->kind == TY_NAMED)
		return t->named.obj->pkg;
	if (t->kind == TY_BASIC && t->basic.kind == BK_UNSAFE_POINTER)
		return unsafe_pkg;
	return NULL;
}

/* a method's signature without its receiver */
static Type *method_type(TypeGen *g, Type *sig)
{
	if (!sig->sig.recv)
		return sig;
	return new_signature(&g->a, NULL, sig->sig.params, sig->sig.results, sig->sig.variadic);
}

/* a method's signature with the receiver recv as first parameter */
static Type *method_type_recv(TypeGen *g, Type *sig, Type *recv)
{
	Type *p = sig->sig.params;
	Object **vars = arena_alloc(&g->a, (p->tuple.n + 1) * sizeof *vars);
	vars[0] = new_param(&g->a, NoPos, NULL, "", recv);
	for (uint32_t i = 0; i < p->tuple.n; i++)
		vars[i + 1] = p->tuple.vars[i];
	return new_signature(&g->a, NULL, new_tuple(&g->a, vars, p->tuple.n + 1), sig->sig.results, sig->sig.variadic);
}

/* the symbol of m called with receiver recv; the code generator is
 * asked (once per symbol) to define it */
static LinkSym *method_sym(TypeGen *g, Type *recv, Object *m)
{
	Buf b = {0};
	typestr_methodsym(&b, recv, m);
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (!g->mhook)
		return s;
	LinkSym *named = ptrmap_get(&g->hooked, s);
	if (!named) {
		const char *w = g->mhook(g->mhookctx, recv, m);
		named = w ? lookup(g, w) : s;
		ptrmap_put(&g->hooked, s, named);
	}
	return named;
}

/* the function an itab calls for m of t (reflectdata.methodWrapper
 * forItab): a pointer receiver unless t is pointer-shaped */
static LinkSym *itab_method_sym(TypeGen *g, Type *t, Object *m)
{
	if (!gclayout_direct_iface(t))
		t = new_pointer(&g->a, t);
	return method_sym(g, t, m);
}

/* ---- equality and hashing ---- */

/* the runtime's records: runtime.<base>equal·f, runtime.<base>hash·f */
static const char *const alg_bases[] = {
	[ALG_MEM0] = "mem", [ALG_MEM8] = "mem", [ALG_MEM16] = "mem", [ALG_MEM32] = "mem",
	[ALG_MEM64] = "mem", [ALG_MEM128] = "mem", [ALG_STRING] = "str", [ALG_INTER] = "inter",
	[ALG_NILINTER] = "nilinter", [ALG_FLOAT32] = "f32", [ALG_FLOAT64] = "f64", [ALG_CPLX64] = "c64",
	[ALG_CPLX128] = "c128",
};
static const char *const alg_sizes[] = {
	[ALG_MEM0] = "0", [ALG_MEM8] = "8", [ALG_MEM16] = "16", [ALG_MEM32] = "32",
	[ALG_MEM64] = "64", [ALG_MEM128] = "128",
};

/* the func value for == (hash false) or the hash (hash true) of t */
static LinkSym *alg_record(TypeGen *g, Type *t, bool hash)
{
	AlgKind k = gclayout_alg(t);
	Buf b = {0};
	LinkSym *s = NULL;
	if (k == ALG_NOEQ) {
		return NULL;
	} else if (k != ALG_MEM && k != ALG_SPECIAL) {
		buf_printf(&b, "runtime.%s%s%s·f", alg_bases[k], hash ? "hash" : "equal",
			   k <= ALG_MEM128 ? alg_sizes[k] : "");
		s = lookup(g, cstr(&b));
	} else {
		int64_t size = gclayout_size(t);
		if (k == ALG_MEM)
			buf_printf(&b, "type..%sfunc%lld", hash ? "hash" : "eq", (long long)size);
		else {
			buf_printf(&b, "type..%sfunc.", hash ? "hash" : "eq");
			typestr_write(&b, t, TS_LINK);
		}
		s = lookup(g, cstr(&b));
		if (!defined(s)) {
			Out o = {0};
			putaddr(&o, lookup(g, hash ? ALG_HASH_ABI0 : ALG_EQ_ABI0), 0);
			if (k == ALG_MEM) {
				putaddr(&o, lookup(g, hash ? "runtime.memhash_varlen" : "runtime.memequal_varlen"), 0);
				put(&o, (uint64_t)size, 8);
			} else {
				putaddr(&o, lookup(g, hash ? "runtime.typehash" : "runtime.typeequal"), 0);
				putaddr(&o, ref(g, t, false), 0);
			}
			define(g, s, &o, 8);
		}
	}
	buf_free(&b);
	return s;
}

/* runtime.gcbits.HEX */
static LinkSym *gcbits(TypeGen *g, Type *t, int64_t ptrdata)
{
	size_t n = (size_t)((ptrdata / 8 + 7) / 8);
	uint8_t *mask = xcalloc(n + 1, 1);
	gclayout_ptrmask(t, mask);
	Buf b = {0};
	buf_puts(&b, "runtime.gcbits.");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%02x", mask[i]);
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (!defined(s))
		link_define(g->l, s, LK_RODATA, 1, mask, n, LF_DUPOK);
	free(mask);
	return s;
}

/* ---- descriptors ---- */

typedef struct Desc {
	Type *t;
	LinkSym *s;
	bool noalg;
	Type *bucketof;         /* the map of a bucket struct */
	MethodSetEntry *ms;     /* methods, gc's order */
	uint32_t nms;
	bool uncommon;
} Desc;

static bool is_named_type(Type *t)
{
	return t->kind == TY_NAMED || t->kind == TY_BASIC;
}

/* the _type header */
/* the lists typedesc_finish and typedesc_typelinks read */
static void add_weak(TypeGen *g, LinkSym *s, uint32_t off, const char *target)
{
	if (g->nweak == g->capweak) {
		g->capweak = g->capweak ? 2 * g->capweak : 64;
		g->weak = xrealloc(g->weak, g->capweak * sizeof *g->weak);
	}
	g->weak[g->nweak++] = (Weak){s, off, xstrdup(target)};
}

static void add_link(TypeGen *g, LinkSym *s, const char *str)
{
	if (g->nlinks == g->caplinks) {
		g->caplinks = g->caplinks ? 2 * g->caplinks : 64;
		g->links = xrealloc(g->links, g->caplinks * sizeof *g->links);
	}
	g->links[g->nlinks++] = (TLink){s, xstrdup(str)};
}

static void add_itab(TypeGen *g, LinkSym *s)
{
	if (g->nitabs == g->capitabs) {
		g->capitabs = g->capitabs ? 2 * g->capitabs : 16;
		g->itabs = xrealloc(g->itabs, g->capitabs * sizeof *g->itabs);
	}
	g->itabs[g->nitabs++] = s;
}

static void common(TypeGen *g, Desc *d, Out *o)
{
	Type *t = d->t;
	int64_t size = gclayout_size(t), align = gclayout_align(t), ptrdata = gclayout_ptrdata(t);
	Buf ls = {0}, ns = {0};
	typestr_write(&ls, t, TS_LINK);
	typestr_write(&ns, t, TS_NAME);
	put(o, (uint64_t)size, 8);
	put(o, (uint64_t)ptrdata, 8);
	put(o, typestr_hash(ls.p, ls.n), 4);
	uint8_t tflag = 0;
	if (d->uncommon)
		tflag |= TF_UNCOMMON;
	if (is_named_type(t))
		tflag |= TF_NAMED;
	if (!d->noalg && gclayout_regular_memory(t))
		tflag |= TF_REGULARMEMORY;
	bool exported = false;
	Buf str = {0};
	buf_putc(&ns, 0);
	if (ns.p[0] != '*') {
		buf_putc(&str, '*');
		tflag |= TF_EXTRASTAR;
		if (t->kind == TY_NAMED)
			exported = name_is_exported(t->named.obj->name);
		else if (t->kind == TY_BASIC)
			exported = t->basic.kind == BK_UNSAFE_POINTER; /* unsafe.Pointer's sym */
	} else if (t->kind == TY_POINTER && t->pointer.elem->kind == TY_NAMED) {
		exported = name_is_exported(t->pointer.elem->named.obj->name);
	}
	buf_puts(&str, ns.p);
	put(o, tflag, 1);
	put(o, (uint64_t)align, 1);
	put(o, (uint64_t)align, 1);
	int kind = gclayout_kind(t);
	if (gclayout_direct_iface(t))
		kind |= KIND_DIRECTIFACE;
	put(o, (uint64_t)kind, 1);
	putaddr(o, d->noalg ? NULL : alg_record(g, t, false), 0);
	putaddr(o, gcbits(g, t, ptrdata), 0);
	putoff(o, name(g, cstr(&str), NULL, NULL, exported, false));
	/* ptrToThis: as gc, strong (keeps type.*T alive) for named types
	 * and types whose *T has methods, else weak (0 when the linker
	 * drops type.*T); for pointers weak, and set by typedesc_finish if
	 * type.*T exists.  reflect's ChanOf, MapOf, SliceOf and FuncOf copy
	 * a prototype such as chan unsafe.Pointer, ptrToThis included: it
	 * must be 0 there, or New of the made type gives the prototype's
	 * pointer type. */
	if (t->kind != TY_POINTER && !d->bucketof) {
		Type *pt = new_pointer(&g->a, t);
		uint32_t npm = 0;
		if (!is_named_type(t))
			methods(g, pt, &npm);
		putoffk(o, ref(g, pt, false), is_named_type(t) || npm ? LR_SECTOFF : LR_WEAKOFF);
	} else {
		Buf pn = {0};
		symname(&pn, new_pointer(&g->a, t), false);
		add_weak(g, d->s, (uint32_t)o->d.n, cstr(&pn));
		buf_free(&pn);
		put(o, 0, 4);
	}
	buf_free(&ls);
	buf_free(&ns);
	buf_free(&str);
}

/* the uncommontype; dataadd: bytes between it and the methods */
static void uncommon(TypeGen *g, Desc *d, Out *o, uint32_t dataadd)
{
	if (!d->uncommon)
		return;
	uint32_t xcount = 0;
	while (xcount < d->nms && name_is_exported(d->ms[xcount].obj->name))
		xcount++;
	putoff(o, importpath(g, type_pkg(d->t)));
	put(o, d->nms, 2);
	put(o, xcount, 2);
	put(o, SZ_UNCOMMON + dataadd, 4);
	put(o, 0, 4);
}

static void method_table(TypeGen *g, Desc *d, Out *o)
{
	TPackage *tpkg = type_pkg(d->t);
	for (uint32_t i = 0; i < d->nms; i++) {
		Object *m = d->ms[i].obj;
		bool exp = name_is_exported(m->name);
		ref(g, method_type_recv(g, m->type, d->t), false);
		putoff(o, name(g, m->name, NULL, !exp && m->pkg != tpkg ? m->pkg : NULL, exp, false));
		putoffk(o, ref(g, method_type(g, m->type), false), LR_METHODOFF);
		putoffk(o, itab_method_sym(g, d->t, m), LR_METHODOFF);
		putoffk(o, method_sym(g, d->t, m), LR_METHODOFF);
	}
}

static Type *bucket_type(TypeGen *g, Type *mt);

static void emit(TypeGen *g, Pending *p)
{
	Type *t = p->t;
	Desc d = {t, p->s, p->noalg, NULL, NULL, 0, false};
	Type *u = under(t);
	if (u->kind == TY_STRUCT)
		d.bucketof = typestr_bucket_map(t);
	d.ms = methods(g, t, &d.nms);
	d.uncommon = is_named_type(t) || d.nms > 0;
	Out o = {0};
	uint32_t usz = d.uncommon ? SZ_UNCOMMON : 0;
	common(g, &d, &o);
	switch (u->kind) {
	case TY_ARRAY:
		putaddr(&o, ref(g, u->array.elem, false), 0);
		putaddr(&o, ref(g, new_slice(&g->a, u->array.elem), false), 0);
		put(&o, (uint64_t)u->array.len, 8);
		uncommon(g, &d, &o, 0);
		break;
	case TY_SLICE:
		putaddr(&o, ref(g, u->slice.elem, false), 0);
		uncommon(g, &d, &o, 0);
		break;
	case TY_POINTER:
		putaddr(&o, ref(g, u->pointer.elem, false), 0);
		uncommon(g, &d, &o, 0);
		break;
	case TY_CHAN:
		putaddr(&o, ref(g, u->chan.elem, false), 0);
		put(&o, u->chan.dir == CHAN_RECVONLY ? 1 : u->chan.dir == CHAN_SENDONLY ? 2 : 3, 8);
		uncommon(g, &d, &o, 0);
		break;
	case TY_SIGNATURE: {
		Type *in = u->sig.params, *out = u->sig.results;
		put(&o, in->tuple.n, 2);
		put(&o, out->tuple.n | (u->sig.variadic ? 1u << 15 : 0), 2);
		put(&o, 0, 4);
		uncommon(g, &d, &o, (in->tuple.n + out->tuple.n) * 8);
		for (uint32_t i = 0; i < in->tuple.n; i++)
			putaddr(&o, ref(g, in->tuple.vars[i]->type, false), 0);
		for (uint32_t i = 0; i < out->tuple.n; i++)
			putaddr(&o, ref(g, out->tuple.vars[i]->type, false), 0);
		break;
	}
	case TY_INTERFACE: {
		uint32_t n;
		Object **im = typestr_imethods(u, &n);
		TPackage *tpkg = NULL;
		if (t->kind == TY_NAMED && t->named.obj->pkg)
			tpkg = t->named.obj->pkg;
		putaddr(&o, importpath(g, tpkg), 0);
		putaddr(&o, n ? d.s : NULL, n ? SZ_IFACE + usz : 0);
		put(&o, n, 8);
		put(&o, n, 8);
		uncommon(g, &d, &o, n * SZ_IMETHOD);
		for (uint32_t i = 0; i < n; i++) {
			Object *m = im[i];
			bool exp = name_is_exported(m->name);
			putoff(&o, name(g, m->name, NULL, !exp && m->pkg != tpkg ? m->pkg : NULL, exp, false));
			putoff(&o, ref(g, method_type(g, m->type), false));
		}
		free(im);
		break;
	}
	case TY_MAP: {
		Type *k = u->map.key, *e = u->map.elem;
		int64_t ks = gclayout_size(k), es = gclayout_size(e);
		Type *bt = bucket_type(g, u);
		putaddr(&o, ref(g, k, false), 0);
		putaddr(&o, ref(g, e, false), 0);
		putaddr(&o, ref(g, bt, true), 0);
		putaddr(&o, alg_record(g, k, true), 0);
		uint32_t flags = 0;
		put(&o, ks > MAXKEYSIZE ? 8 : (uint64_t)ks, 1);
		if (ks > MAXKEYSIZE)
			flags |= 1;
		put(&o, es > MAXELEMSIZE ? 8 : (uint64_t)es, 1);
		if (es > MAXELEMSIZE)
			flags |= 2;
		put(&o, (uint64_t)gclayout_size(bt), 2);
		if (gclayout_reflexive(k))
			flags |= 4;
		if (gclayout_needkeyupdate(k))
			flags |= 8;
		if (gclayout_hash_might_panic(k))
			flags |= 16;
		put(&o, flags, 4);
		uncommon(g, &d, &o, 0);
		if (t != u) /* gc keeps the underlying map type (issue 37716) */
			rel(&o, 0, LR_KEEP, 0, ref(g, u, false), 0);
		break;
	}
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		TPackage *spkg = NULL;
		for (uint32_t i = 0; i < n; i++)
			if (!name_is_exported(u->struct_.fields[i]->name)) {
				spkg = u->struct_.fields[i]->pkg;
				break;
			}
		putaddr(&o, importpath(g, spkg), 0);
		putaddr(&o, n ? d.s : NULL, n ? SZ_STRUCT + usz : 0);
		put(&o, n, 8);
		put(&o, n, 8);
		uncommon(g, &d, &o, n * SZ_FIELD);
		int64_t *off = xmalloc((n + 1) * sizeof *off);
		gclayout_offsets(u, off);
		for (uint32_t i = 0; i < n; i++) {
			Object *f = u->struct_.fields[i];
			const char *tag = u->struct_.tags ? u->struct_.tags[i] : NULL;
			putaddr(&o, name(g, f->name, tag && *tag ? tag : NULL, NULL, name_is_exported(f->name),
					 (f->flags & OF_EMBEDDED) != 0), 0);
			putaddr(&o, ref(g, f->type, ptrmap_get(&g->noalg, f->type) != NULL), 0);
			put(&o, (uint64_t)off[i], 8);
		}
		free(off);
		break;
	}
	default:
		uncommon(g, &d, &o, 0);
		break;
	}
	method_table(g, &d, &o);
	if (define(g, d.s, &o, 8)) {
		/* typelinks: unnamed types reflect may construct */
		if (!is_named_type(t) && !p->noalg && t->kind != TY_INTERFACE) {
			Buf ns = {0};
			typestr_write(&ns, t, TS_NAME);
			buf_putc(&ns, 0);
			add_link(g, d.s, ns.p);
			buf_free(&ns);
		}
	}
}

/* reflectdata.MapBucketType: struct { topbits [8]uint8; keys [8]K;
 * elems [8]V; overflow unsafe.Pointer (uintptr if K and V have no
 * pointers) }, K and V as pointers when larger than 128 bytes.  The key
 * and elem arrays and the bucket are noalg. */
Type *gclayout_mapbucket(Arena *a, Type *mt)
{
	Type *k = mt->map.key, *e = mt->map.elem;
	if (gclayout_size(k) > MAXKEYSIZE)
		k = new_pointer(a, k);
	if (gclayout_size(e) > MAXELEMSIZE)
		e = new_pointer(a, e);
	Type *ka = new_array(a, k, BUCKETCNT), *ea = new_array(a, e, BUCKETCNT);
	Type *ot = gclayout_ptrdata(k) == 0 && gclayout_ptrdata(e) == 0 ? typ_basic[BK_UINTPTR]
									  : typ_basic[BK_UNSAFE_POINTER];
	Object **f = arena_alloc(a, 4 * sizeof *f);
	f[0] = new_field(a, NoPos, NULL, "topbits", new_array(a, typ_basic[BK_UINT8], BUCKETCNT), false);
	f[1] = new_field(a, NoPos, NULL, "keys", ka, false);
	f[2] = new_field(a, NoPos, NULL, "elems", ea, false);
	f[3] = new_field(a, NoPos, NULL, "overflow", ot, false);
	return new_struct(a, f, NULL, 4);
}

static Type *bucket_type(TypeGen *g, Type *mt)
{
	Type *bt = gclayout_mapbucket(&g->a, mt);
	ptrmap_put(&g->noalg, bt->struct_.fields[1]->type, (void *)1); /* the key and elem arrays */
	ptrmap_put(&g->noalg, bt->struct_.fields[2]->type, (void *)1);
	typestr_set_bucket(bt, mt);
	return bt;
}

static void drain(TypeGen *g)
{
	if (g->draining)
		return;
	g->draining = true;
	while (g->qhead < g->qn) {
		Pending p = g->q[g->qhead++];
		if (!defined(p.s))
			emit(g, &p);
	}
	g->qhead = g->qn = 0;
	g->draining = false;
}

/* ---- API ---- */

TypeGen *typedesc_new(Link *l)
{
	TypeGen *g = xcalloc(1, sizeof *g);
	g->l = l;
	arena_init(&g->a);
	universe_init();
	/* keep descriptors off offset 0 of the types section (0 = none) */
	LinkSym *z = lookup(g, "go.typedesc.start");
	if (!defined(z))
		link_define(l, z, LK_RODATA, 8, NULL, 8, LF_DUPOK);
	return g;
}

void typedesc_free(TypeGen *g)
{
	if (!g)
		return;
	for (uint32_t i = 0; i < g->nweak; i++)
		free(g->weak[i].target);
	for (uint32_t i = 0; i < g->nlinks; i++)
		free(g->links[i].str);
	free(g->weak);
	free(g->links);
	free(g->itabs);
	free(g->q);
	ptrmap_free(&g->queued);
	ptrmap_free(&g->noalg);
	ptrmap_free(&g->hooked);
	ptrmap_free(&g->imported);
	arena_free(&g->a);
	free(g);
}

void typedesc_set_method_hook(TypeGen *g, TypeMethodHook *fn, void *ctx)
{
	g->mhook = fn;
	g->mhookctx = ctx;
}

LinkSym *typedesc_type(TypeGen *g, Type *t)
{
	LinkSym *s = ref(g, t, false);
	drain(g);
	return s;
}

LinkSym *typedesc_itab(TypeGen *g, Type *t, Type *iface)
{
	t = typestr_formal(t);
	Buf b = {0};
	buf_puts(&b, "go.itab.");
	typestr_write(&b, t, TS_LINK);
	buf_putc(&b, ',');
	typestr_write(&b, iface, TS_LINK);
	LinkSym *s = lookup(g, cstr(&b));
	buf_free(&b);
	if (defined(s))
		return s;
	Out o = {0};
	putaddr(&o, ref(g, iface, false), 0);
	putaddr(&o, ref(g, t, false), 0);
	Buf ls = {0};
	typestr_write(&ls, t, TS_LINK);
	put(&o, typestr_hash(ls.p, ls.n), 4);
	buf_free(&ls);
	put(&o, 0, 4);
	uint32_t ni, nm;
	Object **im = typestr_imethods(iface, &ni);
	MethodSetEntry *ms = methods(g, t, &nm);
	uint32_t j = 0;
	for (uint32_t i = 0; i < ni; i++) {
		while (j < nm && !same_id(ms[j].obj, im[i]->pkg, im[i]->name))
			j++;
		if (j == nm)
			ice(NoPos, "typedesc", "itab %s: no method %s", s->name, im[i]->name);
		rel(&o, (uint32_t)o.d.n, LR_WEAKADDR, 8, itab_method_sym(g, t, ms[j].obj), 0);
		put(&o, 0, 8);
	}
	if (ni == 0)
		put(&o, 0, 8);
	free(im);
	if (define(g, s, &o, 8))
		add_itab(g, s);
	drain(g);
	return s;
}

void typedesc_finish(TypeGen *g)
{
	drain(g);
	for (uint32_t i = 0; i < g->nweak; i++) {
		Weak *w = &g->weak[i];
		LinkSym *p = link_find(g->l, w->target, strlen(w->target));
		if (p && defined(p) && (w->s->flags & LF_ATOM))
			link_add_reloc(g->l, w->s, w->off, LR_WEAKOFF, 4, p, 0);
	}
	g->nweak = 0;
}

static int tlink_cmp(const void *a, const void *b)
{
	return strcmp(((const TLink *)a)->str, ((const TLink *)b)->str);
}

LinkSym *typedesc_typelinks(TypeGen *g)
{
	if (g->nlinks) /* links is NULL when there are none */
		qsort(g->links, g->nlinks, sizeof *g->links, tlink_cmp);
	Out o = {0};
	for (uint32_t i = 0; i < g->nlinks; i++)
		putoffk(&o, g->links[i].s, LR_WEAKOFF);
	LinkSym *s = lookup(g, "runtime.typelink");
	if (!define(g, s, &o, 4))
		return NULL;
	/* runtime.ntypelink: their count (reflect's typelinks) */
	Out no = {0};
	put(&no, g->nlinks, 8);
	define(g, lookup(g, "runtime.ntypelink"), &no, 8);
	/* runtime.itablink: the count, then the itabs */
	Out io = {0};
	put(&io, g->nitabs, 8);
	for (uint32_t i = 0; i < g->nitabs; i++) {
		rel(&io, (uint32_t)io.d.n, LR_WEAKADDR, 8, g->itabs[i], 0);
		put(&io, 0, 8);
	}
	define(g, lookup(g, "runtime.itablink"), &io, 8);
	return s;
}

void typedesc_export(TypeGen *g, Buf *out)
{
	drain(g);
	buf_uvarint(out, g->nlinks);
	for (uint32_t i = 0; i < g->nlinks; i++) {
		buf_str(out, g->links[i].s->name);
		buf_str(out, g->links[i].str);
	}
	buf_uvarint(out, g->nitabs);
	for (uint32_t i = 0; i < g->nitabs; i++)
		buf_str(out, g->itabs[i]->name);
	buf_uvarint(out, g->nweak);
	for (uint32_t i = 0; i < g->nweak; i++) {
		buf_str(out, g->weak[i].s->name);
		buf_uvarint(out, g->weak[i].off);
		buf_str(out, g->weak[i].target);
	}
}

/* the symbol named by the next string of r */
static LinkSym *rd_sym(TypeGen *g, Rd *r)
{
	size_t n;
	const uint8_t *p = rd_bytes(r, &n);
	return r->bad ? NULL : link_lookup(g->l, (const char *)p, n);
}

/* whether key (a symbol, tagged by kind in its low bit) is new */
static bool first_import(TypeGen *g, LinkSym *s, uintptr_t kind)
{
	void *k = (void *)((uintptr_t)s | kind);
	if (ptrmap_get(&g->imported, k))
		return false;
	ptrmap_put(&g->imported, k, (void *)1);
	return true;
}

bool typedesc_import(TypeGen *g, Rd *r)
{
	uint64_t n = rd_uvarint(r);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		LinkSym *s = rd_sym(g, r);
		char *str = rd_str(r, &g->a);
		if (!r->bad && first_import(g, s, 0))
			add_link(g, s, str);
	}
	n = rd_uvarint(r);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		LinkSym *s = rd_sym(g, r);
		if (!r->bad && first_import(g, s, 0))
			add_itab(g, s);
	}
	n = rd_uvarint(r);
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		LinkSym *s = rd_sym(g, r);
		uint32_t off = (uint32_t)rd_uvarint(r);
		char *target = rd_str(r, &g->a);
		if (!r->bad && first_import(g, s, 1))
			add_weak(g, s, off, target);
	}
	return !r->bad;
}
