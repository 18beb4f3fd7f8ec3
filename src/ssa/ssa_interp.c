/*
 * ssa_interp.c — an interpreter for functions of generic ops, for tests:
 * a function must compute the same results before and after the passes
 * (tests/ssa/randtest.c), and later before and after lowering.
 *
 * ssa_eval is the one definition of what each pure op computes, with
 * Go's semantics: integers wrap at their width (values are kept
 * sign-extended from their width, as constants' auxints are), shifts by
 * the width or more give 0 or the sign fill, float32 arithmetic rounds
 * to float32.  opt.c folds constants with it, so the folder and the
 * interpreter cannot disagree.
 *
 * Memory: a flat byte array; address 0 up to 4095 faults (nil).  Locals
 * (LocalAddr {x}) and globals (Addr {x}) get 64-byte slots by name
 * (larger if the aux has a type), strings their bytes.  Values are
 * executed in block order; a load must see the current memory state
 * (the checker's single-threaded memory makes that the list order).
 */
#include <math.h>

#include "ssa.h"

static int64_t sx(uint64_t x, int w)
{
	switch (w) {
	case 1: return (int8_t)x;
	case 2: return (int16_t)x;
	case 4: return (int32_t)x;
	}
	return (int64_t)x;
}

static uint64_t zx(uint64_t x, int w)
{
	return w >= 8 ? x : x & ((UINT64_C(1) << (8 * w)) - 1);
}

static double f64(uint64_t x)
{
	double d;
	memcpy(&d, &x, sizeof d);
	return d;
}

static uint64_t bits(double d)
{
	uint64_t x;
	memcpy(&x, &d, sizeof x);
	return x;
}

static int charwidth(char c) { return c >= '1' && c <= '8' ? c - '0' : 8; }

