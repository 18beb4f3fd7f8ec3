// rt.h — the C runtime's internal header: basic Go value layouts, the
// G/M/P structures, the current-goroutine register, and every module's
// entry points.  One section per file, in the order of the files.
//
// The runtime is freestanding C11 (GNU dialect for inline asm and the
// global register variable): no libc, raw system calls only.  Functions the
// compiled Go code calls keep the Go runtime's symbol names (RTSYM), so a
// Go program's objects reference runtime.mallocgc, runtime.printint, ...
// exactly as gc's do; everything internal to the runtime uses a module
// prefix (sys_, mheap_, mcache_, ...).  See docs/runtime.md and docs/abi.md.
#ifndef GOC_RT_H
#define GOC_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t uintptr;
typedef intptr_t intgo; // Go's int on 64-bit targets
typedef uint8_t byte;

#define RTSYM(name) __asm__("runtime." #name)
// Another package's symbol, as //go:linkname names it (quoted: names with
// a '/' must be, for the assembler)
#define LINKNAME(s) __asm__("\"" s "\"")
#define NORETURN __attribute__((noreturn))
#define NOINLINE __attribute__((noinline))
#define UNUSED __attribute__((unused))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define nelem(a) (sizeof(a) / sizeof((a)[0]))

#define PTRSIZE 8

// ---- Go value layouts ----------------------------------------------------

typedef struct GoString {
	const byte *str;
	intgo len;
} GoString;

typedef struct GoSlice {
	void *array;
	intgo len;
	intgo cap;
} GoSlice;

struct _type;
struct itab;

typedef struct Eface { // interface{}
	struct _type *type;
	void *data;
} Eface;

typedef struct Iface { // non-empty interface
	struct itab *tab;
	void *data;
} Iface;

typedef struct { double re, im; } Complex128;

// A C string literal as a GoString (the length without the NUL).
#define GOSTR(lit) ((GoString){(const byte *)(lit), sizeof(lit) - 1})

// ---- G, M, P (proc.c) ----------------------------------------------------
// gc's scheduler structures (runtime2.go), in C.  Field order is free:
// nothing outside the runtime depends on it, except the fields compiled
// Go code reads through g (stack_lo/stack_hi/stackguard0 at offsets 0, 8,
// 16, docs/abi.md) and the ones the assembly in proc_amd64.S uses
// (goffsets.h; proc.c checks them with static assertions).

typedef struct Stack {
	uintptr lo, hi;
} Stack;

struct M;
struct P;
struct mcache;
struct Sudog;

// A saved goroutine context (gc's gobuf): gogo resumes it.  ctxt is the
// closure context (DX) of a goroutine's first call.
typedef struct Gobuf {
	uintptr sp, pc, bp, ctxt;
	struct G *g;
} Gobuf;

// A one-shot event between Ms (gc's note): futex based (lock_futex.c).
typedef struct Note {
	uint32_t key;
} Note;

typedef struct G {
	Stack stack;          // offset 0: [lo, hi)
	uintptr stackguard0;  // offset 16: compared with SP in Go prologues (STACK_PREEMPT: preempt)
	uintptr stackguard1;  // offset 24: compared with SP in C split checks
	Gobuf sched;          // offset 32: the context while not running (proc_amd64.S)
	struct M *m;          // offset 72: the M running this G (nil when not running)
	int64_t goid;
	uint32_t status;      // G_RUNNING, ...
	uint8_t waitreason_code; // gc's waitReason (proc.h)
	bool preempt;          // preemption requested (stackguard0 is STACK_PREEMPT)
	bool activeStackChans; // sudogs of a select point into this stack
	uint8_t parkingOnChan;
	uint32_t selectDone;   // a select has been won (atomic)
	bool issystem;         // a runtime goroutine: not counted, not in deadlock reports
	struct G *schedlink;
	struct Panic *panic;  // innermost panic (panic.c)
	const char *waitreason; // why G_WAITING, in gc's words ("chan receive", ...)
	void *param;           // passed by the waker (the sudog that completed)
	struct Sudog *waiting; // sudogs this G waits on (chan operations, select), lock order
	uintptr gopc;          // pc of the go statement that created this G
	uintptr startpc;       // pc of the goroutine's function
	int64_t waitsince;     // when it started waiting (ns), for "N minutes"
	struct M *lockedm;     // LockOSThread (extern.c: one M, so only recorded)
	// The signal that turned into a panic (signal_linux_amd64.c), as gc's
	// g.sig, sigcode0 (si_code), sigcode1 (fault address), sigpc.
	uint32_t sig;
	uintptr sigcode0, sigcode1, sigpc;
	struct Defer *defer;   // innermost deferred call (defer.c)
	GoSlice *writebuf;     // runtime.Stack: print output goes here, not to stderr (print.c)
} G;

