/*
 * expr.c — expressions.  gen_expr gives the value of an expression of an
 * SSA-able type, and the address of the bytes for a struct or array
 * (memory types; ssagen.h).  Constants come from the checker's recorded
 * values; operators follow Go: integers wrap at their width, division
 * checks the divisor against zero first (runtime.panicdivide), shifts
 * check a signed count for a negative value (runtime.panicshift) and
 * give 0 or the sign fill for counts >= the width (the ops' semantics),
 * && and || branch, strings compare through runtime.memequal and
 * runtime.cmpstring, and indexing checks bounds (PanicBounds).
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

Node *gen_unparen(Node *e)
{
	while (e && e->kind == N_ParenExpr)
		e = e->paren.x;
	return e;
}

/* the recorded type and value of e; in an instance, a copy with the
 * type substituted */
TypeAndValue *gen_tv(Gen *s, Node *e)
{
	TypeAndValue *tv = ptrmap_get(&s->check->info.types, e);
	if (!tv || !s->tsubst || !tv->type)
		return tv;
	Type *t = gen_subst(s, tv->type);
	if (t == tv->type)
		return tv;
	TypeAndValue *c = arena_alloc(&s->f->arena, sizeof *c);
	*c = *tv;
	c->type = t;
	return c;
}

Type *gen_typeof(Gen *s, Node *e)
{
	TypeAndValue *tv = gen_tv(s, e);
	if (tv && tv->type)
		return tv->type;
	Node *u = gen_unparen(e);
	if (u != e)
		return gen_typeof(s, u);
	if (e->kind == N_Ident) {
		Object *o = ptrmap_get(&s->check->info.uses, e);
		if (!o)
			o = ptrmap_get(&s->check->info.defs, e);
		if (o)
			return gen_objtype(s, o);
	}
	return NULL;
}

static Type *mustype(Gen *s, Node *e)
{
	Type *t = gen_typeof(s, e);
	if (!t)
		ice(node_pos(e), "ssagen", "no type recorded for %s", node_kind_names[e->kind]);
	return t;
}

static Object *objof(Gen *s, Node *id)
{
	Object *o = ptrmap_get(&s->check->info.uses, id);
	if (!o)
		o = ptrmap_get(&s->check->info.defs, id);
	return o;
}

/* ---- op families ---- */

static int lg(int64_t size)
{
	switch (size) {
	case 1: return 0;
	case 2: return 1;
	case 4: return 2;
	}
	return 3;
}

static Op fam(Op op8, SsaType *t) { return (Op)(op8 + lg(t->size)); }

static bool isfloat(SsaType *t) { return t->kind == SK_FLOAT; }
static bool isunsigned(SsaType *t) { return t->kind == SK_UINT; }

/* ---- memory ---- */

Value *gen_nilcheck(Gen *s, Value *p)
{
	gen_value2(s, OpNilCheck, ssa_t_void, p, gen_mem(s));
	return p;
}

Value *gen_load(Gen *s, Type *t, Value *addr)
{
	if (!gen_ssaable(t))
		return addr;
	return gen_value2(s, OpLoad, gen_type(t), addr, gen_mem(s));
}

void gen_store(Gen *s, Type *t, Value *addr, Value *v)
{
	if (!gen_ssaable(t)) {
		if (addr == v)
			return;
		Value *m = gen_value3(s, OpMove, ssa_t_mem, addr, v, gen_mem(s));
		m->auxint = gen_sizeof(t);
		gen_setmem(s, m);
		return;
	}
	gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, addr, v, gen_mem(s)));
}

/* The runtime's move for memory of elements of type t: with the write
 * barrier when they hold pointers (the interpreter runs either). */
const char *gen_memmovefn(Type *t)
{
	return gclayout_ptrdata(t) ? "runtime.wbmemmove" : "runtime.memmove";
}

Value *gen_copytemp(Gen *s, Type *t, Value *v)
{
	if (gen_ssaable(t))
		return v;
	Value *p = gen_tempaddr(s, t);
	gen_store(s, t, p, v);
	return p;
}

Value *gen_ptradd(Gen *s, Value *p, Value *idx, int64_t elemsize, SsaType *t)
{
	Value *off = idx;
	if (elemsize != 1)
		off = gen_value2(s, OpMul64, ssa_t_int, idx, gen_constint(s, ssa_t_int, elemsize));
	return gen_value2(s, OpAddPtr, t, p, off);
}

Value *gen_to64(Gen *s, Value *v, Type *t)
{
	SsaType *st = v->type;
	if (st->size == 8)
		return v;
	bool uns = t ? is_unsigned(t) : isunsigned(st);
	static const Op sx[] = {OpSignExt8to64, OpSignExt16to64, 0, OpSignExt32to64};
	static const Op zx[] = {OpZeroExt8to64, OpZeroExt16to64, 0, OpZeroExt32to64};
	int k = (int)st->size - 1;
	if (st->kind == SK_BOOL)
		return gen_value1(s, OpZeroExt8to64, ssa_t_uint64, gen_value1(s, OpCvtBoolToUint8, ssa_t_uint8, v));
	return gen_value1(s, uns ? zx[k] : sx[k], uns ? ssa_t_uint64 : ssa_t_int64, v);
}

/* a call to a runtime function that does not return */
static void panicblock(Gen *s, const char *fn)
{
	gen_rtcall(s, fn, NULL, 0, NULL, 0, NULL);
	gen_endexit(s);
}

/* ---- bounds checks (gc's ssa.BoundsKind) ----
 * at: where the check fails, the '[' of an index or slice expression as
 * gc places it (GOROOT/test fixedbugs/issue29504) */
void gen_boundscheck(Gen *s, Pos at, Value *idx, Value *len, int kind, bool unsignedidx, bool slice)
{
	Pos saved = s->pos;
	s->pos = at;
	Value *ok = gen_value2(s, slice ? OpIsSliceInBounds : OpIsInBounds, ssa_t_bool, idx, len);
	Block *yes = gen_newblock(s, BlockPlain), *no = gen_newblock(s, BlockPlain);
	Block *b = gen_endif(s, ok, yes, no);
	b->likely = 1;
	gen_startblock(s, no, true);
	Value *p = gen_value3(s, OpPanicBounds, ssa_t_mem, idx, len, gen_mem(s));
	p->auxint = kind + (unsignedidx ? 1 : 0);
	gen_setmem(s, p);
	gen_endexit(s);
	gen_startblock(s, yes, true);
	s->pos = saved;
}

enum { BOUNDS_INDEX = 0, BOUNDS_SLICE_ALEN = 2, BOUNDS_SLICE_ACAP = 4, BOUNDS_SLICE_B = 6,
       BOUNDS_SLICE3_ALEN = 8, BOUNDS_SLICE3_ACAP = 10, BOUNDS_SLICE3_B = 12, BOUNDS_SLICE3_C = 14 };

/* ---- constants ---- */

static Value *constval(Gen *s, Type *t, Const c, Pos pos)
{
	if (is_untyped(t))
		t = type_default(t);
	Type *u = under(t);
	SsaType *st = gen_type(t);
	if (u->kind == TY_BASIC && u->basic.kind == BK_UNTYPED_NIL)
		return gen_constnil(s, st);
	switch (st->kind) {
	case SK_BOOL: return gen_constbool(s, const_bool_val(c));
	case SK_INT: case SK_UINT: {
		bool exact;
		Const ci = const_to_int(s->scratch, c);
		int64_t x = const_sign(ci) < 0 ? const_int64_val(ci, &exact) : (int64_t)const_uint64_val(ci, &exact);
		return gen_constint(s, st, x);
	}
	case SK_FLOAT: {
		bool exact;
		if (st->size == 4) {
			float f = const_float32_val(c, &exact);
			double d = f;
			int64_t bits;
			memcpy(&bits, &d, 8);
			return gen_const(s, OpConst32F, st, bits);
		}
		double d = const_float64_val(c, &exact);
		int64_t bits;
		memcpy(&bits, &d, 8);
		return gen_const(s, OpConst64F, st, bits);
	}
	case SK_COMPLEX: {
		bool exact;
		Type *ft = typ_basic[st->size == 8 ? BK_FLOAT32 : BK_FLOAT64];
		Const cc = const_to_complex(s->scratch, c);
		Const re = const_real(cc), im = const_imag(cc);
		(void)exact;
		return gen_value2(s, OpComplexMake, st, constval(s, ft, re, pos), constval(s, ft, im, pos));
	}
	case SK_STRING: {
		size_t n;
		const char *p = const_string_val(c, &n);
		return gen_conststring(s, p, n);
	}
	case SK_PTR: return gen_constnil(s, st);
	case SK_SLICE: case SK_IFACE: return gen_zero(s, st);
	}
	gen_unimpl(s, pos, "constant of this type");
}

