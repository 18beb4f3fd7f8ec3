/*
 * constant.c — exact constant arithmetic with GMP and MPFR, following
 * go/constant's representations and rules (see constant.h).
 *
 * Invariants:
 *   - CREP_INT holds only integers that do not fit int64 (makeInt);
 *   - CREP_RAT is canonical (mpq), kept only while both parts have fewer
 *     than 4096 bits (makeRat), except for values read from literals,
 *     which go/constant keeps as they come;
 *   - CREP_FLOAT is a finite, 512-bit MPFR number; zero is +0 (makeFloat);
 *   - MPFR's exponent range is big.Float's ([-2^31, 2^31-1], mantissa in
 *     [0.5, 1) in both), so overflow to Inf and underflow to 0 happen
 *     where Go's happen.
 * Big values live in arenas: GMP limbs are copied there and viewed
 * read-only (mpz_roinit_n), MPFR numbers use MPFR's custom interface.
 * Intermediate results are computed in module scratch variables and then
 * "frozen" into the caller's arena.
 */
#include "constant.h"

#include <gmp.h>
#include <math.h>
#include <mpfr.h>

#if GMP_LIMB_BITS != 64
#error "goc's constants assume 64-bit GMP limbs"
#endif

#define PREC 512    /* go/constant's float precision */
#define MAXEXP 4096 /* go/constant's maxExp: bigger fractions become floats */
#define FLIMBS (PREC / 64)

typedef struct BigInt {
	__mpz_struct z;
	mp_limb_t d[];
} BigInt;
typedef struct BigRat {
	__mpq_struct q;
	mp_limb_t d[];
} BigRat;
typedef struct BigFloat {
	__mpfr_struct f;
	mp_limb_t d[FLIMBS];
} BigFloat;

#define ZV(x) ((mpz_srcptr) & ((const BigInt *)(x).u.big)->z)
#define QV(x) ((mpq_srcptr) & ((const BigRat *)(x).u.big)->q)
#define FV(x) ((mpfr_srcptr) & ((const BigFloat *)(x).u.big)->f)

const char *const basic_kind_names[BK_COUNT] = {
	"invalid type", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"float32", "float64", "complex64", "complex128", "string", "Pointer",
	"untyped bool", "untyped int", "untyped rune", "untyped float",
	"untyped complex", "untyped string", "untyped nil",
};

/* ---- scratch and initialisation ---- */

static bool inited;
static mpz_t Z1, Z2, Z3;
static mpq_t Q1;
static mpfr_t F1, F2;

void const_init(void)
{
	if (inited)
		return;
	inited = true;
	mpfr_set_emin(INT32_MIN);
	mpfr_set_emax(INT32_MAX);
	mpz_inits(Z1, Z2, Z3, NULL);
	mpq_init(Q1);
	mpfr_inits2(PREC, F1, F2, (mpfr_ptr)0);
}
#define INIT() (LIKELY(inited) ? (void)0 : const_init())

NORETURN static void misuse(const char *what) { ice(NoPos, "constant", "invalid constant operation: %s", what); }

/* A float on the stack (no heap): MPFR's custom interface. */
typedef struct FTmp {
	__mpfr_struct f;
	mp_limb_t d[(640 + 63) / 64];
} FTmp;
static mpfr_ptr ftmp(FTmp *t, mpfr_prec_t prec)
{
	mpfr_custom_init(t->d, prec);
	mpfr_custom_init_set(&t->f, MPFR_ZERO_KIND, 0, prec, t->d);
	return &t->f;
}

/* ---- freezing into arenas ---- */

static Const mk(int kind, int rep)
{
	Const c;
	memset(&c, 0, sizeof c);
	c.kind = (uint8_t)kind;
	c.rep = (uint8_t)rep;
	return c;
}

static void roinit_copy(mpz_ptr dst, mp_limb_t *d, mpz_srcptr src)
{
	size_t n = mpz_size(src);
	memcpy(d, mpz_limbs_read(src), n * sizeof(mp_limb_t));
	mpz_roinit_n(dst, d, mpz_sgn(src) < 0 ? -(mp_size_t)n : (mp_size_t)n);
}

/* makeInt */
static Const make_int(Arena *a, mpz_srcptr z)
{
	if (mpz_fits_slong_p(z)) {
		Const c = mk(CONST_INT, CREP_INT64);
		c.u.i = mpz_get_si(z);
		return c;
	}
	size_t n = mpz_size(z);
	BigInt *b = arena_alloc(a, sizeof(BigInt) + n * sizeof(mp_limb_t));
	roinit_copy(&b->z, b->d, z);
	Const c = mk(CONST_INT, CREP_INT);
	c.u.big = b;
	return c;
}

/* ratVal{q}, without makeRat's size check */
static Const freeze_rat(Arena *a, mpq_srcptr q)
{
	size_t n = mpz_size(mpq_numref(q)), m = mpz_size(mpq_denref(q));
	BigRat *b = arena_alloc(a, sizeof(BigRat) + (n + m) * sizeof(mp_limb_t));
	roinit_copy(mpq_numref(&b->q), b->d, mpq_numref(q));
	roinit_copy(mpq_denref(&b->q), b->d + n, mpq_denref(q));
	Const c = mk(CONST_FLOAT, CREP_RAT);
	c.u.big = b;
	return c;
}

/* floatVal{f} (f finite), rounded to PREC bits */
static Const freeze_float(Arena *a, mpfr_srcptr f)
{
	BigFloat *b = arena_alloc(a, sizeof(BigFloat));
	mpfr_custom_init(b->d, PREC);
	mpfr_custom_init_set(&b->f, MPFR_ZERO_KIND, 0, PREC, b->d);
	mpfr_set(&b->f, f, MPFR_RNDN);
	Const c = mk(CONST_FLOAT, CREP_FLOAT);
	c.u.big = b;
	return c;
}

static size_t zbitlen(mpz_srcptr z) { return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2); }

/* makeFloat */
static Const make_float(Arena *a, mpfr_srcptr f)
{
	if (mpfr_nan_p(f))
		misuse("NaN");
	if (mpfr_inf_p(f))
		return const_unknown();
	if (mpfr_zero_p(f)) {
		FTmp t;
		mpfr_ptr z = ftmp(&t, PREC);
		mpfr_set_zero(z, 1);
		return freeze_float(a, z);
	}
	return freeze_float(a, f);
}

/* makeRat */
static Const make_rat(Arena *a, mpq_srcptr q)
{
	if (zbitlen(mpq_numref(q)) < MAXEXP && zbitlen(mpq_denref(q)) < MAXEXP)
		return freeze_rat(a, q);
	FTmp t;
	mpfr_ptr f = ftmp(&t, PREC);
	mpfr_set_q(f, q, MPFR_RNDN);
	return make_float(a, f);
}

static Const make_complex(Arena *a, Const re, Const im)
{
	if (re.kind == CONST_UNKNOWN || im.kind == CONST_UNKNOWN)
		return const_unknown();
	Const *p = arena_alloc(a, 2 * sizeof(Const));
	p[0] = re;
	p[1] = im;
	Const c = mk(CONST_COMPLEX, CREP_COMPLEX);
	c.u.c = p;
	return c;
}

/* smallFloat: the exponent is small enough for an exact fraction */
static bool small_float(mpfr_srcptr f)
{
	if (mpfr_inf_p(f) || mpfr_nan_p(f))
		return false;
	if (mpfr_zero_p(f))
		return true;
	mpfr_exp_t e = mpfr_get_exp(f);
	return -MAXEXP < e && e < MAXEXP;
}

/* ---- read-only views of operands in a wider representation ---- */

