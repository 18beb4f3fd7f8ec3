/*
 * constant.h — Go's exact untyped constants, as go/constant models them.
 *
 * A Const is a small value (16 bytes) passed by value.  Its kind is one of
 * Unknown, Bool, String, Int, Float, Complex; inside a kind the
 * representation follows go/constant, because the checker's `-types` dump
 * must print values exactly as go/constant's String and ExactString do:
 *
 *   Int     an int64 when it fits, else a GMP integer (mpz);
 *   Float   an exact GMP rational (mpq) while numerator and denominator stay
 *           under 4096 bits and literals' exponents are moderate, else a
 *           512-bit MPFR float.  Once a value is a float it stays one
 *           (no illusion of exactness is given back);
 *   Complex a pair of Int/Float Consts.
 *
 * Memory.  Every function that can build a big value takes an Arena, and
 * the whole value lives in it: GMP limbs are copied into the arena and
 * viewed read-only, MPFR significands are placed there with MPFR's custom
 * allocation interface.  A Const therefore needs no free of its own: it
 * lives as long as the arena it was made in (the checker keeps package
 * constants in a package-lifetime arena and folds temporaries in a scratch
 * arena).  Small ints, bools and Unknown use no memory at all.  A Const made
 * in one arena may be an operand of an operation whose result goes in
 * another; results never point into their operands except for strings'
 * and complex parts' storage, which the caller's arena discipline covers
 * (results of an operation may share the operands' storage: keep operands'
 * arenas alive at least as long as results).
 *
 * The module keeps scratch GMP/MPFR variables and sets MPFR's exponent range
 * to that of Go's big.Float (int32) on first use: it is not thread-safe.
 *
 * Misuse (an operation go/constant would panic on, such as "a" + 1 or an
 * integer division by zero) is an internal compiler error: the checker
 * reports the user's mistake before it asks for the operation.
 */
#ifndef GOC_CONSTANT_H
#define GOC_CONSTANT_H

#include "../base/base.h"
#include "../syntax/token.h"

typedef enum ConstKind {
	CONST_UNKNOWN,
	CONST_BOOL,
	CONST_STRING,
	CONST_INT,
	CONST_FLOAT,
	CONST_COMPLEX,
} ConstKind;

/* Representations, in go/constant's order of complexity (match() widens
 * the simpler operand to the other's representation). */
enum {
	CREP_UNKNOWN,
	CREP_BOOL,
	CREP_STRING,
	CREP_INT64, /* u.i */
	CREP_INT,   /* u.big: mpz, does not fit int64 */
	CREP_RAT,   /* u.big: mpq */
	CREP_FLOAT, /* u.big: 512-bit mpfr, never Inf, never -0 */
	CREP_COMPLEX, /* u.c[0], u.c[1] */
};

typedef struct Const Const;
struct Const {
	uint8_t kind; /* ConstKind */
	uint8_t rep;  /* CREP_* */
	uint32_t len; /* CREP_STRING: length in bytes */
	union {
		int64_t i;
		bool b;
		const char *s;     /* CREP_STRING: NUL-terminated copy, may hold NULs */
		const void *big;   /* CREP_INT, CREP_RAT, CREP_FLOAT */
		const Const *c;    /* CREP_COMPLEX: re, im */
	} u;
};

/* go/types' basic kinds, in go/types' order.  The checker uses this enum
 * for its basic types. */
typedef enum BasicKind {
	BK_INVALID,
	BK_BOOL,
	BK_INT, BK_INT8, BK_INT16, BK_INT32, BK_INT64,
	BK_UINT, BK_UINT8, BK_UINT16, BK_UINT32, BK_UINT64, BK_UINTPTR,
	BK_FLOAT32, BK_FLOAT64,
	BK_COMPLEX64, BK_COMPLEX128,
	BK_STRING,
	BK_UNSAFE_POINTER,
	BK_UNTYPED_BOOL, BK_UNTYPED_INT, BK_UNTYPED_RUNE, BK_UNTYPED_FLOAT,
	BK_UNTYPED_COMPLEX, BK_UNTYPED_STRING, BK_UNTYPED_NIL,
	BK_COUNT
} BasicKind;
/* aliases */
#define BK_BYTE BK_UINT8
#define BK_RUNE BK_INT32

extern const char *const basic_kind_names[BK_COUNT]; /* "int8", "untyped int", ... */

void const_init(void); /* optional: every entry point initialises lazily */

/* ---- factories ---- */
Const const_unknown(void);
Const const_bool(bool b);
Const const_string(Arena *a, const char *s, size_t n);
Const const_int64(int64_t x);
Const const_uint64(Arena *a, uint64_t x);
Const const_float64(Arena *a, double x); /* -0 → 0; Inf/NaN → Unknown */
/* The value of a Go literal (tok is TOK_INT, TOK_FLOAT, TOK_IMAG, TOK_CHAR or
 * TOK_STRING), as go/constant.MakeFromLiteral; Unknown if malformed or if
 * the value is out of range (gc then says "malformed constant: LIT"). */
Const const_from_literal(Arena *a, Token tok, const char *lit, size_t n);

