/*
 * build.c — `goc build` and `goc run`: source in, a static executable out.
 *
 *   goc build [-o out] [-gcflags='-S -N'] FILE.go... | FILE.ssa...
 *   goc run [-gcflags=...] FILE.go... | FILE.ssa... [args]
 *
 * The pipeline for each function: the machine-independent SSA passes
 * (src/ssa), then the amd64 back end (src/amd64/backend.h: lower,
 * regalloc, frame, emit), which puts the code into an in-memory link;
 * then the C runtime's objects (build/runtime/libgocrt.a, or $GOCRUNTIME)
 * and the executable.  `run` writes the executable to a memfd and execs
 * it (a temporary file, removed at once, only where memfd_create is
 * missing), so the exit status is the program's own.
 *
 * Input: Go files of package main (the lowering from Go source to SSA is
 * src/ssagen's; until it lands a .go file says so), or functions in the
 * IR's text form (.ssa: each `func NAME` becomes the symbol NAME, so a
 * program defines main.main), which tests the back end by itself.
 *
 * -gcflags: -S prints the assembly (gc's listing format) to standard
 * error as gc does, -N runs only the required passes, -d=ssa/check/on
 * runs the IR checker after every pass.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/base.h"
#include "../ssa/ssa.h"
#include "../link/link.h"
#include "../amd64/backend.h"
#include "driver.h"

typedef struct BuildOpts {
	const char *out;
	bool asmlist;   /* -gcflags=-S */
	bool noopt;     /* -gcflags=-N */
	bool check;     /* -gcflags=-d=ssa/check/on */
	bool verbose;
} BuildOpts;

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int parse_gcflags(BuildOpts *o, const char *flags)
{
	char *s = xstrdup(flags);
	int rc = 0;
	for (char *p = strtok(s, " \t"); p; p = strtok(NULL, " \t")) {
		if (strcmp(p, "-S") == 0)
			o->asmlist = true;
		else if (strcmp(p, "-N") == 0)
			o->noopt = true;
		else if (strcmp(p, "-l") == 0)
			; /* no inlining: goc does not inline yet */
		else if (strcmp(p, "-d=ssa/check/on") == 0)
			o->check = true;
		else {
			fprintf(stderr, "goc: -gcflags: not implemented: %s\n", p);
			rc = 2;
		}
	}
	free(s);
	return rc;
}

/* build/runtime/libgocrt.a next to the goc binary (bin/../build/runtime) */
static const char *runtime_archive(void)
{
	const char *env = getenv("GOCRUNTIME");
	if (env && *env)
		return env;
	static char path[PATH_MAX + 64];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return "build/runtime/libgocrt.a";
	exe[n] = 0;
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = 0;
	snprintf(path, sizeof path, "%s/../build/runtime/libgocrt.a", exe);
	return path;
}

/* compiles the functions of a .ssa file into the link */
static int compile_ssa_file(Link *l, const char *path, const BuildOpts *o)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "goc: open %s: %s\n", path, strerror(errno));
		return 1;
	}
	char *err = NULL;
	int nf = 0;
	Func **fs = ssa_parse(path, text, len, &nf, &err);
	if (!fs) {
		fprintf(stderr, "%s\n", err);
		free(err);
		free(text);
		return 1;
	}
	SsaConfig cfg = {.check = o->check, .noopt = o->noopt};
	EmitOpts eo = {.asmout = o->asmlist ? stderr : NULL};
	int rc = 0;
	if (o->asmlist)
		fprintf(stderr, "# %s\n", path);
	for (int i = 0; i < nf; i++) {
		if (!ssa_compile(fs[i], &cfg))
			rc = 2;
		else
			amd64_compile(fs[i], -1, path, l, &eo);
		ssa_func_free(fs[i]);
	}
	free(fs);
	free(text);
	return rc;
}

