/*
 * check.c — the checker's driver (go/types check.go, resolver.go,
 * decl.go): collects the package-level objects of all files, resolves
 * imports, declares everything in package and file scopes (with gc's
 * redeclaration errors), then type-checks each package-level object on
 * demand with cycle detection (objDecl), runs the delayed actions and
 * hands function bodies to check_func_body.
 */
#include "types.h"
#include <stdarg.h>

/* ---- errors ---- */

static void verror(Checker *c, Pos pos, const char *fmt, va_list ap)
{
	char buf[2048];
	vsnprintf(buf, sizeof buf, fmt, ap);
	/* suppress follow-on errors mentioning invalid types, as go/types does */
	if (strstr(buf, "invalid type") && c->nerrors > 0)
		return;
	c->nerrors++;
	if (c->pkg)
		c->pkg->nerrors++;
	diag_error(c->diags, pos, "%s", buf);
}

void check_errorf(Checker *c, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(c, pos, fmt, ap);
	va_end(ap);
}

void check_softerrorf(Checker *c, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(c, pos, fmt, ap);
	va_end(ap);
}

/* "\n\tFILE:LINE:COL: other declaration of NAME" */
static const char *alt_decl(Checker *c, Object *alt)
{
	if (!alt->pos)
		return "";
	Position p = pos_adjusted(alt->pos);
	Buf b = {0};
	buf_printf(&b, "\n\t%s:%d:%d: other declaration of %s", p.filename, p.line, p.col, alt->name);
	const char *s = arena_strndup(&c->scratch, b.p, b.n);
	buf_free(&b);
	return s;
}

void check_later(Checker *c, void (*fn)(Checker *c, void *arg), void *arg)
{
	if (c->nlater == c->caplater) {
		c->caplater = c->caplater ? c->caplater * 2 : 64;
		c->later = xrealloc(c->later, c->caplater * sizeof *c->later);
	}
	c->later[c->nlater++] = (Action){fn, arg, c->env};
}

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

/* ---- recording ---- */

void check_record_type(Checker *c, Node *e, OperandMode mode, Type *t, Const val)
{
	if (!c->record || !e)
		return;
	TypeAndValue *tv = arena_alloc(c->arena, sizeof *tv);
	tv->mode = (uint8_t)mode;
	tv->type = t;
	tv->val = val;
	ptrmap_put(&c->info.types, e, tv);
}
void check_record_def(Checker *c, Node *id, Object *obj) { if (c->record && id) ptrmap_put(&c->info.defs, id, obj); }
void check_record_use(Checker *c, Node *id, Object *obj) { if (c->record && id) ptrmap_put(&c->info.uses, id, obj); }
void check_record_implicit(Checker *c, Node *n, Object *obj) { if (c->record && n) ptrmap_put(&c->info.implicits, n, obj); }
void check_record_scope(Checker *c, Node *n, Scope *s) { if (c->record && n) ptrmap_put(&c->info.scopes, n, s); }

/* ---- setup ---- */

void checker_init(Checker *c, Arena *arena, TPackage *pkg, Node **files, uint32_t nfiles, const Sizes *sizes,
    DiagList *diags, Importer imp, void *impctx)
{
	memset(c, 0, sizeof *c);
	universe_init();
	c->arena = arena;
	arena_init(&c->scratch);
	c->pkg = pkg;
	c->files = files;
	c->nfiles = nfiles;
	c->sizes = sizes ? sizes : &sizes_amd64;
	c->diags = diags;
	c->importer = imp;
	c->importer_ctx = impctx;
	c->env.scope = pkg->scope;
}

