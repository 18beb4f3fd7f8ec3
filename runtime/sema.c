// sema.c — semaphores for package sync and internal/poll, and sync.Cond's
// notify lists (gc's runtime/sema.go).
//
// A semaphore is a uint32 in the user's memory.  semacquire decrements
// it when positive and otherwise sleeps; semrelease increments it and
// wakes one sleeper.  Sleepers are kept in a table of 251 roots hashed by
// address; in a root, the first sudog of each address is on a list
// (gc uses a treap ordered by address; a list is enough until many
// distinct addresses collide in one root), and the others wait behind it
// on its waitlink chain, in FIFO order (LIFO when asked: sync.Mutex
// puts a waiter that has already waited at the front).
//
// The entry points keep the names gc's runtime gives them with
// go:linkname (sync.runtime_Semacquire, ...), so the upstream sync
// package links unchanged; as every Go→C call they use the C calling
// convention (docs/abi.md).
#include "proc.h"

typedef struct SemaRoot {
	Mutex lock;
	Sudog *heads;      // one sudog per distinct address, linked by next/prev
	uint32_t nwait;    // waiters (read without the lock)
} SemaRoot;

enum { SEMTABSIZE = 251 };
static struct {
	SemaRoot root;
	byte pad[64 - sizeof(SemaRoot)];
} semtable[SEMTABSIZE];

static SemaRoot *semroot(uint32_t *addr) { return &semtable[((uintptr)addr >> 3) % SEMTABSIZE].root; }

static bool cansemacquire(uint32_t *addr)
{
	for (;;) {
		uint32_t v = __atomic_load_n(addr, __ATOMIC_ACQUIRE);
		if (v == 0)
			return false;
		if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
			return true;
	}
}

// Adds s (a waiter for addr) to the root; the lock is held.
static void root_queue(SemaRoot *r, uint32_t *addr, Sudog *s, bool lifo)
{
	s->g = getg();
	s->elem = addr;
	s->next = s->prev = 0;
	s->waitlink = 0;
	s->waittail = 0;
	for (Sudog *t = r->heads; t; t = t->next) {
		if (t->elem != addr)
			continue;
		if (lifo) {
			// s replaces t at the head of addr's chain.
			s->next = t->next;
			s->prev = t->prev;
			if (s->next)
				s->next->prev = s;
			if (s->prev)
				s->prev->next = s;
			else
				r->heads = s;
			s->waitlink = t;
			s->waittail = t->waittail ? t->waittail : t;
			t->next = t->prev = 0;
			t->waittail = 0;
		} else {
			if (t->waittail)
				t->waittail->waitlink = s;
			else
				t->waitlink = s;
			t->waittail = s;
		}
		return;
	}
	s->next = r->heads;
	if (r->heads)
		r->heads->prev = s;
	r->heads = s;
}

// The first waiter for addr, taken off the root (lock held), or nil.
static Sudog *root_dequeue(SemaRoot *r, uint32_t *addr)
{
	Sudog *s = r->heads;
	while (s && s->elem != addr)
		s = s->next;
	if (!s)
		return 0;
	Sudog *t = s->waitlink;
	if (t) {
		// The next waiter becomes the head of addr's chain.
		t->next = s->next;
		t->prev = s->prev;
		if (t->next)
			t->next->prev = t;
		if (t->prev)
			t->prev->next = t;
		else
			r->heads = t;
		t->waittail = s->waittail == t ? 0 : s->waittail;
		s->waitlink = 0;
		s->waittail = 0;
	} else {
		if (s->next)
			s->next->prev = s->prev;
		if (s->prev)
			s->prev->next = s->next;
		else
			r->heads = s->next;
	}
	s->next = s->prev = 0;
	s->elem = 0;
	return s;
}

