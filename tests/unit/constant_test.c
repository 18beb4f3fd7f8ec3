/*
 * constant_test.c — tests of src/types/constant.c.
 *
 *   constant_test            unit tests; prints "N passed, N failed"
 *   constant_test -eval      reads the command language of
 *                            tests/oracle/constoracle.go on stdin and prints
 *                            the same results (the differential test)
 *   constant_test -gen SEED  prints a few thousand generated commands
 */
#include "../../src/types/constant.h"

#include <math.h>

static Arena arena;

/* ---- the command language (see constoracle.go) ---- */

typedef struct Parser {
	char **toks;
	int n, i;
	bool err;
} Parser;

static const char *next_tok(Parser *p)
{
	if (p->i >= p->n) {
		p->err = true;
		return "0";
	}
	return p->toks[p->i++];
}

static bool has_any(const char *s, const char *set)
{
	for (; *s; s++)
		if (strchr(set, *s >= 'A' && *s <= 'Z' ? *s + 32 : *s))
			return true;
	return false;
}

static Const literal(Parser *p, const char *t)
{
	if (!strcmp(t, "true"))
		return const_bool(true);
	if (!strcmp(t, "false"))
		return const_bool(false);
	if (!strcmp(t, "unknown"))
		return const_unknown();
	size_t n = strlen(t);
	Token tok;
	bool hex = n >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
	bool bo = n >= 2 && t[0] == '0' && strchr("bBoO", t[1]);
	if (t[0] == '\'')
		tok = TOK_CHAR;
	else if (t[0] == '"' || t[0] == '`')
		tok = TOK_STRING;
	else if (t[n - 1] == 'i')
		tok = TOK_IMAG;
	else if (hex)
		tok = has_any(t + 2, ".p") ? TOK_FLOAT : TOK_INT;
	else if (bo)
		tok = TOK_INT;
	else if (has_any(t, ".e"))
		tok = TOK_FLOAT;
	else if (t[0] >= '0' && t[0] <= '9')
		tok = TOK_INT;
	else {
		p->err = true;
		return const_unknown();
	}
	return const_from_literal(&arena, tok, t, n);
}

static const struct {
	const char *s;
	Token tok;
} binops[] = {
	{"+", TOK_ADD}, {"-", TOK_SUB}, {"*", TOK_MUL}, {"/", TOK_QUO}, {"%", TOK_REM},
	{"&", TOK_AND}, {"|", TOK_OR}, {"^", TOK_XOR}, {"&^", TOK_AND_NOT},
	{"&&", TOK_LAND}, {"||", TOK_LOR}, {"div", TOK_QUO_ASSIGN},
}, cmpops[] = {
	{"==", TOK_EQL}, {"!=", TOK_NEQ}, {"<", TOK_LSS}, {"<=", TOK_LEQ}, {">", TOK_GTR}, {">=", TOK_GEQ},
};

/* go/constant panics where goc's module calls ice(); the evaluator
 * predicts those cases and prints "panic" as the oracle does. */
static bool panicked;

static bool divides_badly(Const x, Token op, Const y)
{
	if (op != TOK_QUO && op != TOK_REM && op != TOK_QUO_ASSIGN)
		return false;
	if (x.kind == CONST_UNKNOWN || y.kind == CONST_UNKNOWN)
		return false;
	if (y.kind == CONST_COMPLEX || x.kind == CONST_COMPLEX) {
		if (y.kind != CONST_COMPLEX) {
			/* (a+bi)/c: parts divided by c*c */
			Const s = const_binary(&arena, y, TOK_MUL, y);
			return const_sign(s) == 0 &&
			       (divides_badly(const_real(x), op, s) || divides_badly(const_imag(x), op, s) ||
				   const_real(x).rep != CREP_FLOAT);
		}
		Const c = const_real(y), d = const_imag(y);
		Const s = const_binary(&arena, const_binary(&arena, c, TOK_MUL, c), TOK_ADD,
				       const_binary(&arena, d, TOK_MUL, d));
		if (const_sign(s) != 0)
			return false;
		if (s.rep != CREP_FLOAT)
			return true;
		/* float s == 0: x/0 is Inf (Unknown) unless x is 0 too */
		Const xa = const_real(x), xb = const_imag(x);
		Const re = const_binary(&arena, const_binary(&arena, xa, TOK_MUL, c), TOK_ADD,
					const_binary(&arena, xb, TOK_MUL, d));
		Const im = const_binary(&arena, const_binary(&arena, xb, TOK_MUL, c), TOK_SUB,
					const_binary(&arena, xa, TOK_MUL, d));
		return (re.kind != CONST_UNKNOWN && const_sign(re) == 0) ||
		       (im.kind != CONST_UNKNOWN && const_sign(im) == 0);
	}
	if (const_sign(y) != 0)
		return false;
	if (x.rep == CREP_FLOAT || y.rep == CREP_FLOAT)
		return op == TOK_QUO && const_sign(x) == 0;
	return true;
}

