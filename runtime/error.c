// error.c — the runtime's errors as Go values (gc's runtime/error.go):
// the value a runtime panic carries, so that recover() returns it and
// `r.(error).Error()` gives gc's text.
//
//   runtime.boundsError         {x int64; y int; signed bool; code uint8}
//                               "runtime error: index out of range [5] with length 3", ...
//   runtime.errorString         string: "runtime error: " + s
//   runtime.plainError          string: s ("assignment to entry in nil map")
//   *runtime.TypeAssertionError {_interface, concrete, asserted *_type; missingMethod string}
//                               "interface conversion: ..."
//
// Each has a type descriptor laid out as type.h says, with the exported
// methods Error() string and RuntimeError(), so that getitab finds them
// for `error` (and runtime.Error).  getitab matches a method's type by
// pointer: the methods' types are the compiler's own DUPOK descriptors
// `type.func() string` and `type.func()`, referenced (weakly) from
// error_amd64.S.  A program without them has no interface that needs them.
// The descriptors live in writable data: their name, type and text
// offsets (relative to runtime.types and runtime.text) are computed once,
// before the first runtime error value exists (errinit).  The methods'
// code is C, entered from Go through ABI0 stubs in error_amd64.S (the
// receiver word at 8(SP), the string result at 16(SP)).
// The struct TypeAssertionError's own descriptor lists no fields yet.
#include "alg.h"

// ---- the values ----------------------------------------------------------

typedef struct BoundsError {
	int64_t x;
	intgo y;
	bool signedx;
	uint8_t code;
} BoundsError;

typedef struct TypeAssertionError {
	const _type *iface;
	const _type *concrete;
	const _type *asserted;
	GoString missing;
} TypeAssertionError;

// ---- the Error methods (C side) ------------------------------------------

static GoString concat(GoString a, GoString b)
{
	byte *p = mallocgc((uintptr)(a.len + b.len), 0, false);
	memcpy(p, a.str, (size_t)a.len);
	memcpy(p + a.len, b.str, (size_t)b.len);
	return (GoString){p, a.len + b.len};
}

void rt_err_bounds_Error(const BoundsError *e, GoString *out);
void rt_err_bounds_Error(const BoundsError *e, GoString *out)
{
	byte *buf = mallocgc(128, 0, false);
	intgo n = rt_boundserror(buf, e->x, e->y, e->signedx, e->code);
	*out = (GoString){buf, n};
}

void rt_err_string_Error(const GoString *s, GoString *out);
void rt_err_string_Error(const GoString *s, GoString *out)
{
	*out = concat(GOSTR("runtime error: "), *s);
}

void rt_err_plain_Error(const GoString *s, GoString *out);
void rt_err_plain_Error(const GoString *s, GoString *out) { *out = *s; }

void rt_err_typeassert_Error(const TypeAssertionError *e, GoString *out);
void rt_err_typeassert_Error(const TypeAssertionError *e, GoString *out)
{
	*out = rt_typeassert_msg(e->iface, e->concrete, e->asserted, e->missing);
}

// ABI0 entries (error_amd64.S).
void rt_err_bounds_Error_abi0(void);
void rt_err_string_Error_abi0(void);
void rt_err_plain_Error_abi0(void);
void rt_err_typeassert_Error_abi0(void);
void rt_err_RuntimeError_abi0(void);
extern const _type *const rt_functype_string;  // &type.func() string, or nil
extern const _type *const rt_functype_void;    // &type.func(), or nil
extern byte rt_text_[] __asm__("runtime.text") __attribute__((weak));

// ---- descriptors -----------------------------------------------------------

typedef struct ErrMethods {
	uncommontype u;
	method m[2];  // Error, RuntimeError (sorted by name)
} ErrMethods;

typedef struct BasicErrType { _type t; ErrMethods x; } BasicErrType;
typedef struct StructErrType { structtype t; ErrMethods x; } StructErrType;
typedef struct PtrErrType { ptrtype t; ErrMethods x; } PtrErrType;
typedef struct StructNoMethods { structtype t; uncommontype u; } StructNoMethods;

// Encoded names (type.h): flags, length, bytes.
#define NAME(flags, s) ((const byte *)(flags s))
static const byte *const n_boundsError = NAME("\x00\x13", "runtime.boundsError");
static const byte *const n_errorString = NAME("\x00\x13", "runtime.errorString");
static const byte *const n_plainError = NAME("\x00\x12", "runtime.plainError");
static const byte *const n_tae = NAME("\x00\x1a", "runtime.TypeAssertionError");
static const byte *const n_ptae = NAME("\x00\x1b", "*runtime.TypeAssertionError");
static const byte *const n_Error = NAME("\x01\x05", "Error");
static const byte *const n_RuntimeError = NAME("\x01\x0c", "RuntimeError");
static const byte *const n_runtime = NAME("\x00\x07", "runtime");

static const byte gc_ptr1[1] = {1};
static const AlgFunc boundseq = {rt_algeq_abi0, memequal_varlen, sizeof(BoundsError)};

#define ERRTYPE(sz, pd, gcd, hsh, k, eq) \
	{.size = sz, .ptrdata = pd, .hash = hsh, .tflag = TFLAG_UNCOMMON | TFLAG_NAMED, \
	 .align = 8, .fieldAlign = 8, .kind = k, .equal = (void *)(eq), .gcdata = gcd}