enum { G_IDLE, G_RUNNABLE, G_RUNNING, G_SYSCALL, G_WAITING, G_DEAD };

typedef struct M {
	G *g0;          // goroutine with the thread's system stack
	G *curg;        // current user goroutine
	struct P *p;    // attached P, nil when not running Go code
	struct P *nextp;        // P to attach when woken
	int64_t id;
	int32_t locks;
	int32_t mallocing;
	int32_t throwing;       // THROW_USER (fatal) or THROW_RUNTIME (throw)
	int32_t dying;
	int32_t printingpanic;   // preprintpanic is in an Error or String method
	int32_t printlock;
	uint32_t printlen;       // bytes waiting in printbuf
	byte printbuf[512];      // print output, flushed by printunlock
	uint64_t fastrand;
	bool spinning;           // looking for work
	bool blocked;            // sleeping on park
	int32_t procid;          // thread id
	Note park;               // where an idle M sleeps (stopm)
	struct M *alllink;       // on allm
	struct M *schedlink;     // on sched.midle
	G *lockedg;
	uint32_t lockedext;      // LockOSThread nesting (gc's lockedExt)
	// gopark's commit: called on g0 after the G is off its stack.
	bool (*waitunlockf)(G *, void *);
	void *waitlock;
} M;

enum { P_IDLE, P_RUNNING, P_SYSCALL, P_GCSTOP, P_DEAD };
enum { RUNQ_SIZE = 256, SUDOG_CACHE = 128, STACK_ORDERS = 4 };

typedef struct StackFreeList {
	uintptr list;   // free stacks of one order, linked through their first word
	uintptr size;   // total bytes in the list
} StackFreeList;

enum { WBBUF_ENTRIES = 512 }; // pointers in a P's write-barrier buffer (gc's wbBuf)
typedef struct P {
	// The write-barrier buffer (mgc.c, mwb_amd64.S): the fast path
	// appends pointers at wbnext until wbend, then flushes (offsets 0 and
	// 8: goffsets.h).
	uintptr *wbnext, *wbend;
	int32_t id;
	uint32_t status;
	M *m;
	struct mcache *mcache;
	struct P *link;          // on sched.pidle
	uint32_t schedtick;      // incremented on every scheduler call
	uint32_t syscalltick;
	int64_t goidcache, goidcacheend; // goids handed out in batches
	// The local run queue: a ring read without the lock by thieves (atomics).
	uint32_t runqhead, runqtail;
	G *runq[RUNQ_SIZE];
	G *runnext;              // runs next, ahead of runq (the G just readied)
	G *gfree;                // dead Gs for reuse, with standard stacks
	int32_t gfreecnt;
	struct Sudog *sudogcache[SUDOG_CACHE];
	int32_t nsudog;
	StackFreeList stackcache[STACK_ORDERS]; // 2, 4, 8, 16 KiB stacks
	uintptr wbbuf[WBBUF_ENTRIES];
} P;

