/*
 * load.c — packages: where an import path lives, which files make it up,
 * what it imports, and the import graph.
 *
 * Resolution follows the go command in module mode (Go 1.19):
 *   - an importer in GOROOT/src (not cmd) sees golang.org/x/... as
 *     GOROOT/src/vendor/golang.org/x/..., import path "vendor/golang.org/x/...";
 *     an importer under cmd/ sees GOROOT/src/cmd/vendor/... the same way;
 *   - a path whose first element has no dot is a standard package, in
 *     GOROOT/src/PATH;
 *   - otherwise the main module (go.mod found upward from the working
 *     directory) or a module it requires: replaced by a local directory,
 *     or already unpacked in GOMODCACHE.  Anything else would need the
 *     network, which goc never uses: that is an error naming the module.
 *
 * Errors are worded and placed as the go command does (see docs/load.md):
 * an error of an imported package is prefixed by the position of the
 * import that first reached it; a cycle and "build constraints exclude
 * all Go files" are printed with the import stack.
 */
#include "load.h"
#include "../syntax/unicode.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dupf(Arena *a, const char *fmt, ...) PRINTF(2, 3);
static char *dupf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[512];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if ((size_t)n < sizeof tmp)
		return arena_strndup(a, tmp, (size_t)n);
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void sl_push(StrList *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

static bool has_path_prefix(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 && (s[n] == 0 || s[n] == '/');
}

/* The first element of a standard import path has no dot. */
static bool is_std_path(const char *path)
{
	size_t n = strcspn(path, "/");
	return memchr(path, '.', n) == NULL;
}

static bool is_local_path(const char *p)
{
	return !strcmp(p, ".") || !strcmp(p, "..") || !strncmp(p, "./", 2) || !strncmp(p, "../", 3);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether dir holds at least one .go file (the module loader's test for
 * "this directory is a package"). */
static bool has_go_files(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	bool found = false;
	while (!found && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > 3 && !strcmp(e->d_name + n - 3, ".go") && e->d_type != DT_DIR)
			found = true;
	}
	closedir(d);
	return found;
}

/* ---- the package table ---- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static Package **tab_slot(Loader *l, const char *path)
{
	size_t mask = l->tabcap - 1;
	for (size_t i = hash_str(path) & mask;; i = (i + 1) & mask)
		if (!l->tab[i] || !strcmp(l->tab[i]->path, path))
			return &l->tab[i];
}

static Package *pkg_lookup(Loader *l, const char *path) { return *tab_slot(l, path); }

static void pkg_insert(Loader *l, Package *p);

static Package *pkg_alloc(Loader *l, const char *path)
{
	Package *p = arena_alloc(&l->arena, sizeof *p);
	p->path = arena_strndup(&l->arena, path, strlen(path));
	return p;
}

static Package *pkg_new(Loader *l, const char *path)
{
	Package *p = pkg_alloc(l, path);
	pkg_insert(l, p);
	return p;
}

static void pkg_insert(Loader *l, Package *p)
{
	if (2 * (l->tabn + 1) > l->tabcap) {
		Package **old = l->tab;
		size_t oldcap = l->tabcap;
		l->tabcap = oldcap * 2;
		l->tab = xcalloc(l->tabcap, sizeof *l->tab);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i])
				*tab_slot(l, old[i]->path) = old[i];
		free(old);
	}
	*tab_slot(l, p->path) = p;
	l->tabn++;
}

/* ---- set-up ---- */

static const char *gomodcache(Arena *a)
{
	const char *c = getenv("GOMODCACHE");
	if (c && *c)
		return c;
	const char *gp = getenv("GOPATH");
	if (gp && *gp) {
		size_t n = strcspn(gp, ":");
		return dupf(a, "%.*s/pkg/mod", (int)n, gp);
	}
	const char *h = getenv("HOME");
	return h && *h ? dupf(a, "%s/go/pkg/mod", h) : NULL;
}

bool loader_init(Loader *l, const char *goroot, const char *cwd, const BuildCtx *ctx)
{
	memset(l, 0, sizeof *l);
	arena_init(&l->arena);
	l->ctx = *ctx;
	l->goroot = goroot;
	l->cwd = arena_strndup(&l->arena, cwd, strlen(cwd));
	l->modcache = gomodcache(&l->arena);
	l->tabcap = 1024;
	l->tab = xcalloc(l->tabcap, sizeof *l->tab);
	if (getenv("GO111MODULE") && !strcmp(getenv("GO111MODULE"), "off"))
		return true;
	/* go.mod, looked for upward from cwd (GOROOT/src's own go.mod is the
	 * std module: std packages are found through GOROOT anyway) */
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", cwd);
	for (;;) {
		char path[4200];
		snprintf(path, sizeof path, "%s/go.mod", dir);
		size_t len;
		char *text = read_file(path, &len);
		if (text) {
			char *err = NULL;
			l->mod = modfile_parse(dir, text, len, &l->arena, &err);
			free(text);
			if (!l->mod) {
				fprintf(stderr, "go: errors parsing %s:\n%s\n", path, err);
				free(err);
				return false;
			}
			break;
		}
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = 0;
	}
	return true;
}

/* A path for messages: relative to the working directory when shorter, as
 * the go command's base.ShortPath. */
static const char *short_path(Loader *l, const char *path)
{
	size_t n = strlen(l->cwd);
	if (!strncmp(path, l->cwd, n) && path[n] == '/')
		return path + n + 1;
	/* ../ forms: common prefix of whole elements */
	size_t common = 0;
	for (size_t i = 0; path[i] && l->cwd[i] && path[i] == l->cwd[i]; i++)
		if (path[i] == '/')
			common = i;
	if (common == 0)
		return path;
	int ups = 1;
	for (const char *q = l->cwd + common + 1; *q; q++)
		ups += *q == '/';
	size_t rellen = (size_t)ups * 3 + strlen(path + common + 1);
	if (rellen >= strlen(path))
		return path;
	Buf b = {0};
	for (int i = 0; i < ups; i++)
		buf_puts(&b, "../");
	buf_puts(&b, path + common + 1);
	char *r = arena_strndup(&l->arena, b.p, b.n);
	buf_free(&b);
	return r;
}

/* ---- resolution ---- */

typedef struct Resolved {
	const char *path; /* import path of the package */
	const char *dir;  /* NULL if not found */
	const char *err;  /* why not found */
	bool goroot;
} Resolved;

/* Module cache directory names escape upper-case letters as !x. */
static const char *modcache_dir(Loader *l, const char *mod, const char *version)
{
	if (!l->modcache)
		return NULL;
	Buf b = {0};
	buf_printf(&b, "%s/", l->modcache);
	for (const char *p = mod; *p; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			buf_putc(&b, '!');
			buf_putc(&b, (char)(*p + 32));
		} else {
			buf_putc(&b, *p);
		}
	}
	buf_printf(&b, "@%s", version);
	char *r = arena_strndup(&l->arena, b.p, b.n);
	buf_free(&b);
	return r;
}