void checker_free(Checker *c)
{
	arena_free(&c->scratch);
	for (uint32_t i = 0; i < c->instances.cap; i++)
		if (c->instances.keys[i]) {
			ptrvec_free(c->instances.vals[i]);
			free(c->instances.vals[i]);
		}
	ptrmap_free(&c->instances);
	for (uint32_t i = 0; i < c->methods.cap; i++)
		if (c->methods.keys[i]) {
			ptrvec_free(c->methods.vals[i]);
			free(c->methods.vals[i]);
		}
	ptrmap_free(&c->methods);
	ptrmap_free(&c->imported);
	ptrmap_free(&c->validated);
	ptrvec_free(&c->objs);
	ptrvec_free(&c->objpath);
	ptrvec_free(&c->funcs);
	for (uint32_t i = 0; i < c->objs.n; i++) {
		Object *o = c->objs.v[i];
		if (o->decl)
			ptrmap_free(&o->decl->deps);
	}
	free(c->later);
	ptrmap_free(&c->info.types);
	ptrmap_free(&c->info.defs);
	ptrmap_free(&c->info.uses);
	ptrmap_free(&c->info.implicits);
	ptrmap_free(&c->info.instances);
	ptrmap_free(&c->info.scopes);
}

/* ---- declaring ---- */

void check_declare(Checker *c, Scope *s, Node *ident, Object *obj, Pos scopepos)
{
	if (!(obj->name[0] == '_' && obj->name[1] == 0)) {
		Object *alt = scope_insert(c->arena, s, obj);
		if (alt) {
			check_errorf(c, obj->pos, "%s redeclared in this block%s", obj->name, alt_decl(c, alt));
			return;
		}
		obj->scopepos = scopepos;
	}
	if (ident)
		check_record_def(c, ident, obj);
}

static DeclInfo *new_decl(Checker *c, Scope *file)
{
	DeclInfo *d = arena_alloc(c->arena, sizeof *d);
	d->file = file;
	return d;
}

static void declare_pkg_obj(Checker *c, Node *ident, Object *obj, DeclInfo *d)
{
	if (obj->name == intern_cstr("init")) {
		check_errorf(c, ident->ident.namepos, "cannot declare init - must be func");
		return;
	}
	if (obj->kind != OBJ_FUNC && obj->name == intern_cstr("main") && c->pkg->name == intern_cstr("main")) {
		check_errorf(c, ident->ident.namepos, "cannot declare main - must be func");
		return;
	}
	check_declare(c, c->pkg->scope, ident, obj, NoPos);
	obj->decl = d;
	ptrvec_push(&c->objs, obj);
	obj->order = c->objs.n;
}

static const char *unquote_path(Checker *c, Node *lit)
{
	Const v = const_from_literal(&c->scratch, TOK_STRING, lit->lit.value.p, lit->lit.value.n);
	if (const_kind(v) != CONST_STRING)
		return NULL;
	size_t n;
	const char *s = const_string_val(v, &n);
	return intern(s, n);
}

static void add_import(Checker *c, TPackage *imp)
{
	if (ptrmap_get(&c->imported, imp))
		return;
	ptrmap_put(&c->imported, imp, imp);
	TPackage *p = c->pkg;
	TPackage **v = arena_alloc(c->arena, (p->nimports + 1) * sizeof *v);
	if (p->nimports)
		memcpy(v, p->imports, p->nimports * sizeof *v);
	v[p->nimports++] = imp;
	p->imports = v;
}

static void collect_import(Checker *c, Scope *fs, Node *spec)
{
	const char *path = unquote_path(c, spec->importspec.path);
	if (!path || !path[0]) {
		check_errorf(c, node_pos(spec->importspec.path), "invalid import path (empty string)");
		return;
	}
	if (strcmp(path, "C") == 0)
		return; /* cgo: not supported yet */
	TPackage *imp = NULL;
	if (strcmp(path, "unsafe") == 0)
		imp = unsafe_pkg;
	else if (c->importer)
		imp = c->importer(c->importer_ctx, path);
	if (!imp) {
		check_errorf(c, node_pos(spec->importspec.path), "could not import %s (package not checked)", path);
		return;
	}
	add_import(c, imp);
	const char *name = imp->name;
	Node *nid = spec->importspec.name;
	Pos pos = node_pos(spec->importspec.path);
	if (nid) {
		name = intern_s(nid->ident.name);
		pos = nid->ident.namepos;
		if (strcmp(name, "init") == 0) {
			check_errorf(c, pos, "cannot import package as init - init must be a func");
			return;
		}
	}
	Object *pn = new_object(c->arena, OBJ_PKGNAME, pos, c->pkg, name, typ_invalid);
	pn->imported = imp;
	if (name[0] == '.' && name[1] == 0) {
		/* dot-import: every exported object of imp into the file scope */
		for (uint32_t i = 0; i < imp->scope->cap; i++) {
			Object *o = imp->scope->slots[i];
			if (!o || !obj_exported(o))
				continue;
			Object *alt = scope_lookup(fs, o->name);
			if (alt) {
				check_errorf(c, o->pos, "%s redeclared in this block%s", o->name, alt_decl(c, alt));
				continue;
			}
			/* insert without changing o->parent */
			Scope *keep = o->parent;
			scope_insert(c->arena, fs, o);
			o->parent = keep;
		}
		return;
	}
	check_declare(c, fs, NULL, pn, NoPos);
}

