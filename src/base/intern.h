/*
 * intern.h — the global identifier table (intern.c).
 *
 * intern() returns one canonical, NUL-terminated copy of every distinct
 * byte string, so names compare by pointer and hash by a value computed
 * once.  The table lives for the whole process (never freed): identifiers
 * are few (all of std has about 60k distinct ones) and shared by every
 * package.  Not thread-safe.
 */
#ifndef GOC_INTERN_H
#define GOC_INTERN_H

#include "base.h"

const char *intern(const char *s, size_t n);
static inline const char *intern_cstr(const char *s) { return intern(s, strlen(s)); }
static inline const char *intern_s(Str s) { return intern(s.p, s.n); }

/* The hash and length stored in front of an interned string. */
typedef struct InternHdr {
	uint32_t hash, len;
} InternHdr;
static inline uint32_t intern_hash(const char *s) { return ((const InternHdr *)(const void *)s)[-1].hash; }
static inline uint32_t intern_len(const char *s) { return ((const InternHdr *)(const void *)s)[-1].len; }

uint32_t hash_bytes(const char *s, size_t n); /* FNV-1a, 32 bits */

#endif
