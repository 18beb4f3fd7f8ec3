/*
 * fuzz_syntax.c — libFuzzer target for the scanner and the parser.
 * Each input is one Go source file: it is scanned as a token stream, then
 * parsed, and its errors are formatted.  Any crash, hang, leak or
 * sanitizer report is a bug; inputs that found one are kept in
 * tests/fuzz/regress/ and replayed by `make test`.
 */
#include "../../src/syntax/syntax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return 0;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	char *src = xmalloc(size + 1);
	memcpy(src, data, size);
	src[size] = 0;

	DiagList d;
	diag_init(&d, 10);
	d.out = devnull;
	Arena a;
	arena_init(&a);

	/* the scanner alone, as -tokens runs it */
	SrcFile *f = fileset_add("fuzz.go", (uint32_t)size);
	Scanner s;
	scan_init(&s, f, src, (uint32_t)size, SCAN_COMMENTS, &d, &a);
	for (int n = 0; s.tok != TOK_EOF; n++) {
		scan_next(&s);
		if (n > (int)size + 2) {
			fprintf(stderr, "scanner does not advance\n");
			abort();
		}
	}
	diag_flush(&d);
	arena_free(&a);

	/* the parser, and the AST dump of what parsed */
	SrcFile *g = fileset_add("fuzz.go", (uint32_t)size);
	ParsedFile pf = parse_file(g, src, (uint32_t)size, &d, &a);
	if (pf.ast && pf.nerrors == 0) {
		dump_ast(devnull, pf.ast);
		(void)node_end(pf.ast);
	}
	diag_flush(&d);
	diag_free(&d);
	arena_free(&a);
	free(src);
	fileset_reset();
	return 0;
}