static Node *recv_base_name(Node *rtyp)
{
	for (;;) {
		if (rtyp->kind == N_ParenExpr)
			rtyp = rtyp->paren.x;
		else if (rtyp->kind == N_StarExpr)
			rtyp = rtyp->star.x;
		else
			break;
	}
	if (rtyp->kind == N_IndexExpr)
		rtyp = rtyp->index.x;
	else if (rtyp->kind == N_IndexListExpr)
		rtyp = rtyp->indexlist.x;
	return rtyp->kind == N_Ident ? rtyp : NULL;
}

static bool recv_is_ptr(Node *rtyp)
{
	while (rtyp->kind == N_ParenExpr)
		rtyp = rtyp->paren.x;
	return rtyp->kind == N_StarExpr;
}

static void collect_objects(Checker *c)
{
	TPackage *pkg = c->pkg;
	PtrVec methods = {0};
	c->filescopes = arena_alloc(c->arena, (c->nfiles + 1) * sizeof(Scope *));
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Node *file = c->files[fi];
		Pos fpos = file->file.package;
		SrcFile *sf = fileset_file(fpos);
		Pos fend = sf ? sf->base + sf->size : fpos;
		Scope *fs = new_scope(c->arena, pkg->scope, SCOPE_FILE, sf ? sf->base : fpos, fend);
		c->filescopes[fi] = fs;
		check_record_scope(c, file, fs);
		for (uint32_t di = 0; di < file->file.decls.n; di++) {
			Node *d = file->file.decls.v[di];
			if (d->kind == N_GenDecl) {
				Node *last = NULL; /* last ValueSpec with values (const) */
				for (uint32_t si = 0; si < d->gendecl.specs.n; si++) {
					Node *s = d->gendecl.specs.v[si];
					switch (d->gendecl.tok) {
					case TOK_IMPORT:
						collect_import(c, fs, s);
						break;
					case TOK_CONST: {
						bool inherited = true;
						if (s->valuespec.type || s->valuespec.values.n > 0) {
							last = s;
							inherited = false;
						}
						for (uint32_t k = 0; k < s->valuespec.names.n; k++) {
							Node *id = s->valuespec.names.v[k];
							Object *obj = new_const(c->arena, id->ident.namepos, pkg, intern_s(id->ident.name), NULL, const_int64((int64_t)si));
							DeclInfo *di2 = new_decl(c, fs);
							di2->iota = (int64_t)si;
							if (last) {
								di2->vtype = last->valuespec.type;
								if (k < last->valuespec.values.n)
									di2->init = last->valuespec.values.v[k];
							}
							di2->inherited = inherited;
							declare_pkg_obj(c, id, obj, di2);
						}
						/* arity */
						if (last && !inherited && s->valuespec.names.n != last->valuespec.values.n) {
							if (s->valuespec.names.n > last->valuespec.values.n)
								check_errorf(c, node_pos(s->valuespec.names.v[last->valuespec.values.n]), "missing init expr for %s",
									intern_s(s->valuespec.names.v[last->valuespec.values.n]->ident.name));
							else
								check_errorf(c, node_pos(last->valuespec.values.v[s->valuespec.names.n]), "extra init expr");
						} else if (!last) {
							check_errorf(c, node_pos(s), "missing init expr for %s", intern_s(s->valuespec.names.v[0]->ident.name));
						} else if (inherited && s->valuespec.names.n > last->valuespec.values.n) {
							check_errorf(c, node_pos(s->valuespec.names.v[last->valuespec.values.n]), "missing init expr for %s",
								intern_s(s->valuespec.names.v[last->valuespec.values.n]->ident.name));
						}
						break;
					}
					case TOK_VAR: {
						uint32_t nn = s->valuespec.names.n, nv = s->valuespec.values.n;
						Object **lhs = arena_alloc(c->arena, nn * sizeof *lhs);
						DeclInfo *shared = NULL;
						if (nv == 1 && nn > 1) {
							shared = new_decl(c, fs);
							shared->lhs = lhs;
							shared->nlhs = nn;
							shared->vtype = s->valuespec.type;
							shared->init = s->valuespec.values.v[0];
						}
						for (uint32_t k = 0; k < nn; k++) {
							Node *id = s->valuespec.names.v[k];
							lhs[k] = new_var(c->arena, id->ident.namepos, pkg, intern_s(id->ident.name), NULL);
						}
						for (uint32_t k = 0; k < nn; k++) {
							DeclInfo *d2 = shared;
							if (!d2) {
								d2 = new_decl(c, fs);
								d2->vtype = s->valuespec.type;
								if (k < nv)
									d2->init = s->valuespec.values.v[k];
							}
							declare_pkg_obj(c, s->valuespec.names.v[k], lhs[k], d2);
						}
						if (nv > 0 && nv != nn && !(nv == 1)) {
							if (nn > nv)
								check_errorf(c, node_pos(s->valuespec.names.v[nv]), "assignment mismatch: %u variables but %u values", nn, nv);
							else
								check_errorf(c, node_pos(s->valuespec.values.v[nn]), "assignment mismatch: %u variables but %u values", nn, nv);
						}
						break;
					}
					case TOK_TYPE: {
						Node *id = s->typespec.name;
						Object *obj = new_typename(c->arena, id->ident.namepos, pkg, intern_s(id->ident.name), NULL);
						if (s->typespec.assign)
							obj->flags |= OF_ALIAS;
						DeclInfo *d2 = new_decl(c, fs);
						d2->tdecl = s;
						declare_pkg_obj(c, id, obj, d2);
						break;
					}
					}
				}
			} else if (d->kind == N_FuncDecl) {
				Node *id = d->funcdecl.name;
				const char *name = intern_s(id->ident.name);
				Object *obj = new_func(c->arena, id->ident.namepos, pkg, name, NULL);
				DeclInfo *d2 = new_decl(c, fs);
				d2->fdecl = d;
				Node *recv = d->funcdecl.recv;
				if (!recv || recv->fieldlist.list.n == 0) {
					if (recv) {
						/* method with no receiver: parser already reported */
					}
					if (name == intern_cstr("init") || (name == intern_cstr("main") && pkg->name == intern_cstr("main"))) {
						Node *ft = d->funcdecl.type;
						if (ft->functype.typeparams && ft->functype.typeparams->fieldlist.list.n)
							check_softerrorf(c, node_pos(ft->functype.typeparams), "func %s must have no type parameters", name);
						if ((ft->functype.params && ft->functype.params->fieldlist.list.n) ||
						    (ft->functype.results && ft->functype.results->fieldlist.list.n))
							check_softerrorf(c, id->ident.namepos, "func %s must have no arguments and no return values", name);
					}
					if (name == intern_cstr("init")) {
						obj->parent = pkg->scope;
						check_record_def(c, id, obj);
						if (!d->funcdecl.body)
							check_softerrorf(c, id->ident.namepos, "missing function body");
						obj->decl = d2;
						ptrvec_push(&c->objs, obj);
						obj->order = c->objs.n;
					} else {
						declare_pkg_obj(c, id, obj, d2);
					}
				} else {
					/* a method: associated with its receiver base type after collection */
					check_record_def(c, id, obj);
					Node *rt = recv->fieldlist.list.v[0]->field.type;
					if (recv_is_ptr(rt))
						obj->flags |= OF_PTRRECV;
					d2->recv_base = recv_base_name(rt);
					obj->decl = d2;
					ptrvec_push(&c->objs, obj);
					obj->order = c->objs.n;
					if (!(name[0] == '_' && name[1] == 0))
						ptrvec_push(&methods, obj);
				}
			}
		}
	}
	/* package and file scopes must not clash */
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Scope *fs = c->filescopes[fi];
		for (uint32_t i = 0; i < fs->cap; i++) {
			Object *o = fs->slots[i];
			if (!o)
				continue;
			Object *alt = scope_lookup(pkg->scope, o->name);
			if (!alt)
				continue;
			if (o->kind == OBJ_PKGNAME)
				check_errorf(c, alt->pos, "%s already declared through import of %s%s", alt->name, o->imported->path, alt_decl(c, o));
			else
				check_errorf(c, alt->pos, "%s already declared through dot-import of %s", alt->name, o->pkg ? o->pkg->path : "?");
		}
	}
	/* associate methods with their receiver base type names */
	for (uint32_t i = 0; i < methods.n; i++) {
		Object *m = methods.v[i];
		Node *base = m->decl->recv_base;
		if (!base)
			continue;
		Object *tn = scope_lookup(pkg->scope, intern_s(base->ident.name));
		/* follow local aliases (syntactically) */
		for (int k = 0; tn && tn->kind == OBJ_TYPENAME && (tn->flags & OF_ALIAS) && k < 8; k++) {
			Node *rhs = tn->decl ? tn->decl->tdecl->typespec.type : NULL;
			while (rhs && rhs->kind == N_ParenExpr)
				rhs = rhs->paren.x;
			if (!rhs || rhs->kind != N_Ident) {
				tn = NULL;
				break;
			}
			tn = scope_lookup(pkg->scope, intern_s(rhs->ident.name));
		}
		if (!tn || tn->kind != OBJ_TYPENAME || tn->pkg != pkg)
			continue;
		PtrVec *v = ptrmap_get(&c->methods, tn);
		if (!v) {
			v = xcalloc(1, sizeof *v);
			ptrmap_put(&c->methods, tn, v);
		}
		ptrvec_push(v, m);
	}
	ptrvec_free(&methods);
}