typedef struct ZView {
	__mpz_struct z;
	mp_limb_t d[1];
} ZView;
static mpz_srcptr zview(ZView *v, int64_t i)
{
	uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
	v->d[0] = u;
	return mpz_roinit_n(&v->z, v->d, i < 0 ? -1 : i > 0 ? 1 : 0);
}
static mpz_srcptr as_z(ZView *v, Const x)
{
	if (x.rep == CREP_INT64)
		return zview(v, x.u.i);
	if (x.rep == CREP_INT)
		return ZV(x);
	misuse("not an Int");
}

typedef struct QView {
	__mpq_struct q;
	mp_limb_t d[2];
} QView;
static mp_limb_t one_limb = 1;
static mpq_srcptr as_q(QView *v, Const x)
{
	if (x.rep == CREP_RAT)
		return QV(x);
	if (x.rep == CREP_INT64) {
		uint64_t u = x.u.i < 0 ? -(uint64_t)x.u.i : (uint64_t)x.u.i;
		v->d[0] = u;
		mpz_roinit_n(mpq_numref(&v->q), v->d, x.u.i < 0 ? -1 : x.u.i > 0 ? 1 : 0);
	} else if (x.rep == CREP_INT) {
		*mpq_numref(&v->q) = *ZV(x);
	} else
		misuse("not an Int or Float");
	mpz_roinit_n(mpq_denref(&v->q), &one_limb, 1);
	return &v->q;
}

/* i64tof, itof, rtof: the value rounded to PREC bits */
static mpfr_srcptr as_f(FTmp *t, Const x)
{
	if (x.rep == CREP_FLOAT)
		return FV(x);
	mpfr_ptr f = ftmp(t, PREC);
	switch (x.rep) {
	case CREP_INT64: mpfr_set_si(f, x.u.i, MPFR_RNDN); break;
	case CREP_INT: mpfr_set_z(f, ZV(x), MPFR_RNDN); break;
	case CREP_RAT: mpfr_set_q(f, QV(x), MPFR_RNDN); break;
	default: misuse("not numeric");
	}
	return f;
}

/* ---- factories ---- */

Const const_unknown(void) { return mk(CONST_UNKNOWN, CREP_UNKNOWN); }

Const const_bool(bool b)
{
	Const c = mk(CONST_BOOL, CREP_BOOL);
	c.u.b = b;
	return c;
}

Const const_string(Arena *a, const char *s, size_t n)
{
	Const c = mk(CONST_STRING, CREP_STRING);
	if (n > UINT32_MAX)
		fatal("string constant too long");
	c.len = (uint32_t)n;
	c.u.s = arena_strndup(a, s, n);
	return c;
}

Const const_int64(int64_t x)
{
	Const c = mk(CONST_INT, CREP_INT64);
	c.u.i = x;
	return c;
}

Const const_uint64(Arena *a, uint64_t x)
{
	INIT();
	if (x < (uint64_t)1 << 63)
		return const_int64((int64_t)x);
	mpz_set_ui(Z1, x);
	return make_int(a, Z1);
}

Const const_float64(Arena *a, double x)
{
	INIT();
	if (isinf(x) || isnan(x))
		return const_unknown();
	/* finite doubles are always "small" (exponent within ±1074) */
	mpq_set_d(Q1, x + 0.0);
	return freeze_rat(a, Q1);
}

/* ---- literals ---- */

static int digit_val(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

static int lower(int c) { return c | ('x' - 'X'); }

/* strconv's underscoreOK: '_' only between digits or after a base prefix */
static bool underscore_ok(const char *s, size_t n)
{
	char saw = '^';
	size_t i = 0;
	bool hex = false;
	if (n >= 2 && s[0] == '0') {
		int c = lower(s[1]);
		if (c == 'b' || c == 'o' || c == 'x') {
			i = 2;
			saw = '0';
			hex = c == 'x';
		}
	}
	for (; i < n; i++) {
		char c = s[i];
		if ((c >= '0' && c <= '9') || (hex && digit_val(c) < 16)) {
			saw = '0';
			continue;
		}
		if (c == '_') {
			if (saw != '0')
				return false;
			saw = '_';
			continue;
		}
		if (saw == '_')
			return false;
		saw = '!';
	}
	return saw != '_';
}

static bool parse_int(Arena *a, const char *s, size_t n, Const *out)
{
	if (n == 0 || !underscore_ok(s, n))
		return false;
	int base = 10;
	size_t i = 0;
	if (n >= 2 && s[0] == '0') {
		switch (lower(s[1])) {
		case 'x': base = 16; i = 2; break;
		case 'b': base = 2; i = 2; break;
		case 'o': base = 8; i = 2; break;
		default: base = 8; i = 1; break;
		}
	}
	char small[64], *dig = n < sizeof small ? small : xmalloc(n + 1);
	size_t nd = 0;
	uint64_t v = 0;
	bool fits = true;
	for (; i < n; i++) {
		if (s[i] == '_')
			continue;
		int d = digit_val((unsigned char)s[i]);
		if (d >= base)
			goto bad;
		dig[nd++] = s[i];
		if (fits) {
			if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
				fits = false;
			else
				v = v * (uint64_t)base + (uint64_t)d;
		}
	}
	if (nd == 0)
		goto bad;
	if (fits && v <= (uint64_t)INT64_MAX) {
		*out = const_int64((int64_t)v);
	} else {
		dig[nd] = 0;
		mpz_set_str(Z1, dig, base);
		*out = make_int(a, Z1);
	}
	if (dig != small)
		free(dig);
	return true;
bad:
	if (dig != small)
		free(dig);
	return false;
}

/* big.Float's pow5 at z's precision (576), with 640-bit squares */
static void pow5(mpfr_ptr z, uint64_t n)
{
	enum { M = 27 };
	uint64_t p = 1;
	if (n <= M) {
		for (uint64_t i = 0; i < n; i++)
			p *= 5;
		mpfr_set_ui(z, p, MPFR_RNDN);
		return;
	}
	for (int i = 0; i < M; i++)
		p *= 5;
	mpfr_set_ui(z, p, MPFR_RNDN);
	n -= M;
	FTmp ft;
	mpfr_ptr f = ftmp(&ft, mpfr_get_prec(z) + 64);
	mpfr_set_ui(f, 5, MPFR_RNDN);
	while (n > 0) {
		if (n & 1)
			mpfr_mul(z, z, f, MPFR_RNDN);
		mpfr_mul(f, f, f, MPFR_RNDN);
		n >>= 1;
	}
}

/* makeFloatFromLiteral: big.Float's SetString at 512 bits (reproducing its
 * rounding steps), then an exact fraction if the exponent is moderate. */
static bool parse_float(Arena *a, const char *s, size_t n, Const *out)
{
	if (n == 0 || !underscore_ok(s, n))
		return false;
	int base = 10;
	size_t i = 0;
	if (n >= 2 && s[0] == '0') {
		switch (lower(s[1])) {
		case 'x': base = 16; i = 2; break;
		case 'b': base = 2; i = 2; break;
		case 'o': base = 8; i = 2; break;
		}
	}
	char small[128], *dig = n < sizeof small ? small : xmalloc(n + 1);
	size_t nd = 0;
	int64_t fcount = 0;
	bool point = false;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '_')
			continue;
		if (c == '.') {
			if (point)
				goto bad;
			point = true;
			continue;
		}
		int d = digit_val((unsigned char)c);
		if (d >= base)
			break;
		dig[nd++] = c;
		if (point)
			fcount++;
	}
	if (nd == 0)
		goto bad;
	dig[nd] = 0;
	int64_t exp = 0;
	int ebase = 10;
	if (i < n) {
		int c = lower(s[i]);
		if (c == 'e' && base == 10)
			ebase = 10;
		else if (c == 'p')
			ebase = 2;
		else
			goto bad;
		i++;
		bool neg = false;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		if (i >= n)
			goto bad;
		for (; i < n; i++) {
			if (s[i] == '_')
				continue;
			if (s[i] < '0' || s[i] > '9')
				goto bad;
			if (exp > (INT64_MAX - 9) / 10)
				goto bad;
			exp = exp * 10 + (s[i] - '0');
		}
		if (neg)
			exp = -exp;
	}
	mpz_set_str(Z1, dig, base);
	if (dig != small)
		free(dig);
	dig = small;
	if (mpz_sgn(Z1) == 0) {
		*out = const_float64(a, 0);
		return true;
	}
	/* value = Z1 * 2^e2 * 5^exp5, with exp2 = e2 + bitlen(Z1) the binary exponent */
	int64_t bl = (int64_t)zbitlen(Z1);
	int64_t e2 = 0, exp5 = 0;
	switch (base) {
	case 10: exp5 = -fcount; e2 = -fcount; break;
	case 2: e2 = -fcount; break;
	case 8: e2 = -3 * fcount; break;
	case 16: e2 = -4 * fcount; break;
	}
	if (ebase == 10)
		exp5 += exp;
	e2 += exp;
	int64_t exp2 = e2 + bl;
	if (exp2 < INT32_MIN || exp2 > INT32_MAX)
		return false; /* big: "exponent overflow" */

	mpfr_t exact;
	mpfr_init2(exact, bl < MPFR_PREC_MIN ? MPFR_PREC_MIN : (mpfr_prec_t)bl);
	mpfr_set_z_2exp(exact, Z1, (mpfr_exp_t)e2, MPFR_RNDN);
	if (exp5 == 0) {
		mpfr_set(F1, exact, MPFR_RNDN);
	} else {
		FTmp pt;
		mpfr_ptr p = ftmp(&pt, PREC + 64);
		pow5(p, exp5 < 0 ? -(uint64_t)exp5 : (uint64_t)exp5);
		if (exp5 < 0)
			mpfr_div(F1, exact, p, MPFR_RNDN);
		else
			mpfr_mul(F1, exact, p, MPFR_RNDN);
	}
	mpfr_clear(exact);

	if (small_float(F1)) {
		if (mpfr_zero_p(F1)) {
			*out = const_float64(a, 0);
			return true;
		}
		uint64_t a5 = exp5 < 0 ? -(uint64_t)exp5 : (uint64_t)exp5;
		if (a5 <= 1000000) { /* big.Rat refuses larger decimal exponents */
			mpz_set(mpq_numref(Q1), Z1);
			mpz_set_ui(mpq_denref(Q1), 1);
			if (e2 > 0)
				mpz_mul_2exp(mpq_numref(Q1), mpq_numref(Q1), (mp_bitcnt_t)e2);
			else if (e2 < 0)
				mpz_mul_2exp(mpq_denref(Q1), mpq_denref(Q1), (mp_bitcnt_t)-e2);
			if (exp5 != 0) {
				mpz_ui_pow_ui(Z2, 5, a5);
				if (exp5 > 0)
					mpz_mul(mpq_numref(Q1), mpq_numref(Q1), Z2);
				else
					mpz_mul(mpq_denref(Q1), mpq_denref(Q1), Z2);
			}
			mpq_canonicalize(Q1);
			*out = freeze_rat(a, Q1);
			return true;
		}
	}
	*out = make_float(a, F1);
	return true;