static const char *join_dir(Loader *l, const char *base, const char *rel)
{
	if (rel[0] == '/')
		return arena_strndup(&l->arena, rel, strlen(rel));
	/* clean ./ and ../ as far as the textual form allows */
	Buf b = {0};
	buf_puts(&b, base);
	buf_putpath(&b, rel);
	char *r = arena_strndup(&l->arena, b.p, b.n);
	buf_free(&b);
	return r;
}

static Resolved resolve_in_modules(Loader *l, const char *path)
{
	Resolved r = {.path = path};
	ModFile *m = l->mod;
	if (!m) {
		r.err = dupf(&l->arena, "no required module provides package %s: go.mod file not found in current "
		             "directory or any parent directory; see 'go help modules'", path);
		return r;
	}
	if (has_path_prefix(path, m->path)) {
		const char *dir = dupf(&l->arena, "%s%s", m->dir, path + strlen(m->path));
		if (has_go_files(dir)) {
			r.dir = dir;
			return r;
		}
	}
	/* the required module with the longest path that is a prefix of path */
	const ModRequire *best = NULL;
	for (int i = 0; i < m->nreqs; i++)
		if (has_path_prefix(path, m->reqs[i].path) && (!best || strlen(m->reqs[i].path) > strlen(best->path)))
			best = &m->reqs[i];
	if (!best) {
		r.err = dupf(&l->arena, "no required module provides package %s; to add it:\n\tgo get %s", path, path);
		return r;
	}
	const ModReplace *rep = NULL;
	for (int i = 0; i < m->nreps; i++) {
		const ModReplace *x = &m->reps[i];
		if (strcmp(x->path, best->path) != 0)
			continue;
		if (x->version && !strcmp(x->version, best->version))
			rep = x; /* an exact version wins */
		else if (!x->version && !rep)
			rep = x;
	}
	const char *rest = path + strlen(best->path);
	const char *root;
	if (rep && !rep->newversion)
		root = join_dir(l, m->dir, rep->newpath);
	else if (rep)
		root = modcache_dir(l, rep->newpath, rep->newversion);
	else
		root = modcache_dir(l, best->path, best->version);
	if (root && is_dir(root)) {
		const char *dir = dupf(&l->arena, "%s%s", root, rest);
		if (has_go_files(dir)) {
			r.dir = dir;
			return r;
		}
		r.err = dupf(&l->arena, "module %s@%s found (%s), but does not contain package %s", best->path,
		             best->version, rep && !rep->newversion ? rep->newpath : root, path);
		return r;
	}
	if (rep && !rep->newversion) {
		r.err = dupf(&l->arena, "%s@%s (replaced by %s): reading %s/go.mod: open %s/go.mod: no such file or directory",
		             best->path, best->version, rep->newpath, root, root);
		return r;
	}
	r.err = dupf(&l->arena, "package %s is provided by module %s@%s, which is not available locally: "
	             "goc does not download modules; add a replace directive for %s pointing to a local directory",
	             path, rep ? rep->newpath : best->path, rep ? rep->newversion : best->version, best->path);
	return r;
}

const char *load_resolve_path(Loader *l, const char *path, const Package *parent)
{
	if (parent && parent->goroot && !is_std_path(path)) {
		const char *vpath = has_path_prefix(parent->path, "cmd") ? dupf(&l->arena, "cmd/vendor/%s", path)
		                                                          : dupf(&l->arena, "vendor/%s", path);
		if (is_dir(dupf(&l->arena, "%s/src/%s", l->goroot, vpath)))
			return vpath;
	}
	return path;
}

/* The overlay: standard packages that goc replaces by its own (design.md:
 * only what must differ).  Keep this table short; docs/load.md says why
 * each entry is here. */
static const struct {
	const char *path, *dir;
} overlays[] = {
	{"runtime", "runtime"}, /* the C runtime's Go-facing declarations */
	{"internal/abi", "overlay/internal/abi"}, /* goc's ABI: no argument registers */
};

const char *load_overlay(const char *path)
{
	for (size_t i = 0; i < NELEM(overlays); i++)
		if (!strcmp(overlays[i].path, path))
			return overlays[i].dir;
	return NULL;
}

