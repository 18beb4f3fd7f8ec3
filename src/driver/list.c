/*
 * list.c — `goc list [-deps] [-e] [-tags t,...] PATTERN...`: the packages
 * the patterns name, one line each, as
 *
 *	ImportPath: GoFiles=[a.go b.go] Imports=[x y]
 *
 * which is what `go list -f '{{.ImportPath}}: GoFiles={{.GoFiles}}
 * Imports={{.Imports}}'` prints (the tests compare the two).  -deps adds
 * every dependency, dependencies first, in go list's order.  Errors go
 * to stderr and make the exit status 1, as go list's do: a named package
 * in error is reported and nothing is listed; with -deps the errors of
 * dependencies are reported and everything is listed.  With -e errors
 * are printed in the listing instead, as an Error="..." field (quoted as
 * Go's %q), and the exit status is 0.  -files adds CgoFiles, TestGoFiles, XTestGoFiles,
 * IgnoredGoFiles, InvalidGoFiles, TestImports and XTestImports.
 */
#include "../base/base.h"
#include "../load/load.h"
#include "driver.h"

#include <unistd.h>

static void print_quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		switch (*s) {
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		default: putchar(*s);
		}
	}
	putchar('"');
}

static void print_list(const char *field, const StrList *l)
{
	printf(" %s=[", field);
	for (int i = 0; i < l->n; i++)
		printf("%s%s", i ? " " : "", l->v[i]);
	putchar(']');
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Test imports as go list prints them: resolved, then sorted. */
static void print_resolved(Loader *l, const char *field, const Package *p, const StrList *in)
{
	StrList r = {0};
	r.v = xmalloc(((size_t)in->n + 1) * sizeof *r.v);
	for (int i = 0; i < in->n; i++)
		r.v[r.n++] = load_resolve_path(l, in->v[i], p);
	qsort(r.v, (size_t)r.n, sizeof *r.v, cmp_str);
	print_list(field, &r);
	free(r.v);
}

static void print_pkg(Loader *l, const Package *p, bool showerr, bool all)
{
	printf("%s:", p->path);
	print_list("GoFiles", &p->gofiles);
	fputs(" Imports=[", stdout);
	for (int i = 0; i < p->nimports; i++) {
		const ImportRef *r = &p->imports[i];
		printf("%s%s", i ? " " : "", r->pkg ? r->pkg->path : r->path);
	}
	putchar(']');
	if (all) {
		print_list("CgoFiles", &p->cgofiles);
		print_list("TestGoFiles", &p->testgofiles);
		print_list("XTestGoFiles", &p->xtestgofiles);
		print_list("IgnoredGoFiles", &p->ignoredgofiles);
		print_list("InvalidGoFiles", &p->invalidgofiles);
		print_resolved(l, "TestImports", p, &p->testimports);
		print_resolved(l, "XTestImports", p, &p->xtestimports);
	}
	if (showerr && p->err) {
		fputs(" Error=", stdout);
		print_quoted(p->err);
	}
	putchar('\n');
}

int cmd_list(int argc, char **argv)
{
	bool deps = false, eflag = false, all = false;
	const char *tags = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (a[1] == '-')
			a++;
		if (!strcmp(a, "-deps"))
			deps = true;
		else if (!strcmp(a, "-e"))
			eflag = true;
		else if (!strcmp(a, "-files"))
			all = true;
		else if (!strcmp(a, "-tags") && i + 1 < argc)
			tags = argv[++i];
		else if (!strncmp(a, "-tags=", 6))
			tags = a + 6;
		else {
			fprintf(stderr, "usage: goc list [-deps] [-e] [-files] [-tags tag,list] [packages]\n");
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
	Loader l;
	if (!loader_init(&l, goroot, cwd, &ctx))
		return 1;
	char *dot[] = {"."};
	char **pats = i < argc ? argv + i : dot;
	int npats = i < argc ? argc - i : 1;
	int nroots;
	Package **roots = load_patterns(&l, pats, npats, &nroots);
	int rc = l.nerrors > 0;
	if (!eflag) { /* as go list: a root in error is reported and nothing is listed */
		if (load_print_errors(&l, roots, nroots, stderr) > 0) {
			free(roots);
			return 1;
		}
	}
	Package **list = roots;
	int n = nroots;
	if (deps) {
		list = load_deps_order(&l, roots, nroots, &n);
		if (!eflag && load_print_errors(&l, list, n, stderr) > 0)
			rc = 1;
	}
	fflush(stderr);
	for (int k = 0; k < n; k++)
		print_pkg(&l, list[k], eflag, all);
	if (list != roots)
		free(list);
	free(roots);
	return rc;
}
