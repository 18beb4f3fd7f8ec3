/*
 * tool.c — `goc tool ssa -func NAME FILE.go...` and `goc tool ssa -exec
 * FILE.go...`: the files are parsed and checked as one package (as goc
 * tool check does, with the checker recording types), every function is
 * lowered and run through the pass table.
 *
 *   -func NAME   print NAME's IR after every pass (gc's GOSSAFUNC text);
 *                NAME is the symbol with or without the package prefix
 *                (main, f, T.M, (*T).M, main.f.func1)
 *   -exec        run PKG.init and main.main in the SSA interpreter with the
 *                runtime of interprt.c; output and exit status as the program
 *   -count       lower every function, print "lowered" or the first
 *                construct not implemented, exit 0 (for counting runs)
 *   -d ssa/check/on (or -check), -N, -dump LIST, -html FILE  as for -passes
 * GOSSAFUNC=NAME writes ssa.html for NAME, as gc does.
 */
#include <errno.h>

#include "ssagen.h"
#include "../syntax/syntax.h"
#include "../types/expr.h"

int ssagen_exec(GenPkg *g, SsaConfig *cfg); /* interprt.c */

bool gen_funcname_matches(const char *sym, const char *want)
{
	if (strcmp(sym, want) == 0)
		return true;
	const char *dot = strchr(sym, '.');
	return dot && strcmp(dot + 1, want) == 0;
}

static TPackage *importer(void *ctx, const char *path)
{
	(void)ctx;
	if (strcmp(path, "unsafe") == 0) {
		universe_init();
		return unsafe_pkg;
	}
	return NULL;
}

int ssagen_tool(int argc, char **argv)
{
	SsaConfig cfg = {0};
	const char *func = NULL, *html = NULL;
	bool exec = false, count = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		if (strcmp(a, "-func") == 0 && more)
			func = argv[++i];
		else if (strcmp(a, "-exec") == 0)
			exec = true;
		else if (strcmp(a, "-count") == 0)
			count = true;
		else if (strcmp(a, "-check") == 0)
			cfg.check = true;
		else if (strcmp(a, "-N") == 0)
			cfg.noopt = true;
		else if (strcmp(a, "-d") == 0 && more && strcmp(argv[i + 1], "ssa/check/on") == 0) {
			cfg.check = true;
			i++;
		} else if (strcmp(a, "-dump") == 0 && more)
			cfg.dump = argv[++i];
		else if (strcmp(a, "-html") == 0 && more)
			html = argv[++i];
		else {
			fprintf(stderr, "usage: goc tool ssa -func NAME|-exec|-count [-d ssa/check/on] [-N] [-dump LIST] "
					"[-html FILE] FILE.go...\n");
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "goc: tool ssa: no Go files\n");
		return 2;
	}
	const char *gossafunc = getenv("GOSSAFUNC");
	if (gossafunc && !*gossafunc)
		gossafunc = NULL;
	/* parse */
	Arena ast, pkgarena;
	arena_init(&ast);
	arena_init(&pkgarena);
	DiagList diags;
	diag_init(&diags, 10);
	int nf = argc - i;
	Node **files = xcalloc((size_t)nf, sizeof *files);
	char **srcs = xcalloc((size_t)nf, sizeof *srcs);
	int nparsed = 0;
	const char *pkgname = NULL;
	for (int k = 0; k < nf; k++) {
		const char *path = argv[i + k];
		size_t len;
		char *src = read_file(path, &len);
		if (!src) {
			fprintf(stderr, "goc: cannot read %s: %s\n", path, strerror(errno));
			return 1;
		}
		srcs[k] = src;
		SrcFile *sf = fileset_add(xstrdup(path), (uint32_t)len);
		ParsedFile pf = parse_file(sf, src, (uint32_t)len, &diags, &ast);
		if (pf.ast) {
			files[nparsed++] = pf.ast;
			if (!pkgname)
				pkgname = arena_strndup(&pkgarena, pf.ast->file.name->ident.name.p, pf.ast->file.name->ident.name.n);
		}
	}
	if (diag_flush(&diags) > 0)
		return 1;
	universe_init();
	TPackage *tp = new_package(&pkgarena, intern_cstr("main"), intern_cstr(pkgname ? pkgname : "main"));
	Checker c;
	checker_init(&c, &pkgarena, tp, files, (uint32_t)nparsed, sizes_for("amd64"), &diags, importer, NULL);
	c.record = true;
	c.compiling = true;
	checker_run(&c);
	if (diag_flush(&diags) > 0)
		return 1;
	check_record_untyped(&c);
	GenPkg g = {0};
	g.arena = &pkgarena;
	ssagen_package(&g, &c);
	int rc = 0;
	if (count) {
		printf("lowered %d functions\n", g.nfuncs);
		return 0;
	}
	for (int k = 0; k < g.nfuncs; k++) {
		Func *f = g.funcs[k];
		SsaConfig fc = cfg;
		bool want = func && gen_funcname_matches(f->name, func);
		if (want && !fc.dump)
			fc.dump = "all";
		else if (!want && !exec)
			fc.dump = NULL;
		if (exec)
			fc.dump = want ? fc.dump : NULL;
		if ((gossafunc && gen_funcname_matches(f->name, gossafunc)) || (want && html)) {
			const char *out = want && html ? html : "ssa.html";
			fc.html = ssa_html_open(out, f->name);
			if (!fc.html)
				fatal("%s: %s", out, strerror(errno));
		}
		bool ok = ssa_compile(f, &fc);
		if (fc.html) {
			ssa_html_close(fc.html);
			if (gossafunc && !(want && html))
				printf("dumped SSA to ./ssa.html\n");
		}
		if (!ok)
			rc = 2;
	}
	if (rc)
		return rc;
	if (func) {
		bool found = false;
		for (int k = 0; k < g.nfuncs; k++)
			found |= gen_funcname_matches(g.funcs[k]->name, func);
		if (!found) {
			fprintf(stderr, "goc: tool ssa: no function %s\n", func);
			return 1;
		}
	}
	if (exec) {
		fflush(stdout);
		rc = ssagen_exec(&g, &cfg);
	}
	checker_free(&c);
	return rc;
}
