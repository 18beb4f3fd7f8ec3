/*
 * call.c — calls: conversions written as calls, builtins (builtin.c),
 * package functions (StaticCall), methods with a static receiver type
 * (StaticCall of main.T.M / main.(*T).M with the receiver first,
 * following embedded fields and dereferencing as the selector says),
 * func values (ClosureCall: code loaded from the closure record), and
 * runtime functions by gc's names.  Arguments are evaluated left to
 * right, converted to the parameter types; extra arguments of a variadic
 * function are packed into a new slice; struct and array arguments are
 * copied to a temporary first and passed as a whole-value Load.
 */
#include <stdarg.h>

#include "ssagen.h"
#include "../gen/typedesc.h"

static Object *objof(Gen *s, Node *id)
{
	Object *o = ptrmap_get(&s->check->info.uses, id);
	if (!o)
		o = ptrmap_get(&s->check->info.defs, id);
	return o;
}

static int64_t rnd(int64_t o, int64_t a) { return a > 1 ? (o + a - 1) / a * a : o; }

/* a call value: type (results..., mem) or mem */
static Value *mkcall(Gen *s, Op op, SsaAux *aux, int64_t argsize, Value **pre, int npre, Value **args, int nargs,
		     SsaType **rt, int nres)
{
	SsaType *t = ssa_t_mem;
	if (nres) {
		SsaType *ft[GEN_MAXRES + 1];
		for (int i = 0; i < nres; i++)
			ft[i] = rt[i];
		ft[nres] = ssa_t_mem;
		t = ssa_type_tuple(ft, nres + 1);
	}
	Value *c = gen_value0(s, op, t);
	c->aux = aux;
	c->auxint = argsize;
	for (int i = 0; i < npre; i++)
		ssa_value_addarg(c, pre[i]);
	for (int i = 0; i < nargs; i++)
		ssa_value_addarg(c, args[i]);
	ssa_value_addarg(c, gen_mem(s));
	return c;
}

/* results of call value c: res[i] (memory types: stored to temporaries,
 * res[i] their addresses) and the memory after */
static void results(Gen *s, Value *c, Type **gotypes, SsaType **rt, int nres, Value **res)
{
	if (!nres) {
		gen_setmem(s, c);
		return;
	}
	Value *sel[GEN_MAXRES + 1];
	for (int i = 0; i < nres; i++) {
		sel[i] = gen_value1(s, OpSelectN, rt[i], c);
		sel[i]->auxint = i;
	}
	Value *m = gen_value1(s, OpSelectN, ssa_t_mem, c);
	m->auxint = nres;
	gen_setmem(s, m);
	for (int i = 0; i < nres; i++) {
		if (gotypes && gotypes[i] && !gen_ssaable(gotypes[i])) {
			Value *p = gen_tempaddr(s, gotypes[i]);
			gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, p, sel[i], gen_mem(s)));
			res[i] = p;
		} else
			res[i] = sel[i];
	}
}

Value *gen_rtcall(Gen *s, const char *name, Value **args, int nargs, SsaType **rt, int nres, Value **res)
{
	int64_t off = 0;
	for (int i = 0; i < nargs; i++) {
		SsaType *t = args[i]->type;
		off = rnd(off, t->align ? t->align : 1) + t->size;
	}
	off = rnd(off, 8);
	for (int i = 0; i < nres; i++)
		off = rnd(off, rt[i]->align ? rt[i]->align : 1) + rt[i]->size;
	off = rnd(off, 8);
	SsaAux *aux = ssa_aux(s->f, name, strlen(name));
	Value *c = mkcall(s, OpStaticCall, aux, off, NULL, 0, args, nargs, rt, nres);
	results(s, c, NULL, rt, nres, res);
	return c;
}

Value *gen_rtcall1(Gen *s, const char *name, SsaType *rt, int nargs, ...)
{
	Value *args[8];
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs && i < 8; i++)
		args[i] = va_arg(ap, Value *);
	va_end(ap);
	Value *res = NULL;
	gen_rtcall(s, name, args, nargs, rt ? &rt : NULL, rt ? 1 : 0, rt ? &res : NULL);
	return res;
}

/* ---- func values ---- */

static SsaAux *symaux(Gen *s, const char *sym)
{
	return ssa_aux(s->f, sym, strlen(sym));
}

static const char *cfunc_wrapper(Gen *s, Object *fn, const char *sym, uint8_t callabi);

/* a declared function as a value: its static closure record "F·f" */
Value *gen_funcvalue(Gen *s, Object *fn, const char *sym, Type *ft)
{
	if (!sym)
		sym = gen_funcsym(s->pkg, fn);
	uint8_t abi = gen_funcabi(s->pkg, fn);
	/* an assembly function's value is its code (ABI0 already): reflect's
	 * makeFuncStub needs the caller's frame and DX, which a wrapper
	 * would hide; such functions keep R14 */
	if (abi == AUX_ABI_C)
		sym = cfunc_wrapper(s, fn, sym, abi);
	else if (abi == AUX_ABI_DEFAULT && fn->pkg && fn->pkg != s->pkg->pkg && strcmp(fn->pkg->path, "runtime") == 0)
		sym = cfunc_wrapper(s, fn, sym, AUX_ABI_DEFAULT);
	Buf b = {0};
	buf_printf(&b, "%s·f", sym);
	Value *v = gen_value1(s, OpAddr, gen_type(ft ? ft : fn->type), s->sb);
	v->aux = ssa_aux(s->f, b.p, b.n);
	buf_free(&b);
	return v;
}