static int build_link(const char **files, int nfiles, const BuildOpts *o, Link **lp)
{
	Link *l = link_new();
	*lp = l;
	int ngo = 0;
	for (int i = 0; i < nfiles; i++)
		if (has_suffix(files[i], ".go"))
			ngo++;
		else if (!has_suffix(files[i], ".ssa")) {
			fprintf(stderr, "goc: %s: not a .go or .ssa file\n", files[i]);
			return 1;
		}
	if (ngo) {
		fprintf(stderr, "goc: not implemented yet: compiling Go source (the AST-to-SSA lowering, src/ssagen, is in progress); .ssa input works\n");
		return 2;
	}
	for (int i = 0; i < nfiles; i++) {
		int rc = compile_ssa_file(l, files[i], o);
		if (rc)
			return rc;
	}
	const char *rt = runtime_archive();
	if (access(rt, R_OK) != 0) {
		fprintf(stderr, "goc: the runtime is not built (%s): run make\n", rt);
		return 2;
	}
	if (link_load_archive(l, rt) < 0)
		return 2;
	return 0;
}

static int parse_flags(int argc, char **argv, BuildOpts *o, bool run, int *first)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (!run && strcmp(a, "-o") == 0 && i + 1 < argc)
			o->out = argv[++i];
		else if (strncmp(a, "-gcflags=", 9) == 0) {
			if (parse_gcflags(o, a + 9))
				return 2;
		} else if (strcmp(a, "-gcflags") == 0 && i + 1 < argc) {
			if (parse_gcflags(o, argv[++i]))
				return 2;
		} else if (strcmp(a, "-v") == 0)
			o->verbose = true;
		else {
			fprintf(stderr, "goc %s: unknown flag %s\n", run ? "run" : "build", a);
			return 2;
		}
	}
	*first = i;
	return 0;
}

int cmd_build(int argc, char **argv)
{
	BuildOpts o = {0};
	int i;
	if (parse_flags(argc, argv, &o, false, &i))
		return 2;
	if (i == argc) {
		fputs("usage: goc build [-o output] [-gcflags='-S -N'] FILE.go... | FILE.ssa...\n", stderr);
		return 2;
	}
	const char **files = (const char **)argv + i;
	int nfiles = argc - i;
	char outbuf[PATH_MAX];
	if (!o.out) {
		/* as the go command: the first file's name without its suffix */
		const char *base = strrchr(files[0], '/');
		base = base ? base + 1 : files[0];
		snprintf(outbuf, sizeof outbuf, "%s", base);
		char *dot = strrchr(outbuf, '.');
		if (dot)
			*dot = 0;
		o.out = outbuf;
	}
	Link *l;
	int rc = build_link(files, nfiles, &o, &l);
	if (rc == 0 && link_write(l, o.out, "_start"))
		rc = 2;
	link_free(l);
	return rc;
}

int cmd_run(int argc, char **argv)
{
	BuildOpts o = {0};
	int i;
	if (parse_flags(argc, argv, &o, true, &i))
		return 2;
	int j = i;
	while (j < argc && (has_suffix(argv[j], ".go") || has_suffix(argv[j], ".ssa")))
		j++;
	if (j == i) {
		fputs("usage: goc run [-gcflags='-S -N'] FILE.go... | FILE.ssa... [arguments...]\n", stderr);
		return 2;
	}
	Link *l;
	int rc = build_link((const char **)argv + i, j - i, &o, &l);
	uint8_t *img = NULL;
	size_t len = 0;
	if (rc == 0 && link_emit(l, "_start", &img, &len))
		rc = 2;
	link_free(l);
	if (rc)
		return rc;
	/* argv[0] of the program: the first file's name without .go, as go run's binary */
	int nargs = argc - j;
	char **args = xcalloc((size_t)nargs + 2, sizeof *args);
	const char *base = strrchr(argv[i], '/');
	char *name = xstrdup(base ? base + 1 : argv[i]);
	char *dot = strrchr(name, '.');
	if (dot)
		*dot = 0;
	args[0] = name;
	for (int k = 0; k < nargs; k++)
		args[k + 1] = argv[j + k];
	rc = exec_image(img, len, args);
	free(img);
	return rc;
}
