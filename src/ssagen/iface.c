/*
 * iface.c — interfaces, as gc's walk lowers them:
 *
 *   - T to interface: the type word is type.T (empty interfaces) or the
 *     itab go.itab.T,I; the data word is the value itself when T is
 *     pointer-shaped (gc's isdirectiface), else a pointer to a copy made
 *     by runtime.convT16/convT32/convT64/convTstring/convTslice/
 *     convTnoptr/convT (gc's choice by size, alignment and pointers);
 *   - interface to interface: I to E takes itab._type; to a non-empty
 *     interface through runtime.convI2I;
 *   - x.(T): the type word against type.T or go.itab.T,I, else
 *     runtime.panicdottypeE/panicdottypeI; x.(I): runtime.assertE2I /
 *     assertI2I (assertE2I2/assertI2I2 in the comma-ok form);
 *   - method calls: InterCall of itab.fun[k] (offset 24 + 8k) with the
 *     data word as the receiver; methods whose receiver is not that word
 *     (value receivers of non-pointer-shaped types, promoted methods) are
 *     reached through wrappers named as gc names them (main.(*T).M),
 *     generated here (gen_wrapper);
 *   - comparisons: type words equal, then runtime.efaceeq/ifaceeq.
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

static bool isempty(Gen *s, Type *t)
{
	return interface_typeset(s->check, under(t))->nmethods == 0;
}

bool gen_isdirect(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_SIGNATURE: return true;
	case TY_BASIC: return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_ARRAY: return u->array.len == 1 && gen_isdirect(u->array.elem);
	case TY_STRUCT: return u->struct_.nfields == 1 && gen_isdirect(u->struct_.fields[0]->type);
	}
	return false;
}

SsaType *gen_ifacetype(Gen *s, Type *t) { (void)s; return gen_type(t); }

/* go.itab.T,I */
static Value *itabaddr(Gen *s, Type *t, Type *iface)
{
	Buf b = {0};
	buf_puts(&b, "go.itab.");
	typestr_write(&b, t, TS_LINK);
	buf_putc(&b, ',');
	typestr_write(&b, iface, TS_LINK);
	Value *v = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	v->aux = ssa_aux(s->f, b.p, b.n);
	GenItab *it = arena_alloc(&s->f->arena, sizeof *it);
	it->type = t;
	it->iface = iface;
	v->aux->obj = it;
	buf_free(&b);
	/* the methods the itab names (wrappers generated as needed) */
	TypeSet *ts = interface_typeset(s->check, under(iface));
	for (uint32_t i = 0; i < ts->nmethods; i++)
		gen_itabsym(s->pkg, t, ts->methods[i], NULL);
	return v;
}

static Value *typeword(Gen *s, Type *t, Type *iface)
{
	if (isempty(s, iface))
		return gen_typeaddr(s, t);
	return itabaddr(s, t, iface);
}

/* the address of a variable of the C runtime */
static Value *runtime_var(Gen *s, const char *sym)
{
	Value *v = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	v->aux = ssa_aux(s->f, sym, strlen(sym));
	return v;
}

