/*
 * escape.c — escape analysis: which local variables whose address is
 * taken (or that closures capture), and which allocations (&T{...}, new,
 * make of a constant-sized slice, slice literals, closure records, the
 * slice of a variadic call), may live in their function's frame instead
 * of the heap.
 *
 * The method is gc's (cmd/compile/internal/escape), written anew for
 * goc's syntax tree.  Each function is a graph of locations: its
 * variables, its allocations, its parameters and results, temporaries,
 * and one location for the heap.  Every assignment of a value becomes an
 * edge dst ← src weighted by derefs: -1 when src's address flows (p =
 * &x), 0 for its value (p = q), k when k pointer indirections are taken
 * (p = *q).  From every location taken as a root, a shortest-path walk
 * finds what flows into it with how many dereferences; a location whose
 * address (derefs < 0) reaches a root that outlives it escapes: the heap,
 * a result, a variable declared outside the loop it is declared in, or a
 * variable of an enclosing function when it is a closure's.  An escaping
 * location is walked again as a root (what flows into it escapes too).
 *
 * Functions are analysed callees first (the strongly connected components
 * of the package's static call graph, in Tarjan's order); each gets a tag
 * per parameter: the fewest dereferences with which it leaks to the heap
 * and to each result.  A call of a tagged function routes its arguments
 * by the tags; a call of a function of the same component links the
 * arguments to its parameters; any other call (interface methods, func
 * values, body-less functions without //go:noescape, generic functions,
 * which are not analysed) leaks its arguments to the heap.  go and defer
 * leak everything they take to the heap (goc keeps their records there).
 *
 * The analysis must see every way a pointer can be made: an expression it
 * does not model marks every local it names as escaping (taint), and a
 * local it never declared is treated as the heap, so that an oversight
 * costs an allocation, never a pointer from the heap into a frame.
 * Interface conversions box on the heap (convT), so a value converted to
 * an interface flows to the heap unless it is pointer-shaped.
 *
 * The results: GenPkg.escstack holds the Object (variables) and Node
 * (allocation sites) that may be on the stack; ssagen consults it
 * (gen_onstack).  Tags are kept for the whole process, keyed by the
 * function's Object, so that the packages compiled after this one route
 * their calls through them.
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

enum {
	NONE = 1 << 20,
	MAXVAR = 10 << 20,     /* the largest variable in a frame (gc's MaxStackVarSize) */
	MAXIMPLICIT = 64 << 10, /* the largest new(T), &T{}, make in a frame */
};

typedef struct Loc Loc;
typedef struct Flow {
	Loc *src;
	int derefs;
} Flow;

struct Loc {
	Object *var;     /* a local variable, or NULL */
	Node *site;      /* an allocation, or NULL */
	int fn;          /* its function (index into Esc.fns); -1: the heap */
	int depth;       /* loop depth of its declaration */
	int param;       /* parameter index (receiver first) of a function of the batch, or -1 */
	int result;      /* result index, or -1 */
	bool escapes;
	bool addrtaken;  /* its address flows somewhere (-m: "moved to heap") */
	bool todo;       /* waiting in the root list */
	Flow *edges;     /* what flows into it */
	uint32_t nedges, capedges;
	uint32_t wgen;   /* walk */
	int derefs;
	bool inq;
};

typedef struct EscFn {
	Node *decl;      /* FuncDecl or FuncLit */
	int parent;      /* the enclosing function of a literal, or -1 */
	Object *obj;     /* a FuncDecl's function */
	Type *sig;
	Loc **params;    /* receiver first (NULL: blank or unnamed) */
	int nparams;
	Loc **results;
	int nresults;
	bool called;     /* a literal called where it stands */
} EscFn;

typedef struct EscTag {
	bool noescape;   /* body-less with //go:noescape: nothing leaks */
	int nparams, nresults;
	int *heap;       /* per parameter: derefs of its leak to the heap, or NONE */
	int *res;        /* [param * nresults + result] */
} EscTag;

typedef struct Hole {
	Loc *dst;        /* NULL: discarded */
	int derefs;
} Hole;

typedef struct Esc {
	GenPkg *g;
	Checker *c;
	Arena scratch;
	Loc heap;
	PtrVec locs;     /* the batch's */
	PtrMap vars;     /* Object* → Loc* */
	EscFn *fns;
	int nfns, capfns;
	int cur;         /* the function being walked */
	int depth;
	PtrMap batch;    /* Object* FUNC → index+1 into fns of the batch's declarations */
	uint32_t wgen;
	int lastlit;     /* the function of the literal walked last */
} Esc;

/* every tagged function of the process: Object* FUNC → EscTag* */
static PtrMap tags;
static EscTag noescape_tag = {.noescape = true};
/* functions with //go:uintptrescapes: Object* FUNC → 1 */
static PtrMap uintptrescapes;

/* ---- the graph ---- */

static Loc *newloc(Esc *e, Object *var, Node *site)
{
	Loc *l = arena_alloc(&e->scratch, sizeof *l);
	memset(l, 0, sizeof *l);
	l->var = var;
	l->site = site;
	l->fn = e->cur;
	l->depth = e->depth;
	l->param = l->result = -1;
	ptrvec_push(&e->locs, l);
	return l;
}

static Hole hole(Loc *l) { return (Hole){l, 0}; }
static Hole addr(Hole k) { if (k.dst) k.derefs--; return k; }
static Hole derefk(Hole k, int n) { if (k.dst) k.derefs += n; return k; }
static Hole discard(void) { return (Hole){NULL, 0}; }
static Hole heaphole(Esc *e) { return hole(&e->heap); }

static void flow(Hole k, Loc *src)
{
	Loc *d = k.dst;
	if (!d || !src || (d->escapes && src->escapes))
		return;
	if (k.derefs < 0)
		src->addrtaken = true;
	if (d == src && k.derefs >= 0)
		return;
	if (d->nedges == d->capedges) {
		d->capedges = d->capedges ? 2 * d->capedges : 4;
		d->edges = xrealloc(d->edges, d->capedges * sizeof *d->edges);
	}
	d->edges[d->nedges++] = (Flow){src, k.derefs};
}

/* ---- the checker's facts ---- */

static Node *unparen(Node *n)
{
	while (n && n->kind == N_ParenExpr)
		n = n->paren.x;
	return n;
}

static TypeAndValue *tvof(Esc *e, Node *n) { return ptrmap_get(&e->c->info.types, n); }

static Type *typeof_(Esc *e, Node *n)
{
	TypeAndValue *tv = tvof(e, unparen(n));
	return tv ? tv->type : NULL;
}

static Object *objof(Esc *e, Node *id)
{
	Object *o = ptrmap_get(&e->c->info.uses, id);
	return o ? o : ptrmap_get(&e->c->info.defs, id);
}

/* t's values may hold pointers (strings and interfaces included) */
static bool hasptr(Type *t, int depth)
{
	if (!t || depth > 40)
		return true;
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		return u->basic.kind == BK_STRING || u->basic.kind == BK_UNSAFE_POINTER || u->basic.kind == BK_UNTYPED_STRING;
	case TY_ARRAY: return u->array.len != 0 && hasptr(u->array.elem, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (hasptr(u->struct_.fields[i]->type, depth + 1))
				return true;
		return false;
	case TY_TUPLE:
		for (uint32_t i = 0; i < u->tuple.n; i++)
			if (hasptr(u->tuple.vars[i]->type, depth + 1))
				return true;
		return false;
	}
	return true;
}

static bool is_iface(Type *t) { return t && under(t)->kind == TY_INTERFACE; }
static int ukind(Type *t) { return t ? under(t)->kind : -1; }
static bool is_uintptr(Type *t) { return t && under(t)->kind == TY_BASIC && under(t)->basic.kind == BK_UINTPTR; }

static bool is_unsafeptr(Type *t)
{
	return t && under(t)->kind == TY_BASIC && under(t)->basic.kind == BK_UNSAFE_POINTER;
}

/* a non-generic function or method this analysis can describe */
static bool concrete_func(Object *f)
{
	return f && f->kind == OBJ_FUNC && f->type && f->type->kind == TY_SIGNATURE && !f->type->sig.tparams.n &&
	       !f->type->sig.rparams.n && (!f->origin || f->origin == f);
}

/* ---- variables ---- */

static Loc *declare(Esc *e, Object *o)
{
	if (!o || !gen_islocal(o))
		return NULL;
	Loc *l = ptrmap_get(&e->vars, o);
	if (l)
		return l;
	l = newloc(e, o, NULL);
	ptrmap_put(&e->vars, o, l);
	if (o->type && gen_sizeof(o->type) > MAXVAR) /* too big for a frame: gc's MaxStackVarSize */
		l->escapes = l->addrtaken = true;
	return l;
}

/* the location of a variable named: a local the walk declared, else the
 * heap (globals, and anything not seen: safe) */
static Loc *varloc(Esc *e, Object *o)
{
	Loc *l = ptrmap_get(&e->vars, o);
	return l ? l : &e->heap;
}