/* ---- conversions ---- */

static Value *intconv(Gen *s, Value *v, SsaType *from, SsaType *to, bool fromuns)
{
	if (from->size == to->size)
		return v;
	if (from->size > to->size) {
		static const Op tr[4][4] = {
			[1] = {OpTrunc16to8},
			[2] = {OpTrunc32to8, OpTrunc32to16},
			[3] = {OpTrunc64to8, OpTrunc64to16, OpTrunc64to32},
		};
		return gen_value1(s, tr[lg(from->size)][lg(to->size)], to, v);
	}
	static const Op sx[4][4] = {
		[0] = {0, OpSignExt8to16, OpSignExt8to32, OpSignExt8to64},
		[1] = {0, 0, OpSignExt16to32, OpSignExt16to64},
		[2] = {0, 0, 0, OpSignExt32to64},
	};
	static const Op zx[4][4] = {
		[0] = {0, OpZeroExt8to16, OpZeroExt8to32, OpZeroExt8to64},
		[1] = {0, 0, OpZeroExt16to32, OpZeroExt16to64},
		[2] = {0, 0, 0, OpZeroExt32to64},
	};
	return gen_value1(s, (fromuns ? zx : sx)[lg(from->size)][lg(to->size)], to, v);
}

/* fromuns: the source's Go type is unsigned (SSA values of one size
 * may carry either signedness) */
static Value *numconv2(Gen *s, Value *v, SsaType *from, SsaType *to, bool fromuns)
{
	if (ssa_type_isint(from) && ssa_type_isint(to))
		return intconv(s, v, from, to, fromuns);
	if (ssa_type_isint(from) && isfloat(to)) {
		if (fromuns && from->size == 8)
			return gen_value1(s, to->size == 4 ? OpCvt64Uto32F : OpCvt64Uto64F, to, v);
		Value *w = intconv(s, v, from, fromuns ? ssa_t_uint64 : ssa_t_int64, fromuns);
		return gen_value1(s, to->size == 4 ? OpCvt64to32F : OpCvt64to64F, to, w);
	}
	if (isfloat(from) && ssa_type_isint(to)) {
		if (isunsigned(to) && to->size == 8) {
			Value *f = from->size == 4 ? gen_value1(s, OpCvt32Fto64F, ssa_t_float64, v) : v;
			return gen_value1(s, OpCvt64Fto64U, to, f);
		}
		Value *w = gen_value1(s, from->size == 4 ? OpCvt32Fto64 : OpCvt64Fto64, ssa_t_int64, v);
		return intconv(s, w, ssa_t_int64, to, false);
	}
	if (isfloat(from) && isfloat(to)) {
		if (from->size == to->size)
			return v;
		return gen_value1(s, from->size == 4 ? OpCvt32Fto64F : OpCvt64Fto32F, to, v);
	}
	if (from->kind == SK_COMPLEX && to->kind == SK_COMPLEX) {
		if (from->size == to->size)
			return v;
		SsaType *ff = from->size == 8 ? ssa_t_float32 : ssa_t_float64;
		SsaType *tf = to->size == 8 ? ssa_t_float32 : ssa_t_float64;
		Value *re = numconv2(s, gen_value1(s, OpComplexReal, ff, v), ff, tf, false);
		Value *im = numconv2(s, gen_value1(s, OpComplexImag, ff, v), ff, tf, false);
		return gen_value2(s, OpComplexMake, to, re, im);
	}
	if ((ssa_type_isint(from) || isfloat(from)) && to->kind == SK_COMPLEX) {
		/* not Go's conversion, but T(0) or T(3.14) in a generic function
		 * with T ~complex128: the checker gives the constant its default
		 * type (go/types' conversion), the instance converts that */
		SsaType *tf = to->size == 8 ? ssa_t_float32 : ssa_t_float64;
		Value *re = numconv2(s, v, from, tf, fromuns);
		return gen_value2(s, OpComplexMake, to, re, gen_zero(s, tf));
	}
	return NULL;
}

static Value *numconv(Gen *s, Value *v, SsaType *from, SsaType *to) { return numconv2(s, v, from, to, isunsigned(from)); }

Value *gen_convert(Gen *s, Value *v, Type *from, Type *to, Pos pos)
{
	if (!from || !to || identical(from, to))
		return v;
	if (is_untyped(from) && under(from)->kind == TY_BASIC && under(from)->basic.kind == BK_UNTYPED_NIL)
		return gen_zero(s, gen_type(to));
	Type *fu = under(from), *tu = under(to);
	if (is_interface(to))
		return gen_convert_iface(s, v, from, to, pos);
	SsaType *ft = v->type, *tt = gen_type(to);
	if (!gen_ssaable(from) || !gen_ssaable(to)) {
		if (identical_ignore_tags(fu, tu))
			return v;
		gen_unimpl(s, pos, "conversion between these types");
	}
	if (ft == tt)
		return v;
	if (ft->kind == SK_PTR && tt->kind == SK_PTR)
		return v;
	/* unsafe.Pointer <-> uintptr (the type checker allows no other
	 * pointer-integer pair) */
	if (ft->kind == SK_PTR && ssa_type_isint(tt))
		return gen_value1(s, OpPtrToInt, tt, v);
	if (ssa_type_isint(ft) && tt->kind == SK_PTR)
		return gen_value1(s, OpIntToPtr, tt, v);
	if (ft->kind == SK_SLICE && tt->kind == SK_PTR && under(tu->pointer.elem)->kind == TY_ARRAY) {
		/* (*[N]T)(s): len(s) >= N, else the BoundsConvert panic */
		int64_t n = under(tu->pointer.elem)->array.len;
		Value *len = gen_value1(s, OpSliceLen, ssa_t_int, v);
		gen_boundscheck(s, s->pos, gen_constint(s, ssa_t_int, n), len, 16, false, true);
		return gen_value1(s, OpSlicePtr, tt, v);
	}
	if (tt->kind == SK_STRING && ssa_type_isint(ft)) {
		Value *w = gen_to64(s, v, from);
		return gen_rtcall1(s, "runtime.intstring", ssa_t_string, 2, gen_tmpbuf(s, typ_basic[BK_UINT8], 4), w);
	}
	if (tt->kind == SK_STRING && ft->kind == SK_SLICE) {
		Type *e = under(fu->slice.elem);
		if (e->kind == TY_BASIC && e->basic.kind == BK_UINT8) {
			Value *p = gen_value1(s, OpSlicePtr, ssa_t_byteptr, v);
			Value *n = gen_value1(s, OpSliceLen, ssa_t_int, v);
			return gen_rtcall1(s, "runtime.slicebytetostring", ssa_t_string, 3,
					   gen_tmpbuf(s, typ_basic[BK_UINT8], 32), p, n);
		}
		return gen_rtcall1(s, "runtime.slicerunetostring", ssa_t_string, 2, gen_tmpbuf(s, typ_basic[BK_UINT8], 32),
				   v);
	}
	if (ft->kind == SK_STRING && tt->kind == SK_SLICE) {
		Type *e = under(tu->slice.elem);
		const char *fn = e->kind == TY_BASIC && e->basic.kind == BK_UINT8 ? "runtime.stringtoslicebyte"
										  : "runtime.stringtoslicerune";
		Value *buf = e->kind == TY_BASIC && e->basic.kind == BK_UINT8 ? gen_tmpbuf(s, typ_basic[BK_UINT8], 32)
									       : gen_tmpbuf(s, typ_basic[BK_INT32], 32);
		return gen_rtcall1(s, fn, tt, 2, buf, v);
	}
	if (ft->kind == tt->kind && ft->kind != SK_INT && ft->kind != SK_UINT && ft->kind != SK_FLOAT &&
	    ft->kind != SK_COMPLEX && ft->size == tt->size && (ft->kind == SK_STRING || ft->kind == SK_SLICE))
		return v;
	Value *r = numconv2(s, v, ft, tt, is_unsigned(from));
	if (r)
		return r;
	if (ft->kind == SK_BOOL && tt->kind == SK_BOOL)
		return v;
	gen_unimpl(s, pos, "conversion between these types");
}