Value *gen_funclit(Gen *s, Node *lit)
{
	Buf b = {0};
	Gen *top = s;
	if (s->decl && s->decl->kind == N_FuncLit)
		buf_printf(&b, "%s.%d", s->name, ++s->nclosures);
	else
		buf_printf(&b, "%s.func%d", s->name, ++s->nclosures);
	(void)top;
	const char *name = arena_strndup(s->pkg->arena, b.p, b.n);
	buf_free(&b);
	Object **cap;
	int ncap;
	Pos saved = s->pos;
	gen_closure(s, lit, name, &cap, &ncap);
	s->pos = saved;
	Type *ft = gen_typeof(s, lit);
	if (ncap == 0) {
		Buf fb = {0};
		buf_printf(&fb, "%s·f", name);
		Value *v = gen_value1(s, OpAddr, gen_type(ft), s->sb);
		v->aux = ssa_aux(s->f, fb.p, fb.n);
		buf_free(&fb);
		free(cap);
		return v;
	}
	/* the closure record: struct { F uintptr; p0 *T0; ... } on the heap */
	Arena *a = s->check->arena;
	Object **fields = arena_alloc(a, (size_t)(ncap + 1) * sizeof *fields);
	fields[0] = new_field(a, NoPos, s->pkg->pkg, intern_cstr("F"), typ_basic[BK_UINTPTR], false);
	for (int i = 0; i < ncap; i++) {
		char nm[32];
		snprintf(nm, sizeof nm, "p%d", i);
		LVar *v = gen_lookupvar(s, cap[i]);
		fields[i + 1] = new_field(a, NoPos, s->pkg->pkg, intern_cstr(nm),
		    new_pointer(a, v ? v->type : gen_objtype(s, cap[i])), false);
	}
	Type *rec = new_struct(a, fields, NULL, (uint32_t)ncap + 1);
	Value *p = gen_alloc(s, lit, rec);
	Value *code = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	code->aux = symaux(s, name);
	gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, p, code, gen_mem(s)));
	for (int i = 0; i < ncap; i++) {
		LVar *v = gen_lookupvar(s, cap[i]);
		if (!v || v->kind == VK_SSA)
			ice(node_pos(lit), "ssagen", "captured variable %s is not in memory", cap[i]->name);
		Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_type_ptrto(v->t)), p);
		q->auxint = 8 * (i + 1);
		gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, q, gen_varaddr(s, v), gen_mem(s)));
	}
	free(cap);
	Value *fv = gen_value1(s, OpCopy, gen_type(ft), p);
	return fv;
}

/* ---- arguments ---- */

typedef struct Args {
	Value *v[64];
	Type *t[64];
	int n;
	Value *keep[64]; /* keepuintptr's temporaries, cleared after the call */
	int nkeep;
	Func *keepf;     /* the function they are in */
} Args;

static void addarg(Gen *s, Args *a, Value *v, Type *t)
{
	if (a->n == 64)
		gen_unimpl(s, 0, "call with more than 64 arguments");
	a->v[a->n] = v;
	a->t[a->n++] = t;
}

/* one argument; perarg (go and defer): the calls in it first (order.c) */
static Value *argval(Gen *s, Node *e, Type *t, bool perarg)
{
	if (perarg)
		gen_hoist(s, e);
	return gen_exprto(s, e, t);
}

/* the code pointer of method k of interface type iface in itab tab (at
 * 24 + 8*k; recorded for the linker, Func.imethods), with gc's nil check of the itab itself: a nil
 * interface's call faults at its address (the back end folds the check
 * into the load unless the itab is a constant nil, as gc's does) */
static Value *itabcode(Gen *s, Type *iface, Value *tab, int k)
{
	Func *f = s->f;
	if (f->nimethods == f->capimethods) {
		f->capimethods = f->capimethods ? 2 * f->capimethods : 4;
		f->imethods = xrealloc(f->imethods, (size_t)f->capimethods * sizeof *f->imethods);
	}
	f->imethods[f->nimethods++] = (struct FuncIMethod){iface, k};
	gen_nilcheck(s, tab);
	Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_byteptr), tab);
	q->auxint = 24 + 8 * (int64_t)k;
	return gen_value2(s, OpLoad, ssa_t_byteptr, q, gen_mem(s));
}

/* evaluates the call's arguments against signature sig into a; with
 * f(g()) and g multi-valued, g's results are the arguments, fixed and
 * variadic alike */
/* A uintptr argument of a //go:uintptrescapes or body-less function: its value is
 * also kept in a frame temporary of type unsafe.Pointer, read (KeepAlive)
 * and cleared after the call, so the stack maps mark it live during the
 * call and the object it came from lives through it (gc keeps such
 * arguments alive until the call returns); for go and defer statements,
 * whose call runs later, live until the function returns. */
static Value *keepuintptr(Gen *s, Args *a, Value *v, Type *t, bool goordefer)
{
	if (under(t)->kind == TY_BASIC && under(t)->basic.kind == BK_UINTPTR && a->nkeep < 64) {
		Value *p = gen_tempaddr(s, typ_basic[BK_UNSAFE_POINTER]);
		gen_store(s, t, p, v);
		if (goordefer) { /* the call runs later: live until the function returns */
			gen_setmem(s, gen_value2(s, OpKeepAlive, ssa_t_mem, p, gen_mem(s)));
			return v;
		}
		a->keep[a->nkeep++] = p;
		a->keepf = s->f;
	}
	return v;
}

