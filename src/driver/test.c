/*
 * test.c — `goc test`: builds each package's test binary as the go
 * command does and runs it.
 *
 *   goc test [build flags] [-run re] [-bench re] [-benchtime d] [-count n]
 *            [-short] [-v] [-timeout d] [-failfast] [-c] [-o file]
 *            [packages] [-args ...]
 *
 * For a package P with test files: P's in-package test files join P
 * ("P [P.test]", load_test_variant: every package of the binary that
 * imports P gets it); its _test package files are the package "P_test";
 * a generated main package (testmain.go, in a temporary directory) lists
 * the tests, benchmarks, fuzz targets and examples found in the test
 * files, with their rules (TestXxx(*testing.T) and so on; an example runs
 * when its body's last comment is "Output:" or "Unordered output:"), and
 * calls testing.MainStart as cmd/go's testmain does.  The binary runs in
 * P's directory with -test.paniconexit0 -test.timeout=10m0s and the test
 * flags given; its output is shown as go test shows it: in package list
 * mode only for a failure (or with -v or -bench), then "ok  \tP\t0.123s",
 * "FAIL\tP\t0.123s", "?   \tP\t[no test files]" or "FAIL\tP [build
 * failed]"; with no package named, the directory's package, its output
 * streamed.  Each package is built and run in a child process (run_forked).
 *
 * Not yet: a build cache (every package compiles each time), go vet's
 * checks before the run (-vet is accepted and ignored: documented in
 * docs/status.md), coverage, -json, fuzzing (-fuzz).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "../syntax/ast.h"
#include "../syntax/unicode.h"
#include "driver.h"
#include "build.h"

typedef struct TestOpts {
	BuildOpts b;
	StrList args;     /* for the test binary: -test.X=V */
	bool verbose;     /* -v */
	bool compile;     /* -c */
	const char *out;  /* -o (with -c) */
	bool stream;      /* local directory mode: no package named */
	double timeout;   /* seconds; 0: none */
} TestOpts;

