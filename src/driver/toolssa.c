/*
 * toolssa.c — `goc tool ssa`: the SSA passes by themselves.
 *
 *   goc tool ssa -passes [flags] FILE.ssa...
 *       reads functions in the IR's text form (src/ssa/ssa.h), runs the
 *       machine-independent passes (all of the pass table, or -run's list
 *       in its order) and prints each function after the last pass.
 *         -run p1,p2,...   passes to run (table names or deadcode, copyelim,
 *                          phielim, opt, cse, nilcheckelim, prove, layout)
 *         -d ssa/check/on  run the IR checker on the input and after every
 *         (or -check)      pass; a violation is an internal error (exit 2)
 *         -N               required passes only
 *         -dump LIST|all   print the IR after these passes (and not at the end)
 *         -html FILE       write FILE (ssa.html) with one column per pass
 *         -interp A,B,...  run the interpreter on the function before and
 *                          after the passes with these integer arguments
 *                          (the k-th is the Arg at offset 8k),
 *                          print both results; exit 1 if they differ
 *   goc tool ssa -func NAME FILE.go...   (and -exec, -count)
 *       lowers Go source (src/ssagen/tool.c describes the flags).
 */
#include <errno.h>

#include "../base/base.h"
#include "../ssa/ssa.h"
#include "driver.h"

static int usage(void)
{
	fputs("usage: goc tool ssa -passes [-run LIST] [-d ssa/check/on] [-N] [-dump LIST|all]\n"
	      "                    [-html FILE] [-interp ARGS] FILE.ssa...\n"
	      "       goc tool ssa -func NAME FILE.go...\n",
	      stderr);
	return 2;
}

static void print_result(const char *when, SsaInterpResult r)
{
	printf("interp %s:", when);
	if (r.panic) {
		printf(" panic: %s\n", r.panic);
		return;
	}
	for (int i = 0; i < r.nres; i++)
		printf(" %lld", (long long)r.res[i].w[0]);
	putchar('\n');
}

static bool same_result(SsaInterpResult a, SsaInterpResult b)
{
	if ((a.panic == NULL) != (b.panic == NULL))
		return false;
	if (a.panic)
		return strcmp(a.panic, b.panic) == 0;
	if (a.nres != b.nres)
		return false;
	for (int i = 0; i < a.nres; i++)
		if (memcmp(&a.res[i], &b.res[i], sizeof a.res[i]) != 0)
			return false;
	return true;
}

int tool_ssa(int argc, char **argv)
{
	SsaConfig cfg = {0};
	bool passes = false;
	const char *html = NULL, *interp = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		if (strcmp(a, "-func") == 0 || strcmp(a, "-exec") == 0 || strcmp(a, "-count") == 0) {
			int ssagen_tool(int argc, char **argv); /* src/ssagen/tool.c */
			return ssagen_tool(argc, argv);
		} else if (strcmp(a, "-passes") == 0)
			passes = true;
		else if (strcmp(a, "-check") == 0)
			cfg.check = true;
		else if (strcmp(a, "-N") == 0)
			cfg.noopt = true;
		else if (strcmp(a, "-d") == 0 && more) {
			if (strcmp(argv[++i], "ssa/check/on") != 0) {
				fprintf(stderr, "goc: tool ssa: unknown -d setting %s\n", argv[i]);
				return 2;
			}
			cfg.check = true;
		} else if (strcmp(a, "-run") == 0 && more)
			cfg.only = argv[++i];
		else if (strcmp(a, "-dump") == 0 && more)
			cfg.dump = argv[++i];
		else if (strcmp(a, "-html") == 0 && more)
			html = argv[++i];
		else if (strcmp(a, "-interp") == 0 && more)
			interp = argv[++i];
		else
			return usage();
	}
	if (!passes || i == argc)
		return usage();
	if (cfg.only) {
		char *list = xstrdup(cfg.only);
		for (char *p = strtok(list, ","); p; p = strtok(NULL, ","))
			if (!ssa_pass_known(p)) {
				fprintf(stderr, "goc: tool ssa: unknown pass \"%s\"\n", p);
				free(list);
				return 2;
			}
		free(list);
	}
	SsaVal args[16];
	int nargs = 0;
	if (interp) {
		for (const char *p = interp; *p && nargs < 16;) {
			char *end;
			memset(&args[nargs], 0, sizeof args[nargs]);
			args[nargs++].w[0] = (uint64_t)strtoll(p, &end, 0);
			if (*end != ',' && *end != 0)
				return usage();
			p = *end ? end + 1 : end;
		}
	}
	int rc = 0;
	for (; i < argc; i++) {
		size_t len;
		char *text = read_file(argv[i], &len);
		if (!text)
			fatal("%s: %s", argv[i], strerror(errno));
		int nf;
		char *err;
		Func **fs = ssa_parse(argv[i], text, len, &nf, &err);
		free(text);
		if (!fs) {
			fprintf(stderr, "%s\n", err);
			free(err);
			rc = 2;
			continue;
		}
		for (int k = 0; k < nf; k++) {
			Func *f = fs[k];
			SsaInterpResult before = {0};
			if (interp) {
				const char *e = ssa_check(f);
				if (e) {
					fprintf(stderr, "goc: internal compiler error: ssa check on input: func %s: %s\n", f->name, e);
					rc = 2;
					ssa_func_free(f);
					continue;
				}
				before = ssa_interp(f, args, nargs, 10000000);
			}
			if (html) {
				cfg.html = ssa_html_open(html, f->name);
				if (!cfg.html)
					fatal("%s: %s", html, strerror(errno));
			}
			bool ok = ssa_compile(f, &cfg);
			ssa_html_close(cfg.html);
			cfg.html = NULL;
			if (!ok) {
				rc = 2;
				ssa_func_free(f);
				continue;
			}
			if (!cfg.dump)
				ssa_fprint(stdout, f);
			if (interp) {
				SsaInterpResult after = ssa_interp(f, args, nargs, 10000000);
				print_result("before", before);
				print_result("after", after);
				if (!same_result(before, after)) {
					printf("interp: results differ\n");
					if (!rc)
						rc = 1;
				}
			}
			ssa_func_free(f);
		}
		free(fs);
	}
	return rc;
}
