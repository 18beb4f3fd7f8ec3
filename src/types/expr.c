/*
 * expr.c — expressions (go/types and types2 expr.go, index.go, the
 * assignment helpers of assignments.go): operands, untyped constants and
 * their implicit conversion, unary and binary operators, comparisons,
 * shifts, constant folding with gc's overflow / truncation / division
 * messages, composite and function literals, index and slice expressions,
 * type assertions, and the hooks of types.h (check_expr, check_assignment,
 * check_init_vars, check_init_const, ...).
 *
 * Untyped expressions.  As in go/types, an untyped non-constant expression
 * (a comparison, a shift of an untyped constant by a variable count, ...)
 * gets its final type only when it is used; until then it sits in the
 * "untyped map" (Node* → mode, type, value) and updateExprType walks down
 * the tree when the type becomes known, checking that constant operands are
 * representable and that shifted operands are integers.  Unless the checker
 * records types, constants enter the map only as operands of such
 * expressions (nothing would ever look at the others).
 */
#include "expr.h"
#include <stdarg.h>

/* ---- errors ---- */

/* types2's err(): messages containing "invalid operand" (not at the
 * start) are follow-on errors once an error was reported, and dropped. */
void check_expr_errorf(Checker *c, Pos pos, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (c->nerrors > 0) {
		char *p = strstr(buf, "invalid operand");
		if (p && p != buf)
			return;
	}
	check_errorf(c, pos, "%s", buf);
}

#define OS(x) operand_str(c, (x))
#define TS(t) type_str(c, (t))
#define ES(e) expr_str(c, (e))

static void invalidate(Operand *x)
{
	x->mode = MODE_INVALID;
}

/* ---- the untyped map ---- */

typedef struct Untyped {
	Node *key;
	Type *type;
	Const val;
	uint8_t mode;
	bool islhs, live;
} Untyped;

static struct {
	TPackage *owner;
	Untyped *v;
	uint32_t cap, n;
} um;

static uint32_t um_hash(const void *p)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 17;
	x *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(x >> 32);
}

static void um_own(Checker *c)
{
	if (um.owner == c->pkg)
		return;
	um.owner = c->pkg;
	if (um.v)
		memset(um.v, 0, um.cap * sizeof *um.v);
	um.n = 0;
}

static Untyped *um_find(Checker *c, Node *e)
{
	um_own(c);
	if (!um.cap || !e)
		return NULL;
	uint32_t m = um.cap - 1;
	for (uint32_t i = um_hash(e) & m;; i = (i + 1) & m) {
		if (um.v[i].key == e)
			return um.v[i].live ? &um.v[i] : NULL;
		if (!um.v[i].key)
			return NULL;
	}
}

static void um_put(Checker *c, Node *e, uint8_t mode, Type *t, Const val, bool islhs)
{
	if (!e)
		return;
	um_own(c);
	if ((um.n + 1) * 2 > um.cap) {
		uint32_t ncap = um.cap ? um.cap * 2 : 1024;
		Untyped *nv = xcalloc(ncap, sizeof *nv);
		for (uint32_t i = 0; i < um.cap; i++) {
			if (!um.v[i].key || !um.v[i].live)
				continue;
			uint32_t j = um_hash(um.v[i].key) & (ncap - 1);
			while (nv[j].key)
				j = (j + 1) & (ncap - 1);
			nv[j] = um.v[i];
		}
		free(um.v);
		um.v = nv;
		um.cap = ncap;
		um.n = 0;
		for (uint32_t i = 0; i < ncap; i++)
			um.n += nv[i].key != NULL;
	}
	uint32_t m = um.cap - 1, i = um_hash(e) & m;
	while (um.v[i].key && um.v[i].key != e)
		i = (i + 1) & m;
	if (!um.v[i].key)
		um.n++;
	um.v[i] = (Untyped){e, t, val, mode, islhs, true};
}

/* remembers a constant untyped operand x that became part of a
 * non-constant untyped expression (see the header comment) */
static void remember_operand(Checker *c, Operand *x, bool islhs)
{
	if (x->mode == MODE_CONSTANT && x->expr && is_untyped(x->type)) {
		Untyped *u = um_find(c, x->expr);
		if (u)
			u->islhs |= islhs;
		else
			um_put(c, x->expr, x->mode, x->type, x->val, islhs);
	}
}

/* go/types record */
static void record(Checker *c, Operand *x)
{
	Type *t = x->type;
	Const v = const_unknown();
	switch (x->mode) {
	case MODE_INVALID: t = typ_invalid; break;
	case MODE_NOVALUE: t = NULL; break;
	case MODE_CONSTANT: v = x->val; break;
	}
	if (t && is_untyped(t)) {
		if (c->record || x->mode != MODE_CONSTANT)
			um_put(c, x->expr, x->mode, t, v, false);
		return;
	}
	if (c->record)
		check_record_type(c, x->expr, (OperandMode)x->mode, t, v);
}

/* ---- constants ---- */

enum { CODE_OK, CODE_TRUNCATED, CODE_OVERFLOW, CODE_INVALID_CONST, CODE_INVALID_UNTYPED };

ConstRepErr check_representable(Checker *c, Operand *x, Type *T, Const *rounded)
{
	Type *u = under(T);
	if (u->kind != TY_BASIC)
		return CONST_REP_INVALID;
	Type *xu = under(x->type);
	int xk = xu->kind == TY_BASIC ? xu->basic.kind : BK_INVALID;
	Const out;
	ConstRepErr r = const_representation(c->arena, x->val, (BasicKind)xk, (BasicKind)u->basic.kind,
	    (int)c->sizes->wordsize, &out);
	if (r == CONST_REP_OK && rounded)
		*rounded = out;
	return r;
}

static int representation(Checker *c, Operand *x, Type *basic, Const *v)
{
	switch (check_representable(c, x, basic, v)) {
	case CONST_REP_OK: return CODE_OK;
	case CONST_REP_TRUNCATED: return CODE_TRUNCATED;
	case CONST_REP_OVERFLOW: return CODE_OVERFLOW;
	default: return CODE_INVALID_CONST;
	}
}

static void invalid_conversion(Checker *c, int code, Operand *x, Type *target)
{
	const char *xs = OS(x), *ts = TS(target);
	switch (code) {
	case CODE_TRUNCATED: check_expr_errorf(c, operand_pos(x), "%s truncated to %s", xs, ts); break;
	case CODE_OVERFLOW: check_expr_errorf(c, operand_pos(x), "%s overflows %s", xs, ts); break;
	default: check_expr_errorf(c, operand_pos(x), "cannot convert %s to %s", xs, ts); break;
	}
}

/* go/types representable: x (constant) must be representable in basic type typ */
static void representable(Checker *c, Operand *x, Type *typ)
{
	Const v;
	int code = representation(c, x, typ, &v);
	if (code) {
		invalid_conversion(c, code, x, typ);
		invalidate(x);
		return;
	}
	x->val = v;
}

/* go/types opPos: the operator of a unary or binary expression, else the start */
static Pos op_pos(Node *e)
{
	if (!e)
		return NoPos;
	switch (e->kind) {
	case N_BinaryExpr: return e->binary.oppos;
	default: return start_pos(e);
	}
}

static const char *op_name(Node *e)
{
	if (e && e->kind == N_BinaryExpr)
		return const_op_name((Token)e->binary.op, false);
	if (e && e->kind == N_UnaryExpr)
		return const_op_name((Token)e->unary.op, true);
	return "";
}

/* go/types overflow */
static void overflow(Checker *c, Operand *x)
{
	if (const_is_unknown(x->val)) {
		check_expr_errorf(c, op_pos(x->expr), CONST_MSG_NOT_REPRESENTABLE);
		return;
	}
	if (is_typed(x->type)) {
		representable(c, x, under(x->type));
		return;
	}
	if (const_untyped_overflows(x->val)) {
		check_expr_errorf(c, op_pos(x->expr), "constant %s overflow", op_name(x->expr));
		x->val = const_unknown();
	}
}

/* ---- implicit conversions of untyped operands ---- */

typedef struct ImplicitArg {
	Checker *c;
	Operand *x;
} ImplicitArg;

static int implicit_type_and_value(Checker *c, Operand *x, Type *target, Type **ntype, Const *val, bool *hasval);

static bool implicit_term_f(Type *u, void *arg)
{
	ImplicitArg *ia = arg;
	if (!u)
		return false;
	Type *t;
	Const v;
	bool hv;
	return implicit_type_and_value(ia->c, ia->x, u, &t, &v, &hv) == CODE_OK;
}

static bool is_nil(Operand *x)
{
	return x->mode == MODE_VALUE && is_basic_kind(x->type, BK_UNTYPED_NIL);
}