/* ---- objDecl ---- */

static bool valid_cycle(Checker *c, Object *obj)
{
	uint32_t start = obj->color - COLOR_GREY;
	uint32_t n = c->objpath.n - start, nval = 0, ndef = 0;
	for (uint32_t i = start; i < c->objpath.n; i++) {
		Object *o = c->objpath.v[i];
		if (o->kind == OBJ_CONST || o->kind == OBJ_VAR)
			nval++;
		else if (o->kind == OBJ_TYPENAME && !(o->flags & OF_ALIAS))
			ndef++;
	}
	if (nval == n)
		return true;
	if (nval == 0 && ndef > 0)
		return true;
	/* cycle error, starting at the object first in source */
	uint32_t first = start;
	for (uint32_t i = start; i < c->objpath.n; i++)
		if (((Object *)c->objpath.v[i])->pos < ((Object *)c->objpath.v[first])->pos)
			first = i;
	Object *o = c->objpath.v[first];
	Buf b = {0};
	buf_printf(&b, "%s %s", o->kind == OBJ_TYPENAME ? "invalid recursive type" : "illegal cycle in declaration of", o->name);
	uint32_t k = first;
	for (uint32_t i = 0; i < n; i++) {
		Object *x = c->objpath.v[k];
		Position p = pos_adjusted(x->pos);
		buf_printf(&b, "\n\t%s:%d:%d: %s refers to", p.filename, p.line, p.col, x->name);
		k = k + 1 < c->objpath.n ? k + 1 : start;
	}
	Object *x = c->objpath.v[k];
	Position p = pos_adjusted(x->pos);
	buf_printf(&b, "\n\t%s:%d:%d: %s", p.filename, p.line, p.col, x->name);
	buf_putc(&b, 0);
	check_errorf(c, o->pos, "%s", b.p);
	buf_free(&b);
	return false;
}

