/*
 * stmt.c — statements.  Assignments evaluate in the spec's two phases
 * (index and pointer operands on the left and the values on the right,
 * then the stores left to right); loops, switches and labels build their
 * blocks as described in func.c (what is sealed when).
 */
#include "ssagen.h"

static Object *defobj(Gen *s, Node *id)
{
	Object *o = ptrmap_get(&s->check->info.defs, id);
	if (!o)
		o = ptrmap_get(&s->check->info.uses, id);
	return o;
}

/* ---- lvalues ---- */

enum { LV_BLANK, LV_SSA, LV_MEM, LV_MAP };

typedef struct LValue {
	int kind;
	LVar *var;     /* LV_SSA */
	Value *addr;   /* LV_MEM */
	LvChecks chk;  /* LV_MEM: the target's own checks, made at the store */
	Type *type;
	Node *node;
	Value *map, *key; /* LV_MAP */
	Type *mtype;
} LValue;

static bool is_blank(Node *e)
{
	e = gen_unparen(e);
	return e->kind == N_Ident && str_eqc(e->ident.name, "_");
}

static LValue lvalue(Gen *s, Node *e)
{
	LValue lv = {0};
	lv.node = e;
	if (is_blank(e))
		return lv;
	Node *u = gen_unparen(e);
	lv.type = gen_typeof(s, u);
	if (u->kind == N_Ident) {
		Object *o = defobj(s, u);
		LVar *v = o ? gen_lookupvar(s, o) : NULL;
		if (v && v->kind == VK_SSA) {
			lv.kind = LV_SSA;
			lv.var = v;
			lv.type = v->type;
			return lv;
		}
		if (o)
			lv.type = v ? v->type : o->type;
	}
	if (u->kind == N_IndexExpr) {
		Type *xt = gen_typeof(s, u->index.x);
		if (xt && under(xt)->kind == TY_MAP) {
			lv.kind = LV_MAP;
			lv.mtype = xt;
			lv.type = under(xt)->map.elem;
			lv.map = gen_expr(s, u->index.x);
			lv.key = gen_copytemp(s, under(xt)->map.key, gen_exprto(s, u->index.index, under(xt)->map.key));
			return lv;
		}
	}
	lv.kind = LV_MEM;
	lv.addr = gen_lvaddr(s, u, &lv.chk);
	return lv;
}

/* x = *p of an array of several elements: the two may overlap partly
 * (slice-to-array-pointer conversions make that legal: *(*[2]int)(a[:])
 * = *(*[2]int)(a[1:])), which the block copy of a Move gets wrong, so
 * the copy is runtime.memmove's, as gc's moveWhichMayOverlap does; sizes
 * the back end copies with one load and one store are safe */
static bool mayoverlap(Node *rhs, Type *t)
{
	rhs = gen_unparen(rhs);
	if (rhs->kind != N_StarExpr)
		return false;
	Type *u = under(t);
	if (u->kind != TY_ARRAY || u->array.len < 2)
		return false;
	int64_t n = gen_sizeof(t);
	return n != 1 && n != 2 && n != 4 && n != 8 && n != 16;
}

static void lvassign(Gen *s, LValue *lv, Value *v, Type *vt)
{
	if (lv->kind == LV_BLANK)
		return;
	v = gen_convert(s, v, vt, lv->type, node_pos(lv->node));
	if (lv->kind == LV_SSA) {
		gen_writevar(s, lv->var->id, v);
		return;
	}
	if (lv->kind == LV_MAP) {
		v = gen_copytemp(s, lv->type, v);
		Value *p = gen_mapassign(s, lv->mtype, lv->map, lv->key);
		gen_store(s, lv->type, p, v);
		return;
	}
	gen_lvchecks(s, &lv->chk);
	gen_store(s, lv->type, lv->addr, v);
}

static Value *lvread(Gen *s, LValue *lv)
{
	switch (lv->kind) {
	case LV_SSA: return gen_readvar(s, lv->var->id);
	case LV_MAP: return gen_mapaccess(s, lv->mtype, lv->map, lv->key, NULL);
	}
	gen_lvchecks(s, &lv->chk);
	return gen_load(s, lv->type, lv->addr);
}

void gen_assign(Gen *s, Node *lhs, Value *v, Type *vt)
{
	LValue lv = lvalue(s, lhs);
	lvassign(s, &lv, v, vt);
}

/* ---- assignments and declarations ---- */

/* the values of a multi-valued right-hand side (a call, or a comma-ok
 * form); returns the count */
int gen_multivalue(Gen *s, Node *rhs, int nlhs, Value **vals, Type **types)
{
	Node *r = gen_unparen(rhs);
	if (r->kind == N_CallExpr)
		return gen_call(s, r, vals, types, GEN_MAXRES);
	if (nlhs != 2)
		gen_unimpl(s, node_pos(r), "multi-value assignment");
	Value *ok = NULL;
	switch (r->kind) {
	case N_IndexExpr: vals[0] = gen_mapindex(s, r, &ok); break;
	case N_TypeAssertExpr: vals[0] = gen_typeassert(s, r, &ok); break;
	case N_UnaryExpr: vals[0] = gen_chanrecv(s, r, &ok); break;
	default: gen_unimpl(s, node_pos(r), "comma-ok form");
	}
	types[0] = gen_typeof(s, r);
	vals[1] = ok;
	types[1] = typ_basic[BK_BOOL];
	return 2;
}

