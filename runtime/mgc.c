// mgc.c — the garbage collector: a concurrent (on goc's one M:
// incremental), non-moving, tri-colour mark-sweep collector with gc's
// hybrid write barrier (docs/runtime.md, "The garbage collector", says
// what is exact, what is conservative and what comes next).
//
// A cycle:
//   1. start (the world stopped, on the system stack: gc_start_m): every
//      P's cached spans go back to mcentral (which also retires the tiny
//      blocks), the roots are greyed — the writable data and bss of the
//      program (word by word: the C runtime's globals are there too), the
//      runtime's metadata that may hold heap pointers (persistentalloc
//      memory: Gs, sudogs, Ps, Ms, timers' pollers), every goroutine's
//      stack (rt_walkstack: Go frames by their stack maps, C frames word by
//      word), the system stack and the C code's callee-saved registers —
//      and the write barrier is switched on (runtime.writeBarrier);
//   2. mark, with the world running: allocation is black (gc_marknew);
//      every pointer store to memory that may be heap shades the old and
//      the new pointer (compiled code through runtime.gcWriteBarrier and
//      its per-P buffer, the C runtime through wbstore and
//      gc_bulkbarrier); grey objects are scanned by their heap bitmaps
//      (exact) by the allocating goroutines in proportion to what they
//      allocate (gc_assist), and by the scheduler between goroutines and
//      when it has nothing to run (gc_bgwork: the background worker of a
//      one-M runtime);
//   3. terminate (the world stopped: gc_markdone_m), when no grey object
//      is left: the barrier buffers are flushed, the roots are scanned
//      again (the C runtime's stores into its own metadata and globals go
//      without barriers), the finalizers' objects are dealt with,
//      GODEBUG=gccheckmark=1 verifies the marking, the barrier goes off,
//      and every span is swept: the mark bits become the allocation bits,
//      spans with nothing marked go back to the page heap, large objects
//      unmarked are freed;
//   4. pacing: the next goal is live heap × (1 + GOGC/100), at least 4 MB;
//      the next cycle is triggered half way there, and the assist
//      ratio spreads the expected scan work over the rest of the way.
// A word taken from a part scanned word by word, or from a stack map's
// locals (typed, not liveness: possibly stale), may be any integer, so
// every candidate is checked: in an in-use span of the heap, inside its
// objects, on an allocated slot.  GODEBUG=gcstoptheworld=1 and
// runtime.GC run the whole cycle with the world stopped.
#include "proc.h"
#include "malloc.h"

GcState rt_gc = {.goal = GC_MIN_HEAP, .trigger = GC_MIN_HEAP, .percent = 100, .memlimit = INT64_MAX};

extern struct FuncVal *rt_poolcleanup; // sync's (linkname.c)

// the program's writable data (src/link/layout.c defines these)
extern byte rt_noptrdata[] __asm__("runtime.noptrdata") __attribute__((weak));
extern byte rt_data[] __asm__("runtime.data") __attribute__((weak));
extern byte rt_bss[] __asm__("runtime.bss") __attribute__((weak));
extern byte rt_noptrbss[] __asm__("runtime.noptrbss") __attribute__((weak));
extern byte rt_end[] __asm__("runtime.end") __attribute__((weak));

// ---- the grey objects ----------------------------------------------------------

static struct {
	uintptr *v;
	uintptr n, cap;
} grey;

static void greypush(uintptr p)
{
	if (grey.n == grey.cap) {
		uintptr ncap = grey.cap ? 2 * grey.cap : 1 << 16;
		uintptr *nv = sysAlloc(ncap * sizeof *nv);
		if (!nv)
			rt_throw("runtime: cannot allocate the GC's work buffer");
		if (grey.n)
			memmove(nv, grey.v, grey.n * sizeof *nv);
		if (grey.v)
			sys_munmap(grey.v, grey.cap * sizeof *grey.v);
		grey.v = nv;
		grey.cap = ncap;
	}
	grey.v[grey.n++] = p;
}

static inline __attribute__((always_inline)) bool findobject(uintptr p, mspan **sp, uintptr *ip);
static bool markbit(mspan *s, uintptr i);

// Marks the object p points into, if p is a pointer to an allocated
// object of the heap; queues it for scanning if it may hold pointers
// (and starts loading it: it is scanned soon).
static void mark(uintptr p)
{
	mspan *s;
	uintptr i;
	if (findobject(p, &s, &i) && markbit(s, i) && !spanclass_noscan(s->spanclass)) {
		uintptr obj = s->start + i * s->elemsize;
		__builtin_prefetch((void *)obj);
		greypush(obj);
	}
}

// Every word of [lo, hi) as a candidate pointer.
static void scanrange(uintptr lo, uintptr hi)
{
	lo = (lo + 7) & ~(uintptr)7;
	for (uintptr p = lo; p + 8 <= hi; p += 8)
		mark(*(uintptr *)p);
}