static void const_decl(Checker *c, Object *obj, DeclInfo *d);
static void var_decl(Checker *c, Object *obj, DeclInfo *d);
static void type_decl(Checker *c, Object *obj, DeclInfo *d, Type *def);
static void func_decl(Checker *c, Object *obj, DeclInfo *d);
static void collect_methods(Checker *c, Object *obj);
static void valid_type(Checker *c, Type *t);

void check_obj_decl(Checker *c, Object *obj, Type *def)
{
	if (obj->color == COLOR_WHITE && obj->type) {
		obj->color = COLOR_BLACK;
		return;
	}
	if (obj->color == COLOR_BLACK)
		return;
	if (obj->color >= COLOR_GREY) {
		switch (obj->kind) {
		case OBJ_CONST:
		case OBJ_VAR:
			if (!valid_cycle(c, obj) || !obj->type)
				obj->type = typ_invalid;
			break;
		case OBJ_TYPENAME:
			if (!valid_cycle(c, obj))
				obj->type = typ_invalid;
			break;
		case OBJ_FUNC:
			valid_cycle(c, obj);
			break;
		}
		if (!obj->type)
			obj->type = typ_invalid;
		return;
	}
	DeclInfo *d = obj->decl;
	if (!d) {
		/* an object of another package or a local one: nothing to do */
		if (!obj->type)
			obj->type = typ_invalid;
		obj->color = COLOR_BLACK;
		return;
	}
	obj->color = (uint8_t)(COLOR_GREY + c->objpath.n);
	ptrvec_push(&c->objpath, obj);
	Env saved = c->env;
	memset(&c->env, 0, sizeof c->env);
	c->env.scope = d->file;
	if (obj->kind == OBJ_TYPENAME && d->file && d->file->kind != SCOPE_FILE) {
		/* a local type (stmt.c) sees the iota of an enclosing constant declaration */
		c->env.in_const = saved.in_const;
		c->env.iota = saved.iota;
	}
	switch (obj->kind) {
	case OBJ_CONST:
		c->env.decl = d;
		const_decl(c, obj, d);
		break;
	case OBJ_VAR:
		c->env.decl = d;
		var_decl(c, obj, d);
		break;
	case OBJ_TYPENAME:
		type_decl(c, obj, d, def);
		collect_methods(c, obj);
		break;
	case OBJ_FUNC:
		func_decl(c, obj, d);
		break;
	}
	c->env = saved;
	c->objpath.n--;
	obj->color = COLOR_BLACK;
}