/* go/types implicitTypeAndValue (nil stays untyped, as in go/types) */
static int implicit_type_and_value(Checker *c, Operand *x, Type *target, Type **ntype, Const *val, bool *hasval)
{
	*hasval = false;
	*ntype = x->type;
	if (x->mode == MODE_INVALID || is_typed(x->type) || target == typ_invalid)
		return CODE_OK;
	if (is_untyped(target)) {
		int xk = x->type->basic.kind, tk = target->basic.kind;
		if (is_numeric(x->type) && is_numeric(target)) {
			if (xk < tk)
				*ntype = target;
		} else if (xk != tk) {
			return CODE_INVALID_UNTYPED;
		}
		return CODE_OK;
	}
	Type *u = under(target);
	switch (u->kind) {
	case TY_BASIC:
		if (x->mode == MODE_CONSTANT) {
			int code = representation(c, x, u, val);
			if (code)
				return code;
			*hasval = true;
			*ntype = target;
			return CODE_OK;
		}
		switch (x->type->basic.kind) {
		case BK_UNTYPED_BOOL:
			if (!is_boolean(target))
				return CODE_INVALID_UNTYPED;
			break;
		case BK_UNTYPED_INT: case BK_UNTYPED_RUNE: case BK_UNTYPED_FLOAT: case BK_UNTYPED_COMPLEX:
			if (!is_numeric(target))
				return CODE_INVALID_UNTYPED;
			break;
		case BK_UNTYPED_STRING:
			if (!is_string(target))
				return CODE_INVALID_UNTYPED;
			break;
		case BK_UNTYPED_NIL:
			if (!has_nil(target))
				return CODE_INVALID_UNTYPED;
			return CODE_OK; /* keep nil untyped */
		default:
			return CODE_INVALID_UNTYPED;
		}
		break;
	case TY_INTERFACE:
		if (target->kind == TY_TYPEPARAM) {
			ImplicitArg ia = {c, x};
			if (!typeset_underIs(c, target, implicit_term_f, &ia))
				return CODE_INVALID_UNTYPED;
			if (is_nil(x))
				return CODE_OK;
			break;
		}
		if (is_nil(x))
			return CODE_OK;
		{
			TypeSet *ts = interface_typeset(c, u);
			if (ts->nmethods || !ts->all || ts->comparable)
				return CODE_INVALID_UNTYPED;
		}
		*ntype = type_default(x->type);
		return CODE_OK;
	case TY_POINTER: case TY_SIGNATURE: case TY_SLICE: case TY_MAP: case TY_CHAN:
		if (!is_nil(x))
			return CODE_INVALID_UNTYPED;
		return CODE_OK;
	default:
		return CODE_INVALID_UNTYPED;
	}
	*ntype = target;
	return CODE_OK;
}

static void update_expr_val(Checker *c, Node *e, Const v)
{
	Untyped *u = um_find(c, e);
	if (u)
		u->val = v;
}

static bool is_comparison(int op)
{
	return op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ;
}

static bool is_shift(int op) { return op == TOK_SHL || op == TOK_SHR; }

static void update_expr_type0(Checker *c, Node *parent, Node *x, Type *typ, bool final)
{
	Untyped *old = um_find(c, x);
	if (!old)
		return;
	bool isconst = old->mode == MODE_CONSTANT;
	switch (x->kind) {
	case N_Ident: case N_BasicLit: case N_SelectorExpr: case N_CallExpr:
		break;
	case N_ParenExpr:
		update_expr_type0(c, x, x->paren.x, typ, final);
		break;
	case N_UnaryExpr:
		if (!isconst)
			update_expr_type0(c, x, x->unary.x, typ, final);
		break;
	case N_BinaryExpr:
		if (isconst)
			break;
		if (is_comparison(x->binary.op)) {
			/* the result type is independent of the operand types */
		} else if (is_shift(x->binary.op)) {
			update_expr_type0(c, x, x->binary.x, typ, final);
		} else {
			update_expr_type0(c, x, x->binary.x, typ, final);
			update_expr_type0(c, x, x->binary.y, typ, final);
		}
		break;
	default:
		return;
	}
	old = um_find(c, x); /* the recursion may have grown nothing, but be safe */
	if (!old)
		return;
	if (!final && is_untyped(typ)) {
		old->type = under(typ);
		return;
	}
	Untyped o = *old;
	old->live = false;
	if (o.islhs) {
		if (!all_integer(typ)) {
			check_expr_errorf(c, start_pos(x), "invalid operation: %s (shift of type %s)", ES(parent), TS(typ));
			return;
		}
	}
	if (o.mode == MODE_CONSTANT) {
		Operand cx = {o.mode, 0, x, o.type, o.val};
		check_convert_untyped(c, &cx, typ);
		if (cx.mode == MODE_INVALID)
			return;
	}
	if (c->record)
		check_record_type(c, x, (OperandMode)o.mode, typ, o.val);
}

/* go/types recordUntyped: the expressions that stayed untyped to the end
 * (an untyped bool condition, a constant operand of such an expression)
 * are recorded with their untyped type and value, for later stages */
void check_record_untyped(Checker *c)
{
	if (!c->record || um.owner != c->pkg)
		return;
	for (uint32_t i = 0; i < um.cap; i++)
		if (um.v[i].key && um.v[i].live)
			check_record_type(c, um.v[i].key, (OperandMode)um.v[i].mode, um.v[i].type, um.v[i].val);
}

void check_update_expr_type(Checker *c, Node *e, Type *t, bool final)
{
	update_expr_type0(c, NULL, e, t, final);
}

void check_convert_untyped(Checker *c, Operand *x, Type *target)
{
	Type *nt;
	Const v;
	bool hasval;
	int code = implicit_type_and_value(c, x, target, &nt, &v, &hasval);
	if (code) {
		Type *t = target;
		if (target->kind != TY_TYPEPARAM)
			t = under(target);
		invalid_conversion(c, code, x, t);
		invalidate(x);
		return;
	}
	if (hasval) {
		x->val = v;
		update_expr_val(c, x->expr, v);
	}
	if (nt != x->type) {
		x->type = nt;
		check_update_expr_type(c, x->expr, nt, false);
	}
}

/* ---- unary expressions ---- */

static bool underis_pointer_f(Type *u, void *arg);

typedef struct IndirectArg {
	Checker *c;
	Operand *x;
	Type *base;
} IndirectArg;

static bool underis_pointer_f(Type *u, void *arg)
{
	IndirectArg *a = arg;
	Checker *c = a->c;
	if (!u || u->kind != TY_POINTER) {
		check_expr_errorf(c, operand_pos(a->x), "invalid operation: cannot indirect %s", OS(a->x));
		return false;
	}
	if (a->base && !identical(u->pointer.elem, a->base)) {
		check_expr_errorf(c, operand_pos(a->x), "invalid operation: pointers of %s must have identical base types", OS(a->x));
		return false;
	}
	a->base = u->pointer.elem;
	return true;
}

static bool unary_pred(int op, Type *t)
{
	switch (op) {
	case TOK_ADD: case TOK_SUB: return all_numeric(t);
	case TOK_XOR: return all_integer(t);
	case TOK_NOT: return all_boolean(t);
	}
	return false;
}

static void unary(Checker *c, Operand *x, Node *e)
{
	check_expr(c, x, e->unary.x, NULL);
	if (x->mode == MODE_INVALID)
		return;
	int op = e->unary.op;
	switch (op) {
	case TOK_AND: {
		Node *ux = unparen(e->unary.x);
		if ((!ux || ux->kind != N_CompositeLit) && x->mode != MODE_VARIABLE) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: cannot take address of %s", OS(x));
			invalidate(x);
			return;
		}
		x->mode = MODE_VALUE;
		x->type = new_pointer(c->arena, x->type);
		return;
	}
	case TOK_ARROW: {
		Type *u = core_type(x->type);
		if (!u) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: cannot receive from %s: no core type", OS(x));
			invalidate(x);
			return;
		}
		if (u->kind != TY_CHAN) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: cannot receive from non-channel %s", OS(x));
			invalidate(x);
			return;
		}
		if (u->chan.dir == CHAN_SENDONLY) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: cannot receive from send-only channel %s", OS(x));
			invalidate(x);
			return;
		}
		x->mode = MODE_COMMAOK;
		x->type = u->chan.elem;
		c->env.hasCallOrRecv = true;
		return;
	}
	case TOK_TILDE:
		check_expr_errorf(c, start_pos(e), "cannot use ~ outside of interface or type constraint");
		invalidate(x);
		return;
	}
	if (!unary_pred(op, x->type)) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: operator %s not defined on %s", TOK_NAME(op), OS(x));
		invalidate(x);
		return;
	}
	if (x->mode == MODE_CONSTANT) {
		if (const_is_unknown(x->val))
			return;
		unsigned prec = 0;
		if (is_unsigned(x->type))
			prec = (unsigned)(sizes_sizeof(c->sizes, x->type) * 8);
		x->val = const_unary(c->arena, (Token)op, x->val, prec);
		x->expr = e;
		overflow(c, x);
		return;
	}
	x->mode = MODE_VALUE;
}

/* ---- comparisons ---- */