// The pointer words of object b, by the heap bitmap; returns the bytes
// scanned (the cycle's scan work).
static uintptr scanobject(uintptr b)
{
	mspan *s = spanOf(b);
	uintptr end = b + s->elemsize;
	rt_gc.scanwork += s->elemsize;
	for (uintptr p = b; p < end;) {
		heapArena *ha = arenaOf(p);
		uintptr w = (p & (ARENA_SIZE - 1)) / PTRSIZE;
		uintptr aend = (p & ~(uintptr)(ARENA_SIZE - 1)) + ARENA_SIZE;
		uintptr stop = end < aend ? end : aend;
		for (; p < stop; p += PTRSIZE, w++) {
			byte bits = ha->bitmap[w / 8];
			if (!bits && w % 8 == 0 && p + 64 <= stop) { // eight words without a pointer
				p += 7 * PTRSIZE;
				w += 7;
				continue;
			}
			if (bits >> (w % 8) & 1)
				mark(*(uintptr *)p);
		}
	}
	return s->elemsize;
}

// The allocated object p points into: its span and index; false if none.
// (Inline, with the lookups spelled out: marking spends its time here.)
static inline __attribute__((always_inline)) bool findobject(uintptr p, mspan **sp, uintptr *ip)
{
	if (p - ARENA_BASE >= mheap_.arena_next - ARENA_BASE)
		return false;
	heapArena *ha = mheap_.arenas[(p - ARENA_BASE) >> ARENA_SHIFT];
	if (!ha)
		return false;
	mspan *s = ha->spans[(p >> PAGE_SHIFT) & (PAGES_PER_ARENA - 1)];
	if (!s || s->state != MSPAN_INUSE || p < s->start || p >= s->limit)
		return false;
	uintptr i = (uintptr)(((uint64_t)(p - s->start) * s->divmagic) >> 32);
	if (i >= s->freeindex && !(s->allocBits[i / 64] >> (i % 64) & 1))
		return false;
	*sp = s;
	*ip = i;
	return true;
}

// What object p points to (but not p's object itself).
static void markcontents(uintptr p)
{
	mspan *s;
	uintptr i;
	if (findobject(p, &s, &i) && !spanclass_noscan(s->spanclass))
		scanobject(s->start + i * s->elemsize);
}

static bool ismarked(uintptr p)
{
	mspan *s;
	uintptr i;
	return findobject(p, &s, &i) && (s->markBits[i / 64] >> (i % 64) & 1);
}

static bool checkbit(mspan *s, uintptr i);
static bool checkmarking; // GODEBUG=gccheckmark's second marking runs (checkbit)

// Sets object i's mark bit; false if it was set.  (Atomic: the barriers
// of several Ms will race on it.)
static bool markbit(mspan *s, uintptr i)
{
	if (checkmarking)
		return checkbit(s, i);
	uint64_t bit = (uint64_t)1 << (i % 64);
	if (s->markBits[i / 64] & bit)
		return false;
	if (__atomic_fetch_or(&s->markBits[i / 64], bit, __ATOMIC_RELAXED) & bit)
		return false;
	rt_gc.marked += s->elemsize;
	return true;
}

// Allocate black: an object allocated while the collector marks is live
// in this cycle, and holds only pointers stored through the barriers.
void gc_marknew(mspan *s, uintptr x) { markbit(s, span_objIndex(s, x)); }

// Marks p's object without scanning it (its contents are marked).
static void setmark(uintptr p)
{
	mspan *s;
	uintptr i;
	if (findobject(p, &s, &i))
		markbit(s, i);
}

static void drain(void)
{
	while (grey.n)
		scanobject(grey.v[--grey.n]);
}

// Scans grey objects until `work` bytes are done or none is left;
// returns the work done.
static uintptr drainsome(uintptr work)
{
	uintptr done = 0;
	while (grey.n && done < work)
		done += scanobject(grey.v[--grey.n]);
	return done;
}

// ---- write barriers ------------------------------------------------------------

WriteBarrier rt_writeBarrier;

void gc_shade(uintptr p)
{
	if (rt_gc.phase == GC_MARK)
		mark(p);
}