Value *gen_exprto(Gen *s, Node *e, Type *to)
{
	Value *v = gen_expr(s, e);
	Type *from = gen_typeof(s, e);
	if (!from || !to || identical(from, to))
		return v; /* before node_pos, which walks down a binary chain's left operands */
	return gen_convert(s, v, from, to, node_pos(e));
}

/* ---- comparisons ---- */

static Value *streq(Gen *s, Value *x, Value *y)
{
	/* len(x) == len(y) && memequal(x.ptr, y.ptr, len(x)) */
	int var = gen_newvar(s, ssa_t_bool);
	Value *lx = gen_value1(s, OpStringLen, ssa_t_int, x), *ly = gen_value1(s, OpStringLen, ssa_t_int, y);
	Value *eq = gen_value2(s, OpEq64, ssa_t_bool, lx, ly);
	gen_writevar(s, var, eq);
	Block *cmp = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endif(s, eq, cmp, done);
	gen_startblock(s, cmp, true);
	Value *px = gen_value1(s, OpStringPtr, ssa_t_byteptr, x), *py = gen_value1(s, OpStringPtr, ssa_t_byteptr, y);
	Value *r = gen_rtcall1(s, "runtime.memequal", ssa_t_bool, 3, px, py, lx);
	gen_writevar(s, var, r);
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

static Value *memeq(Gen *s, Type *t, Value *x, Value *y, Pos pos);

Value *gen_compare(Gen *s, int op, Type *t, Value *x, Value *y, Pos pos)
{
	SsaType *st = gen_ssaable(t) ? gen_type(t) : x->type; /* the signedness is the Go type's */
	bool swap = op == TOK_GTR || op == TOK_GEQ;
	if (swap) {
		Value *tmp = x;
		x = y;
		y = tmp;
		op = op == TOK_GTR ? TOK_LSS : TOK_LEQ;
	}
	Value *r;
	switch (gen_ssaable(t) ? st->kind : SK_STRUCT) {
	case SK_BOOL:
		return gen_value2(s, op == TOK_EQL ? OpEqB : OpNeqB, ssa_t_bool, x, y);
	case SK_INT: case SK_UINT: {
		Op o;
		switch (op) {
		case TOK_EQL: o = OpEq8; break;
		case TOK_NEQ: o = OpNeq8; break;
		case TOK_LSS: o = isunsigned(st) ? OpLess8U : OpLess8; break;
		default: o = isunsigned(st) ? OpLeq8U : OpLeq8; break;
		}
		return gen_value2(s, fam(o, st), ssa_t_bool, x, y);
	}
	case SK_FLOAT: {
		bool f32 = st->size == 4;
		Op o;
		switch (op) {
		case TOK_EQL: o = f32 ? OpEq32F : OpEq64F; break;
		case TOK_NEQ: o = f32 ? OpNeq32F : OpNeq64F; break;
		case TOK_LSS: o = f32 ? OpLess32F : OpLess64F; break;
		default: o = f32 ? OpLeq32F : OpLeq64F; break;
		}
		return gen_value2(s, o, ssa_t_bool, x, y);
	}
	case SK_COMPLEX: {
		SsaType *ft = st->size == 8 ? ssa_t_float32 : ssa_t_float64;
		Op eq = st->size == 8 ? OpEq32F : OpEq64F;
		Value *re = gen_value2(s, eq, ssa_t_bool, gen_value1(s, OpComplexReal, ft, x), gen_value1(s, OpComplexReal, ft, y));
		Value *im = gen_value2(s, eq, ssa_t_bool, gen_value1(s, OpComplexImag, ft, x), gen_value1(s, OpComplexImag, ft, y));
		r = gen_value2(s, OpAndB, ssa_t_bool, re, im);
		return op == TOK_EQL ? r : gen_value1(s, OpNot, ssa_t_bool, r);
	}
	case SK_STRING:
		if (op == TOK_EQL || op == TOK_NEQ) {
			r = streq(s, x, y);
			return op == TOK_EQL ? r : gen_value1(s, OpNot, ssa_t_bool, r);
		}
		r = gen_rtcall1(s, "runtime.cmpstring", ssa_t_int, 2, x, y);
		return gen_value2(s, op == TOK_LSS ? OpLess64 : OpLeq64, ssa_t_bool, r, gen_constint(s, ssa_t_int, 0));
	case SK_PTR:
		return gen_value2(s, op == TOK_EQL ? OpEqPtr : OpNeqPtr, ssa_t_bool, x, y);
	case SK_SLICE: {
		/* only against nil (either side) */
		Value *px = gen_value1(s, OpSlicePtr, ssa_t_byteptr, x->op == OpConstSlice ? y : x);
		r = gen_value1(s, OpIsNonNil, ssa_t_bool, px);
		return op == TOK_NEQ ? r : gen_value1(s, OpNot, ssa_t_bool, r);
	}
	case SK_IFACE:
		r = gen_ifaceeq(s, t, x, y, pos);
		return op == TOK_EQL ? r : gen_value1(s, OpNot, ssa_t_bool, r);
	default:
		r = memeq(s, t, x, y, pos);
		return op == TOK_EQL ? r : gen_value1(s, OpNot, ssa_t_bool, r);
	}
}

/* arrays of more than 64 elements: memequal when the elements are plain
 * memory, else a loop over them in order, up to the first difference */
static Value *arrayeq(Gen *s, Type *t, Value *x, Value *y, Pos pos)
{
	Type *et = under(t)->array.elem;
	if (gclayout_regular_memory(t))
		return gen_rtcall1(s, "runtime.memequal", ssa_t_bool, 3, x, y, gen_constint(s, ssa_t_int, gen_sizeof(t)));
	int iv = gen_newvar(s, ssa_t_int), rv = gen_newvar(s, ssa_t_bool);
	gen_writevar(s, iv, gen_constint(s, ssa_t_int, 0));
	gen_writevar(s, rv, gen_constbool(s, true));
	Block *head = gen_newblock(s, BlockPlain), *body = gen_newblock(s, BlockPlain);
	Block *next = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endplain(s, head);
	gen_startblock(s, head, false);
	Value *i = gen_readvar(s, iv);
	Value *more = gen_value2(s, OpLess64, ssa_t_bool, i, gen_constint(s, ssa_t_int, under(t)->array.len));
	gen_endif(s, more, body, done);
	gen_startblock(s, body, true);
	SsaType *pt = ssa_type_ptrto(gen_type(et));
	int64_t es = gen_sizeof(et);
	Value *c = gen_compare(s, TOK_EQL, et, gen_load(s, et, gen_ptradd(s, x, i, es, pt)),
			       gen_load(s, et, gen_ptradd(s, y, i, es, pt)), pos);
	gen_writevar(s, rv, c);
	gen_endif(s, c, next, done);
	gen_startblock(s, next, true);
	gen_writevar(s, iv, gen_value2(s, OpAdd64, ssa_t_int, i, gen_constint(s, ssa_t_int, 1)));
	gen_endplain(s, head);
	gen_seal(s, head);
	gen_startblock(s, done, true);
	return gen_readvar(s, rv);
}

/* structs and arrays: field by field, in order, up to the first difference */
static Value *memeq(Gen *s, Type *t, Value *x, Value *y, Pos pos)
{
	Type *u = under(t);
	int n = u->kind == TY_ARRAY ? (int)u->array.len : (int)u->struct_.nfields;
	if (u->kind == TY_ARRAY && n > 64)
		return arrayeq(s, t, x, y, pos);
	int var = gen_newvar(s, ssa_t_bool);
	gen_writevar(s, var, gen_constbool(s, true));
	Block *done = gen_newblock(s, BlockPlain);
	for (int i = 0; i < n; i++) {
		Type *ft;
		int64_t off;
		if (u->kind == TY_ARRAY) {
			ft = u->array.elem;
			off = i * gen_sizeof(ft);
		} else {
			Object *f = u->struct_.fields[i];
			if (strcmp(f->name, "_") == 0)
				continue;
			ft = f->type;
			off = gen_fieldoff(u, i);
		}
		SsaType *pt = ssa_type_ptrto(gen_type(ft));
		Value *px = gen_value1(s, OpOffPtr, pt, x), *py = gen_value1(s, OpOffPtr, pt, y);
		px->auxint = py->auxint = off;
		Value *c = gen_compare(s, TOK_EQL, ft, gen_load(s, ft, px), gen_load(s, ft, py), pos);
		gen_writevar(s, var, c);
		Block *next = gen_newblock(s, BlockPlain);
		gen_endif(s, c, next, done);
		gen_startblock(s, next, true);
	}
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

/* ---- arithmetic ---- */

static Value *complexop(Gen *s, int op, SsaType *t, Value *x, Value *y, Pos pos)
{
	SsaType *ft = t->size == 8 ? ssa_t_float32 : ssa_t_float64;
	bool f32 = t->size == 8;
	Value *a = gen_value1(s, OpComplexReal, ft, x), *b = gen_value1(s, OpComplexImag, ft, x);
	Value *c = gen_value1(s, OpComplexReal, ft, y), *d = gen_value1(s, OpComplexImag, ft, y);
	Op add = f32 ? OpAdd32F : OpAdd64F, sub = f32 ? OpSub32F : OpSub64F;
	switch (op) {
	case TOK_ADD: return gen_value2(s, OpComplexMake, t, gen_value2(s, add, ft, a, c), gen_value2(s, add, ft, b, d));
	case TOK_SUB: return gen_value2(s, OpComplexMake, t, gen_value2(s, sub, ft, a, c), gen_value2(s, sub, ft, b, d));
	case TOK_MUL: {
		/* gc computes in float64 for complex64 too */
		if (f32) {
			SsaType *F = ssa_t_float64;
			a = gen_value1(s, OpCvt32Fto64F, F, a);
			b = gen_value1(s, OpCvt32Fto64F, F, b);
			c = gen_value1(s, OpCvt32Fto64F, F, c);
			d = gen_value1(s, OpCvt32Fto64F, F, d);
		}
		SsaType *F = ssa_t_float64;
		Value *re = gen_value2(s, OpSub64F, F, gen_value2(s, OpMul64F, F, a, c), gen_value2(s, OpMul64F, F, b, d));
		Value *im = gen_value2(s, OpAdd64F, F, gen_value2(s, OpMul64F, F, a, d), gen_value2(s, OpMul64F, F, b, c));
		if (f32) {
			re = gen_value1(s, OpCvt64Fto32F, ft, re);
			im = gen_value1(s, OpCvt64Fto32F, ft, im);
		}
		return gen_value2(s, OpComplexMake, t, re, im);
	}
	case TOK_QUO: {
		SsaType *c128 = ssa_type("complex128");
		Value *xx = f32 ? numconvx(s, x, t, c128) : x, *yy = f32 ? numconvx(s, y, t, c128) : y;
		Value *r = gen_rtcall1(s, "runtime.complex128div", c128, 2, xx, yy);
		return f32 ? numconvx(s, r, c128, t) : r;
	}
	}
	gen_unimpl(s, pos, "complex operator");
}

Value *numconvx(Gen *s, Value *v, SsaType *from, SsaType *to) { return numconv(s, v, from, to); }

static Value *shift(Gen *s, int op, Type *xt, Value *x, Node *ye, Value *y)
{
	Type *yt = gen_typeof(s, ye);
	TypeAndValue *tv = gen_tv(s, ye);
	SsaType *st = x->type, *ct = y->type;
	if (!is_unsigned(yt) && !(tv && tv->mode == MODE_CONSTANT)) {
		/* a negative count panics */
		Value *neg = gen_value2(s, fam(OpLess8, ct), ssa_t_bool, y, gen_constint(s, ct, 0));
		Block *bad = gen_newblock(s, BlockPlain), *ok = gen_newblock(s, BlockPlain);
		Block *b = gen_endif(s, neg, bad, ok);
		b->likely = -1;
		gen_startblock(s, bad, true);
		panicblock(s, "runtime.panicshift");
		gen_startblock(s, ok, true);
	}
	Op base = op == TOK_SHL ? OpLsh8x8 : is_unsigned(xt) ? OpRsh8Ux8 : OpRsh8x8;
	Op o = (Op)(base + 4 * lg(st->size) + lg(ct->size));
	Value *v = gen_value2(s, o, st, x, y);
	return v;
}

static Value *divide(Gen *s, int op, SsaType *st, Value *x, Value *y, Node *ye)
{
	TypeAndValue *tv = gen_tv(s, ye);
	bool nonzero = tv && tv->mode == MODE_CONSTANT && const_sign(tv->val) != 0;
	if (!nonzero) {
		Value *nz = gen_value2(s, fam(OpNeq8, st), ssa_t_bool, y, gen_constint(s, st, 0));
		Block *ok = gen_newblock(s, BlockPlain), *bad = gen_newblock(s, BlockPlain);
		Block *b = gen_endif(s, nz, ok, bad);
		b->likely = 1;
		gen_startblock(s, bad, true);
		panicblock(s, "runtime.panicdivide");
		gen_startblock(s, ok, true);
	}
	Op o;
	if (op == TOK_QUO)
		o = isunsigned(st) ? OpDiv8u : OpDiv8;
	else
		o = isunsigned(st) ? OpMod8u : OpMod8;
	return gen_value2(s, fam(o, st), st, x, y);
}

/* x op y for values of type t (not comparisons, not && ||) */
Value *gen_binop(Gen *s, int op, Type *t, Value *x, Value *y, Node *ye, Pos pos)
{
	SsaType *st = gen_type(t);
	if (op == TOK_SHL || op == TOK_SHR)
		return shift(s, op, t, x, ye, y);
	if (st->kind == SK_STRING && op == TOK_ADD) {
		Value *parts[2] = {x, y};
		return gen_strcat(s, parts, 2);
	}
	if (st->kind == SK_COMPLEX)
		return complexop(s, op, st, x, y, pos);
	if (isfloat(st)) {
		bool f32 = st->size == 4;
		Op o;
		switch (op) {
		case TOK_ADD: o = f32 ? OpAdd32F : OpAdd64F; break;
		case TOK_SUB: o = f32 ? OpSub32F : OpSub64F; break;
		case TOK_MUL: o = f32 ? OpMul32F : OpMul64F; break;
		case TOK_QUO: o = f32 ? OpDiv32F : OpDiv64F; break;
		default: gen_unimpl(s, pos, "float operator");
		}
		return gen_value2(s, o, st, x, y);
	}
	if (!ssa_type_isint(st))
		gen_unimpl(s, pos, "operator on this type");
	switch (op) {
	case TOK_ADD: return gen_value2(s, fam(OpAdd8, st), st, x, y);
	case TOK_SUB: return gen_value2(s, fam(OpSub8, st), st, x, y);
	case TOK_MUL: return gen_value2(s, fam(OpMul8, st), st, x, y);
	case TOK_AND: return gen_value2(s, fam(OpAnd8, st), st, x, y);
	case TOK_OR: return gen_value2(s, fam(OpOr8, st), st, x, y);
	case TOK_XOR: return gen_value2(s, fam(OpXor8, st), st, x, y);
	case TOK_AND_NOT:
		return gen_value2(s, fam(OpAnd8, st), st, x, gen_value1(s, fam(OpCom8, st), st, y));
	case TOK_QUO: case TOK_REM: return divide(s, op, st, x, y, ye);
	}
	gen_unimpl(s, pos, "integer operator");
}

/* ---- strings ---- */

Value *gen_strcat(Gen *s, Value **parts, int n)
{
	if (n <= 5) {
		char name[32];
		snprintf(name, sizeof name, "runtime.concatstring%d", n);
		Value *args[6];
		args[0] = gen_tmpbuf(s, typ_basic[BK_UINT8], 32);
		for (int i = 0; i < n; i++)
			args[i + 1] = parts[i];
		SsaType *rt = ssa_t_string;
		Value *res;
		gen_rtcall(s, name, args, n + 1, &rt, 1, &res);
		return res;
	}
	/* concatstrings(buf, []string{...}) */
	Type *arr = new_array(s->check->arena, typ_basic[BK_STRING], n);
	Value *p = gen_tempaddr(s, arr);
	for (int i = 0; i < n; i++) {
		Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_string), p);
		q->auxint = 16 * i;
		gen_store(s, typ_basic[BK_STRING], q, parts[i]);
	}
	Value *nn = gen_constint(s, ssa_t_int, n);
	Value *sl = gen_value3(s, OpSliceMake, ssa_type("[]string"), p, nn, nn);
	return gen_rtcall1(s, "runtime.concatstrings", ssa_t_string, 2, gen_tmpbuf(s, typ_basic[BK_UINT8], 32), sl);
}

