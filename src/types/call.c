/*
 * call.c — calls, selectors and conversions (go/types and types2 call.go,
 * conversions.go): function and method calls with variadic and
 * multi-value arguments, generic function instantiation (explicit, partial,
 * and by inference from the arguments), conversions T(x) including
 * constant conversions and conversions involving type parameters, and
 * selectors: package-qualified identifiers, fields, methods, method values
 * and method expressions with promotion through embedded fields.
 */
#include "expr.h"
#include <stdarg.h>
#include <ctype.h>


#define OS(x) operand_str(c, (x))
#define TS(t) type_str(c, (t))
#define ES(e) expr_str(c, (e))

static void add_decl_dep(Checker *c, Object *obj)
{
	if (c->env.decl && obj->pkg == c->pkg && obj->decl)
		ptrmap_put(&c->env.decl->deps, obj, obj);
}

/* ---- generic functions ---- */

void check_non_generic(Checker *c, Operand *x)
{
	if (x->mode == MODE_INVALID || x->mode == MODE_NOVALUE)
		return;
	const char *what = NULL;
	if (x->type->kind == TY_NAMED && is_generic(x->type))
		what = "type";
	else if (x->type->kind == TY_SIGNATURE && x->type->sig.tparams.n > 0)
		what = "function";
	if (what) {
		check_expr_errorf(c, operand_pos(x), "cannot use generic %s %s without instantiation", what, ES(x->expr));
		x->mode = MODE_INVALID;
		x->type = typ_invalid;
	}
}

TypeList check_type_list(Checker *c, Node **v, uint32_t n, bool *ok)
{
	TypeList l = {arena_alloc(c->arena, (n + 1) * sizeof(Type *)), n};
	*ok = true;
	for (uint32_t i = 0; i < n; i++) {
		Type *t = check_var_type(c, v[i]);
		if (t == typ_invalid)
			*ok = false;
		l.v[i] = t;
	}
	return l;
}

typedef struct VerifyInst {
	Type *sig;
	TypeList targs;
	Node **xlist;
	uint32_t nxlist;
	Pos pos;
} VerifyInst;

static void verify_inst(Checker *c, void *arg)
{
	VerifyInst *v = arg;
	TypeList tparams = v->sig->sig.tparams;
	Subst m = {tparams.v, v->targs.v, tparams.n};
	for (uint32_t i = 0; i < tparams.n && i < v->targs.n; i++) {
		Type *bound = tparams.v[i]->tparam.bound;
		if (!bound)
			continue;
		Type *b = subst(c, v->pos, bound, &m);
		Buf cause = {0};
		if (!implements(c, v->targs.v[i], b, &cause)) {
			Pos pos = v->pos;
			if (i < v->nxlist)
				pos = start_pos(v->xlist[i]);
			if (cause.n)
				check_softerrorf(c, pos, "%.*s", (int)cause.n, cause.p);
			else
				check_softerrorf(c, pos, "%s does not implement %s", TS(v->targs.v[i]), TS(b));
			buf_free(&cause);
			return;
		}
		buf_free(&cause);
	}
	mono_record_instance(c, v->pos, tparams, v->targs, v->xlist, v->nxlist, start_pos);
}

Type *check_instantiate_signature(Checker *c, Pos pos, Type *sig, TypeList targs, Node **xlist, uint32_t nxlist)
{
	Type *inst = instantiate(c, pos, sig, targs, false);
	VerifyInst *v = arena_alloc(&c->scratch, sizeof *v);
	*v = (VerifyInst){sig, targs, xlist, nxlist, pos};
	check_later(c, verify_inst, v);
	return inst;
}

static List index_list(Node *e)
{
	if (e->kind == N_IndexExpr)
		return (List){&e->index.index, 1};
	return e->indexlist.indices;
}

static Node *index_base(Node *e) { return e->kind == N_IndexExpr ? e->index.x : e->indexlist.x; }

/* info.instances: keyed by the function's name (an Ident, or the
 * SelectorExpr of a qualified one) */
static void record_instance(Checker *c, Node *name, TypeList targs, Type *sig)
{
	Instance *in = arena_alloc(c->arena, sizeof *in);
	in->targs = targs;
	in->type = sig;
	ptrmap_put(&c->info.instances, name, in);
}

