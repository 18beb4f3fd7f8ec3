/*
 * builtins.c — calls of the predeclared functions and of package unsafe's
 * (go/types and types2 builtins.go): argument counts, the constant cases
 * (len and cap of arrays and constant strings, complex/real/imag of
 * constants, unsafe.Sizeof/Alignof/Offsetof of fixed-size types, with
 * sizes.c's layout), and gc's messages.
 */
#include "expr.h"
#include <stdarg.h>


#define OS(x) operand_str(c, (x))
#define TS(t) type_str(c, (t))
#define ES(e) expr_str(c, (e))

const struct BuiltinInfo builtin_info[BUILTIN_COUNT] = {
	[BUILTIN_APPEND] = {"append", 1, true, EXPRKIND_EXPRESSION},
	[BUILTIN_CAP] = {"cap", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_CLOSE] = {"close", 1, false, EXPRKIND_STATEMENT},
	[BUILTIN_COMPLEX] = {"complex", 2, false, EXPRKIND_EXPRESSION},
	[BUILTIN_COPY] = {"copy", 2, false, EXPRKIND_STATEMENT},
	[BUILTIN_DELETE] = {"delete", 2, false, EXPRKIND_STATEMENT},
	[BUILTIN_IMAG] = {"imag", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_LEN] = {"len", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_MAKE] = {"make", 1, true, EXPRKIND_EXPRESSION},
	[BUILTIN_NEW] = {"new", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_PANIC] = {"panic", 1, false, EXPRKIND_STATEMENT},
	[BUILTIN_PRINT] = {"print", 0, true, EXPRKIND_STATEMENT},
	[BUILTIN_PRINTLN] = {"println", 0, true, EXPRKIND_STATEMENT},
	[BUILTIN_REAL] = {"real", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_RECOVER] = {"recover", 0, false, EXPRKIND_STATEMENT},
	[BUILTIN_ADD] = {"Add", 2, false, EXPRKIND_EXPRESSION},
	[BUILTIN_ALIGNOF] = {"Alignof", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_OFFSETOF] = {"Offsetof", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_SIZEOF] = {"Sizeof", 1, false, EXPRKIND_EXPRESSION},
	[BUILTIN_SLICE] = {"Slice", 2, false, EXPRKIND_EXPRESSION},
	[BUILTIN_ASSERT] = {"assert", 1, false, EXPRKIND_STATEMENT},
	[BUILTIN_TRACE] = {"trace", 0, true, EXPRKIND_STATEMENT},
};

/* go/types hasVarSize: a type parameter's size is unknown until instantiation */
typedef struct VarSeen {
	Type *t;
	struct VarSeen *prev;
} VarSeen;

static bool has_var_size(Type *t, VarSeen *seen)
{
	if (t->kind == TY_NAMED) {
		for (VarSeen *s = seen; s; s = s->prev)
			if (s->t == t)
				return false;
	}
	VarSeen me = {t, seen};
	Type *u = under(t);
	switch (u->kind) {
	case TY_ARRAY:
		return has_var_size(u->array.elem, &me);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (has_var_size(u->struct_.fields[i]->type, &me))
				return true;
		return false;
	case TY_INTERFACE:
		return t->kind == TY_TYPEPARAM;
	default:
		return false;
	}
}

static Type *array_ptr_deref(Type *t)
{
	if (t && t->kind == TY_POINTER) {
		Type *a = under(t->pointer.elem);
		if (a->kind == TY_ARRAY)
			return a;
	}
	return t;
}

static bool lencap_f(Type *t, void *arg)
{
	int id = *(int *)arg;
	if (!t)
		return false;
	t = array_ptr_deref(t);
	switch (t->kind) {
	case TY_BASIC: return is_string(t) && id == BUILTIN_LEN;
	case TY_ARRAY: case TY_SLICE: case TY_CHAN: return true;
	case TY_MAP: return id == BUILTIN_LEN;
	default: return false;
	}
}

typedef struct CloseArg {
	Checker *c;
	Operand *x;
} CloseArg;