static void callargs(Gen *s, Node *call, Type *sig, Args *a, bool perarg)
{
	Node *fun = gen_unparen(call->call.fun);
	Object *fo = fun->kind == N_Ident ? objof(s, fun) : fun->kind == N_SelectorExpr ? objof(s, fun->selector.sel) : NULL;
	/* //go:uintptrescapes, and gc's rule for functions without a body
	 * (assembly, linknames: syscall.Syscall's uintptr(unsafe.Pointer(p))) */
	bool ukeep = fo && fo->kind == OBJ_FUNC &&
		(escape_uintptrescapes(fo) || (fo->decl && fo->decl->fdecl && !fo->decl->fdecl->funcdecl.body));
	Type *params = sig->sig.params;
	uint32_t np = params->tuple.n;
	List args = call->call.args;
	bool variadic = sig->sig.variadic && !call->call.ellipsis;
	Value *res[GEN_MAXRES + 1];
	Type *rt[GEN_MAXRES + 1];
	int64_t nargs = args.n;
	bool multi = false;
	if (args.n == 1) {
		Type *at = gen_typeof(s, args.v[0]);
		if (at && at->kind == TY_TUPLE) {
			multi = true;
			nargs = gen_call(s, gen_unparen(args.v[0]), res, rt, GEN_MAXRES);
		}
	}
#define ARG(i, t) (multi ? gen_convert(s, res[i], rt[i], (t), node_pos(call)) \
			 : ukeep ? keepuintptr(s, a, argval(s, args.v[i], (t), perarg), (t), perarg) : argval(s, args.v[i], (t), perarg))
	uint32_t nfixed = variadic ? np - 1 : np;
	for (uint32_t i = 0; i < nfixed && i < nargs; i++) {
		Type *pt = params->tuple.vars[i]->type;
		Value *v = ARG(i, pt);
		addarg(s, a, multi ? v : gen_copytemp(s, pt, v), pt);
	}
	if (!variadic)
		return;
	Type *st = params->tuple.vars[np - 1]->type; /* []T */
	Type *et = under(st)->slice.elem;
	int64_t nextra = nargs - (int64_t)nfixed;
	if (nextra <= 0) {
		addarg(s, a, gen_zero(s, gen_type(st)), st);
		return;
	}
	Type *at = new_array(s->check->arena, et, nextra);
	Value *p = gen_alloc(s, call, at);
	for (int64_t i = 0; i < nextra; i++) {
		Value *v = ARG(nfixed + i, et);
		Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(et)), p);
		q->auxint = i * gen_sizeof(et);
		gen_store(s, et, q, v);
	}
#undef ARG
	Value *nn = gen_constint(s, ssa_t_int, nextra);
	addarg(s, a, gen_value3(s, OpSliceMake, gen_type(st), p, nn, nn), st);
}

/* whole values of memory-typed arguments, at the call */
static void loadargs(Gen *s, Args *a)
{
	for (int i = 0; i < a->n; i++)
		if (!gen_ssaable(a->t[i]))
			a->v[i] = gen_value2(s, OpLoad, gen_type(a->t[i]), a->v[i], gen_mem(s));
}

static int finishcall(Gen *s, Op op, SsaAux *aux, Value **pre, int npre, Args *a, Type *sig, Type *recv, Value **res,
		      Type **restypes, int max)
{
	/* how the callee is entered (a call of a declared function names it
	 * in aux->obj); the runtime calls and wrappers set aux->abi */
	if (op == OpStaticCall && aux && aux->obj && aux->abi == AUX_ABI_DEFAULT)
		aux->abi = gen_funcabi(s->pkg, aux->obj);
	loadargs(s, a);
	Abi abi = gen_abi(s->scratch, sig, recv);
	Type *rtup = sig->sig.results;
	int nres = (int)rtup->tuple.n;
	if (nres > max || nres > GEN_MAXRES)
		gen_unimpl(s, 0, "call with too many results");
	SsaType *rt[GEN_MAXRES + 1];
	Type *gt[GEN_MAXRES + 1];
	for (int i = 0; i < nres; i++) {
		gt[i] = rtup->tuple.vars[i]->type;
		rt[i] = gen_type(gt[i]);
		if (restypes)
			restypes[i] = gt[i];
	}
	Value *c = mkcall(s, op, aux, abi.size, pre, npre, a->v, a->n, rt, nres);
	results(s, c, gt, rt, nres, res);
	for (int i = 0; i < a->nkeep && a->keepf == s->f; i++) { /* kept alive up to here */
		Value *ld = gen_value2(s, OpLoad, ssa_type("unsafe.Pointer"), a->keep[i], gen_mem(s));
		gen_setmem(s, gen_value2(s, OpKeepAlive, ssa_t_mem, ld, gen_mem(s)));
		Value *z = gen_value2(s, OpZero, ssa_t_mem, a->keep[i], gen_mem(s));
		z->auxint = 8;
		gen_setmem(s, z);
	}
	return nres;
}

/* Package runtime's functions are C (docs/abi.md), but a func value is
 * called with ABI0: its code is a wrapper of this package, PKG.runtime.F
 * (gc's ABI wrappers, named per package since text is not DUPOK), that
 * takes the arguments in ABI0 and calls F with the C convention.  The
 * same for the C runtime's linkname functions of other packages (abi C). */
static const char *cfunc_wrapper(Gen *s, Object *fn, const char *sym, uint8_t callabi)
{
	GenPkg *g = s->pkg;
	Buf b = {0};
	typestr_pkgprefix(&b, g->pkg->path);
	buf_printf(&b, ".%s", sym);
	const char *name = arena_strndup(g->arena, b.p, b.n);
	buf_free(&b);
	if (ptrmap_get(&g->wrappers, intern_cstr(name)))
		return name;
	Type *sig = fn->type;
	Gen w;
	gen_start(&w, g, name, sig);
	w.pos = s->pos;
	Abi abi = gen_abi(&w.f->arena, sig, NULL);
	Args a = {.n = 0};
	uint32_t np = sig->sig.params->tuple.n;
	for (uint32_t i = 0; i < np; i++) {
		Object *o = sig->sig.params->tuple.vars[i];
		Value *v = gen_paramarg(&w, o, o->type, abi.off[i]);
		if (!gen_ssaable(o->type)) {
			Value *p = gen_tempaddr(&w, o->type);
			gen_setmem(&w, gen_value3(&w, OpStore, ssa_t_mem, p, v, gen_mem(&w)));
			v = p;
		}
		addarg(&w, &a, v, o->type);
	}
	Value *res[GEN_MAXRES + 1];
	Type *rtypes[GEN_MAXRES + 1];
	SsaAux *aux = symaux(&w, sym);
	aux->abi = callabi;
	int nres = finishcall(&w, OpStaticCall, aux, NULL, 0, &a, sig, NULL, res, rtypes, GEN_MAXRES);
	gen_return_values(&w, res, rtypes, nres);
	Func *f = gen_finish(&w);
	ptrmap_put(&g->wrappers, intern_cstr(name), f);
	return name;
}

