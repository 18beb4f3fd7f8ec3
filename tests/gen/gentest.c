/*
 * gentest.c — type-checks the Go package in DIR (tests/gen/testdata) with
 * goc's loader and checker (as src/driver/check.c does), picks the types
 * to describe (every named type of the package except generic ones and
 * those named z*, the types of the vars named v*, in name order) and the
 * itabs (for each type zitab* struct { c C; i I }: C's itab for I), and
 *
 *   gentest -list DIR               prints them as Go source for the
 *                                   oracle's zlist.go ("type EXPR",
 *                                   "itab CEXPR IEXPR")
 *   gentest DIR WALKER.o OUT        emits their descriptors with
 *                                   src/gen, defines stand-ins for the
 *                                   code they refer to, and links them
 *                                   with the walker into OUT
 */
#include "../../src/base/base.h"
#include "../../src/driver/driver.h"
#include "../../src/gen/typedesc.h"
#include "../../src/link/link.h"
#include "../../src/load/load.h"
#include "../../src/syntax/syntax.h"
#include "../../src/types/types.h"

#include <unistd.h>

static PtrMap tpkgs;
static Package *curpkg;
static Arena arena;
static DiagList diags;
static bool bodies; /* -locals: check function bodies */

static TPackage *importer(void *ctx, const char *path)
{
	(void)ctx;
	for (int i = 0; i < curpkg->nimports; i++)
		if (strcmp(curpkg->imports[i].path, path) == 0 && curpkg->imports[i].pkg)
			return ptrmap_get(&tpkgs, curpkg->imports[i].pkg);
	return NULL;
}

static TPackage *check(Package *p)
{
	if (strcmp(p->path, "unsafe") == 0) {
		universe_init();
		ptrmap_put(&tpkgs, p, unsafe_pkg);
		return unsafe_pkg;
	}
	Arena *ast = xcalloc(1, sizeof *ast); /* kept: the checker's results point into it */
	arena_init(ast);
	Node **files = xmalloc((size_t)(p->gofiles.n + 1) * sizeof *files);
	uint32_t nf = 0;
	for (int i = 0; i < p->gofiles.n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", p->dir, p->gofiles.v[i]);
		size_t len;
		char *src = read_file(path, &len);
		if (!src)
			fatal("cannot read %s", path);
		SrcFile *f = fileset_add(xstrdup(path), (uint32_t)len);
		ParsedFile pf = parse_file(f, src, (uint32_t)len, &diags, ast);
		if (pf.ast)
			files[nf++] = pf.ast;
	}
	/* gc compiles package main with -p main: its symbols are main.X */
	bool ismain = p->name && strcmp(p->name, "main") == 0;
	TPackage *tp = new_package(&arena, ismain ? "main" : p->path, p->name ? p->name : "");
	Checker c;
	curpkg = p;
	checker_init(&c, &arena, tp, files, nf, &sizes_amd64, &diags, importer, NULL);
	c.ignore_bodies = !bodies;
	checker_run(&c);
	checker_free(&c);
	if (diag_flush(&diags) > 0)
		exit(1);
	ptrmap_put(&tpkgs, p, tp);
	return tp;
}

typedef struct Item {
	Type *t, *iface; /* iface: an itab */
} Item;

static int pick(TPackage *pkg, Item *items, int max)
{
	uint32_t n;
	Object **objs = scope_sorted(&arena, pkg->scope, &n);
	int k = 0;
	/* named types, then vars, then itabs */
	for (uint32_t i = 0; i < n && k < max; i++) {
		Object *o = objs[i];
		if (o->kind == OBJ_TYPENAME && !(o->flags & OF_ALIAS) && o->name[0] != 'z' && !is_generic(o->type))
			items[k++] = (Item){o->type, NULL};
	}
	for (uint32_t i = 0; i < n && k < max; i++) {
		Object *o = objs[i];
		if (o->kind == OBJ_VAR && o->name[0] == 'v')
			items[k++] = (Item){o->type, NULL};
	}
	for (uint32_t i = 0; i < n && k < max; i++) {
		Object *o = objs[i];
		if (o->kind == OBJ_TYPENAME && strncmp(o->name, "zitab", 5) == 0) {
			Type *u = under(o->type);
			items[k++] = (Item){u->struct_.fields[0]->type, u->struct_.fields[1]->type};
		}
	}
	return k;
}

