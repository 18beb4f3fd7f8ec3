/*
 * interprt.c — whole programs in the SSA interpreter: the call hook that
 * runs lowered functions (static calls by symbol, closure calls by the
 * code address in the closure record) and emulates the runtime functions
 * the lowering calls, by gc's names and with gc's observable behaviour:
 * print* write to standard error in gc's formats (floats as
 * +1.500000e+000), growslice grows capacities as gc 1.19 does (through
 * the size classes of runtime/sizeclasses.h), conversions to byte and
 * rune slices round their capacity up the same way, and run-time panics
 * carry gc's messages.  An unrecovered panic prints `panic: MSG` and
 * `goroutine 1 [running]:` and exits with status 2, as a gc binary does.
 *
 * There is no garbage collector: allocation is a bump pointer in the
 * interpreter's memory (1 GiB, zeroed lazily by the system).
 */
#include <math.h>
#include <pthread.h>
#include <unistd.h>

#include "ssagen.h"
#include "../gen/typedesc.h"
#include "../../runtime/sizeclasses.h"
#include "../../runtime/fmtfloat.h"

typedef struct Prog {
	GenPkg *g;
	SsaInterpEnv env;
	PtrMap byname;    /* interned symbol → Func* */
	PtrMap bycode;    /* code address (+1) → Func* */
	PtrMap types;     /* type descriptor address → Type* */
	Buf out;          /* standard error */
	PtrMap typeaddr;  /* Type* → descriptor address (first one registered) */
	struct ItabEnt { Type *iface, *type; uint64_t addr; } *itabs;
	int nitabs, capitabs;
	int nregistered;  /* functions of g->funcs entered in byname/bycode */
	PtrMap maps;      /* hmap address → IMap* */
	uint64_t zeroval; /* 1 KiB of zeroes (runtime.zeroVal) */
	uint64_t nanseed;
	/* defer and panic */
	struct DeferEnt { int depth; uint64_t fn; } *defers;
	int ndefers, capdefers;
	struct PanicEnt { SsaVal val; bool hasval, recovered; int rundepth; char *msg; } panics[64];
	int npanics;
	/* goroutines: one thread each, one runs at a time (it holds sched) */
	pthread_mutex_t sched;
	struct G *cur, *runq, *runqtail;
	int ngoroutines;
	PtrMap chans;     /* hchan address → Chan* (wait queues) */
	uint64_t rng;
	char panicbuf[512];
} Prog;

static void flushout(Prog *p)
{
	fwrite(p->out.p, 1, p->out.n, stderr);
	fflush(stderr);
	p->out.n = 0;
}

static uint8_t *mem(Prog *p, uint64_t a) { return p->env.mem + a; }

static uint64_t roundupsize(uint64_t size)
{
	if (size <= MAX_SMALL_SIZE) {
		int cls = size <= SMALL_SIZE_MAX - 8 ? size_to_class8[(size + SMALL_SIZE_DIV - 1) / SMALL_SIZE_DIV]
						       : size_to_class128[(size - SMALL_SIZE_MAX + LARGE_SIZE_DIV - 1) / LARGE_SIZE_DIV];
		return class_to_size[cls];
	}
	return (size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

static const char *oom(void) { return "runtime: out of memory (interpreter)"; }

/* ---- printing (gc's runtime/print.go formats) ---- */

static void printfloat(Buf *b, double v)
{
	char buf[FMTFLOAT_MAX];
	buf_put(b, buf, (size_t)fmtfloat(buf, v));
}

static double f64(uint64_t x)
{
	double d;
	memcpy(&d, &x, 8);
	return d;
}

static uint64_t bits(double d)
{
	uint64_t x;
	memcpy(&x, &d, 8);
	return x;
}

/* ---- strings ---- */

static uint64_t newstring(Prog *p, const uint8_t *src, uint64_t n)
{
	if (n == 0)
		return 0;
	uint64_t a = ssa_interp_alloc(&p->env, n);
	if (a && src)
		memmove(mem(p, a), src, n);
	return a;
}

static int encoderune(uint8_t *o, int64_t r)
{
	if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		o[0] = (uint8_t)r;
		return 1;
	}
	if (r < 0x800) {
		o[0] = (uint8_t)(0xC0 | r >> 6);
		o[1] = (uint8_t)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		o[0] = (uint8_t)(0xE0 | r >> 12);
		o[1] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
		o[2] = (uint8_t)(0x80 | (r & 0x3F));
		return 3;
	}
	o[0] = (uint8_t)(0xF0 | r >> 18);
	o[1] = (uint8_t)(0x80 | ((r >> 12) & 0x3F));
	o[2] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
	o[3] = (uint8_t)(0x80 | (r & 0x3F));
	return 4;
}

/* Go's utf8.DecodeRune: (rune, size); invalid: (0xFFFD, 1) */
static int32_t decoderune(const uint8_t *s, uint64_t n, int *size)
{
	uint8_t c = s[0];
	*size = 1;
	if (c < 0x80)
		return c;
	int need;
	int32_t r, min;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		r = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		r = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		r = c & 0x07;
		min = 0x10000;
	} else
		return 0xFFFD;
	if ((uint64_t)need >= n)
		return 0xFFFD;
	for (int i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		r = r << 6 | (s[i] & 0x3F);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		return 0xFFFD;
	*size = need + 1;
	return r;
}

static const char *concat(Prog *p, const SsaVal *parts, int n, SsaVal *res)
{
	uint64_t total = 0;
	int nonempty = 0, last = -1;
	for (int i = 0; i < n; i++) {
		total += parts[i].w[1];
		if (parts[i].w[1]) {
			nonempty++;
			last = i;
		}
	}
	if (nonempty <= 1) {
		if (last >= 0)
			res[0] = parts[last];
		return NULL;
	}
	uint64_t a = ssa_interp_alloc(&p->env, total);
	if (!a)
		return oom();
	uint64_t o = a;
	for (int i = 0; i < n; i++) {
		memmove(mem(p, o), mem(p, parts[i].w[0]), parts[i].w[1]);
		o += parts[i].w[1];
	}
	res[0].w[0] = a;
	res[0].w[1] = total;
	return NULL;
}

/* ---- the hook ---- */

static Type *typeat(Prog *p, uint64_t a);

/* ---- types and itabs ---- */

static void register_funcs(Prog *p)
{
	GenPkg *g = p->g;
	for (; p->nregistered < g->nfuncs; p->nregistered++) {
		Func *f = g->funcs[p->nregistered];
		ptrmap_put(&p->byname, intern_cstr(f->name), f);
		uint64_t code = ssa_interp_global(&p->env, f->name, strlen(f->name), 64);
		ptrmap_put(&p->bycode, (void *)(uintptr_t)(code + 1), f);
		char nm[512];
		snprintf(nm, sizeof nm, "%s·f", f->name);
		uint64_t fv = ssa_interp_global(&p->env, nm, strlen(nm), 64);
		memcpy(mem(p, fv), &code, 8);
	}
}

static uint64_t typedesc(Prog *p, Type *t)
{
	uint64_t a = (uint64_t)(uintptr_t)ptrmap_get(&p->typeaddr, t);
	if (a)
		return a;
	for (uint32_t i = 0; i < p->types.cap; i++) {
		/* an identical type already registered under its name */
		if (p->types.keys[i] && identical(p->types.vals[i], t)) {
			a = (uint64_t)(uintptr_t)p->types.keys[i];
			ptrmap_put(&p->typeaddr, t, (void *)(uintptr_t)a);
			return a;
		}
	}
	Buf b = {0};
	typestr_symname(&b, t, false);
	a = ssa_interp_global(&p->env, b.p, b.n, 64);
	buf_free(&b);
	ptrmap_put(&p->types, (void *)(uintptr_t)a, t);
	ptrmap_put(&p->typeaddr, t, (void *)(uintptr_t)a);
	return a;
}

static void typename(Buf *b, Type *t) { typestr_write(b, t, TS_NAME); }

/* the itab of concrete type t for interface iface; 0 and the missing
 * method's name in *missing if t does not implement it */
static uint64_t getitab_at(Prog *p, Type *iface, Type *t, const char **missing, uint64_t at);
static uint64_t getitab(Prog *p, Type *iface, Type *t, const char **missing)
{
	return getitab_at(p, iface, t, missing, 0);
}

/* at: where to build it (a static itab's symbol), or 0 */
static uint64_t getitab_at(Prog *p, Type *iface, Type *t, const char **missing, uint64_t at)
{
	for (int i = 0; i < p->nitabs; i++)
		if (identical(p->itabs[i].iface, iface) && identical(p->itabs[i].type, t))
			return p->itabs[i].addr;
	TypeSet *ts = interface_typeset(p->g->check, under(iface));
	uint64_t a = at ? at : ssa_interp_alloc(&p->env, 24 + 8 * (uint64_t)ts->nmethods);
	if (!a)
		return 0;
	uint64_t ti = typedesc(p, iface), tt = typedesc(p, t);
	memcpy(mem(p, a), &ti, 8);
	memcpy(mem(p, a + 8), &tt, 8);
	for (uint32_t k = 0; k < ts->nmethods; k++) {
		Object *im = ts->methods[k];
		/* t's method set (not *t's) */
		Lookup l = lookup_field_or_method(p->g->arena, t, false, im->pkg, im->name);
		if (!l.obj || l.obj->kind != OBJ_FUNC || !identical(l.obj->type, im->type)) {
			if (missing)
				*missing = im->name;
			return 0;
		}
		const char *sym = gen_itabsym(p->g, t, ts->methods[k], NULL);
		if (!sym) {
			if (missing)
				*missing = ts->methods[k]->name;
			return 0;
		}
		register_funcs(p);
		uint64_t code = ssa_interp_global(&p->env, sym, strlen(sym), 64);
		memcpy(mem(p, a + 24 + 8 * k), &code, 8);
	}
	if (p->nitabs == p->capitabs) {
		p->capitabs = p->capitabs ? 2 * p->capitabs : 32;
		p->itabs = xrealloc(p->itabs, (size_t)p->capitabs * sizeof *p->itabs);
	}
	p->itabs[p->nitabs++] = (struct ItabEnt){iface, t, a};
	return a;
}

static uint64_t word(Prog *p, uint64_t a)
{
	uint64_t w = 0;
	if (ssa_interp_valid(&p->env, a, 8))
		memcpy(&w, mem(p, a), 8);
	return w;
}

static Type *itabtype(Prog *p, uint64_t tab) { return tab ? typeat(p, word(p, tab + 8)) : NULL; }

/* typed equality of the values at x and y; NULL or a panic message */
static const char *typedeq(Prog *p, Type *t, uint64_t x, uint64_t y, bool *eq)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_FLOAT32: {
			float a, b;
			memcpy(&a, mem(p, x), 4);
			memcpy(&b, mem(p, y), 4);
			*eq = a == b;
			return NULL;
		}
		case BK_FLOAT64: {
			double a, b;
			memcpy(&a, mem(p, x), 8);
			memcpy(&b, mem(p, y), 8);
			*eq = a == b;
			return NULL;
		}
		case BK_COMPLEX64: {
			float a[2], b[2];
			memcpy(a, mem(p, x), 8);
			memcpy(b, mem(p, y), 8);
			*eq = a[0] == b[0] && a[1] == b[1];
			return NULL;
		}
		case BK_COMPLEX128: {
			double a[2], b[2];
			memcpy(a, mem(p, x), 16);
			memcpy(b, mem(p, y), 16);
			*eq = a[0] == b[0] && a[1] == b[1];
			return NULL;
		}
		case BK_STRING: {
			uint64_t lx = word(p, x + 8), ly = word(p, y + 8);
			*eq = lx == ly && (lx == 0 || memcmp(mem(p, word(p, x)), mem(p, word(p, y)), lx) == 0);
			return NULL;
		}
		default:
			*eq = memcmp(mem(p, x), mem(p, y), (size_t)gen_sizeof(t)) == 0;
			return NULL;
		}
	case TY_POINTER: case TY_CHAN:
		*eq = word(p, x) == word(p, y);
		return NULL;
	case TY_INTERFACE: {
		uint64_t tx = word(p, x), ty = word(p, y);
		bool empty = interface_typeset(p->g->check, u)->nmethods == 0;
		if (tx != ty) {
			*eq = false;
			return NULL;
		}
		if (!tx) {
			*eq = true;
			return NULL;
		}
		Type *dt = empty ? typeat(p, tx) : itabtype(p, tx);
		if (!dt)
			return "interp: interface of an unknown type";
		uint64_t dx = word(p, x + 8), dy = word(p, y + 8);
		if (gen_isdirect(dt)) {
			Type *du = under(dt);
			if (du->kind == TY_SIGNATURE || du->kind == TY_MAP)
				goto uncomparable_dt;
			*eq = dx == dy;
			return NULL;
		}
		return typedeq(p, dt, dx, dy, eq);
	uncomparable_dt:
		t = dt;
		goto uncomparable;
	}
	case TY_STRUCT: {
		*eq = true;
		for (uint32_t i = 0; i < u->struct_.nfields; i++) {
			Object *f = u->struct_.fields[i];
			if (strcmp(f->name, "_") == 0)
				continue;
			int64_t off = gen_fieldoff(u, (int)i);
			const char *e = typedeq(p, f->type, x + (uint64_t)off, y + (uint64_t)off, eq);
			if (e || !*eq)
				return e;
		}
		return NULL;
	}
	case TY_ARRAY: {
		*eq = true;
		int64_t es = gen_sizeof(u->array.elem);
		for (int64_t i = 0; i < u->array.len; i++) {
			const char *e = typedeq(p, u->array.elem, x + (uint64_t)(i * es), y + (uint64_t)(i * es), eq);
			if (e || !*eq)
				return e;
		}
		return NULL;
	}
	default:
		break;
	}