static const char *kind_string(Checker *c, Type *t)
{
	switch (under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_SIGNATURE: return "func";
	case TY_INTERFACE:
		if (t->kind == TY_TYPEPARAM) {
			Buf b = {0};
			buf_printf(&b, "type parameter %s", TS(t));
			const char *s = arena_strndup(&c->scratch, b.p, b.n);
			buf_free(&b);
			return s;
		}
		return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return TS(t);
	}
}

/* the reason comparable(T, dynamic=true, reportf) gives, or "" */
static const char *incomparable_cause(Checker *c, Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_SLICE: case TY_SIGNATURE: case TY_MAP: {
		Buf b = {0};
		buf_printf(&b, "%s can only be compared to nil", kind_string(c, t));
		const char *s = arena_strndup(&c->scratch, b.p, b.n);
		buf_free(&b);
		return s;
	}
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++) {
			Type *ft = u->struct_.fields[i]->type;
			if (!is_comparable(ft)) {
				Buf b = {0};
				buf_printf(&b, "struct containing %s cannot be compared", TS(ft));
				const char *s = arena_strndup(&c->scratch, b.p, b.n);
				buf_free(&b);
				return s;
			}
		}
		return "";
	case TY_ARRAY:
		if (!is_comparable(u->array.elem)) {
			Buf b = {0};
			buf_printf(&b, "%s cannot be compared", TS(u));
			const char *s = arena_strndup(&c->scratch, b.p, b.n);
			buf_free(&b);
			return s;
		}
		return "";
	case TY_INTERFACE: {
		TypeSet *ts = interface_typeset(c, u);
		if (typeset_is_empty(ts))
			return "empty type set";
		return "incomparable types in type set";
	}
	default:
		return "";
	}
}

void check_comparison(Checker *c, Operand *x, Operand *y, Token op, bool switch_case)
{
	if (switch_case)
		op = TOK_EQL;
	Operand *errop = x;
	const char *cause = "";
	bool ok = operand_assignable_to(c, x, y->type, NULL);
	if (!ok)
		ok = operand_assignable_to(c, y, x->type, NULL);
	if (!ok) {
		errop = y;
		Buf b = {0};
		buf_printf(&b, "mismatched types %s and %s", TS(x->type), TS(y->type));
		cause = arena_strndup(&c->scratch, b.p, b.n);
		buf_free(&b);
		goto error;
	}
	switch (op) {
	case TOK_EQL: case TOK_NEQ:
		if (is_nil(x) || is_nil(y)) {
			Type *typ = is_nil(x) ? y->type : x->type;
			if (!has_nil(typ)) {
				errop = y;
				goto error;
			}
		} else if (!is_comparable(x->type)) {
			errop = x;
			cause = incomparable_cause(c, x->type);
			goto error;
		} else if (!is_comparable(y->type)) {
			errop = y;
			cause = incomparable_cause(c, y->type);
			goto error;
		}
		break;
	default:
		if (!all_ordered(x->type)) {
			errop = x;
			goto error;
		}
		if (!all_ordered(y->type)) {
			errop = y;
			goto error;
		}
		break;
	}
	if (x->mode == MODE_CONSTANT && y->mode == MODE_CONSTANT) {
		x->val = const_bool(const_compare(x->val, op, y->val));
	} else {
		x->mode = MODE_VALUE;
		check_update_expr_type(c, x->expr, type_default(x->type), true);
		check_update_expr_type(c, y->expr, type_default(y->type), true);
	}
	x->type = typ_basic[BK_UNTYPED_BOOL];
	return;
error:
	if (!*cause) {
		Buf b = {0};
		if (is_typeparam(x->type) || is_typeparam(y->type)) {
			if (!is_typeparam(x->type))
				errop = y;
			buf_printf(&b, "type parameter %s is not comparable with %s", TS(errop->type), TOK_NAME(op));
		} else {
			buf_printf(&b, "operator %s not defined on %s", TOK_NAME(op), kind_string(c, errop->type));
		}
		cause = arena_strndup(&c->scratch, b.p, b.n);
		buf_free(&b);
	}
	if (switch_case)
		check_expr_errorf(c, operand_pos(x), "invalid case %s in switch on %s (%s)", ES(x->expr), ES(y->expr), cause);
	else
		check_expr_errorf(c, operand_pos(errop), "invalid operation: %s %s %s (%s)", ES(x->expr), TOK_NAME(op), ES(y->expr), cause);
	invalidate(x);
}

/* ---- shifts ---- */

static void shift(Checker *c, Operand *x, Operand *y, Node *e, int op)
{
	Const xval = const_unknown();
	bool hasxval = false;
	if (x->mode == MODE_CONSTANT) {
		xval = const_to_int(c->arena, x->val);
		hasxval = true;
	}
	if (all_integer(x->type) || (is_untyped(x->type) && hasxval && const_kind(xval) == CONST_INT)) {
		/* ok */
	} else {
		check_expr_errorf(c, operand_pos(x), "invalid operation: shifted operand %s must be integer", OS(x));
		invalidate(x);
		return;
	}
	if (y->mode == MODE_CONSTANT) {
		Const yval = const_to_int(c->arena, y->val);
		if (const_kind(yval) == CONST_INT && const_sign(yval) < 0) {
			check_expr_errorf(c, operand_pos(y), "invalid operation: negative shift count %s", OS(y));
			invalidate(x);
			return;
		}
		if (is_untyped(y->type)) {
			representable(c, y, typ_basic[BK_UINT]);
			if (y->mode == MODE_INVALID) {
				invalidate(x);
				return;
			}
		}
	} else {
		if (all_integer(y->type)) {
			/* ok (signed shift counts: go1.13) */
		} else if (is_untyped(y->type)) {
			check_convert_untyped(c, y, typ_basic[BK_UINT]);
			if (y->mode == MODE_INVALID) {
				invalidate(x);
				return;
			}
		} else {
			check_expr_errorf(c, operand_pos(y), "invalid operation: shift count %s must be integer", OS(y));
			invalidate(x);
			return;
		}
	}
	if (x->mode == MODE_CONSTANT) {
		if (y->mode == MODE_CONSTANT) {
			if (const_is_unknown(x->val) || const_is_unknown(y->val)) {
				x->val = const_unknown();
				if (!is_integer(x->type))
					x->type = typ_basic[BK_UNTYPED_INT];
				return;
			}
			bool exact;
			uint64_t s = const_uint64_val(const_to_int(c->arena, y->val), &exact);
			if (!exact || s > CONST_SHIFT_BOUND) {
				check_expr_errorf(c, operand_pos(y), "invalid operation: invalid shift count %s", OS(y));
				invalidate(x);
				return;
			}
			if (!is_integer(x->type))
				x->type = typ_basic[BK_UNTYPED_INT];
			x->val = const_shift(c->arena, xval, (Token)op, (uint64_t)s);
			x->expr = e;
			overflow(c, x);
			return;
		}
		if (is_untyped(x->type)) {
			/* non-constant shift with an untyped constant lhs: its type is decided by the context */
			remember_operand(c, x, true);
			x->mode = MODE_VALUE;
			return;
		}
	}
	if (!all_integer(x->type)) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: shifted operand %s must be integer", OS(x));
		invalidate(x);
		return;
	}
	x->mode = MODE_VALUE;
}

/* ---- binary expressions ---- */

static bool binary_pred(int op, Type *t)
{
	switch (op) {
	case TOK_ADD: return all_numeric_or_string(t);
	case TOK_SUB: case TOK_MUL: case TOK_QUO: return all_numeric(t);
	case TOK_REM: case TOK_AND: case TOK_OR: case TOK_XOR: case TOK_AND_NOT: return all_integer(t);
	case TOK_LAND: case TOK_LOR: return all_boolean(t);
	}
	return false;
}

static bool can_mix(Operand *x, Operand *y)
{
	if (is_nonparam_interface(x->type) || is_nonparam_interface(y->type))
		return true;
	if (all_boolean(x->type) != all_boolean(y->type))
		return false;
	if (all_string(x->type) != all_string(y->type))
		return false;
	if (is_nil(x) && !has_nil(y->type))
		return false;
	if (is_nil(y) && !has_nil(x->type))
		return false;
	return true;
}

/* A long chain a + b + c + ... of constant strings (time/tzdata has
 * thousands of pieces) is concatenated once: pairwise concatenation copies
 * quadratically.  Returns false (nothing evaluated) unless the chain is
 * long and every leaf is a basic string literal. */
static bool string_chain(Checker *c, Operand *x, Node *e)
{
	uint32_t n = 0;
	Node *p = e;
	for (; p->kind == N_BinaryExpr && p->binary.op == TOK_ADD; p = p->binary.x) {
		if (p->binary.y->kind != N_BasicLit || p->binary.y->lit.kind != TOK_STRING)
			return false;
		n++;
	}
	if (n < 16 || p->kind != N_BasicLit || p->lit.kind != TOK_STRING)
		return false;
	Node **leaves = xmalloc((n + 1) * sizeof *leaves);
	uint32_t k = n + 1;
	for (p = e; p->kind == N_BinaryExpr; p = p->binary.x)
		leaves[--k] = p->binary.y;
	leaves[0] = p;
	Buf b = {0};
	bool ok = true;
	for (uint32_t i = 0; i <= n; i++) {
		Operand y;
		check_raw_expr(c, &y, leaves[i], NULL, false);
		if (y.mode != MODE_CONSTANT || const_kind(y.val) != CONST_STRING) {
			ok = false;
			break;
		}
		size_t len;
		const char *sv = const_string_val(y.val, &len);
		buf_put(&b, sv, len);
	}
	if (ok) {
		x->mode = MODE_CONSTANT;
		x->expr = e;
		x->type = typ_basic[BK_UNTYPED_STRING];
		x->val = const_string(c->arena, b.p ? b.p : "", b.n);
	}
	buf_free(&b);
	free(leaves);
	return ok;
}