// The current goroutine lives in R14, in Go code and in the C runtime
// alike (gcc -ffixed-r14 keeps the compiler's hands off it).  clang has no
// global register variables for general registers; under clang the
// runtime compiles (for warnings) but must not be used.
//
// It is mirrored in the thread's TLS slot runtime.tlsg (gc's name: the
// upstream assembly's prologue and get_tls read it as `MOVQ (TLS), R14`,
// -8(FS) here too), for code that cannot trust R14: assembly may use R14
// as it likes, so compiled code reloads R14 from the slot after calling
// it, and the signal handler reads the slot.  Every write of R14 (setg,
// and the switches of proc_amd64.S and rt0_linux_amd64.S) writes the
// slot too.  rt_tls_init sets up the thread's TLS block (docs/abi.md).
extern __thread G *rt_tlsg __asm__("runtime.tlsg") __attribute__((tls_model("local-exec")));
void rt_tls_init(uintptr *auxv);
#if defined(__GNUC__) && !defined(__clang__)
register G *rt_gr __asm__("r14");
static inline G *getg(void) { return rt_gr; }
static inline void setg(G *gp)
{
	rt_gr = gp;
	rt_tlsg = gp;
}
#else
static inline G *getg(void)
{
	G *gp;
	__asm__ volatile("mov %%r14, %0" : "=r"(gp));
	return gp;
}
static inline void setg(G *gp)
{
	__asm__ volatile("mov %0, %%r14" : : "r"(gp) : "r14");
	rt_tlsg = gp;
}
#endif

extern M rt_m0;
extern G rt_g0;
extern P rt_p0;
extern int32_t rt_ncpu;
extern int32_t rt_gomaxprocs;
enum { MAX_PROCS = 256 };
extern P *rt_allp[MAX_PROCS];
void rt_tracebackothers(G *me); // gc's tracebackothers: the other goroutines of a fatal error
// traceback.c: gp's frames from the C frame record r on its stack (the
// caller of fatalpanic/fatalthrow), or from its saved context
void rt_traceback(G *gp, uintptr r);
void rt_tracebacksched(G *gp);
// A visitor of a goroutine's stack words (traceback.c rt_walkstack):
// word(p) for a word the stack maps say holds a pointer, range(from, to,
// name of the frame or nil) for a part without maps.
typedef struct StackWalker {
	uintptr lo, hi; // the part of the stack to visit
	void (*word)(struct StackWalker *, uintptr p);
	void (*range)(struct StackWalker *, uintptr from, uintptr to, const char *fname);
	void (*frame)(struct StackWalker *, const char *fname, uintptr sp, bool exact); // optional: each frame
} StackWalker;
void rt_walkstack(G *gp, uintptr r, uintptr pc, StackWalker *v);
// the return addresses of the current goroutine's frames from the C
// frame record r, as runtime.Callers (traceback.c)
intgo rt_callerpcs(uintptr r, intgo skip, uintptr *pcs, intgo max);
// stack maps: adjusts the pointers into gp's old stack [lo, hi) in its
// copy at +delta; returns how many words were moved by conservative scan
// (debug: GODEBUG=stackcopy's level)
uintptr rt_adjuststack(G *gp, uintptr lo, uintptr hi, uintptr delta, int64_t debug);
int64_t rt_godebug(const char *key); // GODEBUG's key=N, -1 if absent

// ---- atomics and locks (lock_futex.c) ------------------------------------

typedef struct Mutex {
	uint32_t key; // 0 unlocked, 1 locked, 2 locked with sleepers
} Mutex;

void lock(Mutex *l);
void unlock(Mutex *l);
// Notes (gc's lock_futex.go): noteclear before use, one notewakeup, any
// number of notesleep.  notetsleep waits at most ns (< 0: forever) and
// says whether the note was woken.
void noteclear(Note *n);
void notewakeup(Note *n);
void notesleep(Note *n);
bool notetsleep(Note *n, int64_t ns);
uint32_t rt_fastrand(void);

// ---- system calls (sys_linux_amd64.c, vdso_linux_amd64.c) -------------------