static void sl_add(StrList *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

/* ---- finding the tests ---- */

typedef struct TestFunc {
	const char *pkg;   /* "_test" or "_xtest" */
	char *name;
	char *output;      /* examples: the expected output, or NULL (not run) */
	bool unordered;
} TestFunc;

typedef struct TestList {
	TestFunc *tests, *benchmarks, *fuzz, *examples;
	int ntests, nbenchmarks, nfuzz, nexamples;
	TestFunc testmain; /* name NULL if none */
	bool needtest, needxtest;
	int nerrors;
} TestList;

static void tf_add(TestFunc **v, int *n, TestFunc f)
{
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
	(*v)[(*n)++] = f;
}

/* go test's isTest: name is prefix, or prefix and then not a lower-case letter */
static bool is_test_name(Str name, const char *prefix)
{
	size_t n = strlen(prefix);
	if (name.n < n || memcmp(name.p, prefix, n) != 0)
		return false;
	if (name.n == n)
		return true;
	int w;
	uint32_t r = utf8_decode((const unsigned char *)name.p + n, name.n - n, &w);
	/* unicode.IsLower, outside ASCII as a letter that is not upper case
	 * (title-case letters and the like count as lower: none in test names seen) */
	return r < 0x80 ? !(r >= 'a' && r <= 'z') : !(uni_is_letter(r) && !uni_is_upper(r));
}

/* go test's isTestFunc: func(x *arg) or func(x *pkg.arg), no results */
static bool is_test_func(Node *fd, const char *arg)
{
	Node *ft = fd->funcdecl.type;
	if (ft->functype.results && ft->functype.results->fieldlist.list.n > 0)
		return false;
	Node *ps = ft->functype.params;
	if (!ps || ps->fieldlist.list.n != 1)
		return false;
	Node *f = ps->fieldlist.list.v[0];
	if (f->field.names.n > 1 || !f->field.type || f->field.type->kind != N_StarExpr)
		return false;
	Node *x = f->field.type->star.x;
	Str name;
	if (x->kind == N_Ident)
		name = x->ident.name;
	else if (x->kind == N_SelectorExpr)
		name = x->selector.sel->ident.name;
	else
		return false;
	return name.n == strlen(arg) && memcmp(name.p, arg, name.n) == 0;
}

typedef struct Comment {
	uint32_t start, end; /* byte offsets in the file */
} Comment;

/* The comments between offsets lo and hi (a function body) of src, in
 * order; strings and runes are skipped. */
static Comment *body_comments(const char *src, uint32_t lo, uint32_t hi, int *n)
{
	Comment *v = NULL;
	*n = 0;
	for (uint32_t i = lo; i < hi;) {
		char c = src[i];
		if (c == '"' || c == '\'') {
			for (i++; i < hi && src[i] != c && src[i] != '\n'; i++)
				if (src[i] == '\\')
					i++;
			i++;
		} else if (c == '`') {
			for (i++; i < hi && src[i] != '`'; i++)
				;
			i++;
		} else if (c == '/' && i + 1 < hi && (src[i + 1] == '/' || src[i + 1] == '*')) {
			uint32_t s = i;
			if (src[i + 1] == '/')
				while (i < hi && src[i] != '\n')
					i++;
			else {
				i += 2;
				while (i + 1 < hi && !(src[i] == '*' && src[i + 1] == '/'))
					i++;
				i += 2;
			}
			v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
			v[(*n)++] = (Comment){s, i < hi ? i : hi};
		} else
			i++;
	}
	return v;
}

/* go/ast's CommentGroup.Text of the comments v[0..n) */
static char *group_text(const char *src, const Comment *v, int n)
{
	Buf lines = {0}; /* lines joined by \n, each stripped of trailing space */
	for (int k = 0; k < n; k++) {
		const char *c = src + v[k].start;
		size_t len = v[k].end - v[k].start;
		if (c[1] == '/') {
			c += 2, len -= 2;
			if (len > 0 && c[0] == ' ')
				c++, len--;
			else if (len > 0 && (strncmp(c, "go:", 3) == 0 || strncmp(c, "line ", 5) == 0 ||
			                     strncmp(c, "export ", 7) == 0 || strncmp(c, "extern ", 7) == 0))
				continue;
		} else
			c += 2, len -= 4;
		for (size_t i = 0; i <= len;) {
			size_t j = i;
			while (j < len && c[j] != '\n')
				j++;
			size_t e = j;
			while (e > i && (c[e - 1] == ' ' || c[e - 1] == '\t' || c[e - 1] == '\r'))
				e--;
			buf_printf(&lines, "%.*s\n", (int)(e - i), c + i);
			i = j + 1;
		}
	}
	/* leading blank lines dropped, interior runs of them made one, a final newline */
	Buf out = {0};
	bool lastblank = true;
	for (size_t i = 0; i < lines.n;) {
		size_t j = i;
		while (lines.p[j] != '\n')
			j++;
		bool blank = j == i;
		if (!blank || !lastblank)
			buf_printf(&out, "%.*s\n", (int)(j - i), lines.p + i);
		lastblank = blank;
		i = j + 1;
	}
	while (out.n >= 2 && out.p[out.n - 1] == '\n' && out.p[out.n - 2] == '\n')
		out.n--;
	buf_putc(&out, 0);
	buf_free(&lines);
	return out.p;
}

/* go/doc's example output: the body's last comment group, when it starts
 * with "output:" or "unordered output:" (any case) */
static char *example_output(const char *src, Node *body, const SrcFile *sf, bool *unordered)
{
	uint32_t lo = pos_offset(sf, body->block.lbrace) + 1, hi = pos_offset(sf, body->block.rbrace);
	int n;
	Comment *cs = body_comments(src, lo, hi, &n);
	if (n == 0)
		return NULL;
	/* the last group: comments separated by white space with at most one newline */
	int first = n - 1;
	while (first > 0) {
		int nl = 0;
		bool other = false;
		for (uint32_t i = cs[first - 1].end; i < cs[first].start; i++) {
			if (src[i] == '\n')
				nl++;
			else if (src[i] != ' ' && src[i] != '\t' && src[i] != '\r')
				other = true;
		}
		if (other || nl > 1)
			break;
		first--;
	}
	char *text = group_text(src, cs + first, n - first);
	free(cs);
	const char *t = text;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r' || *t == '\v' || *t == '\f')
		t++;
	*unordered = false;
	if (strncasecmp(t, "unordered ", 10) == 0 && strncasecmp(t + 10, "output:", 7) == 0) {
		*unordered = true;
		t += 17;
	} else if (strncasecmp(t, "output:", 7) == 0)
		t += 7;
	else {
		free(text);
		return NULL;
	}
	while (*t == ' ')
		t++;
	if (*t == '\n')
		t++;
	char *r = xstrdup(t);
	free(text);
	return r;
}

static void wrong_signature(TestList *tl, const char *path, Node *fd, const char *want)
{
	Position pos = pos_adjusted(fd->funcdecl.name->ident.namepos);
	Str n = fd->funcdecl.name->ident.name;
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "/");
	char *sp = short_path(cwd, path);
	fprintf(stderr, "%s:%d:%d: wrong signature for %.*s, must be: func %.*s%s\n", sp, pos.line, pos.col, (int)n.n,
		n.p, (int)n.n, n.p, want);
	free(sp);
	tl->nerrors++;
}

