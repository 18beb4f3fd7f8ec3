/*
 * type.c — types: constructors, underlying and core types, identity,
 * predicates, interface type sets (unions, ~T, comparable), lookup of
 * fields and methods through embedding, method sets, implements,
 * assignability and convertibility.  Follows go/types (Go 1.19):
 * type.go, predicates.go, typeset.go, termlist.go, typeterm.go,
 * union.go, lookup.go, methodset.go, operand.go, conversions.go.
 */
#include "types.h"
#include <strings.h>

/* ---- constructors ---- */

static Type *newtype(Arena *a, TypeKind k)
{
	Type *t = arena_alloc(a, sizeof *t);
	t->kind = (uint8_t)k;
	return t;
}

Type *new_array(Arena *a, Type *elem, int64_t len)
{
	Type *t = newtype(a, TY_ARRAY);
	t->array.elem = elem;
	t->array.len = len;
	return t;
}

Type *new_slice(Arena *a, Type *elem)
{
	Type *t = newtype(a, TY_SLICE);
	t->slice.elem = elem;
	return t;
}

Type *new_pointer(Arena *a, Type *elem)
{
	Type *t = newtype(a, TY_POINTER);
	t->pointer.elem = elem;
	return t;
}

Type *new_map(Arena *a, Type *key, Type *elem)
{
	Type *t = newtype(a, TY_MAP);
	t->map.key = key;
	t->map.elem = elem;
	return t;
}

Type *new_chan(Arena *a, int dir, Type *elem)
{
	Type *t = newtype(a, TY_CHAN);
	t->chan.dir = (uint8_t)dir;
	t->chan.elem = elem;
	return t;
}

Type *new_tuple(Arena *a, Object **vars, uint32_t n)
{
	if (n == 0 && typ_empty_tuple)
		return typ_empty_tuple;
	Type *t = newtype(a, TY_TUPLE);
	t->tuple.vars = vars;
	t->tuple.n = n;
	return t;
}

Type *new_struct(Arena *a, Object **fields, const char **tags, uint32_t n)
{
	Type *t = newtype(a, TY_STRUCT);
	t->struct_.fields = fields;
	t->struct_.tags = tags;
	t->struct_.nfields = n;
	return t;
}

Type *new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic)
{
	Type *t = newtype(a, TY_SIGNATURE);
	t->sig.recv = recv;
	t->sig.params = params ? params : typ_empty_tuple;
	t->sig.results = results ? results : typ_empty_tuple;
	t->sig.variadic = variadic;
	return t;
}

Type *new_union(Arena *a, Term *terms, uint32_t n)
{
	Type *t = newtype(a, TY_UNION);
	t->union_.terms = terms;
	t->union_.n = n;
	return t;
}

/* go/types Id ordering: exported names first by name; unexported by
 * package path then name (Id is "path.name"). */
static int cmp_method_id(const void *pa, const void *pb)
{
	const Object *a = *(Object *const *)pa, *b = *(Object *const *)pb;
	bool ea = obj_exported(a), eb = obj_exported(b);
	/* go/types' Id: exported: name; otherwise path + "." + name ("_." if no package) */
	Buf x = {0}, y = {0};
	if (ea) buf_puts(&x, a->name);
	else { buf_puts(&x, a->pkg ? a->pkg->path : "_"); buf_putc(&x, '.'); buf_puts(&x, a->name); }
	if (eb) buf_puts(&y, b->name);
	else { buf_puts(&y, b->pkg ? b->pkg->path : "_"); buf_putc(&y, '.'); buf_puts(&y, b->name); }
	buf_putc(&x, 0);
	buf_putc(&y, 0);
	int r = strcmp(x.p, y.p);
	buf_free(&x);
	buf_free(&y);
	return r;
}

static int cmp_method_id_fast(const void *pa, const void *pb)
{
	const Object *a = *(Object *const *)pa, *b = *(Object *const *)pb;
	if (obj_exported(a) && obj_exported(b))
		return strcmp(a->name, b->name);
	return cmp_method_id(pa, pb);
}

void sort_methods(Object **m, uint32_t n)
{
	if (n > 1)
		qsort(m, n, sizeof *m, cmp_method_id_fast);
}

Type *new_interface(Arena *a, Object **methods, uint32_t nmethods, Type **embeddeds, Pos *embedpos, uint32_t nembeddeds)
{
	Type *t = newtype(a, TY_INTERFACE);
	sort_methods(methods, nmethods);
	t->iface.methods = methods;
	t->iface.nmethods = nmethods;
	t->iface.embeddeds = embeddeds;
	t->iface.embedpos = embedpos;
	t->iface.nembeddeds = nembeddeds;
	return t;
}

Type *new_named(Arena *a, Object *obj, Type *underlying)
{
	Type *t = newtype(a, TY_NAMED);
	t->named.obj = obj;
	t->named.orig = t;
	if (underlying) {
		t->named.underlying = underlying;
		t->named.state = NAMED_RESOLVED;
	}
	if (obj && !obj->type)
		obj->type = t;
	return t;
}

Type *new_typeparam(Arena *a, Object *obj, Type *bound)
{
	static uint32_t lastid;
	Type *t = newtype(a, TY_TYPEPARAM);
	t->tparam.obj = obj;
	t->tparam.bound = bound;
	t->tparam.id = ++lastid;
	if (obj && !obj->type)
		obj->type = t;
	return t;
}

void named_add_method(Arena *a, Type *named, Object *fn)
{
	if (named->named.nmethods == named->named.capmethods) {
		uint32_t nc = named->named.capmethods ? named->named.capmethods * 2 : 4;
		Object **v = arena_alloc(a, nc * sizeof *v);
		if (named->named.nmethods)
			memcpy(v, named->named.methods, named->named.nmethods * sizeof *v);
		named->named.methods = v;
		named->named.capmethods = nc;
	}
	named->named.methods[named->named.nmethods++] = fn;
}

/* ---- structure ---- */

/* the interface of a type parameter (its bound's underlying interface) */
static Type *tparam_iface(Type *tp)
{
	Type *b = tp->tparam.bound;
	if (!b)
		return typ_any;
	Type *u = under(b);
	if (u->kind == TY_INTERFACE)
		return u;
	return typ_any;
}

Type *under(Type *t)
{
	switch (t->kind) {
	case TY_NAMED:
		if (t->named.state == NAMED_UNRESOLVED || !t->named.underlying) {
			if (t->named.orig != t)
				named_expand(t);
			if (!t->named.underlying)
				return typ_invalid;
		}
		if (t->named.underlying->kind == TY_NAMED) {
			/* resolve a chain of named types (type A B) */
			Type *u = t->named.underlying;
			int n = 0;
			while (u->kind == TY_NAMED && n++ < 100) {
				Type *nu = u->named.underlying;
				if (!nu) {
					if (u->named.orig != u)
						named_expand(u), nu = u->named.underlying;
					if (!nu)
						return typ_invalid;
				}
				u = nu;
			}
			if (u->kind == TY_NAMED)
				u = typ_invalid;
			t->named.underlying = u;
		}
		return t->named.underlying;
	case TY_TYPEPARAM:
		return tparam_iface(t);
	default:
		return t;
	}
}