/* the data word for a value v of concrete type t */
static Value *dataword(Gen *s, Value *v, Type *t)
{
	if (gen_isdirect(t)) {
		if (gen_ssaable(t))
			return v;
		/* a struct or array of one pointer: its word */
		return gen_value2(s, OpLoad, ssa_t_byteptr, v, gen_mem(s));
	}
	SsaType *st = gen_type(t);
	if (gen_sizeof(t) == 0) /* as gc: every zero-sized value at one address */
		return runtime_var(s, "runtime.zerobase");
	if (gen_ssaable(t) && st->size == 1 && (st->kind == SK_INT || st->kind == SK_UINT)) {
		/* a byte-sized integer: its entry of the runtime's staticuint64s
		 * (little-endian: the byte is the entry's first), as gc's walk */
		Value *w = gen_value1(s, OpZeroExt8to64, ssa_t_uint64, v);
		return gen_ptradd(s, runtime_var(s, "runtime.staticuint64s"), w, 8, ssa_t_byteptr);
	}
	if (gen_ssaable(t)) {
		switch (st->kind) {
		case SK_INT: case SK_UINT:
			if (st->size == 2 && gen_alignof(t) == 2)
				return gen_rtcall1(s, "runtime.convT16", ssa_t_byteptr, 1, v);
			if (st->size == 4)
				return gen_rtcall1(s, "runtime.convT32", ssa_t_byteptr, 1, v);
			if (st->size == 8)
				return gen_rtcall1(s, "runtime.convT64", ssa_t_byteptr, 1, v);
			break;
		case SK_STRING:
			return gen_rtcall1(s, "runtime.convTstring", ssa_t_byteptr, 1, v);
		case SK_SLICE:
			return gen_rtcall1(s, "runtime.convTslice", ssa_t_byteptr, 1, v);
		}
		/* a copy in a temporary, then convTnoptr/convT */
		Value *p = gen_tempaddr(s, t);
		gen_store(s, t, p, v);
		v = p;
	}
	const char *fn = gclayout_ptrdata(t) == 0 ? "runtime.convTnoptr" : "runtime.convT";
	return gen_rtcall1(s, fn, ssa_t_byteptr, 2, gen_typeaddr(s, t), v);
}

Value *gen_convert_iface(Gen *s, Value *v, Type *from, Type *to, Pos pos)
{
	SsaType *it = gen_type(to);
	if (is_untyped(from) && under(from)->kind == TY_BASIC && under(from)->basic.kind == BK_UNTYPED_NIL)
		return gen_zero(s, it);
	if (is_untyped(from))
		gen_unimpl(s, pos, "conversion of an untyped value to an interface");
	if (!is_interface(from)) {
		Value *d = dataword(s, v, from);
		return gen_value2(s, OpIMake, it, typeword(s, from, to), d);
	}
	if (isempty(s, to)) {
		if (isempty(s, from))
			return v->type == it ? v : gen_value2(s, OpIMake, it, gen_value1(s, OpITab, ssa_t_byteptr, v),
								gen_value1(s, OpIData, ssa_t_byteptr, v));
		/* tab == nil ? nil : tab._type */
		Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
		int var = gen_newvar(s, ssa_t_byteptr);
		gen_writevar(s, var, tab);
		Block *load = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
		gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, tab), load, done);
		gen_startblock(s, load, true);
		Value *tp = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_byteptr), tab);
		tp->auxint = 8;
		gen_writevar(s, var, gen_value2(s, OpLoad, ssa_t_byteptr, tp, gen_mem(s)));
		gen_endplain(s, done);
		gen_startblock(s, done, true);
		return gen_value2(s, OpIMake, it, gen_readvar(s, var), gen_value1(s, OpIData, ssa_t_byteptr, v));
	}
	/* to a non-empty interface: convI2I(inter, tab) (tab: nil stays nil) */
	Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
	Value *ntab = gen_rtcall1(s, "runtime.convI2I", ssa_t_byteptr, 2, gen_typeaddr(s, to), tab);
	return gen_value2(s, OpIMake, it, ntab, gen_value1(s, OpIData, ssa_t_byteptr, v));
}

Value *gen_ifaceeq(Gen *s, Type *t, Value *x, Value *y, Pos pos)
{
	(void)pos;
	/* x.tab == y.tab && (x.tab == nil || efaceeq/ifaceeq(x.tab, x.data, y.data)) */
	int var = gen_newvar(s, ssa_t_bool);
	Value *tx = gen_value1(s, OpITab, ssa_t_byteptr, x), *ty = gen_value1(s, OpITab, ssa_t_byteptr, y);
	Value *eq = gen_value2(s, OpEqPtr, ssa_t_bool, tx, ty);
	gen_writevar(s, var, eq);
	Block *cmp = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endif(s, eq, cmp, done);
	gen_startblock(s, cmp, true);
	Value *dx = gen_value1(s, OpIData, ssa_t_byteptr, x), *dy = gen_value1(s, OpIData, ssa_t_byteptr, y);
	Value *r = gen_rtcall1(s, isempty(s, t) ? "runtime.efaceeq" : "runtime.ifaceeq", ssa_t_bool, 3, tx, dx, dy);
	gen_writevar(s, var, r);
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

/* the concrete value of type t held in data word d */
static Value *fromdata(Gen *s, Value *d, Type *t)
{
	if (gen_isdirect(t)) {
		if (gen_ssaable(t))
			return d;
		Value *p = gen_tempaddr(s, t);
		gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, p, d, gen_mem(s)));
		return p;
	}
	if (!gen_ssaable(t))
		return gen_copytemp(s, t, d);
	return gen_value2(s, OpLoad, gen_type(t), d, gen_mem(s));
}

