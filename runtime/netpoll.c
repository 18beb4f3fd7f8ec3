// netpoll.c — the network poller (gc: runtime/netpoll.go and
// netpoll_epoll.go), behind internal/poll's runtime_poll* functions.
//
// A descriptor os or net opens non-blocking is registered with one epoll
// instance, edge-triggered for reading and writing; its PollDesc holds,
// per direction, 0, PD_READY (an event came and nobody took it) or the G
// parked waiting for one (PD_WAIT while it parks), and the deadline
// (nanotime; 0 none, < 0 passed).  A goroutine whose read or write would
// block parks in runtime_pollWait; the scheduler (proc.c findrunnable)
// calls rt_netpoll: without blocking when it has nothing else to run and
// now and then between goroutines, and blocking (until the next timer or
// deadline) when the only goroutines left wait for I/O, a timer or a
// deadline, so that a pipe read no longer stops the process.  Deadlines
// are checked by the scheduler too (rt_netpoll_deadlines): they are few,
// and a descriptor with a deadline is on a list.  The state changes are
// atomic compare-and-swaps, as gc's, ready for several Ms.
#include "rt.h"
#include "proc.h"

enum {
	EPOLLIN = 0x1, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10, EPOLLRDHUP = 0x2000,
	EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CLOEXEC = 0x80000, EINTR = 4,
};
#define EPOLLET (1u << 31)

struct epoll_event {
	uint32_t events;
	uint64_t data;
} __attribute__((packed));

enum { POLL_OK = 0, POLL_ERR_CLOSING = 1, POLL_ERR_TIMEOUT = 2, POLL_ERR_NOTPOLLABLE = 3 };

#define PD_READY ((uintptr)1)
#define PD_WAIT ((uintptr)2)

typedef struct PollDesc PollDesc;
struct PollDesc {
	PollDesc *next;      // on the free list, or the list of those with a deadline
	int fd;
	bool closing;
	bool everr;          // epoll reported an error on the descriptor
	bool ondl;           // on the deadline list
	uintptr rg, wg;      // 0, PD_READY, PD_WAIT or the waiting G
	int64_t rd, wd;      // deadlines
};

static struct {
	Mutex lock;          // the free list and the deadline list
	PollDesc *free;
	PollDesc *dl;
	int epfd;
	uint32_t waiters;    // Gs parked in runtime_pollWait
	bool inited;
} np = {.epfd = -1};

bool rt_netpoll_inited(void) { return __atomic_load_n(&np.inited, __ATOMIC_ACQUIRE); }
bool rt_netpoll_waiting(void) { return __atomic_load_n(&np.waiters, __ATOMIC_ACQUIRE) > 0; }

static void netpoll_init(void)
{
	lock(&np.lock);
	if (!np.inited) {
		np.epfd = sys_epoll_create1(EPOLL_CLOEXEC);
		if (np.epfd < 0)
			rt_throw("runtime: netpollinit failed");
		__atomic_store_n(&np.inited, true, __ATOMIC_RELEASE);
	}
	unlock(&np.lock);
}

void poll_ServerInit(void) LINKNAME("internal/poll.runtime_pollServerInit");
void poll_ServerInit(void) { netpoll_init(); }

bool poll_IsPollDescriptor(uintptr fd) LINKNAME("internal/poll.runtime_isPollServerDescriptor");
bool poll_IsPollDescriptor(uintptr fd) { return np.inited && (intgo)fd == np.epfd; }

typedef struct {
	uintptr ctx;
	intgo errno_;
} PollOpen;

PollOpen poll_Open(uintptr fd) LINKNAME("internal/poll.runtime_pollOpen");
PollOpen poll_Open(uintptr fd)
{
	netpoll_init();
	lock(&np.lock);
	PollDesc *pd = np.free;
	if (pd)
		np.free = pd->next;
	unlock(&np.lock);
	if (!pd)
		pd = persistentalloc(sizeof *pd, 8);
	*pd = (PollDesc){.fd = (int)fd};
	struct epoll_event ev = {EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, (uint64_t)(uintptr)pd};
	int r = sys_epoll_ctl(np.epfd, EPOLL_CTL_ADD, (int)fd, &ev);
	if (r < 0) {
		lock(&np.lock);
		pd->next = np.free;
		np.free = pd;
		unlock(&np.lock);
		return (PollOpen){0, -r}; // EPERM for a regular file: os keeps it blocking
	}
	return (PollOpen){(uintptr)pd, 0};
}

