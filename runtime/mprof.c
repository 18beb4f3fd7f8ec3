// mprof.c — the heap profile (gc's mprof.go, memory part): mallocgc
// samples allocations, on average one per MemProfileRate bytes (an
// exponential distance, as gc's nextSample; every allocation at rate 1),
// and records each sample's stack in a bucket; the sweeper counts the
// sampled objects it frees.  runtime.MemProfile returns the buckets as
// of the last completed collection, as gc's: a cycle's allocations and
// frees are published when the cycle ends (mprof_flush).
//
// Buckets and the table of sampled objects are in memory the collector
// does not scan (a sample must not keep its object alive).
#include "proc.h"
#include "malloc.h"

enum { MAX_STACK = 32, BUCKETS = 1 << 12 };

typedef struct MCounts {
	int64_t allocs, frees, allocbytes, freebytes;
} MCounts;

typedef struct Bucket {
	struct Bucket *next, *all;
	uint64_t hash;
	uintptr size;      // the object size (gc keys its buckets by size too)
	intgo nstk;
	uintptr stk[MAX_STACK];
	MCounts active;    // as of the last completed cycle
	MCounts pending;   // since then
} Bucket;

static Mutex proflock;
static Bucket *buckhash[BUCKETS];
static Bucket *allbuckets;
static struct {
	uintptr *obj;        // open addressing: 0 empty, 1 deleted
	Bucket **b;
	uintptr cap, n, used;
} sampled;

static void *profalloc(uintptr n)
{
	void *p = sysAlloc(n); // (whole pages: buckets are few, tables grow by doubling)
	if (!p)
		rt_throw("runtime: cannot allocate memory");
	return p;
}

static Bucket *stkbucket(uintptr *stk, intgo nstk, uintptr size)
{
	uint64_t h = size;
	for (intgo i = 0; i < nstk; i++)
		h = (h ^ stk[i]) * 0x100000001b3ULL;
	for (Bucket *b = buckhash[h % BUCKETS]; b; b = b->next)
		if (b->hash == h && b->size == size && b->nstk == nstk && !memcmp(b->stk, stk, (size_t)nstk * sizeof *stk))
			return b;
	static Bucket *chunk;
	static uintptr left;
	if (!left) {
		chunk = profalloc(64 * sizeof(Bucket));
		left = 64;
	}
	Bucket *b = chunk++;
	left--;
	b->hash = h;
	b->size = size;
	b->nstk = nstk;
	memcpy(b->stk, stk, (size_t)nstk * sizeof *stk);
	b->next = buckhash[h % BUCKETS];
	buckhash[h % BUCKETS] = b;
	b->all = allbuckets;
	allbuckets = b;
	return b;
}

static uintptr objhash(uintptr p) { return (uintptr)((p >> 3) * 0x9e3779b97f4a7c15ULL); }

static void sampled_put(uintptr p, Bucket *b);

static void sampled_grow(void)
{
	uintptr ncap = sampled.cap ? 2 * sampled.cap : 4096;
	if (sampled.n * 4 < sampled.cap)
		ncap = sampled.cap;
	uintptr *oo = sampled.obj, ocap = sampled.cap;
	Bucket **ob = sampled.b;
	sampled.obj = profalloc(ncap * sizeof *sampled.obj);
	sampled.b = profalloc(ncap * sizeof *sampled.b);
	sampled.cap = ncap;
	sampled.n = sampled.used = 0;
	for (uintptr i = 0; i < ocap; i++)
		if (oo[i] > 1)
			sampled_put(oo[i], ob[i]);
	if (oo) {
		sys_munmap(oo, ocap * sizeof *oo);
		sys_munmap(ob, ocap * sizeof *ob);
	}
}

static void sampled_put(uintptr p, Bucket *b)
{
	if (2 * (sampled.used + 1) > sampled.cap)
		sampled_grow();
	uintptr i = objhash(p) & (sampled.cap - 1);
	while (sampled.obj[i] > 1 && sampled.obj[i] != p)
		i = (i + 1) & (sampled.cap - 1);
	if (sampled.obj[i] == 0)
		sampled.used++;
	if (sampled.obj[i] != p)
		sampled.n++;
	sampled.obj[i] = p;
	sampled.b[i] = b;
}

// The bucket of sampled object p, removed from the table; nil if p was
// not sampled.
static Bucket *sampled_take(uintptr p)
{
	if (!sampled.cap)
		return 0;
	for (uintptr i = objhash(p) & (sampled.cap - 1); sampled.obj[i]; i = (i + 1) & (sampled.cap - 1))
		if (sampled.obj[i] == p) {
			sampled.obj[i] = 1;
			sampled.n--;
			return sampled.b[i];
		}
	return 0;
}

