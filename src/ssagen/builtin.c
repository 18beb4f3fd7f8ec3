/*
 * builtin.c — the predeclared functions, lowered as gc's walk does:
 * print/println as printlock, one runtime.print* call per argument (with
 * println's spaces and newline, runs of constant strings merged into
 * one), printunlock, all arguments evaluated first; append inline with
 * runtime.growslice when the capacity is exceeded; copy through
 * runtime.memmove; make of slices through runtime.makeslice; new through
 * runtime.newobject; panic through runtime.gopanic.
 */
#include "ssagen.h"

static Type *typeof_(Gen *s, Node *e) { return gen_typeof(s, e); }
static Value *copy_values(Gen *s, Type *dt, Type *st, Value *d, Value *src);

/* ---- print ---- */

typedef struct PArg {
	Value *v;
	Type *t;
	const char *str; /* a constant string (merged) */
	size_t len;
	Buf buf;
} PArg;

static void printval(Gen *s, Value *v, Type *t)
{
	Type *u = under(t);
	const char *fn = NULL;
	switch (u->kind) {
	case TY_INTERFACE:
		fn = interface_typeset(s->check, u)->nmethods == 0 ? "runtime.printeface" : "runtime.printiface";
		break;
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_SIGNATURE:
		fn = "runtime.printpointer";
		break;
	case TY_SLICE:
		fn = "runtime.printslice";
		break;
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_UINT: case BK_UINT8: case BK_UINT16: case BK_UINT32: case BK_UINT64: case BK_UINTPTR:
			fn = "runtime.printuint";
			v = gen_to64(s, v, t);
			break;
		case BK_INT: case BK_INT8: case BK_INT16: case BK_INT32: case BK_INT64:
		case BK_UNTYPED_INT: case BK_UNTYPED_RUNE:
			fn = "runtime.printint";
			v = gen_to64(s, v, t);
			break;
		case BK_FLOAT32: case BK_FLOAT64: case BK_UNTYPED_FLOAT:
			fn = "runtime.printfloat";
			if (v->type->size == 4)
				v = gen_value1(s, OpCvt32Fto64F, ssa_t_float64, v);
			break;
		case BK_COMPLEX64: case BK_COMPLEX128: case BK_UNTYPED_COMPLEX:
			fn = "runtime.printcomplex";
			if (v->type->size == 8)
				v = numconvx(s, v, v->type, ssa_type("complex128"));
			break;
		case BK_BOOL: case BK_UNTYPED_BOOL:
			fn = "runtime.printbool";
			break;
		case BK_STRING: case BK_UNTYPED_STRING:
			fn = "runtime.printstring";
			break;
		case BK_UNSAFE_POINTER:
			fn = "runtime.printpointer";
			break;
		}
		break;
	}
	if (!fn)
		gen_unimpl(s, 0, "print of this type");
	gen_rtcall(s, fn, &v, 1, NULL, 0, NULL);
}

/* evaluates print's arguments: constant strings stay constants (merged
 * at emission), the rest values converted as gc's walk does; *n gets the
 * count (pa has room for 2 * args + 2) */
static void print_eval(Gen *s, Node *call, bool ln, PArg *pa, int *n, bool perarg)
{
	List args = call->call.args;
	int np = 0;
	Type *at = args.n == 1 ? typeof_(s, args.v[0]) : NULL;
	if (at && at->kind == TY_TUPLE) { /* print(f()) with f multi-valued */
		Value *res[GEN_MAXRES + 1];
		Type *rt[GEN_MAXRES + 1];
		int nr = gen_call(s, gen_unparen(args.v[0]), res, rt, GEN_MAXRES);
		for (int i = 0; i < nr; i++) {
			if (ln && i > 0)
				pa[np++] = (PArg){.str = " ", .len = 1};
			pa[np].v = res[i];
			pa[np++].t = rt[i];
		}
		if (ln)
			pa[np++] = (PArg){.str = "\n", .len = 1};
		*n = np;
		return;
	}
	for (uint32_t i = 0; i < args.n; i++) {
		if (ln && i > 0)
			pa[np++] = (PArg){.str = " ", .len = 1};
		Node *e = args.v[i];
		TypeAndValue *tv = gen_tv(s, e);
		Type *t = typeof_(s, e);
		if (tv && tv->mode == MODE_CONSTANT && const_kind(tv->val) == CONST_STRING) {
			size_t len;
			const char *p = const_string_val(tv->val, &len);
			pa[np++] = (PArg){.str = p, .len = len};
			continue;
		}
		if (t && is_untyped(t)) {
			Type *d = type_default(t);
			if (tv && tv->mode == MODE_CONSTANT && (const_kind(tv->val) == CONST_INT))
				d = typ_basic[BK_INT64];
			t = d;
		}
		if (perarg)
			gen_hoist(s, e);
		pa[np].v = gen_exprto(s, e, t);
		pa[np++].t = t;
	}
	if (ln)
		pa[np++] = (PArg){.str = "\n", .len = 1};
	*n = np;
}

