// chan.c — channels with gc's semantics (runtime/chan.go).
//
// Invariants (gc's): at least one of c.sendq and c.recvq is empty, except
// for an unbuffered channel with a single G blocked in a select on both
// its send and its receive.  For buffered channels: qcount > 0 implies an
// empty recvq; qcount < dataqsiz implies an empty sendq.
//
// A blocked operation queues a sudog (pointing at the value on the
// blocked G's stack) and parks.  The other side completes the exchange
// itself — copies the value directly from or to the sleeper's stack —
// sets sudog.success (true: a value, false: woken by close) and readies
// the sleeper, which finds everything done when it wakes.
//
// Entry points keep gc's names and the C calling convention: the compiler
// lowers `c <- v` to chansend1(c, &v), `<-c` to chanrecv1(c, &v) or
// chanrecv1(c, nil), `v, ok := <-c` and `for v := range c` to
// chanrecv2(c, &v), close(c) to closechan(c), select with one case and a
// default to selectnbsend/selectnbrecv (select.c has selectgo).
#include "chan.h"
#include "malloc.h"

// A panic whose value is a runtime.Error with this message but without
// the "runtime error: " prefix (gc's plainError).
void rt_panic_plain(const char *msg)
{
	rt_panic_runtime_error(rt_gostringnocopy((const byte *)msg));
}

// Typed copies: with the write barrier while the collector marks.
static inline void typedmemmove_(_type *t, void *dst, const void *src)
{
	if (t->ptrdata && wb_enabled())
		typedmemmove(t, dst, src);
	else if (t->size == 8) // the common case, without memmove's rep movs start-up
		*(uint64_t *)dst = *(const uint64_t *)src;
	else if (dst != src && t->size)
		memmove(dst, src, t->size);
}

static inline void typedmemclr_(_type *t, void *p)
{
	if (t->size)
		typedmemclr(t, p);
}

// hchan's own type for the GC: buf (word 2) is its one pointer that is
// not reachable some other way (elemtype is static, sudogs belong to Gs).
static const byte hchan_gcdata[] = {1 << 2};
static _type hchan_type = {
	.size = sizeof(Hchan), .ptrdata = 3 * PTRSIZE, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .gcdata = hchan_gcdata,
};

enum { MAX_ALLOC = (uintptr)1 << 47 };

Hchan *makechan(chantype *t, intgo size)
{
	_type *elem = t->elem;
	if (elem->size >= 1 << 16)
		rt_throw("makechan: invalid channel element type");
	if (elem->align > 8)
		rt_throw("makechan: bad alignment");
	uintptr mem = elem->size * (uintptr)size;
	bool overflow = size < 0 || (elem->size && (uintptr)size > ~(uintptr)0 / elem->size);
	if (overflow || mem > MAX_ALLOC - sizeof(Hchan))
		rt_panic_plain("makechan: size out of range");
	Hchan *c;
	if (mem == 0) {
		c = mallocgc(sizeof(Hchan), 0, true);
		c->buf = (byte *)c; // something non-nil, never read
	} else if (elem->ptrdata == 0) {
		// Elements without pointers: hchan and buffer in one object.
		c = mallocgc(sizeof(Hchan) + mem, 0, true);
		c->buf = (byte *)c + sizeof(Hchan);
	} else {
		c = mallocgc(sizeof(Hchan), &hchan_type, true);
		c->buf = mallocgc(mem, elem, true);
	}
	c->elemsize = (uint16_t)elem->size;
	c->elemtype = elem;
	c->dataqsiz = (uintptr)size;
	return c;
}

Hchan *makechan64(chantype *t, int64_t size) { return makechan(t, (intgo)size); }

// ---- wait queues --------------------------------------------------------------

void waitq_enqueue(WaitQ *q, Sudog *sg)
{
	sg->next = 0;
	Sudog *x = q->last;
	if (!x) {
		sg->prev = 0;
		q->first = q->last = sg;
		return;
	}
	sg->prev = x;
	x->next = sg;
	q->last = sg;
}