/* the type of an assignment's target (NULL for _) */
static Type *lhstype(Gen *s, Node *e)
{
	if (is_blank(e))
		return NULL;
	Node *u = gen_unparen(e);
	if (u->kind == N_Ident) {
		Object *o = defobj(s, u);
		return o ? o->type : NULL;
	}
	return gen_typeof(s, u);
}

static void assign_stmt(Gen *s, Node *n)
{
	List lhs = n->assign.lhs, rhs = n->assign.rhs;
	int tok = n->assign.tok;
	for (uint32_t i = 0; i < lhs.n; i++)
		if (!is_blank(lhs.v[i]))
			gen_hoist_operands(s, lhs.v[i]);
	if (rhs.n == lhs.n)
		for (uint32_t i = 0; i < rhs.n; i++)
			gen_hoist_to(s, rhs.v[i], lhstype(s, lhs.v[i]));
	else
		gen_hoist_operands(s, rhs.v[0]); /* f() or a comma-ok form: evaluated as a whole */
	if (tok != TOK_ASSIGN && tok != TOK_DEFINE) {
		/* x op= y: x's operands, then y, then x itself (as gc, which
		 * evaluates the calls in y first) */
		int op = tok - TOK_ADD_ASSIGN + TOK_ADD;
		LValue lv = lvalue(s, lhs.v[0]);
		Type *t = lv.type;
		Value *y;
		if (op == TOK_SHL || op == TOK_SHR) {
			Type *yt = gen_typeof(s, rhs.v[0]);
			y = is_untyped(yt) ? gen_exprto(s, rhs.v[0], typ_basic[BK_UINT]) : gen_expr(s, rhs.v[0]);
		} else
			y = gen_exprto(s, rhs.v[0], t);
		s->pos = n->assign.tokpos;
		if (lv.kind == LV_MAP && op != TOK_QUO && op != TOK_REM) {
			/* as gc: the element is made before it is read, so
			 * m[k] <<= -1 leaves m[k] in m (x / 0 does not) */
			Value *p = gen_mapassign(s, lv.mtype, lv.map, lv.key);
			Value *r = gen_binop(s, op, t, gen_load(s, t, p), y, rhs.v[0], n->assign.tokpos);
			gen_store(s, t, p, r);
			return;
		}
		Value *x = lvread(s, &lv);
		Value *r = gen_binop(s, op, t, x, y, rhs.v[0], n->assign.tokpos);
		lvassign(s, &lv, r, t);
		return;
	}
	uint32_t nl = lhs.n;
	Value *vals[GEN_MAXRES + 1];
	Type *types[GEN_MAXRES + 1];
	if (nl > 64)
		gen_unimpl(s, n->assign.tokpos, "assignment of more than 64 values");
	if (tok == TOK_DEFINE) {
		/* values first, then the new variables */
		if (rhs.n == nl) {
			for (uint32_t i = 0; i < nl; i++) {
				vals[i] = gen_expr(s, rhs.v[i]);
				types[i] = gen_typeof(s, rhs.v[i]);
				if (nl > 1 && types[i])
					vals[i] = gen_copytemp(s, types[i], vals[i]);
			}
		} else
			gen_multivalue(s, rhs.v[0], (int)nl, vals, types);
		for (uint32_t i = 0; i < nl; i++) {
			Node *id = lhs.v[i];
			if (is_blank(id))
				continue;
			Object *o = ptrmap_get(&s->check->info.defs, id);
			if (o && !gen_lookupvar(s, o))
				gen_declare(s, o, node_pos(id));
		}
		for (uint32_t i = 0; i < nl; i++)
			gen_assign(s, lhs.v[i], vals[i], types[i]);
		return;
	}
	if (nl == 1 && rhs.n == 1) {
		LValue lv = lvalue(s, lhs.v[0]);
		Value *v = gen_expr(s, rhs.v[0]);
		if (lv.kind == LV_MEM && mayoverlap(rhs.v[0], lv.type)) {
			gen_lvchecks(s, &lv.chk);
			gen_rtcall1(s, gen_memmovefn(lv.type), NULL, 3, lv.addr, v,
				    gen_constint(s, ssa_t_int, gen_sizeof(lv.type)));
			return;
		}
		lvassign(s, &lv, v, gen_typeof(s, rhs.v[0]));
		return;
	}
	LValue lvs[64];
	for (uint32_t i = 0; i < nl; i++)
		lvs[i] = lvalue(s, lhs.v[i]);
	if (rhs.n == nl) {
		for (uint32_t i = 0; i < nl; i++) {
			vals[i] = gen_expr(s, rhs.v[i]);
			types[i] = gen_typeof(s, rhs.v[i]);
			if (types[i])
				vals[i] = gen_copytemp(s, types[i], vals[i]);
		}
	} else
		gen_multivalue(s, rhs.v[0], (int)nl, vals, types);
	for (uint32_t i = 0; i < nl; i++)
		lvassign(s, &lvs[i], vals[i], types[i]);
}