void check_func_inst(Checker *c, Operand *x, Node *inst)
{
	List xl = index_list(inst);
	bool ok;
	TypeList targs = check_type_list(c, xl.v, xl.n, &ok);
	if (!ok) {
		x->mode = MODE_INVALID;
		x->expr = inst;
		return;
	}
	Type *sig = x->type;
	uint32_t got = targs.n, want = sig->sig.tparams.n;
	if (got > want) {
		check_expr_errorf(c, start_pos(xl.v[got - 1]), "got %u type arguments but want %u", got, want);
		x->mode = MODE_INVALID;
		x->expr = inst;
		return;
	}
	if (got < want) {
		targs = check_infer(c, inst->kind == N_IndexExpr ? inst->index.lbrack : inst->indexlist.lbrack,
		    sig->sig.tparams, targs, NULL, NULL, 0);
		if (!targs.v) {
			x->mode = MODE_INVALID;
			x->expr = inst;
			return;
		}
	}
	Type *res = check_instantiate_signature(c, start_pos(index_base(inst)), sig, targs, xl.v, xl.n);
	if (c->record)
		record_instance(c, index_base(inst), targs, res);
	x->type = res;
	x->mode = MODE_VALUE;
	x->expr = inst;
}

/* ---- calls ---- */

static void use_args(Checker *c, Node *call)
{
	check_use(c, call->call.args.v, call->call.args.n);
}

int check_call_expr(Checker *c, Operand *x, Node *call)
{
	Node *fun = call->call.fun;
	Node *inst = NULL;
	if (fun->kind == N_IndexExpr || fun->kind == N_IndexListExpr) {
		/* like index_expr in expr.c, but a generic function is instantiated with the arguments */
		check_expr_or_type(c, x, index_base(fun), true);
		Type *u = x->mode == MODE_VALUE ? under(x->type) : NULL;
		if (u && u->kind == TY_SIGNATURE && u->sig.tparams.n > 0) {
			inst = fun;
			x->expr = fun;
		} else {
			check_raw_expr(c, x, fun, NULL, true);
		}
	} else {
		check_expr_or_type(c, x, fun, true);
	}
	switch (x->mode) {
	case MODE_INVALID:
		use_args(c, call);
		x->expr = call;
		return EXPRKIND_STATEMENT;
	case MODE_TYPEXPR: {
		check_non_generic(c, x);
		if (x->mode == MODE_INVALID)
			return EXPRKIND_CONVERSION;
		Type *T = x->type;
		x->mode = MODE_INVALID;
		uint32_t n = call->call.args.n;
		if (n == 0) {
			check_expr_errorf(c, start_pos(call), "missing argument in conversion to %s", TS(T));
		} else if (n == 1) {
			check_expr(c, x, call->call.args.v[0], NULL);
			if (x->mode != MODE_INVALID) {
				Type *tu = under(T);
				if (tu->kind == TY_INTERFACE && T->kind != TY_TYPEPARAM) {
					TypeSet *ts = interface_typeset(c, tu);
					if (typeset_has_terms(ts) || ts->comparable) {
						check_expr_errorf(c, start_pos(call),
						    "cannot use interface %s in conversion (contains specific type constraints or is comparable)",
						    TS(T));
						x->mode = MODE_INVALID;
						break;
					}
				}
				if (call->call.ellipsis) {
					check_expr_errorf(c, start_pos(call->call.args.v[0]), "invalid use of ... in type conversion to %s", TS(T));
					x->mode = MODE_INVALID;
					break;
				}
				check_conversion(c, x, T);
			}
		} else {
			use_args(c, call);
			check_expr_errorf(c, start_pos(call->call.args.v[n - 1]), "too many arguments in conversion to %s", TS(T));
		}
		x->expr = call;
		return EXPRKIND_CONVERSION;
	}
	case MODE_BUILTIN: {
		int id = x->builtin;
		if (!check_builtin(c, x, call, id))
			x->mode = MODE_INVALID;
		x->expr = call;
		if (x->mode != MODE_INVALID && x->mode != MODE_CONSTANT)
			c->env.hasCallOrRecv = true;
		return builtin_info[id].kind;
	}
	}
	Type *sig = core_type(x->type);
	if (!sig || sig->kind != TY_SIGNATURE) {
		check_expr_errorf(c, operand_pos(x), "invalid operation: cannot call non-function %s", OS(x));
		x->mode = MODE_INVALID;
		x->expr = call;
		return EXPRKIND_STATEMENT;
	}
	TypeList targs = {0};
	Node **xlist = NULL;
	uint32_t nxlist = 0;
	if (inst) {
		List xl = index_list(inst);
		bool ok;
		targs = check_type_list(c, xl.v, xl.n, &ok);
		if (!ok) {
			use_args(c, call);
			x->mode = MODE_INVALID;
			x->expr = call;
			return EXPRKIND_STATEMENT;
		}
		xlist = xl.v;
		nxlist = xl.n;
		if (targs.n > sig->sig.tparams.n) {
			check_expr_errorf(c, start_pos(xl.v[sig->sig.tparams.n]), "got %u type arguments but want %u", targs.n,
			    sig->sig.tparams.n);
			use_args(c, call);
			x->mode = MODE_INVALID;
			x->expr = call;
			return EXPRKIND_STATEMENT;
		}
	}
	Operand buf[8];
	uint32_t nargs;
	Operand *args = check_expr_list(c, call->call.args.v, call->call.args.n, false, buf, 8, &nargs, NULL);
	bool generic = sig->sig.tparams.n > 0;
	sig = check_arguments(c, call, sig, targs, args, nargs, xlist, nxlist);
	if (generic && sig->sig.tparams.n == 0 && c->record)
		check_record_type(c, fun, MODE_VALUE, sig, const_unknown());
	uint32_t nres = sig->sig.results->tuple.n;
	if (nres == 0) {
		x->mode = MODE_NOVALUE;
		x->type = typ_empty_tuple;
	} else if (nres == 1) {
		x->mode = MODE_VALUE;
		x->type = sig->sig.results->tuple.vars[0]->type;
	} else {
		x->mode = MODE_VALUE;
		x->type = sig->sig.results;
	}
	x->expr = call;
	c->env.hasCallOrRecv = true;
	if (x->mode == MODE_VALUE && sig->sig.tparams.n > 0 && is_parameterized(sig->sig.tparams, x->type))
		x->mode = MODE_INVALID;
	return EXPRKIND_STATEMENT;
}