/* the tests of one test file (pkg: "_test" or "_xtest") */
static void scan_test_file(TestList *tl, const char *path, const char *pkg, bool *need)
{
	size_t len;
	char *src = read_file(path, &len);
	if (!src)
		return;
	static Arena a;
	DiagList d;
	diag_init(&d, 1);
	d.out = NULL;
	SrcFile *sf = fileset_add(xstrdup(path), (uint32_t)len);
	ParsedFile pf = parse_file(sf, src, (uint32_t)len, &d, &a);
	if (!pf.ast || pf.nerrors)
		return; /* the build reports it */
	List *decls = &pf.ast->file.decls;
	for (uint32_t i = 0; i < decls->n; i++) {
		Node *fd = decls->v[i];
		if (fd->kind != N_FuncDecl || fd->funcdecl.recv)
			continue;
		Node *tps = fd->funcdecl.type->functype.typeparams;
		if (tps && tps->fieldlist.list.n)
			continue;
		Str name = fd->funcdecl.name->ident.name;
		TestFunc f = {pkg, (char *)arena_strndup(&a, name.p, name.n), NULL, false};
		if (strcmp(f.name, "TestMain") == 0) {
			if (is_test_func(fd, "T")) {
				tf_add(&tl->tests, &tl->ntests, f);
				*need = true;
			} else if (is_test_func(fd, "M")) {
				if (tl->testmain.name) {
					fprintf(stderr, "multiple definitions of TestMain\n");
					tl->nerrors++;
				}
				tl->testmain = f;
				*need = true;
			} else
				wrong_signature(tl, path, fd, "(m *testing.M)");
		} else if (is_test_name(name, "Test")) {
			if (!is_test_func(fd, "T"))
				wrong_signature(tl, path, fd, "(t *testing.T)");
			else
				tf_add(&tl->tests, &tl->ntests, f), *need = true;
		} else if (is_test_name(name, "Benchmark")) {
			if (!is_test_func(fd, "B"))
				wrong_signature(tl, path, fd, "(b *testing.B)");
			else
				tf_add(&tl->benchmarks, &tl->nbenchmarks, f), *need = true;
		} else if (is_test_name(name, "Fuzz")) {
			if (!is_test_func(fd, "F"))
				wrong_signature(tl, path, fd, "(f *testing.F)");
			else
				tf_add(&tl->fuzz, &tl->nfuzz, f), *need = true;
		} else if (is_test_name(name, "Example") && fd->funcdecl.body) {
			Node *ft = fd->funcdecl.type;
			if ((ft->functype.params && ft->functype.params->fieldlist.list.n) ||
			    (ft->functype.results && ft->functype.results->fieldlist.list.n))
				continue; /* go/doc: not an example */
			f.output = example_output(src, fd->funcdecl.body, sf, &f.unordered);
			if (f.output) /* one without an output comment is compiled, not run */
				tf_add(&tl->examples, &tl->nexamples, f), *need = true;
		}
	}
}

/* ---- the generated main ---- */

