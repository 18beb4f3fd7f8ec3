/* build.h — what goc build (build.c) shares with goc test (test.c). */
#ifndef GOC_DRIVER_BUILD_H
#define GOC_DRIVER_BUILD_H

#include "../base/base.h"
#include "../link/link.h"
#include "../load/load.h"

typedef struct BuildOpts {
	const char *out;  /* -o */
	const char *tags; /* -tags */
	bool asmlist;     /* -gcflags=-S */
	bool noopt;       /* -gcflags=-N */
	int escdiag;      /* -gcflags=-m (gc's -m: escape analysis decisions of the named packages) */
	bool check;       /* -gcflags=-d=ssa/check/on */
	bool verbose;     /* -v */
	bool force;       /* -a: no cached result is used */
	int p;            /* -p: packages compiled at once (0: the number of CPUs) */
	bool printcmds;   /* -x */
	bool dryrun;      /* -n */
	bool keepwork;    /* -work */
	bool trimpath;    /* -trimpath */
	const char *linkout; /* the executable's name in -x and -n output */
	bool nosymtab, nodwarf; /* -ldflags -s, -w */
	const char **xdefs;   /* -ldflags -X importpath.name=value */
	int nxdefs;
	const char *testpkg; /* goc test of this package: it and its _test package are
	                      * shown as "P [P.test]" in messages, as go test shows them */
} BuildOpts;

/* A loader for the working directory with goc's overlay and the build
 * tags (may be NULL); NULL after a message if go.mod is malformed. */
Loader *build_loader(const char *tags);
/* The executable image of the command root (malloc'd), from the build
 * cache when every input is the same as for an earlier build (and put
 * there otherwise).  Returns 0, or the exit status after the errors. */
int build_image(Loader *ld, Package *root, const BuildOpts *o, uint8_t **img, size_t *len);
/* Writes an executable file (replacing a running one); false after a message. */
bool write_exe(const char *path, const uint8_t *img, size_t len);
/* One of the flags build, run and test share, argv[*i] (*i is moved past
 * a separate value).  Returns 0, or 2 after a message. */
int build_flag(BuildOpts *o, int argc, char **argv, int *i, const char *cmd);
/* Facts (docs/architecture.md, "Facts"): while a package is compiled
 * (in its own process), the blob of facts that an already compiled
 * package of the build left (found by its symbol prefix path: "main" for
 * a command; NULL, *n 0, if none), and the blob this package leaves its
 * importers (replaced by each call; stored in its cache entry).  A
 * package is compiled after every package it imports, so their facts are
 * final, and its key holds their keys. */
const uint8_t *build_import_facts(const char *path, size_t *n);
void build_export_facts(const uint8_t *p, size_t n);
/* The message for undefined symbols after a failed link (goc's gaps). */
void undefined_hint(Link *l);

#endif
