// panic.c — fatal errors and the printing half of panics, in gc's words
// and formats (runtime/panic.go, error.go).
//
// Two kinds of failure, kept apart as in gc:
//   throw(msg): the runtime itself is broken (or the program is beyond
//     help: deadlock, out of memory).  Prints "fatal error: msg", the
//     goroutine, and exits 2.  Never recoverable.
//   panics: user-visible, recoverable with recover().  The defer/recover
//     machinery needs the compiler's defer records and comes with it; what
//     is here is the end of the road, fatalpanic: print the chain of
//     panics as gc does ("panic: " value [" [recovered]"], nested panics
//     indented by a tab), the goroutine header, and exit 2.
// Runtime errors (index out of range, division by zero, nil map, ...)
// are panics whose value is a runtime.Error: runtime.boundsError,
// errorString, plainError, *TypeAssertionError, with descriptors and
// Error methods in error.c; recover() returns them.
#include "type.h"
#include "alg.h"

static Mutex paniclk;
static uint32_t panicking;

// The goroutine header and its frames (traceback.c): from the frame
// record r of the function that decided to die, or 0 for a goroutine
// that is not running here (its saved context).
static void goroutine_dump(G *gp, uintptr r)
{
	rt_prints("\n");
	rt_goroutineheader(gp);
	if (r)
		rt_traceback(gp, r);
	else
		rt_tracebacksched(gp);
}

void rt_goroutineheader(G *gp)
{
	static const char *const status[] = {
		[G_IDLE] = "idle", [G_RUNNABLE] = "runnable", [G_RUNNING] = "running",
		[G_SYSCALL] = "syscall", [G_WAITING] = "waiting", [G_DEAD] = "dead",
	};
	rt_prints("goroutine ");
	printint(gp->goid);
	rt_prints(" [");
	if (gp->status == G_WAITING && gp->waitreason)
		rt_prints(gp->waitreason);
	else
		rt_prints(gp->status < nelem(status) ? status[gp->status] : "???");
	rt_prints("]:\n");
}

// startpanic: the first M to die prints; a panic while printing a panic
// says so; a third one gives up.  Returns whether to print the messages.
static bool startpanic(void)
{
	M *mp = getg()->m;
	mp->mallocing++;
	switch (mp->dying) {
	case 0:
		mp->dying = 1;
		__atomic_add_fetch(&panicking, 1, __ATOMIC_SEQ_CST);
		lock(&paniclk);
		return true;
	case 1:
		mp->dying = 2;
		rt_prints("panic during panic\n");
		return false;
	case 2:
		mp->dying = 3;
		rt_prints("stack trace unavailable\n");
		rt_exit(4);
	default:
		rt_exit(5);
	}
}

// dopanic: what gc's dopanic_m prints at the default GOTRACEBACK: the
// failing goroutine; when the failure is on the system stack (g0), the
// runtime stack for runtime throws, and the user goroutine in any case.
void rt_printsignal(G *gp); // signal_linux_amd64.c

// r is the frame record of fatalpanic's or fatalthrow's caller, where
// gc's tracebacks start too (getcallerpc/getcallersp).
static void dopanic(G *gp, uintptr r)
{
	M *mp = gp->m;
	rt_printsignal(gp);
	if (gp == mp->g0) {
		if (mp->throwing >= THROW_RUNTIME) {
			rt_prints("\nruntime stack:\n");
			rt_traceback(gp, r);
		}
		if (mp->curg)
			goroutine_dump(mp->curg, 0);
		rt_tracebackothers(gp); // gc: on g0, all goroutines are shown
	} else {
		goroutine_dump(gp, r);
	}
	unlock(&paniclk);
	__atomic_sub_fetch(&panicking, 1, __ATOMIC_SEQ_CST);
}

static void fatalthrow(int kind) NORETURN NOINLINE;
static void fatalthrow(int kind)
{
	G *gp = getg();
	uintptr r = (uintptr)__builtin_frame_address(0);
	if (!gp->m->throwing)
		gp->m->throwing = kind;
	if (startpanic())
		dopanic(gp, r);
	rt_exit(2);
}

static void printfatal(GoString s)
{
	printlock();
	rt_prints("fatal error: ");
	printstring(s);
	rt_prints("\n");
	printunlock();
}

void throw(GoString s)
{
	printfatal(s);
	fatalthrow(THROW_RUNTIME);
}

