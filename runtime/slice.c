// slice.c — make and append's growth, with gc's formulas so that cap()
// reports the same numbers (runtime/slice.go): below 256 elements the
// capacity doubles; above, it grows by (cap + 3*256)/4 per step, a smooth
// passage from 2x to 1.25x; then the size is rounded up to the size class
// mallocgc will really use, and the extra room becomes capacity.
#include "malloc.h"

#define MAX_ALLOC ((uintptr)1 << 48)

static void panicmakeslicelen(void) NORETURN;
static void panicmakeslicelen(void) { rt_panic_runtime_error(GOSTR("runtime error: makeslice: len out of range")); }
static void panicmakeslicecap(void) NORETURN;
static void panicmakeslicecap(void) { rt_panic_runtime_error(GOSTR("runtime error: makeslice: cap out of range")); }

static bool mulover(uintptr a, uintptr b, uintptr *r) { return __builtin_mul_overflow(a, b, r); }

// unsafe.Slice(ptr, len)'s checks (gc's unsafeslice): len >= 0, and
// len elements from ptr must not wrap around the address space.
void unsafeslice(_type *et, void *ptr, intgo len) RTSYM(unsafeslice);
void unsafeslice(_type *et, void *ptr, intgo len)
{
	uintptr mem;
	if (len < 0)
		rt_panic_runtime_error(GOSTR("runtime error: unsafe.Slice: len out of range"));
	if (mulover(et->size, (uintptr)len, &mem) || mem > -(uintptr)ptr) {
		if (!ptr)
			rt_panic_runtime_error(GOSTR("runtime error: unsafe.Slice: ptr is nil and len is not zero"));
		rt_panic_runtime_error(GOSTR("runtime error: unsafe.Slice: len out of range"));
	}
}

void *makeslice(_type *et, intgo len, intgo cap) RTSYM(makeslice);
void *makeslice(_type *et, intgo len, intgo cap)
{
	uintptr mem;
	if (mulover(et->size, (uintptr)cap, &mem) || mem > MAX_ALLOC || len < 0 || len > cap) {
		// Report len before cap, as gc: make([]T, hugeLen, hugeLen+1) is
		// a len error.
		if (mulover(et->size, (uintptr)len, &mem) || mem > MAX_ALLOC || len < 0)
			panicmakeslicelen();
		panicmakeslicecap();
	}
	return mallocgc(mem, et, true);
}

GoSlice growslice(_type *et, GoSlice old, intgo cap)
{
	if (cap < old.cap)
		rt_panic_runtime_error(GOSTR("runtime error: growslice: cap out of range"));
	if (et->size == 0)
		return (GoSlice){&zerobase, old.len, cap};
	intgo newcap = old.cap;
	intgo doublecap = newcap + newcap;
	if (cap > doublecap) {
		newcap = cap;
	} else {
		enum { THRESHOLD = 256 };
		if (old.cap < THRESHOLD) {
			newcap = doublecap;
		} else {
			while (0 < newcap && newcap < cap)
				newcap += (newcap + 3 * THRESHOLD) / 4;
			if (newcap <= 0)
				newcap = cap;
		}
	}
	bool overflow;
	uintptr lenmem, newlenmem, capmem;
	uintptr size = et->size;
	if (size == 1) {
		lenmem = (uintptr)old.len;
		newlenmem = (uintptr)cap;
		capmem = roundupsize((uintptr)newcap);
		overflow = (uintptr)newcap > MAX_ALLOC;
		newcap = (intgo)capmem;
	} else if ((size & (size - 1)) == 0) {
		unsigned shift = (unsigned)__builtin_ctzll(size);
		lenmem = (uintptr)old.len << shift;
		newlenmem = (uintptr)cap << shift;
		capmem = roundupsize((uintptr)newcap << shift);
		overflow = (uintptr)newcap > (MAX_ALLOC >> shift);
		newcap = (intgo)(capmem >> shift);
	} else {
		lenmem = (uintptr)old.len * size;
		newlenmem = (uintptr)cap * size;
		overflow = mulover(size, (uintptr)newcap, &capmem);
		capmem = roundupsize(capmem);
		newcap = (intgo)(capmem / size);
	}
	if (overflow || capmem > MAX_ALLOC)
		rt_panic_runtime_error(GOSTR("runtime error: growslice: cap out of range"));
	void *p;
	if (et->ptrdata == 0) {
		p = mallocgc(capmem, 0, false);
		memclrNoHeapPointers((byte *)p + newlenmem, capmem - newlenmem);
	} else {
		p = mallocgc(capmem, et, true);
		// (The GC's write barrier will shade old.array's pointers here.)
	}
	memmove(p, old.array, lenmem);
	return (GoSlice){p, old.len, newcap};
}
