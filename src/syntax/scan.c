/*
 * scan.c — the scanner: Go source bytes to go/token tokens, with gc's
 * behaviour (cmd/compile/internal/syntax/scanner.go): the same errors in
 * the same words at the same positions, and the same semicolon
 * insertion.  Only the token kinds and literal values follow go/token
 * (raw strings and comments have their carriage returns dropped, as
 * go/scanner does).
 *
 * How it reads.  The source is a NUL-terminated byte array; the scanner
 * keeps one offset and dispatches on the byte there.  ASCII runs
 * (identifiers, string bodies, comments) are scanned by table-driven
 * loops that stop at any byte needing attention: a NUL (the end of input
 * only when off == len), a byte >= 0x80, or the byte that ends the run.
 * Everything else decodes through peek(), which behaves like gc's nextch:
 * a NUL byte ("invalid NUL character"), an invalid UTF-8 byte ("invalid
 * UTF-8 encoding") or a BOM after offset 0 ("invalid BOM in the middle of
 * the file") is reported and skipped as if absent, wherever it occurs.
 * Lookahead may peek at such a byte more than once; s->badoff makes sure
 * each is reported once.
 *
 * Positions.  Every newline consumed (between tokens, in raw strings, in
 * comments) adds a line start to the file's table, so raw positions are
 * exact.  Line directives ("//line f:l:c" in a line comment, "line f:l:c"
 * opening a general comment) become LineDirectives by the rules of gc's
 * parser (updateBase): a line comment counts only at the start of a line
 * and applies from the next line on; a general comment counts anywhere
 * and applies right after it.
 *
 * Semicolons.  After an identifier, a literal, one of the keywords break,
 * continue, fallthrough and return, or one of ++ -- ) ] }, a newline (or
 * EOF, or a general comment spanning lines) becomes a SEMICOLON whose lit
 * is "newline" (or "EOF") and whose position is that of the newline (the
 * end of input, the comment).  A written ';' has lit "semicolon".  With
 * SCAN_COMMENTS, comments are returned in source order: a line comment
 * before the newline's semicolon, a multi-line general comment after the
 * semicolon it causes.
 */
#include "syntax.h"
#include "unicode.h"

#include <stdarg.h>

/* ---- character classes ---- */

enum {
	CL_IDENT = 1 << 0,  /* [A-Za-z0-9_] */
	CL_DIGIT = 1 << 1,  /* [0-9] */
	CL_HEX = 1 << 2,    /* [0-9A-Fa-f] */
	CL_LETTER = 1 << 3, /* [A-Za-z_] */
	/* the bytes that stop a run: NUL and >= 0x80 stop all of them */
	CL_STR = 1 << 4, /* interpreted string: " \ newline */
	CL_RAW = 1 << 5, /* raw string: ` newline CR */
	CL_CMT = 1 << 6, /* line comment: newline CR */
	CL_BLK = 1 << 7, /* general comment: * newline CR */
};

static const uint8_t cls[256] = {
	0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0x00, 0x00, 0xe0, 0x00, 0x00, /* 00 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* 10 */
	0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, /* 20 */
	0x07, 0x07, 0x07, 0x07, 0x07, 0x07, 0x07, 0x07, 0x07, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* 30 */
	0x00, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, /* 40 */
	0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x00, 0x10, 0x00, 0x00, 0x09, /* 50 */
	0x20, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, /* 60 */
	0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, /* 70 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* 80 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* 90 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* a0 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* b0 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* c0 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* d0 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* e0 */
	0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0, /* f0 */
};

/* white space between tokens (a newline is handled apart) */
static const bool wsp[256] = {[' '] = true, ['\t'] = true, ['\r'] = true};