intgo sys_write(int fd, const void *p, uintptr n);
void sys_exit_group(int code) NORETURN;
void sys_exit_thread(int code) NORETURN;
void *sys_mmap(void *addr, uintptr n, int prot, int flags, int fd, intgo off); // returns -errno on failure
int sys_munmap(void *addr, uintptr n);
int sys_madvise(void *addr, uintptr n, int advice);
int sys_mprotect(void *addr, uintptr n, int prot);
intgo sys_clone(unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls);
int sys_arch_prctl(int code, uintptr addr);
int sys_futex(uint32_t *addr, int op, uint32_t val, const void *ts, uint32_t *addr2, uint32_t val3);
int sys_rt_sigaction(int sig, const void *act, void *oact, uintptr size);
int sys_rt_sigprocmask(int how, const void *set, void *oset, uintptr size);
int sys_sigaltstack(const void *ss, void *oss);
int sys_nanosleep(const void *req, void *rem);
int sys_clock_gettime_syscall(int clock, void *ts);
intgo sys_getrandom(void *buf, uintptr n, unsigned flags);
int sys_sched_yield(void);
int sys_gettid(void);
int sys_getpid(void);
int sys_tgkill(int tgid, int tid, int sig);
int sys_sched_getaffinity(int pid, uintptr n, void *mask);
int sys_memfd_create(const char *name, unsigned flags);
intgo sys_read(int fd, void *p, uintptr n);
int sys_open(const char *path, int flags, int mode);
int sys_close(int fd);
intgo sys_raw(intgo trap, intgo a1); // any system call of one argument: the result or -errno
int sys_epoll_create1(int flags);
int sys_epoll_ctl(int epfd, int op, int fd, void *ev);
int sys_epoll_wait(int epfd, void *evs, int n, int ms);

int64_t rt_nanotime(void);  // CLOCK_MONOTONIC in ns (vDSO when present)
int64_t rt_walltime(int32_t *nsec);  // CLOCK_REALTIME: seconds, and ns in *nsec
void rt_usleep(uint32_t usec);
void vdso_init(uintptr ehdr);

// mmap constants (Linux, amd64)
enum {
	PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4,
	MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANON = 0x20,
	MAP_NORESERVE = 0x4000, MAP_FIXED_NOREPLACE = 0x100000,
	MADV_DONTNEED = 4, MADV_FREE = 8,
};

// ---- entry and start-up (rt0_linux_amd64.S, proc.c) ---------------------------

extern int32_t rt_argc;
extern byte **rt_argv;
extern byte **rt_envp;
extern uintptr rt_pagesize;   // from the auxiliary vector
extern byte *rt_auxv_random;  // AT_RANDOM: 16 random bytes from the kernel

void rt_start(uintptr *sp) NORETURN;  // called by _start
void rt_callgo0(void (*fn)(void));    // call a Go ABI0 func() from C (rt0)
void rt_switchstack(uintptr sp, G *gp, void (*fn)(void)) NORETURN; // rt0
void rt_onstack(void (*fn)(void), G *gp, uintptr sp);  // rt0: fn on gp's stack at sp
void rt_systemstack(void (*fn)(void));                 // fn on the M's g0 stack
void rt_exit(int code) RTSYM(exit) NORETURN;
intgo rt_findnull(const byte *s);
GoString rt_gostringnocopy(const byte *s);

// ---- print (print.c) -----------------------------------------------------

void printlock(void) RTSYM(printlock);
void printunlock(void) RTSYM(printunlock);
void printbool(bool v) RTSYM(printbool);
void printfloat(double v) RTSYM(printfloat);
void printcomplex(Complex128 c) RTSYM(printcomplex);
void printuint(uint64_t v) RTSYM(printuint);
void printint(int64_t v) RTSYM(printint);
void printhex(uint64_t v) RTSYM(printhex);
void printpointer(const void *p) RTSYM(printpointer);
void printuintptr(uintptr p) RTSYM(printuintptr);
void printstring(GoString s) RTSYM(printstring);
void printslice(GoSlice s) RTSYM(printslice);
void printeface(Eface e) RTSYM(printeface);
void printiface(Iface i) RTSYM(printiface);
void printsp(void) RTSYM(printsp);
void printnl(void) RTSYM(printnl);
void rt_prints(const char *s);     // C string convenience
void rt_printflush(void);          // write out what is buffered (throw, exit)
void rt_writeerr(const void *p, uintptr n);

