// proc.c — start-up and the main goroutine.
//
// The flow follows gc's rt0_go and runtime.main:
//   _start (rt0) → rt_start: argc/argv/envp/auxv, m0 and g0 on the OS
//   stack, schedinit (CPU count, GOMAXPROCS, P structures, allocator);
//   then the main goroutine (goid 1) gets its own stack and runs
//   runtime_main: the runtime's and the main package's init tasks
//   (main..inittask, emitted by the compiler), main.main, exit(0).
// The scheduler (a later layer) replaces the direct switch to the main
// goroutine with newproc + mstart, as gc does; the structures are
// already G/M/P so that nothing else changes.
#include "rt.h"

M rt_m0;
G rt_g0;
P rt_p0;
P *rt_allp[1];
int32_t rt_ncpu = 1;
int32_t rt_gomaxprocs = 1;
int32_t rt_argc;
byte **rt_argv;
byte **rt_envp;
uintptr rt_pagesize = 4096;
byte *rt_auxv_random;

static G rt_g1; // the main goroutine

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

enum { AT_NULL = 0, AT_PAGESZ = 6, AT_RANDOM = 25, AT_SYSINFO_EHDR = 33 };

enum {
	G0_STACK_SIZE = 64 << 10,     // what the runtime assumes of the OS stack, as gc
	MAIN_STACK_SIZE = 1 << 20,    // main goroutine: fixed until stack growth comes
};

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

// atoi of a decimal environment value; -1 when absent or malformed.
static int64_t getenv_int(const char *name)
{
	for (byte **e = rt_envp; *e; e++) {
		const byte *s = *e;
		const char *n = name;
		while (*n && *s == (byte)*n)
			s++, n++;
		if (*n || *s != '=')
			continue;
		s++;
		if (!*s)
			return -1;
		int64_t v = 0;
		for (; *s; s++) {
			if (*s < '0' || *s > '9' || v > (1LL << 40))
				return -1;
			v = v * 10 + (*s - '0');
		}
		return v;
	}
	return -1;
}

static void schedinit(void)
{
	rt_m0.g0 = &rt_g0;
	rt_g0.m = &rt_m0;
	uint64_t seed = 0;
	if (rt_auxv_random)
		memmove(&seed, rt_auxv_random, sizeof seed);
	rt_m0.fastrand = seed | 1;
	rt_ncpu = getproccount();
	rt_gomaxprocs = rt_ncpu;
	int64_t n = getenv_int("GOMAXPROCS");
	if (n > 0)
		rt_gomaxprocs = (int32_t)n;
	mallocinit(); // also gives P 0 its mcache
	rt_allp[0] = &rt_p0;
	rt_p0.m = &rt_m0;
	rt_m0.p = &rt_p0;
}

static void runtime_main(void) NORETURN;
static void runtime_main(void)
{
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
	setg(&rt_g0);
	rt_g0.stack.hi = (uintptr)sp;
	rt_g0.stack.lo = (uintptr)sp - G0_STACK_SIZE;
	rt_g0.stackguard0 = rt_g0.stack.lo + 928;
	rt_g0.stackguard1 = rt_g0.stackguard0;
	rt_g0.status = G_RUNNING;
	// Below sp nothing of rt_start's survives the switch to the main
	// goroutine: systemstack calls reuse the g0 stack from (almost) its top.
	rt_g0.sched_sp = (uintptr)sp - 64;
	sysargs(sp);
	schedinit();

	// The main goroutine.  Its stack comes from the heap's pages for now
	// (stack.c, with the growth scheme of docs/runtime.md, comes with the
	// scheduler).
	byte *stk = sysAlloc(MAIN_STACK_SIZE);
	if (!stk)
		rt_throw("runtime: cannot allocate the main goroutine's stack");
	G *gp = &rt_g1;
	gp->goid = 1;
	gp->stack.lo = (uintptr)stk;
	gp->stack.hi = (uintptr)stk + MAIN_STACK_SIZE;
	gp->stackguard0 = gp->stack.lo + 928;
	gp->stackguard1 = gp->stackguard0;
	gp->m = &rt_m0;
	gp->status = G_RUNNING;
	rt_m0.curg = gp;
	rt_g0.status = G_WAITING;
	rt_switchstack(gp->stack.hi, gp, runtime_main);
}

void rt_systemstack(void (*fn)(void))
{
	G *gp = getg();
	M *mp = gp->m;
	if (!mp || gp == mp->g0) {
		fn();
		return;
	}
	rt_onstack(fn, mp->g0, mp->g0->sched_sp);
}

void rt_exit(int code)
{
	rt_printflush();
	sys_exit_group(code);
}
