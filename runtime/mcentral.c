// mcentral.c — the spans of one span class shared by all Ps: a P's cache
// takes a span with free slots from here, and gives it back when it is
// full.  (The GC's sweeper will move swept spans back to partial.)
#include "malloc.h"

static void list_init(mspan *head) { head->next = head->prev = head; }

static void list_push(mspan *head, mspan *s)
{
	s->next = head->next;
	s->prev = head;
	head->next->prev = s;
	head->next = s;
}

static void list_remove(mspan *s)
{
	s->prev->next = s->next;
	s->next->prev = s->prev;
	s->next = s->prev = 0;
}

void mcentral_init(mcentral *c, uint8_t spanclass)
{
	c->spanclass = spanclass;
	list_init(&c->partial);
	list_init(&c->full);
}

// A span with at least one free slot, now owned by the caller's cache.
mspan *mcentral_cacheSpan(mcentral *c)
{
	lock(&c->lock);
	mspan *s = 0;
	if (c->partial.next != &c->partial) {
		s = c->partial.next;
		list_remove(s);
	}
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
	list_push(s->allocCount == s->nelems ? &c->full : &c->partial, s);
	unlock(&c->lock);
}

// After marking (no mcache holds a span): sweeps each span, puts it back
// on partial or full, or lets it go to the page heap.
void mcentral_sweep(mcentral *c)
{
	mspan all;
	list_init(&all);
	lock(&c->lock);
	for (int k = 0; k < 2; k++) {
		mspan *head = k ? &c->full : &c->partial;
		while (head->next != head) {
			mspan *s = head->next;
			list_remove(s);
			list_push(&all, s);
		}
	}
	while (all.next != &all) {
		mspan *s = all.next;
		list_remove(s);
		uintptr n = gc_sweepspan(s);
		if (n)
			list_push(n == s->nelems ? &c->full : &c->partial, s);
	}
	unlock(&c->lock);
}