static bool linker_defined(const char *n)
{
	static const char *const names[] = {"runtime.types", "runtime.etypes", "runtime.text", "runtime.etext",
					    "runtime.rodata", "runtime.erodata"};
	for (size_t i = 0; i < NELEM(names); i++)
		if (strcmp(n, names[i]) == 0)
			return true;
	return false;
}

/* The code and records descriptors refer to, as stand-ins holding their
 * own names: "X·f" records {0, "X", 0}, everything else text "X". */
static void standins(Link *l)
{
	uint32_t n = l->all.n;
	for (uint32_t i = 0; i < n; i++) {
		LinkSym *s = l->all.v[i];
		if (s->kind != LK_UNDEF || (s->flags & LF_LOCAL) || linker_defined(s->name))
			continue;
		size_t len = strlen(s->name);
		if (len > 3 && strcmp(s->name + len - 3, "·f") == 0) {
			Buf b = {0};
			buf_put(&b, s->name, len - 3);
			buf_putc(&b, 0);
			LinkSym *str = link_add_symbol(l, b.p, LK_RODATA, 1, b.p, b.n, LF_LOCAL);
			buf_free(&b);
			uint64_t rec[3] = {0};
			link_define(l, s, LK_RODATA, 8, rec, sizeof rec, 0);
			link_add_reloc(l, s, 8, LR_ADDR, 8, str, 0);
		} else {
			link_define(l, s, LK_TEXT, 16, s->name, len + 1, 0);
		}
	}
}

static void locals(Scope *s, PtrVec *v)
{
	if (s->kind != SCOPE_FILE && s->kind != SCOPE_PACKAGE)
		for (uint32_t i = 0; i < s->cap; i++) {
			Object *o = s->slots[i];
			if (o && o->kind == OBJ_TYPENAME && o->type && o->type->kind == TY_NAMED && o->type->named.obj == o)
				ptrvec_push(v, o);
		}
	for (uint32_t i = 0; i < s->nchildren; i++)
		locals(s->children[i], v);
}

/* -exports PKG...: "PKGNAME.Type" for every exported, non-generic
 * defined type of the packages */
