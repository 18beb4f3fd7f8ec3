/*
 * apitest.c — the linker's in-memory API, as goc's code generator will
 * use it: hand-assembled machine code for an entry point that writes
 * "hello\n" (a PC-relative reference to a rodata string with a Go name),
 * calls a function that reads a section offset (R_ADDROFF-like) and a
 * pointer in .data (absolute), and exits with their sum; DUPOK
 * symbols; errors for duplicate and undefined symbols in gc's wording;
 * byte-identical output for identical input.
 *
 * Usage: apitest OUTDIR.  Prints "PASS name" or "FAIL name: why" per
 * check; run.sh runs the produced executable.
 */
#include "../../src/link/link.h"

#include <unistd.h>

static int fails;

static void check(bool ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS %s\n", name);
	else {
		printf("FAIL %s: %s\n", name, why);
		fails++;
	}
}

/* Runs f with stderr captured into buf. */
static void capture(char *buf, size_t n, int (*f)(void *), void *arg, int *rc)
{
	fflush(stderr);
	FILE *tmp = tmpfile();
	int saved = dup(2);
	dup2(fileno(tmp), 2);
	*rc = f(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	size_t got = fread(buf, 1, n - 1, tmp);
	buf[got] = 0;
	fclose(tmp);
}

static const uint8_t start_code[] = {
	0xb8, 0x01, 0x00, 0x00, 0x00,             /* mov $1, %eax */
	0xbf, 0x01, 0x00, 0x00, 0x00,             /* mov $1, %edi */
	0x48, 0x8d, 0x35, 0, 0, 0, 0,             /* lea go.string."hello\n"(%rip), %rsi */
	0xba, 0x06, 0x00, 0x00, 0x00,             /* mov $6, %edx */
	0x0f, 0x05,                               /* syscall */
	0xe8, 0, 0, 0, 0,                         /* call main.exitcode */
	0x89, 0xc7,                               /* mov %eax, %edi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,             /* mov $60, %eax */
	0x0f, 0x05,                               /* syscall */
};

static const uint8_t exitcode_code[] = {
	0x8b, 0x05, 0, 0, 0, 0,                   /* mov main.off(%rip), %eax */
	0x48, 0x8b, 0x0d, 0, 0, 0, 0,             /* mov main.ptr(%rip), %rcx */
	0x03, 0x01,                               /* add (%rcx), %eax */
	0xc3,                                     /* ret */
};

static Link *build(void)
{
	Link *l = link_new();
	LinkSym *start = link_add_symbol(l, "_rt0_amd64_goc", LK_TEXT, 16, start_code, sizeof start_code, 0);
	LinkSym *str = link_lookup(l, "go.string.\"hello\\n\"", 19);
	LinkSym *exitcode = link_lookup(l, "main.exitcode", 13);
	link_add_reloc(l, start, 13, LR_PCREL, 4, str, -4);
	link_add_reloc(l, start, 25, LR_PCREL, 4, exitcode, -4);

	link_add_symbol(l, "runtime.pad", LK_RODATA, 8, "\1\2\3\4\5\6\7\10", 8, 0);
	link_define(l, str, LK_RODATA, 1, "hello\n", 6, 0);
	LinkSym *off = link_add_symbol(l, "main.off", LK_RODATA, 4, NULL, 4, 0);
	link_add_reloc(l, off, 0, LR_SECTOFF, 4, str, 0); /* 8: after runtime.pad */

	uint32_t seven = 7;
	LinkSym *sev = link_add_symbol(l, "main.seven", LK_NOPTRDATA, 4, &seven, 4, 0);
	LinkSym *ptr = link_add_symbol(l, "main.ptr", LK_DATA, 8, NULL, 8, 0);
	link_add_reloc(l, ptr, 0, LR_ADDR, 8, sev, 0);

	link_define(l, exitcode, LK_TEXT, 16, exitcode_code, sizeof exitcode_code, 0);
	link_add_reloc(l, exitcode, 2, LR_PCREL, 4, off, -4);
	link_add_reloc(l, exitcode, 9, LR_PCREL, 4, ptr, -4);

	/* line tables: hello.go, for gdb */
	uint32_t hello = link_file(l, "/goc/test/hello.go");
	LinkLine srows[] = {{0, hello, 3}, {10, hello, 4}, {24, hello, 5}, {29, hello, 6}};
	link_set_lines(l, start, srows, 4);
	LinkLine erows[] = {{0, hello, 10}, {6, hello, 11}, {15, hello, 12}};
	link_set_lines(l, exitcode, erows, 3);

	/* DUPOK: the first definition wins, silently */
	bool first = link_define(l, link_lookup(l, "type:int", 8), LK_RODATA, 8, "AAAAAAAA", 8, LF_DUPOK);
	bool second = link_define(l, link_lookup(l, "type:int", 8), LK_RODATA, 8, "BBBBBBBB", 8, LF_DUPOK);
	if (!first || second)
		printf("FAIL dupok: define returned %d %d\n", first, second), fails++;
	/* weak then strong: the strong one replaces it */
	link_add_symbol(l, "main.w", LK_NOPTRDATA, 1, "w", 1, LF_WEAK);
	link_add_symbol(l, "main.w", LK_NOPTRDATA, 1, "s", 1, 0);
	link_add_symbol(l, "runtime.zero", LK_BSS, 64, NULL, 1 << 16, 0);
	LinkSym *loc = link_add_symbol(l, "main.local", LK_NOPTRBSS, 8, NULL, 8, LF_LOCAL);
	LinkSym *loc2 = link_add_symbol(l, "main.local", LK_NOPTRBSS, 8, NULL, 8, LF_LOCAL);
	if (!loc || !loc2 || loc == loc2)
		printf("FAIL locals: same-name locals must be distinct\n"), fails++;
	return l;
}

static int dup_strong(void *arg)
{
	(void)arg;
	Link *l = link_new();
	link_add_symbol(l, "main.f", LK_TEXT, 1, "\xc3", 1, 0);
	bool ok = link_add_symbol(l, "main.f", LK_TEXT, 1, "\xc3", 1, 0) != NULL;
	link_set_unit(l, "main");
	link_add_symbol(l, "main.g", LK_TEXT, 1, "\xc3", 1, 0);
	link_set_unit(l, "example.com/p");
	ok = ok || link_add_symbol(l, "main.g", LK_TEXT, 1, "\xc3", 1, 0) != NULL;
	int n = link_nerrors(l);
	link_free(l);
	return ok ? -1 : n;
}

static int undefined(void *arg)
{
	(void)arg;
	Link *l = link_new();
	static const uint8_t code[] = {0xe8, 0, 0, 0, 0, 0xe8, 0, 0, 0, 0, 0xe8, 0, 0, 0, 0, 0xc3};
	LinkSym *f = link_add_symbol(l, "main.f", LK_TEXT, 16, code, sizeof code, 0);
	LinkSym *g = link_lookup(l, "runtime.g", 9);
	link_add_reloc(l, f, 1, LR_PCREL, 4, g, -4);
	link_add_reloc(l, f, 6, LR_PCREL, 4, g, -4); /* reported once */
	link_add_reloc(l, f, 11, LR_PCREL, 4, link_lookup(l, "main.main", 9), -4);
	uint8_t *out;
	size_t len;
	int n = link_emit(l, "main.f", &out, &len);
	link_free(l);
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: apitest OUTDIR\n");
		return 2;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/api.exe", argv[1]);
	Link *l = build();
	int rc = link_write(l, path, "_rt0_amd64_goc");
	check(rc == 0, "api-write", "link_write reported errors");
	LinkSym *ti = link_find(l, "type:int", 8);
	check(ti && ti->data && ti->data[0] == 'A', "api-dupok-first-wins", "type:int is not the first definition");
	LinkSym *w = link_find(l, "main.w", 6);
	check(w && w->data && w->data[0] == 's', "api-weak-overridden", "main.w is not the strong definition");
	LinkSym *sym_off = link_find(l, "main.off", 8);
	check(sym_off && sym_off->addr % 4 == 0, "api-align", "main.off misaligned");
	uint8_t *a, *b;
	size_t alen, blen;
	Link *l2 = build();
	int r1 = link_emit(l2, "_rt0_amd64_goc", &a, &alen);
	Link *l3 = build();
	int r2 = link_emit(l3, "_rt0_amd64_goc", &b, &blen);
	check(r1 == 0 && r2 == 0 && alen == blen && memcmp(a, b, alen) == 0, "api-deterministic",
	      "two links of the same input differ");
	free(a);
	free(b);
	link_free(l);
	link_free(l2);
	link_free(l3);

	Link *lf = link_new();
	bool fok = link_file(lf, "a.go") == 0 && link_file(lf, "b.go") == 1;
	char name[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "f%d.go", i);
		fok = fok && link_file(lf, name) == (uint32_t)i + 2;
	}
	fok = fok && link_file(lf, "a.go") == 0 && link_file(lf, "f999.go") == 1001;
	link_free(lf);
	check(fok, "api-files", "link_file does not intern paths");

	char buf[4096];
	int n;
	capture(buf, sizeof buf, dup_strong, NULL, &n);
	check(n == 2 && strcmp(buf, "duplicated definition of symbol main.f\n"
				    "duplicated definition of symbol main.g, from main and example.com/p\n") == 0,
	      "api-duplicate", buf);
	capture(buf, sizeof buf, undefined, NULL, &n);
	check(n == 2 && strcmp(buf, "main.f: relocation target runtime.g not defined\n"
				    "main.f: function main is undeclared in the main package\n") == 0,
	      "api-undefined", buf);
	return fails ? 1 : 0;
}