// n bytes at dst are about to be overwritten by those at src (or
// cleared, src 0): shades the old and new pointers of dst's pointer
// slots.  Heap memory by its bitmap; the data and bss word by word (no
// pointer bitmap for them yet); stacks and the runtime's metadata not at
// all (roots: scanned again when marking ends).
void gc_bulkbarrier(uintptr dst, uintptr src, uintptr n)
{
	if (rt_gc.phase != GC_MARK || (dst & (PTRSIZE - 1)) || (src & (PTRSIZE - 1)))
		return; // memory with pointers is aligned
	if (dst >= ARENA_BASE && dst < mheap_.arena_next) {
		mspan *s = spanOf(dst);
		if (!s || s->state != MSPAN_INUSE || spanclass_noscan(s->spanclass))
			return;
		for (uintptr off = 0; off + PTRSIZE <= n; off += PTRSIZE)
			if (heapBitsIsPointer(dst + off)) {
				mark(*(uintptr *)(dst + off));
				if (src)
					mark(*(uintptr *)(src + off));
			}
		return;
	}
	uintptr lo, hi;
	gc_datarange(&lo, &hi);
	if (dst >= lo && dst < hi)
		for (uintptr off = 0; off + PTRSIZE <= n; off += PTRSIZE) {
			mark(*(uintptr *)(dst + off));
			if (src)
				mark(*(uintptr *)(src + off));
		}
}

void typedmemmove(const _type *t, void *dst, const void *src)
{
	if (dst == src || !t->size)
		return;
	if (t->ptrdata && wb_enabled())
		gc_bulkbarrier((uintptr)dst, (uintptr)src, t->ptrdata);
	memmove(dst, src, t->size);
}

void typedmemclr(const _type *t, void *p)
{
	if (t->ptrdata && wb_enabled())
		gc_bulkbarrier((uintptr)p, 0, t->ptrdata);
	memclrNoHeapPointers(p, t->size);
}

void memclrHasPointers(void *p, uintptr n)
{
	if (wb_enabled())
		gc_bulkbarrier((uintptr)p, 0, n);
	memclrNoHeapPointers(p, n);
}

// runtime.reflectcall's copy of the results into reflect's heap frame
// (gc's reflectcallmove).
void rt_reflectcallmove(void *dst, const void *src, uintptr n);
void rt_reflectcallmove(void *dst, const void *src, uintptr n)
{
	if (wb_enabled())
		gc_bulkbarrier((uintptr)dst, (uintptr)src, n);
	memmove(dst, src, n);
}

// A P's barrier buffer into the grey objects (emptied: the P is a root
// scanned word by word, and old entries must not keep objects alive).
static void wbflush_p(P *pp)
{
	uintptr *e = pp->wbnext;
	if (!e)
		return;
	if (rt_gc.phase == GC_MARK)
		for (uintptr *q = pp->wbbuf; q < e; q++)
			mark(*q);
	memset(pp->wbbuf, 0, (uintptr)(e - pp->wbbuf) * sizeof *e);
	pp->wbnext = pp->wbbuf;
}

static void wbflush_all(void)
{
	for (int i = 0; i < MAX_PROCS; i++)
		if (rt_allp[i])
			wbflush_p(rt_allp[i]);
}

// mwb_amd64.S's slow paths, on the system stack (regs: fn, AX, CX, DX, ...)
void rt_wbflush(uintptr *regs);
void rt_wbflush(uintptr *regs)
{
	(void)regs;
	wbflush_p(getg()->m->p);
}

void rt_wbbulk(uintptr *regs);
void rt_wbbulk(uintptr *regs) { gc_bulkbarrier(regs[1], regs[2], regs[3]); }

// ---- roots ---------------------------------------------------------------------

static void markword(StackWalker *w, uintptr p)
{
	(void)w;
	mark(*(uintptr *)p);
}

static void markrange(StackWalker *w, uintptr from, uintptr to, const char *fname)
{
	(void)w;
	(void)fname;
	scanrange(from, to);
}

static void scanstack(G *gp, G *cur)
{
	if (gp->status == G_DEAD || !gp->stack.hi)
		return;
	uintptr sp = gp->sched.sp;
	if (sp < gp->stack.lo || sp >= gp->stack.hi) {
		if (gp == cur)
			rt_throw("runtime: GC: the current goroutine's sp is outside its stack");
		sp = gp->stack.lo; // no saved context (never ran): all of it
	}
	StackWalker w = {sp, gp->stack.hi, markword, markrange, 0};
	rt_walkstack(gp, gp->sched.bp, gp->sched.pc, &w);
}

static void scanpersistent(uintptr lo, uintptr hi) { scanrange(lo, hi); }

// The program's writable data and bss, the C runtime's included:
// [*lo, *hi), empty when the linker defined none.
void gc_datarange(uintptr *lo, uintptr *hi)
{
	*lo = *hi = (uintptr)rt_end;
	byte *starts[] = {rt_noptrdata, rt_data, rt_bss, rt_noptrbss};
	for (int i = 0; i < 4; i++)
		if (starts[i] && (uintptr)starts[i] < *lo)
			*lo = (uintptr)starts[i];
}

