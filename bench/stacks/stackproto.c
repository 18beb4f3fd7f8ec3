// stackproto.c — a prototype of goc's goroutine-stack scheme (copying
// stacks, as gc since 1.3; docs/runtime.md "Goroutine stacks"), linked
// with goc's runtime, measuring what the choice costs:
//   1. memory per parked goroutine: N goroutines (default 1M) each start
//      on a 2 KiB stack carved from 32 KiB manual spans of the heap, run a
//      few frames, and park; RSS and page tables are read from /proc.
//   2. the cost of growth: a recursive function with a Go-like prologue
//      check calls proto_morestack when its stack is exhausted; the stack
//      is copied to one twice the size, frame pointers adjusted, the old
//      stack freed.  Recursion to depth D with growth is timed against
//      the same recursion on a stack big enough from the start.
//   3. the deepest recursion: growth continues up to gc's limit of 1 GB
//      (maxstacksize on 64-bit), beyond which gc reports
//      "goroutine stack exceeds 1000000000-byte limit".
#include "malloc.h"

void proto_swap(uintptr *save_sp, uintptr new_sp);
void proto_morestack(void);

enum { STACK_MIN = 2048, POOL_SPAN = 32 << 10 };

typedef struct PG {
	uintptr sp;        // saved SP while parked
	uintptr lo, hi;    // stack bounds
	uintptr guard;     // lo + headroom
	struct PG *next;
	int dead;
} PG;

static uintptr sched_sp;
static PG *cur;
static uintptr stackfree; // free list of STACK_MIN stacks (the pool)

static uintptr stackalloc_small(void)
{
	if (!stackfree) {
		mspan *s = mheap_allocManual(POOL_SPAN / PAGE_SIZE);
		for (uintptr p = s->start; p < s->start + POOL_SPAN; p += STACK_MIN) {
			*(uintptr *)p = stackfree;
			stackfree = p;
		}
	}
	uintptr p = stackfree;
	stackfree = *(uintptr *)p;
	return p;
}

// ---- 1. parked goroutines ----------------------------------------------------

static NOINLINE void park_deep(int depth)
{
	volatile byte frame[160]; // a gopark-like chain of a few frames
	frame[0] = (byte)depth;
	if (depth > 0)
		park_deep(depth - 1);
	else
		proto_swap(&cur->sp, sched_sp);
	(void)frame[0];
}

static void gentry(void)
{
	park_deep(2);
	cur->dead = 1;
	proto_swap(&cur->sp, sched_sp);
}

static PG *gnew(void)
{
	PG *g = persistentalloc(sizeof(PG), 8);
	g->lo = stackalloc_small();
	g->hi = g->lo + STACK_MIN;
	uintptr *sp = (uintptr *)g->hi;
	*--sp = 0;                 // gentry's return address: never used
	*--sp = (uintptr)gentry;   // proto_swap returns here
	for (int i = 0; i < 5; i++)
		*--sp = 0;             // rbp rbx r12 r13 r15
	g->sp = (uintptr)sp;
	return g;
}

static int64_t readproc(const char *path, const char *key)
{
	static byte buf[8192];
	int fd = sys_open(path, 0, 0);
	if (fd < 0)
		return -1;
	intgo n = sys_read(fd, buf, sizeof buf - 1);
	sys_close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	intgo klen = rt_findnull((const byte *)key);
	for (intgo i = 0; i + klen < n; i++) {
		if ((i == 0 || buf[i - 1] == '\n') && memcmp(buf + i, key, (size_t)klen) == 0) {
			int64_t v = 0;
			for (intgo j = i + klen; j < n && buf[j] != '\n'; j++)
				if (buf[j] >= '0' && buf[j] <= '9')
					v = v * 10 + (buf[j] - '0');
			return v;
		}
	}
	return -1;
}

static void parked(int n)
{
	int64_t rss0 = readproc("/proc/self/status", "VmRSS:"), pte0 = readproc("/proc/self/status", "VmPTE:");
	int64_t t0 = rt_nanotime();
	PG *all = 0;
	for (int i = 0; i < n; i++) {
		PG *g = gnew();
		g->next = all;
		all = g;
		cur = g;
		proto_swap(&sched_sp, g->sp);
	}
	int64_t t1 = rt_nanotime();
	int64_t rss1 = readproc("/proc/self/status", "VmRSS:"), pte1 = readproc("/proc/self/status", "VmPTE:");
	for (PG *g = all; g; g = g->next) {
		cur = g;
		proto_swap(&sched_sp, g->sp);
		if (!g->dead)
			rt_throw("goroutine did not finish");
	}
	int64_t t2 = rt_nanotime();
	printlock();
	rt_prints("parked: "); printint(n); rt_prints(" goroutines, 2 KiB stacks: RSS +");
	printint((rss1 - rss0) >> 10); rt_prints(" MiB (");
	printint((rss1 - rss0) * 1024 / n); rt_prints(" bytes each), page tables +");
	printint(pte1 - pte0); rt_prints(" KiB; create+park ");
	printint((t1 - t0) / n); rt_prints(" ns each, resume+finish ");
	printint((t2 - t1) / n); rt_prints(" ns each\n");
	printunlock();
}

