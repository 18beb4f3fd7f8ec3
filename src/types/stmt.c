/*
 * stmt.c — statements and function bodies (go/types stmt.go, the statement
 * side of assignments.go, and return.go's terminating-statement analysis),
 * with gc's wording (types2 as the compiler prints it).
 *
 * check_func_body checks a body in the function's scope: every statement
 * kind, local declarations, assignments (=, op=, :=), sends, inc/dec,
 * go/defer, returns, if/for/range/switch/type switch/select with their
 * implicit scopes; then the branch and label rules (labels.c, which gc
 * runs in its parser and which do not depend on types), "missing return",
 * and "x declared but not used" for every variable of the body's scopes
 * (function literals report their own).
 *
 * The expression side (expr.c and friends) provides check_expr,
 * check_assignment, check_init_vars; a few more hooks this file needs are
 * declared in types.h after them and have weak fallbacks at the end of this
 * file, replaced by the expression checker's strong definitions.
 */
#include "types.h"
#include "expr.h"

static void stmt(Checker *c, Node *s);
static void stmt_list(Checker *c, List l);

/* ---- small helpers ---- */

static const char *id_name(Node *id) { return intern_s(id->ident.name); }
static bool is_blank_name(const char *s) { return s[0] == '_' && s[1] == 0; }

/* the delayed actions pushed since top (function literals), as go/types'
 * processDelayed */
static void process_delayed(Checker *c, uint32_t top)
{
	for (uint32_t i = top; i < c->nlater; i++) {
		Action a = c->later[i];
		Env saved = c->env;
		c->env = a.env;
		a.fn(c, a.arg);
		c->env = saved;
	}
	c->nlater = top;
}

static void open_scope(Checker *c, Node *n, Pos pos, Pos end)
{
	Scope *s = new_scope(c->arena, c->env.scope, SCOPE_BLOCK, pos, end);
	check_record_scope(c, n, s);
	c->env.scope = s;
}

static void close_scope(Checker *c) { c->env.scope = c->env.scope->parent; }

static const char *scratch_str(Checker *c, Buf *b)
{
	const char *s = arena_strndup(&c->scratch, b->p ? b->p : "", b->n);
	buf_free(b);
	return s;
}

/* ---- assignments ---- */

/* The variable an identifier lhs denotes (of this package), or NULL. */
static Object *lhs_var(Checker *c, Node *lhs)
{
	Node *id = unparen(lhs);
	if (!id || id->kind != N_Ident)
		return NULL;
	Object *o = scope_lookup_parent(c->env.scope, id_name(id), c->env.pos, NULL);
	if (o && o->kind == OBJ_VAR && o->pkg == c->pkg)
		return o;
	return NULL;
}

/* Evaluates the lhs of an assignment into z (not a use of a variable);
 * returns false with an error if it cannot be assigned to. */
static bool eval_lhs(Checker *c, Operand *z, Node *lhs)
{
	Object *v = lhs_var(c, lhs);
	uint16_t used = v ? (v->flags & OF_USED) : 0;
	check_expr(c, z, lhs, NULL);
	if (v)
		v->flags = (uint16_t)((v->flags & ~OF_USED) | used);
	if (z->mode == MODE_INVALID || z->type == typ_invalid)
		return false;
	if (z->mode == MODE_VARIABLE || z->mode == MODE_MAPINDEX)
		return true;
	Node *u = unparen(lhs);
	if (u->kind == N_SelectorExpr) {
		Operand op;
		memset(&op, 0, sizeof op);
		check_expr(c, &op, u->selector.x, NULL);
		if (op.mode == MODE_MAPINDEX) {
			check_errorf(c, node_pos(lhs), "cannot assign to struct field %s in map", expr_str(c, lhs));
			return false;
		}
	}
	check_errorf(c, node_pos(lhs), "cannot assign to %s", operand_str(c, z));
	return false;
}

/* go/types assignVar: x is assigned to lhs; false on failure. */
static bool assign_var(Checker *c, Node *lhs, Operand *x)
{
	if (x->mode == MODE_INVALID || x->type == typ_invalid) {
		check_use(c, &lhs, 1);
		return false;
	}
	Node *id = unparen(lhs);
	if (id->kind == N_Ident && is_blank_name(id_name(id))) {
		check_record_def(c, id, NULL);
		check_assignment(c, x, NULL, "assignment to _ identifier");
		return x->mode != MODE_INVALID;
	}
	Operand z;
	memset(&z, 0, sizeof z);
	if (!eval_lhs(c, &z, lhs))
		return false;
	check_assignment(c, x, z.type, "assignment");
	return x->mode != MODE_INVALID;
}

/* go/types assignVars */
static void assign_vars(Checker *c, List lhs, List rhs)
{
	Operand buf[8];
	uint32_t n = 0;
	bool commaok = false;
	Operand *xs = check_expr_list(c, rhs.v, rhs.n, lhs.n == 2, buf, 8, &n, &commaok);
	if (lhs.n != n) {
		check_use(c, lhs.v, lhs.n);
		for (uint32_t i = 0; i < n; i++)
			if (xs[i].mode == MODE_INVALID)
				return;
		check_assign_error(c, rhs.v, rhs.n, lhs.n, n);
		return;
	}
	bool ok = true;
	for (uint32_t i = 0; i < lhs.n; i++)
		if (!assign_var(c, lhs.v[i], &xs[i]))
			ok = false;
	if (!ok && !commaok) {
		/* no follow-on "declared but not used" */
		for (uint32_t i = 0; i < lhs.n; i++) {
			Object *v = lhs_var(c, lhs.v[i]);
			if (v)
				v->flags |= OF_USED;
		}
	}
}