void rt_throw(const char *s) { throw(rt_gostringnocopy((const byte *)s)); }

// fatal: a fatal error caused by the program (deadlock, concurrent map
// writes), not by a broken runtime: no runtime stack is shown.
void fatal_go(GoString s)
{
	printfatal(s);
	fatalthrow(THROW_USER);
}

// ---- panic values ----------------------------------------------------

static void printcustom(const _type *t, GoString ts, const void *p)
{
	// printanycustomtype: named basic types print as T(value), strings
	// as T("value"), complex numbers as T(re+imi), others as (T) 0xaddr.
	switch (t->kind & KIND_MASK) {
	case KIND_STRING:
		printstring(ts);
		rt_prints("(\"");
		printstring(*(const GoString *)p);
		rt_prints("\")");
		return;
	case KIND_COMPLEX64: {
		const float *c = p;
		printstring(ts);
		printcomplex((Complex128){c[0], c[1]});
		return;
	}
	case KIND_COMPLEX128:
		printstring(ts);
		printcomplex(*(const Complex128 *)p);
		return;
	case KIND_BOOL: case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32:
	case KIND_INT64: case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32:
	case KIND_UINT64: case KIND_UINTPTR: case KIND_FLOAT32: case KIND_FLOAT64:
		break;
	default:
		rt_prints("(");
		printstring(ts);
		rt_prints(") ");
		printpointer(p);
		return;
	}
	printstring(ts);
	rt_prints("(");
	switch (t->kind & KIND_MASK) {
	case KIND_BOOL: printbool(*(const bool *)p); break;
	case KIND_INT: case KIND_INT64: printint(*(const int64_t *)p); break;
	case KIND_INT8: printint(*(const int8_t *)p); break;
	case KIND_INT16: printint(*(const int16_t *)p); break;
	case KIND_INT32: printint(*(const int32_t *)p); break;
	case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: printuint(*(const uint64_t *)p); break;
	case KIND_UINT8: printuint(*(const uint8_t *)p); break;
	case KIND_UINT16: printuint(*(const uint16_t *)p); break;
	case KIND_UINT32: printuint(*(const uint32_t *)p); break;
	case KIND_FLOAT32: printfloat(*(const float *)p); break;
	case KIND_FLOAT64: printfloat(*(const double *)p); break;
	}
	rt_prints(")");
}

static bool gostr_eq(GoString a, const char *b)
{
	intgo n = rt_findnull((const byte *)b);
	return a.len == n && memcmp(a.str, b, (size_t)n) == 0;
}

// printany: the value of a panic as gc prints it.  The predeclared basic
// types print bare (panic(5) → "5"); named ones as T(5).  A predeclared
// type is recognised by its string being its kind's own name.
void printany(Eface e)
{
	static const char *const kindname[] = {
		[KIND_BOOL] = "bool", [KIND_INT] = "int", [KIND_INT8] = "int8", [KIND_INT16] = "int16",
		[KIND_INT32] = "int32", [KIND_INT64] = "int64", [KIND_UINT] = "uint", [KIND_UINT8] = "uint8",
		[KIND_UINT16] = "uint16", [KIND_UINT32] = "uint32", [KIND_UINT64] = "uint64",
		[KIND_UINTPTR] = "uintptr", [KIND_FLOAT32] = "float32", [KIND_FLOAT64] = "float64",
		[KIND_COMPLEX64] = "complex64", [KIND_COMPLEX128] = "complex128", [KIND_STRING] = "string",
	};
	const _type *t = e.type;
	if (!t) {
		rt_prints("nil");
		return;
	}
	int k = t->kind & KIND_MASK;
	GoString ts = type_string(t);
	const void *p = e.data;
	if (k >= (int)nelem(kindname) || !kindname[k] || !gostr_eq(ts, kindname[k])) {
		printcustom(t, ts, p);
		return;
	}
	switch (k) {
	case KIND_BOOL: printbool(*(const bool *)p); break;
	case KIND_INT: case KIND_INT64: printint(*(const int64_t *)p); break;
	case KIND_INT8: printint(*(const int8_t *)p); break;
	case KIND_INT16: printint(*(const int16_t *)p); break;
	case KIND_INT32: printint(*(const int32_t *)p); break;
	case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: printuint(*(const uint64_t *)p); break;
	case KIND_UINT8: printuint(*(const uint8_t *)p); break;
	case KIND_UINT16: printuint(*(const uint16_t *)p); break;
	case KIND_UINT32: printuint(*(const uint32_t *)p); break;
	case KIND_FLOAT32: printfloat(*(const float *)p); break;
	case KIND_FLOAT64: printfloat(*(const double *)p); break;
	case KIND_COMPLEX64: {
		const float *c = p;
		printcomplex((Complex128){c[0], c[1]});
		break;
	}
	case KIND_COMPLEX128: printcomplex(*(const Complex128 *)p); break;
	case KIND_STRING: printstring(*(const GoString *)p); break;
	}
}