// ---- memory helpers (memory.c) -------------------------------------------

void memmove_go(void *dst, const void *src, uintptr n) RTSYM(memmove);
void memclrNoHeapPointers(void *p, uintptr n) RTSYM(memclrNoHeapPointers);
bool memequal(const void *a, const void *b, uintptr n) RTSYM(memequal);
// The compiler (gcc) may emit calls to these four even when freestanding.
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *p, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

// ---- allocator (malloc.c, mheap.c, mcache.c, sizeclasses.h) --------------

void mallocinit(void);
void *mallocgc(uintptr size, struct _type *typ, bool needzero) RTSYM(mallocgc);
// The type of the runtime's own objects that may hold heap pointers
// anywhere (every word is scanned as a pointer): mallocgc(n,
// RT_PTRWORDS, ...) for any n that is a multiple of 8.
extern struct _type rt_ptrwords;
#define RT_PTRWORDS (&rt_ptrwords)
extern uintptr zerobase RTSYM(zerobase);
void *newobject(struct _type *typ) RTSYM(newobject);
void *newarray(struct _type *typ, intgo n) RTSYM(newarray);
void *persistentalloc(uintptr size, uintptr align);
void *sysAlloc(uintptr n);  // fresh zeroed pages from the OS, or nil

// ---- strings (string.c) --------------------------------------------------

#define TMPBUF_SIZE 32
typedef struct { byte b[TMPBUF_SIZE]; } TmpBuf;
typedef struct { int32_t r; intgo pos; } DecodedRune;

GoString concatstrings(TmpBuf *buf, GoSlice a) RTSYM(concatstrings);
GoString concatstring2(TmpBuf *buf, GoString a0, GoString a1) RTSYM(concatstring2);
GoString concatstring3(TmpBuf *buf, GoString a0, GoString a1, GoString a2) RTSYM(concatstring3);
GoString concatstring4(TmpBuf *buf, GoString a0, GoString a1, GoString a2, GoString a3) RTSYM(concatstring4);
GoString concatstring5(TmpBuf *buf, GoString a0, GoString a1, GoString a2, GoString a3, GoString a4) RTSYM(concatstring5);
intgo cmpstring(GoString a, GoString b) RTSYM(cmpstring);
GoString slicebytetostring(TmpBuf *buf, const byte *p, intgo n) RTSYM(slicebytetostring);
GoSlice stringtoslicebyte(TmpBuf *buf, GoString s) RTSYM(stringtoslicebyte);
GoSlice stringtoslicerune(int32_t (*buf)[TMPBUF_SIZE], GoString s) RTSYM(stringtoslicerune);
GoString slicerunetostring(TmpBuf *buf, GoSlice a) RTSYM(slicerunetostring);
GoString intstring(byte (*buf)[4], int64_t v) RTSYM(intstring);
DecodedRune decoderune(GoString s, intgo k) RTSYM(decoderune);
intgo encoderune(byte *p, int32_t r);
intgo countrunes(GoString s) RTSYM(countrunes);
GoString gostring(const byte *p) RTSYM(gostring);

// ---- slices (slice.c) ----------------------------------------------------

GoSlice growslice(struct _type *et, GoSlice old, intgo cap) RTSYM(growslice);
uintptr roundupsize(uintptr size);

// ---- panics and fatal errors (panic.c) -----------------------------------

enum { THROW_NONE, THROW_USER, THROW_RUNTIME };

typedef struct Panic {
	Eface arg;           // the value given to panic
	struct Panic *link;  // the panic this one interrupted
	GoString msg;        // arg's Error()/String() when it has one (preprintpanics)
	bool hasmsg;
	bool recovered;
	bool aborted;
	bool goexit;
	uintptr argp;        // SP at the call of the deferred function running for it (defer.c)
} Panic;
// A deferred call (defer.c): the closure, and the frame of the function
// whose defer statement made it (its SP and BP after the deferproc call
// returns, and that return address, where a recovery resumes).
typedef struct Defer {
	struct FuncVal *fn;
	uintptr sp, bp, pc;
	bool started;
	struct Panic *panic;  // the panic running it
	struct Defer *link;
} Defer;

