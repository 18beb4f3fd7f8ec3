// memory.c — memmove, memclr, memequal, and the four libc names gcc may
// call by itself even in freestanding code (struct copies, zeroing).
// Simple word-at-a-time loops; `rep movsb`/`rep stosb` do the bulk, which
// on current x86 (ERMS) is as fast as hand-unrolled SSE for large sizes.
#include "rt.h"

void *memmove(void *dst, const void *src, size_t n)
{
	byte *d = dst;
	const byte *s = src;
	if (d == s || n == 0)
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
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *p, int c, size_t n)
{
	void *d = p;
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

void memclrNoHeapPointers(void *p, uintptr n) { memset(p, 0, n); }

bool memequal(const void *a, const void *b, uintptr n)
{
	return a == b || memcmp(a, b, n) == 0;
}