// printpanics: oldest panic first; a panic raised while another was
// running its defers is printed after it, indented by a tab.
void printpanics(Panic *p)
{
	if (p->link) {
		printpanics(p->link);
		if (!p->link->goexit)
			rt_prints("\t");
	}
	if (p->goexit)
		return;
	rt_prints("panic: ");
	if (p->hasmsg)
		printstring(p->msg);
	else
		printany(p->arg);
	if (p->recovered)
		rt_prints(" [recovered]");
	rt_prints("\n");
}

NOINLINE void fatalpanic(Panic *msgs)
{
	G *gp = getg();
	uintptr r = (uintptr)__builtin_frame_address(0);
	if (startpanic() && msgs) {
		printlock();
		printpanics(msgs);
		printunlock();
	}
	dopanic(gp, r);
	rt_exit(2);
}

// ---- panic(v) ------------------------------------------------------------

void rt_callgo_str(const void *fn, uintptr recv, GoString *out); // panic_amd64.S

// The code of t's method `name` of type func() string, or nil (the
// interface call entry: it takes the eface data word as receiver).
static const void *stringmethod(const _type *t, const char *mname)
{
	uncommontype *x = type_uncommon(t);
	if (!x)
		return 0;
	const method *tm = (const method *)((const byte *)x + x->moff);
	for (intgo j = 0; j < x->xcount; j++) {
		if (!gostr_eq(name_string(type_resolvename(t, tm[j].name)), mname))
			continue;
		const _type *mt = type_resolvetypeoff(tm[j].mtyp);
		if (!mt || !gostr_eq(type_string(mt), "func() string") || tm[j].ifn == -1)
			return 0;
		return type_resolvetextoff(tm[j].ifn);
	}
	return 0;
}

// preprintpanic: gc prints an error value by its Error method and a
// Stringer by its String method, before any panic is printed (so that a
// method that panics does so before the output starts).
static void preprintpanic(Panic *p)
{
	const _type *t = p->arg.type;
	if (!t || p->hasmsg)
		return;
	if (rt_error_msg(p->arg, &p->msg)) {
		p->hasmsg = true;
		return;
	}
	const void *fn = stringmethod(t, "Error");
	if (!fn)
		fn = stringmethod(t, "String");
	if (!fn)
		return;
	GoString s = {0, 0};
	getg()->m->printingpanic++;
	rt_callgo_str(fn, (uintptr)p->arg.data, &s);
	getg()->m->printingpanic--;
	p->msg = s;
	p->hasmsg = true;
}

// gopanic: panic(v).  The compiler passes the eface in RDI, RSI (C
// convention).  The deferred calls run (defer.c); when none recovers,
// the chain of panics is printed as gc does and the program exits 2.
const int rt_gopanic_line = __LINE__ + 8; // the rt_rundefers call below

// A panic out of the Error or String method that preprintpanic called:
// gc's throw, with the value if it is a string, else its type.
static void printpanicfail(Eface e) NORETURN;
static void printpanicfail(Eface e)
{
	static byte buf[512];
	uintptr n = 0;
	GoString parts[3] = {rt_gostringnocopy((const byte *)"panic while printing panic value: "), {0, 0}, {0, 0}};
	if (e.type && gostr_eq(type_string(e.type), "string"))
		parts[1] = *(const GoString *)e.data;
	else {
		parts[1] = rt_gostringnocopy((const byte *)"type ");
		if (e.type)
			parts[2] = type_string(e.type);
	}
	for (int i = 0; i < 3; i++)
		for (intgo j = 0; j < parts[i].len && n < sizeof buf; j++)
			buf[n++] = parts[i].str[j];
	throw((GoString){buf, (intgo)n});
	__builtin_unreachable();
}

