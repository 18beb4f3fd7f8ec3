// time.c — timers: time.Sleep, and package time's runtimeTimer
// (Timer, Ticker, After, AfterFunc) through the linkname contract
// (gc's runtime/time.go).
//
// A timer is package time's runtimeTimer, in its layout; the runtime
// keeps the pending ones in one binary heap ordered by when, under
// timers.lock (gc keeps a 4-ary heap per P; one heap serves one P, and
// the lock keeps it right when more Ms come).  The heap index + 1 of a
// pending timer is in its pp word (gc's word for its P), 0 when it is
// not pending.  The scheduler runs the timers that are due
// (rt_runtimers) before it looks for work, on g0: each period timer is
// put back, then its f(arg, seq) is called (through runtime.reflectcall),
// a Go function of package time that does not block (sendTime's
// non-blocking send, goFunc's go statement); an M with nothing to run sleeps until the next timer is
// due instead of stopping (findrunnable in proc.c).  time.Sleep parks
// the goroutine on a timer whose f is nil, which readies it.
#include "proc.h"
#include "malloc.h"

typedef struct RTimer {
	uintptr pp;            // heap index + 1 while pending, else 0
	int64_t when;
	int64_t period;
	struct FuncVal *f;     // func(arg any, seq uintptr); nil: ready arg's G (Sleep)
	Eface arg;
	uintptr seq;
	int64_t nextwhen;
	uint32_t status;
} RTimer;

static struct {
	Mutex lock;
	RTimer **heap;
	intgo n, cap;
} timers;

enum { MAXWHEN = (int64_t)(((uint64_t)1 << 63) - 1) };

// f(arg, seq) with ABI0: reflect's call (proc_amd64.S, rt_reflectcall) builds the frame

static void calltimer(struct FuncVal *f, Eface arg, uintptr seq)
{
	struct {
		Eface arg;
		uintptr seq;
	} frame = {arg, seq};
	rt_reflectcall(0, f, &frame, sizeof frame, sizeof frame, sizeof frame, 0);
}

static void siftup(intgo i)
{
	RTimer **h = timers.heap;
	RTimer *t = h[i];
	while (i > 0) {
		intgo p = (i - 1) / 2;
		if (h[p]->when <= t->when)
			break;
		h[i] = h[p];
		h[i]->pp = (uintptr)i + 1;
		i = p;
	}
	h[i] = t;
	t->pp = (uintptr)i + 1;
}

static void siftdown(intgo i)
{
	RTimer **h = timers.heap;
	RTimer *t = h[i];
	intgo n = timers.n;
	for (;;) {
		intgo c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && h[c + 1]->when < h[c]->when)
			c++;
		if (t->when <= h[c]->when)
			break;
		h[i] = h[c];
		h[i]->pp = (uintptr)i + 1;
		i = c;
	}
	h[i] = t;
	t->pp = (uintptr)i + 1;
}

// with timers.lock held
static void addtimer(RTimer *t)
{
	if (t->when < 0)
		t->when = MAXWHEN; // gc: a negative when (an overflow) is never
	if (timers.n == timers.cap) {
		intgo cap = timers.cap ? 2 * timers.cap : 64;
		RTimer **h = mallocgc((uintptr)cap * sizeof *h, RT_PTRWORDS, true);
		if (timers.n)
			memmove(h, timers.heap, (uintptr)timers.n * sizeof *h);
		timers.heap = h;
		timers.cap = cap;
	}
	wbstore(&timers.heap[timers.n++], t);
	siftup(timers.n - 1);
}

// with timers.lock held; whether t was pending
static bool deltimer(RTimer *t)
{
	if (t->pp == 0)
		return false;
	intgo i = (intgo)t->pp - 1;
	if (i >= timers.n || timers.heap[i] != t)
		rt_throw("runtime: timer heap corrupted");
	t->pp = 0;
	RTimer *last = timers.heap[--timers.n];
	wbstore(&timers.heap[timers.n], 0); // (siftup and siftdown only permute: no barrier)
	if (i < timers.n) {
		wbstore(&timers.heap[i], last);
		last->pp = (uintptr)i + 1;
		siftdown(i);
		siftup((intgo)last->pp - 1);
	}
	return true;
}

// Runs the timers due at now; returns the time of the next one, or -1.
int64_t rt_runtimers(int64_t now)
{
	if (__atomic_load_n(&timers.n, __ATOMIC_ACQUIRE) == 0)
		return -1;
	lock(&timers.lock);
	while (timers.n > 0 && timers.heap[0]->when <= now) {
		RTimer *t = timers.heap[0];
		deltimer(t);
		if (t->period > 0) {
			t->when += t->period * (1 + (now - t->when) / t->period);
			if (t->when < 0)
				t->when = MAXWHEN;
			addtimer(t);
		}
		struct FuncVal *f = t->f;
		Eface arg = t->arg;
		uintptr seq = t->seq;
		unlock(&timers.lock);
		if (f)
			calltimer(f, arg, seq);
		else
			goready((G *)arg.data, 0);
		lock(&timers.lock);
	}
	int64_t next = timers.n ? timers.heap[0]->when : -1;
	unlock(&timers.lock);
	return next;
}

// Whether any timer is pending (checkdead: then the program can go on).
bool rt_timerspending(void) { return __atomic_load_n(&timers.n, __ATOMIC_ACQUIRE) > 0; }


void time_startTimer(RTimer *t) LINKNAME("time.startTimer");
void time_startTimer(RTimer *t)
{
	lock(&timers.lock);
	if (t->pp)
		rt_throw("time: startTimer called with an active timer");
	addtimer(t);
	unlock(&timers.lock);
}

bool time_stopTimer(RTimer *t) LINKNAME("time.stopTimer");
bool time_stopTimer(RTimer *t)
{
	lock(&timers.lock);
	bool was = deltimer(t);
	unlock(&timers.lock);
	return was;
}

bool time_resetTimer(RTimer *t, int64_t when) LINKNAME("time.resetTimer");
bool time_resetTimer(RTimer *t, int64_t when)
{
	lock(&timers.lock);
	bool was = deltimer(t);
	t->when = when;
	addtimer(t);
	unlock(&timers.lock);
	return was;
}

void time_modTimer(RTimer *t, int64_t when, int64_t period, struct FuncVal *f, Eface arg, uintptr seq)
	LINKNAME("time.modTimer");
void time_modTimer(RTimer *t, int64_t when, int64_t period, struct FuncVal *f, Eface arg, uintptr seq)
{
	lock(&timers.lock);
	deltimer(t);
	t->when = when;
	t->period = period;
	t->f = f;
	t->arg = arg;
	t->seq = seq;
	addtimer(t);
	unlock(&timers.lock);
}

// time.Sleep: the timer is added once the goroutine is parked (gopark's
// unlock function, on g0), so that it cannot fire first.
static bool sleep_park(G *gp, void *arg)
{
	lock(&timers.lock);
	addtimer(arg);
	unlock(&timers.lock);
	return true;
}

void time_Sleep(int64_t ns) LINKNAME("time.Sleep");
void time_Sleep(int64_t ns)
{
	if (ns <= 0)
		return;
	G *gp = getg();
	RTimer *t = mallocgc(sizeof *t, RT_PTRWORDS, true);
	t->when = rt_nanotime() + ns;
	t->arg.data = gp;
	gopark(sleep_park, t, WAIT_SLEEP, 0, 1);
}