bad:
	if (dig != small)
		free(dig);
	return false;
}

/* UTF-8 decoding as Go's utf8.DecodeRune: invalid → (0xFFFD, 1) */
static uint32_t decode_rune(const unsigned char *s, size_t n, size_t *width)
{
	*width = 1;
	if (n == 0)
		return 0xFFFD;
	unsigned c = s[0];
	if (c < 0x80)
		return c;
	size_t need;
	uint32_t r, min;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2, r = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3, r = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4, r = c & 0x07, min = 0x10000;
	} else
		return 0xFFFD;
	if (n < need)
		return 0xFFFD;
	for (size_t k = 1; k < need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0xFFFD;
		r = r << 6 | (s[k] & 0x3F);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		return 0xFFFD;
	*width = need;
	return r;
}

static size_t encode_rune(char *p, uint32_t r)
{
	if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		p[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		p[0] = (char)(0xC0 | r >> 6);
		p[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		p[0] = (char)(0xE0 | r >> 12);
		p[1] = (char)(0x80 | (r >> 6 & 0x3F));
		p[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | r >> 18);
	p[1] = (char)(0x80 | (r >> 12 & 0x3F));
	p[2] = (char)(0x80 | (r >> 6 & 0x3F));
	p[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}

/* strconv.UnquoteChar: one character or escape of s (quote is ' or ").
 * Returns the number of bytes used, 0 on a syntax error. */
static size_t unquote_char(const char *s, size_t n, char quote, uint32_t *r, bool *multibyte)
{
	if (n == 0)
		return 0;
	unsigned char c = (unsigned char)s[0];
	*multibyte = false;
	if (c == (unsigned char)quote)
		return 0;
	if (c >= 0x80) {
		size_t w;
		*r = decode_rune((const unsigned char *)s, n, &w);
		*multibyte = true;
		return w;
	}
	if (c != '\\') {
		*r = c;
		return 1;
	}
	if (n <= 1)
		return 0;
	c = (unsigned char)s[1];
	switch (c) {
	case 'a': *r = 7; return 2;
	case 'b': *r = 8; return 2;
	case 'f': *r = 12; return 2;
	case 'n': *r = 10; return 2;
	case 'r': *r = 13; return 2;
	case 't': *r = 9; return 2;
	case 'v': *r = 11; return 2;
	case 'x':
	case 'u':
	case 'U': {
		size_t k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		if (n < 2 + k)
			return 0;
		uint32_t v = 0;
		for (size_t j = 0; j < k; j++) {
			int d = digit_val((unsigned char)s[2 + j]);
			if (d >= 16)
				return 0;
			v = v << 4 | (uint32_t)d;
		}
		if (c == 'x') {
			*r = v;
			return 2 + k;
		}
		if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*r = v;
		*multibyte = true;
		return 2 + k;
	}
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
		if (n < 4)
			return 0;
		uint32_t v = 0;
		for (size_t j = 1; j < 4; j++) {
			int d = s[j] - '0';
			if (d < 0 || d > 7)
				return 0;
			v = v << 3 | (uint32_t)d;
		}
		if (v > 255)
			return 0;
		*r = v;
		return 4;
	}
	case '\\':
		*r = '\\';
		return 2;
	case '\'':
	case '"':
		if (c != (unsigned char)quote)
			return 0;
		*r = c;
		return 2;
	default:
		return 0;
	}
}

/* strconv.Unquote of a string literal */
static bool unquote_string(Arena *a, const char *s, size_t n, Const *out)
{
	if (n < 2 || s[0] != s[n - 1])
		return false;
	const char *in = s + 1;
	size_t m = n - 2;
	Buf b = {0};
	if (s[0] == '`') {
		for (size_t i = 0; i < m; i++) {
			if (in[i] == '`') {
				buf_free(&b);
				return false;
			}
			if (in[i] != '\r')
				buf_putc(&b, in[i]);
		}
	} else if (s[0] == '"') {
		size_t i = 0;
		while (i < m) {
			uint32_t r;
			bool mb;
			if (in[i] == '\n') {
				buf_free(&b);
				return false;
			}
			size_t w = unquote_char(in + i, m - i, '"', &r, &mb);
			if (w == 0) {
				buf_free(&b);
				return false;
			}
			i += w;
			if (r < 0x80 || !mb) {
				buf_putc(&b, (char)r);
			} else {
				char enc[4];
				buf_put(&b, enc, encode_rune(enc, r));
			}
		}
	} else
		return false;
	*out = const_string(a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return true;
}

Const const_from_literal(Arena *a, Token tok, const char *lit, size_t n)
{
	INIT();
	Const c;
	switch (tok) {
	case TOK_INT:
		if (parse_int(a, lit, n, &c))
			return c;
		break;
	case TOK_FLOAT:
		if (parse_float(a, lit, n, &c))
			return c;
		break;
	case TOK_IMAG:
		if (n > 0 && lit[n - 1] == 'i' && parse_float(a, lit, n - 1, &c))
			return make_complex(a, const_int64(0), c);
		break;
	case TOK_CHAR:
		if (n >= 2) {
			uint32_t r;
			bool mb;
			if (unquote_char(lit + 1, n - 2, '\'', &r, &mb))
				return const_int64(r);
		}
		break;
	case TOK_STRING:
		if (unquote_string(a, lit, n, &c))
			return c;
		break;
	default:
		misuse("literal of a bad token");
	}
	return const_unknown();
}

/* ---- accessors ---- */

bool const_bool_val(Const x)
{
	if (x.rep == CREP_BOOL)
		return x.u.b;
	if (x.rep == CREP_UNKNOWN)
		return false;
	misuse("not a Bool");
}

const char *const_string_val(Const x, size_t *len)
{
	if (x.rep == CREP_STRING) {
		*len = x.len;
		return x.u.s;
	}
	if (x.rep == CREP_UNKNOWN) {
		*len = 0;
		return "";
	}
	misuse("not a String");
}

static uint64_t low64(mpz_srcptr z) { return mpz_size(z) ? mpz_getlimbn(z, 0) : 0; }

int64_t const_int64_val(Const x, bool *exact)
{
	switch (x.rep) {
	case CREP_INT64:
		*exact = true;
		return x.u.i;
	case CREP_INT: {
		*exact = false;
		uint64_t u = low64(ZV(x));
		return (int64_t)(mpz_sgn(ZV(x)) < 0 ? -u : u);
	}
	case CREP_UNKNOWN:
		*exact = false;
		return 0;
	}
	misuse("not an Int");
}

uint64_t const_uint64_val(Const x, bool *exact)
{
	switch (x.rep) {
	case CREP_INT64:
		*exact = x.u.i >= 0;
		return (uint64_t)x.u.i;
	case CREP_INT:
		*exact = mpz_sgn(ZV(x)) >= 0 && mpz_sizeinbase(ZV(x), 2) <= 64;
		return low64(ZV(x));
	case CREP_UNKNOWN:
		*exact = false;
		return 0;
	}
	misuse("not an Int");
}

/* Correctly rounded IEEE conversion (bits 32 or 64) of an mpz, mpq or mpfr,
 * with subnormals, as big's Float64/Float32 and Rat's. */
enum { SRC_Z, SRC_Q, SRC_F };
static double to_ieee(int src, const void *p, int bits, bool *exact)
{
	FTmp t;
	mpfr_ptr r = ftmp(&t, bits == 64 ? 53 : 24);
	int tern;
	switch (src) {
	case SRC_Z: tern = mpfr_set_z(r, p, MPFR_RNDN); break;
	case SRC_Q: tern = mpfr_set_q(r, p, MPFR_RNDN); break;
	default: tern = mpfr_set(r, p, MPFR_RNDN); break;
	}
	mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
	mpfr_set_emin(bits == 64 ? -1073 : -148);
	mpfr_set_emax(bits == 64 ? 1024 : 128);
	tern = mpfr_check_range(r, tern, MPFR_RNDN);
	mpfr_subnormalize(r, tern, MPFR_RNDN);
	mpfr_set_emin(emin);
	mpfr_set_emax(emax);
	double d = mpfr_get_d(r, MPFR_RNDN);
	if (exact) {
		if (mpfr_inf_p(r))
			*exact = false;
		else if (src == SRC_Z)
			*exact = mpfr_cmp_z(r, p) == 0;
		else if (src == SRC_Q)
			*exact = mpfr_cmp_q(r, p) == 0;
		else
			*exact = mpfr_cmp(r, p) == 0;
	}
	return d;
}

/* big.Rat's Float64/Float32 (quotToFloat64/32), reproduced with its
 * rounding and its idea of exactness (a far underflow of a power of two
 * counts as exact). */
static double quot_to_float(mpq_srcptr q, int bits, bool *exact)
{
	const int msize = bits == 64 ? 52 : 23, msize1 = msize + 1, msize2 = msize1 + 1;
	const int esize = bits - msize1, ebias = (1 << (esize - 1)) - 1, emin = 1 - ebias;
	mpz_srcptr b = mpq_denref(q);
	mpz_abs(Z1, mpq_numref(q));
	int64_t alen = (int64_t)zbitlen(Z1), blen = (int64_t)zbitlen(b);
	if (alen == 0) {
		*exact = true;
		return 0;
	}
	int64_t exp = alen - blen, shift = msize2 - exp;
	mpz_set(Z2, b);
	if (shift > 0)
		mpz_mul_2exp(Z1, Z1, (mp_bitcnt_t)shift);
	else if (shift < 0)
		mpz_mul_2exp(Z2, Z2, (mp_bitcnt_t)-shift);
	mpz_tdiv_qr(Z3, Z1, Z1, Z2);
	uint64_t mant = low64(Z3);
	bool rem = mpz_sgn(Z1) != 0;
	if (mant >> msize2 == 1) {
		if (mant & 1)
			rem = true;
		mant >>= 1;
		exp++;
	}
	if (emin - msize <= exp && exp <= emin) {
		unsigned sh = (unsigned)(emin - (exp - 1));
		uint64_t lost = mant & (((uint64_t)1 << sh) - 1);
		rem = rem || lost != 0;
		mant >>= sh;
		exp = 2 - ebias;
	}
	*exact = !rem;
	if (mant & 1) {
		*exact = false;
		if (rem || (mant & 2)) {
			if (++mant >= (uint64_t)1 << msize2) {
				mant >>= 1;
				exp++;
			}
		}
	}
	mant >>= 1;
	double f;
	int64_t e = exp - msize1;
	e = e < -100000 ? -100000 : e > 100000 ? 100000 : e;
	if (bits == 64)
		f = ldexp((double)mant, (int)e);
	else
		f = (float)ldexp((double)mant, (int)e);
	if (isinf(f))
		*exact = false;
	return mpq_sgn(q) < 0 ? -f : f;
}

static double to_float(Const x, int bits, bool *exact)
{
	INIT();
	switch (x.rep) {
	case CREP_INT64:
		if (bits == 64) {
			double f = (double)x.u.i;
			*exact = f < 0x1p63 && (int64_t)f == x.u.i;
			return f;
		} else {
			float f = (float)x.u.i;
			*exact = f < 0x1p63f && (int64_t)f == x.u.i;
			return f;
		}
	case CREP_INT: {
		FTmp t;
		return to_ieee(SRC_F, as_f(&t, x), bits, exact);
	}
	case CREP_RAT: return quot_to_float(QV(x), bits, exact);
	case CREP_FLOAT: return to_ieee(SRC_F, FV(x), bits, exact);
	case CREP_UNKNOWN: *exact = false; return 0;
	}
	misuse("not a Float");
}

float const_float32_val(Const x, bool *exact) { return (float)to_float(x, 32, exact); }
double const_float64_val(Const x, bool *exact) { return to_float(x, 64, exact); }

int const_bitlen(Const x)
{
	switch (x.rep) {
	case CREP_INT64: {
		uint64_t u = x.u.i < 0 ? -(uint64_t)x.u.i : (uint64_t)x.u.i;
		return u ? 64 - __builtin_clzll(u) : 0;
	}
	case CREP_INT: return (int)zbitlen(ZV(x));
	case CREP_UNKNOWN: return 0;
	}
	misuse("not an Int");
}

int const_sign(Const x)
{
	switch (x.rep) {
	case CREP_INT64: return x.u.i < 0 ? -1 : x.u.i > 0;
	case CREP_INT: return mpz_sgn(ZV(x));
	case CREP_RAT: return mpq_sgn(QV(x));
	case CREP_FLOAT: return mpfr_sgn(FV(x));
	case CREP_COMPLEX: return const_sign(x.u.c[0]) | const_sign(x.u.c[1]);
	case CREP_UNKNOWN: return 1;
	}
	misuse("not numeric");
}

/* the exact fraction of a small float */
static void float_to_q(mpq_ptr q, mpfr_srcptr f)
{
	if (mpfr_zero_p(f)) {
		mpq_set_ui(q, 0, 1);
		return;
	}
	mpfr_exp_t e = mpfr_get_z_2exp(mpq_numref(q), f);
	mpz_set_ui(mpq_denref(q), 1);
	if (e > 0)
		mpz_mul_2exp(mpq_numref(q), mpq_numref(q), (mp_bitcnt_t)e);
	else if (e < 0)
		mpz_mul_2exp(mpq_denref(q), mpq_denref(q), (mp_bitcnt_t)-e);
	mpq_canonicalize(q);
}

Const const_num(Arena *a, Const x)
{
	INIT();
	switch (x.rep) {
	case CREP_INT64:
	case CREP_INT: return x;
	case CREP_RAT: return make_int(a, mpq_numref(QV(x)));
	case CREP_FLOAT:
		if (small_float(FV(x))) {
			float_to_q(Q1, FV(x));
			return make_int(a, mpq_numref(Q1));
		}
		return const_unknown();
	case CREP_UNKNOWN: return x;
	}
	misuse("not Int or Float");
}

Const const_denom(Arena *a, Const x)
{
	INIT();
	switch (x.rep) {
	case CREP_INT64:
	case CREP_INT: return const_int64(1);
	case CREP_RAT: return make_int(a, mpq_denref(QV(x)));
	case CREP_FLOAT:
		if (small_float(FV(x))) {
			float_to_q(Q1, FV(x));
			return make_int(a, mpq_denref(Q1));
		}
		return const_unknown();
	case CREP_UNKNOWN: return x;
	}
	misuse("not Int or Float");
}

Const const_make_imag(Arena *a, Const x)
{
	switch (x.rep) {
	case CREP_UNKNOWN: return x;
	case CREP_INT64:
	case CREP_INT:
	case CREP_RAT:
	case CREP_FLOAT: return make_complex(a, const_int64(0), x);
	}
	misuse("not Int or Float");
}

Const const_real(Const x)
{
	switch (x.rep) {
	case CREP_UNKNOWN:
	case CREP_INT64:
	case CREP_INT:
	case CREP_RAT:
	case CREP_FLOAT: return x;
	case CREP_COMPLEX: return x.u.c[0];
	}
	misuse("not numeric");
}

Const const_imag(Const x)
{
	switch (x.rep) {
	case CREP_UNKNOWN: return x;
	case CREP_INT64:
	case CREP_INT:
	case CREP_RAT:
	case CREP_FLOAT: return const_int64(0);
	case CREP_COMPLEX: return x.u.c[1];
	}
	misuse("not numeric");
}

/* ---- conversions ---- */

Const const_to_int(Arena *a, Const x)
{
	INIT();
	switch (x.rep) {
	case CREP_INT64:
	case CREP_INT: return x;
	case CREP_RAT:
		if (mpz_cmp_ui(mpq_denref(QV(x)), 1) == 0)
			return make_int(a, mpq_numref(QV(x)));
		break;
	case CREP_FLOAT: {
		mpfr_srcptr f = FV(x);
		if (!small_float(f))
			break;
		if (mpfr_integer_p(f)) {
			mpfr_get_z(Z1, f, MPFR_RNDN);
			return make_int(a, Z1);
		}
		/* Values within a few bits of an integer are taken to be that
		 * integer (errors of earlier rounding), as go/constant does. */
		FTmp tt;
		mpfr_ptr t = ftmp(&tt, PREC - 4);
		mpfr_set(t, f, MPFR_RNDZ);
		if (mpfr_integer_p(t)) {
			mpfr_get_z(Z1, t, MPFR_RNDN);
			return make_int(a, Z1);
		}
		mpfr_set(t, f, MPFR_RNDA);
		if (mpfr_integer_p(t)) {
			mpfr_get_z(Z1, t, MPFR_RNDN);
			return make_int(a, Z1);
		}
		break;
	}
	case CREP_COMPLEX: {
		Const re = const_to_float(a, x);
		if (re.kind == CONST_FLOAT)
			return const_to_int(a, re);
		break;
	}
	}
	return const_unknown();
}

Const const_to_float(Arena *a, Const x)
{
	INIT();
	switch (x.rep) {
	case CREP_INT64: {
		QView v;
		return freeze_rat(a, as_q(&v, x));
	}
	case CREP_INT:
		if (zbitlen(ZV(x)) < MAXEXP) {
			QView v;
			return freeze_rat(a, as_q(&v, x));
		} else {
			FTmp t;
			return freeze_float(a, as_f(&t, x));
		}
	case CREP_RAT:
	case CREP_FLOAT: return x;
	case CREP_COMPLEX:
		if (const_sign(x.u.c[1]) == 0)
			return const_to_float(a, x.u.c[0]);
		break;
	}
	return const_unknown();
}

Const const_to_complex(Arena *a, Const x)
{
	switch (x.rep) {
	case CREP_INT64:
	case CREP_INT:
	case CREP_RAT:
	case CREP_FLOAT: return make_complex(a, x, const_int64(0));
	case CREP_COMPLEX: return x;
	}
	return const_unknown();
}

/* ---- operations ---- */

Const const_unary(Arena *a, Token op, Const y, unsigned prec)
{
	INIT();
	switch (op) {
	case TOK_ADD:
		if (y.rep == CREP_UNKNOWN || (y.rep >= CREP_INT64 && y.rep <= CREP_COMPLEX))
			return y;
		break;
	case TOK_SUB:
		switch (y.rep) {
		case CREP_UNKNOWN: return y;
		case CREP_INT64:
			if (y.u.i != INT64_MIN)
				return const_int64(-y.u.i);
			mpz_set_si(Z1, y.u.i);
			mpz_neg(Z1, Z1);
			return make_int(a, Z1);
		case CREP_INT:
			mpz_neg(Z1, ZV(y));
			return make_int(a, Z1);
		case CREP_RAT:
			mpq_neg(Q1, QV(y));
			return make_rat(a, Q1);
		case CREP_FLOAT:
			mpfr_neg(F1, FV(y), MPFR_RNDN);
			return make_float(a, F1);
		case CREP_COMPLEX: {
			Const re = const_unary(a, TOK_SUB, y.u.c[0], 0);
			Const im = const_unary(a, TOK_SUB, y.u.c[1], 0);
			return make_complex(a, re, im);
		}
		}
		break;
	case TOK_XOR:
		if (y.rep == CREP_UNKNOWN)
			return y;
		if (y.rep == CREP_INT64 && prec == 0)
			return const_int64(~y.u.i);
		if (y.rep != CREP_INT64 && y.rep != CREP_INT)
			break;
		{
			ZView v;
			mpz_com(Z1, as_z(&v, y));
			if (prec > 0) /* z &^= -1 << prec */
				mpz_fdiv_r_2exp(Z1, Z1, prec);
			return make_int(a, Z1);
		}
	case TOK_NOT:
		if (y.rep == CREP_UNKNOWN)
			return y;
		if (y.rep == CREP_BOOL)
			return const_bool(!y.u.b);
		break;
	default:
		break;
	}
	misuse("unary operation");
}

/* go/constant's ord(): the order of match() */
static int ord(Const x)
{
	switch (x.rep) {
	case CREP_UNKNOWN: return 0;
	case CREP_BOOL:
	case CREP_STRING: return 1;
	default: return x.rep - CREP_INT64 + 2;
	}
}

static Const bin_int64(Arena *a, int64_t x, Token op, int64_t y)
{
	int64_t c;
	switch (op) {
	case TOK_ADD:
		if (__builtin_add_overflow(x, y, &c))
			goto big;
		return const_int64(c);
	case TOK_SUB:
		if (__builtin_sub_overflow(x, y, &c))
			goto big;
		return const_int64(c);
	case TOK_MUL:
		if (__builtin_mul_overflow(x, y, &c))
			goto big;
		return const_int64(c);
	case TOK_QUO_ASSIGN:
		if (y == 0)
			misuse("integer division by zero");
		if (x == INT64_MIN && y == -1)
			return const_int64(x); /* as go/constant (int64 wraps) */
		return const_int64(x / y);
	case TOK_REM:
		if (y == 0)
			misuse("integer division by zero");
		if (y == -1)
			return const_int64(0);
		return const_int64(x % y);
	case TOK_AND: return const_int64(x & y);
	case TOK_OR: return const_int64(x | y);
	case TOK_XOR: return const_int64(x ^ y);
	case TOK_AND_NOT: return const_int64(x & ~y);
	case TOK_QUO: goto big;
	default: misuse("binary operation on Int");
	}
big:;
	ZView vx, vy;
	mpz_srcptr zx = zview(&vx, x), zy = zview(&vy, y);
	switch (op) {
	case TOK_ADD: mpz_add(Z1, zx, zy); break;
	case TOK_SUB: mpz_sub(Z1, zx, zy); break;
	case TOK_MUL: mpz_mul(Z1, zx, zy); break;
	default: /* TOK_QUO */
		if (y == 0)
			misuse("division by zero");
		mpz_set(mpq_numref(Q1), zx);
		mpz_set(mpq_denref(Q1), zy);
		mpq_canonicalize(Q1);
		return make_rat(a, Q1);
	}
	return make_int(a, Z1);
}

static Const bin_int(Arena *a, mpz_srcptr x, Token op, mpz_srcptr y)
{
	if ((op == TOK_QUO || op == TOK_QUO_ASSIGN || op == TOK_REM) && mpz_sgn(y) == 0)
		misuse("division by zero");
	switch (op) {
	case TOK_ADD: mpz_add(Z1, x, y); break;
	case TOK_SUB: mpz_sub(Z1, x, y); break;
	case TOK_MUL: mpz_mul(Z1, x, y); break;
	case TOK_QUO:
		mpz_set(mpq_numref(Q1), x);
		mpz_set(mpq_denref(Q1), y);
		mpq_canonicalize(Q1);
		return make_rat(a, Q1);
	case TOK_QUO_ASSIGN: mpz_tdiv_q(Z1, x, y); break;
	case TOK_REM: mpz_tdiv_r(Z1, x, y); break;
	case TOK_AND: mpz_and(Z1, x, y); break;
	case TOK_OR: mpz_ior(Z1, x, y); break;
	case TOK_XOR: mpz_xor(Z1, x, y); break;
	case TOK_AND_NOT:
		mpz_com(Z2, y);
		mpz_and(Z1, x, Z2);
		break;
	default: misuse("binary operation on Int");
	}
	return make_int(a, Z1);
}

static Const bin_rat(Arena *a, mpq_srcptr x, Token op, mpq_srcptr y)
{
	switch (op) {
	case TOK_ADD: mpq_add(Q1, x, y); break;
	case TOK_SUB: mpq_sub(Q1, x, y); break;
	case TOK_MUL: mpq_mul(Q1, x, y); break;
	case TOK_QUO:
		if (mpq_sgn(y) == 0)
			misuse("division by zero");
		mpq_div(Q1, x, y);
		break;
	default: misuse("binary operation on Float");
	}
	return make_rat(a, Q1);
}

static Const bin_float(Arena *a, mpfr_srcptr x, Token op, mpfr_srcptr y)
{
	switch (op) {
	case TOK_ADD: mpfr_add(F1, x, y, MPFR_RNDN); break;
	case TOK_SUB: mpfr_sub(F1, x, y, MPFR_RNDN); break;
	case TOK_MUL: mpfr_mul(F1, x, y, MPFR_RNDN); break;
	case TOK_QUO: mpfr_div(F1, x, y, MPFR_RNDN); break;
	default: misuse("binary operation on Float");
	}
	return make_float(a, F1);
}

static Const bin_complex(Arena *a, Const x, Token op, Const y)
{
	Const re, im;
	Const xa = const_real(x), xb = const_imag(x), yc = const_real(y), yd = const_imag(y);
	switch (op) {
	case TOK_ADD:
		re = const_binary(a, xa, TOK_ADD, yc);
		im = const_binary(a, xb, TOK_ADD, yd);
		break;
	case TOK_SUB:
		re = const_binary(a, xa, TOK_SUB, yc);
		im = const_binary(a, xb, TOK_SUB, yd);
		break;
	case TOK_MUL: {
		Const ac = const_binary(a, xa, TOK_MUL, yc);
		Const bd = const_binary(a, xb, TOK_MUL, yd);
		Const bc = const_binary(a, xb, TOK_MUL, yc);
		Const ad = const_binary(a, xa, TOK_MUL, yd);
		re = const_binary(a, ac, TOK_SUB, bd);
		im = const_binary(a, bc, TOK_ADD, ad);
		break;
	}
	case TOK_QUO: {
		Const ac = const_binary(a, xa, TOK_MUL, yc);
		Const bd = const_binary(a, xb, TOK_MUL, yd);
		Const bc = const_binary(a, xb, TOK_MUL, yc);
		Const ad = const_binary(a, xa, TOK_MUL, yd);
		Const cc = const_binary(a, yc, TOK_MUL, yc);
		Const dd = const_binary(a, yd, TOK_MUL, yd);
		Const s = const_binary(a, cc, TOK_ADD, dd);
		re = const_binary(a, const_binary(a, ac, TOK_ADD, bd), TOK_QUO, s);
		im = const_binary(a, const_binary(a, bc, TOK_SUB, ad), TOK_QUO, s);
		break;
	}
	default: misuse("binary operation on Complex");
	}
	return make_complex(a, re, im);
}

Const const_binary(Arena *a, Const x, Token op, Const y)
{
	INIT();
	int ox = ord(x), oy = ord(y);
	int o = ox > oy ? ox : oy;
	if (ox == 0 || oy == 0)
		return const_unknown();
	switch (o) {
	case 1:
		if (x.rep == CREP_BOOL && y.rep == CREP_BOOL) {
			if (op == TOK_LAND)
				return const_bool(x.u.b && y.u.b);
			if (op == TOK_LOR)
				return const_bool(x.u.b || y.u.b);
		}
		if (x.rep == CREP_STRING && y.rep == CREP_STRING && op == TOK_ADD) {
			Const c = mk(CONST_STRING, CREP_STRING);
			size_t n = (size_t)x.len + y.len;
			if (n > UINT32_MAX)
				fatal("string constant too long");
			char *p = arena_alloc(a, n + 1);
			memcpy(p, x.u.s, x.len);
			memcpy(p + x.len, y.u.s, y.len);
			c.len = (uint32_t)n;
			c.u.s = p;
			return c;
		}
		break;
	case 2:
		if (x.rep == CREP_INT64 && y.rep == CREP_INT64)
			return bin_int64(a, x.u.i, op, y.u.i);
		break;
	case 3: {
		if (ox < 2 || oy < 2)
			break;
		ZView vx, vy;
		return bin_int(a, as_z(&vx, x), op, as_z(&vy, y));
	}
	case 4: {
		if (ox < 2 || oy < 2)
			break;
		QView vx, vy;
		return bin_rat(a, as_q(&vx, x), op, as_q(&vy, y));
	}
	case 5: {
		if (ox < 2 || oy < 2)
			break;
		FTmp tx, ty;
		mpfr_srcptr fx = as_f(&tx, x), fy = as_f(&ty, y);
		if (op == TOK_QUO && mpfr_zero_p(fy) && mpfr_zero_p(fx))
			misuse("0/0");
		return bin_float(a, fx, op, fy);
	}
	case 6:
		if (ox < 2 || oy < 2)
			break;
		return bin_complex(a, x, op, y);
	}
	misuse("binary operation");
}

Const const_shift(Arena *a, Const x, Token op, uint64_t s)
{
	INIT();
	switch (x.rep) {
	case CREP_UNKNOWN: return x;
	case CREP_INT64:
		if (s == 0)
			return x;
		if (op == TOK_SHR) {
			if (s >= 64)
				return const_int64(x.u.i < 0 ? -1 : 0);
			return const_int64(x.u.i < 0 ? ~(~x.u.i >> s) : x.u.i >> s);
		}
		/* fallthrough */
	case CREP_INT: {
		if (s == 0)
			return x;
		ZView v;
		mpz_srcptr z = as_z(&v, x);
		if (op == TOK_SHL)
			mpz_mul_2exp(Z1, z, s);
		else if (op == TOK_SHR)
			mpz_fdiv_q_2exp(Z1, z, s);
		else
			break;
		return make_int(a, Z1);
	}
	}
	misuse("shift");
}

static bool cmp_zero(int c, Token op)
{
	switch (op) {
	case TOK_EQL: return c == 0;
	case TOK_NEQ: return c != 0;
	case TOK_LSS: return c < 0;
	case TOK_LEQ: return c <= 0;
	case TOK_GTR: return c > 0;
	case TOK_GEQ: return c >= 0;
	default: misuse("comparison operator");
	}
}

bool const_compare(Const x, Token op, Const y)
{
	INIT();
	int ox = ord(x), oy = ord(y);
	int o = ox > oy ? ox : oy;
	if (ox == 0 || oy == 0) {
		/* go/constant widens Unknown to (Unknown + 0i) against a complex:
		 * then != is true */
		if (o == 6 && op == TOK_NEQ)
			return true;
		return false;
	}
	switch (o) {
	case 1:
		if (x.rep == CREP_BOOL && y.rep == CREP_BOOL && (op == TOK_EQL || op == TOK_NEQ))
			return cmp_zero(x.u.b != y.u.b, op);
		if (x.rep == CREP_STRING && y.rep == CREP_STRING) {
			size_t n = x.len < y.len ? x.len : y.len;
			int c = memcmp(x.u.s, y.u.s, n);
			if (c == 0)
				c = x.len < y.len ? -1 : x.len > y.len;
			return cmp_zero(c, op);
		}
		break;
	case 2: return cmp_zero(x.u.i < y.u.i ? -1 : x.u.i > y.u.i, op);
	case 3: {
		if (ox < 2 || oy < 2)
			break;
		ZView vx, vy;
		return cmp_zero(mpz_cmp(as_z(&vx, x), as_z(&vy, y)), op);
	}
	case 4: {
		if (ox < 2 || oy < 2)
			break;
		QView vx, vy;
		return cmp_zero(mpq_cmp(as_q(&vx, x), as_q(&vy, y)), op);
	}
	case 5: {
		if (ox < 2 || oy < 2)
			break;
		FTmp tx, ty;
		return cmp_zero(mpfr_cmp(as_f(&tx, x), as_f(&ty, y)), op);
	}
	case 6: {
		if (ox < 2 || oy < 2 || (op != TOK_EQL && op != TOK_NEQ))
			break;
		bool re = const_compare(const_real(x), TOK_EQL, const_real(y));
		bool im = const_compare(const_imag(x), TOK_EQL, const_imag(y));
		return op == TOK_EQL ? re && im : !re || !im;
	}
	}
	misuse("comparison");
}

/* ---- printing ---- */

#include "isprint.inc"

bool go_isprint(uint32_t r)
{
	size_t lo = 0, hi = NELEM(print_ranges);
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (r < print_ranges[m][0])
			hi = m;
		else if (r > print_ranges[m][1])
			lo = m + 1;
		else
			return true;
	}
	return false;
}

static const char hexdig[] = "0123456789abcdef";

void go_quote(Buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	size_t i = 0;
	while (i < n) {
		size_t w;
		uint32_t r = decode_rune((const unsigned char *)s + i, n - i, &w);
		if (w == 1 && r == 0xFFFD) {
			unsigned char c = (unsigned char)s[i];
			buf_putc(b, '\\');
			buf_putc(b, 'x');
			buf_putc(b, hexdig[c >> 4]);
			buf_putc(b, hexdig[c & 15]);
			i++;
			continue;
		}
		i += w;
		if (r == '"' || r == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)r);
			continue;
		}
		if (go_isprint(r)) {
			char enc[4];
			buf_put(b, enc, encode_rune(enc, r));
			continue;
		}
		switch (r) {
		case 7: buf_puts(b, "\\a"); continue;
		case 8: buf_puts(b, "\\b"); continue;
		case 12: buf_puts(b, "\\f"); continue;
		case 10: buf_puts(b, "\\n"); continue;
		case 13: buf_puts(b, "\\r"); continue;
		case 9: buf_puts(b, "\\t"); continue;
		case 11: buf_puts(b, "\\v"); continue;
		}
		if (r < ' ' || r == 0x7f) {
			buf_printf(b, "\\x%c%c", hexdig[r >> 4], hexdig[r & 15]);
		} else if (r < 0x10000) {
			buf_puts(b, "\\u");
			for (int k = 12; k >= 0; k -= 4)
				buf_putc(b, hexdig[r >> k & 15]);
		} else {
			buf_puts(b, "\\U");
			for (int k = 28; k >= 0; k -= 4)
				buf_putc(b, hexdig[r >> k & 15]);
		}
	}
	buf_putc(b, '"');
}

