/*
 * load.h — package loading: which files make up a package (build
 * constraints, file-name suffixes), where an import path lives (GOROOT/src,
 * GOROOT's vendor directories, the current module and its local
 * replacements), and the import graph with gc's cycle errors.
 *
 * build.c   the build context: tags, //go:build and // +build lines,
 *           _GOOS/_GOARCH file names, and the fast header reader that
 *           finds the package clause and imports without a full parse.
 * modfile.c go.mod: module path, require, replace.
 * load.c    resolution of import paths, directory scanning, the package
 *           graph, patterns (std, ./..., files) and errors.
 *
 * The decisions (which toolchain tag goc sets, how vendoring and modules
 * are resolved) are explained in docs/load.md.
 */
#ifndef GOC_LOAD_H
#define GOC_LOAD_H

#include "../base/base.h"

/* ---- build context (build.c) ---- */
typedef struct BuildCtx {
	const char *goos, *goarch;
	bool cgo;            /* CGO_ENABLED=1: the "cgo" tag and files importing "C" */
	const char **tags;   /* everything else that is satisfied: compiler, tool and user tags */
	int ntags;
	bool useall;         /* go/build's UseAllFiles: every file's constraints hold */
} BuildCtx;

/* Fills ctx for goos/goarch: the compiler tag, the goexperiment and
 * fallback tags (see docs/load.md), plus the comma- or space-separated
 * user tags in extra (may be NULL). */
void buildctx_init(BuildCtx *ctx, const char *goos, const char *goarch, bool cgo, const char *extra);
/* The settings from the environment: GOOS, GOARCH, CGO_ENABLED (default 0). */
void buildctx_from_env(BuildCtx *ctx, const char *extra);
bool build_match_tag(const BuildCtx *ctx, const char *tag, size_t n);
/* go/build's goodOSArchFile: false if name_GOOS, name_GOARCH or
 * name_GOOS_GOARCH (optionally followed by _test) names another target. */
bool build_good_osarch_name(const BuildCtx *ctx, const char *filename);
bool build_known_os(const char *s, size_t n);
bool build_known_arch(const char *s, size_t n);

/* Evaluates a //go:build line ("//go:build linux && !cgo").  Returns 1 or
 * 0, or -1 with *err set (go/build/constraint's wording) on a syntax error. */
int build_eval_gobuild(const BuildCtx *ctx, const char *line, size_t n, const char **err);
/* go/build's shouldBuild on a whole non-Go source file (an assembly
 * file): its leading comments' //go:build or +build lines.  Returns 1 or
 * 0, or -1 with *err (malloc'd) on a malformed //go:build line. */
int build_match_file(const BuildCtx *ctx, const char *src, size_t len, char **err);
/* Evaluates a "// +build a,b c" line (the caller has checked it is one). */
bool build_eval_plusbuild(const BuildCtx *ctx, const char *line, size_t n);

/* One import of a file's header. */
typedef struct FileImport {
	const char *path;
	int line, col; /* of the import spec (its name if it has one, else its path) */
} FileImport;

/* What the header reader learns from a .go file: build constraints, the
 * package clause and the imports. */
typedef struct GoHeader {
	bool match;         /* the build constraints select the file */
	const char *pkg;    /* package name, NULL if missing */
	FileImport *imports;
	int nimports;
	bool cgo;           /* imports "C" */
	bool embed;         /* imports "embed" */
	char *err;          /* a constraint error (match is false) or a syntax
	                       error "line:col: msg" (match is true); or NULL */
} GoHeader;

/* Reads the header of src (NUL-terminated; len bytes) into h; strings are
 * allocated in a.  Returns false if the header is incomplete within len
 * bytes and the file was cut short (`partial`): read more and retry. */
bool read_go_header(const BuildCtx *ctx, const char *src, size_t len, bool partial, GoHeader *h, Arena *a);

/* ---- go.mod (modfile.c) ---- */
typedef struct ModReplace {
	const char *path, *version; /* version NULL: every version */
	const char *newpath, *newversion; /* newversion NULL: newpath is a directory */
} ModReplace;

typedef struct ModRequire {
	const char *path, *version;
} ModRequire;

typedef struct ModFile {
	const char *dir;     /* directory holding go.mod (absolute) */
	const char *path;    /* module path */
	const char *goversion;
	ModRequire *reqs;
	int nreqs;
	ModReplace *reps;
	int nreps;
} ModFile;

/* Parses dir/go.mod.  Returns NULL with *err set on failure (err is
 * "go.mod:LINE: msg").  Everything lives in a. */
ModFile *modfile_parse(const char *dir, const char *text, size_t len, Arena *a, char **err);

