/*
 * check.c — `goc tool check [-types] [-tags t,...] [-bodies|-nobodies] [-e] [-time] PATTERN...`:
 * loads the packages the patterns name with their dependencies (src/load),
 * parses and type-checks them in dependency order (src/types), reports
 * errors in gc's format and exits 1 if there were any.  -types prints
 * every package-level object of the named packages in the format that
 * types.h describes (the same as tests/oracle/typesdump.go).  Function
 * bodies are checked in the named packages, as gc compiles them (their
 * dependencies are checked at package level only); -bodies checks the
 * bodies of every package, -nobodies of none (-rootbodies, the default,
 * is still accepted); -e reports every error (no limit of 10 per file, as
 * gc -e).
 */
#include "../base/base.h"
#include "../load/load.h"
#include "../syntax/syntax.h"
#include "../types/types.h"
#include "../gen/typedesc.h"
#include "driver.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

typedef struct CheckCtx {
	PtrMap tpkgs;   /* load Package* → TPackage* */
	Package *cur;   /* the package being checked */
	Arena arena;    /* package-lifetime data of every package */
	DiagList diags;
	const Sizes *sizes;
	bool bodies;     /* check bodies of every package */
	bool rootbodies; /* check bodies of the named packages (roots) */
	Package **roots;
	int nroots;
	const char *cwd;
	int nerrors;
} CheckCtx;

static TPackage *importer(void *ctx, const char *path)
{
	CheckCtx *cc = ctx;
	Package *p = cc->cur;
	for (int i = 0; i < p->nimports; i++)
		if (strcmp(p->imports[i].path, path) == 0 && p->imports[i].pkg)
			return ptrmap_get(&cc->tpkgs, p->imports[i].pkg);
	return NULL;
}

/* gc type-checks a package after the parser's non-syntax errors (those not
 * worded "syntax error: ..."), and stops after syntax errors.  Scanner
 * errors stop here too: gc would go on, with the bad literals marked so
 * that types2 ignores them silently; goc's tree has no such mark. */
static bool stops_type_checking(const char *msg)
{
	static const char *const go_on[] = {
		"empty type argument list", "expression in ", "final index required in 3-index slice",
		"interface method must have no type parameters", "invalid import path (", "invalid use of [...] array",
		"middle index required in 3-index slice", "missing init expr for ", "non-name ",
		"range clause permits at most two iteration variables",
	};
	for (size_t i = 0; i < sizeof go_on / sizeof go_on[0]; i++)
		if (strncmp(msg, go_on[i], strlen(go_on[i])) == 0)
			return false;
	const char *t = strstr(msg, " (type) is not an expression");
	return !(t && t[28] == 0);
}

/* Parser errors that gc's type checker reports (with a wording that
 * depends on types): dropped here, the checker reports them. */
static void drop_checker_errors(DiagList *d, int from)
{
	int k = from;
	for (int i = from; i < d->n; i++) {
		if (!strcmp(d->v[i].msg, "range clause permits at most two iteration variables") ||
		    !strncmp(d->v[i].msg, "invalid import path (", 21)) {
			free(d->v[i].msg);
			continue;
		}
		d->v[k++] = d->v[i];
	}
	d->n = k;
}

/* the packages the go command compiles with -+ (gc's CompilingRuntime) */
static bool compiling_runtime(Package *p)
{
	const char *s = p->path;
	return p->goroot && (!strcmp(s, "runtime") || !strncmp(s, "runtime/internal", 16) || !strcmp(s, "internal/cpu") ||
	                     !strcmp(s, "internal/bytealg") || !strcmp(s, "internal/abi"));
}

