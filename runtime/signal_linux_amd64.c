// signal_linux_amd64.c — synchronous signals (SIGSEGV, SIGBUS, SIGFPE)
// turned into Go panics, as gc's signal_unix.go/sigpanic do.
//
// The handler runs on the M's signal stack (sigaltstack, SA_ONSTACK), so
// a fault near the end of a goroutine stack can still be handled.  When
// the faulting thread was running a user goroutine (R14 in the signal
// context is the M's curg), the handler records the signal in the G
// (sig, sigcode0 = si_code, sigcode1 = fault address, sigpc) and edits
// the context so that the goroutine resumes in rt_sigpanic_stub on its
// own stack, with the faulting pc pushed as a return address (gc's
// sigctxt.preparePanic): the panic then runs as if the faulting
// instruction had called it.  rt_sigpanic chooses the panic: a fault
// below 0x1000 is a nil dereference (panicmem); any other address is
// gc's "unexpected fault address" and throw("fault").  A fault anywhere
// else (the scheduler on g0, a corrupt R14) is gc's throw "unexpected
// signal during runtime execution".  Either way dopanic prints gc's
// "[signal SIGSEGV: segmentation violation code=... addr=... pc=...]".
#include "proc.h"

enum {
	SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11,
	SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTORER = 0x04000000, SA_RESTART = 0x10000000,
	SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRERR = 2, FPE_INTDIV = 1,
	SIGSTACK_SIZE = 32 << 10,
	// mcontext gregs indices
	REG_R14 = 6, REG_RSP = 15, REG_RIP = 16,
};

typedef struct {
	void (*handler)(int, void *, void *);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
} KSigaction;

typedef struct {
	int32_t signo, errno_, code, pad;
	uintptr addr;
} SigInfo;

typedef struct {
	void *sp;
	int32_t flags, pad;
	uintptr size;
} StackT;

typedef struct {
	unsigned long flags;
	void *link;
	StackT stack;
	uint64_t gregs[23];
} UContext;

void rt_sigreturn(void);     // panic_amd64.S
void rt_sigpanic_stub(void); // panic_amd64.S
void rt_sigpanic(void) NORETURN;

static const char *signame(uint32_t sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV: segmentation violation";
	case SIGBUS: return "SIGBUS: bus error";
	case SIGFPE: return "SIGFPE: floating-point exception";
	}
	return 0;
}

// the "[signal ...]" line of a panic or throw caused by a signal (dopanic)
void rt_printsignal(G *gp)
{
	if (!gp->sig)
		return;
	const char *n = signame(gp->sig);
	rt_prints("[signal ");
	if (n)
		rt_prints(n);
	else
		printhex(gp->sig);
	rt_prints(" code=");
	printhex(gp->sigcode0);
	rt_prints(" addr=");
	printhex(gp->sigcode1);
	rt_prints(" pc=");
	printhex(gp->sigpc);
	rt_prints("]\n");
}

// The goroutine the fault interrupted, when it is a user goroutine that
// may panic; nil otherwise: the thread's TLS slot (R14 is anything in
// assembly) when it is m0's current user goroutine (only m0 exists today).
static G *faultingg(G *gp)
{
	if (gp && gp == rt_m0.curg && gp != rt_m0.g0)
		return gp;
	return 0;
}

