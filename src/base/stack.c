/*
 * stack.c — the compiler's stack.  goc's passes recurse over the syntax
 * tree (the parser, the checker, the lowering), so their depth is the
 * source's nesting depth: `0+1+1+...+1` with 200,000 terms is a
 * left-nested chain of binary expressions 200,000 deep, and needs far
 * more than the 8 MiB a process's main thread gets.
 *
 * So main runs the command on a thread whose stack is a 1 GiB
 * reservation (pages are committed only as they are touched; gc's
 * goroutine stacks stop at 1 GB too).  The recursive entry points test
 * stack_low() and stop with a positioned error in gc's format (exit 2,
 * stack_exhausted) once less than STACK_MARGIN is left.  A guard page below the
 * stack and a SIGSEGV handler on an alternate signal stack turn any
 * other overflow — a recursion without a check — into a message and
 * exit 2 rather than a crash; other faults go on to the handler that was
 * there before (the default, or the sanitizer's).  GOC_STACK_MB=N sets
 * another size, for the tests of the limit.
 */
#include "base.h"

#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#define STACK_SIZE ((size_t)1 << 30)
#define STACK_MARGIN ((size_t)16 << 20) /* left for the work below the last check (at most a quarter) */
#define GUARD_SIZE ((size_t)64 << 10)
#define ALTSTACK_SIZE ((size_t)64 << 10)

_Thread_local uintptr_t stack_limit; /* 0: no limit known (other threads, the fuzzer) */

static char *guard_lo, *guard_hi;
static size_t stack_size;
static struct sigaction old_segv;

void stack_exhausted(Pos pos)
{
	fatal_at(pos, "expression or statement nested too deeply (goc's %zu MiB stack is exhausted)", stack_size >> 20);
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	char *a = si->si_addr;
	if (a >= guard_lo && a < guard_hi) {
		static const char msg[] = "goc: internal compiler error: stack overflow (source nested too deeply)\n";
		ssize_t r = write(2, msg, sizeof msg - 1);
		(void)r;
		_exit(2);
	}
	/* not ours: the previous handler sees the fault when it recurs */
	sigaction(SIGSEGV, &old_segv, NULL);
	(void)sig, (void)uc;
}

typedef struct Call {
	int (*fn)(int, char **);
	int argc;
	char **argv;
	char *lo;
} Call;

static void *thread_main(void *arg)
{
	Call *c = arg;
	/* the sanitizers give each thread an alternate stack of their own */
	stack_t ss = {0};
	if (sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_DISABLE)) {
		ss = (stack_t){.ss_sp = xmalloc(ALTSTACK_SIZE), .ss_size = ALTSTACK_SIZE};
		if (sigaltstack(&ss, NULL) != 0)
			ss.ss_flags = SS_DISABLE;
	}
	if (!(ss.ss_flags & SS_DISABLE)) {
		struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
		sigemptyset(&sa.sa_mask);
		sigaction(SIGSEGV, &sa, &old_segv);
	}
	stack_limit = (uintptr_t)(c->lo + (STACK_MARGIN < stack_size / 4 ? STACK_MARGIN : stack_size / 4));
	/* exit here, not in main: what the command allocated stays
	 * reachable from this stack for LeakSanitizer's check at exit */
	exit(c->fn(c->argc, c->argv));
}

int run_with_big_stack(int (*fn)(int, char **), int argc, char **argv)
{
	const char *env = getenv("GOC_STACK_MB");
	stack_size = env && atoi(env) > 0 ? (size_t)atoi(env) << 20 : STACK_SIZE;
	char *m = mmap(NULL, stack_size + GUARD_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	pthread_attr_t attr;
	pthread_t t;
	Call c = {fn, argc, argv, m + GUARD_SIZE};
	if (m == MAP_FAILED || mprotect(m, GUARD_SIZE, PROT_NONE) != 0 || pthread_attr_init(&attr) != 0)
		return fn(argc, argv); /* no big stack: the ordinary one */
	guard_lo = m;
	guard_hi = m + GUARD_SIZE;
	if (pthread_attr_setstack(&attr, m + GUARD_SIZE, stack_size) != 0 || pthread_create(&t, &attr, thread_main, &c) != 0) {
		pthread_attr_destroy(&attr);
		return fn(argc, argv);
	}
	pthread_attr_destroy(&attr);
	pthread_join(t, NULL); /* the thread exits the process */
	return 2;
}