/* ---- expressions ---- */

static void expr(Esc *e, Hole k, Node *n);
static int call(Esc *e, Node *n, Loc **res, int max);

static void taint_child(Node *n, void *ctx);

/* every local named inside n escapes: for what the walk does not model */
static void taint(Esc *e, Node *n)
{
	if (!n)
		return;
	if (n->kind == N_Ident) {
		Object *o = objof(e, n);
		if (gen_islocal(o))
			flow(addr(heaphole(e)), varloc(e, o));
		return;
	}
	node_children(n, taint_child, e);
}

static void taint_child(Node *n, void *ctx) { taint(ctx, n); }

/* the value of src assigned to a destination of type dt: boxed on the
 * heap when an interface takes a value that is not pointer-shaped */
static void assign(Esc *e, Hole k, Node *src, Type *dt)
{
	Type *st = typeof_(e, src);
	if (dt && is_iface(dt) && st && !is_iface(st) && !gen_isdirect(st) && hasptr(st, 0))
		k = heaphole(e);
	expr(e, k, src);
}

static void assignloc(Esc *e, Hole k, Loc *src, Type *st, Type *dt)
{
	if (dt && is_iface(dt) && st && !is_iface(st) && !gen_isdirect(st))
		k = heaphole(e);
	flow(k, src);
}

/* the pointer indirections on the way from x to its field or embedded
 * receiver along l's path (x itself a pointer included); *last gets the
 * type reached (the embedded value holding the method) */
static int pathderefs(Type *xt, const Lookup *l, bool method, Type **last)
{
	int d = 0;
	Type *t = xt;
	uint32_t n = method ? l->nindex - 1 : l->nindex;
	for (uint32_t i = 0; i < n; i++) {
		Type *u = under(t);
		if (u->kind == TY_POINTER) {
			d++;
			u = under(u->pointer.elem);
		}
		if (u->kind != TY_STRUCT || l->index[i] < 0 || (uint32_t)l->index[i] >= u->struct_.nfields)
			return -100; /* not understood */
		t = u->struct_.fields[l->index[i]]->type;
	}
	if (last)
		*last = t;
	return d;
}

static Lookup lookup(Esc *e, Type *xt, Object *sel)
{
	return lookup_field_or_method(&e->scratch, xt, true, sel->pkg, sel->name);
}

/* the receiver of method m reached from x along l: its value into k */
static void receiver(Esc *e, Hole k, Node *x, const Lookup *l, Object *m)
{
	Type *xt = typeof_(e, x), *t = NULL;
	int d = pathderefs(xt, l, true, &t);
	if (d < 0 || !m->type->sig.recv) {
		taint(e, x);
		return;
	}
	bool ptrrecv = ukind(m->type->sig.recv->type) == TY_POINTER;
	bool isptr = ukind(t) == TY_POINTER;
	if (ptrrecv && !isptr)
		d--;
	else if (!ptrrecv && isptr)
		d++;
	if (k.dst && k.derefs + d < -1) { /* cannot be written; be safe */
		taint(e, x);
		return;
	}
	expr(e, derefk(k, d), x);
}

/* an allocation at site n holding a value, whose address flows to k */
static Loc *site(Esc *e, Hole k, Node *n)
{
	Loc *a = newloc(e, NULL, n);
	flow(addr(k), a);
	/* too big for a frame (gc's MaxImplicitStackVarSize) */
	Type *t = n->kind == N_CompositeLit ? typeof_(e, n) : NULL;
	if (n->kind == N_CallExpr) {
		TypeAndValue *ftv = tvof(e, unparen(n->call.fun));
		Object *fo = unparen(n->call.fun)->kind == N_Ident ? objof(e, unparen(n->call.fun)) : NULL;
		if (ftv && ftv->mode == MODE_BUILTIN && fo && fo->builtin == BUILTIN_NEW)
			t = typeof_(e, n);
	}
	if (t && ukind(t) == TY_POINTER)
		t = under(t)->pointer.elem;
	if (t && ukind(t) != TY_SLICE && ukind(t) != TY_MAP && gen_sizeof(t) > MAXIMPLICIT)
		a->escapes = true;
	return a;
}

/* x.Data of a reflect.SliceHeader or StringHeader (gc's
 * IsReflectHeaderDataField): a uintptr that holds a pointer */
static bool header_data(Esc *e, Node *n)
{
	n = unparen(n);
	if (n->kind != N_SelectorExpr || !str_eqc(n->selector.sel->ident.name, "Data"))
		return false;
	Type *t = typeof_(e, n->selector.x);
	if (t && ukind(t) == TY_POINTER)
		t = under(t)->pointer.elem;
	if (!t || t->kind != TY_NAMED || !t->named.obj || !t->named.obj->pkg)
		return false;
	const char *tn = t->named.obj->name;
	return strcmp(t->named.obj->pkg->path, "reflect") == 0 &&
	       (strcmp(tn, "SliceHeader") == 0 || strcmp(tn, "StringHeader") == 0);
}

/* a uintptr expression converted to unsafe.Pointer: pointers converted
 * to uintptr inside it, through arithmetic, flow (gc's unsafeValue); a
 * uintptr variable does not carry one (runtime·noescape's trick) */
static void unsafe_value(Esc *e, Hole k, Node *n)
{
	n = unparen(n);
	switch (n->kind) {
	case N_CallExpr: {
		TypeAndValue *ftv = tvof(e, unparen(n->call.fun));
		if (ftv && ftv->mode == MODE_TYPEXPR && n->call.args.n == 1) {
			Type *at = typeof_(e, n->call.args.v[0]);
			if (at && (is_unsafeptr(at) || ukind(at) == TY_POINTER)) {
				expr(e, k, n->call.args.v[0]);
				return;
			}
		}
		break;
	}
	case N_BinaryExpr:
		if (n->binary.op == TOK_SHL || n->binary.op == TOK_SHR) {
			unsafe_value(e, k, n->binary.x);
			expr(e, discard(), n->binary.y);
		} else {
			unsafe_value(e, k, n->binary.x);
			unsafe_value(e, k, n->binary.y);
		}
		return;
	case N_UnaryExpr:
		unsafe_value(e, k, n->unary.x);
		return;
	case N_SelectorExpr:
		if (header_data(e, n)) {
			Type *t = typeof_(e, n->selector.x);
			expr(e, ukind(t) == TY_POINTER ? derefk(k, 1) : k, n->selector.x);
			return;
		}
		break;
	}
	expr(e, discard(), n);
}

static void conversion(Esc *e, Hole k, Type *to, Node *x, Node *n)
{
	Type *from = typeof_(e, x);
	if (!from || !to) {
		taint(e, x);
		return;
	}
	if (is_iface(to)) {
		assign(e, k, x, to);
		return;
	}
	if (is_uintptr(to) || !hasptr(to, 0)) {
		expr(e, discard(), x);
		return;
	}
	if (is_unsafeptr(to) && is_uintptr(from)) {
		unsafe_value(e, k, x);
		return;
	}
	int fk = ukind(from), tk = ukind(to);
	bool fstr = fk == TY_BASIC && (under(from)->basic.info & BI_STRING);
	bool tstr = tk == TY_BASIC && (under(to)->basic.info & BI_STRING);
	if ((fstr && tk == TY_SLICE) || (tstr && fk == TY_SLICE) || (tstr && fk == TY_BASIC && !fstr)) {
		/* a copy into a new allocation: a temporary buffer in the frame
		 * when it does not escape (the conversion is the call node) */
		expr(e, discard(), x);
		site(e, k, n);
		return;
	}
	expr(e, k, x);
}

static void complit_elems(Esc *e, Hole k, Node *n, Type *t)
{
	Type *u = under(t);
	for (uint32_t i = 0; i < n->composite.elts.n; i++) {
		Node *el = n->composite.elts.v[i];
		Node *v = el->kind == N_KeyValueExpr ? el->keyvalue.value : el;
		Type *dt = NULL;
		if (u->kind == TY_STRUCT) {
			if (el->kind == N_KeyValueExpr) {
				Node *key = el->keyvalue.key;
				for (uint32_t j = 0; key->kind == N_Ident && j < u->struct_.nfields; j++)
					if (str_eqc(key->ident.name, u->struct_.fields[j]->name))
						dt = u->struct_.fields[j]->type;
				if (!dt) { /* not found: any conversion is a box */
					expr(e, heaphole(e), v);
					continue;
				}
			} else if (i < u->struct_.nfields)
				dt = u->struct_.fields[i]->type;
		} else if (u->kind == TY_ARRAY)
			dt = u->array.elem;
		else if (u->kind == TY_SLICE)
			dt = u->slice.elem;
		if (u->kind == TY_MAP) {
			if (el->kind == N_KeyValueExpr)
				assign(e, heaphole(e), el->keyvalue.key, u->map.key);
			assign(e, heaphole(e), v, u->map.elem);
			continue;
		}
		if (u->kind != TY_STRUCT && el->kind == N_KeyValueExpr)
			expr(e, discard(), el->keyvalue.key);
		assign(e, k, v, dt);
	}
}

