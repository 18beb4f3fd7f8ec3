/*
 * vet.c — `goc vet [-asmdecl] [-tags t,...] [packages]`: go vet with one
 * analyzer so far, asmdecl (src/asm/asmdecl.h): the packages' assembly
 * against the Go declarations of their body-less functions.
 *
 * As go vet: a package with _test.go files of its own is vetted with them
 * (their declarations count); its findings come under a "# IMPORTPATH"
 * line, as `file:line:col: message` with the package directory relative
 * to the working directory when that is shorter; a type error in a vetted
 * package is reported as "vet: " and its first error; the exit status is
 * 2 when anything was printed, 1 when the packages cannot be loaded.
 * Packages come in command-line order (go vet prints them as they finish).
 * External test packages (package x_test) are not vetted: they have no
 * assembly for asmdecl to check.
 */
#include "../base/base.h"
#include "../load/load.h"
#include "../syntax/syntax.h"
#include "../types/types.h"
#include "../asm/asmdecl.h"
#include "driver.h"

#include <unistd.h>

typedef struct VetCtx {
	Loader *l;
	PtrMap tpkgs;        /* Package* → checked TPackage* */
	Arena arena;         /* the packages' lifetime */
	const Sizes *sizes;
	const char *cwd;
	Package *cur;        /* being checked */
	Package **testdeps;  /* cur's test imports, resolved (the test variant) */
	const char **testpaths;
	int ntestdeps;
	bool printed;        /* anything printed: exit status 2 */
} VetCtx;

static TPackage *vet_importer(void *ctx, const char *path)
{
	VetCtx *v = ctx;
	Package *p = v->cur;
	for (int i = 0; i < p->nimports; i++)
		if (!strcmp(p->imports[i].path, path) && p->imports[i].pkg)
			return ptrmap_get(&v->tpkgs, p->imports[i].pkg);
	for (int i = 0; i < v->ntestdeps; i++)
		if (!strcmp(v->testpaths[i], path) && v->testdeps[i])
			return ptrmap_get(&v->tpkgs, v->testdeps[i]);
	return NULL;
}

/* go's base.ShortPath: dir relative to the working directory when that
 * is shorter (the go command rewrites the tool's output so) */
static const char *short_dir(VetCtx *v, const char *dir)
{
	char *r = short_path(v->cwd, dir);
	const char *s = arena_strndup(&v->arena, r, strlen(r));
	free(r);
	return s;
}

static const char *file_path(VetCtx *v, Package *p, const char *name)
{
	Buf b = {0};
	buf_printf(&b, "%s/%s", short_dir(v, p->dir), name);
	const char *s = arena_strndup(&v->arena, b.p, b.n);
	buf_free(&b);
	return s;
}

/* The first of the errors in d, as go vet reports a type error */
static void print_first_error(DiagList *d)
{
	int best = -1;
	for (int i = 0; i < d->n; i++)
		if (best < 0 || d->v[i].pos < d->v[best].pos)
			best = i;
	if (best >= 0) {
		Position q = pos_adjusted(d->v[best].pos);
		fprintf(stderr, "vet: %s:%d:%d: %s\n", q.filename ? q.filename : "-", q.line, q.col, d->v[best].msg);
	}
	for (int i = 0; i < d->n; i++)
		free(d->v[i].msg);
	d->n = 0;
}

/*
 * Parses and type-checks p's files (names: its Go files, and its test
 * files for the test variant).  A package being vetted (vetted) has its
 * bodies checked, and its assembly checked against it while the syntax
 * trees live; a dependency only needs its declarations.
 */
