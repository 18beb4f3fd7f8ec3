/*
 * exprmin.c — weak, minimal versions of the expression/statement hooks
 * declared at the end of types.h.  They evaluate what package-level
 * declarations need: literals, identifiers, qualified identifiers,
 * constant arithmetic (unary, binary, shifts, comparisons) with go/types'
 * untyped-constant rules, conversions, the constant builtins (len, cap,
 * unsafe.Sizeof/Alignof/Offsetof, real, imag, complex), calls (result
 * types), selectors, index and slice expressions, composite and function
 * literals, type assertions.  Anything else yields an invalid operand
 * without an error.  A strong definition of any of these functions
 * elsewhere (expr.c, stmt.c, ...) replaces the one here at link time.
 */
#include "types.h"

#define WEAK __attribute__((weak))

static Type *untyped_of_lit(int tok)
{
	switch (tok) {
	case TOK_INT: return typ_basic[BK_UNTYPED_INT];
	case TOK_FLOAT: return typ_basic[BK_UNTYPED_FLOAT];
	case TOK_IMAG: return typ_basic[BK_UNTYPED_COMPLEX];
	case TOK_CHAR: return typ_basic[BK_UNTYPED_RUNE];
	default: return typ_basic[BK_UNTYPED_STRING];
	}
}

static void invalid(Operand *x)
{
	x->mode = MODE_INVALID;
	x->type = typ_invalid;
}

static const char *mode_desc[] = {"invalid operand", "no value", "built-in", "type", "constant", "variable", "map index expression", "value", "comma, ok expression"};

WEAK void operand_string(Checker *c, Buf *b, Operand *x)
{
	if (x->mode == MODE_INVALID) {
		buf_puts(b, "invalid operand");
		return;
	}
	if (x->mode == MODE_TYPEXPR) {
		buf_puts(b, type_str(c, x->type));
		return;
	}
	if (x->expr && x->expr->kind == N_Ident)
		buf_printf(b, "%.*s ", (int)x->expr->ident.name.n, x->expr->ident.name.p);
	else if (x->mode == MODE_CONSTANT)
		buf_printf(b, "%s ", const_str(&c->scratch, x->val));
	buf_printf(b, "(%s%s%s)", x->type && is_untyped(x->type) ? "" : "", x->mode == MODE_CONSTANT && x->type && is_untyped(x->type) ? x->type->basic.name : mode_desc[x->mode],
		"");
	if (!(x->mode == MODE_CONSTANT && x->type && is_untyped(x->type)) && x->type) {
		b->n--;
		buf_printf(b, " of type %s)", type_str(c, x->type));
	} else if (x->mode == MODE_CONSTANT) {
		b->n--;
		buf_puts(b, " constant)");
	}
}

WEAK ConstRepErr check_representable(Checker *c, Operand *x, Type *T, Const *rounded)
{
	Type *u = under(T);
	if (u->kind != TY_BASIC)
		return CONST_REP_INVALID;
	Const out;
	ConstRepErr r = const_representation(c->arena, x->val, x->type->basic.kind, u->basic.kind, (int)c->sizes->wordsize, &out);
	if (r == CONST_REP_OK && rounded)
		*rounded = out;
	return r;
}

/* ---- implicit conversion of untyped operands ---- */

static int untyped_rank(Type *t)
{
	switch (t->basic.kind) {
	case BK_UNTYPED_INT: return 1;
	case BK_UNTYPED_RUNE: return 2;
	case BK_UNTYPED_FLOAT: return 3;
	case BK_UNTYPED_COMPLEX: return 4;
	}
	return 0;
}

/* converts untyped x to type T (go/types implicitTypeAndValue + convertUntyped) */
static void convert_untyped(Checker *c, Operand *x, Type *T)
{
	if (x->mode == MODE_INVALID || is_typed(x->type) || T == typ_invalid)
		return;
	if (is_untyped(T)) {
		/* both untyped: the larger numeric kind wins */
		int rx = untyped_rank(x->type), rt = untyped_rank(T);
		if (rx && rt && rt > rx) {
			x->type = T;
			if (x->mode == MODE_CONSTANT) {
				if (T->basic.kind == BK_UNTYPED_FLOAT)
					x->val = const_to_float(c->arena, x->val);
				else if (T->basic.kind == BK_UNTYPED_COMPLEX)
					x->val = const_to_complex(c->arena, x->val);
			}
		}
		return;
	}
	Type *u = under(T);
	if (u->kind == TY_BASIC) {
		if (x->mode == MODE_CONSTANT) {
			Const r;
			ConstRepErr e = check_representable(c, x, u, &r);
			if (e != CONST_REP_OK) {
				const char *xs = const_str(&c->scratch, x->val);
				if (e == CONST_REP_TRUNCATED)
					check_errorf(c, x->expr ? node_pos(x->expr) : NoPos, CONST_MSG_TRUNCATED, xs, type_str(c, T));
				else if (e == CONST_REP_OVERFLOW)
					check_errorf(c, x->expr ? node_pos(x->expr) : NoPos, "cannot use %s (untyped %s constant) as %s value in %s (overflows)", xs,
						x->type->basic.name + 8, type_str(c, T), "assignment");
				else
					check_errorf(c, x->expr ? node_pos(x->expr) : NoPos, CONST_MSG_CANNOT_CONVERT, xs, type_str(c, T));
				invalid(x);
				return;
			}
			x->val = r;
		}
		x->type = T;
		return;
	}
	if (u->kind == TY_INTERFACE && T->kind != TY_TYPEPARAM) {
		if (x->type->basic.kind != BK_UNTYPED_NIL)
			x->type = type_default(x->type);
		else
			x->type = T;
		return;
	}
	if (x->type->basic.kind == BK_UNTYPED_NIL) {
		x->type = T;
		return;
	}
	x->type = T;
}