static void complit(Esc *e, Hole k, Node *n)
{
	Type *t = typeof_(e, n);
	if (!t) {
		taint(e, n);
		return;
	}
	Type *u = under(t);
	if (u->kind == TY_POINTER) { /* &T elided in a literal's element */
		Type *lt = u->pointer.elem;
		if (ukind(lt) == TY_SLICE || ukind(lt) == TY_MAP) {
			complit_elems(e, heaphole(e), n, lt);
			return;
		}
		complit_elems(e, hole(site(e, k, n)), n, lt);
		return;
	}
	if (u->kind == TY_SLICE) {
		complit_elems(e, hole(site(e, k, n)), n, t);
		return;
	}
	if (u->kind == TY_MAP) {
		site(e, k, n);
		complit_elems(e, discard(), n, t);
		return;
	}
	complit_elems(e, k, n, t);
}

static void funclit(Esc *e, Hole k, Node *n);

static void selector(Esc *e, Hole k, Node *n)
{
	Node *x = n->selector.x;
	Object *sel = objof(e, n->selector.sel);
	if (!sel) {
		taint(e, n);
		return;
	}
	Object *xo = unparen(x)->kind == N_Ident ? objof(e, unparen(x)) : NULL;
	if (xo && xo->kind == OBJ_PKGNAME)
		return; /* a package's variable or function: nothing of this frame */
	TypeAndValue *xtv = tvof(e, unparen(x));
	if (xtv && xtv->mode == MODE_TYPEXPR)
		return; /* a method expression: a static func value */
	Type *xt = typeof_(e, x);
	if (!xt) {
		taint(e, n);
		return;
	}
	Lookup l = lookup(e, xt, sel);
	if (!l.obj || l.nindex == 0) {
		taint(e, n);
		return;
	}
	if (sel->kind == OBJ_FUNC) { /* a method value: a closure record on the heap */
		if (is_iface(xt) && l.nindex <= 1) {
			expr(e, heaphole(e), x);
			return;
		}
		Type *rt = l.obj->type && l.obj->type->sig.recv ? l.obj->type->sig.recv->type : NULL;
		if (!rt || is_iface(rt)) { /* promoted from an embedded interface */
			expr(e, heaphole(e), x);
			return;
		}
		receiver(e, heaphole(e), x, &l, l.obj);
		return;
	}
	int d = pathderefs(xt, &l, false, NULL);
	if (d < 0) {
		taint(e, n);
		return;
	}
	expr(e, derefk(k, d), x);
}

static void builtin(Esc *e, Hole k, Node *n, int id)
{
	List a = n->call.args;
	switch (id) {
	case BUILTIN_APPEND: {
		if (a.n == 0)
			return;
		Type *st = typeof_(e, a.v[0]);
		Type *et = st && ukind(st) == TY_SLICE ? under(st)->slice.elem : NULL;
		/* the appendee flows to the result, or its elements are copied
		 * to a new heap array */
		Loc *s0 = newloc(e, NULL, NULL);
		expr(e, hole(s0), a.v[0]);
		flow(k, s0);
		if (!et || hasptr(et, 0))
			flow(derefk(heaphole(e), 1), s0);
		for (uint32_t i = 1; i < a.n; i++) {
			if (n->call.ellipsis)
				expr(e, derefk(heaphole(e), 1), a.v[i]);
			else
				assign(e, heaphole(e), a.v[i], et);
		}
		return;
	}
	case BUILTIN_COPY:
		if (a.n == 2) {
			expr(e, discard(), a.v[0]);
			expr(e, derefk(heaphole(e), 1), a.v[1]);
		}
		return;
	case BUILTIN_PANIC:
		if (a.n == 1)
			assign(e, heaphole(e), a.v[0], typ_any);
		return;
	case BUILTIN_NEW:
		site(e, k, n);
		return;
	case BUILTIN_MAKE: {
		Type *t = typeof_(e, n);
		for (uint32_t i = 1; i < a.n; i++)
			expr(e, discard(), a.v[i]);
		if (ukind(t) == TY_MAP) { /* its header (hmap) may be in the frame */
			site(e, k, n);
			return;
		}
		if (ukind(t) != TY_SLICE)
			return;
		for (uint32_t i = 1; i < a.n; i++) {
			TypeAndValue *tv = tvof(e, unparen(a.v[i]));
			if (!tv || tv->mode != MODE_CONSTANT)
				return; /* a size known at run time: the heap */
		}
		site(e, k, n);
		return;
	}
	case BUILTIN_ADD:
	case BUILTIN_SLICE:
		if (a.n == 2) {
			expr(e, k, a.v[0]);
			expr(e, discard(), a.v[1]);
		}
		return;
	case BUILTIN_SIZEOF:
	case BUILTIN_ALIGNOF:
	case BUILTIN_OFFSETOF:
		return; /* not evaluated */
	case BUILTIN_DELETE:
		if (a.n == 2) {
			expr(e, discard(), a.v[0]);
			expr(e, discard(), a.v[1]);
		}
		return;
	default:
		for (uint32_t i = 0; i < a.n; i++)
			expr(e, discard(), a.v[i]);
		return;
	}
}

static void expr(Esc *e, Hole k, Node *n)
{
	if (!n)
		return;
	TypeAndValue *tv = tvof(e, n);
	if (tv && tv->mode == MODE_CONSTANT)
		return;
	if (tv && tv->mode == MODE_TYPEXPR)
		return;
	if (k.dst && k.derefs >= 0 && tv && tv->type && !hasptr(tv->type, 0))
		k = discard();
	switch (n->kind) {
	case N_Ident: {
		Object *o = objof(e, n);
		if (gen_islocal(o))
			flow(k, varloc(e, o));
		return;
	}
	case N_BasicLit:
		return;
	case N_ParenExpr:
		expr(e, k, n->paren.x);
		return;
	case N_FuncLit:
		funclit(e, k, n);
		return;
	case N_CompositeLit:
		complit(e, k, n);
		return;
	case N_SelectorExpr:
		selector(e, k, n);
		return;
	case N_IndexExpr: {
		Type *xt = typeof_(e, n->index.x);
		TypeAndValue *xtv = tvof(e, unparen(n->index.x));
		if (xtv && xtv->mode != MODE_TYPEXPR && xt && ukind(xt) == TY_SIGNATURE)
			return; /* F[T]: a generic function's instance */
		expr(e, discard(), n->index.index);
		switch (ukind(xt)) {
		case TY_ARRAY: expr(e, k, n->index.x); return;
		case TY_POINTER:
		case TY_SLICE: expr(e, derefk(k, 1), n->index.x); return;
		case TY_MAP: expr(e, discard(), n->index.x); return;
		case TY_BASIC: expr(e, discard(), n->index.x); return;
		}
		taint(e, n);
		return;
	}
	case N_IndexListExpr:
		return; /* F[T1, T2]: an instance */
	case N_SliceExpr: {
		Type *xt = typeof_(e, n->slice.x);
		expr(e, discard(), n->slice.low);
		expr(e, discard(), n->slice.high);
		expr(e, discard(), n->slice.max);
		if (ukind(xt) == TY_ARRAY)
			expr(e, addr(k), n->slice.x);
		else
			expr(e, k, n->slice.x);
		return;
	}
	case N_TypeAssertExpr:
		expr(e, k, n->typeassert.x);
		return;
	case N_StarExpr:
		expr(e, derefk(k, 1), n->star.x);
		return;
	case N_UnaryExpr: {
		if (n->unary.op == TOK_AND) {
			Node *x = unparen(n->unary.x);
			if (x->kind == N_CompositeLit) {
				Type *lt = typeof_(e, x);
				if (ukind(lt) == TY_SLICE || ukind(lt) == TY_MAP) {
					complit_elems(e, heaphole(e), x, lt);
					return;
				}
				complit_elems(e, hole(site(e, k, x)), x, lt);
				return;
			}
			if (k.dst && k.derefs < 0) { /* &&x cannot be written; be safe */
				taint(e, x);
				return;
			}
			expr(e, addr(k), x);
			return;
		}
		expr(e, discard(), n->unary.x);
		return;
	}
	case N_BinaryExpr:
		expr(e, discard(), n->binary.x);
		expr(e, discard(), n->binary.y);
		if (n->binary.op == TOK_ADD && tv && tv->type && ukind(tv->type) == TY_BASIC &&
		    (under(tv->type)->basic.info & BI_STRING))
			site(e, k, n); /* a concatenation's new string */
		return;
	case N_KeyValueExpr:
		taint(e, n);
		return;
	case N_CallExpr: {
		Node *fun = unparen(n->call.fun);
		TypeAndValue *ftv = tvof(e, fun);
		if (ftv && ftv->mode == MODE_TYPEXPR) {
			if (n->call.args.n == 1)
				conversion(e, k, ftv->type, n->call.args.v[0], n);
			return;
		}
		Object *fo = fun->kind == N_Ident ? objof(e, fun)
			   : fun->kind == N_SelectorExpr ? objof(e, fun->selector.sel) : NULL;
		if ((ftv && ftv->mode == MODE_BUILTIN) || (fo && fo->kind == OBJ_BUILTIN)) {
			if (!fo || fo->kind != OBJ_BUILTIN) {
				taint(e, n);
				return;
			}
			builtin(e, k, n, fo->builtin);
			return;
		}
		Loc *res[GEN_MAXRES + 1];
		int nr = call(e, n, res, GEN_MAXRES);
		if (nr > 0 && res[0])
			flow(k, res[0]);
		return;
	}
	case N_ArrayType: case N_StructType: case N_FuncType: case N_InterfaceType: case N_MapType: case N_ChanType:
	case N_Ellipsis:
		return;
	}
	taint(e, n);
}

