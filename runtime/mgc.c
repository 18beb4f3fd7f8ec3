// mgc.c — the garbage collector, first stage: a stop-the-world,
// non-moving mark-sweep collector (gc's design is concurrent: this stage
// marks and sweeps with the world stopped; docs/runtime.md, "The garbage
// collector", says what is exact, what is conservative and what comes
// next).
//
// A cycle (gcstart, on the M's system stack):
//   1. stop the world (one M runs goroutines: nothing else runs), give
//      every P's cached spans back to mcentral (mcache_release);
//   2. mark from the roots: the writable data and bss of the program
//      (word by word: the C runtime's globals are there too), the
//      runtime's own metadata that may hold heap pointers (persistentalloc
//      memory: Gs, sudogs, Ps, Ms, timers' pollers), every goroutine's
//      stack (rt_walkstack: Go frames by their stack maps, C frames word by
//      word) and the system stack the cycle runs on; then every grey
//      object is scanned by its heap bitmap (exact) until none is left.
//      A word taken from a part scanned word by word, or from a stack
//      map's locals (typed, not liveness: possibly stale), may be any
//      integer, so every candidate is checked: in an in-use span of the
//      heap, inside its objects, on an allocated slot;
//   3. sweep every span: the mark bits become the allocation bits, spans
//      with nothing marked go back to the page heap, large objects
//      unmarked are freed;
//   4. set the next goal: live heap × (1 + GOGC/100), at least 4 MB.
// A cycle starts in mallocgc when the heap reaches the goal (and the
// allocating M is on a user goroutine and not in the allocator), or from
// runtime.GC.
#include "proc.h"
#include "malloc.h"

GcState rt_gc = {.goal = GC_MIN_HEAP, .percent = 100};

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

static bool findobject(uintptr p, mspan **sp, uintptr *ip);
static bool markbit(mspan *s, uintptr i);

// Marks the object p points into, if p is a pointer to an allocated
// object of the heap; queues it for scanning if it may hold pointers.
static void mark(uintptr p)
{
	mspan *s;
	uintptr i;
	if (findobject(p, &s, &i) && markbit(s, i) && !spanclass_noscan(s->spanclass))
		greypush(s->start + i * s->elemsize);
}

// Every word of [lo, hi) as a candidate pointer.
static void scanrange(uintptr lo, uintptr hi)
{
	lo = (lo + 7) & ~(uintptr)7;
	for (uintptr p = lo; p + 8 <= hi; p += 8)
		mark(*(uintptr *)p);
}

// The pointer words of object b, by the heap bitmap.
static void scanobject(uintptr b)
{
	mspan *s = spanOf(b);
	uintptr end = b + s->elemsize;
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
}