static TPackage *check_package(CheckCtx *cc, Package *p)
{
	if (strcmp(p->path, "unsafe") == 0) {
		universe_init();
		ptrmap_put(&cc->tpkgs, p, unsafe_pkg);
		return unsafe_pkg;
	}
	Arena ast;
	arena_init(&ast);
	uint32_t n = (uint32_t)p->gofiles.n;
	Node **files = xmalloc((n + 1) * sizeof *files);
	char **srcs = xmalloc((n + 1) * sizeof *srcs);
	uint32_t nf = 0;
	int nsyntax = 0;
	Buf path = {0};
	for (uint32_t i = 0; i < n; i++) {
		path.n = 0;
		/* files of the current directory print as given (gc: "x.go:1:2") */
		if (cc->cwd && strcmp(p->dir, cc->cwd) == 0)
			buf_printf(&path, "%s", p->gofiles.v[i]);
		else
			buf_printf(&path, "%s/%s", p->dir, p->gofiles.v[i]);
		size_t len;
		char *src = read_file(path.p, &len);
		if (!src) {
			fprintf(stderr, "goc: cannot read %s\n", path.p);
			cc->nerrors++;
			continue;
		}
		srcs[nf] = src;
		SrcFile *f = fileset_add(xstrdup(path.p), (uint32_t)len);
		int n0 = cc->diags.n;
		ParsedFile pf = parse_file(f, src, (uint32_t)len, &cc->diags, &ast);
		for (int k = n0; k < cc->diags.n; k++)
			if (stops_type_checking(cc->diags.v[k].msg))
				nsyntax++;
		drop_checker_errors(&cc->diags, n0);
		if (pf.ast && nsyntax == 0)
			check_directives(&cc->diags, pf.ast, pf.dirs, pf.ndirs, src, f, compiling_runtime(p));
		if (pf.ast)
			files[nf++] = pf.ast;
		else
			free(src);
	}
	buf_free(&path);
	TPackage *tp = new_package(&cc->arena, p->path, p->name ? p->name : "");
	Checker c;
	cc->cur = p;
	checker_init(&c, &cc->arena, tp, files, nf, cc->sizes, &cc->diags, importer, cc);
	c.ignore_bodies = !cc->bodies;
	for (int i = 0; cc->rootbodies && i < cc->nroots; i++)
		if (cc->roots[i] == p)
			c.ignore_bodies = false;
	if (nsyntax > 0) {
		/* as gc: no type checking after syntax errors, but the branch
		 * and label errors its parser reports */
		check_branches_files(&c);
	} else {
		checker_run(&c);
	}
	checker_free(&c);
	cc->nerrors += diag_flush(&cc->diags);
	for (uint32_t i = 0; i < nf; i++)
		free(srcs[i]);
	free(srcs);
	free(files);
	arena_free(&ast);
	ptrmap_put(&cc->tpkgs, p, tp);
	return tp;
}

static void dump_package(TPackage *p)
{
	Arena a;
	arena_init(&a);
	Qualifier q = {p, false, false};
	Buf b = {0};
	printf("package %s\n", p->path);
	uint32_t n;
	Object **objs = scope_sorted(&a, p->scope, &n);
	for (uint32_t i = 0; i < n; i++) {
		Object *o = objs[i];
		b.n = 0;
		switch (o->kind) {
		case OBJ_CONST:
			buf_printf(&b, "const %s ", o->name);
			write_type(&b, o->type, &q);
			buf_puts(&b, " = ");
			const_format_exact(&b, o->val);
			break;
		case OBJ_VAR:
			buf_printf(&b, "var %s ", o->name);
			write_type(&b, o->type, &q);
			break;
		case OBJ_FUNC:
			buf_printf(&b, "func %s ", o->name);
			write_type(&b, o->type, &q);
			break;
		case OBJ_TYPENAME: {
			Type *t = o->type;
			if (!(o->flags & OF_ALIAS) && t && t->kind == TY_BASIC) { /* unsafe.Pointer */
				buf_printf(&b, "type %s ", o->name);
				write_type(&b, t, &q);
				break;
			}
			if ((o->flags & OF_ALIAS) || !t || t->kind != TY_NAMED || t->named.obj != o) {
				buf_printf(&b, "type %s = ", o->name);
				write_type(&b, t, &q);
				break;
			}
			buf_printf(&b, "type %s", o->name);
			if (t->named.tparams.n)
				write_tparams(&b, t->named.tparams, &q);
			buf_putc(&b, ' ');
			write_type(&b, under(t), &q);
			/* methods, sorted by name */
			Object **ms = arena_alloc(&a, (t->named.nmethods + 1) * sizeof *ms);
			if (t->named.nmethods)
				memcpy(ms, t->named.methods, t->named.nmethods * sizeof *ms);
			for (uint32_t x = 1; x < t->named.nmethods; x++)
				for (uint32_t y = x; y > 0 && strcmp(ms[y - 1]->name, ms[y]->name) > 0; y--) {
					Object *tmp = ms[y];
					ms[y] = ms[y - 1];
					ms[y - 1] = tmp;
				}
			for (uint32_t k = 0; k < t->named.nmethods; k++) {
				Object *m = ms[k];
				buf_putc(&b, '\n');
				buf_puts(&b, "method ");
				if (m->type && m->type->sig.recv)
					write_type(&b, m->type->sig.recv->type, &q);
				else
					buf_puts(&b, "?");
				buf_printf(&b, ".%s ", m->name);
				write_type(&b, m->type, &q);
			}
			break;
		}
		default:
			buf_printf(&b, "%s %s", obj_kind_name(o), o->name);
		}
		fwrite(b.p, 1, b.n, stdout);
		putchar('\n');
	}
	buf_free(&b);
	arena_free(&a);
}