/* the receiver argument of a method call x.M through a static type */
static Value *receiver(Gen *s, Node *x, Lookup *l, Type *rt)
{
	Type *xt = gen_typeof(s, x);
	bool wantptr = under(rt)->kind == TY_POINTER && rt->kind != TY_NAMED;
	if (rt->kind == TY_POINTER)
		wantptr = true;
	int n = (int)l->nindex;
	if (n <= 1) {
		bool isptr = under(xt)->kind == TY_POINTER && !(xt->kind == TY_NAMED && wantptr && false);
		if (isptr && wantptr)
			return gen_expr(s, x);
		if (isptr)
			return gen_copytemp(s, rt, gen_load(s, rt, gen_nilcheck(s, gen_expr(s, x))));
		if (wantptr)
			return gen_addr(s, x);
		return gen_copytemp(s, rt, gen_expr(s, x));
	}
	Type *t;
	Value *base;
	if (under(xt)->kind == TY_POINTER) {
		t = under(xt)->pointer.elem;
		base = gen_nilcheck(s, gen_expr(s, x));
	} else {
		t = xt;
		base = gen_addr(s, x);
	}
	Value *fa = gen_fieldpath(s, base, &t, l->index, n - 1);
	if (under(t)->kind == TY_POINTER) {
		Value *pv = gen_value2(s, OpLoad, gen_type(t), fa, gen_mem(s));
		if (wantptr)
			return pv;
		return gen_copytemp(s, rt, gen_load(s, rt, gen_nilcheck(s, pv)));
	}
	if (under(t)->kind == TY_INTERFACE)
		gen_unimpl(s, node_pos(x), "method of an embedded interface");
	if (wantptr)
		return fa;
	return gen_copytemp(s, rt, gen_load(s, rt, fa));
}

/* A call evaluated but not made: what gen_call emits now, and what defer
 * and go statements store in a closure record for a wrapper to make. */
enum { PLAN_STATIC, PLAN_CLOSURE, PLAN_INTER };
typedef struct CallPlan {
	int kind;
	SsaAux *aux;   /* PLAN_STATIC */
	Type *recv;    /* PLAN_STATIC: the receiver type of a method (first of a) */
	Value *fn;     /* PLAN_CLOSURE: the func value; PLAN_INTER: the interface value */
	Type *fntype;
	int method;    /* PLAN_INTER: index in the itab */
	Type *sig;
	Args a;
	Pos pos;
} CallPlan;

static bool basic_kind(Type *t, int k)
{
	t = under(t);
	return t->kind == TY_BASIC && t->basic.kind == k;
}

/* gc's usemethod: a call of a method Method(int) reflect.Method or
 * MethodByName(string) (reflect.Method, bool), direct or through an
 * interface, in code or in a wrapper, lets the program call any exported
 * method by reflection: the caller is marked (Func.reflectmethod) for the
 * linker.  reflect's own implementations are not: the itabs reach them. */
static void usemethod(Gen *s, Str n, Type *sig)
{
	static const char *const own[] = {"reflect.(*rtype).Method", "reflect.(*rtype).MethodByName",
					  "reflect.(*interfaceType).Method", "reflect.(*interfaceType).MethodByName"};
	int pk = str_eqc(n, "Method") ? BK_INT : str_eqc(n, "MethodByName") ? BK_STRING : -1;
	Type *ps = sig->sig.params, *rs = sig->sig.results;
	if (pk < 0 || ps->tuple.n != 1 || !basic_kind(ps->tuple.vars[0]->type, pk))
		return;
	if (rs->tuple.n < 1 || rs->tuple.n > 2 || (rs->tuple.n == 2 && !basic_kind(rs->tuple.vars[1]->type, BK_BOOL)))
		return;
	Type *r0 = rs->tuple.vars[0]->type;
	if (r0->kind != TY_NAMED || strcmp(r0->named.obj->name, "Method") != 0 || !r0->named.obj->pkg ||
	    strcmp(r0->named.obj->pkg->path, "reflect") != 0)
		return;
	for (size_t i = 0; i < NELEM(own); i++)
		if (strcmp(s->f->name, own[i]) == 0)
			return;
	s->f->reflectmethod = true;
}