Type *deref(Type *t, bool *wasptr)
{
	if (t->kind == TY_POINTER) {
		if (wasptr)
			*wasptr = true;
		return t->pointer.elem;
	}
	if (wasptr)
		*wasptr = false;
	return t;
}

Type *type_default(Type *t)
{
	if (t->kind != TY_BASIC)
		return t;
	switch (t->basic.kind) {
	case BK_UNTYPED_BOOL: return typ_basic[BK_BOOL];
	case BK_UNTYPED_INT: return typ_basic[BK_INT];
	case BK_UNTYPED_RUNE: return typ_rune;
	case BK_UNTYPED_FLOAT: return typ_basic[BK_FLOAT64];
	case BK_UNTYPED_COMPLEX: return typ_basic[BK_COMPLEX128];
	case BK_UNTYPED_STRING: return typ_basic[BK_STRING];
	}
	return t;
}

bool is_generic(Type *t)
{
	return t->kind == TY_NAMED && t->named.orig == t && t->named.targs.n == 0 && t->named.tparams.n > 0;
}

bool has_name(Type *t) { return is_named(t); }

/* ---- type sets ---- */

/* A term during computation; empty terms are dropped by the list ops. */
typedef struct TermList {
	Term *v;
	uint32_t n, cap;
} TermList;

static void tl_push(TermList *l, Term t)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = t;
}

static bool tl_is_all(const TermList *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (!l->v[i].type)
			return true;
	return false;
}

static bool term_disjoint(Term x, Term y)
{
	Type *ux = x.type, *uy = y.type;
	if (y.tilde)
		ux = under(ux);
	if (x.tilde)
		uy = under(uy);
	return !identical(ux, uy);
}

/* x ∪ y: returns 1 if the result is the single term *r, 2 if disjoint */
static int term_union(Term x, Term y, Term *r)
{
	if (!x.type) { *r = x; return 1; }
	if (!y.type) { *r = y; return 1; }
	if (term_disjoint(x, y))
		return 2;
	*r = (x.tilde || !y.tilde) ? x : y;
	return 1;
}

/* x ∩ y: returns false if empty */
static bool term_intersect(Term x, Term y, Term *r)
{
	if (!x.type) { *r = y; return true; }
	if (!y.type) { *r = x; return true; }
	if (term_disjoint(x, y))
		return false;
	*r = (!x.tilde || y.tilde) ? x : y;
	return true;
}

static bool term_includes(Term x, Type *t)
{
	if (!x.type)
		return true;
	Type *u = t;
	if (x.tilde)
		u = under(u);
	return identical(x.type, u);
}

static bool term_subset(Term x, Term y)
{
	if (!y.type)
		return true;
	if (!x.type)
		return false;
	if (term_disjoint(x, y))
		return false;
	return !x.tilde || y.tilde;
}

/* normalises l in place (go/types termlist.norm) */
static void tl_norm(TermList *l)
{
	bool *used = xcalloc(l->n + 1, 1);
	uint32_t k = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		if (used[i])
			continue;
		Term xi = l->v[i];
		for (uint32_t j = i + 1; j < l->n; j++) {
			if (used[j])
				continue;
			Term u;
			if (term_union(xi, l->v[j], &u) == 1) {
				if (!u.type) {
					free(used);
					l->v[0] = u;
					l->n = 1;
					return;
				}
				xi = u;
				used[j] = true;
			}
		}
		l->v[k++] = xi;
	}
	l->n = k;
	free(used);
}

static TermList tl_intersect(const TermList *x, const TermList *y)
{
	TermList r = {0};
	for (uint32_t i = 0; i < x->n; i++)
		for (uint32_t j = 0; j < y->n; j++) {
			Term t;
			if (term_intersect(x->v[i], y->v[j], &t))
				tl_push(&r, t);
		}
	tl_norm(&r);
	return r;
}

static TermList tl_copy(const Term *v, uint32_t n, bool all)
{
	TermList r = {0};
	if (all) {
		tl_push(&r, (Term){false, NULL});
		return r;
	}
	for (uint32_t i = 0; i < n; i++)
		tl_push(&r, v[i]);
	return r;
}

bool typeset_is_empty(const TypeSet *ts) { return !ts->all && ts->nterms == 0; }
bool typeset_has_terms(const TypeSet *ts) { return !ts->all && ts->nterms > 0; }
bool typeset_is_all(const TypeSet *ts) { return !ts->comparable && ts->all && ts->nmethods == 0; }

bool typeset_is_comparable(Checker *c, const TypeSet *ts)
{
	if (ts->all)
		return ts->comparable;
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (!is_comparable_strict(ts->terms[i].type, false))
			return false;
	return true;
}

/* "duplicate method m" with types2's "other declaration of m" */
static void report_dup_method(Checker *c, Pos pos, Object *m, Pos other)
{
	if (!c)
		return;
	if (other) {
		Position p = pos_adjusted(other);
		check_errorf(c, pos, "duplicate method %s\n\t%s:%d:%d: other declaration of %s", m->name, p.filename, p.line, p.col, m->name);
	} else {
		check_errorf(c, pos, "duplicate method %s", m->name);
	}
}

static TypeSet *compute_union_typeset(Checker *c, Pos pos, Type *u);