/* ---- packages (load.c) ---- */
typedef struct Package Package;

typedef struct ImportRef {
	const char *path;     /* as written in the source */
	const char *file;     /* first importing file (path for messages) */
	int line, col;
	Package *pkg;         /* the resolved package (NULL for "C") */
} ImportRef;

typedef struct StrList {
	const char **v;
	int n, cap;
} StrList;

struct Package {
	const char *path;     /* import path, as go list prints it */
	const char *dir;      /* absolute directory; NULL if not found */
	const char *name;     /* package name */
	bool goroot;          /* in GOROOT/src */
	bool cmdline;         /* "command-line-arguments" from .go files */
	StrList gofiles, cgofiles, testgofiles, xtestgofiles, ignoredgofiles, invalidgofiles;
	StrList sfiles;       /* assembly (.s) files the constraints select, sorted */
	ImportRef *imports;   /* of GoFiles (and CgoFiles), sorted by path as written */
	int nimports;
	StrList testimports, xtestimports;
	Package **deps;       /* direct dependencies, in go list's order (imports, then implicit ones) */
	int ndeps;
	const char *cgofile;  /* with cgo off: the first non-test file that imports "C" (left out of the */
	int cgoline, cgocol;  /* package), and the position of that import; goc build refuses it */
	char *err;            /* error of the package itself, printed as is */
	bool incomplete;      /* it or a dependency has an error */
	int state;            /* 0 new, 1 loading, 2 done */
	bool listed;
};

typedef struct Loader {
	BuildCtx ctx;
	const char *goroot;   /* GOROOT (absolute) */
	const char *cwd;
	ModFile *mod;         /* main module, NULL outside a module */
	const char *modcache; /* GOMODCACHE, for require'd modules already on disk */
	Arena arena;
	/* path -> Package */
	Package **tab;
	size_t tabcap, tabn;
	bool nodeps;          /* load only the named packages */
	const char *local_prefix; /* gc's -D: a local import "./x" is the package of import path PREFIX/x
	                       * (made by load_files_as), as in GOROOT/test's rundir/compiledir tests */
	bool checker;         /* for tool check: imports whose paths the type checker rejects (empty, absolute,
	                       * invalid characters: types2's "invalid import path") are not loaded, and a
	                       * syntax error in a file's header leaves the package without error (the
	                       * parser reports it in gc's words) */
	const char *overlay;  /* goc's own directory (the repository or installation root), or NULL:
	                       * the packages of load_overlay's table come from there instead of
	                       * GOROOT (goc build; docs/load.md, "The overlay") */
	int nerrors;          /* pattern errors printed by load_patterns */
	Buf scratch;
} Loader;

/* Sets up a loader for the working directory cwd (go.mod is looked for
 * upward from it).  Returns false with a message on stderr if go.mod is
 * malformed. */
bool loader_init(Loader *l, const char *goroot, const char *cwd, const BuildCtx *ctx);

/* Expands patterns (import paths, std, cmd, all, ./..., ., dirs, .go files)
 * and loads the matched packages with their dependencies.  Returns the
 * roots in command-line order (duplicates removed); *n is set.  Pattern
 * errors (no match) are printed as the go command prints them. */
Package **load_patterns(Loader *l, char **pats, int npats, int *n);
Package *load_import(Loader *l, const char *path);
/* Loads .go files (relative to the working directory, all in one directory)
 * as the package of import path `path` (as gc's -p), with its dependencies;
 * later imports of that path (or, with local_prefix, local imports naming
 * it) resolve to it. */
Package *load_files_as(Loader *l, const char *path, char **files, int n);
/* The import path that `path`, imported by parent, names (vendoring in
 * GOROOT applied), without loading it. */
const char *load_resolve_path(Loader *l, const char *path, const Package *parent);

/* The directory, relative to Loader.overlay, that replaces the standard
 * package path, or NULL when goc uses GOROOT's. */
const char *load_overlay(const char *path);

/* The test variant of p (go test's "p [p.test]"): p's in-package test
 * files join its GoFiles and their imports its dependencies, in place (so
 * every package of this loader that imports p gets the variant); and the
 * external test package "PATH_test" of its _test package files, or NULL
 * when there are none.  An in-package test import that leads back to p is
 * an error on p ("import cycle not allowed in test"). */
Package *load_test_variant(Loader *l, Package *p, Package **xtest);

/* All packages reachable from roots, dependencies first (go list -deps's
 * order). */
Package **load_deps_order(Loader *l, Package **roots, int nroots, int *n);

/* Prints the errors of pkgs (each once) to out, as go build/list does.
 * Returns how many were printed. */
int load_print_errors(Loader *l, Package **pkgs, int n, FILE *out);

#endif
