/*
 * unused.c — unused imports (go/types unusedImports / errorUnusedPkg), in
 * gc's wording:
 *
 *   imported and not used: "fmt"
 *   imported and not used: "os" as xx      (renamed: the name differs from
 *                                            the path's last element)
 *
 * Named and plain imports are package-name objects in the file scopes,
 * marked used by qualified identifiers.  Dot-imports put the package's
 * objects straight into the file scope, so their use is found by looking
 * at the file's identifiers: one that names an object of the imported
 * package through the file scope uses the import.  Reported only when
 * function bodies were checked (otherwise uses are missing), as go/types.
 */
#include "types.h"

static void report(Checker *c, Pos pos, const char *path, const char *name)
{
	const char *elem = strrchr(path, '/');
	elem = elem ? elem + 1 : path;
	if (!name || !name[0] || (name[0] == '.' && !name[1]) || strcmp(name, elem) == 0)
		check_softerrorf(c, pos, "imported and not used: \"%s\"", path);
	else
		check_softerrorf(c, pos, "imported and not used: \"%s\" as %s", path, name);
}

/* does any identifier under n name an object of imp through file scope fs? */
static bool uses_dot_import(Node *n, Scope *fs, TPackage *imp)
{
	if (!n)
		return false;
	if (n->kind == N_Ident) {
		const char *name = intern_s(n->ident.name);
		Object *o = scope_lookup(fs, name);
		return o && o->pkg == imp;
	}
	if (n->kind == N_SelectorExpr)
		return uses_dot_import(n->selector.x, fs, imp);
	/* declared names are no uses */
	switch (n->kind) {
	case N_Field:
		return uses_dot_import(n->field.type, fs, imp);
	case N_ValueSpec:
		if (uses_dot_import(n->valuespec.type, fs, imp))
			return true;
		for (uint32_t i = 0; i < n->valuespec.values.n; i++)
			if (uses_dot_import(n->valuespec.values.v[i], fs, imp))
				return true;
		return false;
	case N_TypeSpec:
		return uses_dot_import(n->typespec.typeparams, fs, imp) || uses_dot_import(n->typespec.type, fs, imp);
	case N_FuncDecl:
		return uses_dot_import(n->funcdecl.recv, fs, imp) || uses_dot_import(n->funcdecl.type, fs, imp) ||
		       uses_dot_import(n->funcdecl.body, fs, imp);
	case N_LabeledStmt:
		return uses_dot_import(n->labeled.stmt, fs, imp);
	case N_BranchStmt:
		return false;
	case N_AssignStmt:
		if (n->assign.tok == TOK_DEFINE) {
			for (uint32_t i = 0; i < n->assign.rhs.n; i++)
				if (uses_dot_import(n->assign.rhs.v[i], fs, imp))
					return true;
			return false;
		}
		break;
	default:
		break;
	}
	if (n->kind == N_CompositeLit) {
		/* a bare identifier key is (almost always) a field name, not a use */
		if (uses_dot_import(n->composite.type, fs, imp))
			return true;
		for (uint32_t i = 0; i < n->composite.elts.n; i++) {
			Node *e = n->composite.elts.v[i];
			if (e->kind == N_KeyValueExpr && e->keyvalue.key->kind == N_Ident)
				e = e->keyvalue.value;
			if (uses_dot_import(e, fs, imp))
				return true;
		}
		return false;
	}
	const NodeDesc *d = &node_descs[n->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *f = &d->fields[i];
		char *base = (char *)n + f->off;
		if (f->kind == F_NODE) {
			if (uses_dot_import(*(Node **)base, fs, imp))
				return true;
		} else if (f->kind == F_LIST) {
			List *l = (List *)base;
			for (uint32_t k = 0; k < l->n; k++)
				if (uses_dot_import(l->v[k], fs, imp))
					return true;
		}
	}
	return false;
}

static TPackage *imported_by_path(Checker *c, const char *path)
{
	for (uint32_t i = 0; i < c->pkg->nimports; i++)
		if (strcmp(c->pkg->imports[i]->path, path) == 0)
			return c->pkg->imports[i];
	return NULL;
}

static const char *spec_path(Checker *c, Node *spec)
{
	Node *lit = spec->importspec.path;
	Const v = const_from_literal(&c->scratch, TOK_STRING, lit->lit.value.p, lit->lit.value.n);
	if (const_kind(v) != CONST_STRING)
		return NULL;
	size_t n;
	const char *s = const_string_val(v, &n);
	return arena_strndup(&c->scratch, s, n);
}

void check_unused_imports(Checker *c)
{
	if (c->ignore_bodies || !c->filescopes)
		return;
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Node *file = c->files[fi];
		Scope *fs = c->filescopes[fi];
		for (uint32_t di = 0; di < file->file.decls.n; di++) {
			Node *d = file->file.decls.v[di];
			if (d->kind != N_GenDecl || d->gendecl.tok != TOK_IMPORT)
				continue;
			for (uint32_t si = 0; si < d->gendecl.specs.n; si++) {
				Node *spec = d->gendecl.specs.v[si];
				Node *nid = spec->importspec.name;
				const char *path = spec_path(c, spec);
				if (!path || !path[0] || strcmp(path, "C") == 0)
					continue;
				if (nid && nid->ident.name.n == 1 && nid->ident.name.p[0] == '_')
					continue;
				if (nid && nid->ident.name.n == 1 && nid->ident.name.p[0] == '.') {
					TPackage *imp = strcmp(path, "unsafe") == 0 ? unsafe_pkg : imported_by_path(c, path);
					if (!imp)
						continue;
					bool used = false;
					for (uint32_t k = 0; k < file->file.decls.n && !used; k++) {
						Node *dk = file->file.decls.v[k];
						if (dk->kind == N_GenDecl && dk->gendecl.tok == TOK_IMPORT)
							continue;
						used = uses_dot_import(dk, fs, imp);
					}
					if (!used)
						report(c, nid->ident.namepos, path, ".");
					continue;
				}
				/* the package-name object declared for this spec */
				Pos pos = nid ? nid->ident.namepos : node_pos(spec->importspec.path);
				Object *obj = NULL;
				for (uint32_t i = 0; i < fs->cap && !obj; i++) {
					Object *o = fs->slots[i];
					if (o && o->kind == OBJ_PKGNAME && o->pos == pos)
						obj = o;
				}
				if (obj) {
					if (!(obj->flags & OF_USED) && !(obj->imported && obj->imported->fake))
						report(c, pos, obj->imported ? obj->imported->path : path, obj->name);
					continue;
				}
				/* not declared (a redeclaration): unused, as go/types has it */
				TPackage *imp = strcmp(path, "unsafe") == 0 ? unsafe_pkg : imported_by_path(c, path);
				const char *name = nid ? intern_s(nid->ident.name) : imp ? imp->name : NULL;
				if (imp && !imp->fake && name && strcmp(name, "init") != 0)
					report(c, pos, path, name);
			}
		}
	}
}