/* local types in an instance: one type for all instances unless it
 * mentions the type parameters (a safety net: gc 1.19 rejects type
 * declarations in generic functions, and so does goc's checker when
 * compiling, Checker.compiling) */
static void type_decl(Gen *s, Node *gd)
{
	if (!s->tsubst)
		return;
	for (uint32_t k = 0; k < gd->gendecl.specs.n; k++) {
		Node *sp = gd->gendecl.specs.v[k];
		Object *o = defobj(s, sp->typespec.name);
		if (o && o->type && (sp->typespec.typeparams || gen_has_tparam(under(o->type))))
			gen_unimpl(s, node_pos(sp), "type declaration using type parameters inside a generic function");
	}
}

static void var_decl(Gen *s, Node *gd)
{
	if (gd->gendecl.tok == TOK_TYPE)
		type_decl(s, gd);
	if (gd->gendecl.tok != TOK_VAR)
		return;
	for (uint32_t k = 0; k < gd->gendecl.specs.n; k++) {
		Node *sp = gd->gendecl.specs.v[k];
		List names = sp->valuespec.names, values = sp->valuespec.values;
		Value *vals[GEN_MAXRES + 1];
		Type *types[GEN_MAXRES + 1];
		uint32_t nn = names.n;
		if (nn > 64)
			gen_unimpl(s, node_pos(sp), "declaration of more than 64 variables");
		/* var a, b = x, y is a = x; b = y, one after the other (as gc,
		 * whose noder makes one assignment of each pair; the names'
		 * scope starts after the spec, so the values cannot see them) */
		bool paired = values.n == nn;
		if (values.n == 1 && nn > 1) {
			gen_hoist_operands(s, values.v[0]);
			gen_multivalue(s, values.v[0], (int)nn, vals, types);
		}
		for (uint32_t i = 0; i < nn; i++) {
			if (paired) {
				gen_hoist(s, values.v[i]);
				vals[i] = gen_expr(s, values.v[i]);
				types[i] = gen_typeof(s, values.v[i]);
			}
			Node *id = names.v[i];
			Object *o = ptrmap_get(&s->check->info.defs, id);
			if (!o || strcmp(o->name, "_") == 0)
				continue;
			gen_declare(s, o, node_pos(id));
			if (values.n)
				gen_assign(s, id, vals[i], types[i]);
		}
	}
}

/* ---- control flow ---- */

static const char *labelname(Node *id) { return id ? intern_s(id->ident.name) : NULL; }

static Block *labelblock(Gen *s, const char *name)
{
	Block *b = ptrmap_get(&s->labels, name);
	if (!b) {
		b = gen_newblock(s, BlockPlain);
		ptrmap_put(&s->labels, name, b);
		if (s->ntoseal == s->captoseal) {
			s->captoseal = s->captoseal ? 2 * s->captoseal : 16;
			s->toseal = xrealloc(s->toseal, (size_t)s->captoseal * sizeof *s->toseal);
		}
		s->toseal[s->ntoseal++] = b;
	}
	return b;
}

static void branch(Gen *s, Node *n)
{
	const char *lab = labelname(n->branch.label);
	switch (n->branch.tok) {
	case TOK_GOTO:
		gen_endplain(s, labelblock(s, lab));
		return;
	case TOK_FALLTHROUGH:
		gen_endplain(s, s->fallthrough);
		return;
	case TOK_BREAK: case TOK_CONTINUE: {
		bool brk = n->branch.tok == TOK_BREAK;
		for (Target *t = s->targets; t; t = t->outer) {
			if (lab ? t->labelname != lab : !(brk ? t->brk : t->cont))
				continue;
			Block *to = brk ? t->brk : t->cont;
			if (!to)
				ice(n->branch.tokpos, "ssagen", "branch target missing");
			gen_endplain(s, to);
			return;
		}
		ice(n->branch.tokpos, "ssagen", "no target for %s", brk ? "break" : "continue");
	}
	}
	gen_unimpl(s, n->branch.tokpos, "branch statement");
}

static void if_stmt(Gen *s, Node *n)
{
	if (n->ifstmt.init)
		gen_stmt(s, n->ifstmt.init);
	Block *then = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	Block *els = n->ifstmt.else_ ? gen_newblock(s, BlockPlain) : done;
	s->pos = node_pos(n->ifstmt.cond);
	gen_condjump(s, n->ifstmt.cond, then, els);
	gen_startblock(s, then, true);
	gen_block(s, n->ifstmt.body->block.list);
	gen_endplain(s, done);
	if (n->ifstmt.else_) {
		gen_startblock(s, els, true);
		gen_stmt(s, n->ifstmt.else_);
		gen_endplain(s, done);
	}
	gen_startblock(s, done, true);
}

