// mcentral.c — the spans of one span class shared by all Ps: a P's cache
// takes a span with free slots from here, and gives it back when it is
// full.  After a mark every span is unswept (mcentral_unsweep); a span is
// swept (mgc.c's gc_sweepspan) before a cache may take it, here when a
// cache needs one, or by mgc.c's sweeper (mcentral_sweepone).
#include "malloc.h"

void mcentral_init(mcentral *c, uint8_t spanclass)
{
	c->spanclass = spanclass;
	spanlist_init(&c->partial);
	spanlist_init(&c->full);
	spanlist_init(&c->upartial);
	spanlist_init(&c->ufull);
}

// Sweeps s (off every list), then lists it by what is left; false if it
// went back to the page heap.  With c->lock held.
static bool sweep_locked(mcentral *c, mspan *s)
{
	uintptr n = gc_sweepspan(s);
	gc_swept();
	if (!n)
		return false;
	spanlist_insert(n == s->nelems ? &c->full : &c->partial, s);
	return true;
}

// A span with at least one free slot, now owned by the caller's cache:
// a swept one, else the first unswept one that has room once swept
// (gc's mcentral.cacheSpan), else a new one.
mspan *mcentral_cacheSpan(mcentral *c)
{
	lock(&c->lock);
	mspan *s = 0;
	if (!spanlist_empty(&c->partial))
		s = c->partial.next;
	for (int k = 0; !s && k < 2; k++) {
		mspan *head = k ? &c->ufull : &c->upartial;
		while (!s && !spanlist_empty(head)) {
			mspan *u = head->next;
			spanlist_remove(u);
			if (sweep_locked(c, u) && u->allocCount < u->nelems)
				s = u;
		}
	}
	if (s)
		spanlist_remove(s);
	unlock(&c->lock);
	if (!s) {
		int sc = spanclass_sizeclass(c->spanclass);
		s = mheap_alloc(class_to_npages[sc], c->spanclass);
	}
	// Position the allocation cache at freeindex.
	span_refillAllocCache(s, s->freeindex / 64);
	s->allocCache >>= s->freeindex % 64;
	s->incache = 1;
	return s;
}

void mcentral_uncacheSpan(mcentral *c, mspan *s)
{
	s->incache = 0;
	lock(&c->lock);
	spanlist_insert(s->allocCount == s->nelems ? &c->full : &c->partial, s);
	unlock(&c->lock);
}

// After a mark (no cache holds a span): every span of c is unswept.
void mcentral_unsweep(mcentral *c)
{
	lock(&c->lock);
	spanlist_splice(&c->upartial, &c->partial);
	spanlist_splice(&c->ufull, &c->full);
	unlock(&c->lock);
}

bool mcentral_sweepone(mcentral *c)
{
	lock(&c->lock);
	mspan *head = !spanlist_empty(&c->upartial) ? &c->upartial : &c->ufull;
	bool any = !spanlist_empty(head);
	if (any) {
		mspan *s = head->next;
		spanlist_remove(s);
		sweep_locked(c, s);
	}
	unlock(&c->lock);
	return any;
}
