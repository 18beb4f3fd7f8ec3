/*
 * typexpr.c — type expressions (go/types typexpr.go, struct.go,
 * interface.go, union.go, signature.go), identifiers, qualified
 * identifiers, type parameters, instantiation of generic types and
 * substitution (subst.go, instantiate.go, named.go's expansion).
 */
#include "types.h"
#include "expr.h"

static Type *typ_internal(Checker *c, Node *e, Type *def);
static void size_check_later(Checker *c, Type *t, Node *e);

static void set_def(Type *def, Type *t)
{
	if (def && def->kind == TY_NAMED && def->named.orig == def) {
		def->named.underlying = t;
		def->named.state = NAMED_RESOLVED;
	}
}

static const char *ident_name(Node *id) { return intern_s(id->ident.name); }

/* ---- identifiers ---- */

void check_ident(Checker *c, Operand *x, Node *e, Type *def, bool want_type)
{
	x->mode = MODE_INVALID;
	x->expr = e;
	x->type = typ_invalid;
	const char *name = ident_name(e);
	Scope *where;
	Object *obj = scope_lookup_parent(c->env.scope, name, c->env.pos, &where);
	if (!obj) {
		Type *tpar = name[0] == '_' && name[1] == 0 ? ptrmap_get(&c->recv_tparams, e) : NULL;
		if (tpar) {
			x->mode = MODE_TYPEXPR;
			x->type = tpar;
		} else if (name[0] == '_' && name[1] == 0)
			check_errorf(c, e->ident.namepos, "cannot use _ as value");
		else
			check_errorf(c, e->ident.namepos, "undefined: %s", name);
		return;
	}
	check_record_use(c, e, obj);
	Type *typ = obj->type;
	if (!typ || (obj->kind == OBJ_TYPENAME && want_type)) {
		check_obj_decl(c, obj, def);
		typ = obj->type;
	}
	if (!typ)
		typ = typ_invalid;
	switch (obj->kind) {
	case OBJ_PKGNAME:
		check_errorf(c, e->ident.namepos, "use of package %s without selector", obj->name);
		return;
	case OBJ_CONST:
		if (c->env.decl && obj->pkg == c->pkg)
			ptrmap_put(&c->env.decl->deps, obj, obj);
		if (typ == typ_invalid)
			return;
		if (obj == universe_iota) {
			if (!c->env.in_const) {
				check_errorf(c, e->ident.namepos, "cannot use iota outside constant declaration");
				return;
			}
			x->val = c->env.iota;
		} else {
			x->val = obj->val;
		}
		x->mode = MODE_CONSTANT;
		break;
	case OBJ_TYPENAME:
		x->mode = MODE_TYPEXPR;
		break;
	case OBJ_VAR:
		if (obj->pkg == c->pkg)
			obj->flags |= OF_USED;
		if (c->env.decl && obj->pkg == c->pkg && obj->parent == c->pkg->scope)
			ptrmap_put(&c->env.decl->deps, obj, obj);
		if (typ == typ_invalid)
			return;
		x->mode = MODE_VARIABLE;
		break;
	case OBJ_FUNC:
		if (c->env.decl && obj->pkg == c->pkg)
			ptrmap_put(&c->env.decl->deps, obj, obj);
		x->mode = MODE_VALUE;
		break;
	case OBJ_BUILTIN:
		x->builtin = obj->builtin;
		x->mode = MODE_BUILTIN;
		break;
	case OBJ_NIL:
		x->mode = MODE_VALUE;
		break;
	default:
		ice(e->ident.namepos, "check", "unexpected object kind in ident");
	}
	x->type = typ;
}

bool check_qualified_ident(Checker *c, Operand *x, Node *e, Type *def)
{
	Node *px = e->selector.x;
	if (px->kind != N_Ident)
		return false;
	const char *pname = ident_name(px);
	Scope *where;
	Object *pn = scope_lookup_parent(c->env.scope, pname, c->env.pos, &where);
	if (!pn || pn->kind != OBJ_PKGNAME)
		return false;
	check_record_use(c, px, pn);
	pn->flags |= OF_USED;
	TPackage *imp = pn->imported;
	const char *sel = ident_name(e->selector.sel);
	x->mode = MODE_INVALID;
	x->expr = e;
	x->type = typ_invalid;
	Object *obj = imp->scope ? scope_lookup(imp->scope, sel) : NULL;
	if (!obj) {
		if (!imp->fake)
			check_errorf(c, e->selector.sel->ident.namepos, "undefined: %s.%s", pn->name, sel);
		return true;
	}
	if (!obj_exported(obj)) {
		check_errorf(c, e->selector.sel->ident.namepos, "name %s not exported by package %s", sel, imp->name);
		return true;
	}
	check_record_use(c, e->selector.sel, obj);
	if (!obj->type)
		check_obj_decl(c, obj, def);
	switch (obj->kind) {
	case OBJ_CONST:
		x->mode = MODE_CONSTANT;
		x->val = obj->val;
		break;
	case OBJ_TYPENAME: x->mode = MODE_TYPEXPR; break;
	case OBJ_VAR: x->mode = MODE_VARIABLE; break;
	case OBJ_FUNC: x->mode = MODE_VALUE; break;
	case OBJ_BUILTIN:
		x->mode = MODE_BUILTIN;
		x->builtin = obj->builtin;
		break;
	default: break;
	}
	x->type = obj->type ? obj->type : typ_invalid;
	return true;
}

/* ---- type expressions ---- */

static void not_a_type(Checker *c, Operand *x, Node *e)
{
	if (x->mode == MODE_INVALID)
		return;
	Buf b = {0};
	operand_string(c, &b, x);
	buf_putc(&b, 0);
	if (x->mode == MODE_NOVALUE)
		check_errorf(c, node_pos(e), "%s used as type", b.p);
	else
		check_errorf(c, node_pos(e), "%s is not a type", b.p);
	buf_free(&b);
}

Type *check_defined_type(Checker *c, Node *e, Type *def)
{
	Type *t = typ_internal(c, e, def);
	if (is_generic(t)) {
		check_errorf(c, node_pos(e), "cannot use generic type %s without instantiation", type_str(c, t));
		t = typ_invalid;
		set_def(def, t);
	}
	check_record_type(c, e, MODE_TYPEXPR, t, const_unknown());
	return t;
}

Type *check_type(Checker *c, Node *e) { return check_defined_type(c, e, NULL); }

typedef struct VarTypeCheck {
	Node *e;
	Type *t;
} VarTypeCheck;