static void print_emit(Gen *s, PArg *pa, int np, Pos pos)
{
	/* merge runs of constant strings */
	int m = 0;
	for (int i = 0; i < np;) {
		if (!pa[i].str) {
			pa[m++] = pa[i++];
			continue;
		}
		Buf b = {0};
		while (i < np && pa[i].str) {
			buf_put(&b, pa[i].str, pa[i].len);
			i++;
		}
		pa[m] = (PArg){.str = b.p ? b.p : "", .len = b.n, .buf = b};
		m++;
	}
	s->pos = pos;
	gen_rtcall(s, "runtime.printlock", NULL, 0, NULL, 0, NULL);
	for (int i = 0; i < m; i++) {
		if (pa[i].str) {
			const char *fn = "runtime.printstring";
			if (pa[i].len == 1 && pa[i].str[0] == ' ')
				fn = "runtime.printsp";
			else if (pa[i].len == 1 && pa[i].str[0] == '\n')
				fn = "runtime.printnl";
			if (strcmp(fn, "runtime.printstring") == 0) {
				Value *v = gen_conststring(s, pa[i].str, pa[i].len);
				gen_rtcall(s, fn, &v, 1, NULL, 0, NULL);
			} else
				gen_rtcall(s, fn, NULL, 0, NULL, 0, NULL);
			buf_free(&pa[i].buf);
			continue;
		}
		printval(s, pa[i].v, pa[i].t);
	}
	gen_rtcall(s, "runtime.printunlock", NULL, 0, NULL, 0, NULL);
}

static void print_builtin(Gen *s, Node *call, bool ln)
{
	PArg *pa = xcalloc(2 * (call->call.args.n + 16) + 2, sizeof *pa); /* room for print(f()) */
	int np;
	print_eval(s, call, ln, pa, &np, false);
	print_emit(s, pa, np, node_pos(call));
	free(pa);
}

/* defer/go of a builtin: its arguments evaluated now, into a closure
 * record {F, values...}; the wrapper makes the call */