TypeSet *interface_typeset(Checker *c, Type *it)
{
	if (it->iface.tset)
		return it->iface.tset;
	Arena *a = c ? c->arena : NULL;
	static Arena fallback;
	if (!a)
		a = &fallback;
	TypeSet *ts = arena_alloc(a, sizeof *ts);
	ts->all = true;
	it->iface.tset = ts; /* guards against cycles */

	/* types2 computeInterfaceTypeSet's addMethod: explicit methods first,
	 * then those of embedded interfaces (at the embedding's position), which
	 * may repeat a method with an identical signature (go1.14) */
	PtrVec methods = {0}, mpos = {0};
	for (uint32_t i = 0; i < it->iface.nmethods; i++) {
		Object *m = it->iface.methods[i];
		uint32_t j = 0;
		while (j < methods.n && !same_id(methods.v[j], m->pkg, m->name))
			j++;
		if (j < methods.n) {
			report_dup_method(c, m->pos, m, (Pos)(uintptr_t)mpos.v[j]);
		} else {
			ptrvec_push(&methods, m);
			ptrvec_push(&mpos, (void *)(uintptr_t)m->pos);
		}
	}
	TermList all = tl_copy(NULL, 0, true);
	bool allcomp = false;
	for (uint32_t i = 0; i < it->iface.nembeddeds; i++) {
		Type *typ = it->iface.embeddeds[i];
		Pos pos = it->iface.embedpos ? it->iface.embedpos[i] : NoPos;
		Type *u = under(typ);
		bool comp = false;
		TermList terms = {0};
		if (u->kind == TY_INTERFACE) {
			TypeSet *es = interface_typeset(c, u);
			comp = es->comparable;
			for (uint32_t k = 0; k < es->nmethods; k++) {
				Object *m = es->methods[k];
				bool skip = false;
				for (uint32_t j = 0; j < methods.n; j++) {
					Object *o = methods.v[j];
					if (same_id(o, m->pkg, m->name)) {
						skip = true;
						if (!identical(o->type, m->type))
							report_dup_method(c, pos, m, (Pos)(uintptr_t)mpos.v[j]);
						break;
					}
				}
				if (!skip) {
					ptrvec_push(&methods, m);
					ptrvec_push(&mpos, (void *)(uintptr_t)pos);
				}
			}
			terms = tl_copy(es->terms, es->nterms, es->all);
		} else if (u->kind == TY_UNION) {
			TypeSet *us = compute_union_typeset(c, pos, u);
			if (!us)
				continue;
			terms = tl_copy(us->terms, us->nterms, us->all);
		} else {
			if (u == typ_invalid)
				continue;
			tl_push(&terms, (Term){false, typ});
		}
		TermList r = tl_intersect(&all, &terms);
		free(all.v);
		free(terms.v);
		all = r;
		bool rc = allcomp || comp;
		if (rc && !tl_is_all(&all)) {
			uint32_t k = 0;
			for (uint32_t j = 0; j < all.n; j++)
				if (is_comparable_strict(all.v[j].type, false))
					all.v[k++] = all.v[j];
			all.n = k;
			if (!tl_is_all(&all))
				rc = false;
		}
		allcomp = rc;
	}
	ts->comparable = allcomp;
	if (methods.n) {
		ts->methods = arena_alloc(a, methods.n * sizeof *ts->methods);
		memcpy(ts->methods, methods.v, methods.n * sizeof *ts->methods);
		ts->nmethods = methods.n;
		sort_methods(ts->methods, ts->nmethods);
	}
	ptrvec_free(&methods);
	ptrvec_free(&mpos);
	if (tl_is_all(&all)) {
		ts->all = true;
	} else {
		ts->all = false;
		ts->nterms = all.n;
		if (all.n) {
			ts->terms = arena_alloc(a, all.n * sizeof *ts->terms);
			memcpy(ts->terms, all.v, all.n * sizeof *ts->terms);
		}
	}
	free(all.v);
	it->iface.complete = true;
	return ts;
}

#define MAX_TERM_COUNT 100

static TypeSet *compute_union_typeset(Checker *c, Pos pos, Type *u)
{
	static Arena fallback;
	Arena *a = c ? c->arena : &fallback;
	TermList all = {0};
	for (uint32_t i = 0; i < u->union_.n; i++) {
		Term t = u->union_.terms[i];
		Type *tu = under(t.type);
		TermList terms = {0};
		if (tu->kind == TY_INTERFACE) {
			TypeSet *es = interface_typeset(c, tu);
			terms = tl_copy(es->terms, es->nterms, es->all);
		} else if (tu == typ_invalid) {
			continue;
		} else {
			tl_push(&terms, t);
		}
		for (uint32_t k = 0; k < terms.n; k++)
			tl_push(&all, terms.v[k]);
		free(terms.v);
		tl_norm(&all);
		if (all.n > MAX_TERM_COUNT) {
			if (c)
				check_errorf(c, pos, "cannot handle more than %d union terms (implementation limitation)", MAX_TERM_COUNT);
			free(all.v);
			return NULL;
		}
	}
	TypeSet *ts = arena_alloc(a, sizeof *ts);
	if (tl_is_all(&all)) {
		ts->all = true;
	} else {
		ts->nterms = all.n;
		ts->terms = arena_alloc(a, (all.n + 1) * sizeof *ts->terms);
		if (all.n)
			memcpy(ts->terms, all.v, all.n * sizeof *ts->terms);
	}
	free(all.v);
	return ts;
}

TypeSet *type_typeset(Checker *c, Type *t)
{
	Type *u = under(t);
	if (u->kind == TY_INTERFACE)
		return interface_typeset(c, u);
	return NULL;
}

bool typeset_underIs(Checker *c, Type *t, bool (*f)(Type *u, void *arg), void *arg)
{
	if (t->kind != TY_TYPEPARAM)
		return f(under(t), arg);
	TypeSet *ts = interface_typeset(c, tparam_iface(t));
	if (!typeset_has_terms(ts))
		return f(NULL, arg);
	for (uint32_t i = 0; i < ts->nterms; i++) {
		Type *u = ts->terms[i].type;
		if (!ts->terms[i].tilde)
			u = under(u);
		if (!f(u, arg))
			return false;
	}
	return true;
}

/* go/types typeset.is for a type parameter: f(NULL) if no specific terms */
static bool tparam_is(Type *tp, bool (*f)(Term *t, void *arg), void *arg)
{
	TypeSet *ts = interface_typeset(NULL, tparam_iface(tp));
	if (!typeset_has_terms(ts))
		return f(NULL, arg);
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (!f(&ts->terms[i], arg))
			return false;
	return true;
}

/* ---- core types ---- */

static Type *chan_match(Type *x, Type *y)
{
	if (identical(x, y))
		return x;
	if (x->kind == TY_CHAN && y->kind == TY_CHAN && identical(x->chan.elem, y->chan.elem)) {
		if (x->chan.dir == CHAN_SENDRECV)
			return y;
		if (y->chan.dir == CHAN_SENDRECV)
			return x;
	}
	return NULL;
}

typedef struct CoreAcc {
	Type *su;
	bool hasstring, bytes;
} CoreAcc;

static bool core_f(Type *u, void *arg)
{
	CoreAcc *ac = arg;
	if (!u)
		return false;
	if (ac->bytes && is_string(u)) {
		static Type *bs;
		if (!bs) {
			static Arena a;
			bs = new_slice(&a, typ_byte);
		}
		u = bs;
		ac->hasstring = true;
	}
	if (ac->su) {
		u = chan_match(ac->su, u);
		if (!u)
			return false;
	}
	ac->su = u;
	return true;
}

Type *core_type(Type *t)
{
	if (t->kind != TY_TYPEPARAM)
		return under(t);
	CoreAcc ac = {0};
	if (typeset_underIs(NULL, t, core_f, &ac))
		return ac.su;
	return NULL;
}

Type *core_string(Type *t)
{
	if (t->kind != TY_TYPEPARAM)
		return under(t);
	CoreAcc ac = {0};
	ac.bytes = true;
	if (typeset_underIs(NULL, t, core_f, &ac))
		return ac.hasstring ? typ_basic[BK_STRING] : ac.su;
	return NULL;
}