static bool numeric(Const x) { return x.kind >= CONST_INT; }

static Const expr(Parser *p)
{
	const char *t = next_tok(p);
	if (p->err || panicked)
		return const_unknown();
	for (size_t i = 0; i < NELEM(binops); i++)
		if (!strcmp(t, binops[i].s)) {
			Const x = expr(p), y = expr(p);
			if (p->err || panicked)
				return x;
			Token op = binops[i].tok;
			bool ok;
			if (op == TOK_LAND || op == TOK_LOR)
				ok = (x.kind == CONST_BOOL || x.kind == CONST_UNKNOWN) &&
				     (y.kind == CONST_BOOL || y.kind == CONST_UNKNOWN);
			else if (x.kind == CONST_STRING || y.kind == CONST_STRING)
				ok = op == TOK_ADD && (x.kind == y.kind || x.kind == CONST_UNKNOWN || y.kind == CONST_UNKNOWN);
			else
				ok = (numeric(x) || x.kind == CONST_UNKNOWN) && (numeric(y) || y.kind == CONST_UNKNOWN);
			if (!ok || divides_badly(x, op, y)) {
				panicked = true;
				return x;
			}
			return const_binary(&arena, x, op, y);
		}
	for (size_t i = 0; i < NELEM(cmpops); i++)
		if (!strcmp(t, cmpops[i].s)) {
			Const x = expr(p), y = expr(p);
			return const_bool(const_compare(x, cmpops[i].tok, y));
		}
	if (!strcmp(t, "<<") || !strcmp(t, ">>")) {
		Const x = expr(p);
		uint64_t s = strtoull(next_tok(p), NULL, 10);
		if (x.kind != CONST_INT && x.kind != CONST_UNKNOWN) {
			panicked = true;
			return x;
		}
		return const_shift(&arena, x, t[0] == '<' ? TOK_SHL : TOK_SHR, s);
	}
	if (!strcmp(t, "neg"))
		return const_unary(&arena, TOK_SUB, expr(p), 0);
	if (!strcmp(t, "pos"))
		return const_unary(&arena, TOK_ADD, expr(p), 0);
	if (!strcmp(t, "not"))
		return const_unary(&arena, TOK_NOT, expr(p), 0);
	if (!strncmp(t, "cpl", 3)) {
		Const x = expr(p);
		if (x.kind != CONST_INT && x.kind != CONST_UNKNOWN) {
			panicked = true;
			return x;
		}
		return const_unary(&arena, TOK_XOR, x, (unsigned)atoi(t + 3));
	}
	if (!strcmp(t, "toint"))
		return const_to_int(&arena, expr(p));
	if (!strcmp(t, "tofloat"))
		return const_to_float(&arena, expr(p));
	if (!strcmp(t, "tocomplex"))
		return const_to_complex(&arena, expr(p));
	if (!strcmp(t, "real"))
		return const_real(expr(p));
	if (!strcmp(t, "imag"))
		return const_imag(expr(p));
	if (!strcmp(t, "num"))
		return const_num(&arena, expr(p));
	if (!strcmp(t, "denom"))
		return const_denom(&arena, expr(p));
	if (!strcmp(t, "mkimag"))
		return const_make_imag(&arena, expr(p));
	return literal(p, t);
}

static const char *kind_name(Const x)
{
	static const char *names[] = {"Unknown", "Bool", "String", "Int", "Float", "Complex"};
	return names[x.kind];
}

static void show(Buf *b, Const x)
{
	buf_printf(b, "%s|", kind_name(x));
	const_format(b, x);
	buf_putc(b, '|');
	const_format_exact(b, x);
}

static const struct {
	const char *name;
	BasicKind k;
} types[] = {
	{"int", BK_INT}, {"int8", BK_INT8}, {"int16", BK_INT16}, {"int32", BK_INT32}, {"int64", BK_INT64},
	{"uint", BK_UINT}, {"uint8", BK_UINT8}, {"uint16", BK_UINT16}, {"uint32", BK_UINT32},
	{"uint64", BK_UINT64}, {"uintptr", BK_UINTPTR}, {"untyped_int", BK_UNTYPED_INT},
	{"float32", BK_FLOAT32}, {"float64", BK_FLOAT64}, {"untyped_float", BK_UNTYPED_FLOAT},
	{"complex64", BK_COMPLEX64}, {"complex128", BK_COMPLEX128}, {"untyped_complex", BK_UNTYPED_COMPLEX},
	{"string", BK_STRING}, {"bool", BK_BOOL},
};

