// stack.c — goroutine stacks: allocation from the heap's pages, and
// growth by copying (gc's stack.go; the design and its measured costs
// are in docs/runtime.md, "Goroutine stacks").
//
// Sizes are powers of two from STACK_MIN (2 KiB).  Stacks of 2, 4, 8 and
// 16 KiB (orders 0–3) come from 32 KiB manual spans: each span is cut
// into stacks of one order, with its free stacks linked through their
// first word (span.manualFreeList); a global pool per order lists the
// spans that have free stacks, and a span whose stacks are all free goes
// back to the heap.  Each P caches up to 32 KiB of stacks per order
// without a lock.  Larger stacks are manual spans of their own.
//
// Growth: a Go prologue that finds SP below g.stackguard0 calls
// runtime.morestack (proc_amd64.S), which saves the registers and calls
// rt_newstack on g0.  The stack is copied to one twice as large and every
// pointer into the old stack is adjusted by the distance moved
// (rt_adjuststack, traceback.c): exactly in Go frames, from the
// compiler's stack maps; word by word in C and assembly frames, which
// have none (a word whose value lies in the old stack's used part moves).
// docs/abi.md, "Stack maps", has the maps and the walk.
//
// C frames on a goroutine stack have no prologue check.  The bottom word
// of every stack holds a canary; the scheduler checks it whenever a G
// leaves the CPU and throws if a frame went below the stack.
#include "proc.h"
#include "malloc.h"

uintptr rt_maxstacksize = 1000000000; // gc's limit on 64-bit

static struct {
	Mutex lock;
	mspan spans; // list head: spans of this order with free stacks
} stackpool[STACK_ORDERS];

static Mutex stacklarge_lock;

void stackinit(void)
{
	for (int i = 0; i < STACK_ORDERS; i++)
		spanlist_init(&stackpool[i].spans);
}

// A stack of the given order from the global pool (its lock held).
static uintptr stackpoolalloc(int order)
{
	mspan *head = &stackpool[order].spans;
	mspan *s = head->next;
	if (s == head) {
		s = mheap_allocManual(STACK_CACHE_SIZE >> PAGE_SHIFT);
		s->allocCount = 0;
		s->elemsize = (uintptr)STACK_MIN << order;
		s->manualFreeList = 0;
		for (uintptr x = 0; x < STACK_CACHE_SIZE; x += s->elemsize) {
			*(uintptr *)(s->start + x) = s->manualFreeList;
			s->manualFreeList = s->start + x;
		}
		spanlist_insert(head, s);
	}
	uintptr x = s->manualFreeList;
	if (!x)
		rt_throw("span has no free stacks");
	s->manualFreeList = *(uintptr *)x;
	s->allocCount++;
	if (!s->manualFreeList)
		spanlist_remove(s); // all stacks allocated
	return x;
}

static void stackpoolfree(uintptr x, int order)
{
	mspan *s = spanOf(x);
	if (!s || s->state != MSPAN_MANUAL)
		rt_throw("stackpoolfree: bad span");
	if (!s->manualFreeList)
		spanlist_insert(&stackpool[order].spans, s); // it has a free stack again
	*(uintptr *)x = s->manualFreeList;
	s->manualFreeList = x;
	s->allocCount--;
	if (s->allocCount == 0) {
		// Every stack of the span is free: give it back to the heap.
		// (gc keeps such spans until the end of a GC cycle; without a GC
		// there is no cycle to wait for.)
		spanlist_remove(s);
		s->manualFreeList = 0;
		mheap_free(s);
	}
}

static void stackcacherefill(P *pp, int order)
{
	StackFreeList *c = &pp->stackcache[order];
	lock(&stackpool[order].lock);
	while (c->size < STACK_CACHE_SIZE / 2) {
		uintptr x = stackpoolalloc(order);
		*(uintptr *)x = c->list;
		c->list = x;
		c->size += (uintptr)STACK_MIN << order;
	}
	unlock(&stackpool[order].lock);
}

