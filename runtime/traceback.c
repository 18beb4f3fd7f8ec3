// traceback.c — goroutine tracebacks as gc prints them (runtime/
// traceback.go): for each frame `name(args)` and `\tfile:line +0xoff`,
// runtime frames hidden, `panic(...)` between a panic and the deferred
// call that panicked again, compiler wrappers elided, 100 frames at most,
// `created by` for goroutines other than main.
//
// The walk.  Frames are read from the goroutine's stack with the
// function table the linker builds (runtime.functab, docs/abi.md "The
// function table"):
//   - a Go function's frame has a fixed size from its table entry: at a
//     call its SP is the body's SP, the return address is at SP+frame,
//     the saved BP (if it has a frame) at SP+frame-8, and its ABI0
//     arguments start at SP+frame+8;
//   - the C runtime is compiled with frame pointers (Makefile, docs/
//     runtime.md): every C or assembly frame on the way is a record
//     {saved BP, return address} at BP, so it unwinds to SP = BP+16.
// So the walk starts from a frame record of C code (the function that
// decided to die, or where a parked goroutine's mcall saved BP) and
// alternates freely between the two kinds.  A fault's frame comes
// through rt_sigpanic_stub, whose record holds the faulting pc: that pc
// is not a return address (no -1 for its line, as gc's sigpanic rule).
//
// Invariants the walk relies on: Go code has fixed frames (no SP change
// in a body) and keeps BP as a frame pointer; C and assembly push BP and
// set it before any call; every SP and BP read is checked against the
// goroutine's stack bounds, so a broken chain stops the walk instead of
// faulting.
#include "type.h"

// ---- the function table (src/link/functab.c) ----------------------------

typedef struct FuncTab {
	uint32_t magic, nfunc, nfile, funcs, files, strings, lines, args;
} FuncTab;

typedef struct FuncEntry {
	uintptr entry;
	uint32_t size, name;
	int32_t frame;      // -1: not Go (walk by frame pointer)
	uint32_t argsize, lines, args, flags, maps; // maps: stack maps in args, or NOFF
} FuncEntry;

enum { FT_MAGIC = 0x31746667, FN_WRAPPER = 1, FN_METHODWRAPPER = 2, NOFF = 0xffffffffu, MAX_FRAMES = 100 };

extern const byte rt_functab[] __asm__("runtime.functab") __attribute__((weak));
void rt_sigpanic_stub(void);   // panic_amd64.S
void rt_goexit_stub(void);     // proc_amd64.S
void rt_morestack(void) __asm__("runtime.morestack");
extern const int rt_gopanic_line; // panic.c

static const FuncTab *functab(void)
{
	const FuncTab *t = (const FuncTab *)rt_functab;
	return t && t->magic == FT_MAGIC ? t : 0;
}

static const FuncEntry *ftfuncs(const FuncTab *t)
{
	return (const FuncEntry *)((const byte *)t + t->funcs);
}

static const char *ftstr(const FuncTab *t, uint32_t off)
{
	return (const char *)t + t->strings + off;
}

// The function containing pc, or nil.
static const FuncEntry *findfunc(uintptr pc)
{
	const FuncTab *t = functab();
	if (!t || !t->nfunc)
		return 0;
	const FuncEntry *f = ftfuncs(t);
	uint32_t lo = 0, hi = t->nfunc; // last entry <= pc is in [lo, hi)
	if (pc < f[0].entry)
		return 0;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f[mid].entry <= pc)
			lo = mid;
		else
			hi = mid;
	}
	return pc < f[lo].entry + f[lo].size ? &f[lo] : 0;
}

static const char *funcname(const FuncEntry *f) { return ftstr(functab(), f->name); }

// Whether pc is in one of the compiler's method wrappers, which recover
// looks through (defer.c).
bool rt_inmethodwrapper(uintptr pc)
{
	const FuncEntry *f = findfunc(pc);
	return f && (f->flags & FN_METHODWRAPPER);
}

static uint64_t uvarint(const byte **pp)
{
	const byte *p = *pp;
	uint64_t v = 0;
	for (int s = 0;; s += 7) {
		byte b = *p++;
		v |= (uint64_t)(b & 0x7f) << s;
		if (!(b & 0x80))
			break;
	}
	*pp = p;
	return v;
}

