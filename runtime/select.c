// select.c — the select statement (gc's runtime/select.go).
//
// The compiler lowers
//   select {}                          → block()  (proc.c)
//   select { case op: ... }            → the plain channel operation
//   select { case op: ...; default: }  → selectnbsend / selectnbrecv
//   anything else                      → selectgo over an array of scases
//     (sends first, then receives) and an order array of 2*ncases uint16s
//     on the caller's stack; selectgo returns the index of the chosen case
//     (-1 for default) and, for a receive, whether a value came.
//
// selectgo (gc's algorithm):
//   1. a random permutation of the cases with a channel (pollorder):
//      among several ready cases each is chosen with equal probability;
//   2. the channels sorted by address (lockorder, heap sort), locked in
//      that order so that two selects cannot deadlock each other;
//   3. pass 1: the first ready case in poll order wins;
//   4. if none and not blocking: default (-1);
//   5. pass 2: a sudog on every channel's queue, then park; whoever
//      completes one of them first wins the G's selectDone flag (the
//      others skip the stale sudogs, waitq_dequeue);
//   6. pass 3: relock, take the sudogs off the other channels, report.
#include "chan.h"

static void sellock(Scase *scases, uint16_t *lockorder, intgo n)
{
	Hchan *c = 0;
	for (intgo i = 0; i < n; i++) {
		Hchan *c0 = scases[lockorder[i]].c;
		if (c0 != c) {
			c = c0;
			lock(&c->lock);
		}
	}
}

static void selunlock(Scase *scases, uint16_t *lockorder, intgo n)
{
	// After the last unlock the select's data (on the stack of a G that
	// another M may already run) must not be touched: hence the backward
	// walk, which reads each entry before unlocking.
	for (intgo i = n - 1; i >= 0; i--) {
		Hchan *c = scases[lockorder[i]].c;
		if (i > 0 && c == scases[lockorder[i - 1]].c)
			continue;
		unlock(&c->lock);
	}
}

typedef struct SelUnlock {
	Scase *scases;
	uint16_t *lockorder;
	intgo n;
} SelUnlock;

static void selunlock_f(void *arg)
{
	SelUnlock *u = arg;
	selunlock(u->scases, u->lockorder, u->n);
}

static bool selparkcommit(G *gp, void *unused)
{
	gp->activeStackChans = true;
	__atomic_store_n(&gp->parkingOnChan, 0, __ATOMIC_RELEASE);
	// Unlock every channel of the select, in lock order, through the
	// G's sudog list (which is in lock order).  The last unlock may let
	// the G run elsewhere, so the list is read before each unlock.
	Hchan *last = 0;
	for (Sudog *sg = gp->waiting; sg; sg = sg->waitlink) {
		if (sg->c != last && last)
			unlock(&last->lock);
		last = sg->c;
	}
	if (last)
		unlock(&last->lock);
	return true;
}