/* ---- calls ---- */

/* the function a call names statically (a package function or a concrete
 * method of a non-interface receiver), or NULL; *m gets the lookup */
static Object *static_callee(Esc *e, Node *n, Lookup *lk)
{
	Node *fun = unparen(n->call.fun);
	if (fun->kind == N_Ident) {
		Object *fo = objof(e, fun);
		return fo && fo->kind == OBJ_FUNC && !fo->type->sig.recv ? fo : NULL;
	}
	if (fun->kind != N_SelectorExpr)
		return NULL;
	Object *fo = objof(e, fun->selector.sel);
	if (!fo || fo->kind != OBJ_FUNC)
		return NULL;
	Node *x = unparen(fun->selector.x);
	Object *xo = x->kind == N_Ident ? objof(e, x) : NULL;
	if (xo && xo->kind == OBJ_PKGNAME)
		return fo;
	TypeAndValue *xtv = tvof(e, x);
	if (!xtv || xtv->mode == MODE_TYPEXPR || !xtv->type)
		return NULL;
	Lookup l = lookup(e, xtv->type, fo);
	if (!l.obj || l.obj->kind != OBJ_FUNC || !l.obj->type || !l.obj->type->sig.recv)
		return NULL;
	if (is_iface(xtv->type) || is_iface(l.obj->type->sig.recv->type))
		return NULL;
	if (lk)
		*lk = l;
	return l.obj;
}

static EscTag *tagof(Object *f) { return ptrmap_get(&tags, f); }

/* a call's arguments into holes (one per parameter, the variadic one
 * included: the site of its implicit slice), results into res */
static int call(Esc *e, Node *n, Loc **res, int max)
{
	Node *fun = unparen(n->call.fun);
	Type *ft = typeof_(e, fun);
	if (!ft || ukind(ft) != TY_SIGNATURE) {
		taint(e, n);
		return 0;
	}
	Type *sig = under(ft);
	Lookup lk = {0};
	Object *callee = static_callee(e, n, &lk);
	if (callee && !concrete_func(callee))
		callee = NULL;
	int bi = callee ? (int)(intptr_t)ptrmap_get(&e->batch, callee) - 1 : -1;
	if (fun->kind == N_FuncLit) {
		/* a literal called where it stands: walked first, then called
		 * as a function of the batch (its record does not escape by
		 * being called) */
		funclit(e, discard(), fun);
		bi = e->lastlit;
		e->fns[bi].called = true;
	}
	EscTag *tag = callee && bi < 0 ? tagof(callee) : NULL;
	bool known = bi >= 0 || tag;
	bool ismethod = callee && callee->type->sig.recv && fun->kind == N_SelectorExpr;
	int nres = (int)sig->sig.results->tuple.n;
	for (int r = 0; r < nres && r < max; r++)
		res[r] = newloc(e, NULL, NULL);
	/* the callee's parameters (receiver first) as temporaries */
	int np = (int)sig->sig.params->tuple.n + (ismethod ? 1 : 0);
	Loc **args = arena_alloc(&e->scratch, (size_t)(np + 1) * sizeof *args);
	for (int i = 0; i < np; i++) {
		args[i] = newloc(e, NULL, NULL);
		if (!known)
			flow(heaphole(e), args[i]);
		else if (bi >= 0) {
			EscFn *f = &e->fns[bi];
			if (i < f->nparams && f->params[i])
				flow(hole(f->params[i]), args[i]);
			else
				flow(heaphole(e), args[i]);
		} else if (!tag->noescape) {
			if (i >= tag->nparams) {
				flow(heaphole(e), args[i]);
				continue;
			}
			if (tag->heap[i] != NONE)
				flow(derefk(heaphole(e), tag->heap[i]), args[i]);
			for (int r = 0; r < nres && r < max && r < tag->nresults; r++)
				if (tag->res[i * tag->nresults + r] != NONE)
					flow(derefk(hole(res[r]), tag->res[i * tag->nresults + r]), args[i]);
		}
	}
	if (bi >= 0) {
		EscFn *f = &e->fns[bi];
		for (int r = 0; r < nres && r < max; r++)
			if (r < f->nresults && f->results[r])
				flow(hole(res[r]), f->results[r]);
	}
	int k0 = 0;
	if (ismethod) {
		receiver(e, hole(args[0]), fun->selector.x, &lk, callee);
		k0 = 1;
	} else if (fun->kind == N_SelectorExpr && !callee) {
		/* an interface method, a method expression's func value, a method
		 * of a generic type: the receiver (or func value) to the heap */
		Object *fo = objof(e, fun->selector.sel);
		Node *x = unparen(fun->selector.x);
		Object *xo = x->kind == N_Ident ? objof(e, x) : NULL;
		if (fo && fo->kind == OBJ_FUNC && !(xo && xo->kind == OBJ_PKGNAME)) {
			TypeAndValue *xtv = tvof(e, x);
			if (xtv && xtv->mode != MODE_TYPEXPR && xtv->type) {
				Lookup l = lookup(e, xtv->type, fo);
				if (l.obj && !is_iface(xtv->type) && l.obj->type->sig.recv &&
				    !is_iface(l.obj->type->sig.recv->type))
					receiver(e, heaphole(e), x, &l, l.obj);
				else
					expr(e, heaphole(e), x);
			}
		} else
			expr(e, discard(), fun);
	} else if (!callee && fun->kind != N_FuncLit)
		expr(e, discard(), fun); /* calling a func value does not leak it */
	/* the arguments */
	Type *params = sig->sig.params;
	uint32_t npar = params->tuple.n;
	List a = n->call.args;
	bool variadic = sig->sig.variadic && !n->call.ellipsis;
	uint32_t nfixed = variadic ? npar - 1 : npar;
	Loc *vsite = NULL;
	Type *vt = variadic ? under(params->tuple.vars[npar - 1]->type)->slice.elem : NULL;
	if (a.n == 1 && ukind(typeof_(e, a.v[0])) == TY_TUPLE) {
		Node *inner = unparen(a.v[0]);
		Loc *ir[GEN_MAXRES + 1];
		Type *it = typeof_(e, inner);
		int ni = inner->kind == N_CallExpr ? call(e, inner, ir, GEN_MAXRES) : 0;
		if (inner->kind != N_CallExpr) {
			taint(e, inner);
			return nres;
		}
		for (int j = 0; j < ni && j < (int)it->tuple.n; j++) {
			Type *st = it->tuple.vars[j]->type;
			if ((uint32_t)j < nfixed)
				assignloc(e, hole(args[k0 + j]), ir[j], st, params->tuple.vars[j]->type);
			else if (variadic) {
				if (!vsite)
					vsite = site(e, hole(args[k0 + npar - 1]), n);
				assignloc(e, hole(vsite), ir[j], st, vt);
			}
		}
		return nres;
	}
	bool uesc = callee && ptrmap_get(&uintptrescapes, callee);
	for (uint32_t i = 0; i < a.n; i++) {
		if (uesc && is_uintptr(typeof_(e, a.v[i]))) /* uintptr(unsafe.Pointer(p)) keeps p alive: on the heap */
			unsafe_value(e, heaphole(e), a.v[i]);
		if (i < nfixed) {
			assign(e, hole(args[k0 + i]), a.v[i], params->tuple.vars[i]->type);
			continue;
		}
		if (!variadic) {
			taint(e, a.v[i]);
			continue;
		}
		if (!vsite)
			vsite = site(e, hole(args[k0 + npar - 1]), n);
		assign(e, hole(vsite), a.v[i], vt);
	}
	if (uesc && vsite)
		flow(addr(heaphole(e)), vsite);
	return nres;
}

