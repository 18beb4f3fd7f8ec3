// malloc.c — mallocgc and friends: the entry points of the allocator
// (see malloc.h for the layers under it, docs/runtime.md for the design).
//
// All memory handed out is zeroed unless the caller says it will
// overwrite all of it (needzero false), and every object is aligned to
// its size class's natural alignment (8 bytes at least; 16, 32, ... for
// sizes that are multiples of them, as gc's "min align" column).
#include "malloc.h"

uintptr zerobase; // the address of every zero-sized object, as gc's runtime.zerobase

static const byte ptrwords_gcdata[1] = {1};
_type rt_ptrwords = {.size = PTRSIZE, .ptrdata = PTRSIZE, .align = 8, .fieldAlign = 8,
		     .kind = KIND_UNSAFEPOINTER, .gcdata = ptrwords_gcdata};
static uintptr nmalloc;

void mallocinit(void)
{
	if (sizeof(heapArena) > 2 << 20)
		rt_throw("heapArena too large");
	mheap_init();
	rt_p0.mcache = mcache_alloc();
}

P *rt_getp(void)
{
	G *gp = getg();
	return gp && gp->m && gp->m->p ? gp->m->p : &rt_p0;
}

static inline mcache *getmcache(void) { return rt_getp()->mcache; }

static inline uintptr nextFreeFast(mspan *s)
{
	uint64_t cache = s->allocCache;
	if (cache == 0)
		return 0;
	int bit = __builtin_ctzll(cache);
	uintptr result = s->freeindex + (uintptr)bit;
	if (result < s->nelems) {
		uintptr next = result + 1;
		if (next % 64 == 0 && next != s->nelems)
			return 0;
		s->allocCache = bit == 63 ? 0 : cache >> (bit + 1);
		s->freeindex = next;
		s->allocCount++;
		return s->start + result * s->elemsize;
	}
	return 0;
}

// The slow path: the next free slot of the cache's span, refilling the
// cache from mcentral when the span is full.
static uintptr nextFree(mcache *c, uint8_t spc, mspan **sp)
{
	mspan *s = c->alloc[spc];
	uintptr idx = span_nextFreeIndex(s);
	if (idx == s->nelems) {
		mcache_refill(c, spc);
		s = c->alloc[spc];
		idx = span_nextFreeIndex(s);
	}
	if (idx >= s->nelems)
		rt_throw("freeIndex is not valid");
	s->allocCount++;
	*sp = s;
	return s->start + idx * s->elemsize;
}

static int sizeclass_of(uintptr size)
{
	if (size <= SMALL_SIZE_MAX - 8)
		return size_to_class8[(size + SMALL_SIZE_DIV - 1) / SMALL_SIZE_DIV];
	return size_to_class128[(size - SMALL_SIZE_MAX + LARGE_SIZE_DIV - 1) / LARGE_SIZE_DIV];
}