// Greys what the roots point to (the caller drains).
static void markroots(G *cur, uintptr sysp)
{
	uintptr lo, hi;
	gc_datarange(&lo, &hi);
	scanrange(lo, hi);
	persistent_roots(scanpersistent);
	// the system stack this cycle runs on, above this frame
	G *g0 = getg();
	if (sysp >= g0->stack.lo && sysp < g0->stack.hi)
		scanrange(sysp, g0->stack.hi);
	uintptr n;
	G **gs = rt_allgs(&n);
	for (uintptr i = 0; i < n; i++)
		scanstack(gs[i], cur);
}

// The callee-saved registers as the C code below the cycle left them
// (rt_systemstack_arg saved rbx, rbp and r12 on the goroutine's stack;
// r13 and r15 are still the caller's when this runs first in the
// function on the system stack).
#define MARKREGS()                                                                                        \
	do {                                                                                                  \
		uintptr regs_[6];                                                                             \
		__asm__ volatile("movq %%rbx, 0(%0)\n\tmovq %%rbp, 8(%0)\n\tmovq %%r12, 16(%0)\n\t"        \
				 "movq %%r13, 24(%0)\n\tmovq %%r15, 32(%0)\n\tmovq %%r14, 40(%0)"               \
				 :                                                                            \
				 : "r"(regs_)                                                                 \
				 : "memory");                                                                 \
		for (int i_ = 0; i_ < 6; i_++)                                                                \
			mark(regs_[i_]);                                                                      \
	} while (0)

// ---- GODEBUG=gccheckmark=1 -------------------------------------------------------

// One bit per heap word, for the second marking's own marks.
static uint64_t *cbits;

static bool checkbit(mspan *s, uintptr i)
{
	uintptr obj = s->start + i * s->elemsize;
	uintptr k = (obj - ARENA_BASE) / PTRSIZE;
	uint64_t bit = (uint64_t)1 << (k % 64);
	if (cbits[k / 64] & bit)
		return false;
	cbits[k / 64] |= bit;
	if (!(s->markBits[i / 64] >> (i % 64) & 1)) {
		printlock();
		rt_prints("runtime: checkmarks found unexpected unmarked object obj=");
		printhex(obj);
		rt_prints(" s.base()=");
		printhex(s->start);
		rt_prints(" s.limit=");
		printhex(s->limit);
		rt_prints(" s.spanclass=");
		printuint(s->spanclass);
		rt_prints(" s.elemsize=");
		printuint(s->elemsize);
		rt_prints("\n");
		printunlock();
		rt_throw("checkmark found unmarked object");
	}
	return true;
}

// After the mark: marks everything reachable again, from scratch and with
// the world stopped, and throws if it finds an object the mark missed (a
// missing write barrier).  gc's gccheckmark.
static void checkmark(G *cur, uintptr sysp)
{
	uintptr size = ((mheap_.arena_next - ARENA_BASE) / 64 + PAGE_SIZE - 1) & ~(uintptr)(PAGE_SIZE - 1);
	cbits = sysAlloc(size);
	if (!cbits)
		rt_throw("runtime: cannot allocate the checkmark bits");
	checkmarking = true;
	MARKREGS();
	markroots(cur, sysp);
	drain();
	gc_markfinalizers(mark, markcontents);
	drain();
	checkmarking = false;
	sys_munmap(cbits, size);
	cbits = 0;
}

// ---- sweeping ------------------------------------------------------------------

static uintptr popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (uintptr)((x * 0x0101010101010101ULL) >> 56);
}

// A small-object span after marking: returns the objects left; frees
// the span when none is (the caller has taken it off its list).
uintptr gc_sweepspan(mspan *s)
{
	uintptr n = 0, words = (s->nelems + 63) / 64;
	for (uintptr w = 0; w < words; w++)
		n += popcount64(s->markBits[w]);
	uintptr freed = s->allocCount - n;
	if (s->allocCount < n)
		rt_throw("runtime: GC: more marked objects than allocated");
	if (freed && s->sampled && mprof_any()) // the heap profile's frees
		for (uintptr i = 0; i < s->nelems; i++) {
			bool was = i < s->freeindex || (s->allocBits[i / 64] >> (i % 64) & 1);
			if (was && !(s->markBits[i / 64] >> (i % 64) & 1))
				mprof_free(s->start + i * s->elemsize);
		}
	int sc = spanclass_sizeclass(s->spanclass);
	rt_gc.nfree += freed;
	rt_gc.bysizefree[sc] += freed;
	memcpy(s->allocBits, s->markBits, words * sizeof(uint64_t));
	memset(s->markBits, 0, words * sizeof(uint64_t));
	s->allocCount = n;
	s->freeindex = 0;
	if (freed)
		s->needzero = 1;
	if (n == 0) {
		mheap_free(s);
		return 0;
	}
	return n;
}