/* go and defer: the function value, receiver and arguments to the heap */
static void heapcall(Esc *e, Node *n)
{
	n = unparen(n);
	if (n->kind != N_CallExpr) {
		taint(e, n);
		return;
	}
	Node *fun = unparen(n->call.fun);
	TypeAndValue *ftv = tvof(e, fun);
	Object *fo = fun->kind == N_Ident ? objof(e, fun)
		   : fun->kind == N_SelectorExpr ? objof(e, fun->selector.sel) : NULL;
	if ((ftv && ftv->mode == MODE_BUILTIN) || (fo && fo->kind == OBJ_BUILTIN)) {
		for (uint32_t i = 0; i < n->call.args.n; i++)
			expr(e, heaphole(e), n->call.args.v[i]);
		return;
	}
	Lookup lk = {0};
	Object *callee = static_callee(e, n, &lk);
	if (callee && callee->type->sig.recv && fun->kind == N_SelectorExpr)
		receiver(e, heaphole(e), fun->selector.x, &lk, callee);
	else if (!callee)
		expr(e, heaphole(e), fun);
	for (uint32_t i = 0; i < n->call.args.n; i++) {
		Node *arg = n->call.args.v[i];
		if (unparen(arg)->kind == N_CallExpr && ukind(typeof_(e, arg)) == TY_TUPLE) {
			Loc *ir[GEN_MAXRES + 1];
			int ni = call(e, unparen(arg), ir, GEN_MAXRES);
			for (int j = 0; j < ni; j++)
				flow(heaphole(e), ir[j]);
			continue;
		}
		expr(e, heaphole(e), arg);
	}
}

/* ---- statements ---- */

static void stmt(Esc *e, Node *n);

static void stmts(Esc *e, List l)
{
	int depth = e->depth;
	for (uint32_t i = 0; i < l.n; i++)
		stmt(e, l.v[i]);
	e->depth = depth; /* labels (backward gotos) deepen the rest of their block */
}

/* the hole for an assignment's left side (its operands evaluated) */
static Hole lhs(Esc *e, Node *n, bool define)
{
	n = unparen(n);
	switch (n->kind) {
	case N_Ident: {
		if (n->ident.name.n == 1 && n->ident.name.p[0] == '_')
			return discard();
		Object *o = objof(e, n);
		if (define && ptrmap_get(&e->c->info.defs, n)) {
			Loc *l = declare(e, o);
			return l ? hole(l) : heaphole(e);
		}
		if (!o || o->kind != OBJ_VAR)
			return heaphole(e);
		return gen_islocal(o) ? hole(varloc(e, o)) : heaphole(e);
	}
	case N_SelectorExpr: {
		Node *x = unparen(n->selector.x);
		Object *xo = x->kind == N_Ident ? objof(e, x) : NULL;
		if (xo && xo->kind == OBJ_PKGNAME)
			return heaphole(e);
		Object *sel = objof(e, n->selector.sel);
		Type *xt = typeof_(e, x);
		if (!sel || !xt)
			break;
		Lookup l = lookup(e, xt, sel);
		if (!l.obj)
			break;
		int d = pathderefs(xt, &l, false, NULL);
		if (d < 0)
			break;
		if (d > 0) {
			expr(e, discard(), x);
			return heaphole(e);
		}
		return lhs(e, x, false);
	}
	case N_IndexExpr: {
		Type *xt = typeof_(e, n->index.x);
		if (ukind(xt) == TY_ARRAY) {
			expr(e, discard(), n->index.index);
			return lhs(e, n->index.x, false);
		}
		if (ukind(xt) == TY_MAP) {
			expr(e, discard(), n->index.x);
			assign(e, heaphole(e), n->index.index, under(xt)->map.key);
			return heaphole(e);
		}
		expr(e, discard(), n->index.x);
		expr(e, discard(), n->index.index);
		return heaphole(e);
	}
	case N_StarExpr:
		expr(e, discard(), n->star.x);
		return heaphole(e);
	}
	taint(e, n);
	return heaphole(e);
}

/* the type of an assignment's destination (a declared name's too) */
static Type *lhstype(Esc *e, Node *n)
{
	n = unparen(n);
	if (n->kind == N_Ident) {
		Object *o = objof(e, n);
		return o && o->kind == OBJ_VAR ? o->type : NULL;
	}
	return typeof_(e, n);
}

static void assignstmt(Esc *e, List l, List r, bool define)
{
	if (l.n == r.n) {
		for (uint32_t i = 0; i < l.n; i++) {
			if (header_data(e, l.v[i])) { /* h.Data = uintptr(p): p is stored */
				lhs(e, l.v[i], false);
				unsafe_value(e, heaphole(e), r.v[i]);
				continue;
			}
			Type *dt = lhstype(e, l.v[i]);
			Hole k = lhs(e, l.v[i], define);
			assign(e, k, r.v[i], dt);
		}
		return;
	}
	if (r.n != 1) {
		for (uint32_t i = 0; i < l.n; i++)
			lhs(e, l.v[i], define);
		for (uint32_t i = 0; i < r.n; i++)
			taint(e, r.v[i]);
		return;
	}
	Node *x = unparen(r.v[0]);
	Hole ks[GEN_MAXRES + 1];
	Type *dts[GEN_MAXRES + 1];
	uint32_t nl = l.n < GEN_MAXRES ? l.n : GEN_MAXRES;
	for (uint32_t i = 0; i < nl; i++) {
		dts[i] = lhstype(e, l.v[i]);
		ks[i] = lhs(e, l.v[i], define);
	}
	if (x->kind == N_CallExpr && ukind(typeof_(e, x)) == TY_TUPLE) {
		Loc *res[GEN_MAXRES + 1];
		Type *tt = typeof_(e, x);
		int nr = call(e, x, res, GEN_MAXRES);
		for (uint32_t i = 0; i < nl && (int)i < nr; i++)
			assignloc(e, ks[i], res[i], tt->tuple.vars[i]->type, dts[i]);
		return;
	}
	if (x->kind == N_TypeAssertExpr) { /* v, ok = x.(T) */
		expr(e, nl ? ks[0] : discard(), x);
		return;
	}
	/* v, ok = m[k] and v, ok = <-c: values from the heap */
	expr(e, discard(), x);
}

static void valuespec(Esc *e, Node *spec)
{
	List names = spec->valuespec.names, vals = spec->valuespec.values;
	if (vals.n == 0) {
		for (uint32_t i = 0; i < names.n; i++)
			declare(e, objof(e, names.v[i]));
		return;
	}
	assignstmt(e, names, vals, true);
}

static void funcbody(Esc *e, List body)
{
	int depth = e->depth;
	e->depth = 0;
	stmts(e, body);
	e->depth = depth;
}

