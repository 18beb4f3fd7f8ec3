// chan.h — channels (chan.c) and select (select.c): gc's hchan, in gc's
// layout.  The layout matters outside the runtime: compiled code reads
// len(c) from offset 0 and cap(c) from offset 8, as gc's does.
#ifndef GOC_CHAN_H
#define GOC_CHAN_H

#include "proc.h"
#include "type.h"

typedef struct WaitQ {
	Sudog *first, *last;
} WaitQ;

typedef struct Hchan {
	uintptr qcount;     // offset 0: values in the buffer (len)
	uintptr dataqsiz;   // offset 8: size of the circular buffer (cap)
	byte *buf;          // dataqsiz elements
	uint16_t elemsize;
	uint32_t closed;
	_type *elemtype;
	uintptr sendx;      // send index in buf
	uintptr recvx;      // receive index in buf
	WaitQ recvq;        // blocked receivers
	WaitQ sendq;        // blocked senders
	// lock protects every field above, and the fields of the sudogs
	// queued here.  Do not change another G's status (goready) while
	// holding it: that can deadlock with stack shrinking.
	Mutex lock;
} Hchan;

_Static_assert(offsetof(Hchan, qcount) == 0 && offsetof(Hchan, dataqsiz) == 8, "len/cap offsets");
_Static_assert(sizeof(Hchan) == 96, "gc's hchanSize");

// One case of a select, as the compiler lays them out (gc's scase):
// sends first, then receives.
typedef struct Scase {
	Hchan *c;
	void *elem;  // data element
} Scase;

// Results of chanrecv and selectnbrecv: two bools, returned in AL and AH
// (System V's packing of a two-byte struct; docs/abi.md).
typedef struct SelRecv {
	bool selected, received;
} SelRecv;

Hchan *makechan(chantype *t, intgo size) RTSYM(makechan);
Hchan *makechan64(chantype *t, int64_t size) RTSYM(makechan64);
void chansend1(Hchan *c, void *elem) RTSYM(chansend1);
void chanrecv1(Hchan *c, void *elem) RTSYM(chanrecv1);
bool chanrecv2(Hchan *c, void *elem) RTSYM(chanrecv2);
void closechan(Hchan *c) RTSYM(closechan);
bool selectnbsend(Hchan *c, void *elem) RTSYM(selectnbsend);
SelRecv selectnbrecv(void *elem, Hchan *c) RTSYM(selectnbrecv);
intgo chanlen(Hchan *c) RTSYM(chanlen);
intgo chancap(Hchan *c) RTSYM(chancap);

typedef struct SelectResult {
	intgo casei;   // the chosen case (-1: default)
	bool recvOK;   // for a receive: a value, not a close
} SelectResult;
SelectResult selectgo(Scase *cas0, uint16_t *order0, uintptr *pc0, intgo nsends, intgo nrecvs, bool block) RTSYM(selectgo);

// Internals shared by chan.c and select.c.
bool chan_send(Hchan *c, void *ep, bool block);
SelRecv chan_recv(Hchan *c, void *ep, bool block);
void chan_senddirect(Hchan *c, Sudog *sg, void *src, void (*unlockf)(void *), void *arg);
void chan_recvdirect(Hchan *c, Sudog *sg, void *dst, void (*unlockf)(void *), void *arg);
void waitq_enqueue(WaitQ *q, Sudog *sg);
Sudog *waitq_dequeue(WaitQ *q);
void waitq_remove(WaitQ *q, Sudog *sg);
static inline byte *chanbuf(Hchan *c, uintptr i) { return c->buf + i * c->elemsize; }
void rt_panic_plain(const char *msg) NORETURN;

#endif