/* collects the operands of a chain of string + (gc concatenates them in one call) */
static void concatparts(Gen *s, Node *e, Value **parts, int *n, int max)
{
	e = gen_unparen(e);
	TypeAndValue *tv = gen_tv(s, e);
	if (e->kind == N_BinaryExpr && e->binary.op == TOK_ADD && !(tv && tv->mode == MODE_CONSTANT) && *n < max - 1) {
		concatparts(s, e->binary.x, parts, n, max);
		concatparts(s, e->binary.y, parts, n, max);
		return;
	}
	Value *v = gen_expr(s, e);
	if (*n < max)
		parts[(*n)++] = v;
}

/* ---- && and || ---- */

void gen_condjump(Gen *s, Node *e, Block *yes, Block *no)
{
	e = gen_unparen(e);
	TypeAndValue *tv = gen_tv(s, e);
	if (e->kind == N_BinaryExpr && (e->binary.op == TOK_LAND || e->binary.op == TOK_LOR) &&
	    !(tv && tv->mode == MODE_CONSTANT)) {
		Block *mid = gen_newblock(s, BlockPlain);
		if (e->binary.op == TOK_LAND)
			gen_condjump(s, e->binary.x, mid, no);
		else
			gen_condjump(s, e->binary.x, yes, mid);
		gen_startblock(s, mid, true);
		gen_condjump(s, e->binary.y, yes, no);
		return;
	}
	if (e->kind == N_UnaryExpr && e->unary.op == TOK_NOT && !(tv && tv->mode == MODE_CONSTANT)) {
		gen_condjump(s, e->unary.x, no, yes);
		return;
	}
	gen_hoist(s, e);
	Value *c = gen_expr(s, e);
	gen_endif(s, c, yes, no);
}