uncomparable: {
	Buf b = {0};
	typename(&b, t);
	snprintf(p->panicbuf, sizeof p->panicbuf, "runtime error: comparing uncomparable type %.*s", (int)b.n, b.p);
	buf_free(&b);
	return p->panicbuf;
}
}

static const char *assertmsg(Prog *p, Type *iface, Type *concrete, Type *asserted, const char *missing)
{
	Buf b = {0};
	buf_puts(&b, "interface conversion: ");
	if (!concrete) {
		if (iface)
			typename(&b, iface);
		else
			buf_puts(&b, "interface");
		buf_puts(&b, " is nil, not ");
		typename(&b, asserted);
	} else if (missing) {
		typename(&b, concrete);
		buf_puts(&b, " is not ");
		typename(&b, asserted);
		buf_printf(&b, ": missing method %s", missing);
	} else {
		typename(&b, iface);
		buf_puts(&b, " is ");
		typename(&b, concrete);
		buf_puts(&b, ", not ");
		typename(&b, asserted);
	}
	snprintf(p->panicbuf, sizeof p->panicbuf, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return p->panicbuf;
}

/* calls method name (no arguments, one string result) of the value in an
 * interface (type t, data word d); false if t has no such method */
static bool callstringmethod(Prog *p, Type *t, uint64_t d, const char *name, SsaVal *out, const char **panic)
{
	Object fake = {0};
	fake.kind = OBJ_FUNC;
	fake.name = intern_cstr(name);
	Lookup l = lookup_field_or_method(p->g->arena, t, false, NULL, fake.name);
	if (!l.obj || l.obj->kind != OBJ_FUNC)
		return false;
	Type *sig = l.obj->type;
	if (sig->sig.params->tuple.n != 0 || sig->sig.results->tuple.n != 1 ||
	    !is_string(sig->sig.results->tuple.vars[0]->type))
		return false;
	const char *sym = gen_itabsym(p->g, t, &fake, NULL);
	register_funcs(p);
	Func *f = sym ? ptrmap_get(&p->byname, intern_cstr(sym)) : NULL;
	if (!f)
		return false;
	SsaVal args[1] = {{{d, 0, 0}}};
	SsaInterpResult r = ssa_interp_run(&p->env, f, args, 1, 0);
	if (r.panic) {
		*panic = r.panic;
		return true;
	}
	*out = r.res[0];
	return true;
}

static void printstr(Prog *p, Buf *b, SsaVal v) { buf_put(b, mem(p, v.w[0]), v.w[1]); }

/* gc's printpanicval (with preprintpanics' Error and String calls) */
static const char *panicmsg(Prog *p, SsaVal e)
{
	Buf b = {0};
	Type *t = typeat(p, e.w[0]);
	uint64_t d = e.w[1];
	const char *perr = NULL;
	SsaVal sv;
	if (!e.w[0])
		buf_puts(&b, "nil");
	else if (!t)
		buf_puts(&b, "(?)");
	else if (callstringmethod(p, t, d, "Error", &sv, &perr) || callstringmethod(p, t, d, "String", &sv, &perr)) {
		if (perr)
			return perr;
		printstr(p, &b, sv);
	} else {
		Type *u = under(t);
		bool named = t->kind == TY_NAMED;
		Buf tn = {0};
		typename(&tn, t);
		if (u->kind == TY_BASIC) {
			uint64_t x = word(p, d);
			if (named)
				buf_printf(&b, "%.*s%s", (int)tn.n, tn.p, u->basic.kind == BK_STRING ? "(\"" : "(");
			switch (u->basic.kind) {
			case BK_BOOL: buf_puts(&b, mem(p, d)[0] ? "true" : "false"); break;
			case BK_INT: case BK_INT64: buf_printf(&b, "%lld", (long long)x); break;
			case BK_INT8: buf_printf(&b, "%d", (int8_t)x); break;
			case BK_INT16: buf_printf(&b, "%d", (int16_t)x); break;
			case BK_INT32: buf_printf(&b, "%d", (int32_t)x); break;
			case BK_UINT8: buf_printf(&b, "%u", (uint8_t)x); break;
			case BK_UINT16: buf_printf(&b, "%u", (uint16_t)x); break;
			case BK_UINT32: buf_printf(&b, "%u", (uint32_t)x); break;
			case BK_UINT: case BK_UINT64: case BK_UINTPTR: buf_printf(&b, "%llu", (unsigned long long)x); break;
			case BK_FLOAT32: { float f; memcpy(&f, mem(p, d), 4); printfloat(&b, f); break; }
			case BK_FLOAT64: printfloat(&b, f64(x)); break;
			case BK_COMPLEX64: case BK_COMPLEX128: {
				double re, im;
				if (u->basic.kind == BK_COMPLEX64) {
					float f[2];
					memcpy(f, mem(p, d), 8);
					re = f[0], im = f[1];
				} else {
					memcpy(&re, mem(p, d), 8);
					memcpy(&im, mem(p, d + 8), 8);
				}
				buf_putc(&b, '(');
				printfloat(&b, re);
				printfloat(&b, im);
				buf_puts(&b, "i)");
				break;
			}
			case BK_STRING: buf_put(&b, mem(p, word(p, d)), word(p, d + 8)); break;
			default: buf_printf(&b, "0x%llx", (unsigned long long)x);
			}
			if (named)
				buf_puts(&b, u->basic.kind == BK_STRING ? "\")" : ")");
		} else
			buf_printf(&b, "(%.*s) 0x%llx", (int)tn.n, tn.p, (unsigned long long)d);
		buf_free(&tn);
	}
	snprintf(p->panicbuf, sizeof p->panicbuf, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return p->panicbuf;
}

static uint64_t box(Prog *p, const void *src, uint64_t n)
{
	uint64_t a = ssa_interp_alloc(&p->env, n ? n : 1);
	if (a && n)
		memmove(mem(p, a), src, n);
	return a;
}


/* ---- maps: the hmap is 48 bytes of interpreter memory whose first word
 * is the count (len(m) loads it); entries live in a C-side table in
 * insertion order (iteration order; gc's is random), keys and elements in
 * interpreter memory ---- */

typedef struct MEnt {
	uint64_t key, elem, hash;
	bool dead;
} MEnt;
typedef struct IMap {
	MEnt *e;
	uint32_t n, cap;
	uint32_t *index; /* open addressing: entry index + 1 */
	uint32_t icap;
} IMap;

static uint64_t mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

static const char *unhashable(Prog *p, Type *t)
{
	Buf b = {0};
	typename(&b, t);
	snprintf(p->panicbuf, sizeof p->panicbuf, "runtime error: hash of unhashable type %.*s", (int)b.n, b.p);
	buf_free(&b);
	return p->panicbuf;
}

static const char *hashval(Prog *p, Type *t, uint64_t a, uint64_t *h)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_FLOAT32: case BK_FLOAT64: case BK_COMPLEX64: case BK_COMPLEX128: {
			int n = u->basic.kind == BK_FLOAT32 ? 1 : u->basic.kind == BK_COMPLEX128 ? 2 : u->basic.kind == BK_COMPLEX64 ? 2 : 1;
			bool f32 = u->basic.kind == BK_FLOAT32 || u->basic.kind == BK_COMPLEX64;
			for (int i = 0; i < n; i++) {
				double d;
				if (f32) {
					float f;
					memcpy(&f, mem(p, a + 4 * (uint64_t)i), 4);
					d = f;
				} else
					memcpy(&d, mem(p, a + 8 * (uint64_t)i), 8);
				if (d != d)
					*h = mix(*h, ++p->nanseed * 0x2545F4914F6CDD1Dull);
				else
					*h = mix(*h, d == 0 ? 0 : bits(d));
			}
			return NULL;
		}
		case BK_STRING: {
			uint64_t ptr = word(p, a), n = word(p, a + 8);
			for (uint64_t i = 0; i < n; i++)
				*h = mix(*h, mem(p, ptr)[i]);
			*h = mix(*h, n);
			return NULL;
		}
		default:
			goto plain;
		}
	case TY_POINTER: case TY_CHAN:
	plain: {
		int64_t n = gen_sizeof(t);
		for (int64_t i = 0; i < n; i++)
			*h = mix(*h, mem(p, a)[i]);
		return NULL;
	}
	case TY_INTERFACE: {
		uint64_t tw = word(p, a);
		if (!tw)
			return NULL;
		bool empty = interface_typeset(p->g->check, u)->nmethods == 0;
		Type *dt = empty ? typeat(p, tw) : itabtype(p, tw);
		if (!dt)
			return "interp: interface of an unknown type";
		if (!is_comparable(dt))
			return unhashable(p, dt);
		*h = mix(*h, typedesc(p, dt));
		uint64_t d = word(p, a + 8);
		if (gen_isdirect(dt)) {
			*h = mix(*h, d);
			return NULL;
		}
		return hashval(p, dt, d, h);
	}
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++) {
			Object *f = u->struct_.fields[i];
			if (strcmp(f->name, "_") == 0)
				continue;
			const char *e = hashval(p, f->type, a + (uint64_t)gen_fieldoff(u, (int)i), h);
			if (e)
				return e;
		}
		return NULL;
	case TY_ARRAY: {
		int64_t es = gen_sizeof(u->array.elem);
		for (int64_t i = 0; i < u->array.len; i++) {
			const char *e = hashval(p, u->array.elem, a + (uint64_t)(i * es), h);
			if (e)
				return e;
		}
		return NULL;
	}
	default:
		return unhashable(p, t);
	}
}