void gopanic(Eface e) RTSYM(gopanic) NORETURN;
void gopanic(Eface e)
{
	G *gp = getg();
	if (gp->m->printingpanic)
		printpanicfail(e);
	Panic p = {.arg = e, .link = gp->panic};
	gp->panic = &p;
	rt_rundefers(&p); // the line of traceback.c's panic(...) frames: rt_gopanic_line
	for (Panic *q = gp->panic; q; q = q->link)
		preprintpanic(q);
	fatalpanic(gp->panic);
}

// ---- bounds errors (gc's boundsError) -----------------------------------

enum {
	BOUNDS_INDEX, BOUNDS_SLICE_ALEN, BOUNDS_SLICE_ACAP, BOUNDS_SLICE_B,
	BOUNDS_SLICE3_ALEN, BOUNDS_SLICE3_ACAP, BOUNDS_SLICE3_B, BOUNDS_SLICE3_C,
	BOUNDS_CONVERT,
};

// %x is the failing index, %y the length, capacity or other index.
static const char *const boundsfmt[] = {
	[BOUNDS_INDEX] = "index out of range [%x] with length %y",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x] with length %y",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x] with capacity %y",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:%y]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x] with length %y",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x] with capacity %y",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:%y]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x:%y:]",
	[BOUNDS_CONVERT] = "cannot convert slice with length %y to pointer to array with length %x",
};

// When a signed index is negative the other bound is not shown.
static const char *const boundsnegfmt[] = {
	[BOUNDS_INDEX] = "index out of range [%x]",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x::]",
};

static intgo appendint(byte *b, int64_t v, bool isSigned)
{
	intgo n = 0;
	uint64_t u = (uint64_t)v;
	if (isSigned && v < 0) {
		b[n++] = '-';
		u = -(uint64_t)v;
	}
	byte tmp[24];
	int i = sizeof tmp;
	do {
		tmp[--i] = (byte)('0' + u % 10);
		u /= 10;
	} while (u);
	memcpy(b + n, tmp + i, sizeof tmp - (size_t)i);
	return n + (intgo)sizeof tmp - i;
}

// Formats "runtime error: " + the message into buf (100 bytes suffice,
// as in gc) and returns its length.
intgo rt_boundserror(byte *buf, int64_t x, intgo y, bool signedx, int code)
{
	const char *f = signedx && x < 0 && code != BOUNDS_CONVERT ? boundsnegfmt[code] : boundsfmt[code];
	static const char prefix[] = "runtime error: ";
	intgo n = sizeof prefix - 1;
	memcpy(buf, prefix, (size_t)n);
	for (; *f; f++) {
		if (*f != '%') {
			buf[n++] = (byte)*f;
			continue;
		}
		f++;
		if (*f == 'x')
			n += appendint(buf + n, x, signedx);
		else
			n += appendint(buf + n, y, true);
	}
	return n;
}

// The panic's value is a runtime.boundsError (error.c), whose Error
// method formats it with rt_boundserror.
#define panicbounds rt_panic_bounds

#define BOUNDS(name, code) \
	void goPanic##name(intgo x, intgo y) { panicbounds(x, y, true, code); } \
	void goPanic##name##U(uintptr x, intgo y) { panicbounds((int64_t)x, y, false, code); }
BOUNDS(Index, BOUNDS_INDEX)
BOUNDS(SliceAlen, BOUNDS_SLICE_ALEN)
BOUNDS(SliceAcap, BOUNDS_SLICE_ACAP)
BOUNDS(SliceB, BOUNDS_SLICE_B)
BOUNDS(Slice3Alen, BOUNDS_SLICE3_ALEN)
BOUNDS(Slice3Acap, BOUNDS_SLICE3_ACAP)
BOUNDS(Slice3B, BOUNDS_SLICE3_B)
BOUNDS(Slice3C, BOUNDS_SLICE3_C)
#undef BOUNDS

void goPanicSliceConvert(intgo x, intgo y) { panicbounds(x, y, true, BOUNDS_CONVERT); }

void panicdivide(void) { rt_panic_runtime_error(GOSTR("runtime error: integer divide by zero")); }
void panicshift(void) { rt_panic_runtime_error(GOSTR("runtime error: negative shift amount")); }
void panicmem(void) { rt_panic_runtime_error(GOSTR("runtime error: invalid memory address or nil pointer dereference")); }

void panicnildottype(_type *want)
{
	rt_panic_typeassert(0, 0, want, (GoString){0, 0});
}