/* go/types shortVarDecl; pos is the position of := */
static void short_var_decl(Checker *c, Pos pos, List lhs, List rhs)
{
	uint32_t top = c->nlater;
	Scope *scope = c->env.scope;
	uint32_t n = lhs.n;
	Object **vars = arena_alloc(&c->scratch, (n + 1) * sizeof *vars);
	Object **newvars = arena_alloc(&c->scratch, (n + 1) * sizeof *newvars);
	uint32_t nnew = 0;
	bool haserr = false;
	for (uint32_t i = 0; i < n; i++) {
		Node *e = lhs.v[i];
		if (e->kind != N_Ident) {
			check_use(c, &e, 1);
			check_errorf(c, node_pos(e), "non-name %s on left side of :=", expr_str(c, e));
			haserr = true;
			continue;
		}
		const char *name = id_name(e);
		if (!is_blank_name(name)) {
			bool seen = false;
			for (uint32_t k = 0; k < i; k++)
				if (lhs.v[k]->kind == N_Ident && id_name(lhs.v[k]) == name)
					seen = true;
			if (seen) {
				check_errorf(c, node_pos(e), "%s repeated on left side of :=", name);
				haserr = true;
				continue;
			}
		}
		Object *alt = is_blank_name(name) ? NULL : scope_lookup(scope, name);
		if (alt) {
			check_record_use(c, e, alt);
			if (alt->kind == OBJ_VAR) {
				vars[i] = alt;
			} else {
				check_errorf(c, node_pos(e), "cannot assign to %s", name);
				haserr = true;
			}
			continue;
		}
		Object *obj = new_var(c->arena, e->ident.namepos, c->pkg, name, NULL);
		vars[i] = obj;
		if (!is_blank_name(name))
			newvars[nnew++] = obj;
		check_record_def(c, e, obj);
	}
	for (uint32_t i = 0; i < n; i++)
		if (!vars[i])
			vars[i] = new_var(c->arena, node_pos(lhs.v[i]), c->pkg, intern_cstr("_"), NULL);
	check_init_vars_ctx(c, vars, n, rhs.v, rhs.n, NULL, false);
	process_delayed(c, top);
	if (nnew == 0 && !haserr) {
		check_softerrorf(c, pos, "no new variables on left side of :=");
		return;
	}
	Pos scopepos = rhs.n ? node_end(rhs.v[rhs.n - 1]) : pos;
	for (uint32_t i = 0; i < nnew; i++)
		check_declare(c, scope, NULL, newvars[i], scopepos);
}

/* the binary operator of an assignment operator (+= → +) */
static int assign_op_base(int tok)
{
	switch (tok) {
	case TOK_ADD_ASSIGN: return TOK_ADD;
	case TOK_SUB_ASSIGN: return TOK_SUB;
	case TOK_MUL_ASSIGN: return TOK_MUL;
	case TOK_QUO_ASSIGN: return TOK_QUO;
	case TOK_REM_ASSIGN: return TOK_REM;
	case TOK_AND_ASSIGN: return TOK_AND;
	case TOK_OR_ASSIGN: return TOK_OR;
	case TOK_XOR_ASSIGN: return TOK_XOR;
	case TOK_SHL_ASSIGN: return TOK_SHL;
	case TOK_SHR_ASSIGN: return TOK_SHR;
	case TOK_AND_NOT_ASSIGN: return TOK_AND_NOT;
	}
	return TOK_ILLEGAL;
}

static void assign_stmt(Checker *c, Node *s)
{
	List lhs = s->assign.lhs, rhs = s->assign.rhs;
	switch (s->assign.tok) {
	case TOK_ASSIGN:
		assign_vars(c, lhs, rhs);
		return;
	case TOK_DEFINE:
		short_var_decl(c, s->assign.tokpos, lhs, rhs);
		return;
	}
	if (lhs.n != 1 || rhs.n != 1) {
		check_errorf(c, s->assign.tokpos, "assignment operation %s requires single-valued expressions", TOK_NAME(s->assign.tok));
		return;
	}
	Operand x;
	memset(&x, 0, sizeof x);
	check_binary(c, &x, NULL, lhs.v[0], rhs.v[0], assign_op_base(s->assign.tok), s->assign.tokpos);
	assign_var(c, lhs.v[0], &x);
}

static void incdec_stmt(Checker *c, Node *s)
{
	Operand x;
	memset(&x, 0, sizeof x);
	check_expr(c, &x, s->incdec.x, NULL);
	if (x.mode == MODE_INVALID)
		return;
	if (!all_numeric(x.type)) {
		const char *op = s->incdec.tok == TOK_INC ? "++" : "--";
		check_errorf(c, node_pos(s->incdec.x), "invalid operation: %s%s (non-numeric type %s)", expr_str(c, s->incdec.x), op,
			type_str(c, x.type));
		return;
	}
	assign_var(c, s->incdec.x, &x);
}

/* ---- local declarations (go/types declStmt) ---- */

static DeclInfo *local_decl(Checker *c)
{
	DeclInfo *d = arena_alloc(&c->scratch, sizeof *d);
	d->file = c->env.scope;
	return d;
}

/* go/types arity, for local and package-level declarations */
void check_arity(Checker *c, Pos pos, List names, List inits, bool constdecl, bool inherited)
{
	uint32_t l = names.n, r = inits.n;
	if (l < r) {
		Node *n = inits.v[l];
		if (inherited) {
			Position p = pos_adjusted(node_pos(n));
			check_errorf(c, pos, "extra init expr at %s:%d:%d", p.filename, p.line, p.col);
		} else {
			check_errorf(c, node_pos(n), "extra init expr %s", expr_str(c, n));
		}
	} else if (l > r && (constdecl || r != 1)) {
		Node *n = names.v[r];
		check_errorf(c, node_pos(n), "missing init expr for %s", id_name(n));
	}
}

static void local_obj_decl(Checker *c, Object *obj, DeclInfo *d)
{
	obj->decl = d;
	check_obj_decl(c, obj, NULL);
	ptrmap_free(&d->deps);
	obj->decl = NULL;
}