static IMap *imap(Prog *p, uint64_t h)
{
	IMap *m = ptrmap_get(&p->maps, (void *)(uintptr_t)h);
	if (!m) {
		m = xcalloc(1, sizeof *m);
		ptrmap_put(&p->maps, (void *)(uintptr_t)h, m);
	}
	return m;
}

static void setcount(Prog *p, uint64_t h, int64_t d)
{
	uint64_t c = word(p, h) + (uint64_t)d;
	memcpy(mem(p, h), &c, 8);
}

/* finds key (at address k) in map h: the entry index or -1; *hash gets its hash */
static const char *mapfind(Prog *p, Type *mt, uint64_t h, uint64_t k, int64_t *idx, uint64_t *hash)
{
	Type *kt = under(mt)->map.key;
	*idx = -1;
	*hash = 0;
	const char *e = hashval(p, kt, k, hash);
	if (e || !h)
		return e;
	IMap *m = imap(p, h);
	if (!m->icap)
		return NULL;
	for (uint32_t i = (uint32_t)*hash & (m->icap - 1);; i = (i + 1) & (m->icap - 1)) {
		uint32_t x = m->index[i];
		if (!x)
			return NULL;
		MEnt *en = &m->e[x - 1];
		if (en->dead || en->hash != *hash)
			continue;
		bool eq;
		e = typedeq(p, kt, en->key, k, &eq);
		if (e)
			return e;
		if (eq) {
			*idx = x - 1;
			return NULL;
		}
	}
}

static void reindex(IMap *m)
{
	uint32_t cap = 16;
	while (cap < 2 * (m->n + 1))
		cap *= 2;
	free(m->index);
	m->index = xcalloc(cap, sizeof *m->index);
	m->icap = cap;
	for (uint32_t j = 0; j < m->n; j++) {
		if (m->e[j].dead)
			continue;
		uint32_t i = (uint32_t)m->e[j].hash & (cap - 1);
		while (m->index[i])
			i = (i + 1) & (cap - 1);
		m->index[i] = j + 1;
	}
}

/* the key argument of a map function as an address (fast variants pass values) */
static uint64_t keyaddr(Prog *p, const char *fn, const SsaVal *k)
{
	if (strstr(fn, "_fast32"))
		return box(p, &k->w[0], 4);
	if (strstr(fn, "_fast64"))
		return box(p, &k->w[0], 8);
	if (strstr(fn, "_faststr"))
		return box(p, k->w, 16);
	return k->w[0];
}

static const char *mapcall(Prog *p, const char *fn, const SsaVal *args, SsaVal *res, int *nres, bool *handled)
{
	*handled = true;
	*nres = 1;
	if (strcmp(fn, "makemap_small") == 0 || strcmp(fn, "makemap") == 0) {
		if (fn[7] == 0 && (int64_t)args[1].w[0] < 0)
			return "runtime error: makemap: size out of range";
		res[0].w[0] = ssa_interp_alloc(&p->env, 48);
		return res[0].w[0] ? NULL : oom();
	}
	if (strncmp(fn, "mapaccess", 9) == 0 || strncmp(fn, "mapassign", 9) == 0 || strncmp(fn, "mapdelete", 9) == 0) {
		Type *mt = typeat(p, args[0].w[0]);
		if (!mt)
			return "interp: map of an unknown type";
		Type *u = under(mt);
		uint64_t h = args[1].w[0], k = keyaddr(p, fn, &args[2]);
		int64_t idx;
		uint64_t hash;
		const char *e = mapfind(p, mt, h, k, &idx, &hash);
		if (e)
			return e;
		if (fn[3] == 'a' && fn[4] == 'c') { /* access */
			bool two = fn[9] == '2';
			*nres = two ? 2 : 1;
			if (idx < 0) {
				if (!p->zeroval)
					p->zeroval = ssa_interp_alloc(&p->env, 1024);
				res[0].w[0] = p->zeroval;
				if (two)
					res[1].w[0] = 0;
			} else {
				res[0].w[0] = imap(p, h)->e[idx].elem;
				if (two)
					res[1].w[0] = 1;
			}
			return NULL;
		}
		if (fn[3] == 'd') { /* delete */
			*nres = 0;
			if (idx >= 0) {
				imap(p, h)->e[idx].dead = true;
				setcount(p, h, -1);
			}
			return NULL;
		}
		if (!h)
			return "assignment to entry in nil map";
		IMap *m = imap(p, h);
		if (idx >= 0) {
			if (gclayout_needkeyupdate(u->map.key))
				memmove(mem(p, m->e[idx].key), mem(p, k), (size_t)gen_sizeof(u->map.key));
			res[0].w[0] = m->e[idx].elem;
			return NULL;
		}
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 8;
			m->e = xrealloc(m->e, m->cap * sizeof *m->e);
		}
		uint64_t kc = box(p, mem(p, k), (uint64_t)gen_sizeof(u->map.key));
		uint64_t ec = ssa_interp_alloc(&p->env, (uint64_t)gen_sizeof(u->map.elem) + 1);
		if (!kc || !ec)
			return oom();
		m->e[m->n++] = (MEnt){kc, ec, hash, false};
		if (2 * (m->n + 1) > m->icap)
			reindex(m);
		else {
			uint32_t i = (uint32_t)hash & (m->icap - 1);
			while (m->index[i])
				i = (i + 1) & (m->icap - 1);
			m->index[i] = m->n;
		}
		setcount(p, h, 1);
		res[0].w[0] = ec;
		return NULL;
	}
	if (strcmp(fn, "mapiterinit") == 0 || strcmp(fn, "mapiternext") == 0) {
		*nres = 0;
		uint64_t it = fn[7] == 'i' ? args[2].w[0] : args[0].w[0];
		if (fn[7] == 'i') {
			memset(mem(p, it), 0, 96);
			memcpy(mem(p, it + 16), &args[0].w[0], 8);
			memcpy(mem(p, it + 24), &args[1].w[0], 8);
		}
		uint64_t h = word(p, it + 24), next = word(p, it + 32);
		IMap *m = h ? imap(p, h) : NULL;
		uint64_t kz = 0, ez = 0;
		while (m && next < m->n && m->e[next].dead)
			next++;
		if (m && next < m->n) {
			kz = m->e[next].key;
			ez = m->e[next].elem;
			next++;
		}
		memcpy(mem(p, it), &kz, 8);
		memcpy(mem(p, it + 8), &ez, 8);
		memcpy(mem(p, it + 32), &next, 8);
		return NULL;
	}
	*handled = false;
	return NULL;
}



