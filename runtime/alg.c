// alg.c — hashing and equality for every comparable type, as gc's
// runtime/alg.go and hash64.go define them, and the AlgFunc records the
// type descriptors point at (alg.h).
//
// The hash is the wyhash-style function gc falls back to when the CPU has
// no AES instructions (gc uses AES hashing when it can; the values differ
// but nothing observable depends on them): 64×64→128-bit multiplies
// folded by xor, keyed by four random odd words read once per process
// (getrandom, else the kernel's AT_RANDOM bytes) at start-up or by the
// first hash.  Per map, hmap.hash0 is
// a further random seed, so iteration order and collisions differ from
// run to run and from map to map.
//
// Floats: +0 and -0 hash alike (they are ==); a NaN hashes to a random
// value, so each NaN key goes to its own slot and lookups never find it
// (NaN != NaN) — gc's semantics for m[NaN].
//
// Composite types are walked from their descriptors (typehash,
// typeequal), which is what the compiler points their equal and hasher
// at; the walk matches gc's generated functions: blank fields are
// skipped, fields compared in order, so that the panics for uncomparable
// dynamic types happen where gc's happen.
#include "alg.h"

uintptr alg_hashkey[4];

enum { GRND_NONBLOCK = 1 };

// alginit: called at start-up (schedinit) or by the first hash,
// whichever comes first; race-free (the first key published wins), so
// every hash of the process uses the same key.  Only word 0 is used by
// the hash; the others are kept, as gc keeps them, for later variants.
void alginit(void)
{
	uintptr k[4] = {0};
	if (sys_getrandom(k, sizeof k, GRND_NONBLOCK) != (intgo)sizeof k) {
		// No getrandom (old kernel, seccomp): AT_RANDOM's 16 bytes,
		// stretched with the clock.
		uint64_t r[2] = {0};
		if (rt_auxv_random)
			memcpy(r, rt_auxv_random, sizeof r);
		uint64_t t = (uint64_t)rt_nanotime();
		for (int i = 0; i < 4; i++) {
			__uint128_t m = (__uint128_t)(r[i & 1] ^ t ^ 0xa0761d6478bd642fULL) * (0xe7037ed1a0b428dbULL + (uint64_t)i);
			k[i] = (uintptr)((uint64_t)(m >> 64) ^ (uint64_t)m);
			t += 0x9e3779b97f4a7c15ULL;
		}
	}
	for (int i = 0; i < 4; i++)
		k[i] |= 1;  // odd, hence never 0: 0 means "not yet"
	uintptr zero = 0;
	if (__atomic_compare_exchange_n(&alg_hashkey[0], &zero, k[0], false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		for (int i = 1; i < 4; i++)
			alg_hashkey[i] = k[i];
}

// The key of every hash.  Maps the compiler creates without makemap (a
// small map on the stack gets its hash0 inline, as in gc) hash before any
// makemap; hence the check here, where the key is loaded anyway.
static inline uintptr hashkey0(void)
{
	uintptr k = __atomic_load_n(&alg_hashkey[0], __ATOMIC_RELAXED);
	if (unlikely(!k)) {
		alginit();
		k = __atomic_load_n(&alg_hashkey[0], __ATOMIC_ACQUIRE);
	}
	return k;
}

// ---- the hash function ------------------------------------------------------

// The multipliers of wyhash (public domain).
#define HM1 0xa0761d6478bd642fULL
#define HM2 0xe7037ed1a0b428dbULL
#define HM3 0x8ebc6af09c88c6e3ULL
#define HM4 0x589965cc75374cc3ULL
#define HM5 0x1d8e4e27c47d124fULL

static inline uint64_t fold(uint64_t a, uint64_t b)
{
	__uint128_t m = (__uint128_t)a * b;
	return (uint64_t)(m >> 64) ^ (uint64_t)m;
}

static inline uint64_t load64(const byte *p)
{
	uint64_t v;
	__builtin_memcpy(&v, p, 8);
	return v;
}

static inline uint64_t load32(const byte *p)
{
	uint32_t v;
	__builtin_memcpy(&v, p, 4);
	return v;
}

uintptr memhash(const void *p, uintptr seed, uintptr n)
{
	const byte *b = p;
	uint64_t s = seed ^ hashkey0() ^ HM1, lo, hi;
	if (n == 0)
		return s;
	if (n < 4) {
		// The first, middle and last bytes (which may coincide).
		lo = (uint64_t)b[0] | (uint64_t)b[n >> 1] << 8 | (uint64_t)b[n - 1] << 16;
		hi = 0;
	} else if (n == 4) {
		lo = hi = load32(b);
	} else if (n < 8) {
		// Two 4-byte windows, from each end.
		lo = load32(b);
		hi = load32(b + n - 4);
	} else if (n == 8) {
		lo = hi = load64(b);
	} else if (n <= 16) {
		lo = load64(b);
		hi = load64(b + n - 8);
	} else {
		uintptr left = n;
		if (left > 48) {
			// Three independent lanes of 16 bytes.
			uint64_t s1 = s, s2 = s;
			do {
				s = fold(load64(b) ^ HM2, load64(b + 8) ^ s);
				s1 = fold(load64(b + 16) ^ HM3, load64(b + 24) ^ s1);
				s2 = fold(load64(b + 32) ^ HM4, load64(b + 40) ^ s2);
				b += 48;
				left -= 48;
			} while (left > 48);
			s ^= s1 ^ s2;
		}
		for (; left > 16; left -= 16, b += 16)
			s = fold(load64(b) ^ HM2, load64(b + 8) ^ s);
		// The last 16 bytes of the input (overlapping what was consumed).
		lo = load64(b + left - 16);
		hi = load64(b + left - 8);
	}
	return fold(HM5 ^ n, fold(lo ^ HM2, hi ^ s));
}

// n == 4 and n == 8 with one load (equal to what memhash would compute
// with lo == hi, as gc's memhash32/64Fallback).
uintptr memhash32(const void *p, uintptr seed)
{
	uint64_t a = load32(p);
	return fold(HM5 ^ 4, fold(a ^ HM2, a ^ seed ^ hashkey0() ^ HM1));
}

uintptr memhash64(const void *p, uintptr seed)
{
	uint64_t a = load64(p);
	return fold(HM5 ^ 8, fold(a ^ HM2, a ^ seed ^ hashkey0() ^ HM1));
}

uintptr strhash(const void *p, uintptr seed)
{
	const GoString *s = p;
	return memhash(s->str, seed, (uintptr)s->len);
}

// Constants of gc's float and interface hashing (alg.go's c0, c1).
#define HC0 ((uintptr)33054211828000289ULL)
#define HC1 ((uintptr)23344194077549503ULL)

uintptr f32hash(const void *p, uintptr seed)
{
	float f = *(const float *)p;
	if (f == 0)
		return HC1 * (HC0 ^ seed);  // +0 and -0
	if (f != f)
		return HC1 * (HC0 ^ seed ^ rt_fastrand());  // every NaN is a new key
	return memhash32(p, seed);
}

uintptr f64hash(const void *p, uintptr seed)
{
	double f = *(const double *)p;
	if (f == 0)
		return HC1 * (HC0 ^ seed);
	if (f != f)
		return HC1 * (HC0 ^ seed ^ rt_fastrand());
	return memhash64(p, seed);
}

uintptr c64hash(const void *p, uintptr seed)
{
	const float *c = p;
	return f32hash(c + 1, f32hash(c, seed));
}

uintptr c128hash(const void *p, uintptr seed)
{
	const double *c = p;
	return f64hash(c + 1, f64hash(c, seed));
}

static uintptr hashdynamic(const _type *t, void *const *data, uintptr seed)
{
	if (!t->equal)
		alg_panic_unhashable(t);  // the outermost type is the one named
	if (t->kind & KIND_DIRECTIFACE)
		return HC1 * typehash(t, data, seed ^ HC0);
	return HC1 * typehash(t, *data, seed ^ HC0);
}

uintptr interhash(const void *p, uintptr seed)
{
	const Iface *i = p;
	if (!i->tab)
		return seed;
	return hashdynamic(i->tab->type, &i->data, seed);
}

uintptr nilinterhash(const void *p, uintptr seed)
{
	const Eface *e = p;
	if (!e->type)
		return seed;
	return hashdynamic(e->type, &e->data, seed);
}

static bool name_isblank(name n)
{
	return n.bytes && n.bytes[1] == 1 && n.bytes[2] == '_';
}

// typehash: the hash of a value of type t, consistent with typeequal.
uintptr typehash(const _type *t, const void *p, uintptr h)
{
	if (t->tflag & TFLAG_REGULARMEMORY) {
		switch (t->size) {
		case 4: return memhash32(p, h);
		case 8: return memhash64(p, h);
		default: return memhash(p, h, t->size);
		}
	}
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: return f32hash(p, h);
	case KIND_FLOAT64: return f64hash(p, h);
	case KIND_COMPLEX64: return c64hash(p, h);
	case KIND_COMPLEX128: return c128hash(p, h);
	case KIND_STRING: return strhash(p, h);
	case KIND_INTERFACE:
		if (((const interfacetype *)t)->mhdr.len == 0)
			return nilinterhash(p, h);
		return interhash(p, h);
	case KIND_ARRAY: {
		const arraytype *a = (const arraytype *)t;
		for (uintptr i = 0; i < a->len; i++)
			h = typehash(a->elem, (const byte *)p + i * a->elem->size, h);
		return h;
	}
	case KIND_STRUCT: {
		const structtype *s = (const structtype *)t;
		const structfield *f = s->fields.array;
		for (intgo i = 0; i < s->fields.len; i++)
			if (!name_isblank(f[i].name))
				h = typehash(f[i].typ, (const byte *)p + f[i].offset, h);
		return h;
	}
	default:
		// Plain memory without the flag (bool, ints, pointers, chans).
		if (t->equal)
			return memhash(p, h, t->size);
		alg_panic_unhashable(t);
	}
}

// ---- equality ---------------------------------------------------------------

bool memequal0(const void *p, const void *q) RTSYM(memequal0);
bool memequal8(const void *p, const void *q) RTSYM(memequal8);
bool memequal16(const void *p, const void *q) RTSYM(memequal16);
bool memequal32(const void *p, const void *q) RTSYM(memequal32);
bool memequal64(const void *p, const void *q) RTSYM(memequal64);
bool memequal128(const void *p, const void *q) RTSYM(memequal128);
bool f32equal(const void *p, const void *q) RTSYM(f32equal);
bool f64equal(const void *p, const void *q) RTSYM(f64equal);
bool c64equal(const void *p, const void *q) RTSYM(c64equal);
bool c128equal(const void *p, const void *q) RTSYM(c128equal);
uintptr memhash0(const void *p, uintptr h) RTSYM(memhash0);
uintptr memhash8(const void *p, uintptr h) RTSYM(memhash8);
uintptr memhash16(const void *p, uintptr h) RTSYM(memhash16);
uintptr memhash128(const void *p, uintptr h) RTSYM(memhash128);

bool memequal0(const void *p, const void *q) { (void)p, (void)q; return true; }
bool memequal8(const void *p, const void *q) { return *(const uint8_t *)p == *(const uint8_t *)q; }
bool memequal16(const void *p, const void *q) { return *(const uint16_t *)p == *(const uint16_t *)q; }
bool memequal32(const void *p, const void *q) { return *(const uint32_t *)p == *(const uint32_t *)q; }
bool memequal64(const void *p, const void *q) { return *(const uint64_t *)p == *(const uint64_t *)q; }
bool memequal128(const void *p, const void *q)
{
	const uint64_t *a = p, *b = q;
	return a[0] == b[0] && a[1] == b[1];
}
bool f32equal(const void *p, const void *q) { return *(const float *)p == *(const float *)q; }
bool f64equal(const void *p, const void *q) { return *(const double *)p == *(const double *)q; }
bool c64equal(const void *p, const void *q)
{
	const float *a = p, *b = q;
	return a[0] == b[0] && a[1] == b[1];
}
bool c128equal(const void *p, const void *q)
{
	const double *a = p, *b = q;
	return a[0] == b[0] && a[1] == b[1];
}
uintptr memhash0(const void *p, uintptr h) { (void)p; return h; }
uintptr memhash8(const void *p, uintptr h) { return memhash(p, h, 1); }
uintptr memhash16(const void *p, uintptr h) { return memhash(p, h, 2); }
uintptr memhash128(const void *p, uintptr h) { return memhash(p, h, 16); }

bool strequal(const void *p, const void *q)
{
	const GoString *a = p, *b = q;
	return a->len == b->len && (a->str == b->str || memcmp(a->str, b->str, (size_t)a->len) == 0);
}

static bool dataequal(const _type *t, const void *x, const void *y)
{
	if (!t->equal)
		alg_panic_uncomparable(t);
	// Pointer-shaped values (pointers, chans, single-pointer structs and
	// arrays) are their data word.
	if (t->kind & KIND_DIRECTIFACE)
		return x == y;
	return alg_equal(t, x, y);
}

bool efaceeq(const _type *t, const void *x, const void *y)
{
	return !t || dataequal(t, x, y);
}

bool ifaceeq(const itab *tab, const void *x, const void *y)
{
	return !tab || dataequal(tab->type, x, y);
}

bool interequal(const void *p, const void *q)
{
	const Iface *a = p, *b = q;
	return a->tab == b->tab && ifaceeq(a->tab, a->data, b->data);
}

bool nilinterequal(const void *p, const void *q)
{
	const Eface *a = p, *b = q;
	return a->type == b->type && efaceeq(a->type, a->data, b->data);
}

// typeequal: == on a value of type t, walked from the descriptor in the
// order gc 1.19's generated functions observably follow (compare.EqStruct
// and geneq): fields and elements in order, blank fields skipped, stopping
// at the first difference.  gc reorders only within runs of fields that
// cannot panic (cheap comparisons before string bytes), which changes no
// result; a field holding an interface is a barrier, so whether == panics
// on an uncomparable dynamic type depends on the fields before it, as here.
bool typeequal(const _type *t, const void *p, const void *q)
{
	if (t->tflag & TFLAG_REGULARMEMORY)
		return memcmp(p, q, t->size) == 0;
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: return f32equal(p, q);
	case KIND_FLOAT64: return f64equal(p, q);
	case KIND_COMPLEX64: return c64equal(p, q);
	case KIND_COMPLEX128: return c128equal(p, q);
	case KIND_STRING: return strequal(p, q);
	case KIND_INTERFACE:
		if (((const interfacetype *)t)->mhdr.len == 0)
			return nilinterequal(p, q);
		return interequal(p, q);
	case KIND_ARRAY: {
		const arraytype *at = (const arraytype *)t;
		for (uintptr i = 0; i < at->len; i++) {
			uintptr off = i * at->elem->size;
			if (!typeequal(at->elem, (const byte *)p + off, (const byte *)q + off))
				return false;
		}
		return true;
	}
	case KIND_STRUCT: {
		const structtype *st = (const structtype *)t;
		const structfield *f = st->fields.array;
		for (intgo i = 0; i < st->fields.len; i++) {
			if (name_isblank(f[i].name))
				continue;
			if (!typeequal(f[i].typ, (const byte *)p + f[i].offset, (const byte *)q + f[i].offset))
				return false;
		}
		return true;
	}
	default:
		if (!t->equal)
			alg_panic_uncomparable(t);
		return memcmp(p, q, t->size) == 0;
	}
}

