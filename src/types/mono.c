/*
 * mono.c — instantiation cycles (types2's mono.go): goc monomorphises
 * generic code, so a program whose instantiations would grow without end
 * (func f[T any]() { f[[]T]() }) must be rejected, as gc does:
 * "instantiation cycle".
 *
 * The graph has a vertex per type parameter of the package (and per local
 * named type declared inside a generic function, implicitly parameterized
 * by the function's type parameters).  Instantiating P with a type argument
 * that mentions Q adds an edge Q → P, of weight 0 if the argument is Q
 * itself and 1 if Q is nested in it.  A cycle of positive weight is an
 * instantiation cycle: Bellman-Ford for longest paths finds it (a path as
 * long as there are vertices must go round a cycle).
 */
#include "types.h"

typedef struct MonoVertex {
	int weight, pre, len;
	Object *obj;
} MonoVertex;

typedef struct MonoEdge {
	int dst, src, weight;
	Pos pos;
	Type *typ;
} MonoEdge;

struct Mono {
	MonoVertex *v;
	uint32_t nv, capv;
	MonoEdge *e;
	uint32_t ne, cape;
	PtrMap canon;   /* method receiver type parameter → the base type's */
	PtrMap nameidx; /* Object → vertex index + 1 (or -1 + 1 = 0 stored as NONE) */
};

static void *const NONE = (void *)(intptr_t)-1;

static struct Mono *mono(Checker *c)
{
	if (!c->mono)
		c->mono = xcalloc(1, sizeof *c->mono);
	return c->mono;
}

void mono_free(Checker *c)
{
	struct Mono *m = c->mono;
	if (!m)
		return;
	free(m->v);
	free(m->e);
	ptrmap_free(&m->canon);
	ptrmap_free(&m->nameidx);
	free(m);
	c->mono = NULL;
}

static int add_vertex(struct Mono *m, Object *obj)
{
	if (m->nv == m->capv) {
		m->capv = m->capv ? m->capv * 2 : 16;
		m->v = xrealloc(m->v, m->capv * sizeof *m->v);
	}
	m->v[m->nv] = (MonoVertex){0, 0, 0, obj};
	return (int)m->nv++;
}

static void add_edge(struct Mono *m, int dst, int src, int weight, Pos pos, Type *typ)
{
	if (m->ne == m->cape) {
		m->cape = m->cape ? m->cape * 2 : 16;
		m->e = xrealloc(m->e, m->cape * sizeof *m->e);
	}
	m->e[m->ne++] = (MonoEdge){dst, src, weight, pos, typ};
}

void mono_record_canon(Checker *c, Type *mpar, Type *tpar)
{
	ptrmap_put(&mono(c)->canon, mpar, tpar);
}

static int tparam_vertex(struct Mono *m, Type *tpar)
{
	Type *x = ptrmap_get(&m->canon, tpar);
	if (x)
		tpar = x;
	Object *obj = tpar->tparam.obj;
	void *i = ptrmap_get(&m->nameidx, obj);
	if (i && i != NONE)
		return (int)(intptr_t)i - 1;
	int idx = add_vertex(m, obj);
	ptrmap_put(&m->nameidx, obj, (void *)(intptr_t)(idx + 1));
	return idx;
}

/* a named type declared inside a generic function: a vertex with an edge
 * from each type parameter in scope where it is declared (-1 if none) */
static int local_named_vertex(Checker *c, struct Mono *m, Type *named)
{
	Object *obj = named->named.obj;
	if (!obj || obj->pkg != c->pkg)
		return -1;
	Scope *root = c->pkg->scope;
	if (!obj->parent || obj->parent == root)
		return -1;
	void *i = ptrmap_get(&m->nameidx, obj);
	if (i)
		return i == NONE ? -1 : (int)(intptr_t)i - 1;
	int idx = -1;
	for (Scope *s = obj->parent; s && s != root; s = s->parent)
		for (uint32_t k = 0; k < s->cap; k++) {
			Object *e = s->slots[k];
			if (!e || e->kind != OBJ_TYPENAME || (e->flags & OF_ALIAS) || e->pos >= obj->pos || !e->type ||
			    e->type->kind != TY_TYPEPARAM)
				continue;
			if (idx < 0)
				idx = add_vertex(m, obj);
			add_edge(m, idx, tparam_vertex(m, e->type), 1, obj->pos, e->type);
		}
	ptrmap_put(&m->nameidx, obj, idx < 0 ? NONE : (void *)(intptr_t)(idx + 1));
	return idx;
}

typedef struct Assign {
	Checker *c;
	struct Mono *m;
	Type *tpar, *targ;
	Pos pos;
} Assign;