/* ---- goroutines: each runs on a thread of its own; the one running
 * holds the sched mutex, the others wait on their condition variable;
 * a goroutine that blocks hands over to the next in the run queue (FIFO),
 * and when none is runnable it is the deadlock gc reports ---- */

typedef struct G {
	pthread_t thread;
	pthread_cond_t cv;
	struct G *next;      /* run queue */
	uint64_t fn;         /* the closure it runs */
	int id;
	/* the interpreter state of a goroutine, saved while it does not run */
	int depth;
	struct DeferEnt *defers;
	int ndefers, capdefers;
	struct PanicEnt panics[64];
	int npanics;
} G;

static void gsave(Prog *p, G *g)
{
	g->depth = p->env.depth;
	g->defers = p->defers;
	g->ndefers = p->ndefers;
	g->capdefers = p->capdefers;
	memcpy(g->panics, p->panics, sizeof g->panics);
	g->npanics = p->npanics;
}

static void grestore(Prog *p, G *g)
{
	p->env.depth = g->depth;
	p->defers = g->defers;
	p->ndefers = g->ndefers;
	p->capdefers = g->capdefers;
	memcpy(p->panics, g->panics, sizeof p->panics);
	p->npanics = g->npanics;
}

static void ready(Prog *p, G *g)
{
	g->next = NULL;
	if (p->runqtail)
		p->runqtail->next = g;
	else
		p->runq = g;
	p->runqtail = g;
}

static G *dequeue(Prog *p)
{
	G *g = p->runq;
	if (g) {
		p->runq = g->next;
		if (!p->runq)
			p->runqtail = NULL;
	}
	return g;
}

/* hands over to next (sched held); returns when this goroutine runs again */
static void switchto(Prog *p, G *next)
{
	G *me = p->cur;
	if (next == me)
		return;
	gsave(p, me);
	p->cur = next;
	grestore(p, next);
	pthread_cond_signal(&next->cv);
	while (p->cur != me)
		pthread_cond_wait(&me->cv, &p->sched);
}

static const char *deadlock(void) { return "fatal error: all goroutines are asleep - deadlock!"; }

/* blocks the current goroutine until ready() is called for it */
static const char *park(Prog *p)
{
	G *next = dequeue(p);
	if (!next)
		return deadlock();
	switchto(p, next);
	return NULL;
}

static int report(Prog *p, const char *msg);
static void flushout(Prog *p);

struct GStart {
	Prog *p;
	G *g;
};

static void *gmain(void *arg)
{
	struct GStart *st = arg;
	Prog *p = st->p;
	G *g = st->g;
	free(st);
	pthread_mutex_lock(&p->sched);
	while (p->cur != g)
		pthread_cond_wait(&g->cv, &p->sched);
	Func *f = ptrmap_get(&p->bycode, (void *)(uintptr_t)(word(p, g->fn) + 1));
	SsaInterpResult r = {0};
	if (f)
		r = ssa_interp_run(&p->env, f, NULL, 0, g->fn);
	else
		r.panic = "interp: go of an unknown function";
	if (r.panic) {
		int rc = report(p, r.panic);
		fflush(stderr);
		_exit(rc);
	}
	/* the goroutine ends: the next one runs */
	G *next = dequeue(p);
	if (!next) {
		int rc = report(p, deadlock());
		fflush(stderr);
		_exit(rc);
	}
	p->cur = next;
	grestore(p, next);
	pthread_cond_signal(&next->cv);
	pthread_mutex_unlock(&p->sched);
	return NULL;
}

static const char *newproc(Prog *p, uint64_t fn)
{
	G *g = xcalloc(1, sizeof *g);
	pthread_cond_init(&g->cv, NULL);
	g->fn = fn;
	g->id = ++p->ngoroutines;
	g->depth = 0;
	struct GStart *st = xmalloc(sizeof *st);
	st->p = p;
	st->g = g;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, (size_t)64 << 20);
	if (pthread_create(&g->thread, &attr, gmain, st) != 0)
		return "interp: cannot create a goroutine thread";
	pthread_attr_destroy(&attr);
	pthread_detach(g->thread);
	ready(p, g);
	return NULL;
}

/* ---- channels: hchan in interpreter memory (count at 0, size at 8, as
 * len and cap read them), wait queues on the C side ---- */

enum { CH_COUNT = 0, CH_SIZE = 8, CH_BUF = 16, CH_CLOSED = 24, CH_RECVX = 32, CH_SENDX = 40, CH_ES = 48 };

typedef struct SelGroup {
	int fired; /* -1 until a case fires: its index */
	bool ok;
} SelGroup;

typedef struct Sudog {
	G *g;
	uint64_t ep;
	bool ok, closed;
	SelGroup *sel;  /* of a select, or NULL */
	int caseidx;
	struct Sudog *next;
} Sudog;

typedef struct Chan {
	Sudog *recvq, *sendq;
} Chan;

static void setword(Prog *p, uint64_t a, uint64_t w) { memcpy(mem(p, a), &w, 8); }

static Chan *chanq(Prog *p, uint64_t c)
{
	Chan *q = ptrmap_get(&p->chans, (void *)(uintptr_t)c);
	if (!q) {
		q = xcalloc(1, sizeof *q);
		ptrmap_put(&p->chans, (void *)(uintptr_t)c, q);
	}
	return q;
}

static void enqueue(Sudog **q, Sudog *sg)
{
	sg->next = NULL;
	while (*q)
		q = &(*q)->next;
	*q = sg;
}

/* the first waiter whose select has not fired (stale ones are dropped) */
static Sudog *dequeue_sg(Sudog **q)
{
	while (*q) {
		Sudog *sg = *q;
		*q = sg->next;
		if (sg->sel && sg->sel->fired >= 0)
			continue;
		return sg;
	}
	return NULL;
}

static void fire(Prog *p, Sudog *sg, bool ok)
{
	sg->ok = ok;
	if (sg->sel) {
		sg->sel->fired = sg->caseidx;
		sg->sel->ok = ok;
	}
	ready(p, sg->g);
}

static void bufput(Prog *p, uint64_t c, uint64_t ep)
{
	uint64_t es = word(p, c + CH_ES), sx = word(p, c + CH_SENDX), size = word(p, c + CH_SIZE);
	if (es)
		memmove(mem(p, word(p, c + CH_BUF) + sx * es), mem(p, ep), es);
	setword(p, c + CH_SENDX, (sx + 1) % size);
	setword(p, c + CH_COUNT, word(p, c + CH_COUNT) + 1);
}

static void bufget(Prog *p, uint64_t c, uint64_t ep)
{
	uint64_t es = word(p, c + CH_ES), rx = word(p, c + CH_RECVX), size = word(p, c + CH_SIZE);
	uint64_t slot = word(p, c + CH_BUF) + rx * es;
	if (es && ep)
		memmove(mem(p, ep), mem(p, slot), es);
	if (es)
		memset(mem(p, slot), 0, es);
	setword(p, c + CH_RECVX, (rx + 1) % size);
	setword(p, c + CH_COUNT, word(p, c + CH_COUNT) - 1);
}

/* receive without blocking: 1 received, 0 closed (zeroed), -1 would block */
static int tryrecv(Prog *p, uint64_t c, uint64_t ep)
{
	if (!c)
		return -1;
	uint64_t es = word(p, c + CH_ES);
	Chan *q = chanq(p, c);
	if (word(p, c + CH_COUNT) > 0) {
		bufget(p, c, ep);
		Sudog *sg = dequeue_sg(&q->sendq);
		if (sg) { /* a blocked sender's value takes the freed slot */
			bufput(p, c, sg->ep);
			fire(p, sg, true);
		}
		return 1;
	}
	Sudog *sg = dequeue_sg(&q->sendq);
	if (sg) {
		if (es && ep)
			memmove(mem(p, ep), mem(p, sg->ep), es);
		fire(p, sg, true);
		return 1;
	}
	if (word(p, c + CH_CLOSED)) {
		if (ep && es)
			memset(mem(p, ep), 0, es);
		return 0;
	}
	return -1;
}