static void put_quoted(Buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(b, "\\n");
		else if (*p == '\t')
			buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			buf_printf(b, "\\x%02x", *p);
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

static void put_list(Buf *b, const char *var, const char *type, const TestFunc *v, int n)
{
	buf_printf(b, "var %s = []testing.%s{\n", var, type);
	for (int i = 0; i < n; i++) {
		buf_printf(b, "\t{\"%s\", %s.%s", v[i].name, v[i].pkg, v[i].name);
		if (v[i].output) {
			buf_puts(b, ", ");
			put_quoted(b, v[i].output);
			buf_printf(b, ", %s", v[i].unordered ? "true" : "false");
		}
		buf_puts(b, "},\n");
	}
	buf_puts(b, "}\n\n");
}

static char *testmain_source(const Package *p, bool ptest, bool pxtest, const TestList *tl)
{
	Buf b = {0};
	buf_puts(&b, "// Code generated by 'go test'. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n");
	if (tl->testmain.name)
		buf_puts(&b, "\t\"reflect\"\n");
	buf_puts(&b, "\t\"testing\"\n\t\"testing/internal/testdeps\"\n\n");
	if (ptest)
		buf_printf(&b, "\t%s \"%s\"\n", tl->needtest ? "_test" : "_", p->path);
	if (pxtest)
		buf_printf(&b, "\t%s \"%s_test\"\n", tl->needxtest ? "_xtest" : "_", p->path);
	buf_puts(&b, ")\n\n");
	put_list(&b, "tests", "InternalTest", tl->tests, tl->ntests);
	put_list(&b, "benchmarks", "InternalBenchmark", tl->benchmarks, tl->nbenchmarks);
	put_list(&b, "fuzzTargets", "InternalFuzzTarget", tl->fuzz, tl->nfuzz);
	put_list(&b, "examples", "InternalExample", tl->examples, tl->nexamples);
	buf_puts(&b, "func init() {\n\ttestdeps.ImportPath = ");
	put_quoted(&b, p->path);
	buf_puts(&b, "\n}\n\nfunc main() {\n\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)\n");
	if (tl->testmain.name)
		buf_printf(&b, "\t%s.TestMain(m)\n\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n",
			   tl->testmain.pkg);
	else
		buf_puts(&b, "\tos.Exit(m.Run())\n");
	buf_puts(&b, "}\n");
	buf_putc(&b, 0);
	return b.p;
}

/* ---- running ---- */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* runs exe in dir; its output (stdout and stderr together) into *out, or
 * straight to stdout when stream; the exit status, -1 if killed by
 * the watchdog (timeout + 1 minute, as cmd/go) */
static int run_test_binary(const char *exe, const char *dir, const TestOpts *to, bool stream, Buf *out)
{
	int pfd[2];
	if (pipe(pfd) < 0)
		return 2;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(pfd[0]);
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		close(pfd[1]);
		if (chdir(dir) != 0)
			_exit(127);
		char **argv = xcalloc((size_t)to->args.n + 2, sizeof *argv);
		argv[0] = (char *)exe;
		for (int i = 0; i < to->args.n; i++)
			argv[i + 1] = (char *)to->args.v[i];
		execv(exe, argv);
		fprintf(stderr, "fork/exec %s: %s\n", exe, strerror(errno));
		_exit(127);
	}
	close(pfd[1]);
	if (pid < 0)
		return 2;
	double deadline = to->timeout > 0 ? now_seconds() + to->timeout + 60 : 0;
	bool killed = false;
	char buf[65536];
	for (;;) {
		struct pollfd pl = {pfd[0], POLLIN, 0};
		int ms = -1;
		if (deadline > 0) {
			double left = deadline - now_seconds();
			ms = left <= 0 ? 0 : (int)(left * 1000) + 1;
		}
		int r = poll(&pl, 1, ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			kill(pid, SIGQUIT);
			killed = true;
			deadline = 0;
			continue;
		}
		ssize_t n = read(pfd[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (stream)
			write_full(1, buf, (size_t)n);
		else
			buf_put(out, buf, (size_t)n);
	}
	close(pfd[0]);
	int ws = 0;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (killed)
		return -1;
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
}

typedef struct TestJob {
	Loader *ld;
	Package *p;
	const TestOpts *to;
} TestJob;

static void remove_tree(const char *dir, const char *exe, const char *main)
{
	unlink(exe);
	unlink(main);
	rmdir(dir);
}

/* builds and runs one package's tests; 0 ok, 1 failed, 2 not built */
static int test_one(void *arg)
{
	TestJob *j = arg;
	Package *p = j->p;
	const TestOpts *to = j->to;
	if (p->err) {
		load_print_errors(j->ld, &p, 1, stderr);
		printf("FAIL\t%s [setup failed]\n", p->path);
		return 1;
	}
	if (p->testgofiles.n + p->xtestgofiles.n == 0 && !to->compile) {
		printf("?   \t%s\t[no test files]\n", p->path);
		return 0;
	}
	if (p->name && strcmp(p->name, "main") == 0) {
		fprintf(stderr, "goc: not implemented yet: goc test of a command (package main) %s\n", p->path);
		return 2;
	}
	TestList tl = {0};
	for (int i = 0; i < p->testgofiles.n; i++) {
		char *path = xmalloc(strlen(p->dir) + strlen(p->testgofiles.v[i]) + 2);
		sprintf(path, "%s/%s", p->dir, p->testgofiles.v[i]);
		scan_test_file(&tl, path, "_test", &tl.needtest);
	}
	for (int i = 0; i < p->xtestgofiles.n; i++) {
		char *path = xmalloc(strlen(p->dir) + strlen(p->xtestgofiles.v[i]) + 2);
		sprintf(path, "%s/%s", p->dir, p->xtestgofiles.v[i]);
		scan_test_file(&tl, path, "_xtest", &tl.needxtest);
	}
	if (tl.nerrors) {
		printf("FAIL\t%s [setup failed]\n", p->path);
		return 1;
	}
	bool hasfiles = p->gofiles.n + p->testgofiles.n > 0;
	Package *xtest;
	load_test_variant(j->ld, p, &xtest);
	char tmpl[] = "/tmp/goc-test-XXXXXX";
	const char *tmpdir = getenv("TMPDIR");
	char *dir = NULL;
	if (tmpdir && *tmpdir) {
		dir = xmalloc(strlen(tmpdir) + 20);
		sprintf(dir, "%s/goc-test-XXXXXX", tmpdir);
	} else
		dir = xstrdup(tmpl);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "goc: mkdtemp: %s\n", strerror(errno));
		return 2;
	}
	char *mainpath = xmalloc(strlen(dir) + 20), *exe = xmalloc(strlen(dir) + strlen(p->path) + 10);
	sprintf(mainpath, "%s/testmain.go", dir);
	const char *base = strrchr(p->path, '/') ? strrchr(p->path, '/') + 1 : p->path;
	sprintf(exe, "%s/%s.test", dir, base);
	char *src = testmain_source(p, hasfiles, xtest != NULL, &tl);
	FILE *f = fopen(mainpath, "w");
	if (!f || fputs(src, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "goc: write %s: %s\n", mainpath, strerror(errno));
		return 2;
	}
	char *files[] = {mainpath};
	Package *pmain = load_files_as(j->ld, "main", files, 1);
	BuildOpts bo = to->b;
	bo.testpkg = p->path;
	uint8_t *img = NULL;
	size_t len = 0;
	int rc = build_image(j->ld, pmain, &bo, &img, &len);
	const char *target = exe;
	char *cout = NULL;
	if (to->compile) {
		cout = xmalloc(strlen(base) + 8);
		sprintf(cout, "%s.test", base);
		target = to->out ? to->out : cout;
	}
	if (rc == 0 && !write_exe(target, img, len))
		rc = 2;
	if (rc == 0)
		free(img);
	if (rc) {
		printf("FAIL\t%s [build failed]\n", p->path);
		remove_tree(dir, exe, mainpath);
		return 2;
	}
	if (to->compile) {
		remove_tree(dir, exe, mainpath);
		return 0;
	}
	Buf out = {0};
	double t0 = now_seconds();
	bool stream = to->stream || to->verbose;
	int st = run_test_binary(exe, p->dir, to, stream, &out);
	double dt = now_seconds() - t0;
	remove_tree(dir, exe, mainpath);
	if (st == 0) {
		const char *norun = "";
		if (out.n && memmem(out.p, out.n, "testing: warning: no tests to run", 33))
			norun = " [no tests to run]";
		printf("ok  \t%s\t%.3fs%s\n", p->path, dt, norun);
		return 0;
	}
	if (!stream)
		fwrite(out.p, 1, out.n, stdout);
	if (st < 0) {
		long secs = (long)(to->timeout + 60);
		printf("*** Test killed with quit: ran too long (%ldm%lds).\n", secs / 60, secs % 60);
	}
	printf("FAIL\t%s\t%.3fs\n", p->path, dt);
	return 1;
}