static void valid_var_type(Checker *c, void *arg)
{
	VarTypeCheck *v = arg;
	Type *u = under(v->t);
	if (v->t->kind == TY_TYPEPARAM || u->kind != TY_INTERFACE)
		return;
	TypeSet *ts = interface_typeset(c, u);
	if (typeset_has_terms(ts) || ts->comparable || !ts->all) {
		const char *why = ts->comparable && !typeset_has_terms(ts) ? "interface is (or embeds) comparable" : "interface contains type constraints";
		check_softerrorf(c, node_pos(v->e), "cannot use type %s outside a type constraint: %s", type_str(c, v->t), why);
	}
}

Type *check_var_type(Checker *c, Node *e)
{
	Type *t = check_defined_type(c, e, NULL);
	if (t != typ_invalid && (t->kind == TY_NAMED || t->kind == TY_INTERFACE)) {
		VarTypeCheck *v = arena_alloc(&c->scratch, sizeof *v);
		v->e = e;
		v->t = t;
		check_later(c, valid_var_type, v);
	}
	return t;
}

Type *check_generic_type(Checker *c, Node *e)
{
	Type *t = typ_internal(c, e, NULL);
	if (t != typ_invalid && !is_generic(t)) {
		check_errorf(c, node_pos(e), "%s is not a generic type", type_str(c, t));
		return typ_invalid;
	}
	return t;
}

/* types2 arrayLength (gc's wording) */
int64_t check_array_length(Checker *c, Node *e)
{
	Operand x;
	if (e->kind == N_Ident) {
		const char *name = ident_name(e);
		Object *o = scope_lookup_parent(c->env.scope, name, c->env.pos, NULL);
		if (!o) {
			check_errorf(c, e->ident.namepos, "undeclared name %s for array length", name);
			return -1;
		}
		if (o->kind != OBJ_CONST) {
			check_errorf(c, e->ident.namepos, "invalid array length %s", name);
			return -1;
		}
	}
	check_expr(c, &x, e, NULL);
	if (x.mode != MODE_CONSTANT) {
		if (x.mode != MODE_INVALID)
			check_errorf(c, node_pos(e), "array length %s must be constant", operand_str(c, &x));
		return -1;
	}
	if (is_untyped(x.type) || is_integer(x.type)) {
		Const v = const_to_int(&c->scratch, x.val);
		if (const_kind(v) == CONST_INT) {
			if (const_representable(&c->scratch, v, BK_INT, (int)c->sizes->wordsize, NULL)) {
				bool exact;
				int64_t n = const_int64_val(v, &exact);
				if (exact && n >= 0)
					return n;
				check_errorf(c, node_pos(e), "invalid array length %s", operand_str(c, &x));
				return -1;
			}
		}
	}
	check_errorf(c, node_pos(e), "array length %s must be integer", operand_str(c, &x));
	return -1;
}

static const char *unquote_tag(Checker *c, Node *lit)
{
	if (!lit)
		return NULL;
	Const v = const_from_literal(c->arena, TOK_STRING, lit->lit.value.p, lit->lit.value.n);
	if (const_kind(v) != CONST_STRING)
		return NULL;
	size_t n;
	const char *s = const_string_val(v, &n);
	return n ? s : NULL;
}

static Node *embedded_field_ident(Node *e)
{
	switch (e->kind) {
	case N_Ident: return e;
	case N_StarExpr:
		if (e->star.x->kind != N_StarExpr)
			return embedded_field_ident(e->star.x);
		return NULL;
	case N_SelectorExpr: return e->selector.sel;
	case N_IndexExpr: return embedded_field_ident(e->index.x);
	case N_IndexListExpr: return embedded_field_ident(e->indexlist.x);
	default: return NULL;
	}
}

typedef struct EmbedCheck {
	Type *t;
	Node *e;
} EmbedCheck;

static void check_embedded(Checker *c, void *arg)
{
	EmbedCheck *ec = arg;
	bool isptr;
	Type *t = deref(ec->t, &isptr);
	Type *u = under(t);
	if (u->kind == TY_BASIC) {
		if (t == typ_invalid)
			return;
		if (u->basic.kind == BK_UNSAFE_POINTER)
			check_errorf(c, node_pos(ec->e), "embedded field type cannot be unsafe.Pointer");
	} else if (u->kind == TY_POINTER) {
		check_errorf(c, node_pos(ec->e), "embedded field type cannot be a pointer");
	} else if (u->kind == TY_INTERFACE) {
		if (t->kind == TY_TYPEPARAM)
			check_errorf(c, node_pos(ec->e), "embedded field type cannot be a (pointer to a) type parameter");
		else if (isptr)
			check_errorf(c, node_pos(ec->e), "embedded field type cannot be a pointer to an interface");
	}
}

static bool add_field(Checker *c, Scope *fset, Object *fld, PtrVec *fields, PtrVec *tags, const char *tag, bool *anytag)
{
	if (!(fld->name[0] == '_' && !fld->name[1])) {
		Object *alt = scope_insert(&c->scratch, fset, fld);
		if (alt) {
			Position p = pos_adjusted(alt->pos);
			check_errorf(c, fld->pos, "%s redeclared\n\t%s:%d:%d: other declaration of %s", fld->name, p.filename, p.line, p.col, fld->name);
			return false;
		}
	}
	fld->parent = NULL;
	ptrvec_push(fields, fld);
	ptrvec_push(tags, (void *)tag);
	*anytag |= tag != NULL;
	return true;
}

static void struct_type(Checker *c, Type *st, Node *e)
{
	Node *fl = e->structtype.fields;
	if (!fl)
		return;
	PtrVec fields = {0};
	PtrVec tags = {0};
	bool anytag = false;
	Scope *fset = new_scope(&c->scratch, NULL, SCOPE_BLOCK, NoPos, NoPos);
	for (uint32_t i = 0; i < fl->fieldlist.list.n; i++) {
		Node *f = fl->fieldlist.list.v[i];
		Type *typ = check_var_type(c, f->field.type);
		const char *tag = unquote_tag(c, f->field.tag);
		if (f->field.names.n > 0) {
			for (uint32_t k = 0; k < f->field.names.n; k++) {
				Node *id = f->field.names.v[k];
				Object *fld = new_field(c->arena, id->ident.namepos, c->pkg, ident_name(id), typ, false);
				if (add_field(c, fset, fld, &fields, &tags, tag, &anytag))
					check_record_def(c, id, fld);
			}
		} else {
			Pos pos = node_pos(f->field.type);
			Node *id = embedded_field_ident(f->field.type);
			const char *name = id ? ident_name(id) : intern_cstr("_");
			if (!id) {
				/* go/parser accepts (T), (*T) and *(T); gc's parser does not */
				Node *pe = f->field.type;
				if (pe->kind == N_StarExpr)
					pe = pe->star.x;
				if (pe->kind == N_ParenExpr)
					check_errorf(c, node_pos(pe), "syntax error: cannot parenthesize embedded type");
				typ = typ_invalid;
			}
			Object *fld = new_field(c->arena, pos, c->pkg, name, typ, true);
			if (!add_field(c, fset, fld, &fields, &tags, tag, &anytag))
				continue;
			if (id)
				check_record_def(c, id, fld);
			EmbedCheck *ec = arena_alloc(&c->scratch, sizeof *ec);
			ec->t = typ;
			ec->e = f->field.type;
			check_later(c, check_embedded, ec);
		}
	}
	st->struct_.nfields = fields.n;
	st->struct_.fields = arena_alloc(c->arena, (fields.n + 1) * sizeof(Object *));
	if (fields.n)
		memcpy(st->struct_.fields, fields.v, fields.n * sizeof(Object *));
	if (anytag) {
		st->struct_.tags = arena_alloc(c->arena, fields.n * sizeof(char *));
		memcpy(st->struct_.tags, tags.v, fields.n * sizeof(char *));
	}
	ptrvec_free(&fields);
	ptrvec_free(&tags);
}