bool ssa_eval(Op op, SsaType *t, int64_t auxint, const SsaVal *args, int nargs, SsaVal *out)
{
	const char *sig = ssa_ops[op].sig;
	int w = charwidth(sig[0]);
	uint64_t a = nargs > 0 ? args[0].w[0] : 0, b = nargs > 1 ? args[1].w[0] : 0;
	int64_t sa = (int64_t)a, sb = (int64_t)b;
	memset(out, 0, sizeof *out);
	uint64_t *r = &out->w[0];
	switch (op) {
#define FAM(N) case Op##N##8: case Op##N##16: case Op##N##32: case Op##N##64
	FAM(Add): *r = (uint64_t)sx(a + b, w); return true;
	FAM(Sub): *r = (uint64_t)sx(a - b, w); return true;
	FAM(Mul): *r = (uint64_t)sx(a * b, w); return true;
	FAM(And): *r = a & b; return true;
	FAM(Or): *r = a | b; return true;
	FAM(Xor): *r = a ^ b; return true;
	FAM(Div):
		if (sb == 0)
			return false;
		*r = sb == -1 ? (uint64_t)sx(0 - a, w) : (uint64_t)(sa / sb);
		return true;
	FAM(Mod):
		if (sb == 0)
			return false;
		*r = sb == -1 ? 0 : (uint64_t)(sa % sb);
		return true;
	case OpDiv8u: case OpDiv16u: case OpDiv32u: case OpDiv64u:
		if (zx(b, w) == 0)
			return false;
		*r = (uint64_t)sx(zx(a, w) / zx(b, w), w);
		return true;
	case OpMod8u: case OpMod16u: case OpMod32u: case OpMod64u:
		if (zx(b, w) == 0)
			return false;
		*r = (uint64_t)sx(zx(a, w) % zx(b, w), w);
		return true;
	FAM(Eq): *r = a == b; return true;
	FAM(Neq): *r = a != b; return true;
	FAM(Less): *r = sa < sb; return true;
	FAM(Leq): *r = sa <= sb; return true;
	case OpLess8U: case OpLess16U: case OpLess32U: case OpLess64U: *r = zx(a, w) < zx(b, w); return true;
	case OpLeq8U: case OpLeq16U: case OpLeq32U: case OpLeq64U: *r = zx(a, w) <= zx(b, w); return true;
	FAM(Neg): *r = (uint64_t)sx(0 - a, w); return true;
	FAM(Com): *r = (uint64_t)sx(~a, w); return true;
#undef FAM
	default:
		break;
	}
	/* shifts: Lsh<W>x<C>, Rsh<W>x<C>, Rsh<W>Ux<C> */
	const char *name = ssa_ops[op].name;
	if ((strncmp(name, "Lsh", 3) == 0 || strncmp(name, "Rsh", 3) == 0) && sig[2] == '>') {
		uint64_t c = zx(b, charwidth(sig[1]));
		unsigned bitsw = 8u * (unsigned)w;
		if (name[0] == 'L')
			*r = c >= bitsw ? 0 : (uint64_t)sx(a << c, w);
		else if (strchr(name, 'U'))
			*r = c >= bitsw ? 0 : (uint64_t)sx(zx(a, w) >> c, w);
		else
			*r = c >= bitsw ? (sa < 0 ? ~UINT64_C(0) : 0) : (uint64_t)(sa >> c);
		return true;
	}
	float fa = (float)f64(a), fb = (float)f64(b);
	double da = f64(a), db = f64(b);
	switch (op) {
	case OpAddPtr: *r = a + b; return true;
	case OpSubPtr: *r = a - b; return true;
	case OpPtrToInt: case OpIntToPtr: *r = a; return true;
	case OpOffPtr: *r = a + (uint64_t)auxint; return true;
	case OpEqPtr: *r = a == b; return true;
	case OpNeqPtr: *r = a != b; return true;
	case OpIsNonNil: *r = a != 0; return true;
	case OpAndB: *r = a & b; return true;
	case OpOrB: *r = a | b; return true;
	case OpEqB: *r = a == b; return true;
	case OpNeqB: *r = a != b; return true;
	case OpNot: *r = !a; return true;
	case OpCondSelect: *out = args[2].w[0] ? args[0] : args[1]; return true;
	case OpAdd32F: *r = bits((double)(fa + fb)); return true;
	case OpSub32F: *r = bits((double)(fa - fb)); return true;
	case OpMul32F: *r = bits((double)(fa * fb)); return true;
	case OpDiv32F: *r = bits((double)(fa / fb)); return true;
	case OpAdd64F: *r = bits(da + db); return true;
	case OpSub64F: *r = bits(da - db); return true;
	case OpMul64F: *r = bits(da * db); return true;
	case OpDiv64F: *r = bits(da / db); return true;
	case OpNeg32F: case OpNeg64F: *r = a ^ (UINT64_C(1) << 63); return true;
	case OpEq32F: case OpEq64F: *r = da == db; return true;
	case OpNeq32F: case OpNeq64F: *r = da != db; return true;
	case OpLess32F: case OpLess64F: *r = da < db; return true;
	case OpLeq32F: case OpLeq64F: *r = da <= db; return true;
	case OpSqrt: *r = bits(sqrt(da)); return true;
	case OpSignExt8to16: case OpSignExt8to32: case OpSignExt8to64: case OpSignExt16to32:
	case OpSignExt16to64: case OpSignExt32to64:
		*r = a;
		return true;
	case OpZeroExt8to16: case OpZeroExt8to32: case OpZeroExt8to64: case OpZeroExt16to32:
	case OpZeroExt16to64: case OpZeroExt32to64:
		*r = (uint64_t)sx(zx(a, w), charwidth(sig[2]));
		return true;
	case OpTrunc16to8: case OpTrunc32to8: case OpTrunc32to16: case OpTrunc64to8:
	case OpTrunc64to16: case OpTrunc64to32:
		*r = (uint64_t)sx(a, charwidth(sig[2]));
		return true;
	case OpCvt32to32F: case OpCvt64to32F: *r = bits((double)(float)sa); return true;
	case OpCvt32to64F: case OpCvt64to64F: *r = bits((double)sa); return true;
	case OpCvt64Uto32F: *r = bits((double)(float)a); return true;
	case OpCvt64Uto64F: *r = bits((double)a); return true;
	case OpCvt32Fto32: case OpCvt64Fto32:
		if (!(da > -2147483649.0 && da < 2147483648.0))
			return false; /* out of range or NaN: the machine decides */
		*r = (uint64_t)(int64_t)(int32_t)da;
		return true;
	case OpCvt32Fto64: case OpCvt64Fto64:
		if (!(da >= -9223372036854775808.0 && da < 9223372036854775808.0))
			return false;
		*r = (uint64_t)(int64_t)da;
		return true;
	case OpCvt64Fto64U:
		if (!(da > -1.0 && da < 18446744073709551616.0))
			return false;
		*r = (uint64_t)da;
		return true;
	case OpCvt32Fto64F: *r = a; return true; /* float32 values are kept as float64 bits */
	case OpCvt64Fto32F: *r = bits((double)(float)da); return true;
	case OpCvtBoolToUint8: *r = a; return true;
	case OpConstBool: case OpConst8: case OpConst16: case OpConst32: case OpConst64:
	case OpConst32F: case OpConst64F:
		*r = (uint64_t)auxint;
		return true;
	case OpConstNil: case OpConstSlice: case OpConstInterface: return true;
	case OpCopy: *out = args[0]; return true;
	case OpIsInBounds: *r = sa >= 0 && sa < sb; return true;
	case OpIsSliceInBounds: *r = sa >= 0 && sa <= sb; return true;
	case OpStringMake: case OpIMake: case OpComplexMake:
		out->w[0] = a;
		out->w[1] = b;
		return true;
	case OpSliceMake:
		out->w[0] = a;
		out->w[1] = b;
		out->w[2] = args[2].w[0];
		return true;
	case OpStringPtr: case OpSlicePtr: case OpITab: case OpComplexReal: *r = a; return true;
	case OpStringLen: case OpSliceLen: case OpIData: case OpComplexImag: *r = args[0].w[1]; return true;
	case OpSliceCap: *r = args[0].w[2]; return true;
	default:
		return false;
	}
	(void)t;
}

