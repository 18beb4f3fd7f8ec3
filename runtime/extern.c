// extern.c — the Go-facing API of package runtime that is not part of
// another concept's file: runtime/*.go declares these functions without
// bodies, and compiled code calls them with the C convention (docs/abi.md).
// gc spreads them over extern.go, debug.go, mgc.go, mfinal.go, proc.go and
// mstats.go; the scheduler's own (Gosched, Goexit, NumGoroutine,
// GOMAXPROCS) are in proc.c.
//
// What is honest to say about them (docs/runtime.md, "The Go-facing
// package"): there is no garbage collector yet, so GC does nothing,
// finalizers never run and ReadMemStats reports nothing freed; there is
// one thread, so LockOSThread only counts.  Caller, Callers, FuncForPC
// and Stack are traceback.c's: they read the function table the linker
// builds (runtime.functab, src/link/functab.c).
#include "rt.h"
#include "proc.h"
#include "malloc.h"
#include "type.h"

GoString Version(void) RTSYM(Version);
intgo NumCPU(void) RTSYM(NumCPU);
int64_t NumCgoCall(void) RTSYM(NumCgoCall);
void KeepAlive(Eface x) RTSYM(KeepAlive);
void LockOSThread(void) RTSYM(LockOSThread);
void UnlockOSThread(void) RTSYM(UnlockOSThread);
void Breakpoint(void) RTSYM(Breakpoint);

GoString Version(void) { return GOSTR("go1.19"); }

intgo NumCPU(void) { return rt_ncpu; }

int64_t NumCgoCall(void) { return 0; }

// (runtime.GC is the collector's: mgc.c)

// The stack maps keep a value live up to its last use, and the argument
// of this call is one: the call is enough.
void KeepAlive(Eface x) { (void)x; }

// (runtime.SetFinalizer is the collector's: mfinal.c)

void LockOSThread(void)
{
	G *gp = getg();
	M *mp = gp->m;
	if (++mp->lockedext == 0)
		rt_throw("LockOSThread nesting overflow");
	gp->lockedm = mp;
	mp->lockedg = gp;
}

void UnlockOSThread(void)
{
	G *gp = getg();
	M *mp = gp->m;
	if (mp->lockedext == 0)
		return;
	if (--mp->lockedext == 0) {
		gp->lockedm = 0;
		mp->lockedg = 0;
	}
}

void Breakpoint(void) { __asm__ volatile("int3"); }


// ---- ReadMemStats ------------------------------------------------------------

// gc's MemStats (Go 1.19), as runtime/mstats.go declares it.
typedef struct GoMemStats {
	uint64_t Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees;
	uint64_t HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects;
	uint64_t StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys, BuckHashSys, GCSys, OtherSys;
	uint64_t NextGC, LastGC, PauseTotalNs;
	uint64_t PauseNs[256], PauseEnd[256];
	uint32_t NumGC, NumForcedGC;
	double GCCPUFraction;
	bool EnableGC, DebugGC;
	struct {
		uint32_t Size;
		uint64_t Mallocs, Frees;
	} BySize[61];
} GoMemStats;
_Static_assert(sizeof(GoMemStats) == 5776, "runtime.MemStats layout");

void ReadMemStats(GoMemStats *m) RTSYM(ReadMemStats);

// What the allocator and the collector count (malloc.c, mgc.c): bytes
// allocated in all (TotalAlloc) and live or not yet swept (HeapAlloc),
// objects allocated and freed, pages mapped, stack pages, metadata, the
// cycles and their pauses.  gc's invariants that programs check hold:
// HeapAlloc <= HeapSys <= Sys, Alloc == HeapAlloc, Mallocs - Frees ==
// HeapObjects.  Tiny allocations count as a malloc and a free each, as
// gc counts them (their 16-byte blocks are the objects).
void ReadMemStats(GoMemStats *m)
{
	MemStats st;
	rt_readmemstats(&st);
	memset(m, 0, sizeof *m);
	m->TotalAlloc = st.smallalloc + st.largealloc;
	m->Alloc = m->HeapAlloc = rt_gc.heapLive;
	m->HeapSys = st.mapped;
	m->HeapInuse = st.inuse;
	m->HeapIdle = st.mapped > st.inuse ? st.mapped - st.inuse : 0;
	m->HeapReleased = mheap_.released;
	m->Mallocs = st.nmalloc;
	m->Frees = rt_gc.nfree + st.tinyallocs;
	m->HeapObjects = m->Mallocs - m->Frees;
	m->StackInuse = m->StackSys = st.manual;
	m->OtherSys = st.metadata;
	m->Sys = st.mapped + st.metadata;
	m->NextGC = rt_gc.goal;
	m->LastGC = rt_gc.lastgc;
	m->PauseTotalNs = rt_gc.pausetotal;
	memcpy(m->PauseNs, rt_gc.pausens, sizeof m->PauseNs);
	memcpy(m->PauseEnd, rt_gc.pauseend, sizeof m->PauseEnd);
	m->NumGC = rt_gc.numgc;
	m->NumForcedGC = rt_gc.numforced;
	m->EnableGC = true;
}

// ---- GOROOT ---------------------------------------------------------------------

// The GOROOT the program was built with: goc's linker defines it.
extern GoString rt_defaultgoroot __asm__("runtime.defaultGOROOT") __attribute__((weak));

GoString GOROOT(void) RTSYM(GOROOT);
GoString GOROOT(void)
{
	for (byte **e = rt_envp; *e; e++)
		if (!__builtin_memcmp(*e, "GOROOT=", 7) && (*e)[7])
			return rt_gostringnocopy(*e + 7);
	return &rt_defaultgoroot ? rt_defaultgoroot : (GoString){0, 0};
}