/* send without blocking: 1 sent, -1 would block, 0 closed (panics) */
static int trysend(Prog *p, uint64_t c, uint64_t ep)
{
	if (!c)
		return -1;
	if (word(p, c + CH_CLOSED))
		return 0;
	uint64_t es = word(p, c + CH_ES);
	Chan *q = chanq(p, c);
	Sudog *sg = dequeue_sg(&q->recvq);
	if (sg) {
		if (es && sg->ep)
			memmove(mem(p, sg->ep), mem(p, ep), es);
		fire(p, sg, true);
		return 1;
	}
	if (word(p, c + CH_COUNT) < word(p, c + CH_SIZE)) {
		bufput(p, c, ep);
		return 1;
	}
	return -1;
}

static const char *blocksend(Prog *p, uint64_t c, uint64_t ep)
{
	int r = trysend(p, c, ep);
	if (r > 0)
		return NULL;
	if (r == 0)
		return "send on closed channel";
	Sudog sg = {.g = p->cur, .ep = ep};
	if (c)
		enqueue(&chanq(p, c)->sendq, &sg);
	const char *e = park(p);
	if (e)
		return e;
	return sg.closed ? "send on closed channel" : NULL;
}

static const char *blockrecv(Prog *p, uint64_t c, uint64_t ep, bool *ok)
{
	int r = tryrecv(p, c, ep);
	if (r >= 0) {
		*ok = r > 0;
		return NULL;
	}
	Sudog sg = {.g = p->cur, .ep = ep};
	if (c)
		enqueue(&chanq(p, c)->recvq, &sg);
	const char *e = park(p);
	if (e)
		return e;
	*ok = sg.ok;
	return NULL;
}

static const char *chancall(Prog *p, const char *fn, const SsaVal *args, SsaVal *res, int *nres, bool *handled)
{
	*handled = true;
	*nres = 0;
	if (strcmp(fn, "makechan") == 0) {
		Type *ct = typeat(p, args[0].w[0]);
		if (!ct)
			return "interp: makechan of an unknown type";
		int64_t n = (int64_t)args[1].w[0], es = gen_sizeof(under(ct)->chan.elem);
		if (n < 0 || (es && n > (int64_t)(1ull << 40) / es))
			return "runtime error: makechan: size out of range";
		uint64_t c = ssa_interp_alloc(&p->env, 64), buf = ssa_interp_alloc(&p->env, (uint64_t)(n * es) + 1);
		if (!c || !buf)
			return oom();
		setword(p, c + CH_SIZE, (uint64_t)n);
		setword(p, c + CH_BUF, buf);
		setword(p, c + CH_ES, (uint64_t)es);
		*nres = 1;
		res[0].w[0] = c;
		return NULL;
	}
	if (strcmp(fn, "newproc") == 0)
		return newproc(p, args[0].w[0]);
	if (strcmp(fn, "chansend1") == 0)
		return blocksend(p, args[0].w[0], args[1].w[0]);
	if (strcmp(fn, "chanrecv1") == 0 || strcmp(fn, "chanrecv2") == 0) {
		bool ok;
		const char *e = blockrecv(p, args[0].w[0], args[1].w[0], &ok);
		if (e)
			return e;
		if (fn[8] == '2') {
			*nres = 1;
			res[0].w[0] = ok;
		}
		return NULL;
	}
	if (strcmp(fn, "closechan") == 0) {
		uint64_t c = args[0].w[0];
		if (!c)
			return "close of nil channel";
		if (word(p, c + CH_CLOSED))
			return "close of closed channel";
		setword(p, c + CH_CLOSED, 1);
		Chan *q = chanq(p, c);
		uint64_t es = word(p, c + CH_ES);
		Sudog *sg;
		while ((sg = dequeue_sg(&q->recvq))) {
			if (sg->ep && es)
				memset(mem(p, sg->ep), 0, es);
			fire(p, sg, false);
		}
		while ((sg = dequeue_sg(&q->sendq))) {
			sg->closed = true;
			fire(p, sg, false);
		}
		return NULL;
	}
	if (strcmp(fn, "selectnbsend") == 0) {
		int r = trysend(p, args[0].w[0], args[1].w[0]);
		if (r == 0)
			return "send on closed channel";
		*nres = 1;
		res[0].w[0] = r > 0;
		return NULL;
	}
	if (strcmp(fn, "selectnbrecv") == 0) {
		int r = tryrecv(p, args[1].w[0], args[0].w[0]);
		*nres = 2;
		res[0].w[0] = r >= 0;
		res[1].w[0] = r > 0;
		return NULL;
	}
	if (strcmp(fn, "selectgo") == 0) {
		uint64_t cases = args[0].w[0];
		int64_t ns = (int64_t)args[3].w[0], nr = (int64_t)args[4].w[0], n = ns + nr;
		*nres = 2;
		/* poll in a random order, as gc does */
		p->rng = p->rng * 6364136223846793005ull + 1442695040888963407ull;
		int64_t start = n ? (int64_t)((p->rng >> 33) % (uint64_t)n) : 0;
		for (int64_t k = 0; k < n; k++) {
			int64_t i = (start + k) % n;
			uint64_t c = word(p, cases + 16 * (uint64_t)i), ep = word(p, cases + 16 * (uint64_t)i + 8);
			int r = i < ns ? trysend(p, c, ep) : tryrecv(p, c, ep);
			if (i < ns && r == 0)
				return "send on closed channel";
			if (r >= 0) {
				res[0].w[0] = (uint64_t)i;
				res[1].w[0] = r > 0;
				return NULL;
			}
		}
		if (!args[5].w[0]) {
			res[0].w[0] = (uint64_t)-1;
			res[1].w[0] = 0;
			return NULL;
		}
		SelGroup grp = {-1, false};
		Sudog *sgs = xcalloc((size_t)n + 1, sizeof *sgs);
		for (int64_t i = 0; i < n; i++) {
			uint64_t c = word(p, cases + 16 * (uint64_t)i), ep = word(p, cases + 16 * (uint64_t)i + 8);
			sgs[i] = (Sudog){.g = p->cur, .ep = ep, .sel = &grp, .caseidx = (int)i};
			if (c)
				enqueue(i < ns ? &chanq(p, c)->sendq : &chanq(p, c)->recvq, &sgs[i]);
		}
		const char *e = park(p);
		/* take the other waiters off their queues */
		for (int64_t i = 0; i < n; i++) {
			uint64_t c = word(p, cases + 16 * (uint64_t)i);
			if (!c)
				continue;
			Sudog **q = i < ns ? &chanq(p, c)->sendq : &chanq(p, c)->recvq;
			for (; *q; q = &(*q)->next)
				if (*q == &sgs[i]) {
					*q = sgs[i].next;
					break;
				}
		}
		bool closed = grp.fired >= 0 && sgs[grp.fired].closed;
		free(sgs);
		if (e)
			return e;
		if (closed)
			return "send on closed channel";
		res[0].w[0] = (uint64_t)(int64_t)grp.fired;
		res[1].w[0] = grp.ok;
		return NULL;
	}
	if (strcmp(fn, "block") == 0) {
		const char *e = park(p);
		return e ? e : "interp: block returned";
	}
	*handled = false;
	return NULL;
}

/* ---- defer, panic, recover ---- */

static const char *rundefer(Prog *p, uint64_t fn)
{
	Func *f = ptrmap_get(&p->bycode, (void *)(uintptr_t)(word(p, fn) + 1));
	if (!f)
		return "interp: deferred call of an unknown function";
	SsaInterpResult r = ssa_interp_run(&p->env, f, NULL, 0, fn);
	return r.panic;
}

/* the panic value of a panic raised by the runtime (a string: runtime
 * errors are not runtime.Error values here) */
static SsaVal errval(Prog *p, const char *msg)
{
	SsaVal v = {{0, 0, 0}};
	Type *st = typ_basic[BK_STRING];
	uint64_t len = strlen(msg);
	uint64_t sp = newstring(p, (const uint8_t *)msg, len);
	uint64_t hdr[2] = {sp, len};
	v.w[0] = typedesc(p, st);
	v.w[1] = box(p, hdr, 16);
	return v;
}

static const char *fullmsg(const char *msg)
{
	if (strcmp(msg, "invalid memory address or nil pointer dereference") == 0)
		return "runtime error: invalid memory address or nil pointer dereference";
	return msg;
}

static bool onpanic(SsaInterpEnv *env, const char **panic)
{
	Prog *p = env->ctx;
	int d = env->depth;
	if (strncmp(*panic, "fatal error: ", 13) == 0) /* a throw: no deferred calls */
		return false;
	if (p->npanics == 0 || strcmp(*panic, p->panics[p->npanics - 1].msg) != 0 || p->panics[p->npanics - 1].recovered) {
		/* a new panic raised by the runtime */
		if (p->npanics == (int)NELEM(p->panics))
			return false;
		struct PanicEnt *pe = &p->panics[p->npanics++];
		memset(pe, 0, sizeof *pe);
		pe->msg = xstrdup(fullmsg(*panic));
		*panic = pe->msg;
	}
	struct PanicEnt *pe = &p->panics[p->npanics - 1];
	while (p->ndefers > 0 && p->defers[p->ndefers - 1].depth == d) {
		uint64_t fn = p->defers[--p->ndefers].fn;
		pe->rundepth = d;
		const char *e = rundefer(p, fn);
		if (e && (strncmp(e, "interp:", 7) == 0 || strncmp(e, "fatal error: ", 13) == 0)) {
			*panic = e;
			return false;
		}
		if (e && (p->npanics == 0 || strcmp(e, p->panics[p->npanics - 1].msg) != 0 ||
			  p->panics[p->npanics - 1].recovered)) {
			/* a new panic (raised by the runtime) replaces this one */
			if (p->npanics == (int)NELEM(p->panics))
				return false;
			struct PanicEnt *ne = &p->panics[p->npanics++];
			memset(ne, 0, sizeof *ne);
			ne->msg = xstrdup(fullmsg(e));
		}
		pe = &p->panics[p->npanics - 1];
		if (e)
			continue;
		if (pe->recovered) {
			free(pe->msg);
			p->npanics--;
			return true;
		}
	}
	*panic = pe->msg;
	return false;
}

