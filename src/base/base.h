/*
 * base.h — what every stage of goc shares: memory arenas, strings and
 * byte buffers, source positions (a file set, as go/token has), and the
 * three kinds of failure (user diagnostics, internal compiler errors,
 * fatal tool errors).
 *
 * Positions: a Pos is a uint32 that names one byte of one file in the
 * file set: each file owns the range [base, base+size] (the extra value
 * is the position of EOF), as in go/token.  0 is NoPos.  Line and column
 * are computed on demand from the file's table of line starts, which the
 * scanner fills while it reads.  Columns are 1-based byte columns, as gc
 * prints them.
 */
#ifndef GOC_BASE_H
#define GOC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOC_VERSION "go1.19-goc0.1"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define NORETURN __attribute__((noreturn))
#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define NORETURN
#define PRINTF(f, a)
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* ---- gc's NOT-SHA-256: SHA-256 with the digest's bits inverted (sha256.c) ---- */
void notsha256(const void *data, size_t n, uint8_t out[32]);

/* ---- allocation (util.c) ---- */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* ---- arenas (arena.c) ----
 * Bump allocation in chunks; everything is freed at once.  Memory is
 * zeroed.  The compiler frees an arena per file (syntax) or per function
 * (back end) once its users are done; package-lifetime data lives in
 * arenas that are never freed. */
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
	ArenaChunk *head;
	char *cur, *end;
	size_t total; /* bytes obtained from malloc, for accounting */
} Arena;

void arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t n); /* zeroed, 8-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a); /* releases everything; the arena can be reused */
void arena_reset(Arena *a); /* frees all but one chunk, kept (zeroed) for reuse */

/* ---- strings ---- */
typedef struct Str {
	const char *p;
	uint32_t n;
} Str;
#define STR_LIT(s) ((Str){(s), (uint32_t)(sizeof(s) - 1)})
static inline bool str_eq(Str a, Str b) { return a.n == b.n && memcmp(a.p, b.p, a.n) == 0; }
static inline bool str_eqc(Str a, const char *s) { return a.n == strlen(s) && memcmp(a.p, s, a.n) == 0; }

/* Growable byte buffer. */
typedef struct Buf {
	char *p;
	size_t n, cap;
} Buf;
void buf_grow(Buf *b, size_t extra);
void buf_putc(Buf *b, char c);
void buf_put(Buf *b, const void *p, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) PRINTF(2, 3);
/* appends the relative path rel to the clean path in b, component by
 * component: "." is dropped, ".." removes b's last component (never the
 * leading "/"), repeated slashes collapse; textual, no symlinks resolved */
void buf_putpath(Buf *b, const char *rel);
void buf_free(Buf *b);
/* A byte format for goc's own files (the build cache's entries): unsigned
 * LEB128 numbers, and byte strings as their length then their bytes. */
void buf_uvarint(Buf *b, uint64_t v);
void buf_bytes(Buf *b, const void *p, size_t n);
static inline void buf_str(Buf *b, const char *s) { buf_bytes(b, s, strlen(s)); }
/* Reads that format back; bad is set (and zeroes returned) past the end
 * or on a malformed number, so a reader checks once at the end. */
typedef struct Rd {
	const uint8_t *p, *end;
	bool bad;
} Rd;
uint64_t rd_uvarint(Rd *r);
/* a byte string: points into the input (*n its length) */
const uint8_t *rd_bytes(Rd *r, size_t *n);
/* a byte string copied into a (NUL-terminated) */
char *rd_str(Rd *r, Arena *a);

/* Reads a whole file; returns NULL (and sets errno) on failure.  The
 * result is NUL-terminated; *len excludes the NUL. */
char *read_file(const char *path, size_t *len);

/* ---- positions (pos.c) ---- */
typedef uint32_t Pos;
#define NoPos ((Pos)0)

/* A //line directive: from byte offset `off` on, positions read as
 * filename:line:col (col 0 means "no column": only lines are remapped). */
typedef struct LineDirective {
	uint32_t off;
	const char *filename;
	uint32_t line, col;
} LineDirective;

typedef struct SrcFile {
	const char *name; /* as given on the command line */
	uint32_t base;    /* Pos of byte 0 */
	uint32_t size;    /* bytes of source */
	uint32_t *lines;  /* byte offsets of line starts; lines[0] == 0 */
	uint32_t nlines, caplines;
	LineDirective *dirs;
	uint32_t ndirs, capdirs;
} SrcFile;

typedef struct Position {
	const char *filename;
	int line, col; /* 1-based; 0 when unknown */
} Position;

SrcFile *fileset_add(const char *name, uint32_t size);
SrcFile *fileset_file(Pos p); /* NULL for NoPos or a position of no file */
void fileset_reset(void);     /* forget all files (tests, fuzzing) */
/* whether name is (the very string of) a file's name, not a //line
 * directive's */
bool fileset_isname(const char *name);
void srcfile_addline(SrcFile *f, uint32_t off);  /* off = start of a new line */
void srcfile_adddirective(SrcFile *f, LineDirective d);
void srcfile_free_tables(SrcFile *f);
Position pos_raw(Pos p);      /* ignoring //line directives (go/token PositionFor(p,false)) */
Position pos_adjusted(Pos p); /* honouring //line directives, as gc reports errors */
static inline Pos srcfile_pos(const SrcFile *f, uint32_t off) { return f->base + off; }
static inline uint32_t pos_offset(const SrcFile *f, Pos p) { return p - f->base; }

/* ---- diagnostics (diag.c) ----
 * User errors are collected, sorted by position and printed as gc does:
 * "file:line:col: message".  After `limit` errors in one file the rest of
 * that file's errors are dropped and "too many errors" is printed. */
typedef struct Diag {
	Pos pos;
	char *msg;
} Diag;

typedef struct DiagList {
	Diag *v;
	int n, cap;
	int limit; /* 0 = unlimited; gc uses 10 */
	FILE *out;
} DiagList;

void diag_init(DiagList *d, int limit);
void diag_error(DiagList *d, Pos pos, const char *fmt, ...) PRINTF(3, 4);
int diag_flush(DiagList *d); /* prints sorted, clears; returns count printed */
void diag_free(DiagList *d);

/* Internal compiler error: names the position and the pass, exits 2. */
NORETURN void ice(Pos pos, const char *pass, const char *fmt, ...) PRINTF(3, 4);
/* A fatal error of the tool itself (bad usage, missing file): "goc: ...", exit 2. */
NORETURN void fatal(const char *fmt, ...) PRINTF(1, 2);
/* An error that stops compilation at once: "file:line:col: message", exit 2. */
NORETURN void fatal_at(Pos pos, const char *fmt, ...) PRINTF(2, 3);

/* ---- the compiler's stack (stack.c) ----
 * run_with_big_stack runs fn on a thread with a 1 GiB stack; recursive
 * passes test stack_low() at each level and call stack_exhausted (a
 * positioned error, exit 2) before the stack runs out. */
int run_with_big_stack(int (*fn)(int, char **), int argc, char **argv);
extern _Thread_local uintptr_t stack_limit;
NORETURN void stack_exhausted(Pos pos);
static inline bool stack_low(void)
{
	char here;
	return UNLIKELY((uintptr_t)&here < stack_limit);
}

#endif