void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, int op, Pos oppos)
{
	Operand y;
	(void)oppos; /* an assignment's lhs is never constant: no overflow to place */
	check_expr(c, x, lhs, NULL);
	check_expr(c, &y, rhs, NULL);
	if (x->mode == MODE_INVALID)
		return;
	if (y.mode == MODE_INVALID) {
		invalidate(x);
		x->expr = y.expr;
		return;
	}
	if (is_shift(op)) {
		shift(c, x, &y, e, op);
		return;
	}
	if (can_mix(x, &y)) {
		check_convert_untyped(c, x, y.type);
		if (x->mode == MODE_INVALID)
			return;
		check_convert_untyped(c, &y, x->type);
		if (y.mode == MODE_INVALID) {
			invalidate(x);
			return;
		}
	}
	if (is_comparison(op)) {
		Operand x0 = *x;
		check_comparison(c, x, &y, (Token)op, false);
		if (x->mode == MODE_VALUE && is_untyped(x->type)) {
			remember_operand(c, &x0, false);
			remember_operand(c, &y, false);
		}
		return;
	}
	if (!identical(x->type, y.type)) {
		if (x->type != typ_invalid && y.type != typ_invalid) {
			if (e)
				check_expr_errorf(c, operand_pos(x), "invalid operation: %s (mismatched types %s and %s)", ES(e), TS(x->type),
				    TS(y.type));
			else
				check_expr_errorf(c, operand_pos(x), "invalid operation: %s %s= %s (mismatched types %s and %s)", ES(lhs),
				    TOK_NAME(op), ES(rhs), TS(x->type), TS(y.type));
		}
		invalidate(x);
		return;
	}
	if (!binary_pred(op, x->type)) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: operator %s not defined on %s", TOK_NAME(op), OS(x));
		invalidate(x);
		return;
	}
	if (op == TOK_QUO || op == TOK_REM) {
		if ((x->mode == MODE_CONSTANT || all_integer(x->type)) && y.mode == MODE_CONSTANT &&
		    !const_is_unknown(y.val) && const_sign(y.val) == 0) {
			check_expr_errorf(c, operand_pos(&y), CONST_MSG_DIV_ZERO);
			invalidate(x);
			return;
		}
		if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT && is_complex(x->type) &&
		    !const_is_unknown(y.val)) {
			Const re = const_real(y.val), im = const_imag(y.val);
			Const re2 = const_binary(c->arena, re, TOK_MUL, re), im2 = const_binary(c->arena, im, TOK_MUL, im);
			if (const_sign(re2) == 0 && const_sign(im2) == 0) {
				check_expr_errorf(c, operand_pos(&y), CONST_MSG_DIV_ZERO);
				invalidate(x);
				return;
			}
		}
	}
	if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
		if (const_is_unknown(x->val) || const_is_unknown(y.val)) {
			x->val = const_unknown();
			return;
		}
		Token tok = op;
		if (op == TOK_QUO && is_integer(x->type))
			tok = TOK_QUO_ASSIGN;
		x->val = const_binary(c->arena, x->val, tok, y.val);
		x->expr = e;
		overflow(c, x);
		return;
	}
	if (is_untyped(x->type)) {
		/* a non-constant untyped result: its constant operands get their type with it */
		remember_operand(c, x, false);
		remember_operand(c, &y, false);
	}
	x->mode = MODE_VALUE;
}

/* ---- composite literals ---- */

/* a small open-addressing set of int64 (array indices) or constant keys */
typedef struct KeySet {
	struct KeyEnt {
		uint64_t h;
		uint8_t tag;
		uint64_t bits, bits2;
		const char *s;
		size_t n;
		Type *t;
		bool used;
	} * v;
	uint32_t cap, n;
} KeySet;

static void ks_free(KeySet *s) { free(s->v); }

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

static bool ks_eq(struct KeyEnt *a, struct KeyEnt *b)
{
	return a->tag == b->tag && a->bits == b->bits && a->bits2 == b->bits2 && a->n == b->n &&
	       (a->n == 0 || memcmp(a->s, b->s, a->n) == 0);
}

/* adds k; returns true if an equal key (and, if cmptype, an identical type) was present */
static bool ks_add(KeySet *s, struct KeyEnt k, bool cmptype)
{
	if ((s->n + 1) * 2 > s->cap) {
		uint32_t ncap = s->cap ? s->cap * 2 : 64;
		struct KeyEnt *nv = xcalloc(ncap, sizeof *nv);
		for (uint32_t i = 0; i < s->cap; i++) {
			if (!s->v[i].used)
				continue;
			uint32_t j = (uint32_t)s->v[i].h & (ncap - 1);
			while (nv[j].used)
				j = (j + 1) & (ncap - 1);
			nv[j] = s->v[i];
		}
		free(s->v);
		s->v = nv;
		s->cap = ncap;
	}
	uint32_t m = s->cap - 1;
	uint32_t i = (uint32_t)k.h & m;
	for (; s->v[i].used; i = (i + 1) & m)
		if (s->v[i].h == k.h && ks_eq(&s->v[i], &k) && (!cmptype || identical(s->v[i].t, k.t)))
			return true;
	k.used = true;
	s->v[i] = k;
	s->n++;
	return false;
}

static struct KeyEnt int_key(int64_t i)
{
	struct KeyEnt k = {0};
	k.tag = 1;
	k.bits = (uint64_t)i;
	k.h = mix64(k.bits ^ 1);
	return k;
}

static uint64_t dbits(double d)
{
	uint64_t u;
	if (d == 0)
		d = 0; /* -0 == 0 */
	memcpy(&u, &d, sizeof u);
	return u;
}

/* go/types keyVal: constants of different kinds but equal value map to one key */
static struct KeyEnt const_key(Checker *c, Const v)
{
	struct KeyEnt k = {0};
	bool exact;
	switch (const_kind(v)) {
	case CONST_COMPLEX: {
		Const f = const_to_float(&c->scratch, v);
		if (const_kind(f) != CONST_FLOAT) {
			k.tag = 4;
			k.bits = dbits(const_float64_val(const_real(v), &exact));
			k.bits2 = dbits(const_float64_val(const_imag(v), &exact));
			break;
		}
		v = f;
	}
		/* fallthrough */
	case CONST_FLOAT: {
		Const i = const_to_int(&c->scratch, v);
		if (const_kind(i) != CONST_INT) {
			k.tag = 3;
			k.bits = dbits(const_float64_val(v, &exact));
			break;
		}
		v = i;
	}
		/* fallthrough */
	case CONST_INT: {
		int64_t i = const_int64_val(v, &exact);
		if (exact)
			return int_key(i);
		uint64_t u = const_uint64_val(v, &exact);
		if (exact) {
			k.tag = 2;
			k.bits = u;
			break;
		}
		k.tag = 5;
		k.s = const_exact_str(&c->scratch, v);
		k.n = strlen(k.s);
		break;
	}
	case CONST_STRING:
		k.tag = 6;
		k.s = const_string_val(v, &k.n);
		break;
	case CONST_BOOL:
		k.tag = 7;
		k.bits = const_bool_val(v);
		break;
	default:
		k.tag = 8;
		k.bits = (uint64_t)(uintptr_t)v.u.big;
		break;
	}
	k.h = mix64(k.bits * 31 + k.bits2 + k.tag) ^ hash_bytes(k.s ? k.s : "", k.n);
	return k;
}

static int64_t indexed_elts(Checker *c, List elts, Type *typ, int64_t length)
{
	KeySet seen = {0};
	bool keyed = false;
	int64_t index = 0, max = 0;
	for (uint32_t i = 0; i < elts.n; i++) {
		Node *e = elts.v[i];
		bool valid = false;
		Node *eval = e;
		if (e->kind == N_KeyValueExpr) {
			int64_t v;
			Type *t = check_index(c, e->keyvalue.key, length, &v);
			if (t != typ_invalid) {
				if (v >= 0) {
					index = v;
					valid = true;
				} else {
					check_expr_errorf(c, start_pos(e), "index %s must be integer constant", ES(e->keyvalue.key));
				}
			}
			eval = e->keyvalue.value;
			keyed = true;
		} else if (length >= 0 && index >= length) {
			check_expr_errorf(c, start_pos(e), "index %lld is out of bounds (>= %lld)", (long long)index, (long long)length);
		} else {
			valid = true;
		}
		if (valid && keyed) {
			/* before the first key, indices were 0, 1, ..., i-1: no duplicates */
			if (seen.n == 0)
				for (int64_t j = 0; j < (int64_t)i; j++)
					ks_add(&seen, int_key(j), false);
			if (ks_add(&seen, int_key(index), false))
				check_expr_errorf(c, start_pos(e), "duplicate index %lld in array or slice literal", (long long)index);
		}
		index++;
		if (index > max)
			max = index;
		Operand x;
		check_expr_with_hint(c, &x, eval, typ);
		check_assignment(c, &x, typ, "array or slice literal");
	}
	ks_free(&seen);
	return max;
}

