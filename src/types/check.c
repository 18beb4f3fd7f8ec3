/*
 * check.c — the checker's driver (go/types check.go, resolver.go,
 * decl.go): collects the package-level objects of all files, resolves
 * imports, declares everything in package and file scopes (with gc's
 * redeclaration errors), then type-checks each package-level object on
 * demand with cycle detection (objDecl), runs the delayed actions and
 * hands function bodies to check_func_body.
 */
#include "types.h"
#include "../syntax/unicode.h"
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
	if (c->env.errpos)
		pos = c->env.errpos; /* types2: errors in an inherited init expression go to the constant */
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
	ptrmap_free(&c->cyclic);
	mono_free(c);
	ptrmap_free(&c->recv_tparams);
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

/* types2 validatedImportPath: NULL if the path is valid, else why not */
static const char *bad_import_path(Checker *c, const char *s, size_t n)
{
	if (n == 0)
		return "empty string";
	static const char illegal[] = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
	for (size_t i = 0; i < n;) {
		int w;
		uint32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
		if (!uni_is_print(r) || r == ' ' || r == RUNE_ERROR || (r < 0x80 && r && strchr(illegal, (int)r))) {
			/* %#U: U+0021 '!' (the character only if printable; an
			 * invalid byte is U+FFFD) */
			Buf b = {0};
			buf_printf(&b, "invalid character U+%04X", r);
			if (r == RUNE_ERROR)
				buf_puts(&b, " '\xef\xbf\xbd'");
			else if (go_isprint(r))
				buf_printf(&b, " '%.*s'", w, s + i);
			const char *msg = arena_strndup(&c->scratch, b.p, b.n);
			buf_free(&b);
			return msg;
		}
		i += (size_t)w;
	}
	return NULL;
}

/* Go's path.Clean (for gc's "non-canonical import path") */
static const char *clean_path(Checker *c, const char *path)
{
	size_t n = strlen(path);
	char *out = arena_alloc(&c->scratch, n + 2);
	size_t w = 0, r = 0, dotdot = 0;
	bool rooted = path[0] == '/';
	if (rooted)
		out[w++] = '/', r = 1, dotdot = 1;
	while (r < n) {
		if (path[r] == '/') {
			r++;
		} else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
			r++;
		} else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/')
					w--;
			} else if (!rooted) {
				if (w > 0)
					out[w++] = '/';
				out[w++] = '.';
				out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0))
				out[w++] = '/';
			for (; r < n && path[r] != '/'; r++)
				out[w++] = path[r];
		}
	}
	if (w == 0)
		out[w++] = '.';
	out[w] = 0;
	return out;
}