static void for_stmt(Gen *s, Node *n, const char *label)
{
	if (n->forstmt.init)
		gen_stmt(s, n->forstmt.init);
	Block *header = gen_newblock(s, BlockPlain), *body = gen_newblock(s, BlockPlain),
	      *post = gen_newblock(s, BlockPlain), *exit = gen_newblock(s, BlockPlain);
	gen_startblock(s, header, false);
	if (n->forstmt.cond) {
		s->pos = node_pos(n->forstmt.cond);
		gen_condjump(s, n->forstmt.cond, body, exit);
	} else
		gen_endplain(s, body);
	Target t = {s->targets, NULL, label, exit, post};
	s->targets = &t;
	gen_startblock(s, body, true);
	gen_block(s, n->forstmt.body->block.list);
	s->targets = t.outer;
	gen_startblock(s, post, true);
	if (n->forstmt.post)
		gen_stmt(s, n->forstmt.post);
	gen_endplain(s, header);
	gen_seal(s, header);
	gen_startblock(s, exit, true);
}

/* assigns or declares the iteration variables of a range statement */
static void range_assign(Gen *s, Node *n, Node *lhs, Value *v, Type *vt)
{
	(void)n;
	if (!lhs || is_blank(lhs))
		return;
	gen_assign(s, lhs, v, vt);
}

/* k, v = key, value: both left-hand sides evaluated before either store */
static void range_assign2(Gen *s, Node *n, Node *key, Value *kv, Type *kt, Node *val, Value *vv, Type *vt)
{
	if (!val || is_blank(val) || n->rangestmt.tok == TOK_DEFINE) {
		range_assign(s, n, key, kv, kt);
		range_assign(s, n, val, vv, vt);
		return;
	}
	LValue lk = {0}, lvv;
	if (key && !is_blank(key))
		lk = lvalue(s, key);
	lvv = lvalue(s, val);
	lvassign(s, &lk, kv, kt);
	lvassign(s, &lvv, vv, vt);
}

/* Go 1.19: the iteration variables of `for k, v := range` are declared
 * once, before the loop */
static void range_declare(Gen *s, Node *n)
{
	if (n->rangestmt.tok != TOK_DEFINE)
		return;
	Node *ids[2] = {n->rangestmt.key, n->rangestmt.value};
	for (int i = 0; i < 2; i++) {
		if (!ids[i] || is_blank(ids[i]))
			continue;
		Object *o = ptrmap_get(&s->check->info.defs, ids[i]);
		if (o && !gen_lookupvar(s, o))
			gen_declare(s, o, node_pos(ids[i]));
	}
}

static void range_chan(Gen *s, Node *n, const char *label, Type *ct);
static void range_assign2(Gen *s, Node *n, Node *key, Value *kv, Type *kt, Node *val, Value *vv, Type *vt);

static void range_map(Gen *s, Node *n, const char *label, Type *mt)
{
	Type *u = under(mt);
	Node *key = n->rangestmt.key, *val = n->rangestmt.value;
	Value *m = gen_expr(s, n->rangestmt.x);
	range_declare(s, n);
	/* the runtime's hiter: its first 8 words are pointers (key, elem, t, h,
	 * buckets, bptr, overflow, oldoverflow; the map's first bucket may be in
	 * this frame); the other 4 are small integers, harmless as pointers */
	Type *ht = new_array(s->check->arena, typ_basic[BK_UNSAFE_POINTER], 12);
	Value *it = gen_tempaddr(s, ht);
	gen_rtcall1(s, "runtime.mapiterinit", NULL, 3, gen_typeaddr(s, mt), m, it);
	Block *header = gen_newblock(s, BlockPlain), *body = gen_newblock(s, BlockPlain),
	      *post = gen_newblock(s, BlockPlain), *exit = gen_newblock(s, BlockPlain);
	gen_startblock(s, header, false);
	s->pos = n->rangestmt.for_;
	SsaType *kpt = ssa_type_ptrto(gen_type(u->map.key)), *vpt = ssa_type_ptrto(gen_type(u->map.elem));
	Value *kp = gen_value2(s, OpLoad, kpt, it, gen_mem(s));
	gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, kp), body, exit);
	gen_startblock(s, body, true);
	kp = gen_value2(s, OpLoad, kpt, it, gen_mem(s));
	Value *kv = NULL, *vv = NULL;
	if (key && !is_blank(key))
		kv = gen_copytemp(s, u->map.key, gen_load(s, u->map.key, kp));
	if (val && !is_blank(val)) {
		Value *vq = gen_value1(s, OpOffPtr, ssa_type_ptrto(vpt), it);
		vq->auxint = 8;
		Value *vp = gen_value2(s, OpLoad, vpt, vq, gen_mem(s));
		vv = gen_copytemp(s, u->map.elem, gen_load(s, u->map.elem, vp));
	}
	range_assign2(s, n, kv ? key : NULL, kv, u->map.key, vv ? val : NULL, vv, u->map.elem);
	Target t = {s->targets, NULL, label, exit, post};
	s->targets = &t;
	gen_block(s, n->rangestmt.body->block.list);
	s->targets = t.outer;
	gen_startblock(s, post, true);
	gen_rtcall1(s, "runtime.mapiternext", NULL, 1, it);
	gen_endplain(s, header);
	gen_seal(s, header);
	gen_startblock(s, exit, true);
}

/* e contains a function call or a channel receive (len(e) is then not
 * constant) */
