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
#include "rt.h"

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