/* SWAR: does the 8-byte word w hold a zero byte / a byte >= 0x80? */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static inline uint64_t has_zero(uint64_t w) { return (w - ONES) & ~w & HIGHS; }
static inline uint64_t load64(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

#define EOFCH (-1)

static inline int32_t lower(int32_t c) { return c | ('a' - 'A'); } /* lower-case iff c is an ASCII letter */
static inline bool isdec(int32_t c) { return c >= '0' && c <= '9'; }
static inline bool ishex(int32_t c) { return isdec(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

/* ---- errors, formatted as Go's fmt does ---- */

static void errorf(Scanner *s, uint32_t off, const char *fmt, ...) PRINTF(3, 4);
static void errorf(Scanner *s, uint32_t off, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_error(s->diags, srcfile_pos(s->file, off), "%s", buf);
}

/* fmt's %#U: "U+0040 '@'" (the quoted form only for printable runes). */
static const char *fmt_U(char *buf, uint32_t r)
{
	int n = snprintf(buf, 24, "U+%04X", r);
	if (r <= RUNE_MAX && uni_is_print(r)) {
		unsigned char u[4];
		int w = utf8_encode(u, r);
		buf[n++] = ' ';
		buf[n++] = '\'';
		memcpy(buf + n, u, (size_t)w);
		n += w;
		buf[n++] = '\'';
		buf[n] = 0;
	}
	return buf;
}

/* fmt's %q of a rune (strconv.QuoteRune). */
static const char *fmt_q(char *buf, int32_t c)
{
	uint32_t r = (uint32_t)c;
	if (c < 0 || r > RUNE_MAX || (r >= 0xD800 && r < 0xE000))
		r = RUNE_ERROR;
	int n = 0;
	buf[n++] = '\'';
	if (r == '\'' || r == '\\') {
		buf[n++] = '\\';
		buf[n++] = (char)r;
	} else if (uni_is_print(r)) {
		n += utf8_encode((unsigned char *)buf + n, r);
	} else {
		const char *esc = NULL;
		switch (r) {
		case '\a': esc = "\\a"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\v': esc = "\\v"; break;
		}
		if (esc)
			n += sprintf(buf + n, "%s", esc);
		else if (r < 0x80)
			n += sprintf(buf + n, "\\x%02x", r);
		else if (r < 0x10000)
			n += sprintf(buf + n, "\\u%04x", r);
		else
			n += sprintf(buf + n, "\\U%08x", r);
	}
	buf[n++] = '\'';
	buf[n] = 0;
	return buf;
}

static const char *base_name(int base)
{
	switch (base) {
	case 2: return "binary";
	case 8: return "octal";
	case 10: return "decimal";
	default: return "hexadecimal";
	}
}

/* ---- reading characters ---- */

static inline void addline(Scanner *s, uint32_t off)
{
	SrcFile *f = s->file;
	if (LIKELY(f->nlines < f->caplines && off > f->lines[f->nlines - 1]))
		f->lines[f->nlines++] = off;
	else
		srcfile_addline(f, off);
}

static void badbyte(Scanner *s, uint32_t off, const char *msg)
{
	if (off < s->badoff)
		return;
	s->badoff = off + 1;
	errorf(s, off, "%s", msg);
}

/* The character at *offp, after skipping (and reporting) NULs, invalid
 * UTF-8 bytes and BOMs; *offp is moved to it, *wp gets its width.
 * Returns EOFCH at the end of input. */
static int32_t peekslow(Scanner *s, uint32_t *offp, int *wp)
{
	const unsigned char *src = (const unsigned char *)s->src;
	for (;;) {
		uint32_t off = *offp;
		uint32_t c = src[off];
		if (c == 0) {
			if (off >= s->len) {
				*wp = 0;
				return EOFCH;
			}
			badbyte(s, off, "invalid NUL character");
			*offp = off + 1;
			continue;
		}
		if (c < 0x80) {
			*wp = 1;
			return (int32_t)c;
		}
		int w;
		uint32_t r = utf8_decode(src + off, s->len - off, &w);
		if (r == RUNE_ERROR && w == 1) {
			badbyte(s, off, "invalid UTF-8 encoding");
			*offp = off + 1;
			continue;
		}
		if (r == RUNE_BOM) {
			if (off > 0)
				badbyte(s, off, "invalid BOM in the middle of the file");
			*offp = off + (uint32_t)w;
			continue;
		}
		*wp = w;
		return (int32_t)r;
	}
}

static inline int32_t peek(Scanner *s, uint32_t *offp, int *wp)
{
	uint32_t c = (unsigned char)s->src[*offp];
	if (LIKELY(c - 1 < 0x7f)) {
		*wp = 1;
		return (int32_t)c;
	}
	return peekslow(s, offp, wp);
}

/* ---- keywords: gc's perfect hash (first two bytes and length) ---- */

static const struct {
	const char *s;
	uint8_t n, tok;
} kwtab[64] = {
	[0] = {"else", 4, TOK_ELSE},         [3] = {"import", 6, TOK_IMPORT},
	[4] = {"var", 3, TOK_VAR},           [6] = {"range", 5, TOK_RANGE},
	[7] = {"interface", 9, TOK_INTERFACE}, [10] = {"struct", 6, TOK_STRUCT},
	[11] = {"return", 6, TOK_RETURN},    [12] = {"fallthrough", 11, TOK_FALLTHROUGH},
	[13] = {"switch", 6, TOK_SWITCH},    [18] = {"for", 3, TOK_FOR},
	[21] = {"case", 4, TOK_CASE},        [23] = {"break", 5, TOK_BREAK},
	[25] = {"func", 4, TOK_FUNC},        [27] = {"select", 6, TOK_SELECT},
	[28] = {"chan", 4, TOK_CHAN},        [33] = {"go", 2, TOK_GO},
	[35] = {"goto", 4, TOK_GOTO},        [36] = {"const", 5, TOK_CONST},
	[39] = {"continue", 8, TOK_CONTINUE}, [40] = {"package", 7, TOK_PACKAGE},
	[42] = {"defer", 5, TOK_DEFER},      [44] = {"default", 7, TOK_DEFAULT},
	[52] = {"map", 3, TOK_MAP},          [56] = {"if", 2, TOK_IF},
	[61] = {"type", 4, TOK_TYPE},
};

static inline Token keyword(const unsigned char *p, uint32_t n)
{
	if (n < 2 || n > 11)
		return TOK_IDENT;
	unsigned h = (((unsigned)p[0] << 4 ^ p[1]) + n) & 63;
	if (kwtab[h].n != n)
		return TOK_IDENT;
	for (uint32_t i = 0; i < n; i++) /* (short: cheaper than a call to memcmp) */
		if (kwtab[h].s[i] != (char)p[i])
			return TOK_IDENT;
	return (Token)kwtab[h].tok;
}

/* ---- tokens ---- */

static inline void setlit(Scanner *s, Token tok, uint32_t start, uint32_t end)
{
	s->tok = tok;
	s->lit = (Str){s->src + start, end - start};
	s->off = end;
}

/* The rest of an identifier; off is just after its first character. */
static inline void ident(Scanner *s, uint32_t start, uint32_t off)
{
	const unsigned char *src = (const unsigned char *)s->src;
	for (;;) {
		while (cls[src[off]] & CL_IDENT)
			off++;
		uint32_t c = src[off];
		if (c < 0x80 && (c != 0 || off >= s->len))
			break;
		/* NUL or non-ASCII: gc takes every rune >= 0x80 into the identifier */
		int w;
		int32_t r = peekslow(s, &off, &w);
		if (r < 0x80) {
			if (r >= 0 && (cls[r] & CL_IDENT)) {
				off++;
				continue;
			}
			break;
		}
		if (!uni_is_letter((uint32_t)r) && !uni_is_digit((uint32_t)r)) {
			char b[24];
			errorf(s, off, "invalid character %s in identifier", fmt_U(b, (uint32_t)r));
		}
		off += (uint32_t)w;
	}
	Token t = keyword(src + start, off - start);
	setlit(s, t, start, off);
	s->nlsemi = t == TOK_IDENT || t == TOK_BREAK || t == TOK_CONTINUE || t == TOK_FALLTHROUGH || t == TOK_RETURN;
}

/* digits accepts { digit | '_' } (see gc's scanner.digits): returns bit 0
 * if a digit was seen, bit 1 if a '_' was.  For base <= 10 it accepts any
 * decimal digit but records the offset (from start) of the first one >= base. */
static int digits(Scanner *s, uint32_t *offp, int32_t *cp, int base, int *invalid, uint32_t start)
{
	int digsep = 0, w;
	uint32_t off = *offp;
	int32_t c = *cp;
	if (base <= 10) {
		int32_t max = '0' + base;
		while (isdec(c) || c == '_') {
			if (c == '_')
				digsep |= 2;
			else {
				digsep |= 1;
				if (c >= max && invalid && *invalid < 0)
					*invalid = (int)(off - start);
			}
			off++;
			c = peek(s, &off, &w);
		}
	} else {
		while (ishex(c) || c == '_') {
			digsep |= c == '_' ? 2 : 1;
			off++;
			c = peek(s, &off, &w);
		}
	}
	*offp = off;
	*cp = c;
	return digsep;
}

/* The index of the first misplaced '_' in the literal x, or -1 (gc's invalidSep). */
static int invalid_sep(const char *x, uint32_t n)
{
	int32_t x1 = ' ', d = '.';
	uint32_t i = 0;
	if (n >= 2 && x[0] == '0') {
		x1 = lower((unsigned char)x[1]);
		if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
			d = '0';
			i = 2;
		}
	}
	for (; i < n; i++) {
		int32_t p = d;
		d = (unsigned char)x[i];
		if (d == '_') {
			if (p != '0')
				return (int)i;
		} else if (isdec(d) || (x1 == 'x' && ishex(d))) {
			d = '0';
		} else {
			if (p == '_')
				return (int)i - 1;
			d = '.';
		}
	}
	if (d == '_')
		return (int)n - 1;
	return -1;
}

/* A number literal from start; off is at the current character (after
 * the '.' if seen_point). */
static void number(Scanner *s, uint32_t start, uint32_t off, bool seen_point)
{
	bool ok = true;
	Token kind = TOK_INT;
	int base = 10, digsep = 0, invalid = -1, w;
	int32_t prefix = 0; /* 0 (decimal), '0' (0-octal), 'x', 'o' or 'b' */
	int32_t c = peek(s, &off, &w);
	char b[32];

	if (!seen_point) {
		if (c == '0') {
			off++;
			c = peek(s, &off, &w);
			switch (lower(c)) {
			case 'x': base = 16, prefix = 'x'; break;
			case 'o': base = 8, prefix = 'o'; break;
			case 'b': base = 2, prefix = 'b'; break;
			default: base = 8, prefix = '0', digsep = 1; /* leading 0 */
			}
			if (prefix != '0') {
				off++;
				c = peek(s, &off, &w);
			}
		}
		digsep |= digits(s, &off, &c, base, &invalid, start);
		if (c == '.') {
			if (prefix == 'o' || prefix == 'b') {
				errorf(s, off, "invalid radix point in %s literal", base_name(base));
				ok = false;
			}
			off++;
			c = peek(s, &off, &w);
			seen_point = true;
		}
	}
	if (seen_point) {
		kind = TOK_FLOAT;
		digsep |= digits(s, &off, &c, base, &invalid, start);
	}
	if (!(digsep & 1) && ok) {
		errorf(s, off, "%s literal has no digits", base_name(base));
		ok = false;
	}

	int32_t e = lower(c);
	if (e == 'e' || e == 'p') {
		if (ok) {
			if (e == 'e' && prefix != 0 && prefix != '0') {
				errorf(s, off, "%s exponent requires decimal mantissa", fmt_q(b, c));
				ok = false;
			} else if (e == 'p' && prefix != 'x') {
				errorf(s, off, "%s exponent requires hexadecimal mantissa", fmt_q(b, c));
				ok = false;
			}
		}
		off++;
		c = peek(s, &off, &w);
		kind = TOK_FLOAT;
		if (c == '+' || c == '-') {
			off++;
			c = peek(s, &off, &w);
		}
		digsep = digits(s, &off, &c, 10, NULL, start) | (digsep & 2);
		if (!(digsep & 1) && ok) {
			errorf(s, off, "exponent has no digits");
			ok = false;
		}
	} else if (prefix == 'x' && kind == TOK_FLOAT && ok) {
		errorf(s, off, "hexadecimal mantissa requires a 'p' exponent");
		ok = false;
	}
	if (c == 'i') {
		kind = TOK_IMAG;
		off++;
	}
	setlit(s, kind, start, off);
	s->nlsemi = true;

	if (kind == TOK_INT && invalid >= 0 && ok) {
		errorf(s, start + (uint32_t)invalid, "invalid digit %s in %s literal",
		       fmt_q(b, (unsigned char)s->src[start + (uint32_t)invalid]), base_name(base));
		ok = false;
	}
	if ((digsep & 2) && ok) {
		int i = invalid_sep(s->lit.p, s->lit.n);
		if (i >= 0) {
			errorf(s, start + (uint32_t)i, "'_' must separate successive digits");
			ok = false;
		}
	}
	s->bad = !ok;
}

/* An escape sequence; *offp is just after the backslash.  Reports and
 * returns false if it is malformed (EOF is left to the caller). */
static bool escape(Scanner *s, uint32_t *offp, int32_t quote)
{
	int n, w;
	uint32_t base, max;
	char b[32];
	int32_t c = peek(s, offp, &w);
	switch (c) {
	case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
		*offp += 1;
		return true;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8, max = 255;
		break;
	case 'x':
		*offp += 1;
		n = 2, base = 16, max = 255;
		break;
	case 'u':
		*offp += 1;
		n = 4, base = 16, max = RUNE_MAX;
		break;
	case 'U':
		*offp += 1;
		n = 8, base = 16, max = RUNE_MAX;
		break;
	default:
		if (c == quote) {
			*offp += 1;
			return true;
		}
		if (c < 0)
			return true; /* the caller complains about EOF */
		errorf(s, *offp, "unknown escape");
		return false;
	}

	uint32_t x = 0;
	for (int i = n; i > 0; i--) {
		c = peek(s, offp, &w);
		if (c < 0)
			return true;
		uint32_t d = base;
		if (isdec(c))
			d = (uint32_t)(c - '0');
		else if (lower(c) >= 'a' && lower(c) <= 'f')
			d = (uint32_t)(lower(c) - 'a' + 10);
		if (d >= base) {
			errorf(s, *offp, "invalid character %s in %s escape", fmt_q(b, c), base_name((int)base));
			return false;
		}
		x = x * base + d;
		*offp += 1;
	}
	if (x > max && base == 8) {
		peek(s, offp, &w);
		errorf(s, *offp, "octal escape value %u > 255", x);
		return false;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		peek(s, offp, &w);
		errorf(s, *offp, "escape is invalid Unicode code point %s", fmt_U(b, x));
		return false;
	}
	return true;
}

static void rune_lit(Scanner *s, uint32_t start)
{
	bool ok = true;
	uint32_t off = start + 1;
	for (int n = 0;; n++) {
		int w;
		int32_t c = peek(s, &off, &w);
		if (c == '\'') {
			if (ok) {
				if (n == 0) {
					errorf(s, off, "empty rune literal or unescaped '");
					ok = false;
				} else if (n != 1) {
					errorf(s, start, "more than one character in rune literal");
					ok = false;
				}
			}
			off++;
			break;
		}
		if (c == '\\') {
			off++;
			if (!escape(s, &off, '\''))
				ok = false;
			continue;
		}
		if (c == '\n') {
			if (ok) {
				errorf(s, off, "newline in rune literal");
				ok = false;
			}
			break;
		}
		if (c < 0) {
			if (ok) {
				errorf(s, start, "rune literal not terminated");
				ok = false;
			}
			break;
		}
		off += (uint32_t)w;
	}
	setlit(s, TOK_CHAR, start, off);
	s->nlsemi = true;
	s->bad = !ok;
}

static void std_string(Scanner *s, uint32_t start)
{
	const unsigned char *src = (const unsigned char *)s->src;
	bool ok = true;
	uint32_t off = start + 1;
	for (;;) {
		while (!(cls[src[off]] & CL_STR))
			off++;
		uint32_t c = src[off];
		if (c == '"') {
			off++;
			break;
		}
		if (c == '\\') {
			off++;
			if (!escape(s, &off, '"'))
				ok = false;
			continue;
		}
		if (c == '\n') {
			errorf(s, off, "newline in string");
			ok = false;
			break;
		}
		int w;
		int32_t r = peekslow(s, &off, &w);
		if (r < 0) {
			errorf(s, start, "string not terminated");
			ok = false;
			break;
		}
		if (r >= 0x80)
			off += (uint32_t)w;
		/* else: look at the ASCII character again */
	}
	setlit(s, TOK_STRING, start, off);
	s->nlsemi = true;
	s->bad = !ok;
}

/* A copy of b[0:n] in the arena without its carriage returns, as
 * go/scanner's stripCR (in a general comment, a CR between '*' and '/'
 * stays, so that the comment does not end early). */
static Str strip_cr(Scanner *s, const char *b, uint32_t n, bool comment)
{
	char *c = arena_alloc(s->arena, n + 1);
	uint32_t i = 0;
	for (uint32_t j = 0; j < n; j++) {
		if (b[j] != '\r' || (comment && i > 2 && c[i - 1] == '*' && j + 1 < n && b[j + 1] == '/'))
			c[i++] = b[j];
	}
	return (Str){c, i};
}

static void raw_string(Scanner *s, uint32_t start)
{
	const unsigned char *src = (const unsigned char *)s->src;
	bool ok = true, cr = false;
	uint32_t off = start + 1;
	for (;;) {
		while (!(cls[src[off]] & CL_RAW))
			off++;
		uint32_t c = src[off];
		if (c == '`') {
			off++;
			break;
		}
		if (c == '\n') {
			off++;
			addline(s, off);
			continue;
		}
		if (c == '\r') {
			cr = true;
			off++;
			continue;
		}
		int w;
		int32_t r = peekslow(s, &off, &w);
		if (r < 0) {
			errorf(s, start, "string not terminated");
			ok = false;
			break;
		}
		if (r >= 0x80)
			off += (uint32_t)w;
	}
	setlit(s, TOK_STRING, start, off);
	if (cr)
		s->lit = strip_cr(s, s->lit.p, s->lit.n, false);
	s->nlsemi = true;
	s->bad = !ok;
}

/* ---- directives ---- */

static bool has_prefix(const char *p, uint32_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(p, pre, k) == 0;
}

/* strconv.ParseUint(p[0:n], 10, 0) succeeds (and yields *v) */
static bool parse_uint(const char *p, uint32_t n, uint64_t *v)
{
	if (n == 0)
		return false;
	uint64_t x = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (!isdec(p[i]))
			return false;
		uint64_t d = (uint64_t)(p[i] - '0');
		if (x > (UINT64_MAX - d) / 10)
			return false;
		x = x * 10 + d;
	}
	*v = x;
	return true;
}

/* gc's trailingDigits: i is the index after the last ':' (0 if none). */
static uint32_t trailing_digits(const char *t, uint32_t n, uint64_t *v, bool *ok)
{
	uint32_t i = n;
	while (i > 0 && t[i - 1] != ':')
		i--;
	if (i == 0) {
		*ok = false;
		return 0;
	}
	*ok = parse_uint(t + i, n - i, v);
	return i;
}

#define POS_MAX (1u << 30)

/* A line directive's text t[0:n] (after "line "), which starts at offset
 * toff; it applies from offset at on (gc's parser.updateBase).
 *
 * A general comment spanning lines is a special case: gc anchors the
 * directive on the comment's first line (at the column just past the
 * comment's length), while a LineDirective is anchored at offset `at` on
 * the comment's last line.  nl, the number of newlines in the comment,
 * lets the line be compensated; the column then reads as the raw one, as
 * gc's does on every line after the first. */
static void line_directive(Scanner *s, const char *t, uint32_t n, uint32_t toff, uint32_t at, uint32_t nl)
{
	uint64_t v, v2;
	bool ok, ok2;
	uint32_t i = trailing_digits(t, n, &v, &ok);
	if (i == 0)
		return; /* not a line directive */
	if (!ok) {
		errorf(s, toff + i, "invalid line number: %.*s", (int)(n - i), t + i);
		return;
	}
	uint64_t line = v, col = 0;
	uint32_t i2 = trailing_digits(t, i - 1, &v2, &ok2);
	if (ok2) { /* filename:line:col */
		uint32_t tmp = i;
		i = i2;
		i2 = tmp;
		line = v2;
		col = v;
		if (col == 0 || col > POS_MAX) {
			errorf(s, toff + i2, "invalid column number: %.*s", (int)(n - i2), t + i2);
			return;
		}
		n = i2 - 1;
	}
	if (line == 0 || line > POS_MAX) {
		errorf(s, toff + i, "invalid line number: %.*s", (int)(n - i), t + i);
		return;
	}
	const char *filename;
	if (i - 1 == 0 && ok2) /* empty filename with a column: keep the current one */
		filename = s->file->ndirs ? s->file->dirs[s->file->ndirs - 1].filename : s->file->name;
	else
		filename = arena_strndup(s->arena, t, i - 1);
	if (nl > 0) {
		line += nl;
		if (col > 0) {
			uint32_t ls = at;
			while (ls > 0 && s->src[ls - 1] != '\n')
				ls--;
			col = at - ls + 1;
		}
	}
	srcfile_adddirective(s->file, (LineDirective){at, filename, (uint32_t)line, (uint32_t)col});
}

static void keep_directive(Scanner *s, uint32_t start, uint32_t end)
{
	if (s->ndirs == s->capdirs) {
		uint32_t cap = s->capdirs ? s->capdirs * 2 : 8;
		Directive *d = arena_alloc(s->arena, cap * sizeof *d);
		if (s->ndirs)
			memcpy(d, s->dirs, s->ndirs * sizeof *d);
		s->dirs = d;
		s->capdirs = cap;
	}
	s->dirs[s->ndirs++] = (Directive){srcfile_pos(s->file, start), {s->src + start, end - start}};
}

/* ---- comments ---- */

/* A line comment from start ("//"); its text begins at body (start + 2
 * unless bad bytes came between the slashes).  Returns its end (before
 * the newline). */
static uint32_t line_comment(Scanner *s, uint32_t start, uint32_t body, bool *cr)
{
	const unsigned char *src = (const unsigned char *)s->src;
	uint32_t off = body;
	for (;;) {
		/* 8 bytes at a time while none is a newline, CR, NUL or >= 0x80 */
		while (off + 8 <= s->len) {
			uint64_t w = load64(src + off);
			if ((w & HIGHS) | has_zero(w) | has_zero(w ^ ('\n' * ONES)) | has_zero(w ^ ('\r' * ONES)))
				break;
			off += 8;
		}
		while (!(cls[src[off]] & CL_CMT))
			off++;
		uint32_t c = src[off];
		if (c == '\n')
			break;
		if (c == '\r') {
			*cr = true;
			off++;
			continue;
		}
		int w;
		int32_t r = peekslow(s, &off, &w);
		if (r < 0)
			break;
		if (r >= 0x80)
			off += (uint32_t)w;
	}
	/* directives: the text without "//" and without a final CR */
	const char *t = s->src + body;
	uint32_t n = off - body;
	if (n > 0 && t[n - 1] == '\r')
		n--;
	if (n >= 3 && (t[0] == 'g' || t[0] == 'l' || t[0] == 'e')) {
		if (has_prefix(t, n, "line ")) {
			if (start == 0 || src[start - 1] == '\n')
				line_directive(s, t + 5, n - 5, body + 5, src[off] == '\n' ? off + 1 : off, 0);
			keep_directive(s, start, body + n);
		} else if (has_prefix(t, n, "go:") || has_prefix(t, n, "export ") || has_prefix(t, n, "extern ")) {
			keep_directive(s, start, body + n);
		}
	}
	return off;
}

/* A general comment from start ("/ *"), its text from body; returns its end. */
static uint32_t general_comment(Scanner *s, uint32_t start, uint32_t body, bool *cr)
{
	const unsigned char *src = (const unsigned char *)s->src;
	uint32_t off = body;
	for (;;) {
		while (off + 8 <= s->len) {
			uint64_t w = load64(src + off);
			if ((w & HIGHS) | has_zero(w) | has_zero(w ^ ('\n' * ONES)) | has_zero(w ^ ('\r' * ONES)) |
			    has_zero(w ^ ('*' * ONES)))
				break;
			off += 8;
		}
		while (!(cls[src[off]] & CL_BLK))
			off++;
		uint32_t c = src[off];
		int w;
		if (c == '*') {
			off++;
			if (peek(s, &off, &w) == '/') {
				off++;
				break;
			}
			continue;
		}
		if (c == '\n') {
			off++;
			addline(s, off);
			continue;
		}
		if (c == '\r') {
			*cr = true;
			off++;
			continue;
		}
		int32_t r = peekslow(s, &off, &w);
		if (r < 0) {
			errorf(s, start, "comment not terminated");
			return off;
		}
		if (r >= 0x80)
			off += (uint32_t)w;
	}
	const char *t = s->src + body;
	uint32_t n = off - body - 2;
	if (has_prefix(t, n, "line ")) {
		uint32_t nl = 0;
		for (uint32_t i = 0; i < n; i++)
			nl += t[i] == '\n';
		line_directive(s, t + 5, n - 5, body + 5, off, nl);
	}
	return off;
}

/* Does the general comment whose text begins at body span lines?  (Lookahead only.) */
static bool comment_has_newline(Scanner *s, uint32_t body)
{
	const char *p = s->src + body, *end = s->src + s->len;
	for (; p < end; p++) {
		if (*p == '\n')
			return true;
		if (*p == '*' && p + 1 < end && p[1] == '/')
			return false;
	}
	return false;
}

/* ---- the scanner ---- */

static const Str lit_semicolon = STR_LIT("semicolon");
static const Str lit_newline = STR_LIT("newline");
static const Str lit_eof = STR_LIT("EOF");

void scan_init(Scanner *s, SrcFile *f, const char *src, uint32_t len, int mode, DiagList *d, Arena *a)
{
	memset(s, 0, sizeof *s);
	s->file = f;
	s->src = src;
	s->len = len;
	s->mode = mode;
	s->diags = d;
	s->arena = a;
	if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		s->off = 3;
}

#define OP(t, n) do { s->tok = (t); s->lit = (Str){s->src + start, (n)}; s->off = start + (n); return; } while (0)

void scan_next(Scanner *s)
{
	const unsigned char *src = (const unsigned char *)s->src;
	uint32_t off = s->off, start, o;
	bool nlsemi = s->nlsemi;
	int32_t c2;
	int w;
	s->nlsemi = false;
	s->bad = false;

redo:
	for (;;) {
		while (wsp[src[off]])
			off++;
		if (src[off] != '\n' || nlsemi)
			break;
		off++;
		addline(s, off);
	}
	start = off;
	s->pos = srcfile_pos(s->file, start);
	uint32_t c = src[off];
	if (cls[c] & CL_LETTER) {
		ident(s, start, off + 1);
		return;
	}

	switch (c) {
	case 0:
		if (off >= s->len) {
			s->off = off;
			if (nlsemi) {
				s->tok = TOK_SEMICOLON;
				s->lit = lit_eof;
				return;
			}
			s->tok = TOK_EOF;
			s->lit = (Str){s->src + off, 0};
			return;
		}
		badbyte(s, off, "invalid NUL character");
		off++;
		goto redo;

	case '\n':
		s->tok = TOK_SEMICOLON;
		s->lit = lit_newline;
		s->off = off + 1;
		addline(s, off + 1);
		return;

	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		number(s, start, off, false);
		return;

	case '"':
		std_string(s, start);
		return;
	case '`':
		raw_string(s, start);
		return;
	case '\'':
		rune_lit(s, start);
		return;

	case '(': OP(TOK_LPAREN, 1);
	case '[': OP(TOK_LBRACK, 1);
	case '{': OP(TOK_LBRACE, 1);
	case ',': OP(TOK_COMMA, 1);
	case ';':
		s->tok = TOK_SEMICOLON;
		s->lit = lit_semicolon;
		s->off = off + 1;
		return;
	case ')': s->nlsemi = true; OP(TOK_RPAREN, 1);
	case ']': s->nlsemi = true; OP(TOK_RBRACK, 1);
	case '}': s->nlsemi = true; OP(TOK_RBRACE, 1);
	case '~': OP(TOK_TILDE, 1);

	case ':':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_DEFINE, o + 1 - start);
		OP(TOK_COLON, 1);

	case '.':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (isdec(c2)) {
			number(s, start, o, true);
			return;
		}
		if (c2 == '.') {
			uint32_t o2 = o + 1;
			if (peek(s, &o2, &w) == '.')
				OP(TOK_ELLIPSIS, o2 + 1 - start);
		}
		OP(TOK_PERIOD, 1);

	case '+':
	case '-':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == (int32_t)c) {
			s->nlsemi = true;
			OP(c == '+' ? TOK_INC : TOK_DEC, o + 1 - start);
		}
		if (c2 == '=')
			OP(c == '+' ? TOK_ADD_ASSIGN : TOK_SUB_ASSIGN, o + 1 - start);
		OP(c == '+' ? TOK_ADD : TOK_SUB, 1);

	case '*':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_MUL_ASSIGN, o + 1 - start);
		OP(TOK_MUL, 1);

	case '/':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == '/' || c2 == '*') {
			bool cr = false;
			uint32_t end;
			if (c2 == '/') {
				end = line_comment(s, start, o + 1, &cr);
			} else {
				if (nlsemi && comment_has_newline(s, o + 1)) {
					/* acts like a newline; the comment itself comes next */
					s->tok = TOK_SEMICOLON;
					s->lit = lit_newline;
					s->off = start;
					return;
				}
				end = general_comment(s, start, o + 1, &cr);
			}
			if (!(s->mode & SCAN_COMMENTS)) {
				off = end;
				goto redo;
			}
			s->tok = TOK_COMMENT;
			s->lit = (Str){s->src + start, end - start};
			if (cr)
				s->lit = strip_cr(s, s->lit.p, s->lit.n, c2 == '*');
			s->off = end;
			s->nlsemi = nlsemi; /* a comment does not consume the pending newline */
			return;
		}
		if (c2 == '=')
			OP(TOK_QUO_ASSIGN, o + 1 - start);
		OP(TOK_QUO, 1);

	case '%':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_REM_ASSIGN, o + 1 - start);
		OP(TOK_REM, 1);

	case '&':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == '&')
			OP(TOK_LAND, o + 1 - start);
		if (c2 == '^') {
			uint32_t o2 = o + 1;
			if (peek(s, &o2, &w) == '=')
				OP(TOK_AND_NOT_ASSIGN, o2 + 1 - start);
			OP(TOK_AND_NOT, o + 1 - start);
		}
		if (c2 == '=')
			OP(TOK_AND_ASSIGN, o + 1 - start);
		OP(TOK_AND, 1);

	case '|':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == '|')
			OP(TOK_LOR, o + 1 - start);
		if (c2 == '=')
			OP(TOK_OR_ASSIGN, o + 1 - start);
		OP(TOK_OR, 1);

	case '^':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_XOR_ASSIGN, o + 1 - start);
		OP(TOK_XOR, 1);

	case '<':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == '=')
			OP(TOK_LEQ, o + 1 - start);
		if (c2 == '-')
			OP(TOK_ARROW, o + 1 - start);
		if (c2 == '<') {
			uint32_t o2 = o + 1;
			if (peek(s, &o2, &w) == '=')
				OP(TOK_SHL_ASSIGN, o2 + 1 - start);
			OP(TOK_SHL, o + 1 - start);
		}
		OP(TOK_LSS, 1);

	case '>':
		o = off + 1;
		c2 = peek(s, &o, &w);
		if (c2 == '=')
			OP(TOK_GEQ, o + 1 - start);
		if (c2 == '>') {
			uint32_t o2 = o + 1;
			if (peek(s, &o2, &w) == '=')
				OP(TOK_SHR_ASSIGN, o2 + 1 - start);
			OP(TOK_SHR, o + 1 - start);
		}
		OP(TOK_GTR, 1);

	case '=':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_EQL, o + 1 - start);
		OP(TOK_ASSIGN, 1);

	case '!':
		o = off + 1;
		if (peek(s, &o, &w) == '=')
			OP(TOK_NEQ, o + 1 - start);
		OP(TOK_NOT, 1);

	default:
		if (c >= 0x80) {
			o = off;
			int32_t r = peekslow(s, &o, &w);
			if (o != off) { /* bad bytes skipped */
				off = o;
				goto redo;
			}
			/* gc starts an identifier at any rune >= 0x80 */
			if (!uni_is_letter((uint32_t)r)) {
				char b[24];
				if (uni_is_digit((uint32_t)r))
					errorf(s, off, "identifier cannot begin with digit %s", fmt_U(b, (uint32_t)r));
				else
					errorf(s, off, "invalid character %s in identifier", fmt_U(b, (uint32_t)r));
			}
			ident(s, start, off + (uint32_t)w);
			return;
		}
		{
			char b[24];
			errorf(s, off, "invalid character %s", fmt_U(b, c));
		}
		off++;
		goto redo;
	}
}