Value *gen_builtin_record(Gen *s, Node *call, int id, const char *wrapname)
{
	List args = call->call.args;
	PArg *pa = xcalloc(2 * (args.n + 16) + 2, sizeof *pa);
	int np = 0;
	Pos pos = node_pos(call);
	/* go/defer: each argument evaluated in turn, calls within it first
	 * (gc: an assignment to a temporary per argument) */
	bool perarg = s->argorder;
	s->argorder = false;
	if (perarg && id != BUILTIN_PRINT && id != BUILTIN_PRINTLN)
		for (uint32_t i = 0; i < args.n; i++)
			gen_hoist(s, args.v[i]);
	switch (id) {
	case BUILTIN_PRINT: case BUILTIN_PRINTLN:
		print_eval(s, call, id == BUILTIN_PRINTLN, pa, &np, perarg);
		break;
	case BUILTIN_PANIC:
		pa[0].v = gen_exprto(s, args.v[0], typ_any);
		pa[0].t = typ_any;
		np = 1;
		break;
	case BUILTIN_DELETE: {
		Type *mt = typeof_(s, args.v[0]);
		pa[0].v = gen_expr(s, args.v[0]);
		pa[0].t = mt;
		pa[1].v = gen_exprto(s, args.v[1], under(mt)->map.key);
		pa[1].t = under(mt)->map.key;
		np = 2;
		break;
	}
	case BUILTIN_RECOVER:
		/* gc: the frame argument of gorecover is this function's,
		 * taken now: `defer recover()` recovers when this function is
		 * the deferred call a panic runs (docs/abi.md) */
		pa[0].v = gen_rtcall1(s, "runtime.recoverframe", ssa_t_uintptr, 0);
		pa[0].t = typ_basic[BK_UINTPTR];
		np = 1;
		break;
	case BUILTIN_CLOSE:
		pa[0].v = gen_expr(s, args.v[0]);
		pa[0].t = typeof_(s, args.v[0]);
		np = 1;
		break;
	case BUILTIN_COPY:
		for (int i = 0; i < 2; i++) {
			pa[i].t = typeof_(s, args.v[i]);
			if (is_untyped(pa[i].t))
				pa[i].t = type_default(pa[i].t);
			pa[i].v = gen_exprto(s, args.v[i], pa[i].t);
		}
		np = 2;
		break;
	default: {
		char what[64];
		snprintf(what, sizeof what, "deferred builtin %s", id >= 0 ? builtin_names[id] : "?");
		gen_unimpl(s, pos, what);
	}
	}
	Arena *ar = s->check->arena;
	Object **fields = arena_alloc(ar, (size_t)(np + 1) * sizeof *fields);
	int *slot = xcalloc((size_t)np + 1, sizeof *slot);
	int nf = 0;
	fields[nf++] = new_field(ar, NoPos, s->pkg->pkg, intern_cstr("F"), typ_basic[BK_UINTPTR], false);
	for (int i = 0; i < np; i++) {
		if (pa[i].str)
			continue;
		char nm[16];
		snprintf(nm, sizeof nm, "a%d", i);
		slot[i] = nf;
		fields[nf++] = new_field(ar, NoPos, s->pkg->pkg, intern_cstr(nm), pa[i].t, false);
	}
	Type *rec = new_struct(ar, fields, NULL, (uint32_t)nf);
	Value *r = gen_newobj(s, rec);
	Value *code = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	code->aux = ssa_aux(s->f, wrapname, strlen(wrapname));
	gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, r, code, gen_mem(s)));
	for (int i = 0; i < np; i++) {
		if (pa[i].str)
			continue;
		Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(pa[i].t)), r);
		q->auxint = gen_fieldoff(rec, slot[i]);
		gen_store(s, pa[i].t, q, pa[i].v);
	}
	Gen w;
	Type *wsig = new_signature(ar, NULL, typ_empty_tuple, typ_empty_tuple, false);
	gen_start(&w, s->pkg, wrapname, wsig);
	w.pos = pos;
	Value *ctx = gen_value0(&w, OpGetClosurePtr, ssa_t_byteptr);
	for (int i = 0; i < np; i++) {
		if (pa[i].str)
			continue;
		Value *q = gen_value1(&w, OpOffPtr, ssa_type_ptrto(gen_type(pa[i].t)), ctx);
		q->auxint = gen_fieldoff(rec, slot[i]);
		pa[i].v = gen_copytemp(&w, pa[i].t, gen_load(&w, pa[i].t, q));
	}
	switch (id) {
	case BUILTIN_PRINT: case BUILTIN_PRINTLN:
		print_emit(&w, pa, np, pos);
		break;
	case BUILTIN_PANIC:
		gen_rtcall(&w, "runtime.gopanic", &pa[0].v, 1, NULL, 0, NULL);
		gen_endexit(&w);
		break;
	case BUILTIN_DELETE:
		gen_mapdelete(&w, pa[0].t, pa[0].v, pa[1].v);
		break;
	case BUILTIN_CLOSE:
		gen_rtcall1(&w, "runtime.closechan", NULL, 1, pa[0].v);
		break;
	case BUILTIN_COPY:
		copy_values(&w, pa[0].t, pa[1].t, pa[0].v, pa[1].v);
		break;
	case BUILTIN_RECOVER:
		gen_rtcall1(&w, "runtime.gorecoverframe", gen_type(typ_any), 1, pa[0].v);
		break;
	}
	if (!gen_dead(&w))
		gen_return_values(&w, NULL, NULL, 0);
	gen_finish(&w);
	free(slot);
	free(pa);
	return r;
}