// One unswept large object: kept (back on largespans) or freed; false
// if none is left.
static bool sweeplargeone(void)
{
	lock(&mheap_.lock);
	mspan *head = &mheap_.ulargespans;
	if (spanlist_empty(head)) {
		unlock(&mheap_.lock);
		return false;
	}
	mspan *s = head->next;
	spanlist_remove(s);
	bool live = s->markBits[0] & 1;
	if (live) {
		s->markBits[0] = 0;
		spanlist_insert(&mheap_.largespans, s);
	}
	unlock(&mheap_.lock);
	gc_swept();
	if (!live) {
		rt_gc.nfree++;
		rt_gc.largefree += s->elemsize;
		if (s->sampled)
			mprof_free(s->start);
		mheap_free(s);
	}
	return true;
}

// ---- the sweeper ----------------------------------------------------------------
// After a mark every in-use span is unswept (gc_unsweep); until a span is
// swept its allocation bits are stale (objects the mark found dead still
// look allocated: nothing reaches them) and no cache takes it.  Spans are
// swept by mcentral when a cache needs one of the class, by mallocgc in
// proportion to allocation (so that the sweep ends before the next
// cycle's trigger), by the scheduler between goroutines and when idle,
// and whatever is left at the start of the next cycle (gc_finishsweep)
// or by runtime.GC.

static uintptr sweepnext; // span class the sweeper looks at next
static void sweepdone(void);

// Every span unswept (the second stop; no cache holds a span).
static void gc_unsweep(void)
{
	for (int i = 0; i < NUM_SPAN_CLASSES; i++)
		mcentral_unsweep(&mheap_.central[i]);
	lock(&mheap_.lock);
	spanlist_splice(&mheap_.ulargespans, &mheap_.largespans);
	uintptr n = mheap_.nspans; // every in-use span is on one of those lists now
	unlock(&mheap_.lock);
	rt_gc.unswept = n;
	rt_gc.sweepdebt = 0;
	uint64_t runway = rt_gc.trigger > rt_gc.heapLive ? rt_gc.trigger - rt_gc.heapLive : 0;
	if (runway < (1 << 20))
		runway = 1 << 20;
	rt_gc.sweepratio = ((uint64_t)n << 16) / runway;
	sweepnext = 0;
	if (!n)
		sweepdone();
}

// When the sweep ends: the heap profile publishes the cycle (its frees
// are all counted), and the scavenger keeps about 10% over the goal
// resident (gc's retained-heap goal), giving the rest of the free pages
// back to the OS.
static void sweepdone(void)
{
	mprof_flush();
	uint64_t retain = rt_gc.goal == ~(uint64_t)0 ? ~(uint64_t)0 : rt_gc.goal + rt_gc.goal / 10;
	if (retain > mheap_.inuse)
		mheap_scavenge((uintptr)(retain - mheap_.inuse));
	else
		mheap_scavenge(0);
}

void gc_swept(void)
{
	if (rt_gc.unswept && !--rt_gc.unswept)
		sweepdone();
}

// Sweeps one span; false if none is left.
static bool sweepone(void)
{
	if (!rt_gc.unswept)
		return false;
	for (; sweepnext < NUM_SPAN_CLASSES; sweepnext++)
		if (mcentral_sweepone(&mheap_.central[sweepnext]))
			return true;
	if (sweeplargeone())
		return true;
	rt_gc.unswept = 0; // (a count off by spans freed meanwhile)
	sweepdone();
	return false;
}

static void gc_finishsweep(void)
{
	while (sweepone())
		;
}

// mallocgc, between cycles: the allocation's share of the sweep.
void gc_sweepassist(uintptr size)
{
	rt_gc.sweepdebt += (int64_t)(size * rt_gc.sweepratio);
	while (rt_gc.sweepdebt >= 1 << 16 && sweepone())
		rt_gc.sweepdebt -= 1 << 16;
}

// ---- a cycle -------------------------------------------------------------------

// gc's fmtNSAsMS: whole milliseconds from 10 ms, else two significant
// digits with at most three decimals.
static void printms(uint64_t ns)
{
	if (ns >= 10000000) {
		printuint(ns / 1000000);
		return;
	}
	uint64_t x = ns / 1000;
	if (x == 0) {
		rt_prints("0");
		return;
	}
	int dec = 3;
	while (x >= 100) {
		x /= 10;
		dec--;
	}
	uint64_t p = 1;
	for (int i = 0; i < dec; i++)
		p *= 10;
	printuint(x / p);
	if (dec) {
		rt_prints(".");
		char buf[4];
		uint64_t f = x % p;
		for (int i = dec - 1; i >= 0; i--, f /= 10)
			buf[i] = (char)('0' + f % 10);
		buf[dec] = 0;
		rt_prints(buf);
	}
}