/* the dynamic type word of interface value v (itab._type for non-empty ones; nil stays nil) */
static Value *dyntype(Gen *s, Value *v, Type *xt)
{
	Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
	if (isempty(s, xt))
		return tab;
	int var = gen_newvar(s, ssa_t_byteptr);
	gen_writevar(s, var, tab);
	Block *load = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, tab), load, done);
	gen_startblock(s, load, true);
	Value *tp = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_byteptr), tab);
	tp->auxint = 8;
	gen_writevar(s, var, gen_value2(s, OpLoad, ssa_t_byteptr, tp, gen_mem(s)));
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

/* v (of interface type xt) holds type t: a bool */
Value *gen_hastype(Gen *s, Value *v, Type *xt, Type *t)
{
	bool wrong;
	if (!isempty(s, xt) && missing_method(s->check, t, xt, true, &wrong))
		return gen_constbool(s, false); /* impossible (in an instance of generic code): no itab */
	Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
	return gen_value2(s, OpEqPtr, ssa_t_bool, tab, typeword(s, t, xt));
}

Value *gen_assert(Gen *s, Value *v, Type *xt, Type *t, Value **ok, Pos pos)
{
	SsaType *st = gen_type(t);
	if (is_interface(t)) {
		if (isempty(s, t) && !ok) {
			/* x.(interface{}): panics only for nil */
			Value *tab = dyntype(s, v, xt);
			Block *bad = gen_newblock(s, BlockPlain), *good = gen_newblock(s, BlockPlain);
			gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, tab), good, bad);
			gen_startblock(s, bad, true);
			gen_rtcall1(s, "runtime.panicnildottype", NULL, 1, gen_typeaddr(s, t));
			gen_endexit(s);
			gen_startblock(s, good, true);
			return gen_value2(s, OpIMake, st, tab, gen_value1(s, OpIData, ssa_t_byteptr, v));
		}
		if (isempty(s, t)) {
			Value *tab = dyntype(s, v, xt);
			*ok = gen_value1(s, OpIsNonNil, ssa_t_bool, tab);
			return gen_value2(s, OpIMake, st, tab, gen_value1(s, OpIData, ssa_t_byteptr, v));
		}
		bool fromE = isempty(s, xt);
		if (ok) {
			Value *r = gen_rtcall1(s, fromE ? "runtime.assertE2I2" : "runtime.assertI2I2", st, 2, gen_typeaddr(s, t), v);
			*ok = gen_value1(s, OpIsNonNil, ssa_t_bool, gen_value1(s, OpITab, ssa_t_byteptr, r));
			return r;
		}
		Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
		Value *arg = fromE ? tab : tab;
		Value *ntab = gen_rtcall1(s, fromE ? "runtime.assertE2I" : "runtime.assertI2I", ssa_t_byteptr, 2,
					  gen_typeaddr(s, t), arg);
		return gen_value2(s, OpIMake, st, ntab, gen_value1(s, OpIData, ssa_t_byteptr, v));
	}
	Value *c = gen_hastype(s, v, xt, t);
	if (ok) {
		int var = gen_newvar(s, gen_ssaable(t) ? st : ssa_type_ptrto(st));
		Value *zero;
		if (gen_ssaable(t))
			zero = gen_zero(s, st);
		else
			zero = gen_tempaddr(s, t);
		gen_writevar(s, var, zero);
		*ok = c;
		Block *yes = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
		gen_endif(s, c, yes, done);
		gen_startblock(s, yes, true);
		gen_writevar(s, var, fromdata(s, gen_value1(s, OpIData, ssa_t_byteptr, v), t));
		gen_endplain(s, done);
		gen_startblock(s, done, true);
		return gen_readvar(s, var);
	}
	Block *yes = gen_newblock(s, BlockPlain), *no = gen_newblock(s, BlockPlain);
	Block *b = gen_endif(s, c, yes, no);
	b->likely = 1;
	gen_startblock(s, no, true);
	s->pos = pos;
	Value *have = gen_value1(s, OpITab, ssa_t_byteptr, v);
	if (isempty(s, xt))
		gen_rtcall1(s, "runtime.panicdottypeE", NULL, 3, have, gen_typeaddr(s, t), gen_typeaddr(s, xt));
	else
		gen_rtcall1(s, "runtime.panicdottypeI", NULL, 3, have, gen_typeaddr(s, t), gen_typeaddr(s, xt));
	gen_endexit(s);
	gen_startblock(s, yes, true);
	return fromdata(s, gen_value1(s, OpIData, ssa_t_byteptr, v), t);
}