/* ---- predicates ---- */

static bool is_basic_info(Type *t, int info)
{
	Type *u = under(t);
	return u->kind == TY_BASIC && (u->basic.info & info) != 0;
}

bool is_boolean(Type *t) { return is_basic_info(t, BI_BOOLEAN); }
bool is_integer(Type *t) { return is_basic_info(t, BI_INTEGER); }
bool is_unsigned(Type *t) { return is_basic_info(t, BI_UNSIGNED); }
bool is_float(Type *t) { return is_basic_info(t, BI_FLOAT); }
bool is_complex(Type *t) { return is_basic_info(t, BI_COMPLEX); }
bool is_numeric(Type *t) { return is_basic_info(t, BI_NUMERIC); }
bool is_string(Type *t) { return is_basic_info(t, BI_STRING); }
bool is_ordered(Type *t) { return is_basic_info(t, BI_ORDERED); }
bool is_const_type(Type *t) { return is_basic_info(t, BI_CONSTTYPE); }
bool is_typed(Type *t) { return t->kind != TY_BASIC || !(t->basic.info & BI_UNTYPED); }
bool is_untyped(Type *t) { return !is_typed(t); }
bool is_interface(Type *t) { return under(t)->kind == TY_INTERFACE; }
bool is_typeparam(Type *t) { return t->kind == TY_TYPEPARAM; }
bool is_nonparam_interface(Type *t) { return t->kind != TY_TYPEPARAM && is_interface(t); }

static bool all_f(Term *t, void *arg)
{
	return t && is_basic_info(t->type, *(int *)arg);
}

static bool all_basic(Type *t, int info)
{
	if (t->kind == TY_TYPEPARAM)
		return tparam_is(t, all_f, &info);
	return is_basic_info(t, info);
}

bool all_boolean(Type *t) { return all_basic(t, BI_BOOLEAN); }
bool all_integer(Type *t) { return all_basic(t, BI_INTEGER); }
bool all_unsigned(Type *t) { return all_basic(t, BI_UNSIGNED); }
bool all_numeric(Type *t) { return all_basic(t, BI_NUMERIC); }
bool all_string(Type *t) { return all_basic(t, BI_STRING); }
bool all_ordered(Type *t) { return all_basic(t, BI_ORDERED); }
bool all_numeric_or_string(Type *t) { return all_basic(t, BI_NUMERIC | BI_STRING); }

static bool hasnil_f(Type *u, void *arg)
{
	return u && has_nil(u);
}

bool has_nil(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_SLICE: case TY_POINTER: case TY_SIGNATURE: case TY_MAP: case TY_CHAN:
		return true;
	case TY_INTERFACE:
		return t->kind != TY_TYPEPARAM || typeset_underIs(NULL, t, hasnil_f, NULL);
	}
	return false;
}

/* comparable(T, dynamic, seen) of go/types; seen is a small stack */
typedef struct Seen {
	Type *t;
	struct Seen *prev;
} Seen;

static bool comparable_rec(Type *T, bool dynamic, Seen *seen)
{
	for (Seen *s = seen; s; s = s->prev)
		if (s->t == T)
			return true;
	Seen me = {T, seen};
	Type *u = under(T);
	switch (u->kind) {
	case TY_BASIC:
		return u->basic.kind != BK_UNTYPED_NIL;
	case TY_POINTER: case TY_CHAN:
		return true;
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (!comparable_rec(u->struct_.fields[i]->type, dynamic, &me))
				return false;
		return true;
	case TY_ARRAY:
		return comparable_rec(u->array.elem, dynamic, &me);
	case TY_INTERFACE: {
		if (dynamic && T->kind != TY_TYPEPARAM)
			return true;
		TypeSet *ts = interface_typeset(NULL, u);
		if (ts->all)
			return ts->comparable;
		for (uint32_t i = 0; i < ts->nterms; i++)
			if (!comparable_rec(ts->terms[i].type, false, &me))
				return false;
		return true;
	}
	}
	return false;
}

bool is_comparable(Type *t) { return comparable_rec(t, true, NULL); }
bool is_comparable_strict(Type *t, bool unused) { return comparable_rec(t, false, NULL); }

/* ---- identity ---- */

typedef struct IfacePair {
	Type *x, *y;
	struct IfacePair *prev;
} IfacePair;

static bool ident(Type *x, Type *y, bool cmptags, IfacePair *p);

static bool ident_tuple(Type *x, Type *y, bool cmptags, IfacePair *p)
{
	if (x->tuple.n != y->tuple.n)
		return false;
	for (uint32_t i = 0; i < x->tuple.n; i++)
		if (!ident(x->tuple.vars[i]->type, y->tuple.vars[i]->type, cmptags, p))
			return false;
	return true;
}

