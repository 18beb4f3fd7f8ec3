// memory.c — memmove, memclr, memequal, and the four libc names gcc may
// call by itself even in freestanding code (struct copies, zeroing).
// Small sizes by overlapping word moves; `rep movsb`/`rep stosb` do the
// bulk, which on current x86 (ERMS) is as fast as hand-unrolled SSE for
// large sizes.
#include "rt.h"
#include "malloc.h"

// ld/st: an unaligned 8- or 4-byte access (a single mov)
static inline uint64_t ld8(const byte *p) { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
static inline void st8(byte *p, uint64_t v) { __builtin_memcpy(p, &v, 8); }
static inline uint32_t ld4(const byte *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
static inline void st4(byte *p, uint32_t v) { __builtin_memcpy(p, &v, 4); }

// Up to 64 bytes: every source word is loaded before any is stored, so
// overlap in either direction is fine (gc's memmove does the same); the
// `rep movs` start-up costs tens of cycles, more than such a copy.
static inline void move_small(byte *d, const byte *s, size_t n)
{
	if (n >= 32) {
		uint64_t a = ld8(s), b = ld8(s + 8), c = ld8(s + 16), e = ld8(s + 24);
		uint64_t w = ld8(s + n - 32), x = ld8(s + n - 24), y = ld8(s + n - 16), z = ld8(s + n - 8);
		st8(d, a), st8(d + 8, b), st8(d + 16, c), st8(d + 24, e);
		st8(d + n - 32, w), st8(d + n - 24, x), st8(d + n - 16, y), st8(d + n - 8, z);
	} else if (n >= 16) {
		uint64_t a = ld8(s), b = ld8(s + 8), y = ld8(s + n - 16), z = ld8(s + n - 8);
		st8(d, a), st8(d + 8, b), st8(d + n - 16, y), st8(d + n - 8, z);
	} else if (n >= 8) {
		uint64_t a = ld8(s), z = ld8(s + n - 8);
		st8(d, a), st8(d + n - 8, z);
	} else if (n >= 4) {
		uint32_t a = ld4(s), z = ld4(s + n - 4);
		st4(d, a), st4(d + n - 4, z);
	} else if (n > 0) {
		byte a = s[0], b = s[n / 2], z = s[n - 1];
		d[0] = a, d[n / 2] = b, d[n - 1] = z;
	}
}

void *memmove(void *dst, const void *src, size_t n)
{
	byte *d = dst;
	const byte *s = src;
	if (n <= 64) {
		move_small(d, s, n);
		return dst;
	}
	if (d == s)
		return dst;
	// Aligned word copies move each pointer-sized word with one store, as
	// Go's memmove promises (a concurrent GC must never see half a
	// pointer).
	bool words = (((uintptr)d | (uintptr)s | n) & 7) == 0;
	if (d < s || d >= s + n) {
		if (words) {
			size_t w = n / 8;
			__asm__ volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(w) : : "memory");
		} else {
			__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
		}
	} else if (words) {
		// Overlapping with dst above src: copy backwards.
		size_t w = n / 8;
		d += n - 8;
		s += n - 8;
		__asm__ volatile("std\n\trep movsq\n\tcld" : "+D"(d), "+S"(s), "+c"(w) : : "memory");
	} else {
		d += n - 1;
		s += n - 1;
		__asm__ volatile("std\n\trep movsb\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	}
	return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	void *d = dst;
	if (n <= 64) {
		move_small(dst, src, n);
		return dst;
	}
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *p, int c, size_t n)
{
	void *d = p;
	if (n <= 32) {
		byte *b = p;
		uint64_t v = (byte)c * UINT64_C(0x0101010101010101);
		if (n >= 16)
			st8(b, v), st8(b + 8, v), st8(b + n - 16, v), st8(b + n - 8, v);
		else if (n >= 8)
			st8(b, v), st8(b + n - 8, v);
		else if (n >= 4)
			st4(b, (uint32_t)v), st4(b + n - 4, (uint32_t)v);
		else if (n > 0)
			b[0] = (byte)c, b[n / 2] = (byte)c, b[n - 1] = (byte)c;
		return p;
	}
	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return p;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const byte *x = a, *y = b;
	for (; n >= 8; n -= 8, x += 8, y += 8) {
		uint64_t u, v;
		__builtin_memcpy(&u, x, 8);
		__builtin_memcpy(&v, y, 8);
		if (u != v)
			break;
	}
	for (; n > 0; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

void memmove_go(void *dst, const void *src, uintptr n) { memmove(dst, src, n); }

// runtime.wbmemmove: compiled code's copies of memory that holds pointers
// (copy, append of a slice, overlapping assignments): the write barrier
// while the collector marks, then the move.  (gc: typedslicecopy,
// typedmemmove.)
void wbmemmove(void *dst, const void *src, uintptr n) RTSYM(wbmemmove);
void wbmemmove(void *dst, const void *src, uintptr n)
{
	if (wb_enabled() && dst != src)
		gc_bulkbarrier((uintptr)dst, (uintptr)src, n);
	memmove(dst, src, n);
}

void memclrNoHeapPointers(void *p, uintptr n) { memset(p, 0, n); }

bool memequal(const void *a, const void *b, uintptr n)
{
	return a == b || memcmp(a, b, n) == 0;
}