Value *gen_typeassert(Gen *s, Node *e, Value **ok)
{
	Node *x = e->typeassert.x;
	Type *xt = gen_typeof(s, x);
	Type *t = gen_typeof(s, e);
	Value *v = gen_expr(s, x);
	return gen_assert(s, v, xt, t, ok, node_pos(e));
}

/* index of method m in interface t's method list (the itab's fun[] order) */
static int methodindex(Gen *s, Type *t, const char *name)
{
	TypeSet *ts = interface_typeset(s->check, under(t));
	for (uint32_t i = 0; i < ts->nmethods; i++)
		if (ts->methods[i]->name == name)
			return (int)i;
	return -1;
}

int gen_intercall(Gen *s, Node *call, Node *x, Object *m, Type *sig, Value **res, Type **restypes, int max)
{
	Type *xt = gen_typeof(s, x);
	int k = methodindex(s, xt, m->name);
	if (k < 0)
		ice(node_pos(call), "ssagen", "method %s not in interface", m->name);
	Value *v = gen_expr(s, x);
	Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, v);
	Value *data = gen_value1(s, OpIData, ssa_t_byteptr, v);
	return gen_call_indirect(s, call, xt, tab, k, data, sig, res, restypes, max);
}

/* ---- wrappers ---- */

/* The receiver of method m (found on type xt by lookup l) from value x of
 * type xt: follows embedded fields, dereferences as needed.  x is the
 * value (memory types: its address). */
Value *gen_recvfrom(Gen *s, Value *x, Type *xt, const int *idx, int n, Type *rt)
{
	bool wantptr = under(rt)->kind == TY_POINTER;
	Type *t = xt;
	Value *addr;
	if (under(xt)->kind == TY_POINTER) {
		t = under(xt)->pointer.elem;
		if (n <= 1) {
			if (wantptr)
				return x;
			return gen_copytemp(s, rt, gen_load(s, rt, gen_nilcheck(s, x)));
		}
		addr = gen_nilcheck(s, x);
	} else {
		if (n <= 1)
			return x;
		addr = gen_ssaable(xt) ? NULL : x;
		if (!addr)
			ice(s->pos, "ssagen", "promoted method through an SSA value");
	}
	Value *fa = gen_fieldpath(s, addr, &t, idx, n - 1);
	if (under(t)->kind == TY_POINTER) {
		Value *pv = gen_value2(s, OpLoad, gen_type(t), fa, gen_mem(s));
		if (wantptr)
			return pv;
		return gen_copytemp(s, rt, gen_load(s, rt, gen_nilcheck(s, pv)));
	}
	if (wantptr)
		return fa;
	return gen_copytemp(s, rt, gen_load(s, rt, fa));
}

/* the symbol of method name (of package pkg) called with a receiver of
 * type R: the method itself, or a wrapper (generated once) when the
 * method is promoted or declared on the value type; NULL if none */