static bool hascall(Gen *s, Node *e)
{
	if (!e)
		return false;
	TypeAndValue *tv = gen_tv(s, e);
	if (tv && tv->mode == MODE_CONSTANT)
		return false;
	switch (e->kind) {
	case N_CallExpr: {
		TypeAndValue *ftv = gen_tv(s, gen_unparen(e->call.fun));
		if (!(ftv && ftv->mode == MODE_TYPEXPR))
			return true;
		break;
	}
	case N_UnaryExpr:
		if (e->unary.op == TOK_ARROW)
			return true;
		break;
	case N_FuncLit:
		return false;
	}
	const NodeDesc *d = &node_descs[e->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *fd = &d->fields[i];
		if (fd->kind == F_NODE && hascall(s, *(Node **)((char *)e + fd->off)))
			return true;
		if (fd->kind == F_LIST) {
			List l = *(List *)((char *)e + fd->off);
			for (uint32_t k = 0; k < l.n; k++)
				if (hascall(s, l.v[k]))
					return true;
		}
	}
	return false;
}

static void range_stmt(Gen *s, Node *n, const char *label)
{
	Node *x = n->rangestmt.x;
	Type *xt = gen_typeof(s, x);
	Type *u = under(xt);
	gen_hoist(s, x); /* range str + f(): str is read after f */
	Node *key = n->rangestmt.key, *val = n->rangestmt.value;
	if (val && is_blank(val))
		val = NULL;
	Value *ha = NULL, *hn;
	Type *et = NULL;
	bool isstr = false;
	switch (u->kind) {
	case TY_BASIC:
		isstr = true;
		ha = gen_expr(s, x);
		hn = gen_value1(s, OpStringLen, ssa_t_int, ha);
		break;
	case TY_SLICE:
		ha = gen_expr(s, x);
		hn = gen_value1(s, OpSliceLen, ssa_t_int, ha);
		et = u->slice.elem;
		break;
	case TY_ARRAY:
		et = u->array.elem;
		hn = gen_constint(s, ssa_t_int, u->array.len);
		if (val) /* the array is copied (evaluated once) */
			ha = gen_copytemp(s, xt, gen_expr(s, x));
		else if (hascall(s, x)) /* len(x) is not constant: x is evaluated */
			gen_expr(s, x);
		break;
	case TY_POINTER:
		et = under(u->pointer.elem)->array.elem;
		hn = gen_constint(s, ssa_t_int, under(u->pointer.elem)->array.len);
		if (val || hascall(s, x))
			ha = gen_expr(s, x);
		break;
	case TY_MAP:
		range_map(s, n, label, xt);
		return;
	default:
		range_chan(s, n, label, xt);
		return;
	}
	range_declare(s, n);
	int hv1 = gen_newvar(s, ssa_t_int);
	gen_writevar(s, hv1, gen_constint(s, ssa_t_int, 0));
	Block *header = gen_newblock(s, BlockPlain), *body = gen_newblock(s, BlockPlain),
	      *post = gen_newblock(s, BlockPlain), *exit = gen_newblock(s, BlockPlain);
	gen_startblock(s, header, false);
	s->pos = n->rangestmt.for_;
	Value *i = gen_readvar(s, hv1);
	gen_endif(s, gen_value2(s, OpLess64, ssa_t_bool, i, hn), body, exit);
	gen_startblock(s, body, true);
	i = gen_readvar(s, hv1);
	if (isstr) {
		/* c := s[i]; if c < utf8.RuneSelf { r = c; i++ } else { r, i = decoderune(s, i) } */
		int hv2 = gen_newvar(s, ssa_t_int32);
		Value *p = gen_value1(s, OpStringPtr, ssa_t_byteptr, ha);
		Value *c = gen_value2(s, OpLoad, ssa_t_uint8, gen_value2(s, OpAddPtr, ssa_t_byteptr, p, i), gen_mem(s));
		Value *lt = gen_value2(s, OpLess8U, ssa_t_bool, c, gen_constint(s, ssa_t_uint8, 0x80));
		Block *ascii = gen_newblock(s, BlockPlain), *multi = gen_newblock(s, BlockPlain),
		      *join = gen_newblock(s, BlockPlain);
		gen_endif(s, lt, ascii, multi);
		gen_startblock(s, ascii, true);
		gen_writevar(s, hv2, gen_value1(s, OpZeroExt8to32, ssa_t_int32, c));
		gen_writevar(s, hv1, gen_value2(s, OpAdd64, ssa_t_int, i, gen_constint(s, ssa_t_int, 1)));
		gen_endplain(s, join);
		gen_startblock(s, multi, true);
		Value *args[2] = {ha, i}, *res[2];
		SsaType *rt[2] = {ssa_t_int32, ssa_t_int};
		gen_rtcall(s, "runtime.decoderune", args, 2, rt, 2, res);
		gen_writevar(s, hv2, res[0]);
		gen_writevar(s, hv1, res[1]);
		gen_endplain(s, join);
		gen_startblock(s, join, true);
		range_assign2(s, n, key, i, typ_basic[BK_INT], val, gen_readvar(s, hv2), typ_basic[BK_INT32]);
	} else {
		Value *vv = NULL;
		if (val) {
			Value *base;
			if (u->kind == TY_SLICE)
				base = gen_value1(s, OpSlicePtr, ssa_type_ptrto(gen_type(et)), ha);
			else
				base = ha;
			Value *p = gen_ptradd(s, base, i, gen_sizeof(et), ssa_type_ptrto(gen_type(et)));
			vv = gen_copytemp(s, et, gen_load(s, et, p));
		}
		range_assign2(s, n, key, i, typ_basic[BK_INT], val, vv, et);
	}
	Target t = {s->targets, NULL, label, exit, post};
	s->targets = &t;
	gen_block(s, n->rangestmt.body->block.list);
	s->targets = t.outer;
	gen_startblock(s, post, true);
	if (!isstr) {
		Value *iv = gen_readvar(s, hv1);
		gen_writevar(s, hv1, gen_value2(s, OpAdd64, ssa_t_int, iv, gen_constint(s, ssa_t_int, 1)));
	}
	gen_endplain(s, header);
	gen_seal(s, header);
	gen_startblock(s, exit, true);
}