static void local_var_spec(Checker *c, Node *s)
{
	uint32_t top = c->nlater;
	List names = s->valuespec.names, values = s->valuespec.values;
	Object **lhs0 = arena_alloc(&c->scratch, (names.n + 1) * sizeof *lhs0);
	for (uint32_t i = 0; i < names.n; i++)
		lhs0[i] = new_var(c->arena, names.v[i]->ident.namepos, c->pkg, id_name(names.v[i]), NULL);
	Type *vt = s->valuespec.type ? check_var_type(c, s->valuespec.type) : NULL;
	if (values.n == 1 && names.n > 1) {
		for (uint32_t i = 0; i < names.n; i++)
			lhs0[i]->type = vt;
		check_init_vars(c, lhs0, names.n, values.v, 1, NULL);
	} else {
		for (uint32_t i = 0; i < names.n; i++) {
			Object *obj = lhs0[i];
			obj->type = vt;
			Node *init = i < values.n ? values.v[i] : NULL;
			if (!init) {
				if (!vt)
					obj->type = typ_invalid;
				continue;
			}
			check_init_vars(c, &obj, 1, &init, 1, NULL);
		}
	}
	/* variables of undefined type count as used (go/types varDecl, as gc) */
	for (uint32_t i = 0; i < names.n; i++) {
		if (!lhs0[i]->type)
			lhs0[i]->type = typ_invalid;
		if (lhs0[i]->type == typ_invalid)
			lhs0[i]->flags |= OF_USED;
	}
	if (!s->valuespec.type || values.n)
		check_arity(c, node_pos(s), names, values, false, false);
	process_delayed(c, top);
	Pos scopepos = node_end(s);
	for (uint32_t i = 0; i < names.n; i++)
		check_declare(c, c->env.scope, names.v[i], lhs0[i], scopepos);
}

static void local_decl_stmt(Checker *c, Node *decl)
{
	if (decl->kind != N_GenDecl)
		return;
	Node *last = NULL;
	for (uint32_t si = 0; si < decl->gendecl.specs.n; si++) {
		Node *s = decl->gendecl.specs.v[si];
		switch (decl->gendecl.tok) {
		case TOK_CONST: {
			uint32_t top = c->nlater;
			bool inherited = true;
			if (s->valuespec.type || s->valuespec.values.n) {
				last = s;
				inherited = false;
			}
			List names = s->valuespec.names;
			List values = last ? last->valuespec.values : (List){0};
			Object **lhs = arena_alloc(&c->scratch, (names.n + 1) * sizeof *lhs);
			for (uint32_t i = 0; i < names.n; i++) {
				Node *id = names.v[i];
				Object *obj = new_const(c->arena, id->ident.namepos, c->pkg, id_name(id), NULL, const_int64((int64_t)si));
				lhs[i] = obj;
				DeclInfo *d = local_decl(c);
				d->iota = (int64_t)si;
				d->vtype = last ? last->valuespec.type : NULL;
				d->init = i < values.n ? values.v[i] : NULL;
				d->inherited = inherited;
				local_obj_decl(c, obj, d);
			}
			check_arity(c, node_pos(s), names, values, true, inherited);
			process_delayed(c, top);
			Pos scopepos = node_end(s);
			for (uint32_t i = 0; i < names.n; i++)
				check_declare(c, c->env.scope, names.v[i], lhs[i], scopepos);
			break;
		}
		case TOK_VAR:
			local_var_spec(c, s);
			break;
		case TOK_TYPE: {
			Node *id = s->typespec.name;
			Object *obj = new_typename(c->arena, id->ident.namepos, c->pkg, id_name(id), NULL);
			if (s->typespec.assign)
				obj->flags |= OF_ALIAS;
			/* the scope of a local type starts at its name */
			check_declare(c, c->env.scope, id, obj, id->ident.namepos);
			DeclInfo *d = local_decl(c);
			d->tdecl = s;
			local_obj_decl(c, obj, d);
			break;
		}
		default:
			break;
		}
	}
}

/* ---- go/defer and expression statements ---- */

static void suspended_call(Checker *c, const char *keyword, Node *call)
{
	if (!call || call->kind != N_CallExpr) {
		/* the parser reported "expression in go/defer must be function call" */
		if (call) {
			Operand x;
			memset(&x, 0, sizeof x);
			check_raw_expr(c, &x, call, NULL, false);
		}
		return;
	}
	Operand x;
	memset(&x, 0, sizeof x);
	int kind = check_raw_expr(c, &x, call, NULL, false);
	const char *msg;
	switch (kind) {
	case EXPRKIND_CONVERSION:
		msg = "requires function call, not conversion";
		break;
	case EXPRKIND_EXPRESSION:
		msg = "discards result of";
		break;
	default:
		return;
	}
	if (x.mode == MODE_INVALID)
		return;
	check_errorf(c, node_pos(call), "%s %s %s", keyword, msg, operand_str(c, &x));
}

/* calls of the predeclared panic (for terminating-statement analysis);
 * cleared for every outermost function body */
static PtrMap panic_calls;
static int body_depth;

static void expr_stmt(Checker *c, Node *s)
{
	Operand x;
	memset(&x, 0, sizeof x);
	Node *e = s->exprstmt.x;
	int kind = check_raw_expr(c, &x, e, NULL, false);
	Node *u = unparen(e);
	if (u->kind == N_CallExpr && x.mode == MODE_NOVALUE) {
		Node *f = unparen(u->call.fun);
		if (f->kind == N_Ident && id_name(f) == intern_cstr("panic")) {
			Object *o = scope_lookup_parent(c->env.scope, id_name(f), NoPos, NULL);
			if (o && o->kind == OBJ_BUILTIN && o->builtin == BUILTIN_PANIC)
				ptrmap_put(&panic_calls, u, u);
		}
	}
	const char *msg;
	switch (x.mode) {
	case MODE_INVALID:
		return;
	case MODE_BUILTIN:
		msg = "must be called";
		break;
	case MODE_TYPEXPR:
		msg = "is not an expression";
		break;
	default:
		if (kind == EXPRKIND_STATEMENT)
			return;
		msg = "is not used";
	}
	check_errorf(c, node_pos(e), "%s %s", operand_str(c, &x), msg);
}