/* ---- the token dump ---- */

/* Prints p[0:n] quoted: '"' and '\' escaped, bytes < 0x20 and 0x7f as
 * \xHH, all others raw (the rule the AST dump shares). */
static void put_quoted(FILE *out, const char *p, uint32_t n)
{
	putc('"', out);
	for (uint32_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(out, "\\x%02x", c);
		} else {
			putc(c, out);
		}
	}
	putc('"', out);
}

int dump_tokens(FILE *out, SrcFile *f, const char *src, uint32_t len)
{
	DiagList d;
	diag_init(&d, 10);
	Arena a;
	arena_init(&a);
	Scanner s;
	scan_init(&s, f, src, len, SCAN_COMMENTS, &d, &a);
	do {
		scan_next(&s);
		Position p = pos_raw(s.pos);
		fprintf(out, "%d:%d %s", p.line, p.col, TOK_NAME(s.tok));
		if (s.tok == TOK_SEMICOLON) {
			putc(' ', out);
			put_quoted(out, s.lit.p[0] == 's' ? ";" : "\n", 1);
		} else if (tok_is_literal(s.tok) || s.tok == TOK_COMMENT) {
			putc(' ', out);
			put_quoted(out, s.lit.p, s.lit.n);
		}
		putc('\n', out);
	} while (s.tok != TOK_EOF);
	int nerr = 0;
	if (d.n > 0) {
		fflush(out);
		nerr = diag_flush(&d);
	}
	diag_free(&d);
	arena_free(&a);
	return nerr;
}
