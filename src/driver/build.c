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
 * Input: Go files of package main (parsed, type-checked and lowered to
 * SSA by src/ssagen) with the packages they import, compiled first (see
 * "packages" below: only goc's runtime overlay and unsafe yet),
 * or functions in the IR's text form (.ssa: each `func NAME` becomes the
 * symbol NAME, so a program defines main.main), which tests the back end
 * by itself.
 *
 * Besides the code, a Go package needs data the runtime and the code
 * refer to: package variables (bss), type descriptors and itabs
 * (src/gen), the static closure records of functions used as values
 * (F·f, one word: &F), and each package's PKG..inittask (Go 1.19's
 * layout, running PKG.init, which ssagen makes from the package's
 * initialisation, after the imported packages' inittasks).
 *
 * -gcflags: -S prints the assembly (gc's listing format) to standard
 * error as gc does, -N runs only the required passes, -d=ssa/check/on
 * runs the IR checker after every pass.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/base.h"
#include "../ssa/ssa.h"
#include "../link/link.h"
#include "../amd64/backend.h"
#include "../syntax/syntax.h"
#include "../types/types.h"
#include "../types/expr.h"
#include "../ssagen/ssagen.h"
#include "../gen/typedesc.h"
#include "../load/load.h"
#include "driver.h"
#include "buildasm.h"
#include "build.h"
#include "pkgentry.h"


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
		else if (strcmp(p, "-m") == 0)
			o->escdiag++;
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

/* the C runtime archive: $GOCRUNTIME, else build/runtime/libgocrt.a
 * under goc's root (the repository, or PREFIX/lib/goc installed) */
static const char *runtime_archive(void)
{
	const char *env = getenv("GOCRUNTIME");
	if (env && *env)
		return env;
	static char path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/build/runtime/libgocrt.a", goc_root());
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

/* the ABI0 size of a function's parameters, from its Args (before the
 * passes: unused parameters still have theirs) */
static int64_t param_size(Func *f)
{
	int64_t n = 0;
	for (uint32_t i = 0; i < f->nvalueids; i++) {
		Value *v = f->values[i];
		if (v && v->op == OpArg && v->auxint + v->type->size > n)
			n = v->auxint + v->type->size;
	}
	return n;
}

static bool ends_with(Str s, const char *suf)
{
	size_t m = strlen(suf);
	return s.n >= m && memcmp(s.p + s.n - m, suf, m) == 0;
}

/* The traceback's view of f's parameters (gc's ArgInfo, src/gen/arginfo.c),
 * from its Arg values, which ssagen makes for every parameter (receiver
 * first) with the checker's Object; computed before the passes drop the
 * unused ones. */
static void func_arginfo(Func *f, Buf *out)
{
	enum { MAXP = 256 };
	Type *ts[MAXP];
	int64_t offs[MAXP];
	int n = 0;
	for (uint32_t i = 0; i < f->nvalueids && n < MAXP; i++) {
		Value *v = f->values[i];
		if (!v || v->op != OpArg || !v->aux || !v->aux->obj)
			continue;
		int j = n++;
		for (; j > 0 && offs[j - 1] > v->auxint; j--) {
			ts[j] = ts[j - 1];
			offs[j] = offs[j - 1];
		}
		ts[j] = ((Object *)v->aux->obj)->type;
		offs[j] = v->auxint;
	}
	gclayout_arginfo(out, ts, offs, n);
}

/* The compiler's wrappers, hidden in tracebacks as gc hides its own:
 * go and defer statement wrappers, method value closures (T.M-fm), and
 * the method wrappers ssagen lists in GenPkg.wrappers; all but the go
 * and defer wrappers are method wrappers, transparent to recover (the
 * runtime's recover skips their frames: a method reached through one
 * from a deferred call was "called directly by the deferred function"). */
static uint32_t wrapper_flags(GenPkg *g, const char *name)
{
	const char *d = strrchr(name, '.');
	if (!d)
		return 0;
	d++;
	size_t n = strlen(d);
	if ((n > 3 && strcmp(d + n - 3, "-fm") == 0) || ptrmap_get(&g->wrappers, intern_cstr(name)))
		return LFN_WRAPPER | LFN_METHODWRAPPER;
	const char *p = strncmp(d, "gowrap", 6) == 0 ? d + 6 : strncmp(d, "deferwrap", 9) == 0 ? d + 9 : NULL;
	if (!p || !*p)
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return LFN_WRAPPER;
}

static char *cstr(Str s);

/* data that the code of f refers to: descriptors, itabs, F·f records,
 * the zero values of large map elements */
static void func_data(Link *l, TypeGen *tg, Func *f)
{
	for (uint32_t i = 0; i < f->nvalueids; i++) {
		Value *v = f->values[i];
		if (!v || v->op != OpAddr || !v->aux || !v->aux->obj)
			continue;
		Str n = v->aux->s;
		if (n.n > 5 && memcmp(n.p, "type.", 5) == 0)
			typedesc_type(tg, (Type *)v->aux->obj);
		else if (n.n > 8 && memcmp(n.p, "go.itab.", 8) == 0) {
			GenItab *it = v->aux->obj;
			typedesc_itab(tg, it->type, it->iface);
		}
	}
	for (uint32_t i = 0; i < f->nvalueids; i++) {
		Value *v = f->values[i];
		if (v && v->op == OpAddr && v->aux && v->aux->s.n > 12 && memcmp(v->aux->s.p, "go.map.zero.", 12) == 0) {
			/* the zero value of a large map element (ssagen/map.c) */
			LinkSym *s = link_find(l, v->aux->s.p, v->aux->s.n);
			if (!s || s->kind == LK_UNDEF) {
				char *name = cstr(v->aux->s);
				link_add_symbol(l, name, LK_NOPTRBSS, 8, NULL, strtoull(name + 12, NULL, 10), LF_DUPOK);
				free(name);
			}
			continue;
		}
		if (!v || v->op != OpAddr || !v->aux || !ends_with(v->aux->s, "\xc2\xb7" "f"))
			continue;
		LinkSym *s = link_find(l, v->aux->s.p, v->aux->s.n);
		if (s && s->kind != LK_UNDEF)
			continue;
		s = link_add_symbol(l, v->aux->s.p, LK_RODATA, 8, NULL, 8, LF_DUPOK);
		if (s)
			link_add_reloc(l, s, 0, LR_ADDR, 8, link_lookup(l, v->aux->s.p, v->aux->s.n - 3), 0);
	}
}

/* the interface methods f calls, as the linker's markers (each once) */
static struct EmitMarker *iface_markers(TypeGen *tg, Func *f, uint32_t *n)
{
	struct EmitMarker *v = xmalloc((size_t)(f->nimethods + 1) * sizeof *v);
	*n = 0;
	for (int i = 0; i < f->nimethods; i++) {
		struct EmitMarker m = {typedesc_type(tg, f->imethods[i].iface), f->imethods[i].index};
		uint32_t j = 0;
		while (j < *n && (v[j].iface != m.iface || v[j].index != m.index))
			j++;
		if (j == *n)
			v[(*n)++] = m;
	}
	return v;
}

/* ---- errors as the go command shows them ----
 * `go build` prints "# command-line-arguments" and then the compiler's
 * errors with each file's directory shortened (cmd/go's ShortPath: the
 * path relative to the working directory when that is shorter, "./f.go"
 * for a file in it). */

/* the clean absolute form of path p (no symlinks resolved, as filepath.Abs) */
static char *abs_clean(const char *p)
{
	char cwd[PATH_MAX];
	Buf b = {0};
	if (p[0] != '/') {
		if (!getcwd(cwd, sizeof cwd))
			return xstrdup(p);
		buf_puts(&b, cwd);
	}
	buf_putpath(&b, p);
	if (!b.n)
		buf_putc(&b, '/');
	buf_putc(&b, 0);
	char *r = xstrdup(b.p);
	buf_free(&b);
	return r;
}

/* cmd/go's ShortPath: the clean absolute directory dir relative to the
 * clean absolute working directory cwd when that is shorter (malloc'd) */
char *short_path(const char *cwd, const char *dir)
{
	if (strcmp(cwd, "/") == 0)
		cwd = ""; /* every component of dir is below it */
	/* the longest common run of whole components */
	size_t i = 0, common = 0;
	while (cwd[i] && dir[i] && cwd[i] == dir[i]) {
		i++;
		if (cwd[i - 1] == '/')
			common = i - 1;
	}
	if ((!cwd[i] || cwd[i] == '/') && (!dir[i] || dir[i] == '/'))
		common = i;
	Buf r = {0};
	for (const char *q = cwd + common; *q; q++)
		if (*q == '/')
			buf_puts(&r, r.n ? "/.." : "..");
	const char *rest = dir + common;
	if (*rest == '/')
		rest++;
	if (*rest) {
		if (r.n)
			buf_putc(&r, '/');
		buf_puts(&r, rest);
	}
	if (!r.n)
		buf_putc(&r, '.');
	buf_putc(&r, 0);
	char *res = strlen(r.p) < strlen(dir) ? xstrdup(r.p) : xstrdup(dir);
	buf_free(&r);
	return res;
}

/* ShortPath against the process's working directory */
static char *short_dir(const char *dir)
{
	char *cwd = abs_clean(".");
	char *r = short_path(cwd, dir);
	free(cwd);
	return r;
}

/* prints the collected errors as `go build` does; returns how many */
static int report_diags(DiagList *d, const char *pkgpath, const char **paths, int n)
{
	if (d->n == 0)
		return 0;
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		return diag_flush(d);
	FILE *out = d->out;
	d->out = mem;
	int count = diag_flush(d);
	d->out = out;
	fclose(mem);
	/* each file's display name */
	char **show = xcalloc((size_t)n, sizeof *show);
	for (int k = 0; k < n; k++) {
		char *a = abs_clean(paths[k]);
		char *slash = strrchr(a, '/');
		*slash = 0;
		char *dir = short_dir(a[0] ? a : "/");
		show[k] = xmalloc(strlen(dir) + strlen(slash + 1) + 2);
		sprintf(show[k], "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, slash + 1);
		free(dir);
		free(a);
	}
	fprintf(out, "# %s\n", pkgpath);
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n');
		size_t ll = nl ? (size_t)(nl - line + 1) : strlen(line);
		/* every position in the line is shortened: at its start, after
		 * the tab of a continuation line ("\tF:L:C: other declaration
		 * of x") and inside the message ("jumps over declaration of v at
		 * F:L:C"), as cmd/go rewrites the compiler's output */
		size_t i = 0;
		while (i < ll) {
			int k = n;
			if (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t') {
				for (k = 0; k < n; k++) {
					size_t pl = strlen(paths[k]);
					if (ll > i + pl && memcmp(line + i, paths[k], pl) == 0 && line[i + pl] == ':')
						break;
				}
			}
			if (k < n) {
				fputs(show[k], out);
				i += strlen(paths[k]);
			} else
				fputc(line[i++], out);
		}
		line += ll;
	}
	for (int k = 0; k < n; k++)
		free(show[k]);
	free(show);
	free(text);
	return count;
}

/* ---- GOSSAFUNC ----
 * GOSSAFUNC=NAME writes ssa.html for the function NAME into the working
 * directory, one column per SSA pass and a last "genssa" column with the
 * function's assembly, and says "dumped SSA to PATH" as the go command
 * shows gc's.  NAME is matched as gc does: the name within the
 * package (f, (*T).M, f.func1) or the package path and name (main.f).
 * NAME+ also prints the IR after every pass (on stderr, in the build's
 * output). */
typedef struct SsaFuncDump {
	const char *want;    /* NULL: no GOSSAFUNC */
	bool text;           /* NAME+ */
	char *html;          /* CWD/ssa.html */
	char *shown;         /* its name in the message */
	bool header, dumped;
	char *asmtext;       /* the current function's listing */
	size_t asmlen;
} SsaFuncDump;

static SsaFuncDump ssafunc_dump_init(const char *firstfile)
{
	SsaFuncDump d = {0};
	const char *e = getenv("GOSSAFUNC");
	if (!e || !*e)
		return d;
	size_t n = strcspn(e, ":"); /* NAME:CFG: the CFG part is gc's dot output, not done */
	char *w = xmalloc(n + 1);
	memcpy(w, e, n);
	w[n] = 0;
	if (n && w[n - 1] == '+') {
		w[n - 1] = 0;
		d.text = true;
	}
	d.want = w;
	/* gc writes ssa.html in the working directory and names it by its
	 * absolute path, which the go command shortens where the package's
	 * directory appears in it */
	char *cwd = abs_clean(".");
	Buf b = {0};
	buf_printf(&b, "%s/ssa.html", strcmp(cwd, "/") == 0 ? "" : cwd);
	buf_putc(&b, 0);
	d.html = xstrdup(b.p);
	char *pkgdir = abs_clean(firstfile);
	*strrchr(pkgdir, '/') = 0;
	char *rel = short_dir(pkgdir[0] ? pkgdir : "/");
	size_t pl = strlen(pkgdir);
	b.n = 0;
	if (strcmp(rel, pkgdir) != 0 && strncmp(d.html, pkgdir, pl) == 0 && (d.html[pl] == '/' || !d.html[pl]))
		buf_printf(&b, "%s%s", rel, d.html + pl);
	else
		buf_puts(&b, d.html);
	buf_putc(&b, 0);
	d.shown = xstrdup(b.p);
	buf_free(&b);
	free(cwd);
	free(pkgdir);
	free(rel);
	return d;
}

static void ssafunc_header(SsaFuncDump *d)
{
	if (!d->header)
		fputs("# command-line-arguments\n", stderr);
	d->header = true;
}

/* sets up fc and feo for f; false if ssa.html cannot be written */
static bool ssafunc_dump_begin(SsaFuncDump *d, Func *f, SsaConfig *fc, EmitOpts *feo)
{
	if (!d->want || !gen_funcname_matches(f->name, d->want))
		return true;
	fc->html = ssa_html_open(d->html, f->name);
	if (!fc->html) {
		fprintf(stderr, "goc: %s: %s\n", d->html, strerror(errno));
		return false;
	}
	if (d->text) {
		ssafunc_header(d);
		fprintf(stderr, "generating SSA for %s\n", f->name);
		fc->dump = "all";
		fc->dumpout = stderr;
	}
	feo->asmout = open_memstream(&d->asmtext, &d->asmlen);
	return true;
}

static void ssafunc_dump_end(SsaFuncDump *d, SsaConfig *fc, EmitOpts *feo)
{
	if (!fc->html)
		return;
	fclose(feo->asmout);
	ssa_html_text(fc->html, "genssa", d->asmtext, d->asmlen);
	ssa_html_close(fc->html);
	free(d->asmtext);
	d->asmtext = NULL;
	d->dumped = true;
}

static void ssafunc_dump_finish(SsaFuncDump *d)
{
	if (d->dumped) {
		ssafunc_header(d);
		fprintf(stderr, "dumped SSA to %s\n", d->shown);
	}
	free((char *)d->want);
	free(d->html);
	free(d->shown);
}

/* ---- packages ----
 * A program is compiled package by package, each after the packages it
 * imports: parsed, type-checked against the packages already checked,
 * lowered with its own symbol prefix (the import path: runtime.X,
 * main.X), its functions compiled, its package variables and its
 * inittask (Go 1.19's {state, ndeps, nfns, deps..., fns...}, deps the
 * imported packages' inittasks, the one fn PKG.init) defined, into a link
 * of its own that becomes its build-cache entry ("the packages' actions"
 * below; docs/architecture.md, "The build cache").  The packages and
 * their order come from src/load, with goc's overlay in place of
 * GOROOT's runtime (docs/load.md, "The overlay"); package main is the
 * command line's files, all of them (as the go command's
 * GoFilesPackage), and depends on runtime implicitly, as in gc.  Each
 * package emits the type descriptors it needs (its own TypeGen, DUPOK
 * symbols); the program's link gathers typelinks and itabs.
 *
 * The standard library is compiled from GOROOT's source, each package
 * with its assembly (buildasm.c); the C runtime is loaded into the
 * program's link first, so that the compiler knows which body-less
 * functions it defines (gen_funcabi: C runtime, assembly, or another
 * package's Go function by //go:linkname).  A standard package goc
 * cannot compile yet, or a function the runtime does not provide yet,
 * ends the build with "goc: not implemented yet: ..." after the errors,
 * exit status 2. */

typedef struct BuildPkg {
	const char *path;     /* import path; "main" for the command line's package */
	Package *p;
	int index;            /* in dependency order */
	TPackage *tp;
	Checker check;        /* kept: other packages' code refers to its objects */
	GenPkg gen;
	const char **deps;    /* import paths of the packages it imports (not unsafe) */
	struct BuildPkg **depbps;
	int ndeps;
	bool complete;        /* Go files only (gc's -complete): every function has a body */
	char **linknames;     /* local names in its //go:linkname directives */
	int nlinknames;
	bool named;           /* named on the command line (-gcflags applies to it) */
	const char **paths;   /* its files' paths (messages) */
	int npaths;
	struct EscDirective *escdirs; /* its //go:noescape and //go:uintptrescapes (escape analysis) */
	uint32_t nescdirs;
	char **lnkeys, **lnvals; /* its directives: "path.local" → target */
	int nlnpairs;
	PtrMap asmsyms;       /* what its assembly defines (as Build.asmsyms) */
	Node **files;         /* checked */
	uint32_t nfiles;
	const char *shown;    /* its name in messages */
	PkgAsm pa;            /* its assembly */
	bool hasasm;
	/* the action */
	uint8_t key[32];
	bool hit;             /* its entry is in the cache */
	bool need;            /* checked here: a miss, or a miss imports it */
	uint8_t *entry;       /* its entry's bytes (read from the cache or the work directory) */
	size_t nentry;
	PkgMeta meta;
	int pid;              /* the child compiling it */
	bool checked, started, done, failed, shownout;
	Buf facts;            /* what its compilation leaves its importers (build_export_facts) */
	int rc, signal;
	char *outfile, *entfile; /* the child's output and entry, in the work directory */
} BuildPkg;

typedef struct Build {
	Link *l;              /* where code goes: a package's own link (in its child) */
	Link *rtl;            /* the program's link: the C runtime first, the entries at the end */
	const BuildOpts *o;
	TypeGen *tg;
	Arena *arena;         /* package lifetime: syntax trees, types, names */
	DiagList diags;
	Package *root;
	BuildPkg **bps;       /* every package of the program, dependencies first */
	int nbps;
	BuildPkg **pkgs;      /* checked so far, dependencies first */
	int npkgs;
	SsaFuncDump sd;       /* GOSSAFUNC */
	const ImportRef *imports; /* the package being checked: its imports as written → resolved (vendor/) */
	int nimports;
	PtrMap linknames;     /* "pkgpath.local" → the //go:linkname target (interned) */
	PtrMap asmsyms;       /* symbols the packages' assembly defines → 1 (ABI0), 2 (ABIInternal) */
	PtrMap xvals;         /* -ldflags -X: "pkgprefix.name" → value */
	bool cacheable;       /* entries are looked up and stored */
	int maxjobs, running; /* -p; children compiling */
	char *work;           /* the work directory ($WORK) */
} Build;

static int finish_children(Build *b);

/* a package's errors, after the output of the children compiling the
 * packages before it */
static int report_errors(Build *b, const char *shown, const char **paths, int n)
{
	if (b->diags.n)
		finish_children(b);
	return report_diags(&b->diags, shown, paths, n);
}

static TPackage *build_importer(void *ctx, const char *path)
{
	Build *b = ctx;
	if (strcmp(path, "unsafe") == 0) {
		universe_init();
		return unsafe_pkg;
	}
	for (int i = 0; i < b->nimports; i++)
		if (b->imports[i].pkg && strcmp(b->imports[i].path, path) == 0) {
			path = b->imports[i].pkg->path; /* GOROOT's vendor/golang.org/x/... */
			break;
		}
	for (int i = 0; i < b->npkgs; i++)
		if (strcmp(b->pkgs[i]->path, path) == 0)
			return b->pkgs[i]->tp;
	return NULL;
}

/* the checker of package p, compiled earlier in the build (GenPkg's
 * checkerof: bodies of imported generic functions) */
static Checker *build_checkerof(void *ctx, TPackage *p)
{
	Build *b = ctx;
	for (int i = 0; i < b->npkgs; i++)
		if (b->pkgs[i]->tp == p)
			return &b->pkgs[i]->check;
	return NULL;
}

/* whether the C runtime (loaded into the link first) defines sym: a
 * symbol from one of its archive's members, not one a package's Go code
 * or assembly defined */
static bool build_cdefined(void *ctx, const char *sym)
{
	Build *b = ctx;
	LinkSym *s = link_find(b->rtl, sym, strlen(sym));
	const char *rt = runtime_archive();
	size_t n = strlen(rt);
	return s && s->kind != LK_UNDEF && s->file && strncmp(s->file, rt, n) == 0 && s->file[n] == '(';
}

/* typedesc's method hook: the functions method tables name */
static const char *method_hook(void *ctx, Type *recv, Object *m) { return ssagen_method(ctx, recv, m); }

static char *cstr(Str s)
{
	char *p = xmalloc(s.n + 1);
	memcpy(p, s.p, s.n);
	p[s.n] = 0;
	return p;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* a string variable set by -ldflags -X: its data is the value */
static bool define_xvar(Build *b, const char *name, Type *t)
{
	const char *val = ptrmap_get(&b->xvals, intern_cstr(name));
	if (!val)
		return false;
	if (!is_string(t)) {
		fprintf(stderr, "goc: -X %s: not a string variable (%s)\n", name, name);
		return false;
	}
	Link *l = b->l;
	size_t n = strlen(val);
	Buf sn = {0};
	buf_printf(&sn, "%s..xvalue", name);
	buf_putc(&sn, 0);
	LinkSym *str = n ? link_add_symbol(l, sn.p, LK_RODATA, 1, val, n, 0) : NULL;
	buf_free(&sn);
	uint64_t hdr[2] = {0, (uint64_t)n};
	LinkSym *v = link_add_symbol(l, name, LK_DATA, 8, hdr, sizeof hdr, 0);
	if (v && str)
		link_add_reloc(l, v, 0, LR_ADDR, 8, str, 0);
	return true;
}

static void define_global(Build *b, const char *name, Type *t)
{
	Link *l = b->l;
	LinkSym *old = link_find(l, name, strlen(name));
	if (old && old->kind != LK_UNDEF)
		return;
	if (b->xvals.n && define_xvar(b, name, t))
		return;
	int64_t size = gclayout_size(t), align = gclayout_align(t);
	LinkKind k = gclayout_ptrdata(t) ? LK_BSS : LK_NOPTRBSS;
	/* internal/fuzz's [0]byte _counters and _ecounters bound the fuzzing
	 * coverage counters, which gc's linker places between them; goc
	 * instruments nothing, so they are one address (no counters) */
	static const char ecounters[] = "internal/fuzz._ecounters";
	if (strcmp(name, ecounters) == 0) {
		LinkSym *c = link_find(l, "internal/fuzz._counters", sizeof ecounters - 2);
		if (!c || c->kind == LK_UNDEF)
			c = link_add_symbol(l, "internal/fuzz._counters", k, 1, NULL, 1, 0);
		link_define_alias(l, link_lookup(l, name, strlen(name)), c, 0);
		return;
	}
	link_add_symbol(l, name, k, (uint32_t)(align ? align : 1), NULL, (uint64_t)(size ? size : 1), 0);
}

/* the package variables of bp: those its code refers to, and the rest
 * of its scope (other packages may refer to them) */
static void define_globals(Build *b, BuildPkg *bp)
{
	GenPkg *g = &bp->gen;
	/* in name order: the map's order is its keys' addresses, and the
	 * executable must not depend on them (the build cache, reproducible
	 * builds) */
	typedef struct {
		char *name;
		Type *type;
	} G;
	G *gs = xcalloc(g->globals.cap + 1, sizeof *gs);
	uint32_t ng = 0;
	for (uint32_t i = 0; i < g->globals.cap; i++) {
		if (!g->globals.keys || !g->globals.keys[i])
			continue;
		Object *obj = (Object *)g->globals.keys[i];
		if (obj->pkg && obj->pkg != bp->tp)
			continue;
		gs[ng++] = (G){cstr(((SsaAux *)g->globals.vals[i])->s), obj->type};
	}
	qsort(gs, ng, sizeof *gs, cmp_cstr);
	for (uint32_t i = 0; i < ng; i++) {
		define_global(b, gs[i].name, gs[i].type);
		free(gs[i].name);
	}
	free(gs);
	if (strcmp(bp->path, "main") == 0)
		return; /* nothing imports main */
	Arena a;
	arena_init(&a);
	uint32_t n;
	Object **objs = scope_sorted(&a, bp->tp->scope, &n);
	for (uint32_t i = 0; i < n; i++) {
		if (objs[i]->kind != OBJ_VAR)
			continue;
		Buf nb = {0};
		typestr_pkgprefix(&nb, bp->path);
		buf_printf(&nb, ".%s", objs[i]->name);
		buf_putc(&nb, 0);
		define_global(b, nb.p, objs[i]->type);
		buf_free(&nb);
	}
	arena_free(&a);
}

/* PKG..inittask: {state, ndeps, nfns, deps..., PKG.init} */
/* gc drops init functions that do nothing; goc's PKG.init still runs,
 * but a package whose inittask lists no function is observable
 * (GOROOT/test initempty reads main..inittask).  A statement does
 * nothing when it is empty, a block of such, or an if/for whose
 * condition is the universe's false. */
static bool is_false(Checker *c, Node *e)
{
	if (!e || e->kind != N_Ident)
		return false;
	Object *o = ptrmap_get(&c->info.uses, e);
	return o && o->kind == OBJ_CONST && o->parent == universe && o->name[0] == 'f';
}

static bool stmt_noop(Checker *c, Node *st)
{
	if (!st)
		return true;
	switch (st->kind) {
	case N_EmptyStmt:
		return true;
	case N_BlockStmt:
		for (uint32_t i = 0; i < st->block.list.n; i++)
			if (!stmt_noop(c, st->block.list.v[i]))
				return false;
		return true;
	case N_IfStmt:
		return !st->ifstmt.init && is_false(c, st->ifstmt.cond) && stmt_noop(c, st->ifstmt.else_);
	case N_ForStmt:
		return !st->forstmt.init && is_false(c, st->forstmt.cond);
	default:
		return false;
	}
}

/* whether the package has initialization to run: variable initializers
 * or an init function that does something */
static bool has_initwork(BuildPkg *bp, Node **files, uint32_t nfiles)
{
	if (bp->tp->ninits > 0)
		return true;
	for (uint32_t i = 0; i < nfiles; i++) {
		List *decls = &files[i]->file.decls;
		for (uint32_t d = 0; d < decls->n; d++) {
			Node *fd = decls->v[d];
			if (fd->kind != N_FuncDecl || fd->funcdecl.recv)
				continue;
			Str n = fd->funcdecl.name->ident.name;
			if (n.n == 4 && memcmp(n.p, "init", 4) == 0 && !stmt_noop(&bp->check, fd->funcdecl.body))
				return true;
		}
	}
	return false;
}

static void define_inittask(Build *b, BuildPkg *bp, bool initwork)
{
	Buf nb = {0};
	typestr_pkgprefix(&nb, bp->path);
	size_t plen = nb.n;
	buf_puts(&nb, "..inittask");
	buf_putc(&nb, 0);
	size_t words = 4 + (size_t)bp->ndeps;
	uint64_t *task = xcalloc(words, sizeof *task);
	task[1] = (uint64_t)bp->ndeps;
	task[2] = initwork ? 1 : 0;
	LinkSym *it = link_add_symbol(b->l, nb.p, LK_NOPTRDATA, 8, task, words * 8, 0);
	free(task);
	if (it) {
		for (int i = 0; i < bp->ndeps; i++) {
			Buf db = {0};
			typestr_pkgprefix(&db, bp->deps[i]);
			buf_puts(&db, "..inittask");
			link_add_reloc(b->l, it, 24 + 8 * (uint32_t)i, LR_ADDR, 8, link_lookup(b->l, db.p, db.n), 0);
			buf_free(&db);
		}
		nb.n = plen;
		buf_puts(&nb, ".init");
		link_add_reloc(b->l, it, 24 + 8 * (uint32_t)bp->ndeps, LR_ADDR, 8, link_lookup(b->l, nb.p, nb.n), 0);
	}
	buf_free(&nb);
}

/* checks, lowers and compiles one package's files into the link */
/* gc's -complete (cmd/go passes it for a package without assembly or cgo
 * files): a function declared without a body is an error unless a
 * //go:linkname directive names it; checked after type checking, as gc's
 * noder does */
static void check_bodies(Build *b, BuildPkg *bp, Node **files, uint32_t nfiles)
{
	for (uint32_t i = 0; i < nfiles; i++) {
		List *decls = &files[i]->file.decls;
		for (uint32_t d = 0; d < decls->n; d++) {
			Node *fd = decls->v[d];
			if (fd->kind != N_FuncDecl || fd->funcdecl.body)
				continue;
			Node *id = fd->funcdecl.name;
			Str name = id->ident.name;
			Node *tps = fd->funcdecl.type->functype.typeparams;
			if ((tps && tps->fieldlist.list.n) || (name.n == 4 && memcmp(name.p, "init", 4) == 0))
				continue; /* the checker's errors */
			bool named = false;
			for (int k = 0; k < bp->nlinknames && !named; k++)
				named = strlen(bp->linknames[k]) == name.n && memcmp(bp->linknames[k], name.p, name.n) == 0;
			if (!named)
				diag_error(&b->diags, id->ident.namepos, "missing function body");
		}
	}
}

/* records a file's //go:linkname directives in bp: the local names, and
 * the pairs "path.local" → target (its entry's, and its child's
 * Build.linknames with those of the packages before it: maps_upto) */
static void add_linknames(BuildPkg *bp, const char *path, const Directive *dirs, uint32_t ndirs)
{
	for (uint32_t i = 0; i < ndirs; i++) {
		const char *t = dirs[i].text.p, *end = t + dirs[i].text.n;
		bool ue = str_eqc(dirs[i].text, "//go:uintptrescapes"), ns = str_eqc(dirs[i].text, "//go:nosplit");
		if (ue || ns || str_eqc(dirs[i].text, "//go:noescape")) {
			bp->escdirs = xrealloc(bp->escdirs, (bp->nescdirs + 1) * sizeof *bp->escdirs);
			bp->escdirs[bp->nescdirs++] = (struct EscDirective){dirs[i].pos, ue, ns};
			continue;
		}
		if (dirs[i].text.n < 14 || memcmp(t, "//go:linkname", 13) != 0 || (t[13] != ' ' && t[13] != '\t'))
			continue;
		t += 13;
		while (t < end && (*t == ' ' || *t == '\t'))
			t++;
		const char *w = t;
		while (t < end && *t != ' ' && *t != '\t')
			t++;
		if (t == w)
			continue;
		bp->linknames = xrealloc(bp->linknames, (size_t)(bp->nlinknames + 1) * sizeof *bp->linknames);
		char *ln = xmalloc((size_t)(t - w) + 1);
		memcpy(ln, w, (size_t)(t - w));
		ln[t - w] = 0;
		bp->linknames[bp->nlinknames++] = ln;
		while (t < end && (*t == ' ' || *t == '\t'))
			t++;
		const char *tw = t;
		while (t < end && *t != ' ' && *t != '\t')
			t++;
		if (t > tw) {
			Buf kb = {0};
			buf_printf(&kb, "%s.%s", path, ln);
			const char *k = intern(kb.p, kb.n), *v = intern(tw, (size_t)(t - tw));
			bp->lnkeys = xrealloc(bp->lnkeys, (size_t)(bp->nlnpairs + 1) * sizeof *bp->lnkeys);
			bp->lnvals = xrealloc(bp->lnvals, (size_t)(bp->nlnpairs + 1) * sizeof *bp->lnvals);
			bp->lnkeys[bp->nlnpairs] = (char *)k;
			bp->lnvals[bp->nlnpairs++] = (char *)v;
			buf_free(&kb);
		}
	}
}

static int write_entry(Build *b, BuildPkg *bp);

static void maps_upto(Build *b, BuildPkg *bp);
static Build *facts_build; /* in a package's child: its build and package */
static BuildPkg *facts_pkg;

/* lowers and compiles one checked package (in a child process, its own
 * link and descriptor generator: every symbol it needs, DUPOK where
 * another package may carry the same) and writes its entry */
static int codegen_pkg(Build *b, BuildPkg *bp)
{
	facts_build = b;
	facts_pkg = bp;
	maps_upto(b, bp);
	b->l = link_new();
	b->tg = typedesc_new(b->l);
	Checker *c = &bp->check;
	GenPkg *g = &bp->gen;
	g->arena = b->arena;
	g->linknames = &b->linknames;
	g->asmsyms = &b->asmsyms;
	g->xvals = b->xvals.n ? &b->xvals : NULL;
	g->checkerof = build_checkerof;
	g->checkerctx = b;
	g->cdefined = build_cdefined;
	g->dirs = bp->escdirs;
	g->ndirs = bp->nescdirs;
	/* escape analysis: the tags of every package before it (facts of
	 * their entries: compiled in other processes), its own for later */
	for (int i = 0; i < b->nbps && b->bps[i] != bp; i++) {
		size_t nf;
		const uint8_t *f = build_import_facts(b->bps[i]->path, &nf);
		if (f && b->bps[i]->checked)
			escape_import(&b->bps[i]->check, f, nf);
	}
	DiagList escd;
	diag_init(&escd, 0);
	g->escdiags = b->o->escdiag && bp->named ? &escd : NULL;
	ssagen_package(g, c);
	report_diags(&escd, bp->shown, bp->paths, bp->npaths);
	diag_free(&escd);
	g->escdiags = NULL;
	Buf facts = {0};
	escape_export(c, &facts);
	build_export_facts((const uint8_t *)facts.p, facts.n);
	buf_free(&facts);
	/* descriptors emitted while compiling (func_data) may name methods
	 * and wrappers not lowered yet: the hook appends them to g->funcs,
	 * and the loop below goes on until no function is added */
	typedesc_set_method_hook(b->tg, method_hook, g);
	SsaConfig cfg = {.check = b->o->check, .noopt = b->o->noopt};
	EmitOpts eo = {.asmout = b->o->asmlist ? stderr : NULL};
	if (b->o->asmlist)
		fprintf(stderr, "# %s\n", bp->shown);
	for (int k = 0; k < g->nfuncs; k++) {
		Func *f = g->funcs[k];
		int64_t ps = param_size(f);
		func_data(b->l, b->tg, f);
		SsaConfig fc = cfg;
		EmitOpts feo = eo;
		Buf ai = {0};
		func_arginfo(f, &ai);
		feo.arginfo = (const uint8_t *)ai.p;
		feo.narginfo = (uint32_t)ai.n;
		feo.wrapper = wrapper_flags(g, f->name) | (f->reflectmethod ? LFN_REFLECTMETHOD : 0);
		feo.nosplitsmall = f->nosplit;
		struct EmitMarker *marks = iface_markers(b->tg, f, &feo.nmarkers);
		feo.markers = marks;
		if (!ssafunc_dump_begin(&b->sd, f, &fc, &feo) || !ssa_compile(f, &fc)) {
			buf_free(&ai);
			return 2;
		}
		amd64_compile(f, ps, NULL, b->l, &feo);
		free(marks);
		buf_free(&ai);
		ssafunc_dump_end(&b->sd, &fc, &feo);
		ssa_func_free(f);
		g->funcs[k] = NULL;
	}
	/* the inittask first: a variable may name it by //go:linkname */
	define_inittask(b, bp, has_initwork(bp, bp->files, bp->nfiles));
	define_globals(b, bp);
	int rc = 0;
	if (bp->hasasm) {
		pkgasm_vet(&bp->pa, bp->tp, bp->files, bp->nfiles);
		rc = pkgasm_assemble(&bp->pa, bp->tp, &b->asmsyms, NULL);
	}
	if (rc)
		return rc;
	return write_entry(b, bp);
}

/* a standard package goc cannot compile: its errors are goc's gaps
 * (the runtime API it uses), not the program's; exit status 2 */
static int std_gap(const Package *p)
{
	if (p->goroot)
		fprintf(stderr, "goc: not implemented yet: compiling the standard library's package %s (errors above)\n",
			p->path);
	return 2;
}

/* parses and type-checks a loaded package (its dependencies are
 * checked), as its importers' and its own compilation need */
static int check_loaded(Build *b, BuildPkg *bp)
{
	Package *p = bp->p;
	bp->tp = new_package(b->arena, intern_cstr(bp->path), intern_cstr(p->name ? p->name : p->path));
	int n = p->gofiles.n;
	Node **files = xcalloc((size_t)n + 1, sizeof *files);
	const char **paths = xcalloc((size_t)n + 1, sizeof *paths);
	uint32_t nf = 0;
	static Arena ast;
	arena_init(&ast);
	for (int i = 0; i < n; i++) {
		Buf pb = {0};
		if (p->cmdline && p->gofiles.v[i][0] == '/')
			buf_puts(&pb, p->gofiles.v[i]);
		else
			buf_printf(&pb, "%s/%s", p->dir, p->gofiles.v[i]);
		buf_putc(&pb, 0);
		paths[i] = pb.p;
		size_t len;
		char *src = read_file(pb.p, &len);
		if (!src) {
			fprintf(stderr, "goc: open %s: %s\n", pb.p, strerror(errno));
			return 1;
		}
		SrcFile *sf = fileset_add(xstrdup(pb.p), (uint32_t)len);
		ParsedFile pf = parse_file(sf, src, (uint32_t)len, &b->diags, &ast);
		if (pf.ast) {
			files[nf++] = pf.ast;
			add_linknames(bp, bp->path, pf.dirs, pf.ndirs);
		}
	}
	bp->files = files;
	bp->nfiles = nf;
	bp->paths = paths;
	bp->npaths = n;
	const char *tp = b->o->testpkg;
	bp->shown = p->path;
	if (tp && strncmp(p->path, tp, strlen(tp)) == 0 && (!p->path[strlen(tp)] || !strcmp(p->path + strlen(tp), "_test"))) {
		char *sh = arena_alloc(b->arena, 2 * strlen(p->path) + 16);
		sprintf(sh, "%s [%s.test]", p->path, tp);
		bp->shown = sh;
	}
	if (report_errors(b, bp->shown, paths, n) > 0)
		return std_gap(p);
	b->imports = p->imports;
	b->nimports = p->nimports;
	if (p->sfiles.n && !bp->hit) {
		bp->hasasm = true;
		if (!pkgasm_init(&bp->pa, bp->path, p->dir, p->sfiles.v, p->sfiles.n))
			return std_gap(p);
		if (pkgasm_symabis(&bp->pa, &bp->asmsyms))
			return std_gap(p);
	}
	universe_init();
	Checker *c = &bp->check;
	checker_init(c, b->arena, bp->tp, files, nf, sizes_for("amd64"), &b->diags, build_importer, b);
	c->record = true;
	c->compiling = true;
	checker_run(c);
	if (b->diags.n == 0 && bp->complete)
		check_bodies(b, bp, files, nf);
	if (report_errors(b, bp->shown, paths, n) > 0)
		return std_gap(p);
	check_record_untyped(c);
	b->pkgs = xrealloc(b->pkgs, (size_t)(b->npkgs + 1) * sizeof *b->pkgs);
	b->pkgs[b->npkgs++] = bp;
	return 0;
}

/* runtime.defaultGOROOT, the string runtime.GOROOT() falls back on (gc's
 * linker sets it with -X): the GOROOT goc reads the standard library from */
static void define_goroot(Link *l)
{
	const char *gr = goc_goroot();
	if (!gr)
		return;
	size_t n = strlen(gr);
	LinkSym *str = link_add_symbol(l, "runtime.defaultGOROOT.str", LK_RODATA, 1, gr, n, LF_DUPOK);
	uint64_t hdr[2] = {0, (uint64_t)n};
	LinkSym *v = link_add_symbol(l, "runtime.defaultGOROOT", LK_DATA, 8, hdr, sizeof hdr, 0);
	if (v && str)
		link_add_reloc(l, v, 0, LR_ADDR, 8, str, 0);
}

/* A loader for the working directory, with goc's overlay; NULL (after a
 * message) if go.mod is malformed. */
Loader *build_loader(const char *tags)
{
	const char *goroot = goc_goroot();
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "/");
	BuildCtx ctx;
	buildctx_from_env(&ctx, tags);
	Loader *ld = xcalloc(1, sizeof *ld);
	if (!loader_init(ld, goroot ? goroot : "/nonexistent-goroot", cwd, &ctx))
		return NULL;
	ld->overlay = goc_root();
	return ld;
}

/* a package goc cannot build: cgo (exit status 2) */
static int refuse_cgo(const Package *p)
{
	if (!p->cgofile || p->goroot)
		return 0;
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "/");
	char *sp = short_path(cwd, p->cgofile);
	fprintf(stderr, "%s:%d:%d: not implemented yet: cgo (import \"C\")\n", sp, p->cgoline, p->cgocol);
	free(sp);
	return 2;
}

/* ---- the packages' actions ----
 * A package's compilation is an action whose output, its entry
 * (pkgentry.c), is stored in the build cache under a key of everything
 * that can change it (package_key).  The parent process plans: the keys
 * of every package in dependency order, the entries the cache has (a
 * damaged one is a miss), and which packages must be type-checked from
 * source: the misses and every package a miss imports, directly or not
 * (dependents need its types; there is no export data yet).  It then
 * checks them in order, and for each miss, once it is checked and its
 * imports are compiled (their facts are its inputs), forks a child (at
 * most -p at once) that lowers and compiles it into a
 * link of its own and writes its entry (into the work directory, and the
 * cache).  The checker's state is the parent's: children inherit it and
 * what one child does (generic instances, wrappers) is not seen by the
 * others, so that a package's entry depends on its key only.  At the end
 * the entries are read into the program's link in dependency order. */

/* a new work directory, as the go command's $WORK: TMPDIR/go-buildNNN */
static bool make_work(Build *b)
{
	if (b->work)
		return true;
	const char *tmp = getenv("TMPDIR");
	Buf w = {0};
	buf_printf(&w, "%s/go-build", tmp && *tmp ? tmp : "/tmp");
	Buf t = {0};
	buf_printf(&t, "%.*sXXXXXX", (int)w.n, w.p);
	buf_putc(&t, 0);
	buf_free(&w);
	if (!mkdtemp(t.p)) {
		fprintf(stderr, "go: creating work dir: %s\n", strerror(errno));
		buf_free(&t);
		return false;
	}
	b->work = t.p;
	if (b->o->keepwork || b->o->printcmds)
		fprintf(stderr, "WORK=%s\n", b->work);
	return true;
}

static int rm_tree_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_work(Build *b)
{
	if (b->work && !b->o->keepwork)
		nftw(b->work, rm_tree_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(b->work);
	b->work = NULL;
}

static int cmp_sym(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* the package's entry, into its file in the work directory and the cache */
static int write_entry(Build *b, BuildPkg *bp)
{
	fflush(stdout);
	fflush(stderr);
	PkgMeta m = {0};
	m.lnkeys = (const char **)bp->lnkeys;
	m.lnvals = (const char **)bp->lnvals;
	m.nlinknames = bp->nlnpairs;
	const char **names = xcalloc(bp->asmsyms.n + 1, sizeof *names);
	uint8_t *abis = xcalloc(bp->asmsyms.n + 1, 1);
	for (uint32_t i = 0; i < bp->asmsyms.cap; i++)
		if (bp->asmsyms.keys && bp->asmsyms.keys[i])
			names[m.nasmsyms++] = bp->asmsyms.keys[i];
	qsort(names, (size_t)m.nasmsyms, sizeof *names, cmp_sym); /* not in address order */
	for (int i = 0; i < m.nasmsyms; i++)
		abis[i] = (uint8_t)(uintptr_t)ptrmap_get(&bp->asmsyms, names[i]);
	m.asmnames = names;
	m.asmabis = abis;
	size_t nout = 0;
	char *out = read_file(bp->outfile, &nout);
	m.output = (const uint8_t *)out;
	m.noutput = out ? nout : 0;
	m.ssadumped = b->sd.dumped;
	m.facts = (const uint8_t *)bp->facts.p;
	m.nfacts = bp->facts.n;
	Buf e = {0};
	pkgentry_write(&e, &m, b->l, b->tg, &bp->pa.objs, bp->pa.nobjs);
	int rc = write_exe(bp->entfile, (const uint8_t *)e.p, e.n) ? 0 : 2;
	if (rc == 0 && b->cacheable)
		cache_put(bp->key, "goc-pkg", (const uint8_t *)e.p, e.n);
	buf_free(&e);
	free(out);
	free(names);
	free(abis);
	return rc;
}

/* the linknames and assembly symbols of a package compiled earlier (its
 * entry's meta), for the packages compiled after it */
static void restore_meta(Build *b, BuildPkg *bp)
{
	const PkgMeta *m = &bp->meta;
	for (int i = 0; i < m->nlinknames; i++)
		ptrmap_put(&b->linknames, intern_cstr(m->lnkeys[i]), (void *)intern_cstr(m->lnvals[i]));
	for (int i = 0; i < m->nasmsyms; i++)
		ptrmap_put(&b->asmsyms, intern_cstr(m->asmnames[i]), (void *)(uintptr_t)m->asmabis[i]);
}

/* in bp's child: the linknames and assembly symbols of the packages up
 * to bp in dependency order, as compiling them one after the other saw
 * them (the parent may have checked later packages since) */
static void maps_upto(Build *b, BuildPkg *bp)
{
	ptrmap_free(&b->linknames);
	ptrmap_free(&b->asmsyms);
	memset(&b->linknames, 0, sizeof b->linknames);
	memset(&b->asmsyms, 0, sizeof b->asmsyms);
	for (int i = 0; i <= bp->index; i++) {
		BuildPkg *d = b->bps[i];
		if (d->hit) {
			restore_meta(b, d);
			continue;
		}
		for (int k = 0; k < d->nlnpairs; k++)
			ptrmap_put(&b->linknames, d->lnkeys[k], d->lnvals[k]);
		for (uint32_t k = 0; k < d->asmsyms.cap; k++)
			if (d->asmsyms.keys && d->asmsyms.keys[k])
				ptrmap_put(&b->asmsyms, d->asmsyms.keys[k], d->asmsyms.vals[k]);
	}
}

static int codegen_pkg(Build *b, BuildPkg *bp);

/* -x and -n: the step compiling bp, as the go command prints its
 * compile steps ($WORK/bNNN, the package's directory, its files); goc
 * compiles in a child process of its own, not by running a tool */
static void print_compile(Build *b, BuildPkg *bp)
{
	Package *p = bp->p;
	if (b->o->dryrun)
		fprintf(stderr, "\n#\n# %s\n#\n\n", p->path);
	fprintf(stderr, "mkdir -p $WORK/b%03d/\ncd %s\n", bp->index + 1, p->dir);
	fprintf(stderr, "compile -o $WORK/b%03d/_pkg_.goc -p %s%s%s%s%s", bp->index + 1, bp->path, p->goroot ? " -std" : "",
		bp->complete ? " -complete" : "", b->o->noopt ? " -N" : "", b->o->trimpath ? " -trimpath" : "");
	const StrList *ls[2] = {&p->gofiles, &p->sfiles};
	for (int j = 0; j < 2; j++)
		for (int f = 0; f < ls[j]->n; f++) {
			const char *name = ls[j]->v[f];
			fprintf(stderr, " %s%s", name[0] == '/' ? "" : "./", name);
		}
	fputs(" # internal: goc's compiler, in a child process\n", stderr);
}

/* -x and -n: the link step, naming each package's entry (in $WORK, or
 * the cache's file) */
static void print_link(Build *b, const uint8_t *mark)
{
	const BuildOpts *o = b->o;
	fprintf(stderr, "link -o %s -buildmode=exe%s%s", o->linkout ? o->linkout : "$WORK/b001/exe/a.out",
		o->nosymtab ? " -s" : "", o->nodwarf ? " -w" : "");
	for (int i = 0; i < o->nxdefs; i++)
		fprintf(stderr, " -X %s", o->xdefs[i]);
	for (int i = 0; i < b->nbps; i++) {
		BuildPkg *bp = b->bps[i];
		if (!mark[i])
			continue;
		if (bp->hit) {
			char hex[65];
			for (int k = 0; k < 32; k++)
				sprintf(hex + 2 * k, "%02x", bp->key[k]);
			fprintf(stderr, " %s/%.2s/%s-goc-pkg", cache_dir(), hex, hex);
		} else
			fprintf(stderr, " $WORK/b%03d/_pkg_.goc", bp->index + 1);
	}
	fputs(" # internal: goc's linker\n", stderr);
}

typedef struct CodegenArgs {
	Build *b;
	BuildPkg *bp;
} CodegenArgs;

static int codegen_fn(void *arg)
{
	CodegenArgs *a = arg;
	return codegen_pkg(a->b, a->bp);
}

/* forks the child compiling bp (checked) */
static bool start_codegen(Build *b, BuildPkg *bp)
{
	Buf f = {0};
	buf_printf(&f, "%s/b%03d", b->work, bp->index + 1);
	buf_putc(&f, 0);
	mkdir(f.p, 0777);
	f.n--;
	size_t dn = f.n;
	buf_puts(&f, "/out");
	buf_putc(&f, 0);
	bp->outfile = xstrdup(f.p);
	f.n = dn;
	buf_puts(&f, "/_pkg_.goc");
	buf_putc(&f, 0);
	bp->entfile = xstrdup(f.p);
	buf_free(&f);
	CodegenArgs a = {b, bp};
	bp->pid = start_forked(codegen_fn, &a, bp->outfile);
	if (bp->pid < 0)
		return false;
	b->running++;
	return true;
}

/* waits for one child; false if there is none */
static bool reap_one(Build *b)
{
	if (b->running == 0)
		return false;
	int st, sig;
	int pid = wait_forked(&st, &sig);
	if (pid < 0)
		return false;
	for (int i = 0; i < b->nbps; i++)
		if (b->bps[i]->pid == pid) {
			BuildPkg *bp = b->bps[i];
			bp->pid = 0;
			bp->done = true;
			bp->rc = st;
			bp->signal = sig;
			bp->failed = st != 0;
			b->running--;
		}
	return true;
}

/* waits for every child, then shows their output in dependency order
 * (as the go command shows each action's); the first failure's status */
static int finish_children(Build *b)
{
	while (reap_one(b))
		;
	int rc = 0;
	for (int i = 0; i < b->nbps && rc == 0; i++) {
		BuildPkg *bp = b->bps[i];
		if (!bp->done || bp->shownout)
			continue;
		bp->shownout = true;
		size_t n;
		char *out = read_file(bp->outfile, &n);
		if (out)
			fwrite(out, 1, n, stderr);
		free(out);
		if (bp->signal)
			fprintf(stderr, "goc: compiling %s: %s\n", bp->shown, strsignal(bp->signal));
		if (bp->rc)
			rc = bp->rc == 2 && bp->p->goroot ? std_gap(bp->p) : bp->rc;
	}
	return rc;
}

/* whether bp's imports are compiled (their entries, and so their facts,
 * are there); -1 when one failed */
static int imports_ready(BuildPkg *bp)
{
	for (int i = 0; i < bp->ndeps; i++) {
		BuildPkg *d = bp->depbps[i];
		if (d->failed)
			return -1;
		if (!d->hit && !d->done)
			return 0;
	}
	return 1;
}

/* the meta of a compiled miss (its facts for its importers' children) */
static void read_done_meta(Build *b, BuildPkg *bp)
{
	if (bp->hit || bp->entry || bp->rc || !bp->entfile)
		return;
	bp->entry = (uint8_t *)read_file(bp->entfile, &bp->nentry);
	if (!bp->entry || !pkgentry_read(bp->entry, bp->nentry, &bp->meta, b->arena, NULL, NULL, NULL, NULL))
		memset(&bp->meta, 0, sizeof bp->meta); /* reported when linked */
}

/* starts the checked misses whose imports are compiled, in order, while
 * fewer than -p children run: a package is compiled after its imports,
 * as their facts are its inputs (docs/architecture.md, "Facts") */
static int start_ready(Build *b)
{
	for (int i = 0; i < b->nbps && b->running < b->maxjobs; i++) {
		BuildPkg *bp = b->bps[i];
		if (!bp->checked || bp->hit || bp->started)
			continue;
		int r = imports_ready(bp);
		if (r == 0)
			continue;
		bp->started = true;
		if (r < 0) { /* an import failed: its errors say why */
			bp->failed = true;
			continue;
		}
		for (int k = 0; k < bp->ndeps; k++)
			read_done_meta(b, bp->depbps[k]);
		if (b->o->printcmds)
			print_compile(b, bp);
		if (b->o->verbose)
			fprintf(stderr, "%s\n", bp->p->path);
		if (!start_codegen(b, bp))
			return 2;
	}
	return 0;
}

/* checks the packages in order, compiling each miss in a child */
static int run_packages(Build *b)
{
	int rc = 0;
	for (int i = 0; i < b->nbps && rc == 0; i++) {
		BuildPkg *bp = b->bps[i];
		if (!bp->need)
			continue;
		rc = check_loaded(b, bp);
		if (rc || bp->hit)
			continue;
		bp->checked = true;
		while (rc == 0 && b->running >= b->maxjobs)
			reap_one(b);
		rc = start_ready(b);
	}
	/* the rest as their imports complete */
	while (rc == 0 && b->running > 0) {
		reap_one(b);
		rc = start_ready(b);
	}
	int crc = finish_children(b);
	return rc ? rc : crc;
}

/* ---- facts ---- */
const uint8_t *build_import_facts(const char *path, size_t *n)
{
	*n = 0;
	if (!facts_build)
		return NULL;
	for (int i = 0; i < facts_build->nbps; i++) {
		BuildPkg *bp = facts_build->bps[i];
		if (strcmp(bp->path, path) == 0 && bp != facts_pkg) {
			*n = bp->meta.nfacts;
			return bp->meta.facts;
		}
	}
	return NULL;
}

void build_export_facts(const uint8_t *p, size_t n)
{
	if (!facts_pkg)
		return;
	facts_pkg->facts.n = 0;
	buf_put(&facts_pkg->facts, p, n);
}

/* the words of a flag's value as the go command splits them (its
 * quoted.Split): on spaces, '...' and "..." quoting words that contain
 * them; NULL-terminated; free(w) and free(*buf) */
static char **split_quoted(const char *v, char **buf)
{
	size_t n = strlen(v);
	char **w = xcalloc(n / 2 + 2, sizeof *w);
	char *out = *buf = xmalloc(n + 1);
	int k = 0;
	for (const char *p = v; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		w[k++] = out;
		if (*p == '\'' || *p == '"') {
			char q = *p++;
			while (*p && *p != q)
				*out++ = *p++;
			if (*p)
				p++;
		} else
			while (*p && *p != ' ' && *p != '\t' && *p != '\n')
				*out++ = *p++;
		*out++ = 0;
	}
	w[k] = NULL;
	return w;
}

/* -ldflags: gc's linker flags -s, -w and -X importpath.name=value */
static int parse_ldflags(BuildOpts *o, const char *flags)
{
	char *buf;
	char **w = split_quoted(flags, &buf);
	int rc = 0;
	for (int i = 0; w[i] && rc == 0; i++) {
		const char *p = w[i];
		if (strcmp(p, "-s") == 0)
			o->nosymtab = true;
		else if (strcmp(p, "-w") == 0)
			o->nodwarf = true;
		else if (strcmp(p, "-X") == 0 || strncmp(p, "-X=", 3) == 0) {
			const char *d = p[2] == '=' ? p + 3 : w[i + 1] ? w[++i] : NULL;
			if (!d || !strchr(d, '=')) {
				fprintf(stderr, "-X flag requires argument of the form importpath.name=value\n");
				rc = 2;
				break;
			}
			o->xdefs = xrealloc(o->xdefs, (size_t)(o->nxdefs + 1) * sizeof *o->xdefs);
			o->xdefs[o->nxdefs++] = xstrdup(d);
		} else {
			fprintf(stderr, "goc: -ldflags: not implemented: %s\n", p);
			rc = 2;
		}
	}
	free(w);
	free(buf);
	return rc;
}

/* a link with the C runtime loaded (first: the compiler asks which
 * symbols it defines); NULL after a message */
static Link *runtime_link(void)
{
	const char *rt = runtime_archive();
	if (access(rt, R_OK) != 0) {
		fprintf(stderr, "goc: the runtime is not built (%s): run make\n", rt);
		return NULL;
	}
	Link *l = link_new();
	link_set_deadcode(l, true);
	if (link_load_archive(l, rt) < 0) {
		link_free(l);
		return NULL;
	}
	return l;
}

/* ---- keys ----
 * A package's key hashes everything that can change its entry: goc's
 * own binary and runtime archive (their inode, size and modification
 * time: the compiler asks the runtime which functions it defines), GOOS
 * and GOARCH, the compile flags and -X definitions, GOROOT and its
 * assembler headers (the base, the same for every package), the
 * package's path, name and directory, the contents of its Go, assembly
 * and header files, and its imports' keys (so a changed package changes
 * the keys of all that import it, directly or not).  A program's
 * executable is keyed by its packages' keys and the link flags. */

/* the file at path, named in the key as shown */
static void key_file(Buf *k, const char *path, const char *shown)
{
	size_t n;
	char *text = read_file(path, &n);
	buf_printf(k, "file %s %zu\n", shown, text ? n : (size_t)-1);
	if (text)
		buf_put(k, text, n);
	free(text);
}

/* the headers (*.h) of a directory, in name order */
static void key_headers(Buf *k, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (has_suffix(e->d_name, ".h")) {
			names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmp_cstr);
	for (int i = 0; i < n; i++) {
		char *p = xmalloc(strlen(dir) + strlen(names[i]) + 2);
		sprintf(p, "%s/%s", dir, names[i]);
		key_file(k, p, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

static void key_hex(Buf *k, const uint8_t key[32])
{
	for (int i = 0; i < 32; i++)
		buf_printf(k, "%02x", key[i]);
	buf_putc(k, '\n');
}

/* what every package's key shares */
static void base_key(Build *b, Loader *ld, uint8_t key[32])
{
	const BuildOpts *o = b->o;
	Buf k = {0};
	buf_printf(&k, "goc package cache 1\ngoos %s goarch %s\nflags N%d check%d trimpath%d\ngoroot %s\n", ld->ctx.goos,
		   ld->ctx.goarch, o->noopt, o->check, o->trimpath, ld->goroot);
	for (int i = 0; i < o->nxdefs; i++)
		buf_printf(&k, "X %zu %s\n", strlen(o->xdefs[i]), o->xdefs[i]);
	/* goc and its runtime archive by identity (device, inode, size and
	 * modification time in ns): hashing goc's 4.5 MB took most of a
	 * cached build's time */
	const char *bins[2] = {"/proc/self/exe", runtime_archive()};
	for (int i = 0; i < 2; i++) {
		struct stat st;
		if (stat(bins[i], &st) != 0)
			memset(&st, 0, sizeof st);
		buf_printf(&k, "bin %s %lu %lu %lld %lld.%09ld\n", bins[i], (unsigned long)st.st_dev, (unsigned long)st.st_ino,
			   (long long)st.st_size, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	}
	char inc[PATH_MAX];
	snprintf(inc, sizeof inc, "%s/pkg/include", ld->goroot);
	key_headers(&k, inc);
	notsha256(k.p, k.n, key);
	buf_free(&k);
}

static void package_key(Build *b, BuildPkg *bp, const uint8_t base[32])
{
	Package *p = bp->p;
	Buf k = {0};
	buf_puts(&k, "base ");
	key_hex(&k, base);
	/* a test's generated main lives in a new temporary directory each
	 * time: its name is left out (it only appears in debug paths) */
	bool tmp = b->o->testpkg && p == b->root;
	buf_printf(&k, "package %s %s %s as %s complete%d test %s\n", p->path, p->name ? p->name : "", tmp ? "" : p->dir,
		   bp->path, bp->complete, b->o->testpkg ? b->o->testpkg : "");
	const StrList *ls[2] = {&p->gofiles, &p->sfiles};
	for (int j = 0; j < 2; j++)
		for (int f = 0; f < ls[j]->n; f++) {
			const char *name = ls[j]->v[f];
			char *path = xmalloc(strlen(p->dir) + strlen(name) + 2);
			sprintf(path, "%s/%s", p->dir, name);
			const char *full = name[0] == '/' ? name : path;
			key_file(&k, full, tmp ? name : full);
			free(path);
		}
	if (p->sfiles.n)
		key_headers(&k, p->dir);
	for (int i = 0; i < bp->ndeps; i++) {
		BuildPkg *d = bp->depbps[i];
		buf_printf(&k, "import %s ", d->path);
		key_hex(&k, d->key);
	}
	notsha256(k.p, k.n, bp->key);
	buf_free(&k);
}

/* the entry of bp from the cache, checked whole; false: a miss */
static bool cached_entry(Build *b, BuildPkg *bp)
{
	if (!cache_get(bp->key, "goc-pkg", &bp->entry, &bp->nentry))
		return false;
	if (pkgentry_read(bp->entry, bp->nentry, &bp->meta, b->arena, NULL, NULL, NULL, NULL))
		return true;
	free(bp->entry); /* damaged: compiled again, and replaced */
	bp->entry = NULL;
	return false;
}

/* keys, cache hits and the packages to check: true unless a package
 * has an error (reported later, by the build) */
static bool plan_packages(Build *b, Loader *ld)
{
	uint8_t base[32];
	if (b->cacheable)
		base_key(b, ld, base);
	for (int i = 0; i < b->nbps; i++) {
		BuildPkg *bp = b->bps[i];
		if (bp->p->err || bp->p->cgofile)
			return false;
		if (!b->cacheable)
			continue;
		package_key(b, bp, base);
		bp->hit = !b->o->force && cached_entry(b, bp);
	}
	/* dependents come after their imports: one backward pass */
	for (int i = b->nbps - 1; i >= 0; i--) {
		BuildPkg *bp = b->bps[i];
		if (!bp->hit)
			bp->need = true;
		if (bp->need)
			for (int k = 0; k < bp->ndeps; k++)
				bp->depbps[k]->need = true;
	}
	return true;
}
bool write_exe(const char *path, const uint8_t *img, size_t len)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		unlink(path); /* a running executable cannot be rewritten in place */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0777);
	bool ok = fd >= 0 && write_full(fd, img, len);
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "goc: write %s: %s\n", path, strerror(errno));
		unlink(path);
	}
	return ok;
}

/* the packages of the program root (and the runtime), planned: keys,
 * cache hits; NULL after a message (*rc the exit status) */
static Build *plan_program(Loader *ld, Package **rootv, int nroots, const BuildOpts *o, int *rc)
{
	static Arena pkgarena;
	arena_init(&pkgarena);
	Build *b = xcalloc(1, sizeof *b);
	b->o = o;
	b->arena = &pkgarena;
	b->root = rootv[0];
	diag_init(&b->diags, 10);
	Package **roots = xcalloc((size_t)nroots + 1, sizeof *roots);
	memcpy(roots, rootv, (size_t)nroots * sizeof *roots);
	roots[nroots] = load_import(ld, "runtime"); /* the implicit dependency */
	int nlist;
	Package **list = load_deps_order(ld, roots, nroots + 1, &nlist);
	free(roots);
	*rc = 0;
	for (int k = 0; k < nlist && !*rc; k++)
		if (refuse_cgo(list[k]))
			*rc = 2;
	if (!*rc && load_print_errors(ld, list, nlist, stderr) > 0)
		*rc = 1;
	for (int i = 0; i < o->nxdefs && !*rc; i++) {
		/* importpath.name=value: the symbol named as the compiler names it */
		const char *d = o->xdefs[i], *eq = strchr(d, '='), *dot = eq ? memrchr(d, '.', (size_t)(eq - d)) : NULL;
		if (!dot) {
			fprintf(stderr, "-X flag requires argument of the form importpath.name=value\n");
			*rc = 2;
			break;
		}
		Buf kb = {0};
		char *path = arena_strndup(&pkgarena, d, (size_t)(dot - d));
		typestr_pkgprefix(&kb, path);
		buf_printf(&kb, ".%.*s", (int)(eq - dot - 1), dot + 1);
		ptrmap_put(&b->xvals, intern(kb.p, kb.n), (void *)(eq + 1));
		buf_free(&kb);
	}
	if (*rc) {
		free(list);
		free(b);
		return NULL;
	}
	const char *ssafunc = getenv("GOSSAFUNC");
	b->cacheable = !o->asmlist && !o->escdiag && !(ssafunc && *ssafunc) && cache_dir();
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	b->maxjobs = o->p > 0 ? o->p : ncpu > 0 ? (int)ncpu : 1;
	PtrMap of = {0}; /* Package → BuildPkg */
	b->bps = xcalloc((size_t)nlist + 1, sizeof *b->bps);
	for (int k = 0; k < nlist; k++) {
		Package *p = list[k];
		if (strcmp(p->path, "unsafe") == 0)
			continue;
		BuildPkg *bp = xcalloc(1, sizeof *bp);
		bp->p = p;
		bp->index = b->nbps;
		/* a command's symbols are main.NAME, as gc's -p main */
		bp->path = p->name && strcmp(p->name, "main") == 0 ? "main" : p->path;
		/* gc's -complete: cmd/go passes it for a package without assembly;
		 * the standard library's body-less functions come from goc's runtime */
		bp->complete = !p->goroot && p->sfiles.n == 0;
		for (int r = 0; r < nroots; r++)
			bp->named |= p == rootv[r];
		bp->deps = xcalloc((size_t)p->ndeps + 1, sizeof *bp->deps);
		bp->depbps = xcalloc((size_t)p->ndeps + 1, sizeof *bp->depbps);
		for (int i = 0; i < p->ndeps; i++) {
			BuildPkg *d = ptrmap_get(&of, p->deps[i]);
			if (d) {
				bp->deps[bp->ndeps] = p->deps[i]->path;
				bp->depbps[bp->ndeps++] = d;
			}
		}
		ptrmap_put(&of, p, bp);
		b->bps[b->nbps++] = bp;
	}
	ptrmap_free(&of);
	free(list);
	if (!plan_packages(b, ld))
		b->cacheable = false;
	return b;
}

/* the executable's key: its packages' and the link flags */
static void exe_key(Build *b, uint8_t key[32])
{
	Buf k = {0};
	buf_printf(&k, "goc exe 2\ns%d w%d\n", b->o->nosymtab, b->o->nodwarf);
	for (int i = 0; i < b->nbps; i++)
		key_hex(&k, b->bps[i]->key);
	notsha256(k.p, k.n, key);
	buf_free(&k);
}

/* -trimpath: a source file's name as gc's -trimpath leaves it: a
 * package's directory replaced by its import path (std: fmt/print.go;
 * a module's: example.com/m/sub/f.go), the command line's files as
 * ./f.go (the go command compiles them by relative names) */
static const char *trimmed_name(void *ctx, const char *path)
{
	Build *b = ctx;
	const char *slash = strrchr(path, '/');
	if (!slash)
		return path;
	size_t dn = (size_t)(slash - path);
	for (int i = 0; i < b->nbps; i++) {
		Package *p = b->bps[i]->p;
		if (!p->dir || strlen(p->dir) != dn || memcmp(p->dir, path, dn) != 0)
			continue;
		Buf nb = {0};
		buf_printf(&nb, "%s%s", p->cmdline ? "." : p->path, slash);
		const char *r = arena_strndup(b->arena, nb.p, nb.n);
		buf_free(&nb);
		return r;
	}
	return path;
}

/* checks and compiles the planned packages (the misses, in children)
 * and reads their entries; -n prints the steps instead */
static int compile_all(Build *b)
{
	Package *root = b->root;
	if (root->gofiles.n > 0) {
		char *first = xmalloc(strlen(root->dir) + strlen(root->gofiles.v[0]) + 2);
		sprintf(first, "%s/%s", root->dir, root->gofiles.v[0]);
		b->sd = ssafunc_dump_init(first);
		free(first);
	}
	if (b->o->dryrun) { /* -n: the steps, nothing run */
		for (int i = 0; i < b->nbps; i++)
			if (!b->bps[i]->hit)
				print_compile(b, b->bps[i]);
		return 0;
	}
	int rc = 0;
	if (b->o->keepwork || b->o->printcmds)
		rc = make_work(b) ? 0 : 1;
	for (int i = 0; i < b->nbps && rc == 0; i++)
		if (!b->bps[i]->hit && !make_work(b))
			rc = 1;
	if (rc == 0)
		rc = run_packages(b);
	bool dumped = false;
	for (int i = 0; i < b->nbps && rc == 0; i++) {
		BuildPkg *bp = b->bps[i];
		if (!bp->entry && bp->entfile)
			bp->entry = (uint8_t *)read_file(bp->entfile, &bp->nentry);
		/* a hit was checked when looked up; a compiled one is checked now */
		if (!bp->entry ||
		    (!bp->hit && !pkgentry_read(bp->entry, bp->nentry, &bp->meta, b->arena, NULL, NULL, NULL, NULL))) {
			fprintf(stderr, "goc: %s: the compiled package is damaged\n", bp->p->path);
			rc = 2;
			break;
		}
		if (bp->hit) /* the compiler's output, shown again as go build does */
			fwrite(bp->meta.output, 1, bp->meta.noutput, stderr);
		dumped |= bp->meta.ssadumped;
	}
	b->sd.dumped = dumped;
	b->sd.header = b->sd.text; /* a child printed it */
	ssafunc_dump_finish(&b->sd);
	remove_work(b);
	return rc;
}

/* marks root's packages (and the runtime's: the implicit import) */
static void mark_closure(Build *b, BuildPkg *bp, uint8_t *mark)
{
	if (mark[bp->index])
		return;
	mark[bp->index] = 1;
	for (int i = 0; i < bp->ndeps; i++)
		mark_closure(b, bp->depbps[i], mark);
}

/* links the compiled packages of the command root into l (the C
 * runtime loaded), in dependency order, with the program's type links */
static int link_root(Build *b, Package *root, Link *l)
{
	uint8_t *mark = xcalloc((size_t)b->nbps + 1, 1);
	for (int i = 0; i < b->nbps; i++)
		if (b->bps[i]->p == root || strcmp(b->bps[i]->p->path, "runtime") == 0)
			mark_closure(b, b->bps[i], mark);
	if (b->o->dryrun) {
		if (b->o->linkout)
			print_link(b, mark);
		free(mark);
		return 0;
	}
	if (!b->o->trimpath) /* gc's -trimpath leaves runtime.GOROOT() empty */
		define_goroot(l);
	TypeGen *tg = typedesc_new(l);
	PkgFileNames trim = {trimmed_name, b};
	int rc = 0;
	for (int i = 0; i < b->nbps && rc == 0; i++) {
		BuildPkg *bp = b->bps[i];
		if (!mark[i])
			continue;
		PkgMeta m;
		if (!pkgentry_read(bp->entry, bp->nentry, &m, b->arena, l, tg, bp->path, b->o->trimpath ? &trim : NULL)) {
			fprintf(stderr, "goc: %s: the compiled package is damaged\n", bp->p->path);
			rc = 2;
		}
	}
	if (rc == 0 && link_nerrors(l))
		rc = 2;
	if (rc == 0) {
		typedesc_finish(tg);
		typedesc_typelinks(tg);
		if (b->o->printcmds && b->o->linkout)
			print_link(b, mark);
	}
	typedesc_free(tg);
	free(mark);
	return rc;
}

/* the planned program's packages checked, compiled (the misses) and
 * read into l (the C runtime loaded first), its type links added */
static int build_program(Build *b, Link *l)
{
	b->rtl = l;
	int rc = compile_all(b);
	return rc ? rc : link_root(b, b->root, l);
}

int build_image(Loader *ld, Package *root, const BuildOpts *o, uint8_t **img, size_t *len)
{
	int rc;
	Build *b = plan_program(ld, &root, 1, o, &rc);
	if (!b)
		return rc;
	uint8_t key[32];
	if (b->cacheable) {
		exe_key(b, key);
		if (!o->force && cache_get(key, "goc-exe", img, len)) {
			if (o->keepwork || o->printcmds) { /* WORK=... even so, as the go command */
				make_work(b);
				remove_work(b);
			}
			return 0;
		}
	}
	Link *l = runtime_link();
	if (!l)
		return 2;
	link_set_strip(l, o->nosymtab, o->nodwarf);
	rc = build_program(b, l);
	if (o->dryrun) {
		link_free(l);
		*img = NULL;
		*len = 0;
		return rc;
	}
	if (rc == 0 && link_emit(l, "_start", img, len))
		rc = 2;
	undefined_hint(l);
	link_free(l);
	if (rc == 0 && b->cacheable)
		cache_put(key, "goc-exe", *img, *len);
	return rc;
}

/* .ssa files: the back end by itself */
static int build_ssa(const char **files, int nfiles, const BuildOpts *o, Link **lp)
{
	*lp = NULL;
	for (int i = 0; i < nfiles; i++)
		if (!has_suffix(files[i], ".ssa")) {
			fprintf(stderr, "goc: cannot mix .ssa files and %s\n", files[i]);
			return 1;
		}
	*lp = runtime_link();
	if (!*lp)
		return 2;
	for (int i = 0; i < nfiles; i++) {
		int rc = compile_ssa_file(*lp, files[i], o);
		if (rc)
			return rc;
	}
	return 0;
}

/* the flags goc build, run and test share; returns 0, or 2 after a
 * message.  *i is the argument looked at, advanced past a value. */
int build_flag(BuildOpts *o, int argc, char **argv, int *i, const char *cmd)
{
	const char *a = argv[*i];
	if (a[0] == '-' && a[1] == '-')
		a++;
	const char *eq = strchr(a, '=');
	size_t nl = eq ? (size_t)(eq - a) : strlen(a);
	const char *val = eq ? eq + 1 : NULL;
#define FLAG(s) (nl == strlen(s) && strncmp(a, s, nl) == 0)
#define VALUE()                                                                                  \
	do {                                                                                       \
		if (!val) {                                                                        \
			if (*i + 1 >= argc) {                                                      \
				fprintf(stderr, "flag needs an argument: %.*s\n", (int)nl, a);     \
				return 2;                                                          \
			}                                                                          \
			val = argv[++*i];                                                          \
		}                                                                                  \
	} while (0)
	if (FLAG("-o") && strcmp(cmd, "build") == 0) {
		VALUE();
		o->out = val;
	} else if (FLAG("-gcflags")) {
		VALUE();
		return parse_gcflags(o, val);
	} else if (FLAG("-ldflags")) {
		VALUE();
		return parse_ldflags(o, val);
	} else if (FLAG("-tags")) {
		VALUE();
		o->tags = val;
	} else if (FLAG("-p")) {
		VALUE();
		char *end;
		long n = strtol(val, &end, 10);
		if (*end || n < 1) {
			fprintf(stderr, "go: -p must be a positive integer: %s\n", val);
			return 2;
		}
		o->p = (int)n;
	} else if (FLAG("-v") && !val)
		o->verbose = true;
	else if (FLAG("-a") && !val)
		o->force = true;
	else if (FLAG("-x") && !val)
		o->printcmds = true;
	else if (FLAG("-n") && !val)
		o->dryrun = true;
	else if (FLAG("-work") && !val)
		o->keepwork = true;
	else if (FLAG("-trimpath") && !val)
		o->trimpath = true;
	else {
		fprintf(stderr, "goc %s: not implemented: flag %s\n", cmd, argv[*i]);
		return 2;
	}
#undef FLAG
#undef VALUE
	return 0;
}

static int parse_flags(int argc, char **argv, BuildOpts *o, const char *cmd, int *first)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (build_flag(o, argc, argv, &i, cmd))
			return 2;
	}
	*first = i;
	return 0;
}

/* after a failed link: undefined symbols are goc's gaps (a program's own
 * body-less functions are "missing function body" errors before) */
void undefined_hint(Link *l)
{
	if (l && l->nundefined)
		fprintf(stderr,
			"goc: not implemented yet: %d function%s the standard library expects from goc's runtime (above)\n",
			l->nundefined, l->nundefined == 1 ? "" : "s");
}

/* the executable's name as go build chooses it: the first file's name
 * without .go, or the import path's last element */
static char *exe_name(const Package *p, char **args)
{
	const char *base;
	if (p->cmdline) {
		base = strrchr(args[0], '/');
		base = base ? base + 1 : args[0];
	} else {
		base = strrchr(p->path, '/');
		base = base ? base + 1 : p->path;
	}
	char *name = xstrdup(base);
	if (p->cmdline && has_suffix(name, ".go"))
		name[strlen(name) - 3] = 0;
	return name;
}

static char *exe_name(const Package *p, char **args);

/* go build of several packages, or of one that is not a command: every
 * package compiled once (one plan: a package several roots import is
 * compiled once), each command linked (written into outdir if not
 * NULL, else dropped, as go build does); stops at the first package
 * with errors */
static int build_roots(Loader *ld, Package **roots, int nroots, const BuildOpts *o, const char *outdir, char **args)
{
	int rc;
	Build *b = plan_program(ld, roots, nroots, o, &rc);
	if (!b)
		return rc;
	b->rtl = runtime_link();
	if (!b->rtl)
		return 2;
	rc = compile_all(b);
	for (int k = 0; k < nroots && rc == 0; k++) {
		if (!roots[k]->name || strcmp(roots[k]->name, "main") != 0)
			continue;
		BuildOpts lo = *o;
		char *name = exe_name(roots[k], args);
		Buf out = {0};
		if (outdir)
			buf_printf(&out, "%s%s%s", outdir, has_suffix(outdir, "/") ? "" : "/", name);
		else
			buf_printf(&out, "$WORK/b%03d/exe/a.out", k + 1);
		buf_putc(&out, 0);
		lo.linkout = out.p;
		b->o = &lo;
		Link *l = runtime_link();
		if (!l) {
			rc = 2;
			break;
		}
		link_set_strip(l, o->nosymtab, o->nodwarf);
		rc = link_root(b, roots[k], l);
		uint8_t *img = NULL;
		size_t len = 0;
		if (rc == 0 && !o->dryrun && link_emit(l, "_start", &img, &len))
			rc = 2;
		if (rc == 0 && !o->dryrun && outdir && !write_exe(out.p, img, len))
			rc = 1;
		undefined_hint(l);
		link_free(l);
		free(img);
		buf_free(&out);
		free(name);
		b->o = o;
	}
	link_free(b->rtl);
	return rc;
}

/* builds one root package: an executable at out for a command, a check
 * for any other package (as go build does) */
static int build_one(Loader *ld, Package *p, const BuildOpts *o, const char *out)
{
	bool cmd = p->name && strcmp(p->name, "main") == 0;
	if (cmd && out) {
		uint8_t *img;
		size_t len;
		BuildOpts lo = *o;
		lo.linkout = out;
		int rc = build_image(ld, p, &lo, &img, &len);
		if (rc == 0 && !o->dryrun && !write_exe(out, img, len))
			rc = 1;
		if (rc == 0)
			free(img);
		return rc;
	}
	return build_roots(ld, &p, 1, o, NULL, NULL);
}

typedef struct BuildOneArgs {
	Loader *ld;
	Package *p;
	const BuildOpts *o;
	char *out;
} BuildOneArgs;

static int build_one_fn(void *arg)
{
	BuildOneArgs *a = arg;
	return build_one(a->ld, a->p, a->o, a->out);
}

/* the flags and the arguments (default ".") of goc build and install */
static int build_cmdline(int argc, char **argv, const char *cmd, BuildOpts *o, char ***args, int *nargs)
{
	static char *dot[] = {"."};
	int i;
	if (parse_flags(argc, argv, o, cmd, &i))
		return 2;
	*args = i < argc ? argv + i : dot;
	*nargs = i < argc ? argc - i : 1;
	return 0;
}

/* the packages the arguments name, loaded; NULL after the errors */
static Package **load_roots(const BuildOpts *o, char **args, int nargs, Loader **ld, int *n)
{
	*ld = build_loader(o->tags);
	if (!*ld)
		return NULL;
	Package **roots = load_patterns(*ld, args, nargs, n);
	return (*ld)->nerrors ? NULL : roots;
}

int cmd_build(int argc, char **argv)
{
	BuildOpts o = {0};
	char **args;
	int nargs;
	if (build_cmdline(argc, argv, "build", &o, &args, &nargs))
		return 2;
	if (has_suffix(args[0], ".ssa")) {
		Link *l;
		int rc = build_ssa((const char **)args, nargs, &o, &l);
		char *name = xstrdup(strrchr(args[0], '/') ? strrchr(args[0], '/') + 1 : args[0]);
		name[strlen(name) - 4] = 0;
		if (rc == 0 && link_write(l, o.out ? o.out : name, "_start"))
			rc = 2;
		link_free(l);
		free(name);
		return rc;
	}
	Loader *ld;
	int nroots;
	Package **roots = load_roots(&o, args, nargs, &ld, &nroots);
	if (!roots)
		return 1;
	if (nroots == 1) {
		Package *p = roots[0];
		char *name = exe_name(p, args);
		int rc = build_one(ld, p, &o, o.out ? o.out : name);
		free(name);
		return rc;
	}
	/* several packages: each is checked by building it; with -o DIR/,
	 * the commands are written there */
	struct stat st;
	bool todir = o.out && (has_suffix(o.out, "/") || (stat(o.out, &st) == 0 && S_ISDIR(st.st_mode)));
	if (o.out && !todir) {
		fprintf(stderr, "go: -o %s: cannot write multiple packages to non-directory %s\n", o.out, o.out);
		return 1;
	}
	if (todir && mkdir(o.out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "go: mkdir %s: %s\n", o.out, strerror(errno));
		return 1;
	}
	return build_roots(ld, roots, nroots, &o, todir ? o.out : NULL, args);
}

/* goc install: the commands into GOBIN (default GOPATH/bin, GOPATH
 * default ~/go), the other packages built as a check */
int cmd_install(int argc, char **argv)
{
	BuildOpts o = {0};
	char **args;
	int nargs;
	if (build_cmdline(argc, argv, "install", &o, &args, &nargs))
		return 2;
	Loader *ld;
	int nroots;
	Package **roots = load_roots(&o, args, nargs, &ld, &nroots);
	if (!roots)
		return 1;
	char bindir[PATH_MAX];
	const char *gobin = getenv("GOBIN"), *gopath = getenv("GOPATH"), *home = getenv("HOME");
	if (gobin && *gobin)
		snprintf(bindir, sizeof bindir, "%s", gobin);
	else if (gopath && *gopath)
		snprintf(bindir, sizeof bindir, "%.*s/bin", (int)strcspn(gopath, ":"), gopath);
	else
		snprintf(bindir, sizeof bindir, "%s/go/bin", home ? home : "");
	int status = 0;
	for (int k = 0; k < nroots; k++) {
		Package *p = roots[k];
		BuildOneArgs ba = {ld, p, &o, NULL};
		if (p->name && strcmp(p->name, "main") == 0) {
			if (p->cmdline) {
				fprintf(stderr, "go: no install location for .go files listed on command line (GOBIN not set)\n");
				return 1;
			}
			char *name = exe_name(p, args);
			for (char *s = bindir + 1; *s; s++)
				if (*s == '/') {
					*s = 0;
					mkdir(bindir, 0777);
					*s = '/';
				}
			mkdir(bindir, 0777);
			ba.out = xmalloc(strlen(bindir) + strlen(name) + 2);
			sprintf(ba.out, "%s/%s", bindir, name);
			free(name);
		}
		int rc = nroots == 1 ? build_one_fn(&ba) : run_forked(build_one_fn, &ba);
		if (rc > status)
			status = rc;
		free(ba.out);
	}
	return status;
}

/* go run's arguments: .go files up to the first other argument, or one
 * package; *n is how many */
static int run_split(char **args, int nargs)
{
	if (nargs == 0)
		return 0;
	if (!has_suffix(args[0], ".go") && !has_suffix(args[0], ".ssa"))
		return 1;
	int j = 0;
	while (j < nargs && (has_suffix(args[j], ".go") || has_suffix(args[j], ".ssa")))
		j++;
	return j;
}

int cmd_run(int argc, char **argv)
{
	BuildOpts o = {0};
	int i;
	if (parse_flags(argc, argv, &o, "run", &i))
		return 2;
	char **args = argv + i;
	int nfiles = run_split(args, argc - i);
	if (nfiles == 0) {
		fputs("go: no go files listed\n", stderr);
		return 1;
	}
	Link *l = NULL;
	int rc;
	char *name;
	uint8_t *img = NULL;
	size_t len = 0;
	if (has_suffix(args[0], ".ssa")) {
		rc = build_ssa((const char **)args, nfiles, &o, &l);
		name = xstrdup(strrchr(args[0], '/') ? strrchr(args[0], '/') + 1 : args[0]);
		name[strlen(name) - 4] = 0;
	} else {
		Loader *ld = build_loader(o.tags);
		if (!ld)
			return 1;
		int nroots;
		Package **roots = load_patterns(ld, args, nfiles, &nroots);
		if (ld->nerrors || nroots != 1)
			return 1;
		Package *p = roots[0];
		if (!p->err && (!p->name || strcmp(p->name, "main") != 0)) {
			fprintf(stderr, "package %s is not a main package\n", p->path);
			return 1;
		}
		name = exe_name(p, args);
		Buf lo = {0};
		buf_printf(&lo, "$WORK/b001/exe/%s", name);
		buf_putc(&lo, 0);
		o.linkout = lo.p;
		rc = build_image(ld, p, &o, &img, &len);
		if (rc == 0 && (o.dryrun || o.printcmds)) { /* as go run -n and -x show the run */
			fputs(o.linkout, stderr);
			for (int k = nfiles; k < argc - i; k++)
				fprintf(stderr, " %s", args[k]);
			fputc('\n', stderr);
		}
		if (o.dryrun)
			return rc;
	}
	if (l) {
		if (rc == 0 && link_emit(l, "_start", &img, &len))
			rc = 2;
		undefined_hint(l);
		link_free(l);
	}
	if (rc)
		return rc;
	/* argv[0] of the program: as go run's binary, the first file's name
	 * without .go or the package's last element */
	int nargs = argc - i - nfiles;
	char **pargs = xcalloc((size_t)nargs + 2, sizeof *pargs);
	pargs[0] = name;
	for (int k = 0; k < nargs; k++)
		pargs[k + 1] = args[nfiles + k];
	rc = exec_image(img, len, pargs);
	free(img);
	return rc;
}