Type *check_arguments(Checker *c, Node *call, Type *sig, TypeList targs, Operand *args, uint32_t nargs, Node **xlist,
    uint32_t nxlist)
{
	Type *rsig = sig;
	for (uint32_t i = 0; i < nargs; i++) {
		if (args[i].mode == MODE_TYPEXPR) {
			check_expr_errorf(c, operand_pos(&args[i]), "%s used as value", OS(&args[i]));
			return rsig;
		}
		if (args[i].mode == MODE_INVALID)
			return rsig;
	}
	uint32_t npars = sig->sig.params->tuple.n;
	bool ddd = call->call.ellipsis != NoPos;
	Type *params = sig->sig.params;
	bool adjusted = false;
	if (sig->sig.variadic) {
		if (ddd) {
			if (call->call.args.n == 1 && nargs > 1) {
				check_expr_errorf(c, start_pos(call), "cannot use ... with %u-valued %s", nargs, ES(call->call.args.v[0]));
				return rsig;
			}
		} else if (nargs + 1 >= npars) {
			Object **vars = arena_alloc(c->arena, (nargs + 1) * sizeof *vars);
			for (uint32_t i = 0; i + 1 < npars; i++)
				vars[i] = params->tuple.vars[i];
			Object *last = params->tuple.vars[npars - 1];
			Type *lt = last->type;
			Type *elem = lt->kind == TY_SLICE ? lt->slice.elem : typ_invalid;
			for (uint32_t i = npars - 1; i < nargs; i++)
				vars[i] = new_param(c->arena, last->pos, last->pkg, last->name, elem);
			params = new_tuple(c->arena, vars, nargs);
			adjusted = true;
			npars = nargs;
		} else {
			npars--;
		}
	} else if (ddd) {
		check_expr_errorf(c, start_pos(call), "cannot use ... in call to non-variadic %s", ES(call->call.fun));
		return rsig;
	}
	if (nargs != npars) {
		Pos at = start_pos(call);
		const char *q = "not enough";
		if (nargs > npars) {
			at = operand_pos(&args[npars]);
			q = "too many";
		} else if (nargs > 0) {
			at = operand_pos(&args[nargs - 1]);
		}
		Type **have = arena_alloc(&c->scratch, (nargs + 1) * sizeof *have);
		for (uint32_t i = 0; i < nargs; i++)
			have[i] = args[i].type;
		uint32_t np = sig->sig.params->tuple.n;
		Type **want = arena_alloc(&c->scratch, (np + 1) * sizeof *want);
		for (uint32_t i = 0; i < np; i++)
			want[i] = sig->sig.params->tuple.vars[i]->type;
		check_expr_errorf(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, ES(call->call.fun),
		    types_summary(c, have, nargs, false), types_summary(c, want, np, sig->sig.variadic));
		return rsig;
	}
	if (sig->sig.tparams.n > 0) {
		TypeList all = check_infer(c, call->call.lparen, sig->sig.tparams, targs, params, args, nargs);
		if (!all.v)
			return rsig;
		rsig = check_instantiate_signature(c, call->call.lparen, sig, all, xlist, nxlist);
		if (c->record) {
			Node *f = unparen(call->call.fun);
			if (f->kind == N_IndexExpr || f->kind == N_IndexListExpr)
				f = index_base(f);
			record_instance(c, f, all, rsig);
		}
		if (adjusted) {
			Subst m = {sig->sig.tparams.v, all.v, sig->sig.tparams.n};
			params = subst(c, start_pos(call), params, &m);
		} else {
			params = rsig->sig.params;
		}
	}
	if (nargs > 0) {
		Node *saved = check_arg_fun;
		check_arg_fun = call->call.fun;
		for (uint32_t i = 0; i < nargs; i++)
			check_assignment(c, &args[i], params->tuple.vars[i]->type, check_ctx_argument);
		check_arg_fun = saved;
	}
	return rsig;
}