/* evaluates callee and arguments of call (not a conversion or builtin) */
static void callplan(Gen *s, Node *call, CallPlan *p)
{
	bool perarg = s->argorder; /* go/defer: see argval */
	s->argorder = false;
	Node *fun = gen_unparen(call->call.fun);
	Pos pos = node_pos(call);
	memset(p, 0, sizeof *p);
	p->pos = pos;
	Object *fo = NULL;
	Node *fname = fun; /* F of F[T...] */
	if (fun->kind == N_IndexExpr || fun->kind == N_IndexListExpr)
		fname = gen_unparen(fun->kind == N_IndexExpr ? fun->index.x : fun->indexlist.x);
	if (fname->kind == N_Ident)
		fo = objof(s, fname);
	else if (fname->kind == N_SelectorExpr)
		fo = objof(s, fname->selector.sel);
	if (fname != fun && !(fo && fo->kind == OBJ_FUNC && fo->type->sig.tparams.n))
		fo = NULL;
	Type *ft = gen_typeof(s, fun);
	if (fo && fo->kind == OBJ_FUNC && fo->type->sig.tparams.n) {
		Instance *in = ptrmap_get(&s->check->info.instances, fname);
		if (in)
			ft = gen_subst(s, in->type);
	}
	Type *sig = under(ft);
	if (sig->kind != TY_SIGNATURE)
		ice(pos, "ssagen", "call of a non-function");
	p->sig = sig;
	if (fun->kind == N_SelectorExpr)
		usemethod(s, fun->selector.sel->ident.name, sig);
	/* package function */
	if (fo && fo->kind == OBJ_FUNC && !fo->type->sig.recv && (fname->kind == N_Ident || fname->kind == N_SelectorExpr)) {
		callargs(s, call, sig, &p->a, perarg);
		p->kind = PLAN_STATIC;
		p->aux = symaux(s, gen_funcref(s, fname, fo));
		p->aux->obj = fo;
		return;
	}
	/* method */
	if (fo && fo->kind == OBJ_FUNC && fun->kind == N_SelectorExpr) {
		Node *x = fun->selector.x;
		TypeAndValue *xtv = gen_tv(s, x);
		if (xtv && xtv->mode == MODE_TYPEXPR) {
			/* T.M(recv, args...): through the method expression's func value */
			p->kind = PLAN_CLOSURE;
			p->fn = gen_methodvalue(s, fun);
			p->fntype = ft;
			callargs(s, call, sig, &p->a, perarg);
			return;
		}
		Type *xt = gen_typeof(s, x);
		Lookup l = lookup_field_or_method(s->scratch, xt, true, fo->pkg, fo->name);
		if (!l.obj)
			ice(pos, "ssagen", "method %s not found", fo->name);
		if (is_interface(xt) && l.nindex <= 1) {
			TypeSet *ts = interface_typeset(s->check, under(xt));
			p->kind = PLAN_INTER;
			for (uint32_t i = 0; i < ts->nmethods; i++)
				if (ts->methods[i]->name == l.obj->name)
					p->method = (int)i;
			p->fn = gen_expr(s, x);
			p->fntype = xt;
			callargs(s, call, sig, &p->a, perarg);
			return;
		}
		Type *rt = l.obj->type->sig.recv->type;
		if (is_interface(rt)) { /* promoted from an embedded interface */
			Value *xv = under(xt)->kind == TY_POINTER || gen_ssaable(xt) ? gen_expr(s, x) : gen_addr(s, x);
			Type *it;
			p->fn = gen_embedded_iface(s, xv, xt, l.index, (int)l.nindex, &it);
			p->fntype = it;
			p->kind = PLAN_INTER;
			TypeSet *ts = interface_typeset(s->check, under(it));
			for (uint32_t i = 0; i < ts->nmethods; i++)
				if (ts->methods[i]->name == l.obj->name)
					p->method = (int)i;
			callargs(s, call, sig, &p->a, perarg);
			return;
		}
		Value *r = receiver(s, x, &l, rt);
		addarg(s, &p->a, r, rt);
		callargs(s, call, sig, &p->a, perarg);
		p->kind = PLAN_STATIC;
		p->recv = rt;
		p->aux = symaux(s, gen_funcsym(s->pkg, l.obj));
		p->aux->obj = l.obj;
		return;
	}
	/* func value */
	p->kind = PLAN_CLOSURE;
	p->fn = gen_expr(s, fun);
	p->fntype = ft;
	callargs(s, call, sig, &p->a, perarg);
}

static int emitplan(Gen *s, CallPlan *p, Value **res, Type **restypes, int max)
{
	s->pos = p->pos;
	switch (p->kind) {
	case PLAN_STATIC:
		return finishcall(s, OpStaticCall, p->aux, NULL, 0, &p->a, p->sig, p->recv, res, restypes, max);
	case PLAN_CLOSURE: {
		gen_nilcheck(s, p->fn);
		Value *code = gen_value2(s, OpLoad, ssa_t_byteptr, p->fn, gen_mem(s));
		Value *pre[2] = {code, p->fn};
		return finishcall(s, OpClosureCall, NULL, pre, 2, &p->a, p->sig, NULL, res, restypes, max);
	}
	default: {
		Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, p->fn);
		Value *data = gen_value1(s, OpIData, ssa_t_byteptr, p->fn);
		Value *code = itabcode(s, p->fntype, tab, p->method);
		Value *pre[2] = {code, data};
		return finishcall(s, OpInterCall, NULL, pre, 2, &p->a, p->sig, typ_basic[BK_UNSAFE_POINTER], res, restypes,
				  max);
	}
	}
}

int gen_call(Gen *s, Node *call, Value **res, Type **restypes, int max)
{
	Value *hv = gen_hoisted(s, call);
	if (hv) {
		res[0] = hv;
		if (restypes)
			restypes[0] = gen_typeof(s, call);
		return 1;
	}
	Node *fun = gen_unparen(call->call.fun);
	TypeAndValue *tv = gen_tv(s, fun);
	Pos pos = node_pos(call);
	if (tv && tv->mode == MODE_TYPEXPR) {
		Node *arg = call->call.args.v[0];
		Value *av = gen_expr(s, arg);
		s->bufsite = call;
		res[0] = gen_convert(s, av, gen_typeof(s, arg), tv->type, pos);
		s->bufsite = NULL;
		s->pos = pos;
		if (restypes)
			restypes[0] = tv->type;
		return 1;
	}
	Object *fo = NULL;
	if (fun->kind == N_Ident)
		fo = objof(s, fun);
	else if (fun->kind == N_SelectorExpr)
		fo = objof(s, fun->selector.sel);
	if ((tv && tv->mode == MODE_BUILTIN) || (fo && fo->kind == OBJ_BUILTIN)) {
		int id = fo ? fo->builtin : -1;
		if (id < 0)
			gen_unimpl(s, pos, "builtin");
		int n = gen_builtin(s, call, id, res, max);
		if (restypes && n > 0)
			restypes[0] = gen_typeof(s, call);
		return n;
	}
	CallPlan p;
	callplan(s, call, &p);
	return emitplan(s, &p, res, restypes, max);
}