static int cmp_order(const void *x, const void *y)
{
	const Object *a = *(Object *const *)x, *b = *(Object *const *)y;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Is t's layout known without its type arguments?  (A type parameter in
 * place, or in an array or struct, has none; behind a pointer it is fine:
 * sync/atomic.Pointer[T] is {_ [0]*T; _ noCopy; v unsafe.Pointer}.) */
static bool layout_known(Type *t)
{
	if (!t || t->kind == TY_TYPEPARAM)
		return false;
	if (t->kind == TY_NAMED && t->named.tparams.n == 0 && under(t) != t)
		return layout_known(under(t));
	if (t->kind == TY_ARRAY)
		return layout_known(t->array.elem);
	if (t->kind == TY_STRUCT) {
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			if (!layout_known(t->struct_.fields[i]->type))
				return false;
	}
	return true;
}

/* -asmhdr FILE: the go_asm.h of the package for its assembly files, as gc's
 * compile -asmhdr writes it (cmd/compile/internal/gc dumpasmhdr): for each
 * package-level constant that is not a float or complex,
 * `#define const_NAME VALUE` (go/constant's exact string), and for each
 * struct type `#define T__size N` and `#define T_FIELD OFFSET`, sizes and
 * offsets in gc's layout (src/gen/typelayout.c).  The lines come in
 * declaration order; gc's order (its IR's) differs, which no assembler
 * can observe. */
bool asmhdr_write(TPackage *p, const char *path)
{
	Arena a;
	arena_init(&a);
	Buf b = {0};
	buf_printf(&b, "// generated by compile -asmhdr from package %s\n\n", p->name);
	uint32_t n;
	Object **objs = scope_sorted(&a, p->scope, &n);
	qsort(objs, n, sizeof *objs, cmp_order);
	for (uint32_t i = 0; i < n; i++) {
		Object *o = objs[i];
		if (!strcmp(o->name, "_"))
			continue;
		if (o->kind == OBJ_CONST) {
			ConstKind k = const_kind(o->val);
			if (k == CONST_FLOAT || k == CONST_COMPLEX || k == CONST_UNKNOWN)
				continue;
			buf_printf(&b, "#define const_%s ", o->name);
			const_format_exact(&b, o->val);
			buf_putc(&b, '\n');
		} else if (o->kind == OBJ_TYPENAME && o->type) {
			Type *t = o->type;
			Type *u = under(t);
			if (!u || u->kind != TY_STRUCT || !layout_known(u))
				continue; /* gc: a generic struct is listed when its layout is fixed */
			buf_printf(&b, "#define %s__size %lld\n", o->name, (long long)gclayout_size(t));
			int64_t *offs = arena_alloc(&a, (u->struct_.nfields + 1) * sizeof *offs);
			gclayout_offsets(t, offs);
			for (uint32_t f = 0; f < u->struct_.nfields; f++)
				if (strcmp(u->struct_.fields[f]->name, "_") != 0)
					buf_printf(&b, "#define %s_%s %lld\n", o->name, u->struct_.fields[f]->name, (long long)offs[f]);
		}
	}
	FILE *f = fopen(path, "w");
	bool ok = f && fwrite(b.p, 1, b.n, f) == b.n;
	if (f)
		ok = fclose(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, "goc: %s: %s\n", path, strerror(errno));
	buf_free(&b);
	arena_free(&a);
	return ok;
}

/* -packages LIST: one package a line, "IMPORTPATH FILE.go...", loaded in
 * order as gc compiles them one by one with -p IMPORTPATH (GOROOT/test's
 * rundir and compiledir tests); with -D, local imports "./x" name the
 * package PREFIX/x of an earlier line.  All are roots. */
static Package **load_package_list(Loader *l, const char *list, int *nroots)
{
	size_t len;
	char *text = read_file(list, &len);
	if (!text) {
		fprintf(stderr, "goc: cannot read %s\n", list);
		return NULL;
	}
	Package **roots = NULL;
	int n = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *words[256];
		int nw = 0;
		for (char *save = NULL, *w = strtok_r(line, " \t", &save); w && nw < 256; w = strtok_r(NULL, " \t", &save))
			words[nw++] = xstrdup(w);
		if (nw < 2)
			continue;
		roots = xrealloc(roots, (size_t)(n + 1) * sizeof *roots);
		roots[n++] = load_files_as(l, words[0], words + 1, nw - 1);
	}
	free(text);
	*nroots = n;
	return roots;
}