static void put_z(Buf *b, mpz_srcptr z)
{
	size_t n = mpz_sizeinbase(z, 10) + 2;
	buf_grow(b, n + 1);
	mpz_get_str(b->p + b->n, 10, z);
	b->n += strlen(b->p + b->n);
}

/* floatVal.String() */
static void fmt_float(Buf *b, mpfr_srcptr f)
{
	double x = to_ieee(SRC_F, f, 64, NULL);
	if ((mpfr_zero_p(f) != 0) == (x == 0) && !isinf(x)) {
		buf_printf(b, "%.6g", x);
		return;
	}
	/* out of float64 range: an approximate decimal conversion, as Go does */
	FTmp t;
	mpfr_ptr mant = ftmp(&t, PREC);
	mpfr_set(mant, f, MPFR_RNDN);
	long exp = mpfr_get_exp(f);
	mpfr_set_exp(mant, 0); /* 0.5 <= |mant| < 1 */
	double m = to_ieee(SRC_F, mant, 64, NULL);
	double d = (double)exp * 0.30102999566398119521373889472449302676818988146210854131;
	int64_t e = (int64_t)d;
	m *= pow(10, d - (double)e);
	double am = fabs(m);
	if (am < 0.9999995) {
		m *= 10;
		e--;
	} else if (am >= 10) {
		m /= 10;
		e++;
	}
	buf_printf(b, "%.6ge%+lld", m, (long long)e);
}