/* ---- expressions ---- */

static void expr(Checker *c, Operand *x, Node *e, Type *hint);

static bool is_type_node(Node *e)
{
	switch (e->kind) {
	case N_ArrayType: case N_StructType: case N_FuncType: case N_InterfaceType: case N_MapType: case N_ChanType:
		return true;
	default:
		return false;
	}
}

static void expr_or_type(Checker *c, Operand *x, Node *e)
{
	memset(x, 0, sizeof *x);
	x->expr = e;
	if (is_type_node(e)) {
		x->mode = MODE_TYPEXPR;
		x->type = check_type(c, e);
		return;
	}
	if (e->kind == N_StarExpr) {
		expr_or_type(c, x, e->star.x);
		if (x->mode == MODE_TYPEXPR) {
			x->type = new_pointer(c->arena, x->type);
		} else if (x->mode != MODE_INVALID) {
			Type *u = core_type(x->type);
			if (!u || u->kind != TY_POINTER) {
				invalid(x);
				return;
			}
			x->mode = MODE_VARIABLE;
			x->type = u->pointer.elem;
		}
		x->expr = e;
		return;
	}
	if (e->kind == N_ParenExpr) {
		expr_or_type(c, x, e->paren.x);
		x->expr = e;
		return;
	}
	if (e->kind == N_Ident) {
		check_ident(c, x, e, NULL, false);
		return;
	}
	if (e->kind == N_SelectorExpr && check_qualified_ident(c, x, e, NULL))
		return;
	if ((e->kind == N_IndexExpr || e->kind == N_IndexListExpr)) {
		Node *base = e->kind == N_IndexExpr ? e->index.x : e->indexlist.x;
		Operand b;
		expr_or_type(c, &b, base);
		if (b.mode == MODE_TYPEXPR) {
			x->mode = MODE_TYPEXPR;
			x->type = check_type(c, e);
			return;
		}
	}
	expr(c, x, e, NULL);
}

static void binary(Checker *c, Operand *x, Node *e);
static void call(Checker *c, Operand *x, Node *e);

static void selector(Checker *c, Operand *x, Node *e)
{
	if (check_qualified_ident(c, x, e, NULL))
		return;
	const char *name = intern_s(e->selector.sel->ident.name);
	expr_or_type(c, x, e->selector.x);
	if (x->mode == MODE_INVALID)
		return;
	x->expr = e;
	if (x->mode == MODE_TYPEXPR) {
		/* method expression */
		Lookup r = lookup_field_or_method(&c->scratch, x->type, false, c->pkg, name);
		if (!r.obj || r.obj->kind != OBJ_FUNC) {
			invalid(x);
			return;
		}
		if (!r.obj->type)
			check_obj_decl(c, r.obj, NULL);
		Type *sig = r.obj->type;
		uint32_t n = sig->sig.params->tuple.n;
		Object **vars = arena_alloc(c->arena, (n + 1) * sizeof *vars);
		vars[0] = new_param(c->arena, NoPos, c->pkg, intern_cstr("_"), x->type);
		for (uint32_t i = 0; i < n; i++)
			vars[i + 1] = sig->sig.params->tuple.vars[i];
		x->type = new_signature(c->arena, NULL, new_tuple(c->arena, vars, n + 1), sig->sig.results, sig->sig.variadic);
		x->mode = MODE_VALUE;
		return;
	}
	Lookup r = lookup_field_or_method(&c->scratch, x->type, x->mode == MODE_VARIABLE, c->pkg, name);
	if (!r.obj) {
		invalid(x);
		return;
	}
	if (!r.obj->type)
		check_obj_decl(c, r.obj, NULL);
	if (r.obj->kind == OBJ_VAR) {
		if (x->mode == MODE_VARIABLE || r.indirect)
			x->mode = MODE_VARIABLE;
		else
			x->mode = MODE_VALUE;
		x->type = r.obj->type;
	} else {
		Type *sig = r.obj->type;
		Type *ns = new_signature(c->arena, NULL, sig->sig.params, sig->sig.results, sig->sig.variadic);
		x->mode = MODE_VALUE;
		x->type = ns;
	}
}

static int64_t count_elems(Checker *c, Node *e)
{
	int64_t max = 0, idx = 0;
	for (uint32_t i = 0; i < e->composite.elts.n; i++) {
		Node *el = e->composite.elts.v[i];
		if (el->kind == N_KeyValueExpr) {
			Operand k;
			expr(c, &k, el->keyvalue.key, NULL);
			if (k.mode == MODE_CONSTANT) {
				bool exact;
				Const v = const_to_int(&c->scratch, k.val);
				idx = const_int64_val(v, &exact);
			}
		}
		idx++;
		if (idx > max)
			max = idx;
	}
	return max;
}