const char *gen_methodsym(GenPkg *g, Type *R, TPackage *pkg, const char *mname, Func **wrapper)
{
	Lookup l = lookup_field_or_method(g->arena, R, false, pkg, mname);
	if (wrapper)
		*wrapper = NULL;
	if (!l.obj || l.obj->kind != OBJ_FUNC)
		return NULL;
	Buf b = {0};
	typestr_methodsym(&b, R, l.obj);
	const char *real = gen_funcsym(g, l.obj);
	/* package runtime's body-less methods are C (docs/abi.md): method
	 * tables and method expressions, entered with ABI0, name a DUPOK
	 * wrapper, runtime.(*T).M-abi0, that calls it.  Its name is the same
	 * in every package: a type descriptor kept from one package's entry
	 * and an itab from another's name one symbol (the linker's dead-code
	 * pass keeps an itab's method through the type's method table). */
	bool cmethod = l.obj->pkg && strcmp(l.obj->pkg->path, "runtime") == 0 && gen_funcabi(g, l.obj) != AUX_ABI_GO;
	if (cmethod && b.n == strlen(real) && memcmp(b.p, real, b.n) == 0)
		buf_puts(&b, "-abi0");
	buf_putc(&b, 0);
	const char *name = arena_strndup(g->arena, b.p, b.n - 1);
	buf_free(&b);
	if (strcmp(name, real) == 0)
		return real;
	if (ptrmap_get(&g->wrappers, intern_cstr(name)))
		return name;
	Func *w = gen_wrapper(g, R, l.obj, &l, name);
	ptrmap_put(&g->wrappers, intern_cstr(name), w);
	if (wrapper)
		*wrapper = w;
	return name;
}

const char *ssagen_method(GenPkg *g, Type *recv, Object *m)
{
	const char *name = gen_methodsym(g, recv, m->pkg, m->name, NULL);
	gen_drain(g); /* a method of an instance, and what it instantiates */
	return name;
}

const char *gen_itabsym(GenPkg *g, Type *t, Object *im, Func **wrapper)
{
	/* the receiver the itab passes: the value itself when t is
	 * pointer-shaped, else a pointer to the boxed copy */
	Type *R = gen_isdirect(t) ? t : new_pointer(g->arena, t);
	return gen_methodsym(g, R, im->pkg, im->name, wrapper);
}

/* ---- method values and expressions ---- */

/* T.M-fm / I.M-fm: the code of a method value's closure {F, receiver} */
static const char *fmfunc(Gen *s, Type *rt, Object *m, bool iface)
{
	GenPkg *g = s->pkg;
	Buf b = {0};
	if (iface) {
		typestr_write(&b, rt, TS_LINK);
		buf_printf(&b, ".%s", m->name);
	} else
		typestr_methodsym(&b, rt, m);
	buf_puts(&b, "-fm");
	const char *name = arena_strndup(g->arena, b.p, b.n);
	buf_free(&b);
	if (ptrmap_get(&g->wrappers, intern_cstr(name)))
		return name;
	Type *sig = m->type;
	Gen w;
	gen_start(&w, g, name, sig);
	w.f->dupok = true;
	w.pos = s->pos;
	Abi abi = gen_abi(&w.f->arena, sig, NULL);
	Value *ctx = gen_value0(&w, OpGetClosurePtr, ssa_t_byteptr);
	Value *rp = gen_value1(&w, OpOffPtr, ssa_type_ptrto(gen_type(rt)), ctx);
	rp->auxint = 8;
	Value *recv = gen_load(&w, rt, rp);
	Value *res[GEN_MAXRES + 1];
	Type *rtypes[GEN_MAXRES + 1];
	int nres;
	Value *params[64];
	Type *ptypes[64];
	uint32_t np = sig->sig.params->tuple.n;
	for (uint32_t i = 0; i < np && i < 64; i++) {
		Object *o = sig->sig.params->tuple.vars[i];
		Value *v = gen_paramarg(&w, o, o->type, abi.off[i]);
		params[i] = v;
		ptypes[i] = o->type;
	}
	nres = gen_call_values(&w, iface ? NULL : m, recv, rt, iface ? m : NULL, params, ptypes, (int)np, sig, res, rtypes);
	gen_return_values(&w, res, rtypes, nres);
	Func *f = gen_finish(&w);
	ptrmap_put(&g->wrappers, intern_cstr(name), f);
	return name;
}