static int field_index(Type *st, TPackage *pkg, const char *name)
{
	if (name[0] == '_' && name[1] == 0)
		return -1;
	for (uint32_t i = 0; i < st->struct_.nfields; i++)
		if (same_id(st->struct_.fields[i], pkg, name))
			return (int)i;
	return -1;
}

static bool composite_lit(Checker *c, Operand *x, Node *e, Type *hint)
{
	Type *typ, *base;
	Node *te = e->composite.type;
	if (te) {
		if (te->kind == N_ArrayType && te->arraytype.len && te->arraytype.len->kind == N_Ellipsis &&
		    !te->arraytype.len->ellipsis.elt) {
			typ = new_array(c->arena, check_var_type(c, te->arraytype.elt), -1);
			base = typ;
		} else {
			typ = check_type(c, te);
			base = typ;
		}
	} else if (hint) {
		typ = hint;
		Type *ct = core_type(typ);
		if (!ct) {
			check_expr_errorf(c, start_pos(e), "invalid composite literal element type %s: no core type", TS(typ));
			return false;
		}
		base = ct->kind == TY_POINTER ? ct->pointer.elem : ct;
	} else {
		check_expr_errorf(c, start_pos(e), "missing type in composite literal");
		return false;
	}
	Type *utyp = core_type(base);
	List elts = e->composite.elts;
	switch (utyp ? utyp->kind : TY_TUPLE) {
	case TY_STRUCT: {
		if (!elts.n)
			break;
		uint32_t nf = utyp->struct_.nfields;
		if (elts.v[0]->kind == N_KeyValueExpr) {
			bool *visited = arena_alloc(&c->scratch, nf + 1);
			for (uint32_t i = 0; i < elts.n; i++) {
				Node *kv = elts.v[i];
				if (kv->kind != N_KeyValueExpr) {
					check_expr_errorf(c, start_pos(kv), "mixture of field:value and value elements in struct literal");
					continue;
				}
				Node *key = kv->keyvalue.key;
				check_expr(c, x, kv->keyvalue.value, NULL);
				if (key->kind != N_Ident) {
					check_expr_errorf(c, start_pos(kv), "invalid field name %s in struct literal", ES(key));
					continue;
				}
				const char *name = intern_s(key->ident.name);
				int fi = field_index(utyp, c->pkg, name);
				if (fi < 0) {
					check_expr_errorf(c, start_pos(key), "unknown field '%s' in struct literal of type %s", name, TS(base));
					continue;
				}
				Object *fld = utyp->struct_.fields[fi];
				check_record_use(c, key, fld);
				check_assignment(c, x, fld->type, "struct literal");
				if (visited[fi]) {
					check_expr_errorf(c, start_pos(kv), "duplicate field name %s in struct literal", name);
					continue;
				}
				visited[fi] = true;
			}
		} else {
			for (uint32_t i = 0; i < elts.n; i++) {
				Node *el = elts.v[i];
				if (el->kind == N_KeyValueExpr) {
					check_expr_errorf(c, start_pos(el), "mixture of field:value and value elements in struct literal");
					continue;
				}
				check_expr(c, x, el, NULL);
				if (i >= nf) {
					check_expr_errorf(c, operand_pos(x), "too many values in %s{…}", TS(base));
					break;
				}
				Object *fld = utyp->struct_.fields[i];
				if (!obj_exported(fld) && fld->pkg != c->pkg) {
					check_expr_errorf(c, operand_pos(x), "implicit assignment to unexported field %s in %s literal", fld->name,
					    TS(typ));
					continue;
				}
				check_assignment(c, x, fld->type, "struct literal");
			}
			if (elts.n < nf)
				check_expr_errorf(c, e->composite.rbrace, "too few values in %s{…}", TS(base));
		}
		break;
	}
	case TY_ARRAY: {
		int64_t n = indexed_elts(c, elts, utyp->array.elem, utyp->array.len);
		if (utyp->array.len < 0) {
			utyp->array.len = n;
			if (te && c->record)
				check_record_type(c, te, MODE_TYPEXPR, utyp, const_unknown());
		}
		break;
	}
	case TY_SLICE:
		indexed_elts(c, elts, utyp->slice.elem, -1);
		break;
	case TY_MAP: {
		bool keyiface = is_nonparam_interface(utyp->map.key);
		KeySet seen = {0};
		for (uint32_t i = 0; i < elts.n; i++) {
			Node *kv = elts.v[i];
			if (kv->kind != N_KeyValueExpr) {
				check_expr_errorf(c, start_pos(kv), "missing key in map literal");
				continue;
			}
			check_expr_with_hint(c, x, kv->keyvalue.key, utyp->map.key);
			check_assignment(c, x, utyp->map.key, "map literal");
			if (x->mode == MODE_INVALID)
				continue;
			if (x->mode == MODE_CONSTANT) {
				struct KeyEnt k = const_key(c, x->val);
				k.t = x->type;
				if (ks_add(&seen, k, keyiface)) {
					Buf b = {0};
					const_format(&b, x->val);
					buf_putc(&b, 0);
					check_expr_errorf(c, operand_pos(x), "duplicate key %s in map literal", b.p);
					buf_free(&b);
					continue;
				}
			}
			check_expr_with_hint(c, x, kv->keyvalue.value, utyp->map.elem);
			check_assignment(c, x, utyp->map.elem, "map literal");
		}
		ks_free(&seen);
		break;
	}
	default:
		for (uint32_t i = 0; i < elts.n; i++) {
			Node *el = elts.v[i];
			if (el->kind == N_KeyValueExpr)
				el = el->keyvalue.value;
			check_use(c, &el, 1);
		}
		if (utyp && utyp != typ_invalid) {
			check_expr_errorf(c, start_pos(e), "invalid composite literal type %s", TS(typ));
			return false;
		}
		if (!utyp) {
			check_expr_errorf(c, start_pos(e), "invalid composite literal type %s", TS(typ));
			return false;
		}
		break;
	}
	x->mode = MODE_VALUE;
	x->type = typ;
	return true;
}

/* ---- function literals ---- */

typedef struct FuncLitBody {
	DeclInfo *decl;
	Type *sig;
	Node *body;
	Const iota;
} FuncLitBody;

static void func_lit_body(Checker *c, void *arg)
{
	FuncLitBody *f = arg;
	check_func_body(c, f->decl, "<function literal>", f->sig, f->body, f->iota);
}

/* ---- index and slice expressions ---- */

bool check_is_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative)
{
	if (x->mode == MODE_INVALID)
		return false;
	check_convert_untyped(c, x, typ_basic[BK_INT]);
	if (x->mode == MODE_INVALID)
		return false;
	if (!all_integer(x->type)) {
		check_expr_errorf(c, operand_pos(x), "invalid argument: %s %s must be integer", what, OS(x));
		return false;
	}
	if (x->mode == MODE_CONSTANT) {
		if (!allow_negative && !const_is_unknown(x->val) && const_sign(x->val) < 0) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s %s must not be negative", what, OS(x));
			return false;
		}
		Const r = x->val;
		if (!const_representable(c->arena, x->val, BK_INT, (int)c->sizes->wordsize, &r)) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s %s overflows int", what, OS(x));
			return false;
		}
		x->val = r;
	}
	return true;
}

Type *check_index(Checker *c, Node *index, int64_t max, int64_t *val)
{
	*val = -1;
	Operand x;
	check_expr(c, &x, index, NULL);
	if (!check_is_valid_index(c, &x, "index", false))
		return typ_invalid;
	if (x.mode != MODE_CONSTANT)
		return x.type;
	if (const_is_unknown(x.val))
		return typ_invalid;
	bool exact;
	int64_t v = const_int64_val(x.val, &exact);
	if (max >= 0 && v >= max) {
		Buf b = {0};
		const_format(&b, x.val);
		buf_putc(&b, 0);
		check_expr_errorf(c, operand_pos(&x), "invalid argument: index %s out of bounds [0:%lld]", b.p, (long long)max);
		buf_free(&b);
		return typ_invalid;
	}
	*val = v;
	return x.type;
}

/* index of an IndexExpr / IndexListExpr: the single index, or NULL (error) */
static Node *single_index(Checker *c, Node *e)
{
	if (e->kind == N_IndexExpr)
		return e->index.index;
	List l = e->indexlist.indices;
	if (l.n == 0) {
		check_expr_errorf(c, start_pos(e), "invalid AST: missing index for %s", ES(e->indexlist.x));
		return NULL;
	}
	if (l.n > 1)
		check_expr_errorf(c, start_pos(l.v[1]), "invalid operation: more than one index");
	return l.v[0];
}