static void sighandler(int sig, void *infop, void *ctxp)
{
	SigInfo *info = infop;
	UContext *uc = ctxp;
	G *gp = faultingg(rt_tlsg);
	if (!gp) {
		// not on a user goroutine: a runtime fault, fatal
		setg(rt_m0.curg ? rt_m0.curg : &rt_g0);
		G *g = getg();
		g->sig = (uint32_t)sig;
		g->sigcode0 = (uintptr)(intgo)info->code;
		g->sigcode1 = info->addr;
		g->sigpc = uc->gregs[REG_RIP];
		rt_throw("unexpected signal during runtime execution");
	}
	setg(gp);
	M *mp = gp->m;
	if (mp && (mp->locks || mp->mallocing || mp->throwing || mp->dying)) {
		// gc's canpanic: a fault in the allocator, under a runtime
		// lock, or while a panic is being printed cannot panic.  (A
		// fault in a deferred call that a signal panic runs, even one
		// that recovered, is a new panic.)
		rt_throw("unexpected signal during runtime execution");
	}
	gp->sig = (uint32_t)sig;
	gp->sigcode0 = (uintptr)(intgo)info->code;
	gp->sigcode1 = info->addr;
	gp->sigpc = uc->gregs[REG_RIP];
	// resume in rt_sigpanic_stub as if called from the faulting pc
	uintptr sp = uc->gregs[REG_RSP] - 8;
	*(uintptr *)sp = uc->gregs[REG_RIP];
	uc->gregs[REG_RSP] = sp;
	uc->gregs[REG_RIP] = (uint64_t)(uintptr)rt_sigpanic_stub;
	uc->gregs[REG_R14] = (uint64_t)(uintptr)gp; // a fault in assembly: R14 was anything
}

// rt_sigpanic: on the goroutine's stack, the panic the signal stands for.
void rt_sigpanic(void)
{
	G *gp = getg();
	switch (gp->sig) {
	case SIGBUS:
		if (gp->sigcode0 == BUS_ADRERR && gp->sigcode1 < 0x1000)
			panicmem();
		break;
	case SIGSEGV:
		if ((gp->sigcode0 == 0 || gp->sigcode0 == SEGV_MAPERR || gp->sigcode0 == SEGV_ACCERR) &&
		    gp->sigcode1 < 0x1000)
			panicmem();
		break;
	case SIGFPE:
		// the compiler checks divisors; a trapping division is still
		// gc's divide error (FPE_INTDIV; INTOVF would be overflow)
		if (gp->sigcode0 == FPE_INTDIV)
			panicdivide();
		rt_throw("unexpected signal during runtime execution");
	}
	printlock();
	rt_prints("unexpected fault address ");
	printhex(gp->sigcode1);
	rt_prints("\n");
	printunlock();
	rt_throw("fault");
}

static void setsig(int sig)
{
	KSigaction sa = {
		.handler = sighandler,
		.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART,
		.restorer = rt_sigreturn,
		.mask = ~(uint64_t)0, // every signal blocked while handling
	};
	if (sys_rt_sigaction(sig, &sa, 0, sizeof sa.mask) < 0)
		rt_throw("sigaction failed");
}