static void dl_remove(PollDesc *pd)
{
	if (!pd->ondl)
		return;
	for (PollDesc **pp = &np.dl; *pp; pp = &(*pp)->next)
		if (*pp == pd) {
			*pp = pd->next;
			break;
		}
	pd->ondl = false;
}

void poll_Close(uintptr ctx) LINKNAME("internal/poll.runtime_pollClose");
void poll_Close(uintptr ctx)
{
	PollDesc *pd = (PollDesc *)ctx;
	if (!pd->closing)
		rt_throw("runtime: close polldesc w/o unblock");
	uintptr rg = __atomic_load_n(&pd->rg, __ATOMIC_ACQUIRE), wg = __atomic_load_n(&pd->wg, __ATOMIC_ACQUIRE);
	if ((rg != 0 && rg != PD_READY) || (wg != 0 && wg != PD_READY))
		rt_throw("runtime: blocked read on closing polldesc");
	struct epoll_event ev = {0, 0};
	sys_epoll_ctl(np.epfd, EPOLL_CTL_DEL, pd->fd, &ev);
	lock(&np.lock);
	dl_remove(pd);
	pd->next = np.free;
	np.free = pd;
	unlock(&np.lock);
}

static intgo checkerr(PollDesc *pd, intgo mode)
{
	if (pd->closing)
		return POLL_ERR_CLOSING;
	if ((mode == 'r' && pd->rd < 0) || (mode == 'w' && pd->wd < 0))
		return POLL_ERR_TIMEOUT;
	if (mode == 'r' && pd->everr)
		return POLL_ERR_NOTPOLLABLE;
	return POLL_OK;
}