static bool ident(Type *x, Type *y, bool cmptags, IfacePair *p)
{
	if (x == y)
		return true;
	if (!x || !y)
		return false;
	if (x->kind != y->kind)
		return false;
	switch (x->kind) {
	case TY_BASIC:
		return x->basic.kind == y->basic.kind;
	case TY_ARRAY:
		return x->array.len == y->array.len && ident(x->array.elem, y->array.elem, cmptags, p);
	case TY_SLICE:
	case TY_POINTER:
		return ident(x->slice.elem, y->slice.elem, cmptags, p);
	case TY_STRUCT:
		if (x->struct_.nfields != y->struct_.nfields)
			return false;
		for (uint32_t i = 0; i < x->struct_.nfields; i++) {
			Object *f = x->struct_.fields[i], *g = y->struct_.fields[i];
			if ((f->flags & OF_EMBEDDED) != (g->flags & OF_EMBEDDED))
				return false;
			if (cmptags) {
				const char *tf = x->struct_.tags ? x->struct_.tags[i] : NULL;
				const char *tg = y->struct_.tags ? y->struct_.tags[i] : NULL;
				if (strcmp(tf ? tf : "", tg ? tg : "") != 0)
					return false;
			}
			if (!same_id(f, g->pkg, g->name))
				return false;
			if (!ident(f->type, g->type, cmptags, p))
				return false;
		}
		return true;
	case TY_TUPLE:
		return ident_tuple(x, y, cmptags, p);
	case TY_SIGNATURE: {
		if (x->sig.tparams.n != y->sig.tparams.n)
			return false;
		if (x->sig.variadic != y->sig.variadic)
			return false;
		Type *yp = y->sig.params, *yr = y->sig.results;
		if (x->sig.tparams.n > 0) {
			Subst m = {y->sig.tparams.v, x->sig.tparams.v, x->sig.tparams.n};
			for (uint32_t i = 0; i < x->sig.tparams.n; i++) {
				Type *yb = subst(NULL, NoPos, y->sig.tparams.v[i]->tparam.bound, &m);
				if (!ident(x->sig.tparams.v[i]->tparam.bound, yb, cmptags, p))
					return false;
			}
			yp = subst(NULL, NoPos, yp, &m);
			yr = subst(NULL, NoPos, yr, &m);
		}
		return ident_tuple(x->sig.params, yp, cmptags, p) && ident_tuple(x->sig.results, yr, cmptags, p);
	}
	case TY_UNION: {
		/* identical type sets: each term of one is in the other */
		if (x->union_.n != y->union_.n)
			return false;
		for (uint32_t i = 0; i < x->union_.n; i++) {
			bool found = false;
			for (uint32_t j = 0; j < y->union_.n && !found; j++)
				found = x->union_.terms[i].tilde == y->union_.terms[j].tilde &&
					ident(x->union_.terms[i].type, y->union_.terms[j].type, cmptags, p);
			if (!found)
				return false;
		}
		return true;
	}
	case TY_INTERFACE: {
		TypeSet *xs = interface_typeset(NULL, x), *ys = interface_typeset(NULL, y);
		if (xs->comparable != ys->comparable || xs->all != ys->all)
			return false;
		if (!xs->all) {
			/* term sets equal: mutual subset */
			if (xs->nterms != ys->nterms)
				return false;
			for (uint32_t i = 0; i < xs->nterms; i++) {
				bool found = false;
				for (uint32_t j = 0; j < ys->nterms && !found; j++)
					found = xs->terms[i].tilde == ys->terms[j].tilde && identical(xs->terms[i].type, ys->terms[j].type);
				if (!found)
					return false;
			}
		}
		if (xs->nmethods != ys->nmethods)
			return false;
		for (IfacePair *q = p; q; q = q->prev)
			if ((q->x == x && q->y == y) || (q->x == y && q->y == x))
				return true;
		IfacePair me = {x, y, p};
		for (uint32_t i = 0; i < xs->nmethods; i++) {
			Object *f = xs->methods[i], *g = ys->methods[i];
			if (!same_id(f, g->pkg, g->name) || !ident(f->type, g->type, cmptags, &me))
				return false;
		}
		return true;
	}
	case TY_MAP:
		return ident(x->map.key, y->map.key, cmptags, p) && ident(x->map.elem, y->map.elem, cmptags, p);
	case TY_CHAN:
		return x->chan.dir == y->chan.dir && ident(x->chan.elem, y->chan.elem, cmptags, p);
	case TY_NAMED: {
		if (x->named.targs.n != y->named.targs.n)
			return false;
		if (x->named.targs.n > 0) {
			if (x->named.orig != y->named.orig)
				return false;
			for (uint32_t i = 0; i < x->named.targs.n; i++)
				if (!ident(x->named.targs.v[i], y->named.targs.v[i], cmptags, p))
					return false;
			return true;
		}
		return x->named.obj == y->named.obj && x->named.orig == y->named.orig;
	}
	case TY_TYPEPARAM:
		return false;
	}
	return false;
}

bool identical(Type *x, Type *y) { return ident(x, y, true, NULL); }
bool identical_ignore_tags(Type *x, Type *y) { return ident(x, y, false, NULL); }

/* ---- lookup ---- */

typedef struct Embedded {
	Type *typ;
	int *index;
	uint32_t nindex;
	bool indirect, multiples;
} Embedded;

static int *concat_index(Arena *a, const int *idx, uint32_t n, int i)
{
	int *r = arena_alloc(a, (n + 1) * sizeof *r);
	if (n)
		memcpy(r, idx, n * sizeof *r);
	r[n] = i;
	return r;
}

/* m matches (pkg, name); with fold, names are compared with case folding
 * (types2 lookupMethod's foldCase, for the "have m want M" hints) */
static bool method_matches(const Object *m, TPackage *pkg, const char *name, bool fold)
{
	if (!fold)
		return same_id(m, pkg, name);
	return strcasecmp(m->name, name) == 0 && same_id(m, pkg, m->name);
}

/* method i of named t matching (pkg, name), expanding instances */
static Object *named_lookup_method(Type *t, TPackage *pkg, const char *name, int *idx, bool fold)
{
	if (t->named.orig != t && t->named.state != NAMED_EXPANDED)
		named_expand(t);
	for (uint32_t i = 0; i < t->named.nmethods; i++)
		if (method_matches(t->named.methods[i], pkg, name, fold)) {
			*idx = (int)i;
			return t->named.methods[i];
		}
	return NULL;
}

static Object *typeset_lookup_method(TypeSet *ts, TPackage *pkg, const char *name, int *idx, bool fold)
{
	for (uint32_t i = 0; i < ts->nmethods; i++)
		if (method_matches(ts->methods[i], pkg, name, fold)) {
			*idx = (int)i;
			return ts->methods[i];
		}
	return NULL;
}

bool func_has_ptr_recv(Object *f)
{
	if (f->type && f->type->kind == TY_SIGNATURE && f->type->sig.recv) {
		bool p;
		deref(f->type->sig.recv->type, &p);
		return p;
	}
	return (f->flags & OF_PTRRECV) != 0;
}

/* A growable array of Embedded that starts in a buffer of the caller's
 * (selectors rarely go deeper than a few embedded fields: no malloc) */
typedef struct EmbVec {
	Embedded *v;
	uint32_t n, cap;
	bool heap;
} EmbVec;

static void embvec_push(EmbVec *ev, Embedded e)
{
	if (ev->n == ev->cap) {
		uint32_t cap = ev->cap * 2;
		Embedded *nv = xmalloc(cap * sizeof *nv);
		memcpy(nv, ev->v, ev->n * sizeof *nv);
		if (ev->heap)
			free(ev->v);
		ev->v = nv;
		ev->cap = cap;
		ev->heap = true;
	}
	ev->v[ev->n++] = e;
}

static void embvec_free(EmbVec *ev)
{
	if (ev->heap)
		free(ev->v);
}

