/*
 * toolsyntax.c — `goc tool syntax [-tokens|-ast] [-list FILE] FILE...`:
 * the front end by itself.  Without a flag it parses and reports only
 * errors.  Exit status: 0 when every file parses, 1 when any has a syntax
 * error, 2 when a file cannot be read or the usage is wrong.  As with gc,
 * at most 10 errors are reported per file unless -e is given.
 *
 * Each file gets its own arena, freed as soon as the file is done, so
 * memory stays flat however many files are given.
 */
#include "../base/base.h"
#include "../syntax/syntax.h"
#include "driver.h"

#include <errno.h>

typedef struct FileArgs {
	char **v;
	size_t n, cap;
} FileArgs;

static void add_file(FileArgs *fa, char *path)
{
	if (fa->n == fa->cap) {
		fa->cap = fa->cap ? fa->cap * 2 : 64;
		fa->v = xrealloc(fa->v, fa->cap * sizeof fa->v[0]);
	}
	fa->v[fa->n++] = path;
}

static void read_list(FileArgs *fa, const char *listpath)
{
	size_t len;
	char *text = read_file(listpath, &len);
	if (!text)
		fatal("open %s: %s", listpath, strerror(errno));
	for (char *p = text; *p;) {
		char *e = strchr(p, '\n');
		if (e)
			*e = 0;
		size_t n = strlen(p);
		while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
			p[--n] = 0;
		if (n > 0 && p[0] != '#')
			add_file(fa, p);
		if (!e)
			break;
		p = e + 1;
	}
	/* text stays allocated: the paths point into it */
}

static void syntax_usage(void)
{
	fputs("usage: goc tool syntax [-e] [-tokens | -ast] [-list FILE] FILE...\n", stderr);
	exit(2);
}

int tool_syntax(int argc, char **argv)
{
	bool tokens = false, ast = false, allerrors = false;
	FileArgs fa = {0};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "-tokens") == 0)
			tokens = true;
		else if (strcmp(a, "-ast") == 0)
			ast = true;
		else if (strcmp(a, "-e") == 0)
			allerrors = true;
		else if (strcmp(a, "-list") == 0 && i + 1 < argc)
			read_list(&fa, argv[++i]);
		else
			syntax_usage();
	}
	for (; i < argc; i++)
		add_file(&fa, argv[i]);
	if (tokens && ast)
		syntax_usage();
	if (fa.n == 0)
		syntax_usage();

	bool headers = fa.n > 1;
	int rc = 0;
	DiagList diags;
	diag_init(&diags, allerrors ? 0 : 10);
	Arena arena;
	arena_init(&arena);
	for (size_t k = 0; k < fa.n; k++) {
		const char *path = fa.v[k];
		size_t len;
		char *src = read_file(path, &len);
		if (!src) {
			fflush(stdout);
			fprintf(stderr, "open %s: %s\n", path, strerror(errno));
			rc = 2;
			continue;
		}
		if (len >= UINT32_MAX / 2)
			fatal("%s: file too large", path);
		SrcFile *f = fileset_add(path, (uint32_t)len);
		if (headers && (tokens || ast))
			printf("# FILE %s\n", path);
		if (tokens) {
			if (dump_tokens(stdout, f, src, (uint32_t)len) > 0 && rc == 0)
				rc = 1;
		} else {
			ParsedFile pf = parse_file(f, src, (uint32_t)len, &diags, &arena);
			if (ast && pf.ast && pf.nerrors == 0)
				dump_ast(stdout, pf.ast);
		}
		if (diags.n > 0) {
			fflush(stdout);
			diag_flush(&diags);
			if (rc == 0)
				rc = 1;
		}
		arena_reset(&arena);
		srcfile_free_tables(f);
		free(src);
	}
	arena_free(&arena);
	diag_free(&diags);
	free(fa.v);
	fflush(stdout);
	return rc;
}