static void fmt_value(Buf *b, Const x, bool exact)
{
	INIT();
	switch (x.rep) {
	case CREP_UNKNOWN: buf_puts(b, "unknown"); return;
	case CREP_BOOL: buf_puts(b, x.u.b ? "true" : "false"); return;
	case CREP_STRING: {
		if (exact) {
			go_quote(b, x.u.s, x.len);
			return;
		}
		Buf q = {0};
		go_quote(&q, x.u.s, x.len);
		/* more than 72 runes: keep 69, add "..." */
		size_t runes = 0, i = 0, cut = 0;
		while (i < q.n) {
			if (runes == 69)
				cut = i;
			size_t w;
			decode_rune((const unsigned char *)q.p + i, q.n - i, &w);
			i += w;
			runes++;
		}
		if (runes > 72) {
			buf_put(b, q.p, cut);
			buf_puts(b, "...");
		} else
			buf_put(b, q.p, q.n);
		buf_free(&q);
		return;
	}
	case CREP_INT64: buf_printf(b, "%lld", (long long)x.u.i); return;
	case CREP_INT: put_z(b, ZV(x)); return;
	case CREP_RAT:
		if (exact) {
			put_z(b, mpq_numref(QV(x)));
			if (mpz_cmp_ui(mpq_denref(QV(x)), 1) != 0) {
				buf_putc(b, '/');
				put_z(b, mpq_denref(QV(x)));
			}
		} else {
			FTmp t;
			fmt_float(b, as_f(&t, x));
		}
		return;
	case CREP_FLOAT:
		if (!exact) {
			fmt_float(b, FV(x));
			return;
		}
		{
			mpfr_srcptr f = FV(x);
			if (mpfr_zero_p(f)) {
				buf_putc(b, '0');
				return;
			}
			if (mpfr_sgn(f) < 0)
				buf_putc(b, '-');
			mpfr_get_z_2exp(Z3, f);
			mpz_abs(Z3, Z3);
			size_t n = mpz_sizeinbase(Z3, 16) + 2;
			buf_puts(b, "0x.");
			buf_grow(b, n + 1);
			mpz_get_str(b->p + b->n, 16, Z3);
			size_t k = strlen(b->p + b->n);
			while (k > 0 && b->p[b->n + k - 1] == '0')
				k--;
			b->n += k;
			long e = mpfr_get_exp(f);
			buf_printf(b, "p%s%ld", e >= 0 ? "+" : "", e);
		}
		return;
	case CREP_COMPLEX:
		buf_putc(b, '(');
		fmt_value(b, x.u.c[0], exact);
		buf_puts(b, " + ");
		fmt_value(b, x.u.c[1], exact);
		buf_puts(b, "i)");
		return;
	}
}