/* Evaluates one command line; the result goes to b. */
static void eval_line(char *line, Buf *b)
{
	char *toks[4096];
	int n = 0;
	for (char *s = line; n < (int)NELEM(toks);) {
		toks[n++] = s;
		char *sp = strchr(s, ' ');
		if (!sp)
			break;
		*sp = 0;
		s = sp + 1;
	}
	Parser p = {toks, n, 0, false};
	panicked = false;
	const char *cmd = next_tok(&p);
	Buf r = {0};
	if (!strcmp(cmd, "v")) {
		Const x = expr(&p);
		if (!panicked)
			show(&r, x);
	} else if (!strcmp(cmd, "i64") || !strcmp(cmd, "u64") || !strcmp(cmd, "bitlen")) {
		Const x = expr(&p);
		if (x.kind != CONST_INT && x.kind != CONST_UNKNOWN)
			panicked = true;
		bool exact;
		if (panicked)
			;
		else if (cmd[0] == 'i') {
			long long v = (long long)const_int64_val(x, &exact);
			buf_printf(&r, "%lld %s", v, exact ? "true" : "false");
		} else if (cmd[0] == 'u') {
			unsigned long long v = (unsigned long long)const_uint64_val(x, &exact);
			buf_printf(&r, "%llu %s", v, exact ? "true" : "false");
		}
		else
			buf_printf(&r, "%d", const_bitlen(x));
	} else if (!strcmp(cmd, "f32") || !strcmp(cmd, "f64")) {
		Const x = expr(&p);
		if (!(x.kind == CONST_INT || x.kind == CONST_FLOAT || x.kind == CONST_UNKNOWN))
			panicked = true;
		bool exact;
		if (panicked)
			;
		else if (cmd[1] == '3') {
			float f = const_float32_val(x, &exact);
			uint32_t u;
			memcpy(&u, &f, 4);
			buf_printf(&r, "%08x %s", u, exact ? "true" : "false");
		} else {
			double f = const_float64_val(x, &exact);
			uint64_t u;
			memcpy(&u, &f, 8);
			buf_printf(&r, "%016llx %s", (unsigned long long)u, exact ? "true" : "false");
		}
	} else if (!strcmp(cmd, "sign")) {
		Const x = expr(&p);
		if (!(numeric(x) || x.kind == CONST_UNKNOWN))
			panicked = true;
		if (!panicked)
			buf_printf(&r, "%d", const_sign(x));
	} else if (!strcmp(cmd, "rep")) {
		const char *tn = next_tok(&p);
		BasicKind k = BK_INVALID;
		for (size_t i = 0; i < NELEM(types); i++)
			if (!strcmp(types[i].name, tn))
				k = types[i].k;
		Const x = expr(&p), rounded = x;
		if (!panicked) {
			if (const_representable(&arena, x, k, 8, &rounded)) {
				buf_puts(&r, "true ");
				show(&r, rounded);
			} else
				buf_puts(&r, "false");
		}
	} else
		p.err = true;
	if (p.i != p.n)
		p.err = true;
	if (panicked || p.err)
		buf_puts(b, "panic");
	else
		buf_put(b, r.p, r.n);
	buf_free(&r);
}

static int run_eval(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	Buf b = {0};
	while ((len = getline(&line, &cap, stdin)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = 0;
		if (len == 0 || line[0] == '#')
			continue;
		b.n = 0;
		eval_line(line, &b);
		buf_putc(&b, '\n');
		fwrite(b.p, 1, b.n, stdout);
		if (arena.total > 64 << 20)
			arena_free(&arena);
	}
	free(line);
	buf_free(&b);
	return 0;
}

/* ---- generator ---- */

static uint64_t rng_state;
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}
static int rn(int n) { return (int)(rnd() % (uint64_t)n); }

static void digits(Buf *b, int n, const char *set, bool underscores)
{
	int m = (int)strlen(set);
	for (int i = 0; i < n; i++) {
		char c = set[rn(m)];
		if (i == 0 && n > 1 && c == '0')
			c = set[1 + rn(m - 1)];
		buf_putc(b, c);
		if (underscores && i + 1 < n && rn(8) == 0)
			buf_putc(b, '_');
	}
}

static int sizes(void)
{
	switch (rn(6)) {
	case 0: return 1 + rn(3);
	case 1: return 1 + rn(10);
	case 2: return 15 + rn(8);
	case 3: return 18 + rn(4);
	case 4: return 30 + rn(60);
	default: return 100 + rn(200);
	}
}