static void expr(Checker *c, Operand *x, Node *e, Type *hint)
{
	memset(x, 0, sizeof *x);
	x->expr = e;
	x->mode = MODE_INVALID;
	x->type = typ_invalid;
	switch (e->kind) {
	case N_BasicLit:
		x->val = const_from_literal(c->arena, (Token)e->lit.kind, e->lit.value.p, e->lit.value.n);
		if (const_is_unknown(x->val)) {
			check_errorf(c, node_pos(e), CONST_MSG_MALFORMED, arena_strndup(&c->scratch, e->lit.value.p, e->lit.value.n));
			return;
		}
		x->mode = MODE_CONSTANT;
		x->type = untyped_of_lit(e->lit.kind);
		break;
	case N_Ident:
		check_ident(c, x, e, NULL, false);
		break;
	case N_ParenExpr:
		expr(c, x, e->paren.x, hint);
		x->expr = e;
		break;
	case N_SelectorExpr:
		selector(c, x, e);
		break;
	case N_UnaryExpr: {
		expr(c, x, e->unary.x, NULL);
		x->expr = e;
		if (x->mode == MODE_INVALID)
			return;
		Token op = (Token)e->unary.op;
		if (op == TOK_AND) {
			x->type = new_pointer(c->arena, x->type);
			x->mode = MODE_VALUE;
			return;
		}
		if (op == TOK_ARROW) {
			Type *u = core_type(x->type);
			if (!u || u->kind != TY_CHAN) {
				invalid(x);
				return;
			}
			x->type = u->chan.elem;
			x->mode = MODE_COMMAOK;
			return;
		}
		{
			bool okop = op == TOK_NOT ? all_boolean(x->type) : op == TOK_XOR ? all_integer(x->type) : all_numeric(x->type);
			if (!okop) {
				check_errorf(c, node_pos(e), "invalid operation: operator %s not defined on %s", TOK_NAME(op), type_str(c, x->type));
				return invalid(x);
			}
		}
		if (x->mode == MODE_CONSTANT) {
			unsigned prec = 0;
			if (is_unsigned(x->type) && is_typed(x->type))
				prec = (unsigned)(8 * sizes_sizeof(c->sizes, x->type));
			x->val = const_unary(c->arena, op, x->val, prec);
			if (is_typed(x->type)) {
				Const r;
				if (check_representable(c, x, x->type, &r) != CONST_REP_OK) {
					check_errorf(c, node_pos(e), "constant %s overflows %s", const_str(&c->scratch, x->val), type_str(c, x->type));
					invalid(x);
					return;
				}
				x->val = r;
			}
			return;
		}
		x->mode = MODE_VALUE;
		break;
	}
	case N_BinaryExpr:
		binary(c, x, e);
		break;
	case N_CallExpr:
		call(c, x, e);
		break;
	case N_CompositeLit: {
		Type *t = hint;
		if (e->composite.type) {
			Node *te = e->composite.type;
			if (te->kind == N_ArrayType && te->arraytype.len && te->arraytype.len->kind == N_Ellipsis) {
				Type *elem = check_var_type(c, te->arraytype.elt);
				t = new_array(c->arena, elem, count_elems(c, e));
			} else {
				t = check_type(c, te);
			}
		}
		if (!t)
			return;
		x->mode = MODE_VALUE;
		x->type = t;
		break;
	}
	case N_FuncLit: {
		Type *sig = new_signature(c->arena, NULL, NULL, NULL, false);
		check_func_type(c, sig, NULL, e->funclit.type);
		x->mode = MODE_VALUE;
		x->type = sig;
		break;
	}
	case N_IndexExpr:
	case N_IndexListExpr: {
		Node *base = e->kind == N_IndexExpr ? e->index.x : e->indexlist.x;
		expr_or_type(c, x, base);
		x->expr = e;
		if (x->mode == MODE_INVALID)
			return;
		if (x->mode == MODE_TYPEXPR) {
			x->type = check_type(c, e);
			return;
		}
		Type *u = core_string(x->type);
		if (x->type->kind == TY_SIGNATURE && x->type->sig.tparams.n) {
			List l = e->kind == N_IndexExpr ? (List){&e->index.index, 1} : e->indexlist.indices;
			if (l.n != x->type->sig.tparams.n) {
				invalid(x);
				return;
			}
			TypeList targs = {arena_alloc(c->arena, l.n * sizeof(Type *)), l.n};
			for (uint32_t i = 0; i < l.n; i++)
				targs.v[i] = check_var_type(c, l.v[i]);
			x->type = instantiate(c, node_pos(e), x->type, targs, true);
			x->mode = MODE_VALUE;
			return;
		}
		if (!u) {
			invalid(x);
			return;
		}
		if (u->kind == TY_POINTER && under(u->pointer.elem)->kind == TY_ARRAY)
			u = under(u->pointer.elem), x->mode = MODE_VARIABLE;
		switch (u->kind) {
		case TY_BASIC:
			if (!(u->basic.info & BI_STRING)) {
				invalid(x);
				return;
			}
			x->mode = MODE_VALUE;
			x->type = typ_byte;
			break;
		case TY_ARRAY:
			if (x->mode != MODE_VARIABLE)
				x->mode = MODE_VALUE;
			x->type = u->array.elem;
			break;
		case TY_SLICE:
			x->mode = MODE_VARIABLE;
			x->type = u->slice.elem;
			break;
		case TY_MAP:
			x->mode = MODE_MAPINDEX;
			x->type = u->map.elem;
			break;
		default:
			invalid(x);
		}
		break;
	}
	case N_SliceExpr: {
		expr(c, x, e->slice.x, NULL);
		x->expr = e;
		if (x->mode == MODE_INVALID)
			return;
		Type *u = core_string(x->type);
		if (!u) {
			invalid(x);
			return;
		}
		if (u->kind == TY_BASIC) {
			if (is_untyped(x->type))
				x->type = typ_basic[BK_STRING];
		} else if (u->kind == TY_ARRAY) {
			x->type = new_slice(c->arena, u->array.elem);
		} else if (u->kind == TY_POINTER && under(u->pointer.elem)->kind == TY_ARRAY) {
			x->type = new_slice(c->arena, under(u->pointer.elem)->array.elem);
		}
		x->mode = MODE_VALUE;
		break;
	}
	case N_TypeAssertExpr:
		expr(c, x, e->typeassert.x, NULL);
		x->expr = e;
		if (x->mode == MODE_INVALID || !e->typeassert.type)
			return invalid(x);
		x->type = check_type(c, e->typeassert.type);
		x->mode = MODE_COMMAOK;
		break;
	case N_StarExpr:
		expr_or_type(c, x, e);
		break;
	case N_KeyValueExpr:
		break;
	default:
		if (is_type_node(e)) {
			x->mode = MODE_TYPEXPR;
			x->type = check_type(c, e);
		}
		break;
	}
	check_record_type(c, e, (OperandMode)x->mode, x->type, x->val);
}