static BasicErrType errorStringType = {
	.t = ERRTYPE(16, 8, gc_ptr1, 0x6a1f3c01, KIND_STRING, &alg_strequal)};
static BasicErrType plainErrorType = {
	.t = ERRTYPE(16, 8, gc_ptr1, 0x6a1f3c02, KIND_STRING, &alg_strequal)};
static StructErrType boundsErrorType = {
	.t = {.typ = ERRTYPE(sizeof(BoundsError), 0, 0, 0x6a1f3c03, KIND_STRUCT, &boundseq)}};
static StructNoMethods taeType = {
	.t = {.typ = ERRTYPE(sizeof(TypeAssertionError), 32, 0, 0x6a1f3c04, KIND_STRUCT, 0)}};
static PtrErrType ptaeType = {
	.t = {.typ = ERRTYPE(8, 8, gc_ptr1, 0x6a1f3c05, KIND_POINTER | KIND_DIRECTIFACE, &alg_memequal64),
	      .elem = &taeType.t.typ}};

static const byte gc_tae[1] = {0x17};  // words 0, 1, 2 and 4 hold pointers

static int32_t typeoff(const void *p) { return p ? (int32_t)((const byte *)p - rt_types) : 0; }
static int32_t textoff(void (*fn)(void)) { return (int32_t)((const byte *)(uintptr)fn - rt_text_); }

static void initmethods(ErrMethods *x, void (*errfn)(void), bool valuerecv)
{
	x->u.pkgpath = typeoff(n_runtime);
	x->u.mcount = x->u.xcount = 2;
	x->u.moff = offsetof(ErrMethods, m);
	x->m[0] = (method){typeoff(n_Error), typeoff(rt_functype_string), textoff(errfn),
	                   valuerecv ? -1 : textoff(errfn)};
	x->m[1] = (method){typeoff(n_RuntimeError), typeoff(rt_functype_void),
	                   textoff(rt_err_RuntimeError_abi0), valuerecv ? -1 : textoff(rt_err_RuntimeError_abi0)};
}

static bool errready;

static void errinit(void)
{
	if (errready || !rt_types || !rt_text_) {
		errready = true;
		return;
	}
	errorStringType.t.str = typeoff(n_errorString);
	plainErrorType.t.str = typeoff(n_plainError);
	boundsErrorType.t.typ.str = typeoff(n_boundsError);
	boundsErrorType.t.pkgPath.bytes = n_runtime;
	taeType.t.typ.str = typeoff(n_tae);
	taeType.t.typ.gcdata = gc_tae;
	taeType.t.pkgPath.bytes = n_runtime;
	taeType.u.pkgpath = typeoff(n_runtime);
	taeType.u.moff = sizeof(uncommontype);
	ptaeType.t.typ.str = typeoff(n_ptae);
	initmethods(&errorStringType.x, rt_err_string_Error_abi0, true);
	initmethods(&plainErrorType.x, rt_err_plain_Error_abi0, true);
	initmethods(&boundsErrorType.x, rt_err_bounds_Error_abi0, true);
	initmethods(&ptaeType.x, rt_err_typeassert_Error_abi0, false);
	errready = true;
}

// ---- making the values and panicking with them -------------------------

static void panicwith(const _type *t, void *data) NORETURN;
static void panicwith(const _type *t, void *data)
{
	gopanic((Eface){(_type *)t, data});
}

Eface rt_errorvalue(GoString msg)
{
	errinit();
	static const char prefix[] = "runtime error: ";
	intgo n = sizeof prefix - 1;
	const _type *t = &plainErrorType.t;
	if (msg.len >= n && memcmp(msg.str, prefix, (size_t)n) == 0) {
		t = &errorStringType.t;
		msg.str += n;
		msg.len -= n;
	}
	GoString *s = mallocgc(sizeof(GoString), RT_PTRWORDS, true);
	byte *p = mallocgc((uintptr)msg.len, 0, false);
	memcpy(p, msg.str, (size_t)msg.len);
	*s = (GoString){p, msg.len};
	return (Eface){(_type *)t, s};
}

void rt_panic_runtime_error(GoString msg)
{
	Eface e = rt_errorvalue(msg);
	panicwith(e.type, e.data);
}

void rt_panic_bounds(int64_t x, intgo y, bool signedx, int code)
{
	errinit();
	BoundsError *e = mallocgc(sizeof *e, 0, true);
	e->x = x;
	e->y = y;
	e->signedx = signedx;
	e->code = (uint8_t)code;
	panicwith(&boundsErrorType.t.typ, e);
}

void rt_panic_typeassert(const _type *iface, const _type *concrete, const _type *asserted, GoString missing)
{
	errinit();
	TypeAssertionError *e = mallocgc(sizeof *e, RT_PTRWORDS, true);
	*e = (TypeAssertionError){iface, concrete, asserted, missing};
	panicwith(&ptaeType.t.typ, e);
}

bool rt_error_msg(Eface e, GoString *out)
{
	const _type *t = e.type;
	if (t == &errorStringType.t)
		rt_err_string_Error(e.data, out);
	else if (t == &plainErrorType.t)
		rt_err_plain_Error(e.data, out);
	else if (t == &boundsErrorType.t.typ)
		rt_err_bounds_Error(e.data, out);
	else if (t == &ptaeType.t.typ)
		rt_err_typeassert_Error(e.data, out);
	else
		return false;
	return true;
}