static const char *defercall(Prog *p, const char *fn, const SsaVal *args, SsaVal *res, int *nres, bool *handled)
{
	*handled = true;
	*nres = 0;
	if (strcmp(fn, "deferproc") == 0) {
		if (p->ndefers == p->capdefers) {
			p->capdefers = p->capdefers ? 2 * p->capdefers : 64;
			p->defers = xrealloc(p->defers, (size_t)p->capdefers * sizeof *p->defers);
		}
		p->defers[p->ndefers++] = (struct DeferEnt){p->env.depth, args[0].w[0]};
		return NULL;
	}
	if (strcmp(fn, "deferreturn") == 0) {
		int d = p->env.depth;
		while (p->ndefers > 0 && p->defers[p->ndefers - 1].depth == d) {
			uint64_t f = p->defers[--p->ndefers].fn;
			const char *e = rundefer(p, f);
			if (e)
				return e;
		}
		return NULL;
	}
	if (strcmp(fn, "recoverframe") == 0) { /* defer recover(): the caller's depth */
		*nres = 1;
		res[0].w[0] = (uint64_t)p->env.depth;
		return NULL;
	}
	if (strcmp(fn, "gorecover") == 0 || strcmp(fn, "gorecoverframe") == 0) {
		int depth = fn[9] ? (int)args[0].w[0] : p->env.depth;
		*nres = 1;
		res[0].w[0] = res[0].w[1] = 0;
		if (p->npanics == 0)
			return NULL;
		struct PanicEnt *pe = &p->panics[p->npanics - 1];
		/* called by the deferred function itself (its wrapper is one level up) */
		if (pe->recovered || depth != pe->rundepth + 2)
			return NULL;
		pe->recovered = true;
		res[0] = pe->hasval ? pe->val : errval(p, pe->msg);
		return NULL;
	}
	if (strcmp(fn, "gopanic") == 0) {
		if (p->npanics == (int)NELEM(p->panics))
			return "interp: too many nested panics";
		if (!args[0].w[0])
			return panicmsg(p, args[0]); /* gc 1.19: panic(nil) is not special */
		const char *msg = panicmsg(p, args[0]);
		struct PanicEnt *pe = &p->panics[p->npanics++];
		memset(pe, 0, sizeof *pe);
		pe->val = args[0];
		pe->hasval = true;
		pe->msg = xstrdup(msg);
		return pe->msg;
	}
	*handled = false;
	return NULL;
}

/* the runtime's interface functions; NULL name: not one of them */
static const char *ifacecall(Prog *p, const char *fn, Value *call, const SsaVal *args, int nargs, SsaVal *res,
			     int *nres, bool *handled)
{
	(void)call, (void)nargs;
	*handled = true;
	*nres = 1;
	if (strcmp(fn, "convT16") == 0 || strcmp(fn, "convT32") == 0 || strcmp(fn, "convT64") == 0) {
		uint64_t n = fn[5] == '1' ? 2 : fn[5] == '3' ? 4 : 8;
		res[0].w[0] = box(p, &args[0].w[0], n);
		return res[0].w[0] ? NULL : oom();
	}
	if (strcmp(fn, "convTstring") == 0 || strcmp(fn, "convTslice") == 0) {
		res[0].w[0] = box(p, args[0].w, fn[5] == 's' && fn[6] == 't' ? 16 : 24);
		return res[0].w[0] ? NULL : oom();
	}
	if (strcmp(fn, "convT") == 0 || strcmp(fn, "convTnoptr") == 0) {
		Type *t = typeat(p, args[0].w[0]);
		if (!t)
			return "interp: convT of an unknown type";
		res[0].w[0] = box(p, mem(p, args[1].w[0]), (uint64_t)gen_sizeof(t));
		return res[0].w[0] ? NULL : oom();
	}
	if (strcmp(fn, "convI2I") == 0 || strcmp(fn, "assertI2I") == 0 || strcmp(fn, "assertE2I") == 0) {
		Type *iface = typeat(p, args[0].w[0]);
		uint64_t w = args[1].w[0];
		bool fromE = fn[6] == 'E';
		Type *t = fromE ? typeat(p, w) : itabtype(p, w);
		if (!w) {
			if (fn[0] == 'c') {
				res[0].w[0] = 0;
				return NULL;
			}
			return assertmsg(p, NULL, NULL, iface, NULL);
		}
		const char *missing = NULL;
		res[0].w[0] = getitab(p, iface, t, &missing);
		if (!res[0].w[0])
			return assertmsg(p, NULL, t, iface, missing ? missing : "?");
		return NULL;
	}
	if (strcmp(fn, "assertE2I2") == 0 || strcmp(fn, "assertI2I2") == 0) {
		Type *iface = typeat(p, args[0].w[0]);
		uint64_t w = args[1].w[0];
		Type *t = fn[6] == 'E' ? typeat(p, w) : itabtype(p, w);
		uint64_t tab = w ? getitab(p, iface, t, NULL) : 0;
		res[0].w[0] = tab;
		res[0].w[1] = tab ? args[1].w[1] : 0;
		return NULL;
	}
	if (strcmp(fn, "panicdottypeE") == 0 || strcmp(fn, "panicdottypeI") == 0) {
		Type *have = fn[12] == 'E' ? typeat(p, args[0].w[0]) : itabtype(p, args[0].w[0]);
		return assertmsg(p, typeat(p, args[2].w[0]), have, typeat(p, args[1].w[0]), NULL);
	}
	if (strcmp(fn, "panicnildottype") == 0)
		return assertmsg(p, NULL, NULL, typeat(p, args[0].w[0]), NULL);
	if (strcmp(fn, "efaceeq") == 0 || strcmp(fn, "ifaceeq") == 0) {
		Type *t = fn[0] == 'e' ? typeat(p, args[0].w[0]) : itabtype(p, args[0].w[0]);
		if (!args[0].w[0]) { /* both nil */
			res[0].w[0] = 1;
			return NULL;
		}
		if (!t)
			return "interp: comparison of an unknown type";
		bool eq = false;
		if (gen_isdirect(t)) {
			Type *u = under(t);
			if (u->kind == TY_SIGNATURE || u->kind == TY_MAP)
				return typedeq(p, t, 0, 0, &eq); /* uncomparable */
			eq = args[1].w[0] == args[2].w[0];
		} else {
			const char *e = typedeq(p, t, args[1].w[0], args[2].w[0], &eq);
			if (e)
				return e;
		}
		res[0].w[0] = eq;
		return NULL;
	}
	*handled = false;
	return NULL;
}


static Type *typeat(Prog *p, uint64_t a) { return ptrmap_get(&p->types, (void *)(uintptr_t)a); }

static int64_t rnd(int64_t o, int64_t a) { return a > 1 ? (o + a - 1) / a * a : o; }

static const char *callfunc(Prog *p, Func *f, Value *call, const SsaVal *args, int nargs, int first, uint64_t closure,
			    SsaVal *res, int *nres)
{
	/* lay the arguments out by their ABI0 offsets */
	int64_t off = 0, maxoff = 0;
	int64_t offs[80];
	for (int i = first; i < nargs && i - first < 80; i++) {
		SsaType *t = call->args[i]->type;
		off = rnd(off, t->align ? t->align : 1);
		offs[i - first] = off;
		maxoff = off;
		off += t->size;
	}
	SsaVal *av = xcalloc((size_t)maxoff + 2, sizeof *av);
	for (int i = first; i < nargs && i - first < 80; i++)
		av[offs[i - first]] = args[i];
	SsaInterpResult r = ssa_interp_run(&p->env, f, av, (int)maxoff + 1, closure);
	free(av);
	if (r.panic)
		return r.panic;
	*nres = r.nres;
	for (int i = 0; i < r.nres; i++)
		res[i] = r.res[i];
	return NULL;
}

static uint64_t box(Prog *p, const void *src, uint64_t n);

