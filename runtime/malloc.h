// malloc.h — the allocator's structures, shared by malloc.c (the entry
// points), mcache.c (per-P caches), mcentral.c (per-size-class span
// lists), mheap.c (pages, spans, arenas) and mbitmap.c (allocation and
// pointer bitmaps).  The design is gc's (runtime/malloc.go), simplified
// where gc's generality is not yet needed; docs/runtime.md has the whole
// picture and the invariants the GC will rely on.
//
//   mallocgc(size, type)
//     ├─ size 0                     → &zerobase
//     ├─ no pointers and < 16 bytes → the P's tiny block (16 bytes, shared)
//     ├─ ≤ 32 KiB                   → P's mcache: span of the size class
//     │     └─ span full → mcentral (per span class) → mheap (pages)
//     └─ > 32 KiB                   → mheap: a span of its own
//
// Pages are 8 KiB.  The heap is made of 64 MiB arenas mapped at fixed
// addresses from ARENA_BASE upwards (0xc000000000, as gc: heap pointers
// look the same in both).  Each arena has a heapArena record with the
// span of every page and the pointer bitmap of every word.
#ifndef GOC_MALLOC_H
#define GOC_MALLOC_H

#include "rt.h"
#include "type.h"
#include "sizeclasses.h"

enum {
	ARENA_SHIFT = 26,
	ARENA_SIZE = 1 << ARENA_SHIFT,          // 64 MiB
	PAGES_PER_ARENA = ARENA_SIZE >> PAGE_SHIFT,
	ARENA_WORDS = ARENA_SIZE / PTRSIZE,
	MAX_ARENAS = 4096,                      // 256 GiB of heap
	NUM_SPAN_CLASSES = 68 * 2,              // size class << 1 | noscan
	TINY_SIZE = 16,
	TINY_SPAN_CLASS = 2 << 1 | 1,           // 16-byte objects, noscan
	MAX_SPAN_OBJS = 1024,                   // 8-byte objects in one page
	FREE_BINS = 128,                        // exact-size free lists for spans of < 128 pages
};

#define ARENA_BASE ((uintptr)0xc000000000)

enum { MSPAN_DEAD, MSPAN_FREE, MSPAN_INUSE, MSPAN_MANUAL };

// A span: a run of pages, either free, holding objects of one span class,
// or handed out whole (large objects; stacks: MSPAN_MANUAL).
typedef struct mspan {
	struct mspan *next, *prev;  // list links (mheap free bins, mcentral lists)
	uintptr start;              // address of the first page
	uintptr npages;
	uintptr limit;              // end of the last object
	uintptr elemsize;
	uintptr nelems;
	uint8_t spanclass;          // size class << 1 | noscan; 0/1 for large objects
	uint8_t state;              // MSPAN_*
	uint8_t needzero;           // memory may hold old data (reused pages)
	uint8_t incache;            // owned by an mcache
	uint8_t sampled;            // holds (or held) objects of the heap profile (mprof.c)
	uint8_t released;           // free, and its pages given back to the OS (the scavenger)
	uint32_t divmagic;          // object index = (offset * divmagic) >> 32
	uintptr freeindex;          // slots below are allocated; above, see allocBits
	uintptr allocCount;
	uint64_t allocCache;        // ~allocBits from freeindex's word, shifted to freeindex
	uint64_t allocBits[MAX_SPAN_OBJS / 64];   // 1 = allocated, as of the last sweep
	uint64_t markBits[MAX_SPAN_OBJS / 64];    // the GC's marks (mgc.c), zero between cycles
	uint32_t sweepgen;
	uintptr manualFreeList;     // MSPAN_MANUAL spans of small stacks: free stacks (stack.c)
} mspan;

// Span lists: circular, doubly linked through a head that is a span
// (mheap's bins and large spans, mcentral's lists).
static inline void spanlist_init(mspan *head) { head->next = head->prev = head; }
static inline bool spanlist_empty(const mspan *head) { return head->next == head; }
static inline void spanlist_insert(mspan *head, mspan *s)
{
	s->next = head->next;
	s->prev = head;
	head->next->prev = s;
	head->next = s;
}
static inline void spanlist_remove(mspan *s)
{
	s->prev->next = s->next;
	s->next->prev = s->prev;
	s->next = s->prev = 0;
}
// Moves every span of src to dst (src ends empty).
static inline void spanlist_splice(mspan *dst, mspan *src)
{
	if (spanlist_empty(src))
		return;
	mspan *first = src->next, *last = src->prev;
	last->next = dst->next;
	dst->next->prev = last;
	dst->next = first;
	first->prev = dst;
	spanlist_init(src);
}

static inline int spanclass_sizeclass(uint8_t spc) { return spc >> 1; }
static inline bool spanclass_noscan(uint8_t spc) { return spc & 1; }

