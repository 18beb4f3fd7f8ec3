/*
 * scanbench.c — a test and benchmark driver for the scanner alone
 * (built by tests/syntax/scan.sh, not part of goc).
 *
 *   scanbench [-n N] [-check] [-prefixes] [-list FILE] [FILE...]
 *
 * Default: reads every file first, then scans them all (comments
 * included, as go/scanner with ScanComments), single-threaded, and prints
 * "goc scanner: N files, N tokens, T s" (with -n N: the best of N runs).
 * -check: each file is scanned from an allocation of exactly len+1 bytes,
 *   so that ASan reports any read past the terminating NUL.
 * -prefixes: every prefix of every file is scanned that way too (the
 *   scanner must cope with input cut anywhere).
 * Errors are counted, not printed.
 */
#include "../../../src/base/base.h"
#include "../../../src/syntax/syntax.h"

#include <errno.h>
#include <time.h>

static char **names;
static size_t nnames, capnames;

static void add(char *s)
{
	if (nnames == capnames) {
		capnames = capnames ? capnames * 2 : 256;
		names = xrealloc(names, capnames * sizeof *names);
	}
	names[nnames++] = s;
}

static long scan_buf(const char *name, const char *src, uint32_t len, long *nerr)
{
	SrcFile *f = fileset_add(name, len);
	DiagList d;
	diag_init(&d, 0);
	Arena a;
	arena_init(&a);
	Scanner s;
	scan_init(&s, f, src, len, SCAN_COMMENTS, &d, &a);
	long n = 0;
	do {
		scan_next(&s);
		n++;
	} while (s.tok != TOK_EOF);
	*nerr += d.n;
	diag_free(&d);
	arena_free(&a);
	return n;
}

/* scans src[0:len] from an exact copy */
static long scan_exact(const char *name, const char *src, uint32_t len, long *nerr)
{
	char *p = xmalloc((size_t)len + 1);
	memcpy(p, src, len);
	p[len] = 0;
	long n = scan_buf(name, p, len, nerr);
	free(p);
	return n;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	bool check = false, prefixes = false;
	int runs = 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-check") == 0)
			check = true;
		else if (strcmp(argv[i], "-prefixes") == 0)
			prefixes = true;
		else if (strcmp(argv[i], "-list") == 0 && i + 1 < argc) {
			size_t len;
			char *text = read_file(argv[++i], &len);
			if (!text)
				fatal("open %s: %s", argv[i], strerror(errno));
			for (char *p = strtok(text, "\n"); p; p = strtok(NULL, "\n"))
				if (*p && *p != '#')
					add(p);
		} else
			add(argv[i]);
	}
	char **srcs = xmalloc((nnames ? nnames : 1) * sizeof *srcs);
	uint32_t *lens = xmalloc((nnames ? nnames : 1) * sizeof *lens);
	for (size_t i = 0; i < nnames; i++) {
		size_t len;
		srcs[i] = read_file(names[i], &len);
		if (!srcs[i])
			fatal("open %s: %s", names[i], strerror(errno));
		lens[i] = (uint32_t)len;
	}

	long ntok = 0, nerr = 0, nscan = 0;
	double t = 1e9;
	for (int run = 0; run < runs; run++) {
		ntok = nerr = nscan = 0;
		fileset_reset();
		double t0 = now();
		for (size_t i = 0; i < nnames; i++) {
			if (prefixes) {
				for (uint32_t n = 0; n <= lens[i]; n++) {
					scan_exact(names[i], srcs[i], n, &nerr);
					nscan++;
					fileset_reset();
				}
			}
			if (check || prefixes)
				ntok += scan_exact(names[i], srcs[i], lens[i], &nerr);
			else
				ntok += scan_buf(names[i], srcs[i], lens[i], &nerr);
			nscan++;
		}
		double dt = now() - t0;
		if (dt < t)
			t = dt;
	}
	printf("goc scanner: %zu files, %ld tokens, %.3f s", nnames, ntok, t);
	if (check || prefixes)
		printf(" (%ld scans, %ld errors)", nscan, nerr);
	printf("\n");
	for (size_t i = 0; i < nnames; i++)
		free(srcs[i]);
	free(srcs);
	free(lens);
	return 0;
}
