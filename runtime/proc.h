// proc.h — the scheduler's internal interface, shared by proc.c (G/M/P,
// run queues, schedule, park/ready), stack.c (goroutine stacks, morestack),
// chan.c, select.c and sema.c.  docs/runtime.md, "Goroutines and the
// scheduler", has the design; docs/abi.md the entry points' conventions.
#ifndef GOC_PROC_H
#define GOC_PROC_H

#include "rt.h"

// gc's waitReason, in gc's order, with gc's strings (waitreason_str).
enum {
	WAIT_ZERO, WAIT_GC_ASSIST_MARKING, WAIT_IO_WAIT, WAIT_CHAN_RECEIVE_NIL_CHAN,
	WAIT_CHAN_SEND_NIL_CHAN, WAIT_DUMPING_HEAP, WAIT_GARBAGE_COLLECTION,
	WAIT_GARBAGE_COLLECTION_SCAN, WAIT_PANIC_WAIT, WAIT_SELECT, WAIT_SELECT_NO_CASES,
	WAIT_GC_ASSIST_WAIT, WAIT_GC_SWEEP_WAIT, WAIT_GC_SCAVENGE_WAIT, WAIT_CHAN_RECEIVE,
	WAIT_CHAN_SEND, WAIT_FINALIZER_WAIT, WAIT_FORCE_GC_IDLE, WAIT_SEMACQUIRE,
	WAIT_SLEEP, WAIT_SYNC_COND_WAIT, WAIT_TIMER_GOROUTINE_IDLE,
	WAIT_TRACE_READER_BLOCKED, WAIT_WAIT_FOR_GC_CYCLE, WAIT_GC_WORKER_IDLE,
	WAIT_PREEMPTED, WAIT_DEBUG_CALL,
	WAIT_NREASONS
};
extern const char *const waitreason_str[WAIT_NREASONS];

// A func value: a pointer to a closure record whose first word is the
// code address (docs/abi.md).
typedef struct FuncVal {
	uintptr fn;
	// captured variables follow
} FuncVal;

// A G waiting in a list: on a channel's queue (chan.c, select.c), on a
// semaphore (sema.c).  gc's sudog.
typedef struct Sudog {
	G *g;
	struct Sudog *next, *prev;  // channel or semaphore queue
	void *elem;                 // data element (may point into g's stack)
	int64_t acquiretime, releasetime;
	uint32_t ticket;
	bool isSelect;              // part of a select: win selectDone before using it
	bool success;               // woken by a value (true) or by close (false)
	struct Sudog *waitlink;     // g.waiting list, or the semaRoot's list of equal addresses
	struct Sudog *waittail;     // semaRoot
	struct Hchan *c;            // the channel
} Sudog;

Sudog *acquireSudog(void);
void releaseSudog(Sudog *s);

// Context switches (proc_amd64.S).
void rt_gogo(Gobuf *buf) NORETURN;           // resume a saved context
void rt_mcall(void (*fn)(G *));              // save the G, run fn(g) on g0: fn never returns
void rt_goexit_stub(void);                   // the return address of every goroutine's first frame
void rt_cfunc_stub(void);                    // entry of C goroutines: calls fv[1](fv[2])
void rt_systemstack_arg(void (*fn)(void *), void *arg, uintptr sp, G *g0); // fn(arg) on g0
void morestack(void) RTSYM(morestack);       // called by Go prologues (stack.c)
void morestack_noctxt(void) RTSYM(morestack_noctxt);

// Run fn(arg) on the M's system stack (gc's systemstack with a closure).
void rt_systemstack1(void (*fn)(void *), void *arg);

// Parking and readying (proc.c).
void gopark(bool (*unlockf)(G *, void *), void *lock, uint8_t reason, uint8_t traceev, intgo traceskip) RTSYM(gopark);
void goparkunlock(Mutex *l, uint8_t reason, uint8_t traceev, intgo traceskip) RTSYM(goparkunlock);
void goready(G *gp, intgo traceskip) RTSYM(goready);
// the network poller (netpoll.c): whether Gs wait for I/O; the Gs made
// ready by events within delay ns (< 0: until one) and by deadlines
// passed by now (with the next deadline in *next, -1 if none)
bool rt_netpoll_waiting(void);
G *rt_netpoll(int64_t delay);
G *rt_netpoll_deadlines(int64_t now, int64_t *next);
// time.c: runs the timers due at now, returns the next one's time or -1
int64_t rt_runtimers(int64_t now);
bool rt_timerspending(void);
// signal_linux_amd64.c: readies os/signal's receiver when a signal it
// wants arrived; whether it waits
bool rt_sigpoll(void);
void Gosched(void) RTSYM(Gosched);
void goschedguarded(void) RTSYM(goschedguarded);
intgo NumGoroutine(void) RTSYM(NumGoroutine);
intgo GOMAXPROCS(intgo n) RTSYM(GOMAXPROCS);
void Goexit(void) RTSYM(Goexit) NORETURN;
void goexit1(void) RTSYM(goexit1) NORETURN;
void newproc(FuncVal *fn) RTSYM(newproc);
G *rt_newproc_c(void (*fn)(void *), void *arg); // a goroutine running C: fn(arg)
G *rt_newproc_sys(void (*fn)(void *), void *arg); // the same, as a runtime (system) goroutine
G *rt_newproc_sys_stack(void (*fn)(void *), void *arg, uintptr stacksize); // with a larger first stack
// fn(args) with ABI0 from C: reflect's call (proc_amd64.S) copies the
// frame's argsize bytes to the stack and the results back from retoffset
void rt_reflectcall(void *argtype, struct FuncVal *fn, void *args, uint32_t argsize, uint32_t retoffset,
		    uint32_t framesize, void *regargs) RTSYM(reflectcall);
void block(void) RTSYM(block) NORETURN;        // select {}
void schedule(void) NORETURN;
void rt_gopreempt_m(G *gp) NORETURN;          // newstack's preemption: as Gosched
int32_t gcount(void);
uint32_t rt_fastrandn(uint32_t n);

// Stacks (stack.c).
enum {
	STACK_MIN = 2048,              // gc's _StackMin: every goroutine starts here
	STACK_GUARD = 928,             // gc's _StackGuard on linux/amd64
	STACK_SMALL = 128,             // gc's _StackSmall
	STACK_CACHE_SIZE = 32 << 10,   // per-P cache of each order, and pool span size
	STACK_CANARY = 0x5741434b43414e31ULL, // at stack.lo: overwritten means a C frame overflowed
};
// Go prologues see this in stackguard0 when the scheduler wants the G
// (gc's stackPreempt): larger than any SP, so the check always fails.
#define STACK_PREEMPT ((uintptr)0xfffffffffffffade)
extern uintptr rt_maxstacksize;
void stackinit(void);
Stack stackalloc(uintptr n);
void stackfree(Stack stk);
void stackcache_clear(P *p);
void rt_stackcheck(G *gp);             // throws if gp's canary is gone
void rt_shrinkstack(G *gp);            // stack.c: half the stack when a quarter is used (the GC)

#endif