/* Resolves path as imported by parent (NULL for a command-line path). */
static Resolved resolve(Loader *l, const char *path, const Package *parent)
{
	Resolved r = {.path = path};
	const char *ov = l->overlay ? load_overlay(path) : NULL;
	if (ov) {
		r.dir = dupf(&l->arena, "%s/%s", l->overlay, ov);
		r.goroot = true;
		return r;
	}
	if (parent && parent->goroot && !is_std_path(path)) {
		const char *vpath = has_path_prefix(parent->path, "cmd") ? dupf(&l->arena, "cmd/vendor/%s", path)
		                                                          : dupf(&l->arena, "vendor/%s", path);
		const char *dir = dupf(&l->arena, "%s/src/%s", l->goroot, vpath);
		if (is_dir(dir)) {
			r.path = vpath;
			r.dir = dir;
			r.goroot = true;
			return r;
		}
	}
	if (is_std_path(path)) {
		const char *dir = dupf(&l->arena, "%s/src/%s", l->goroot, path);
		if (has_go_files(dir)) {
			r.dir = dir;
			r.goroot = true;
			return r;
		}
		/* a main module whose path has no dot */
		if (l->mod && has_path_prefix(path, l->mod->path))
			return resolve_in_modules(l, path);
		r.err = dupf(&l->arena, "package %s is not in GOROOT (%s)", path, dir);
		return r;
	}
	return resolve_in_modules(l, path);
}

/* ---- reading a package directory ---- */

/* Reads the header of one file: first a prefix, the whole file only when
 * the imports run past it. */
static bool read_header(Loader *l, const char *path, GoHeader *h, char **ioerr)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		*ioerr = dupf(&l->arena, "open %s: %s", path, strerror(errno));
		return false;
	}
	enum { PREFIX = 8192 };
	Buf *b = &l->scratch;
	b->n = 0;
	buf_grow(b, PREFIX + 1);
	ssize_t n = read(fd, b->p, PREFIX);
	if (n < 0) {
		*ioerr = dupf(&l->arena, "read %s: %s", path, strerror(errno));
		close(fd);
		return false;
	}
	b->n = (size_t)n;
	b->p[b->n] = 0;
	bool partial = n == PREFIX;
	if (!read_go_header(&l->ctx, b->p, b->n, partial, h, &l->arena)) {
		for (;;) {
			buf_grow(b, 65536 + 1);
			n = read(fd, b->p + b->n, b->cap - b->n - 1);
			if (n <= 0)
				break;
			b->n += (size_t)n;
		}
		b->p[b->n] = 0;
		read_go_header(&l->ctx, b->p, b->n, false, h, &l->arena);
	}
	close(fd);
	return true;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

typedef struct DirEnts {
	char **v;
	int n, cap;
} DirEnts;

static bool read_dir_sorted(const char *dir, DirEnts *out, bool want_dirs)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		bool isdir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			isdir = is_dir(p);
		}
		if (isdir != want_dirs)
			continue;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 32;
			out->v = xrealloc(out->v, (size_t)out->cap * sizeof *out->v);
		}
		out->v[out->n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (out->n > 1)
		qsort(out->v, (size_t)out->n, sizeof *out->v, cmp_str);
	return true;
}

static void free_ents(DirEnts *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->v[i]);
	free(d->v);
	memset(d, 0, sizeof *d);
}

typedef struct RawImport {
	const char *path, *file;
	int line, col;
} RawImport;

static int cmp_rawimport(const void *a, const void *b)
{
	const RawImport *x = a, *y = b;
	return strcmp(x->path, y->path);
}

/* Error kinds, as the go command prints them (see the file comment). */
enum { EK_NONE, EK_POS, EK_STACK, EK_FILE };

typedef struct PkgErr {
	int kind;
	const char *msg;
} PkgErr;

/* an assembly file of p's directory: kept in p->sfiles when its name and
 * leading comments select it (go/build's matchFile for ".s") */
static void add_sfile(Loader *l, Package *p, const char *name, PkgErr *err)
{
	if (!build_good_osarch_name(&l->ctx, name))
		return;
	const char *full = dupf(&l->arena, "%s/%s", p->dir, name);
	size_t len;
	char *src = read_file(full, &len);
	if (!src) {
		if (!err->msg)
			*err = (PkgErr){EK_POS, dupf(&l->arena, "open %s: %s", full, strerror(errno))};
		return;
	}
	char *e = NULL;
	int v = build_match_file(&l->ctx, src, len, &e);
	free(src);
	if (v < 0) {
		if (!err->msg)
			*err = (PkgErr){EK_POS, dupf(&l->arena, "%s: %s", name, e)};
		free(e);
		return;
	}
	if (v == 1)
		sl_push(&p->sfiles, arena_strndup(&l->arena, name, strlen(name)));
}

static void uniq_sorted(StrList *l)
{
	if (l->n == 0)
		return;
	qsort(l->v, (size_t)l->n, sizeof *l->v, cmp_str);
	int k = 1;
	for (int i = 1; i < l->n; i++)
		if (strcmp(l->v[i], l->v[k - 1]) != 0)
			l->v[k++] = l->v[i];
	l->n = k;
}

/*
 * Selects the files of p->dir (or only `files`, for command-line .go
 * files) and records their imports.  Returns the package's own error.
 */