static void send_stmt(Checker *c, Node *s)
{
	Operand ch, val;
	memset(&ch, 0, sizeof ch);
	memset(&val, 0, sizeof val);
	check_expr(c, &ch, s->send.chan, NULL);
	check_expr(c, &val, s->send.value, NULL);
	if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID)
		return;
	Pos pos = node_pos(s->send.chan);
	Type *u = core_type(ch.type);
	if (!u) {
		check_errorf(c, pos, "invalid operation: cannot send to %s: no core type", operand_str(c, &ch));
		return;
	}
	if (u->kind != TY_CHAN) {
		check_errorf(c, pos, "invalid operation: cannot send to non-channel %s", operand_str(c, &ch));
		return;
	}
	if (u->chan.dir == CHAN_RECVONLY) {
		check_errorf(c, pos, "invalid operation: cannot send to receive-only channel %s", operand_str(c, &ch));
		return;
	}
	check_assignment(c, &val, u->chan.elem, "send");
}

/* ---- return ---- */

static void return_stmt(Checker *c, Node *s)
{
	Type *sig = c->env.sig;
	Type *res = sig ? sig->sig.results : typ_empty_tuple;
	List results = s->ret.results;
	if (results.n == 0 && res->tuple.n > 0 && res->tuple.vars[0]->name && res->tuple.vars[0]->name[0]) {
		/* named results: none may be shadowed at the return */
		for (uint32_t i = 0; i < res->tuple.n; i++) {
			Object *obj = res->tuple.vars[i];
			if (is_blank_name(obj->name))
				continue;
			Object *alt = scope_lookup_parent(c->env.scope, obj->name, NoPos, NULL);
			if (alt && alt != obj) {
				Position p = pos_adjusted(alt->pos);
				check_errorf(c, s->ret.return_, "result parameter %s not in scope at return\n\t%s:%d:%d: inner declaration of %s %s %s",
					obj->name, p.filename, p.line, p.col, obj_kind_name(alt), alt->name, alt->type ? type_str(c, alt->type) : "");
			}
		}
		return;
	}
	check_init_vars(c, res->tuple.vars, res->tuple.n, results.v, results.n, s);
}

/* ---- switch statements ---- */

static Node *clause_end_next(Node *body, uint32_t i, Pos *end)
{
	List l = body->block.list;
	*end = i + 1 < l.n ? node_pos(l.v[i + 1]) : body->block.rbrace;
	return l.v[i];
}

static void multiple_defaults(Checker *c, List clauses, bool comm)
{
	Node *first = NULL;
	for (uint32_t i = 0; i < clauses.n; i++) {
		Node *cl = clauses.v[i];
		bool isdef = comm ? (cl->kind == N_CommClause && !cl->commclause.comm) : (cl->kind == N_CaseClause && cl->caseclause.list.n == 0);
		if (!isdef)
			continue;
		if (first) {
			Position p = pos_adjusted(node_pos(first));
			check_errorf(c, node_pos(cl), "multiple defaults (first at %s:%d:%d)", p.filename, p.line, p.col);
		} else {
			first = cl;
		}
	}
}

typedef struct SeenCase {
	Const val;
	Type *type;
	Pos pos;
} SeenCase;

/* the value go/types' goVal keeps: ints (int64/uint64), floats, strings */
static bool same_goval(Const a, Const b)
{
	if (const_kind(a) != const_kind(b))
		return false;
	switch (const_kind(a)) {
	case CONST_INT: {
		bool ea, eb;
		int64_t x = const_int64_val(a, &ea), y = const_int64_val(b, &eb);
		if (ea && eb)
			return x == y;
		uint64_t ux = const_uint64_val(a, &ea), uy = const_uint64_val(b, &eb);
		return ea && eb && ux == uy;
	}
	case CONST_FLOAT: {
		bool ea, eb;
		double x = const_float64_val(a, &ea), y = const_float64_val(b, &eb);
		return x == y;
	}
	case CONST_STRING: {
		size_t na, nb;
		const char *x = const_string_val(a, &na), *y = const_string_val(b, &nb);
		return na == nb && memcmp(x, y, na) == 0;
	}
	default:
		return false;
	}
}

static bool has_goval(Const v)
{
	bool e;
	switch (const_kind(v)) {
	case CONST_INT:
		const_int64_val(v, &e);
		if (e)
			return true;
		const_uint64_val(v, &e);
		return e;
	case CONST_FLOAT:
		return true;
	case CONST_STRING:
		return true;
	default:
		return false;
	}
}

static void case_values(Checker *c, Operand *x, List values, SeenCase **seen, uint32_t *nseen, uint32_t *capseen)
{
	for (uint32_t i = 0; i < values.n; i++) {
		Node *e = values.v[i];
		Operand v;
		memset(&v, 0, sizeof v);
		check_expr(c, &v, e, NULL);
		if (x->mode == MODE_INVALID || v.mode == MODE_INVALID)
			continue;
		check_convert_untyped(c, &v, x->type);
		if (v.mode == MODE_INVALID)
			continue;
		Operand res = v; /* keep v */
		check_comparison(c, &res, x, TOK_EQL, true);
		if (res.mode == MODE_INVALID)
			continue;
		if (v.mode != MODE_CONSTANT || !has_goval(v.val))
			continue;
		bool dup = false;
		for (uint32_t k = 0; k < *nseen; k++) {
			SeenCase *sc = &(*seen)[k];
			if (same_goval(sc->val, v.val) && identical(v.type, sc->type)) {
				Position p = pos_adjusted(sc->pos);
				check_errorf(c, node_pos(e), "duplicate case %s in expression switch\n\t%s:%d:%d: previous case", operand_str(c, &v), p.filename,
					p.line, p.col);
				dup = true;
				break;
			}
		}
		if (dup)
			continue;
		if (*nseen == *capseen) {
			*capseen = *capseen ? *capseen * 2 : 16;
			*seen = xrealloc(*seen, *capseen * sizeof **seen);
		}
		(*seen)[(*nseen)++] = (SeenCase){v.val, v.type, node_pos(e)};
	}
}

