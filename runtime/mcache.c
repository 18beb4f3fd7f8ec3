// mcache.c — a P's private allocation cache: one span per span class,
// used without locks, plus the tiny-object block.  A cache belongs to a
// P, not to an M: an M without a P does not allocate.
#include "malloc.h"

// The placeholder in every slot of a new cache: full (no free slot), so
// the first allocation of each class goes to mcache_refill.
mspan emptymspan;

mcache *mcache_alloc(void)
{
	mcache *c = persistentalloc(sizeof(mcache), 64);
	memset(c, 0, sizeof *c);
	for (int i = 0; i < NUM_SPAN_CLASSES; i++)
		c->alloc[i] = &emptymspan;
	return c;
}

// Replaces the cache's full span of class spc by one with free slots.
void mcache_refill(mcache *c, uint8_t spc)
{
	mspan *s = c->alloc[spc];
	if (s != &emptymspan) {
		if (s->allocCount != s->nelems)
			rt_throw("refill of span with free space remaining");
		mcentral_uncacheSpan(&mheap_.central[spc], s);
	}
	s = mcentral_cacheSpan(&mheap_.central[spc]);
	if (s->allocCount == s->nelems)
		rt_throw("span has no free space");
	c->alloc[spc] = s;
}

// Gives every span back (when a P is destroyed, or before a GC cycle).
void mcache_release(mcache *c)
{
	for (int i = 0; i < NUM_SPAN_CLASSES; i++) {
		mspan *s = c->alloc[i];
		if (s != &emptymspan) {
			mcentral_uncacheSpan(&mheap_.central[i], s);
			c->alloc[i] = &emptymspan;
		}
	}
	c->tiny = 0;
	c->tinyoffset = 0;
}