/* ---- the interpreter ---- */

enum { NILPAGE = 4096, MEMSIZE = 1 << 20 };

struct SsaInterpSlot {
	Str name;
	uint64_t addr;
};

typedef struct Interp {
	Func *f;
	SsaInterpEnv *env;
	bool byoffset;   /* Arg [off] reads args[off] (environments), else args[off/8] */
	uint64_t closure;
	uint8_t *mem;
	struct SsaInterpSlot *slots; /* locals of this run */
	int nslots;
	SsaVal *vals;
	SsaVal **tuples; /* by value id: results of calls */
	uint8_t *have; /* by value id: computed */
	const char *panic;
	Value *curmem;
} Interp;

void ssa_interp_env_init(SsaInterpEnv *env, uint64_t memsize, uint64_t maxsteps)
{
	memset(env, 0, sizeof *env);
	env->size = memsize;
	env->mem = xcalloc(memsize, 1);
	env->top = NILPAGE * 2;
	env->maxsteps = maxsteps;
}

void ssa_interp_env_free(SsaInterpEnv *env)
{
	free(env->mem);
	for (int i = 0; i < env->nglobals; i++)
		free((char *)env->globals[i].name.p);
	free(env->globals);
	env->mem = NULL;
	env->globals = NULL;
}

uint64_t ssa_interp_alloc(SsaInterpEnv *env, uint64_t n)
{
	n = (n + 15) & ~UINT64_C(15);
	if (env->top + n > env->size || env->top + n < env->top)
		return 0;
	uint64_t a = env->top;
	env->top += n;
	memset(env->mem + a, 0, n);
	return a;
}

bool ssa_interp_valid(SsaInterpEnv *env, uint64_t p, uint64_t n)
{
	return p >= NILPAGE && p + n <= env->size && p + n >= p;
}

uint64_t ssa_interp_global(SsaInterpEnv *env, const char *name, size_t n, uint64_t size)
{
	Str nm = {name, (uint32_t)n};
	for (int i = 0; i < env->nglobals; i++)
		if (str_eq(env->globals[i].name, nm))
			return env->globals[i].addr;
	if (env->nglobals == env->capglobals) {
		env->capglobals = env->capglobals ? 2 * env->capglobals : 64;
		env->globals = xrealloc(env->globals, (size_t)env->capglobals * sizeof *env->globals);
	}
	uint64_t a = ssa_interp_alloc(env, size < 64 ? 64 : size);
	char *copy = xmalloc(n + 1);
	memcpy(copy, name, n);
	copy[n] = 0;
	nm.p = copy;
	env->globals[env->nglobals++] = (struct SsaInterpSlot){nm, a};
	return a;
}