/* go/types lookupFieldOrMethod (breadth-first over embedded fields) */
static Lookup lookup_internal(Arena *a, Type *T, bool addressable, TPackage *pkg, const char *name, bool fold)
{
	Lookup r = {0};
	static Arena scratch;
	if (!a)
		a = &scratch;
	if (name[0] == '_' && name[1] == 0)
		return r;
	bool isptr;
	Type *typ = deref(T, &isptr);
	if (isptr && under(typ)->kind == TY_INTERFACE)
		return r;
	Embedded buf1[8], buf2[8];
	EmbVec cur = {buf1, 0, 8, false}, next = {buf2, 0, 8, false};
	embvec_push(&cur, (Embedded){typ, NULL, 0, isptr, false});
	/* named types seen: a short list, then a map */
	Type *seenv[16];
	uint32_t nseen = 0;
	PtrMap seen = {0};
	Object *obj = NULL;
	int *index = NULL;
	uint32_t nindex = 0;
	bool indirect = false;
	while (cur.n > 0) {
		next.n = 0;
		for (uint32_t k = 0; k < cur.n; k++) {
			Embedded e = cur.v[k];
			Type *t = e.typ;
			int i;
			if (t->kind == TY_NAMED) {
				bool was = false;
				for (uint32_t j = 0; j < nseen && !was; j++)
					was = seenv[j] == t;
				if (was || (nseen == 16 && ptrmap_get(&seen, t)))
					continue;
				if (nseen < 16)
					seenv[nseen++] = t;
				else
					ptrmap_put(&seen, t, t);
				Object *m = named_lookup_method(t, pkg, name, &i, fold);
				if (m) {
					index = concat_index(a, e.index, e.nindex, i);
					nindex = e.nindex + 1;
					if (obj || e.multiples)
						goto ambiguous;
					obj = m;
					indirect = e.indirect;
					continue;
				}
			}
			Type *u = under(t);
			if (u->kind == TY_STRUCT) {
				for (uint32_t fi = 0; fi < u->struct_.nfields; fi++) {
					Object *f = u->struct_.fields[fi];
					if (same_id(f, pkg, name)) {
						index = concat_index(a, e.index, e.nindex, (int)fi);
						nindex = e.nindex + 1;
						if (obj || e.multiples)
							goto ambiguous;
						obj = f;
						indirect = e.indirect;
						continue;
					}
					if (!obj && (f->flags & OF_EMBEDDED) && f->type) {
						bool p;
						Type *ft = deref(f->type, &p);
						embvec_push(&next, (Embedded){ft, concat_index(a, e.index, e.nindex, (int)fi), e.nindex + 1,
							e.indirect || p, e.multiples});
					}
				}
			} else if (u->kind == TY_INTERFACE) {
				Object *m = typeset_lookup_method(interface_typeset(NULL, u), pkg, name, &i, fold);
				if (m) {
					index = concat_index(a, e.index, e.nindex, i);
					nindex = e.nindex + 1;
					if (obj || e.multiples)
						goto ambiguous;
					obj = m;
					indirect = e.indirect;
				}
			}
		}
		if (obj) {
			if (obj->kind == OBJ_FUNC && func_has_ptr_recv(obj) && !indirect && !addressable) {
				r.not_addressable = true;
				r.indirect = true;
				goto out;
			}
			r.obj = obj;
			r.index = index;
			r.nindex = nindex;
			r.indirect = indirect;
			goto out;
		}
		/* consolidate multiples: the same type seen more than once at this depth */
		uint32_t k2 = 0;
		for (uint32_t k = 0; k < next.n; k++) {
			bool dup = false;
			for (uint32_t j = 0; j < k2; j++)
				if (identical(next.v[j].typ, next.v[k].typ)) {
					next.v[j].multiples = true;
					dup = true;
					break;
				}
			if (!dup)
				next.v[k2++] = next.v[k];
		}
		next.n = k2;
		EmbVec tmp = cur;
		cur = next;
		next = tmp;
	}
	goto out;
ambiguous:
	r.ambiguous = true;
	r.index = index;
	r.nindex = nindex;
out:
	embvec_free(&cur);
	embvec_free(&next);
	ptrmap_free(&seen);
	return r;
}

/* types2 missingMethod's last resort: a method of V whose name matches
 * with case folding (the "have m(int) want M(int)" hint) */
Object *lookup_method_fold(Type *V, TPackage *pkg, const char *name)
{
	Lookup r = lookup_internal(NULL, V, false, pkg, name, true);
	return r.obj && r.obj->kind == OBJ_FUNC ? r.obj : NULL;
}

Lookup lookup_field_or_method(Arena *a, Type *T, bool addressable, TPackage *pkg, const char *name)
{
	if (T->kind == TY_NAMED) {
		Type *u = under(T);
		if (u->kind == TY_POINTER) {
			Lookup r = lookup_internal(a, u, false, pkg, name, false);
			if (r.obj && r.obj->kind == OBJ_FUNC)
				return (Lookup){0};
			return r;
		}
	}
	return lookup_internal(a, T, addressable, pkg, name, false);
}

Object *missing_method(Checker *c, Type *V, Type *T, bool static_, bool *wrongtype)
{
	*wrongtype = false;
	TypeSet *tts = interface_typeset(c, under(T));
	if (tts->nmethods == 0)
		return NULL;
	Type *vu = under(V);
	if (vu->kind == TY_INTERFACE) {
		TypeSet *vs = interface_typeset(c, vu);
		for (uint32_t i = 0; i < tts->nmethods; i++) {
			Object *m = tts->methods[i];
			int idx;
			Object *f = typeset_lookup_method(vs, m->pkg, m->name, &idx, false);
			if (!f) {
				if (!static_)
					continue;
				return m;
			}
			if (!identical(f->type, m->type)) {
				*wrongtype = true;
				return m;
			}
		}
		return NULL;
	}
	for (uint32_t i = 0; i < tts->nmethods; i++) {
		Object *m = tts->methods[i];
		Lookup r = lookup_field_or_method(NULL, V, false, m->pkg, m->name);
		bool found = r.obj != NULL;
		Object *f = r.obj;
		if (!found && c) {
			Lookup r2 = lookup_field_or_method(NULL, new_pointer(&c->scratch, V), false, m->pkg, m->name);
			f = r2.obj;
			if (!f)
				f = lookup_method_fold(V, m->pkg, m->name);
		}
		if (!f || f->kind != OBJ_FUNC)
			return m;
		if (c && !f->type)
			check_obj_decl(c, f, NULL);
		if (!found || !identical(f->type, m->type)) {
			*wrongtype = true;
			return m;
		}
	}
	return NULL;
}

static void cause_printf(Buf *cause, const char *fmt, ...) PRINTF(2, 3);
static void cause_printf(Buf *cause, const char *fmt, ...)
{
	if (!cause)
		return;
	cause->n = 0;
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_puts(cause, tmp);
	buf_putc(cause, 0);
	cause->n--;
}

static const char *tstr(Checker *c, Type *t)
{
	return c ? type_str(c, t) : "?";
}