/* ---- defer and go: the call in a closure record, made by a wrapper ---- */

/* The record: struct { F uintptr; fn; args... } (fn only for closure and
 * interface calls); the wrapper loads the values back and makes the call. */
static Value *planrecord(Gen *s, CallPlan *p, const char *wrapname, bool isgo)
{
	GenPkg *g = s->pkg;
	Arena *ar = s->check->arena;
	int nf = 1 + (p->kind != PLAN_STATIC) + p->a.n;
	Object **fields = arena_alloc(ar, (size_t)nf * sizeof *fields);
	Type **ft = arena_alloc(ar, (size_t)nf * sizeof *ft);
	int k = 0;
	ft[k] = typ_basic[BK_UINTPTR];
	fields[k] = new_field(ar, NoPos, g->pkg, intern_cstr("F"), ft[k], false);
	k++;
	Value *vals[66];
	if (p->kind != PLAN_STATIC) {
		ft[k] = p->fntype;
		vals[k] = p->fn;
		fields[k] = new_field(ar, NoPos, g->pkg, intern_cstr("fn"), ft[k], false);
		k++;
	}
	for (int i = 0; i < p->a.n; i++) {
		char nm[16];
		snprintf(nm, sizeof nm, "a%d", i);
		ft[k] = p->a.t[i];
		vals[k] = p->a.v[i];
		fields[k] = new_field(ar, NoPos, g->pkg, intern_cstr(nm), ft[k], false);
		k++;
	}
	if (p->kind == PLAN_INTER) /* the method value is evaluated here: nil panics now */
		gen_nilcheck(s, gen_value1(s, OpITab, ssa_t_byteptr, p->fn));
	Type *rec = new_struct(ar, fields, NULL, (uint32_t)nf);
	Value *r = gen_newobj(s, rec);
	Value *code = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	code->aux = symaux(s, wrapname);
	gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, r, code, gen_mem(s)));
	for (int i = 1; i < nf; i++) {
		Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(ft[i])), r);
		q->auxint = gen_fieldoff(rec, i);
		gen_store(s, ft[i], q, vals[i]);
	}
	/* the wrapper */
	Gen w;
	Type *wsig = new_signature(ar, NULL, typ_empty_tuple, typ_empty_tuple, false);
	gen_start(&w, g, wrapname, wsig);
	w.pos = p->pos;
	Value *ctx = gen_value0(&w, OpGetClosurePtr, ssa_t_byteptr);
	CallPlan wp = *p;
	wp.a.n = 0;
	k = 1;
	if (p->kind != PLAN_STATIC) {
		Value *q = gen_value1(&w, OpOffPtr, ssa_type_ptrto(gen_type(ft[k])), ctx);
		q->auxint = gen_fieldoff(rec, k);
		wp.fn = gen_load(&w, ft[k], q);
		k++;
	}
	for (int i = 0; i < p->a.n; i++, k++) {
		Value *q = gen_value1(&w, OpOffPtr, ssa_type_ptrto(gen_type(ft[k])), ctx);
		q->auxint = gen_fieldoff(rec, k);
		addarg(&w, &wp.a, gen_copytemp(&w, ft[k], gen_load(&w, ft[k], q)), ft[k]);
	}
	if (wp.aux) {
		Object *o = wp.aux->obj;
		wp.aux = ssa_aux(w.f, p->aux->s.p, p->aux->s.n);
		wp.aux->obj = o;
	}
	Value *res[GEN_MAXRES + 1];
	Type *rt[GEN_MAXRES + 1];
	emitplan(&w, &wp, res, rt, GEN_MAXRES);
	gen_return_values(&w, NULL, NULL, 0);
	gen_finish(&w);
	(void)isgo;
	return r;
}

static const char *wrapname(Gen *s, const char *what)
{
	Buf b = {0};
	buf_printf(&b, "%s.%s%d", s->name, what, ++s->nwrappers);
	const char *n = arena_strndup(s->pkg->arena, b.p, b.n);
	buf_free(&b);
	return n;
}

/* the deferred or spawned call as a closure record (builtins get a
 * wrapper evaluating their arguments first, as gc's wrapping does) */
static Value *callrecord(Gen *s, Node *call, bool isgo)
{
	Node *fun = gen_unparen(call->call.fun);
	TypeAndValue *tv = gen_tv(s, fun);
	Object *fo = NULL;
	if (fun->kind == N_Ident)
		fo = objof(s, fun);
	else if (fun->kind == N_SelectorExpr)
		fo = objof(s, fun->selector.sel);
	const char *name = wrapname(s, isgo ? "gowrap" : "deferwrap");
	if ((tv && tv->mode == MODE_BUILTIN) || (fo && fo->kind == OBJ_BUILTIN))
		return gen_builtin_record(s, call, fo ? fo->builtin : -1, name);
	if (tv && tv->mode == MODE_TYPEXPR)
		gen_unimpl(s, node_pos(call), "deferred conversion");
	CallPlan p;
	callplan(s, call, &p);
	/* gc (escape's goDeferStmt): a call of a func value without
	 * parameters or results is started as that value itself, no
	 * wrapper; so `go f()` with f nil is newproc's fatal error.  (gc
	 * defers such a value directly too; goc keeps the wrapper for defer:
	 * recover's frame check expects the deferred call one frame below
	 * the wrapper, and a nil value then panics when the wrapper calls it,
	 * as the spec says) */
	if (isgo && p.kind == PLAN_CLOSURE && p.a.n == 0 && p.sig && p.sig->sig.params->tuple.n == 0 &&
	    p.sig->sig.results->tuple.n == 0)
		return p.fn;
	return planrecord(s, &p, name, isgo);
}