typedef struct IndexAcc {
	Operand *x;
	int64_t length;
	Type *key, *elem;
	uint8_t mode;
} IndexAcc;

static Type *arr_of_ptr(Type *u)
{
	if (u && u->kind == TY_POINTER) {
		Type *a = under(u->pointer.elem);
		if (a->kind == TY_ARRAY)
			return a;
	}
	return NULL;
}

static bool index_term_f(Type *u, void *arg)
{
	IndexAcc *a = arg;
	int64_t l = -1;
	Type *k = NULL, *e = NULL;
	if (!u)
		return false;
	switch (u->kind) {
	case TY_BASIC:
		if (is_string(u)) {
			e = typ_byte;
			a->mode = MODE_VALUE;
		}
		break;
	case TY_ARRAY:
		l = u->array.len;
		e = u->array.elem;
		if (a->x->mode != MODE_VARIABLE)
			a->mode = MODE_VALUE;
		break;
	case TY_POINTER: {
		Type *arr = arr_of_ptr(u);
		if (arr) {
			l = arr->array.len;
			e = arr->array.elem;
		}
		break;
	}
	case TY_SLICE:
		e = u->slice.elem;
		break;
	case TY_MAP:
		k = u->map.key;
		e = u->map.elem;
		break;
	default:
		break;
	}
	if (!e)
		return false;
	if (!a->elem) {
		a->length = l;
		a->key = k;
		a->elem = e;
		return true;
	}
	if (!((a->key == NULL && k == NULL) || (a->key && k && identical(a->key, k))))
		return false;
	if (!identical(a->elem, e))
		return false;
	if (l >= 0 && l < a->length)
		a->length = l;
	return true;
}

/* go/types indexExpr; returns true if x is a generic function to instantiate */
static bool index_expr(Checker *c, Operand *x, Node *e)
{
	Node *ex = e->kind == N_IndexExpr ? e->index.x : e->indexlist.x;
	check_expr_or_type(c, x, ex, true);
	switch (x->mode) {
	case MODE_INVALID:
		if (e->kind == N_IndexExpr)
			check_use(c, &e->index.index, 1);
		else
			check_use(c, e->indexlist.indices.v, e->indexlist.indices.n);
		return false;
	case MODE_TYPEXPR:
		invalidate(x);
		x->type = check_var_type(c, e);
		if (x->type != typ_invalid)
			x->mode = MODE_TYPEXPR;
		return false;
	case MODE_VALUE: {
		Type *u = under(x->type);
		if (u->kind == TY_SIGNATURE && u->sig.tparams.n > 0)
			return true;
		break;
	}
	}
	check_non_generic(c, x);
	if (x->mode == MODE_INVALID)
		return false;
	bool valid = false;
	int64_t length = -1;
	Type *u = under(x->type);
	switch (u->kind) {
	case TY_BASIC:
		if (is_string(u)) {
			valid = true;
			if (x->mode == MODE_CONSTANT) {
				size_t n;
				const_string_val(x->val, &n);
				length = (int64_t)n;
			}
			x->mode = MODE_VALUE;
			x->type = typ_byte;
		}
		break;
	case TY_ARRAY:
		valid = true;
		length = u->array.len;
		if (x->mode != MODE_VARIABLE)
			x->mode = MODE_VALUE;
		x->type = u->array.elem;
		break;
	case TY_POINTER: {
		Type *arr = arr_of_ptr(u);
		if (arr) {
			valid = true;
			length = arr->array.len;
			x->mode = MODE_VARIABLE;
			x->type = arr->array.elem;
		}
		break;
	}
	case TY_SLICE:
		valid = true;
		x->mode = MODE_VARIABLE;
		x->type = u->slice.elem;
		break;
	case TY_MAP: {
		Node *index = single_index(c, e);
		if (!index) {
			invalidate(x);
			return false;
		}
		Operand key;
		check_expr(c, &key, index, NULL);
		check_assignment(c, &key, u->map.key, "map index");
		x->mode = MODE_MAPINDEX;
		x->type = u->map.elem;
		x->expr = e;
		return false;
	}
	case TY_INTERFACE: {
		if (x->type->kind != TY_TYPEPARAM)
			break;
		IndexAcc a = {x, -1, NULL, NULL, MODE_VARIABLE};
		if (typeset_underIs(c, x->type, index_term_f, &a)) {
			if (a.key) {
				Node *index = single_index(c, e);
				if (!index) {
					invalidate(x);
					return false;
				}
				Operand k;
				check_expr(c, &k, index, NULL);
				check_assignment(c, &k, a.key, "map index");
				x->mode = MODE_MAPINDEX;
				x->type = a.elem;
				x->expr = e;
				return false;
			}
			valid = true;
			x->mode = a.mode;
			x->type = a.elem;
			length = a.length;
		}
		break;
	}
	default:
		break;
	}
	if (!valid) {
		check_expr_errorf(c, e->kind == N_IndexExpr ? e->index.lbrack : e->indexlist.lbrack, "invalid operation: cannot index %s",
		    OS(x));
		invalidate(x);
		return false;
	}
	Node *index = single_index(c, e);
	if (!index) {
		invalidate(x);
		return false;
	}
	int64_t v;
	check_index(c, index, length, &v);
	return false;
}

static void slice_expr(Checker *c, Operand *x, Node *e)
{
	check_expr(c, x, e->slice.x, NULL);
	if (x->mode == MODE_INVALID) {
		Node *idx[3] = {e->slice.low, e->slice.high, e->slice.max};
		check_use(c, idx, 3);
		return;
	}
	bool valid = false;
	int64_t length = -1;
	Type *u = core_string(x->type);
	if (!u) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: cannot slice %s: %s has no core type", OS(x), TS(x->type));
		invalidate(x);
		return;
	}
	switch (u->kind) {
	case TY_BASIC:
		if (is_string(u)) {
			if (e->slice.slice3) {
				Node *at = e->slice.max ? e->slice.max : e;
				check_expr_errorf(c, start_pos(at), "invalid operation: 3-index slice of string");
				invalidate(x);
				return;
			}
			valid = true;
			if (x->mode == MODE_CONSTANT) {
				size_t n;
				const_string_val(x->val, &n);
				length = (int64_t)n;
			}
			if (is_untyped(x->type))
				x->type = typ_basic[BK_STRING];
		}
		break;
	case TY_ARRAY:
		valid = true;
		length = u->array.len;
		if (x->mode != MODE_VARIABLE) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: %s (slice of unaddressable value)", OS(x));
			invalidate(x);
			return;
		}
		x->type = new_slice(c->arena, u->array.elem);
		break;
	case TY_POINTER: {
		Type *arr = arr_of_ptr(u);
		if (arr) {
			valid = true;
			length = arr->array.len;
			x->type = new_slice(c->arena, arr->array.elem);
		}
		break;
	}
	case TY_SLICE:
		valid = true;
		break;
	default:
		break;
	}
	if (!valid) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: cannot slice %s", OS(x));
		invalidate(x);
		return;
	}
	x->mode = MODE_VALUE;
	if (e->slice.slice3 && (!e->slice.high || !e->slice.max)) {
		check_expr_errorf(c, start_pos(e), "invalid AST: 2nd and 3rd index required in 3-index slice");
		invalidate(x);
		return;
	}
	Node *idx[3] = {e->slice.low, e->slice.high, e->slice.max};
	int64_t ind[3];
	for (int i = 0; i < 3; i++) {
		int64_t v = -1;
		if (idx[i]) {
			int64_t max = length >= 0 ? length + 1 : -1;
			int64_t cv;
			check_index(c, idx[i], max, &cv);
			if (cv >= 0)
				v = cv;
		} else if (i == 0) {
			v = 0;
		} else if (length >= 0) {
			v = length;
		}
		ind[i] = v;
	}
	for (int i = 0; i < 2; i++) {
		if (ind[i] > 0) {
			for (int j = i + 1; j < 3; j++) {
				if (ind[j] >= 0 && ind[j] < ind[i]) {
					check_expr_errorf(c, start_pos(idx[j]), "invalid slice indices: %lld < %lld", (long long)ind[j],
					    (long long)ind[i]);
					return;
				}
			}
		}
	}
}

/* ---- type assertions ---- */