static void gen_int(Buf *b)
{
	static const char *special[] = {
		"0", "1", "9223372036854775807", "9223372036854775808", "18446744073709551615",
		"18446744073709551616", "0x7fffffffffffffff", "0x8000000000000000", "0xFFFFFFFFFFFFFFFF",
		"0777", "0o777", "0b1010", "0B11_01", "0X_dead_beef", "00", "0_7",
		"1_000_000", "4294967295", "4294967296", "2147483647", "2147483648",
		"13407807929942597099574024998205846127479365820592393377723561443721764030073546976801874298166903427690031858186486050853753882811946569946433649006084095",
		"13407807929942597099574024998205846127479365820592393377723561443721764030073546976801874298166903427690031858186486050853753882811946569946433649006084096",
	};
	switch (rn(6)) {
	case 0: buf_puts(b, special[rn(NELEM(special))]); return;
	case 1: buf_puts(b, rn(2) ? "0x" : "0X"); digits(b, sizes() % 40 + 1, "0123456789abcdefABCDEF", true); return;
	case 2: buf_puts(b, rn(2) ? "0o" : "0"); digits(b, sizes() % 60 + 1, "01234567", rn(2)); return;
	case 3: buf_puts(b, "0b"); digits(b, sizes() % 140 + 1, "01", true); return;
	default: digits(b, sizes(), "0123456789", rn(3) == 0); return;
	}
}

static void gen_exp(Buf *b, char e)
{
	static const long big[] = {1000000, 1000001, 3000000000L, 2147483647, 646456993, 100000000, 5000, 4096, 1300, 1233, 1234, 400, 350, 324, 308, 309};
	buf_putc(b, rn(2) ? e : (char)(e - 32));
	int sign = rn(3);
	if (sign == 1)
		buf_putc(b, '-');
	else if (sign == 2)
		buf_putc(b, '+');
	switch (rn(5)) {
	case 0: buf_printf(b, "%d", rn(30)); break;
	case 1: buf_printf(b, "%d", rn(400)); break;
	case 2: buf_printf(b, "%d", rn(1400)); break;
	case 3: buf_printf(b, "%d", rn(6000)); break;
	default: buf_printf(b, "%ld", big[rn(NELEM(big))] + rn(3) - 1); break;
	}
}

static void gen_float(Buf *b)
{
	static const char *special[] = {
		"0.0", "1.0", "0.1", "1e100", "1e-100", "1e308", "1.7976931348623157e308", "1.7976931348623159e308",
		"4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
		"3.4028234663852886e38", "3.4028235677973366e38", "3.4028235677973367e38", "1.401298464324817e-45",
		"7.006492321624085e-46", "7.006492321624086e-46", "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p1023",
		"0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p-149", "0x1p-150", "0x1.000002p-150",
		"1e1000000", "1e-1000000", "1e2147483647", "6e-1886451601", "1.5e4000", "1.5e-4000", "0x1p4095",
		"0x1p4096", "0x1p-4095", "0x1p-4096", "0x.8p1", "0X1P-2", "1_0.0_1e1_0", "00.5", "0777e1", "1.", ".5",
		"123456789012345678901234567890.5", "0.3333333333333333333333333333333333333333",
		"1e-1232", "1e-1234", "1e1232", "1e1234", "0x1p-1000000", "0x1p+1000000000",
	};
	switch (rn(5)) {
	case 0: buf_puts(b, special[rn(NELEM(special))]); return;
	case 1:
		buf_puts(b, "0x");
		digits(b, 1 + rn(20), "0123456789abcdef", true);
		if (rn(2)) {
			buf_putc(b, '.');
			digits(b, rn(20), "0123456789abcdef", false);
		}
		gen_exp(b, 'p');
		return;
	default: {
		int form = rn(3);
		if (form != 2)
			digits(b, 1 + sizes() % 40, "0123456789", rn(4) == 0);
		if (form != 0 || rn(2)) {
			buf_putc(b, '.');
			digits(b, form == 2 ? 1 + rn(30) : rn(30), "0123456789", false);
		}
		if (form == 0 || rn(3))
			gen_exp(b, 'e');
		return;
	}
	}
}

static void gen_char(Buf *b)
{
	static const char *chars[] = {
		"'a'", "'\\n'", "'\\x41'", "'\\xff'", "'\\u00e9'", "'\\U0001F600'", "'\\377'", "'\\000'", "'é'",
		"'\\\\'", "'\\''", "'\\a'", "'\\b'", "'\\f'", "'\\r'", "'\\t'", "'\\v'", "'世'", "'\\U0010ffff'",
		"'\\uFFFD'", "'\\u200b'", "'0'", "'\\x7f'", "'\\177'",
	};
	buf_puts(b, chars[rn(NELEM(chars))]);
}