int tool_check(int argc, char **argv)
{
	bool types = false, timing = false, bodies = false, rootbodies = true, all_errors = false;
	const char *tags = NULL, *local_prefix = NULL, *pkglist = NULL, *asmhdr = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-types"))
			types = true;
		else if (!strcmp(a, "-time"))
			timing = true;
		else if (!strcmp(a, "-bodies"))
			bodies = true;
		else if (!strcmp(a, "-rootbodies"))
			rootbodies = true;
		else if (!strcmp(a, "-nobodies"))
			bodies = rootbodies = false;
		else if (!strcmp(a, "-e"))
			all_errors = true;
		else if (!strcmp(a, "-tags") && i + 1 < argc)
			tags = argv[++i];
		else if (!strcmp(a, "-D") && i + 1 < argc)
			local_prefix = argv[++i];
		else if (!strcmp(a, "-packages") && i + 1 < argc)
			pkglist = argv[++i];
		else if (!strcmp(a, "-asmhdr") && i + 1 < argc)
			asmhdr = argv[++i];
		else {
			fprintf(stderr, "usage: goc tool check [-types] [-asmhdr FILE] [-bodies|-nobodies] [-e] [-time] [-tags t,...] PATTERN...\n"
			                "       goc tool check [flags] [-D prefix] -packages LIST\n");
			return 2;
		}
	}
	const char *goroot = goc_goroot();
	if (!goroot) {
		fprintf(stderr, "goc: cannot find GOROOT\n");
		return 2;
	}
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		fatal("getwd: cannot determine the working directory");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	BuildCtx ctx;
	buildctx_from_env(&ctx, tags);
	Loader l;
	if (!loader_init(&l, goroot, cwd, &ctx))
		return 1;
	l.checker = true; /* bad import paths and header syntax errors: reported by the parser and checker */
	char *dot[] = {"."};
	char **pats = i < argc ? argv + i : dot;
	int npats = i < argc ? argc - i : 1;
	int nroots;
	Package **roots;
	l.local_prefix = local_prefix;
	if (pkglist) {
		roots = load_package_list(&l, pkglist, &nroots);
		if (!roots)
			return 2;
	} else {
		roots = load_patterns(&l, pats, npats, &nroots);
	}
	int n;
	Package **list = load_deps_order(&l, roots, nroots, &n);
	if (load_print_errors(&l, list, n, stderr) > 0 || l.nerrors) {
		free(list);
		free(roots);
		return 1;
	}
	CheckCtx cc = {0};
	arena_init(&cc.arena);
	diag_init(&cc.diags, all_errors ? 0 : 10);
	cc.diags.out = stderr;
	cc.sizes = sizes_for(ctx.goarch);
	if (!cc.sizes)
		cc.sizes = &sizes_amd64;
	cc.bodies = bodies;
	cc.rootbodies = rootbodies;
	cc.roots = roots;
	cc.nroots = nroots;
	cc.cwd = cwd;
	bool trace = getenv("GOC_CHECK_TRACE") != NULL;
	for (int k = 0; k < n; k++) {
		struct timespec a, b;
		size_t before = cc.arena.total;
		clock_gettime(CLOCK_MONOTONIC, &a);
		check_package(&cc, list[k]);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (trace)
			fprintf(stderr, "%8.2fms %6zuKB %s\n", (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6,
				(cc.arena.total - before) >> 10, list[k]->path);
	}
	if (types && !timing)
		for (int k = 0; k < nroots; k++) {
			TPackage *tp = ptrmap_get(&cc.tpkgs, roots[k]);
			if (tp)
				dump_package(tp);
		}
	if (asmhdr && cc.nerrors == 0) {
		TPackage *tp = nroots == 1 ? ptrmap_get(&cc.tpkgs, roots[0]) : NULL;
		if (!tp) {
			fprintf(stderr, "goc: -asmhdr needs exactly one package\n");
			return 2;
		}
		if (!asmhdr_write(tp, asmhdr))
			return 1;
	}
	if (timing) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		fprintf(stderr, "goc: %d packages in %.1fms, arena %zu MB\n", n, ms, cc.arena.total >> 20);
	}
	fflush(stdout);
	free(list);
	free(roots);
	return cc.nerrors > 0;
}