static void const_decl(Checker *c, Object *obj, DeclInfo *d)
{
	c->env.in_const = true;
	c->env.iota = const_int64(d->iota);
	obj->val = const_unknown();
	if (d->vtype) {
		Type *t = check_type(c, d->vtype);
		if (!is_const_type(t)) {
			if (under(t) != typ_invalid)
				check_errorf(c, node_pos(d->vtype), "invalid constant type %s", type_str(c, t));
			obj->type = typ_invalid;
			return;
		}
		obj->type = t;
	}
	Operand x = {0};
	x.mode = MODE_INVALID;
	if (d->init) {
		if (d->inherited)
			c->env.pos = NoPos; /* errors go to the init expression; go/types uses the name's position */
		check_expr(c, &x, d->init, NULL);
	}
	check_init_const(c, obj, &x);
}

static void var_decl(Checker *c, Object *obj, DeclInfo *d)
{
	if (d->vtype)
		obj->type = check_var_type(c, d->vtype);
	if (!d->init) {
		if (!d->vtype)
			obj->type = typ_invalid;
		return;
	}
	if (!d->lhs || d->nlhs == 1) {
		check_init_vars(c, &obj, 1, &d->init, 1, NULL);
		return;
	}
	if (d->vtype)
		for (uint32_t i = 0; i < d->nlhs; i++)
			d->lhs[i]->type = obj->type;
	check_init_vars(c, d->lhs, d->nlhs, &d->init, 1, NULL);
	/* all lhs are now declared */
	for (uint32_t i = 0; i < d->nlhs; i++) {
		if (!d->lhs[i]->type)
			d->lhs[i]->type = typ_invalid;
		d->lhs[i]->color = COLOR_BLACK;
	}
}