static void switch_stmt(Gen *s, Node *n, const char *label)
{
	if (n->switchstmt.init)
		gen_stmt(s, n->switchstmt.init);
	Value *tag = NULL;
	Type *tt = NULL;
	if (n->switchstmt.tag) {
		tt = gen_typeof(s, n->switchstmt.tag);
		if (is_untyped(tt))
			tt = type_default(tt);
		gen_hoist(s, n->switchstmt.tag);
		tag = gen_copytemp(s, tt, gen_exprto(s, n->switchstmt.tag, tt));
	}
	List clauses = n->switchstmt.body->block.list;
	Block **bodies = xcalloc(clauses.n + 1, sizeof *bodies);
	Block *exit = gen_newblock(s, BlockPlain), *dflt = exit;
	for (uint32_t i = 0; i < clauses.n; i++) {
		bodies[i] = gen_newblock(s, BlockPlain);
		if (clauses.v[i]->caseclause.list.n == 0)
			dflt = bodies[i];
	}
	for (uint32_t i = 0; i < clauses.n; i++) {
		List exprs = clauses.v[i]->caseclause.list;
		for (uint32_t k = 0; k < exprs.n; k++) {
			Node *e = exprs.v[k];
			s->pos = node_pos(e);
			Block *next = gen_newblock(s, BlockPlain);
			if (!tag) {
				gen_condjump(s, e, bodies[i], next);
			} else {
				Type *et = gen_typeof(s, e);
				Type *ct = tt;
				Value *tv = tag;
				if (!is_interface(tt) && et && is_interface(et)) {
					/* a concrete tag against an interface case: compared as interfaces */
					ct = et;
					tv = gen_convert(s, tag, tt, et, node_pos(e));
				}
				gen_hoist(s, e);
				Value *v = gen_exprto(s, e, ct);
				Value *c = gen_compare(s, TOK_EQL, ct, tv, v, node_pos(e));
				gen_endif(s, c, bodies[i], next);
			}
			gen_startblock(s, next, true);
		}
	}
	gen_endplain(s, dflt);
	Target t = {s->targets, NULL, label, exit, NULL};
	s->targets = &t;
	for (uint32_t i = 0; i < clauses.n; i++) {
		gen_startblock(s, bodies[i], true);
		Block *saved = s->fallthrough;
		s->fallthrough = i + 1 < clauses.n ? bodies[i + 1] : exit;
		gen_block(s, clauses.v[i]->caseclause.body);
		s->fallthrough = saved;
		gen_endplain(s, exit);
	}
	s->targets = t.outer;
	free(bodies);
	gen_startblock(s, exit, true);
}

static void typeswitch_stmt(Gen *s, Node *n, const char *label)
{
	if (n->typeswitch.init)
		gen_stmt(s, n->typeswitch.init);
	Node *as = n->typeswitch.assign;
	Node *ta = as->kind == N_AssignStmt ? as->assign.rhs.v[0] : as->exprstmt.x;
	ta = gen_unparen(ta);
	Node *x = ta->typeassert.x;
	Type *xt = gen_typeof(s, x);
	Value *xv = gen_expr(s, x);
	List clauses = n->typeswitch.body->block.list;
	Block **bodies = xcalloc(clauses.n + 1, sizeof *bodies);
	Block *exit = gen_newblock(s, BlockPlain), *dflt = exit;
	for (uint32_t i = 0; i < clauses.n; i++) {
		bodies[i] = gen_newblock(s, BlockPlain);
		if (clauses.v[i]->caseclause.list.n == 0)
			dflt = bodies[i];
	}
	for (uint32_t i = 0; i < clauses.n; i++) {
		List types = clauses.v[i]->caseclause.list;
		for (uint32_t k = 0; k < types.n; k++) {
			Node *te = types.v[k];
			s->pos = node_pos(te);
			TypeAndValue *tv = gen_tv(s, te);
			Type *t = tv ? tv->type : gen_typeof(s, te);
			Value *c;
			if (!t || (t->kind == TY_BASIC && t->basic.kind == BK_UNTYPED_NIL)) {
				Value *tab = gen_value1(s, OpITab, ssa_t_byteptr, xv);
				c = gen_value1(s, OpNot, ssa_t_bool, gen_value1(s, OpIsNonNil, ssa_t_bool, tab));
			} else if (is_interface(t)) {
				gen_assert(s, xv, xt, t, &c, node_pos(te));
			} else
				c = gen_hastype(s, xv, xt, t);
			Block *next = gen_newblock(s, BlockPlain);
			gen_endif(s, c, bodies[i], next);
			gen_startblock(s, next, true);
		}
	}
	gen_endplain(s, dflt);
	Target t = {s->targets, NULL, label, exit, NULL};
	s->targets = &t;
	for (uint32_t i = 0; i < clauses.n; i++) {
		Node *cl = clauses.v[i];
		gen_startblock(s, bodies[i], true);
		Object *v = ptrmap_get(&s->check->info.implicits, cl);
		if (v && strcmp(v->name, "_") != 0) {
			gen_declare(s, v, node_pos(cl));
			LVar *lv = gen_lookupvar(s, v);
			Value *val = xv;
			Type *vt = xt;
			if (cl->caseclause.list.n == 1) {
				TypeAndValue *tv = gen_tv(s, cl->caseclause.list.v[0]);
				Type *ct = tv ? tv->type : NULL;
				if (ct && !(ct->kind == TY_BASIC && ct->basic.kind == BK_UNTYPED_NIL)) {
					Value *ok;
					val = gen_assert(s, xv, xt, ct, &ok, node_pos(cl));
					vt = ct;
				}
			}
			val = gen_convert(s, val, vt, lv->type, node_pos(cl));
			if (lv->kind == VK_SSA)
				gen_writevar(s, lv->id, val);
			else
				gen_store(s, lv->type, gen_varaddr(s, lv), val);
		}
		gen_block(s, cl->caseclause.body);
		gen_endplain(s, exit);
	}
	s->targets = t.outer;
	free(bodies);
	gen_startblock(s, exit, true);
}