void check_type_assertion(Checker *c, Node *e, Operand *x, Type *T, bool type_switch)
{
	if (is_interface(T))
		return;
	bool wrong;
	Object *m = missing_method(c, T, under(x->type), false, &wrong);
	if (!m)
		return;
	Buf why = {0};
	missing_method_reason(c, &why, T, x->type, m, wrong);
	buf_putc(&why, 0);
	if (type_switch)
		check_expr_errorf(c, start_pos(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", ES(e), OS(x),
		    TS(T), why.p);
	else
		check_expr_errorf(c, start_pos(e), "impossible type assertion: %s\n\t%s does not implement %s %s", ES(e), TS(T),
		    TS(x->type), why.p);
	buf_free(&why);
}

/* ---- the expression dispatcher ---- */

static bool is_type_node(Node *e)
{
	switch (e->kind) {
	case N_ArrayType: case N_StructType: case N_FuncType: case N_InterfaceType: case N_MapType: case N_ChanType:
		return true;
	default:
		return false;
	}
}

static int expr_internal(Checker *c, Operand *x, Node *e, Type *hint)
{
	x->mode = MODE_INVALID;
	x->type = typ_invalid;
	x->builtin = 0;
	switch (e->kind) {
	case N_BadExpr:
		goto error;
	case N_Ident:
		check_ident(c, x, e, NULL, false);
		break;
	case N_Ellipsis:
		check_expr_errorf(c, start_pos(e), "invalid use of '...'");
		goto error;
	case N_BasicLit: {
		int k = e->lit.kind;
		if ((k == TOK_INT || k == TOK_FLOAT || k == TOK_IMAG) && e->lit.value.n > CONST_LITERAL_LIMIT) {
			check_expr_errorf(c, start_pos(e), CONST_MSG_TOO_LONG, e->lit.value.p, (int)e->lit.value.n);
			goto error;
		}
		x->val = const_from_literal(c->arena, (Token)k, e->lit.value.p, e->lit.value.n);
		if (const_is_unknown(x->val)) {
			check_expr_errorf(c, start_pos(e), "malformed constant: %.*s", (int)e->lit.value.n, e->lit.value.p);
			goto error;
		}
		x->mode = MODE_CONSTANT;
		switch (k) {
		case TOK_INT: x->type = typ_basic[BK_UNTYPED_INT]; break;
		case TOK_FLOAT: x->type = typ_basic[BK_UNTYPED_FLOAT]; break;
		case TOK_IMAG: x->type = typ_basic[BK_UNTYPED_COMPLEX]; break;
		case TOK_CHAR: x->type = typ_basic[BK_UNTYPED_RUNE]; break;
		default: x->type = typ_basic[BK_UNTYPED_STRING]; break;
		}
		break;
	}
	case N_FuncLit: {
		Type *sig = check_type(c, e->funclit.type);
		if (sig->kind != TY_SIGNATURE) {
			check_expr_errorf(c, start_pos(e), "invalid AST: invalid function literal %s", ES(e));
			goto error;
		}
		if (!c->ignore_bodies && e->funclit.body) {
			FuncLitBody *fb = arena_alloc(&c->scratch, sizeof *fb);
			fb->decl = c->env.decl;
			fb->sig = sig;
			fb->body = e->funclit.body;
			fb->iota = c->env.in_const ? c->env.iota : const_unknown();
			check_later(c, func_lit_body, fb);
		}
		x->mode = MODE_VALUE;
		x->type = sig;
		break;
	}
	case N_CompositeLit:
		if (!composite_lit(c, x, e, hint))
			goto error;
		break;
	case N_ParenExpr: {
		int kind = check_raw_expr(c, x, e->paren.x, NULL, false);
		x->expr = e;
		return kind;
	}
	case N_SelectorExpr:
		check_selector(c, x, e, NULL);
		break;
	case N_IndexExpr:
	case N_IndexListExpr:
		if (index_expr(c, x, e))
			check_func_inst(c, x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case N_SliceExpr:
		slice_expr(c, x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case N_TypeAssertExpr: {
		check_expr(c, x, e->typeassert.x, NULL);
		if (x->mode == MODE_INVALID)
			goto error;
		if (x->type->kind == TY_TYPEPARAM) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: cannot use type assertion on type parameter value %s", OS(x));
			goto error;
		}
		if (under(x->type)->kind != TY_INTERFACE) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: %s is not an interface", OS(x));
			goto error;
		}
		if (!e->typeassert.type) {
			check_expr_errorf(c, start_pos(e), "invalid AST: use of .(type) outside type switch");
			goto error;
		}
		Type *T = check_var_type(c, e->typeassert.type);
		if (T == typ_invalid)
			goto error;
		check_type_assertion(c, e, x, T, false);
		x->mode = MODE_COMMAOK;
		x->type = T;
		break;
	}
	case N_CallExpr:
		return check_call_expr(c, x, e);
	case N_StarExpr:
		check_expr_or_type(c, x, e->star.x, false);
		switch (x->mode) {
		case MODE_INVALID:
			goto error;
		case MODE_TYPEXPR:
			x->type = new_pointer(c->arena, x->type);
			break;
		default: {
			IndirectArg a = {c, x, NULL};
			if (!typeset_underIs(c, x->type, underis_pointer_f, &a))
				goto error;
			x->mode = MODE_VARIABLE;
			x->type = a.base;
			break;
		}
		}
		break;
	case N_UnaryExpr:
		unary(c, x, e);
		if (x->mode == MODE_INVALID)
			goto error;
		if (e->unary.op == TOK_ARROW) {
			x->expr = e;
			return EXPRKIND_STATEMENT;
		}
		break;
	case N_BinaryExpr:
		if (e->binary.op == TOK_ADD && string_chain(c, x, e))
			break;
		check_binary(c, x, e, e->binary.x, e->binary.y, e->binary.op, e->binary.oppos);
		if (x->mode == MODE_INVALID)
			goto error;
		break;
	case N_KeyValueExpr:
		check_expr_errorf(c, start_pos(e), "invalid AST: no key:value expected");
		goto error;
	default:
		if (is_type_node(e)) {
			x->mode = MODE_TYPEXPR;
			x->type = check_type(c, e);
			break;
		}
		ice(start_pos(e), "check", "unexpected expression %s", node_kind_names[e->kind]);
	}
	x->expr = e;
	return EXPRKIND_EXPRESSION;
error:
	invalidate(x);
	x->expr = e;
	return EXPRKIND_STATEMENT;
}

int check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic)
{
	if (stack_low())
		stack_exhausted(node_pos(e));
	int kind = expr_internal(c, x, e, hint);
	if (!allow_generic)
		check_non_generic(c, x);
	record(c, x);
	return kind;
}

/* go/types exclude */
enum { EX_NOVALUE = 1 << MODE_NOVALUE, EX_BUILTIN = 1 << MODE_BUILTIN, EX_TYPEXPR = 1 << MODE_TYPEXPR };

static void exclude(Checker *c, Operand *x, unsigned modeset)
{
	if (!(modeset & (1u << x->mode)))
		return;
	const char *msg;
	switch (x->mode) {
	case MODE_NOVALUE:
		msg = (modeset & EX_TYPEXPR) ? "%s used as value" : "%s used as value or type";
		break;
	case MODE_BUILTIN:
		msg = "%s must be called";
		break;
	default:
		msg = "%s is not an expression";
		break;
	}
	check_expr_errorf(c, operand_pos(x), msg, OS(x));
	invalidate(x);
}

void check_single_value(Checker *c, Operand *x)
{
	if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
		check_expr_errorf(c, operand_pos(x), "multiple-value %s in single-value context", OS(x));
		invalidate(x);
	}
}

void check_expr(Checker *c, Operand *x, Node *e, Type *hint)
{
	check_raw_expr(c, x, e, hint, false);
	exclude(c, x, EX_NOVALUE | EX_BUILTIN | EX_TYPEXPR);
	check_single_value(c, x);
}

void check_multi_expr(Checker *c, Operand *x, Node *e)
{
	check_raw_expr(c, x, e, NULL, false);
	exclude(c, x, EX_NOVALUE | EX_BUILTIN | EX_TYPEXPR);
}

void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint)
{
	check_raw_expr(c, x, e, hint, false);
	exclude(c, x, EX_NOVALUE | EX_BUILTIN | EX_TYPEXPR);
	check_single_value(c, x);
}

void check_expr_or_type(Checker *c, Operand *x, Node *e, bool allow_generic)
{
	check_raw_expr(c, x, e, NULL, allow_generic);
	exclude(c, x, EX_NOVALUE);
	check_single_value(c, x);
}

void check_use(Checker *c, Node **elist, uint32_t n)
{
	Operand x;
	for (uint32_t i = 0; i < n; i++) {
		Node *e = elist[i];
		if (!e)
			continue;
		if (e->kind == N_Ident && e->ident.name.n == 1 && e->ident.name.p[0] == '_')
			continue;
		check_raw_expr(c, &x, e, NULL, false);
	}
}