static void stackcacherelease(P *pp, int order)
{
	StackFreeList *c = &pp->stackcache[order];
	lock(&stackpool[order].lock);
	while (c->size > STACK_CACHE_SIZE / 2) {
		uintptr x = c->list;
		c->list = *(uintptr *)x;
		stackpoolfree(x, order);
		c->size -= (uintptr)STACK_MIN << order;
	}
	unlock(&stackpool[order].lock);
}

// Gives a P's cached stacks back to the pool (when the P goes away).
void stackcache_clear(P *pp)
{
	for (int order = 0; order < STACK_ORDERS; order++) {
		StackFreeList *c = &pp->stackcache[order];
		lock(&stackpool[order].lock);
		while (c->list) {
			uintptr x = c->list;
			c->list = *(uintptr *)x;
			stackpoolfree(x, order);
		}
		c->size = 0;
		unlock(&stackpool[order].lock);
	}
}

static int stackorder(uintptr n)
{
	int order = 0;
	for (uintptr n2 = n; n2 > STACK_MIN; n2 >>= 1)
		order++;
	return order;
}

static P *stackp(void)
{
	G *gp = getg();
	return gp && gp->m ? gp->m->p : 0;
}

Stack stackalloc(uintptr n)
{
	if (n < STACK_MIN || (n & (n - 1)))
		rt_throw("stackalloc: bad size");
	uintptr v;
	if (n < STACK_CACHE_SIZE) {
		int order = stackorder(n);
		P *pp = stackp();
		if (pp) {
			StackFreeList *c = &pp->stackcache[order];
			if (!c->list)
				stackcacherefill(pp, order);
			v = c->list;
			c->list = *(uintptr *)v;
			c->size -= n;
		} else {
			lock(&stackpool[order].lock);
			v = stackpoolalloc(order);
			unlock(&stackpool[order].lock);
		}
	} else {
		lock(&stacklarge_lock);
		mspan *s = mheap_allocManual(n >> PAGE_SHIFT);
		unlock(&stacklarge_lock);
		v = s->start;
	}
	*(uintptr *)v = STACK_CANARY;
	return (Stack){v, v + n};
}

void stackfree(Stack stk)
{
	uintptr n = stk.hi - stk.lo;
	if (n < STACK_CACHE_SIZE) {
		int order = stackorder(n);
		P *pp = stackp();
		if (pp) {
			StackFreeList *c = &pp->stackcache[order];
			if (c->size >= STACK_CACHE_SIZE)
				stackcacherelease(pp, order);
			*(uintptr *)stk.lo = c->list;
			c->list = stk.lo;
			c->size += n;
		} else {
			lock(&stackpool[order].lock);
			stackpoolfree(stk.lo, order);
			unlock(&stackpool[order].lock);
		}
	} else {
		mspan *s = spanOf(stk.lo);
		if (!s || s->state != MSPAN_MANUAL || s->start != stk.lo)
			rt_throw("stackfree: bad large stack");
		mheap_free(s);
	}
}

void rt_stackcheck(G *gp)
{
	if (gp->stack.lo && *(uintptr *)gp->stack.lo != STACK_CANARY) {
		printlock();
		rt_prints("runtime: goroutine ");
		printint(gp->goid);
		rt_prints(" overflowed its stack [");
		printpointer((void *)gp->stack.lo);
		rt_prints(", ");
		printpointer((void *)gp->stack.hi);
		rt_prints(") in code without a stack check\n");
		printunlock();
		rt_throw("stack overflow");
	}
}

// ---- growth --------------------------------------------------------------------

static inline void adjust(uintptr *p, uintptr lo, uintptr hi, uintptr delta)
{
	if (*p >= lo && *p < hi)
		*p += delta;
}