static PkgErr scan_package(Loader *l, Package *p, char **files, int nfiles)
{
	DirEnts ents = {0};
	if (files) {
		for (int i = 0; i < nfiles; i++) {
			if (ents.n == ents.cap) {
				ents.cap = ents.cap ? ents.cap * 2 : 8;
				ents.v = xrealloc(ents.v, (size_t)ents.cap * sizeof *ents.v);
			}
			const char *slash = strrchr(files[i], '/');
			ents.v[ents.n++] = xstrdup(slash ? slash + 1 : files[i]);
		}
	} else if (!read_dir_sorted(p->dir, &ents, false)) {
		return (PkgErr){EK_POS, dupf(&l->arena, "open %s: %s", p->dir, strerror(errno))};
	}
	PkgErr err = {EK_NONE, NULL};
	const char *firstfile = NULL;
	RawImport *imps = NULL;
	int nimps = 0, capimps = 0;
	for (int i = 0; i < ents.n; i++) {
		const char *name = ents.v[i];
		size_t n = strlen(name);
		if (name[0] == '_' || name[0] == '.')
			continue;
		if (n > 2 && !strcmp(name + n - 2, ".s")) {
			add_sfile(l, p, name, &err);
			continue;
		}
		if (n < 3 || strcmp(name + n - 3, ".go") != 0)
			continue;
		const char *fname = arena_strndup(&l->arena, name, n);
		/* files named on the command line are used whatever their build
		 * constraints and name suffixes say (go/build's UseAllFiles, as
		 * the go command's GoFilesPackage sets it) */
		bool all = files != NULL;
		if (!all && !build_good_osarch_name(&l->ctx, name)) {
			sl_push(&p->ignoredgofiles, fname);
			continue;
		}
		const char *full = dupf(&l->arena, "%s/%s", p->dir, name);
		GoHeader h;
		char *ioerr = NULL;
		l->ctx.useall = all;
		bool got = read_header(l, full, &h, &ioerr);
		l->ctx.useall = false;
		if (!got) {
			if (!err.msg)
				err = (PkgErr){EK_POS, ioerr};
			sl_push(&p->invalidgofiles, fname);
			continue;
		}
		if (h.err && !h.match) {
			/* a constraint error: the file is invalid ("name: msg") */
			if (!err.msg)
				err = (PkgErr){EK_POS, dupf(&l->arena, "%s: %s", fname, h.err)};
			sl_push(&p->invalidgofiles, fname);
			continue;
		}
		if (!h.match) {
			sl_push(&p->ignoredgofiles, fname);
			continue;
		}
		if (h.err) { /* a syntax error in the header: listed, and the package is in error */
			if (!err.msg && !l->checker)
				err = (PkgErr){EK_FILE, dupf(&l->arena, "%s:%s", short_path(l, full), h.err)};
			sl_push(&p->invalidgofiles, fname);
		}
		const char *pkg = h.pkg;
		if (pkg && !strcmp(pkg, "documentation")) {
			sl_push(&p->ignoredgofiles, fname);
			continue;
		}
		bool istest = n > 8 && !strcmp(name + n - 8, "_test.go");
		bool isxtest = false;
		if (pkg && istest && strlen(pkg) > 5 && !strcmp(pkg + strlen(pkg) - 5, "_test") &&
		    (!p->name || strcmp(p->name, pkg) != 0)) {
			isxtest = true;
			pkg = arena_strndup(&l->arena, pkg, strlen(pkg) - 5);
		}
		if (pkg) {
			if (!p->name) {
				p->name = pkg;
				firstfile = fname;
			} else if (strcmp(pkg, p->name) != 0) {
				if (!err.msg)
					err = (PkgErr){EK_POS, dupf(&l->arena, "found packages %s (%s) and %s (%s) in %s", p->name,
					                               firstfile, pkg, fname, p->dir)};
				sl_push(&p->invalidgofiles, fname);
			}
		}
		if (h.cgo && istest) { /* go/build: an error, and the file stays a test file without cgo */
			if (!err.msg)
				err = (PkgErr){EK_POS, dupf(&l->arena, "use of cgo in test %s not supported", full)};
			sl_push(&p->invalidgofiles, fname);
			h.cgo = false;
		}
		bool keep_imports = false;
		if (h.cgo && !l->ctx.cgo && !istest && !p->cgofile) {
			p->cgofile = full;
			for (int k = 0; k < h.nimports; k++)
				if (!strcmp(h.imports[k].path, "C")) {
					p->cgoline = h.imports[k].line;
					p->cgocol = h.imports[k].col;
				}
		}
		if (h.cgo) {
			if (l->ctx.cgo) {
				sl_push(&p->cgofiles, fname);
				keep_imports = true;
			} else {
				sl_push(&p->ignoredgofiles, fname);
			}
		} else if (isxtest) {
			sl_push(&p->xtestgofiles, fname);
			for (int k = 0; k < h.nimports; k++)
				sl_push(&p->xtestimports, h.imports[k].path);
		} else if (istest) {
			sl_push(&p->testgofiles, fname);
			for (int k = 0; k < h.nimports; k++)
				sl_push(&p->testimports, h.imports[k].path);
		} else {
			sl_push(&p->gofiles, fname);
			keep_imports = true;
		}
		if (keep_imports) {
			for (int k = 0; k < h.nimports; k++) {
				if (nimps == capimps) {
					capimps = capimps ? capimps * 2 : 32;
					imps = xrealloc(imps, (size_t)capimps * sizeof *imps);
				}
				imps[nimps++] = (RawImport){h.imports[k].path, full, h.imports[k].line, h.imports[k].col};
			}
		}
	}
	free_ents(&ents);
	/* Imports: sorted, each once, with its first position (files are read in name order) */
	if (nimps > 0) {
		/* stable: keep the first occurrence's position */
		for (int i = 1; i < nimps; i++) { /* insertion sort keeps order of equal keys */
			RawImport x = imps[i];
			int j = i - 1;
			while (j >= 0 && cmp_rawimport(&imps[j], &x) > 0) {
				imps[j + 1] = imps[j];
				j--;
			}
			imps[j + 1] = x;
		}
		p->imports = arena_alloc(&l->arena, (size_t)nimps * sizeof *p->imports);
		for (int i = 0; i < nimps; i++) {
			if (p->nimports > 0 && !strcmp(p->imports[p->nimports - 1].path, imps[i].path))
				continue;
			p->imports[p->nimports++] = (ImportRef){imps[i].path, imps[i].file, imps[i].line, imps[i].col, NULL};
		}
	}
	free(imps);
	uniq_sorted(&p->testimports);
	uniq_sorted(&p->xtestimports);
	if (!err.msg && p->gofiles.n + p->cgofiles.n + p->testgofiles.n + p->xtestgofiles.n == 0) {
		if (p->ignoredgofiles.n > 0)
			err = (PkgErr){EK_STACK, dupf(&l->arena, "build constraints exclude all Go files in %s", p->dir)};
		else
			err = (PkgErr){EK_POS, dupf(&l->arena, "no Go files in %s", p->dir)};
	}
	return err;
}