Value *gen_cond(Gen *s, Node *e)
{
	int var = gen_newvar(s, ssa_t_bool);
	Block *yes = gen_newblock(s, BlockPlain), *no = gen_newblock(s, BlockPlain),
	      *done = gen_newblock(s, BlockPlain);
	gen_condjump(s, e, yes, no);
	gen_startblock(s, yes, true);
	gen_writevar(s, var, gen_constbool(s, true));
	gen_endplain(s, done);
	gen_startblock(s, no, true);
	gen_writevar(s, var, gen_constbool(s, false));
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

/* ---- selectors ---- */

/* Follows the embedded-field path idx[0..n) from the address base of a
 * value of type *t (a struct or, through auto-dereferencing, a pointer to
 * one): the address of the selected field, its type in *t. */
Value *gen_fieldpath(Gen *s, Value *base, Type **t, const int *idx, int n)
{
	for (int i = 0; i < n; i++) {
		Type *u = under(*t);
		if (u->kind == TY_POINTER) {
			base = gen_nilcheck(s, gen_value2(s, OpLoad, gen_type(*t), base, gen_mem(s)));
			*t = u->pointer.elem;
			u = under(*t);
		}
		Object *f = u->struct_.fields[idx[i]];
		Value *p = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(f->type)), base);
		p->auxint = gen_fieldoff(u, idx[i]);
		base = p;
		*t = f->type;
	}
	return base;
}

/* the address of the struct (or pointer) that x denotes, for field
 * selection: *t gets its type (pointers are dereferenced) */
static Value *selbase(Gen *s, Node *x, Type **t)
{
	Type *xt = mustype(s, x);
	if (under(xt)->kind == TY_POINTER) {
		*t = under(xt)->pointer.elem;
		return gen_nilcheck(s, gen_expr(s, x));
	}
	*t = xt;
	return gen_addr(s, x);
}

static Lookup sellookup(Gen *s, Node *e)
{
	Type *xt = mustype(s, e->selector.x);
	Object *sel = objof(s, e->selector.sel);
	const char *name = sel ? sel->name : intern_s(e->selector.sel->ident.name);
	return lookup_field_or_method(s->scratch, xt, true, sel && sel->pkg ? sel->pkg : s->pkg->pkg, name);
}

/* field selection x.f: the address of the field */
static Value *fieldaddr(Gen *s, Node *e)
{
	Lookup l = sellookup(s, e);
	if (!l.obj || l.obj->kind != OBJ_VAR)
		gen_unimpl(s, node_pos(e), "selector");
	Type *t;
	Value *base = selbase(s, e->selector.x, &t);
	return gen_fieldpath(s, base, &t, l.index, (int)l.nindex);
}

/* ---- index and slice ---- */

static Value *indexval(Gen *s, Node *e, Value *idx, Type *it)
{
	(void)it;
	return gen_to64(s, idx, it);
}

static Value *indexaddr(Gen *s, Node *e)
{
	Node *x = e->index.x;
	Type *xt = mustype(s, x);
	Type *u = under(xt);
	Type *it = mustype(s, e->index.index);
	TypeAndValue *itv = gen_tv(s, e->index.index);
	bool cidx = itv && itv->mode == MODE_CONSTANT;
	if (u->kind == TY_POINTER) {
		Type *at = under(u->pointer.elem);
		Value *p = gen_nilcheck(s, gen_expr(s, x));
		Value *i = indexval(s, e, gen_expr(s, e->index.index), it);
		if (!cidx)
			gen_boundscheck(s, e->index.lbrack, i, gen_constint(s, ssa_t_int, at->array.len), BOUNDS_INDEX, is_unsigned(it), false);
		return gen_ptradd(s, p, i, gen_sizeof(at->array.elem), ssa_type_ptrto(gen_type(at->array.elem)));
	}
	if (u->kind == TY_ARRAY) {
		Value *p = gen_addr(s, x);
		Value *i = indexval(s, e, gen_expr(s, e->index.index), it);
		if (!cidx)
			gen_boundscheck(s, e->index.lbrack, i, gen_constint(s, ssa_t_int, u->array.len), BOUNDS_INDEX, is_unsigned(it), false);
		return gen_ptradd(s, p, i, gen_sizeof(u->array.elem), ssa_type_ptrto(gen_type(u->array.elem)));
	}
	if (u->kind == TY_SLICE) {
		Value *sl = gen_expr(s, x);
		Value *i = indexval(s, e, gen_expr(s, e->index.index), it);
		Value *len = gen_value1(s, OpSliceLen, ssa_t_int, sl);
		gen_boundscheck(s, e->index.lbrack, i, len, BOUNDS_INDEX, is_unsigned(it), false);
		SsaType *pt = ssa_type_ptrto(gen_type(u->slice.elem));
		Value *p = gen_value1(s, OpSlicePtr, pt, sl);
		return gen_ptradd(s, p, i, gen_sizeof(u->slice.elem), pt);
	}
	gen_unimpl(s, node_pos(e), "index expression of this type");
}

/* ---- assignment targets (ssagen.h: LvChecks) ---- */

void gen_lvchecks(Gen *s, LvChecks *c)
{
	Pos saved = s->pos;
	for (int i = 0; i < c->n; i++) {
		LvCheck *k = &c->v[i];
		s->pos = k->pos;
		if (k->ptr)
			gen_nilcheck(s, k->ptr);
		else
			gen_boundscheck(s, k->pos, k->idx, k->len, k->kind, k->uns, false);
	}
	c->n = 0;
	s->pos = saved;
}

static LvCheck *lvcheck(Gen *s, LvChecks *c)
{
	if (c->n == (int)(sizeof c->v / sizeof c->v[0]))
		gen_lvchecks(s, c); /* deeper than any real target: the older checks now */
	LvCheck *k = &c->v[c->n++];
	*k = (LvCheck){.pos = s->pos};
	return k;
}

static void lvnil(Gen *s, LvChecks *c, Value *p) { lvcheck(s, c)->ptr = p; }

static void lvbounds(Gen *s, LvChecks *c, Pos at, Value *i, Value *len, bool uns)
{
	LvCheck *k = lvcheck(s, c);
	k->pos = at;
	k->idx = i;
	k->len = len;
	k->kind = BOUNDS_INDEX;
	k->uns = uns;
}

/* x.f as a target: the indirection of the last pointer on the way is the
 * target's; the ones before it are operands, loaded in phase one */
static Value *lvfield(Gen *s, Node *e, LvChecks *c)
{
	Lookup l = sellookup(s, e);
	Node *x = e->selector.x;
	Type *t = mustype(s, x);
	Value *base;
	if (under(t)->kind == TY_POINTER) {
		base = gen_expr(s, x);
		lvnil(s, c, base);
		t = under(t)->pointer.elem;
	} else
		base = gen_lvaddr(s, x, c);
	for (uint32_t i = 0; i < l.nindex; i++) {
		Type *u = under(t);
		if (u->kind == TY_POINTER) {
			gen_lvchecks(s, c);
			base = gen_value2(s, OpLoad, gen_type(t), base, gen_mem(s));
			lvnil(s, c, base);
			t = u->pointer.elem;
			u = under(t);
		}
		Object *f = u->struct_.fields[l.index[i]];
		Value *p = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(f->type)), base);
		p->auxint = gen_fieldoff(u, l.index[i]);
		base = p;
		t = f->type;
	}
	return base;
}