// The allocated object p points into: its span and index; false if none.
static bool findobject(uintptr p, mspan **sp, uintptr *ip)
{
	if (p < ARENA_BASE || p >= mheap_.arena_next)
		return false;
	mspan *s = spanOf(p);
	if (!s || s->state != MSPAN_INUSE || p < s->start || p >= s->limit)
		return false;
	uintptr i = span_objIndex(s, p);
	if (span_isFree(s, i))
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

// Sets object i's mark bit; false if it was set.
static bool markbit(mspan *s, uintptr i)
{
	uint64_t bit = (uint64_t)1 << (i % 64);
	if (s->markBits[i / 64] & bit)
		return false;
	s->markBits[i / 64] |= bit;
	rt_gc.marked += s->elemsize;
	return true;
}

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

static void markroots(G *cur, uintptr sysp)
{
	uintptr lo, hi;
	gc_datarange(&lo, &hi);
	scanrange(lo, hi);
	drain();
	persistent_roots(scanpersistent);
	drain();
	// the system stack this cycle runs on, above this frame
	G *g0 = getg();
	if (sysp >= g0->stack.lo && sysp < g0->stack.hi)
		scanrange(sysp, g0->stack.hi);
	drain();
	uintptr n;
	G **gs = rt_allgs(&n);
	for (uintptr i = 0; i < n; i++) {
		scanstack(gs[i], cur);
		drain();
	}
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

static void sweeplarge(void)
{
	mspan *head = &mheap_.largespans;
	for (mspan *s = head->next, *next; s != head; s = next) {
		next = s->next;
		if (s->markBits[0] & 1) {
			s->markBits[0] = 0;
			continue;
		}
		s->prev->next = s->next;
		s->next->prev = s->prev;
		s->next = s->prev = 0;
		rt_gc.nfree++;
		rt_gc.largefree += s->elemsize;
		if (s->sampled)
			mprof_free(s->start);
		mheap_free(s);
	}
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

static void gctrace(uint64_t start, uint64_t end, uint64_t before, uint64_t marked, bool forced)
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
	rt_prints("%: 0+");
	printms(end - start);
	rt_prints("+0 ms clock, 0+0/");
	printms(end - start);
	rt_prints("/0+0 ms cpu, ");
	printuint(before / mb);
	rt_prints("->");
	printuint(before / mb);
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

static void gc_m(void *arg)
{
	bool forced = arg != 0;
	G *cur = getg()->m->curg;
	byte here;
	uint64_t start = (uint64_t)rt_nanotime();
	rt_gc.running = true;
	uint64_t before = rt_gc.heapLive;
	rt_gc.lastgoal = rt_gc.goal;
	// stop the world: one M runs goroutines (docs/runtime.md), so the
	// world is every P's cache
	for (int i = 0; i < MAX_PROCS; i++)
		if (rt_allp[i] && rt_allp[i]->mcache)
			mcache_release(rt_allp[i]->mcache);
	rt_gc.marked = 0;
	// the callee-saved registers as the C code below this cycle left
	// them (rt_systemstack_arg saved rbx, rbp and r12 on the goroutine's
	// stack; r13 and r15 are still the caller's here)
	uintptr regs[6];
	__asm__ volatile("movq %%rbx, 0(%0)\n\tmovq %%rbp, 8(%0)\n\tmovq %%r12, 16(%0)\n\t"
			 "movq %%r13, 24(%0)\n\tmovq %%r15, 32(%0)\n\tmovq %%r14, 40(%0)"
			 :
			 : "r"(regs)
			 : "memory");
	for (int i = 0; i < 6; i++)
		mark(regs[i]);
	markroots(cur, (uintptr)&here);
	gc_markfinalizers(mark, markcontents);
	drain();
	gc_queuefinalizers(ismarked, setmark);
	for (int i = 0; i < NUM_SPAN_CLASSES; i++)
		mcentral_sweep(&mheap_.central[i]);
	sweeplarge();
	rt_gc.heapLive = rt_gc.marked;
	rt_gc.heapMarkedLast = rt_gc.marked;
	mprof_flush();
	uint64_t goal = rt_gc.percent < 0 ? ~(uint64_t)0 : rt_gc.marked + rt_gc.marked * (uint64_t)rt_gc.percent / 100;
	rt_gc.goal = goal < GC_MIN_HEAP ? GC_MIN_HEAP : goal;
	uint64_t end = (uint64_t)rt_nanotime();
	rt_gc.numgc++;
	if (forced)
		rt_gc.numforced++;
	rt_gc.pausetotal += end - start;
	rt_gc.pausens[(rt_gc.numgc - 1) % 256] = end - start;
	int32_t nsec;
	int64_t sec = rt_walltime(&nsec);
	rt_gc.pauseend[(rt_gc.numgc - 1) % 256] = (uint64_t)sec * 1000000000 + (uint64_t)nsec;
	rt_gc.lastgc = rt_gc.pauseend[(rt_gc.numgc - 1) % 256];
	rt_gc.running = false;
	if (rt_gc.trace > 0)
		gctrace(start, end, before, rt_gc.marked, forced);
}

// A full collection now (runtime.GC) or because the heap reached its goal.
void rt_gcstart(bool forced)
{
	G *gp = getg();
	M *mp = gp->m;
	if (rt_gc.running || !mp || gp != mp->curg || mp->mallocing || mp->dying)
		return;
	// sync.Pool's cleanup first, as gc's clearpools: the pools' objects
	// become garbage of this cycle (Go code that only moves pointers)
	if (rt_poolcleanup) {
		uint64_t none = 0;
		rt_reflectcall(0, rt_poolcleanup, &none, 0, 0, 0, 0);
	}
	rt_systemstack1(gc_m, forced ? (void *)1 : 0);
}

void rt_gcinit(void)
{
	rt_gc.inittime = (uint64_t)rt_nanotime();
	rt_gc.trace = rt_godebug("gctrace");
	int64_t p = rt_gcpercent_env();
	rt_gc.percent = (int32_t)p;
	rt_gc.goal = p < 0 ? ~(uint64_t)0 : GC_MIN_HEAP;
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
	if (rt_gc.percent >= 0) {
		uint64_t goal = rt_gc.heapMarkedLast + rt_gc.heapMarkedLast * (uint64_t)rt_gc.percent / 100;
		rt_gc.goal = goal < GC_MIN_HEAP ? GC_MIN_HEAP : goal;
	} else
		rt_gc.goal = ~(uint64_t)0;
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