static void switch_stmt(Checker *c, Node *s)
{
	open_scope(c, s, node_pos(s), node_end(s));
	if (s->switchstmt.init)
		stmt(c, s->switchstmt.init);
	Operand x;
	memset(&x, 0, sizeof x);
	Node *body = s->switchstmt.body;
	if (s->switchstmt.tag) {
		check_expr(c, &x, s->switchstmt.tag, NULL);
		check_assignment(c, &x, NULL, "switch expression");
		if (x.mode != MODE_INVALID && !is_comparable(x.type) && !has_nil(x.type)) {
			check_errorf(c, node_pos(s->switchstmt.tag), "cannot switch on %s (%s is not comparable)", operand_str(c, &x), type_str(c, x.type));
			x.mode = MODE_INVALID;
		}
	} else {
		x.mode = MODE_CONSTANT;
		x.type = typ_basic[BK_BOOL];
		x.val = const_bool(true);
		Node *t = arena_alloc(&c->scratch, sizeof *t);
		t->kind = N_Ident;
		t->ident.namepos = body->block.list.n ? node_pos(body->block.list.v[0]) : body->block.rbrace;
		t->ident.name = (Str){"true", 4};
		x.expr = t;
	}
	multiple_defaults(c, body->block.list, false);
	SeenCase *seen = NULL;
	uint32_t nseen = 0, capseen = 0;
	for (uint32_t i = 0; i < body->block.list.n; i++) {
		Pos end;
		Node *cl = clause_end_next(body, i, &end);
		if (cl->kind != N_CaseClause)
			continue;
		case_values(c, &x, cl->caseclause.list, &seen, &nseen, &capseen);
		open_scope(c, cl, node_pos(cl), end);
		stmt_list(c, cl->caseclause.body);
		close_scope(c);
	}
	free(seen);
	close_scope(c);
}

static bool is_nil_expr(Checker *c, Node *e)
{
	e = unparen(e);
	if (e->kind != N_Ident)
		return false;
	Object *o = scope_lookup_parent(c->env.scope, id_name(e), c->env.pos, NULL);
	return o && o->kind == OBJ_NIL;
}

typedef struct SeenType {
	Type *t; /* NULL: nil */
	Node *e;
} SeenType;

static Type *case_types(Checker *c, Operand *x, List types, SeenType **seen, uint32_t *nseen, uint32_t *capseen, bool *isnil)
{
	Type *T = NULL;
	*isnil = false;
	for (uint32_t i = 0; i < types.n; i++) {
		Node *e = types.v[i];
		if (is_nil_expr(c, e)) {
			T = NULL;
			*isnil = true;
			Operand dummy;
			memset(&dummy, 0, sizeof dummy);
			check_expr(c, &dummy, e, NULL);
		} else {
			*isnil = false;
			T = check_var_type(c, e);
			if (T == typ_invalid)
				continue;
		}
		bool dup = false;
		for (uint32_t k = 0; k < *nseen; k++) {
			SeenType *st = &(*seen)[k];
			if ((!T && !st->t) || (T && st->t && identical(T, st->t))) {
				Position p = pos_adjusted(node_pos(st->e));
				check_errorf(c, node_pos(e), "duplicate case %s in type switch\n\t%s:%d:%d: previous case", T ? type_str(c, T) : "nil", p.filename,
					p.line, p.col);
				dup = true;
				break;
			}
		}
		if (dup)
			continue;
		if (*nseen == *capseen) {
			*capseen = *capseen ? *capseen * 2 : 16;
			*seen = xrealloc(*seen, *capseen * sizeof **seen);
		}
		(*seen)[(*nseen)++] = (SeenType){T, e};
		if (x && T)
			check_type_assertion(c, e, x, T, true);
	}
	return T;
}

static void type_switch_stmt(Checker *c, Node *s)
{
	open_scope(c, s, node_pos(s), node_end(s));
	if (s->typeswitch.init)
		stmt(c, s->typeswitch.init);
	Node *g = s->typeswitch.assign;
	Node *lhs = NULL, *rhs = NULL;
	if (g->kind == N_AssignStmt && g->assign.lhs.n == 1 && g->assign.rhs.n == 1) {
		lhs = g->assign.lhs.v[0];
		rhs = g->assign.rhs.v[0];
	} else if (g->kind == N_ExprStmt) {
		rhs = g->exprstmt.x;
	}
	rhs = unparen(rhs);
	if (!rhs || rhs->kind != N_TypeAssertExpr) {
		close_scope(c);
		return; /* the parser reported it */
	}
	if (lhs && lhs->kind != N_Ident)
		lhs = NULL;
	if (lhs) {
		if (is_blank_name(id_name(lhs))) {
			check_softerrorf(c, lhs->ident.namepos, "no new variable on left side of :=");
			lhs = NULL;
		} else {
			check_record_def(c, lhs, NULL);
		}
	}
	Operand x;
	memset(&x, 0, sizeof x);
	check_expr(c, &x, rhs->typeassert.x, NULL);
	if (x.mode == MODE_INVALID) {
		close_scope(c);
		return;
	}
	Operand *sx = NULL;
	if (is_typeparam(x.type))
		check_errorf(c, node_pos(rhs->typeassert.x), "cannot use type switch on type parameter value %s", operand_str(c, &x));
	else if (under(x.type)->kind == TY_INTERFACE)
		sx = &x;
	else
		check_errorf(c, node_pos(rhs->typeassert.x), "%s is not an interface", operand_str(c, &x));
	Node *body = s->typeswitch.body;
	multiple_defaults(c, body->block.list, false);
	PtrVec lhsvars = {0};
	SeenType *seen = NULL;
	uint32_t nseen = 0, capseen = 0;
	for (uint32_t i = 0; i < body->block.list.n; i++) {
		Pos end;
		Node *cl = clause_end_next(body, i, &end);
		if (cl->kind != N_CaseClause)
			continue;
		List cases = cl->caseclause.list;
		bool isnil;
		Type *T = case_types(c, sx, cases, &seen, &nseen, &capseen, &isnil);
		open_scope(c, cl, node_pos(cl), end);
		if (lhs) {
			if (cases.n != 1 || !T)
				T = x.type;
			Object *obj = new_var(c->arena, lhs->ident.namepos, c->pkg, id_name(lhs), T);
			Pos scopepos = cases.n ? node_end(cases.v[cases.n - 1]) : node_pos(cl);
			check_declare(c, c->env.scope, NULL, obj, scopepos);
			check_record_implicit(c, cl, obj);
			ptrvec_push(&lhsvars, obj);
		}
		stmt_list(c, cl->caseclause.body);
		close_scope(c);
	}
	free(seen);
	if (lhs) {
		bool used = false;
		for (uint32_t i = 0; i < lhsvars.n; i++) {
			Object *v = lhsvars.v[i];
			if (v->flags & OF_USED)
				used = true;
			v->flags |= OF_USED;
		}
		if (!used)
			check_softerrorf(c, lhs->ident.namepos, "%s declared but not used", id_name(lhs));
	}
	ptrvec_free(&lhsvars);
	close_scope(c);
}