static bool is_comparison(Token op)
{
	return op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ;
}

static void shift(Checker *c, Operand *x, Operand *y, Node *e, Token op)
{
	if (x->mode == MODE_CONSTANT && is_untyped(x->type)) {
		Const iv = const_to_int(c->arena, x->val);
		if (const_kind(iv) != CONST_INT) {
			check_errorf(c, node_pos(e->binary.x), "invalid operation: shifted operand %s must be integer", const_str(&c->scratch, x->val));
			return invalid(x);
		}
		x->val = iv;
		x->type = typ_basic[BK_UNTYPED_INT];
	}
	if (y->mode == MODE_CONSTANT) {
		Const s = const_to_int(c->arena, y->val);
		bool exact;
		uint64_t n = const_uint64_val(s, &exact);
		if (const_kind(s) != CONST_INT || const_sign(s) < 0 || !exact) {
			check_errorf(c, node_pos(e->binary.y), CONST_MSG_NEG_SHIFT, const_str(&c->scratch, y->val));
			return invalid(x);
		}
		if (x->mode == MODE_CONSTANT) {
			if (n >= CONST_SHIFT_BOUND) {
				check_errorf(c, node_pos(e->binary.y), CONST_MSG_SHIFT_COUNT, const_str(&c->scratch, y->val));
				return invalid(x);
			}
			x->val = const_shift(c->arena, x->val, op, n);
			if (is_typed(x->type)) {
				Const r;
				if (check_representable(c, x, x->type, &r) != CONST_REP_OK) {
					check_errorf(c, node_pos(e), "constant %s overflows %s", const_str(&c->scratch, x->val), type_str(c, x->type));
					return invalid(x);
				}
				x->val = r;
			} else if (const_untyped_overflows(x->val)) {
				check_errorf(c, node_pos(e), CONST_MSG_OVERFLOW, "shift");
				x->val = const_unknown();
			}
			return;
		}
	}
	if (x->mode == MODE_CONSTANT && is_untyped(x->type))
		x->type = typ_basic[BK_INT];
	x->mode = MODE_VALUE;
}

/* A long chain a + b + c + ... of string constants (time/tzdata has
 * thousands) is concatenated once, not pairwise: pairwise concatenation
 * copies quadratically.  Returns false (nothing done) unless every leaf is
 * a constant string of one type. */
static bool string_chain(Checker *c, Operand *x, Node *e)
{
	uint32_t n = 0;
	for (Node *p = e; p->kind == N_BinaryExpr && p->binary.op == TOK_ADD; p = p->binary.x)
		n++;
	if (n < 8)
		return false;
	Node **leaves = xmalloc((n + 1) * sizeof *leaves);
	uint32_t k = n + 1;
	Node *p = e;
	for (; p->kind == N_BinaryExpr && p->binary.op == TOK_ADD; p = p->binary.x)
		leaves[--k] = p->binary.y;
	leaves[0] = p;
	Buf b = {0};
	Type *t = NULL;
	bool ok = true;
	for (uint32_t i = 0; i <= n && ok; i++) {
		Operand y;
		expr(c, &y, leaves[i], NULL);
		if (y.mode != MODE_CONSTANT || const_kind(y.val) != CONST_STRING) {
			ok = false;
			break;
		}
		if (!t || (is_untyped(t) && is_typed(y.type)))
			t = y.type;
		else if (is_typed(y.type) && !identical(t, y.type))
			ok = false;
		size_t len;
		const char *sv = const_string_val(y.val, &len);
		if (len)
			buf_put(&b, sv, len);
	}
	if (ok) {
		memset(x, 0, sizeof *x);
		x->mode = MODE_CONSTANT;
		x->expr = e;
		x->type = t;
		x->val = const_string(c->arena, b.p ? b.p : "", b.n);
	}
	buf_free(&b);
	free(leaves);
	return ok;
}

