/*
 * unify.c — type unification for inference (go/types unify.go, Go 1.19):
 * two types unify if they are identical after binding the type parameters
 * of the list being inferred.  Inexact unification (the only kind inference
 * uses) also lets a defined type unify with a type literal through its
 * underlying type, ignores channel directions, and unifies a type
 * parameter with a type literal through its core type.
 *
 * The "x" side holds the type parameters being inferred; the "y" side has
 * none (function argument inference) or shares x's list (constraint type
 * inference), as go/types' tparamsList.  indices[i] > 0 refers to
 * types[indices[i]-1]; < 0 to a joined slot not yet bound; 0: unbound.
 */
#include "expr.h"

enum { DEPTH_LIMIT = 50 };

struct Unifier {
	bool exact;
	bool shared; /* y's type parameters are x's */
	TypeList tparams;
	int *indices;
	Type **types; /* capacity tparams.n */
	uint32_t ntypes;
	int depth;
};

Unifier *unifier_new(Arena *a, TypeList tparams, bool exact)
{
	Unifier *u = arena_alloc(a, sizeof *u);
	u->exact = exact;
	u->tparams = tparams;
	u->indices = arena_alloc(a, (tparams.n + 1) * sizeof *u->indices);
	u->types = arena_alloc(a, (tparams.n + 1) * sizeof *u->types);
	return u;
}

static int tparam_index(TypeList l, Type *t)
{
	if (t->kind != TY_TYPEPARAM)
		return -1;
	uint32_t i = t->tparam.index;
	if (i < l.n && l.v[i] == t)
		return (int)i;
	return -1;
}

static int xindex(Unifier *u, Type *t) { return tparam_index(u->tparams, t); }
static int yindex(Unifier *u, Type *t) { return u->shared ? tparam_index(u->tparams, t) : -1; }

static void set_index(Unifier *u, uint32_t i, int tj)
{
	int ti = u->indices[i];
	for (uint32_t k = 0; k < u->tparams.n; k++)
		if (u->indices[k] == ti)
			u->indices[k] = tj;
}

static bool join(Unifier *u, uint32_t i, uint32_t j)
{
	int ti = u->indices[i], tj = u->indices[j];
	if (ti == 0 && tj == 0) {
		u->types[u->ntypes++] = NULL;
		u->indices[i] = -(int)u->ntypes;
		u->indices[j] = -(int)u->ntypes;
	} else if (ti == 0) {
		u->indices[i] = tj;
	} else if (tj == 0) {
		u->indices[j] = ti;
	} else if (ti == tj) {
		/* nothing */
	} else if (ti > 0 && tj > 0) {
		return false;
	} else if (ti > 0) {
		set_index(u, j, ti);
	} else {
		set_index(u, i, tj);
	}
	return true;
}

Type *unifier_at(Unifier *u, uint32_t i)
{
	int ti = u->indices[i];
	return ti > 0 ? u->types[ti - 1] : NULL;
}

void unifier_set(Unifier *u, uint32_t i, Type *t)
{
	int ti = u->indices[i];
	if (ti < 0) {
		u->types[-ti - 1] = t;
		set_index(u, i, -ti);
	} else if (ti == 0) {
		u->types[u->ntypes++] = t;
		u->indices[i] = (int)u->ntypes;
	} else {
		ice(NoPos, "check", "unifier: type already set");
	}
}

uint32_t unifier_unknowns(Unifier *u)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < u->tparams.n; i++)
		if (u->indices[i] <= 0)
			n++;
	return n;
}

TypeList unifier_types(Unifier *u, Arena *a, int *index)
{
	TypeList l = {arena_alloc(a, (u->tparams.n + 1) * sizeof(Type *)), u->tparams.n};
	*index = -1;
	for (uint32_t i = 0; i < u->tparams.n; i++) {
		l.v[i] = unifier_at(u, i);
		if (*index < 0 && !l.v[i])
			*index = (int)i;
	}
	return l;
}

typedef struct IPair {
	Type *x, *y;
	struct IPair *prev;
} IPair;

static bool nify(Unifier *u, Type *x, Type *y, IPair *p);

static bool nify_eq(Unifier *u, Type *x, Type *y, IPair *p) { return x == y || nify(u, x, y, p); }

static bool term_in(TypeSet *ts, Term t)
{
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (ts->terms[i].tilde == t.tilde && identical(ts->terms[i].type, t.type))
			return true;
	return false;
}

static bool terms_equal(TypeSet *a, TypeSet *b)
{
	if (a->all != b->all)
		return false;
	if (a->all)
		return true;
	if (a->nterms != b->nterms)
		return false;
	for (uint32_t i = 0; i < a->nterms; i++)
		if (!term_in(b, a->terms[i]))
			return false;
	return true;
}