void *mallocgc(uintptr size, _type *typ, bool needzero)
{
	if (size == 0)
		return &zerobase;
	M *mp = getg()->m;
	if (rt_gc.phase == GC_MARK)
		gc_assist(size);
	else if (mp && !mp->mallocing) {
		if (rt_gc.unswept)
			gc_sweepassist(size);
		if (rt_gc.heapLive >= rt_gc.trigger && rt_gc.enabled)
			rt_gcstart(false);
	}
	if (mp && mp->mallocing)
		rt_throw("malloc deadlock");
	if (mp)
		mp->mallocing = 1;
	mcache *c = getmcache();
	bool noscan = !typ || typ->ptrdata == 0;
	uintptr dataSize = size;
	uintptr x;
	mspan *s = 0;

	if (size <= MAX_SMALL_SIZE) {
		if (noscan && size < TINY_SIZE) {
			// Tiny allocator: pointer-free objects smaller than 16 bytes
			// share 16-byte blocks, aligned to their size's power of two.
			uintptr off = c->tinyoffset;
			if ((size & 7) == 0)
				off = (off + 7) & ~(uintptr)7;
			else if ((size & 3) == 0)
				off = (off + 3) & ~(uintptr)3;
			else if ((size & 1) == 0)
				off = (off + 1) & ~(uintptr)1;
			if (off + size <= TINY_SIZE && c->tiny) {
				x = c->tiny + off;
				c->tinyoffset = off + size;
				c->tinyAllocs++;
				nmalloc++; /* gc's Mallocs counts tiny allocations */
				if (mp)
					mp->mallocing = 0;
				return (void *)x;
			}
			s = c->alloc[TINY_SPAN_CLASS];
			x = nextFreeFast(s);
			if (!x)
				x = nextFree(c, TINY_SPAN_CLASS, &s);
			((uint64_t *)x)[0] = 0;
			((uint64_t *)x)[1] = 0;
			// Keep whichever block has more room left.
			if (size < c->tinyoffset || !c->tiny) {
				c->tiny = x;
				c->tinyoffset = size;
			}
			size = TINY_SIZE;
		} else {
			int sc = sizeclass_of(size);
			size = class_to_size[sc];
			uint8_t spc = (uint8_t)(sc << 1 | noscan);
			s = c->alloc[spc];
			x = nextFreeFast(s);
			if (!x)
				x = nextFree(c, spc, &s);
			if (needzero && s->needzero)
				memclrNoHeapPointers((void *)x, size);
			c->smallalloc[sc]++;
		}
	} else {
		uintptr npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
		s = mheap_alloc(npages, (uint8_t)noscan);
		s->freeindex = 1;
		s->allocCount = 1;
		x = s->start;
		size = s->elemsize;
		if (needzero && s->needzero)
			memclrNoHeapPointers((void *)x, size);
		mheap_.largealloc += size;
		mheap_.nlargealloc++;
		mheap_addlarge(s);
	}
	if (!noscan)
		heapBitsSetType(x, size, dataSize, typ);
	if (rt_gc.phase == GC_MARK) // allocate black (a new tiny block included)
		gc_marknew(s, x);
	c->heapLive += size;
	rt_gc.heapLive += size;
	nmalloc++;
	if (mp)
		mp->mallocing = 0;
	intgo rate = memprofilerate();
	if (rate > 0) { // the heap profile's sampling (gc's profilealloc)
		if (rate != 1 && size < c->nextSample)
			c->nextSample -= size;
		else {
			c->nextSample = mprof_nextsample();
			s->sampled = 1;
			mprof_malloc(x, size);
		}
	}
	return (void *)x;
}

void *newobject(_type *typ) { return mallocgc(typ->size, typ, true); }

void *newarray(_type *typ, intgo n)
{
	if (n == 1)
		return mallocgc(typ->size, typ, true);
	if (n < 0 || (typ->size && (uintptr)n > ((uintptr)1 << 48) / typ->size))
		rt_panic_runtime_error(GOSTR("runtime: allocation size out of range"));
	return mallocgc(typ->size * (uintptr)n, typ, true);
}

// The size mallocgc would really allocate for size bytes.
uintptr roundupsize(uintptr size)
{
	if (size <= MAX_SMALL_SIZE)
		return class_to_size[sizeclass_of(size)];
	if (size + PAGE_SIZE < size)
		return size;
	return (size + PAGE_SIZE - 1) & ~(uintptr)(PAGE_SIZE - 1);
}

void rt_readmemstats(MemStats *st)
{
	st->mapped = mheap_.mapped;
	st->inuse = mheap_.inuse;
	st->manual = mheap_.manual;
	st->largealloc = mheap_.largealloc;
	st->nlargealloc = mheap_.nlargealloc;
	st->metadata = mheap_.metadata;
	st->nmalloc = nmalloc;
	st->tinyallocs = 0;
	for (int i = 0; i < MAX_PROCS; i++)
		if (rt_allp[i] && rt_allp[i]->mcache)
			st->tinyallocs += rt_allp[i]->mcache->tinyAllocs;
	uintptr small = 0;
	mcache *c = rt_p0.mcache;
	for (int i = 1; i < NUM_SIZE_CLASSES; i++)
		small += c->smallalloc[i] * class_to_size[i];
	st->smallalloc = small;
}