Operand *check_expr_list(Checker *c, Node **elist, uint32_t n, bool allow_commaok, Operand *buf, uint32_t bufn,
    uint32_t *nout, bool *commaok)
{
	if (commaok)
		*commaok = false;
	*nout = 0;
	if (n == 0)
		return buf;
	if (n == 1) {
		Operand x;
		check_multi_expr(c, &x, elist[0]);
		if (x.mode != MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
			uint32_t m = x.type->tuple.n;
			Operand *v = m <= bufn ? buf : arena_alloc(&c->scratch, m * sizeof *v);
			for (uint32_t i = 0; i < m; i++)
				v[i] = (Operand){MODE_VALUE, 0, elist[0], x.type->tuple.vars[i]->type, const_unknown()};
			*nout = m;
			return v;
		}
		uint32_t m = 1;
		if (allow_commaok && (x.mode == MODE_MAPINDEX || x.mode == MODE_COMMAOK))
			m = 2;
		Operand *v = m <= bufn ? buf : arena_alloc(&c->scratch, m * sizeof *v);
		v[0] = x;
		if (m == 2) {
			v[0].mode = MODE_VALUE;
			v[1] = (Operand){MODE_VALUE, 0, elist[0], typ_basic[BK_UNTYPED_BOOL], const_unknown()};
			if (commaok)
				*commaok = true;
		}
		*nout = m;
		return v;
	}
	Operand *v = n <= bufn ? buf : arena_alloc(&c->scratch, n * sizeof *v);
	for (uint32_t i = 0; i < n; i++)
		check_expr(c, &v[i], elist[i], NULL);
	*nout = n;
	return v;
}

/* ---- assignments ---- */

/* check_assignment's context for call arguments, "argument to F" with F the
 * call's function expression (check_arg_fun), is spelled out only when an
 * error needs it: no string is built per call. */
const char check_ctx_argument[] = "argument";
Node *check_arg_fun;

static const char *ctx_str(Checker *c, const char *context)
{
	if (context != check_ctx_argument || !check_arg_fun)
		return context;
	Buf b = {0};
	buf_puts(&b, "argument to ");
	write_expr(&b, check_arg_fun);
	const char *s = arena_strndup(&c->scratch, b.p, b.n);
	buf_free(&b);
	return s;
}

void check_assignment(Checker *c, Operand *x, Type *T, const char *context)
{
	check_single_value(c, x);
	switch (x->mode) {
	case MODE_INVALID:
		return;
	case MODE_CONSTANT: case MODE_VARIABLE: case MODE_MAPINDEX: case MODE_VALUE: case MODE_COMMAOK:
		break;
	default:
		check_expr_errorf(c, operand_pos(x), "cannot assign %s to %s in %s", OS(x), T ? TS(T) : "<nil>", ctx_str(c, context));
		invalidate(x);
		return;
	}
	if (is_untyped(x->type)) {
		Type *target = T;
		if (is_nil(x)) {
			if (!T) {
				check_expr_errorf(c, operand_pos(x), "use of untyped nil in %s", ctx_str(c, context));
				invalidate(x);
				return;
			}
		} else if (!T || is_nonparam_interface(T)) {
			target = type_default(x->type);
		}
		Type *nt;
		Const v;
		bool hasval;
		int code = implicit_type_and_value(c, x, target, &nt, &v, &hasval);
		if (code) {
			const char *suffix = code == CODE_TRUNCATED ? " (truncated)" : code == CODE_OVERFLOW ? " (overflows)" : "";
			check_expr_errorf(c, operand_pos(x), "cannot use %s as %s value in %s%s", OS(x), TS(target), ctx_str(c, context), suffix);
			invalidate(x);
			return;
		}
		if (hasval) {
			x->val = v;
			update_expr_val(c, x->expr, v);
		}
		if (nt != x->type) {
			x->type = nt;
			check_update_expr_type(c, x->expr, nt, false);
		}
	}
	Type *u = under(x->type);
	if (u->kind == TY_SIGNATURE && u->sig.tparams.n > 0)
		check_expr_errorf(c, operand_pos(x), "cannot use generic function %s without instantiation in %s", ES(x->expr), ctx_str(c, context));
	if (!T)
		return;
	Buf reason = {0};
	if (!operand_assignable_to(c, x, T, &reason)) {
		if (reason.n)
			check_expr_errorf(c, operand_pos(x), "cannot use %s as type %s in %s:\n\t%.*s", OS(x), TS(T), ctx_str(c, context), (int)reason.n,
			    reason.p);
		else
			check_expr_errorf(c, operand_pos(x), "cannot use %s as type %s in %s", OS(x), TS(T), ctx_str(c, context));
		invalidate(x);
	}
	buf_free(&reason);
}

void check_init_const(Checker *c, Object *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == typ_invalid || lhs->type == typ_invalid) {
		if (!lhs->type)
			lhs->type = typ_invalid;
		return;
	}
	if (x->mode != MODE_CONSTANT) {
		check_expr_errorf(c, operand_pos(x), "%s is not constant", OS(x));
		if (!lhs->type)
			lhs->type = typ_invalid;
		return;
	}
	if (!lhs->type)
		lhs->type = x->type;
	check_assignment(c, x, lhs->type, "constant declaration");
	if (x->mode == MODE_INVALID)
		return;
	lhs->val = x->val;
}

Type *check_init_var(Checker *c, Object *lhs, Operand *x, const char *context)
{
	if (x->mode == MODE_INVALID || x->type == typ_invalid || lhs->type == typ_invalid) {
		if (!lhs->type)
			lhs->type = typ_invalid;
		lhs->flags |= OF_USED;
		return NULL;
	}
	if (!lhs->type) {
		Type *typ = x->type;
		if (is_untyped(typ)) {
			if (is_basic_kind(typ, BK_UNTYPED_NIL)) {
				check_expr_errorf(c, operand_pos(x), "use of untyped nil in %s", context);
				lhs->type = typ_invalid;
				return NULL;
			}
			typ = type_default(typ);
		}
		lhs->type = typ;
	}
	check_assignment(c, x, lhs->type, context);
	if (x->mode == MODE_INVALID) {
		lhs->flags |= OF_USED;
		return NULL;
	}
	return x->type;
}

void check_assign_error(Checker *c, Node **rhs, uint32_t nrhs, uint32_t nvars, uint32_t nvals)
{
	Node *rhs0 = rhs[0];
	char vars[64], vals[64];
	snprintf(vars, sizeof vars, "%u variable%s", nvars, nvars == 1 ? "" : "s");
	snprintf(vals, sizeof vals, "%u value%s", nvals, nvals == 1 ? "" : "s");
	if (nrhs == 1) {
		Node *call = unparen(rhs0);
		if (call->kind == N_CallExpr) {
			check_expr_errorf(c, start_pos(rhs0), "assignment mismatch: %s but %s returns %s", vars, ES(call->call.fun), vals);
			return;
		}
	}
	check_expr_errorf(c, start_pos(rhs0), "assignment mismatch: %s but %s", vars, vals);
}

void check_init_vars_ctx(Checker *c, Object **lhs, uint32_t nlhs, Node **rhs, uint32_t nrhs, Node *returnstmt,
    bool vardecl)
{
	if (vardecl && nlhs == 1 && nrhs == 1) {
		Operand x;
		check_expr(c, &x, rhs[0], NULL);
		check_init_var(c, lhs[0], &x, "variable declaration");
		return;
	}
	Operand buf[8];
	uint32_t n;
	bool commaok;
	Operand *v = check_expr_list(c, rhs, nrhs, nlhs == 2 && !returnstmt, buf, 8, &n, &commaok);
	if (nlhs != n) {
		for (uint32_t i = 0; i < nlhs; i++) {
			lhs[i]->flags |= OF_USED;
			if (!lhs[i]->type)
				lhs[i]->type = typ_invalid;
		}
		for (uint32_t i = 0; i < n; i++)
			if (v[i].mode == MODE_INVALID)
				return;
		if (returnstmt) {
			Pos at = start_pos(returnstmt);
			const char *q = "not enough";
			if (n > nlhs) {
				at = operand_pos(&v[nlhs]);
				q = "too many";
			} else if (n > 0) {
				at = operand_pos(&v[n - 1]);
			}
			Type **have = arena_alloc(&c->scratch, (n + 1) * sizeof *have);
			Type **want = arena_alloc(&c->scratch, (nlhs + 1) * sizeof *want);
			for (uint32_t i = 0; i < n; i++)
				have[i] = v[i].type;
			for (uint32_t i = 0; i < nlhs; i++)
				want[i] = lhs[i]->type;
			check_expr_errorf(c, at, "%s return values\n\thave %s\n\twant %s", q, types_summary(c, have, n, false),
			    types_summary(c, want, nlhs, false));
			return;
		}
		check_assign_error(c, rhs, nrhs, nlhs, n);
		return;
	}
	const char *context = returnstmt ? "return statement" : "assignment";
	if (commaok) {
		for (uint32_t i = 0; i < 2; i++)
			check_init_var(c, lhs[i], &v[i], context);
		return;
	}
	bool ok = true;
	for (uint32_t i = 0; i < nlhs; i++)
		if (!check_init_var(c, lhs[i], &v[i], context))
			ok = false;
	if (!ok)
		for (uint32_t i = 0; i < nlhs; i++)
			lhs[i]->flags |= OF_USED;
}

void check_init_vars(Checker *c, Object **lhs, uint32_t nlhs, Node **rhs, uint32_t nrhs, Node *returnstmt)
{
	check_init_vars_ctx(c, lhs, nlhs, rhs, nrhs, returnstmt, nlhs == 1 && nrhs == 1 && !returnstmt);
}
