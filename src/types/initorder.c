/*
 * initorder.c — package initialisation order (go/types initorder.go).
 *
 * The package-level constants, variables and functions (methods included)
 * form a dependency graph: an edge from each object to every object of the
 * package its declaration refers to (DeclInfo.deps, filled while
 * expressions and function bodies are checked).  Function nodes are then
 * removed, each predecessor of a function inheriting its successors
 * (cheapest functions first), so that mutually recursive functions do not
 * count as cycles.  The remaining nodes are emitted from a priority queue
 * ordered by the number of unemitted dependencies, then by source order;
 * a node popped while it still has dependencies lies on a cycle, reported
 * in gc's words ("initialization loop for x" with the path).  Variables
 * with initialisers are recorded in that order on TPackage.inits; a
 * declaration a, b = f() is recorded once.
 */
#include "types.h"

/* ---- a small set of graph nodes (open addressing with tombstones) ---- */

typedef struct GNode GNode;

#define TOMB ((GNode *)1)

typedef struct NodeSet {
	GNode **v;
	uint32_t cap, n, used; /* n: live entries, used: live + tombstones */
} NodeSet;

static uint32_t hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

static void set_add(NodeSet *s, GNode *g);

static void set_grow(NodeSet *s)
{
	NodeSet t = {0};
	t.cap = s->cap ? s->cap * 2 : 8;
	while (t.cap < 2 * (s->n + 1))
		t.cap *= 2;
	t.v = xcalloc(t.cap, sizeof *t.v);
	for (uint32_t i = 0; i < s->cap; i++)
		if (s->v[i] && s->v[i] != TOMB)
			set_add(&t, s->v[i]);
	free(s->v);
	*s = t;
}

static void set_add(NodeSet *s, GNode *g)
{
	if (4 * (s->used + 1) > 3 * s->cap)
		set_grow(s);
	uint32_t m = s->cap - 1, i = hash_ptr(g) & m;
	int64_t tomb = -1;
	for (;; i = (i + 1) & m) {
		GNode *e = s->v[i];
		if (e == g)
			return;
		if (e == TOMB) {
			if (tomb < 0)
				tomb = i;
			continue;
		}
		if (!e)
			break;
	}
	if (tomb >= 0) {
		s->v[tomb] = g;
	} else {
		s->v[i] = g;
		s->used++;
	}
	s->n++;
}

static void set_del(NodeSet *s, GNode *g)
{
	if (!s->cap)
		return;
	uint32_t m = s->cap - 1, i = hash_ptr(g) & m;
	for (;; i = (i + 1) & m) {
		GNode *e = s->v[i];
		if (!e)
			return;
		if (e == g) {
			s->v[i] = TOMB;
			s->n--;
			return;
		}
	}
}

#define SET_EACH(s, var)                                   \
	for (uint32_t _i = 0; _i < (s)->cap; _i++)          \
		for (GNode *var = (s)->v[_i]; var && var != TOMB; var = NULL)

/* ---- the graph ---- */

struct GNode {
	Object *obj;
	NodeSet pred, succ;
	int64_t ndeps;
	uint32_t index; /* in the heap */
};

static bool is_dependency(Object *o) { return o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC; }

static int cmp_cost(const void *a, const void *b)
{
	const GNode *x = *(GNode *const *)a, *y = *(GNode *const *)b;
	uint64_t cx = (uint64_t)x->pred.n * x->succ.n, cy = (uint64_t)y->pred.n * y->succ.n;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return (x->obj->order > y->obj->order) - (x->obj->order < y->obj->order);
}

/* ---- the priority queue (go/types nodeQueue) ---- */

typedef struct Heap {
	GNode **v;
	uint32_t n;
} Heap;

static bool less(GNode *a, GNode *b)
{
	return a->ndeps < b->ndeps || (a->ndeps == b->ndeps && a->obj->order < b->obj->order);
}

static void hswap(Heap *h, uint32_t i, uint32_t j)
{
	GNode *t = h->v[i];
	h->v[i] = h->v[j];
	h->v[j] = t;
	h->v[i]->index = i;
	h->v[j]->index = j;
}

static void up(Heap *h, uint32_t j)
{
	while (j > 0) {
		uint32_t i = (j - 1) / 2;
		if (i == j || !less(h->v[j], h->v[i]))
			break;
		hswap(h, i, j);
		j = i;
	}
}

static bool down(Heap *h, uint32_t i0, uint32_t n)
{
	uint32_t i = i0;
	for (;;) {
		uint32_t j1 = 2 * i + 1;
		if (j1 >= n)
			break;
		uint32_t j = j1, j2 = j1 + 1;
		if (j2 < n && less(h->v[j2], h->v[j1]))
			j = j2;
		if (!less(h->v[j], h->v[i]))
			break;
		hswap(h, i, j);
		i = j;
	}
	return i > i0;
}

static void heap_fix(Heap *h, uint32_t i)
{
	if (!down(h, i, h->n))
		up(h, i);
}

static GNode *heap_pop(Heap *h)
{
	uint32_t n = h->n - 1;
	hswap(h, 0, n);
	down(h, 0, n);
	h->n--;
	return h->v[h->n];
}

/* ---- cycles ---- */