// Per-arena metadata, allocated when the arena is mapped.
typedef struct heapArena {
	mspan *spans[PAGES_PER_ARENA];        // in-use span of every page (free spans: first and last page)
	uint8_t bitmap[ARENA_WORDS / 8];      // 1 bit per heap word: 1 = holds a pointer
	uint8_t pageInUse[PAGES_PER_ARENA / 8]; // first page of each in-use span (the sweeper's index)
} heapArena;

// After a mark, every span waits on an unswept list (upartial, ufull) until
// the sweeper gets to it (mgc.c: lazily, when a cache needs a span of the
// class, in proportion to allocation, and in the scheduler's spare time).
typedef struct mcentral {
	Mutex lock;
	uint8_t spanclass;
	mspan partial;  // list head: swept spans with free slots
	mspan full;     // list head: swept spans without
	mspan upartial, ufull; // list heads: not swept since the last mark
} mcentral;

typedef struct mheap {
	Mutex lock;
	mspan freebins[FREE_BINS];   // list heads: free spans of exactly n pages (bin 0: unused)
	mspan freelarge;             // list head: free spans of FREE_BINS pages or more
	uintptr arena_base;          // address of arena 0
	heapArena *arenas[MAX_ARENAS];
	uintptr arena_next;          // where the next arena goes
	mcentral central[NUM_SPAN_CLASSES];
	// statistics (bytes)
	uintptr mapped;              // arenas mapped
	uintptr inuse;               // pages in in-use spans
	uintptr nspans;              // in-use spans (objects: small and large)
	uintptr free;                // pages in free spans (bytes)
	uintptr released;            // of which given back to the OS (bytes)
	uintptr manual;              // pages in manual spans (stacks)
	uintptr largealloc;          // bytes in large objects
	uintptr nlargealloc;
	uintptr metadata;            // heapArena records and span structures
	mspan largespans;            // list head: in-use spans of large objects, swept
	mspan ulargespans;           // list head: those not swept yet since the last mark
} mheap;

extern mheap mheap_;

typedef struct mcache {
	uintptr tiny;                // current tiny block, 0 if none
	uintptr tinyoffset;
	uintptr tinyAllocs;
	mspan *alloc[NUM_SPAN_CLASSES];
	uintptr smallalloc[68];      // objects allocated per size class
	uintptr heapLive;            // bytes allocated through this cache
	uintptr nextSample;          // bytes to allocate before the heap profile's next sample
} mcache;

extern mspan emptymspan;  // a full span with no slots: every cache starts with it

// The collector's state (mgc.c).
enum { GC_MIN_HEAP = 4 << 20 }; // gc's heapminimum
enum { GC_OFF, GC_MARK }; // GcState.phase
typedef struct GcState {
	uint64_t heapLive;       // bytes in objects allocated and not freed by a sweep
	uint64_t goal;           // the heap size the cycle should end by (MemStats.NextGC)
	uint64_t trigger;        // a cycle starts when heapLive reaches it (below goal)
	uint32_t phase;          // GC_OFF, or GC_MARK between the two stops of a cycle
	bool stw;                // GODEBUG=gcstoptheworld=1: cycles mark with the world stopped
	bool checkmark;          // GODEBUG=gccheckmark=1: verify each cycle's marking (mgc.c)
	uint64_t scanwork;       // bytes of objects scanned in this cycle
	int64_t assistdebt;      // bytes of scan work the mutator owes (allocation × assist ratio)
	uint64_t assistratio;    // scan work per allocated byte, fixed point (<< 16)
	uint64_t cyclestart, markstart, stwstart; // this cycle's start, mark start, first stop (ns)
	uintptr unswept;         // spans not swept since the last mark
	int64_t sweepdebt;       // spans the mutator owes the sweep, fixed point (<< 16)
	uint64_t sweepratio;     // spans to sweep per allocated byte, fixed point (<< 16)
	uint64_t lastgoal;       // the goal of the cycle running or last run
	uint64_t marked;         // bytes marked in this cycle
	uint64_t heapMarkedLast; // bytes marked by the last cycle
	int32_t percent;         // GOGC; -1: off
	int64_t memlimit;        // GOMEMLIMIT, debug.SetMemoryLimit (bytes; INT64_MAX: none)
	int64_t trace;           // GODEBUG=gctrace
	bool enabled;            // after rt_gcinit
	bool running;
	uint32_t numgc, numforced;
	uint64_t inittime, pausetotal, lastgc;
	uint64_t pausens[256], pauseend[256];
	uint64_t nfree, largefree;      // objects freed, bytes of large objects freed
	uint64_t bysizefree[NUM_SIZE_CLASSES];
} GcState;
extern GcState rt_gc;
void rt_gcinit(void);
void gc_datarange(uintptr *lo, uintptr *hi); // the writable data and bss
void rt_gcstart(bool forced);
void gc_assist(uintptr size);   // mallocgc: pay for an allocation during the mark (GC_MARK)
void gc_bgwork(bool idle);      // the scheduler: mark or sweep work between goroutines; idle: all of it
void gc_sweepassist(uintptr size); // mallocgc between cycles: sweep in proportion
void gc_marknew(mspan *s, uintptr x); // allocate black: x's object is live in this cycle