static uint64_t alloc(Interp *in, uint64_t n)
{
	uint64_t a = ssa_interp_alloc(in->env, n);
	if (!a)
		in->panic = "interp: out of memory";
	return a;
}

static uint64_t slot(Interp *in, SsaAux *aux, bool global)
{
	Str name = aux ? aux->s : (Str){"", 0};
	uint64_t size = aux && aux->type && aux->type->size > 64 ? (uint64_t)aux->type->size : 64;
	if (global) {
		uint64_t a = ssa_interp_global(in->env, name.p, name.n, size);
		if (!a)
			in->panic = "interp: out of memory";
		return a;
	}
	for (int i = 0; i < in->nslots; i++)
		if (str_eq(in->slots[i].name, name))
			return in->slots[i].addr;
	in->slots = xrealloc(in->slots, (size_t)(in->nslots + 1) * sizeof *in->slots);
	in->slots[in->nslots] = (struct SsaInterpSlot){name, alloc(in, size)};
	return in->slots[in->nslots++].addr;
}

static bool addrok(Interp *in, uint64_t p, uint64_t n)
{
	if (p < NILPAGE) {
		in->panic = "invalid memory address or nil pointer dereference";
		return false;
	}
	if (p + n > in->env->size || p + n < p) {
		in->panic = "interp: address out of range";
		return false;
	}
	return true;
}

/* the words of a value of type t in memory */
static int nwords(SsaType *t)
{
	switch (t->kind) {
	case SK_STRING: case SK_IFACE: return 2;
	case SK_SLICE: return 3;
	case SK_COMPLEX: return 2;
	}
	return 1;
}

static bool isaggr(SsaType *t) { return t->kind == SK_STRUCT || t->kind == SK_ARRAY; }

static void load(Interp *in, uint64_t p, SsaType *t, SsaVal *out)
{
	memset(out, 0, sizeof *out);
	if (isaggr(t)) {
		/* a whole struct or array: the address of a private copy */
		uint64_t c = alloc(in, (uint64_t)t->size);
		if (c)
			memmove(in->mem + c, in->mem + p, (size_t)t->size);
		out->w[0] = c;
		return;
	}
	if (t->kind == SK_COMPLEX) {
		int h = (int)t->size / 2;
		for (int i = 0; i < 2; i++) {
			if (h == 4) {
				float x;
				memcpy(&x, in->mem + p + 4 * i, 4);
				out->w[i] = bits((double)x);
			} else
				memcpy(&out->w[i], in->mem + p + 8 * i, 8);
		}
		return;
	}
	int nw = nwords(t);
	if (nw > 1) {
		memcpy(out->w, in->mem + p, 8 * (size_t)nw);
		return;
	}
	if (t->kind == SK_FLOAT && t->size == 4) {
		float x;
		memcpy(&x, in->mem + p, 4);
		out->w[0] = bits((double)x);
		return;
	}
	uint64_t x = 0;
	memcpy(&x, in->mem + p, (size_t)t->size);
	out->w[0] = t->kind == SK_BOOL ? x & 1 : (uint64_t)sx(x, (int)t->size);
}

static void store(Interp *in, uint64_t p, SsaType *t, const SsaVal *v)
{
	if (isaggr(t)) {
		if (v->w[0] && addrok(in, v->w[0], (uint64_t)t->size))
			memmove(in->mem + p, in->mem + v->w[0], (size_t)t->size);
		return;
	}
	if (t->kind == SK_COMPLEX) {
		int h = (int)t->size / 2;
		for (int i = 0; i < 2; i++) {
			if (h == 4) {
				float x = (float)f64(v->w[i]);
				memcpy(in->mem + p + 4 * i, &x, 4);
			} else
				memcpy(in->mem + p + 8 * i, &v->w[i], 8);
		}
		return;
	}
	int nw = nwords(t);
	if (nw > 1) {
		memcpy(in->mem + p, v->w, 8 * (size_t)nw);
		return;
	}
	if (t->kind == SK_FLOAT && t->size == 4) {
		float x = (float)f64(v->w[0]);
		memcpy(in->mem + p, &x, 4);
		return;
	}
	memcpy(in->mem + p, &v->w[0], (size_t)t->size);
}