static void semacquire1(uint32_t *addr, bool lifo, uint8_t reason)
{
	G *gp = getg();
	if (gp != gp->m->curg)
		rt_throw("semacquire not on the G stack");
	if (cansemacquire(addr))
		return;
	Sudog *s = acquireSudog();
	SemaRoot *r = semroot(addr);
	s->ticket = 0;
	for (;;) {
		lock(&r->lock);
		// Count as a waiter first, so that semrelease looks at the queue.
		__atomic_add_fetch(&r->nwait, 1, __ATOMIC_ACQ_REL);
		if (cansemacquire(addr)) {
			__atomic_sub_fetch(&r->nwait, 1, __ATOMIC_ACQ_REL);
			unlock(&r->lock);
			break;
		}
		root_queue(r, addr, s, lifo);
		goparkunlock(&r->lock, reason, 0, 4);
		if (s->ticket != 0 || cansemacquire(addr))
			break;
	}
	s->ticket = 0;
	releaseSudog(s);
}

static void semrelease1(uint32_t *addr, bool handoff)
{
	SemaRoot *r = semroot(addr);
	__atomic_add_fetch(addr, 1, __ATOMIC_ACQ_REL);
	if (__atomic_load_n(&r->nwait, __ATOMIC_ACQUIRE) == 0)
		return;
	lock(&r->lock);
	if (__atomic_load_n(&r->nwait, __ATOMIC_ACQUIRE) == 0) {
		unlock(&r->lock);
		return;
	}
	Sudog *s = root_dequeue(r, addr);
	if (s)
		__atomic_sub_fetch(&r->nwait, 1, __ATOMIC_ACQ_REL);
	unlock(&r->lock);
	if (s) {
		if (s->ticket != 0)
			rt_throw("corrupted semaphore ticket");
		// Direct handoff: the woken G owns the semaphore already.
		if (handoff && cansemacquire(addr))
			s->ticket = 1;
		goready(s->g, 5);
		if (s->ticket == 1 && getg()->m->locks == 0)
			Gosched(); // let the waiter run now (gc's goyield)
	}
}

void sync_runtime_Semacquire(uint32_t *addr) __asm__("sync.runtime_Semacquire");
void sync_runtime_Semacquire(uint32_t *addr) { semacquire1(addr, false, WAIT_SEMACQUIRE); }

void sync_runtime_SemacquireMutex(uint32_t *addr, bool lifo, intgo skipframes) __asm__("sync.runtime_SemacquireMutex");
void sync_runtime_SemacquireMutex(uint32_t *addr, bool lifo, intgo skipframes) { semacquire1(addr, lifo, WAIT_SEMACQUIRE); }

void sync_runtime_Semrelease(uint32_t *addr, bool handoff, intgo skipframes) __asm__("sync.runtime_Semrelease");
void sync_runtime_Semrelease(uint32_t *addr, bool handoff, intgo skipframes) { semrelease1(addr, handoff); }

void poll_runtime_Semacquire(uint32_t *addr) __asm__("\"internal/poll.runtime_Semacquire\"");
void poll_runtime_Semacquire(uint32_t *addr) { semacquire1(addr, false, WAIT_SEMACQUIRE); }

void poll_runtime_Semrelease(uint32_t *addr) __asm__("\"internal/poll.runtime_Semrelease\"");
void poll_runtime_Semrelease(uint32_t *addr) { semrelease1(addr, false); }

// For the runtime's own C code and tests.
void rt_semacquire(uint32_t *addr) { semacquire1(addr, false, WAIT_SEMACQUIRE); }
void rt_semrelease(uint32_t *addr) { semrelease1(addr, false); }

// sync.Mutex spins only when other Ps are running (never with one M).
bool sync_runtime_canSpin(intgo i) __asm__("sync.runtime_canSpin");
bool sync_runtime_canSpin(intgo i) { return false; }

void sync_runtime_doSpin(void) __asm__("sync.runtime_doSpin");
void sync_runtime_doSpin(void)
{
	for (int i = 0; i < 30; i++)
		__builtin_ia32_pause();
}