static Value *lvindex(Gen *s, Node *e, LvChecks *c)
{
	Node *x = e->index.x;
	Type *u = under(mustype(s, x));
	Type *it = mustype(s, e->index.index);
	TypeAndValue *itv = gen_tv(s, e->index.index);
	bool cidx = itv && itv->mode == MODE_CONSTANT;
	Value *p, *len;
	Type *et;
	if (u->kind == TY_SLICE) {
		Value *sl = gen_expr(s, x);
		et = u->slice.elem;
		p = gen_value1(s, OpSlicePtr, ssa_type_ptrto(gen_type(et)), sl);
		len = gen_value1(s, OpSliceLen, ssa_t_int, sl);
		cidx = false;
	} else {
		Type *at = u;
		if (u->kind == TY_POINTER) {
			at = under(u->pointer.elem);
			p = gen_expr(s, x);
			lvnil(s, c, p);
		} else
			p = gen_lvaddr(s, x, c);
		et = at->array.elem;
		len = gen_constint(s, ssa_t_int, at->array.len);
	}
	Value *i = indexval(s, e, gen_expr(s, e->index.index), it);
	if (!cidx)
		lvbounds(s, c, e->index.lbrack, i, len, is_unsigned(it));
	return gen_ptradd(s, p, i, gen_sizeof(et), ssa_type_ptrto(gen_type(et)));
}

Value *gen_lvaddr(Gen *s, Node *e, LvChecks *c)
{
	switch (e->kind) {
	case N_ParenExpr:
		return gen_lvaddr(s, e->paren.x, c);
	case N_SelectorExpr: {
		Object *o = objof(s, e->selector.sel);
		if (o && o->kind == OBJ_VAR && !(o->flags & OF_FIELD)) /* pkg.V */
			break;
		return lvfield(s, e, c);
	}
	case N_IndexExpr: {
		Type *xt = gen_typeof(s, e->index.x);
		if (xt && under(xt)->kind != TY_MAP && under(xt)->kind != TY_BASIC)
			return lvindex(s, e, c);
		break;
	}
	case N_StarExpr: {
		Value *p = gen_expr(s, e->star.x);
		lvnil(s, c, p);
		return p;
	}
	default:
		break;
	}
	return gen_addr(s, e);
}

static Value *indexexpr(Gen *s, Node *e)
{
	Type *xt = mustype(s, e->index.x);
	Type *u = under(xt);
	if (u->kind == TY_BASIC) { /* string */
		Value *str = gen_expr(s, e->index.x);
		Type *it = mustype(s, e->index.index);
		Value *i = indexval(s, e, gen_expr(s, e->index.index), it);
		Value *len = gen_value1(s, OpStringLen, ssa_t_int, str);
		gen_boundscheck(s, e->index.lbrack, i, len, BOUNDS_INDEX, is_unsigned(it), false);
		Value *p = gen_value1(s, OpStringPtr, ssa_t_byteptr, str);
		return gen_value2(s, OpLoad, ssa_t_uint8, gen_ptradd(s, p, i, 1, ssa_t_byteptr), gen_mem(s));
	}
	if (u->kind == TY_MAP)
		return gen_mapindex(s, e, NULL);
	Type *et = mustype(s, e);
	if (u->kind == TY_ARRAY && gen_ssaable(xt)) /* never: arrays are memory */
		gen_unimpl(s, node_pos(e), "index of an SSA array");
	return gen_load(s, et, indexaddr(s, e));
}

static Value *sliceexpr(Gen *s, Node *e)
{
	Node *x = e->slice.x;
	Type *xt = mustype(s, x);
	Type *u = under(xt);
	Type *rt = mustype(s, e);
	SsaType *rst = gen_type(rt);
	Value *ptr, *len, *cap;
	bool isstr = u->kind == TY_BASIC;
	int64_t esize;
	SsaType *pt;
	if (isstr) {
		Value *str = gen_expr(s, x);
		ptr = gen_value1(s, OpStringPtr, ssa_t_byteptr, str);
		len = gen_value1(s, OpStringLen, ssa_t_int, str);
		cap = len;
		esize = 1;
		pt = ssa_t_byteptr;
	} else if (u->kind == TY_SLICE) {
		Value *sl = gen_expr(s, x);
		pt = ssa_type_ptrto(gen_type(u->slice.elem));
		ptr = gen_value1(s, OpSlicePtr, pt, sl);
		len = gen_value1(s, OpSliceLen, ssa_t_int, sl);
		cap = gen_value1(s, OpSliceCap, ssa_t_int, sl);
		esize = gen_sizeof(u->slice.elem);
	} else {
		Type *at = u;
		if (u->kind == TY_POINTER) {
			at = under(u->pointer.elem);
			ptr = gen_nilcheck(s, gen_expr(s, x));
		} else
			ptr = gen_addr(s, x);
		pt = ssa_type_ptrto(gen_type(at->array.elem));
		len = cap = gen_constint(s, ssa_t_int, at->array.len);
		esize = gen_sizeof(at->array.elem);
	}
	Value *lo = NULL, *hi = NULL, *mx = NULL;
	bool ulo = false, uhi = false, umx = false;
	if (e->slice.low) {
		Type *t = mustype(s, e->slice.low);
		ulo = is_unsigned(t);
		lo = gen_to64(s, gen_expr(s, e->slice.low), t);
	}
	if (e->slice.high) {
		Type *t = mustype(s, e->slice.high);
		uhi = is_unsigned(t);
		hi = gen_to64(s, gen_expr(s, e->slice.high), t);
	}
	if (e->slice.max) {
		Type *t = mustype(s, e->slice.max);
		umx = is_unsigned(t);
		mx = gen_to64(s, gen_expr(s, e->slice.max), t);
	}
	/* gc's order of checks: max (or high) against cap, high against max,
	 * low against high; the message says "capacity" for a slice operand
	 * only ("length" for strings and arrays, whose cap is their len) */
	bool isslice = u->kind == TY_SLICE;
	if (mx) {
		gen_boundscheck(s, e->slice.lbrack, mx, cap, isslice ? BOUNDS_SLICE3_ACAP : BOUNDS_SLICE3_ALEN, umx, true);
		if (hi)
			gen_boundscheck(s, e->slice.lbrack, hi, mx, BOUNDS_SLICE3_B, uhi, true);
		else
			hi = mx; /* impossible: a 3-index slice has a high */
		if (lo)
			gen_boundscheck(s, e->slice.lbrack, lo, hi, BOUNDS_SLICE3_C, ulo, true);
	} else {
		if (hi)
			gen_boundscheck(s, e->slice.lbrack, hi, cap, isslice ? BOUNDS_SLICE_ACAP : BOUNDS_SLICE_ALEN, uhi, true);
		if (lo)
			gen_boundscheck(s, e->slice.lbrack, lo, hi ? hi : len, BOUNDS_SLICE_B, ulo, true);
	}
	if (!hi)
		hi = len;
	if (!mx)
		mx = cap;
	Value *nlen = lo ? gen_value2(s, OpSub64, ssa_t_int, hi, lo) : hi;
	Value *ncap = lo ? gen_value2(s, OpSub64, ssa_t_int, mx, lo) : mx;
	Value *nptr = ptr;
	if (lo) {
		/* as gc, the pointer does not move past the end when the result
		 * has no capacity (a string: no length): delta & mask, mask =
		 * -ncap >> 63 (all ones when ncap > 0) */
		Value *rc = isstr ? nlen : ncap;
		Value *off = lo;
		if (esize != 1)
			off = gen_value2(s, OpMul64, ssa_t_int, lo, gen_constint(s, ssa_t_int, esize));
		Value *mask = gen_value2(s, OpRsh64x64, ssa_t_int, gen_value1(s, OpNeg64, ssa_t_int, rc),
					 gen_constint(s, ssa_t_uint64, 63));
		mask->auxint = 1; /* bounded */
		nptr = gen_value2(s, OpAddPtr, pt, ptr, gen_value2(s, OpAnd64, ssa_t_int, off, mask));
	}
	if (isstr && rst->kind == SK_STRING)
		return gen_value2(s, OpStringMake, rst, nptr, nlen);
	return gen_value3(s, OpSliceMake, rst, nptr, nlen, ncap);
}