static bool close_f(Type *u, void *arg)
{
	CloseArg *a = arg;
	Checker *c = a->c;
	if (!u || u->kind != TY_CHAN) {
		check_expr_errorf(c, operand_pos(a->x), "invalid operation: cannot close non-channel %s", OS(a->x));
		return false;
	}
	if (u->chan.dir == CHAN_RECVONLY) {
		check_expr_errorf(c, operand_pos(a->x), "invalid operation: cannot close receive-only channel %s", OS(a->x));
		return false;
	}
	return true;
}

typedef struct DeleteArg {
	Checker *c;
	Operand *x;
	Type *key;
} DeleteArg;

static bool delete_f(Type *u, void *arg)
{
	DeleteArg *a = arg;
	Checker *c = a->c;
	if (!u || u->kind != TY_MAP) {
		check_expr_errorf(c, operand_pos(a->x), "invalid argument: %s is not a map", OS(a->x));
		return false;
	}
	if (a->key && !identical(u->map.key, a->key)) {
		check_expr_errorf(c, operand_pos(a->x), "invalid argument: maps of %s must have identical key types", OS(a->x));
		return false;
	}
	a->key = u->map.key;
	return true;
}

/* types2 applyTypeFunc: f applied to x's type, or to each term of a type parameter
 * (the result is then a new type parameter constrained by the results) */
static Type *apply_type_func(Checker *c, Type *(*f)(Type *), Operand *x, int id)
{
	Type *t = x->type;
	if (t->kind != TY_TYPEPARAM)
		return f(t);
	TypeSet *ts = interface_typeset(c, under(t));
	if (!typeset_has_terms(ts))
		return NULL;
	Term *terms = arena_alloc(c->arena, ts->nterms * sizeof *terms);
	for (uint32_t i = 0; i < ts->nterms; i++) {
		Type *r = f(ts->terms[i].type);
		if (!r)
			return NULL;
		terms[i] = (Term){ts->terms[i].tilde, r};
	}
	check_softerrorf(c, operand_pos(x), "%s not supported as argument to %s for go1.18 (see issue #50937)", OS(x),
	    builtin_info[id].name);
	Object *tn = new_typename(c->arena, NoPos, c->pkg, t->tparam.obj->name, NULL);
	Type **emb = arena_alloc(c->arena, sizeof *emb);
	emb[0] = new_union(c->arena, terms, ts->nterms);
	Type *iface = new_interface(c->arena, NULL, 0, emb, NULL, 1);
	Type *tp = new_typeparam(c->arena, tn, iface);
	tp->tparam.index = t->tparam.index;
	return tp;
}

static Type *complex_of(Type *t)
{
	Type *u = under(t);
	if (u->kind == TY_BASIC) {
		switch (u->basic.kind) {
		case BK_FLOAT32: return typ_basic[BK_COMPLEX64];
		case BK_FLOAT64: return typ_basic[BK_COMPLEX128];
		case BK_UNTYPED_FLOAT: return typ_basic[BK_UNTYPED_COMPLEX];
		}
	}
	return NULL;
}

static Type *float_of(Type *t)
{
	Type *u = under(t);
	if (u->kind == TY_BASIC) {
		switch (u->basic.kind) {
		case BK_COMPLEX64: return typ_basic[BK_FLOAT32];
		case BK_COMPLEX128: return typ_basic[BK_FLOAT64];
		case BK_UNTYPED_COMPLEX: return typ_basic[BK_UNTYPED_FLOAT];
		}
	}
	return NULL;
}

static Type *deref_struct_ptr(Type *t)
{
	Type *u = under(t);
	if (u->kind == TY_POINTER && under(u->pointer.elem)->kind == TY_STRUCT)
		return u->pointer.elem;
	return t;
}