static void gen_string(Buf *b)
{
	static const char *strs[] = {
		"\"\"", "\"abc\"", "\"a\\tb\"", "\"\\x00\\xff\"", "\"\\u00e9\"", "\"é\"", "\"\\U0001F600\"",
		"\"\\u200b\"", "\"\\U000e0001\"", "\"\\x80\"", "\"\\xc3\\xa9\"", "\"\\xc3\"", "\"\\\"\"",
		"\"\\\\\"", "\"\\a\\b\\f\\n\\r\\t\\v\"", "\"\\033[0m\"", "\"\\x7f\"", "\"\\u00ad\"", "\"\\ufeff\"",
		"`raw\\n`", "`a\"b`", "``", "\"\\u2028\"", "\"\\U0001d7ff\"", "\"\\u0378\"", "\"\\u3000\"",
		"\"\\xa0\"", "\"\\u00a0\"", "\"\\ud7ff\"", "\"\\U00010000\"", "\"\\U0001fffe\"", "\"\\U000f0000\"",
		"\"\\377\\200\"", "\"\\'\"",
	};
	if (rn(4) == 0) {
		/* long strings, to exercise String()'s 72-rune cut */
		int n = 60 + rn(30);
		buf_putc(b, '"');
		for (int i = 0; i < n; i++) {
			switch (rn(6)) {
			case 0: buf_puts(b, "\\n"); break;
			case 1: buf_puts(b, "é"); break;
			case 2: buf_puts(b, "\\x01"); break;
			default: buf_putc(b, (char)('a' + rn(26))); break;
			}
		}
		buf_putc(b, '"');
		return;
	}
	buf_puts(b, strs[rn(NELEM(strs))]);
}

static void gen_imag(Buf *b)
{
	static const char *special[] = {"0b101i", "0o17i", "0x1Fi", "0123i", "1e3i", "0i", "0x1p-2i", "1.5i", ".5i"};
	if (rn(4) == 0) {
		buf_puts(b, special[rn(NELEM(special))]);
		return;
	}
	if (rn(2))
		gen_float(b);
	else
		digits(b, 1 + rn(25), "0123456789", false);
	buf_putc(b, 'i');
}

/* numeric expressions: K_INT (Int or Unknown), K_NUM (any numeric) */
enum { K_INT, K_REAL, K_NUM };

static void gen_num(Buf *b, int kind, int depth)
{
	if (depth <= 0 || rn(3) == 0) {
		int r = rn(10);
		if (kind == K_INT || r < 4)
			r < 8 || kind == K_INT ? gen_int(b) : gen_char(b);
		else if (kind == K_REAL || r < 8)
			gen_float(b);
		else
			gen_imag(b);
		return;
	}
	static const char *intops[] = {"+", "-", "*", "div", "%", "&", "|", "^", "&^"};
	static const char *numops[] = {"+", "-", "*", "/"};
	switch (rn(kind == K_INT ? 6 : 8)) {
	case 0:
		buf_puts(b, rn(2) ? "neg " : "pos ");
		gen_num(b, kind, depth - 1);
		return;
	case 1:
		buf_puts(b, rn(2) ? "<< " : ">> ");
		gen_num(b, K_INT, depth - 1);
		buf_printf(b, " %d", rn(4) ? rn(70) : rn(600));
		return;
	case 2: {
		static const char *c[] = {"cpl ", "cpl8 ", "cpl16 ", "cpl32 ", "cpl64 "};
		buf_puts(b, c[rn(5)]);
		gen_num(b, K_INT, depth - 1);
		return;
	}
	case 3:
		if (kind == K_INT) {
			buf_puts(b, "toint ");
			gen_num(b, K_NUM, depth - 1);
			return;
		}
		/* fallthrough */
	case 4:
	case 5:
		if (kind == K_INT) {
			buf_printf(b, "%s ", intops[rn(NELEM(intops))]);
			gen_num(b, K_INT, depth - 1);
			buf_putc(b, ' ');
			gen_num(b, K_INT, depth - 1);
			return;
		}
		buf_printf(b, "%s ", numops[rn(NELEM(numops))]);
		gen_num(b, kind, depth - 1);
		buf_putc(b, ' ');
		gen_num(b, kind, depth - 1);
		return;
	case 6: {
		static const char *c[] = {"tofloat ", "tocomplex ", "real ", "imag ", "num ", "denom ", "mkimag "};
		int i = rn(kind == K_REAL ? 2 : 7);
		if (kind == K_REAL && i == 1)
			i = 2;
		buf_puts(b, c[i]);
		gen_num(b, i >= 4 ? K_REAL : i == 0 && kind == K_REAL ? K_REAL : K_NUM, depth - 1);
		return;
	}
	default:
		buf_puts(b, "tofloat ");
		gen_num(b, K_REAL, depth - 1);
		return;
	}
}