/* An operand of a comparison: string(b) of a []byte b is not copied
 * (gc's slicebytetostringtmp): the comparison reads it at once and keeps
 * nothing, so bytes.Equal's string(a) == string(b) allocates nothing. */
static Value *cmp_operand(Gen *s, Node *x, Type *ct)
{
	Node *c = gen_unparen(x);
	if (is_string(ct) && c->kind == N_CallExpr && c->call.args.n == 1 && !c->call.ellipsis) {
		TypeAndValue *ftv = gen_tv(s, c->call.fun), *tv = gen_tv(s, c);
		Node *arg = c->call.args.v[0];
		Type *at = mustype(s, arg);
		Type *au = under(at);
		if (ftv && ftv->mode == MODE_TYPEXPR && tv && tv->mode != MODE_CONSTANT && au->kind == TY_SLICE) {
			Type *e = under(au->slice.elem);
			if (e->kind == TY_BASIC && e->basic.kind == BK_UINT8) {
				Value *b = gen_expr(s, arg);
				Value *p = gen_value1(s, OpSlicePtr, ssa_t_byteptr, b);
				Value *n = gen_value1(s, OpSliceLen, ssa_t_int, b);
				return gen_value2(s, OpStringMake, gen_type(ct), p, n);
			}
		}
	}
	return gen_exprto(s, x, ct);
}

/* ---- addresses ---- */

Value *gen_addr(Gen *s, Node *e)
{
	e = gen_unparen(e);
	switch (e->kind) {
	case N_Ident: {
		Object *o = objof(s, e);
		if (!o || o->kind != OBJ_VAR)
			break;
		LVar *v = gen_lookupvar(s, o);
		if (v) {
			if (v->kind == VK_SSA)
				ice(node_pos(e), "ssagen", "address of SSA variable %s", o->name);
			return gen_varaddr(s, v);
		}
		/* this package's, or another's through a dot import */
		if (o->parent == s->pkg->pkg->scope || (o->pkg && o->parent == o->pkg->scope))
			return gen_globaladdr(s, o);
		ice(node_pos(e), "ssagen", "variable %s not declared", o->name);
	}
	case N_SelectorExpr: {
		Object *o = objof(s, e->selector.sel);
		if (o && o->kind == OBJ_VAR && !(o->flags & OF_FIELD)) /* pkg.V */
			return gen_globaladdr(s, o);
		return fieldaddr(s, e);
	}
	case N_IndexExpr: {
		Type *xt = gen_typeof(s, e->index.x);
		if (xt && under(xt)->kind == TY_MAP) /* not addressable: the value's copy */
			return gen_expr(s, e);
		return indexaddr(s, e);
	}
	case N_StarExpr:
		return gen_nilcheck(s, gen_expr(s, e->star.x));
	case N_CompositeLit: {
		Type *t = mustype(s, e);
		if (!gen_ssaable(t))
			return gen_expr(s, e);
		break;
	}
	default:
		break;
	}
	Type *t = gen_typeof(s, e);
	if (t && !gen_ssaable(t))
		return gen_expr(s, e); /* a non-addressable memory value: its temporary */
	gen_unimpl(s, node_pos(e), "address of this expression");
}

/* ---- composite literals ---- */

static void fill_composite(Gen *s, Node *e, Type *t, Value *p);

static void store_elem(Gen *s, Node *v, Type *et, Value *q)
{
	if (s->initelems && gen_initelem(s, v, et, q))
		return;
	Node *u = gen_unparen(v);
	if (u->kind == N_CompositeLit && !gen_ssaable(et)) {
		fill_composite(s, u, et, q);
		return;
	}
	gen_store(s, et, q, gen_exprto(s, v, et));
}

/* stores the elements of literal e (of type t) into zeroed memory at p */
static void fill_composite(Gen *s, Node *e, Type *t, Value *p)
{
	Type *u = under(t);
	List elts = e->composite.elts;
	if (u->kind == TY_STRUCT) {
		for (uint32_t i = 0; i < elts.n; i++) {
			Node *el = elts.v[i];
			int fi = (int)i;
			Node *val = el;
			if (el->kind == N_KeyValueExpr) {
				/* by name: the fields of an instance are copies */
				Object *f = objof(s, el->keyvalue.key);
				for (uint32_t k = 0; k < u->struct_.nfields; k++)
					if (u->struct_.fields[k] == f || (f && u->struct_.fields[k]->name == f->name))
						fi = (int)k;
				val = el->keyvalue.value;
			}
			Object *f = u->struct_.fields[fi];
			if (strcmp(f->name, "_") == 0) {
				/* a blank field stays zero; its value is evaluated for
				 * its effects, as gc (GOROOT/test fixedbugs/issue31546) */
				gen_expr(s, val);
				continue;
			}
			Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(f->type)), p);
			q->auxint = gen_fieldoff(u, fi);
			store_elem(s, val, f->type, q);
		}
		return;
	}
	if (u->kind == TY_ARRAY || u->kind == TY_SLICE) {
		Type *et = u->kind == TY_ARRAY ? u->array.elem : u->slice.elem;
		int64_t idx = 0, es = gen_sizeof(et);
		for (uint32_t i = 0; i < elts.n; i++) {
			Node *el = elts.v[i];
			Node *val = el;
			if (el->kind == N_KeyValueExpr) {
				TypeAndValue *ktv = gen_tv(s, el->keyvalue.key);
				bool exact;
				if (ktv && ktv->mode == MODE_CONSTANT)
					idx = const_int64_val(const_to_int(s->scratch, ktv->val), &exact);
				val = el->keyvalue.value;
			}
			Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(et)), p);
			q->auxint = idx * es;
			store_elem(s, val, et, q);
			idx++;
		}
		return;
	}
	gen_unimpl(s, node_pos(e), "composite literal of this type");
}

/* the length of a slice or array literal */
static int64_t complit_len(Gen *s, Node *e)
{
	int64_t idx = 0, max = 0;
	for (uint32_t i = 0; i < e->composite.elts.n; i++) {
		Node *el = e->composite.elts.v[i];
		if (el->kind == N_KeyValueExpr) {
			TypeAndValue *ktv = gen_tv(s, el->keyvalue.key);
			bool exact;
			if (ktv && ktv->mode == MODE_CONSTANT)
				idx = const_int64_val(const_to_int(s->scratch, ktv->val), &exact);
		}
		idx++;
		if (idx > max)
			max = idx;
	}
	return max;
}

Value *gen_newobj(Gen *s, Type *t);

static Value *complit_of(Gen *s, Node *e, Type *t, bool heap);

/* &T{...}, written or elided (the element {...} of a []*T literal): a new
 * heap object of literal type lt holding the literal */
static Value *complit_addr(Gen *s, Node *e, Type *lt)
{
	if (gen_ssaable(lt)) { /* &[]T{...}, &map[K]V{...} */
		Value *p = gen_newobj(s, lt);
		gen_store(s, lt, p, complit_of(s, e, lt, false));
		return p;
	}
	Value *p = gen_alloc(s, e, lt);
	fill_composite(s, e, lt, p);
	return p;
}

static Value *complit(Gen *s, Node *e, bool heap)
{
	Type *t = mustype(s, e);
	if (under(t)->kind == TY_POINTER) /* an element with &T elided */
		return complit_addr(s, e, under(t)->pointer.elem);
	return complit_of(s, e, t, heap);
}

static Value *complit_of(Gen *s, Node *e, Type *t, bool heap)
{
	Type *u = under(t);
	if (u->kind == TY_MAP)
		return gen_maplit(s, e, t);
	if (u->kind == TY_SLICE) {
		int64_t n = complit_len(s, e);
		Type *at = new_array(s->check->arena, u->slice.elem, n);
		Value *p = gen_alloc(s, e, at);
		fill_composite(s, e, at, p);
		Value *nn = gen_constint(s, ssa_t_int, n);
		return gen_value3(s, OpSliceMake, gen_type(t), p, nn, nn);
	}
	Value *p = heap ? gen_newobj(s, t) : gen_tempaddr(s, t);
	fill_composite(s, e, t, p);
	return p;
}

/* ---- identifiers ---- */