/* ---- select ---- */

static void select_stmt(Checker *c, Node *s)
{
	Node *body = s->selectstmt.body;
	multiple_defaults(c, body->block.list, true);
	for (uint32_t i = 0; i < body->block.list.n; i++) {
		Pos end;
		Node *cl = clause_end_next(body, i, &end);
		if (cl->kind != N_CommClause)
			continue;
		Node *comm = cl->commclause.comm;
		bool valid = false;
		Node *rhs = NULL;
		if (!comm || comm->kind == N_SendStmt)
			valid = true;
		else if (comm->kind == N_AssignStmt && comm->assign.rhs.n == 1)
			rhs = comm->assign.rhs.v[0];
		else if (comm->kind == N_ExprStmt)
			rhs = comm->exprstmt.x;
		if (rhs) {
			Node *u = unparen(rhs);
			if (u->kind == N_UnaryExpr && u->unary.op == TOK_ARROW)
				valid = true;
		}
		if (!valid) {
			check_errorf(c, node_pos(comm), "select case must be send or receive (possibly with assignment)");
			continue;
		}
		open_scope(c, cl, node_pos(cl), end);
		if (comm)
			stmt(c, comm);
		stmt_list(c, cl->commclause.body);
		close_scope(c);
	}
}

/* ---- for and range ---- */

static void for_stmt(Checker *c, Node *s)
{
	open_scope(c, s, node_pos(s), node_end(s));
	if (s->forstmt.init)
		stmt(c, s->forstmt.init);
	if (s->forstmt.cond) {
		Operand x;
		memset(&x, 0, sizeof x);
		check_expr(c, &x, s->forstmt.cond, NULL);
		if (x.mode != MODE_INVALID && !all_boolean(x.type))
			check_errorf(c, node_pos(s->forstmt.cond), "non-boolean condition in for statement");
	}
	if (s->forstmt.post) {
		Node *p = s->forstmt.post;
		/* go/parser accepts it; gc's parser (and go/types) do not */
		if (p->kind == N_AssignStmt && p->assign.tok == TOK_DEFINE)
			check_softerrorf(c, p->assign.tokpos, "syntax error: cannot declare in post statement of for loop");
		stmt(c, p);
	}
	stmt(c, s->forstmt.body);
	close_scope(c);
}

/* go/types rangeKeyVal (after arrayPtrDeref) */
static void range_key_val(Type *u, Type **key, Type **val)
{
	*key = *val = NULL;
	if (!u)
		return;
	if (u->kind == TY_POINTER) {
		Type *e = under(u->pointer.elem);
		if (e->kind == TY_ARRAY)
			u = e;
	}
	switch (u->kind) {
	case TY_BASIC:
		if (is_string(u)) {
			*key = typ_basic[BK_INT];
			*val = typ_rune;
		}
		break;
	case TY_ARRAY:
		*key = typ_basic[BK_INT];
		*val = u->array.elem;
		break;
	case TY_SLICE:
		*key = typ_basic[BK_INT];
		*val = u->slice.elem;
		break;
	case TY_MAP:
		*key = u->map.key;
		*val = u->map.elem;
		break;
	case TY_CHAN:
		*key = u->chan.elem;
		*val = typ_invalid;
		break;
	}
}

static void range_stmt(Checker *c, Node *s)
{
	Node *skey = s->rangestmt.key, *sval = s->rangestmt.value;
	Operand x;
	memset(&x, 0, sizeof x);
	check_expr(c, &x, s->rangestmt.x, NULL);
	Type *key = NULL, *val = NULL;
	if (x.mode != MODE_INVALID) {
		const char *cause = NULL;
		Type *u = core_type(x.type);
		if (u && u->kind == TY_CHAN) {
			if (sval)
				check_softerrorf(c, node_pos(sval), "range over %s permits only one iteration variable", operand_str(c, &x));
			if (u->chan.dir == CHAN_SENDONLY)
				cause = "receive from send-only channel";
		} else {
			if (s->rangestmt.extra) /* the parser's error, dropped by tool check (types2 reports it) */
				check_softerrorf(c, node_pos(s->rangestmt.extra), "range clause permits at most two iteration variables");
		}
		if (!u) {
			Buf b = {0};
			buf_printf(&b, "%s has no core type", type_str(c, x.type));
			cause = scratch_str(c, &b);
		}
		range_key_val(u, &key, &val);
		if (!key || cause) {
			if (!cause)
				check_softerrorf(c, node_pos(s->rangestmt.x), "cannot range over %s", operand_str(c, &x));
			else
				check_softerrorf(c, node_pos(s->rangestmt.x), "cannot range over %s (%s)", operand_str(c, &x), cause);
		}
	}
	open_scope(c, s, node_pos(s), node_end(s));
	Node *lhs[2] = {skey, sval};
	Type *rhs[2] = {key, val};
	if (s->rangestmt.tok == TOK_DEFINE) {
		Object *vars[2];
		uint32_t nvars = 0;
		for (int i = 0; i < 2; i++) {
			if (!lhs[i])
				continue;
			Object *obj;
			if (lhs[i]->kind == N_Ident) {
				const char *name = id_name(lhs[i]);
				obj = new_var(c->arena, lhs[i]->ident.namepos, c->pkg, name, NULL);
				check_record_def(c, lhs[i], obj);
				if (!is_blank_name(name))
					vars[nvars++] = obj;
			} else {
				check_errorf(c, node_pos(lhs[i]), "cannot declare %s", expr_str(c, lhs[i]));
				obj = new_var(c->arena, node_pos(lhs[i]), c->pkg, intern_cstr("_"), NULL);
			}
			if (rhs[i]) {
				Operand y;
				memset(&y, 0, sizeof y);
				y.mode = MODE_VALUE;
				y.expr = lhs[i];
				y.type = rhs[i];
				if (rhs[i] == typ_invalid) {
					obj->type = typ_invalid;
					obj->flags |= OF_USED;
				} else {
					obj->type = is_untyped(rhs[i]) ? type_default(rhs[i]) : rhs[i];
					check_assignment(c, &y, obj->type, "range clause");
				}
			} else {
				obj->type = typ_invalid;
				obj->flags |= OF_USED;
			}
		}
		if (nvars) {
			Pos scopepos = node_pos(s->rangestmt.body);
			for (uint32_t i = 0; i < nvars; i++)
				check_declare(c, c->env.scope, NULL, vars[i], scopepos);
		} else {
			check_errorf(c, s->rangestmt.tokpos, "no new variables on left side of :=");
		}
	} else if (s->rangestmt.tok != TOK_ILLEGAL) {
		for (int i = 0; i < 2; i++) {
			if (!lhs[i] || !rhs[i])
				continue;
			Operand y;
			memset(&y, 0, sizeof y);
			y.mode = MODE_VALUE;
			y.expr = lhs[i];
			y.type = rhs[i];
			assign_var(c, lhs[i], &y);
		}
	}
	stmt(c, s->rangestmt.body);
	close_scope(c);
}