/* ---- slices ---- */

static Value *append_builtin(Gen *s, Node *call)
{
	List args = call->call.args;
	Type *st = typeof_(s, call);
	Type *et = under(st)->slice.elem;
	SsaType *sst = gen_type(st), *pt = ssa_type_ptrto(gen_type(et));
	int64_t es = gen_sizeof(et);
	bool spread = call->call.ellipsis != 0;
	Value *sl, *r1[GEN_MAXRES + 1] = {0};
	Type *t1[GEN_MAXRES + 1];
	int nr1 = 0, nvals;
	if (args.n == 1 && !spread && gen_typeof(s, args.v[0])->kind == TY_TUPLE) {
		/* append(f()): the results are the operands (gc's rewrite to
		 * t1, t2 := f(); append(t1, t2)) */
		nr1 = gen_call(s, gen_unparen(args.v[0]), r1, t1, GEN_MAXRES);
		sl = gen_convert(s, r1[0], t1[0], st, node_pos(call));
		nvals = nr1 - 1;
	} else {
		sl = gen_exprto(s, args.v[0], st);
		nvals = spread ? 0 : (int)args.n - 1;
	}
	Value **vals = xcalloc((size_t)nvals + 1, sizeof *vals);
	Value *src = NULL, *srcptr = NULL, *n;
	if (nr1) {
		for (int i = 0; i < nvals; i++)
			vals[i] = gen_copytemp(s, et, gen_convert(s, r1[i + 1], t1[i + 1], et, node_pos(call)));
		n = gen_constint(s, ssa_t_int, nvals);
	} else if (spread) {
		Type *at = typeof_(s, args.v[1]);
		src = gen_expr(s, args.v[1]);
		if (under(at)->kind == TY_BASIC || (is_untyped(at))) {
			srcptr = gen_value1(s, OpStringPtr, ssa_t_byteptr, src);
			n = gen_value1(s, OpStringLen, ssa_t_int, src);
		} else {
			srcptr = gen_value1(s, OpSlicePtr, pt, src);
			n = gen_value1(s, OpSliceLen, ssa_t_int, src);
		}
	} else {
		for (int i = 0; i < nvals; i++)
			vals[i] = gen_copytemp(s, et, gen_exprto(s, args.v[i + 1], et));
		n = gen_constint(s, ssa_t_int, nvals);
	}
	s->pos = node_pos(call);
	int vptr = gen_newvar(s, pt), vcap = gen_newvar(s, ssa_t_int);
	Value *ptr = gen_value1(s, OpSlicePtr, pt, sl);
	Value *len = gen_value1(s, OpSliceLen, ssa_t_int, sl);
	Value *cap = gen_value1(s, OpSliceCap, ssa_t_int, sl);
	Value *newlen = gen_value2(s, OpAdd64, ssa_t_int, len, n);
	gen_writevar(s, vptr, ptr);
	gen_writevar(s, vcap, cap);
	Value *over = gen_value2(s, OpLess64U, ssa_t_bool, cap, newlen);
	Block *grow = gen_newblock(s, BlockPlain), *assign = gen_newblock(s, BlockPlain);
	Block *b = gen_endif(s, over, grow, assign);
	b->likely = -1;
	gen_startblock(s, grow, true);
	Value *ta = gen_typeaddr(s, et);
	Value *r = gen_rtcall1(s, "runtime.growslice", sst, 3, ta, sl, newlen);
	gen_writevar(s, vptr, gen_value1(s, OpSlicePtr, pt, r));
	gen_writevar(s, vcap, gen_value1(s, OpSliceCap, ssa_t_int, r));
	gen_endplain(s, assign);
	gen_startblock(s, assign, true);
	ptr = gen_readvar(s, vptr);
	cap = gen_readvar(s, vcap);
	if (spread) {
		Value *dst = gen_ptradd(s, ptr, len, es, pt);
		Value *bytes = es == 1 ? n : gen_value2(s, OpMul64, ssa_t_int, n, gen_constint(s, ssa_t_int, es));
		gen_rtcall1(s, gen_memmovefn(et), NULL, 3, dst, srcptr, bytes);
	} else {
		for (int i = 0; i < nvals; i++) {
			Value *idx = gen_value2(s, OpAdd64, ssa_t_int, len, gen_constint(s, ssa_t_int, i));
			gen_store(s, et, gen_ptradd(s, ptr, idx, es, pt), vals[i]);
		}
	}
	free(vals);
	return gen_value3(s, OpSliceMake, sst, ptr, newlen, cap);
}