/* ---- accessors (Unknown gives the zero value, as in go/constant) ---- */
static inline ConstKind const_kind(Const x) { return (ConstKind)x.kind; }
static inline bool const_is_unknown(Const x) { return x.kind == CONST_UNKNOWN; }
bool const_bool_val(Const x);
const char *const_string_val(Const x, size_t *len);
int64_t const_int64_val(Const x, bool *exact);
uint64_t const_uint64_val(Const x, bool *exact);
float const_float32_val(Const x, bool *exact);
double const_float64_val(Const x, bool *exact);
int const_bitlen(Const x); /* Int: bits of |x|; Unknown: 0 */
int const_sign(Const x);   /* -1, 0, 1; complex: 0 iff zero; Unknown: 1 */
Const const_num(Arena *a, Const x);
Const const_denom(Arena *a, Const x);
Const const_make_imag(Arena *a, Const x);
Const const_real(Const x);
Const const_imag(Const x);

/* ---- conversions (Unknown when not representable) ---- */
Const const_to_int(Arena *a, Const x);
Const const_to_float(Arena *a, Const x);
Const const_to_complex(Arena *a, Const x);

/* ---- operations ---- */
/* op: TOK_ADD, TOK_SUB, TOK_XOR, TOK_NOT.  prec > 0 limits ^ to prec bits
 * (unsigned operand types). */
Const const_unary(Arena *a, Token op, Const y, unsigned prec);
/* op: + - * / % & | ^ &^ && ||; TOK_QUO_ASSIGN forces integer (truncated)
 * division of Int operands.  Strings concatenate with +. */
Const const_binary(Arena *a, Const x, Token op, Const y);
/* op: TOK_SHL or TOK_SHR; x must be Int or Unknown. */
Const const_shift(Arena *a, Const x, Token op, uint64_t s);
/* op: == != < <= > >=; false if either operand is Unknown. */
bool const_compare(Const x, Token op, Const y);

/* ---- printing ---- */
/* go/constant's String(): short, possibly approximate ("1e+100", "0.333333",
 * strings cut to 72 runes with "..."). */
void const_format(Buf *b, Const x);
/* go/constant's ExactString(): "1/3", "0x.8p+1", the full quoted string. */
void const_format_exact(Buf *b, Const x);
/* The same, returned as a NUL-terminated string in the arena. */
const char *const_str(Arena *a, Const x);
const char *const_exact_str(Arena *a, Const x);
/* strconv.Quote, for other users (the checker prints string values). */
void go_quote(Buf *b, const char *s, size_t n);
bool go_isprint(uint32_t r); /* strconv.IsPrint (Unicode 13) */

/* ---- the type checker's rules (types2/expr.go, go/types) ---- */

/* Untyped integer constants may not need more than this many bits. */
#define CONST_MAX_PREC 512
/* Constant shift counts must be below this (types2: 1023 - 1 + 52). */
#define CONST_SHIFT_BOUND 1074
/* Literals longer than this are refused before conversion. */
#define CONST_LITERAL_LIMIT 10000

/* What the overflow check of an untyped result says: true if x is an Int
 * needing more than CONST_MAX_PREC bits (report CONST_MSG_OVERFLOW with
 * const_op_name, and make the value Unknown). */
bool const_untyped_overflows(Const x);
/* "addition", "subtraction", "bitwise XOR", "multiplication", "shift";
 * unary: "bitwise complement"; "" for other operators (gc then prints
 * "constant  overflow", as it does). */
const char *const_op_name(Token op, bool unary);

/* Whether x is representable as a value of basic type t (wordsize: 8 on
 * 64-bit targets, for int, uint, uintptr).  If rounded is not NULL it gets
 * x rounded to t (floats to float32/float64, ints as Int), as go/types'
 * representableConst.  Unknown is always representable. */
bool const_representable(Arena *a, Const x, BasicKind t, int wordsize, Const *rounded);

typedef enum ConstRepErr {
	CONST_REP_OK,
	CONST_REP_TRUNCATED, /* a float to an integer type: "truncated" */
	CONST_REP_OVERFLOW,  /* numeric to numeric: "overflows" */
	CONST_REP_INVALID,   /* otherwise: "cannot convert" */
} ConstRepErr;
/* go/types' representation(): x of basic type xt converted to t; on success
 * *out is the rounded value. */
ConstRepErr const_representation(Arena *a, Const x, BasicKind xt, BasicKind t, int wordsize, Const *out);
/* fitsFloat32/roundFloat32 and fitsFloat64/roundFloat64 of types2. */
bool const_round_float(Arena *a, Const x, int bits, Const *out);

/* gc's (types2 with compiler error messages) wording, for the checker. */
#define CONST_MSG_OVERFLOW "constant %s overflow"            /* op name */
#define CONST_MSG_NOT_REPRESENTABLE "constant result is not representable"
#define CONST_MSG_DIV_ZERO "invalid operation: division by zero"
#define CONST_MSG_ASSIGN "cannot use %s as %s value in %s" /* operand, type, context */
#define CONST_MSG_ASSIGN_TRUNCATED " (truncated)"
#define CONST_MSG_ASSIGN_OVERFLOWS " (overflows)"
#define CONST_MSG_TRUNCATED "%s truncated to %s"     /* operand, type */
#define CONST_MSG_OVERFLOWS "%s overflows %s"        /* operand, type */
#define CONST_MSG_CANNOT_CONVERT "cannot convert %s to type %s"
#define CONST_MSG_MALFORMED "malformed constant: %s"
#define CONST_MSG_TOO_LONG "excessively long constant: %.10s... (%d chars)"
#define CONST_MSG_SHIFT_COUNT "invalid operation: invalid shift count %s"
#define CONST_MSG_NEG_SHIFT "invalid operation: negative shift count %s"

#endif