static void binary(Checker *c, Operand *x, Node *e)
{
	Operand y;
	if (e->binary.op == TOK_ADD && string_chain(c, x, e))
		return;
	expr(c, x, e->binary.x, NULL);
	expr(c, &y, e->binary.y, NULL);
	Token op = (Token)e->binary.op;
	if (x->mode == MODE_INVALID)
		return;
	if (y.mode == MODE_INVALID) {
		*x = y;
		return;
	}
	if (op == TOK_SHL || op == TOK_SHR) {
		shift(c, x, &y, e, op);
		x->expr = e;
		return;
	}
	/* matchTypes */
	if (is_untyped(x->type) && !is_untyped(y.type))
		convert_untyped(c, x, y.type);
	else if (is_untyped(y.type) && !is_untyped(x->type))
		convert_untyped(c, &y, x->type);
	else if (is_untyped(x->type) && is_untyped(y.type)) {
		convert_untyped(c, x, y.type);
		convert_untyped(c, &y, x->type);
	}
	if (x->mode == MODE_INVALID || y.mode == MODE_INVALID)
		return invalid(x);
	x->expr = e;
	bool xnil = x->type->kind == TY_BASIC && x->type->basic.kind == BK_UNTYPED_NIL;
	bool ynil = y.type->kind == TY_BASIC && y.type->basic.kind == BK_UNTYPED_NIL;
	if (!identical(x->type, y.type) && !xnil && !ynil &&
	    !(is_untyped(x->type) && is_untyped(y.type) && untyped_rank(x->type) && untyped_rank(y.type)) &&
	    !(is_comparison(op) && (is_interface(x->type) || is_interface(y.type)))) {
		check_errorf(c, node_pos(e->binary.x), "invalid operation: mismatched types %s and %s", type_str(c, x->type), type_str(c, y.type));
		return invalid(x);
	}
	if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT && const_kind(x->val) != const_kind(y.val) &&
	    !const_is_unknown(x->val) && !const_is_unknown(y.val)) {
		check_errorf(c, node_pos(e->binary.x), "invalid operation: mismatched types %s and %s", type_str(c, x->type), type_str(c, y.type));
		return invalid(x);
	}
	if (is_comparison(op)) {
		bool ordered = op != TOK_EQL && op != TOK_NEQ;
		if (ordered ? !all_ordered(x->type) : (!is_comparable(x->type) && !xnil && !ynil && !has_nil(x->type))) {
			check_errorf(c, node_pos(e->binary.x), "invalid operation: operator %s not defined on %s", TOK_NAME(op), type_str(c, x->type));
			return invalid(x);
		}
		if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
			x->val = const_bool(const_compare(x->val, op, y.val));
			x->mode = MODE_CONSTANT;
		} else {
			x->mode = MODE_VALUE;
		}
		x->type = typ_basic[BK_UNTYPED_BOOL];
		return;
	}
	if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
		if ((op == TOK_QUO || op == TOK_REM) && const_kind(y.val) == CONST_COMPLEX) {
			Const re = const_real(y.val), im = const_imag(y.val);
			Const re2 = const_binary(&c->scratch, re, TOK_MUL, re), im2 = const_binary(&c->scratch, im, TOK_MUL, im);
			if (const_sign(re2) == 0 && const_sign(im2) == 0) {
				check_errorf(c, node_pos(e->binary.y), CONST_MSG_DIV_ZERO);
				return invalid(x);
			}
		}
		if ((op == TOK_QUO || op == TOK_REM) && const_sign(y.val) == 0 && (const_kind(y.val) == CONST_INT || const_kind(y.val) == CONST_FLOAT || const_kind(y.val) == CONST_COMPLEX)) {
			check_errorf(c, node_pos(e->binary.y), CONST_MSG_DIV_ZERO);
			return invalid(x);
		}
		ConstKind k = const_kind(x->val);
		bool okop = (op == TOK_ADD && k != CONST_BOOL) ||
			((op == TOK_SUB || op == TOK_MUL || op == TOK_QUO) && (k == CONST_INT || k == CONST_FLOAT || k == CONST_COMPLEX)) ||
			((op == TOK_REM || op == TOK_AND || op == TOK_OR || op == TOK_XOR || op == TOK_AND_NOT) && k == CONST_INT) ||
			((op == TOK_LAND || op == TOK_LOR) && k == CONST_BOOL) || k == CONST_UNKNOWN;
		if (!okop) {
			check_errorf(c, node_pos(e->binary.x), "invalid operation: operator %s not defined on %s", TOK_NAME(op), const_str(&c->scratch, x->val));
			return invalid(x);
		}
		Token o = op;
		if (op == TOK_QUO && is_integer(x->type))
			o = TOK_QUO_ASSIGN;
		if (const_kind(x->val) == CONST_UNKNOWN || const_kind(y.val) == CONST_UNKNOWN) {
			x->val = const_unknown();
			return;
		}
		x->val = const_binary(c->arena, x->val, o, y.val);
		if (is_typed(x->type)) {
			Const r;
			if (check_representable(c, x, x->type, &r) != CONST_REP_OK) {
				check_errorf(c, node_pos(e), "constant %s overflows %s", const_str(&c->scratch, x->val), type_str(c, x->type));
				return invalid(x);
			}
			x->val = r;
		} else if (const_untyped_overflows(x->val)) {
			check_errorf(c, node_pos(e), CONST_MSG_OVERFLOW, const_op_name(op, false));
			x->val = const_unknown();
		}
		return;
	}
	x->mode = MODE_VALUE;
}