void gen_defer(Gen *s, Node *n)
{
	s->argorder = true;
	Value *r = callrecord(s, n->deferstmt.call, false);
	s->argorder = false;
	s->pos = n->deferstmt.defer;
	Value *c = gen_rtcall(s, "runtime.deferproc", &r, 1, NULL, 0, NULL);
	/* gc: a Defer block; its second successor is taken when a panic was
	 * recovered: run the deferred calls and return */
	Block *b = s->b;
	b->kind = BlockDefer;
	ssa_block_setcontrol(b, 0, c);
	Block *next = gen_newblock(s, BlockPlain), *rec = gen_newblock(s, BlockPlain);
	ssa_block_addedge(b, next);
	ssa_block_addedge(b, rec);
	b->likely = 1;
	s->b = NULL;
	gen_startblock(s, rec, true);
	gen_exit(s);
	gen_startblock(s, next, true);
}

void gen_go(Gen *s, Node *n)
{
	s->argorder = true;
	Value *r = callrecord(s, n->gostmt.call, true);
	s->argorder = false;
	s->pos = n->gostmt.go;
	gen_rtcall(s, "runtime.newproc", &r, 1, NULL, 0, NULL);
}

/* a call of method k of interface type iface through itab tab, with recv
 * (a pointer-shaped word) as the receiver */
int gen_call_indirect(Gen *s, Node *call, Type *iface, Value *tab, int k, Value *recv, Type *sig, Value **res,
		      Type **restypes, int max)
{
	Args a = {.n = 0};
	callargs(s, call, sig, &a, false);
	s->pos = node_pos(call);
	Value *code = itabcode(s, iface, tab, k);
	Value *pre[2] = {code, recv};
	return finishcall(s, OpInterCall, NULL, pre, 2, &a, sig, typ_basic[BK_UNSAFE_POINTER], res, restypes, max);
}

/* A method wrapper (gc's methodWrapper): receiver of type R (pointer-
 * shaped), the method m found on R by lookup l; calls m with the receiver
 * it declares, passing the parameters and results through. */
Func *gen_wrapper(GenPkg *g, Type *R, Object *m, Lookup *l, const char *name)
{
	Gen s;
	Type *sig = m->type;
	gen_start(&s, g, name, sig);
	s.f->dupok = true;
	usemethod(&s, (Str){m->name, strlen(m->name)}, sig);
	Abi abi = gen_abi(&s.f->arena, sig, R);
	Value *r = gen_value0(&s, OpArg, gen_type(R));
	r->aux = ssa_aux(s.f, ".this", 5);
	r->auxint = 0;
	Type *rt = sig->sig.recv->type;
	Args a = {.n = 0};
	Value *rv = r;
	if (!gen_ssaable(R)) { /* a pointer-shaped struct or array: into memory */
		rv = gen_tempaddr(&s, R);
		gen_setmem(&s, gen_value3(&s, OpStore, ssa_t_mem, rv, r, gen_mem(&s)));
	}
	/* *T's wrapper of T's method: a nil *T panics with gc's message
	 * ("value method main.T.M called using nil *T pointer") */
	if (l->nindex <= 1 && R->kind == TY_POINTER && identical(R->pointer.elem, rt)) {
		Value *nn = gen_value1(&s, OpIsNonNil, ssa_t_bool, r);
		Block *ok = gen_newblock(&s, BlockPlain), *bad = gen_newblock(&s, BlockPlain);
		Block *b = gen_endif(&s, nn, ok, bad);
		b->likely = 1;
		gen_startblock(&s, bad, true);
		gen_rtcall(&s, "runtime.panicwrap", NULL, 0, NULL, 0, NULL);
		gen_endexit(&s);
		gen_startblock(&s, ok, true);
	}
	Value *iv = NULL;
	Type *it = NULL;
	if (is_interface(rt)) /* promoted from an embedded interface: an interface call */
		iv = gen_embedded_iface(&s, rv, R, l->index, (int)l->nindex, &it);
	else {
		Value *actual = gen_recvfrom(&s, rv, R, l->index, (int)l->nindex, rt);
		addarg(&s, &a, actual, rt);
	}
	for (uint32_t i = 0; i < sig->sig.params->tuple.n; i++) {
		Object *o = sig->sig.params->tuple.vars[i];
		Value *v = gen_paramarg(&s, o, o->type, abi.off[i + 1]);
		Value *p = v;
		if (!gen_ssaable(o->type)) { /* whole values pass through: store, reload at the call */
			p = gen_tempaddr(&s, o->type);
			gen_setmem(&s, gen_value3(&s, OpStore, ssa_t_mem, p, v, gen_mem(&s)));
		}
		addarg(&s, &a, p, o->type);
	}
	Value *res[GEN_MAXRES + 1];
	Type *rtypes[GEN_MAXRES + 1];
	int nres;
	if (iv) {
		TypeSet *ts = interface_typeset(s.check, under(it));
		int k = 0;
		for (uint32_t i = 0; i < ts->nmethods; i++)
			if (ts->methods[i]->name == m->name)
				k = (int)i;
		Value *tab = gen_value1(&s, OpITab, ssa_t_byteptr, iv);
		Value *data = gen_value1(&s, OpIData, ssa_t_byteptr, iv);
		Value *code = itabcode(&s, it, tab, k);
		Value *pre[2] = {code, data};
		nres = finishcall(&s, OpInterCall, NULL, pre, 2, &a, sig, typ_basic[BK_UNSAFE_POINTER], res, rtypes, GEN_MAXRES);
	} else {
		SsaAux *aux = symaux(&s, gen_funcsym(g, m));
		aux->obj = m;
		nres = finishcall(&s, OpStaticCall, aux, NULL, 0, &a, sig, rt, res, rtypes, GEN_MAXRES);
	}
	Block *b = s.b;
	Value *ctl;
	if (nres == 0)
		ctl = gen_mem(&s);
	else {
		SsaType *ft[GEN_MAXRES + 1];
		for (int i = 0; i < nres; i++) {
			if (!gen_ssaable(rtypes[i]))
				res[i] = gen_value2(&s, OpLoad, gen_type(rtypes[i]), res[i], gen_mem(&s));
			ft[i] = res[i]->type;
		}
		ft[nres] = ssa_t_mem;
		ctl = gen_value0(&s, OpMakeResult, ssa_type_tuple(ft, nres + 1));
		for (int i = 0; i < nres; i++)
			ssa_value_addarg(ctl, res[i]);
		ssa_value_addarg(ctl, gen_mem(&s));
	}
	b = s.b;
	b->kind = BlockRet;
	ssa_block_setcontrol(b, 0, ctl);
	s.b = NULL;
	return gen_finish(&s);
}