/* ---- statements ---- */

static void stmt_list(Checker *c, List l)
{
	for (uint32_t i = 0; i < l.n; i++)
		stmt(c, l.v[i]);
}

/* the body being checked is (or is inside) a generic function or a
 * method of a generic type: gc 1.19 rejects type declarations there (its
 * noder, after types2 accepted them: issue 47631), so goc does when
 * compiling; go/types, and goc tool check, accept them */
static bool in_generic_func(Checker *c)
{
	DeclInfo *d = c->env.decl;
	if (!d || !d->fdecl)
		return false;
	Node *fd = d->fdecl, *ft = fd->funcdecl.type;
	if (ft && ft->functype.typeparams && ft->functype.typeparams->fieldlist.list.n)
		return true;
	Node *recv = fd->funcdecl.recv;
	if (!recv || recv->fieldlist.list.n == 0)
		return false;
	Node *rt = recv->fieldlist.list.v[0]->field.type;
	while (rt && (rt->kind == N_ParenExpr || rt->kind == N_StarExpr))
		rt = rt->kind == N_ParenExpr ? rt->paren.x : rt->star.x;
	return rt && (rt->kind == N_IndexExpr || rt->kind == N_IndexListExpr);
}

static void stmt(Checker *c, Node *s)
{
	uint32_t top = c->nlater;
	switch (s->kind) {
	case N_BadStmt:
	case N_EmptyStmt:
		break;
	case N_DeclStmt:
		if (s->declstmt.decl && s->declstmt.decl->kind == N_GenDecl && s->declstmt.decl->gendecl.tok == TOK_TYPE &&
		    c->compiling && in_generic_func(c))
			ptrvec_push(&c->localtypes_generic, (void *)(uintptr_t)node_pos(s));
		local_decl_stmt(c, s->declstmt.decl);
		break;
	case N_LabeledStmt:
		c->env.hasLabel = true;
		stmt(c, s->labeled.stmt);
		break;
	case N_ExprStmt:
		expr_stmt(c, s);
		break;
	case N_SendStmt:
		send_stmt(c, s);
		break;
	case N_IncDecStmt:
		incdec_stmt(c, s);
		break;
	case N_AssignStmt:
		assign_stmt(c, s);
		break;
	case N_GoStmt:
		suspended_call(c, "go", s->gostmt.call);
		break;
	case N_DeferStmt:
		suspended_call(c, "defer", s->deferstmt.call);
		break;
	case N_ReturnStmt:
		return_stmt(c, s);
		break;
	case N_BranchStmt:
		/* break/continue/goto/fallthrough and labels: labels.c */
		if (s->branch.label)
			c->env.hasLabel = true;
		break;
	case N_BlockStmt:
		open_scope(c, s, node_pos(s), node_end(s));
		stmt_list(c, s->block.list);
		close_scope(c);
		break;
	case N_IfStmt: {
		open_scope(c, s, node_pos(s), node_end(s));
		if (s->ifstmt.init)
			stmt(c, s->ifstmt.init);
		Operand x;
		memset(&x, 0, sizeof x);
		if (s->ifstmt.cond) {
			check_expr(c, &x, s->ifstmt.cond, NULL);
			if (x.mode != MODE_INVALID && !all_boolean(x.type))
				check_errorf(c, node_pos(s->ifstmt.cond), "non-boolean condition in if statement");
		}
		stmt(c, s->ifstmt.body);
		if (s->ifstmt.else_)
			stmt(c, s->ifstmt.else_);
		close_scope(c);
		break;
	}
	case N_SwitchStmt:
		switch_stmt(c, s);
		break;
	case N_TypeSwitchStmt:
		type_switch_stmt(c, s);
		break;
	case N_SelectStmt:
		select_stmt(c, s);
		break;
	case N_ForStmt:
		for_stmt(c, s);
		break;
	case N_RangeStmt:
		range_stmt(c, s);
		break;
	default:
		check_errorf(c, node_pos(s), "invalid statement");
	}
	process_delayed(c, top);
}

/* ---- terminating statements (go/types return.go) ---- */

static bool is_terminating(Node *s, const char *label);
static bool has_break(Node *s, const char *label, bool implicit);

static bool has_break_list(List l, const char *label, bool implicit)
{
	for (uint32_t i = 0; i < l.n; i++)
		if (has_break(l.v[i], label, implicit))
			return true;
	return false;
}

