// mheap.c — the page heap: arenas mapped from the OS, spans carved from
// them, free spans kept in size bins and coalesced with free neighbours.
//
// Invariants:
//   - every page of an in-use or manual span maps to it in its arena's
//     spans[]; a free span is mapped from its first and last pages only
//     (enough for coalescing, which looks only at neighbours' ends);
//   - a free span of n pages is on freebins[n] (n < FREE_BINS) or on
//     freelarge; free spans never touch each other (they are merged);
//   - pages never handed out since they were mapped are zero (needzero 0).
// gc finds free pages with a radix tree of bitmaps (pageAlloc) built for
// many threads and scavenging; goc starts with bins, which are O(1) for
// the common small spans, and can change this without touching callers.
#include "malloc.h"

mheap mheap_;

// ---- memory from the OS -------------------------------------------------

void *sysAlloc(uintptr n)
{
	void *p = sys_mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if ((uintptr)p >= (uintptr)-4096)
		return 0;
	return p;
}

// persistentalloc: runtime metadata that is never freed, bump-allocated
// from 256 KiB chunks.  Two pools: the scanned one (Gs, sudogs, Ps, Ms,
// pollers, itabs: anything that may hold a heap pointer), whose used
// ranges the collector scans word by word as roots (persistent_roots),
// and the span structures, which point into the heap by their nature
// (start) and must not keep objects alive.
typedef struct PPool {
	byte *chunk;
	uintptr off, chunksize;
	bool roots;
} PPool;

enum { PCHUNK = 256 << 10, MAX_PROOTS = 1 << 14 };
static Mutex plock;
static PPool pscan = {.roots = true}, pnoscan;
static struct {
	uintptr lo, hi;
} proots[MAX_PROOTS];
static uintptr nproots;

static void addroot(uintptr lo, uintptr hi)
{
	if (nproots == MAX_PROOTS)
		rt_throw("runtime: too much runtime metadata");
	proots[nproots].lo = lo;
	proots[nproots].hi = hi;
	nproots++;
}

static void *palloc(PPool *pp, uintptr size, uintptr align)
{
	if (align == 0)
		align = 8;
	lock(&plock);
	if (size >= PCHUNK / 4) {
		void *p = sysAlloc(size);
		if (!p)
			rt_throw("runtime: cannot allocate memory");
		mheap_.metadata += size;
		if (pp->roots)
			addroot((uintptr)p, (uintptr)p + size);
		unlock(&plock);
		return p;
	}
	pp->off = (pp->off + align - 1) & ~(align - 1);
	if (!pp->chunk || pp->off + size > pp->chunksize) {
		pp->chunk = sysAlloc(PCHUNK);
		if (!pp->chunk)
			rt_throw("runtime: cannot allocate memory");
		pp->chunksize = PCHUNK;
		pp->off = 0;
		mheap_.metadata += PCHUNK;
		if (pp->roots)
			addroot((uintptr)pp->chunk, (uintptr)pp->chunk);
	}
	void *p = pp->chunk + pp->off;
	pp->off += size;
	if (pp->roots)
		proots[nproots - 1].hi = (uintptr)pp->chunk + pp->off;
	unlock(&plock);
	return p;
}

void *persistentalloc(uintptr size, uintptr align) { return palloc(&pscan, size, align); }

void persistent_roots(void (*fn)(uintptr lo, uintptr hi))
{
	for (uintptr i = 0; i < nproots; i++)
		fn(proots[i].lo, proots[i].hi);
}

// ---- span structures (a fixalloc: a free list over persistentalloc) --------

static mspan *spanfree;

static mspan *span_new(void)
{
	mspan *s = spanfree;
	if (s)
		spanfree = s->next;
	else
		s = palloc(&pnoscan, sizeof(mspan), 64);
	memset(s, 0, sizeof *s);
	return s;
}

static void span_dispose(mspan *s)
{
	s->state = MSPAN_DEAD;
	s->next = spanfree;
	spanfree = s;
}

// ---- arenas and page → span lookup -------------------------------------------

heapArena *arenaOf(uintptr p)
{
	uintptr i = (p - mheap_.arena_base) >> ARENA_SHIFT;
	if (p < mheap_.arena_base || i >= MAX_ARENAS)
		return 0;
	return mheap_.arenas[i];
}

static inline uintptr pageIndex(uintptr p) { return (p >> PAGE_SHIFT) & (PAGES_PER_ARENA - 1); }

mspan *spanOf(uintptr p)
{
	heapArena *ha = arenaOf(p);
	return ha ? ha->spans[pageIndex(p)] : 0;
}

mspan *spanOfHeap(uintptr p)
{
	mspan *s = spanOf(p);
	if (!s || s->state != MSPAN_INUSE || p < s->start || p >= s->start + (s->npages << PAGE_SHIFT))
		return 0;
	return s;
}

static void setspan(uintptr page, mspan *s) { arenaOf(page)->spans[pageIndex(page)] = s; }