// gc's nextSample: an exponential distance with mean MemProfileRate
// (fastexprand), from 26 random bits.
uintptr mprof_nextsample(void)
{
	intgo rate = memprofilerate();
	if (rate <= 1)
		return 0;
	if (rate > 0x7000000)
		rate = 0x7000000;
	uint32_t q = rt_fastrand() % (1 << 26) + 1;
	// -log2(q / 2^26) * ln 2 * rate, with log2 from the bit length and a
	// 16-entry correction table (gc's fastlog2), in fixed point
	static const double corr[17] = {
		0.0, 0.0874628, 0.1699250, 0.2479275, 0.3219281, 0.3923174, 0.4594316, 0.5235620,
		0.5849625, 0.6438562, 0.7004397, 0.7548875, 0.8073549, 0.8579810, 0.9068906, 0.9541963, 1.0,
	};
	int e = 31 - __builtin_clz(q);
	double frac = (double)(q - (1u << e)) / (double)(1u << e) * 16;
	int k = (int)frac;
	double lg = e + corr[k] + (corr[k + 1] - corr[k]) * (frac - k);
	double v = (26 - lg) * 0.6931471805599453 * (double)rate;
	return v < 1 ? 1 : (uintptr)v;
}

// A sampled allocation of size bytes at x (mallocgc, after the object is
// made) and its stack.
__attribute__((noinline)) void mprof_malloc(uintptr x, uintptr size)
{
	uintptr stk[MAX_STACK];
	// from mallocgc's caller: the walk records only Go frames and C
	// functions with Go names (runtime.mallocgc, runtime.makeslice ...,
	// which pprof hides), not gcc's clones of mallocgc
	intgo n = rt_callerpcs((uintptr)__builtin_frame_address(0), 0, stk, MAX_STACK);
	lock(&proflock);
	Bucket *b = stkbucket(stk, n, size);
	b->pending.allocs++;
	b->pending.allocbytes += (int64_t)size;
	sampled_put(x, b);
	unlock(&proflock);
}

// The sweeper frees object x (of a span with sampled objects).
void mprof_free(uintptr x)
{
	Bucket *b = sampled_take(x);
	if (b) {
		b->pending.frees++;
		b->pending.freebytes += (int64_t)b->size;
	}
}

bool mprof_any(void) { return sampled.n > 0; }

// At the end of a cycle: what happened since the last is published.
void mprof_flush(void)
{
	for (Bucket *b = allbuckets; b; b = b->all) {
		b->active.allocs += b->pending.allocs;
		b->active.frees += b->pending.frees;
		b->active.allocbytes += b->pending.allocbytes;
		b->active.freebytes += b->pending.freebytes;
		b->pending = (MCounts){0, 0, 0, 0};
	}
}

// runtime.MemProfile (gc's memprofile.go contract): n records of the
// buckets with objects in use (all when inuseZero); ok false when p is
// too short (n says how many it needs).
typedef struct GoMemProfileRecord {
	int64_t allocbytes, freebytes, allocobjects, freeobjects;
	uintptr stack0[32];
} GoMemProfileRecord;

typedef struct MemProfileResult {
	intgo n;
	bool ok;
} MemProfileResult;

MemProfileResult MemProfile(GoSlice p, bool inuseZero) RTSYM(MemProfile);
MemProfileResult MemProfile(GoSlice p, bool inuseZero)
{
	lock(&proflock);
	intgo n = 0;
	bool clear = true;
	for (Bucket *b = allbuckets; b; b = b->all) {
		if (inuseZero || b->active.allocbytes != b->active.freebytes)
			n++;
		if (b->active.allocs || b->active.frees)
			clear = false;
	}
	if (clear) {
		// as gc: nothing published yet (no cycle ended since the
		// allocations): publish what there is rather than nothing
		mprof_flush();
		n = 0;
		for (Bucket *b = allbuckets; b; b = b->all)
			if (inuseZero || b->active.allocbytes != b->active.freebytes)
				n++;
	}
	MemProfileResult r = {n, false};
	if (n <= p.len) {
		r.ok = true;
		GoMemProfileRecord *rec = p.array;
		for (Bucket *b = allbuckets; b; b = b->all) {
			if (!(inuseZero || b->active.allocbytes != b->active.freebytes))
				continue;
			rec->allocbytes = b->active.allocbytes;
			rec->freebytes = b->active.freebytes;
			rec->allocobjects = b->active.allocs;
			rec->freeobjects = b->active.frees;
			memset(rec->stack0, 0, sizeof rec->stack0);
			memcpy(rec->stack0, b->stk, (size_t)b->nstk * sizeof(uintptr));
			rec++;
		}
	}
	unlock(&proflock);
	return r;
}