/* ---- the command ---- */

/* a Go duration ("10m", "1h30m", "90s", "1.5s") in seconds; -1 if malformed */
static double parse_duration(const char *s)
{
	double total = 0;
	if (strcmp(s, "0") == 0)
		return 0;
	while (*s) {
		char *end;
		double v = strtod(s, &end);
		if (end == s)
			return -1;
		s = end;
		double unit;
		if (strncmp(s, "ns", 2) == 0)
			unit = 1e-9, s += 2;
		else if (strncmp(s, "us", 2) == 0 || strncmp(s, "\xc2\xb5s", 3) == 0)
			unit = 1e-6, s += s[0] == 'u' ? 2 : 3;
		else if (strncmp(s, "ms", 2) == 0)
			unit = 1e-3, s += 2;
		else if (*s == 's')
			unit = 1, s++;
		else if (*s == 'm')
			unit = 60, s++;
		else if (*s == 'h')
			unit = 3600, s++;
		else
			return -1;
		total += v * unit;
	}
	return total;
}

/* the test flags go test passes to the binary as -test.NAME (with a value
 * or boolean) */
static const struct {
	const char *name;
	bool hasvalue;
} test_flags[] = {
	{"run", true},      {"bench", true},    {"benchtime", true}, {"count", true},  {"cpu", true},
	{"parallel", true}, {"list", true},     {"timeout", true},   {"short", false}, {"failfast", false},
	{"benchmem", false}, {"v", false},      {"shuffle", true},   {"skip", true},
};