static TPackage *vet_package(VetCtx *v, Package *p, const char **names, int nnames, bool vetted)
{
	DiagList diags;
	diag_init(&diags, 10);
	diags.out = stderr;
	Arena ast;
	arena_init(&ast);
	Node **files = xmalloc(((size_t)nnames + 1) * sizeof *files);
	char **srcs = xmalloc(((size_t)nnames + 1) * sizeof *srcs);
	uint32_t nf = 0;
	for (int i = 0; i < nnames; i++) {
		const char *path = file_path(v, p, names[i]);
		size_t len;
		char *src = read_file(path, &len);
		if (!src) {
			fprintf(stderr, "goc: cannot read %s\n", path);
			v->printed = true;
			continue;
		}
		SrcFile *f = fileset_add(path, (uint32_t)len);
		ParsedFile pf = parse_file(f, src, (uint32_t)len, &diags, &ast);
		srcs[nf] = src;
		if (pf.ast)
			files[nf++] = pf.ast;
		else
			free(src);
	}
	TPackage *tp = new_package(&v->arena, p->path, p->name ? p->name : "");
	if (diags.n == 0) {
		Checker c;
		v->cur = p;
		checker_init(&c, &v->arena, tp, files, nf, v->sizes, &diags, vet_importer, v);
		c.ignore_bodies = !vetted;
		checker_run(&c);
		checker_free(&c);
	}
	if (vetted) {
		DiagList found;
		diag_init(&found, 0);
		if (diags.n == 0 && p->sfiles.n > 0) {
			const char **sfiles = xmalloc((size_t)p->sfiles.n * sizeof *sfiles);
			for (int i = 0; i < p->sfiles.n; i++)
				sfiles[i] = file_path(v, p, p->sfiles.v[i]);
			if (asmdecl_check(tp, files, nf, sfiles, p->sfiles.n, v->l->ctx.goarch, &found) < 0)
				v->printed = true;
			free(sfiles);
		}
		if (diags.n > 0 || found.n > 0) {
			fprintf(stderr, "# %s\n", p->path);
			if (diags.n > 0)
				print_first_error(&diags);
			asmdecl_print(&found, stderr);
			v->printed = true;
		}
		diag_free(&found);
	} else if (diags.n > 0) {
		fprintf(stderr, "# %s\n", p->path);
		diag_flush(&diags);
		v->printed = true;
	}
	diag_free(&diags);
	for (uint32_t i = 0; i < nf; i++)
		free(srcs[i]);
	free(srcs);
	free(files);
	arena_free(&ast);
	return tp;
}

static bool is_root(Package **roots, int n, Package *p)
{
	for (int i = 0; i < n; i++)
		if (roots[i] == p)
			return true;
	return false;
}

/* The files gc selects: goc's pure-Go fallback tags (purego,
 * math_big_pure_go: docs/load.md) are dropped unless -tags names them. */
static void drop_fallback_tags(BuildCtx *ctx, const char *user)
{
	static const char *const fallback[] = {"purego", "math_big_pure_go"};
	int k = 0;
	for (int i = 0; i < ctx->ntags; i++) {
		bool drop = false;
		for (size_t f = 0; f < NELEM(fallback); f++) {
			size_t n = strlen(fallback[f]);
			const char *u = user ? strstr(user, fallback[f]) : NULL;
			bool given = u && (u == user || u[-1] == ',' || u[-1] == ' ') && (u[n] == 0 || u[n] == ',' || u[n] == ' ');
			if (!strcmp(ctx->tags[i], fallback[f]) && !given)
				drop = true;
		}
		if (!drop)
			ctx->tags[k++] = ctx->tags[i];
	}
	ctx->ntags = k;
}

static void usage(void)
{
	fputs("usage: goc vet [-asmdecl] [-tags t,...] [packages]\n"
	      "goc vet runs one of go vet's analyzers so far: asmdecl (assembly against the Go\n"
	      "declarations of body-less functions); its findings are go vet's, word for word.\n",
	      stderr);
}