static const char *hook(SsaInterpEnv *env, Value *call, const SsaVal *args, int nargs, SsaVal *res, int *nres)
{
	Prog *p = env->ctx;
	if (call->op == OpClosureCall) {
		Func *f = ptrmap_get(&p->bycode, (void *)(uintptr_t)(args[0].w[0] + 1));
		if (!f)
			return "interp: call of an unknown func value";
		return callfunc(p, f, call, args, nargs, 2, args[1].w[0], res, nres);
	}
	if (call->op == OpInterCall) {
		Func *f = ptrmap_get(&p->bycode, (void *)(uintptr_t)(args[0].w[0] + 1));
		if (!f)
			return "interp: interface call of an unknown method";
		/* a pointer-shaped struct or array receiver: the interpreter keeps
		 * such values as the address of a copy */
		Value *a0 = NULL;
		for (int k = 0; k < f->entry->nvalues && !a0; k++)
			if (f->entry->values[k]->op == OpArg && f->entry->values[k]->auxint == 0)
				a0 = f->entry->values[k];
		if (a0 && (a0->type->kind == SK_STRUCT || a0->type->kind == SK_ARRAY)) {
			SsaVal *av = xcalloc((size_t)nargs + 1, sizeof *av);
			memcpy(av, args, (size_t)nargs * sizeof *av);
			av[1].w[0] = box(p, &args[1].w[0], 8);
			const char *e = callfunc(p, f, call, av, nargs, 1, 0, res, nres);
			free(av);
			return e;
		}
		return callfunc(p, f, call, args, nargs, 1, 0, res, nres);
	}
	if (call->op != OpStaticCall || !call->aux)
		return "interp: unsupported call";
	const char *name = intern(call->aux->s.p, call->aux->s.n);
	Func *f = ptrmap_get(&p->byname, name);
	if (!f) {
		register_funcs(p);
		f = ptrmap_get(&p->byname, name);
	}
	if (f)
		return callfunc(p, f, call, args, nargs, 0, 0, res, nres);
	if (strncmp(name, "runtime.", 8) != 0) {
		snprintf(p->panicbuf, sizeof p->panicbuf, "interp: call of unknown function %s", name);
		return p->panicbuf;
	}
	const char *fn = name + 8;
	Buf *o = &p->out;
	*nres = 1;
	if (strcmp(fn, "printlock") == 0 || strcmp(fn, "printunlock") == 0) {
		*nres = 0;
		return NULL;
	}
	if (strncmp(fn, "print", 5) == 0) {
		*nres = 0;
		const char *k = fn + 5;
		if (strcmp(k, "int") == 0)
			buf_printf(o, "%lld", (long long)args[0].w[0]);
		else if (strcmp(k, "uint") == 0)
			buf_printf(o, "%llu", (unsigned long long)args[0].w[0]);
		else if (strcmp(k, "hex") == 0 || strcmp(k, "pointer") == 0 || strcmp(k, "uintptr") == 0)
			buf_printf(o, "0x%llx", (unsigned long long)args[0].w[0]);
		else if (strcmp(k, "bool") == 0)
			buf_puts(o, args[0].w[0] ? "true" : "false");
		else if (strcmp(k, "sp") == 0)
			buf_putc(o, ' ');
		else if (strcmp(k, "nl") == 0)
			buf_putc(o, '\n');
		else if (strcmp(k, "string") == 0)
			buf_put(o, mem(p, args[0].w[0]), args[0].w[1]);
		else if (strcmp(k, "float") == 0)
			printfloat(o, f64(args[0].w[0]));
		else if (strcmp(k, "complex") == 0) {
			buf_putc(o, '(');
			printfloat(o, f64(args[0].w[0]));
			printfloat(o, f64(args[0].w[1]));
			buf_puts(o, "i)");
		} else if (strcmp(k, "slice") == 0)
			buf_printf(o, "[%lld/%lld]0x%llx", (long long)args[0].w[1], (long long)args[0].w[2],
				   (unsigned long long)args[0].w[0]);
		else if (strcmp(k, "eface") == 0 || strcmp(k, "iface") == 0)
			buf_printf(o, "(0x%llx,0x%llx)", (unsigned long long)args[0].w[0], (unsigned long long)args[0].w[1]);
		else
			return "interp: unknown print function";
		if (o->n > 1 << 16)
			flushout(p);
		return NULL;
	}
	if (strcmp(fn, "panicdivide") == 0)
		return "runtime error: integer divide by zero";
	if (strcmp(fn, "panicshift") == 0)
		return "runtime error: negative shift amount";
	if (strcmp(fn, "memequal") == 0) {
		uint64_t n = args[2].w[0];
		res[0].w[0] = n == 0 || memcmp(mem(p, args[0].w[0]), mem(p, args[1].w[0]), n) == 0;
		return NULL;
	}
	if (strcmp(fn, "cmpstring") == 0) {
		uint64_t la = args[0].w[1], lb = args[1].w[1], n = la < lb ? la : lb;
		int c = n ? memcmp(mem(p, args[0].w[0]), mem(p, args[1].w[0]), n) : 0;
		res[0].w[0] = (uint64_t)(int64_t)(c < 0 ? -1 : c > 0 ? 1 : la < lb ? -1 : la > lb ? 1 : 0);
		return NULL;
	}
	if (strncmp(fn, "concatstring", 12) == 0) {
		if (strcmp(fn, "concatstrings") == 0) {
			uint64_t a = args[1].w[0], n = args[1].w[1];
			SsaVal *parts = xcalloc(n + 1, sizeof *parts);
			for (uint64_t i = 0; i < n; i++)
				memcpy(parts[i].w, mem(p, a + 16 * i), 16);
			const char *e = concat(p, parts, (int)n, res);
			free(parts);
			return e;
		}
		return concat(p, args + 1, nargs - 1, res);
	}
	if (strcmp(fn, "intstring") == 0) {
		uint8_t b[4];
		int n = encoderune(b, (int64_t)args[1].w[0]);
		res[0].w[0] = newstring(p, b, (uint64_t)n);
		res[0].w[1] = (uint64_t)n;
		return NULL;
	}
	if (strcmp(fn, "slicebytetostring") == 0) {
		uint64_t n = args[2].w[0];
		res[0].w[0] = newstring(p, n ? mem(p, args[1].w[0]) : NULL, n);
		res[0].w[1] = n;
		return NULL;
	}
	if (strcmp(fn, "stringtoslicebyte") == 0) {
		uint64_t n = args[1].w[1], cap = roundupsize(n);
		uint64_t a = ssa_interp_alloc(&p->env, cap ? cap : 1);
		if (!a)
			return oom();
		if (n)
			memmove(mem(p, a), mem(p, args[1].w[0]), n);
		res[0].w[0] = n ? a : a;
		res[0].w[1] = n;
		res[0].w[2] = cap;
		return NULL;
	}
	if (strcmp(fn, "stringtoslicerune") == 0) {
		const uint8_t *s = mem(p, args[1].w[0]);
		uint64_t n = args[1].w[1], cnt = 0;
		for (uint64_t i = 0; i < n; cnt++) {
			int sz;
			decoderune(s + i, n - i, &sz);
			i += (uint64_t)sz;
		}
		uint64_t bytes = roundupsize(cnt * 4);
		uint64_t a = ssa_interp_alloc(&p->env, bytes ? bytes : 1);
		if (!a)
			return oom();
		s = mem(p, args[1].w[0]);
		uint64_t k = 0;
		for (uint64_t i = 0; i < n; k++) {
			int sz;
			int32_t r = decoderune(s + i, n - i, &sz);
			memcpy(mem(p, a + 4 * k), &r, 4);
			i += (uint64_t)sz;
		}
		res[0].w[0] = a;
		res[0].w[1] = cnt;
		res[0].w[2] = bytes / 4;
		return NULL;
	}
	if (strcmp(fn, "slicerunetostring") == 0) {
		uint64_t a = args[1].w[0], n = args[1].w[1];
		Buf b = {0};
		for (uint64_t i = 0; i < n; i++) {
			int32_t r;
			memcpy(&r, mem(p, a + 4 * i), 4);
			uint8_t e[4];
			buf_put(&b, e, (size_t)encoderune(e, r));
		}
		res[0].w[0] = newstring(p, (const uint8_t *)b.p, b.n);
		res[0].w[1] = b.n;
		buf_free(&b);
		return NULL;
	}
	if (strcmp(fn, "decoderune") == 0) {
		uint64_t k = args[1].w[0];
		int sz;
		int32_t r = decoderune(mem(p, args[0].w[0] + k), args[0].w[1] - k, &sz);
		*nres = 2;
		res[0].w[0] = (uint64_t)(int64_t)r;
		res[1].w[0] = k + (uint64_t)sz;
		return NULL;
	}
	if (strcmp(fn, "newobject") == 0) {
		Type *t = typeat(p, args[0].w[0]);
		if (!t)
			return "interp: newobject of an unknown type";
		int64_t size = gen_sizeof(t);
		uint64_t a = ssa_interp_alloc(&p->env, size ? (uint64_t)size : 1);
		if (!a)
			return oom();
		res[0].w[0] = a;
		return NULL;
	}
	if (strcmp(fn, "unsafeslice") == 0) {
		Type *t = typeat(p, args[0].w[0]);
		uint64_t es = t ? (uint64_t)gen_sizeof(t) : 1, ptr = args[1].w[0];
		int64_t len = (int64_t)args[2].w[0];
		uint64_t mem;
		if (len < 0)
			return "runtime error: unsafe.Slice: len out of range";
		if (__builtin_mul_overflow(es, (uint64_t)len, &mem) || mem > -ptr)
			return ptr ? "runtime error: unsafe.Slice: len out of range"
				   : "runtime error: unsafe.Slice: ptr is nil and len is not zero";
		return NULL;
	}
	if (strcmp(fn, "makeslice") == 0) {
		Type *t = typeat(p, args[0].w[0]);
		int64_t len = (int64_t)args[1].w[0], cap = (int64_t)args[2].w[0];
		int64_t es = t ? gen_sizeof(t) : 1;
		if (len < 0 || (es && len > (int64_t)(1ull << 40) / es))
			return "runtime error: makeslice: len out of range";
		if (cap < len || (es && cap > (int64_t)(1ull << 40) / es))
			return "runtime error: makeslice: cap out of range";
		uint64_t a = ssa_interp_alloc(&p->env, (uint64_t)(es * cap) + 1);
		if (!a)
			return oom();
		res[0].w[0] = a;
		return NULL;
	}
	if (strcmp(fn, "growslice") == 0) {
		Type *t = typeat(p, args[0].w[0]);
		int64_t es = t ? gen_sizeof(t) : 1;
		int64_t olen = (int64_t)args[1].w[1], ocap = (int64_t)args[1].w[2], want = (int64_t)args[2].w[0];
		if (want < ocap)
			return "runtime error: growslice: cap out of range";
		int64_t newcap = ocap, dbl = ocap + ocap;
		if (want > dbl)
			newcap = want;
		else if (ocap < 256)
			newcap = dbl;
		else {
			while (0 < newcap && newcap < want)
				newcap += (newcap + 3 * 256) / 4;
			if (newcap <= 0)
				newcap = want;
		}
		uint64_t capmem;
		if (es == 0) {
			res[0].w[0] = args[1].w[0] ? args[1].w[0] : 8192;
			res[0].w[1] = (uint64_t)olen;
			res[0].w[2] = (uint64_t)want;
			return NULL;
		}
		capmem = roundupsize((uint64_t)(newcap * es));
		newcap = (int64_t)(capmem / (uint64_t)es);
		if (capmem > (1ull << 40))
			return "runtime error: growslice: cap out of range";
		uint64_t a = ssa_interp_alloc(&p->env, capmem);
		if (!a)
			return oom();
		if (olen)
			memmove(mem(p, a), mem(p, args[1].w[0]), (size_t)(olen * es));
		res[0].w[0] = a;
		res[0].w[1] = (uint64_t)olen;
		res[0].w[2] = (uint64_t)newcap;
		return NULL;
	}
	if (strcmp(fn, "memmove") == 0 || strcmp(fn, "wbmemmove") == 0) {
		uint64_t n = args[2].w[0];
		*nres = 0;
		if (n && ssa_interp_valid(env, args[0].w[0], n) && ssa_interp_valid(env, args[1].w[0], n))
			memmove(mem(p, args[0].w[0]), mem(p, args[1].w[0]), n);
		return NULL;
	}
	if (strcmp(fn, "complex128div") == 0) {
		double a = f64(args[0].w[0]), b = f64(args[0].w[1]), c = f64(args[1].w[0]), d = f64(args[1].w[1]);
		/* runtime/complex.go's algorithm, with its inf/nan rules */
		double e, f;
		if (fabs(c) >= fabs(d)) {
			double ratio = d / c, denom = c + ratio * d;
			e = (a + b * ratio) / denom;
			f = (b - a * ratio) / denom;
		} else {
			double ratio = c / d, denom = d + ratio * c;
			e = (a * ratio + b) / denom;
			f = (b * ratio - a) / denom;
		}
		if (isnan(e) && isnan(f)) {
			a = 0;
		}
		res[0].w[0] = bits(e);
		res[0].w[1] = bits(f);
		return NULL;
	}
	bool handled;
	const char *e = ifacecall(p, fn, call, args, nargs, res, nres, &handled);
	if (handled)
		return e;
	e = mapcall(p, fn, args, res, nres, &handled);
	if (handled)
		return e;
	e = defercall(p, fn, args, res, nres, &handled);
	if (handled)
		return e;
	e = chancall(p, fn, args, res, nres, &handled);
	if (handled)
		return e;
	snprintf(p->panicbuf, sizeof p->panicbuf, "interp: runtime function %s not emulated", name);
	return p->panicbuf;
}