void throw(GoString s) RTSYM(throw) NORETURN;
void rt_throw(const char *s) NORETURN;         // C string convenience
void fatal_go(GoString s) RTSYM(fatal) NORETURN;
void printpanics(Panic *p);
void printany(Eface e);
void fatalpanic(Panic *msgs) NORETURN;
void rt_rundefers(Panic *p);  // defer.c: run deferred calls for p; returns if none recovered
void rt_initsig(void);   // signal_linux_amd64.c: handlers, m0's signal stack
void rt_minitsig(M *mp); // a signal stack for a new M (call on its thread)
void rt_panic_runtime_error(GoString msg) NORETURN;
// Runtime errors as Go values (error.c): runtime.boundsError,
// errorString, plainError, *TypeAssertionError.
struct _type;
void gopanic(Eface e) RTSYM(gopanic) NORETURN;  // panic.c: panic(v)
void rt_panic_bounds(int64_t x, intgo y, bool signedx, int code) NORETURN;
void rt_panic_typeassert(const struct _type *iface, const struct _type *concrete,
                         const struct _type *asserted, GoString missing) NORETURN;
GoString rt_typeassert_msg(const struct _type *iface, const struct _type *concrete,
                           const struct _type *asserted, GoString missing);  // iface.c
Eface rt_errorvalue(GoString msg);       // errorString or plainError for a formatted message
bool rt_error_msg(Eface e, GoString *out);  // e's Error() when e is one of the runtime's errors
void goPanicIndex(intgo x, intgo y) RTSYM(goPanicIndex) NORETURN;
void goPanicIndexU(uintptr x, intgo y) RTSYM(goPanicIndexU) NORETURN;
void goPanicSliceAlen(intgo x, intgo y) RTSYM(goPanicSliceAlen) NORETURN;
void goPanicSliceAlenU(uintptr x, intgo y) RTSYM(goPanicSliceAlenU) NORETURN;
void goPanicSliceAcap(intgo x, intgo y) RTSYM(goPanicSliceAcap) NORETURN;
void goPanicSliceAcapU(uintptr x, intgo y) RTSYM(goPanicSliceAcapU) NORETURN;
void goPanicSliceB(intgo x, intgo y) RTSYM(goPanicSliceB) NORETURN;
void goPanicSliceBU(uintptr x, intgo y) RTSYM(goPanicSliceBU) NORETURN;
void goPanicSlice3Alen(intgo x, intgo y) RTSYM(goPanicSlice3Alen) NORETURN;
void goPanicSlice3AlenU(uintptr x, intgo y) RTSYM(goPanicSlice3AlenU) NORETURN;
void goPanicSlice3Acap(intgo x, intgo y) RTSYM(goPanicSlice3Acap) NORETURN;
void goPanicSlice3AcapU(uintptr x, intgo y) RTSYM(goPanicSlice3AcapU) NORETURN;
void goPanicSlice3B(intgo x, intgo y) RTSYM(goPanicSlice3B) NORETURN;
void goPanicSlice3BU(uintptr x, intgo y) RTSYM(goPanicSlice3BU) NORETURN;
void goPanicSlice3C(intgo x, intgo y) RTSYM(goPanicSlice3C) NORETURN;
void goPanicSlice3CU(uintptr x, intgo y) RTSYM(goPanicSlice3CU) NORETURN;
void goPanicSliceConvert(intgo x, intgo y) RTSYM(goPanicSliceConvert) NORETURN;
void panicdivide(void) RTSYM(panicdivide) NORETURN;
void panicshift(void) RTSYM(panicshift) NORETURN;
void panicmem(void) RTSYM(panicmem) NORETURN;
void panicnildottype(struct _type *want) RTSYM(panicnildottype) NORETURN;
void rt_goroutineheader(G *gp);
intgo rt_boundserror(byte *buf, int64_t x, intgo y, bool signedx, int code);

#endif