/* ---- the graph ---- */

typedef struct Stack {
	const char **v;
	int n, cap;
} Stack;

static void stack_push(Stack *s, const char *path)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
	}
	s->v[s->n++] = path;
}

/* "package A\n\timports B\n\timports C: msg" for the stack plus `last`. */
static char *stack_error(Loader *l, const Stack *st, const char *last, const char *msg)
{
	Buf b = {0};
	buf_puts(&b, "package ");
	for (int i = 0; i < st->n; i++)
		buf_printf(&b, "%s\n\timports ", st->v[i]);
	buf_printf(&b, "%s: %s", last, msg);
	char *r = arena_strndup(&l->arena, b.p, b.n);
	buf_free(&b);
	return r;
}

static void set_error(Loader *l, Package *p, PkgErr e, const Stack *st, const ImportRef *from)
{
	if (p->err || e.kind == EK_NONE)
		return;
	p->incomplete = true;
	switch (e.kind) {
	case EK_STACK:
		p->err = stack_error(l, st, p->path, e.msg);
		break;
	case EK_POS:
		if (from)
			p->err = dupf(&l->arena, "%s:%d:%d: %s", short_path(l, from->file), from->line, from->col, e.msg);
		else
			p->err = (char *)e.msg;
		break;
	default:
		p->err = (char *)e.msg;
	}
}

static void add_dep(Loader *l, Package *p, Package *q, int *cap)
{
	for (int i = 0; i < p->ndeps; i++)
		if (p->deps[i] == q)
			return;
	if (p->ndeps == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		Package **v = arena_alloc(&l->arena, (size_t)*cap * sizeof *v);
		if (p->ndeps)
			memcpy(v, p->deps, (size_t)p->ndeps * sizeof *v);
		p->deps = v;
	}
	p->deps[p->ndeps++] = q;
}

static void load_rec(Loader *l, Package *p, Stack *st);

/* The package for import path `path` as seen from parent; loads it (and
 * its dependencies) if new. */
/* path.Join(prefix, local): the import path gc's -D gives a local import */
static const char *local_import_path(Loader *l, const char *prefix, const char *local)
{
	Buf b = {0};
	buf_puts(&b, prefix);
	const char *s = local;
	while (*s) {
		size_t n = strcspn(s, "/");
		if (n == 1 && s[0] == '.') {
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (b.n > 0 && b.p[b.n - 1] != '/')
				b.n--;
			if (b.n > 0)
				b.n--;
		} else if (n > 0) {
			if (b.n > 0)
				buf_putc(&b, '/');
			buf_printf(&b, "%.*s", (int)n, s);
		}
		s += n;
		if (*s == '/')
			s++;
	}
	const char *r = arena_strndup(&l->arena, b.p ? b.p : "", b.n);
	buf_free(&b);
	return r;
}

static Package *import_pkg(Loader *l, const char *path, Package *parent, const ImportRef *from, Stack *st)
{
	if (is_local_path(path) && parent && l->local_prefix) {
		const char *key = local_import_path(l, l->local_prefix, path);
		Package *q = pkg_lookup(l, key);
		if (!q) {
			q = pkg_new(l, key);
			q->state = 2;
			set_error(l, q, (PkgErr){EK_POS, dupf(&l->arena, "could not import %s (no package %s checked before)", path, key)},
			          st, from);
		}
		return q;
	}
	if (is_local_path(path) && parent) {
		Package *q = pkg_lookup(l, path);
		if (!q) {
			q = pkg_new(l, path);
			q->state = 2;
			set_error(l, q, (PkgErr){EK_POS, dupf(&l->arena, "local import \"%s\" in non-local package", path)}, st,
			          from);
		}
		return q;
	}
	/* The import path is the path as written, except for GOROOT's vendoring:
	 * look it up before touching the file system again. */
	const char *key = path;
	if (parent && parent->goroot && !is_std_path(path))
		key = load_resolve_path(l, path, parent);
	Package *q = pkg_lookup(l, key);
	if (q) {
		if (q->state == 1) { /* an import cycle: the error goes to the package re-entered */
			if (!q->err) {
				q->err = stack_error(l, st, q->path, "import cycle not allowed");
				q->incomplete = true;
			}
		}
		return q;
	}
	Resolved r = resolve(l, path, parent);
	q = pkg_new(l, r.path);
	q->dir = r.dir;
	q->goroot = r.goroot;
	if (!r.dir) {
		q->state = 2;
		set_error(l, q, (PkgErr){EK_POS, r.err}, st, from);
		return q;
	}
	PkgErr e = scan_package(l, q, NULL, 0);
	set_error(l, q, e, st, from);
	load_rec(l, q, st);
	return q;
}

/* Whether the type checker rejects an import path (types2
 * validatedImportPath, or an absolute path): tool check leaves those to it. */