static const char *unquote_path(Checker *c, Node *lit, const char **bad)
{
	*bad = NULL;
	Const v = const_from_literal(&c->scratch, TOK_STRING, lit->lit.value.p, lit->lit.value.n);
	if (const_kind(v) != CONST_STRING) {
		*bad = "invalid syntax";
		return NULL;
	}
	size_t n;
	const char *s = const_string_val(v, &n);
	*bad = bad_import_path(c, s, n);
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
	const char *bad;
	const char *path = unquote_path(c, spec->importspec.path, &bad);
	if (bad) {
		check_errorf(c, node_pos(spec->importspec.path), "invalid import path (%s)", bad);
		return;
	}
	if (path[0] == '/') {
		check_errorf(c, node_pos(spec->importspec.path), "could not import %s (import path cannot be absolute path)", path);
		return;
	}
	if (path[0] != '.') {
		const char *clean = clean_path(c, path);
		if (strcmp(clean, path) != 0) {
			check_errorf(c, node_pos(spec->importspec.path), "could not import %s (non-canonical import path \"%s\" (should be \"%s\"))",
				path, path, clean);
			return;
		}
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
						if (last)
							check_arity(c, node_pos(s->valuespec.names.v[0]), s->valuespec.names, last->valuespec.values, true, inherited);
						else
							check_errorf(c, node_pos(s->valuespec.names.v[0]), "missing init expr for %s", intern_s(s->valuespec.names.v[0]->ident.name));
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
						if (!s->valuespec.type || nv > 0)
							check_arity(c, node_pos(s->valuespec.names.v[0]), s->valuespec.names, s->valuespec.values, false, false);
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

/* go/types cycleError: reports the cycle of n objects starting at the
 * one first in source */
static void cycle_error(Checker *c, Object **cycle, uint32_t n)
{
	uint32_t first = 0;
	for (uint32_t i = 1; i < n; i++)
		if (cycle[i]->pos < cycle[first]->pos)
			first = i;
	Object *o = cycle[first];
	Buf b = {0};
	buf_printf(&b, "%s %s", o->kind == OBJ_TYPENAME ? "invalid recursive type" : "illegal cycle in declaration of", o->name);
	uint32_t k = first;
	for (uint32_t i = 0; i < n; i++) {
		Object *x = cycle[k];
		Position p = pos_adjusted(x->pos);
		buf_printf(&b, "\n\t%s:%d:%d: %s refers to", p.filename, p.line, p.col, x->name);
		k = k + 1 < n ? k + 1 : 0;
	}
	Object *x = cycle[k];
	Position p = pos_adjusted(x->pos);
	buf_printf(&b, "\n\t%s:%d:%d: %s", p.filename, p.line, p.col, x->name);
	buf_putc(&b, 0);
	check_errorf(c, o->pos, "%s", b.p);
	buf_free(&b);
}

static bool valid_cycle(Checker *c, Object *obj)
{
	uint32_t start = obj->color - COLOR_GREY;
	uint32_t n = c->objpath.n - start, nval = 0, ndef = 0;
	bool tparcycle = false; /* through a type parameter list: invalid */
	for (uint32_t i = start; i < c->objpath.n && !tparcycle; i++) {
		Object *o = c->objpath.v[i];
		if (o->kind == OBJ_TYPENAME && c->env.in_tparam_list && o->type && is_generic(o->type))
			tparcycle = true;
		else if (o->kind == OBJ_CONST || o->kind == OBJ_VAR)
			nval++;
		else if (o->kind == OBJ_TYPENAME && !(o->flags & OF_ALIAS))
			ndef++;
	}
	if (!tparcycle && nval == n)
		return true;
	if (!tparcycle && nval == 0 && ndef > 0)
		return true;
	cycle_error(c, (Object **)c->objpath.v + start, n);
	return false;
}

static void const_decl(Checker *c, Object *obj, DeclInfo *d);
static void var_decl(Checker *c, Object *obj, DeclInfo *d);
static void type_decl(Checker *c, Object *obj, DeclInfo *d, Type *def);
static void func_decl(Checker *c, Object *obj, DeclInfo *d);
static void collect_methods(Checker *c, Object *obj);
static void valid_type(Checker *c, Type *t);
static void resolve_chain(Checker *c, Type *n0);
static void valid_type_later(Checker *c, void *arg);

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
			c->env.errpos = obj->pos; /* as types2: the expression is elsewhere */
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
		check_collect_tparams(c, ts->typespec.typeparams, &named->named.tparams);
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
	resolve_chain(c, named);
	under(named);
	valid_type(c, named);
	if (!ptrmap_get(&c->validated, named) && under(named) != typ_invalid)
		check_later(c, valid_type_later, named);
}

/* go/types Named.under: the underlying type of a chain of defined types
 * of this package (type A B; type B C ...) is the first one that is not a
 * defined type; a chain that comes back on itself is an invalid recursive
 * type, and every type on it gets an invalid underlying type. */
static void resolve_chain(Checker *c, Type *n0)
{
	Type *u = n0->named.underlying;
	if (!u || u->kind != TY_NAMED)
		return;
	PtrVec seen = {0};
	Type *n = n0;
	for (;;) {
		if (n->named.orig != n || !n->named.obj || n->named.obj->pkg != c->pkg)
			break; /* instances and imported types resolve themselves */
		ptrvec_push(&seen, n);
		Type *n1 = n->named.underlying;
		uint32_t i = 0;
		while (i < seen.n && seen.v[i] != n1)
			i++;
		if (i < seen.n) {
			Object **cycle = arena_alloc(&c->scratch, (seen.n - i) * sizeof *cycle);
			for (uint32_t k = i; k < seen.n; k++)
				cycle[k - i] = ((Type *)seen.v[k])->named.obj;
			cycle_error(c, cycle, seen.n - i);
			u = typ_invalid;
			break;
		}
		n = n1;
		u = n->named.underlying;
		if (!u || u->kind != TY_NAMED)
			break;
	}
	if (u && u->kind == TY_NAMED)
		u = NULL; /* left to under() */
	for (uint32_t k = 0; u && k < seen.n; k++) {
		((Type *)seen.v[k])->named.underlying = u;
		if (u == typ_invalid)
			ptrmap_put(&c->cyclic, seen.v[k], seen.v[k]);
	}
	ptrvec_free(&seen);
}

/* types2 validType: a named type may not contain itself (through arrays,
 * struct fields, embedded interfaces and union terms, also through the type
 * arguments of instances): "invalid recursive type".  nest is the stack of
 * types whose memory contains the current one, path the whole chain of
 * named types (for the message).  Unlike types2, which runs it as a delayed
 * action, goc runs it at once at the end of each type declaration (so that
 * sizes and method sets never see a cyclic type) and again delayed: a type
 * whose RHS is still being declared is "incomplete", neither valid nor
 * invalid yet. */
enum { VT_INVALID, VT_VALID, VT_INCOMPLETE };

static int valid_type0(Checker *c, Type *t, PtrVec *nest, PtrVec *path, int depth)
{
	if (!t || depth > 1000)
		return VT_VALID;
	switch (t->kind) {
	case TY_ARRAY:
		return valid_type0(c, t->array.elem, nest, path, depth + 1);
	case TY_STRUCT: {
		int r = VT_VALID;
		for (uint32_t i = 0; i < t->struct_.nfields; i++) {
			int k = valid_type0(c, t->struct_.fields[i]->type, nest, path, depth + 1);
			if (k == VT_INVALID)
				return k;
			if (k == VT_INCOMPLETE)
				r = k;
		}
		return r;
	}
	case TY_UNION: {
		int r = VT_VALID;
		for (uint32_t i = 0; i < t->union_.n; i++) {
			int k = valid_type0(c, t->union_.terms[i].type, nest, path, depth + 1);
			if (k == VT_INVALID)
				return k;
			if (k == VT_INCOMPLETE)
				r = k;
		}
		return r;
	}
	case TY_INTERFACE: {
		int r = VT_VALID;
		for (uint32_t i = 0; i < t->iface.nembeddeds; i++) {
			int k = valid_type0(c, t->iface.embeddeds[i], nest, path, depth + 1);
			if (k == VT_INVALID)
				return k;
			if (k == VT_INCOMPLETE)
				r = k;
		}
		return r;
	}
	case TY_NAMED: {
		if (ptrmap_get(&c->validated, t))
			return VT_VALID;
		Type *orig = t->named.orig ? t->named.orig : t;
		if (!orig->named.obj || (orig->named.obj->pkg != c->pkg && t->named.targs.n == 0))
			return VT_VALID; /* imported and not an instance: checked with its package */
		if (orig->named.obj->pkg == c->pkg && !orig->named.underlying)
			return VT_INCOMPLETE; /* still being declared */
		if (t == orig && t->named.underlying == typ_invalid)
			return VT_INVALID; /* reported before (e.g. by resolve_chain) */
		for (uint32_t i = 0; i < nest->n; i++) {
			if (!identical(nest->v[i], t))
				continue;
			if (t == orig) {
				t->named.underlying = typ_invalid;
				ptrmap_put(&c->cyclic, t, t);
			}
			for (uint32_t start = 0; start < path->n; start++) {
				if (!identical(path->v[start], t))
					continue;
				uint32_t n = path->n - start;
				Object **cycle = arena_alloc(&c->scratch, n * sizeof *cycle);
				for (uint32_t k = 0; k < n; k++) {
					Type *x = path->v[start + k];
					cycle[k] = x->named.obj;
				}
				cycle_error(c, cycle, n);
				for (uint32_t k = start; k < path->n; k++) {
					Type *x = path->v[k];
					if (x->named.orig == x && x->named.obj && x->named.obj->pkg == c->pkg) {
						x->named.underlying = typ_invalid;
						ptrmap_put(&c->cyclic, x, x);
					}
				}
				return VT_INVALID;
			}
			return VT_INVALID;
		}
		Type *rhs = orig->named.fromrhs;
		if (!rhs)
			return orig->named.obj->pkg == c->pkg ? VT_INCOMPLETE : VT_VALID;
		ptrvec_push(nest, t);
		ptrvec_push(path, t);
		int r = valid_type0(c, rhs, nest, path, depth + 1);
		nest->n--;
		path->n--;
		if (r == VT_VALID)
			ptrmap_put(&c->validated, t, t);
		return r;
	}
	case TY_TYPEPARAM:
		/* stands for the type argument of the innermost instance, to be
		 * checked in the nest outside that instance */
		if (nest->n > 0) {
			Type *inst = nest->v[nest->n - 1];
			Type *orig = inst->named.orig ? inst->named.orig : inst;
			for (uint32_t i = 0; i < orig->named.tparams.n; i++)
				if (orig->named.tparams.v[i] == t && i < inst->named.targs.n) {
					PtrVec outer = *nest;
					outer.n--;
					int r = valid_type0(c, inst->named.targs.v[i], &outer, path, depth + 1);
					return r;
				}
		}
		return VT_VALID;
	default:
		return VT_VALID;
	}
}

static void valid_type(Checker *c, Type *t)
{
	PtrVec nest = {0}, path = {0};
	valid_type0(c, t, &nest, &path, 0);
	ptrvec_free(&nest);
	ptrvec_free(&path);
}

static void valid_type_later(Checker *c, void *arg)
{
	valid_type(c, arg);
}

/* types2 checkFieldUniqueness (delayed): a method may not have the name of
 * a field; reported at the method, and the method stays */
static void check_field_uniqueness(Checker *c, void *arg)
{
	Type *base = arg;
	Type *u = under(base);
	if (u->kind != TY_STRUCT)
		return;
	for (uint32_t i = 0; i < u->struct_.nfields; i++) {
		Object *f = u->struct_.fields[i];
		if (!strcmp(f->name, "_"))
			continue;
		for (uint32_t k = 0; k < base->named.nmethods; k++) {
			Object *m = base->named.methods[k];
			if (m->name == f->name || !strcmp(m->name, f->name)) {
				check_errorf(c, m->pos, "field and method with the same name %s%s", f->name, alt_decl(c, f));
				break;
			}
		}
	}
}

static void collect_methods(Checker *c, Object *obj)
{
	PtrVec *v = ptrmap_get(&c->methods, obj);
	if (!v || !v->n)
		return;
	Type *base = obj->type && obj->type->kind == TY_NAMED ? obj->type : NULL;
	Scope *mset = new_scope(&c->scratch, NULL, SCOPE_BLOCK, NoPos, NoPos);
	if (base) {
		check_later(c, check_field_uniqueness, base);
		for (uint32_t i = 0; i < base->named.nmethods; i++) {
			Object *cp = arena_alloc(&c->scratch, sizeof *cp);
			*cp = *base->named.methods[i];
			cp->parent = NULL;
			scope_insert(&c->scratch, mset, cp);
		}
	}
	for (uint32_t i = 0; i < v->n; i++) {
		Object *m = v->v[i];
		Object *alt = scope_lookup(mset, m->name);
		if (alt) {
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

/* gc's parser: "method has no receiver", "method has multiple receivers"
 * (at the name); only the first receiver is kept */
static Node *one_receiver(Checker *c, Node *fd)
{
	Node *recv = fd->funcdecl.recv;
	if (!recv)
		return NULL;
	uint32_t n = 0;
	for (uint32_t i = 0; i < recv->fieldlist.list.n; i++) {
		uint32_t k = recv->fieldlist.list.v[i]->field.names.n;
		n += k ? k : 1;
	}
	if (n == 0) {
		check_errorf(c, fd->funcdecl.name->ident.namepos, "method has no receiver");
		return recv;
	}
	if (n == 1)
		return recv;
	check_errorf(c, fd->funcdecl.name->ident.namepos, "method has multiple receivers");
	Node *r = arena_alloc(&c->scratch, sizeof *r), *f = arena_alloc(&c->scratch, sizeof *f);
	*r = *recv;
	*f = *recv->fieldlist.list.v[0];
	r->fieldlist.list.v = arena_alloc(&c->scratch, sizeof(Node *));
	r->fieldlist.list.v[0] = f;
	r->fieldlist.list.n = 1;
	if (f->field.names.n > 1)
		f->field.names.n = 1;
	return r;
}

static void func_decl(Checker *c, Object *obj, DeclInfo *d)
{
	Type *sig = new_signature(c->arena, NULL, NULL, NULL, false);
	obj->type = sig;
	uint8_t saved = obj->color;
	obj->color = COLOR_BLACK;
	Node *fd = d->fdecl;
	check_func_type(c, sig, one_receiver(c, fd), fd->funcdecl.type);
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
	for (uint32_t i = 0; i < c->nfiles; i++) {
		Node *name = c->files[i]->file.name;
		if (name && !strcmp(intern_s(name->ident.name), "_"))
			check_errorf(c, name->ident.namepos, "invalid package name _");
	}
	collect_objects(c);
	package_objects(c);
	process_delayed(c, 0);
	check_init_order(c);
	check_unused_imports(c);
	if (c->nerrors == 0)
		check_monomorph(c);
	/* gc's noder runs only on packages types2 accepted */
	if (c->nerrors == 0)
		for (uint32_t i = 0; i < c->localtypes_generic.n; i++)
			check_errorf(c, (Pos)(uintptr_t)c->localtypes_generic.v[i],
				     "type declarations inside generic functions are not currently supported");
	ptrvec_free(&c->localtypes_generic);
	c->pkg->complete = true;
	return c->nerrors;
}