static int64_t offsetof_path(Checker *c, Type *t, int *index, uint32_t n)
{
	int64_t off = 0;
	for (uint32_t i = 0; i < n; i++) {
		Type *u = under(t);
		if (u->kind != TY_STRUCT)
			return -1;
		int64_t *offs = arena_alloc(&c->scratch, (u->struct_.nfields + 1) * sizeof *offs);
		sizes_offsetsof(c->sizes, u, offs);
		off += offs[index[i]];
		t = u->struct_.fields[index[i]]->type;
	}
	return off;
}

bool check_builtin(Checker *c, Operand *x, Node *call, int id)
{
	const struct BuiltinInfo *bin = &builtin_info[id];
	List args = call->call.args;
	if (call->call.ellipsis && id != BUILTIN_APPEND) {
		check_expr_errorf(c, start_pos(call), "invalid operation: invalid use of ... with built-in %s", bin->name);
		check_use(c, args.v, args.n);
		return false;
	}
	bool saved_hcr = c->env.hasCallOrRecv;
	if (id == BUILTIN_LEN || id == BUILTIN_CAP)
		c->env.hasCallOrRecv = false;
	bool res = false;
	Operand buf[8];
	Operand *xl = buf;
	uint32_t nargs = args.n;
	switch (id) {
	case BUILTIN_MAKE: case BUILTIN_NEW: case BUILTIN_OFFSETOF: case BUILTIN_TRACE:
		break;
	default:
		xl = check_expr_list(c, args.v, args.n, false, buf, 8, &nargs, NULL);
		if (nargs > 0) {
			*x = xl[0];
			if (x->mode == MODE_INVALID)
				goto out;
		}
	}
	{
		const char *msg = NULL;
		if (nargs < bin->nargs)
			msg = "not enough";
		else if (!bin->variadic && nargs > bin->nargs)
			msg = "too many";
		if (msg) {
			check_expr_errorf(c, start_pos(call), "invalid operation: %s arguments for %s (expected %u, found %u)", msg,
			    ES(call), bin->nargs, nargs);
			goto out;
		}
	}
	switch (id) {
	case BUILTIN_APPEND: {
		Type *S = x->type;
		Type *s = core_type(S);
		Type *T;
		if (s && s->kind == TY_SLICE) {
			T = s->slice.elem;
		} else {
			const char *cause;
			Buf b = {0};
			if (x->mode == MODE_VALUE && is_basic_kind(x->type, BK_UNTYPED_NIL)) {
				buf_puts(&b, "have untyped nil");
			} else if (S->kind == TY_TYPEPARAM) {
				if (s)
					buf_printf(&b, "%s has core type %s", OS(x), TS(s));
				else
					buf_printf(&b, "%s has no core type", OS(x));
			} else {
				buf_printf(&b, "have %s", OS(x));
			}
			cause = arena_strndup(&c->scratch, b.p, b.n);
			buf_free(&b);
			check_expr_errorf(c, operand_pos(x), "first argument to append must be a slice; %s", cause);
			goto out;
		}
		if (nargs == 2 && call->call.ellipsis) {
			Type *bs = new_slice(&c->scratch, typ_byte);
			if (operand_assignable_to(c, x, bs, NULL)) {
				Operand y = xl[1];
				if (y.mode == MODE_INVALID)
					goto out;
				Type *t = core_string(y.type);
				if (t && is_string(t)) {
					x->mode = MODE_VALUE;
					x->type = S;
					break;
				}
			}
		}
		/* check the arguments against func(S, ...T) */
		Object **vars = arena_alloc(&c->scratch, 2 * sizeof *vars);
		vars[0] = new_param(&c->scratch, NoPos, NULL, intern_cstr(""), S);
		vars[1] = new_param(&c->scratch, NoPos, NULL, intern_cstr(""), new_slice(&c->scratch, T));
		Type *sig = new_signature(&c->scratch, NULL, new_tuple(&c->scratch, vars, 2), typ_empty_tuple, true);
		Operand *al = xl;
		if (al == buf && nargs > 0)
			al[0] = *x;
		TypeList none = {0};
		check_arguments(c, call, sig, none, al, nargs, NULL, 0);
		x->mode = MODE_VALUE;
		x->type = S;
		break;
	}
	case BUILTIN_CAP:
	case BUILTIN_LEN: {
		int mode = MODE_INVALID;
		Const val = const_unknown();
		Type *t = array_ptr_deref(under(x->type));
		switch (t->kind) {
		case TY_BASIC:
			if (is_string(t) && id == BUILTIN_LEN) {
				if (x->mode == MODE_CONSTANT) {
					mode = MODE_CONSTANT;
					size_t n;
					const_string_val(x->val, &n);
					val = const_int64((int64_t)n);
				} else {
					mode = MODE_VALUE;
				}
			}
			break;
		case TY_ARRAY:
			mode = MODE_VALUE;
			if (!c->env.hasCallOrRecv) {
				mode = MODE_CONSTANT;
				val = t->array.len >= 0 ? const_int64(t->array.len) : const_unknown();
			}
			break;
		case TY_SLICE: case TY_CHAN:
			mode = MODE_VALUE;
			break;
		case TY_MAP:
			if (id == BUILTIN_LEN)
				mode = MODE_VALUE;
			break;
		case TY_INTERFACE:
			if (x->type->kind != TY_TYPEPARAM)
				break;
			if (typeset_underIs(c, x->type, lencap_f, &id))
				mode = MODE_VALUE;
			break;
		default:
			break;
		}
		if (mode == MODE_INVALID && under(x->type) != typ_invalid) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s for %s", OS(x), bin->name);
			goto out;
		}
		x->mode = (uint8_t)mode;
		x->type = typ_basic[BK_INT];
		x->val = val;
		break;
	}
	case BUILTIN_CLOSE: {
		CloseArg a = {c, x};
		if (!typeset_underIs(c, x->type, close_f, &a))
			goto out;
		x->mode = MODE_NOVALUE;
		break;
	}
	case BUILTIN_COMPLEX: {
		Operand y = xl[1];
		if (y.mode == MODE_INVALID)
			goto out;
		int d = (is_untyped(x->type) ? 1 : 0) | (is_untyped(y.type) ? 2 : 0);
		switch (d) {
		case 1: check_convert_untyped(c, x, y.type); break;
		case 2: check_convert_untyped(c, &y, x->type); break;
		case 3:
			if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
				if (is_numeric(x->type) && const_sign(const_imag(const_to_complex(c->arena, x->val))) == 0)
					x->type = typ_basic[BK_UNTYPED_FLOAT];
				if (is_numeric(y.type) && const_sign(const_imag(const_to_complex(c->arena, y.val))) == 0)
					y.type = typ_basic[BK_UNTYPED_FLOAT];
			} else {
				check_convert_untyped(c, x, typ_basic[BK_FLOAT64]);
				check_convert_untyped(c, &y, typ_basic[BK_FLOAT64]);
			}
			break;
		}
		if (x->mode == MODE_INVALID || y.mode == MODE_INVALID)
			goto out;
		if (!identical(x->type, y.type)) {
			check_expr_errorf(c, operand_pos(x), "invalid operation: %s (mismatched types %s and %s)", ES(call), TS(x->type),
			    TS(y.type));
			goto out;
		}
		Type *res = apply_type_func(c, complex_of, x, id);
		if (!res) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: arguments have type %s, expected floating-point", TS(x->type));
			goto out;
		}
		if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
			x->val = const_binary(c->arena, const_to_float(c->arena, x->val), TOK_ADD,
			    const_make_imag(c->arena, const_to_float(c->arena, y.val)));
		} else {
			x->mode = MODE_VALUE;
		}
		x->type = res;
		break;
	}
	case BUILTIN_COPY: {
		Type *dst = core_type(x->type);
		if (dst && dst->kind != TY_SLICE)
			dst = NULL;
		Operand y = xl[1];
		if (y.mode == MODE_INVALID)
			goto out;
		Type *src = core_string(y.type);
		if (src && is_string(src))
			src = new_slice(&c->scratch, typ_byte);
		if (src && src->kind != TY_SLICE)
			src = NULL;
		if (!dst || !src) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: copy expects slice arguments; found %s and %s", OS(x), OS(&y));
			goto out;
		}
		if (!identical(dst->slice.elem, src->slice.elem)) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
			    OS(x), OS(&y), TS(dst->slice.elem), TS(src->slice.elem));
			goto out;
		}
		x->mode = MODE_VALUE;
		x->type = typ_basic[BK_INT];
		break;
	}
	case BUILTIN_DELETE: {
		DeleteArg a = {c, x, NULL};
		if (!typeset_underIs(c, x->type, delete_f, &a))
			goto out;
		*x = xl[1];
		if (x->mode == MODE_INVALID)
			goto out;
		check_assignment(c, x, a.key, "argument to delete");
		if (x->mode == MODE_INVALID)
			goto out;
		x->mode = MODE_NOVALUE;
		break;
	}
	case BUILTIN_IMAG:
	case BUILTIN_REAL: {
		if (is_untyped(x->type)) {
			if (x->mode == MODE_CONSTANT) {
				if (is_numeric(x->type))
					x->type = typ_basic[BK_UNTYPED_COMPLEX];
			} else {
				check_convert_untyped(c, x, typ_basic[BK_COMPLEX128]);
				if (x->mode == MODE_INVALID)
					goto out;
			}
		}
		Type *res = apply_type_func(c, float_of, x, id);
		if (!res) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: argument has type %s, expected complex type", TS(x->type));
			goto out;
		}
		if (x->mode == MODE_CONSTANT) {
			Const v = const_to_complex(c->arena, x->val);
			x->val = id == BUILTIN_REAL ? const_real(v) : const_imag(v);
		} else {
			x->mode = MODE_VALUE;
		}
		x->type = res;
		break;
	}
	case BUILTIN_MAKE: {
		Node *arg0 = args.v[0];
		Type *T = check_var_type(c, arg0);
		if (T == typ_invalid)
			goto out;
		uint32_t min;
		Type *ct = core_type(T);
		if (!ct) {
			check_expr_errorf(c, start_pos(arg0), "invalid argument: cannot make %s: no core type", ES(arg0));
			goto out;
		}
		switch (ct->kind) {
		case TY_SLICE: min = 2; break;
		case TY_MAP: case TY_CHAN: min = 1; break;
		default:
			check_expr_errorf(c, start_pos(arg0), "invalid argument: cannot make %s; type must be slice, map, or channel",
			    ES(arg0));
			goto out;
		}
		if (nargs < min || min + 1 < nargs) {
			check_expr_errorf(c, start_pos(call), "invalid operation: %s expects %u or %u arguments; found %u", ES(call), min,
			    min + 1, nargs);
			goto out;
		}
		int64_t sizes[2];
		uint32_t nsizes = 0;
		for (uint32_t i = 1; i < args.n; i++) {
			int64_t v;
			check_index(c, args.v[i], -1, &v);
			if (v >= 0)
				sizes[nsizes++] = v;
		}
		if (nsizes == 2 && sizes[0] > sizes[1])
			check_expr_errorf(c, start_pos(args.v[1]), "invalid argument: length and capacity swapped");
		x->mode = MODE_VALUE;
		x->type = T;
		break;
	}
	case BUILTIN_NEW: {
		Type *T = check_var_type(c, args.v[0]);
		if (T == typ_invalid)
			goto out;
		x->mode = MODE_VALUE;
		x->type = new_pointer(c->arena, T);
		break;
	}
	case BUILTIN_PANIC:
		check_assignment(c, x, typ_any, "argument to panic");
		if (x->mode == MODE_INVALID)
			goto out;
		x->mode = MODE_NOVALUE;
		break;
	case BUILTIN_PRINT:
	case BUILTIN_PRINTLN:
		for (uint32_t i = 0; i < nargs; i++) {
			if (i > 0)
				*x = xl[i];
			check_assignment(c, x, NULL, id == BUILTIN_PRINT ? "argument to print" : "argument to println");
			if (x->mode == MODE_INVALID)
				goto out;
		}
		x->mode = MODE_NOVALUE;
		break;
	case BUILTIN_RECOVER:
		x->mode = MODE_VALUE;
		x->type = typ_any;
		break;
	case BUILTIN_ADD: {
		check_assignment(c, x, typ_basic[BK_UNSAFE_POINTER], "argument to unsafe.Add");
		if (x->mode == MODE_INVALID)
			goto out;
		Operand y = xl[1];
		if (!check_is_valid_index(c, &y, "length", true))
			goto out;
		x->mode = MODE_VALUE;
		x->type = typ_basic[BK_UNSAFE_POINTER];
		break;
	}
	case BUILTIN_ALIGNOF:
	case BUILTIN_SIZEOF:
		check_assignment(c, x, NULL, id == BUILTIN_SIZEOF ? "argument to unsafe.Sizeof" : "argument to unsafe.Alignof");
		if (x->mode == MODE_INVALID)
			goto out;
		if (has_var_size(x->type, NULL)) {
			x->mode = MODE_VALUE;
		} else {
			x->mode = MODE_CONSTANT;
			x->val = const_int64(id == BUILTIN_SIZEOF ? sizes_sizeof(c->sizes, x->type)
			                                          : sizes_alignof(c->sizes, x->type));
		}
		x->type = typ_basic[BK_UINTPTR];
		break;
	case BUILTIN_OFFSETOF: {
		Node *arg0 = args.v[0];
		Node *selx = unparen(arg0);
		if (selx->kind != N_SelectorExpr) {
			check_expr_errorf(c, start_pos(arg0), "invalid argument: %s is not a selector expression", ES(arg0));
			check_use(c, &arg0, 1);
			goto out;
		}
		check_expr(c, x, selx->selector.x, NULL);
		if (x->mode == MODE_INVALID)
			goto out;
		Type *base = deref_struct_ptr(x->type);
		const char *sel = intern_s(selx->selector.sel->ident.name);
		Lookup r = lookup_field_or_method(&c->scratch, base, false, c->pkg, sel);
		if (!r.obj) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s has no single field %s", TS(base), sel);
			goto out;
		}
		if (r.obj->kind == OBJ_FUNC) {
			check_expr_errorf(c, start_pos(arg0), "invalid argument: %s is a method value", ES(arg0));
			goto out;
		}
		if (r.indirect) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: field %s is embedded via a pointer in %s", sel, TS(base));
			goto out;
		}
		check_record_use(c, selx->selector.sel, r.obj);
		if (has_var_size(base, NULL)) {
			x->mode = MODE_VALUE;
		} else {
			x->mode = MODE_CONSTANT;
			x->val = const_int64(offsetof_path(c, base, r.index, r.nindex));
		}
		x->type = typ_basic[BK_UINTPTR];
		break;
	}
	case BUILTIN_SLICE: {
		Type *u = under(x->type);
		if (u->kind != TY_POINTER) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s is not a pointer", OS(x));
			goto out;
		}
		Operand y = xl[1];
		if (!check_is_valid_index(c, &y, "length", false))
			goto out;
		x->mode = MODE_VALUE;
		x->type = new_slice(c->arena, u->pointer.elem);
		break;
	}
	case BUILTIN_ASSERT:
		if (x->mode != MODE_CONSTANT || !is_boolean(x->type)) {
			check_expr_errorf(c, operand_pos(x), "invalid argument: %s is not a boolean constant", OS(x));
			goto out;
		}
		if (!const_bool_val(x->val))
			check_expr_errorf(c, start_pos(call), "%s failed", ES(call));
		break;
	case BUILTIN_TRACE:
		x->mode = MODE_NOVALUE;
		break;
	default:
		ice(start_pos(call), "check", "unknown builtin %d", id);
	}
	res = true;
out:
	if (id == BUILTIN_LEN || id == BUILTIN_CAP)
		c->env.hasCallOrRecv = saved_hcr;
	return res;
}