static bool checker_rejects_path(const char *path)
{
	if (!path[0] || path[0] == '/')
		return true;
	/* non-canonical (gc: "non-canonical import path"): a // or a . or .. element */
	if (path[0] != '.' && (strstr(path, "//") || strstr(path, "/./") || strstr(path, "/../") ||
	                       path[strlen(path) - 1] == '/' || !strcmp(path + (strlen(path) > 2 ? strlen(path) - 2 : 0), "/.") ||
	                       !strcmp(path + (strlen(path) > 3 ? strlen(path) - 3 : 0), "/..")))
		return true;
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (*s <= ' ' || *s == 0x7f || strchr("!\"#$%&'()*,:;<=>?[\\]^{|}`", *s))
			return true;
		if (*s >= 0x80) {
			int w;
			uint32_t r = utf8_decode(s, strlen((const char *)s), &w);
			if (r == RUNE_ERROR || !uni_is_print(r))
				return true;
			s += w - 1;
		}
	}
	return false;
}

/* Loads the dependencies of p (whose files are scanned). */
static void load_rec(Loader *l, Package *p, Stack *st)
{
	p->state = 1;
	stack_push(st, p->path);
	int cap = 0;
	if (!l->nodeps) {
		for (int i = 0; i < p->nimports; i++) {
			ImportRef *ir = &p->imports[i];
			if (!strcmp(ir->path, "C"))
				continue;
			if (l->checker && checker_rejects_path(ir->path))
				continue;
			ir->pkg = import_pkg(l, ir->path, p, ir, st);
			add_dep(l, p, ir->pkg, &cap);
		}
		/* implicit dependencies, as the go command adds them */
		if (p->cgofiles.n > 0) {
			add_dep(l, p, import_pkg(l, "unsafe", p, NULL, st), &cap);
			if (!(p->goroot && !strcmp(p->path, "runtime/cgo")))
				add_dep(l, p, import_pkg(l, "runtime/cgo", p, NULL, st), &cap);
			if (!(p->goroot && (!strcmp(p->path, "runtime/cgo") || !strcmp(p->path, "runtime/race") ||
			                    !strcmp(p->path, "runtime/msan") || !strcmp(p->path, "runtime/asan"))))
				add_dep(l, p, import_pkg(l, "syscall", p, NULL, st), &cap);
		}
		if (p->name && !strcmp(p->name, "main")) /* the linker's */
			add_dep(l, p, import_pkg(l, "runtime", p, NULL, st), &cap);
	}
	for (int i = 0; i < p->ndeps; i++)
		if (p->deps[i]->incomplete)
			p->incomplete = true;
	st->n--;
	p->state = 2;
}

Package *load_import(Loader *l, const char *path)
{
	Stack st = {0};
	Package *p = import_pkg(l, path, NULL, NULL, &st);
	free(st.v);
	return p;
}

/* A root given as a directory (import path already computed). */
static Package *load_dir_root(Loader *l, const char *path, const char *dir, bool goroot)
{
	Package *p = pkg_lookup(l, path);
	if (p)
		return p;
	p = pkg_new(l, path);
	p->dir = dir;
	p->goroot = goroot;
	Stack st = {0};
	set_error(l, p, scan_package(l, p, NULL, 0), &st, NULL);
	load_rec(l, p, &st);
	free(st.v);
	return p;
}

/* ---- patterns ---- */

typedef struct PkgVec {
	Package **v;
	int n, cap;
} PkgVec;

static void pv_push(PkgVec *v, Package *p)
{
	for (int i = 0; i < v->n; i++)
		if (v->v[i] == p)
			return;
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, (size_t)v->cap * sizeof *v->v);
	}
	v->v[v->n++] = p;
}

/* Does the import path match pattern (with "..." wildcards)? */
static bool match_pattern(const char *pat, const char *name)
{
	/* go's rule: "..." matches any string; a trailing "/..." also matches the prefix itself */
	size_t pn = strlen(pat);
	if (pn >= 4 && !strcmp(pat + pn - 4, "/...")) {
		char *pre = xstrdup(pat);
		pre[pn - 4] = 0;
		bool ok = match_pattern(pre, name);
		free(pre);
		if (ok)
			return true;
	}
	const char *p = pat, *s = name;
	const char *star = NULL, *ss = NULL;
	while (*s) {
		if (!strncmp(p, "...", 3)) {
			star = p += 3;
			ss = s;
		} else if (*p == *s) {
			p++, s++;
		} else if (star) {
			p = star;
			s = ++ss;
		} else {
			return false;
		}
	}
	while (!strncmp(p, "...", 3))
		p += 3;
	return *p == 0;
}

/* Walks root (import path prefix `prefix`), adding packages that match pat. */
static void walk_tree(Loader *l, const char *dir, const char *path, bool top, const char *pat, bool std, bool goroot,
                      PkgVec *out)
{
	if (!top) {
		const char *elem = strrchr(path, '/');
		elem = elem ? elem + 1 : path;
		if (elem[0] == '.' || elem[0] == '_' || !strcmp(elem, "testdata"))
			return;
		if (std && !strcmp(path, "cmd"))
			return;
		if (!goroot && !strcmp(elem, "vendor"))
			return;
		if (!goroot) { /* a nested module is not part of this one */
			char gm[4200];
			snprintf(gm, sizeof gm, "%s/go.mod", dir);
			struct stat stt;
			if (stat(gm, &stt) == 0)
				return;
		}
	}
	if (*path && strcmp(path, "builtin") != 0 && !(std && !l->ctx.cgo && !strcmp(path, "runtime/cgo")) &&
	    (!pat || match_pattern(pat, path))) {
		Package *p = pkg_lookup(l, path);
		if (p) {
			if (p->gofiles.n + p->cgofiles.n + p->testgofiles.n + p->xtestgofiles.n + p->invalidgofiles.n > 0)
				pv_push(out, p);
		} else {
			/* a package if some file is selected (tests too) or invalid: go/build's NoGoError otherwise */
			p = pkg_alloc(l, path);
			p->dir = dir;
			p->goroot = goroot;
			PkgErr e = scan_package(l, p, NULL, 0);
			if (p->gofiles.n + p->cgofiles.n + p->testgofiles.n + p->xtestgofiles.n + p->invalidgofiles.n > 0) {
				pkg_insert(l, p);
				Stack st = {0};
				set_error(l, p, e, &st, NULL);
				load_rec(l, p, &st);
				free(st.v);
				pv_push(out, p);
			}
		}
	}
	DirEnts subs = {0};
	read_dir_sorted(dir, &subs, true);
	for (int i = 0; i < subs.n; i++) {
		char *sd = dupf(&l->arena, "%s/%s", dir, subs.v[i]);
		char *sp = *path ? dupf(&l->arena, "%s/%s", path, subs.v[i]) : subs.v[i];
		walk_tree(l, sd, sp, false, pat, std, goroot, out);
	}
	free_ents(&subs);
}