SelectResult selectgo(Scase *scases, uint16_t *order0, uintptr *pc0, intgo nsends, intgo nrecvs, bool block)
{
	intgo ncases = nsends + nrecvs;
	uint16_t *pollorder = order0;
	uint16_t *lockorder = order0 + ncases;

	// 1. Poll order: a random permutation of the cases with a channel
	// (cases on nil channels never proceed and are left out).
	intgo norder = 0;
	for (intgo i = 0; i < ncases; i++) {
		Scase *cas = &scases[i];
		if (!cas->c) {
			cas->elem = 0;
			continue;
		}
		uint32_t j = rt_fastrandn((uint32_t)(norder + 1));
		pollorder[norder] = pollorder[j];
		pollorder[j] = (uint16_t)i;
		norder++;
	}

	// 2. Lock order: heap sort of the cases by channel address.
	for (intgo i = 0; i < norder; i++) {
		intgo j = i;
		Hchan *c = scases[pollorder[i]].c;
		while (j > 0 && (uintptr)scases[lockorder[(j - 1) / 2]].c < (uintptr)c) {
			intgo k = (j - 1) / 2;
			lockorder[j] = lockorder[k];
			j = k;
		}
		lockorder[j] = pollorder[i];
	}
	for (intgo i = norder - 1; i >= 0; i--) {
		uint16_t o = lockorder[i];
		Hchan *c = scases[o].c;
		lockorder[i] = lockorder[0];
		intgo j = 0;
		for (;;) {
			intgo k = j * 2 + 1;
			if (k >= i)
				break;
			if (k + 1 < i && (uintptr)scases[lockorder[k]].c < (uintptr)scases[lockorder[k + 1]].c)
				k++;
			if ((uintptr)c < (uintptr)scases[lockorder[k]].c) {
				lockorder[j] = lockorder[k];
				j = k;
				continue;
			}
			break;
		}
		lockorder[j] = o;
	}

	sellock(scases, lockorder, norder);
	SelUnlock su = {scases, lockorder, norder};

	intgo casi = -1;
	Scase *cas = 0;
	Hchan *c = 0;
	Sudog *sg;
	bool recvOK = false;

	// 3. Pass 1: a case that can proceed now.
	for (intgo o = 0; o < norder; o++) {
		casi = pollorder[o];
		cas = &scases[casi];
		c = cas->c;
		if (casi >= nsends) {
			if ((sg = waitq_dequeue(&c->sendq)))
				goto recv;
			if (c->qcount > 0)
				goto bufrecv;
			if (c->closed)
				goto rclose;
		} else {
			if (c->closed)
				goto sclose;
			if ((sg = waitq_dequeue(&c->recvq)))
				goto send;
			if (c->qcount < c->dataqsiz)
				goto bufsend;
		}
	}

	// 4. Nothing ready.
	if (!block) {
		selunlock(scases, lockorder, norder);
		return (SelectResult){-1, false};
	}

	// 5. Pass 2: enqueue on every channel, in lock order, and park.
	{
		G *gp = getg();
		if (gp->waiting)
			rt_throw("gp.waiting != nil");
		Sudog **nextp = &gp->waiting;
		for (intgo o = 0; o < norder; o++) {
			casi = lockorder[o];
			cas = &scases[casi];
			c = cas->c;
			Sudog *s = acquireSudog();
			s->g = gp;
			s->isSelect = true;
			s->elem = cas->elem;
			s->releasetime = 0;
			s->c = c;
			*nextp = s;
			nextp = &s->waitlink;
			if (casi < nsends)
				waitq_enqueue(&c->sendq, s);
			else
				waitq_enqueue(&c->recvq, s);
		}
		gp->param = 0;
		__atomic_store_n(&gp->parkingOnChan, 1, __ATOMIC_RELEASE);
		gopark(selparkcommit, 0, WAIT_SELECT, 0, 1);
		gp->activeStackChans = false;

		// 6. Pass 3: woken by the case whose sudog is in gp->param.
		sellock(scases, lockorder, norder);
		__atomic_store_n(&gp->selectDone, 0, __ATOMIC_RELEASE);
		sg = gp->param;
		gp->param = 0;
		casi = -1;
		cas = 0;
		bool caseSuccess = false;
		Sudog *sglist = gp->waiting;
		// Clear the sudogs before dequeuing (a stack copy must not see them).
		for (Sudog *s1 = gp->waiting; s1; s1 = s1->waitlink) {
			s1->isSelect = false;
			s1->elem = 0;
			s1->c = 0;
		}
		gp->waiting = 0;
		for (intgo o = 0; o < norder; o++) {
			intgo k = lockorder[o];
			if (sg == sglist) {
				casi = k;
				cas = &scases[k];
				caseSuccess = sglist->success;
			} else {
				Hchan *ck = scases[k].c;
				if (k < nsends)
					waitq_remove(&ck->sendq, sglist);
				else
					waitq_remove(&ck->recvq, sglist);
			}
			Sudog *sgnext = sglist->waitlink;
			sglist->waitlink = 0;
			releaseSudog(sglist);
			sglist = sgnext;
		}
		if (!cas)
			rt_throw("selectgo: bad wakeup");
		c = cas->c;
		if (casi < nsends) {
			if (!caseSuccess)
				goto sclose;
		} else {
			recvOK = caseSuccess;
		}
		selunlock(scases, lockorder, norder);
		return (SelectResult){casi, recvOK};
	}

bufrecv:
	if (cas->elem)
		memmove(cas->elem, chanbuf(c, c->recvx), c->elemsize);
	memclrNoHeapPointers(chanbuf(c, c->recvx), c->elemsize);
	if (++c->recvx == c->dataqsiz)
		c->recvx = 0;
	c->qcount--;
	selunlock(scases, lockorder, norder);
	return (SelectResult){casi, true};

bufsend:
	memmove(chanbuf(c, c->sendx), cas->elem, c->elemsize);
	if (++c->sendx == c->dataqsiz)
		c->sendx = 0;
	c->qcount++;
	selunlock(scases, lockorder, norder);
	return (SelectResult){casi, false};

recv:
	chan_recvdirect(c, sg, cas->elem, selunlock_f, &su);
	return (SelectResult){casi, true};

rclose:
	selunlock(scases, lockorder, norder);
	if (cas->elem)
		memclrNoHeapPointers(cas->elem, c->elemsize);
	return (SelectResult){casi, false};

send:
	chan_senddirect(c, sg, cas->elem, selunlock_f, &su);
	return (SelectResult){casi, false};

sclose:
	selunlock(scases, lockorder, norder);
	rt_panic_plain("send on closed channel");
}