/* ---- unions and interfaces ---- */

static void flatten_union(Node *e, PtrVec *out)
{
	if (e->kind == N_BinaryExpr && e->binary.op == TOK_OR) {
		flatten_union(e->binary.x, out);
		flatten_union(e->binary.y, out);
		return;
	}
	ptrvec_push(out, e);
}

/* A union's terms, checked once types are set up (go/types parseUnion's
 * later pass): ~T needs T to be its own underlying type and no interface;
 * an interface term must have no methods and not be or embed comparable;
 * other terms must not overlap an earlier non-interface term. */
typedef struct UnionCheck {
	Term *terms;
	Node **nodes;
	uint32_t n;
} UnionCheck;

/* a term as types2 prints a *Term in messages: qualified by package path,
 * also in the current package ("main.MyInt") */
static const char *term_str(Checker *c, Term t)
{
	Buf b = {0};
	Qualifier q = {NULL, false, false};
	if (t.tilde)
		buf_putc(&b, '~');
	write_type(&b, t.type, &q);
	char *s = arena_strndup(&c->scratch, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

static bool terms_overlap(Term x, Term y)
{
	Type *ux = x.type, *uy = y.type;
	if (y.tilde)
		ux = under(ux);
	if (x.tilde)
		uy = under(uy);
	return identical(ux, uy);
}

static void union_check_later(Checker *c, void *arg)
{
	UnionCheck *uc = arg;
	for (uint32_t i = 0; i < uc->n; i++) {
		Term t = uc->terms[i];
		Pos pos = node_pos(uc->nodes[i]);
		if (t.type == typ_invalid)
			continue;
		Type *u = under(t.type);
		bool isif = u->kind == TY_INTERFACE;
		if (t.tilde && isif) {
			check_errorf(c, pos, "invalid use of ~ (%s is an interface)", type_str(c, t.type));
			continue;
		}
		if (t.tilde && !identical(u, t.type)) {
			check_errorf(c, pos, "invalid use of ~ (underlying type of %s is %s)", type_str(c, t.type), type_str(c, u));
			continue;
		}
		if (isif) {
			TypeSet *ts = interface_typeset(c, u);
			const char *s = term_str(c, t);
			if (ts->nmethods)
				check_errorf(c, pos, "cannot use %s in union (%s contains methods)", s, s);
			else if (t.type == typ_comparable)
				check_errorf(c, pos, "cannot use comparable in union");
			else if (ts->comparable)
				check_errorf(c, pos, "cannot use %s in union (%s embeds comparable)", s, s);
			continue;
		}
		for (uint32_t j = 0; j < i; j++) {
			Term x = uc->terms[j];
			if (x.type == typ_invalid || under(x.type)->kind == TY_INTERFACE)
				continue;
			if (terms_overlap(x, t)) {
				check_softerrorf(c, pos, "overlapping terms %s and %s", term_str(c, t), term_str(c, x));
				break;
			}
		}
	}
}

static Type *parse_union(Checker *c, Node *e)
{
	PtrVec terms = {0};
	flatten_union(e, &terms);
	Term *tv = arena_alloc(c->arena, terms.n * sizeof *tv);
	Node **nodes = arena_alloc(c->arena, terms.n * sizeof *nodes);
	for (uint32_t i = 0; i < terms.n; i++) {
		Node *t = terms.v[i];
		bool tilde = false;
		if (t->kind == N_UnaryExpr && t->unary.op == TOK_TILDE) {
			tilde = true;
			t = t->unary.x;
		}
		Type *typ = check_type(c, t);
		if (typ->kind == TY_TYPEPARAM) {
			/* also a lone embedded P (gc 1.19, go.dev/issue/47127) */
			if (tilde)
				check_errorf(c, node_pos(t), "type in term ~%s cannot be a type parameter", type_str(c, typ));
			else
				check_errorf(c, node_pos(t), "term cannot be a type parameter");
			typ = typ_invalid;
		}
		tv[i] = (Term){tilde, typ};
		nodes[i] = terms.v[i];
	}
	uint32_t n = terms.n;
	ptrvec_free(&terms);
	if (n == 1 && !tv[0].tilde)
		return tv[0].type;
	UnionCheck *uc = arena_alloc(c->arena, sizeof *uc);
	*uc = (UnionCheck){tv, nodes, n};
	check_later(c, union_check_later, uc);
	return new_union(c->arena, tv, n);
}

static void iface_tset_later(Checker *c, void *arg)
{
	interface_typeset(c, arg);
}

static void interface_type(Checker *c, Type *it, Node *e, Type *def)
{
	Node *ml = e->ifacetype.methods;
	PtrVec methods = {0}, embeddeds = {0};
	PtrVec epos = {0};
	for (uint32_t i = 0; ml && i < ml->fieldlist.list.n; i++) {
		Node *f = ml->fieldlist.list.v[i];
		if (f->field.names.n == 0) {
			ptrvec_push(&embeddeds, parse_union(c, f->field.type));
			ptrvec_push(&epos, (void *)(uintptr_t)node_pos(f->field.type));
			continue;
		}
		Node *name = f->field.names.v[0];
		const char *mname = ident_name(name);
		if (mname[0] == '_' && !mname[1]) {
			check_errorf(c, name->ident.namepos, "methods must have a unique non-blank name");
			continue;
		}
		Type *sig = check_type(c, f->field.type);
		if (sig->kind != TY_SIGNATURE)
			continue;
		if (sig->sig.tparams.n)
			check_errorf(c, node_pos(f->field.type), "interface method must have no type parameters");
		sig->sig.recv = new_var(c->arena, name->ident.namepos, c->pkg, intern_cstr(""), def ? def : it);
		Object *m = new_func(c->arena, name->ident.namepos, c->pkg, mname, sig);
		check_record_def(c, name, m);
		ptrvec_push(&methods, m);
	}
	Object **mv = arena_alloc(c->arena, (methods.n + 1) * sizeof *mv);
	if (methods.n)
		memcpy(mv, methods.v, methods.n * sizeof *mv);
	sort_methods(mv, methods.n);
	it->iface.methods = mv;
	it->iface.nmethods = methods.n;
	if (embeddeds.n) {
		it->iface.embeddeds = arena_alloc(c->arena, embeddeds.n * sizeof(Type *));
		memcpy(it->iface.embeddeds, embeddeds.v, embeddeds.n * sizeof(Type *));
		it->iface.embedpos = arena_alloc(c->arena, embeddeds.n * sizeof(Pos));
		for (uint32_t i = 0; i < epos.n; i++)
			it->iface.embedpos[i] = (Pos)(uintptr_t)epos.v[i];
		it->iface.nembeddeds = embeddeds.n;
	}
	ptrvec_free(&methods);
	ptrvec_free(&embeddeds);
	ptrvec_free(&epos);
	if (it->iface.nmethods == 0 && it->iface.nembeddeds == 0) {
		it->iface.tset = interface_typeset(NULL, typ_any);
		it->iface.complete = true;
		return;
	}
	check_later(c, iface_tset_later, it);
}

/* ---- signatures ---- */

static void collect_params(Checker *c, Scope *scope, Node *list, bool variadic_ok, PtrVec *out, bool *variadic)
{
	if (!list)
		return;
	for (uint32_t i = 0; i < list->fieldlist.list.n; i++) {
		Node *f = list->fieldlist.list.v[i];
		Node *ft = f->field.type;
		bool dots = false;
		if (ft && ft->kind == N_Ellipsis) {
			ft = ft->ellipsis.elt;
			if (variadic_ok && i == list->fieldlist.list.n - 1 && f->field.names.n <= 1) {
				*variadic = true;
				dots = true;
			} else {
				check_softerrorf(c, node_pos(f->field.type), "can only use ... with final parameter in list");
			}
		}
		Type *typ = ft ? check_var_type(c, ft) : typ_invalid;
		if (dots)
			typ = new_slice(c->arena, typ);
		if (f->field.names.n > 0) {
			for (uint32_t k = 0; k < f->field.names.n; k++) {
				Node *id = f->field.names.v[k];
				Object *par = new_param(c->arena, id->ident.namepos, c->pkg, ident_name(id), typ);
				check_declare(c, scope, id, par, scope->pos);
				ptrvec_push(out, par);
			}
		} else {
			Object *par = new_param(c->arena, ft ? node_pos(ft) : NoPos, c->pkg, intern_cstr(""), typ);
			check_record_implicit(c, f, par);
			ptrvec_push(out, par);
		}
	}
}

static Type *tuple_of(Checker *c, PtrVec *v)
{
	if (v->n == 0)
		return typ_empty_tuple;
	Object **vars = arena_alloc(c->arena, v->n * sizeof *vars);
	memcpy(vars, v->v, v->n * sizeof *vars);
	return new_tuple(c->arena, vars, v->n);
}

/* the receiver's base type name and its type parameter names (go/types unpackRecv) */
static Node *unpack_recv(Node *rtyp, List *tparams)
{
	memset(tparams, 0, sizeof *tparams);
	for (;;) {
		if (rtyp->kind == N_ParenExpr)
			rtyp = rtyp->paren.x;
		else if (rtyp->kind == N_StarExpr)
			rtyp = rtyp->star.x;
		else
			break;
	}
	if (rtyp->kind == N_IndexExpr) {
		tparams->v = &rtyp->index.index;
		tparams->n = 1;
		rtyp = rtyp->index.x;
	} else if (rtyp->kind == N_IndexListExpr) {
		*tparams = rtyp->indexlist.indices;
		rtyp = rtyp->indexlist.x;
	}
	return rtyp->kind == N_Ident ? rtyp : NULL;
}

typedef struct RecvCheck {
	Object *recv;
	Type *sig;
} RecvCheck;

/* types2's receiver validation (delayed), in gc's wording */
static void validate_recv(Checker *c, void *arg)
{
	RecvCheck *rc = arg;
	Object *recv = rc->recv;
	Type *rt = deref(recv->type, NULL);
	if (rt == typ_invalid)
		return;
	const char *cause = NULL;
	if (rt->kind == TY_NAMED) {
		if (rt->named.targs.n && !rc->sig->sig.rparams.n) {
			check_errorf(c, recv->pos, "cannot define new methods on instantiated type %s", type_str(c, rt));
			return;
		}
		if (rt->named.obj->pkg != c->pkg) {
			check_errorf(c, recv->pos, "cannot define new methods on non-local type %s", type_str(c, rt));
			return;
		}
		Type *u = under(rt);
		if (u->kind == TY_BASIC && u->basic.kind == BK_UNSAFE_POINTER)
			cause = "unsafe.Pointer";
		else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
			cause = "pointer or interface type";
		if (cause)
			check_errorf(c, recv->pos, "invalid receiver type %s (%s)", type_str(c, rt), cause);
	} else if (rt->kind == TY_BASIC) {
		check_errorf(c, recv->pos, "cannot define new methods on non-local type %s", type_str(c, rt));
	} else {
		check_errorf(c, recv->pos, "invalid receiver type %s", type_str(c, recv->type));
	}
}

static TypeList declare_tparams(Checker *c, List names, PtrVec *acc);

void check_func_type(Checker *c, Type *sig, Node *recvpar, Node *ftyp)
{
	Scope *outer = c->env.scope;
	Scope *fs = new_scope(c->arena, outer, SCOPE_FUNC, node_pos(ftyp), node_end(ftyp));
	check_record_scope(c, ftyp, fs);
	sig->sig.scope = fs;
	c->env.scope = fs;
	if (recvpar && recvpar->fieldlist.list.n > 0) {
		List rparams;
		Node *rname = unpack_recv(recvpar->fieldlist.list.v[0]->field.type, &rparams);
		if (rparams.n > 0) {
			PtrVec acc = {0};
			TypeList tps = declare_tparams(c, rparams, &acc);
			ptrvec_free(&acc);
			sig->sig.rparams = tps;
			/* blank ones are not declared: check_ident finds them here */
			for (uint32_t i = 0; i < rparams.n && i < tps.n; i++)
				if (rparams.v[i]->kind == N_Ident && !strcmp(ident_name(rparams.v[i]), "_"))
					ptrmap_put(&c->recv_tparams, rparams.v[i], tps.v[i]);
			TypeList rtps = {0};
			if (rname) {
				Type *rt = check_generic_type(c, rname);
				if (rt->kind == TY_NAMED)
					rtps = rt->named.tparams;
			}
			if (tps.n == rtps.n) {
				Subst m = {rtps.v, tps.v, tps.n};
				for (uint32_t i = 0; i < tps.n; i++) {
					tps.v[i]->tparam.bound = subst(c, NoPos, rtps.v[i]->tparam.bound, &m);
					mono_record_canon(c, tps.v[i], rtps.v[i]);
				}
			} else if (tps.n < rtps.n) {
				check_errorf(c, node_pos(recvpar), "got %u type parameter%s, but receiver base type declares %u", tps.n,
					tps.n == 1 ? "" : "s", rtps.n);
			}
		}
	}
	if (ftyp->functype.typeparams) {
		sig->sig.tparams = check_collect_tparams(c, ftyp->functype.typeparams, NULL);
		if (recvpar)
			check_errorf(c, node_pos(ftyp->functype.typeparams), "methods cannot have type parameters");
	}
	Scope *tmp = new_scope(&c->scratch, NULL, SCOPE_BLOCK, NoPos, NoPos);
	tmp->parent = fs;
	PtrVec recvs = {0}, params = {0}, results = {0};
	bool variadic = false, dummy = false;
	collect_params(c, tmp, recvpar, false, &recvs, &dummy);
	collect_params(c, tmp, ftyp->functype.params, true, &params, &variadic);
	collect_params(c, tmp, ftyp->functype.results, false, &results, &dummy);
	/* squash tmp into fs */
	for (uint32_t i = 0; i < tmp->cap; i++) {
		Object *o = tmp->slots[i];
		if (!o)
			continue;
		o->parent = NULL;
		Object *alt = scope_insert(c->arena, fs, o);
		if (alt)
			check_errorf(c, o->pos, "%s redeclared in this block", o->name);
	}
	if (recvpar) {
		Object *recv;
		if (recvs.n == 0)
			recv = new_param(c->arena, NoPos, NULL, intern_cstr(""), typ_invalid);
		else {
			if (recvs.n > 1)
				check_errorf(c, ((Object *)recvs.v[recvs.n - 1])->pos, "method must have exactly one receiver");
			recv = recvs.v[0];
		}
		sig->sig.recv = recv;
		RecvCheck *rc = arena_alloc(&c->scratch, sizeof *rc);
		rc->recv = recv;
		rc->sig = sig;
		check_later(c, validate_recv, rc);
	}
	sig->sig.params = tuple_of(c, &params);
	sig->sig.results = tuple_of(c, &results);
	sig->sig.variadic = variadic;
	ptrvec_free(&recvs);
	ptrvec_free(&params);
	ptrvec_free(&results);
	c->env.scope = outer;
}

/* ---- type parameters ---- */

static TypeList declare_tparams(Checker *c, List names, PtrVec *acc)
{
	for (uint32_t i = 0; i < names.n; i++) {
		Node *id = names.v[i];
		if (id->kind != N_Ident)
			continue;
		Object *tn = new_typename(c->arena, id->ident.namepos, c->pkg, ident_name(id), NULL);
		Type *tp = new_typeparam(c->arena, tn, NULL);
		tp->tparam.index = acc->n;
		check_declare(c, c->env.scope, id, tn, c->env.scope->pos);
		tn->color = COLOR_BLACK;
		ptrvec_push(acc, tp);
	}
	TypeList l = {arena_alloc(c->arena, (acc->n + 1) * sizeof(Type *)), acc->n};
	if (acc->n)
		memcpy(l.v, acc->v, acc->n * sizeof(Type *));
	return l;
}

static Type *bound_type(Checker *c, Node *e)
{
	/* a constraint: an interface, or a union/type wrapped in an implicit interface */
	Type *b;
	bool wrap = (e->kind == N_UnaryExpr && e->unary.op == TOK_TILDE) || (e->kind == N_BinaryExpr && e->binary.op == TOK_OR);
	if (wrap) {
		b = parse_union(c, e);
	} else {
		b = check_type(c, e);
		if (b == typ_invalid)
			return typ_invalid;
		if (b->kind == TY_TYPEPARAM) {
			check_errorf(c, node_pos(e), "cannot use a type parameter as constraint");
			return typ_invalid;
		}
		if (under(b)->kind == TY_INTERFACE || (b->kind == TY_NAMED && b->named.state == NAMED_UNRESOLVED))
			return b;
	}
	Type **emb = arena_alloc(c->arena, sizeof *emb);
	emb[0] = b;
	Pos *ep = arena_alloc(c->arena, sizeof *ep);
	ep[0] = node_pos(e);
	Type *it = new_interface(c->arena, NULL, 0, emb, ep, 1);
	it->iface.implicit = true;
	return it;
}

TypeList check_collect_tparams(Checker *c, Node *fl, TypeList *dst)
{
	PtrVec acc = {0};
	TypeList all = {0};
	for (uint32_t i = 0; i < fl->fieldlist.list.n; i++)
		all = declare_tparams(c, fl->fieldlist.list.v[i]->field.names, &acc);
	/* as types2: the parameters are set before the constraints are
	 * checked (type T[P T[P]] interface{}), and cycle detection knows
	 * that it is in a type parameter list */
	if (dst)
		*dst = all;
	bool saved = c->env.in_tparam_list;
	c->env.in_tparam_list = true;
	uint32_t k = 0;
	for (uint32_t i = 0; i < fl->fieldlist.list.n; i++) {
		Node *f = fl->fieldlist.list.v[i];
		Type *b = f->field.type ? bound_type(c, f->field.type) : typ_invalid;
		for (uint32_t j = 0; j < f->field.names.n && k < all.n; j++)
			all.v[k++]->tparam.bound = b;
	}
	c->env.in_tparam_list = saved;
	ptrvec_free(&acc);
	return all;
}

/* ---- instantiation ---- */

/* c->instances: orig → PtrVec* of instances */
static Type *lookup_instance(Checker *c, Type *orig, TypeList targs)
{
	if (!c)
		return NULL;
	PtrVec *v = ptrmap_get(&c->instances, orig);
	if (!v)
		return NULL;
	for (uint32_t i = 0; i < v->n; i++) {
		Type *t = v->v[i];
		bool same = t->named.targs.n == targs.n;
		for (uint32_t k = 0; same && k < targs.n; k++)
			same = identical(t->named.targs.v[k], targs.v[k]);
		if (same)
			return t;
	}
	return NULL;
}

static void add_instance(Checker *c, Type *orig, Type *inst)
{
	if (!c)
		return;
	PtrVec *v = ptrmap_get(&c->instances, orig);
	if (!v) {
		v = xcalloc(1, sizeof *v);
		ptrmap_put(&c->instances, orig, v);
	}
	ptrvec_push(v, inst);
}

static Arena global_inst_arena; /* instances made without a checker (identity of generic signatures) */

static Type *new_instance(Checker *c, Type *orig, TypeList targs)
{
	Type *t = lookup_instance(c, orig, targs);
	if (t)
		return t;
	Arena *a = c ? c->arena : &global_inst_arena;
	t = new_named(a, orig->named.obj, NULL);
	t->named.orig = orig;
	t->named.targs = targs;
	t->named.check = c;
	t->named.state = NAMED_UNRESOLVED;
	add_instance(c, orig, t);
	return t;
}

/* the interface iface of an instance inst of orig with the receivers of
 * its declared methods changed from orig to inst (go/types replaceRecvType) */
static Type *replace_recv(Arena *a, Type *iface, Type *orig, Type *inst)
{
	Object **ms = NULL;
	uint32_t n = iface->iface.nmethods;
	for (uint32_t i = 0; i < n; i++) {
		Object *m = iface->iface.methods[i];
		Type *osig = m->type;
		if (!osig || osig->kind != TY_SIGNATURE || !osig->sig.recv || osig->sig.recv->type != orig)
			continue;
		if (!ms) {
			ms = arena_alloc(a, n * sizeof *ms);
			memcpy(ms, iface->iface.methods, n * sizeof *ms);
		}
		Object *nm = arena_alloc(a, sizeof *nm);
		*nm = *m;
		nm->origin = m->origin ? m->origin : m;
		Type *sig = new_signature(a, NULL, NULL, NULL, osig->sig.variadic);
		*sig = *osig;
		Object *r = osig->sig.recv;
		sig->sig.recv = new_param(a, r->pos, r->pkg, r->name, inst);
		nm->type = sig;
		ms[i] = nm;
	}
	if (!ms)
		return iface;
	Type *r = new_interface(a, NULL, 0, NULL, NULL, 0);
	r->iface = iface->iface;
	r->iface.methods = ms;
	r->iface.tset = NULL;
	r->iface.complete = false;
	return r;
}

void named_expand(Type *t)
{
	if (t->named.orig == t || t->named.state == NAMED_EXPANDED)
		return;
	Type *orig = t->named.orig;
	Checker *c = t->named.check;
	if (c && orig->named.obj && !orig->named.underlying && orig->named.obj->pkg == c->pkg)
		check_obj_decl(c, orig->named.obj, NULL);
	t->named.state = NAMED_EXPANDED;
	t->named.tparams = orig->named.tparams;
	if (orig->named.tparams.n != t->named.targs.n || !orig->named.underlying) {
		t->named.underlying = typ_invalid;
		return;
	}
	Subst m = {orig->named.tparams.v, t->named.targs.v, t->named.targs.n};
	Type *ou = under(orig);
	t->named.underlying = typ_invalid; /* guard */
	t->named.underlying = subst(c, NoPos, ou, &m);
	Arena *a = c ? c->arena : &global_inst_arena;
	if (t->named.underlying->kind == TY_INTERFACE)
		t->named.underlying = replace_recv(a, t->named.underlying, orig, t);
	/* methods: substituted signatures, receiver = instance */
	for (uint32_t i = 0; i < orig->named.nmethods; i++) {
		Object *om = orig->named.methods[i];
		if (c && !om->type && om->pkg == c->pkg)
			check_obj_decl(c, om, NULL);
		Object *m = new_func(a, om->pos, om->pkg, om->name, NULL);
		m->origin = om;
		m->flags = om->flags;
		if (om->type && om->type->kind == TY_SIGNATURE) {
			Type *osig = om->type;
			Type *sig = new_signature(a, NULL, NULL, NULL, osig->sig.variadic);
			*sig = *osig;
			sig->sig.rparams = (TypeList){0};
			if (osig->sig.rparams.n == t->named.targs.n) {
				Subst rm = {osig->sig.rparams.v, t->named.targs.v, t->named.targs.n};
				sig->sig.params = subst(c, NoPos, osig->sig.params, &rm);
				sig->sig.results = subst(c, NoPos, osig->sig.results, &rm);
			}
			if (osig->sig.recv) {
				bool p;
				deref(osig->sig.recv->type, &p);
				sig->sig.recv = new_param(a, osig->sig.recv->pos, osig->sig.recv->pkg, osig->sig.recv->name,
					p ? new_pointer(a, t) : t);
			}
			m->type = sig;
		}
		named_add_method(a, t, m);
	}
}

typedef struct VerifyArgs {
	Type *inst;
	Pos pos;
} VerifyArgs;

static void verify_instance(Checker *c, void *arg)
{
	VerifyArgs *va = arg;
	Type *inst = va->inst;
	Type *orig = inst->named.orig;
	TypeList tps = orig->named.tparams, targs = inst->named.targs;
	if (tps.n != targs.n) {
		check_errorf(c, va->pos, "got %u arguments but %u type parameters", targs.n, tps.n); /* types2 validateTArgLen */
		return;
	}
	named_expand(inst);
	Subst m = {tps.v, targs.v, targs.n};
	bool ok = true;
	for (uint32_t i = 0; i < tps.n; i++) {
		Type *bound = subst(c, va->pos, tps.v[i]->tparam.bound, &m);
		Buf cause = {0};
		if (!implements(c, targs.v[i], bound, &cause)) {
			buf_putc(&cause, 0);
			check_softerrorf(c, va->pos, "%s", cause.p);
			ok = false;
		}
		buf_free(&cause);
	}
	if (ok)
		mono_record_instance(c, va->pos, tps, targs, NULL, 0, NULL);
}

Type *instantiate(Checker *c, Pos pos, Type *orig, TypeList targs, bool validate)
{
	if (orig->kind == TY_NAMED) {
		Type *inst = new_instance(c, orig, targs);
		if (validate && c) {
			VerifyArgs *va = arena_alloc(&c->scratch, sizeof *va);
			va->inst = inst;
			va->pos = pos;
			check_later(c, verify_instance, va);
		}
		return inst;
	}
	if (orig->kind == TY_SIGNATURE) {
		if (orig->sig.tparams.n != targs.n)
			return typ_invalid;
		Subst m = {orig->sig.tparams.v, targs.v, targs.n};
		Type *sig = subst(c, pos, orig, &m);
		if (sig == orig) {
			Arena *a = c ? c->arena : &global_inst_arena;
			sig = new_signature(a, NULL, NULL, NULL, false);
			*sig = *orig;
		}
		sig->sig.tparams = (TypeList){0};
		return sig;
	}
	return typ_invalid;
}

static Type *instantiated_type(Checker *c, Node *x, List indices, Pos pos, Type *def)
{
	Type *g = check_generic_type(c, x);
	if (g == typ_invalid) {
		set_def(def, g);
		return g;
	}
	TypeList targs = {arena_alloc(c->arena, (indices.n + 1) * sizeof(Type *)), indices.n};
	for (uint32_t i = 0; i < indices.n; i++)
		targs.v[i] = check_var_type(c, indices.v[i]);
	Type *inst = instantiate(c, pos, g, targs, true);
	set_def(def, inst);
	return inst;
}

/* ---- substitution ---- */

typedef struct Subster {
	Checker *c;
	Arena *a;
	const Subst *m;
	Pos pos;
	int depth;
} Subster;

static Type *sb_typ(Subster *s, Type *t);

static Object *copy_obj(Subster *s, Object *o, Type *nt)
{
	Object *n = arena_alloc(s->a, sizeof *n);
	*n = *o;
	n->type = nt;
	if (o->kind == OBJ_VAR || o->kind == OBJ_FUNC)
		n->origin = o->origin ? o->origin : o;
	return n;
}

static Type *sb_tuple(Subster *s, Type *t)
{
	if (!t || t->tuple.n == 0)
		return t;
	Object **vars = NULL;
	for (uint32_t i = 0; i < t->tuple.n; i++) {
		Object *v = t->tuple.vars[i];
		Type *nt = sb_typ(s, v->type);
		if (nt != v->type) {
			if (!vars) {
				vars = arena_alloc(s->a, t->tuple.n * sizeof *vars);
				memcpy(vars, t->tuple.vars, t->tuple.n * sizeof *vars);
			}
			vars[i] = copy_obj(s, v, nt);
		}
	}
	if (!vars)
		return t;
	return new_tuple(s->a, vars, t->tuple.n);
}

static Object **sb_funcs(Subster *s, Object **fs, uint32_t n, bool *changed)
{
	Object **out = NULL;
	for (uint32_t i = 0; i < n; i++) {
		Object *f = fs[i];
		Type *nt = f->type ? sb_typ(s, f->type) : NULL;
		if (nt != f->type) {
			if (!out) {
				out = arena_alloc(s->a, n * sizeof *out);
				memcpy(out, fs, n * sizeof *out);
			}
			out[i] = copy_obj(s, f, nt);
		}
	}
	*changed = out != NULL;
	return out ? out : fs;
}

static Type *sb_typ(Subster *s, Type *t)
{
	if (!t || s->depth > 100)
		return t;
	s->depth++;
	Type *r = t;
	switch (t->kind) {
	case TY_BASIC:
		break;
	case TY_ARRAY: {
		Type *e = sb_typ(s, t->array.elem);
		if (e != t->array.elem)
			r = new_array(s->a, e, t->array.len);
		break;
	}
	case TY_SLICE: {
		Type *e = sb_typ(s, t->slice.elem);
		if (e != t->slice.elem)
			r = new_slice(s->a, e);
		break;
	}
	case TY_POINTER: {
		Type *e = sb_typ(s, t->pointer.elem);
		if (e != t->pointer.elem)
			r = new_pointer(s->a, e);
		break;
	}
	case TY_MAP: {
		Type *k = sb_typ(s, t->map.key), *e = sb_typ(s, t->map.elem);
		if (k != t->map.key || e != t->map.elem)
			r = new_map(s->a, k, e);
		break;
	}
	case TY_CHAN: {
		Type *e = sb_typ(s, t->chan.elem);
		if (e != t->chan.elem)
			r = new_chan(s->a, t->chan.dir, e);
		break;
	}
	case TY_STRUCT: {
		Object **fields = NULL;
		for (uint32_t i = 0; i < t->struct_.nfields; i++) {
			Object *f = t->struct_.fields[i];
			Type *nt = sb_typ(s, f->type);
			if (nt != f->type) {
				if (!fields) {
					fields = arena_alloc(s->a, t->struct_.nfields * sizeof *fields);
					memcpy(fields, t->struct_.fields, t->struct_.nfields * sizeof *fields);
				}
				fields[i] = copy_obj(s, f, nt);
			}
		}
		if (fields)
			r = new_struct(s->a, fields, t->struct_.tags, t->struct_.nfields);
		break;
	}
	case TY_TUPLE:
		r = sb_tuple(s, t);
		break;
	case TY_SIGNATURE: {
		Type *p = sb_tuple(s, t->sig.params), *res = sb_tuple(s, t->sig.results);
		if (p != t->sig.params || res != t->sig.results) {
			r = new_signature(s->a, t->sig.recv, p, res, t->sig.variadic);
			r->sig.tparams = t->sig.tparams;
			r->sig.scope = t->sig.scope;
		}
		break;
	}
	case TY_UNION: {
		Term *terms = NULL;
		for (uint32_t i = 0; i < t->union_.n; i++) {
			Type *nt = sb_typ(s, t->union_.terms[i].type);
			if (nt != t->union_.terms[i].type) {
				if (!terms) {
					terms = arena_alloc(s->a, t->union_.n * sizeof *terms);
					memcpy(terms, t->union_.terms, t->union_.n * sizeof *terms);
				}
				terms[i].type = nt;
			}
		}
		if (terms)
			r = new_union(s->a, terms, t->union_.n);
		break;
	}
	case TY_INTERFACE: {
		bool mc, ec = false;
		Object **ms = sb_funcs(s, t->iface.methods, t->iface.nmethods, &mc);
		Type **es = t->iface.embeddeds;
		for (uint32_t i = 0; i < t->iface.nembeddeds; i++) {
			Type *nt = sb_typ(s, t->iface.embeddeds[i]);
			if (nt != t->iface.embeddeds[i]) {
				if (!ec) {
					es = arena_alloc(s->a, t->iface.nembeddeds * sizeof *es);
					memcpy(es, t->iface.embeddeds, t->iface.nembeddeds * sizeof *es);
					ec = true;
				}
				es[i] = nt;
			}
		}
		if (mc || ec) {
			r = new_interface(s->a, NULL, 0, NULL, NULL, 0);
			r->iface = t->iface;
			r->iface.methods = ms;
			r->iface.embeddeds = es;
			r->iface.tset = NULL;
			r->iface.complete = false;
		}
		break;
	}
	case TY_NAMED: {
		if (t->named.targs.n == 0)
			break;
		if (t->named.orig && t->named.targs.n != t->named.orig->named.tparams.n) {
			r = typ_invalid; /* as types2: the wrong count is reported elsewhere */
			break;
		}
		TypeList nargs = {0};
		for (uint32_t i = 0; i < t->named.targs.n; i++) {
			Type *nt = sb_typ(s, t->named.targs.v[i]);
			if (nt != t->named.targs.v[i] && !nargs.v) {
				nargs.v = arena_alloc(s->a, t->named.targs.n * sizeof(Type *));
				memcpy(nargs.v, t->named.targs.v, t->named.targs.n * sizeof(Type *));
				nargs.n = t->named.targs.n;
			}
			if (nargs.v)
				nargs.v[i] = nt;
		}
		if (nargs.v)
			r = new_instance(s->c, t->named.orig, nargs);
		break;
	}
	case TY_TYPEPARAM:
		for (uint32_t i = 0; i < s->m->n; i++)
			if (s->m->from[i] == t) {
				r = s->m->to[i];
				break;
			}
		break;
	}
	s->depth--;
	return r;
}

Type *subst(Checker *c, Pos pos, Type *t, const Subst *m)
{
	if (!m || m->n == 0)
		return t;
	Subster s = {c, c ? c->arena : &global_inst_arena, m, pos, 0};
	return sb_typ(&s, t);
}

/* ---- the type expression switch ---- */

typedef struct MapKeyCheck {
	Type *t;
	Node *e;
} MapKeyCheck;

static void map_key_check(Checker *c, void *arg)
{
	MapKeyCheck *mk = arg;
	Type *k = mk->t->map.key;
	if (k == typ_invalid || is_comparable(k))
		return;
	if (k->kind == TY_TYPEPARAM)
		check_errorf(c, node_pos(mk->e), "invalid map key type %s (missing comparable constraint)", type_str(c, k));
	else
		check_errorf(c, node_pos(mk->e), "invalid map key type %s", type_str(c, k));
}

static Type *typ_internal(Checker *c, Node *e, Type *def)
{
	Type *typ;
	switch (e->kind) {
	case N_BadExpr:
		break;
	case N_Ident: {
		Operand x;
		check_ident(c, &x, e, def, true);
		if (x.mode == MODE_TYPEXPR) {
			set_def(def, x.type);
			return x.type;
		}
		not_a_type(c, &x, e);
		break;
	}
	case N_SelectorExpr: {
		Operand x;
		if (!check_qualified_ident(c, &x, e, def))
			check_expr_or_type(c, &x, e, true);
		if (x.mode == MODE_TYPEXPR) {
			set_def(def, x.type);
			return x.type;
		}
		not_a_type(c, &x, e);
		break;
	}
	case N_IndexExpr: {
		List l = {&e->index.index, 1};
		return instantiated_type(c, e->index.x, l, node_pos(e), def);
	}
	case N_IndexListExpr:
		return instantiated_type(c, e->indexlist.x, e->indexlist.indices, node_pos(e), def);
	case N_ParenExpr:
		return check_defined_type(c, e->paren.x, def);
	case N_ArrayType:
		if (!e->arraytype.len) {
			typ = new_slice(c->arena, typ_invalid);
			set_def(def, typ);
			typ->slice.elem = check_var_type(c, e->arraytype.elt);
			return typ;
		}
		typ = new_array(c->arena, typ_invalid, -1);
		set_def(def, typ);
		if (e->arraytype.len->kind == N_Ellipsis)
			check_errorf(c, node_pos(e), "invalid use of [...] array (outside a composite literal)");
		else
			typ->array.len = check_array_length(c, e->arraytype.len);
		typ->array.elem = check_var_type(c, e->arraytype.elt);
		if (typ->array.len >= 0) {
			size_check_later(c, typ, e);
			return typ;
		}
		/* as types2: an array of unknown length is an invalid type (no follow-on errors) */
		set_def(def, typ_invalid);
		return typ_invalid;
	case N_Ellipsis:
		check_errorf(c, node_pos(e), "invalid use of ...");
		break;
	case N_StructType:
		typ = new_struct(c->arena, NULL, NULL, 0);
		set_def(def, typ);
		struct_type(c, typ, e);
		return typ;
	case N_StarExpr:
		typ = new_pointer(c->arena, typ_invalid);
		set_def(def, typ);
		typ->pointer.elem = check_var_type(c, e->star.x);
		return typ;
	case N_FuncType:
		typ = new_signature(c->arena, NULL, NULL, NULL, false);
		set_def(def, typ);
		check_func_type(c, typ, NULL, e);
		return typ;
	case N_InterfaceType:
		typ = new_interface(c->arena, NULL, 0, NULL, NULL, 0);
		set_def(def, typ);
		interface_type(c, typ, e, def);
		return typ;
	case N_MapType: {
		typ = new_map(c->arena, typ_invalid, typ_invalid);
		set_def(def, typ);
		typ->map.key = check_var_type(c, e->maptype.key);
		typ->map.elem = check_var_type(c, e->maptype.value);
		MapKeyCheck *mk = arena_alloc(&c->scratch, sizeof *mk);
		mk->t = typ;
		mk->e = e->maptype.key;
		check_later(c, map_key_check, mk);
		return typ;
	}
	case N_ChanType: {
		int dir = e->chantype.dir == CHAN_SEND ? CHAN_SENDONLY : e->chantype.dir == CHAN_RECV ? CHAN_RECVONLY : CHAN_SENDRECV;
		typ = new_chan(c->arena, dir, typ_invalid);
		set_def(def, typ);
		typ->chan.elem = check_var_type(c, e->chantype.value);
		size_check_later(c, typ, e);
		return typ;
	}
	default: {
		Buf b = {0};
		write_expr(&b, e); /* types2: "%s is not a type" with the expression */
		check_errorf(c, node_pos(e), "%.*s is not a type", (int)b.n, b.p ? b.p : "");
		buf_free(&b);
		break;
	}
	}
	set_def(def, typ_invalid);
	return typ_invalid;
}

/* ---- gc's size limits (types.CalcSize, which gc runs while type
 * checking): arrays beyond the address space (1<<50 bytes on amd64 and
 * arm64) and channel elements of 64 kB or more ---- */

enum { MAX_WIDTH_SHIFT = 50 };

static bool mentions_tparam(Type *t, int depth)
{
	if (!t || depth > 50)
		return false;
	switch (t->kind) {
	case TY_TYPEPARAM:
		return true;
	case TY_ARRAY:
		return mentions_tparam(t->array.elem, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			if (mentions_tparam(t->struct_.fields[i]->type, depth + 1))
				return true;
		return false;
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.n; i++)
			if (mentions_tparam(t->named.targs.v[i], depth + 1))
				return true;
		return false;
	default:
		return false; /* pointers, slices, maps, chans...: a word or two whatever the element */
	}
}

typedef struct SizeCheck {
	Type *t;
	Node *e;
} SizeCheck;

static void size_check(Checker *c, void *arg)
{
	SizeCheck *sc = arg;
	Type *t = sc->t;
	Type *elem = t->kind == TY_ARRAY ? t->array.elem : t->chan.elem;
	if (under(elem) == typ_invalid || mentions_tparam(elem, 0))
		return;
	uint64_t es = (uint64_t)sizes_sizeof(c->sizes, elem);
	if (t->kind == TY_CHAN) {
		if (es >= 1 << 16)
			check_errorf(c, node_pos(sc->e), "channel element type too large (>64kB)");
		return;
	}
	if (es != 0 && (uint64_t)t->array.len > (((uint64_t)1 << MAX_WIDTH_SHIFT) - 1) / es)
		check_errorf(c, node_pos(sc->e), "type %s larger than address space", type_str(c, t));
}

static void size_check_later(Checker *c, Type *t, Node *e)
{
	SizeCheck *sc = arena_alloc(&c->scratch, sizeof *sc);
	sc->t = t;
	sc->e = e;
	check_later(c, size_check, sc);
}