static int run_gen(uint64_t seed)
{
	rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
	Buf b = {0};
#define LINE() (buf_putc(&b, '\n'), fwrite(b.p, 1, b.n, stdout), b.n = 0)
	for (int i = 0; i < 500; i++) {
		buf_puts(&b, "v ");
		gen_int(&b);
		LINE();
		buf_puts(&b, "v ");
		gen_float(&b);
		LINE();
		buf_puts(&b, "v ");
		gen_imag(&b);
		LINE();
	}
	for (int i = 0; i < 100; i++) {
		buf_puts(&b, "v ");
		gen_char(&b);
		LINE();
		buf_puts(&b, "v ");
		gen_string(&b);
		LINE();
		buf_puts(&b, "v + ");
		gen_string(&b);
		buf_putc(&b, ' ');
		gen_string(&b);
		LINE();
		static const char *cmp[] = {"==", "!=", "<", "<=", ">", ">="};
		buf_printf(&b, "v %s ", cmp[rn(6)]);
		gen_string(&b);
		buf_putc(&b, ' ');
		gen_string(&b);
		LINE();
	}
	/* malformed and unusual literals (the scanner rejects most of them first) */
	static const char *odd[] = {
		"1__0", "0x_", "1_", "0x", "0b2", "09", "08.5", "1e", "1e+", "0x1p", "0x1.8", "0_x1", "0b", "0o8",
		"0x1.p1", "0x.p1", "1e1_0", "0x1p1_0", "1_.5", "1._5", "0_0.5", "0x_1p0", "00e5", "0e99999999999",
		"1e99999999999999999999", "0x1p-2147483648", "0x1p2147483646", "0x1p-2147483650",
		"''", "'ab'", "'\\400'", "'\\uD800'", "'\\x4'", "'\\q'", "'\\\"'", "'\"'",
		"\"\\400\"", "\"\\q\"", "\"a\rb\"", "`a\rb`", "\"\\'\"", "\"a", "`a", "\"\xff\xfe\"",
		"\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"", "\"\xe2\x82\"",
		"0i", "0x1p-1075i", "1e-1000000i", "1e1000000i", "1e2147483647i", "'é",
	};
	for (size_t i = 0; i < NELEM(odd); i++) {
		buf_printf(&b, "v %s", odd[i]);
		LINE();
	}
	/* floats near the edges of String()'s float64 path, and ToInt's slack */
	for (int i = 0; i < 200; i++) {
		static const char *e[] = {"1e308", "1.7976931348623157e308", "9.9999999e400", "9.9999995e-400", "4.9e-324", "1e-330", "1e309"};
		buf_printf(&b, "v %s %s ", rn(2) ? "neg" : "pos", rn(2) ? "tofloat" : "toint");
		if (rn(2)) {
			buf_printf(&b, "* %s ", e[rn(NELEM(e))]);
		} else {
			buf_puts(&b, "/ ");
			gen_num(&b, K_REAL, 1);
			buf_putc(&b, ' ');
		}
		gen_num(&b, K_REAL, 1);
		LINE();
		buf_printf(&b, "v toint * / %d %d %d", 1 + rn(1000), 1 + rn(1000), 1 + rn(1000));
		LINE();
		buf_printf(&b, "v toint * / 1e%d %d / %d 1e%d", 1300 + rn(4000), 1 + rn(1000), 1 + rn(1000), 1300 + rn(4000));
		LINE();
	}
	for (int i = 0; i < 1500; i++) {
		buf_puts(&b, "v ");
		gen_num(&b, K_INT, 3);
		LINE();
		buf_puts(&b, "v ");
		gen_num(&b, K_NUM, 3);
		LINE();
	}
	for (int i = 0; i < 400; i++) {
		static const char *cmp[] = {"==", "!=", "<", "<=", ">", ">="};
		int k = rn(3);
		buf_printf(&b, "v %s ", k == 2 ? cmp[rn(2)] : cmp[rn(6)]);
		gen_num(&b, k, 2);
		buf_putc(&b, ' ');
		gen_num(&b, k, 2);
		LINE();
	}
	for (int i = 0; i < 300; i++) {
		static const char *q[] = {"i64 ", "u64 ", "bitlen "};
		buf_puts(&b, q[rn(3)]);
		gen_num(&b, K_INT, 2);
		LINE();
		buf_puts(&b, rn(2) ? "f32 " : "f64 ");
		gen_num(&b, K_REAL, 2);
		LINE();
		buf_puts(&b, "sign ");
		gen_num(&b, K_NUM, 2);
		LINE();
	}
	for (int i = 0; i < 1000; i++) {
		int t = rn(NELEM(types));
		buf_printf(&b, "rep %s ", types[t].name);
		int r = rn(10);
		if (t >= 18 && r < 5)
			r < 3 ? gen_string(&b) : (void)buf_puts(&b, rn(2) ? "true" : "false");
		else
			gen_num(&b, r < 5 ? K_INT : r < 8 ? K_REAL : K_NUM, 1);
		LINE();
	}
	buf_free(&b);
	return 0;
}