static void stmt(Esc *e, Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_BadStmt: case N_EmptyStmt: case N_BranchStmt: case N_IncDecStmt:
		if (n->kind == N_IncDecStmt)
			lhs(e, n->incdec.x, false);
		return;
	case N_DeclStmt: {
		Node *d = n->declstmt.decl;
		if (d->kind != N_GenDecl || d->gendecl.tok != TOK_VAR)
			return;
		for (uint32_t i = 0; i < d->gendecl.specs.n; i++)
			valuespec(e, d->gendecl.specs.v[i]);
		return;
	}
	case N_LabeledStmt:
		e->depth++; /* a backward goto makes a loop from here on */
		stmt(e, n->labeled.stmt);
		return;
	case N_ExprStmt:
		expr(e, discard(), n->exprstmt.x);
		return;
	case N_SendStmt: {
		Type *ct = typeof_(e, n->send.chan);
		expr(e, discard(), n->send.chan);
		assign(e, heaphole(e), n->send.value, ukind(ct) == TY_CHAN ? under(ct)->chan.elem : NULL);
		return;
	}
	case N_AssignStmt:
		if (n->assign.tok == TOK_ASSIGN || n->assign.tok == TOK_DEFINE) {
			assignstmt(e, n->assign.lhs, n->assign.rhs, n->assign.tok == TOK_DEFINE);
			return;
		}
		/* x op= y: numbers and strings (a new one) */
		for (uint32_t i = 0; i < n->assign.lhs.n; i++)
			lhs(e, n->assign.lhs.v[i], false);
		for (uint32_t i = 0; i < n->assign.rhs.n; i++)
			expr(e, discard(), n->assign.rhs.v[i]);
		return;
	case N_GoStmt:
		heapcall(e, n->gostmt.call);
		return;
	case N_DeferStmt:
		heapcall(e, n->deferstmt.call);
		return;
	case N_ReturnStmt: {
		/* e->fns moves when a literal in a result adds a function: by index */
		int fi = e->cur;
		EscFn *f = &e->fns[fi];
		List r = n->ret.results;
		Type *rt = under(f->sig)->sig.results;
		if ((int)r.n == f->nresults) {
			for (uint32_t i = 0; i < r.n; i++)
				assign(e, hole(e->fns[fi].results[i]), r.v[i], rt->tuple.vars[i]->type);
			return;
		}
		if (r.n == 1 && unparen(r.v[0])->kind == N_CallExpr) {
			Loc *res[GEN_MAXRES + 1];
			Node *x = unparen(r.v[0]);
			Type *tt = typeof_(e, x);
			int nr = call(e, x, res, GEN_MAXRES);
			f = &e->fns[fi];
			for (int i = 0; i < nr && i < f->nresults && ukind(tt) == TY_TUPLE; i++)
				assignloc(e, hole(f->results[i]), res[i], tt->tuple.vars[i]->type, rt->tuple.vars[i]->type);
			return;
		}
		for (uint32_t i = 0; i < r.n; i++)
			taint(e, r.v[i]);
		return;
	}
	case N_BlockStmt:
		stmts(e, n->block.list);
		return;
	case N_IfStmt: {
		int depth = e->depth;
		stmt(e, n->ifstmt.init);
		expr(e, discard(), n->ifstmt.cond);
		stmt(e, n->ifstmt.body);
		stmt(e, n->ifstmt.else_);
		e->depth = depth;
		return;
	}
	case N_SwitchStmt: {
		int depth = e->depth;
		stmt(e, n->switchstmt.init);
		expr(e, discard(), n->switchstmt.tag);
		List cl = n->switchstmt.body->block.list;
		for (uint32_t i = 0; i < cl.n; i++) {
			Node *c = cl.v[i];
			for (uint32_t j = 0; j < c->caseclause.list.n; j++)
				expr(e, discard(), c->caseclause.list.v[j]);
			stmts(e, c->caseclause.body);
		}
		e->depth = depth;
		return;
	}
	case N_TypeSwitchStmt: {
		int depth = e->depth;
		stmt(e, n->typeswitch.init);
		Node *as = n->typeswitch.assign, *x = NULL;
		if (as->kind == N_AssignStmt && as->assign.rhs.n == 1)
			x = unparen(as->assign.rhs.v[0]);
		else if (as->kind == N_ExprStmt)
			x = unparen(as->exprstmt.x);
		Loc *xl = newloc(e, NULL, NULL);
		if (x && x->kind == N_TypeAssertExpr)
			expr(e, hole(xl), x->typeassert.x);
		else
			taint(e, as);
		List cl = n->typeswitch.body->block.list;
		for (uint32_t i = 0; i < cl.n; i++) {
			Node *c = cl.v[i];
			Object *v = ptrmap_get(&e->c->info.implicits, c);
			Loc *vl = declare(e, v);
			if (vl)
				flow(hole(vl), xl);
			stmts(e, c->caseclause.body);
		}
		e->depth = depth;
		return;
	}
	case N_SelectStmt: {
		List cl = n->selectstmt.body->block.list;
		for (uint32_t i = 0; i < cl.n; i++) {
			Node *c = cl.v[i];
			Node *comm = c->commclause.comm;
			if (comm && comm->kind == N_AssignStmt) {
				for (uint32_t j = 0; j < comm->assign.lhs.n; j++)
					lhs(e, comm->assign.lhs.v[j], comm->assign.tok == TOK_DEFINE);
				for (uint32_t j = 0; j < comm->assign.rhs.n; j++)
					expr(e, discard(), comm->assign.rhs.v[j]);
			} else
				stmt(e, comm);
			stmts(e, c->commclause.body);
		}
		return;
	}
	case N_ForStmt: {
		int depth = e->depth;
		stmt(e, n->forstmt.init);
		e->depth++;
		expr(e, discard(), n->forstmt.cond);
		stmt(e, n->forstmt.post);
		stmt(e, n->forstmt.body);
		e->depth = depth;
		return;
	}
	case N_RangeStmt: {
		int depth = e->depth;
		Node *x = n->rangestmt.x;
		Type *xt = typeof_(e, x);
		Loc *xl = newloc(e, NULL, NULL);
		expr(e, hole(xl), x);
		bool define = n->rangestmt.tok == TOK_DEFINE;
		Hole kk = n->rangestmt.key ? lhs(e, n->rangestmt.key, define) : discard();
		Hole kv = n->rangestmt.value ? lhs(e, n->rangestmt.value, define) : discard();
		(void)kk;
		int xk = ukind(xt);
		if (xk == TY_ARRAY)
			flow(kv, xl);
		else if (xk == TY_SLICE || xk == TY_POINTER)
			flow(derefk(kv, 1), xl);
		e->depth++;
		stmt(e, n->rangestmt.body);
		e->depth = depth;
		return;
	}
	}
	taint(e, n);
}

/* a function literal: its record (if it captures anything) holds the
 * addresses of the variables it captures; its body is walked as a
 * function of the batch */
static int newfn(Esc *e, Node *decl, Object *obj, Type *sig);
static void params(Esc *e, int fi, Object *recv);

/* the variables a literal captures: locals named in it, declared outside */
typedef struct Captures {
	Esc *e;
	Pos from, to;
	PtrMap seen;
	PtrVec vars;
} Captures;

static void capture_walk(Node *n, void *ctx)
{
	Captures *c = ctx;
	if (n->kind == N_Ident) {
		Object *o = objof(c->e, n);
		if (gen_islocal(o) && (o->pos < c->from || o->pos >= c->to) && !ptrmap_get(&c->seen, o)) {
			ptrmap_put(&c->seen, o, (void *)1);
			ptrvec_push(&c->vars, o);
		}
		return;
	}
	node_children(n, capture_walk, c);
}

static void funclit(Esc *e, Hole k, Node *n)
{
	Captures c = {.e = e, .from = node_pos(n), .to = node_end(n)};
	capture_walk(n->funclit.body, &c);
	ptrmap_free(&c.seen);
	if (c.vars.n) {
		Loc *rec = site(e, k, n);
		for (uint32_t i = 0; i < c.vars.n; i++)
			flow(addr(hole(rec)), varloc(e, c.vars.v[i]));
	}
	ptrvec_free(&c.vars);
	TypeAndValue *tv = tvof(e, n);
	if (!tv || !tv->type) {
		taint(e, n->funclit.body);
		return;
	}
	int saved = e->cur;
	int fi = newfn(e, n, NULL, tv->type);
	e->fns[fi].parent = saved;
	e->cur = fi;
	params(e, fi, NULL);
	funcbody(e, n->funclit.body->block.list);
	e->cur = saved;
	e->lastlit = fi;
}

/* ---- functions and batches ---- */

static int newfn(Esc *e, Node *decl, Object *obj, Type *sig)
{
	if (e->nfns == e->capfns) {
		e->capfns = e->capfns ? 2 * e->capfns : 16;
		e->fns = xrealloc(e->fns, (size_t)e->capfns * sizeof *e->fns);
	}
	EscFn *f = &e->fns[e->nfns];
	memset(f, 0, sizeof *f);
	f->decl = decl;
	f->obj = obj;
	f->sig = sig;
	f->parent = -1;
	return e->nfns++;
}

/* the locations of a function's parameters and results */
static void params(Esc *e, int fi, Object *recv)
{
	EscFn *f = &e->fns[fi];
	Type *sig = under(f->sig);
	int depth = e->depth;
	e->depth = 0;
	Type *ps = sig->sig.params, *rs = sig->sig.results;
	f->nparams = (int)ps->tuple.n + (recv ? 1 : 0);
	f->params = arena_alloc(&e->scratch, (size_t)(f->nparams + 1) * sizeof *f->params);
	int k = 0;
	if (recv)
		f->params[k++] = declare(e, recv);
	for (uint32_t i = 0; i < ps->tuple.n; i++)
		f->params[k++] = declare(e, ps->tuple.vars[i]);
	for (int i = 0; i < f->nparams; i++) {
		if (!f->params[i]) /* unnamed or blank: a location nothing reads */
			f->params[i] = newloc(e, NULL, NULL);
		f->params[i]->param = i;
	}
	f->nresults = (int)rs->tuple.n;
	f->results = arena_alloc(&e->scratch, (size_t)(f->nresults + 1) * sizeof *f->results);
	for (int i = 0; i < f->nresults; i++) {
		Object *o = rs->tuple.vars[i];
		Loc *l = o->name && o->name[0] && strcmp(o->name, "_") != 0 ? declare(e, o) : NULL;
		if (!l)
			l = newloc(e, NULL, NULL);
		l->result = i;
		f->results[i] = l;
	}
	e->depth = depth;
}

static bool contains(Esc *e, int outer, int inner)
{
	for (int f = e->fns[inner].parent; f >= 0; f = e->fns[f].parent)
		if (f == outer)
			return true;
	return false;
}

/* does root outlive l (l's address flowing to root must make it escape)? */
static bool outlives(Esc *e, Loc *root, Loc *l)
{
	if (root->escapes)
		return true;
	if (root->result >= 0) {
		/* a literal called where it stands may return what its
		 * enclosing functions declare: the call's result is linked to
		 * where it goes (gc's exception) */
		if (l->fn >= 0 && e->fns[root->fn].called && contains(e, l->fn, root->fn))
			return false;
		return true;
	}
	if (root->fn == l->fn && root->depth < l->depth)
		return true;
	if (root->fn != l->fn && contains(e, root->fn, l->fn))
		return true;
	return false;
}