int cmd_test(int argc, char **argv)
{
	TestOpts to = {0};
	to.timeout = 600;
	char **pats = xcalloc((size_t)argc + 1, sizeof *pats);
	int npats = 0;
	StrList user = {0};
	bool sawtimeout = false;
	int i = 1;
	for (; i < argc; i++) {
		char *a = argv[i];
		if (a[0] != '-') {
			pats[npats++] = a;
			continue;
		}
		if (strcmp(a, "-args") == 0 || strcmp(a, "--args") == 0) {
			i++;
			break;
		}
		const char *name = a + (a[1] == '-' ? 2 : 1);
		const char *eq = strchr(name, '=');
		size_t nl = eq ? (size_t)(eq - name) : strlen(name);
		const char *val = eq ? eq + 1 : NULL;
		int k = 0, nk = (int)(sizeof test_flags / sizeof *test_flags);
		while (k < nk && !(strlen(test_flags[k].name) == nl && strncmp(test_flags[k].name, name, nl) == 0))
			k++;
		if (k < nk) {
			if (test_flags[k].hasvalue && !val) {
				if (i + 1 >= argc) {
					fprintf(stderr, "flag needs an argument: -%.*s\n", (int)nl, name);
					return 2;
				}
				val = argv[++i];
			}
			if (!test_flags[k].hasvalue && !val)
				val = "true";
			if (!strcmp(test_flags[k].name, "bench") && *val)
				to.stream = true; /* go test streams benchmarks' output */
			if (!strcmp(test_flags[k].name, "v"))
				to.verbose = strcmp(val, "true") == 0;
			if (!strcmp(test_flags[k].name, "timeout")) {
				to.timeout = parse_duration(val);
				if (to.timeout < 0) {
					fprintf(stderr, "invalid value \"%s\" for flag -timeout: parse error\n", val);
					return 2;
				}
				sawtimeout = true;
			}
			char *t = xmalloc(strlen(test_flags[k].name) + strlen(val) + 8);
			sprintf(t, "-test.%s=%s", test_flags[k].name, val);
			sl_add(&user, t);
			continue;
		}
		if (nl == 1 && name[0] == 'c' && !val) {
			to.compile = true;
			continue;
		}
		if (nl == 1 && name[0] == 'o' && to.compile) {
			to.out = val ? val : i + 1 < argc ? argv[++i] : "";
			continue;
		}
		if (nl == 3 && strncmp(name, "vet", 3) == 0) {
			if (!val && i + 1 < argc)
				i++;
			continue; /* go vet's checks are not run (docs/status.md) */
		}
		if (build_flag(&to.b, argc, argv, &i, "test"))
			return 2;
	}
	to.stream = to.stream || npats == 0;
	sl_add(&to.args, "-test.paniconexit0");
	if (!sawtimeout)
		sl_add(&to.args, "-test.timeout=10m0s");
	for (int k = 0; k < user.n; k++)
		sl_add(&to.args, user.v[k]);
	for (; i < argc; i++)
		sl_add(&to.args, argv[i]);
	char *dot[] = {"."};
	Loader *ld = build_loader(to.b.tags);
	if (!ld)
		return 1;
	int nroots;
	Package **roots = load_patterns(ld, npats ? pats : dot, npats ? npats : 1, &nroots);
	if (ld->nerrors)
		return 1;
	int status = 0, failed = 0;
	for (int k = 0; k < nroots; k++) {
		TestJob job = {ld, roots[k], &to};
		int rc = run_forked(test_one, &job);
		fflush(stdout);
		if (rc)
			failed++;
		if (rc > status)
			status = rc;
	}
	if (failed && !to.stream)
		printf("FAIL\n");
	return status;
}