// Moves gp's stack to a new one of newsize bytes (gp is not running: its
// context is in gp->sched).  See the top of the file for the adjustment.
static void copystack(G *gp, uintptr newsize)
{
	Stack old = gp->stack;
	uintptr sp = gp->sched.sp;
	if (sp < old.lo || sp > old.hi)
		rt_throw("copystack: sp outside the stack");
	uintptr used = old.hi - sp;
	Stack nw = stackalloc(newsize);
	uintptr delta = nw.hi - old.hi;
	uintptr nsp = nw.hi - used;
	memmove((void *)nsp, (void *)sp, used);
	static int64_t debug = -2;
	if (debug == -2)
		debug = rt_godebug("stackcopy");
	uintptr cons = rt_adjuststack(gp, sp, old.hi, delta, debug);
	if (debug > 0) {
		printlock();
		rt_prints("stackcopy: goroutine ");
		printint(gp->goid);
		rt_prints(": ");
		printuint(old.hi - old.lo);
		rt_prints(" -> ");
		printuint(newsize);
		rt_prints(" bytes, ");
		printuint(cons);
		rt_prints(" words moved by conservative scan\n");
		printunlock();
	}
	adjust(&gp->sched.sp, sp, old.hi + 1, delta);
	adjust(&gp->sched.bp, sp, old.hi, delta);
	adjust(&gp->sched.ctxt, sp, old.hi, delta);
	for (Sudog *s = gp->waiting; s; s = s->waitlink)
		adjust((uintptr *)&s->elem, sp, old.hi, delta);
	adjust((uintptr *)&gp->panic, sp, old.hi, delta);
	for (Defer *d = gp->defer; d; d = d->link) {
		adjust(&d->sp, sp, old.hi + 1, delta);
		adjust(&d->bp, sp, old.hi, delta);
		adjust((uintptr *)&d->panic, sp, old.hi, delta);
	}
	gp->stack = nw;
	if (gp->stackguard0 != STACK_PREEMPT)
		gp->stackguard0 = nw.lo + STACK_GUARD;
	gp->stackguard1 = nw.lo + STACK_GUARD;
	stackfree(old);
}

// gc's shrinkstack, called by the collector with the world stopped: a
// goroutine that uses less than a quarter of its stack (and the guard)
// moves to one half as large, down to STACK_MIN.  gp is stopped at a
// switch (its context in gp->sched); the copy is the growth's.
void rt_shrinkstack(G *gp)
{
	uintptr oldsize = gp->stack.hi - gp->stack.lo, newsize = oldsize / 2;
	if (newsize < STACK_MIN || !gp->sched.bp)
		return;
	uintptr sp = gp->sched.sp;
	if (sp < gp->stack.lo || sp > gp->stack.hi || gp->stack.hi - sp + STACK_GUARD >= oldsize / 4)
		return;
	copystack(gp, newsize);
}

void rt_morestackg0(void) { rt_throw("morestack on g0"); }

// Called on g0 by runtime.morestack with gp's context saved.  Either a
// preemption request (stackguard0 == STACK_PREEMPT: reschedule gp) or a
// stack that is too small (copy it to one twice as large); then gp
// resumes and its prologue checks again.
void rt_newstack(G *gp) NORETURN;
void rt_newstack(G *gp)
{
	M *mp = getg()->m;
	if (mp->curg != gp)
		rt_throw("runtime: newstack called from unexpected goroutine");
	rt_stackcheck(gp);
	if (__atomic_load_n(&gp->stackguard0, __ATOMIC_ACQUIRE) == STACK_PREEMPT) {
		gp->stackguard0 = gp->stack.lo + STACK_GUARD;
		if (mp->locks || mp->mallocing || mp->dying || mp->p->status != P_RUNNING)
			rt_gogo(&gp->sched); // not now: let it continue
		rt_gopreempt_m(gp);
	}
	uintptr oldsize = gp->stack.hi - gp->stack.lo, newsize = oldsize * 2;
	if (newsize > rt_maxstacksize) {
		printlock();
		rt_prints("runtime: goroutine stack exceeds ");
		printuint(rt_maxstacksize);
		rt_prints("-byte limit\n");
		rt_prints("runtime: sp=");
		printhex(gp->sched.sp);
		rt_prints(" stack=[");
		printhex(gp->stack.lo);
		rt_prints(", ");
		printhex(gp->stack.hi);
		rt_prints("]\n");
		printunlock();
		rt_throw("stack overflow");
	}
	copystack(gp, newsize);
	rt_gogo(&gp->sched);
}
