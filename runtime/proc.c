// proc.c — start-up, goroutines and the scheduler: gc's G/M/P design
// (runtime/proc.go), in C.
//
//   G  a goroutine: its stack, its saved context (Gobuf), its status.
//   M  an OS thread: runs one G at a time, on its g0 (system) stack it
//      runs the scheduler.
//   P  a processor: what an M needs to run Go code — the local run queue
//      (a 256-entry ring plus runnext), the mcache, caches of stacks,
//      sudogs and dead Gs.  GOMAXPROCS of them.
//
// Invariants (as gc's):
//   - R14 is the running G; g0 while the M runs the scheduler or a
//     systemstack call.
//   - A G is in exactly one of: running on an M (G_RUNNING, m->curg), a
//     run queue (G_RUNNABLE: some P's runnext or ring, or the global
//     queue), a wait list (G_WAITING: a channel's sudog queue, a
//     semaphore, nowhere for nil channels and select {}), or a free list
//     (G_DEAD).
//   - Only the G itself moves from running to waiting (gopark), and it
//     gets off its stack first: park_m runs on g0 and calls the unlock
//     function after the G's context is saved, so a waker on another M can
//     never resume a G whose registers are still live.
//   - The scheduler (schedule, findrunnable) runs on g0 and never returns:
//     it ends in gogo.  mcall restarts g0's stack from g0.sched.sp each
//     time, so the system stack does not grow across switches.
//
// This layer runs one M (the process's thread): the structures of idle
// Ms (notes), idle Ps, spinning and stealing are here, but startm/wakep
// have no thread to start, and findrunnable's "nothing to do" therefore
// ends in checkdead's deadlock report.  What is missing for several
// threads and preemption is listed in docs/runtime.md.
#include "proc.h"
#include "goffsets.h"
#include "malloc.h"

M rt_m0;
G rt_g0;
P rt_p0;
P *rt_allp[MAX_PROCS];
int32_t rt_ncpu = 1;
int32_t rt_gomaxprocs = 1;
int32_t rt_argc;
byte **rt_argv;
byte **rt_envp;
uintptr rt_pagesize = 4096;
byte *rt_auxv_random;

_Static_assert(offsetof(G, stack.lo) == G_STACK_LO, "G.stack.lo");
_Static_assert(offsetof(G, stack.hi) == G_STACK_HI, "G.stack.hi");
_Static_assert(offsetof(G, stackguard0) == G_STACKGUARD0, "G.stackguard0");
_Static_assert(offsetof(G, sched) == G_SCHED, "G.sched");
_Static_assert(offsetof(G, sched.sp) == G_SCHED_SP, "G.sched.sp");
_Static_assert(offsetof(G, sched.pc) == G_SCHED_PC, "G.sched.pc");
_Static_assert(offsetof(G, sched.bp) == G_SCHED_BP, "G.sched.bp");
_Static_assert(offsetof(G, sched.ctxt) == G_SCHED_CTXT, "G.sched.ctxt");
_Static_assert(offsetof(G, sched.g) == G_SCHED_G, "G.sched.g");
_Static_assert(offsetof(G, m) == G_M, "G.m");
_Static_assert(offsetof(M, g0) == M_G0, "M.g0");
_Static_assert(offsetof(M, curg) == M_CURG, "M.curg");
_Static_assert(offsetof(M, p) == M_P, "M.p");
_Static_assert(offsetof(P, wbnext) == P_WBNEXT && offsetof(P, wbend) == P_WBEND, "P.wbnext, P.wbend");
_Static_assert(offsetof(Gobuf, sp) == GOBUF_SP && offsetof(Gobuf, pc) == GOBUF_PC &&
	offsetof(Gobuf, bp) == GOBUF_BP && offsetof(Gobuf, ctxt) == GOBUF_CTXT &&
	offsetof(Gobuf, g) == GOBUF_G, "Gobuf");

const char *const waitreason_str[WAIT_NREASONS] = {
	[WAIT_ZERO] = "",
	[WAIT_GC_ASSIST_MARKING] = "GC assist marking",
	[WAIT_IO_WAIT] = "IO wait",
	[WAIT_CHAN_RECEIVE_NIL_CHAN] = "chan receive (nil chan)",
	[WAIT_CHAN_SEND_NIL_CHAN] = "chan send (nil chan)",
	[WAIT_DUMPING_HEAP] = "dumping heap",
	[WAIT_GARBAGE_COLLECTION] = "garbage collection",
	[WAIT_GARBAGE_COLLECTION_SCAN] = "garbage collection scan",
	[WAIT_PANIC_WAIT] = "panicwait",
	[WAIT_SELECT] = "select",
	[WAIT_SELECT_NO_CASES] = "select (no cases)",
	[WAIT_GC_ASSIST_WAIT] = "GC assist wait",
	[WAIT_GC_SWEEP_WAIT] = "GC sweep wait",
	[WAIT_GC_SCAVENGE_WAIT] = "GC scavenge wait",
	[WAIT_CHAN_RECEIVE] = "chan receive",
	[WAIT_CHAN_SEND] = "chan send",
	[WAIT_FINALIZER_WAIT] = "finalizer wait",
	[WAIT_FORCE_GC_IDLE] = "force gc (idle)",
	[WAIT_SEMACQUIRE] = "semacquire",
	[WAIT_SLEEP] = "sleep",
	[WAIT_SYNC_COND_WAIT] = "sync.Cond.Wait",
	[WAIT_TIMER_GOROUTINE_IDLE] = "timer goroutine (idle)",
	[WAIT_TRACE_READER_BLOCKED] = "trace reader (blocked)",
	[WAIT_WAIT_FOR_GC_CYCLE] = "wait for GC cycle",
	[WAIT_GC_WORKER_IDLE] = "GC worker (idle)",
	[WAIT_PREEMPTED] = "preempted",
	[WAIT_DEBUG_CALL] = "debug call",
};

// The global scheduler state (gc's schedt).
static struct {
	Mutex lock;
	uint64_t goidgen;          // goids are handed to Ps in batches of GOID_BATCH
	M *midle;                  // idle Ms, waiting on their park note
	int32_t nmidle, nmidlelocked, mnext, maxmcount, nmsys;
	P *pidle;                  // idle Ps
	uint32_t npidle, nmspinning;
	G *runqhead, *runqtail;    // the global run queue
	int32_t runqsize;
	Mutex gflock;              // the global free list of dead Gs
	G *gfree;
	int32_t ngfree;
	Mutex sudoglock;           // the central sudog cache
	Sudog *sudogcache;
	int32_t ngsys;             // system goroutines (not counted by NumGoroutine)
} sched;

static M *allm;
static Mutex allglock;
static G **allgs;
static uintptr allglen, allgcap;
static bool mainstarted;