static void setspans(mspan *s, bool all)
{
	uintptr end = s->start + (s->npages << PAGE_SHIFT);
	if (all) {
		for (uintptr p = s->start; p < end; p += PAGE_SIZE)
			setspan(p, s);
	} else {
		setspan(s->start, s);
		setspan(end - PAGE_SIZE, s);
	}
}

static void setPageInUse(uintptr p, bool on)
{
	heapArena *ha = arenaOf(p);
	uintptr i = pageIndex(p);
	if (on)
		ha->pageInUse[i / 8] |= (uint8_t)(1 << (i % 8));
	else
		ha->pageInUse[i / 8] &= (uint8_t) ~(1 << (i % 8));
}

static mspan *freelist(uintptr npages) { return npages < FREE_BINS ? &mheap_.freebins[npages] : &mheap_.freelarge; }

// Onto and off the free lists, with the free and released byte counts.
static void free_insert(mspan *s)
{
	uintptr n = s->npages << PAGE_SHIFT;
	spanlist_insert(freelist(s->npages), s);
	mheap_.free += n;
	if (s->released)
		mheap_.released += n;
}

static void free_remove(mspan *s)
{
	uintptr n = s->npages << PAGE_SHIFT;
	spanlist_remove(s);
	mheap_.free -= n;
	if (s->released)
		mheap_.released -= n;
}

// Puts s on the free lists, merged with free neighbours.
static void freespan_locked(mspan *s)
{
	s->state = MSPAN_FREE;
	uintptr end = s->start + (s->npages << PAGE_SHIFT);
	// A merged span is released only if all its parts were (a part that
	// was not may hold resident pages): the scavenger may release some
	// pages twice, which is harmless.
	mspan *before = s->start > mheap_.arena_base ? spanOf(s->start - 1) : 0;
	if (before && before->state == MSPAN_FREE) {
		free_remove(before);
		s->start = before->start;
		s->npages += before->npages;
		s->needzero |= before->needzero;
		s->released &= before->released;
		span_dispose(before);
	}
	mspan *after = spanOf(end);
	if (after && after->state == MSPAN_FREE && after->start == end) {
		free_remove(after);
		s->npages += after->npages;
		s->needzero |= after->needzero;
		s->released &= after->released;
		span_dispose(after);
	}
	setspans(s, false);
	free_insert(s);
}

// Maps enough whole arenas for npages more pages and frees them into
// the heap.  Arenas are contiguous from arena_base where the address
// space allows; a taken slot is skipped.
static bool grow(uintptr npages)
{
	uintptr need = ((npages << PAGE_SHIFT) + ARENA_SIZE - 1) & ~(uintptr)(ARENA_SIZE - 1);
	for (;;) {
		uintptr at = mheap_.arena_next;
		uintptr idx = (at - mheap_.arena_base) >> ARENA_SHIFT;
		if (idx + (need >> ARENA_SHIFT) > MAX_ARENAS)
			return false;
		void *p = sys_mmap((void *)at, need, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANON | MAP_FIXED_NOREPLACE, -1, 0);
		if ((uintptr)p >= (uintptr)-4096 || (uintptr)p != at) {
			// Taken (EEXIST), or an old kernel that ignored the flag.
			if ((uintptr)p < (uintptr)-4096)
				sys_munmap(p, need);
			mheap_.arena_next += ARENA_SIZE;
			continue;
		}
		for (uintptr a = 0; a < need; a += ARENA_SIZE) {
			heapArena *ha = sysAlloc(sizeof(heapArena));
			if (!ha)
				return false;
			mheap_.metadata += sizeof(heapArena);
			mheap_.arenas[idx + (a >> ARENA_SHIFT)] = ha;
		}
		mheap_.arena_next = at + need;
		mheap_.mapped += need;
		mspan *s = span_new();
		s->start = at;
		s->npages = need >> PAGE_SHIFT;
		s->released = 1; // never touched: not resident
		freespan_locked(s);
		return true;
	}
}

// Takes npages from the smallest free span that has them (best fit among
// the large ones), splitting off the rest.
static mspan *allocpages_locked(uintptr npages)
{
	mspan *s = 0;
	for (uintptr n = npages; n < FREE_BINS && !s; n++)
		if (!spanlist_empty(&mheap_.freebins[n]))
			s = mheap_.freebins[n].next;
	if (!s) {
		mspan *head = &mheap_.freelarge;
		for (mspan *t = head->next; t != head; t = t->next)
			if (t->npages >= npages && (!s || t->npages < s->npages || (t->npages == s->npages && t->start < s->start)))
				s = t;
	}
	if (!s) {
		if (!grow(npages))
			return 0;
		return allocpages_locked(npages);
	}
	free_remove(s);
	if (s->npages > npages) {
		mspan *rest = span_new();
		rest->start = s->start + (npages << PAGE_SHIFT);
		rest->npages = s->npages - npages;
		rest->needzero = s->needzero;
		rest->released = s->released;
		rest->state = MSPAN_FREE;
		setspans(rest, false);
		free_insert(rest);
		s->npages = npages;
	}
	s->released = 0; // (its pages come back as they are touched)
	return s;
}