// ---- 2, 3. growth by copying -----------------------------------------------------

static PG grower;
static byte sysstack[256 << 10] __attribute__((aligned(16)));
uintptr proto_sysstack = (uintptr)sysstack + sizeof sysstack;
static uintptr maxstack = 1000000000;
static uintptr ncopied, ngrowths;
static int64_t copyns;
static volatile uintptr curdepth;
static uintptr recurse_depth;

// Called by proto_morestack with the SP below its saved registers and its
// frame pointer: copies the used part of the stack to a stack twice as
// large, adjusts the saved frame pointers that point into the old stack,
// frees the old stack, and returns new - old.
uintptr proto_copystack(uintptr sp, uintptr fp)
{
	PG *g = &grower;
	uintptr oldsize = g->hi - g->lo, newsize = oldsize * 2;
	if (newsize > maxstack) {
		printlock();
		rt_prints("deepest recursion reached: ");
		printuint(curdepth);
		rt_prints(" frames of ");
		printuint((g->hi - sp) / curdepth);
		rt_prints(" bytes\n");
		rt_prints("runtime: goroutine stack exceeds ");
		printuint(maxstack);
		rt_prints("-byte limit\n");
		printunlock();
		rt_throw("stack overflow");
	}
	int64_t t0 = rt_nanotime();
	mspan *ns = mheap_allocManual(newsize / PAGE_SIZE);
	uintptr newhi = ns->start + newsize;
	uintptr used = g->hi - sp;
	uintptr delta = newhi - g->hi;
	memmove((void *)(newhi - used), (void *)sp, used);
	// Walk the frame-pointer chain in the new copy.
	for (uintptr f = fp + delta; f; ) {
		uintptr *slot = (uintptr *)f;
		uintptr saved = *slot;
		if (saved < g->lo || saved >= g->hi)
			break;
		*slot = saved + delta;
		f = saved + delta;
	}
	mspan *old = spanOf(g->lo);
	if (old && old->state == MSPAN_MANUAL && old->start == g->lo)
		mheap_free(old);
	g->lo = ns->start;
	g->hi = newhi;
	g->guard = g->lo + 928;
	ncopied += used;
	copyns += rt_nanotime() - t0;
	ngrowths++;
	return delta;
}

static inline uintptr getsp(void)
{
	uintptr sp;
	__asm__ volatile("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

static volatile uintptr sink;

// A Go-like function: the prologue compares SP with the guard.
static NOINLINE uintptr recurse(uintptr depth)
{
	if (getsp() < grower.guard)
		proto_morestack();
	volatile uintptr local[8]; // a 64-byte frame plus spills
	local[0] = depth;
	curdepth = recurse_depth - depth;
	if (depth == 0)
		return local[0];
	return recurse(depth - 1) + local[0] - depth + 1;
}

static uintptr recurse_result;
static void runrecurse(void) { recurse_result = recurse(recurse_depth); }

// Runs recurse(depth) on grower with an initial stack of size bytes.
static int64_t timed_recursion(uintptr depth, uintptr size)
{
	mspan *s = mheap_allocManual(size / PAGE_SIZE);
	grower.lo = s->start;
	grower.hi = s->start + size;
	grower.guard = grower.lo + 928;
	recurse_depth = depth;
	ncopied = ngrowths = 0;
	copyns = 0;
	int64_t t0 = rt_nanotime();
	rt_onstack(runrecurse, getg(), grower.hi);
	int64_t t1 = rt_nanotime();
	if (recurse_result != depth)
		rt_throw("wrong recursion result");
	mheap_free(spanOf(grower.lo));
	return t1 - t0;
}

void gomain(void) __asm__("main.main");
void gomain(void)
{
	int n = 1000000;
	if (rt_argc > 1) {
		n = 0;
		for (const byte *p = rt_argv[1]; *p; p++)
			n = n * 10 + (*p - '0');
	}
	parked(n);

	// Frame size of recurse, measured: the SP difference between levels.
	uintptr depths[] = {1000, 100000, 1000000, 5000000};
	for (unsigned i = 0; i < nelem(depths); i++) {
		uintptr d = depths[i];
		int64_t grow = timed_recursion(d, PAGE_SIZE);  // 8 KiB: gc's pages; start small, grow
		uintptr copies = ncopied, growths = ngrowths, final = grower.hi - grower.lo;
		int64_t cns = copyns;
		int64_t fixed = timed_recursion(d, final);     // big enough from the start
		printlock();
		rt_prints("recursion depth "); printuint(d);
		rt_prints(": stack "); printuint(final >> 10); rt_prints(" KiB after ");
		printuint(growths); rt_prints(" growths copying "); printuint(copies >> 10);
		rt_prints(" KiB in "); printint(cns / 1000); rt_prints(" us; ");
		printint(grow / 1000); rt_prints(" us with growth, ");
		printint(fixed / 1000); rt_prints(" us on a fixed stack\n");
		printunlock();
	}
	// The deepest: until the 1 GB limit stops it (exits 2 with gc's message).
	rt_prints("deepest: recursing until the 1 GB limit\n");
	timed_recursion((uintptr)1 << 40, PAGE_SIZE);
}