static void select_stmt(Gen *s, Node *n, const char *label)
{
	Block *exit = gen_newblock(s, BlockPlain);
	Target t = {s->targets, NULL, label, exit, NULL};
	s->targets = &t;
	gen_select(s, n, &t);
	s->targets = t.outer;
	gen_startblock(s, exit, true);
}

static void range_chan(Gen *s, Node *n, const char *label, Type *ct)
{
	Value *c = gen_expr(s, n->rangestmt.x);
	range_declare(s, n);
	Block *header = gen_newblock(s, BlockPlain), *body = gen_newblock(s, BlockPlain),
	      *exit = gen_newblock(s, BlockPlain);
	gen_startblock(s, header, false);
	s->pos = n->rangestmt.for_;
	Value *ok;
	Value *v = gen_recv(s, ct, c, &ok);
	gen_endif(s, ok, body, exit);
	gen_startblock(s, body, true);
	Node *key = n->rangestmt.key;
	if (key && !is_blank(key))
		range_assign(s, n, key, v, under(ct)->chan.elem);
	Target t = {s->targets, NULL, label, exit, header};
	s->targets = &t;
	gen_block(s, n->rangestmt.body->block.list);
	s->targets = t.outer;
	gen_endplain(s, header);
	gen_seal(s, header);
	gen_startblock(s, exit, true);
}

static void return_stmt(Gen *s, Node *n)
{
	List rs = n->ret.results;
	int nr = s->nresults;
	Value *vals[GEN_MAXRES + 1];
	Type *types[GEN_MAXRES + 1];
	if (nr > 64)
		gen_unimpl(s, n->ret.return_, "more than 64 results");
	if ((int)rs.n == nr)
		for (int i = 0; i < nr; i++)
			gen_hoist_to(s, rs.v[i], s->results[i]->type);
	else if (rs.n == 1)
		gen_hoist_operands(s, rs.v[0]);
	if (rs.n == 0) {
		for (int i = 0; i < nr; i++) {
			LVar *v = s->results[i];
			vals[i] = v->kind == VK_SSA ? gen_readvar(s, v->id) : gen_load(s, v->type, gen_varaddr(s, v));
		}
	} else if ((int)rs.n == nr) {
		for (int i = 0; i < nr; i++) {
			Type *rt = s->results[i]->type;
			vals[i] = gen_exprto(s, rs.v[i], rt);
			if (nr > 1)
				vals[i] = gen_copytemp(s, rt, vals[i]);
		}
	} else {
		int k = gen_multivalue(s, rs.v[0], nr, vals, types);
		for (int i = 0; i < k && i < nr; i++)
			vals[i] = gen_convert(s, vals[i], types[i], s->results[i]->type, n->ret.return_);
	}
	s->pos = n->ret.return_;
	if (s->hasdefer) {
		/* the deferred calls may read and change the results: store them,
		 * run the defers, return what the variables hold */
		if (rs.n)
			for (int i = 0; i < nr; i++) {
				LVar *v = s->results[i];
				gen_store(s, v->type, gen_varaddr(s, v), vals[i]);
			}
		gen_exit(s);
		return;
	}
	/* memory-typed results are passed as whole values */
	for (int i = 0; i < nr; i++) {
		Type *rt = s->results[i]->type;
		if (!gen_ssaable(rt))
			vals[i] = gen_value2(s, OpLoad, gen_type(rt), vals[i], gen_mem(s));
	}
	Block *b = s->b;
	Value *ctl;
	if (nr == 0)
		ctl = gen_mem(s);
	else {
		SsaType *ft[65];
		for (int i = 0; i < nr; i++)
			ft[i] = vals[i]->type;
		ft[nr] = ssa_t_mem;
		ctl = gen_value0(s, OpMakeResult, ssa_type_tuple(ft, nr + 1));
		for (int i = 0; i < nr; i++)
			ssa_value_addarg(ctl, vals[i]);
		ssa_value_addarg(ctl, gen_mem(s));
	}
	b = s->b;
	b->kind = BlockRet;
	ssa_block_setcontrol(b, 0, ctl);
	s->b = NULL;
}