static void setup(Prog *p)
{
	GenPkg *g = p->g;
	register_funcs(p);
	/* runtime.staticuint64s: the boxed byte-sized integers point here */
	uint64_t st = ssa_interp_global(&p->env, "runtime.staticuint64s", 21, 256 * 8);
	for (uint64_t i = 0; st && i < 256; i++)
		memcpy(p->env.mem + st + 8 * i, &i, 8);
	/* type descriptors and itabs named in the code */
	for (int i = 0; i < g->nfuncs; i++) {
		Func *f = g->funcs[i];
		for (int k = 0; k < f->nblocks; k++) {
			Block *b = f->blocks[k];
			for (int j = 0; j < b->nvalues; j++) {
				Value *v = b->values[j];
				if (v->op != OpAddr || !v->aux || !v->aux->obj)
					continue;
				if (v->aux->s.n > 5 && memcmp(v->aux->s.p, "type.", 5) == 0) {
					uint64_t a = ssa_interp_global(&p->env, v->aux->s.p, v->aux->s.n, 64);
					if (!ptrmap_get(&p->types, (void *)(uintptr_t)a))
						ptrmap_put(&p->types, (void *)(uintptr_t)a, v->aux->obj);
					if (!ptrmap_get(&p->typeaddr, v->aux->obj))
						ptrmap_put(&p->typeaddr, v->aux->obj, (void *)(uintptr_t)a);
				}
			}
		}
	}
	for (int i = 0; i < g->nfuncs; i++) {
		Func *f = g->funcs[i];
		for (int k = 0; k < f->nblocks; k++) {
			Block *b = f->blocks[k];
			for (int j = 0; j < b->nvalues; j++) {
				Value *v = b->values[j];
				if (v->op != OpAddr || !v->aux || !v->aux->obj || v->aux->s.n < 8 ||
				    memcmp(v->aux->s.p, "go.itab.", 8) != 0)
					continue;
				GenItab *it = v->aux->obj;
				TypeSet *ts = interface_typeset(g->check, under(it->iface));
				/* the static itab is built at its symbol, and is the one
				 * conversions at run time find (gc: the linker's itabs are
				 * entered in the runtime's table first) */
				uint64_t a = ssa_interp_global(&p->env, v->aux->s.p, v->aux->s.n, 24 + 8 * (uint64_t)ts->nmethods);
				if (!word(p, a + 8))
					getitab_at(p, it->iface, it->type, NULL, a);
			}
		}
	}
}

static int report(Prog *p, const char *msg)
{
	flushout(p);
	if (strcmp(msg, "invalid memory address or nil pointer dereference") == 0) {
		fprintf(stderr, "panic: runtime error: %s\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\n"
				"goroutine 1 [running]:\nmain.main()\n\t(interpreted)\n", msg);
		return 2;
	}
	if (strncmp(msg, "fatal error: ", 13) == 0) {
		fprintf(stderr, "%s\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t(interpreted)\n", msg);
		return 2;
	}
	if (strncmp(msg, "interp:", 7) == 0) {
		fprintf(stderr, "goc: %s\n", msg);
		return 3;
	}
	fprintf(stderr, "panic: %s\n\ngoroutine 1 [running]:\nmain.main()\n\t(interpreted)\n", msg);
	return 2;
}

static int exec_main(GenPkg *g)
{
	Prog p = {.g = g};
	ssa_interp_env_init(&p.env, (uint64_t)1 << 30, 4000000000ull);
	p.env.call = hook;
	p.env.onpanic = onpanic;
	pthread_mutex_init(&p.sched, NULL);
	G g0 = {.id = 0};
	pthread_cond_init(&g0.cv, NULL);
	p.cur = &g0;
	p.rng = 0x853c49e6748fea9bull;
	pthread_mutex_lock(&p.sched);
	p.env.ctx = &p;
	setup(&p);
	int rc = 0;
	const char *order[2] = {"main.init", "main.main"};
	for (int i = 0; i < 2 && !rc; i++) {
		Func *f = ptrmap_get(&p.byname, intern_cstr(order[i]));
		if (!f) {
			if (i == 1) {
				fprintf(stderr, "goc: no main.main\n");
				rc = 2;
			}
			continue;
		}
		SsaInterpResult r = ssa_interp_run(&p.env, f, NULL, 0, 0);
		if (r.panic)
			rc = report(&p, r.panic);
	}
	flushout(&p);
	if (p.ngoroutines > 0) {
		/* other goroutines' threads wait on this frame's state: end here,
		 * as a Go program ends when main returns */
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	buf_free(&p.out);
	ssa_interp_env_free(&p.env);
	ptrmap_free(&p.byname);
	ptrmap_free(&p.bycode);
	ptrmap_free(&p.types);
	ptrmap_free(&p.typeaddr);
	for (uint32_t i = 0; i < p.maps.cap; i++)
		if (p.maps.keys[i]) {
			IMap *m = p.maps.vals[i];
			free(m->e);
			free(m->index);
			free(m);
		}
	ptrmap_free(&p.maps);
	free(p.itabs);
	free(p.defers);
	for (int i = 0; i < p.npanics; i++)
		free(p.panics[i].msg);
	return rc;
}

/* the interpreter recurses on the C stack for every Go call: it runs on a
 * thread with a 1 GiB stack (committed only as used) */
struct ExecArg {
	GenPkg *g;
	int rc;
};

static void *exec_thread(void *arg)
{
	struct ExecArg *a = arg;
	a->rc = exec_main(a->g);
	return NULL;
}

int ssagen_exec(GenPkg *g, SsaConfig *cfg)
{
	(void)cfg;
	struct ExecArg a = {g, 0};
	pthread_attr_t attr;
	pthread_t t;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, (size_t)1 << 30);
	if (pthread_create(&t, &attr, exec_thread, &a) != 0)
		return exec_main(g);
	pthread_join(t, NULL);
	pthread_attr_destroy(&attr);
	return a.rc;
}