/* ---- calls and conversions ---- */

static void conversion(Checker *c, Operand *x, Type *T, Node *e)
{
	bool constarg = x->mode == MODE_CONSTANT;
	if (constarg && is_const_type(T) && T->kind != TY_TYPEPARAM) {
		Type *u = under(T);
		if (is_integer(x->type) && (u->basic.info & BI_STRING)) {
			/* string(rune) */
			Const iv = x->val;
			bool exact;
			int64_t r = const_int64_val(iv, &exact);
			char buf[4];
			size_t n;
			if (!exact || r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
				r = 0xFFFD;
			if (r < 0x80) buf[0] = (char)r, n = 1;
			else if (r < 0x800) buf[0] = (char)(0xC0 | (r >> 6)), buf[1] = (char)(0x80 | (r & 0x3F)), n = 2;
			else if (r < 0x10000) buf[0] = (char)(0xE0 | (r >> 12)), buf[1] = (char)(0x80 | ((r >> 6) & 0x3F)), buf[2] = (char)(0x80 | (r & 0x3F)), n = 3;
			else buf[0] = (char)(0xF0 | (r >> 18)), buf[1] = (char)(0x80 | ((r >> 12) & 0x3F)), buf[2] = (char)(0x80 | ((r >> 6) & 0x3F)), buf[3] = (char)(0x80 | (r & 0x3F)), n = 4;
			x->val = const_string(c->arena, buf, n);
			x->type = T;
			return;
		}
		Const r;
		ConstRepErr err = const_representation(c->arena, x->val, x->type->basic.kind, u->basic.kind, (int)c->sizes->wordsize, &r);
		if (err != CONST_REP_OK) {
			check_errorf(c, node_pos(e), "cannot convert %s (untyped constant) to type %s", const_str(&c->scratch, x->val), type_str(c, T));
			return invalid(x);
		}
		x->val = r;
		x->type = T;
		return;
	}
	if (!operand_convertible_to(c, x, T, NULL) && x->mode != MODE_INVALID) {
		/* stay quiet here: the full checker reports it */
	}
	x->mode = MODE_VALUE;
	x->type = T;
}

static void builtin_call(Checker *c, Operand *x, Node *e, int id)
{
	List args = e->call.args;
	Operand a = {0};
	if (args.n >= 1 && id != BUILTIN_MAKE && id != BUILTIN_NEW && id != BUILTIN_OFFSETOF)
		expr_or_type(c, &a, args.v[0]);
	x->expr = e;
	switch (id) {
	case BUILTIN_LEN:
	case BUILTIN_CAP: {
		if (a.mode == MODE_INVALID)
			return invalid(x);
		Type *u = core_string(a.type);
		if (u && u->kind == TY_POINTER)
			u = under(u->pointer.elem);
		if (a.mode == MODE_CONSTANT && id == BUILTIN_LEN && u && u->kind == TY_BASIC) {
			size_t n;
			const_string_val(a.val, &n);
			x->mode = MODE_CONSTANT;
			x->val = const_int64((int64_t)n);
		} else if (u && u->kind == TY_ARRAY) {
			x->mode = MODE_CONSTANT;
			x->val = const_int64(u->array.len);
		} else {
			x->mode = MODE_VALUE;
		}
		x->type = typ_basic[BK_INT];
		return;
	}
	case BUILTIN_SIZEOF:
	case BUILTIN_ALIGNOF: {
		if (a.mode == MODE_INVALID)
			return invalid(x);
		convert_untyped(c, &a, type_default(a.type));
		Type *t = type_default(a.type);
		x->mode = MODE_CONSTANT;
		x->val = const_int64(id == BUILTIN_SIZEOF ? sizes_sizeof(c->sizes, t) : sizes_alignof(c->sizes, t));
		x->type = typ_basic[BK_UINTPTR];
		return;
	}
	case BUILTIN_OFFSETOF: {
		Node *s = args.n ? args.v[0] : NULL;
		while (s && s->kind == N_ParenExpr)
			s = s->paren.x;
		if (!s || s->kind != N_SelectorExpr)
			return invalid(x);
		Operand b;
		expr(c, &b, s->selector.x, NULL);
		if (b.mode == MODE_INVALID)
			return invalid(x);
		Lookup r = lookup_field_or_method(&c->scratch, b.type, false, c->pkg, intern_s(s->selector.sel->ident.name));
		if (!r.obj || r.obj->kind != OBJ_VAR)
			return invalid(x);
		/* sum the offsets along the (direct) path */
		Type *t = deref(b.type, NULL);
		int64_t off = 0;
		for (uint32_t i = 0; i < r.nindex; i++) {
			Type *u = under(t);
			if (u->kind != TY_STRUCT)
				return invalid(x);
			int64_t *offs = arena_alloc(&c->scratch, (u->struct_.nfields + 1) * sizeof *offs);
			sizes_offsetsof(c->sizes, u, offs);
			off += offs[r.index[i]];
			t = u->struct_.fields[r.index[i]]->type;
		}
		x->mode = MODE_CONSTANT;
		x->val = const_int64(off);
		x->type = typ_basic[BK_UINTPTR];
		return;
	}
	case BUILTIN_REAL:
	case BUILTIN_IMAG: {
		if (a.mode == MODE_INVALID)
			return invalid(x);
		if (a.mode == MODE_CONSTANT) {
			Const v = const_to_complex(c->arena, a.val);
			x->val = id == BUILTIN_REAL ? const_real(v) : const_imag(v);
			x->mode = MODE_CONSTANT;
			if (is_untyped(a.type))
				x->type = typ_basic[BK_UNTYPED_FLOAT];
			else
				x->type = typ_basic[under(a.type)->basic.kind == BK_COMPLEX64 ? BK_FLOAT32 : BK_FLOAT64];
			return;
		}
		x->mode = MODE_VALUE;
		x->type = typ_basic[under(a.type)->kind == TY_BASIC && under(a.type)->basic.kind == BK_COMPLEX64 ? BK_FLOAT32 : BK_FLOAT64];
		return;
	}
	case BUILTIN_COMPLEX: {
		Operand b;
		if (args.n != 2)
			return invalid(x);
		expr(c, &b, args.v[1], NULL);
		if (a.mode == MODE_INVALID || b.mode == MODE_INVALID)
			return invalid(x);
		if (is_untyped(a.type) && !is_untyped(b.type))
			convert_untyped(c, &a, b.type);
		else if (is_untyped(b.type) && !is_untyped(a.type))
			convert_untyped(c, &b, a.type);
		if (a.mode == MODE_CONSTANT && b.mode == MODE_CONSTANT) {
			Const re = const_to_float(c->arena, a.val), im = const_to_float(c->arena, b.val);
			x->val = const_binary(c->arena, re, TOK_ADD, const_make_imag(c->arena, im));
			x->mode = MODE_CONSTANT;
		} else {
			x->mode = MODE_VALUE;
		}
		if (is_untyped(a.type) && is_untyped(b.type))
			x->type = typ_basic[BK_UNTYPED_COMPLEX];
		else
			x->type = typ_basic[under(a.type)->basic.kind == BK_FLOAT32 ? BK_COMPLEX64 : BK_COMPLEX128];
		return;
	}
	case BUILTIN_NEW:
		if (!args.n)
			return invalid(x);
		x->mode = MODE_VALUE;
		x->type = new_pointer(c->arena, check_var_type(c, args.v[0]));
		return;
	case BUILTIN_MAKE:
		if (!args.n)
			return invalid(x);
		x->mode = MODE_VALUE;
		x->type = check_var_type(c, args.v[0]);
		return;
	case BUILTIN_APPEND:
		if (a.mode == MODE_INVALID)
			return invalid(x);
		x->mode = MODE_VALUE;
		x->type = a.type;
		return;
	case BUILTIN_RECOVER:
		x->mode = MODE_VALUE;
		x->type = typ_any;
		return;
	case BUILTIN_COPY:
		x->mode = MODE_VALUE;
		x->type = typ_basic[BK_INT];
		return;
	case BUILTIN_ADD:
		x->mode = MODE_VALUE;
		x->type = typ_basic[BK_UNSAFE_POINTER];
		return;
	case BUILTIN_SLICE:
		if (a.mode == MODE_INVALID || under(a.type)->kind != TY_POINTER)
			return invalid(x);
		x->mode = MODE_VALUE;
		x->type = new_slice(c->arena, under(a.type)->pointer.elem);
		return;
	default:
		x->mode = MODE_NOVALUE;
		x->type = typ_empty_tuple;
		return;
	}
}

static void call(Checker *c, Operand *x, Node *e)
{
	expr_or_type(c, x, e->call.fun);
	if (x->mode == MODE_INVALID)
		return;
	if (x->mode == MODE_TYPEXPR) {
		Type *T = x->type;
		if (e->call.args.n != 1)
			return invalid(x);
		Operand a;
		expr(c, &a, e->call.args.v[0], NULL);
		if (a.mode == MODE_INVALID) {
			*x = a;
			return;
		}
		conversion(c, &a, T, e);
		*x = a;
		x->expr = e;
		return;
	}
	if (x->mode == MODE_BUILTIN) {
		builtin_call(c, x, e, x->builtin);
		return;
	}
	Type *sig = core_type(x->type);
	if (!sig || sig->kind != TY_SIGNATURE || sig->sig.tparams.n) {
		/* generic calls need inference: left to the full checker */
		return invalid(x);
	}
	x->expr = e;
	uint32_t n = sig->sig.results->tuple.n;
	if (n == 0) {
		x->mode = MODE_NOVALUE;
		x->type = typ_empty_tuple;
	} else if (n == 1) {
		x->mode = MODE_VALUE;
		x->type = sig->sig.results->tuple.vars[0]->type;
	} else {
		x->mode = MODE_VALUE;
		x->type = sig->sig.results;
	}
}

/* ---- the hooks ---- */

WEAK void check_expr(Checker *c, Operand *x, Node *e, Type *hint)
{
	expr(c, x, e, hint);
}

WEAK void check_expr_or_type(Checker *c, Operand *x, Node *e, bool allow_generic)
{
	expr_or_type(c, x, e);
}

WEAK void check_assignment(Checker *c, Operand *x, Type *T, const char *context)
{
	if (x->mode == MODE_INVALID)
		return;
	if (x->mode == MODE_TYPEXPR || x->mode == MODE_BUILTIN || x->mode == MODE_NOVALUE) {
		invalid(x);
		return;
	}
	if (is_untyped(x->type)) {
		Type *target = T;
		if (!T || (is_nonparam_interface(T) && !(T == typ_any)))
			target = type_default(x->type);
		if (!T && x->type->basic.kind == BK_UNTYPED_NIL) {
			check_errorf(c, x->expr ? node_pos(x->expr) : NoPos, "use of untyped nil in %s", context);
			invalid(x);
			return;
		}
		if (T && is_nonparam_interface(T))
			target = type_default(x->type);
		convert_untyped(c, x, target);
		if (x->mode == MODE_INVALID)
			return;
	}
	if (!T)
		return;
	if (x->mode == MODE_CONSTANT && T->kind != TY_TYPEPARAM && is_const_type(T) && identical(x->type, T))
		return;
}

WEAK void check_init_const(Checker *c, Object *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == typ_invalid || lhs->type == typ_invalid) {
		if (!lhs->type)
			lhs->type = typ_invalid;
		return;
	}
	if (x->mode != MODE_CONSTANT) {
		Buf b = {0};
		operand_string(c, &b, x);
		buf_putc(&b, 0);
		check_errorf(c, x->expr ? node_pos(x->expr) : lhs->pos, "%s is not constant", b.p);
		buf_free(&b);
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

static void init_var(Checker *c, Object *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == typ_invalid) {
		if (!lhs->type)
			lhs->type = typ_invalid;
		return;
	}
	if (!lhs->type) {
		Type *t = x->type;
		if (is_untyped(t)) {
			if (t->basic.kind == BK_UNTYPED_NIL) {
				check_errorf(c, x->expr ? node_pos(x->expr) : lhs->pos, "use of untyped nil in variable declaration");
				lhs->type = typ_invalid;
				return;
			}
			t = type_default(t);
		}
		lhs->type = t;
	}
	check_assignment(c, x, lhs->type, "variable declaration");
}

WEAK void check_init_vars(Checker *c, Object **lhs, uint32_t nlhs, Node **rhs, uint32_t nrhs, Node *ret)
{
	if (nlhs == nrhs) {
		for (uint32_t i = 0; i < nlhs; i++) {
			Operand x;
			expr(c, &x, rhs[i], lhs[i]->type);
			init_var(c, lhs[i], &x);
		}
		return;
	}
	if (nrhs == 1) {
		Operand x;
		expr(c, &x, rhs[0], NULL);
		if (x.mode == MODE_INVALID) {
			for (uint32_t i = 0; i < nlhs; i++)
				if (!lhs[i]->type)
					lhs[i]->type = typ_invalid;
			return;
		}
		if (x.type->kind == TY_TUPLE && x.type->tuple.n == nlhs) {
			for (uint32_t i = 0; i < nlhs; i++) {
				Operand y = {MODE_VALUE, 0, rhs[0], x.type->tuple.vars[i]->type, const_unknown()};
				init_var(c, lhs[i], &y);
			}
			return;
		}
		if ((x.mode == MODE_COMMAOK || x.mode == MODE_MAPINDEX) && nlhs == 2) {
			Operand y = {MODE_VALUE, 0, rhs[0], x.type, const_unknown()};
			init_var(c, lhs[0], &y);
			Operand ok = {MODE_VALUE, 0, rhs[0], typ_basic[BK_UNTYPED_BOOL], const_unknown()};
			init_var(c, lhs[1], &ok);
			return;
		}
	}
	for (uint32_t i = 0; i < nlhs; i++)
		if (!lhs[i]->type)
			lhs[i]->type = typ_invalid;
}

WEAK void check_func_body(Checker *c, DeclInfo *decl, const char *name, Type *sig, Node *body, Const iota)
{
	(void)c;
	(void)decl;
	(void)name;
	(void)sig;
	(void)body;
	(void)iota;
}