static void leak(Esc *e, Loc *root, Loc *l, int derefs, EscTag **ftags)
{
	if (l->param < 0 || l->fn < 0 || !ftags[l->fn])
		return;
	EscTag *t = ftags[l->fn];
	if (root->result >= 0 && root->fn == l->fn && !root->escapes) {
		int *r = &t->res[l->param * t->nresults + root->result];
		if (derefs < *r)
			*r = derefs;
		return;
	}
	if (derefs < t->heap[l->param])
		t->heap[l->param] = derefs;
}

static void walkone(Esc *e, Loc *root, PtrVec *todo, EscTag **ftags)
{
	uint32_t gen = ++e->wgen;
	root->wgen = gen;
	root->derefs = 0;
	PtrVec q = {0};
	ptrvec_push(&q, root);
	root->inq = true;
	while (q.n) {
		Loc *l = q.v[--q.n];
		l->inq = false;
		int derefs = l->derefs;
		bool addressof = derefs < 0;
		if (addressof)
			derefs = 0;
		if (outlives(e, root, l)) {
			leak(e, root, l, derefs, ftags);
			if (addressof && !l->escapes) {
				l->escapes = true;
				if (!l->todo) {
					l->todo = true;
					ptrvec_push(todo, l);
				}
				continue;
			}
		}
		for (uint32_t i = 0; i < l->nedges; i++) {
			Flow *ed = &l->edges[i];
			if (ed->src->escapes && ed->src != root)
				continue;
			int d = derefs + ed->derefs;
			if (ed->src->wgen != gen || ed->src->derefs > d) {
				ed->src->wgen = gen;
				ed->src->derefs = d;
				if (!ed->src->inq) {
					ed->src->inq = true;
					ptrvec_push(&q, ed->src);
				}
			}
		}
	}
	ptrvec_free(&q);
}

static void solve(Esc *e, EscTag **ftags)
{
	PtrVec todo = {0};
	ptrvec_push(&todo, &e->heap);
	e->heap.todo = true;
	for (uint32_t i = 0; i < e->locs.n; i++) {
		Loc *l = e->locs.v[i];
		l->todo = true;
		ptrvec_push(&todo, l);
	}
	while (todo.n) {
		Loc *root = todo.v[--todo.n];
		root->todo = false;
		walkone(e, root, &todo, ftags);
	}
	ptrvec_free(&todo);
}

/* ---- the package ---- */

typedef struct Decl {
	Node *decl;
	Object *obj;
	int index, low;  /* Tarjan */
	bool onstack;
	PtrVec callees;  /* Decl* */
} Decl;

/* the static calls of a body to functions of the package */
typedef struct Callees {
	Esc *e;
	PtrMap *decls;
	PtrVec *out;
} Callees;

static void callees_walk(Node *n, void *ctx)
{
	Callees *c = ctx;
	if (n->kind == N_CallExpr) {
		Object *f = static_callee(c->e, n, NULL);
		Decl *d = f ? ptrmap_get(c->decls, f) : NULL;
		if (d)
			ptrvec_push(c->out, d);
	}
	node_children(n, callees_walk, c);
}

static void analyse(Esc *e, Decl **batch, int n);

typedef struct Tarjan {
	Esc *e;
	int index;
	PtrVec stack;
} Tarjan;

static void strongconnect(Tarjan *t, Decl *v)
{
	v->index = v->low = ++t->index;
	ptrvec_push(&t->stack, v);
	v->onstack = true;
	for (uint32_t i = 0; i < v->callees.n; i++) {
		Decl *w = v->callees.v[i];
		if (!w->index) {
			strongconnect(t, w);
			if (w->low < v->low)
				v->low = w->low;
		} else if (w->onstack && w->index < v->low)
			v->low = w->index;
	}
	if (v->low != v->index)
		return;
	uint32_t start = t->stack.n;
	while (start > 0 && t->stack.v[start - 1] != v)
		start--;
	start--;
	for (uint32_t i = start; i < t->stack.n; i++)
		((Decl *)t->stack.v[i])->onstack = false;
	analyse(t->e, (Decl **)t->stack.v + start, (int)(t->stack.n - start));
	t->stack.n = start;
}

static void put_stack(GenPkg *g, const void *key)
{
	ptrmap_put(&g->escstack, key, (void *)1);
}

/* -gcflags=-m: gc's words for the batch's decisions (variables whose
 * address is taken, parameters of declared functions, closures and the
 * slices of variadic calls) */
static void diagnose(Esc *e, int n, EscTag **ftags)
{
	DiagList *d = e->g->escdiags;
	for (uint32_t i = 0; i < e->locs.n; i++) {
		Loc *l = e->locs.v[i];
		if (l->var && l->escapes && l->addrtaken)
			diag_error(d, l->var->pos, "moved to heap: %s", l->var->name);
		else if (l->site && l->site->kind == N_FuncLit)
			diag_error(d, node_pos(l->site), "func literal %s", l->escapes ? "escapes to heap" : "does not escape");
		else if (l->site && l->site->kind == N_CallExpr && !tvof(e, unparen(l->site->call.fun))) {
			/* never: calls have typed functions */
		} else if (l->site && l->site->kind == N_CallExpr) {
			TypeAndValue *ftv = tvof(e, unparen(l->site->call.fun));
			if (ftv->mode != MODE_BUILTIN && ftv->mode != MODE_TYPEXPR) {
				diag_error(d, l->site->call.lparen, "... argument %s", l->escapes ? "escapes to heap" : "does not escape");
			}
		}
	}
	for (int i = 0; i < n; i++) {
		EscFn *f = &e->fns[i];
		EscTag *t = ftags[i];
		for (int j = 0; j < f->nparams; j++) {
			Loc *l = f->params[j];
			if (!l->var || !l->var->name[0] || strcmp(l->var->name, "_") == 0 || !hasptr(l->var->type, 0) || l->escapes)
				continue;
			const char *nm = l->var->name;
			bool any = t->heap[j] != NONE;
			for (int r = 0; r < t->nresults; r++)
				any |= t->res[j * t->nresults + r] != NONE;
			if (!any)
				diag_error(d, l->var->pos, "%s does not escape", nm);
			if (t->heap[j] == 0)
				diag_error(d, l->var->pos, "leaking param: %s", nm);
			else if (t->heap[j] != NONE)
				diag_error(d, l->var->pos, "leaking param content: %s", nm);
			for (int r = 0; r < t->nresults; r++) {
				int x = t->res[j * t->nresults + r];
				if (x == NONE)
					continue;
				Object *ro = under(f->sig)->sig.results->tuple.vars[r];
				char rn[32];
				snprintf(rn, sizeof rn, "~r%d", r);
				diag_error(d, l->var->pos, "leaking param: %s to result %s level=%d", nm,
					   ro->name && ro->name[0] ? ro->name : rn, x);
			}
		}
	}
}

static void analyse(Esc *e, Decl **batch, int n)
{
	arena_init(&e->scratch);
	memset(&e->heap, 0, sizeof e->heap);
	e->heap.escapes = true;
	e->heap.fn = -1;
	e->heap.param = e->heap.result = -1;
	e->nfns = 0;
	e->locs.n = 0;
	ptrmap_free(&e->vars);
	ptrmap_free(&e->batch);
	e->depth = 0;
	for (int i = 0; i < n; i++) {
		Decl *d = batch[i];
		int fi = newfn(e, d->decl, d->obj, d->obj->type);
		ptrmap_put(&e->batch, d->obj, (void *)(intptr_t)(fi + 1));
		e->cur = fi;
		params(e, fi, d->obj->type->sig.recv);
	}
	for (int i = 0; i < n; i++) {
		e->cur = i;
		funcbody(e, batch[i]->decl->funcdecl.body->block.list);
	}
	EscTag **ftags = xcalloc((size_t)e->nfns + 1, sizeof *ftags);
	for (int i = 0; i < n; i++) {
		EscFn *f = &e->fns[i];
		EscTag *t = xcalloc(1, sizeof *t);
		t->nparams = f->nparams;
		t->nresults = f->nresults;
		t->heap = xmalloc((size_t)(f->nparams + 1) * sizeof *t->heap);
		t->res = xmalloc((size_t)(f->nparams * f->nresults + 1) * sizeof *t->res);
		for (int j = 0; j < f->nparams; j++)
			t->heap[j] = NONE;
		for (int j = 0; j < f->nparams * f->nresults; j++)
			t->res[j] = NONE;
		ftags[i] = t;
	}
	solve(e, ftags);
	for (int i = 0; i < n; i++) {
		/* a leak to a result with as many dereferences as one to the
		 * heap or more says nothing more (gc's leaks.Optimize) */
		EscTag *t = ftags[i];
		for (int j = 0; j < t->nparams; j++)
			for (int r = 0; r < t->nresults && t->heap[j] != NONE; r++)
				if (t->res[j * t->nresults + r] >= t->heap[j])
					t->res[j * t->nresults + r] = NONE;
		ptrmap_put(&tags, e->fns[i].obj, t);
	}
	if (e->g->escdiags)
		diagnose(e, n, ftags);
	for (uint32_t i = 0; i < e->locs.n; i++) {
		Loc *l = e->locs.v[i];
		if (l->escapes)
			continue;
		if (l->var)
			put_stack(e->g, l->var);
		else if (l->site)
			put_stack(e->g, l->site);
	}
	free(ftags);
	for (uint32_t i = 0; i < e->locs.n; i++)
		free(((Loc *)e->locs.v[i])->edges);
	arena_free(&e->scratch);
}