static Value *identval(Gen *s, Node *e)
{
	Object *o = objof(s, e);
	if (!o)
		ice(node_pos(e), "ssagen", "unresolved identifier %.*s", (int)e->ident.name.n, e->ident.name.p);
	switch (o->kind) {
	case OBJ_VAR: {
		LVar *v = gen_lookupvar(s, o);
		if (v && v->kind == VK_SSA)
			return gen_readvar(s, v->id);
		return gen_load(s, v ? v->type : o->type, gen_addr(s, e));
	}
	case OBJ_NIL:
		return gen_zero(s, gen_type(mustype(s, e)));
	case OBJ_FUNC:
		return gen_funcvalue(s, o, gen_funcref(s, e, o), mustype(s, e));
	default:
		break;
	}
	gen_unimpl(s, node_pos(e), "identifier of this kind");
}

/* ---- the expression switch ---- */

Value *gen_expr(Gen *s, Node *e)
{
	if (stack_low())
		stack_exhausted(node_pos(e));
	TypeAndValue *tv = gen_tv(s, e);
	Pos saved = s->pos;
	if (tv && tv->mode == MODE_CONSTANT)
		return constval(s, tv->type, tv->val, node_pos(e));
	if (s->hoisted.n) {
		Value *hv = gen_hoisted(s, e);
		if (hv)
			return hv;
	}
	switch (e->kind) {
	case N_ParenExpr:
		return gen_expr(s, e->paren.x);
	case N_Ident:
		return identval(s, e);
	case N_BasicLit:
		return constval(s, mustype(s, e), tv ? tv->val : const_unknown(), node_pos(e));
	case N_UnaryExpr: {
		Node *x = e->unary.x;
		Type *t = mustype(s, e);
		switch (e->unary.op) {
		case TOK_AND: {
			Node *ux = gen_unparen(x);
			if (ux->kind == N_CompositeLit)
				return complit_addr(s, ux, mustype(s, ux));
			return gen_addr(s, x);
		}
		case TOK_NOT:
			return gen_value1(s, OpNot, ssa_t_bool, gen_expr(s, x));
		case TOK_ADD:
			return gen_exprto(s, x, t);
		case TOK_SUB: {
			Value *v = gen_exprto(s, x, t);
			SsaType *st = v->type;
			if (isfloat(st))
				return gen_value1(s, st->size == 4 ? OpNeg32F : OpNeg64F, st, v);
			if (st->kind == SK_COMPLEX) {
				SsaType *ft = st->size == 8 ? ssa_t_float32 : ssa_t_float64;
				Op neg = st->size == 8 ? OpNeg32F : OpNeg64F;
				return gen_value2(s, OpComplexMake, st, gen_value1(s, neg, ft, gen_value1(s, OpComplexReal, ft, v)),
						  gen_value1(s, neg, ft, gen_value1(s, OpComplexImag, ft, v)));
			}
			return gen_value1(s, fam(OpNeg8, st), st, v);
		}
		case TOK_XOR: {
			Value *v = gen_exprto(s, x, t);
			return gen_value1(s, fam(OpCom8, v->type), v->type, v);
		}
		case TOK_ARROW: {
			Value *hv = gen_hoisted(s, e);
			return hv ? hv : gen_chanrecv(s, e, NULL);
		}
		}
		break;
	}
	case N_BinaryExpr: {
		int op = e->binary.op;
		Type *t = mustype(s, e);
		if (op == TOK_LAND || op == TOK_LOR)
			return gen_cond(s, e);
		Type *xt = mustype(s, e->binary.x), *yt = mustype(s, e->binary.y);
		if (op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ) {
			/* operands: converted to each other's type (one may be untyped or nil) */
			Type *ct = xt;
			if (is_untyped(xt) || (is_interface(yt) && !is_interface(xt)))
				ct = yt;
			if (is_untyped(ct))
				ct = type_default(ct);
			bool xnil = xt->kind == TY_BASIC && xt->basic.kind == BK_UNTYPED_NIL;
			bool ynil = yt->kind == TY_BASIC && yt->basic.kind == BK_UNTYPED_NIL;
			if (is_interface(ct) && (xnil || ynil) && (op == TOK_EQL || op == TOK_NEQ)) {
				/* x == nil: the type word only */
				Node *ie = xnil ? e->binary.y : e->binary.x;
				Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, gen_expr(s, ie));
				Value *nn = gen_value1(s, OpIsNonNil, ssa_t_bool, tab);
				return op == TOK_NEQ ? nn : gen_value1(s, OpNot, ssa_t_bool, nn);
			}
			if (is_interface(ct) && (!is_interface(xt) || !is_interface(yt)) && !is_untyped(xt) && !is_untyped(yt)) {
				Value *x = gen_exprto(s, e->binary.x, ct), *y = gen_exprto(s, e->binary.y, ct);
				return gen_compare(s, op, ct, x, y, e->binary.oppos);
			}
			Value *x = cmp_operand(s, e->binary.x, ct);
			Value *y = cmp_operand(s, e->binary.y, ct);
			return gen_compare(s, op, ct, x, y, e->binary.oppos);
		}
		if (is_untyped(t))
			t = type_default(t);
		if (op == TOK_ADD && under(t)->kind == TY_BASIC && is_string(t)) {
			Value *parts[64];
			int n = 0;
			concatparts(s, e, parts, &n, 64);
			s->bufsite = e;
			return gen_strcat(s, parts, n);
		}
		Value *x = gen_exprto(s, e->binary.x, t);
		Value *y;
		if (op == TOK_SHL || op == TOK_SHR) {
			TypeAndValue *ytv = gen_tv(s, e->binary.y);
			if (ytv && ytv->mode == MODE_CONSTANT && is_untyped(yt))
				/* an untyped constant count (1., 1+0i, M+0.): its integer value */
				y = constval(s, typ_basic[BK_UINT], ytv->val, e->binary.oppos);
			else if (is_untyped(yt))
				y = gen_exprto(s, e->binary.y, typ_basic[BK_UINT]);
			else
				y = gen_expr(s, e->binary.y);
		} else
			y = gen_exprto(s, e->binary.y, t);
		return gen_binop(s, op, t, x, y, e->binary.y, e->binary.oppos);
	}
	case N_CallExpr: {
		Value *res[GEN_MAXRES + 1];
		Type *rt[GEN_MAXRES + 1];
		int n = gen_call(s, e, res, rt, GEN_MAXRES);
		if (n < 1)
			ice(node_pos(e), "ssagen", "call used as a value has no result");
		s->pos = saved;
		return res[0];
	}
	case N_IndexExpr:
	case N_IndexListExpr: {
		/* F[T...]: an instance of a generic function as a value */
		Node *fx = gen_unparen(e->kind == N_IndexExpr ? e->index.x : e->indexlist.x);
		Object *fo = fx->kind == N_Ident ? objof(s, fx) : fx->kind == N_SelectorExpr ? objof(s, fx->selector.sel) : NULL;
		if (fo && fo->kind == OBJ_FUNC && fo->type && fo->type->sig.tparams.n)
			return gen_funcvalue(s, fo, gen_funcref(s, fx, fo), mustype(s, e));
		if (e->kind == N_IndexListExpr)
			break;
		return indexexpr(s, e);
	}
	case N_SliceExpr: {
		Value *hv = gen_hoisted(s, e);
		return hv ? hv : sliceexpr(s, e);
	}
	case N_SelectorExpr: {
		Object *o = objof(s, e->selector.sel);
		if (o && o->kind == OBJ_FUNC && o->type->sig.recv == NULL)
			return gen_funcvalue(s, o, gen_funcref(s, e, o), mustype(s, e)); /* pkg.F */
		if (o && o->kind == OBJ_VAR && !(o->flags & OF_FIELD))
			return gen_load(s, o->type, gen_globaladdr(s, o));
		if (o && o->kind == OBJ_FUNC)
			return gen_methodvalue(s, e);
		Type *t = mustype(s, e);
		return gen_load(s, t, fieldaddr(s, e));
	}
	case N_StarExpr: {
		Type *t = mustype(s, e);
		return gen_load(s, t, gen_nilcheck(s, gen_expr(s, e->star.x)));
	}
	case N_CompositeLit:
		return complit(s, e, false);
	case N_FuncLit:
		return gen_funclit(s, e);
	case N_TypeAssertExpr: {
		Value *hv = gen_hoisted(s, e);
		return hv ? hv : gen_typeassert(s, e, NULL);
	}
	default:
		break;
	}
	gen_unimpl(s, node_pos(e), node_kind_names[e->kind]);
}