/* A call with arguments already evaluated (wrappers): a static call of
 * method m with receiver recv (of type rt), or, m NULL, an interface call
 * of im on the interface value recv.  params: whole values. */
int gen_call_values(Gen *s, Object *m, Value *recv, Type *rt, Object *im, Value **params, Type **ptypes, int np,
		    Type *sig, Value **res, Type **rtypes)
{
	Args a = {.n = 0};
	const char *mname = m ? m->name : im->name;
	usemethod(s, (Str){mname, strlen(mname)}, sig);
	if (m)
		addarg(s, &a, gen_copytemp(s, rt, recv), rt);
	for (int i = 0; i < np; i++) {
		Value *v = params[i];
		if (!gen_ssaable(ptypes[i])) {
			Value *p = gen_tempaddr(s, ptypes[i]);
			gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, p, v, gen_mem(s)));
			v = p;
		}
		addarg(s, &a, v, ptypes[i]);
	}
	if (m) {
		SsaAux *aux = symaux(s, gen_funcsym(s->pkg, m));
		aux->obj = m;
		return finishcall(s, OpStaticCall, aux, NULL, 0, &a, sig, rt, res, rtypes, GEN_MAXRES);
	}
	TypeSet *ts = interface_typeset(s->check, under(rt));
	int k = 0;
	for (uint32_t i = 0; i < ts->nmethods; i++)
		if (ts->methods[i]->name == im->name)
			k = (int)i;
	Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, recv);
	Value *data = gen_value1(s, OpIData, ssa_t_byteptr, recv);
	Value *code = itabcode(s, rt, tab, k);
	Value *pre[2] = {code, data};
	return finishcall(s, OpInterCall, NULL, pre, 2, &a, sig, typ_basic[BK_UNSAFE_POINTER], res, rtypes, GEN_MAXRES);
}

/* ends the current block with a return of res (memory types: addresses) */
void gen_return_values(Gen *s, Value **res, Type **rtypes, int nres)
{
	Value *ctl;
	if (nres == 0)
		ctl = gen_mem(s);
	else {
		SsaType *ft[GEN_MAXRES + 1];
		for (int i = 0; i < nres; i++) {
			if (!gen_ssaable(rtypes[i]))
				res[i] = gen_value2(s, OpLoad, gen_type(rtypes[i]), res[i], gen_mem(s));
			ft[i] = res[i]->type;
		}
		ft[nres] = ssa_t_mem;
		ctl = gen_value0(s, OpMakeResult, ssa_type_tuple(ft, nres + 1));
		for (int i = 0; i < nres; i++)
			ssa_value_addarg(ctl, res[i]);
		ssa_value_addarg(ctl, gen_mem(s));
	}
	Block *b = s->b;
	b->kind = BlockRet;
	ssa_block_setcontrol(b, 0, ctl);
	s->b = NULL;
}

/* main.I.M for interface method expressions: (recv I, params...) */
const char *gen_ifacemethodexpr(Gen *s, Type *I, Object *m)
{
	GenPkg *g = s->pkg;
	Buf b = {0};
	typestr_write(&b, I, TS_LINK);
	buf_printf(&b, ".%s", m->name);
	const char *name = arena_strndup(g->arena, b.p, b.n);
	buf_free(&b);
	if (ptrmap_get(&g->wrappers, intern_cstr(name)))
		return name;
	Type *sig = m->type;
	Gen w;
	gen_start(&w, g, name, sig);
	w.f->dupok = true;
	Abi abi = gen_abi(&w.f->arena, sig, I);
	Value *recv = gen_value0(&w, OpArg, gen_type(I));
	recv->aux = ssa_aux(w.f, ".this", 5);
	Value *params[64];
	Type *ptypes[64];
	uint32_t np = sig->sig.params->tuple.n;
	for (uint32_t i = 0; i < np && i < 64; i++) {
		Object *o = sig->sig.params->tuple.vars[i];
		Value *v = gen_paramarg(&w, o, o->type, abi.off[i + 1]);
		params[i] = v;
		ptypes[i] = o->type;
	}
	Value *res[GEN_MAXRES + 1];
	Type *rtypes[GEN_MAXRES + 1];
	int nres = gen_call_values(&w, NULL, recv, I, m, params, ptypes, (int)np, sig, res, rtypes);
	gen_return_values(&w, res, rtypes, nres);
	Func *f = gen_finish(&w);
	ptrmap_put(&g->wrappers, intern_cstr(name), f);
	return name;
}
