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
void GC(void) RTSYM(GC);
void KeepAlive(Eface x) RTSYM(KeepAlive);
void SetFinalizer(Eface obj, Eface finalizer) RTSYM(SetFinalizer);
void LockOSThread(void) RTSYM(LockOSThread);
void UnlockOSThread(void) RTSYM(UnlockOSThread);
void Breakpoint(void) RTSYM(Breakpoint);

GoString Version(void) { return GOSTR("go1.19"); }

intgo NumCPU(void) { return rt_ncpu; }

int64_t NumCgoCall(void) { return 0; }

// No collector yet: every object stays allocated.  gc's GC blocks the
// caller while a full cycle runs and other goroutines go on meanwhile;
// yielding keeps that (a goroutine looping on GC does not starve the
// others on goc's one thread).
void GC(void) { Gosched(); }

// The compiler keeps no liveness information that KeepAlive could
// extend, and nothing is collected: a call is enough.
void KeepAlive(Eface x) { (void)x; }

static void throwcat(const char *a, GoString b, const char *c) NORETURN;
static void throwcat(const char *a, GoString b, const char *c)
{
	GoString sa = rt_gostringnocopy((const byte *)a), sc = rt_gostringnocopy((const byte *)c);
	intgo n = sa.len + b.len + sc.len;
	byte *p = mallocgc((uintptr)n, 0, false);
	memcpy(p, sa.str, (size_t)sa.len);
	memcpy(p + sa.len, b.str, (size_t)b.len);
	memcpy(p + sa.len + b.len, sc.str, (size_t)sc.len);
	throw((GoString){p, n});
}

// gc's argument checks (mfinal.go), with its messages; the finalizer is
// then forgotten: without a collector no object becomes unreachable, so
// it would never run anyway.
void SetFinalizer(Eface obj, Eface finalizer)
{
	if (!obj.type)
		rt_throw("runtime.SetFinalizer: first argument is nil");
	if ((obj.type->kind & KIND_MASK) != KIND_POINTER)
		throwcat("runtime.SetFinalizer: first argument is ", type_string(obj.type), ", not pointer");
	if (finalizer.type && (finalizer.type->kind & KIND_MASK) != KIND_FUNC)
		throwcat("runtime.SetFinalizer: second argument is ", type_string(finalizer.type), ", not a function");
}

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

// What the allocator counts (malloc.c): bytes in small and large objects
// (never freed), pages mapped, stack pages, metadata.  gc's invariants
// that programs check hold: HeapAlloc <= HeapSys <= Sys, Alloc ==
// HeapAlloc, Mallocs - Frees == HeapObjects.
void ReadMemStats(GoMemStats *m)
{
	MemStats st;
	rt_readmemstats(&st);
	memset(m, 0, sizeof *m);
	uint64_t alloc = st.smallalloc + st.largealloc;
	m->Alloc = m->TotalAlloc = m->HeapAlloc = alloc;
	m->HeapSys = st.mapped;
	m->HeapInuse = st.inuse;
	m->HeapIdle = st.mapped > st.inuse ? st.mapped - st.inuse : 0;
	m->Mallocs = m->HeapObjects = st.nmalloc;
	m->StackInuse = m->StackSys = st.manual;
	m->OtherSys = st.metadata;
	m->Sys = st.mapped + st.metadata;
	m->NextGC = 4 << 20;
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