/* The import path of an absolute directory: in GOROOT/src or the main module. */
static const char *dir_import_path(Loader *l, const char *dir, bool *goroot)
{
	const char *src = dupf(&l->arena, "%s/src", l->goroot);
	size_t n = strlen(src);
	*goroot = false;
	if (!strncmp(dir, src, n) && dir[n] == '/') {
		*goroot = true;
		return dir + n + 1;
	}
	if (l->mod) {
		size_t m = strlen(l->mod->dir);
		if (!strcmp(dir, l->mod->dir))
			return l->mod->path;
		if (!strncmp(dir, l->mod->dir, m) && dir[m] == '/')
			return dupf(&l->arena, "%s/%s", l->mod->path, dir + m + 1);
	}
	return NULL;
}

static Package *load_files(Loader *l, char **files, int n)
{
	return load_files_as(l, "command-line-arguments", files, n);
}

Package *load_files_as(Loader *l, const char *path, char **files, int n)
{
	Package *p = pkg_new(l, path);
	p->cmdline = true;
	const char *f0 = files[0];
	const char *slash = strrchr(f0, '/');
	const char *dir = slash ? join_dir(l, f0[0] == '/' ? "" : l->cwd, dupf(&l->arena, "%.*s", (int)(slash - f0), f0))
	                        : l->cwd;
	if (f0[0] == '/' && slash == f0)
		dir = "/";
	p->dir = dir;
	bool goroot;
	dir_import_path(l, dir, &goroot);
	p->goroot = goroot;
	for (int i = 0; i < n; i++) {
		char full[4200];
		snprintf(full, sizeof full, "%s/%s", dir, strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i]);
		struct stat st;
		if (stat(full, &st) != 0) {
			p->err = dupf(&l->arena, "stat %s: no such file or directory", files[i]);
			p->incomplete = true;
			p->state = 2;
			return p;
		}
	}
	PkgErr e = scan_package(l, p, files, n);
	if (e.kind == EK_STACK)
		e.kind = EK_POS;
	Stack st = {0};
	set_error(l, p, e, &st, NULL);
	load_rec(l, p, &st);
	free(st.v);
	return p;
}

Package **load_patterns(Loader *l, char **pats, int npats, int *nout)
{
	PkgVec out = {0};
	/* .go files form one package */
	int nfiles = 0;
	for (int i = 0; i < npats; i++) {
		size_t n = strlen(pats[i]);
		if (n > 3 && !strcmp(pats[i] + n - 3, ".go"))
			nfiles++;
	}
	if (nfiles > 0) {
		if (nfiles != npats) {
			fprintf(stderr, "goc: cannot mix .go files and packages on the command line\n");
			l->nerrors++;
			*nout = 0;
			return NULL;
		}
		pv_push(&out, load_files(l, pats, npats));
		*nout = out.n;
		return out.v;
	}
	for (int i = 0; i < npats; i++) {
		const char *pat = pats[i];
		int before = out.n;
		bool dots = strstr(pat, "...") != NULL;
		if (!strcmp(pat, "std") || !strcmp(pat, "cmd")) {
			const char *src = dupf(&l->arena, "%s/src", l->goroot);
			if (!strcmp(pat, "std"))
				walk_tree(l, src, "", true, NULL, true, true, &out);
			else
				walk_tree(l, dupf(&l->arena, "%s/cmd", src), "cmd", true, NULL, false, true, &out);
		} else if (is_local_path(pat) || pat[0] == '/') {
			char *dirpat = (char *)pat;
			const char *suffix = NULL;
			if (dots) {
				const char *d = strstr(pat, "...");
				dirpat = dupf(&l->arena, "%.*s", (int)(d - pat), pat);
				size_t dn = strlen(dirpat);
				if (dn > 0 && dirpat[dn - 1] == '/')
					dirpat[dn - 1] = 0;
				if (!*dirpat)
					dirpat = ".";
				suffix = d;
			}
			const char *dir = pat[0] == '/' ? join_dir(l, "", dirpat) : join_dir(l, l->cwd, dirpat);
			if (!*dir)
				dir = "/";
			if (!is_dir(dir)) {
				fprintf(stderr, "stat %s: directory not found\n", dir);
				l->nerrors++;
				continue;
			}
			bool goroot;
			const char *ip = dir_import_path(l, dir, &goroot);
			if (!ip) {
				fprintf(stderr, "directory %s outside main module or its selected dependencies\n",
				        short_path(l, dir));
				l->nerrors++;
				continue;
			}
			if (suffix) {
				const char *full = dupf(&l->arena, "%s%s%s", ip, *ip ? "/" : "", suffix);
				walk_tree(l, dir, ip, true, full, false, goroot, &out);
				if (out.n == before)
					fprintf(stderr, "go: warning: \"%s\" matched no packages\n", pat);
			} else {
				pv_push(&out, load_dir_root(l, ip, dir, goroot));
			}
		} else if (dots) {
			/* an import-path pattern: walk the tree of its literal prefix */
			const char *d = strstr(pat, "...");
			char *pre = dupf(&l->arena, "%.*s", (int)(d - pat), pat);
			char *slash = strrchr(pre, '/');
			if (slash)
				*slash = 0;
			else
				*pre = 0;
			if (is_std_path(pat)) {
				const char *root = *pre ? dupf(&l->arena, "%s/src/%s", l->goroot, pre) : dupf(&l->arena, "%s/src", l->goroot);
				if (is_dir(root))
					walk_tree(l, root, pre, *pre == 0, pat, !has_path_prefix(pre, "cmd"), true, &out);
			}
			if (l->mod && (has_path_prefix(pre, l->mod->path) || has_path_prefix(l->mod->path, pre))) {
				const char *root = l->mod->dir;
				const char *ip = l->mod->path;
				if (strlen(pre) > strlen(l->mod->path)) {
					root = dupf(&l->arena, "%s%s", l->mod->dir, pre + strlen(l->mod->path));
					ip = pre;
				}
				if (is_dir(root))
					walk_tree(l, root, ip, true, pat, false, false, &out);
			}
			if (out.n == before)
				fprintf(stderr, "go: warning: \"%s\" matched no packages\n", pat);
		} else {
			pv_push(&out, load_import(l, pat));
		}
	}
	*nout = out.n;
	return out.v;
}