bool implements(Checker *c, Type *V, Type *T, Buf *cause)
{
	Type *Vu = under(V), *Tu = under(T);
	if (Vu == typ_invalid || Tu == typ_invalid)
		return true;
	if (Vu->kind == TY_POINTER && under(Vu->pointer.elem) == typ_invalid)
		return true;
	if (Tu->kind != TY_INTERFACE) {
		if (Tu->kind == TY_POINTER && is_interface(Tu->pointer.elem))
			cause_printf(cause, "%s does not implement %s (type %s is pointer to interface, not interface)", tstr(c, V), tstr(c, T), tstr(c, T));
		else
			cause_printf(cause, "%s does not implement %s (%s is not an interface)", tstr(c, V), tstr(c, T), tstr(c, T));
		return false;
	}
	TypeSet *tts = interface_typeset(c, Tu);
	if (typeset_is_all(tts))
		return true;
	TypeSet *vts = Vu->kind == TY_INTERFACE ? interface_typeset(c, Vu) : NULL;
	if (vts && typeset_is_empty(vts))
		return true;
	if (typeset_is_empty(tts)) {
		cause_printf(cause, "cannot implement %s (empty type set)", tstr(c, T));
		return false;
	}
	bool wrong;
	Object *m = missing_method(c, V, T, true, &wrong);
	if (m) {
		if (cause && c) {
			Buf why = {0};
			missing_method_reason(c, &why, V, T, m, wrong);
			cause_printf(cause, "%s does not implement %s %.*s", tstr(c, V), tstr(c, T), (int)why.n, why.p ? why.p : "");
			buf_free(&why);
		}
		return false;
	}
	if (tts->comparable && !tts->nterms && !is_comparable_strict(V, false)) {
		cause_printf(cause, "%s does not implement comparable", tstr(c, V));
		return false;
	}
	if (!typeset_has_terms(tts))
		return true;
	if (vts) {
		/* subset */
		bool ok = true;
		if (vts->all)
			ok = false;
		for (uint32_t i = 0; ok && i < vts->nterms; i++) {
			bool sup = false;
			for (uint32_t j = 0; j < tts->nterms && !sup; j++)
				sup = term_subset(vts->terms[i], tts->terms[j]);
			ok = sup;
		}
		if (!ok)
			cause_printf(cause, "%s does not implement %s", tstr(c, V), tstr(c, T));
		return ok;
	}
	Type *alt = NULL;
	for (uint32_t i = 0; i < tts->nterms; i++) {
		Term t = tts->terms[i];
		if (term_includes(t, V))
			return true;
		if (!alt && !t.tilde && identical(t.type, under(t.type))) {
			Term tt = {true, t.type};
			if (term_includes(tt, V))
				alt = t.type;
		}
	}
	if (alt)
		cause_printf(cause, "%s does not implement %s (possibly missing ~ for %s in constraint %s)", tstr(c, V), tstr(c, T), tstr(c, alt), tstr(c, T));
	else if (cause && c) {
		/* types2: "(V missing in ~int | ~string)" */
		Buf tl = {0};
		Qualifier q = {c->pkg, true, false};
		for (uint32_t i = 0; i < tts->nterms; i++) {
			if (i)
				buf_puts(&tl, " | ");
			if (tts->terms[i].tilde)
				buf_putc(&tl, '~');
			write_type(&tl, tts->terms[i].type, &q);
		}
		cause_printf(cause, "%s does not implement %s (%s missing in %.*s)", tstr(c, V), tstr(c, T), tstr(c, V), (int)tl.n,
			tl.p ? tl.p : "");
		buf_free(&tl);
	}
	return false;
}

/* ---- method sets ---- */

static int cmp_mse(const void *a, const void *b)
{
	const MethodSetEntry *x = a, *y = b;
	return cmp_method_id(&x->obj, &y->obj);
}

MethodSet method_set(Arena *a, Type *T)
{
	/* The exported and unexported method names reachable from T, each looked up. */
	MethodSet ms = {0};
	PtrVec names = {0}; /* Object* candidates (for name + pkg) */
	PtrMap seen = {0};
	bool isptr;
	Type *typ = deref(T, &isptr);
	if (isptr && is_interface(typ))
		return ms;
	/* breadth-first collection of candidate methods */
	PtrVec cur = {0}, next = {0};
	ptrvec_push(&cur, typ);
	for (int depth = 0; cur.n && depth < 64; depth++) {
		for (uint32_t k = 0; k < cur.n; k++) {
			Type *t = cur.v[k];
			if (t->kind == TY_NAMED) {
				if (ptrmap_get(&seen, t))
					continue;
				ptrmap_put(&seen, t, t);
				if (t->named.orig != t && t->named.state != NAMED_EXPANDED)
					named_expand(t);
				for (uint32_t i = 0; i < t->named.nmethods; i++)
					ptrvec_push(&names, t->named.methods[i]);
			}
			Type *u = under(t);
			if (u->kind == TY_STRUCT) {
				for (uint32_t i = 0; i < u->struct_.nfields; i++) {
					Object *f = u->struct_.fields[i];
					if (f->flags & OF_EMBEDDED)
						ptrvec_push(&next, deref(f->type, NULL));
				}
			} else if (u->kind == TY_INTERFACE) {
				TypeSet *ts = interface_typeset(NULL, u);
				for (uint32_t i = 0; i < ts->nmethods; i++)
					ptrvec_push(&names, ts->methods[i]);
			}
		}
		PtrVec tmp = cur;
		cur = next;
		next = tmp;
		next.n = 0;
	}
	ptrvec_free(&cur);
	ptrvec_free(&next);
	ptrmap_free(&seen);
	ms.v = arena_alloc(a, (names.n + 1) * sizeof *ms.v);
	for (uint32_t i = 0; i < names.n; i++) {
		Object *cand = names.v[i];
		bool dup = false;
		for (uint32_t j = 0; j < ms.n && !dup; j++)
			dup = same_id(ms.v[j].obj, cand->pkg, cand->name);
		for (uint32_t j = 0; j < i && !dup; j++)
			dup = same_id((Object *)names.v[j], cand->pkg, cand->name);
		if (dup)
			continue;
		Lookup r = lookup_field_or_method(a, T, false, cand->pkg, cand->name);
		if (r.obj && r.obj->kind == OBJ_FUNC)
			ms.v[ms.n++] = (MethodSetEntry){r.obj, r.index, r.nindex, r.indirect};
	}
	ptrvec_free(&names);
	qsort(ms.v, ms.n, sizeof *ms.v, cmp_mse);
	return ms;
}

/* ---- assignability and convertibility ---- */

/* whether untyped x can take type T implicitly (go/types implicitTypeAndValue != nil) */
static bool implicit_ok(Checker *c, Operand *x, Type *T)
{
	if (x->mode == MODE_INVALID || is_typed(x->type) || T == typ_invalid)
		return true;
	Type *u = under(T);
	if (u->kind == TY_BASIC) {
		if (x->mode == MODE_CONSTANT)
			return check_representable(c, x, u, NULL) == CONST_REP_OK;
		/* non-constant untyped values */
		switch (x->type->basic.kind) {
		case BK_UNTYPED_BOOL: return is_boolean(u);
		case BK_UNTYPED_INT: case BK_UNTYPED_RUNE: case BK_UNTYPED_FLOAT: case BK_UNTYPED_COMPLEX: return is_numeric(u);
		case BK_UNTYPED_STRING: return false;
		case BK_UNTYPED_NIL: return u->basic.kind == BK_UNSAFE_POINTER;
		}
		return false;
	}
	if (u->kind == TY_INTERFACE) {
		if (T->kind == TY_TYPEPARAM)
			return false;
		if (x->type->basic.kind == BK_UNTYPED_NIL)
			return true;
		TypeSet *ts = interface_typeset(c, u);
		return ts->nmethods == 0 && !typeset_has_terms(ts);
	}
	if (u->kind == TY_POINTER || u->kind == TY_SIGNATURE || u->kind == TY_SLICE || u->kind == TY_MAP || u->kind == TY_CHAN)
		return x->type->basic.kind == BK_UNTYPED_NIL;
	return false;
}