int cmd_vet(int argc, char **argv)
{
	const char *tags = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (a[1] == '-')
			a++;
		if (!strcmp(a, "-asmdecl") || !strcmp(a, "-asmdecl=true"))
			continue;
		if (!strcmp(a, "-tags") && i + 1 < argc)
			tags = argv[++i];
		else if (!strncmp(a, "-tags=", 6))
			tags = a + 6;
		else {
			usage();
			return 2;
		}
	}
	const char *goroot = goc_goroot();
	if (!goroot) {
		fprintf(stderr, "goc: cannot find GOROOT\n");
		return 2;
	}
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		fatal("getwd: cannot determine the working directory");
	BuildCtx ctx;
	buildctx_from_env(&ctx, tags);
	drop_fallback_tags(&ctx, tags);
	Loader l;
	if (!loader_init(&l, goroot, cwd, &ctx))
		return 1;
	l.checker = true;
	char *dot[] = {"."};
	int nroots;
	Package **roots = load_patterns(&l, i < argc ? argv + i : dot, i < argc ? argc - i : 1, &nroots);
	/* the roots' test imports are loaded too: the test variants need them */
	int nall = nroots, capall = nroots + 16;
	Package **all = xmalloc((size_t)capall * sizeof *all);
	memcpy(all, roots, (size_t)nroots * sizeof *all);
	for (int r = 0; r < nroots; r++) {
		Package *p = roots[r];
		if (!p->dir)
			continue;
		for (int k = 0; k < p->testimports.n; k++) {
			if (!strcmp(p->testimports.v[k], "C"))
				continue;
			if (nall == capall)
				all = xrealloc(all, (size_t)(capall *= 2) * sizeof *all);
			all[nall++] = load_import(&l, load_resolve_path(&l, p->testimports.v[k], p));
		}
	}
	int n;
	Package **list = load_deps_order(&l, all, nall, &n);
	if (load_print_errors(&l, list, n, stderr) > 0 || l.nerrors) {
		free(list);
		free(all);
		free(roots);
		return 1;
	}
	VetCtx v = {0};
	v.l = &l;
	arena_init(&v.arena);
	v.sizes = sizes_for(ctx.goarch);
	if (!v.sizes)
		v.sizes = &sizes_amd64;
	v.cwd = cwd;
	universe_init();
	for (int k = 0; k < n; k++) {
		Package *p = list[k];
		if (!strcmp(p->path, "unsafe")) {
			ptrmap_put(&v.tpkgs, p, unsafe_pkg);
			continue;
		}
		/* a root with tests of its own is vetted with them, below */
		bool vetted = is_root(roots, nroots, p) && p->testgofiles.n == 0;
		ptrmap_put(&v.tpkgs, p, vet_package(&v, p, p->gofiles.v, p->gofiles.n, vetted));
	}
	for (int r = 0; r < nroots; r++) {
		Package *p = roots[r];
		if (p->testgofiles.n == 0)
			continue;
		int nn = p->gofiles.n + p->testgofiles.n;
		const char **names = xmalloc((size_t)nn * sizeof *names);
		memcpy(names, p->gofiles.v, (size_t)p->gofiles.n * sizeof *names);
		memcpy(names + p->gofiles.n, p->testgofiles.v, (size_t)p->testgofiles.n * sizeof *names);
		v.ntestdeps = p->testimports.n;
		v.testpaths = p->testimports.v;
		v.testdeps = xcalloc((size_t)v.ntestdeps + 1, sizeof *v.testdeps);
		for (int k = 0; k < v.ntestdeps; k++)
			if (strcmp(v.testpaths[k], "C") != 0)
				v.testdeps[k] = load_import(&l, load_resolve_path(&l, v.testpaths[k], p));
		vet_package(&v, p, names, nn, true);
		free(v.testdeps);
		v.testdeps = NULL;
		v.ntestdeps = 0;
		free(names);
	}
	ptrmap_free(&v.tpkgs);
	arena_free(&v.arena);
	free(list);
	free(all);
	free(roots);
	return v.printed ? 2 : 0;
}