int64_t sync_runtime_nanotime(void) __asm__("sync.runtime_nanotime");
int64_t sync_runtime_nanotime(void) { return rt_nanotime(); }

// ---- notify lists (sync.Cond) -------------------------------------------------------
// The layout is sync's notifyList (sync/runtime.go): wait, notify, a
// lock word, head, tail.  wait is the ticket of the next waiter, notify
// the ticket of the next one to wake.

typedef struct NotifyList {
	uint32_t wait;
	uint32_t notify;
	Mutex lock;         // in a uintptr-sized slot
	uint32_t pad;
	Sudog *head, *tail;
} NotifyList;
_Static_assert(sizeof(NotifyList) == 32, "sync.notifyList layout");

static inline bool ticket_less(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

uint32_t notifyListAdd(NotifyList *l) __asm__("sync.runtime_notifyListAdd");
uint32_t notifyListAdd(NotifyList *l) { return __atomic_add_fetch(&l->wait, 1, __ATOMIC_ACQ_REL) - 1; }

void notifyListWait(NotifyList *l, uint32_t t) __asm__("sync.runtime_notifyListWait");
void notifyListWait(NotifyList *l, uint32_t t)
{
	lock(&l->lock);
	if (ticket_less(t, l->notify)) { // already notified
		unlock(&l->lock);
		return;
	}
	Sudog *s = acquireSudog();
	s->g = getg();
	s->ticket = t;
	s->next = 0;
	if (l->tail)
		l->tail->next = s;
	else
		l->head = s;
	l->tail = s;
	goparkunlock(&l->lock, WAIT_SYNC_COND_WAIT, 0, 3);
	s->next = 0;
	releaseSudog(s);
}

void notifyListNotifyAll(NotifyList *l) __asm__("sync.runtime_notifyListNotifyAll");
void notifyListNotifyAll(NotifyList *l)
{
	if (__atomic_load_n(&l->wait, __ATOMIC_ACQUIRE) == __atomic_load_n(&l->notify, __ATOMIC_ACQUIRE))
		return;
	lock(&l->lock);
	Sudog *s = l->head;
	l->head = l->tail = 0;
	__atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
	unlock(&l->lock);
	while (s) {
		Sudog *next = s->next;
		s->next = 0;
		goready(s->g, 4);
		s = next;
	}
}

void notifyListNotifyOne(NotifyList *l) __asm__("sync.runtime_notifyListNotifyOne");
void notifyListNotifyOne(NotifyList *l)
{
	if (__atomic_load_n(&l->wait, __ATOMIC_ACQUIRE) == __atomic_load_n(&l->notify, __ATOMIC_ACQUIRE))
		return;
	lock(&l->lock);
	uint32_t t = l->notify;
	if (t == __atomic_load_n(&l->wait, __ATOMIC_ACQUIRE)) {
		unlock(&l->lock);
		return;
	}
	__atomic_store_n(&l->notify, t + 1, __ATOMIC_RELEASE);
	for (Sudog *p = 0, *s = l->head; s; p = s, s = s->next) {
		if (s->ticket == t) {
			Sudog *n = s->next;
			if (p)
				p->next = n;
			else
				l->head = n;
			if (l->tail == s)
				l->tail = p;
			unlock(&l->lock);
			s->next = 0;
			goready(s->g, 4);
			return;
		}
	}
	unlock(&l->lock);
}

void notifyListCheck(uintptr sz) __asm__("sync.runtime_notifyListCheck");
void notifyListCheck(uintptr sz)
{
	if (sz != sizeof(NotifyList)) {
		printlock();
		rt_prints("runtime: bad notifyList size - sync=");
		printuint(sz);
		rt_prints(" runtime=");
		printuint(sizeof(NotifyList));
		rt_prints("\n");
		printunlock();
		rt_throw("bad notifyList size");
	}
}