void const_format(Buf *b, Const x) { fmt_value(b, x, false); }
void const_format_exact(Buf *b, Const x) { fmt_value(b, x, true); }

const char *const_str(Arena *a, Const x)
{
	Buf b = {0};
	fmt_value(&b, x, false);
	const char *s = arena_strndup(a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

const char *const_exact_str(Arena *a, Const x)
{
	Buf b = {0};
	fmt_value(&b, x, true);
	const char *s = arena_strndup(a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

/* ---- the checker's rules ---- */

bool const_untyped_overflows(Const x) { return x.kind == CONST_INT && const_bitlen(x) > CONST_MAX_PREC; }

const char *const_op_name(Token op, bool unary)
{
	if (unary)
		return op == TOK_XOR ? "bitwise complement" : "";
	switch (op) {
	case TOK_ADD: return "addition";
	case TOK_SUB: return "subtraction";
	case TOK_XOR: return "bitwise XOR";
	case TOK_MUL: return "multiplication";
	case TOK_SHL: return "shift";
	default: return "";
	}
}

bool const_round_float(Arena *a, Const x, int bits, Const *out)
{
	bool exact;
	double f = to_float(x, bits, &exact);
	if (isinf(f))
		return false;
	if (out)
		*out = const_float64(a, f);
	return true;
}

static bool is_integer_kind(BasicKind k)
{
	return (k >= BK_INT && k <= BK_UINTPTR) || k == BK_UNTYPED_INT || k == BK_UNTYPED_RUNE;
}
static bool is_float_kind(BasicKind k) { return k == BK_FLOAT32 || k == BK_FLOAT64 || k == BK_UNTYPED_FLOAT; }
static bool is_complex_kind(BasicKind k)
{
	return k == BK_COMPLEX64 || k == BK_COMPLEX128 || k == BK_UNTYPED_COMPLEX;
}
static bool is_numeric_kind(BasicKind k) { return is_integer_kind(k) || is_float_kind(k) || is_complex_kind(k); }

bool const_representable(Arena *a, Const x, BasicKind t, int wordsize, Const *rounded)
{
	INIT();
	if (x.kind == CONST_UNKNOWN)
		return true;
	if (is_integer_kind(t)) {
		x = const_to_int(a, x);
		if (x.kind != CONST_INT)
			return false;
		if (rounded)
			*rounded = x;
		if (x.rep == CREP_INT64) {
			int64_t v = x.u.i;
			int s;
			switch (t) {
			case BK_INT:
				s = wordsize * 8;
				return s == 64 || (-((int64_t)1 << (s - 1)) <= v && v <= ((int64_t)1 << (s - 1)) - 1);
			case BK_INT8: return -128 <= v && v <= 127;
			case BK_INT16: return -32768 <= v && v <= 32767;
			case BK_INT32: return INT32_MIN <= v && v <= INT32_MAX;
			case BK_INT64:
			case BK_UNTYPED_INT:
			case BK_UNTYPED_RUNE: return true;
			case BK_UINT:
			case BK_UINTPTR:
				s = wordsize * 8;
				if (s < 64)
					return 0 <= v && v <= ((int64_t)1 << s) - 1;
				return 0 <= v;
			case BK_UINT8: return 0 <= v && v <= 255;
			case BK_UINT16: return 0 <= v && v <= 65535;
			case BK_UINT32: return 0 <= v && v <= (int64_t)UINT32_MAX;
			case BK_UINT64: return 0 <= v;
			default: return false;
			}
		}
		int n = const_bitlen(x);
		switch (t) {
		case BK_UINT:
		case BK_UINTPTR: return const_sign(x) >= 0 && n <= wordsize * 8;
		case BK_UINT64: return const_sign(x) >= 0 && n <= 64;
		case BK_UNTYPED_INT:
		case BK_UNTYPED_RUNE: return true;
		default: return false;
		}
	}
	if (is_float_kind(t)) {
		x = const_to_float(a, x);
		if (x.kind != CONST_FLOAT)
			return false;
		if (t == BK_UNTYPED_FLOAT)
			return true;
		return const_round_float(a, x, t == BK_FLOAT32 ? 32 : 64, rounded);
	}
	if (is_complex_kind(t)) {
		x = const_to_complex(a, x);
		if (x.kind != CONST_COMPLEX)
			return false;
		if (t == BK_UNTYPED_COMPLEX)
			return true;
		int bits = t == BK_COMPLEX64 ? 32 : 64;
		if (!rounded)
			return const_round_float(a, const_real(x), bits, NULL) &&
			       const_round_float(a, const_imag(x), bits, NULL);
		Const re, im;
		if (const_round_float(a, const_real(x), bits, &re) && const_round_float(a, const_imag(x), bits, &im)) {
			*rounded = const_binary(a, re, TOK_ADD, const_make_imag(a, im));
			return true;
		}
		return false;
	}
	if (t == BK_STRING || t == BK_UNTYPED_STRING)
		return x.kind == CONST_STRING;
	if (t == BK_BOOL || t == BK_UNTYPED_BOOL)
		return x.kind == CONST_BOOL;
	return false;
}

ConstRepErr const_representation(Arena *a, Const x, BasicKind xt, BasicKind t, int wordsize, Const *out)
{
	Const v = x;
	if (!const_representable(a, x, t, wordsize, &v)) {
		if (is_numeric_kind(xt) && is_numeric_kind(t)) {
			if (!is_integer_kind(xt) && is_integer_kind(t))
				return CONST_REP_TRUNCATED;
			return CONST_REP_OVERFLOW;
		}
		return CONST_REP_INVALID;
	}
	if (out)
		*out = v;
	return CONST_REP_OK;
}