void span_init(mspan *s, uint8_t spanclass)
{
	s->spanclass = spanclass;
	int sc = spanclass_sizeclass(spanclass);
	uintptr bytes = s->npages << PAGE_SHIFT;
	if (sc == 0) {
		s->elemsize = bytes;
		s->nelems = 1;
		s->divmagic = 0;
	} else {
		s->elemsize = class_to_size[sc];
		s->nelems = bytes / s->elemsize;
		s->divmagic = class_to_divmagic[sc];
	}
	s->limit = s->start + s->nelems * s->elemsize;
	s->freeindex = 0;
	s->allocCount = 0;
	memset(s->allocBits, 0, sizeof s->allocBits);
	s->allocCache = ~(uint64_t)0;
	s->incache = 0;
	s->next = s->prev = 0;
}

static void out_of_memory(uintptr npages) NORETURN;
static void out_of_memory(uintptr npages)
{
	printlock();
	rt_prints("runtime: out of memory: cannot allocate ");
	printuint(npages << PAGE_SHIFT);
	rt_prints("-byte block (");
	printuint(mheap_.mapped);
	rt_prints(" in use)\n");
	printunlock();
	rt_throw("out of memory");
}

mspan *mheap_alloc(uintptr npages, uint8_t spanclass)
{
	lock(&mheap_.lock);
	mspan *s = allocpages_locked(npages);
	if (!s) {
		unlock(&mheap_.lock);
		out_of_memory(npages);
	}
	s->state = MSPAN_INUSE;
	span_init(s, spanclass);
	setspans(s, true);
	setPageInUse(s->start, true);
	mheap_.inuse += npages << PAGE_SHIFT;
	mheap_.nspans++;
	unlock(&mheap_.lock);
	return s;
}

mspan *mheap_allocManual(uintptr npages)
{
	lock(&mheap_.lock);
	mspan *s = allocpages_locked(npages);
	if (!s) {
		unlock(&mheap_.lock);
		out_of_memory(npages);
	}
	s->state = MSPAN_MANUAL;
	span_init(s, 0);
	setspans(s, true);
	mheap_.manual += npages << PAGE_SHIFT;
	unlock(&mheap_.lock);
	return s;
}

void mheap_free(mspan *s)
{
	lock(&mheap_.lock);
	if (s->state == MSPAN_INUSE) {
		mheap_.inuse -= s->npages << PAGE_SHIFT;
		mheap_.nspans--;
		setPageInUse(s->start, false);
	} else if (s->state == MSPAN_MANUAL) {
		mheap_.manual -= s->npages << PAGE_SHIFT;
	} else {
		rt_throw("mheap_free: bad span state");
	}
	// Interior pages no longer map to s: clear them so that spanOf on a
	// stale pointer finds nothing rather than a dead span.
	uintptr end = s->start + (s->npages << PAGE_SHIFT);
	for (uintptr p = s->start; p < end; p += PAGE_SIZE)
		setspan(p, 0);
	s->needzero = 1;
	freespan_locked(s);
	unlock(&mheap_.lock);
}

// The scavenger (gc's, simplified): free spans, largest first, go back to
// the OS (MADV_DONTNEED: they read as zeroes when touched again) until at
// most keep bytes of free pages are still resident.
void mheap_scavenge(uintptr keep)
{
	lock(&mheap_.lock);
	for (int b = FREE_BINS; b > 0; b--) {
		mspan *head = b == FREE_BINS ? &mheap_.freelarge : &mheap_.freebins[b];
		for (mspan *s = head->next; s != head; s = s->next) {
			if (mheap_.free - mheap_.released <= keep) {
				unlock(&mheap_.lock);
				return;
			}
			if (s->released)
				continue;
			uintptr n = s->npages << PAGE_SHIFT;
			sys_madvise((void *)s->start, n, MADV_DONTNEED);
			s->released = 1;
			s->needzero = 0;
			mheap_.released += n;
		}
	}
	unlock(&mheap_.lock);
}

void mheap_addlarge(mspan *s)
{
	lock(&mheap_.lock);
	spanlist_insert(&mheap_.largespans, s);
	unlock(&mheap_.lock);
}

void mheap_init(void)
{
	spanlist_init(&mheap_.largespans);
	spanlist_init(&mheap_.ulargespans);
	for (int i = 0; i < FREE_BINS; i++)
		spanlist_init(&mheap_.freebins[i]);
	spanlist_init(&mheap_.freelarge);
	mheap_.arena_base = ARENA_BASE;
	mheap_.arena_next = ARENA_BASE;
	for (int i = 0; i < NUM_SPAN_CLASSES; i++)
		mcentral_init(&mheap_.central[i], (uint8_t)i);
}