/* copy(d, src): d of slice type dt, src of type st (a slice or string) */
static Value *copy_values(Gen *s, Type *dt, Type *st, Value *d, Value *src)
{
	Type *et = under(dt)->slice.elem;
	Value *dl = gen_value1(s, OpSliceLen, ssa_t_int, d);
	Value *sp, *sl;
	if (under(st)->kind == TY_BASIC) {
		sp = gen_value1(s, OpStringPtr, ssa_t_byteptr, src);
		sl = gen_value1(s, OpStringLen, ssa_t_int, src);
	} else {
		sp = gen_value1(s, OpSlicePtr, ssa_t_byteptr, src);
		sl = gen_value1(s, OpSliceLen, ssa_t_int, src);
	}
	Value *less = gen_value2(s, OpLess64, ssa_t_bool, dl, sl);
	Value *n = gen_value3(s, OpCondSelect, ssa_t_int, dl, sl, less);
	int64_t es = gen_sizeof(et);
	Value *bytes = es == 1 ? n : gen_value2(s, OpMul64, ssa_t_int, n, gen_constint(s, ssa_t_int, es));
	Value *dp = gen_value1(s, OpSlicePtr, ssa_t_byteptr, d);
	gen_rtcall1(s, gen_memmovefn(et), NULL, 3, dp, sp, bytes);
	return n;
}

static Value *copy_builtin(Gen *s, Node *call)
{
	List args = call->call.args;
	if (args.n == 1) { /* copy(f()), f returning the two operands */
		Value *vals[GEN_MAXRES + 1];
		Type *types[GEN_MAXRES + 1];
		gen_call(s, gen_unparen(args.v[0]), vals, types, GEN_MAXRES);
		s->pos = node_pos(call);
		return copy_values(s, types[0], types[1], vals[0], vals[1]);
	}
	Type *dt = typeof_(s, args.v[0]), *st = typeof_(s, args.v[1]);
	Value *d = gen_expr(s, args.v[0]), *src = gen_expr(s, args.v[1]);
	s->pos = node_pos(call);
	return copy_values(s, dt, st, d, src);
}

static Value *make_builtin(Gen *s, Node *call)
{
	List args = call->call.args;
	Type *t = typeof_(s, call);
	Type *u = under(t);
	if (u->kind == TY_MAP)
		return gen_makemap(s, t, args.n > 1 ? args.v[1] : NULL, call);
	if (u->kind == TY_CHAN)
		return gen_makechan(s, t, args.n > 1 ? args.v[1] : NULL);
	Value *len = gen_exprto(s, args.v[1], typ_basic[BK_INT]);
	Value *cap = args.n > 2 ? gen_exprto(s, args.v[2], typ_basic[BK_INT]) : len;
	Type *lt = typeof_(s, args.v[1]);
	if (lt && !is_untyped(lt) && gen_sizeof(lt) < 8)
		len = gen_to64(s, gen_expr(s, args.v[1]), lt);
	s->pos = node_pos(call);
	/* constant sizes the analysis keeps in the frame: an array there */
	TypeAndValue *ltv = gen_tv(s, args.v[1]), *ctv = args.n > 2 ? gen_tv(s, args.v[2]) : ltv;
	if (gen_onstack(s, call) && ltv && ltv->mode == MODE_CONSTANT && ctv && ctv->mode == MODE_CONSTANT &&
	    len->op == OpConst64 && cap->op == OpConst64 && len->auxint >= 0 && len->auxint <= cap->auxint &&
	    cap->auxint * gen_sizeof(u->slice.elem) <= 64 * 1024) {
		Type *at = new_array(s->check->arena, u->slice.elem, cap->auxint);
		Value *p = gen_tempaddr(s, at);
		return gen_value3(s, OpSliceMake, gen_type(t), p, len, cap);
	}
	Value *ta = gen_typeaddr(s, u->slice.elem);
	SsaType *pt = ssa_type_ptrto(gen_type(u->slice.elem));
	Value *p = gen_rtcall1(s, "runtime.makeslice", pt, 3, ta, len, cap);
	return gen_value3(s, OpSliceMake, gen_type(t), p, len, cap);
}