/* ---- unit tests ---- */

static int passed, failed;

static void check_line(const char *cmd, const char *want)
{
	char line[1024];
	snprintf(line, sizeof line, "%s", cmd);
	Buf b = {0};
	eval_line(line, &b);
	buf_putc(&b, 0);
	if (strcmp(b.p, want) == 0)
		passed++;
	else {
		failed++;
		printf("FAIL %s\n  got  %s\n  want %s\n", cmd, b.p, want);
	}
	buf_free(&b);
	arena_free(&arena);
}

#define CHECK(cond)                                                                    \
	do {                                                                           \
		if (cond)                                                              \
			passed++;                                                      \
		else {                                                                 \
			failed++;                                                      \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);         \
		}                                                                      \
	} while (0)

static void unit_tests(void)
{
	/* expected values are go/constant's (checked with constoracle.go) */
	static const char *cases[][2] = {
		{"v 0", "Int|0|0"},
		{"v 1_000_000", "Int|1000000|1000000"},
		{"v 0x_FF", "Int|255|255"},
		{"v 0o17", "Int|15|15"},
		{"v 017", "Int|15|15"},
		{"v 0b1011", "Int|11|11"},
		{"v 08", "Unknown|unknown|unknown"},
		{"v 1__0", "Unknown|unknown|unknown"},
		{"v 18446744073709551616", "Int|18446744073709551616|18446744073709551616"},
		{"v 0.1", "Float|0.1|1/10"},
		{"v 1e100", "Float|1e+100|10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
		{"v 2.5", "Float|2.5|5/2"},
		{"v 0x1p-2", "Float|0.25|1/4"},
		{"v 0x1.8p1", "Float|3|3"},
		{"v 1e1000000", "Float|1e+1000000|0x.88b3a28a05eade3a491af84cc6ed472beec34f3c10ec25e0a887eeb435958a9160e66aa303080c427ad996cdf57043d61f0160a1ae50186818bebb792fd78cbap+3321929"},
		{"v 1e-1000000", "Float|1e-1000000|0x.efb4542cc8ca4189be2a4c6b1d35c418df0b3bfaf9e65a4b6f237ca9c64dcc58ca84df3eaed8ba6e3eb7b6e5e9935a24ef12a39aec58c3520ca1e48a3a04f5d9p-3321928"},
		{"v 1e2147483647", "Unknown|unknown|unknown"},
		{"v 1.5i", "Complex|(0 + 1.5i)|(0 + 3/2i)"},
		{"v 0b101i", "Complex|(0 + 5i)|(0 + 5i)"},
		{"v 0123i", "Complex|(0 + 123i)|(0 + 123i)"},
		{"v 'a'", "Int|97|97"},
		{"v '\\U0001F600'", "Int|128512|128512"},
		{"v '\\377'", "Int|255|255"},
		{"v \"a\\tb\"", "String|\"a\\tb\"|\"a\\tb\""},
		{"v \"\\xc3\"", "String|\"\\xc3\"|\"\\xc3\""},
		{"v \"\\u200b\"", "String|\"\\u200b\"|\"\\u200b\""},
		{"v `a\\b`", "String|\"a\\\\b\"|\"a\\\\b\""},
		{"v / 1 3", "Float|0.333333|1/3"},
		{"v div 7 neg 2", "Int|-3|-3"},
		{"v % neg 7 2", "Int|-1|-1"},
		{"v &^ 15 5", "Int|10|10"},
		{"v cpl8 0", "Int|255|255"},
		{"v cpl 0", "Int|-1|-1"},
		{"v << 1 100", "Int|1267650600228229401496703205376|1267650600228229401496703205376"},
		{"v >> neg 5 1", "Int|-3|-3"},
		{"v * 1.5i 1.5i", "Complex|(-2.25 + 0i)|(-9/4 + 0i)"},
		{"v + 9223372036854775807 1", "Int|9223372036854775808|9223372036854775808"},
		{"v neg 9223372036854775808", "Int|-9223372036854775808|-9223372036854775808"},
		{"v toint 2.0", "Int|2|2"},
		{"v toint 2.5", "Unknown|unknown|unknown"},
		{"v + \"ab\" \"cd\"", "String|\"abcd\"|\"abcd\""},
		{"v < \"ab\" \"b\"", "Bool|true|true"},
		{"v == 1 1.0", "Bool|true|true"},
		{"v != unknown 1i", "Bool|true|true"},
		{"f64 0.1", "3fb999999999999a false"},
		{"f64 1e-400", "0000000000000000 false"},
		{"f32 16777217", "4b800000 false"},
		{"i64 18446744073709551616", "0 false"},
		{"u64 18446744073709551615", "18446744073709551615 true"},
		{"bitlen neg 9223372036854775808", "64"},
		{"sign neg 0.5", "-1"},
		{"rep int8 127", "true Int|127|127"},
		{"rep int8 128", "false"},
		{"rep uint8 neg 1", "false"},
		{"rep uint64 18446744073709551615", "true Int|18446744073709551615|18446744073709551615"},
		{"rep int 1.0", "true Int|1|1"},
		{"rep float32 0.1", "true Float|0.1|13421773/134217728"},
		{"rep float32 1e39", "false"},
		{"rep float64 1e309", "false"},
		{"rep complex64 1.5i", "true Complex|(0 + 1.5i)|(0 + 3/2i)"},
		{"rep string \"x\"", "true String|\"x\"|\"x\""},
	};
	for (size_t i = 0; i < NELEM(cases); i++)
		check_line(cases[i][0], cases[i][1]);

	/* String(): long strings are cut to 69 runes plus "..." */
	{
		char lit[200];
		memset(lit, 'x', sizeof lit);
		lit[0] = '"';
		lit[101] = '"';
		Const s = const_from_literal(&arena, TOK_STRING, lit, 102);
		const char *str = const_str(&arena, s);
		CHECK(strlen(str) == 72 && !strcmp(str + 69, "..."));
		CHECK(strlen(const_exact_str(&arena, s)) == 102);
		arena_free(&arena);
	}
	/* representation errors as go/types classifies them */
	{
		Const c = const_from_literal(&arena, TOK_INT, "300", 3), out;
		CHECK(const_representation(&arena, c, BK_UNTYPED_INT, BK_INT8, 8, &out) == CONST_REP_OVERFLOW);
		Const f = const_from_literal(&arena, TOK_FLOAT, "1.5", 3);
		CHECK(const_representation(&arena, f, BK_UNTYPED_FLOAT, BK_INT, 8, &out) == CONST_REP_TRUNCATED);
		CHECK(const_representation(&arena, f, BK_UNTYPED_FLOAT, BK_STRING, 8, &out) == CONST_REP_INVALID);
		CHECK(const_representation(&arena, f, BK_UNTYPED_FLOAT, BK_FLOAT32, 8, &out) == CONST_REP_OK);
		CHECK(const_representable(&arena, const_int64(1LL << 40), BK_UINT, 4, NULL) == false);
		CHECK(const_representable(&arena, const_int64(-1), BK_UINTPTR, 8, NULL) == false);
		arena_free(&arena);
	}
	/* the untyped overflow limit: 512 bits */
	{
		Const one = const_int64(1);
		Const x = const_shift(&arena, one, TOK_SHL, 511); /* 2^511: 512 bits */
		CHECK(!const_untyped_overflows(x));
		x = const_shift(&arena, one, TOK_SHL, 512);
		CHECK(const_untyped_overflows(x));
		CHECK(!strcmp(const_op_name(TOK_MUL, false), "multiplication"));
		CHECK(!strcmp(const_op_name(TOK_XOR, true), "bitwise complement"));
		char msg[100];
		snprintf(msg, sizeof msg, CONST_MSG_OVERFLOW, const_op_name(TOK_SHL, false));
		CHECK(!strcmp(msg, "constant shift overflow"));
		arena_free(&arena);
	}
	/* values outlive nothing but their arena; operands from another arena */
	{
		Arena keep;
		arena_init(&keep);
		Const big = const_from_literal(&keep, TOK_INT, "123456789012345678901234567890", 30);
		Const r = const_binary(&arena, big, TOK_MUL, big);
		CHECK(!strcmp(const_exact_str(&arena, r), "15241578753238836750495351562536198787501905199875019052100"));
		arena_free(&arena);
		CHECK(!strcmp(const_exact_str(&arena, big), "123456789012345678901234567890"));
		arena_free(&arena);
		arena_free(&keep);
	}
	CHECK(go_isprint('a') && !go_isprint(0x200b) && go_isprint(0x4e16) && !go_isprint(0xe0001));
	CHECK(!strcmp(basic_kind_names[BK_UNTYPED_FLOAT], "untyped float"));
}

int main(int argc, char **argv)
{
	arena_init(&arena);
	if (argc > 1 && !strcmp(argv[1], "-eval"))
		return run_eval();
	if (argc > 2 && !strcmp(argv[1], "-gen"))
		return run_gen(strtoull(argv[2], NULL, 10));
	unit_tests();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
