/*
 * toolasm.c — `goc tool asm`: Go's assembler for amd64 (src/asm/), with
 * gc's command line:
 *
 *   goc tool asm [-p pkgpath] [-I dir]... [-D name[=value]]... [-o file.o]
 *                [-S] [-trimpath prefix] [-gensymabis] [-compiling-runtime]
 *                file.s...
 *
 * Exit status 0, or 1 after `file.s:LINE: message` errors (gc's), 2 for a
 * bad command line.  -shared and -dynlink are refused (not implemented).
 */
#include "../base/base.h"
#include "../asm/asm.h"
#include "driver.h"

#include <errno.h>

static int usage(void)
{
	fputs("usage: asm [options] file.s ...\n"
	      "Flags:\n"
	      "  -D value\tpredefined symbol with optional simple value -D=identifier=value; can be set multiple times\n"
	      "  -I value\tinclude directory; can be set multiple times\n"
	      "  -S\tprint assembly and machine code\n"
	      "  -compiling-runtime\tsource to be compiled is part of the Go runtime\n"
	      "  -gensymabis\twrite symbol ABI information to output file, don't assemble\n"
	      "  -o string\toutput file; default foo.o for /a/b/c/foo.s as first argument\n"
	      "  -p string\tset expected package import to path (default \"<unlinkable>\")\n"
	      "  -trimpath string\tremove prefix from recorded source file paths\n",
	      stderr);
	return 2;
}

/* -trimpath "prefix=>replacement;prefix2": gc's rewrite of recorded paths */
static const char *trim(const char *path, const char *trimpath, Buf *b)
{
	if (!trimpath)
		return path;
	const char *p = trimpath;
	while (*p) {
		const char *semi = strchr(p, ';');
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		const char *arrow = NULL;
		for (size_t i = 0; i + 1 < n; i++)
			if (p[i] == '=' && p[i + 1] == '>')
				arrow = p + i;
		size_t plen = arrow ? (size_t)(arrow - p) : n;
		if (plen && strncmp(path, p, plen) == 0 && (path[plen] == '/' || path[plen] == 0)) {
			b->n = 0;
			if (arrow)
				buf_put(b, arrow + 2, n - plen - 2);
			const char *rest = path + plen;
			if (b->n == 0 && *rest == '/')
				rest++;
			buf_puts(b, rest);
			buf_putc(b, 0);
			return b->p;
		}
		p += n + (semi != NULL);
	}
	return path;
}

int tool_asm(int argc, char **argv)
{
	const char *pkg = "<unlinkable>", *out = NULL, *trimpath = NULL;
	const char **incs = NULL, **defs = NULL;
	int ninc = 0, ndef = 0;
	bool list = false, symabis = false, runtime = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (a[1] == '-' && a[2])
			a++; /* --flag as -flag */
		const char *val = NULL;
		const char *eq = strchr(a, '=');
		char name[64];
		size_t nl = eq ? (size_t)(eq - a) : strlen(a);
		if (nl >= sizeof name)
			return usage();
		memcpy(name, a, nl);
		name[nl] = 0;
		bool takesval = !strcmp(name, "-p") || !strcmp(name, "-o") || !strcmp(name, "-I") || !strcmp(name, "-D") ||
		                !strcmp(name, "-trimpath") || !strcmp(name, "-debugtramp") || !strcmp(name, "-spectre");
		if (takesval) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else {
				fprintf(stderr, "flag needs an argument: %s\n", name);
				return usage();
			}
		}
		if (!strcmp(name, "-p"))
			pkg = val;
		else if (!strcmp(name, "-o"))
			out = val;
		else if (!strcmp(name, "-trimpath"))
			trimpath = val;
		else if (!strcmp(name, "-I")) {
			incs = xrealloc(incs, (size_t)(ninc + 1) * sizeof *incs);
			incs[ninc++] = val;
		} else if (!strcmp(name, "-D")) {
			defs = xrealloc(defs, (size_t)(ndef + 1) * sizeof *defs);
			defs[ndef++] = val;
		} else if (!strcmp(name, "-S"))
			list = true;
		else if (!strcmp(name, "-gensymabis"))
			symabis = true;
		else if (!strcmp(name, "-compiling-runtime"))
			runtime = true;
		else if (!strcmp(name, "-shared") || !strcmp(name, "-dynlink") || !strcmp(name, "-linkshared")) {
			fprintf(stderr, "asm: %s: not implemented\n", name);
			return 2;
		} else if (!strcmp(name, "-spectre") || !strcmp(name, "-debugtramp")) {
			fprintf(stderr, "asm: %s: not implemented\n", name);
			return 2;
		} else {
			fprintf(stderr, "flag provided but not defined: %s\n", name);
			return usage();
		}
	}
	if (i == argc)
		return usage();
	Buf obj = {0}, tb = {0};
	if (!out) {
		/* foo.o for /a/b/c/foo.s */
		const char *base = strrchr(argv[i], '/');
		base = base ? base + 1 : argv[i];
		size_t n = strlen(base);
		if (n > 2 && strcmp(base + n - 2, ".s") == 0)
			n -= 2;
		buf_printf(&obj, "%.*s.o", (int)n, base);
		buf_putc(&obj, 0);
		out = obj.p;
	}
	Asm a;
	asm_init(&a, pkg);
	a.incdirs = incs;
	a.nincdirs = ninc;
	a.compiling_runtime = runtime;
	Buf abis = {0};
	if (symabis)
		a.symabis = &abis;
	for (int k = 0; k < ndef; k++)
		asm_define(&a, defs[k]);
	int rc = 0;
	bool any = false;
	for (; i < argc; i++) {
		/* gc assembles the files as one stream (one object) */
		const char *display = trim(argv[i], trimpath, &tb);
		(void)display;
		if (!asm_open(&a, argv[i], display)) {
			rc = 1;
			continue;
		}
		asm_parse(&a);
		any = true;
	}
	if (any && a.nerrors == 0 && !symabis)
		asm_assemble(&a);
	if (a.nerrors) {
		if (a.toomany)
			fputs("too many errors\n", stderr);
		fprintf(stderr, "asm: assembly of %s failed\n", argv[argc - 1]);
		rc = 1;
	} else if (rc == 0 && symabis) {
		FILE *f = fopen(out, "w");
		if (!f || fwrite(abis.p ? abis.p : "", 1, abis.n, f) != abis.n || fclose(f) != 0) {
			fprintf(stderr, "asm: %s: %s\n", out, strerror(errno));
			rc = 1;
		}
	} else if (rc == 0) {
		if (list) {
			Buf b = {0};
			asm_list(&a, &b);
			fwrite(b.p, 1, b.n, stdout);
			buf_free(&b);
		}
		if (!asm_write_elf(&a, out)) {
			fprintf(stderr, "asm: %s: %s\n", out, strerror(errno));
			rc = 1;
		}
	}
	asm_free(&a);
	buf_free(&abis);
	buf_free(&obj);
	buf_free(&tb);
	free(incs);
	free(defs);
	return rc;
}