// The file and line of pc in f ("?", 0 when unknown, as gc).
static void funcline(const FuncEntry *f, uintptr pc, const char **file, int64_t *line)
{
	const FuncTab *t = functab();
	*file = "?";
	*line = 0;
	if (f->lines == NOFF)
		return;
	const byte *p = (const byte *)t + t->lines + f->lines;
	uint64_t n = uvarint(&p);
	uintptr off = pc - f->entry, rowpc = 0;
	int64_t ln = 0;
	for (uint64_t i = 0; i < n; i++) {
		rowpc += uvarint(&p);
		uint64_t z = uvarint(&p);
		ln += (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
		uint64_t fi = uvarint(&p);
		if (rowpc > off)
			break;
		*line = ln;
		if (fi < t->nfile)
			*file = ftstr(t, ((const uint32_t *)((const byte *)t + t->files))[fi]);
	}
}

// ---- runtime.FuncForPC and Func's methods ---------------------------------
// A *Func is the table's FuncEntry (gc's is its _func); nil for a pc
// outside every function.  The methods are C (symbols named as gc's).

typedef struct FileLine {
	GoString file;
	intgo line;
} FileLine;

const FuncEntry *FuncForPC(uintptr pc) RTSYM(FuncForPC);
// (their Go names, runtime.(*Func).Name ..., are aliases: gcc cannot
// emit a name with parentheses as a function's, the assembler can)
GoString FuncName(const FuncEntry *f);
uintptr FuncEntryPC(const FuncEntry *f);
FileLine FuncFileLine(const FuncEntry *f, uintptr pc);
__asm__(".globl \"runtime.(*Func).Name\"\n.set \"runtime.(*Func).Name\", FuncName\n"
	".globl \"runtime.(*Func).Entry\"\n.set \"runtime.(*Func).Entry\", FuncEntryPC\n"
	".globl \"runtime.(*Func).FileLine\"\n.set \"runtime.(*Func).FileLine\", FuncFileLine\n");

const FuncEntry *FuncForPC(uintptr pc) { return findfunc(pc); }

GoString FuncName(const FuncEntry *f) { return f ? rt_gostringnocopy((const byte *)funcname(f)) : (GoString){0, 0}; }

uintptr FuncEntryPC(const FuncEntry *f) { return f ? f->entry : 0; }

FileLine FuncFileLine(const FuncEntry *f, uintptr pc)
{
	const char *file = "?";
	int64_t line = 0;
	if (f)
		funcline(f, pc, &file, &line);
	return (FileLine){rt_gostringnocopy((const byte *)file), (intgo)line};
}

// ---- which frames gc shows -----------------------------------------------

static bool hasprefix(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return false;
	return true;
}

static bool contains(const char *s, const char *sub)
{
	for (; *s; s++)
		if (hasprefix(s, sub))
			return true;
	return false;
}

static bool isgopanic(const FuncEntry *f) { return f && f->entry == (uintptr)gopanic; }

// Whether f has a Go name: package-qualified, not one of gcc's clones of
// a C function (foo.part.0, foo.isra.0, foo.cold)
static bool goname(const FuncEntry *f)
{
	const char *name = funcname(f);
	if (f->frame < 0 && (contains(name, ".part.") || contains(name, ".isra.") ||
			     contains(name, ".constprop.") || contains(name, ".cold")))
		return false;
	return contains(name, ".");
}

// gc's elideWrapperCalling: a wrapper's frame is hidden unless it called
// gopanic or faulted (its callee is sigpanic)
static bool elidewrapper(const FuncEntry *f, const FuncEntry *child)
{
	return (f->flags & FN_WRAPPER) && !isgopanic(child) && !(child && child->entry == (uintptr)rt_sigpanic_stub);
}

// gc's showfuncinfo: package-qualified names outside the runtime, and the
// runtime's exported functions; the panic frame unless first; wrappers
// only when they called panic directly (elideWrapperCalling).  C
// functions of the runtime follow the same rule by their symbol names
// (gcc's clones, foo.part.0, are not Go names).
static bool showframe(const FuncEntry *f, bool first, const FuncEntry *child, bool all)
{
	if (all)
		return true;
	if (elidewrapper(f, child))
		return false;
	const char *name = funcname(f);
	if (isgopanic(f))
		return !first;
	if (!goname(f))
		return false;
	if (!hasprefix(name, "runtime."))
		return true;
	char c = name[8];
	return c >= 'A' && c <= 'Z';
}

// ---- printing ------------------------------------------------------------

// gc's printArgs: the ArgInfo program of src/gen/arginfo.c over the
// argument words at argp.  ABI0 arguments are in memory, always live:
// no "?" marks.
static void printargs(const FuncEntry *f, uintptr argp)
{
	const FuncTab *t = functab();
	if (f->args == NOFF)
		return;
	const byte *p = (const byte *)t + t->args + f->args;
	bool start = true;
	for (int i = 0; i < 200; i++) {
		byte o = *p++;
		switch (o) {
		case 0xff:
			return;
		case 0xfe:
			if (!start)
				rt_prints(", ");
			rt_prints("{");
			start = true;
			continue;
		case 0xfd:
			rt_prints("}");
			break;
		case 0xfc:
			if (!start)
				rt_prints(", ");
			rt_prints("...");
			break;
		case 0xfb:
			if (!start)
				rt_prints(", ");
			rt_prints("_");
			break;
		default: {
			if (!start)
				rt_prints(", ");
			byte sz = *p++;
			uint64_t x;
			memcpy(&x, (const void *)(argp + o), 8);
			if (sz < 8)
				x = x << (64 - 8 * sz) >> (64 - 8 * sz);
			printhex(x);
			break;
		}
		}
		start = false;
	}
}

// The Panic whose record lives in the frame [sp, bp) of a gopanic call.
static Panic *framepanic(G *gp, uintptr sp, uintptr bp)
{
	for (Panic *p = gp->panic; p; p = p->link)
		if ((uintptr)p >= sp && (uintptr)p < bp)
			return p;
	return 0;
}

static void printpc(const FuncEntry *f, uintptr pc, bool exact)
{
	const char *file;
	int64_t line;
	funcline(f, exact || pc == f->entry ? pc : pc - 1, &file, &line);
	if (isgopanic(f)) {
		file = "runtime/panic.c";
		line = rt_gopanic_line;
	}
	rt_prints("\t");
	rt_prints(file);
	rt_prints(":");
	printint(line);
	if (pc > f->entry) {
		rt_prints(" +");
		printhex(pc - f->entry);
	}
}

// ---- the walk ------------------------------------------------------------

typedef struct Walk {
	G *gp;
	uintptr lo, hi; // stack bounds
} Walk;

static bool onstack(const Walk *w, uintptr p) { return p >= w->lo && p + 16 <= w->hi; }

static uintptr rd(uintptr p) { return *(const uintptr *)p; }

// A frame during the walk: pc (a return address, or the faulting pc
// itself when exact: the frame below was rt_sigpanic_stub), its SP, and
// BP there.
typedef struct Frame {
	uintptr pc, sp, bp;
	bool exact;
} Frame;

static Frame firstframe(uintptr r) { return (Frame){rd(r + 8), r + 16, rd(r), false}; }

// Moves fr from f's frame to its caller's (child: the function f
// called); false where the chain leaves the stack.
static bool unwind(const Walk *w, const FuncEntry *f, const FuncEntry *child, Frame *fr)
{
	if (f->frame >= 0) {
		uintptr fs = (uintptr)f->frame;
		if (child && child->entry == (uintptr)rt_morestack)
			fs = 0; // stopped in the prologue: no frame yet
		if (!onstack(w, fr->sp + fs))
			return false;
		fr->bp = fs ? rd(fr->sp + fs - 8) : fr->bp;
		fr->pc = rd(fr->sp + fs);
		fr->sp += fs + 8;
	} else {
		uintptr bp = fr->bp;
		if (!onstack(w, bp) || bp < fr->sp)
			return false;
		fr->pc = rd(bp + 8);
		fr->sp = bp + 16;
		fr->bp = rd(bp);
	}
	fr->exact = f->entry == (uintptr)rt_sigpanic_stub;
	return true;
}

// Prints gp's frames from the C frame record r; returns how many were
// printed.  all: show every frame (runtime throws), with fp/sp/pc.
// child: the function that made record r, when it matters (morestack).
static int walk(G *gp, uintptr r, const FuncEntry *child, uintptr lo, uintptr hi, bool all)
{
	Walk w = {gp, lo, hi};
	if (!functab() || !onstack(&w, r))
		return 0;
	Frame fr = firstframe(r);
	int n = 0, nprint = 0;
	while (n < MAX_FRAMES && fr.pc && fr.sp >= lo && fr.sp <= hi) {
		const FuncEntry *f = findfunc(fr.exact ? fr.pc : fr.pc - 1);
		if (!f || f->entry == (uintptr)rt_goexit_stub)
			break;
		Frame caller = fr;
		if (!unwind(&w, f, child, &caller))
			break;
		uintptr pc = fr.pc, sp = fr.sp, bp = fr.bp, nsp = caller.sp, argp = caller.sp;
		bool exact = fr.exact;
		if (showframe(f, nprint == 0, child, all)) {
			if (isgopanic(f)) {
				rt_prints("panic(");
				Panic *p = framepanic(gp, sp, bp);
				if (p) {
					rt_prints("{");
					printhex((uintptr)p->arg.type);
					rt_prints(", ");
					printhex((uintptr)p->arg.data);
					rt_prints("}");
				}
			} else {
				rt_prints(funcname(f));
				rt_prints("(");
				if (f->frame >= 0)
					printargs(f, argp);
			}
			rt_prints(")\n");
			printpc(f, pc, exact);
			if (all) {
				rt_prints(" fp=");
				printhex(nsp);
				rt_prints(" sp=");
				printhex(sp);
				rt_prints(" pc=");
				printhex(pc);
			}
			rt_prints("\n");
			nprint++;
		}
		n++;
		child = f;
		fr = caller;
	}
	return nprint;
}

// gc's printcreatedby: the go statement that started gp.
static void printcreatedby(G *gp)
{
	const FuncEntry *f = findfunc(gp->gopc - 1);
	if (!f || gp->goid == 1 || !showframe(f, false, 0, false))
		return;
	rt_prints("created by ");
	rt_prints(funcname(f));
	rt_prints("\n");
	printpc(f, gp->gopc, false);
	rt_prints("\n");
}

// gp's traceback from the C frame record r (on gp's stack), as gc's
// traceback1: with runtime frames when nothing else would show, the
// elision note at the frame limit, and "created by".
static void traceback1(G *gp, uintptr r, const FuncEntry *child)
{
	M *mp = getg()->m;
	bool all = mp->throwing >= THROW_RUNTIME;
	uintptr lo = gp->stack.lo, hi = gp->stack.hi;
	int n = walk(gp, r, child, lo, hi, all);
	if (n == 0 && !all)
		n = walk(gp, r, child, lo, hi, true);
	if (n == MAX_FRAMES)
		rt_prints("...additional frames elided...\n");
	printcreatedby(gp);
}

void rt_traceback(G *gp, uintptr r) { traceback1(gp, r, 0); }

// A goroutine that is not running: from the frame record its last
// switch saved (mcall, morestack, systemstack), or, for one that never
// ran, its function at its entry.
void rt_tracebacksched(G *gp)
{
	if (gp->sched.bp) {
		// sched.pc is in the switching function (rt_mcall, morestack,
		// rt_systemstack_arg), whose record sched.bp is
		traceback1(gp, gp->sched.bp, findfunc(gp->sched.pc));
		return;
	}
	const FuncEntry *f = findfunc(gp->sched.pc);
	if (f && gp->sched.pc) {
		rt_prints(funcname(f));
		rt_prints("(...)\n");
		printpc(f, gp->sched.pc, true);
		rt_prints("\n");
	}
	printcreatedby(gp);
}

// ---- runtime.Caller, Callers, Stack --------------------------------------

// The return addresses of the current goroutine's frames from the C
// frame record r (its caller's frame first), after skip of them; how
// many were stored.  As gc's Callers: the frames of Go functions and of
// the runtime's C functions with Go names (runtime.gopanic between a
// panic and the deferred call it runs), the compiler's wrappers elided
// (gc's elideWrapperCalling); a faulting frame's pc is stored + 1, so
// that the -1 every user applies lands on the faulting instruction.
// The walk goes on through C frames by their frame pointers and ends at
// the goroutine's start.
static intgo callerpcs(uintptr r, intgo skip, uintptr *pcs, intgo max);

// The same for the runtime's C code (the heap profile's stacks).
intgo rt_callerpcs(uintptr r, intgo skip, uintptr *pcs, intgo max) { return callerpcs(r, skip, pcs, max); }

static intgo callerpcs(uintptr r, intgo skip, uintptr *pcs, intgo max)
{
	G *gp = getg();
	Walk w = {gp, gp->stack.lo, gp->stack.hi};
	if (!functab() || !onstack(&w, r))
		return 0;
	Frame fr = firstframe(r);
	const FuncEntry *child = 0;
	intgo n = 0;
	while (n < max && fr.pc && fr.sp >= w.lo && fr.sp <= w.hi) {
		const FuncEntry *f = findfunc(fr.exact ? fr.pc : fr.pc - 1);
		if (!f || f->entry == (uintptr)rt_goexit_stub)
			break;
		if ((f->frame >= 0 || goname(f)) && !elidewrapper(f, child)) {
			if (skip > 0)
				skip--;
			else
				pcs[n++] = fr.exact ? fr.pc + 1 : fr.pc;
		}
		if (!unwind(&w, f, child, &fr))
			break;
		child = f;
	}
	return n;
}

typedef struct CallerResult {
	uintptr pc;
	GoString file;
	intgo line;
	bool ok;
} CallerResult;

CallerResult Caller(intgo skip) RTSYM(Caller) NOINLINE;
intgo Callers(intgo skip, GoSlice pcs) RTSYM(Callers) NOINLINE;
intgo rt_Stack(GoSlice buf, bool all) RTSYM(Stack) NOINLINE;

// Caller(0) is the function that called Caller: pc is its call
// instruction's (the return address - 1), as gc's Frame.PC
CallerResult Caller(intgo skip)
{
	uintptr pc;
	if (skip < 0 || callerpcs((uintptr)__builtin_frame_address(0), skip, &pc, 1) < 1)
		return (CallerResult){0, {0, 0}, 0, false};
	const FuncEntry *f = findfunc(pc - 1);
	const char *file;
	int64_t line;
	funcline(f, pc - 1, &file, &line);
	return (CallerResult){pc - 1, rt_gostringnocopy((const byte *)file), (intgo)line, true};
}

// Callers(0) starts with Callers itself, Callers(1) with its caller
intgo Callers(intgo skip, GoSlice pcs)
{
	uintptr *v = pcs.array;
	intgo n = 0;
	if (pcs.len <= 0)
		return 0;
	if (skip == 0) {
		v[n++] = (uintptr)Callers + 1;
		skip = 1;
	}
	return n + callerpcs((uintptr)__builtin_frame_address(0), skip - 1, v + n, pcs.len - n);
}

// Stack: the current goroutine's traceback, as a panic prints it, into
// buf (print output goes there: G.writebuf); all: the other goroutines'
// too, as gc's (gc stops the world; one M runs goroutines here)
intgo rt_Stack(GoSlice buf, bool all)
{
	G *gp = getg();
	GoSlice w = {buf.array, 0, buf.len};
	gp->writebuf = &w;
	rt_prints("goroutine ");
	printint(gp->goid);
	rt_prints(" [running]:\n");
	rt_traceback(gp, (uintptr)__builtin_frame_address(0));
	if (all)
		rt_tracebackothers(gp);
	gp->writebuf = 0;
	return w.len;
}

// ---- runtime.panicwrap ----------------------------------------------------

// Called by the compiler's wrapper (*T).M of a value method T.M when the
// *T is nil: gc's message, the package, type and method read from the
// wrapper's name ("main.(*T).M").
void panicwrap(void) RTSYM(panicwrap) NORETURN NOINLINE;
void panicwrap(void)
{
	const FuncEntry *f = findfunc((uintptr)__builtin_return_address(0) - 1);
	const char *name = f ? funcname(f) : "";
	const char *lp = 0, *rp = 0;
	for (const char *p = name; *p; p++)
		if (*p == '(' && !lp)
			lp = p;
		else if (*p == ')' && lp && !rp)
			rp = p;
	if (!lp || lp == name || lp[-1] != '.' || lp[1] != '*' || !rp || rp[1] != '.')
		rt_throw("panicwrap: unexpected wrapper name");
	GoString pkg = {(const byte *)name, lp - 1 - name}, typ = {(const byte *)lp + 2, rp - (lp + 2)};
	GoString parts[] = {GOSTR("value method "), pkg, GOSTR("."), typ, GOSTR("."),
			    rt_gostringnocopy((const byte *)rp + 2), GOSTR(" called using nil *"), typ, GOSTR(" pointer")};
	intgo n = (intgo)(sizeof parts / sizeof parts[0]);
	rt_panic_runtime_error(concatstrings(0, (GoSlice){parts, n, n}));
}

// ---- stack maps and the exact part of stack copying ----------------------
// The back end's maps (src/amd64/emit.c stackmaps; docs/abi.md, "Stack
// maps"): uvarint words of ABI0 arguments and their bitmap; uvarint
// base (in words from SP) and count of the locals' words, the distinct
// locals bitmaps, and per call a return-address delta and a bitmap index.

typedef struct StackMap {
	uint64_t argwords, lbase, lwords;
	const byte *args, *locals; // locals: NULL when none is wanted
} StackMap;

enum { STACKMAP_ARGS = ~(uintptr)0 };

// f's maps at return address entry+retoff (STACKMAP_ARGS: the arguments
// only); false if f has none there.
static bool stackmap(const FuncEntry *f, uintptr retoff, StackMap *m)
{
	const FuncTab *t = functab();
	if (f->maps == NOFF)
		return false;
	const byte *p = (const byte *)t + t->args + f->maps;
	m->argwords = uvarint(&p);
	m->args = p;
	p += (m->argwords + 7) / 8;
	m->lbase = uvarint(&p);
	m->lwords = uvarint(&p);
	m->locals = 0;
	if (retoff == STACKMAP_ARGS)
		return true;
	uint64_t nb = (m->lwords + 7) / 8, nmaps = uvarint(&p);
	const byte *maps = p;
	p += nmaps * nb;
	uint64_t anb = (m->argwords + 7) / 8, namaps = uvarint(&p);
	const byte *amaps = p;
	p += namaps * anb;
	uint64_t npc = uvarint(&p);
	uintptr pc = 0;
	for (uint64_t i = 0; i < npc; i++) {
		pc += uvarint(&p);
		uint64_t k = uvarint(&p), ka = uvarint(&p);
		if (pc == retoff && k < nmaps && ka < namaps) {
			m->locals = maps + k * nb;
			m->args = amaps + ka * anb; // the parameters live after the call
			return true;
		}
		if (pc > retoff)
			break;
	}
	return false;
}

// A walk over a goroutine's stack words (StackWalker in rt.h): word(p)
// for each word that the maps say holds a pointer, range(from, to, f)
// for the parts without maps, whose every word may.

static void visitrange(StackWalker *v, uintptr from, uintptr to, const FuncEntry *f)
{
	if (from < v->lo)
		from = v->lo;
	if (to > v->hi)
		to = v->hi;
	if (from < to)
		v->range(v, from, to, f ? funcname(f) : 0);
}

static void visitbits(StackWalker *v, uintptr base, const byte *bits, uint64_t nwords, uintptr end)
{
	for (uint64_t i = 0; i < nwords && base + 8 * i + 8 <= end; i++)
		if (bits[i / 8] >> (i % 8) & 1)
			v->word(v, base + 8 * i);
}

// Visits the words of gp's stack [v->lo, v->hi) from the frame record r
// of the function that switched away (pc: in it).  Go frames with maps
// at their call give exact words: the pointer words of their locals and
// live spill slots, the saved BP, and in their outgoing area the
// arguments of a Go callee with maps.  Every other part is a range: C
// and assembly frames, a faulting frame, the outgoing area under a C
// callee, what lies beyond the walk.  Each word belongs to exactly one
// frame's part, so none is visited twice.
void rt_walkstack(G *gp, uintptr r, uintptr pc, StackWalker *v)
{
	uintptr lo = v->lo, hi = v->hi;
	Walk w = {gp, lo, hi};
	if (!functab() || !r || !onstack(&w, r)) {
		visitrange(v, lo, hi, 0);
		return;
	}
	const FuncEntry *child = findfunc(pc);
	Frame fr = firstframe(r);
	visitrange(v, lo, fr.sp, child); // the switching function's frame: saved registers
	StackMap cm = {0};
	bool childmap = false;
	while (fr.pc && fr.sp >= lo && fr.sp < hi) {
		const FuncEntry *f = findfunc(fr.exact ? fr.pc : fr.pc - 1);
		if (!f || f->entry == (uintptr)rt_goexit_stub)
			break;
		Frame caller = fr;
		if (!unwind(&w, f, child, &caller) || caller.sp <= fr.sp || caller.sp > hi)
			break;
		bool prologue = child && child->entry == (uintptr)rt_morestack;
		StackMap m = {0};
		bool exact = f->frame >= 0 && !fr.exact &&
			stackmap(f, prologue ? STACKMAP_ARGS : fr.pc - f->entry, &m);
		if (exact && !prologue && f->frame > 0) {
			uintptr fs = (uintptr)f->frame, lbase = fr.sp + 8 * m.lbase;
			if (childmap)
				visitbits(v, fr.sp, cm.args, cm.argwords, lbase);
			else
				visitrange(v, fr.sp, lbase, f);
			visitbits(v, lbase, m.locals, m.lwords, fr.sp + fs - 8);
			v->word(v, fr.sp + fs - 8); // the caller's BP
		} else if (!exact)
			visitrange(v, fr.sp, caller.sp, f);
		// (exact in its prologue or frameless: only the return address)
		if (v->frame)
			v->frame(v, funcname(f), fr.sp, exact);
		child = f;
		childmap = exact;
		// An assembly function that saved BP (the only ones with a map:
		// the BP walk found its caller) and stopped at a call: its
		// arguments in the caller's outgoing area by its Go declaration
		if (!exact && f->frame < 0 && !prologue && !fr.exact && stackmap(f, STACKMAP_ARGS, &m))
			childmap = true;
		cm = m;
		fr = caller;
	}
	visitrange(v, fr.sp, hi, 0); // the goroutine's start: its function's arguments
}

// ---- the copier's visitor ----

typedef struct Adjust {
	StackWalker w;
	uintptr delta;   // the move
	uintptr n, cons; // words adjusted: in all, by the conservative scan
	int64_t debug;   // GODEBUG=stackcopy
} Adjust;

// The word at old address p, in the new stack: moved if it points into
// the old stack's used part.
static void adjword(StackWalker *w, uintptr p)
{
	Adjust *a = (Adjust *)w;
	uintptr *q = (uintptr *)(p + a->delta);
	if (*q >= w->lo && *q < w->hi) {
		*q += a->delta;
		a->n++;
	}
}

// Every word of [from, to).  GODEBUG=stackcopy=2 names each frame
// where a word moved (stackcopy=3: every frame of the walk).
static void adjrange(StackWalker *w, uintptr from, uintptr to, const char *fname)
{
	Adjust *a = (Adjust *)w;
	uintptr n = a->n;
	for (uintptr p = from; p + 8 <= to; p += 8)
		adjword(w, p);
	a->cons += a->n - n;
	if (a->n > n && a->debug > 1) {
		rt_prints("stackcopy: ");
		printuint(a->n - n);
		rt_prints(" words conservatively in ");
		rt_prints(fname ? fname : "(the walk's ends)");
		rt_prints("\n");
	}
}

// Moves the pointers into gp's old stack [lo, hi) found in the copy at
// +delta (gp->sched: runtime.morestack's record).  Returns the number of
// words moved conservatively.
static void adjframe(StackWalker *w, const char *fname, uintptr sp, bool exact)
{
	(void)w;
	rt_prints("stackcopy: frame ");
	rt_prints(fname);
	rt_prints(" sp=");
	printhex(sp);
	rt_prints(exact ? " (maps)\n" : " (word by word)\n");
}

uintptr rt_adjuststack(G *gp, uintptr lo, uintptr hi, uintptr delta, int64_t debug)
{
	Adjust a = {{lo, hi, adjword, adjrange, debug > 2 ? adjframe : 0}, delta, 0, 0, debug};
	rt_walkstack(gp, gp->sched.bp, gp->sched.pc, &a.w);
	return a.cons;
}