static SsaVal *arg(Interp *in, Value *v, int i)
{
	Value *a = v->args[i];
	if (!in->have[a->id] && !in->panic)
		in->panic = "interp: argument used before it was computed";
	return &in->vals[a->id];
}

static bool is_memstate(Value *v)
{
	return v->type->kind == SK_MEM;
}

/* gc's runtime.boundsError messages (runtime/error.go), by BoundsKind */
static const char *bounds_msg(Interp *in, int64_t kind, uint64_t x, uint64_t y)
{
	static const char *const fmt[] = {
		"index out of range [%x] with length %y",
		"slice bounds out of range [:%x] with length %y",
		"slice bounds out of range [:%x] with capacity %y",
		"slice bounds out of range [%x:%y]",
		"slice bounds out of range [::%x] with length %y",
		"slice bounds out of range [::%x] with capacity %y",
		"slice bounds out of range [:%x:%y]",
		"slice bounds out of range [%x:%y:]",
		"cannot convert slice with length %x to pointer to array with length %y",
	};
	static const char *const negfmt[] = {
		"index out of range [%x]",
		"slice bounds out of range [:%x]",
		"slice bounds out of range [:%x]",
		"slice bounds out of range [%x:]",
		"slice bounds out of range [::%x]",
		"slice bounds out of range [::%x]",
		"slice bounds out of range [:%x:]",
		"slice bounds out of range [%x::]",
		"cannot convert slice with length %x to pointer to array with length %y",
	};
	if (!in->env->call)
		return "index out of range";
	static char msg[160];
	int k = (int)(kind / 2);
	bool sgn = kind % 2 == 0;
	if (k < 0 || k > 8)
		return "index out of range";
	const char *f = sgn && (int64_t)x < 0 ? negfmt[k] : fmt[k];
	char *o = msg;
	o += snprintf(o, 20, "runtime error: ");
	for (; *f && o < msg + sizeof msg - 24; f++) {
		if (*f == '%' && f[1] == 'x') {
			o += sgn ? snprintf(o, 24, "%lld", (long long)x) : snprintf(o, 24, "%llu", (unsigned long long)x);
			f++;
		} else if (*f == '%' && f[1] == 'y') {
			o += snprintf(o, 24, "%lld", (long long)y);
			f++;
		} else
			*o++ = *f;
	}
	*o = 0;
	return msg;
}

static void docall(Interp *in, Value *v, SsaVal *out)
{
	SsaInterpEnv *env = in->env;
	if (!env->call) {
		in->panic = "interp: calls are not supported";
		return;
	}
	int n = v->nargs - 1; /* the memory argument is left out */
	SsaVal *av = xcalloc((size_t)n + 1, sizeof *av);
	for (int i = 0; i < n; i++)
		av[i] = *arg(in, v, i);
	SsaVal res[17];
	int nres = 0;
	memset(res, 0, sizeof res);
	const char *p = env->call(env, v, av, n, res, &nres);
	free(av);
	if (p) {
		in->panic = p;
		return;
	}
	if (v->type->kind == SK_TUPLE) {
		SsaVal *t = xcalloc((size_t)v->type->nfields + 1, sizeof *t);
		for (int i = 0; i < nres && i < v->type->nfields; i++)
			t[i] = res[i];
		free(in->tuples[v->id]);
		in->tuples[v->id] = t;
	}
	(void)out;
}