static int cmp_order(const void *a, const void *b)
{
	const Object *x = *(Object *const *)a, *y = *(Object *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

/* the deps of obj's declaration sorted by source order (deterministic paths) */
static Object **sorted_deps(Checker *c, Object *obj, uint32_t *n)
{
	*n = 0;
	if (!obj->decl)
		return NULL;
	PtrMap *m = &obj->decl->deps;
	Object **v = arena_alloc(&c->scratch, (m->n + 1) * sizeof *v);
	for (uint32_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			v[(*n)++] = (Object *)m->keys[i];
	qsort(v, *n, sizeof *v, cmp_order);
	return v;
}

/* go/types findPath: a path from → ... → to, returned reversed in path */
static bool find_path(Checker *c, Object *from, Object *to, PtrMap *seen, PtrVec *path)
{
	if (ptrmap_get(seen, from))
		return false;
	ptrmap_put(seen, from, from);
	uint32_t n;
	Object **deps = sorted_deps(c, from, &n);
	for (uint32_t i = 0; i < n; i++) {
		Object *d = deps[i];
		if (d == to) {
			ptrvec_push(path, d);
			return true;
		}
		if (find_path(c, d, to, seen, path)) {
			ptrvec_push(path, d);
			return true;
		}
	}
	return false;
}

static void report_cycle(Checker *c, PtrVec *cycle)
{
	Object *obj = cycle->v[0];
	Buf b = {0};
	buf_printf(&b, "initialization loop for %s", obj->name);
	for (uint32_t i = cycle->n; i-- > 0;) {
		Position p = pos_adjusted(obj->pos);
		buf_printf(&b, "\n\t%s:%d:%d: %s refers to", p.filename, p.line, p.col, obj->name);
		obj = cycle->v[i];
	}
	Position p = pos_adjusted(obj->pos);
	buf_printf(&b, "\n\t%s:%d:%d: %s", p.filename, p.line, p.col, obj->name);
	buf_putc(&b, 0);
	check_errorf(c, ((Object *)cycle->v[0])->pos, "%s", b.p);
	buf_free(&b);
}

void check_init_order(Checker *c)
{
	PtrMap M = {0};
	uint32_t nn = 0;
	GNode *nodes = xcalloc(c->objs.n + 1, sizeof *nodes);
	for (uint32_t i = 0; i < c->objs.n; i++) {
		Object *o = c->objs.v[i];
		if (!is_dependency(o) || ptrmap_get(&M, o))
			continue;
		nodes[nn].obj = o;
		ptrmap_put(&M, o, &nodes[nn]);
		nn++;
	}
	for (uint32_t i = 0; i < nn; i++) {
		GNode *n = &nodes[i];
		if (!n->obj->decl)
			continue;
		PtrMap *deps = &n->obj->decl->deps;
		for (uint32_t k = 0; k < deps->cap; k++) {
			Object *d = (Object *)deps->keys[k];
			if (!d || !is_dependency(d))
				continue;
			GNode *dn = ptrmap_get(&M, d);
			if (!dn)
				continue;
			set_add(&n->succ, dn);
			set_add(&dn->pred, n);
		}
	}
	/* remove function nodes, cheapest first */
	GNode **funcs = xmalloc((nn + 1) * sizeof *funcs);
	GNode **G = xmalloc((nn + 1) * sizeof *G);
	uint32_t nf = 0, ng = 0;
	for (uint32_t i = 0; i < nn; i++) {
		if (nodes[i].obj->kind == OBJ_FUNC)
			funcs[nf++] = &nodes[i];
		else
			G[ng++] = &nodes[i];
	}
	qsort(funcs, nf, sizeof *funcs, cmp_cost);
	for (uint32_t i = 0; i < nf; i++) {
		GNode *n = funcs[i];
		SET_EACH(&n->pred, p) {
			if (p == n)
				continue;
			SET_EACH(&n->succ, s) {
				if (s == n)
					continue;
				set_add(&p->succ, s);
				set_add(&s->pred, p);
			}
			set_del(&p->succ, n);
		}
		SET_EACH(&n->succ, s) set_del(&s->pred, n);
	}
	Heap h = {G, ng};
	for (uint32_t i = 0; i < ng; i++) {
		G[i]->index = i;
		G[i]->ndeps = G[i]->succ.n;
	}
	for (int64_t i = (int64_t)ng / 2 - 1; i >= 0; i--)
		down(&h, (uint32_t)i, ng);
	PtrMap emitted = {0};
	PtrVec inits = {0};
	while (h.n > 0) {
		GNode *n = heap_pop(&h);
		if (n->ndeps > 0) {
			PtrMap seen = {0};
			PtrVec cycle = {0};
			if (find_path(c, n->obj, n->obj, &seen, &cycle))
				report_cycle(c, &cycle);
			ptrmap_free(&seen);
			ptrvec_free(&cycle);
		}
		SET_EACH(&n->pred, p) {
			p->ndeps--;
			if (p->index < h.n && h.v[p->index] == p)
				heap_fix(&h, p->index);
		}
		Object *v = n->obj;
		if (v->kind != OBJ_VAR || !v->decl || !v->decl->init)
			continue;
		if (ptrmap_get(&emitted, v->decl))
			continue;
		ptrmap_put(&emitted, v->decl, v);
		ptrvec_push(&inits, v);
	}
	TPackage *pkg = c->pkg;
	pkg->ninits = inits.n;
	pkg->inits = arena_alloc(c->arena, (inits.n + 1) * sizeof *pkg->inits);
	for (uint32_t i = 0; i < inits.n; i++) {
		Object *v = inits.v[i];
		Initializer *in = &pkg->inits[i];
		if (v->decl->lhs) {
			in->lhs = v->decl->lhs;
			in->nlhs = v->decl->nlhs;
		} else {
			in->lhs = arena_alloc(c->arena, sizeof *in->lhs);
			in->lhs[0] = v;
			in->nlhs = 1;
		}
		in->rhs = v->decl->init;
	}
	ptrvec_free(&inits);
	ptrmap_free(&emitted);
	for (uint32_t i = 0; i < nn; i++) {
		free(nodes[i].pred.v);
		free(nodes[i].succ.v);
	}
	free(nodes);
	free(funcs);
	free(G);
	ptrmap_free(&M);
}