static void labeled_stmt(Gen *s, Node *n)
{
	const char *name = labelname(n->labeled.label);
	Block *b = labelblock(s, name);
	gen_startblock(s, b, false);
	Node *st = n->labeled.stmt;
	switch (st->kind) {
	case N_ForStmt: for_stmt(s, st, name); return;
	case N_RangeStmt: range_stmt(s, st, name); return;
	case N_SwitchStmt: switch_stmt(s, st, name); return;
	case N_TypeSwitchStmt: typeswitch_stmt(s, st, name); return;
	case N_SelectStmt: select_stmt(s, st, name); return;
	default:
		gen_stmt(s, st);
	}
}

void gen_stmt(Gen *s, Node *n)
{
	if (!n)
		return;
	s->pos = node_pos(n);
	gen_ensureblock(s);
	switch (n->kind) {
	case N_EmptyStmt:
		return;
	case N_BlockStmt:
		gen_block(s, n->block.list);
		return;
	case N_ExprStmt: {
		Node *x = gen_unparen(n->exprstmt.x);
		gen_hoist_operands(s, x);
		if (x->kind == N_CallExpr) {
			Value *res[GEN_MAXRES + 1];
			Type *rt[GEN_MAXRES + 1];
			gen_call(s, x, res, rt, GEN_MAXRES);
		} else
			gen_expr(s, x);
		return;
	}
	case N_DeclStmt:
		var_decl(s, n->declstmt.decl);
		return;
	case N_AssignStmt:
		assign_stmt(s, n);
		return;
	case N_IncDecStmt: {
		gen_hoist_operands(s, n->incdec.x);
		LValue lv = lvalue(s, n->incdec.x);
		Type *t = lv.type;
		Value *x = lvread(s, &lv);
		SsaType *st = gen_type(t);
		Value *one;
		if (st->kind == SK_FLOAT) {
			double d = 1.0;
			int64_t bits;
			memcpy(&bits, &d, 8);
			one = gen_const(s, st->size == 4 ? OpConst32F : OpConst64F, st, bits);
		} else if (st->kind == SK_COMPLEX) {
			Type *ft = typ_basic[st->size == 8 ? BK_FLOAT32 : BK_FLOAT64];
			double d = 1.0;
			int64_t bits;
			memcpy(&bits, &d, 8);
			SsaType *fst = gen_type(ft);
			one = gen_value2(s, OpComplexMake, st, gen_const(s, fst->size == 4 ? OpConst32F : OpConst64F, fst, bits),
					 gen_const(s, fst->size == 4 ? OpConst32F : OpConst64F, fst, 0));
		} else
			one = gen_constint(s, st, 1);
		Value *r = gen_binop(s, n->incdec.tok == TOK_INC ? TOK_ADD : TOK_SUB, t, x, one, NULL, n->incdec.tokpos);
		lvassign(s, &lv, r, t);
		return;
	}
	case N_IfStmt:
		if_stmt(s, n);
		return;
	case N_ForStmt:
		for_stmt(s, n, NULL);
		return;
	case N_RangeStmt:
		range_stmt(s, n, NULL);
		return;
	case N_SwitchStmt:
		switch_stmt(s, n, NULL);
		return;
	case N_BranchStmt:
		branch(s, n);
		return;
	case N_LabeledStmt:
		labeled_stmt(s, n);
		return;
	case N_ReturnStmt:
		return_stmt(s, n);
		return;
	case N_TypeSwitchStmt:
		typeswitch_stmt(s, n, NULL);
		return;
	case N_SelectStmt:
		select_stmt(s, n, NULL);
		return;
	case N_GoStmt:
		gen_go(s, n);
		return;
	case N_DeferStmt:
		gen_defer(s, n);
		return;
	case N_SendStmt:
		gen_send(s, n);
		return;
	default:
		break;
	}
	gen_unimpl(s, node_pos(n), node_kind_names[n->kind]);
}

void gen_exit(Gen *s)
{
	if (s->hasdefer)
		gen_rtcall(s, "runtime.deferreturn", NULL, 0, NULL, 0, NULL);
	int nr = s->nresults;
	Value *vals[GEN_MAXRES + 1];
	Type *types[GEN_MAXRES + 1];
	for (int i = 0; i < nr && i < 64; i++) {
		LVar *v = s->results[i];
		types[i] = v->type;
		vals[i] = v->kind == VK_SSA ? gen_readvar(s, v->id) : gen_load(s, v->type, gen_varaddr(s, v));
	}
	gen_return_values(s, vals, types, nr);
}

void gen_block(Gen *s, List stmts)
{
	for (uint32_t i = 0; i < stmts.n; i++)
		gen_stmt(s, stmts.v[i]);
}