static void exec(Interp *in, Value *v, const SsaVal *args, int nargs)
{
	SsaVal *out = &in->vals[v->id];
	SsaVal av[4];
	int n = v->nargs < 4 ? v->nargs : 4;
	for (int i = 0; i < n; i++)
		av[i] = *arg(in, v, i);
	switch (v->op) {
	case OpInitMem: break;
	case OpArg: {
		/* args[k] is the argument at offset 8k of the argument area
		 * (offset k in an environment) */
		int64_t k = in->byoffset ? v->auxint : v->auxint / 8;
		if (isaggr(v->type) && v->type->size == 0) { /* shares its offset with the next argument */
			out->w[0] = NILPAGE;
			break;
		}
		if ((!in->byoffset && v->auxint % 8) || k < 0 || k >= nargs) {
			in->panic = "interp: no argument given for this offset";
			return;
		}
		*out = args[k];
		if (ssa_type_isint(v->type))
			out->w[0] = (uint64_t)sx(out->w[0], (int)v->type->size);
		else if (v->type->kind == SK_BOOL)
			out->w[0] &= 1;
		break;
	}
	case OpSP: out->w[0] = slot(in, NULL, false); break;
	case OpSB: out->w[0] = NILPAGE; break;
	case OpAddr: out->w[0] = slot(in, v->aux, true); break;
	case OpLocalAddr: out->w[0] = slot(in, v->aux, false); break;
	case OpGetClosurePtr: out->w[0] = in->closure; break;
	case OpConstString: {
		uint64_t p = alloc(in, v->aux->s.n + 1);
		if (in->panic)
			return;
		memcpy(in->mem + p, v->aux->s.p, v->aux->s.n);
		out->w[0] = v->aux->s.n ? p : 0;
		out->w[1] = v->aux->s.n;
		break;
	}
	case OpLoad:
		if (v->args[1] != in->curmem) {
			in->panic = "interp: a load reads a memory state that is not the current one";
			return;
		}
		if (!addrok(in, av[0].w[0], (uint64_t)v->type->size))
			return;
		load(in, av[0].w[0], v->type, out);
		break;
	case OpStore: {
		SsaType *t = v->args[1]->type;
		if (!addrok(in, av[0].w[0], (uint64_t)t->size))
			return;
		store(in, av[0].w[0], t, &av[1]);
		break;
	}
	case OpZero:
		if (!addrok(in, av[0].w[0], (uint64_t)v->auxint))
			return;
		memset(in->mem + av[0].w[0], 0, (size_t)v->auxint);
		break;
	case OpMove:
		if (!addrok(in, av[0].w[0], (uint64_t)v->auxint) || !addrok(in, av[1].w[0], (uint64_t)v->auxint))
			return;
		memmove(in->mem + av[0].w[0], in->mem + av[1].w[0], (size_t)v->auxint);
		break;
	case OpNilCheck:
		if (av[0].w[0] < NILPAGE)
			in->panic = "invalid memory address or nil pointer dereference";
		break;
	case OpVarDef: case OpVarLive: case OpKeepAlive: case OpWB: case OpCopy:
		if (v->op == OpCopy)
			*out = av[0];
		break;
	case OpMakeResult:
		break;
	case OpSelectN:
		if (v->type->kind == SK_MEM)
			break;
		if (!in->tuples[v->args[0]->id]) {
			in->panic = "interp: calls are not supported";
			break;
		}
		*out = in->tuples[v->args[0]->id][v->auxint];
		break;
	case OpPanicBounds:
		in->panic = bounds_msg(in, v->auxint, av[0].w[0], av[1].w[0]);
		break;
	case OpDiv8: case OpDiv16: case OpDiv32: case OpDiv64: case OpDiv8u: case OpDiv16u:
	case OpDiv32u: case OpDiv64u: case OpMod8: case OpMod16: case OpMod32: case OpMod64:
	case OpMod8u: case OpMod16u: case OpMod32u: case OpMod64u:
		if (!ssa_eval((Op)v->op, v->type, v->auxint, av, n, out))
			in->panic = "integer divide by zero";
		break;
	case OpCvt32Fto32: case OpCvt64Fto32: case OpCvt32Fto64: case OpCvt64Fto64: case OpCvt64Fto64U:
		if (!ssa_eval((Op)v->op, v->type, v->auxint, av, n, out))
			/* what amd64's CVTTSD2SQ gives: the "integer indefinite" value */
			out->w[0] = (uint64_t)sx(UINT64_C(1) << (8 * v->type->size - 1), (int)v->type->size);
		break;
	default:
		if (ssa_ops[v->op].flags & OPF_CALL) {
			docall(in, v, out);
			break;
		}
		if (!ssa_eval((Op)v->op, v->type, v->auxint, av, n, out)) {
			static char msg[96];
			snprintf(msg, sizeof msg, "interp: cannot run %s", ssa_ops[v->op].name);
			in->panic = msg;
		}
	}
	in->have[v->id] = 1;
	if (is_memstate(v))
		in->curmem = v;
}