static void flow(Assign *a, int src, Type *typ)
{
	add_edge(a->m, tparam_vertex(a->m, a->tpar), src, typ == a->targ ? 0 : 1, a->pos, a->targ);
}

static void assign_do(Assign *a, Type *t, int depth)
{
	if (!t || depth > 100)
		return;
	switch (t->kind) {
	case TY_TYPEPARAM:
		if (t->tparam.obj && t->tparam.obj->pkg == a->c->pkg)
			flow(a, tparam_vertex(a->m, t), t);
		break;
	case TY_NAMED: {
		Type *orig = t->named.orig ? t->named.orig : t;
		int src = local_named_vertex(a->c, a->m, orig);
		if (src >= 0)
			flow(a, src, t);
		for (uint32_t i = 0; i < t->named.targs.n; i++)
			assign_do(a, t->named.targs.v[i], depth + 1);
		break;
	}
	case TY_ARRAY:
		assign_do(a, t->array.elem, depth + 1);
		break;
	case TY_SLICE:
	case TY_POINTER:
		assign_do(a, t->kind == TY_SLICE ? t->slice.elem : t->pointer.elem, depth + 1);
		break;
	case TY_CHAN:
		assign_do(a, t->chan.elem, depth + 1);
		break;
	case TY_MAP:
		assign_do(a, t->map.key, depth + 1);
		assign_do(a, t->map.elem, depth + 1);
		break;
	case TY_INTERFACE: {
		TypeSet *ts = interface_typeset(a->c, t);
		for (uint32_t i = 0; i < ts->nmethods; i++)
			assign_do(a, ts->methods[i]->type, depth + 1);
		break;
	}
	case TY_SIGNATURE:
		for (int r = 0; r < 2; r++) {
			Type *tup = r ? t->sig.results : t->sig.params;
			for (uint32_t i = 0; tup && i < tup->tuple.n; i++)
				assign_do(a, tup->tuple.vars[i]->type, depth + 1);
		}
		break;
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			assign_do(a, t->struct_.fields[i]->type, depth + 1);
		break;
	default:
		break;
	}
}

void mono_record_instance(Checker *c, Pos pos, TypeList tparams, TypeList targs, Node **xlist, uint32_t nxlist,
                          Pos (*start)(Node *))
{
	struct Mono *m = mono(c);
	for (uint32_t i = 0; i < tparams.n && i < targs.n; i++) {
		Type *tpar = tparams.v[i];
		if (!tpar->tparam.obj || tpar->tparam.obj->pkg != c->pkg)
			continue;
		Assign a = {c, m, tpar, targs.v[i], i < nxlist && start ? start(xlist[i]) : pos};
		assign_do(&a, targs.v[i], 0);
	}
}

static void report_loop(Checker *c, int v)
{
	struct Mono *m = c->mono;
	bool *seen = xcalloc(m->nv, sizeof *seen);
	int *stack = xmalloc(m->nv * sizeof *stack);
	uint32_t n = 0;
	while (!seen[v]) {
		stack[n++] = v;
		seen[v] = true;
		v = m->e[m->v[v].pre].src;
	}
	uint32_t start = 0;
	while (stack[start] != v)
		start++;
	Buf b = {0};
	buf_puts(&b, "instantiation cycle:");
	for (uint32_t k = start; k < n; k++) {
		MonoEdge *e = &m->e[m->v[stack[k]].pre];
		Object *obj = m->v[e->dst].obj;
		Position p = pos_adjusted(e->pos);
		buf_printf(&b, "\n\t%s:%d:%d: %s %s %s", p.filename, p.line, p.col, obj->name,
		           obj->type && obj->type->kind == TY_NAMED ? "implicitly parameterized by" : "instantiated as",
		           type_str(c, e->typ));
	}
	buf_putc(&b, 0);
	check_errorf(c, m->v[v].obj->pos, "%s", b.p);
	buf_free(&b);
	free(seen);
	free(stack);
}

void check_monomorph(Checker *c)
{
	struct Mono *m = c->mono;
	if (!m)
		return;
	for (bool again = true; again;) {
		again = false;
		for (uint32_t i = 0; i < m->ne; i++) {
			MonoEdge *e = &m->e[i];
			MonoVertex *src = &m->v[e->src], *dst = &m->v[e->dst];
			int w = src->weight + e->weight;
			if (w <= dst->weight)
				continue;
			dst->pre = (int)i;
			dst->len = src->len + 1;
			if ((uint32_t)dst->len == m->nv) {
				report_loop(c, e->dst);
				return;
			}
			dst->weight = w;
			again = true;
		}
	}
}