static bool nify0(Unifier *u, Type *x, Type *y, IPair *p)
{
	if (!u->exact) {
		if (x->kind == TY_NAMED && !has_name(y))
			return nify(u, under(x), y, p);
		if (y->kind == TY_NAMED && !has_name(x))
			return nify(u, x, under(y), p);
	}
	int i = xindex(u, x), j = yindex(u, y);
	if (i >= 0 && j >= 0) {
		if (join(u, (uint32_t)i, (uint32_t)j))
			return true;
		return nify_eq(u, unifier_at(u, (uint32_t)i), unifier_at(u, (uint32_t)j), p);
	}
	if (i >= 0) {
		Type *tx = unifier_at(u, (uint32_t)i);
		if (tx)
			return nify_eq(u, tx, y, p);
		unifier_set(u, (uint32_t)i, y);
		return true;
	}
	if (j >= 0) {
		Type *ty = unifier_at(u, (uint32_t)j);
		if (ty)
			return nify_eq(u, x, ty, p);
		unifier_set(u, (uint32_t)j, x);
		return true;
	}
	if (!u->exact) {
		if (x->kind == TY_TYPEPARAM && !has_name(y)) {
			Type *cx = core_type(x);
			if (cx)
				return nify(u, cx, y, p);
		} else if (y->kind == TY_TYPEPARAM && !has_name(x)) {
			Type *cy = core_type(y);
			if (cy)
				return nify(u, x, cy, p);
		}
	}
	switch (x->kind) {
	case TY_BASIC:
		return y->kind == TY_BASIC && x->basic.kind == y->basic.kind;
	case TY_ARRAY:
		return y->kind == TY_ARRAY &&
		       (x->array.len < 0 || y->array.len < 0 || x->array.len == y->array.len) &&
		       nify(u, x->array.elem, y->array.elem, p);
	case TY_SLICE:
		return y->kind == TY_SLICE && nify(u, x->slice.elem, y->slice.elem, p);
	case TY_STRUCT:
		if (y->kind != TY_STRUCT || x->struct_.nfields != y->struct_.nfields)
			return false;
		for (uint32_t k = 0; k < x->struct_.nfields; k++) {
			Object *f = x->struct_.fields[k], *g = y->struct_.fields[k];
			const char *ft = x->struct_.tags ? x->struct_.tags[k] : NULL;
			const char *gt = y->struct_.tags ? y->struct_.tags[k] : NULL;
			if (!ft)
				ft = "";
			if (!gt)
				gt = "";
			if (((f->flags & OF_EMBEDDED) != 0) != ((g->flags & OF_EMBEDDED) != 0) || strcmp(ft, gt) != 0 ||
			    !same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type, p))
				return false;
		}
		return true;
	case TY_POINTER:
		return y->kind == TY_POINTER && nify(u, x->pointer.elem, y->pointer.elem, p);
	case TY_TUPLE:
		if (y->kind != TY_TUPLE || x->tuple.n != y->tuple.n)
			return false;
		for (uint32_t k = 0; k < x->tuple.n; k++)
			if (!nify(u, x->tuple.vars[k]->type, y->tuple.vars[k]->type, p))
				return false;
		return true;
	case TY_SIGNATURE:
		return y->kind == TY_SIGNATURE && x->sig.variadic == y->sig.variadic &&
		       nify(u, x->sig.params, y->sig.params, p) && nify(u, x->sig.results, y->sig.results, p);
	case TY_INTERFACE: {
		if (y->kind != TY_INTERFACE)
			return false;
		TypeSet *xs = interface_typeset(NULL, x), *ys = interface_typeset(NULL, y);
		if (xs->comparable != ys->comparable || !terms_equal(xs, ys))
			return false;
		if (xs->nmethods != ys->nmethods)
			return false;
		IPair q = {x, y, p};
		for (IPair *r = p; r; r = r->prev)
			if ((r->x == x && r->y == y) || (r->x == y && r->y == x))
				return true;
		for (uint32_t k = 0; k < xs->nmethods; k++) {
			Object *f = xs->methods[k], *g = ys->methods[k];
			if (!same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type, &q))
				return false;
		}
		return true;
	}
	case TY_MAP:
		return y->kind == TY_MAP && nify(u, x->map.key, y->map.key, p) && nify(u, x->map.elem, y->map.elem, p);
	case TY_CHAN:
		return y->kind == TY_CHAN && (!u->exact || x->chan.dir == y->chan.dir) &&
		       nify(u, x->chan.elem, y->chan.elem, p);
	case TY_NAMED: {
		if (y->kind != TY_NAMED)
			return false;
		TypeList xa = x->named.targs, ya = y->named.targs;
		if (xa.n != ya.n)
			return false;
		Object *xo = x->named.obj, *yo = y->named.obj;
		if (xo->pkg == yo->pkg && xo->name == yo->name) {
			for (uint32_t k = 0; k < xa.n; k++)
				if (!nify(u, xa.v[k], ya.v[k], p))
					return false;
			return true;
		}
		return false;
	}
	case TY_TYPEPARAM:
		return x == y;
	default:
		return false;
	}
}

static bool nify(Unifier *u, Type *x, Type *y, IPair *p)
{
	if (!x || !y)
		return x == y;
	if (u->depth >= DEPTH_LIMIT)
		return false;
	u->depth++;
	bool r = nify0(u, x, y, p);
	u->depth--;
	return r;
}

bool unify(Unifier *u, Type *x, Type *y) { return nify(u, x, y, NULL); }

/* constraint type inference shares the lists (infer.c) */
void unifier_share(Unifier *u);
void unifier_share(Unifier *u) { u->shared = true; }