/* ---- selectors ---- */

static bool is_interface_ptr(Type *t)
{
	Type *u = under(t);
	return u->kind == TY_POINTER && is_interface(u->pointer.elem);
}

static const char *interface_ptr_error(Checker *c, Type *t)
{
	Type *u = under(t);
	Buf b = {0};
	if (u->pointer.elem->kind == TY_TYPEPARAM)
		buf_printf(&b, "type %s is pointer to type parameter, not type parameter", TS(t));
	else
		buf_printf(&b, "type %s is pointer to interface, not interface", TS(t));
	const char *s = arena_strndup(&c->scratch, b.p, b.n);
	buf_free(&b);
	return s;
}

void check_selector(Checker *c, Operand *x, Node *e, Type *def)
{
	Node *sel_id = e->selector.sel;
	const char *sel = intern_s(sel_id->ident.name);
	Node *ex = e->selector.x;
	if (ex->kind == N_Ident) {
		Object *pn = scope_lookup_parent(c->env.scope, intern_s(ex->ident.name), c->env.pos, NULL);
		if (pn && pn->kind == OBJ_PKGNAME) {
			check_record_use(c, ex, pn);
			pn->flags |= OF_USED;
			TPackage *imp = pn->imported;
			Object *exp = imp && imp->scope ? scope_lookup(imp->scope, sel) : NULL;
			if (!exp || !obj_exported(exp)) {
				if (!imp || !imp->fake)
					check_expr_errorf(c, sel_id->ident.namepos, "undefined: %s.%s", imp ? imp->name : pn->name, sel);
				goto error;
			}
			check_record_use(c, sel_id, exp);
			if (!exp->type)
				check_obj_decl(c, exp, NULL);
			x->type = exp->type ? exp->type : typ_invalid;
			switch (exp->kind) {
			case OBJ_CONST:
				x->mode = MODE_CONSTANT;
				x->val = exp->val;
				break;
			case OBJ_TYPENAME: x->mode = MODE_TYPEXPR; break;
			case OBJ_VAR: x->mode = MODE_VARIABLE; break;
			case OBJ_FUNC: x->mode = MODE_VALUE; break;
			case OBJ_BUILTIN:
				x->mode = MODE_BUILTIN;
				x->builtin = exp->builtin;
				break;
			default:
				goto error;
			}
			x->expr = e;
			return;
		}
	}
	check_expr_or_type(c, x, ex, false);
	switch (x->mode) {
	case MODE_TYPEXPR:
		if (def && x->type == def) {
			check_expr_errorf(c, start_pos(e), "invalid recursive type %s", TS(def));
			goto error;
		}
		break;
	case MODE_BUILTIN:
		check_expr_errorf(c, node_end(ex), "cannot select on %s", OS(x));
		goto error;
	case MODE_INVALID:
		goto error;
	}
	Lookup r = lookup_field_or_method(&c->scratch, x->type, x->mode == MODE_VARIABLE, c->pkg, sel);
	Object *obj = r.obj;
	if (!obj) {
		if (under(x->type) == typ_invalid)
			goto error;
		if (r.ambiguous) {
			check_expr_errorf(c, sel_id->ident.namepos, "ambiguous selector %s.%s", ES(x->expr), sel);
			goto error;
		}
		if (r.not_addressable || r.indirect) {
			check_expr_errorf(c, sel_id->ident.namepos, "cannot call pointer method %s on %s", sel, TS(x->type));
			goto error;
		}
		const char *why;
		Buf b = {0};
		if (is_interface_ptr(x->type)) {
			why = interface_ptr_error(c, x->type);
		} else {
			buf_printf(&b, "type %s has no field or method %s", TS(x->type), sel);
			/* capitalization */
			size_t n = strlen(sel);
			char *alt = arena_alloc(&c->scratch, n + 1);
			memcpy(alt, sel, n + 1);
			unsigned char c0 = (unsigned char)alt[0];
			if (c0 < 0x80) {
				alt[0] = isupper(c0) ? (char)tolower(c0) : (char)toupper(c0);
				Lookup r2 = lookup_field_or_method(&c->scratch, x->type, x->mode == MODE_VARIABLE, c->pkg,
				    intern_cstr(alt));
				if (r2.obj)
					buf_printf(&b, ", but does have %s", alt);
			}
			why = arena_strndup(&c->scratch, b.p, b.n);
			buf_free(&b);
		}
		check_expr_errorf(c, sel_id->ident.namepos, "%s.%s undefined (%s)", ES(x->expr), sel, why);
		goto error;
	}
	if (obj->kind == OBJ_FUNC && !obj->type)
		check_obj_decl(c, obj, NULL);
	if (x->mode == MODE_TYPEXPR) {
		/* method expression */
		if (obj->kind != OBJ_FUNC) {
			check_expr_errorf(c, sel_id->ident.namepos, "%s.%s undefined (type %s has no method %s)", ES(x->expr), sel,
			    TS(x->type), sel);
			goto error;
		}
		check_record_use(c, sel_id, obj);
		Type *sig = obj->type;
		if (!sig || sig->kind != TY_SIGNATURE || !sig->sig.recv) {
			check_expr_errorf(c, start_pos(e), "illegal cycle in method declaration");
			goto error;
		}
		uint32_t n = sig->sig.params->tuple.n;
		Object **vars = arena_alloc(c->arena, (n + 1) * sizeof *vars);
		const char *name = intern_cstr("");
		if (n > 0 && sig->sig.params->tuple.vars[0]->name[0]) {
			name = sig->sig.recv->name;
			if (!name[0])
				name = intern_cstr("_");
		}
		vars[0] = new_param(c->arena, sig->sig.recv->pos, sig->sig.recv->pkg, name, x->type);
		for (uint32_t i = 0; i < n; i++)
			vars[i + 1] = sig->sig.params->tuple.vars[i];
		Type *ns = new_signature(c->arena, NULL, new_tuple(c->arena, vars, n + 1), sig->sig.results,
		    sig->sig.variadic);
		ns->sig.tparams = sig->sig.tparams;
		x->mode = MODE_VALUE;
		x->type = ns;
		add_decl_dep(c, obj);
	} else {
		check_record_use(c, sel_id, obj);
		if (obj->kind == OBJ_VAR) {
			if (x->mode == MODE_VARIABLE || r.indirect)
				x->mode = MODE_VARIABLE;
			else
				x->mode = MODE_VALUE;
			x->type = obj->type;
		} else {
			x->mode = MODE_VALUE;
			Type *sig = obj->type;
			if (sig && sig->kind == TY_SIGNATURE && sig->sig.recv) {
				Type *ns = new_signature(c->arena, NULL, sig->sig.params, sig->sig.results, sig->sig.variadic);
				ns->sig.tparams = sig->sig.tparams;
				ns->sig.scope = sig->sig.scope;
				x->type = ns;
			} else {
				x->type = sig ? sig : typ_invalid;
			}
			add_decl_dep(c, obj);
		}
	}
	x->expr = e;
	return;
error:
	x->mode = MODE_INVALID;
	x->expr = e;
}