// gc's gctrace line: the two stops and the mark between them (clock), the
// same as cpu time for one M; heap at the start, at the end of the mark,
// and marked live.
static void gctrace(uint64_t start, uint64_t stw1, uint64_t mark, uint64_t stw2, uint64_t end, uint64_t before,
		    uint64_t after, uint64_t marked, bool forced)
{
	uint64_t mb = 1 << 20;
	printlock();
	rt_prints("gc ");
	printuint(rt_gc.numgc);
	rt_prints(" @");
	uint64_t ms = (uint64_t)(start - rt_gc.inittime) / 1000000;
	printuint(ms / 1000);
	rt_prints(".");
	char buf[4] = {(char)('0' + ms / 100 % 10), (char)('0' + ms / 10 % 10), (char)('0' + ms % 10), 0};
	rt_prints(buf);
	rt_prints("s ");
	uint64_t total = (uint64_t)(end - rt_gc.inittime);
	printuint(total ? rt_gc.pausetotal * 100 / total : 0);
	rt_prints("%: ");
	printms(stw1);
	rt_prints("+");
	printms(mark);
	rt_prints("+");
	printms(stw2);
	rt_prints(" ms clock, ");
	printms(stw1);
	rt_prints("+0/");
	printms(mark);
	rt_prints("/0+");
	printms(stw2);
	rt_prints(" ms cpu, ");
	printuint(before / mb);
	rt_prints("->");
	printuint(after / mb);
	rt_prints("->");
	printuint(marked / mb);
	rt_prints(" MB, ");
	printuint(rt_gc.lastgoal / mb);
	rt_prints(" MB goal, ");
	printuint(mheap_.manual / mb);
	rt_prints(" MB stacks, 0 MB globals, ");
	printuint((uint64_t)rt_gomaxprocs);
	rt_prints(" P");
	if (forced)
		rt_prints(" (forced)");
	rt_prints("\n");
	printunlock();
}

static void releasecaches(void)
{
	for (int i = 0; i < MAX_PROCS; i++)
		if (rt_allp[i] && rt_allp[i]->mcache)
			mcache_release(rt_allp[i]->mcache);
}

enum { ASSIST_CHUNK = 64 << 10 }; // scan work an assist does at least (bytes)

// The assist ratio: the scan work expected to be left (the heap marked
// by the last cycle, a guess gc's pacer makes better) over the
// allocation left before the goal; at least one byte per byte.
static void setratio(void)
{
	uint64_t expect = rt_gc.heapMarkedLast > GC_MIN_HEAP / 2 ? rt_gc.heapMarkedLast : GC_MIN_HEAP / 2;
	uint64_t remain = expect > rt_gc.scanwork ? expect - rt_gc.scanwork : expect / 8;
	uint64_t runway = rt_gc.goal > rt_gc.heapLive ? rt_gc.goal - rt_gc.heapLive : 0;
	if (runway < (1 << 20))
		runway = 1 << 20;
	uint64_t r = (remain << 16) / runway;
	rt_gc.assistratio = r < (1 << 16) ? 1 << 16 : r;
}

// The goal: GOGC's (the marked heap × (1 + GOGC/100), at least 4 MB),
// or less under the memory limit: the limit less the runtime's other
// memory (stacks, metadata), but at least the marked heap and 1/16 more
// (gc bounds the collector's CPU instead, at 50%: without it a live heap
// over the limit would collect back to back).
static void setgoal(void)
{
	uint64_t live = rt_gc.heapMarkedLast;
	uint64_t goal = ~(uint64_t)0;
	if (rt_gc.percent >= 0) {
		goal = live + live * (uint64_t)rt_gc.percent / 100;
		if (goal < GC_MIN_HEAP)
			goal = GC_MIN_HEAP;
	}
	if (rt_gc.memlimit < INT64_MAX) {
		uint64_t other = mheap_.manual + mheap_.metadata, lim = (uint64_t)rt_gc.memlimit;
		uint64_t lgoal = lim > other ? lim - other : 0, floor = live + live / 16 + (1 << 20);
		if (lgoal < floor)
			lgoal = floor;
		if (lgoal < goal)
			goal = lgoal;
	}
	rt_gc.goal = goal;
	rt_gc.trigger = goal == ~(uint64_t)0 ? goal : live + (goal - live) / 2;
}

static uint64_t heapstart; // heapLive when the cycle started (gctrace)

// gc's stack shrinking, before the stacks are scanned: goroutines stopped
// at a switch, not parking on a channel, not the runtime's own (whose C
// code needs their first stack), not the one running (it is in C code).
// GODEBUG=gcshrinkstackoff=1 turns it off.
static void shrinkstacks(G *cur)
{
	static int64_t off = -2;
	if (off == -2)
		off = rt_godebug("gcshrinkstackoff");
	if (off > 0)
		return;
	uintptr n;
	G **gs = rt_allgs(&n);
	for (uintptr i = 0; i < n; i++) {
		G *gp = gs[i];
		if (gp != cur && !gp->issystem && gp->stack.lo && !gp->parkingOnChan &&
		    (gp->status == G_WAITING || gp->status == G_RUNNABLE))
			rt_shrinkstack(gp);
	}
}