enum {
	GOID_BATCH = 16,               // gc's _GoidCacheBatch
	MAIN_STACK_SIZE = 1 << 20,     // see docs/runtime.md: C code runs on it unchecked
	G0_STACK_SIZE = 64 << 10,      // what the runtime assumes of the OS stack, as gc
	GFREE_LOCAL_MAX = 64,          // gc: a P keeps up to 64 dead Gs
};

// The Go program: main.main and the main package's init task.  Weak, so
// that the runtime links (and its tests run) without a Go main package.
extern void main_main(void) __asm__("main.main") __attribute__((weak));

// Go 1.19's init task, as the compiler emits it (cmd/compile's
// pkginit.go): state (0 not started, 1 running, 2 done), the number of
// dependencies and functions, then that many *inittask and func()
// pointers.
typedef struct InitTask {
	uintptr state;
	uintptr ndeps;
	uintptr nfns;
	uintptr deps_and_fns[];
} InitTask;
extern InitTask main_inittask __asm__("main..inittask") __attribute__((weak));
extern InitTask runtime_inittask __asm__("runtime..inittask") __attribute__((weak));

enum { AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_RANDOM = 25, AT_SYSINFO_EHDR = 33 };

// ---- thread-local storage ----------------------------------------------------
// The executable's TLS segment (PT_TLS: runtime.tlsg and whatever else
// the runtime's C declares __thread) is instantiated per thread as the
// x86-64 ABI's variant II: the block ends at the thread pointer (FS
// base), whose first word points to itself; local-exec code reaches a
// variable at a negative offset from FS (the linker's TPOFF).

__thread G *rt_tlsg __asm__("runtime.tlsg") __attribute__((tls_model("local-exec")));

enum { ARCH_SET_FS = 0x1002, PT_TLS = 7 };

typedef struct {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
} Phdr;

static const Phdr *tls_phdr;
static _Alignas(64) byte m0_tls[512]; // m0's block: the TLS segment, then the thread pointer

// rt_tls_init(auxv): finds PT_TLS and gives m0's thread its block
void rt_tls_init(uintptr *auxv)
{
	const Phdr *ph = 0;
	uintptr phnum = 0, phent = sizeof(Phdr);
	for (; auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_PHDR)
			ph = (const Phdr *)auxv[1];
		else if (auxv[0] == AT_PHNUM)
			phnum = auxv[1];
		else if (auxv[0] == AT_PHENT)
			phent = auxv[1];
	}
	for (uintptr i = 0; ph && i < phnum; i++) {
		const Phdr *p = (const Phdr *)((const byte *)ph + i * phent);
		if (p->type == PT_TLS)
			tls_phdr = p;
	}
	uintptr align = tls_phdr && tls_phdr->align > 8 ? tls_phdr->align : 8;
	uintptr size = tls_phdr ? (tls_phdr->memsz + align - 1) & ~(align - 1) : 0;
	if (align > 64 || size + 8 > sizeof m0_tls) {
		static const char msg[] = "fatal error: runtime: TLS segment too large\n";
		sys_write(2, msg, sizeof msg - 1);
		sys_exit_group(2);
	}
	byte *tp = m0_tls + size;
	if (tls_phdr)
		memmove(tp - size, (const void *)tls_phdr->vaddr, tls_phdr->filesz);
	*(byte **)tp = tp;
	if (sys_arch_prctl(ARCH_SET_FS, (uintptr)tp) != 0) {
		static const char msg[] = "fatal error: runtime: cannot set the thread pointer\n";
		sys_write(2, msg, sizeof msg - 1);
		sys_exit_group(2);
	}
}

// ---- small helpers ---------------------------------------------------------