static bool has_break(Node *s, const char *label, bool implicit)
{
	if (!s)
		return false;
	switch (s->kind) {
	case N_LabeledStmt:
		return has_break(s->labeled.stmt, label, implicit);
	case N_BranchStmt:
		if (s->branch.tok == TOK_BREAK) {
			if (!s->branch.label)
				return implicit;
			if (label && id_name(s->branch.label) == label)
				return true;
		}
		return false;
	case N_BlockStmt:
		return has_break_list(s->block.list, label, implicit);
	case N_IfStmt:
		return has_break(s->ifstmt.body, label, implicit) || (s->ifstmt.else_ && has_break(s->ifstmt.else_, label, implicit));
	case N_CaseClause:
		return has_break_list(s->caseclause.body, label, implicit);
	case N_CommClause:
		return has_break_list(s->commclause.body, label, implicit);
	case N_SwitchStmt:
		return label && has_break(s->switchstmt.body, label, false);
	case N_TypeSwitchStmt:
		return label && has_break(s->typeswitch.body, label, false);
	case N_SelectStmt:
		return label && has_break(s->selectstmt.body, label, false);
	case N_ForStmt:
		return label && has_break(s->forstmt.body, label, false);
	case N_RangeStmt:
		return label && has_break(s->rangestmt.body, label, false);
	default:
		return false;
	}
}

static bool is_terminating_list(List l, const char *label)
{
	for (uint32_t i = l.n; i > 0; i--)
		if (l.v[i - 1]->kind != N_EmptyStmt)
			return is_terminating(l.v[i - 1], label);
	return false;
}

static bool is_terminating_switch(Node *body, const char *label)
{
	bool hasdefault = false;
	for (uint32_t i = 0; i < body->block.list.n; i++) {
		Node *cc = body->block.list.v[i];
		if (cc->kind != N_CaseClause)
			return false;
		if (cc->caseclause.list.n == 0)
			hasdefault = true;
		if (!is_terminating_list(cc->caseclause.body, NULL) || has_break_list(cc->caseclause.body, label, true))
			return false;
	}
	return hasdefault;
}

static bool is_terminating(Node *s, const char *label)
{
	switch (s->kind) {
	case N_LabeledStmt:
		return is_terminating(s->labeled.stmt, id_name(s->labeled.label));
	case N_ExprStmt: {
		Node *u = unparen(s->exprstmt.x);
		return u->kind == N_CallExpr && ptrmap_get(&panic_calls, u) != NULL;
	}
	case N_ReturnStmt:
		return true;
	case N_BranchStmt:
		return s->branch.tok == TOK_GOTO || s->branch.tok == TOK_FALLTHROUGH;
	case N_BlockStmt:
		return is_terminating_list(s->block.list, NULL);
	case N_IfStmt:
		return s->ifstmt.else_ && is_terminating(s->ifstmt.body, NULL) && is_terminating(s->ifstmt.else_, NULL);
	case N_SwitchStmt:
		return is_terminating_switch(s->switchstmt.body, label);
	case N_TypeSwitchStmt:
		return is_terminating_switch(s->typeswitch.body, label);
	case N_SelectStmt: {
		Node *body = s->selectstmt.body;
		for (uint32_t i = 0; i < body->block.list.n; i++) {
			Node *cc = body->block.list.v[i];
			if (cc->kind != N_CommClause)
				return false;
			if (!is_terminating_list(cc->commclause.body, NULL) || has_break_list(cc->commclause.body, label, true))
				return false;
		}
		return true;
	}
	case N_ForStmt:
		return !s->forstmt.cond && !has_break(s->forstmt.body, label, true);
	default:
		return false;
	}
}

/* ---- unused variables (go/types usage) ---- */

static int cmp_obj_pos(const void *a, const void *b)
{
	const Object *x = *(Object *const *)a, *y = *(Object *const *)b;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static void collect_unused(Scope *s, PtrVec *out, bool top)
{
	for (uint32_t i = 0; i < s->cap; i++) {
		Object *o = s->slots[i];
		if (o && o->kind == OBJ_VAR && !(o->flags & OF_USED))
			ptrvec_push(out, o);
	}
	for (uint32_t i = 0; i < s->nchildren; i++)
		if (s->children[i]->kind != SCOPE_FUNC || (top && false))
			collect_unused(s->children[i], out, false);
}

static void usage(Checker *c, Scope *s)
{
	PtrVec unused = {0};
	collect_unused(s, &unused, true);
	if (unused.n > 1)
		qsort(unused.v, unused.n, sizeof *unused.v, cmp_obj_pos);
	for (uint32_t i = 0; i < unused.n; i++) {
		Object *v = unused.v[i];
		check_softerrorf(c, v->pos, "%s declared but not used", v->name);
	}
	ptrvec_free(&unused);
}

/* ---- function bodies ---- */

void check_func_body(Checker *c, DeclInfo *decl, const char *name, Type *sig, Node *body, Const iota)
{
	(void)name;
	if (!body || body->kind != N_BlockStmt)
		return;
	if (body_depth++ == 0) {
		ptrmap_free(&panic_calls);
		memset(&panic_calls, 0, sizeof panic_calls);
	}
	Scope *fs = sig->sig.scope;
	if (!fs) {
		fs = new_scope(c->arena, c->env.scope, SCOPE_FUNC, node_pos(body), node_end(body));
		sig->sig.scope = fs;
	}
	fs->pos = node_pos(body);
	fs->end = node_end(body);
	Env saved = c->env;
	memset(&c->env, 0, sizeof c->env);
	c->env.decl = decl;
	c->env.scope = fs;
	c->env.iota = iota;
	c->env.in_const = !const_is_unknown(iota); /* a function literal in a constant declaration */
	c->env.sig = sig;
	stmt_list(c, body->block.list);
	check_branches(c, body);
	if (sig->sig.results && sig->sig.results->tuple.n > 0 && !is_terminating(body, NULL))
		check_errorf(c, body->block.rbrace, "missing return");
	usage(c, fs);
	c->env = saved;
	body_depth--;
}