// Stop one: the roots grey, the barrier on, allocation black.
static void gc_start_m(void *arg)
{
	(void)arg;
	byte here;
	G *cur = getg()->m->curg;
	uint64_t start = (uint64_t)rt_nanotime();
	rt_gc.running = true;
	rt_gc.cyclestart = start;
	heapstart = rt_gc.heapLive;
	rt_gc.lastgoal = rt_gc.goal;
	gc_finishsweep(); // what the last cycle's sweep left: marking needs every span swept
	releasecaches(); // retires the tiny blocks: every one in use from now on is black
	shrinkstacks(cur);
	rt_gc.marked = 0;
	rt_gc.scanwork = 0;
	rt_gc.assistdebt = 0;
	rt_gc.phase = GC_MARK;
	__atomic_store_n(&rt_writeBarrier.enabled, 1, __ATOMIC_RELEASE);
	MARKREGS();
	markroots(cur, (uintptr)&here);
	setratio();
	uint64_t end = (uint64_t)rt_nanotime();
	rt_gc.stwstart = end - start;
	rt_gc.markstart = end;
	rt_gc.running = false;
}

// Stop two, when no grey object is left: finish the mark, sweep, pace.
static void gc_markdone_m(void *arg)
{
	bool forced = arg != 0;
	byte here;
	G *cur = getg()->m->curg;
	uint64_t start = (uint64_t)rt_nanotime();
	rt_gc.running = true;
	uint64_t marktime = start - rt_gc.markstart;
	uint64_t after = rt_gc.heapLive;
	wbflush_all();
	MARKREGS();
	markroots(cur, (uintptr)&here);
	drain();
	gc_markfinalizers(mark, markcontents);
	drain();
	if (rt_gc.checkmark)
		checkmark(cur, (uintptr)&here);
	gc_queuefinalizers(ismarked, setmark);
	rt_gc.phase = GC_OFF;
	__atomic_store_n(&rt_writeBarrier.enabled, 0, __ATOMIC_RELEASE);
	wbflush_all();
	releasecaches();
	rt_gc.heapLive = rt_gc.marked;
	rt_gc.heapMarkedLast = rt_gc.marked;
	setgoal();
	gc_unsweep();
	uint64_t end = (uint64_t)rt_nanotime();
	rt_gc.numgc++;
	if (forced)
		rt_gc.numforced++;
	uint64_t pause = rt_gc.stwstart + (end - start);
	rt_gc.pausetotal += pause;
	rt_gc.pausens[(rt_gc.numgc - 1) % 256] = pause;
	int32_t nsec;
	int64_t sec = rt_walltime(&nsec);
	rt_gc.pauseend[(rt_gc.numgc - 1) % 256] = (uint64_t)sec * 1000000000 + (uint64_t)nsec;
	rt_gc.lastgc = rt_gc.pauseend[(rt_gc.numgc - 1) % 256];
	rt_gc.running = false;
	if (rt_gc.trace > 0)
		gctrace(rt_gc.cyclestart, rt_gc.stwstart, marktime, end - start, end, heapstart, after, rt_gc.marked,
			forced);
}

// May a cycle start or end here?  On a user goroutine, outside the
// allocator and the collector.
static bool canrun(void)
{
	G *gp = getg();
	M *mp = gp->m;
	return !rt_gc.running && mp && gp == mp->curg && !mp->mallocing && !mp->dying;
}

// A cycle: because the heap reached its trigger, or a full one now
// (runtime.GC: the world stays stopped until it is done).
void rt_gcstart(bool forced)
{
	if (!canrun())
		return;
	if (rt_gc.phase == GC_MARK) {
		if (!forced)
			return;
		rt_systemstack1(gc_markdone_m, 0);
	}
	// sync.Pool's cleanup first, as gc's clearpools: the pools' objects
	// become garbage of this cycle (Go code that only moves pointers)
	if (rt_poolcleanup) {
		uint64_t none = 0;
		rt_reflectcall(0, rt_poolcleanup, &none, 0, 0, 0, 0);
	}
	rt_systemstack1(gc_start_m, 0);
	if (forced || rt_gc.stw)
		rt_systemstack1(gc_markdone_m, forced ? (void *)1 : 0);
	if (forced)
		gc_finishsweep(); // runtime.GC returns with the heap swept, as gc's
}

// Scan work on the system stack: `work` bytes, or until no grey object is
// left, which ends the mark.
static void markwork_m(void *arg)
{
	uintptr work = (uintptr)arg;
	uintptr done = drainsome(work);
	if (!grey.n) {
		wbflush_all();
		if (!grey.n) {
			gc_markdone_m(0);
			return;
		}
	}
	rt_gc.assistdebt -= (int64_t)done;
	setratio();
}

