// defer.c — deferred calls, panics that run them, and recover (gc's
// runtime/panic.go: deferproc, deferreturn, gopanic, gorecover, recovery),
// for the compiler's lowering (src/ssagen/call.c gen_defer, docs/abi.md
// "Defer and recover"):
//
//   defer f(x)   the call is wrapped in a closure without arguments or
//                results; runtime.deferproc(closure) pushes a Defer on
//                g->defer recording the caller's SP, BP and return pc, and
//                returns 0: the Defer block continues normally.
//   return       runtime.deferreturn() runs, innermost first, the records
//                whose sp is the caller's, then the function returns.
//   panic(v)     gopanic runs g->defer's records one by one; when one of
//                them called recover, the panic is over: the record's
//                frame is restored and its deferproc call returns again
//                with 1, which the Defer block takes to its recovery
//                successor (deferreturn, then return with the result
//                variables as the deferred calls left them).
//   recover()    returns the panic's value when called directly by the
//                deferred function (the compiler's wrapper calls it: the
//                wrapper's frame is the one the panic's call made, which
//                the caller's frame pointer chain shows), else nil.
//
// Records live in the heap (no GC yet), their sp/bp point into the
// goroutine stack and are moved with it (stack.c).  Runtime errors are
// ordinary panic values (error.c).  Goexit runs the records through
// rt_rundefers too, under a Panic marked goexit (proc.c).  gc's open-coded
// defers (an optimisation) are not done: every defer makes a record.
#include "rt.h"
#include "proc.h"
#include "malloc.h"

void rt_calldefer(FuncVal *fn, uintptr *argp);                  // panic_amd64.S
void rt_recovery(uintptr sp, uintptr bp, uintptr pc) NORETURN;  // panic_amd64.S
intgo rt_deferproc(FuncVal *fn, uintptr sp, uintptr pc, uintptr bp);
void rt_deferreturn(uintptr sp);
Eface rt_gorecover(uintptr callerbp);
uintptr rt_recoverframe(uintptr callerbp);
bool rt_inmethodwrapper(uintptr pc); // traceback.c

static Defer *deferpool;  // freed records (one M: no lock needed yet)

static Defer *newdefer(void)
{
	Defer *d = deferpool;
	if (d) {
		deferpool = d->link;
		memclrHasPointers(d, sizeof *d); // (with the barrier: d is a heap object)
		return d;
	}
	return mallocgc(sizeof(Defer), RT_PTRWORDS, true);
}

static void freedefer(Defer *d)
{
	wbstore(&d->fn, 0);
	wbstore(&d->panic, 0);
	wbstore(&d->link, deferpool);
	deferpool = d;
}

intgo rt_deferproc(FuncVal *fn, uintptr sp, uintptr pc, uintptr bp)
{
	G *gp = getg();
	if (!fn)
		rt_throw("defer of nil func value"); // gc 1.19 panics at the call; the wrapper calls it
	Defer *d = newdefer();
	wbstore(&d->fn, fn);
	d->sp = sp;
	d->pc = pc;
	d->bp = bp;
	wbstore(&d->link, gp->defer);
	gp->defer = d;
	return 0;
}

void rt_deferreturn(uintptr sp)
{
	G *gp = getg();
	for (;;) {
		Defer *d = gp->defer;
		if (!d || d->sp != sp)
			return;
		gp->defer = d->link;
		FuncVal *fn = d->fn;
		freedefer(d);
		uintptr argp;
		rt_calldefer(fn, &argp);
	}
}

// recover in the function whose frame pointer is callerbp
static Eface recoverat(uintptr callerbp);

Eface rt_gorecover(uintptr callerbp) { return recoverat(callerbp); }

// `defer recover()`: the deferring function's frame, taken at the defer
// statement (runtime.recoverframe) as an offset from the stack's top,
// which stays valid when the stack moves, is where recover is called
// from (gc's ORECOVERFP: the frame argument is evaluated by the defer).
uintptr rt_recoverframe(uintptr callerbp) { return getg()->stack.hi - callerbp; }

Eface gorecoverframe(uintptr off) RTSYM(gorecoverframe);
Eface gorecoverframe(uintptr off)
{
	G *gp = getg();
	uintptr bp = gp->stack.hi - off;
	if (bp < gp->stack.lo || bp >= gp->stack.hi) // `go recover()`: another stack's
		return (Eface){0, 0};
	return recoverat(bp);
}

// callerbp is the frame of the function that called recover; its
// caller's frame must be the one the panic's deferred call made (the
// compiler's defer wrapper), seen through any method wrappers between
// them (gc's WRAPPER functions adjust panic.argp instead): `defer m()`
// with m a method value, an interface method promoted through
// embedding, ... still "calls recover directly from the deferred call".
static Eface recoverat(uintptr callerbp)
{
	G *gp = getg();
	Panic *p = gp->panic;
	if (!p || p->goexit || p->recovered || p->hasmsg || !callerbp)
		return (Eface){0, 0};
	uintptr bp = callerbp;
	while (bp && rt_inmethodwrapper(((const uintptr *)bp)[1] - 1))
		bp = *(const uintptr *)bp;
	if (bp && *(const uintptr *)bp + 16 == p->argp) {
		p->recovered = true;
		return p->arg;
	}
	return (Eface){0, 0};
}

// rt_rundefers: the heart of gopanic, for a panic already on gp->panic.
// Returns only when no deferred call recovered.
void rt_rundefers(Panic *p)
{
	G *gp = getg();
	for (;;) {
		Defer *d = gp->defer;
		if (!d)
			return;
		if (d->started) {
			// begun by an earlier panic (or Goexit) that this one
			// interrupted: that panic is aborted
			if (d->panic)
				d->panic->aborted = true;
			wbstore(&d->panic, 0);
			gp->defer = d->link;
			freedefer(d);
			continue;
		}
		d->started = true;
		wbstore(&d->panic, p);
		rt_calldefer(d->fn, &p->argp);
		if (gp->defer != d)
			rt_throw("bad defer entry in panic");
		gp->defer = d->link;
		uintptr sp = d->sp, bp = d->bp, pc = d->pc;
		freedefer(d);
		if (p->recovered) {
			gp->panic = p->link;
			// aborted panics are over too: their frames are gone
			while (gp->panic && gp->panic->aborted)
				gp->panic = gp->panic->link;
			// as gc's recovery: the signal is forgotten only when no
			// panic is left; sigcode0/1 take the frame's sp and pc (a
			// later fatal panic of a panic still running prints them in
			// its [signal] line, as gc's does)
			if (!gp->panic)
				gp->sig = 0;
			gp->sigcode0 = sp;
			gp->sigcode1 = pc;
			rt_recovery(sp, bp, pc);
		}
	}
}