static SsaInterpResult run(SsaInterpEnv *env, Func *f, const SsaVal *args, int nargs, uint64_t closure, bool byoffset)
{
	SsaInterpResult res = {0};
	Interp in = {.f = f, .env = env, .byoffset = byoffset, .closure = closure, .mem = env->mem};
	in.vals = xcalloc(f->nvalueids + 1, sizeof *in.vals);
	in.have = xcalloc(f->nvalueids + 1, 1);
	in.tuples = xcalloc(f->nvalueids + 1, sizeof *in.tuples);
	SsaVal *phitmp = xcalloc(f->nvalueids + 1, sizeof *phitmp);
	Block *b = f->entry, *from = NULL, *lastdefer = NULL;
	int fromidx = -1;
	if (++env->depth > 400000)
		in.panic = "interp: call depth limit (stack overflow)";
	for (;;) {
		if (in.panic && lastdefer && env->onpanic && strncmp(in.panic, "interp:", 7) != 0 &&
		    strcmp(in.panic, "exit") != 0 &&
		    env->onpanic(env, &in.panic)) {
			/* recovered: on at the Defer block's recovery successor */
			in.panic = NULL;
			in.curmem = lastdefer->controls[0];
			from = lastdefer;
			fromidx = lastdefer->succs[1].i;
			b = lastdefer->succs[1].b;
			lastdefer = NULL;
		}
		if (!b || in.panic)
			break;
		/* phis read their inputs all at once, on entry */
		if (from) {
			for (int k = 0; k < b->nvalues; k++) {
				Value *v = b->values[k];
				if (v->op != OpPhi)
					continue;
				Value *a = v->args[fromidx];
				if (!in.have[a->id]) {
					in.panic = "interp: phi argument not computed";
					break;
				}
				phitmp[v->id] = in.vals[a->id];
			}
		}
		for (int k = 0; k < b->nvalues && !in.panic; k++) {
			Value *v = b->values[k];
			if (++env->steps > env->maxsteps) {
				in.panic = "interp: step limit";
				break;
			}
			if (v->op == OpPhi) {
				if (!from) {
					in.panic = "interp: phi in the entry block";
					break;
				}
				in.vals[v->id] = phitmp[v->id];
				in.have[v->id] = 1;
				if (is_memstate(v))
					in.curmem = v;
				continue;
			}
			exec(&in, v, args, nargs);
		}
		if (in.panic)
			continue; /* unwinds, unless recovered */
		int next = -1;
		switch (b->kind) {
		case BlockDefer: lastdefer = b; next = 0; break;
		case BlockPlain: case BlockFirst: next = 0; break;
		case BlockIf: next = in.vals[b->controls[0]->id].w[0] ? 0 : 1; break;
		case BlockExit: in.panic = "exit"; break;
		case BlockRet: {
			Value *c = b->controls[0];
			if (c->op == OpMakeResult)
				for (int i = 0; i + 1 < c->nargs && i < (int)NELEM(res.res); i++)
					res.res[res.nres++] = in.vals[c->args[i]->id];
			b = NULL;
			continue;
		}
		}
		if (in.panic)
			continue;
		from = b;
		fromidx = b->succs[next].i;
		b = b->succs[next].b;
	}
	env->depth--;
	res.panic = in.panic;
	res.steps = env->steps;
	for (uint32_t i = 0; i <= f->nvalueids; i++)
		free(in.tuples[i]);
	free(in.tuples);
	free(in.vals);
	free(in.have);
	free(in.slots);
	free(phitmp);
	return res;
}

SsaInterpResult ssa_interp_run(SsaInterpEnv *env, Func *f, const SsaVal *args, int nargs, uint64_t closure)
{
	return run(env, f, args, nargs, closure, true);
}

SsaInterpResult ssa_interp(Func *f, const SsaVal *args, int nargs, uint64_t maxsteps)
{
	SsaInterpEnv env;
	ssa_interp_env_init(&env, MEMSIZE, maxsteps);
	SsaInterpResult r = run(&env, f, args, nargs, 0, false);
	r.steps = env.steps;
	ssa_interp_env_free(&env);
	return r;
}