// mallocgc, before allocating size bytes while the collector marks: the
// allocation's share of the scan work, paid in chunks.
void gc_assist(uintptr size)
{
	rt_gc.assistdebt += (int64_t)((size * rt_gc.assistratio) >> 16);
	if (rt_gc.assistdebt < ASSIST_CHUNK || !canrun())
		return;
	rt_systemstack1(markwork_m, (void *)(uintptr)rt_gc.assistdebt);
}

// The scheduler, on g0 between goroutines: a slice of scan work (the
// background worker of goc's one M), or the whole rest of the mark when
// it has nothing else to do.
void gc_bgwork(bool idle)
{
	if (rt_gc.running)
		return;
	if (rt_gc.phase == GC_MARK) {
		markwork_m((void *)(idle ? ~(uintptr)0 : (uintptr)ASSIST_CHUNK));
		return;
	}
	for (int i = 0; (idle || i < 16) && sweepone(); i++)
		;
}

void rt_gcinit(void)
{
	rt_gc.inittime = (uint64_t)rt_nanotime();
	rt_gc.trace = rt_godebug("gctrace");
	rt_gc.stw = rt_godebug("gcstoptheworld") > 0;
	rt_gc.checkmark = rt_godebug("gccheckmark") > 0;
	int64_t p = rt_gcpercent_env();
	rt_gc.percent = (int32_t)p;
	rt_gc.memlimit = rt_memlimit_env();
	setgoal();
	rt_gc.enabled = true;
}

// runtime.GC: a full cycle, as gc's (which also finishes the sweep).  gc's
// blocks the caller while the cycle's phases run and other goroutines go
// on meanwhile; yielding keeps that (a goroutine looping on GC does not
// starve the others on goc's one thread).
// Entered from Go through runtime.GC below: the callee-saved registers
// hold only dead values of the Go caller (Go keeps nothing in registers
// across a call), which the C code on the way would save where the cycle
// scans word by word; they are cleared first, so that a dead pointer does
// not keep its object (and its finalizer) alive.
void rt_GC(void);
void rt_GC(void)
{
	rt_gcstart(true);
	Gosched();
}
__asm__(".text\n"
	".globl runtime.GC\n"
	".type runtime.GC, @function\n"
	"runtime.GC:\n"
	"\txorl %ebx, %ebx\n"
	"\txorl %r12d, %r12d\n"
	"\txorl %r13d, %r13d\n"
	"\txorl %r15d, %r15d\n"
	"\tjmp rt_GC\n"
	".size runtime.GC, .-runtime.GC\n");

// runtime/debug.SetGCPercent (profile.go): the new GOGC, the old returned.
int32_t gcSetPercent(int32_t in) RTSYM(gcSetPercent);
int32_t gcSetPercent(int32_t in)
{
	int32_t out = rt_gc.percent;
	rt_gc.percent = in < 0 ? -1 : in;
	setgoal();
	return out;
}

// runtime/metrics' /gc/heap/tiny/allocs:objects (profile.go)
uint64_t gcTinyAllocs(void) RTSYM(gcTinyAllocs);
uint64_t gcTinyAllocs(void)
{
	MemStats st;
	rt_readmemstats(&st);
	return st.tinyallocs;
}

// runtime/debug.FreeOSMemory (profile.go, after a full cycle): every
// free page back to the OS.
void freeOSMemory(void) RTSYM(freeOSMemory);
void freeOSMemory(void) { mheap_scavenge(0); }

// runtime/debug.SetMemoryLimit (profile.go): the new limit (negative:
// unchanged), the old one returned.
int64_t gcSetMemoryLimit(int64_t in) RTSYM(gcSetMemoryLimit);
int64_t gcSetMemoryLimit(int64_t in)
{
	int64_t out = rt_gc.memlimit;
	if (in >= 0) {
		rt_gc.memlimit = in;
		setgoal();
	}
	return out;
}

// runtime/debug.readGCStats (profile.go checks the capacity): gc's layout.
void gcReadStats(GoSlice *pauses) RTSYM(gcReadStats);
void gcReadStats(GoSlice *pauses)
{
	uint64_t *p = pauses->array;
	uint32_t n = rt_gc.numgc < 256 ? rt_gc.numgc : 256;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t j = (rt_gc.numgc - 1 - i) % 256;
		p[i] = rt_gc.pausens[j];
		p[n + i] = rt_gc.pauseend[j];
	}
	p[2 * n] = rt_gc.lastgc;
	p[2 * n + 1] = rt_gc.numgc;
	p[2 * n + 2] = rt_gc.pausetotal;
	pauses->len = 2 * (intgo)n + 3;
}