/* ---- tests ---- */

/* imports (sorted, positions as the directory's first file) for the import
 * paths of `paths`, merged into base */
static ImportRef *merge_imports(Loader *l, const ImportRef *base, int nbase, const StrList *paths, const char *file, int *n)
{
	ImportRef *v = arena_alloc(&l->arena, (size_t)(nbase + paths->n + 1) * sizeof *v);
	int k = 0, i = 0, j = 0;
	while (i < nbase || j < paths->n) {
		int c = i == nbase ? 1 : j == paths->n ? -1 : strcmp(base[i].path, paths->v[j]);
		if (c <= 0) {
			v[k++] = base[i++];
			if (c == 0)
				j++;
		} else
			v[k++] = (ImportRef){paths->v[j++], file, 1, 1, NULL};
	}
	*n = k;
	return v;
}

static void load_imports_of(Loader *l, Package *p, Stack *st, int *cap)
{
	for (int i = 0; i < p->nimports; i++) {
		ImportRef *ir = &p->imports[i];
		if (ir->pkg || !strcmp(ir->path, "C"))
			continue;
		ir->pkg = import_pkg(l, ir->path, p, ir, st);
		add_dep(l, p, ir->pkg, cap);
		if (ir->pkg->incomplete)
			p->incomplete = true;
	}
}

Package *load_test_variant(Loader *l, Package *p, Package **xtest)
{
	*xtest = NULL;
	const char *first = dupf(&l->arena, "%s/%s", p->dir,
	                         p->testgofiles.n ? p->testgofiles.v[0] : p->xtestgofiles.n ? p->xtestgofiles.v[0] : ".");
	Stack st = {0};
	int cap = p->ndeps;
	if (p->testgofiles.n > 0) {
		for (int i = 0; i < p->testgofiles.n; i++)
			sl_push(&p->gofiles, p->testgofiles.v[i]);
		p->imports = merge_imports(l, p->imports, p->nimports, &p->testimports, first, &p->nimports);
		/* p is being loaded again: a test import that reaches it is a cycle */
		p->state = 1;
		stack_push(&st, p->path);
		char *before = p->err;
		load_imports_of(l, p, &st, &cap);
		if (p->err != before && p->err && strstr(p->err, "import cycle not allowed")) {
			char *e = strstr(p->err, "import cycle not allowed");
			p->err = dupf(&l->arena, "%.*simport cycle not allowed in test", (int)(e - p->err), p->err);
		}
		st.n = 0;
		p->state = 2;
	}
	if (p->xtestgofiles.n > 0) {
		Package *x = pkg_new(l, dupf(&l->arena, "%s_test", p->path));
		x->dir = p->dir;
		x->goroot = p->goroot;
		x->name = dupf(&l->arena, "%s_test", p->name);
		for (int i = 0; i < p->xtestgofiles.n; i++)
			sl_push(&x->gofiles, p->xtestgofiles.v[i]);
		x->imports = merge_imports(l, NULL, 0, &p->xtestimports, first, &x->nimports);
		x->state = 1;
		stack_push(&st, x->path);
		int xcap = 0;
		load_imports_of(l, x, &st, &xcap);
		x->state = 2;
		*xtest = x;
	}
	free(st.v);
	return p;
}

/* ---- order and errors ---- */

static void post_order(Package *p, PkgVec *out, int mark)
{
	if (p->state == mark)
		return;
	p->state = mark;
	for (int i = 0; i < p->ndeps; i++)
		post_order(p->deps[i], out, mark);
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 256;
		out->v = xrealloc(out->v, (size_t)out->cap * sizeof *out->v);
	}
	out->v[out->n++] = p;
}

Package **load_deps_order(Loader *l, Package **roots, int nroots, int *n)
{
	PkgVec out = {0};
	for (int i = 0; i < nroots; i++)
		post_order(roots[i], &out, 3);
	for (int i = 0; i < out.n; i++)
		out.v[i]->state = 2;
	*n = out.n;
	return out.v;
}

int load_print_errors(Loader *l, Package **pkgs, int n, FILE *out)
{
	int printed = 0;
	for (int i = 0; i < n; i++) {
		if (!pkgs[i]->err)
			continue;
		bool dup = false;
		for (int j = 0; j < i && !dup; j++)
			dup = pkgs[j]->err == pkgs[i]->err;
		if (!dup) {
			fprintf(out, "%s\n", pkgs[i]->err);
			printed++;
		}
	}
	return printed;
}