/* ---- conversions ---- */

static bool is_bytes_or_runes(Type *t)
{
	Type *u = under(t);
	if (u->kind != TY_SLICE)
		return false;
	Type *e = under(u->slice.elem);
	return e->kind == TY_BASIC && (e->basic.kind == BK_UINT8 || e->basic.kind == BK_INT32);
}

static void encode_rune(Buf *b, uint64_t r)
{
	if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		buf_putc(b, (char)r);
	} else if (r < 0x800) {
		buf_putc(b, (char)(0xC0 | (r >> 6)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	} else if (r < 0x10000) {
		buf_putc(b, (char)(0xE0 | (r >> 12)));
		buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	} else {
		buf_putc(b, (char)(0xF0 | (r >> 18)));
		buf_putc(b, (char)(0x80 | ((r >> 12) & 0x3F)));
		buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	}
}

/* constConvertibleTo of types2 conversion() */
static bool const_convertible_to(Checker *c, Operand *x, Type *T, Const *val)
{
	Type *t = under(T);
	if (t->kind != TY_BASIC)
		return false;
	Const r = x->val; /* left alone for strings and booleans */
	if (const_representable(c->arena, x->val, (BasicKind)t->basic.kind, (int)c->sizes->wordsize, &r)) {
		if (val)
			*val = r;
		return true;
	}
	if (is_integer(x->type) && is_string(t)) {
		bool exact;
		uint64_t i = const_uint64_val(x->val, &exact);
		uint64_t cp = 0xFFFD;
		if (exact && i <= 0x10FFFF)
			cp = i;
		if (val) {
			Buf b = {0};
			encode_rune(&b, cp);
			*val = const_string(c->arena, b.p, b.n);
			buf_free(&b);
		}
		return true;
	}
	return false;
}

typedef struct ConvTP {
	Checker *c;
	Operand *x;
	Type *T;
	Buf *cause;
} ConvTP;

static bool conv_tp_f(Type *u, void *arg)
{
	ConvTP *a = arg;
	Checker *c = a->c;
	if (!u) {
		buf_printf(a->cause, "%s does not contain specific types", TS(a->T));
		return false;
	}
	if (is_string(a->x->type) && is_bytes_or_runes(u))
		return true;
	if (!const_convertible_to(c, a->x, u, NULL)) {
		buf_printf(a->cause, "cannot convert %s to %s (in %s)", OS(a->x), TS(u), TS(a->T));
		return false;
	}
	return true;
}

void check_conversion(Checker *c, Operand *x, Type *T)
{
	bool constarg = x->mode == MODE_CONSTANT;
	bool ok = false;
	Buf cause = {0};
	if (constarg && is_const_type(T) && T->kind != TY_TYPEPARAM) {
		ok = const_convertible_to(c, x, T, &x->val);
	} else if (constarg && T->kind == TY_TYPEPARAM) {
		ConvTP a = {c, x, T, &cause};
		ok = typeset_underIs(c, T, conv_tp_f, &a);
		x->mode = MODE_VALUE;
	} else if (operand_convertible_to(c, x, T, &cause)) {
		ok = true;
		x->mode = MODE_VALUE;
	}
	if (!ok) {
		if (cause.n)
			check_expr_errorf(c, operand_pos(x), "cannot convert %s to type %s:\n\t%.*s", OS(x), TS(T), (int)cause.n, cause.p);
		else
			check_expr_errorf(c, operand_pos(x), "cannot convert %s to type %s", OS(x), TS(T));
		buf_free(&cause);
		x->mode = MODE_INVALID;
		return;
	}
	buf_free(&cause);
	if (is_untyped(x->type)) {
		Type *final = T;
		if (is_basic_kind(x->type, BK_UNTYPED_NIL)) {
			/* keep */
		} else if (is_nonparam_interface(T) || (constarg && !is_const_type(T))) {
			final = type_default(x->type);
		} else if (x->mode == MODE_CONSTANT && is_integer(x->type) && all_string(T)) {
			final = x->type;
		}
		check_update_expr_type(c, x->expr, final, true);
	}
	x->type = T;
}