typedef struct AssignCtx {
	Checker *c;
	Operand *x;
	Buf *cause;
	bool ok;
} AssignCtx;

static bool untyped_term_f(Term *t, void *arg)
{
	AssignCtx *ac = arg;
	return t && implicit_ok(ac->c, ac->x, t->type);
}

static bool assign_T_term_f(Term *t, void *arg)
{
	AssignCtx *ac = arg;
	if (!t)
		return false;
	ac->ok = operand_assignable_to(ac->c, ac->x, t->type, ac->cause);
	return ac->ok;
}

typedef struct AssignV {
	AssignCtx ac;
	Type *T;
} AssignV;

static bool assign_V_term_f(Term *t, void *arg)
{
	AssignV *av = arg;
	if (!t)
		return false;
	Operand y = *av->ac.x;
	y.type = t->type;
	av->ac.ok = operand_assignable_to(av->ac.c, &y, av->T, av->ac.cause);
	return av->ac.ok;
}

bool operand_assignable_to(Checker *c, Operand *x, Type *T, Buf *cause)
{
	if (x->mode == MODE_INVALID || T == typ_invalid)
		return true;
	Type *V = x->type;
	if (identical(V, T))
		return true;
	Type *Vu = under(V), *Tu = under(T);
	if (c && (ptrmap_get(&c->cyclic, V) || ptrmap_get(&c->cyclic, T)))
		return true; /* an invalid recursive type: reported (goc invalidates it earlier than types2) */
	bool Vp = V->kind == TY_TYPEPARAM, Tp = T->kind == TY_TYPEPARAM;
	if (is_untyped(Vu)) {
		if (Tp) {
			AssignCtx ac = {c, x, cause, false};
			return tparam_is(T, untyped_term_f, &ac);
		}
		return implicit_ok(c, x, T);
	}
	if (identical(Vu, Tu) && (!has_name(V) || !has_name(T)) && !Vp && !Tp)
		return true;
	if ((Tu->kind == TY_INTERFACE && !Tp) || (Tu->kind == TY_POINTER && is_interface(Tu->pointer.elem) && !is_typeparam(Tu->pointer.elem)))
		return implements(c, V, T, cause);
	if (Vu->kind == TY_INTERFACE && !Vp) {
		if (implements(c, T, V, NULL)) {
			cause_printf(cause, "need type assertion");
			return false;
		}
	}
	if (Vu->kind == TY_CHAN && Vu->chan.dir == CHAN_SENDRECV && Tu->kind == TY_CHAN && identical(Vu->chan.elem, Tu->chan.elem))
		return !has_name(V) || !has_name(T);
	if (!Vp && !Tp)
		return false;
	if (!has_name(V) && Tp) {
		AssignCtx ac = {c, x, cause, false};
		tparam_is(T, assign_T_term_f, &ac);
		return ac.ok;
	}
	if (Vp && !has_name(T)) {
		AssignV av = {{c, x, cause, false}, T};
		tparam_is(V, assign_V_term_f, &av);
		return av.ac.ok;
	}
	return false;
}

static bool is_bytes_or_runes(Type *t)
{
	if (t->kind != TY_SLICE)
		return false;
	Type *e = under(t->slice.elem);
	return e->kind == TY_BASIC && (e->basic.kind == BK_UINT8 || e->basic.kind == BK_INT32);
}

static bool is_uintptr(Type *u) { return u->kind == TY_BASIC && u->basic.kind == BK_UINTPTR; }
static bool is_unsafe_ptr(Type *u) { return u->kind == TY_BASIC && u->basic.kind == BK_UNSAFE_POINTER; }

typedef struct ConvCtx {
	Checker *c;
	Operand *x;
	Type *T;
	Buf *cause;
	Term *vterm;
} ConvCtx;

static bool conv_T_f(Term *t, void *arg)
{
	ConvCtx *cc = arg;
	if (!t)
		return false;
	return operand_convertible_to(cc->c, cc->x, t->type, cc->cause);
}

static bool conv_V_f(Term *t, void *arg)
{
	ConvCtx *cc = arg;
	if (!t)
		return false;
	Operand y = *cc->x;
	y.type = t->type;
	if (cc->T->kind == TY_TYPEPARAM) {
		ConvCtx c2 = {cc->c, &y, cc->T, cc->cause, NULL};
		return tparam_is(cc->T, conv_T_f, &c2);
	}
	return operand_convertible_to(cc->c, &y, cc->T, cc->cause);
}

bool operand_convertible_to(Checker *c, Operand *x, Type *T, Buf *cause)
{
	if (operand_assignable_to(c, x, T, cause))
		return true;
	Type *V = x->type, *Vu = under(V), *Tu = under(T);
	bool Vp = V->kind == TY_TYPEPARAM, Tp = T->kind == TY_TYPEPARAM;
	if (identical_ignore_tags(Vu, Tu) && !Vp && !Tp)
		return true;
	if (V->kind == TY_POINTER && T->kind == TY_POINTER &&
	    identical_ignore_tags(under(V->pointer.elem), under(T->pointer.elem)) &&
	    !is_typeparam(V->pointer.elem) && !is_typeparam(T->pointer.elem))
		return true;
	if (Vu->kind == TY_BASIC && Tu->kind == TY_BASIC) {
		int vi = Vu->basic.info, ti = Tu->basic.info;
		if ((vi & (BI_INTEGER | BI_FLOAT)) && (ti & (BI_INTEGER | BI_FLOAT)))
			return true;
		if ((vi & BI_COMPLEX) && (ti & BI_COMPLEX))
			return true;
		if ((vi & BI_INTEGER) && (ti & BI_STRING))
			return true;
	}
	if (is_bytes_or_runes(Vu) && is_string(Tu))
		return true;
	if (is_string(Vu) && is_bytes_or_runes(Tu))
		return true;
	if ((Vu->kind == TY_POINTER || is_uintptr(Vu)) && is_unsafe_ptr(Tu))
		return true;
	if (is_unsafe_ptr(Vu) && (Tu->kind == TY_POINTER || is_uintptr(Tu)))
		return true;
	if (Vu->kind == TY_SLICE && Tu->kind == TY_POINTER) {
		Type *a = under(Tu->pointer.elem);
		if (a->kind == TY_ARRAY && identical(Vu->slice.elem, a->array.elem))
			return true;
	}
	if (!Vp && !Tp)
		return false;
	ConvCtx cc = {c, x, T, cause, NULL};
	if (Vp)
		return tparam_is(V, conv_V_f, &cc);
	return tparam_is(T, conv_T_f, &cc);
}