static int exports(int npats, char **pats)
{
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		fatal("getcwd");
	BuildCtx ctx;
	buildctx_init(&ctx, "linux", "amd64", false, NULL);
	Loader ld;
	if (!loader_init(&ld, goc_goroot(), cwd, &ctx))
		return 1;
	int nroots, n;
	Package **roots = load_patterns(&ld, pats, npats, &nroots);
	Package **pkgs = load_deps_order(&ld, roots, nroots, &n);
	if (load_print_errors(&ld, pkgs, n, stderr) > 0)
		return 1;
	arena_init(&arena);
	diag_init(&diags, 10);
	diags.out = stderr;
	for (int i = 0; i < n; i++) {
		TPackage *tp = check(pkgs[i]);
		for (int r = 0; r < nroots; r++) {
			if (pkgs[i] != roots[r])
				continue;
			uint32_t no;
			Object **objs = scope_sorted(&arena, tp->scope, &no);
			for (uint32_t k = 0; k < no; k++) {
				Object *o = objs[k];
				if (o->kind == OBJ_TYPENAME && obj_exported(o) && !(o->flags & OF_ALIAS) && !is_generic(o->type))
					printf("%s %s.%s\n", tp->path, tp->name, o->name);
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "-exports") == 0)
		return exports(argc - 2, argv + 2);
	bool list = argc == 3 && strcmp(argv[1], "-list") == 0;
	bodies = argc == 3 && strcmp(argv[1], "-locals") == 0;
	if (!list && !bodies && argc != 4) {
		fprintf(stderr, "usage: gentest -list DIR | gentest -locals DIR | gentest DIR WALKER.o OUT\n");
		return 2;
	}
	const char *dir = list || bodies ? argv[2] : argv[1];
	if (chdir(dir) != 0)
		fatal("cannot chdir to %s", dir);
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		fatal("getcwd");
	BuildCtx ctx;
	buildctx_init(&ctx, "linux", "amd64", false, NULL);
	Loader ld;
	if (!loader_init(&ld, goc_goroot(), cwd, &ctx))
		return 1;
	char *pats[] = {"."};
	int nroots, n;
	Package **roots = load_patterns(&ld, pats, 1, &nroots);
	Package **pkgs = load_deps_order(&ld, roots, nroots, &n);
	if (load_print_errors(&ld, pkgs, n, stderr) > 0)
		return 1;
	arena_init(&arena);
	diag_init(&diags, 10);
	diags.out = stderr;
	TPackage *mainpkg = NULL;
	for (int i = 0; i < n; i++) {
		TPackage *tp = check(pkgs[i]);
		if (pkgs[i] == roots[0])
			mainpkg = tp;
	}
	if (bodies) { /* the symbol names of *T for the local types T */
		PtrVec v = {0};
		locals(mainpkg->scope, &v);
		Arena a;
		arena_init(&a);
		for (uint32_t i = 0; i < v.n; i++) {
			Buf b = {0};
			typestr_symname(&b, new_pointer(&a, ((Object *)v.v[i])->type), false);
			printf("%.*s\n", (int)b.n, b.p);
			buf_free(&b);
		}
		return 0;
	}
	Item items[512];
	int ni = pick(mainpkg, items, 512);
	if (list) {
		Qualifier q = {mainpkg, true, false};
		Buf b = {0};
		for (int i = 0; i < ni; i++) {
			b.n = 0;
			buf_puts(&b, items[i].iface ? "itab " : "type ");
			write_type(&b, items[i].t, &q);
			if (items[i].iface) {
				buf_putc(&b, '\t');
				write_type(&b, items[i].iface, &q);
			}
			printf("%.*s\n", (int)b.n, b.p);
		}
		return 0;
	}
	Link *l = link_new();
	TypeGen *g = typedesc_new(l);
	int nt = 0;
	for (int i = 0; i < ni; i++)
		nt += items[i].iface == NULL;
	LinkSym *types = link_add_symbol(l, "gentest.types", LK_RODATA, 8, NULL, (uint64_t)(nt + 1) * 8, 0);
	LinkSym *itabs = link_add_symbol(l, "gentest.itabs", LK_RODATA, 8, NULL, (uint64_t)(ni - nt + 1) * 8, 0);
	uint64_t cnt = (uint64_t)nt;
	memcpy(types->data, &cnt, 8);
	cnt = (uint64_t)(ni - nt);
	memcpy(itabs->data, &cnt, 8);
	for (int i = 0, kt = 0, kf = 0; i < ni; i++) {
		if (!items[i].iface)
			link_add_reloc(l, types, 8 + 8 * (uint64_t)kt++, LR_ADDR, 8, typedesc_type(g, items[i].t), 0);
		else
			link_add_reloc(l, itabs, 8 + 8 * (uint64_t)kf++, LR_ADDR, 8,
				       typedesc_itab(g, items[i].t, items[i].iface), 0);
	}
	typedesc_finish(g);
	typedesc_typelinks(g);
	standins(l);
	if (link_load_object(l, argv[2]) != 0)
		return 1;
	int errs = link_write(l, argv[3], "_start");
	typedesc_free(g);
	link_free(l);
	return errs != 0;
}