// ---- write barriers (mgc.c; docs/runtime.md "Write barriers") ----
// runtime.writeBarrier: compiled code tests `enabled` before every
// pointer store that may hit the heap (gc's layout begins the same way).
typedef struct WriteBarrier {
	uint32_t enabled;
	uint32_t pad;
	uint64_t alignme;
} WriteBarrier;
extern WriteBarrier rt_writeBarrier __asm__("runtime.writeBarrier");
static inline bool wb_enabled(void) { return __atomic_load_n(&rt_writeBarrier.enabled, __ATOMIC_RELAXED) != 0; }
void gc_shade(uintptr p);                                  // grey p's object (mark phase)
void gc_bulkbarrier(uintptr dst, uintptr src, uintptr n);  // before n bytes at dst change (src: 0 when cleared)
// The C runtime's pointer stores into memory that may be heap: the old
// value and the new one are shaded while the collector marks (gc's
// hybrid barrier), then the store.
static inline void wbstore(void *slot, const void *val)
{
	if (wb_enabled()) {
		gc_shade(*(uintptr *)slot);
		gc_shade((uintptr)val);
	}
	*(const void **)slot = val;
}
void typedmemmove(const _type *t, void *dst, const void *src) RTSYM(typedmemmove);
void typedmemclr(const _type *t, void *p);
void memclrHasPointers(void *p, uintptr n) RTSYM(memclrHasPointers);
uintptr gc_sweepspan(mspan *s);
void gc_swept(void);            // mcentral: a span was swept (the sweep's count)
int64_t rt_gcpercent_env(void); // GOGC (proc.c): 100 by default, -1 for off
int64_t rt_memlimit_env(void);  // GOMEMLIMIT (proc.c): bytes, INT64_MAX for none
G **rt_allgs(uintptr *n);       // proc.c
// mfinal.c: the finalizers' marking, and the queueing of those whose
// objects died (the functions are mgc.c's)
void gc_markfinalizers(void (*markp)(uintptr), void (*markcontents)(uintptr));
uintptr gc_queuefinalizers(bool (*ismarked)(uintptr), void (*setmark)(uintptr));

// mprof.c: the heap profile
// runtime.MemProfileRate (runtime.go; absent from the C test programs)
extern intgo rt_memprofilerate __asm__("runtime.MemProfileRate") __attribute__((weak));
static inline intgo memprofilerate(void) { return &rt_memprofilerate ? rt_memprofilerate : 0; }
uintptr mprof_nextsample(void);
void mprof_malloc(uintptr x, uintptr size);
void mprof_free(uintptr x);
bool mprof_any(void);
void mprof_flush(void);

// mheap.c
void mheap_init(void);
void mheap_addlarge(mspan *s);  // onto largespans
// The runtime's metadata that may hold heap pointers (persistentalloc
// memory): fn(lo, hi) for each used range.  Span structures are not in it.
void persistent_roots(void (*fn)(uintptr lo, uintptr hi));
mspan *mheap_alloc(uintptr npages, uint8_t spanclass);  // an in-use span
mspan *mheap_allocManual(uintptr npages);                // pages for stacks
void mheap_scavenge(uintptr keep); // free pages back to the OS until at most keep bytes of them are not
void mheap_free(mspan *s);                               // back to the free bins
mspan *spanOf(uintptr p);         // the span holding p, or nil if p is not heap
mspan *spanOfHeap(uintptr p);     // the in-use span holding p, or nil
heapArena *arenaOf(uintptr p);
void span_init(mspan *s, uint8_t spanclass);

// mcentral.c
void mcentral_init(mcentral *c, uint8_t spanclass);
mspan *mcentral_cacheSpan(mcentral *c);
void mcentral_unsweep(mcentral *c); // after a mark: every span of c to the unswept lists
bool mcentral_sweepone(mcentral *c); // sweeps one unswept span of c; false if none is left
void mcentral_uncacheSpan(mcentral *c, mspan *s);

// mcache.c
mcache *mcache_alloc(void);
void mcache_refill(mcache *c, uint8_t spc);
void mcache_release(mcache *c);

// mbitmap.c
uintptr span_nextFreeIndex(mspan *s);
void span_refillAllocCache(mspan *s, uintptr whichWord);
bool span_isFree(mspan *s, uintptr index);
uintptr span_objIndex(mspan *s, uintptr p);
void heapBitsSetType(uintptr x, uintptr size, uintptr dataSize, const _type *typ);
void heapBitsClear(uintptr x, uintptr size);
bool heapBitsIsPointer(uintptr addr);

// malloc.c
typedef struct MemStats {
	uintptr mapped, inuse, manual, largealloc, nlargealloc, metadata, smallalloc;
	uintptr nmalloc, tinyallocs;
} MemStats;
void rt_readmemstats(MemStats *st);
P *rt_getp(void);

#endif
