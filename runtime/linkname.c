// linkname.c — the runtime's side of the linkname contract (design.md):
// functions that standard packages declare without a body and gc's
// runtime provides under their names with //go:linkname
// (internal/reflectlite.unsafe_New, sync/atomic.StorePointer, ...).  As
// every Go→C call they use the C calling convention (docs/abi.md); a
// body-less function that no assembly defines is taken to be one of
// these (src/ssagen gen_funcabi).  The semaphores' are in sema.c.
#include "proc.h"
#include "alg.h"
#include "chan.h"
#include "type.h"
#include "malloc.h"


// ---- internal/reflectlite (gc: runtime/runtime1.go, iface.go, ...) ----

void *reflectlite_unsafe_New(_type *t) LINKNAME("internal/reflectlite.unsafe_New");
void *reflectlite_unsafe_New(_type *t) { return mallocgc(t->size, t, true); }

void reflectlite_typedmemmove(_type *t, void *dst, const void *src) LINKNAME("internal/reflectlite.typedmemmove");
void reflectlite_typedmemmove(_type *t, void *dst, const void *src) { typedmemmove(t, dst, src); }

intgo reflectlite_chanlen(Hchan *c) LINKNAME("internal/reflectlite.chanlen");
intgo reflectlite_chanlen(Hchan *c) { return chanlen(c); }

intgo reflectlite_maplen(hmap *h) LINKNAME("internal/reflectlite.maplen");
intgo reflectlite_maplen(hmap *h) { return maplen(h); }

void reflectlite_ifaceE2I(interfacetype *inter, Eface e, Iface *dst) LINKNAME("internal/reflectlite.ifaceE2I");
void reflectlite_ifaceE2I(interfacetype *inter, Eface e, Iface *dst)
{
	*dst = (Iface){assertE2I(inter, e.type), e.data};
}

const byte *reflectlite_resolveNameOff(const void *ptrInModule, nameOff off)
	LINKNAME("internal/reflectlite.resolveNameOff");
const byte *reflectlite_resolveNameOff(const void *ptrInModule, nameOff off)
{
	return type_resolvename(ptrInModule, off).bytes;
}

_type *reflectlite_resolveTypeOff(const void *rtype, typeOff off) LINKNAME("internal/reflectlite.resolveTypeOff");
_type *reflectlite_resolveTypeOff(const void *rtype, typeOff off) { return type_resolvetypeoff(off); }

// ---- sync/atomic (gc: runtime/atomic_pointer.go, proc.go) ----
// The pointer operations are the runtime's so that the write barrier
// runs (the old value and the new one shaded while the collector marks).

void atomic_StorePointer(void **addr, void *val) LINKNAME("sync/atomic.StorePointer");
void atomic_StorePointer(void **addr, void *val)
{
	if (wb_enabled()) {
		gc_shade((uintptr)__atomic_load_n(addr, __ATOMIC_SEQ_CST));
		gc_shade((uintptr)val);
	}
	__atomic_store_n(addr, val, __ATOMIC_SEQ_CST);
}

void *atomic_SwapPointer(void **addr, void *val) LINKNAME("sync/atomic.SwapPointer");
void *atomic_SwapPointer(void **addr, void *val)
{
	if (wb_enabled()) {
		gc_shade((uintptr)__atomic_load_n(addr, __ATOMIC_SEQ_CST));
		gc_shade((uintptr)val);
	}
	return __atomic_exchange_n(addr, val, __ATOMIC_SEQ_CST);
}

