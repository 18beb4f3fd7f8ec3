/* pkgentry.h — a compiled package as the build cache keeps it (pkgentry.c). */
#ifndef GOC_DRIVER_PKGENTRY_H
#define GOC_DRIVER_PKGENTRY_H

#include "../base/base.h"
#include "../link/link.h"
#include "../gen/typedesc.h"

/* What a package's compilation leaves besides its symbols: what the
 * packages compiled after it need without compiling it again. */
typedef struct PkgMeta {
	/* its //go:linkname directives: "path.local" → target, in order */
	const char **lnkeys, **lnvals;
	int nlinknames;
	/* the TEXT symbols its assembly defines → 1 (ABI0) or 2 (ABIInternal) */
	const char **asmnames;
	uint8_t *asmabis;
	int nasmsyms;
	/* facts for the packages that import it (an opaque blob; see
	 * docs/architecture.md, "Facts": escape tags, later inlinable bodies) */
	const uint8_t *facts;
	size_t nfacts;
	/* what the compiler printed (go build shows it again on a cache hit) */
	const uint8_t *output;
	size_t noutput;
	bool ssadumped; /* GOSSAFUNC wrote ssa.html */
} PkgMeta;

/* Writes an entry: m, the package's descriptor lists (tg), every symbol
 * defined in l (its own link, holding nothing else) and its assembled
 * objects (nobjs pairs of a display name and ELF bytes, as buf_bytes
 * wrote them into objs). */
void pkgentry_write(Buf *out, const PkgMeta *m, Link *l, TypeGen *tg, const Buf *objs, int nobjs);
/* How the program's link names the source files of line tables (-trimpath):
 * fn(ctx, path) returns the name to use. */
typedef struct PkgFileNames {
	const char *(*fn)(void *ctx, const char *path);
	void *ctx;
} PkgFileNames;
/* Reads an entry's meta (pointing into data, arrays in a).  With l, also
 * adds its symbols and objects to the program's link l and its lists to
 * tg (unit names the package in the linker's messages; names, when not
 * NULL, renames source files).  Without, the whole entry is only checked.
 * False when malformed (a damaged entry). */
bool pkgentry_read(const uint8_t *data, size_t len, PkgMeta *m, Arena *a, Link *l, TypeGen *tg, const char *unit,
		   const PkgFileNames *names);

#endif