/* the functions declared after their directives: body-less ones after
 * //go:noescape get the tag that nothing leaks; //go:uintptrescapes
 * marks those whose uintptr arguments converted from pointers escape */
static void directives(Esc *e, GenPkg *g)
{
	for (uint32_t fi = 0; fi < e->c->nfiles; fi++) {
		Node *file = e->c->files[fi];
		Pos prev = node_end(file->file.name);
		for (uint32_t k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			Pos at = node_pos(d);
			Object *fn = d->kind == N_FuncDecl ? ptrmap_get(&e->c->info.defs, d->funcdecl.name) : NULL;
			for (uint32_t j = 0; fn && j < g->ndirs; j++) {
				if (g->dirs[j].pos < prev || g->dirs[j].pos >= at || g->dirs[j].nosplit)
					continue;
				if (g->dirs[j].uintptrescapes)
					ptrmap_put(&uintptrescapes, fn, (void *)1);
				else if (!d->funcdecl.body)
					ptrmap_put(&tags, fn, &noescape_tag);
			}
			prev = node_end(d);
		}
	}
}

void escape_package(GenPkg *g, Checker *c)
{
	Esc e = {.g = g, .c = c};
	directives(&e, g);
	PtrMap decls = {0};
	PtrVec all = {0};
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Node *file = c->files[fi];
		for (uint32_t k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			if (d->kind != N_FuncDecl || !d->funcdecl.body)
				continue;
			Object *fn = ptrmap_get(&c->info.defs, d->funcdecl.name);
			if (!concrete_func(fn) || strcmp(fn->name, "_") == 0)
				continue;
			Decl *dd = xcalloc(1, sizeof *dd);
			dd->decl = d;
			dd->obj = fn;
			ptrmap_put(&decls, fn, dd);
			ptrvec_push(&all, dd);
		}
	}
	arena_init(&e.scratch);
	for (uint32_t i = 0; i < all.n; i++) {
		Decl *d = all.v[i];
		Callees c = {&e, &decls, &d->callees};
		callees_walk(d->decl->funcdecl.body, &c);
	}
	arena_free(&e.scratch);
	Tarjan t = {.e = &e};
	for (uint32_t i = 0; i < all.n; i++)
		if (!((Decl *)all.v[i])->index)
			strongconnect(&t, all.v[i]);
	ptrvec_free(&t.stack);
	for (uint32_t i = 0; i < all.n; i++) {
		ptrvec_free(&((Decl *)all.v[i])->callees);
		free(all.v[i]);
	}
	ptrvec_free(&all);
	ptrmap_free(&decls);
	ptrmap_free(&e.vars);
	ptrmap_free(&e.batch);
	ptrvec_free(&e.locs);
	free(e.fns);
}

/* ---- tags across processes (the build cache's facts) ---- */

/* a function of c's package by a key its importers can find again: "F"
 * or "T.M" (the receiver's type name); NULL for others */
static const char *funckey(Checker *c, Node *d, Buf *b)
{
	Object *fn = ptrmap_get(&c->info.defs, d->funcdecl.name);
	if (!concrete_func(fn) && !(fn && fn->kind == OBJ_FUNC && !d->funcdecl.body))
		return NULL;
	b->n = 0;
	Type *sig = fn->type;
	if (sig && sig->sig.recv) {
		Type *rt = sig->sig.recv->type;
		if (ukind(rt) == TY_POINTER && rt->kind != TY_NAMED)
			rt = rt->pointer.elem;
		if (!rt || rt->kind != TY_NAMED || !rt->named.obj)
			return NULL;
		buf_printf(b, "%s.", rt->named.obj->name);
	}
	buf_puts(b, fn->name);
	buf_putc(b, 0);
	return b->p;
}

static void each_func(Checker *c, void (*fn)(Checker *c, Object *f, const char *key, void *ctx), void *ctx)
{
	Buf kb = {0};
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Node *file = c->files[fi];
		for (uint32_t k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			const char *key = d->kind == N_FuncDecl ? funckey(c, d, &kb) : NULL;
			if (key)
				fn(c, ptrmap_get(&c->info.defs, d->funcdecl.name), key, ctx);
		}
	}
	buf_free(&kb);
}

/* one line per tagged function: "key u|- n|NP NR heap... res...\n"
 * (-1 for none) */
static void export_one(Checker *c, Object *f, const char *key, void *ctx)
{
	(void)c;
	Buf *out = ctx;
	EscTag *t = tagof(f);
	bool u = ptrmap_get(&uintptrescapes, f) != NULL;
	if (!t && !u)
		return;
	buf_printf(out, "%s %c", key, u ? 'u' : '-');
	if (!t)
		buf_puts(out, " -");
	else if (t->noescape)
		buf_puts(out, " n");
	else {
		buf_printf(out, " %d %d", t->nparams, t->nresults);
		for (int i = 0; i < t->nparams; i++)
			buf_printf(out, " %d", t->heap[i] == NONE ? -1 : t->heap[i]);
		for (int i = 0; i < t->nparams * t->nresults; i++)
			buf_printf(out, " %d", t->res[i] == NONE ? -1 : t->res[i]);
	}
	buf_putc(out, '\n');
}

void escape_export(Checker *c, Buf *out) { each_func(c, export_one, out); }

bool escape_uintptrescapes(Object *fn) { return fn && ptrmap_get(&uintptrescapes, fn) != NULL; }

static int readint(const char **p, const char *end)
{
	while (*p < end && **p == ' ')
		(*p)++;
	int sign = 1, v = 0;
	if (*p < end && **p == '-') {
		sign = -1;
		(*p)++;
	}
	while (*p < end && **p >= '0' && **p <= '9')
		v = v * 10 + *(*p)++ - '0';
	return sign * v;
}

/* the lines of an exported blob by their (interned) keys */
typedef struct Imported {
	PtrMap lines;    /* interned key → its line's text after the key */
	const char *end;
} Imported;

static void import_one(Checker *c, Object *f, const char *key, void *ctx)
{
	(void)c;
	Imported *im = ctx;
	const char *q = ptrmap_get(&im->lines, intern(key, strlen(key)));
	if (!q)
		return;
	const char *nl = memchr(q, '\n', (size_t)(im->end - q));
	if (!nl || nl - q < 3)
		return;
	if (*q == 'u')
		ptrmap_put(&uintptrescapes, f, (void *)1);
	q += 2;
	if (*q == 'n') {
		ptrmap_put(&tags, f, &noescape_tag);
		return;
	}
	if (*q == '-')
		return;
	EscTag *t = xcalloc(1, sizeof *t);
	t->nparams = readint(&q, nl);
	t->nresults = readint(&q, nl);
	t->heap = xmalloc((size_t)(t->nparams + 1) * sizeof *t->heap);
	t->res = xmalloc((size_t)(t->nparams * t->nresults + 1) * sizeof *t->res);
	for (int i = 0; i < t->nparams; i++) {
		int v = readint(&q, nl);
		t->heap[i] = v < 0 ? NONE : v;
	}
	for (int i = 0; i < t->nparams * t->nresults; i++) {
		int v = readint(&q, nl);
		t->res[i] = v < 0 ? NONE : v;
	}
	ptrmap_put(&tags, f, t);
}

void escape_import(Checker *c, const uint8_t *p, size_t n)
{
	if (!p || !n)
		return;
	Imported im = {.end = (const char *)p + n};
	for (const char *l = (const char *)p; l < im.end;) {
		const char *nl = memchr(l, '\n', (size_t)(im.end - l));
		if (!nl)
			break;
		const char *sp = memchr(l, ' ', (size_t)(nl - l));
		if (sp)
			ptrmap_put(&im.lines, intern(l, (size_t)(sp - l)), (void *)(sp + 1));
		l = nl + 1;
	}
	each_func(c, import_one, &im);
	ptrmap_free(&im.lines);
}

bool gen_onstack(Gen *s, const void *key)
{
	return !s->tsubst && ptrmap_get(&s->pkg->escstack, key) != NULL;
}

Value *gen_tmpbuf(Gen *s, Type *et, int64_t n)
{
	const void *site = s->bufsite;
	s->bufsite = NULL;
	if (site && gen_onstack(s, site))
		return gen_tempaddr(s, new_array(s->check->arena, et, n));
	return gen_constnil(s, ssa_t_byteptr);
}

Value *gen_alloc(Gen *s, const void *site, Type *t)
{
	if (gen_onstack(s, site) && gen_sizeof(t) <= MAXIMPLICIT)
		return gen_tempaddr(s, t);
	return gen_newobj(s, t);
}