bool memequal_varlen(const void *p, const void *q, const AlgFunc *f)
{
	return p == q || memcmp(p, q, f->arg) == 0;
}

uintptr memhash_varlen(const void *p, uintptr seed, const AlgFunc *f) { return memhash(p, seed, f->arg); }

bool alg_typeequal_fn(const void *p, const void *q, const AlgFunc *f)
{
	return typeequal((const _type *)f->arg, p, q);
}

uintptr alg_typehash_fn(const void *p, uintptr seed, const AlgFunc *f)
{
	return typehash((const _type *)f->arg, p, seed);
}

// ---- the records ------------------------------------------------------------

#define EQREC(name) const AlgFunc alg_##name = {(const void *)rt_algeq_abi0, (const void *)name, 0};
#define HASHREC(name) const AlgFunc alg_##name = {(const void *)rt_alghash_abi0, (const void *)name, 0};
EQREC(memequal0) EQREC(memequal8) EQREC(memequal16) EQREC(memequal32) EQREC(memequal64)
EQREC(memequal128) EQREC(f32equal) EQREC(f64equal) EQREC(c64equal) EQREC(c128equal)
EQREC(strequal) EQREC(interequal) EQREC(nilinterequal)
HASHREC(memhash0) HASHREC(memhash8) HASHREC(memhash16) HASHREC(memhash32) HASHREC(memhash64)
HASHREC(memhash128) HASHREC(f32hash) HASHREC(f64hash) HASHREC(c64hash) HASHREC(c128hash)
HASHREC(strhash) HASHREC(interhash) HASHREC(nilinterhash)
#undef EQREC
#undef HASHREC

// ---- panics -------------------------------------------------------------

// "runtime error: " + what + the type's name, as gc's errorString.
static void panicwithtype(GoString what, const _type *t) NORETURN;
static void panicwithtype(GoString what, const _type *t)
{
	static const char prefix[] = "runtime error: ";
	GoString ts = type_string(t);
	intgo n = (intgo)sizeof prefix - 1 + what.len + ts.len;
	byte *buf = mallocgc((uintptr)n, 0, false);
	memcpy(buf, prefix, sizeof prefix - 1);
	memcpy(buf + sizeof prefix - 1, what.str, (size_t)what.len);
	memcpy(buf + sizeof prefix - 1 + what.len, ts.str, (size_t)ts.len);
	rt_panic_runtime_error((GoString){buf, n});
}

void alg_panic_unhashable(const _type *t) { panicwithtype(GOSTR("hash of unhashable type "), t); }
void alg_panic_uncomparable(const _type *t) { panicwithtype(GOSTR("comparing uncomparable type "), t); }