bool atomic_CompareAndSwapPointer(void **addr, void *old, void *new) LINKNAME("sync/atomic.CompareAndSwapPointer");
bool atomic_CompareAndSwapPointer(void **addr, void *old, void *new)
{
	if (wb_enabled()) {
		gc_shade((uintptr)__atomic_load_n(addr, __ATOMIC_SEQ_CST));
		gc_shade((uintptr)new);
	}
	return __atomic_compare_exchange_n(addr, &old, new, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

// procPin keeps the goroutine on its M and P (no preemption: mp.locks)
// and returns the P's id; one P today.
intgo atomic_procPin(void) LINKNAME("sync/atomic.runtime_procPin");
intgo atomic_procPin(void)
{
	getg()->m->locks++;
	return 0;
}

void atomic_procUnpin(void) LINKNAME("sync/atomic.runtime_procUnpin");
void atomic_procUnpin(void) { getg()->m->locks--; }

// ---- sync (gc: runtime/panic.go, proc.go, mgc.go) ----

void sync_throw(GoString s) LINKNAME("sync.throw") NORETURN;
void sync_throw(GoString s) { throw(s); }

void sync_fatal(GoString s) LINKNAME("sync.fatal") NORETURN;
void sync_fatal(GoString s) { fatal_go(s); }

intgo sync_procPin(void) LINKNAME("sync.runtime_procPin");
intgo sync_procPin(void) { return atomic_procPin(); }

void sync_procUnpin(void) LINKNAME("sync.runtime_procUnpin");
void sync_procUnpin(void) { atomic_procUnpin(); }

// sync.Pool's cleanup, which gc's collector calls at the start of each
// cycle; kept for the collector to come (none runs yet).
struct FuncVal *rt_poolcleanup;

void sync_registerPoolCleanup(struct FuncVal *f) LINKNAME("sync.runtime_registerPoolCleanup");
void sync_registerPoolCleanup(struct FuncVal *f) { rt_poolcleanup = f; }

// ---- runtime/internal/atomic, pulled by sync's //go:linkname as Go
// functions (C here); the ones upstream assembly jumps to are ABI0, in
// atomic_amd64.S ----

uintptr atomic_LoadAcquintptr(const uintptr *p) LINKNAME("runtime/internal/atomic.LoadAcquintptr");
uintptr atomic_LoadAcquintptr(const uintptr *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }

void atomic_StoreReluintptr(uintptr *p, uintptr v) LINKNAME("runtime/internal/atomic.StoreReluintptr");
void atomic_StoreReluintptr(uintptr *p, uintptr v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }

// ---- reflect (gc: runtime/runtime1.go, map.go, chan.go, select.go, ...) ----
// The maps, channels and descriptors are gc's layouts (alg.h, chan.h,
// type.h), so these are the runtime's own entry points under reflect's
// names.  No collector yet: typed moves and clears are plain ones.

void *reflect_unsafe_New(_type *t) LINKNAME("reflect.unsafe_New");
void *reflect_unsafe_New(_type *t) { return mallocgc(t->size, t, true); }

void *reflect_unsafe_NewArray(_type *t, intgo n) LINKNAME("reflect.unsafe_NewArray");
void *reflect_unsafe_NewArray(_type *t, intgo n) { return newarray(t, n); }

void reflect_typedmemmove(_type *t, void *dst, const void *src) LINKNAME("reflect.typedmemmove");
void reflect_typedmemmove(_type *t, void *dst, const void *src) { typedmemmove(t, dst, src); }

// The pointer words among size bytes at off of a t (gc's rounding):
// dst and src already point at off.
static void partialbarrier(_type *t, byte *dst, const byte *src, uintptr off, uintptr size)
{
	if (!wb_enabled() || t->ptrdata <= off || size < PTRSIZE)
		return;
	uintptr frag = -off & (PTRSIZE - 1);
	dst += frag;
	if (src)
		src += frag;
	size -= frag;
	uintptr pw = size & ~(uintptr)(PTRSIZE - 1), poff = t->ptrdata - off;
	gc_bulkbarrier((uintptr)dst, (uintptr)src, pw > poff ? poff : pw);
}

void reflect_typedmemmovepartial(_type *t, byte *dst, const byte *src, uintptr off, uintptr size)
	LINKNAME("reflect.typedmemmovepartial");
void reflect_typedmemmovepartial(_type *t, byte *dst, const byte *src, uintptr off, uintptr size)
{
	partialbarrier(t, dst, src, off, size);
	memmove(dst, src, size); // dst and src already point at off (gc's contract)
}

void reflect_typedmemclr(_type *t, void *p) LINKNAME("reflect.typedmemclr");
void reflect_typedmemclr(_type *t, void *p) { typedmemclr(t, p); }

void reflect_typedmemclrpartial(_type *t, byte *p, uintptr off, uintptr size) LINKNAME("reflect.typedmemclrpartial");
void reflect_typedmemclrpartial(_type *t, byte *p, uintptr off, uintptr size)
{
	partialbarrier(t, p + off, 0, off, size);
	memclrNoHeapPointers(p + off, size);
}

intgo reflect_typedslicecopy(_type *et, GoSlice dst, GoSlice src) LINKNAME("reflect.typedslicecopy");
intgo reflect_typedslicecopy(_type *et, GoSlice dst, GoSlice src)
{
	intgo n = dst.len < src.len ? dst.len : src.len;
	if (n > 0 && dst.array != src.array) {
		if (et->ptrdata && wb_enabled())
			gc_bulkbarrier((uintptr)dst.array, (uintptr)src.array, (uintptr)n * et->size);
		memmove(dst.array, src.array, (uintptr)n * et->size);
	}
	return n;
}

void reflect_memmove(void *dst, const void *src, uintptr n) LINKNAME("reflect.memmove");
void reflect_memmove(void *dst, const void *src, uintptr n) { memmove(dst, src, n); }

uintptr reflect_typehash(_type *t, const void *p, uintptr h) LINKNAME("reflect.typehash");
uintptr reflect_typehash(_type *t, const void *p, uintptr h) { return typehash(t, p, h); }

bool reflect_verifyNotInHeapPtr(uintptr p) LINKNAME("reflect.verifyNotInHeapPtr");
bool reflect_verifyNotInHeapPtr(uintptr p) { return true; } // no go:notinheap types in goc's heap checks yet

// Offsets: positive ones are from runtime.types / runtime.text (one
// module); reflect's own types (FuncOf, StructOf, ...) get negative ids
// from addReflectOff, resolved from this table (gc's reflectOffs).
static struct {
	Mutex lock;
	void **v;
	int32_t n, cap;
} reflectoffs;

int32_t reflect_addReflectOff(void *p) LINKNAME("reflect.addReflectOff");
int32_t reflect_addReflectOff(void *p)
{
	lock(&reflectoffs.lock);
	for (int32_t i = 0; i < reflectoffs.n; i++)
		if (reflectoffs.v[i] == p) {
			unlock(&reflectoffs.lock);
			return -(i + 2); // -1 is "none"
		}
	if (reflectoffs.n == reflectoffs.cap) {
		int32_t cap = reflectoffs.cap ? 2 * reflectoffs.cap : 64;
		void **v = mallocgc((uintptr)cap * sizeof *v, RT_PTRWORDS, true);
		if (reflectoffs.n)
			memmove(v, reflectoffs.v, (uintptr)reflectoffs.n * sizeof *v);
		reflectoffs.v = v;
		reflectoffs.cap = cap;
	}
	reflectoffs.v[reflectoffs.n] = p;
	int32_t id = -(reflectoffs.n + 2);
	reflectoffs.n++;
	unlock(&reflectoffs.lock);
	return id;
}

static void *reflectoff(int32_t off)
{
	int32_t i = -off - 2;
	if (i < 0 || i >= reflectoffs.n)
		rt_throw("runtime: bad reflect offset");
	return reflectoffs.v[i];
}

const byte *reflect_resolveNameOff(const void *ptrInModule, nameOff off) LINKNAME("reflect.resolveNameOff");
const byte *reflect_resolveNameOff(const void *ptrInModule, nameOff off)
{
	if (off < -1)
		return reflectoff(off);
	return type_resolvename(ptrInModule, off).bytes;
}

_type *reflect_resolveTypeOff(const void *rtype, typeOff off) LINKNAME("reflect.resolveTypeOff");
_type *reflect_resolveTypeOff(const void *rtype, typeOff off)
{
	if (off < -1)
		return reflectoff(off);
	return type_resolvetypeoff(off);
}

const void *reflect_resolveTextOff(const void *rtype, textOff off) LINKNAME("reflect.resolveTextOff");
const void *reflect_resolveTextOff(const void *rtype, textOff off)
{
	if (off < -1)
		return reflectoff(off);
	return type_resolvetextoff(off);
}

// typelinks: one module, its types section and the int32 offsets the
// linker lists (runtime.typelink, runtime.ntypelink entries).
extern const int32_t rt_typelink[] __asm__("runtime.typelink") __attribute__((weak));
extern const uint64_t rt_ntypelink __asm__("runtime.ntypelink") __attribute__((weak));

typedef struct { GoSlice sections, offsets; } Typelinks;

Typelinks reflect_typelinks(void) LINKNAME("reflect.typelinks");
Typelinks reflect_typelinks(void)
{
	void **sec = mallocgc(sizeof(void *), RT_PTRWORDS, true);
	GoSlice *offs = mallocgc(sizeof(GoSlice), RT_PTRWORDS, true);
	sec[0] = rt_types;
	intgo n = &rt_ntypelink ? (intgo)rt_ntypelink : 0;
	*offs = (GoSlice){(void *)rt_typelink, n, n};
	return (Typelinks){{sec, 1, 1}, {offs, 1, 1}};
}

// maps
hmap *reflect_makemap(maptype *t, intgo cap) LINKNAME("reflect.makemap");
hmap *reflect_makemap(maptype *t, intgo cap) { return makemap(t, cap, 0); }

void *reflect_mapaccess(maptype *t, hmap *h, const void *key) LINKNAME("reflect.mapaccess");
void *reflect_mapaccess(maptype *t, hmap *h, const void *key)
{
	MapAccess2 r = mapaccess2(t, h, key);
	return r.ok ? r.elem : 0;
}

void *reflect_mapaccess_faststr(maptype *t, hmap *h, GoString key) LINKNAME("reflect.mapaccess_faststr");
void *reflect_mapaccess_faststr(maptype *t, hmap *h, GoString key)
{
	MapAccess2 r = mapaccess2_faststr(t, h, key);
	return r.ok ? r.elem : 0;
}

void reflect_mapassign(maptype *t, hmap *h, const void *key, const void *val) LINKNAME("reflect.mapassign");
void reflect_mapassign(maptype *t, hmap *h, const void *key, const void *val)
{
	void *p = mapassign(t, h, key);
	typedmemmove(t->elem, p, val);
}

void reflect_mapassign_faststr(maptype *t, hmap *h, GoString key, const void *val) LINKNAME("reflect.mapassign_faststr");
void reflect_mapassign_faststr(maptype *t, hmap *h, GoString key, const void *val)
{
	void *p = mapassign_faststr(t, h, key);
	typedmemmove(t->elem, p, val);
}

void reflect_mapdelete(maptype *t, hmap *h, const void *key) LINKNAME("reflect.mapdelete");
void reflect_mapdelete(maptype *t, hmap *h, const void *key) { mapdelete(t, h, key); }

void reflect_mapdelete_faststr(maptype *t, hmap *h, GoString key) LINKNAME("reflect.mapdelete_faststr");
void reflect_mapdelete_faststr(maptype *t, hmap *h, GoString key) { mapdelete_faststr(t, h, key); }

void reflect_mapiterinit(maptype *t, hmap *h, hiter *it) LINKNAME("reflect.mapiterinit");
void reflect_mapiterinit(maptype *t, hmap *h, hiter *it) { mapiterinit(t, h, it); }

void reflect_mapiternext(hiter *it) LINKNAME("reflect.mapiternext");
void reflect_mapiternext(hiter *it) { mapiternext(it); }

void *reflect_mapiterkey(hiter *it) LINKNAME("reflect.mapiterkey");
void *reflect_mapiterkey(hiter *it) { return it->key; }

void *reflect_mapiterelem(hiter *it) LINKNAME("reflect.mapiterelem");
void *reflect_mapiterelem(hiter *it) { return it->elem; }

intgo reflect_maplen(hmap *h) LINKNAME("reflect.maplen");
intgo reflect_maplen(hmap *h) { return maplen(h); }

// channels
Hchan *reflect_makechan(chantype *t, intgo size) LINKNAME("reflect.makechan");
Hchan *reflect_makechan(chantype *t, intgo size) { return makechan(t, size); }

intgo reflect_chanlen(Hchan *c) LINKNAME("reflect.chanlen");
intgo reflect_chanlen(Hchan *c) { return chanlen(c); }

intgo reflect_chancap(Hchan *c) LINKNAME("reflect.chancap");
intgo reflect_chancap(Hchan *c) { return chancap(c); }

void reflect_chanclose(Hchan *c) LINKNAME("reflect.chanclose");
void reflect_chanclose(Hchan *c) { closechan(c); }

bool reflect_chansend(Hchan *c, void *val, bool nb) LINKNAME("reflect.chansend");
bool reflect_chansend(Hchan *c, void *val, bool nb) { return chan_send(c, val, !nb); }

SelRecv reflect_chanrecv(Hchan *c, bool nb, void *val) LINKNAME("reflect.chanrecv");
SelRecv reflect_chanrecv(Hchan *c, bool nb, void *val) { return chan_recv(c, val, !nb); }

// reflect.Select: reflect's runtimeSelect cases, as gc's reflect_rselect
typedef struct RuntimeSelect {
	intgo dir; // 1 send, 2 receive, 3 default
	_type *typ;
	Hchan *ch;
	void *val;
} RuntimeSelect;

typedef struct { intgo chosen; bool recvOK; } RSelect;

RSelect reflect_rselect(GoSlice cases) LINKNAME("reflect.rselect");
RSelect reflect_rselect(GoSlice cases)
{
	RuntimeSelect *rc = cases.array;
	intgo n = cases.len;
	if (n == 0) {
		SelectResult r = selectgo(0, 0, 0, 0, 0, true); // blocks forever
		return (RSelect){r.casei, r.recvOK};
	}
	Scase *sel = mallocgc((uintptr)n * sizeof *sel, RT_PTRWORDS, true);
	intgo *orig = mallocgc((uintptr)n * sizeof *orig, 0, true);
	intgo nsends = 0, nrecvs = 0, dflt = -1;
	for (intgo i = 0; i < n; i++) {
		intgo j;
		if (rc[i].dir == 3) {
			dflt = i;
			continue;
		} else if (rc[i].dir == 1)
			j = nsends++;
		else
			j = n - ++nrecvs;
		sel[j] = (Scase){rc[i].ch, rc[i].val};
		orig[j] = i;
	}
	if (nsends + nrecvs == 0)
		return (RSelect){dflt, false};
	if (nsends + nrecvs < n) {
		memmove(sel + nsends, sel + n - nrecvs, (uintptr)nrecvs * sizeof *sel);
		memmove(orig + nsends, orig + n - nrecvs, (uintptr)nrecvs * sizeof *orig);
	}
	uint16_t *order = mallocgc(2 * (uintptr)(nsends + nrecvs) * sizeof *order, 0, true);
	SelectResult r = selectgo(sel, order, 0, nsends, nrecvs, dflt == -1);
	return (RSelect){r.casei < 0 ? dflt : orig[r.casei], r.recvOK};
}

// gcbits: the pointer mask of a type (reflect's tests)
GoSlice reflect_gcbits(Eface x) LINKNAME("reflect.gcbits");
GoSlice reflect_gcbits(Eface x) { rt_throw("reflect.gcbits: not implemented yet"); }

// reflectcall (Value.Call): proc_amd64.S.

void reflect_ifaceE2I(interfacetype *inter, Eface e, Iface *dst) LINKNAME("reflect.ifaceE2I");
void reflect_ifaceE2I(interfacetype *inter, Eface e, Iface *dst) { reflectlite_ifaceE2I(inter, e, dst); }

// ---- syscall, os (gc: runtime/internal/syscall, runtime/proc.go,
// runtime1.go, runtime/env_posix.go) ----

typedef struct { uintptr r1, r2, err; } SyscallResult;

// gc's runtime/internal/syscall.Syscall6: the raw system call; an error
// is a result in [-4095, -1]: r1 = -1, r2 = 0, err = the errno
static SyscallResult rawsyscall6(uintptr n, uintptr a1, uintptr a2, uintptr a3, uintptr a4, uintptr a5, uintptr a6)
{
	uintptr r1, r2;
	register uintptr r10 __asm__("r10") = a4;
	register uintptr r8 __asm__("r8") = a5;
	register uintptr r9 __asm__("r9") = a6;
	__asm__ volatile("syscall"
			 : "=a"(r1), "=d"(r2)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	if (r1 > (uintptr)-4096)
		return (SyscallResult){(uintptr)-1, 0, -r1};
	return (SyscallResult){r1, r2, 0};
}

SyscallResult syscall_RawSyscall6(uintptr n, uintptr a1, uintptr a2, uintptr a3, uintptr a4, uintptr a5, uintptr a6)
	LINKNAME("syscall.RawSyscall6");
SyscallResult syscall_RawSyscall6(uintptr n, uintptr a1, uintptr a2, uintptr a3, uintptr a4, uintptr a5, uintptr a6)
{
	return rawsyscall6(n, a1, a2, a3, a4, a5, a6);
}

// One M runs goroutines (docs/runtime.md): a system call that blocks
// blocks the program; entering and leaving one has nothing to hand off.
void rt_entersyscall(void) RTSYM(entersyscall);
void rt_entersyscall(void) {}
void rt_exitsyscall(void) RTSYM(exitsyscall);
void rt_exitsyscall(void) {}

// AllThreadsSyscall: with one thread, the system call itself.
SyscallResult syscall_doAllThreadsSyscall(uintptr n, uintptr a1, uintptr a2, uintptr a3, uintptr a4, uintptr a5,
					  uintptr a6) LINKNAME("syscall.runtime_doAllThreadsSyscall");
SyscallResult syscall_doAllThreadsSyscall(uintptr n, uintptr a1, uintptr a2, uintptr a3, uintptr a4, uintptr a5,
					  uintptr a6)
{
	return rawsyscall6(n, a1, a2, a3, a4, a5, a6);
}

intgo syscall_Getpagesize(void) LINKNAME("syscall.Getpagesize");
intgo syscall_Getpagesize(void) { return (intgo)rt_pagesize; }

// fork: signals are blocked across it (gc's BeforeFork/AfterFork), so
// that the child runs no Go handler before exec.
static uint64_t forkmask;

void syscall_BeforeFork(void) LINKNAME("syscall.runtime_BeforeFork");
void syscall_BeforeFork(void)
{
	uint64_t all = ~(uint64_t)0;
	sys_rt_sigprocmask(0 /* SIG_BLOCK */, &all, &forkmask, sizeof all);
}

// syscall.rawVforkSyscall (in place of syscall's assembly, see
// src/driver/buildasm.c): clone without CLONE_VM, so the child, which
// goes on in forkAndExecInChild1 until it execs, writes its own copy of
// the stack, not the parent's frame (goc keeps values in stack slots
// where gc keeps them in registers); CLONE_VFORK still holds the parent
// until the exec.
typedef struct {
	uintptr r1, err;
} VforkRet;
VforkRet syscall_rawVforkSyscall(uintptr trap, uintptr a1) LINKNAME("syscall.rawVforkSyscall");
VforkRet syscall_rawVforkSyscall(uintptr trap, uintptr a1)
{
	enum { CLONE_VM = 0x100 };
	intgo r = sys_raw((intgo)trap, (intgo)(a1 & ~(uintptr)CLONE_VM));
	if ((uintptr)r > (uintptr)-4096)
		return (VforkRet){(uintptr)-1, (uintptr)-r};
	return (VforkRet){(uintptr)r, 0};
}

void syscall_AfterFork(void) LINKNAME("syscall.runtime_AfterFork");
void syscall_AfterFork(void) { sys_rt_sigprocmask(2 /* SIG_SETMASK */, &forkmask, 0, sizeof forkmask); }

void syscall_AfterForkInChild(void) LINKNAME("syscall.runtime_AfterForkInChild");
void syscall_AfterForkInChild(void) { sys_rt_sigprocmask(2 /* SIG_SETMASK */, &forkmask, 0, sizeof forkmask); }

void syscall_BeforeExec(void) LINKNAME("syscall.runtime_BeforeExec");
void syscall_BeforeExec(void) {}
void syscall_AfterExec(void) LINKNAME("syscall.runtime_AfterExec");
void syscall_AfterExec(void) {}

// The C library's environment: only with cgo (none in goc yet).
void syscall_setenv_c(GoString k, GoString v) LINKNAME("syscall.setenv_c");
void syscall_setenv_c(GoString k, GoString v) {}
void syscall_unsetenv_c(GoString k) LINKNAME("syscall.unsetenv_c");
void syscall_unsetenv_c(GoString k) {}

uintptr syscall_cgocaller(void *fn, GoSlice args) LINKNAME("syscall.cgocaller");
uintptr syscall_cgocaller(void *fn, GoSlice args) { rt_throw("cgo: not implemented yet"); }

// the environment and the arguments as Go strings (gc: runtime.goenvs,
// goargs), copied once
static GoSlice strings_of(byte **v, intgo n)
{
	GoString *s = mallocgc((uintptr)n * sizeof *s, RT_PTRWORDS, true);
	for (intgo i = 0; i < n; i++)
		s[i] = gostring(v[i]);
	return (GoSlice){s, n, n};
}

GoSlice syscall_runtime_envs(void) LINKNAME("syscall.runtime_envs");
GoSlice syscall_runtime_envs(void)
{
	static GoSlice envs;
	static bool done;
	if (!done) {
		intgo n = 0;
		while (rt_envp[n])
			n++;
		envs = strings_of(rt_envp, n);
		done = true;
	}
	return envs;
}

GoSlice os_runtime_args(void) LINKNAME("os.runtime_args");
GoSlice os_runtime_args(void)
{
	static GoSlice args;
	static bool done;
	if (!done) {
		args = strings_of(rt_argv, rt_argc);
		done = true;
	}
	return args;
}

// ---- internal/poll: netpoll.c ----

// ---- time (gc: runtime/timestub.go, time.go) ----

typedef struct { int64_t sec; int32_t nsec; int64_t mono; } TimeNow;
TimeNow time_now(void) LINKNAME("time.now");
TimeNow time_now(void)
{
	int32_t nsec;
	int64_t sec = rt_walltime(&nsec);
	return (TimeNow){sec, nsec, rt_nanotime()};
}

int64_t runtime_nanotime(void) RTSYM(nanotime);
int64_t runtime_nanotime(void) { return rt_nanotime(); }

// syscall's gettimeofday calls the vDSO's when this is set; 0: the
// system call
uintptr rt_vdsoGettimeofdaySym RTSYM(vdsoGettimeofdaySym);

// Timers: time.c.

// ---- os, syscall: the rest ----

uint32_t os_fastrand(void) LINKNAME("os.fastrand");
uint32_t os_fastrand(void) { return rt_fastrand(); }

// gc runs the race detector's exit hook here; nothing in goc.
void os_beforeExit(intgo code) LINKNAME("os.runtime_beforeExit");
void os_beforeExit(intgo code) {}

void syscall_Exit(intgo code) LINKNAME("syscall.Exit") NORETURN;
void syscall_Exit(intgo code) { rt_exit((int)code); }

// os.sigpipe: a write to a broken pipe on standard output or error; the
// program dies of SIGPIPE, as gc's dieFromSignal
void os_sigpipe(void) LINKNAME("os.sigpipe");
void os_sigpipe(void)
{
	struct {
		uintptr handler, flags, restorer;
		uint64_t mask;
	} dfl = {0, 0, 0, 0};
	enum { SIGPIPE = 13 };
	uint64_t unblock = (uint64_t)1 << (SIGPIPE - 1);
	sys_rt_sigaction(SIGPIPE, &dfl, 0, sizeof dfl.mask);
	sys_rt_sigprocmask(1 /* SIG_UNBLOCK */, &unblock, 0, sizeof unblock);
	sys_tgkill(sys_getpid(), sys_gettid(), SIGPIPE);
	rt_exit(2);
}

// ---- random numbers (gc: runtime/stubs.go fastrand*) ----

uintptr net_fastrandu(void) LINKNAME("net.fastrandu");
uintptr net_fastrandu(void) { return ((uintptr)rt_fastrand() << 32) | rt_fastrand(); }

uint64_t runtime_fastrand64(void) RTSYM(fastrand64);
uint64_t runtime_fastrand64(void) { return ((uint64_t)rt_fastrand() << 32) | rt_fastrand(); }

uint32_t sync_fastrandn(uint32_t n) LINKNAME("sync.fastrandn");
uint32_t sync_fastrandn(uint32_t n) { return rt_fastrandn(n); }

// crypto/internal/boring/bcache: gc clears the registered caches at
// each collection; no collector yet, nothing to clear
void bcache_registerCache(void *p) LINKNAME("crypto/internal/boring/bcache.registerCache");
void bcache_registerCache(void *p) {}