/* unsafe.Sizeof(x), Alignof(x), Offsetof(x.f) in an instance (x is not
 * evaluated) */
static int64_t unsafe_const(Gen *s, int id, Node *x)
{
	if (id == BUILTIN_SIZEOF)
		return gen_sizeof(typeof_(s, x));
	if (id == BUILTIN_ALIGNOF)
		return gen_alignof(typeof_(s, x));
	if (x->kind != N_SelectorExpr)
		gen_unimpl(s, node_pos(x), "Offsetof of this expression");
	Type *t = typeof_(s, x->selector.x);
	Object *sel = ptrmap_get(&s->check->info.uses, x->selector.sel);
	if (!sel)
		gen_unimpl(s, node_pos(x), "Offsetof of this expression");
	Lookup l = lookup_field_or_method(s->scratch, t, false, sel->pkg, sel->name);
	int64_t off = 0;
	for (uint32_t i = 0; i < l.nindex; i++) {
		Type *u = under(t);
		if (u->kind == TY_POINTER) /* x itself a pointer: x.f is (*x).f */
			u = under(u->pointer.elem);
		off += gen_fieldoff(u, l.index[i]);
		t = u->struct_.fields[l.index[i]]->type;
	}
	return off;
}

int gen_builtin(Gen *s, Node *call, int id, Value **res, int max)
{
	(void)max;
	List args = call->call.args;
	Pos pos = node_pos(call);
	switch (id) {
	case BUILTIN_PRINT: case BUILTIN_PRINTLN:
		print_builtin(s, call, id == BUILTIN_PRINTLN);
		return 0;
	case BUILTIN_LEN: case BUILTIN_CAP: {
		Node *x = args.v[0];
		Type *t = typeof_(s, x);
		Type *u = under(t);
		if (u->kind == TY_POINTER)
			u = under(u->pointer.elem);
		if (u->kind == TY_ARRAY) {
			gen_expr(s, x); /* not constant: x has calls or receives */
			res[0] = gen_constint(s, ssa_t_int, u->array.len);
			return 1;
		}
		Value *v = gen_expr(s, x);
		s->pos = pos;
		if (u->kind == TY_BASIC)
			res[0] = gen_value1(s, OpStringLen, ssa_t_int, v);
		else if (u->kind == TY_SLICE)
			res[0] = gen_value1(s, id == BUILTIN_LEN ? OpSliceLen : OpSliceCap, ssa_t_int, v);
		else if (u->kind == TY_MAP && id == BUILTIN_LEN)
			res[0] = gen_maplen(s, v);
		else if (u->kind == TY_CHAN)
			res[0] = gen_chanlen(s, v, id == BUILTIN_CAP);
		else
			gen_unimpl(s, pos, id == BUILTIN_LEN ? "len of a map or channel" : "cap of a channel");
		return 1;
	}
	case BUILTIN_SIZEOF: case BUILTIN_ALIGNOF: case BUILTIN_OFFSETOF:
		/* constant unless of a type parameter's type (an instance: now known) */
		res[0] = gen_constint(s, ssa_t_uintptr, unsafe_const(s, id, gen_unparen(args.v[0])));
		return 1;
	case BUILTIN_APPEND:
		res[0] = append_builtin(s, call);
		return 1;
	case BUILTIN_COPY:
		res[0] = copy_builtin(s, call);
		return 1;
	case BUILTIN_MAKE:
		res[0] = make_builtin(s, call);
		return 1;
	case BUILTIN_NEW: {
		Type *pt = typeof_(s, call);
		res[0] = gen_alloc(s, call, under(pt)->pointer.elem);
		return 1;
	}
	case BUILTIN_PANIC: {
		Value *v = gen_exprto(s, args.v[0], typ_any);
		s->pos = pos;
		gen_rtcall(s, "runtime.gopanic", &v, 1, NULL, 0, NULL);
		gen_endexit(s);
		return 0;
	}
	case BUILTIN_CLOSE: {
		Value *c = gen_expr(s, args.v[0]);
		s->pos = pos;
		gen_rtcall1(s, "runtime.closechan", NULL, 1, c);
		return 0;
	}
	case BUILTIN_DELETE: {
		Type *mt;
		Value *m, *k;
		if (args.n == 1) { /* delete(f()), f returning the map and the key */
			Value *vals[GEN_MAXRES + 1];
			Type *types[GEN_MAXRES + 1];
			gen_call(s, gen_unparen(args.v[0]), vals, types, GEN_MAXRES);
			mt = types[0];
			m = vals[0];
			k = gen_convert(s, vals[1], types[1], under(mt)->map.key, pos);
		} else {
			mt = typeof_(s, args.v[0]);
			m = gen_expr(s, args.v[0]);
			k = gen_exprto(s, args.v[1], under(mt)->map.key);
		}
		s->pos = pos;
		gen_mapdelete(s, mt, m, k);
		return 0;
	}
	case BUILTIN_RECOVER:
		/* gc: gorecover(argp), argp the caller's argument pointer (the
		 * runtime checks that the caller is a deferred call); here the SP
		 * value stands for it */
		res[0] = gen_rtcall1(s, "runtime.gorecover", gen_type(typ_any), 1, s->sp);
		return 1;
	case BUILTIN_ADD: { /* unsafe.Add(p, n): p + n, n of any integer type */
		Value *p = gen_expr(s, args.v[0]);
		Value *n = gen_exprto(s, args.v[1], typ_basic[BK_INT]);
		res[0] = gen_value2(s, OpAddPtr, p->type, p, n);
		return 1;
	}
	case BUILTIN_SLICE: { /* unsafe.Slice(p, n): runtime.unsafeslice checks n */
		Type *t = typeof_(s, call);
		Value *p = gen_expr(s, args.v[0]);
		Value *n = gen_exprto(s, args.v[1], typ_basic[BK_INT]);
		s->pos = pos;
		gen_rtcall1(s, "runtime.unsafeslice", NULL, 3, gen_typeaddr(s, under(t)->slice.elem), p, n);
		res[0] = gen_value3(s, OpSliceMake, gen_type(t), p, n, n);
		return 1;
	}
	case BUILTIN_COMPLEX: {
		Type *t = typeof_(s, call);
		if (is_untyped(t))
			t = type_default(t);
		Type *ft = typ_basic[gen_sizeof(t) == 8 ? BK_FLOAT32 : BK_FLOAT64];
		Value *re, *im;
		if (args.n == 1) { /* complex(f()) */
			Value *r2[GEN_MAXRES + 1];
			Type *t2[GEN_MAXRES + 1];
			gen_call(s, gen_unparen(args.v[0]), r2, t2, GEN_MAXRES);
			re = gen_convert(s, r2[0], t2[0], ft, pos);
			im = gen_convert(s, r2[1], t2[1], ft, pos);
		} else {
			re = gen_exprto(s, args.v[0], ft);
			im = gen_exprto(s, args.v[1], ft);
		}
		res[0] = gen_value2(s, OpComplexMake, gen_type(t), re, im);
		return 1;
	}
	case BUILTIN_REAL: case BUILTIN_IMAG: {
		Type *t = typeof_(s, call);
		if (is_untyped(t))
			t = type_default(t);
		Value *c = gen_expr(s, args.v[0]);
		res[0] = gen_value1(s, id == BUILTIN_REAL ? OpComplexReal : OpComplexImag, gen_type(t), c);
		return 1;
	}
	default:
		break;
	}
	char what[64];
	snprintf(what, sizeof what, "builtin %s", builtin_names[id]);
	gen_unimpl(s, pos, what);
}