static void type_decl(Checker *c, Object *obj, DeclInfo *d, Type *def)
{
	Node *ts = d->tdecl;
	if (ts->typespec.assign) {
		if (ts->typespec.typeparams && ts->typespec.typeparams->fieldlist.list.n) {
			check_errorf(c, ts->typespec.assign, "generic type cannot be alias");
		}
		obj->type = typ_invalid;
		Type *rhs = check_var_type(c, ts->typespec.type);
		obj->type = rhs;
		return;
	}
	Type *named = new_named(c->arena, obj, NULL);
	obj->type = named;
	named->named.check = c;
	if (def && def->kind == TY_NAMED && def->named.orig == def) {
		def->named.underlying = named;
		def->named.state = NAMED_RESOLVED;
	}
	if (ts->typespec.typeparams && ts->typespec.typeparams->fieldlist.list.n) {
		Scope *outer = c->env.scope;
		c->env.scope = new_scope(c->arena, outer, SCOPE_BLOCK, node_pos(ts), node_end(ts));
		check_record_scope(c, ts, c->env.scope);
		named->named.tparams = check_collect_tparams(c, ts->typespec.typeparams);
		Type *rhs = check_defined_type(c, ts->typespec.type, named);
		named->named.fromrhs = rhs;
		c->env.scope = outer;
	} else {
		Type *rhs = check_defined_type(c, ts->typespec.type, named);
		named->named.fromrhs = rhs;
	}
	if (!named->named.underlying) {
		named->named.underlying = typ_invalid;
		named->named.state = NAMED_RESOLVED;
	}
	if (named->named.fromrhs && named->named.fromrhs->kind == TY_TYPEPARAM) {
		check_errorf(c, node_pos(ts->typespec.type), "cannot use a type parameter as RHS in type declaration");
		named->named.underlying = typ_invalid;
	}
	/* resolve a chain of named types now (cycles become invalid) */
	under(named);
	valid_type(c, named);
}

/* go/types validType: a named type may not contain itself through
 * arrays and struct fields ("invalid recursive type"). */
static bool valid_type_rec(Checker *c, Type *t, PtrVec *path)
{
	switch (t->kind) {
	case TY_ARRAY:
		return valid_type_rec(c, t->array.elem, path);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			if (!valid_type_rec(c, t->struct_.fields[i]->type, path))
				return false;
		return true;
	case TY_NAMED: {
		if (!t->named.obj || t->named.obj->pkg != c->pkg || ptrmap_get(&c->validated, t))
			return true;
		for (uint32_t i = 0; i < path->n; i++) {
			if (path->v[i] != t)
				continue;
			Object *o = ((Type *)path->v[i])->named.obj;
			Buf b = {0};
			buf_printf(&b, "invalid recursive type %s", o->name);
			for (uint32_t k = i; k < path->n; k++) {
				Object *x = ((Type *)path->v[k])->named.obj;
				Position p = pos_adjusted(x->pos);
				buf_printf(&b, "\n\t%s:%d:%d: %s refers to", p.filename, p.line, p.col, x->name);
			}
			Position p = pos_adjusted(o->pos);
			buf_printf(&b, "\n\t%s:%d:%d: %s", p.filename, p.line, p.col, o->name);
			buf_putc(&b, 0);
			check_errorf(c, o->pos, "%s", b.p);
			buf_free(&b);
			for (uint32_t k = i; k < path->n; k++) {
				Type *n = path->v[k];
				if (n->named.orig == n)
					n->named.underlying = typ_invalid;
				ptrmap_put(&c->validated, n, n);
			}
			return false;
		}
		if (!t->named.underlying && t->named.orig == t)
			return true; /* still being declared */
		ptrvec_push(path, t);
		bool ok = valid_type_rec(c, under(t), path);
		path->n--;
		if (ok)
			ptrmap_put(&c->validated, t, t);
		return ok;
	}
	default:
		return true;
	}
}

static void valid_type(Checker *c, Type *t)
{
	PtrVec path = {0};
	valid_type_rec(c, t, &path);
	ptrvec_free(&path);
}