void rt_minitsig(M *mp)
{
	(void)mp;
	void *p = sys_mmap(0, SIGSTACK_SIZE, 3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
	if ((intgo)p < 0 && (intgo)p > -4096)
		rt_throw("runtime: cannot allocate signal stack");
	StackT ss = {.sp = p, .flags = 0, .size = SIGSTACK_SIZE};
	if (sys_sigaltstack(&ss, 0) < 0)
		rt_throw("sigaltstack failed");
}

void rt_initsig(void)
{
	rt_minitsig(&rt_m0);
	setsig(SIGSEGV);
	setsig(SIGBUS);
	setsig(SIGFPE);
}

// ---- os/signal (gc: sigqueue.go) ----
// signal_enable installs a handler that only sets the signal's bit in
// sigq.pending (async-signal-safe); the goroutine in signal_recv parks
// until the scheduler sees the bit (rt_sigpoll, called from
// findrunnable) and readies it.  While it waits and nothing else can
// run, the M sleeps in nanosleep, which a signal interrupts (proc.c), so
// a program waiting for a signal is not a deadlock.  Synchronous signals
// keep the panic handler above.

static struct {
	uint64_t pending;  // arrived, not yet received
	uint64_t wanted;   // enabled by signal.Notify
	uint64_t ignored;  // by signal.Ignore
	G *waiter;         // the goroutine parked in signal_recv
} sigq;


static bool issync(uint32_t sig) { return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE; }

static void sigqueue_handler(int sig, void *info, void *ctx)
{
	(void)info, (void)ctx;
	if (sig >= 1 && sig <= 64)
		__atomic_or_fetch(&sigq.pending, (uint64_t)1 << (sig - 1), __ATOMIC_SEQ_CST);
}

static void sethandler(uint32_t sig, void (*h)(int, void *, void *))
{
	KSigaction sa = {
		.handler = h,
		.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART,
		.restorer = rt_sigreturn,
		.mask = ~(uint64_t)0,
	};
	sys_rt_sigaction((int)sig, &sa, 0, sizeof sa.mask);
}

void signal_enable(uint32_t sig) LINKNAME("os/signal.signal_enable");
void signal_enable(uint32_t sig)
{
	if (sig < 1 || sig > 64)
		return;
	uint64_t bit = (uint64_t)1 << (sig - 1);
	sigq.wanted |= bit;
	sigq.ignored &= ~bit;
	if (!issync(sig) && sig != 9 && sig != 19) // SIGKILL, SIGSTOP cannot be caught
		sethandler(sig, sigqueue_handler);
}

void signal_disable(uint32_t sig) LINKNAME("os/signal.signal_disable");
void signal_disable(uint32_t sig)
{
	if (sig < 1 || sig > 64)
		return;
	sigq.wanted &= ~((uint64_t)1 << (sig - 1));
	if (!issync(sig) && sig != 9 && sig != 19)
		sethandler(sig, 0); // SIG_DFL
}

void signal_ignore(uint32_t sig) LINKNAME("os/signal.signal_ignore");
void signal_ignore(uint32_t sig)
{
	if (sig < 1 || sig > 64)
		return;
	uint64_t bit = (uint64_t)1 << (sig - 1);
	sigq.wanted &= ~bit;
	sigq.ignored |= bit;
	if (!issync(sig) && sig != 9 && sig != 19)
		sethandler(sig, (void (*)(int, void *, void *))1); // SIG_IGN
}

bool signal_ignored(uint32_t sig) LINKNAME("os/signal.signal_ignored");
bool signal_ignored(uint32_t sig) { return sig >= 1 && sig <= 64 && (sigq.ignored >> (sig - 1) & 1); }

// takes a pending signal that is wanted; 0 if none
static uint32_t sigtake(void)
{
	for (;;) {
		uint64_t p = __atomic_load_n(&sigq.pending, __ATOMIC_SEQ_CST);
		uint64_t w = p & sigq.wanted;
		if (!w) {
			if (p) // arrived but no longer wanted
				__atomic_and_fetch(&sigq.pending, ~p, __ATOMIC_SEQ_CST);
			return 0;
		}
		uint32_t sig = (uint32_t)__builtin_ctzll(w) + 1;
		uint64_t bit = (uint64_t)1 << (sig - 1);
		if (__atomic_fetch_and(&sigq.pending, ~bit, __ATOMIC_SEQ_CST) & bit)
			return sig;
	}
}

static bool sigrecv_park(G *gp, void *arg)
{
	(void)arg;
	if (__atomic_load_n(&sigq.pending, __ATOMIC_SEQ_CST) & sigq.wanted)
		return false; // arrived meanwhile: do not sleep
	sigq.waiter = gp;
	return true;
}

uint32_t signal_recv(void) LINKNAME("os/signal.signal_recv");
uint32_t signal_recv(void)
{
	for (;;) {
		uint32_t sig = sigtake();
		if (sig)
			return sig;
		gopark(sigrecv_park, 0, WAIT_ZERO, 0, 1);
	}
}

// Stop: wait until signals sent before are delivered (gc's); they are
// bits, taken by the next signal_recv
void signalWaitUntilIdle(void) LINKNAME("os/signal.signalWaitUntilIdle");
void signalWaitUntilIdle(void) {}

// The scheduler's part: readies the waiter when a wanted signal is
// pending; whether one waits (then the idle M must not stop for good).
bool rt_sigpoll(void)
{
	G *gp = sigq.waiter;
	if (!gp)
		return false;
	if (__atomic_load_n(&sigq.pending, __ATOMIC_SEQ_CST) & sigq.wanted) {
		sigq.waiter = 0;
		goready(gp, 0);
	}
	return true;
}