// The first sudog whose G can still take it: a G in a select that has
// already been woken through another case is skipped (its selectDone
// was won by someone else).
Sudog *waitq_dequeue(WaitQ *q)
{
	for (;;) {
		Sudog *sg = q->first;
		if (!sg)
			return 0;
		Sudog *y = sg->next;
		if (!y) {
			q->first = q->last = 0;
		} else {
			y->prev = 0;
			q->first = y;
			sg->next = 0;
		}
		if (sg->isSelect) {
			uint32_t zero = 0;
			if (!__atomic_compare_exchange_n(&sg->g->selectDone, &zero, 1, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
				continue;
		}
		return sg;
	}
}

// Takes sg out of q wherever it is (select's losing cases).
void waitq_remove(WaitQ *q, Sudog *sg)
{
	Sudog *x = sg->prev, *y = sg->next;
	if (x) {
		if (y) {
			x->next = y;
			y->prev = x;
			sg->next = sg->prev = 0;
			return;
		}
		x->next = 0;
		q->last = x;
		sg->prev = 0;
		return;
	}
	if (y) {
		y->prev = 0;
		q->first = y;
		sg->next = 0;
		return;
	}
	if (q->first == sg) {
		q->first = q->last = 0;
	}
}

// ---- send ---------------------------------------------------------------------------

static bool chanparkcommit(G *gp, void *l)
{
	// sudogs point into gp's stack: a stack copy (shrinking, later) must
	// take the channel locks first.
	gp->activeStackChans = true;
	__atomic_store_n(&gp->parkingOnChan, 0, __ATOMIC_RELEASE);
	unlock((Mutex *)l);
	return true;
}

static void unlock_chan(void *c) { unlock(&((Hchan *)c)->lock); }

// Completes a send to the receiver sg found waiting on c (c locked, and
// unlocked by unlockf(arg)): the value goes straight to the receiver.
void chan_senddirect(Hchan *c, Sudog *sg, void *src, void (*unlockf)(void *), void *arg)
{
	if (sg->elem) {
		typedmemmove_(c->elemtype, sg->elem, src);
		sg->elem = 0;
	}
	G *gp = sg->g;
	unlockf(arg);
	gp->param = sg;
	sg->success = true;
	goready(gp, 4);
}

// Is a send certain to block (without looking at closed)?
static inline bool chan_full(Hchan *c)
{
	if (c->dataqsiz == 0)
		return __atomic_load_n(&c->recvq.first, __ATOMIC_ACQUIRE) == 0;
	return __atomic_load_n(&c->qcount, __ATOMIC_ACQUIRE) == c->dataqsiz;
}

bool chan_send(Hchan *c, void *ep, bool block)
{
	if (!c) {
		if (!block)
			return false;
		gopark(0, 0, WAIT_CHAN_SEND_NIL_CHAN, 0, 2);
		rt_throw("unreachable");
	}
	// Fast path for a failed non-blocking send, without the lock (gc's
	// reasoning: a closed channel cannot become open again, and a full
	// one observed at one instant makes failing correct).
	if (!block && !__atomic_load_n(&c->closed, __ATOMIC_ACQUIRE) && chan_full(c))
		return false;

	lock(&c->lock);
	if (c->closed) {
		unlock(&c->lock);
		rt_panic_plain("send on closed channel");
	}
	Sudog *sg = waitq_dequeue(&c->recvq);
	if (sg) {
		chan_senddirect(c, sg, ep, unlock_chan, c);
		return true;
	}
	if (c->qcount < c->dataqsiz) {
		typedmemmove_(c->elemtype, chanbuf(c, c->sendx), ep);
		if (++c->sendx == c->dataqsiz)
			c->sendx = 0;
		c->qcount++;
		unlock(&c->lock);
		return true;
	}
	if (!block) {
		unlock(&c->lock);
		return false;
	}
	// Block: queue a sudog pointing at the value and park.
	G *gp = getg();
	Sudog *mysg = acquireSudog();
	mysg->releasetime = 0;
	mysg->elem = ep;
	mysg->waitlink = 0;
	mysg->g = gp;
	mysg->isSelect = false;
	mysg->c = c;
	gp->waiting = mysg;
	gp->param = 0;
	waitq_enqueue(&c->sendq, mysg);
	__atomic_store_n(&gp->parkingOnChan, 1, __ATOMIC_RELEASE);
	gopark(chanparkcommit, &c->lock, WAIT_CHAN_SEND, 0, 2);

	// Woken by a receiver (success) or by close.
	if (mysg != gp->waiting)
		rt_throw("G waiting list is corrupted");
	gp->waiting = 0;
	gp->activeStackChans = false;
	bool closed = !mysg->success;
	gp->param = 0;
	mysg->c = 0;
	releaseSudog(mysg);
	if (closed) {
		if (!c->closed)
			rt_throw("chansend: spurious wakeup");
		rt_panic_plain("send on closed channel");
	}
	return true;
}

void chansend1(Hchan *c, void *elem) { chan_send(c, elem, true); }

bool selectnbsend(Hchan *c, void *elem) { return chan_send(c, elem, false); }

// ---- receive ------------------------------------------------------------------------

// Completes a receive from the sender sg found waiting on c (c locked,
// unlocked by unlockf(arg)).  Unbuffered: the value comes straight from
// the sender.  Buffered (and so full): the receiver takes the head of the
// queue and the sender's value goes to its tail.
void chan_recvdirect(Hchan *c, Sudog *sg, void *dst, void (*unlockf)(void *), void *arg)
{
	if (c->dataqsiz == 0) {
		if (dst)
			typedmemmove_(c->elemtype, dst, sg->elem);
	} else {
		byte *qp = chanbuf(c, c->recvx);
		if (dst)
			typedmemmove_(c->elemtype, dst, qp);
		typedmemmove_(c->elemtype, qp, sg->elem);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		c->sendx = c->recvx; // the queue is still full
	}
	sg->elem = 0;
	G *gp = sg->g;
	unlockf(arg);
	gp->param = sg;
	sg->success = true;
	goready(gp, 4);
}

static inline bool chan_empty(Hchan *c)
{
	if (c->dataqsiz == 0)
		return __atomic_load_n(&c->sendq.first, __ATOMIC_ACQUIRE) == 0;
	return __atomic_load_n(&c->qcount, __ATOMIC_ACQUIRE) == 0;
}

// Receives from c into ep (nil: discard).  selected says whether the
// operation happened (only a non-blocking one can fail); received whether
// a value came (false: the channel is closed and ep was zeroed).
SelRecv chan_recv(Hchan *c, void *ep, bool block)
{
	if (!c) {
		if (!block)
			return (SelRecv){false, false};
		gopark(0, 0, WAIT_CHAN_RECEIVE_NIL_CHAN, 0, 2);
		rt_throw("unreachable");
	}
	// Fast path for a failed non-blocking receive (gc's ordering: empty,
	// then closed, then empty again).
	if (!block && chan_empty(c)) {
		if (!__atomic_load_n(&c->closed, __ATOMIC_ACQUIRE))
			return (SelRecv){false, false};
		if (chan_empty(c)) {
			if (ep)
				typedmemclr_(c->elemtype, ep);
			return (SelRecv){true, false};
		}
	}

	lock(&c->lock);
	if (c->closed) {
		if (c->qcount == 0) {
			unlock(&c->lock);
			if (ep)
				typedmemclr_(c->elemtype, ep);
			return (SelRecv){true, false};
		}
		// Closed but values remain: they are received first.
	} else {
		Sudog *sg = waitq_dequeue(&c->sendq);
		if (sg) {
			chan_recvdirect(c, sg, ep, unlock_chan, c);
			return (SelRecv){true, true};
		}
	}
	if (c->qcount > 0) {
		byte *qp = chanbuf(c, c->recvx);
		if (ep)
			typedmemmove_(c->elemtype, ep, qp);
		typedmemclr_(c->elemtype, qp);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		c->qcount--;
		unlock(&c->lock);
		return (SelRecv){true, true};
	}
	if (!block) {
		unlock(&c->lock);
		return (SelRecv){false, false};
	}
	G *gp = getg();
	Sudog *mysg = acquireSudog();
	mysg->releasetime = 0;
	mysg->elem = ep;
	mysg->waitlink = 0;
	gp->waiting = mysg;
	mysg->g = gp;
	mysg->isSelect = false;
	mysg->c = c;
	gp->param = 0;
	waitq_enqueue(&c->recvq, mysg);
	__atomic_store_n(&gp->parkingOnChan, 1, __ATOMIC_RELEASE);
	gopark(chanparkcommit, &c->lock, WAIT_CHAN_RECEIVE, 0, 2);

	if (mysg != gp->waiting)
		rt_throw("G waiting list is corrupted");
	gp->waiting = 0;
	gp->activeStackChans = false;
	bool success = mysg->success;
	gp->param = 0;
	mysg->c = 0;
	releaseSudog(mysg);
	return (SelRecv){true, success};
}

void chanrecv1(Hchan *c, void *elem) { chan_recv(c, elem, true); }

bool chanrecv2(Hchan *c, void *elem) { return chan_recv(c, elem, true).received; }

SelRecv selectnbrecv(void *elem, Hchan *c) { return chan_recv(c, elem, false); }

// ---- close --------------------------------------------------------------------------

void closechan(Hchan *c)
{
	if (!c)
		rt_panic_plain("close of nil channel");
	lock(&c->lock);
	if (c->closed) {
		unlock(&c->lock);
		rt_panic_plain("close of closed channel");
	}
	__atomic_store_n(&c->closed, 1, __ATOMIC_RELEASE);
	// Every blocked receiver gets a zero value and ok == false; every
	// blocked sender panics when it wakes.  They are readied after the
	// lock is released.
	G *glist = 0;
	Sudog *sg;
	while ((sg = waitq_dequeue(&c->recvq))) {
		if (sg->elem) {
			typedmemclr_(c->elemtype, sg->elem);
			sg->elem = 0;
		}
		G *gp = sg->g;
		gp->param = sg;
		sg->success = false;
		gp->schedlink = glist;
		glist = gp;
	}
	while ((sg = waitq_dequeue(&c->sendq))) {
		sg->elem = 0;
		G *gp = sg->g;
		gp->param = sg;
		sg->success = false;
		gp->schedlink = glist;
		glist = gp;
	}
	unlock(&c->lock);
	while (glist) {
		G *gp = glist;
		glist = gp->schedlink;
		gp->schedlink = 0;
		goready(gp, 3);
	}
}

// ---- reflect and len/cap ------------------------------------------------------------

intgo chanlen(Hchan *c) { return c ? (intgo)c->qcount : 0; }
intgo chancap(Hchan *c) { return c ? (intgo)c->dataqsiz : 0; }