static void collect_methods(Checker *c, Object *obj)
{
	PtrVec *v = ptrmap_get(&c->methods, obj);
	if (!v || !v->n)
		return;
	Type *base = obj->type && obj->type->kind == TY_NAMED ? obj->type : NULL;
	Scope *mset = new_scope(&c->scratch, NULL, SCOPE_BLOCK, NoPos, NoPos);
	if (base) {
		Type *u = under(base);
		if (u->kind == TY_STRUCT)
			for (uint32_t i = 0; i < u->struct_.nfields; i++) {
				Object *f = u->struct_.fields[i];
				Object tmp = *f;
				Object *cp = arena_alloc(&c->scratch, sizeof *cp);
				*cp = tmp;
				cp->parent = NULL;
				scope_insert(&c->scratch, mset, cp);
			}
	}
	for (uint32_t i = 0; i < v->n; i++) {
		Object *m = v->v[i];
		Object *alt = scope_lookup(mset, m->name);
		if (alt) {
			if (alt->kind == OBJ_VAR)
				check_errorf(c, m->pos, "field and method with the same name %s%s", m->name, alt_decl(c, alt));
			else
				check_errorf(c, m->pos, "%s.%s redeclared in this block%s", obj->name, m->name, alt_decl(c, alt));
			continue;
		}
		Object *cp = arena_alloc(&c->scratch, sizeof *cp);
		*cp = *m;
		cp->parent = NULL;
		scope_insert(&c->scratch, mset, cp);
		if (base)
			named_add_method(c->arena, base, m);
	}
	v->n = 0;
}

typedef struct BodyArgs {
	Object *obj;
} BodyArgs;

static void func_body_later(Checker *c, void *arg)
{
	Object *obj = arg;
	Node *fd = obj->decl->fdecl;
	check_func_body(c, obj->decl, obj->name, obj->type, fd->funcdecl.body, const_unknown());
}

static void func_decl(Checker *c, Object *obj, DeclInfo *d)
{
	Type *sig = new_signature(c->arena, NULL, NULL, NULL, false);
	obj->type = sig;
	uint8_t saved = obj->color;
	obj->color = COLOR_BLACK;
	Node *fd = d->fdecl;
	check_func_type(c, sig, fd->funcdecl.recv, fd->funcdecl.type);
	obj->color = saved;
	if (fd->funcdecl.type->functype.typeparams && fd->funcdecl.type->functype.typeparams->fieldlist.list.n && !fd->funcdecl.body)
		check_softerrorf(c, fd->funcdecl.name->ident.namepos, "parameterized function is missing function body");
	if (!c->ignore_bodies && fd->funcdecl.body)
		check_later(c, func_body_later, obj);
}

/* ---- local declarations (for stmt.c) ---- */

void check_decl_stmt(Checker *c, Node *decl)
{
	/* Implemented with the statement checker; package-level code does not need it. */
	(void)c;
	(void)decl;
}

/* ---- the package ---- */

static int cmp_order(const void *a, const void *b)
{
	const Object *x = *(Object *const *)a, *y = *(Object *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

static void package_objects(Checker *c)
{
	uint32_t n = c->objs.n;
	Object **list = xmalloc((n + 1) * sizeof *list);
	if (n)
		memcpy(list, c->objs.v, n * sizeof *list);
	qsort(list, n, sizeof *list, cmp_order);
	for (uint32_t i = 0; i < n; i++)
		if (list[i]->kind == OBJ_TYPENAME && !(list[i]->flags & OF_ALIAS))
			check_obj_decl(c, list[i], NULL);
	for (uint32_t i = 0; i < n; i++)
		if (list[i]->kind == OBJ_TYPENAME && (list[i]->flags & OF_ALIAS))
			check_obj_decl(c, list[i], NULL);
	for (uint32_t i = 0; i < n; i++)
		if (list[i]->kind != OBJ_TYPENAME)
			check_obj_decl(c, list[i], NULL);
	free(list);
}


int checker_run(Checker *c)
{
	collect_objects(c);
	package_objects(c);
	process_delayed(c, 0);
	check_init_order(c);
	check_unused_imports(c);
	c->pkg->complete = true;
	return c->nerrors;
}