static inline void casgstatus(G *gp, uint32_t from, uint32_t to)
{
	uint32_t old = from;
	if (!__atomic_compare_exchange_n(&gp->status, &old, to, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		printlock();
		rt_prints("runtime: casgstatus: oldval=");
		printint(old);
		rt_prints(" from=");
		printint(from);
		rt_prints(" to=");
		printint(to);
		rt_prints(" goid=");
		printint(gp->goid);
		rt_prints("\n");
		printunlock();
		rt_throw("casgstatus: bad incoming values");
	}
}

uint32_t rt_fastrandn(uint32_t n)
{
	return (uint32_t)(((uint64_t)rt_fastrand() * n) >> 32);
}

void rt_badmcall(void) { rt_throw("runtime: mcall called on m->g0 stack"); }
void rt_badmcall2(void) { rt_throw("runtime: mcall function returned"); }

// fn(arg) on the M's system stack (gc's systemstack).
void rt_systemstack1(void (*fn)(void *), void *arg)
{
	G *gp = getg();
	M *mp = gp->m;
	if (!mp || gp == mp->g0) {
		fn(arg);
		return;
	}
	rt_systemstack_arg(fn, arg, mp->g0->sched.sp, mp->g0);
}

void rt_systemstack(void (*fn)(void))
{
	G *gp = getg();
	M *mp = gp->m;
	if (!mp || gp == mp->g0) {
		fn();
		return;
	}
	rt_onstack(fn, mp->g0, mp->g0->sched.sp);
}

// ---- all Gs and all Ms ------------------------------------------------------

static void allgadd(G *gp)
{
	lock(&allglock);
	if (allglen == allgcap) {
		uintptr ncap = allgcap ? allgcap * 2 : 1024;
		// Off the GC'd heap, as the Gs themselves (see malg); the old
		// array is given back as soon as there is a way to free such
		// memory (it is at most half of the new one).
		G **n = persistentalloc(ncap * sizeof(G *), 8);
		if (allglen)
			memmove(n, allgs, allglen * sizeof(G *));
		__atomic_store_n(&allgs, n, __ATOMIC_RELEASE);
		allgcap = ncap;
	}
	allgs[allglen] = gp;
	__atomic_store_n(&allglen, allglen + 1, __ATOMIC_RELEASE);
	unlock(&allglock);
}

static void mcommoninit(M *mp)
{
	lock(&sched.lock);
	mp->id = sched.mnext++;
	if (sched.mnext > sched.maxmcount)
		rt_throw("thread exhaustion");
	uint64_t seed = 0;
	if (rt_auxv_random)
		memmove(&seed, rt_auxv_random, sizeof seed);
	mp->fastrand = (seed ^ ((uint64_t)mp->id * 0x9e3779b97f4a7c15ULL)) | 1;
	mp->alllink = allm;
	__atomic_store_n(&allm, mp, __ATOMIC_RELEASE);
	unlock(&sched.lock);
}

static int32_t mcount(void) { return sched.mnext - sched.nmsys; }

// ---- goroutine structures ------------------------------------------------------

// A new G with a stack of stacksize bytes (0: none).  Gs live off the
// garbage-collected heap and are never freed, as in gc (dead ones are
// reused through the free lists); the GC will scan allgs as roots.
static G *malg(uintptr stacksize)
{
	G *gp = persistentalloc(sizeof(G), 8);
	if (stacksize) {
		gp->stack = stackalloc(stacksize);
		gp->stackguard0 = gp->stack.lo + STACK_GUARD;
		gp->stackguard1 = gp->stackguard0;
	}
	return gp;
}

// Dead Gs keep their stack when it has the standard size (gc's gfput).
static void gfput(P *pp, G *gp)
{
	if (gp->status != G_DEAD)
		rt_throw("gfput: bad status (not Gdead)");
	if (gp->stack.hi - gp->stack.lo != STACK_MIN) {
		stackfree(gp->stack);
		gp->stack.lo = gp->stack.hi = 0;
		gp->stackguard0 = 0;
	}
	gp->schedlink = pp->gfree;
	pp->gfree = gp;
	pp->gfreecnt++;
	if (pp->gfreecnt >= GFREE_LOCAL_MAX) {
		lock(&sched.gflock);
		while (pp->gfreecnt >= GFREE_LOCAL_MAX / 2) {
			G *g1 = pp->gfree;
			pp->gfree = g1->schedlink;
			pp->gfreecnt--;
			g1->schedlink = sched.gfree;
			sched.gfree = g1;
			sched.ngfree++;
		}
		unlock(&sched.gflock);
	}
}

static G *gfget(P *pp)
{
	if (!pp->gfree && sched.gfree) {
		lock(&sched.gflock);
		while (pp->gfreecnt < GFREE_LOCAL_MAX / 2 && sched.gfree) {
			G *g1 = sched.gfree;
			sched.gfree = g1->schedlink;
			sched.ngfree--;
			g1->schedlink = pp->gfree;
			pp->gfree = g1;
			pp->gfreecnt++;
		}
		unlock(&sched.gflock);
	}
	G *gp = pp->gfree;
	if (!gp)
		return 0;
	pp->gfree = gp->schedlink;
	pp->gfreecnt--;
	if (gp->stack.lo == 0) {
		gp->stack = stackalloc(STACK_MIN);
		gp->stackguard0 = gp->stack.lo + STACK_GUARD;
		gp->stackguard1 = gp->stackguard0;
	}
	return gp;
}

int32_t gcount(void)
{
	int32_t n = (int32_t)__atomic_load_n(&allglen, __ATOMIC_ACQUIRE) - sched.ngfree - sched.ngsys;
	for (int32_t i = 0; i < rt_gomaxprocs; i++)
		if (rt_allp[i])
			n -= rt_allp[i]->gfreecnt;
	return n < 1 ? 1 : n;
}

intgo NumGoroutine(void) { return gcount(); }

// ---- sudogs ---------------------------------------------------------------------

Sudog *acquireSudog(void)
{
	M *mp = getg()->m;
	mp->locks++; // no P change while the cache is used
	P *pp = mp->p;
	if (pp->nsudog == 0) {
		lock(&sched.sudoglock);
		while (pp->nsudog < SUDOG_CACHE / 2 && sched.sudogcache) {
			Sudog *s = sched.sudogcache;
			sched.sudogcache = s->next;
			s->next = 0;
			pp->sudogcache[pp->nsudog++] = s;
		}
		unlock(&sched.sudoglock);
		if (pp->nsudog == 0)
			pp->sudogcache[pp->nsudog++] = persistentalloc(sizeof(Sudog), 8);
	}
	Sudog *s = pp->sudogcache[--pp->nsudog];
	if (s->elem)
		rt_throw("acquireSudog: found s.elem != nil in cache");
	mp->locks--;
	return s;
}

void releaseSudog(Sudog *s)
{
	if (s->elem)
		rt_throw("runtime: sudog with non-nil elem");
	if (s->isSelect)
		rt_throw("runtime: sudog with non-false isSelect");
	if (s->next)
		rt_throw("runtime: sudog with non-nil next");
	if (s->prev)
		rt_throw("runtime: sudog with non-nil prev");
	if (s->waitlink)
		rt_throw("runtime: sudog with non-nil waitlink");
	if (s->c)
		rt_throw("runtime: sudog with non-nil c");
	G *gp = getg();
	if (gp->param)
		rt_throw("runtime: releaseSudog with non-nil gp.param");
	M *mp = gp->m;
	mp->locks++;
	P *pp = mp->p;
	if (pp->nsudog == SUDOG_CACHE) {
		// Give half of the cache to the central one.
		Sudog *first = 0, *last = 0;
		while (pp->nsudog > SUDOG_CACHE / 2) {
			Sudog *p = pp->sudogcache[--pp->nsudog];
			if (!first)
				first = p;
			else
				last->next = p;
			last = p;
		}
		lock(&sched.sudoglock);
		last->next = sched.sudogcache;
		sched.sudogcache = first;
		unlock(&sched.sudoglock);
	}
	s->g = 0;
	pp->sudogcache[pp->nsudog++] = s;
	mp->locks--;
}

// ---- run queues ----------------------------------------------------------------------

// The global queue; sched.lock held.
static void globrunqput(G *gp)
{
	gp->schedlink = 0;
	if (sched.runqtail)
		sched.runqtail->schedlink = gp;
	else
		sched.runqhead = gp;
	sched.runqtail = gp;
	sched.runqsize++;
}

static G *globrunqpop(void)
{
	G *gp = sched.runqhead;
	if (gp) {
		sched.runqhead = gp->schedlink;
		if (!sched.runqhead)
			sched.runqtail = 0;
		gp->schedlink = 0;
	}
	return gp;
}

static void runqput(P *pp, G *gp, bool next);

// Takes a batch from the global queue (sched.lock held): the first G is
// returned, the others go to pp's local queue.
static G *globrunqget(P *pp, int32_t max)
{
	if (sched.runqsize == 0)
		return 0;
	int32_t n = sched.runqsize / rt_gomaxprocs + 1;
	if (n > sched.runqsize)
		n = sched.runqsize;
	if (max > 0 && n > max)
		n = max;
	if (n > RUNQ_SIZE / 2)
		n = RUNQ_SIZE / 2;
	sched.runqsize -= n;
	G *gp = globrunqpop();
	while (--n > 0)
		runqput(pp, globrunqpop(), false);
	return gp;
}

// Moves half of a full local queue and gp to the global queue.
static bool runqputslow(P *pp, G *gp, uint32_t h, uint32_t t)
{
	G *batch[RUNQ_SIZE / 2 + 1];
	uint32_t n = (t - h) / 2;
	if (n != RUNQ_SIZE / 2)
		rt_throw("runqputslow: queue is not full");
	for (uint32_t i = 0; i < n; i++)
		batch[i] = pp->runq[(h + i) % RUNQ_SIZE];
	if (!__atomic_compare_exchange_n(&pp->runqhead, &h, h + n, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		return false;
	batch[n] = gp;
	lock(&sched.lock);
	for (uint32_t i = 0; i <= n; i++)
		globrunqput(batch[i]);
	unlock(&sched.lock);
	return true;
}

// gp goes to pp's local queue; with next, to runnext (it runs as soon
// as the current G gives up the P, inheriting its time slice), and the
// previous runnext moves to the ring.
static void runqput(P *pp, G *gp, bool next)
{
	if (next) {
		G *old = __atomic_exchange_n(&pp->runnext, gp, __ATOMIC_ACQ_REL);
		if (!old)
			return;
		gp = old;
	}
	for (;;) {
		uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t t = pp->runqtail;
		if (t - h < RUNQ_SIZE) {
			pp->runq[t % RUNQ_SIZE] = gp;
			__atomic_store_n(&pp->runqtail, t + 1, __ATOMIC_RELEASE);
			return;
		}
		if (runqputslow(pp, gp, h, t))
			return;
	}
}

static G *runqget(P *pp, bool *inherit)
{
	G *next = __atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
	if (next && __atomic_compare_exchange_n(&pp->runnext, &next, 0, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
		*inherit = true;
		return next;
	}
	*inherit = false;
	for (;;) {
		uint32_t h = __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE);
		uint32_t t = pp->runqtail;
		if (t == h)
			return 0;
		G *gp = pp->runq[h % RUNQ_SIZE];
		if (__atomic_compare_exchange_n(&pp->runqhead, &h, h + 1, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return gp;
	}
}

static bool runqempty(P *pp)
{
	return __atomic_load_n(&pp->runqhead, __ATOMIC_ACQUIRE) == __atomic_load_n(&pp->runqtail, __ATOMIC_ACQUIRE) &&
		!__atomic_load_n(&pp->runnext, __ATOMIC_ACQUIRE);
}

// Steals half of victim's queue into pp's (gc's runqsteal); returns one G.
static G *runqsteal(P *pp, P *victim)
{
	for (;;) {
		uint32_t h = __atomic_load_n(&victim->runqhead, __ATOMIC_ACQUIRE);
		uint32_t t = __atomic_load_n(&victim->runqtail, __ATOMIC_ACQUIRE);
		uint32_t n = t - h;
		n -= n / 2;
		if (n == 0) {
			G *next = __atomic_load_n(&victim->runnext, __ATOMIC_ACQUIRE);
			if (next && __atomic_compare_exchange_n(&victim->runnext, &next, 0, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
				return next;
			return 0;
		}
		if (n > RUNQ_SIZE / 2)
			continue; // inconsistent h and t
		G *batch[RUNQ_SIZE / 2];
		for (uint32_t i = 0; i < n; i++)
			batch[i] = victim->runq[(h + i) % RUNQ_SIZE];
		if (!__atomic_compare_exchange_n(&victim->runqhead, &h, h + n, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
			continue;
		for (uint32_t i = 1; i < n; i++)
			runqput(pp, batch[i], false);
		return batch[0];
	}
}

// ---- Ps -------------------------------------------------------------------------------

static void pidleput(P *pp)
{
	if (!runqempty(pp))
		rt_throw("pidleput: P has non-empty run queue");
	pp->status = P_IDLE;
	pp->link = sched.pidle;
	sched.pidle = pp;
	sched.npidle++;
}

UNUSED static P *pidleget(void) // for startm, with several Ms
{
	P *pp = sched.pidle;
	if (pp) {
		sched.pidle = pp->link;
		sched.npidle--;
	}
	return pp;
}

static void acquirep(P *pp)
{
	M *mp = getg()->m;
	if (mp->p || pp->m || pp->status != P_IDLE)
		rt_throw("acquirep: invalid p state");
	mp->p = pp;
	pp->m = mp;
	pp->status = P_RUNNING;
}

static P *releasep(void)
{
	M *mp = getg()->m;
	P *pp = mp->p;
	if (!pp || pp->m != mp || pp->status != P_RUNNING)
		rt_throw("releasep: invalid p state");
	mp->p = 0;
	pp->m = 0;
	pp->status = P_IDLE;
	return pp;
}

// Makes Ps 0..nprocs-1 exist, each with its mcache.
static void allocps(int32_t nprocs)
{
	for (int32_t i = 0; i < nprocs; i++) {
		P *pp = rt_allp[i];
		if (!pp) {
			pp = i == 0 ? &rt_p0 : persistentalloc(sizeof(P), 64);
			pp->id = i;
			pp->status = P_IDLE;
			pp->wbnext = pp->wbbuf;
			pp->wbend = pp->wbbuf + WBBUF_ENTRIES;
			if (!pp->mcache)
				pp->mcache = i == 0 && rt_p0.mcache ? rt_p0.mcache : mcache_alloc();
			pp->goidcache = pp->goidcacheend = 0;
			// gc's runtime.main runs goroutines of its own (bgsweep,
			// bgscavenge) before main.main, which leaves P 0's tick past 0;
			// at 0 the first schedule would prefer the global queue
			// (0 % 61 == 0), so start at 1 until goc has them too.
			pp->schedtick = 1;
			rt_allp[i] = pp;
		}
	}
}

// GOMAXPROCS Ps, each with its mcache; P 0 goes to m0.
static void procresize(int32_t nprocs)
{
	if (nprocs > MAX_PROCS)
		nprocs = MAX_PROCS;
	allocps(nprocs);
	rt_gomaxprocs = nprocs;
	rt_m0.p = 0;
	rt_p0.m = 0;
	acquirep(&rt_p0);
	for (int32_t i = nprocs - 1; i > 0; i--)
		pidleput(rt_allp[i]);
}

// runtime.GOMAXPROCS: gc stops the world and resizes the Ps.  With one M
// the world is the calling goroutine, which runs on P 0; the other Ps are
// idle with empty queues, so resizing rebuilds the idle list.
intgo GOMAXPROCS(intgo n)
{
	intgo old = rt_gomaxprocs;
	if (n <= 0 || n == old)
		return old;
	int32_t np = n > MAX_PROCS ? MAX_PROCS : (int32_t)n;
	if (getg()->m->p != &rt_p0)
		rt_throw("GOMAXPROCS: not running on P 0");
	lock(&sched.lock);
	allocps(np);
	sched.pidle = 0;
	sched.npidle = 0;
	for (int32_t i = rt_gomaxprocs - 1; i >= np; i--)
		if (!runqempty(rt_allp[i]))
			rt_throw("GOMAXPROCS: a removed P has goroutines");
	rt_gomaxprocs = np;
	for (int32_t i = np - 1; i > 0; i--)
		pidleput(rt_allp[i]);
	unlock(&sched.lock);
	return old;
}

// Would start an M for an idle P when there is work (gc's wakep).  With
// one M there is none to start: the running M finds the work itself.
static void wakep(void) {}

// ---- the scheduler ---------------------------------------------------------------------

static void dropg(void)
{
	M *mp = getg()->m;
	if (mp->curg)
		mp->curg->m = 0;
	mp->curg = 0;
}

// Runs gp on the current M: never returns.
static void execute(G *gp, bool inheritTime) NORETURN;
static void execute(G *gp, bool inheritTime)
{
	M *mp = getg()->m;
	mp->curg = gp;
	gp->m = mp;
	casgstatus(gp, G_RUNNABLE, G_RUNNING);
	gp->waitsince = 0;
	gp->preempt = false;
	gp->stackguard0 = gp->stack.lo + STACK_GUARD;
	if (!inheritTime)
		mp->p->schedtick++;
	rt_gogo(&gp->sched);
}

// gc's checkdead: called when an M goes idle.  If no M is running Go
// code and nothing can wake one (no timers, no network poller yet), the
// program is deadlocked.
static void checkdead(void)
{
	int32_t run = mcount() - sched.nmidle - sched.nmidlelocked - sched.nmsys;
	if (run > 0)
		return;
	if (run < 0) {
		printlock();
		rt_prints("runtime: checkdead: nmidle=");
		printint(sched.nmidle);
		rt_prints(" mcount=");
		printint(mcount());
		rt_prints("\n");
		printunlock();
		rt_throw("checkdead: inconsistent counts");
	}
	int32_t grunning = 0;
	for (uintptr i = 0; i < allglen; i++) {
		G *gp = allgs[i];
		if (gp->issystem)
			continue;
		switch (gp->status) {
		case G_WAITING:
			grunning++;
			break;
		case G_RUNNABLE:
		case G_RUNNING:
		case G_SYSCALL:
			printlock();
			rt_prints("runtime: checkdead: find g ");
			printint(gp->goid);
			rt_prints(" in status ");
			printint(gp->status);
			rt_prints("\n");
			printunlock();
			rt_throw("checkdead: runnable g");
		}
	}
	unlock(&sched.lock);
	if (grunning == 0)
		fatal_go(GOSTR("no goroutines (main called runtime.Goexit) - deadlock!"));
	fatal_go(GOSTR("all goroutines are asleep - deadlock!"));
}

// The idle M: on sched.midle until startm gives it a P.
static void stopm(void)
{
	M *mp = getg()->m;
	if (mp->locks)
		rt_throw("stopm holding locks");
	if (mp->p)
		rt_throw("stopm holding p");
	lock(&sched.lock);
	mp->schedlink = sched.midle;
	sched.midle = mp;
	sched.nmidle++;
	checkdead();
	unlock(&sched.lock);
	notesleep(&mp->park);
	noteclear(&mp->park);
	acquirep(mp->nextp);
	mp->nextp = 0;
}

// Finds a runnable G: the timers due are run first (time.c), then the
// local queue, global queue, other Ps' queues; if there is none, the M
// sleeps until the next timer when there is one, else gives up its P and
// sleeps.  (The network poller and GC work come with their layers.)
// Makes the Gs of list (linked by schedlink, waiting) runnable on pp.
static void injectglist(P *pp, G *list)
{
	while (list) {
		G *gp = list;
		list = gp->schedlink;
		gp->schedlink = 0;
		casgstatus(gp, G_WAITING, G_RUNNABLE);
		runqput(pp, gp, false);
	}
}

static G *findrunnable(bool *inherit)
{
	M *mp = getg()->m;
	static int64_t lastpoll;
top:;
	P *pp = mp->p;
	int64_t now = rt_nanotime();
	int64_t next = rt_runtimers(now);
	// I/O deadlines are due like timers (netpoll.c); and while
	// goroutines run, the poller is looked at every 10 ms
	int64_t dlnext;
	injectglist(pp, rt_netpoll_deadlines(now, &dlnext));
	if (dlnext >= 0 && (next < 0 || dlnext < next))
		next = dlnext;
	if (rt_netpoll_waiting() && now - lastpoll >= 10000000) {
		lastpoll = now;
		injectglist(pp, rt_netpoll(0));
	}
	bool sigwait = rt_sigpoll();
	G *gp = runqget(pp, inherit);
	if (gp)
		return gp;
	if (sched.runqsize) {
		lock(&sched.lock);
		gp = globrunqget(pp, 0);
		unlock(&sched.lock);
		if (gp) {
			*inherit = false;
			return gp;
		}
	}
	// Steal from the other Ps, starting at a random one.
	if (rt_gomaxprocs > 1) {
		uint32_t off = rt_fastrandn((uint32_t)rt_gomaxprocs);
		for (int32_t i = 0; i < rt_gomaxprocs; i++) {
			P *victim = rt_allp[(off + (uint32_t)i) % (uint32_t)rt_gomaxprocs];
			if (victim == pp)
				continue;
			if ((gp = runqsteal(pp, victim))) {
				*inherit = false;
				return gp;
			}
		}
	}
	if (rt_netpoll_waiting()) {
		G *list = rt_netpoll(0);
		if (list) {
			injectglist(pp, list);
			goto top;
		}
	}
	if ((rt_gc.phase == GC_MARK || rt_gc.unswept) && !rt_gc.running) {
		// nothing to run: the collector's mark or sweep ends now
		gc_bgwork(true);
		goto top;
	}
	lock(&sched.lock);
	if (sched.runqsize) {
		gp = globrunqget(pp, 0);
		unlock(&sched.lock);
		*inherit = false;
		return gp;
	}
	if (rt_netpoll_waiting()) {
		// Only I/O (and maybe timers) can make work: wait in the
		// poller until the next timer or deadline; a signal ends the
		// wait (EINTR), a second at most when os/signal waits (a
		// signal just before the wait).
		unlock(&sched.lock);
		int64_t d = next >= 0 ? next - rt_nanotime() : -1;
		if (sigwait && (d < 0 || d > 1000000000))
			d = 1000000000;
		if (d != 0) {
			lastpoll = rt_nanotime();
			injectglist(pp, rt_netpoll(d < 0 ? -1 : d));
		}
		goto top;
	}
	if (next >= 0 || sigwait) {
		// Nothing to run before the next timer: wait for it with the P;
		// a signal os/signal waits for ends the sleep (EINTR).  (One M
		// runs goroutines today; with more, a goroutine readied meanwhile
		// by another M waits for the sleep to end.)
		unlock(&sched.lock);
		int64_t d = next >= 0 ? next - rt_nanotime() : 1000000000;
		if (d > 0) {
			struct { int64_t sec, nsec; } ts = {d / 1000000000, d % 1000000000};
			sys_nanosleep(&ts, 0);
		}
		goto top;
	}
	pidleput(releasep());
	unlock(&sched.lock);
	stopm();
	goto top;
}

// One round of scheduling: find a runnable G and run it.  Never returns.
void schedule(void)
{
	M *mp = getg()->m;
	if (mp->locks)
		rt_throw("schedule: holding locks");
	if (getg() != mp->g0)
		rt_throw("schedule: not on g0");
	P *pp = mp->p;
	G *gp = 0;
	bool inherit = false;
	// Fairness: now and then look at the global queue first, so that a
	// pair of goroutines handing the P back and forth cannot starve it.
	if (pp->schedtick % 61 == 0 && sched.runqsize > 0) {
		lock(&sched.lock);
		gp = globrunqget(pp, 1);
		unlock(&sched.lock);
	}
	if (rt_gc.phase == GC_MARK || rt_gc.unswept)
		gc_bgwork(false);
	if (!gp && rt_timerspending())
		rt_runtimers(rt_nanotime());
	if (!gp)
		gp = runqget(pp, &inherit);
	if (!gp)
		gp = findrunnable(&inherit);
	execute(gp, inherit);
}

// ---- parking and readying --------------------------------------------------------------

static void park_m(G *gp) NORETURN;
static void park_m(G *gp)
{
	M *mp = getg()->m;
	rt_stackcheck(gp);
	casgstatus(gp, G_RUNNING, G_WAITING);
	dropg();
	if (mp->waitunlockf) {
		bool ok = mp->waitunlockf(gp, mp->waitlock);
		mp->waitunlockf = 0;
		mp->waitlock = 0;
		if (!ok) {
			casgstatus(gp, G_WAITING, G_RUNNABLE);
			execute(gp, true);
		}
	}
	schedule();
}

// Puts the current goroutine to sleep until goready.  unlockf(gp, lock),
// if given, runs on g0 once gp is off its stack; if it returns false gp
// resumes at once.  reason is gc's waitReason (printed in tracebacks).
void gopark(bool (*unlockf)(G *, void *), void *lock, uint8_t reason, uint8_t traceev, intgo traceskip)
{
	G *gp = getg();
	M *mp = gp->m;
	if (gp->status != G_RUNNING)
		rt_throw("gopark: bad g status");
	mp->waitlock = lock;
	mp->waitunlockf = unlockf;
	gp->waitreason_code = reason;
	gp->waitreason = reason < WAIT_NREASONS ? waitreason_str[reason] : "";
	rt_mcall(park_m);
}

static bool parkunlock_c(G *gp, void *l)
{
	unlock((Mutex *)l);
	return true;
}

void goparkunlock(Mutex *l, uint8_t reason, uint8_t traceev, intgo traceskip)
{
	gopark(parkunlock_c, l, reason, traceev, traceskip);
}

static void ready(void *arg)
{
	G *gp = arg;
	M *mp = getg()->m;
	mp->locks++;
	if (gp->status != G_WAITING) {
		printlock();
		rt_prints("runtime: ready: goid=");
		printint(gp->goid);
		rt_prints(" status=");
		printint(gp->status);
		rt_prints("\n");
		printunlock();
		rt_throw("bad g->status in ready");
	}
	casgstatus(gp, G_WAITING, G_RUNNABLE);
	runqput(mp->p, gp, true);
	wakep();
	mp->locks--;
}

// Makes gp runnable; it runs next on this P (runnext).
void goready(G *gp, intgo traceskip) { rt_systemstack1(ready, gp); }

static void gosched_m(G *gp) NORETURN;
static void gosched_m(G *gp)
{
	rt_stackcheck(gp);
	casgstatus(gp, G_RUNNING, G_RUNNABLE);
	dropg();
	lock(&sched.lock);
	globrunqput(gp);
	unlock(&sched.lock);
	schedule();
}

// Yields the processor: the G goes to the global queue, as in gc.
void Gosched(void) { rt_mcall(gosched_m); }

// The compiler's preemption check in long loops (later): yields only if
// a preemption was requested.
void goschedguarded(void)
{
	G *gp = getg();
	if (gp->preempt)
		rt_mcall(gosched_m);
}

// Preemption at a prologue check (stack.c's newstack): as Gosched.
void rt_gopreempt_m(G *gp)
{
	gp->preempt = false;
	gosched_m(gp);
}

static void goexit0(G *gp) NORETURN;
static void goexit0(G *gp)
{
	M *mp = getg()->m;
	P *pp = mp->p;
	rt_stackcheck(gp);
	casgstatus(gp, G_RUNNING, G_DEAD);
	if (gp->issystem) {
		gp->issystem = false;
		__atomic_sub_fetch(&sched.ngsys, 1, __ATOMIC_RELAXED);
	}
	gp->m = 0;
	gp->lockedm = 0;
	gp->panic = 0;
	gp->param = 0;
	gp->waiting = 0;
	gp->waitreason = 0;
	gp->waitreason_code = 0;
	gp->preempt = false;
	dropg();
	gfput(pp, gp);
	schedule();
}

// The end of every goroutine: its first function returned (through
// rt_goexit_stub) or it called Goexit.
void goexit1(void)
{
	rt_mcall(goexit0);
	__builtin_unreachable();
}

// runtime.Goexit: runs the goroutine's deferred calls, innermost first,
// under a Panic marked goexit (recover returns nil in them), then ends
// the goroutine.  The main goroutine ends too: the program goes on, and
// checkdead reports "no goroutines (main called runtime.Goexit)" when
// nothing else is left.  Not yet: a panic in a deferred call that a later
// deferred call recovers resumes the function of that defer instead of
// going on with the Goexit (gc goes on exiting).
void Goexit(void)
{
	G *gp = getg();
	Panic p = {0};
	p.goexit = true;
	p.link = gp->panic;
	gp->panic = &p;
	rt_rundefers(&p);
	gp->panic = p.link;
	goexit1();
}

void block(void)
{
	gopark(0, 0, WAIT_SELECT_NO_CASES, 0, 1);
	rt_throw("unreachable");
}

// ---- creating goroutines --------------------------------------------------------------

typedef struct NewprocArgs {
	FuncVal *fn;
	G *callergp;
	uintptr callerpc;
	G *newg;
	uintptr stacksize;
	bool system;     // a runtime goroutine (gc's isSystemGoroutine)
} NewprocArgs;

// gc's newproc1, on the system stack: a G (reused or new) whose context
// starts fn with the closure pointer in DX and rt_goexit_stub as return
// address, made runnable on the current P's runnext.
static void newproc1(void *arg)
{
	NewprocArgs *a = arg;
	if (!a->fn)
		fatal_go(GOSTR("go of nil func value"));
	M *mp = getg()->m;
	mp->locks++;
	P *pp = mp->p;
	G *newg = a->stacksize == STACK_MIN ? gfget(pp) : 0;
	if (!newg) {
		newg = malg(a->stacksize);
		newg->status = G_DEAD; // not yet runnable, but visible to allgs readers
		allgadd(newg);
	}
	if (!newg->stack.hi)
		rt_throw("newproc1: newg missing stack");
	// The first frame: a return address (goexit) at an SP that is 8 mod 16,
	// as after a call (SysV and goc's ABI0 alike).
	uintptr sp = newg->stack.hi - 3 * PTRSIZE;
	*(uintptr *)sp = (uintptr)rt_goexit_stub + 1;
	newg->sched = (Gobuf){.sp = sp, .pc = a->fn->fn, .bp = 0, .ctxt = (uintptr)a->fn, .g = newg};
	newg->gopc = a->callerpc;
	newg->startpc = a->fn->fn;
	newg->waitsince = 0;
	newg->schedlink = 0;
	if (pp->goidcache == pp->goidcacheend) {
		pp->goidcache = (int64_t)__atomic_add_fetch(&sched.goidgen, GOID_BATCH, __ATOMIC_RELAXED);
		pp->goidcache -= GOID_BATCH - 1;
		pp->goidcacheend = pp->goidcache + GOID_BATCH;
	}
	newg->goid = pp->goidcache++;
	if (a->system) {
		newg->issystem = true;
		__atomic_add_fetch(&sched.ngsys, 1, __ATOMIC_RELAXED);
	}
	casgstatus(newg, G_DEAD, G_RUNNABLE);
	runqput(pp, newg, true);
	if (mainstarted)
		wakep();
	mp->locks--;
	a->newg = newg;
}

// go fn(): the compiler wraps the call and its arguments in a closure
// without arguments or results and passes the func value (gc 1.19's
// newproc(fn *funcval)); C calling convention, fn in RDI (docs/abi.md).
void newproc(FuncVal *fn)
{
	if (!fn)
		fatal_go(rt_gostringnocopy((const byte *)"go of nil func value"));
	NewprocArgs a = {fn, getg(), (uintptr)__builtin_return_address(0), 0, STACK_MIN, false};
	rt_systemstack1(newproc1, &a);
}

// A goroutine running the C function fn(arg): the runtime's own
// goroutines (later: forcegc, bgsweep, finalizers) and the C tests.
static G *newproc_c(void (*fn)(void *), void *arg, uintptr pc, bool system, uintptr stacksize)
{
	uintptr *fv = mallocgc(3 * PTRSIZE, RT_PTRWORDS, true);
	fv[0] = (uintptr)rt_cfunc_stub;
	fv[1] = (uintptr)fn;
	fv[2] = (uintptr)arg;
	NewprocArgs a = {(FuncVal *)fv, getg(), pc, 0, stacksize, system};
	rt_systemstack1(newproc1, &a);
	return a.newg;
}

G *rt_newproc_c(void (*fn)(void *), void *arg)
{
	return newproc_c(fn, arg, (uintptr)__builtin_return_address(0), false, STACK_MIN);
}

// A runtime goroutine (gc's system goroutines: forcegc, bgsweep, the
// finalizer goroutine): not counted by NumGoroutine, not shown in
// tracebacks except at runtime throws, and not enough to keep checkdead
// from reporting a deadlock.
G *rt_newproc_sys(void (*fn)(void *), void *arg)
{
	return newproc_c(fn, arg, (uintptr)__builtin_return_address(0), true, STACK_MIN);
}

// The same with a first stack of stacksize bytes (a power of two).
G *rt_newproc_sys_stack(void (*fn)(void *), void *arg, uintptr stacksize)
{
	return newproc_c(fn, arg, (uintptr)__builtin_return_address(0), true, stacksize);
}

// ---- start-up ----------------------------------------------------------------------------

static void doinit(InitTask *t)
{
	switch (t->state) {
	case 2:
		return;
	case 1:
		rt_throw("recursive call during initialization - linker skew");
	}
	t->state = 1;
	for (uintptr i = 0; i < t->ndeps; i++)
		doinit((InitTask *)t->deps_and_fns[i]);
	for (uintptr i = 0; i < t->nfns; i++)
		rt_callgo0((void (*)(void))t->deps_and_fns[t->ndeps + i]);
	t->state = 2;
}

intgo rt_findnull(const byte *s)
{
	intgo n = 0;
	if (s)
		while (s[n])
			n++;
	return n;
}

GoString rt_gostringnocopy(const byte *s) { return (GoString){s, rt_findnull(s)}; }

static void sysargs(uintptr *sp)
{
	rt_argc = (int32_t)sp[0];
	rt_argv = (byte **)(sp + 1);
	rt_envp = rt_argv + rt_argc + 1;
	byte **e = rt_envp;
	while (*e)
		e++;
	uintptr *auxv = (uintptr *)(e + 1);
	uintptr vdso = 0;
	for (; auxv[0] != AT_NULL; auxv += 2) {
		switch (auxv[0]) {
		case AT_PAGESZ: rt_pagesize = auxv[1]; break;
		case AT_RANDOM: rt_auxv_random = (byte *)auxv[1]; break;
		case AT_SYSINFO_EHDR: vdso = auxv[1]; break;
		}
	}
	vdso_init(vdso);
}

static int32_t getproccount(void)
{
	uint64_t mask[128]; // 8192 CPUs
	int r = sys_sched_getaffinity(0, sizeof mask, mask);
	if (r <= 0)
		return 1;
	int32_t n = 0;
	for (int i = 0; i < r / 8; i++)
		for (uint64_t m = mask[i]; m; m &= m - 1) // no popcnt: baseline amd64
			n++;
	return n ? n : 1;
}

// The value of environment variable name, or nil.
static const byte *getenv_raw(const char *name)
{
	for (byte **e = rt_envp; *e; e++) {
		const byte *s = *e;
		const char *n = name;
		while (*n && *s == (byte)*n)
			s++, n++;
		if (!*n && *s == '=')
			return s + 1;
	}
	return 0;
}

// A decimal number at *sp up to its end or stop (advanced past the
// digits); -1 when empty or malformed.
static int64_t parse_dec(const byte **sp, byte stop)
{
	const byte *s = *sp;
	int64_t v = 0;
	if (*s < '0' || *s > '9')
		v = -1;
	for (; *s >= '0' && *s <= '9' && v >= 0; s++)
		v = v > (1LL << 40) ? -1 : v * 10 + (*s - '0');
	if (*s && *s != stop)
		v = -1;
	*sp = s;
	return v;
}

// atoi of a decimal environment value; -1 when absent or malformed.
static int64_t getenv_int(const char *name)
{
	const byte *s = getenv_raw(name);
	return s ? parse_dec(&s, 0) : -1;
}

// The value of key in GODEBUG (key=N,...); -1 when absent or malformed.
// Keys goc reads: stackcopy (stack.c), gctrace (mgc.c).
int64_t rt_godebug(const char *key)
{
	const byte *s = getenv_raw("GODEBUG");
	int64_t found = -1;
	while (s && *s) {
		const char *k = key;
		while (*k && *s == (byte)*k)
			s++, k++;
		bool match = !*k && *s == '=';
		while (*s && *s != '=' && *s != ',')
			s++;
		int64_t v = -1;
		if (*s == '=') {
			s++;
			v = parse_dec(&s, ',');
		}
		while (*s && *s != ',')
			s++;
		if (*s == ',')
			s++;
		if (match)
			found = v; // the last one wins, as gc's
	}
	return found;
}

// GOGC: 100 when absent or malformed, -1 for "off" (gc's readGOGC).
int64_t rt_gcpercent_env(void)
{
	const byte *s = getenv_raw("GOGC");
	if (s && !__builtin_memcmp(s, "off", 4))
		return -1;
	int64_t n = s ? parse_dec(&s, 0) : -1;
	return n >= 0 ? n : 100;
}

// GOMEMLIMIT (gc's readGOMEMLIMIT and parseByteCount): bytes, with an
// optional B, KiB, MiB, GiB or TiB; "off" or unset: no limit (the
// largest int64).  A malformed value is a fatal error, as gc's.
int64_t rt_memlimit_env(void)
{
	const byte *s = getenv_raw("GOMEMLIMIT");
	if (!s || !*s || !__builtin_memcmp(s, "off", 4))
		return INT64_MAX;
	const byte *p = s;
	uint64_t v = 0;
	bool ok = *p >= '0' && *p <= '9';
	for (; ok && *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			ok = false;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	static const char units[5][4] = {"B", "KiB", "MiB", "GiB", "TiB"};
	if (ok && *p) {
		int u = -1;
		for (int i = 0; i < 5 && u < 0; i++)
			if (!__builtin_memcmp(p, units[i], i ? 4 : 2))
				u = i;
		ok = u >= 0;
		for (int i = 0; ok && i < u; i++) {
			if (v > UINT64_MAX / 1024)
				ok = false;
			v *= 1024;
		}
	}
	if (!ok || v > (uint64_t)INT64_MAX) {
		printlock();
		rt_prints("GOMEMLIMIT=");
		rt_prints((const char *)s);
		rt_prints("\n");
		printunlock();
		rt_throw("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
	}
	return (int64_t)v;
}

// The Gs ever made (the collector's roots): the array and its length.
G **rt_allgs(uintptr *n)
{
	*n = __atomic_load_n(&allglen, __ATOMIC_ACQUIRE);
	return __atomic_load_n(&allgs, __ATOMIC_ACQUIRE);
}

static void schedinit(void)
{
	sched.maxmcount = 10000;
	rt_m0.g0 = &rt_g0;
	rt_g0.m = &rt_m0;
	mcommoninit(&rt_m0);
	rt_ncpu = getproccount();
	int32_t procs = rt_ncpu;
	int64_t n = getenv_int("GOMAXPROCS");
	if (n > 0)
		procs = n > MAX_PROCS ? MAX_PROCS : (int32_t)n;
	mallocinit(); // also gives P 0 its mcache
	stackinit();
	procresize(procs);
	rt_gcinit();
}

static void runtime_main(void) NORETURN;
static void runtime_main(void)
{
	mainstarted = true;
	// goids 2, 3 and 4 are gc's forcegc, bgsweep and bgscavenge
	// goroutines; reserving them keeps goroutine numbers in tracebacks
	// equal to gc's until goc has those goroutines too.
	P *pp = getg()->m->p;
	if (pp->goidcache + 3 <= pp->goidcacheend)
		pp->goidcache += 3;
	if (&runtime_inittask)
		doinit(&runtime_inittask);
	if (&main_inittask)
		doinit(&main_inittask);
	if (main_main)
		rt_callgo0(main_main);
	rt_exit(0);
}

void rt_start(uintptr *sp)
{
	byte **e = (byte **)(sp + 1) + sp[0] + 1;
	while (*e)
		e++;
	rt_tls_init((uintptr *)(e + 1));
	setg(&rt_g0);
	rt_g0.stack.hi = (uintptr)sp;
	rt_g0.stack.lo = (uintptr)sp - G0_STACK_SIZE;
	rt_g0.stackguard0 = rt_g0.stack.lo + STACK_GUARD;
	rt_g0.stackguard1 = rt_g0.stackguard0;
	rt_g0.status = G_RUNNING;
	// The scheduler and systemstack calls start here, on (almost) the top
	// of the OS stack: nothing of rt_start's survives the first switch.
	rt_g0.sched.sp = ((uintptr)sp - 64) & ~(uintptr)15;
	sysargs(sp);
	schedinit();
	rt_initsig();

	// The main goroutine (goid 1), as gc's newproc(runtime.main), but with
	// a larger stack (C code runs on it unchecked; docs/runtime.md).
	static FuncVal mainfv = {(uintptr)runtime_main};
	NewprocArgs a = {&mainfv, &rt_g0, 0, 0, MAIN_STACK_SIZE, false};
	newproc1(&a);
	schedule();
}

void rt_exit(int code)
{
	rt_printflush();
	sys_exit_group(code);
}

// ---- tracebacks of the other goroutines -------------------------------------------------

// gc's tracebackothers for a fatal error: every goroutine other than me
// and the M's current one (which dopanic prints), with its header, in
// creation order; frames come with the linker's function table.
void rt_tracebackothers(G *me)
{
	M *mp = getg()->m;
	uintptr n = __atomic_load_n(&allglen, __ATOMIC_ACQUIRE);
	for (uintptr i = 0; i < n; i++) {
		G *gp = allgs[i];
		if (gp == me || gp == mp->curg || gp->status == G_DEAD)
			continue;
		if (gp->issystem && mp->throwing < THROW_RUNTIME)
			continue; // gc shows them at traceback level 2, which runtime throws imply
		rt_prints("\n");
		rt_goroutineheader(gp);
		rt_tracebacksched(gp);
	}
}