Value *gen_methodvalue(Gen *s, Node *sel)
{
	Node *x = sel->selector.x;
	TypeAndValue *xtv = gen_tv(s, x);
	Object *m = ptrmap_get(&s->check->info.uses, sel->selector.sel);
	Type *ft = gen_typeof(s, sel);
	if (xtv && xtv->mode == MODE_TYPEXPR) {
		/* method expression T.M: a function taking the receiver first */
		Type *R = xtv->type;
		const char *sym;
		if (is_interface(R)) {
			sym = gen_ifacemethodexpr(s, R, m);
		} else
			sym = gen_methodsym(s->pkg, R, m->pkg, m->name, NULL);
		if (!sym)
			ice(node_pos(sel), "ssagen", "method expression without a method");
		Buf b = {0};
		buf_printf(&b, "%s·f", sym);
		Value *v = gen_value1(s, OpAddr, gen_type(ft), s->sb);
		v->aux = ssa_aux(s->f, b.p, b.n);
		buf_free(&b);
		return v;
	}
	Type *xt = gen_typeof(s, x);
	Lookup l = lookup_field_or_method(s->scratch, xt, true, m->pkg, m->name);
	bool iface = is_interface(xt) && l.nindex <= 1;
	Type *rt;
	Value *recv;
	if (iface) {
		rt = xt;
		recv = gen_expr(s, x);
		/* gc evaluates the nil check at the method value */
		gen_nilcheck(s, gen_value1(s, OpITab, ssa_t_byteptr, recv));
	} else {
		rt = l.obj->type->sig.recv->type;
		if (under(xt)->kind != TY_POINTER && under(rt)->kind == TY_POINTER && l.nindex <= 1)
			recv = gen_addr(s, x); /* &x for a pointer method of an addressable x */
		else {
			Value *xv = under(xt)->kind == TY_POINTER || gen_ssaable(xt) ? gen_expr(s, x) : gen_addr(s, x);
			recv = gen_recvfrom(s, xv, xt, l.index, (int)l.nindex, rt);
		}
		m = l.obj;
		if (is_interface(rt)) { /* promoted from an embedded interface */
			iface = true;
			gen_nilcheck(s, gen_value1(s, OpITab, ssa_t_byteptr, recv));
		}
	}
	const char *code = fmfunc(s, rt, m, iface);
	Arena *a = s->check->arena;
	Object **fields = arena_alloc(a, 2 * sizeof *fields);
	fields[0] = new_field(a, NoPos, s->pkg->pkg, intern_cstr("F"), typ_basic[BK_UINTPTR], false);
	fields[1] = new_field(a, NoPos, s->pkg->pkg, intern_cstr("R"), rt, false);
	Type *rec = new_struct(a, fields, NULL, 2);
	Value *p = gen_newobj(s, rec);
	Value *cv = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	cv->aux = ssa_aux(s->f, code, strlen(code));
	gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, p, cv, gen_mem(s)));
	Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(rt)), p);
	q->auxint = gen_fieldoff(rec, 1);
	gen_store(s, rt, q, recv);
	return gen_value1(s, OpCopy, gen_type(ft), p);
}

/* the embedded interface value at the end of the field path idx[0..n-1)
 * from x (of type xt: a pointer, or a struct given by its address) */
Value *gen_embedded_iface(Gen *s, Value *x, Type *xt, const int *idx, int n, Type **it)
{
	Type *t = xt;
	Value *addr = x;
	if (under(xt)->kind == TY_POINTER) {
		t = under(xt)->pointer.elem;
		addr = gen_nilcheck(s, x);
	}
	Value *fa = gen_fieldpath(s, addr, &t, idx, n - 1);
	*it = t;
	return gen_load(s, t, fa);
}