// the G waiting in slot *gpp, after an event (ioready) or a deadline or
// close (not ioready); NULL if none
static G *unblock(uintptr *gpp, bool ioready)
{
	for (;;) {
		uintptr old = __atomic_load_n(gpp, __ATOMIC_ACQUIRE);
		if (old == PD_READY)
			return 0;
		if (old == 0 && !ioready)
			return 0;
		uintptr nw = ioready ? PD_READY : 0;
		if (__atomic_compare_exchange_n(gpp, &old, nw, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return old == PD_WAIT ? 0 : (G *)old;
	}
}

static bool blockcommit(G *gp, void *gpp)
{
	uintptr want = PD_WAIT;
	bool ok = __atomic_compare_exchange_n((uintptr *)gpp, &want, (uintptr)gp, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE);
	if (ok)
		__atomic_add_fetch(&np.waiters, 1, __ATOMIC_ACQ_REL);
	return ok;
}

// parks until the descriptor is ready for mode; true if it is (false:
// woken by a deadline or close)
static bool pdblock(PollDesc *pd, intgo mode)
{
	uintptr *gpp = mode == 'r' ? &pd->rg : &pd->wg;
	for (;;) {
		uintptr old = PD_READY;
		if (__atomic_compare_exchange_n(gpp, &old, 0, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return true;
		old = 0;
		if (__atomic_compare_exchange_n(gpp, &old, PD_WAIT, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			break;
		if (old != PD_READY)
			rt_throw("runtime: double wait");
	}
	if (checkerr(pd, mode) == POLL_OK)
		gopark(blockcommit, gpp, WAIT_IO_WAIT, 0, 5);
	uintptr old = __atomic_exchange_n(gpp, 0, __ATOMIC_ACQ_REL);
	return old == PD_READY;
}

intgo poll_Wait(uintptr ctx, intgo mode) LINKNAME("internal/poll.runtime_pollWait");
intgo poll_Wait(uintptr ctx, intgo mode)
{
	PollDesc *pd = (PollDesc *)ctx;
	intgo err = checkerr(pd, mode);
	if (err)
		return err;
	while (!pdblock(pd, mode)) {
		err = checkerr(pd, mode);
		if (err)
			return err;
	}
	return POLL_OK;
}

void poll_WaitCanceled(uintptr ctx, intgo mode) LINKNAME("internal/poll.runtime_pollWaitCanceled");
void poll_WaitCanceled(uintptr ctx, intgo mode) { rt_throw("runtime: pollWaitCanceled is Windows'"); }

intgo poll_Reset(uintptr ctx, intgo mode) LINKNAME("internal/poll.runtime_pollReset");
intgo poll_Reset(uintptr ctx, intgo mode)
{
	PollDesc *pd = (PollDesc *)ctx;
	intgo err = checkerr(pd, mode);
	if (err)
		return err;
	if (mode == 'r')
		pd->rg = 0;
	else if (mode == 'w')
		pd->wg = 0;
	return POLL_OK;
}

static void wake(G *gp)
{
	if (gp) {
		__atomic_sub_fetch(&np.waiters, 1, __ATOMIC_ACQ_REL);
		goready(gp, 0);
	}
}

void poll_SetDeadline(uintptr ctx, int64_t d, intgo mode) LINKNAME("internal/poll.runtime_pollSetDeadline");
void poll_SetDeadline(uintptr ctx, int64_t d, intgo mode)
{
	PollDesc *pd = (PollDesc *)ctx;
	if (pd->closing)
		return;
	if (d > 0) {
		d += rt_nanotime();
		if (d <= 0)
			d = INT64_MAX; // overflow: no deadline in practice
	}
	lock(&np.lock);
	if (mode == 'r' || mode == 'r' + 'w')
		pd->rd = d;
	if (mode == 'w' || mode == 'r' + 'w')
		pd->wd = d;
	bool want = pd->rd > 0 || pd->wd > 0;
	if (want && !pd->ondl) {
		pd->next = np.dl;
		np.dl = pd;
		pd->ondl = true;
	} else if (!want)
		dl_remove(pd);
	unlock(&np.lock);
	// a deadline in the past wakes the waiters now
	if (pd->rd < 0)
		wake(unblock(&pd->rg, false));
	if (pd->wd < 0)
		wake(unblock(&pd->wg, false));
}

void poll_Unblock(uintptr ctx) LINKNAME("internal/poll.runtime_pollUnblock");
void poll_Unblock(uintptr ctx)
{
	PollDesc *pd = (PollDesc *)ctx;
	if (pd->closing)
		rt_throw("runtime: unblock on closing polldesc");
	pd->closing = true;
	lock(&np.lock);
	dl_remove(pd);
	unlock(&np.lock);
	wake(unblock(&pd->rg, false));
	wake(unblock(&pd->wg, false));
}

static void push(G **list, G *gp)
{
	if (!gp)
		return;
	__atomic_sub_fetch(&np.waiters, 1, __ATOMIC_ACQ_REL);
	gp->schedlink = *list;
	*list = gp;
}

// The Gs whose deadlines have passed by now (linked by schedlink, to
// be made runnable), and in *next the earliest deadline still to come
// (-1 if none).
G *rt_netpoll_deadlines(int64_t now, int64_t *next)
{
	*next = -1;
	if (!__atomic_load_n(&np.dl, __ATOMIC_ACQUIRE))
		return 0;
	G *list = 0;
	lock(&np.lock);
	for (PollDesc **pp = &np.dl; *pp;) {
		PollDesc *pd = *pp;
		int64_t *ds[2] = {&pd->rd, &pd->wd};
		uintptr *gs[2] = {&pd->rg, &pd->wg};
		for (int i = 0; i < 2; i++) {
			if (*ds[i] <= 0)
				continue;
			if (*ds[i] <= now) {
				*ds[i] = -1;
				push(&list, unblock(gs[i], false));
			} else if (*next < 0 || *ds[i] < *next)
				*next = *ds[i];
		}
		if (pd->rd <= 0 && pd->wd <= 0) {
			*pp = pd->next;
			pd->ondl = false;
		} else
			pp = &pd->next;
	}
	unlock(&np.lock);
	return list;
}

// Polls the descriptors: waits up to delay ns (< 0: until an event, 0:
// not at all).  Returns the Gs made ready, linked by schedlink.
G *rt_netpoll(int64_t delay)
{
	if (!rt_netpoll_inited())
		return 0;
	int ms = delay < 0 ? -1 : delay == 0 ? 0 : delay < 1000000 ? 1 : delay < 1000000000000LL ? (int)(delay / 1000000) : 1000000000;
	struct epoll_event evs[128];
	int n = sys_epoll_wait(np.epfd, evs, 128, ms);
	if (n < 0)
		return 0; // EINTR (a signal: the caller looks at it)
	G *list = 0;
	for (int i = 0; i < n; i++) {
		PollDesc *pd = (PollDesc *)(uintptr)evs[i].data;
		uint32_t e = evs[i].events;
		bool r = e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR);
		bool w = e & (EPOLLOUT | EPOLLHUP | EPOLLERR);
		if (e & EPOLLERR)
			pd->everr = true;
		if (r)
			push(&list, unblock(&pd->rg, true));
		if (w)
			push(&list, unblock(&pd->wg, true));
	}
	return list;
}
