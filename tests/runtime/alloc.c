// alloc.c — the allocator checks itself: sizes, alignment, zeroing,
// disjointness, large objects, the heap bitmap, the tiny allocator, and
// the span lookup.  Exits 0 when all is well; prints figures.
// With the argument -small, runs a smaller load (for valgrind).
#include "malloc.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; printlock(); rt_prints("FAIL: " #cond " "); __VA_ARGS__; printnl(); printunlock(); } } while (0)

static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static bool allzero(const byte *p, uintptr n)
{
	for (uintptr i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static _type t_noptr = {.size = 8, .align = 8, .kind = KIND_UINT64};
static const byte ptr_gcdata[] = {0x01};
static _type t_ptr = {.size = 8, .ptrdata = 8, .align = 8, .kind = KIND_POINTER, .gcdata = ptr_gcdata};
// struct { a int; p *int; b [2]int; q *int; c int } : pointers at words 1 and 4
static const byte mixed_gcdata[] = {0x12};
static _type t_mixed = {.size = 48, .ptrdata = 40, .align = 8, .kind = KIND_STRUCT, .gcdata = mixed_gcdata};

static void check_sizes(int n)
{
	// Every size up to 40 KiB: alignment, zeroing, the size class, span lookup.
	for (uintptr size = 1; size <= 40000; size += (size < 2048 ? 1 : 61)) {
		for (int k = 0; k < n; k++) {
			byte *p = mallocgc(size, k & 1 ? &t_noptr : 0, true);
			CHECK(p != 0, printuint(size));
			CHECK(allzero(p, size), rt_prints("not zero: "); printuint(size));
			memset(p, 0xa5, size);
			uintptr align = size >= 16 || (size & 7) == 0 ? 8 : (size & 3) == 0 ? 4 : (size & 1) == 0 ? 2 : 1;
			CHECK(((uintptr)p & (align - 1)) == 0, rt_prints("align "); printuint(size); printsp(); printpointer(p));
			if (size >= 16 && (size & (size - 1)) == 0 && size <= 8192)
				CHECK(((uintptr)p & (size - 1)) == 0, rt_prints("power-of-two align "); printuint(size));
			if (size >= 16) {
				mspan *s = spanOfHeap((uintptr)p);
				CHECK(s != 0, printpointer(p));
				if (s) {
					CHECK(s->elemsize >= size && s->elemsize == roundupsize(size), printuint(size); printsp(); printuint(s->elemsize));
					CHECK(s->start + span_objIndex(s, (uintptr)p) * s->elemsize == (uintptr)p, printuint(size));
					CHECK(spanclass_noscan(s->spanclass), printuint(size));
				}
			}
		}
	}
}

// Many objects alive at once, each filled with its own pattern: no two
// overlap.
static void check_disjoint(int n)
{
	byte **objs = mallocgc(sizeof(byte *) * (uintptr)n, 0, true);
	uintptr *sizes = mallocgc(sizeof(uintptr) * (uintptr)n, 0, true);
	for (int i = 0; i < n; i++) {
		uintptr size = rnd() % 100 < 95 ? 1 + rnd() % 512 : 1 + rnd() % 70000;
		sizes[i] = size;
		objs[i] = mallocgc(size, 0, true);
		CHECK(allzero(objs[i], size), printuint(size));
		memset(objs[i], (int)(i * 7 + 1), size);
	}
	for (int i = 0; i < n; i++)
		for (uintptr j = 0; j < sizes[i]; j++)
			if (objs[i][j] != (byte)(i * 7 + 1)) {
				CHECK(false, rt_prints("overwritten: object "); printint(i); printsp(); printuint(sizes[i]));
				break;
			}
}

static void check_large(void)
{
	// Larger than an arena: arenas are contiguous.
	uintptr big = 100 << 20;
	byte *p = mallocgc(big, 0, true);
	CHECK(p != 0);
	CHECK(((uintptr)p & 8191) == 0, printpointer(p));
	p[0] = 1;
	p[big - 1] = 2;
	mspan *s = spanOfHeap((uintptr)p + big - 1);
	CHECK(s && s->start == (uintptr)p && s->npages == big / 8192);
	// A freed large span is reused, and the reused pages are zeroed.
	uintptr size = 1 << 20;
	byte *q = mallocgc(size, 0, true);
	memset(q, 0x5a, size);
	mheap_free(spanOfHeap((uintptr)q));
	CHECK(spanOfHeap((uintptr)q) == 0);
	byte *r = mallocgc(size, 0, true);
	CHECK(r == q, printpointer(q); printsp(); printpointer(r));
	CHECK(allzero(r, size), rt_prints("reused large object not zeroed"));
	// needzero false: the caller overwrites; mallocgc does not clear.
	mheap_free(spanOfHeap((uintptr)r));
	byte *t = mallocgc(size, 0, false);
	CHECK(t == q);
}

static void check_bitmap(void)
{
	uintptr *p = mallocgc(8, &t_ptr, true);
	CHECK(heapBitsIsPointer((uintptr)p));
	CHECK(!spanclass_noscan(spanOfHeap((uintptr)p)->spanclass));
	uintptr *m = newobject(&t_mixed);
	for (int w = 0; w < 6; w++)
		CHECK(heapBitsIsPointer((uintptr)(m + w)) == (w == 1 || w == 4), printint(w));
	// An array of 100 mixed: the pattern repeats; the slot's tail is clear.
	uintptr *a = newarray(&t_mixed, 100);
	mspan *s = spanOfHeap((uintptr)a);
	for (int w = 0; w < 600; w++)
		CHECK(heapBitsIsPointer((uintptr)(a + w)) == (w % 6 == 1 || w % 6 == 4), printint(w));
	for (uintptr w = 600; w < s->elemsize / 8; w++)
		CHECK(!heapBitsIsPointer((uintptr)(a + w)), printuint(w));
	// A large scan object.
	uintptr *l = newarray(&t_ptr, 10000);
	for (int w = 0; w < 10000; w += 997)
		CHECK(heapBitsIsPointer((uintptr)(l + w)));
}

static void check_tiny(void)
{
	// Pointer-free objects under 16 bytes share blocks.
	byte *a = mallocgc(3, 0, true);
	byte *b = mallocgc(5, 0, true);
	byte *c = mallocgc(4, 0, true);
	CHECK(a && (uintptr)c - (uintptr)b < 16, printpointer(b); printpointer(c));
	CHECK(((uintptr)c & 3) == 0);
	byte *d = mallocgc(8, 0, true);
	CHECK(((uintptr)d & 7) == 0);
	CHECK(mallocgc(0, 0, true) == &zerobase);
}

static int64_t bench(int n, uintptr size, _type *t)
{
	int64_t t0 = rt_nanotime();
	for (int i = 0; i < n; i++)
		mallocgc(size, t, true);
	return (rt_nanotime() - t0) / n;
}

void gomain(void) __asm__("main.main");
void gomain(void)
{
	bool small = rt_argc > 1;
	check_sizes(small ? 1 : 8);
	check_disjoint(small ? 2000 : 200000);
	check_large();
	check_bitmap();
	check_tiny();
	if (!small) {
		int64_t ns16 = bench(1000000, 16, 0), ns64 = bench(1000000, 64, &t_ptr), ns1k = bench(100000, 1024, 0);
		MemStats st;
		rt_readmemstats(&st);
		printlock();
		rt_prints("alloc: ns/alloc 16B noscan "); printint(ns16);
		rt_prints(", 64B scan "); printint(ns64);
		rt_prints(", 1KiB "); printint(ns1k);
		rt_prints("; heap mapped "); printuint(st.mapped >> 20);
		rt_prints(" MiB, in use "); printuint(st.inuse >> 20);
		rt_prints(" MiB, metadata "); printuint(st.metadata >> 10);
		rt_prints(" KiB, "); printuint(st.nmalloc); rt_prints(" mallocs\n");
		printunlock();
	}
	if (failures) {
		printlock(); printint(failures); rt_prints(" failures\n"); printunlock();
		rt_exit(1);
	}
}
