/*
 * parse.c — statements of Go's assembly language (gc's cmd/asm/internal/asm
 * parser, amd64): labels, TEXT, DATA, GLOBL, PCDATA, FUNCDATA and
 * instructions.  Operands follow gc's rules:
 *
 *   AX, X3, g (R14), AL (the byte register: AX in a byte operation)
 *   $expr, $1.5, $"str", $sym+off(SB)         immediates and addresses
 *   off(R)(I*s), sym+off(SB)(I*s)               memory
 *   name+off(FP)   an argument (NAME_PARAM; the name is required)
 *   name-off(SP)   a local, relative to the pseudo-SP (NAME_AUTO)
 *   off(SP)        the hardware SP
 *   label, n(PC), sym(SB), AX, (AX)             branch targets
 *
 * `·name` is the package's own ("".name, gc's spelling; the object gets
 * the -p path), `pkg·name` another package's, `name<>` a symbol local to
 * the file.  Expressions are gc's: integers and characters with
 * + - * / % << >> & | ^ ~, evaluated in uint64.
 */
#include "asm.h"
#include "../base/intern.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>

/* ---- registers ---- */

enum { R_SB = 100, R_FP, R_PC, R_SPSEUDO, R_TLS };

typedef struct RegName {
	const char *name;
	int reg;
	bool byte; /* AL, CL, ... SPB, R8B: a byte register */
} RegName;

static int lookup_reg(const char *s, bool *isbyte)
{
	static const char *const gpr[] = {"AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI",
	                                  "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"};
	static const char *const b8[] = {"AL", "CL", "DL", "BL", "SPB", "BPB", "SIB", "DIB",
	                                 "R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B"};
	*isbyte = false;
	for (int i = 0; i < 16; i++) {
		if (strcmp(s, gpr[i]) == 0)
			return REG_AX + i;
		if (strcmp(s, b8[i]) == 0) {
			*isbyte = true;
			return REG_AX + i;
		}
	}
	if ((s[0] == 'X' || s[0] == 'Y') && isdigit((uint8_t)s[1])) {
		char *end;
		long n = strtol(s + 1, &end, 10);
		if (!*end && n >= 0 && n < 16 && (s[1] != '0' || !s[2]))
			return (s[0] == 'X' ? REG_X0 : REG_Y0) + (int)n;
	}
	if (strcmp(s, "g") == 0)
		return REG_R14;
	if (strcmp(s, "SB") == 0)
		return R_SB;
	if (strcmp(s, "FP") == 0)
		return R_FP;
	if (strcmp(s, "PC") == 0)
		return R_PC;
	if (strcmp(s, "TLS") == 0)
		return R_TLS;
	return 0;
}

/* Names gc knows as registers that goc's encoder does not handle yet. */
static bool unsupported_reg(const char *s)
{
	static const char *const other[] = {"AH", "CH", "DH", "BH", "CS", "SS", "DS", "ES", "FS", "GS"};
	for (size_t i = 0; i < NELEM(other); i++)
		if (strcmp(s, other[i]) == 0)
			return true;
	if (!isdigit((uint8_t)s[1]) || (s[1] == '0' && s[2]))
		return false;
	char *end;
	long n = strtol(s + 1, &end, 10);
	if (*end)
		return false;
	switch (s[0]) {
	case 'K': case 'M': case 'F': return n < 8;   /* AVX-512 masks, MMX, x87 */
	case 'Z': return n < 32;
	case 'X': case 'Y': return n >= 16 && n < 32; /* AVX-512's upper registers */
	}
	return false;
}

/* ---- the statement being parsed ---- */

typedef struct Parser {
	Asm *a;
	Tok *t;      /* the statement's tokens */
	int n, i;    /* count, cursor (within the current operand: end) */
	int end;     /* end of the current operand */
	const char *file;
	int line;
	bool err;    /* an error was reported for this statement */
	bool isjump;
	bool tls;    /* an operand is (TLS) (to_aoperand) */
} Parser;

static void perr(Parser *p, const char *fmt, ...) PRINTF(2, 3);
static void perr(Parser *p, const char *fmt, ...)
{
	if (p->err)
		return;
	p->err = true;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	asm_errorf(p->a, p->file, p->line, "%s", msg);
}

static Tok *peek(Parser *p) {
	static Tok eof = {.kind = T_EOF, .s = "EOF"};
	return p->i < p->end ? &p->t[p->i] : &eof;
}
static bool peekop(Parser *p, const char *op) { Tok *t = peek(p); return t->kind == T_OP && strcmp(t->s, op) == 0; }
static Tok *next(Parser *p) { Tok *t = peek(p); if (p->i < p->end) p->i++; return t; }
static bool atend(Parser *p) { return p->i >= p->end; }

static const char *tokstr(const Tok *t)
{
	switch (t->kind) {
	case T_EOF: return "EOF";
	case T_NL: return "newline";
	default: return t->s;
	}
}

static void expect(Parser *p, const char *op)
{
	Tok *t = next(p);
	if (!(t->kind == T_OP && strcmp(t->s, op) == 0))
		perr(p, "expected '%s', found %s", op, tokstr(t));
}

/* ---- expressions (gc's parser.expr: uint64, left associative) ---- */

static uint64_t expr(Parser *p);

static uint64_t parse_int(Parser *p, const Tok *t)
{
	const char *s = t->s;
	uint64_t v = 0;
	int base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		base = 2, s += 2;
	else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
		base = 8, s += 2;
	else if (s[0] == '0' && s[1])
		base = 8, s += 1;
	if (!*s) {
		perr(p, "malformed integer constant %s", t->s);
		return 0;
	}
	for (; *s; s++) {
		if (*s == '_')
			continue;
		int d = isdigit((uint8_t)*s) ? *s - '0' : isxdigit((uint8_t)*s) ? (tolower(*s) - 'a' + 10) : 99;
		if (d >= base) {
			perr(p, "malformed integer constant %s", t->s);
			return 0;
		}
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
			perr(p, "integer constant overflow %s", t->s);
			return 0;
		}
		v = v * (uint64_t)base + (uint64_t)d;
	}
	return v;
}

static uint64_t operand_factor(Parser *p)
{
	Tok *t = next(p);
	switch (t->kind) {
	case T_INT:
		return parse_int(p, t);
	case T_CHAR: {
		/* a UTF-8 character: its code point */
		const uint8_t *s = (const uint8_t *)t->s;
		if (t->slen == 1)
			return s[0];
		uint32_t c = 0;
		int n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
		c = s[0] & (0x7f >> n);
		for (int i = 1; i < n && i < (int)t->slen; i++)
			c = c << 6 | (s[i] & 0x3f);
		return c;
	}
	case T_OP:
		if (t->s[0] == '+' && !t->s[1])
			return operand_factor(p);
		if (t->s[0] == '-' && !t->s[1])
			return -operand_factor(p);
		if (t->s[0] == '~')
			return ~operand_factor(p);
		if (t->s[0] == '(') {
			uint64_t v = expr(p);
			expect(p, ")");
			return v;
		}
		break;
	case T_IDENT:
		perr(p, "illegal use of register or symbol %s in expression", t->s);
		return 0;
	default:
		break;
	}
	perr(p, "unexpected %s evaluating expression", tokstr(t));
	return 0;
}

static uint64_t term(Parser *p)
{
	uint64_t v = operand_factor(p);
	for (;;) {
		Tok *t = peek(p);
		if (t->kind != T_OP)
			return v;
		if (strcmp(t->s, "*") == 0) {
			next(p);
			v *= operand_factor(p);
		} else if (strcmp(t->s, "/") == 0 || strcmp(t->s, "%") == 0) {
			next(p);
			uint64_t d = operand_factor(p);
			if (d == 0) {
				perr(p, "division by zero");
				return 0;
			}
			if ((int64_t)v < 0 || (int64_t)d < 0)
				perr(p, "%s of value with high bit set", t->s[0] == '/' ? "divide" : "modulo");
			v = t->s[0] == '/' ? v / d : v % d;
		} else if (strcmp(t->s, "<<") == 0 || strcmp(t->s, ">>") == 0) {
			next(p);
			uint64_t s = operand_factor(p);
			if ((int64_t)s < 0)
				perr(p, "negative left shift count");
			v = s >= 64 ? 0 : t->s[0] == '<' ? v << s : v >> s;
		} else if (strcmp(t->s, "&") == 0) {
			next(p);
			v &= operand_factor(p);
		} else {
			return v;
		}
	}
}

static uint64_t expr(Parser *p)
{
	uint64_t v = term(p);
	for (;;) {
		Tok *t = peek(p);
		if (t->kind != T_OP || t->s[1])
			return v;
		switch (t->s[0]) {
		case '+': next(p); v += term(p); break;
		case '-': next(p); v -= term(p); break;
		case '|': next(p); v |= term(p); break;
		case '^': next(p); v ^= term(p); break;
		default: return v;
		}
	}
}

/* ---- operands ---- */

enum { AD_NONE, AD_REG, AD_CONST, AD_FCONST, AD_SCONST, AD_MEM, AD_ADDR, AD_BRANCH, AD_INDIR };

typedef struct Addr {
	int type;
	int reg, index, scale;
	bool byte;       /* a byte register name */
	int name;        /* NAME_* */
	const char *sym; /* gc's spelling */
	bool isstatic;
	const char *varname; /* FP/SP: the variable's name */
	int64_t off;
	double f;
	const char *s;
	uint32_t slen;
	bool haveoff;    /* an offset was written */
	bool abiinternal; /* name<ABIInternal> */
} Addr;

/* A symbol name as gc spells it: ".x" (from ·x) → "\"\".x" */
static const char *symname(Parser *p, const char *s)
{
	if (s[0] == '.') {
		Buf b = {0};
		buf_printf(&b, "\"\"%s", s);
		const char *r = asm_strdup(p->a, b.p, b.n);
		buf_free(&b);
		return r;
	}
	return s;
}

static bool at_register(const char *s)
{
	bool b;
	int r = lookup_reg(s, &b);
	return (r && r != R_SB && r != R_FP && r != R_PC) || unsupported_reg(s);
}

static int pseudo_or_reg(Parser *p, const char *s, bool *isbyte)
{
	int r = lookup_reg(s, isbyte);
	if (!r && unsupported_reg(s))
		perr(p, "register %s: not implemented", s);
	return r;
}

static void set_pseudo(Parser *p, Addr *a, const char *reg, bool prefix_dollar)
{
	if (strcmp(reg, "FP") == 0)
		a->name = NAME_PARAM;
	else if (strcmp(reg, "PC") == 0) {
		if (prefix_dollar)
			perr(p, "illegal addressing mode for PC");
		a->type = AD_BRANCH;
	} else if (strcmp(reg, "SB") == 0)
		a->name = a->isstatic ? NAME_STATIC : NAME_EXTERN;
	else if (strcmp(reg, "SP") == 0)
		a->name = NAME_AUTO;
	else
		perr(p, "expected pseudo-register; found %s", reg);
	if (prefix_dollar && a->type != AD_BRANCH)
		a->type = AD_ADDR;
}

/* sym[<>][<ABI>][±off](SB|FP|SP|PC) */
static void symbol_reference(Parser *p, Addr *a, const char *name, char prefix)
{
	a->type = prefix == '$' ? AD_ADDR : prefix == '*' ? AD_INDIR : AD_MEM;
	if (peekop(p, "<")) {
		next(p);
		if (peekop(p, ">")) {
			next(p);
			a->isstatic = true;
		} else {
			Tok *abi = next(p);
			if (abi->kind != T_IDENT) {
				perr(p, "ABI selector: expected identifier");
				return;
			}
			if (!p->a->compiling_runtime)
				perr(p, "ABI selector only permitted when compiling runtime, reference was to \"%s\"", name);
			else if (strcmp(abi->s, "ABI0") != 0 && strcmp(abi->s, "ABIInternal") != 0)
				perr(p, "ABI selector %s: not implemented", abi->s);
			a->abiinternal = strcmp(abi->s, "ABIInternal") == 0;
			expect(p, ">");
		}
	}
	if (peekop(p, "+") || peekop(p, "-")) {
		a->off = (int64_t)expr(p);
		a->haveoff = true;
	}
	if (a->isstatic) {
		/* ·x<> is "".x<> (gc: a static named "".x) */
		Buf b = {0};
		buf_printf(&b, "%s%s<>", name[0] == '.' ? "\"\"" : "", name);
		a->sym = asm_strdup(p->a, b.p, b.n);
		buf_free(&b);
	} else {
		a->sym = symname(p, name);
	}
	a->varname = name;
	if (atend(p)) {
		if (prefix == 0 && p->isjump)
			return;
		perr(p, "illegal or missing addressing mode for symbol %s", name);
		return;
	}
	expect(p, "(");
	Tok *r = next(p);
	if (r->kind != T_IDENT) {
		perr(p, "expected pseudo-register; found %s", tokstr(r));
		return;
	}
	expect(p, ")");
	set_pseudo(p, a, r->s, prefix == '$');
}

/* (R), (R)(I*s), (I*s), (SB)... ; at '(' */
static void register_indirect(Parser *p, Addr *a, char prefix)
{
	expect(p, "(");
	Tok *t = next(p);
	bool b;
	int r = t->kind == T_IDENT ? pseudo_or_reg(p, t->s, &b) : 0;
	if (!r) {
		perr(p, "indirect through non-register %s", tokstr(t));
		return;
	}
	int scale = 0;
	if (peekop(p, "*")) {
		next(p);
		Tok *s = next(p);
		scale = s->kind == T_INT ? (int)parse_int(p, s) : 0;
		if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
			perr(p, "bad scale: %s", tokstr(s));
			return;
		}
	}
	expect(p, ")");
	if (a->type != AD_BRANCH)
		a->type = AD_MEM;
	if (r == R_SB || r == R_FP || r == R_PC) {
		if (scale) {
			perr(p, "cannot use pseudo-register in pair");
			return;
		}
		if (r != R_PC && a->name == NAME_NONE)
			perr(p, "cannot reference %s without a symbol", t->s);
		set_pseudo(p, a, t->s, prefix == '$');
		return;
	}
	if (prefix == '$')
		a->type = AD_ADDR;
	if (scale == 0) {
		a->reg = r;
		if (peekop(p, "(")) {
			next(p);
			Tok *ti = next(p);
			int ri = ti->kind == T_IDENT ? pseudo_or_reg(p, ti->s, &b) : 0;
			if (!ri || (ri >= R_SB && ri != R_TLS)) {
				perr(p, "indirect through non-register %s", tokstr(ti));
				return;
			}
			int sc = 1;
			if (peekop(p, "*")) {
				next(p);
				Tok *s = next(p);
				sc = s->kind == T_INT ? (int)parse_int(p, s) : 0;
				if (sc != 1 && sc != 2 && sc != 4 && sc != 8) {
					perr(p, "bad scale: %s", tokstr(s));
					return;
				}
			}
			expect(p, ")");
			a->index = ri;
			a->scale = sc;
		}
	} else {
		a->index = r;
		a->scale = scale;
	}
}

static bool operand_has(Parser *p, int kind)
{
	for (int i = p->i; i < p->end; i++)
		if (p->t[i].kind == kind)
			return true;
	return false;
}

static double float_expr(Parser *p)
{
	Tok *t = next(p);
	if (t->kind == T_OP && strcmp(t->s, "(") == 0) {
		double v = float_expr(p);
		expect(p, ")");
		return v;
	}
	if (t->kind == T_OP && strcmp(t->s, "+") == 0)
		return float_expr(p);
	if (t->kind == T_OP && strcmp(t->s, "-") == 0)
		return -float_expr(p);
	if (t->kind == T_FLOAT || t->kind == T_INT)
		return strtod(t->s, NULL);
	perr(p, "unexpected %s evaluating float expression", tokstr(t));
	return 0;
}

static void operand(Parser *p, Addr *a)
{
	memset(a, 0, sizeof *a);
	char prefix = 0;
	if (peekop(p, "$") || peekop(p, "*"))
		prefix = next(p)->s[0];
	if (atend(p)) {
		perr(p, "missing operand");
		return;
	}
	Tok *t = peek(p);
	if (t->kind == T_IDENT && !at_register(t->s)) {
		next(p);
		symbol_reference(p, a, t->s, prefix);
		if (atend(p) || p->err)
			goto done;
		t = peek(p);
	} else if (t->kind == T_IDENT) {
		next(p);
		bool b;
		int r = pseudo_or_reg(p, t->s, &b);
		if (r == R_SB || r == R_FP || r == R_PC) {
			perr(p, "illegal use of pseudo-register %s", t->s);
			return;
		}
		a->type = AD_REG;
		a->reg = r;
		a->byte = b;
		if (prefix)
			perr(p, "illegal use of register %s", t->s);
		goto done;
	}
	if (a->type == AD_NONE) {
		bool konst = false;
		if (t->kind == T_INT || t->kind == T_FLOAT || t->kind == T_STRING || t->kind == T_CHAR ||
		    (t->kind == T_OP && (strcmp(t->s, "+") == 0 || strcmp(t->s, "-") == 0 || strcmp(t->s, "~") == 0)))
			konst = true;
		else if (t->kind == T_OP && strcmp(t->s, "(") == 0) {
			Tok *u = p->i + 1 < p->end ? &p->t[p->i + 1] : NULL;
			bool b;
			konst = !(u && u->kind == T_IDENT && lookup_reg(u->s, &b)) && !(u && u->kind == T_IDENT && unsupported_reg(u->s));
		}
		if (konst) {
			if (operand_has(p, T_FLOAT)) {
				if (prefix != '$')
					perr(p, "floating-point constant must be an immediate");
				a->type = AD_FCONST;
				a->f = float_expr(p);
				goto done;
			}
			if (t->kind == T_STRING) {
				next(p);
				if (prefix != '$')
					perr(p, "string constant must be an immediate");
				a->type = AD_SCONST;
				a->s = t->s;
				a->slen = t->slen;
				goto done;
			}
			a->off = (int64_t)expr(p);
			a->haveoff = true;
			if (!peekop(p, "(")) {
				a->type = prefix == '$' ? AD_CONST : prefix == '*' ? AD_INDIR : AD_MEM;
				goto done;
			}
		}
	}
	register_indirect(p, a, prefix);
done:
	if (!atend(p) && !p->err)
		perr(p, "expected end of operand, found %s", tokstr(peek(p)));
}

/* ---- statements ---- */

/* Splits the tokens [from, to) at top-level commas into operand ranges. */
static int split_operands(Parser *p, int from, int to, int *starts, int *ends, int max)
{
	int n = 0, depth = 0, st = from;
	if (from == to)
		return 0;
	for (int i = from; i <= to; i++) {
		if (i < to && p->t[i].kind == T_OP) {
			const char *s = p->t[i].s;
			if (s[0] == '(' )
				depth++;
			else if (s[0] == ')')
				depth--;
		}
		if (i == to || (depth == 0 && p->t[i].kind == T_OP && strcmp(p->t[i].s, ",") == 0)) {
			if (n == max) {
				perr(p, "too many operands");
				return -1;
			}
			starts[n] = st, ends[n] = i, n++;
			st = i + 1;
		}
	}
	return n;
}

static void set_operand(Parser *p, int st, int en)
{
	p->i = st;
	p->end = en;
}

ASym *asm_lookup(Asm *a, const char *name, bool isstatic, bool create)
{
	uint32_t h = hash_bytes(name, strlen(name)) ^ (isstatic ? 0x9e3779b9u : 0);
	ASym **bucket = &a->htab[h % NELEM(a->htab)];
	for (ASym *s = *bucket; s; s = s->hnext)
		if (s->isstatic == isstatic && strcmp(s->name, name) == 0)
			return s;
	if (!create)
		return NULL;
	ASym *s = arena_alloc(&a->arena, sizeof *s);
	s->name = asm_strdup(a, name, strlen(name));
	s->isstatic = isstatic;
	s->hnext = *bucket;
	*bucket = s;
	return s;
}

static void sym_list(Asm *a, ASym *s)
{
	if (s->listed)
		return;
	s->listed = true;
	if (a->lastsym)
		a->lastsym->next = s;
	else
		a->syms = s;
	a->lastsym = s;
}

static Prog *new_prog(Parser *p, ASym *s)
{
	if (s->nprogs == s->capprogs) {
		s->capprogs = s->capprogs ? 2 * s->capprogs : 64;
		s->progs = xrealloc(s->progs, (size_t)s->capprogs * sizeof *s->progs);
	}
	Prog *pr = &s->progs[s->nprogs++];
	memset(pr, 0, sizeof *pr);
	pr->file = p->file;
	pr->line = p->line;
	pr->brprog = -1;
	return pr;
}

/* Labels of the current TEXT: name → prog index (patched at the end). */
typedef struct Label {
	const char *name;
	int prog;
	struct Label *next;
} Label;

typedef struct PState {
	Label *labels;
	ASym *text;
	bool badtext; /* the last TEXT was in error: its body is skipped quietly */
} PState;

static int find_label(PState *ps, const char *name)
{
	for (Label *l = ps->labels; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return l->prog;
	return -1;
}

/* Resolves the label branches of the finished TEXT. */
static void finish_text(Asm *a, PState *ps)
{
	ASym *s = ps->text;
	if (!s)
		return;
	for (int i = 0; i < s->nprogs; i++) {
		Prog *pr = &s->progs[i];
		if (pr->br == BR_LABEL) {
			int k = find_label(ps, pr->brlabel);
			if (k < 0)
				asm_errorf(a, pr->file, pr->line, "undefined label %s", pr->brlabel);
			pr->brprog = k;
		} else if (pr->br == BR_PC) {
			if (pr->pcrel < 0 || pr->pcrel > s->nprogs) {
				asm_errorf(a, pr->file, pr->line, "branch out of range");
				pr->br = BR_NONE;
			}
			pr->brprog = (int)pr->pcrel;
		}
	}
	ps->labels = NULL;
	ps->text = NULL;
}

static int64_t int_operand(Parser *p, int st, int en, const char *what)
{
	set_operand(p, st, en);
	Addr a;
	operand(p, &a);
	if (a.type != AD_CONST) {
		perr(p, "%s must be an immediate constant", what);
		return 0;
	}
	return a.off;
}

/* gc's evalInteger: a bare expression (TEXT and GLOBL flags) */
static int64_t eval_integer(Parser *p, int st, int en)
{
	set_operand(p, st, en);
	int64_t v = (int64_t)expr(p);
	if (!atend(p))
		perr(p, "unexpected %s evaluating expression", tokstr(peek(p)));
	return v;
}

static void do_text(Parser *p, PState *ps, int *st, int *en, int n)
{
	Asm *a = p->a;
	finish_text(a, ps);
	ps->badtext = true;
	if (n < 2 || n > 3) {
		perr(p, "expect two or three operands for TEXT");
		return;
	}
	set_operand(p, st[0], en[0]);
	Tok *nt = next(p);
	if (nt->kind != T_IDENT) {
		perr(p, "TEXT %s: expected symbol name", tokstr(nt));
		return;
	}
	Addr ad = {0};
	symbol_reference(p, &ad, nt->s, 0);
	if (p->err)
		return;
	if (ad.name != NAME_EXTERN && ad.name != NAME_STATIC) {
		perr(p, "TEXT %s: expected symbol(SB)", nt->s);
		return;
	}
	if (ad.off)
		perr(p, "TEXT %s: offset must be zero", nt->s);
	int64_t flags = 0;
	if (n == 3)
		flags = eval_integer(p, st[1], en[1]);
	/* gc: the morestack path of ABIInternal needs the Go signature */
	if (ad.abiinternal && !(flags & TF_NOSPLIT)) {
		Buf q = {0};
		for (const char *c = ad.sym; *c; c++)
			buf_printf(&q, "%s%c", *c == '"' || *c == '\\' ? "\\" : "", *c);
		buf_putc(&q, 0);
		perr(p, "TEXT \"%s\": ABIInternal requires NOSPLIT", q.p);
		buf_free(&q);
		p->err = false; /* gc goes on with the TEXT */
	}
	/* $frame[-args] */
	p->i = st[n - 1];
	p->end = en[n - 1];
	if (!peekop(p, "$")) {
		perr(p, "TEXT %s: frame size must be an immediate constant", ad.sym);
		return;
	}
	next(p);
	bool neg = false;
	if (peekop(p, "-")) {
		next(p);
		neg = true;
	}
	Tok *ft = next(p);
	if (ft->kind != T_INT) {
		perr(p, "TEXT %s: frame size must be an immediate constant", ad.sym);
		return;
	}
	int64_t frame = (int64_t)parse_int(p, ft);
	if (neg)
		frame = -frame;
	int64_t args = INT32_MIN;
	bool argsknown = false;
	if (!atend(p)) {
		Tok *m = next(p), *at = next(p);
		if (!(m->kind == T_OP && strcmp(m->s, "-") == 0) || at->kind != T_INT || !atend(p)) {
			perr(p, "TEXT %s: argument size must be of form -integer", ad.sym);
			return;
		}
		args = (int64_t)parse_int(p, at);
		argsknown = true;
	}
	ASym *s = asm_lookup(a, ad.sym, ad.isstatic, true);
	if (s->istext) {
		perr(p, "symbol %s redeclared", ad.sym);
		return;
	}
	sym_list(a, s);
	s->istext = true;
	s->flags = (int)flags;
	s->frame = frame;
	s->args = args;
	s->argsknown = argsknown;
	s->abiinternal = ad.abiinternal;
	s->file = p->file;
	s->line = p->line;
	Prog *pr = new_prog(p, s);
	pr->pseudo = P_TEXT;
	ps->text = s;
	ps->badtext = false;
	a->cursym = s;
}

static void do_globl(Parser *p, int *st, int *en, int n)
{
	Asm *a = p->a;
	if (n < 2 || n > 3) {
		perr(p, "expect two or three operands for GLOBL");
		return;
	}
	set_operand(p, st[0], en[0]);
	Addr ad;
	operand(p, &ad);
	if (p->err)
		return;
	if (ad.type != AD_MEM || (ad.name != NAME_EXTERN && ad.name != NAME_STATIC)) {
		perr(p, "GLOBL %s: expected symbol(SB)", ad.sym ? ad.sym : "");
		return;
	}
	int64_t flags = 0;
	if (n == 3)
		flags = eval_integer(p, st[1], en[1]);
	int64_t size = int_operand(p, st[n - 1], en[n - 1], "GLOBL size");
	if (p->err)
		return;
	if (size < 0) {
		perr(p, "negative GLOBL size");
		return;
	}
	ASym *s = asm_lookup(a, ad.sym, ad.isstatic, true);
	if (s->globl) {
		perr(p, "symbol %s redeclared", ad.sym);
		return;
	}
	sym_list(a, s);
	s->globl = true;
	s->isdata = true;
	s->flags = (int)flags;
	s->size = size;
	s->file = p->file;
	s->line = p->line;
}

static void put_le(Buf *b, int64_t off, uint64_t v, int size)
{
	if ((size_t)(off + size) > b->n) {
		size_t old = b->n;
		buf_grow(b, (size_t)(off + size) - old);
		memset(b->p + old, 0, (size_t)(off + size) - old);
		b->n = (size_t)(off + size);
	}
	for (int i = 0; i < size; i++)
		b->p[off + i] = i < 8 ? (char)(v >> (8 * i)) : 0; /* a string's zeros past 8 bytes */
}

static void add_rel(ASym *s, ARel r)
{
	if (s->nrels == s->caprels) {
		s->caprels = s->caprels ? 2 * s->caprels : 8;
		s->rels = xrealloc(s->rels, (size_t)s->caprels * sizeof *s->rels);
	}
	s->rels[s->nrels++] = r;
}

static void do_data(Parser *p, int *st, int *en, int n)
{
	Asm *a = p->a;
	if (n != 2) {
		perr(p, "expect two operands for DATA");
		return;
	}
	/* sym+off(SB)/size: the size after the last '/' */
	int slash = -1;
	for (int i = st[0]; i < en[0]; i++)
		if (p->t[i].kind == T_OP && strcmp(p->t[i].s, "/") == 0)
			slash = i;
	if (slash < 0 || slash + 2 != en[0] || p->t[slash + 1].kind != T_INT) {
		perr(p, "expect /size for DATA argument");
		return;
	}
	set_operand(p, st[0], slash);
	Addr ad;
	operand(p, &ad);
	if (p->err)
		return;
	int64_t size = (int64_t)parse_int(p, &p->t[slash + 1]);
	if (ad.type != AD_MEM || (ad.name != NAME_EXTERN && ad.name != NAME_STATIC)) {
		perr(p, "DATA: expected symbol(SB)");
		return;
	}
	set_operand(p, st[1], en[1]);
	Addr v;
	operand(p, &v);
	if (p->err)
		return;
	ASym *s = asm_lookup(a, ad.sym, ad.isstatic, true);
	if (s->istext) {
		perr(p, "DATA for TEXT symbol %s", ad.sym);
		return;
	}
	sym_list(a, s);
	s->isdata = true;
	if (!s->file)
		s->file = p->file, s->line = p->line;
	if (ad.off < 0 || ad.off > (1 << 30)) {
		perr(p, "DATA %s: offset out of range", ad.sym);
		return;
	}
	switch (v.type) {
	case AD_CONST:
		if (size != 1 && size != 2 && size != 4 && size != 8) {
			perr(p, "bad size %lld for integer constant", (long long)size);
			return;
		}
		put_le(&s->bytes, ad.off, (uint64_t)v.off, (int)size);
		break;
	case AD_FCONST:
		if (size == 4) {
			float f = (float)v.f;
			uint32_t u;
			memcpy(&u, &f, 4);
			put_le(&s->bytes, ad.off, u, 4);
		} else if (size == 8) {
			uint64_t u;
			memcpy(&u, &v.f, 8);
			put_le(&s->bytes, ad.off, u, 8);
		} else {
			perr(p, "bad size %lld for float constant", (long long)size);
		}
		break;
	case AD_SCONST:
		if (size < 0 || size > (1 << 30) || (uint32_t)size < v.slen) {
			perr(p, "bad size %lld for string constant", (long long)size);
			return;
		}
		put_le(&s->bytes, ad.off, 0, (int)size);
		memcpy(s->bytes.p + ad.off, v.s, v.slen);
		break;
	case AD_ADDR:
		if (v.name != NAME_EXTERN && v.name != NAME_STATIC) {
			perr(p, "DATA: address of a non-symbol");
			return;
		}
		if (size != 4 && size != 8) {
			perr(p, "bad size %lld for address", (long long)size);
			return;
		}
		put_le(&s->bytes, ad.off, 0, (int)size);
		add_rel(s, (ARel){.off = (uint32_t)ad.off, .size = (uint8_t)size, .type = 1, .sym = v.sym, .add = v.off});
		break;
	default:
		perr(p, "DATA: bad value");
	}
}

/* gc's instruction aliases (cmd/asm/internal/arch archX86) */
static const struct { const char *alias, *name; } aliases[] = {
	{"JA", "JHI"}, {"JAE", "JCC"}, {"JB", "JCS"}, {"JBE", "JLS"}, {"JC", "JCS"}, {"JE", "JEQ"},
	{"JG", "JGT"}, {"JHS", "JCC"}, {"JL", "JLT"}, {"JLO", "JCS"}, {"JNA", "JLS"}, {"JNAE", "JCS"},
	{"JNB", "JCC"}, {"JNBE", "JHI"}, {"JNC", "JCC"}, {"JNG", "JLE"}, {"JNGE", "JLT"}, {"JNL", "JGE"},
	{"JNLE", "JGT"}, {"JNO", "JOC"}, {"JNP", "JPC"}, {"JNS", "JPL"}, {"JNZ", "JNE"}, {"JO", "JOS"},
	{"JP", "JPS"}, {"JPE", "JPS"}, {"JPO", "JPC"}, {"JS", "JMI"}, {"JZ", "JEQ"},
	{"MASKMOVDQU", "MASKMOVOU"}, {"MOVD", "MOVQ"}, {"MOVDQ2Q", "MOVQ"}, {"MOVNTDQ", "MOVNTO"},
	{"MOVOA", "MOVO"}, {"PSLLDQ", "PSLLO"}, {"PSRLDQ", "PSRLO"}, {"PADDD", "PADDL"},
	{"MOVBELL", "MOVBEL"}, {"MOVBEQQ", "MOVBEQ"}, {"MOVBEWW", "MOVBEW"},
	/* gc's anames for the same opcodes */
	{"SALB", "SHLB"}, {"SALW", "SHLW"}, {"SALL", "SHLL"}, {"SALQ", "SHLQ"},
};

static int cmp_opname(const void *x, const void *y)
{
	return strcmp(amd64_ops[*(const uint16_t *)x].name, amd64_ops[*(const uint16_t *)y].name);
}

static int lookup_op(Asm *a, const char *name)
{
	for (size_t i = 0; i < NELEM(aliases); i++)
		if (strcmp(name, aliases[i].alias) == 0)
			name = aliases[i].name;
	if (!a->opsorted[0]) {
		/* opsorted[0] = A_NONE's slot holds the count once sorted */
		for (int op = A_NONE + 1; op < A_COUNT; op++)
			a->opsorted[op] = (uint16_t)op;
		qsort(a->opsorted + 1, A_COUNT - 1, sizeof a->opsorted[0], cmp_opname);
		a->opsorted[0] = 1;
	}
	int lo = 1, hi = A_COUNT - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(name, amd64_ops[a->opsorted[mid]].name);
		if (c == 0)
			return a->opsorted[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return A_NONE;
}

static bool is_jump(int op, const char *name)
{
	if (op == A_JMP || op == A_CALL)
		return true;
	(void)name;
	const AForm *f = amd64_ops[op].forms;
	return f[0].nop && (f[0].cls[2] == AC_REL8 || f[0].cls[2] == AC_REL32);
}

/* One gc operand as goc's encoder operand. */
static bool to_aoperand(Parser *p, const Addr *ad, AOperand *o)
{
	memset(o, 0, sizeof *o);
	switch (ad->type) {
	case AD_NONE:
		return true;
	case AD_REG:
		if (ad->reg >= R_SB) {
			perr(p, "illegal use of pseudo-register");
			return false;
		}
		*o = opd_reg(ad->reg);
		return true;
	case AD_CONST:
		*o = opd_imm(ad->off);
		return true;
	case AD_ADDR:
		if (ad->name == NAME_EXTERN || ad->name == NAME_STATIC) {
			if (ad->reg || ad->index) {
				perr(p, "address with a register: not implemented");
				return false;
			}
			*o = opd_addr(ad->sym, ad->off);
			return true;
		}
		perr(p, "address of a stack variable as an immediate: not implemented");
		return false;
	case AD_MEM:
		o->kind = OPD_MEM;
		if (ad->reg == R_TLS) {
			/* off(TLS): encoded as the absolute off, obj.c adds
			 * the FS prefix and gc's R_TLS_LE relocation */
			if (ad->index || ad->name != NAME_NONE) {
				perr(p, "illegal use of TLS");
				return false;
			}
			o->off = ad->off;
			p->tls = true;
			return true;
		}
		if (ad->index == R_TLS) {
			perr(p, "illegal use of TLS");
			return false;
		}
		o->reg = (uint8_t)ad->reg;
		o->index = (uint8_t)ad->index;
		o->scale = (uint8_t)ad->scale;
		o->off = ad->off;
		o->name = (uint8_t)ad->name;
		if (ad->name == NAME_EXTERN || ad->name == NAME_STATIC) {
			o->sym = ad->sym;
			o->name = NAME_EXTERN; /* a static's name ends in <> */
		}
		else if (ad->name == NAME_PARAM || ad->name == NAME_AUTO) {
			if (ad->reg) {
				perr(p, "stack variable with a base register");
				return false;
			}
			o->reg = REG_SP;
			o->sym = ad->varname;
		}
		return true;
	case AD_FCONST:
		perr(p, "floating-point constant as an instruction operand: not implemented");
		return false;
	case AD_SCONST:
		perr(p, "string constant as an instruction operand");
		return false;
	default:
		perr(p, "illegal operand");
		return false;
	}
}

/* gc's constant pools: $f64.HEX / $f32.HEX, 8 or 4 bytes of read-only
 * data named by their bits, one per value (DUPOK in the object) */
static const char *float_sym(Asm *a, double f, bool f32)
{
	char name[32];
	uint64_t bits;
	int size;
	if (f32) {
		float g = (float)f;
		uint32_t u;
		memcpy(&u, &g, 4);
		bits = u;
		size = 4;
		snprintf(name, sizeof name, "$f32.%08llx", (unsigned long long)bits);
	} else {
		memcpy(&bits, &f, 8);
		size = 8;
		snprintf(name, sizeof name, "$f64.%016llx", (unsigned long long)bits);
	}
	ASym *s = asm_lookup(a, name, false, true);
	if (!s->globl) {
		sym_list(a, s);
		s->globl = s->isdata = s->contentaddr = true;
		s->flags = TF_RODATA;
		s->size = size;
		put_le(&s->bytes, 0, bits, size);
	}
	return s->name;
}

/* gc's progedit rewrites (cmd/internal/obj/x86/obj6.go) that the
 * assembler's input relies on. */
static void progedit(Parser *p, int *op, Addr *ad, int n)
{
	/* TLS on linux/amd64 (gc's 1-instruction local-exec form): MOVQ TLS,
	 * R is a NOP; off(R)(TLS*1) is off(TLS) */
	if ((*op == A_MOVQ || *op == A_MOVL) && n == 2 && ad[0].type == AD_REG && ad[0].reg == R_TLS &&
	    ad[1].type == AD_REG && reg_isgpr(ad[1].reg)) {
		*op = A_NOP;
		memset(ad, 0, 2 * sizeof *ad);
		return;
	}
	for (int i = 0; i < n; i++) {
		if (ad[i].type == AD_MEM && ad[i].index == R_TLS && reg_isgpr(ad[i].reg)) {
			ad[i].reg = R_TLS;
			ad[i].index = 0;
			ad[i].scale = 0;
		}
	}
	/* CMPSD X1, X0, 1: the bare 1 is the predicate immediate */
	if ((*op == A_CMPSD || *op == A_CMPSS) && n == 3 && ad[2].type == AD_MEM && ad[2].name == NAME_NONE &&
	    !ad[2].reg && !ad[2].index && !ad[2].sym)
		ad[2].type = AD_CONST;
	/* MOVQ $sym(SB), AX and MOVQ $x+8(FP), AX are LEAQs */
	if (n == 2 && ad[0].type == AD_ADDR && (*op == A_MOVQ || *op == A_MOVL)) {
		*op = *op == A_MOVQ ? A_LEAQ : A_LEAL;
		ad[0].type = AD_MEM;
	}
	if (n >= 1 && ad[0].type == AD_FCONST) {
		bool f32 = false, ok = false;
		switch (*op) {
		case A_MOVSS: case A_MOVSD:
			if (ad[0].f == 0 && !signbit(ad[0].f) && n == 2 && ad[1].type == AD_REG && reg_isxmm(ad[1].reg)) {
				*op = A_XORPS;
				ad[0] = ad[1];
				return;
			}
			f32 = *op == A_MOVSS;
			ok = true;
			break;
		case A_ADDSS: case A_SUBSS: case A_MULSS: case A_DIVSS: case A_COMISS: case A_UCOMISS:
			f32 = ok = true;
			break;
		case A_ADDSD: case A_SUBSD: case A_MULSD: case A_DIVSD: case A_COMISD: case A_UCOMISD:
			ok = true;
			break;
		}
		if (ok) {
			double f = ad[0].f;
			memset(&ad[0], 0, sizeof ad[0]);
			ad[0].type = AD_MEM;
			ad[0].name = NAME_EXTERN;
			ad[0].sym = float_sym(p->a, f, f32);
		}
	}
}

/* BYTE $x, WORD $x, LONG $x, QUAD $x: raw little-endian data in the code */
static int raw_size(const char *name)
{
	return !strcmp(name, "BYTE") ? 1 : !strcmp(name, "WORD") ? 2 : !strcmp(name, "LONG") ? 4 : !strcmp(name, "QUAD") ? 8 : 0;
}

static void do_raw(Parser *p, PState *ps, int size, int *st, int *en, int n)
{
	if (!ps->text) {
		if (!ps->badtext)
			perr(p, "instruction outside TEXT");
		return;
	}
	if (n != 1) {
		perr(p, "wrong number of arguments to %s", p->t[st[0] - 1].s);
		return;
	}
	set_operand(p, st[0], en[0]);
	Addr ad;
	operand(p, &ad);
	if (p->err)
		return;
	if (ad.type != AD_CONST) {
		perr(p, "%s operand must be an immediate constant", p->t[st[0] - 1].s);
		return;
	}
	Prog *pr = new_prog(p, ps->text);
	pr->pseudo = P_RAW;
	pr->aux[0] = ad.off;
	pr->aux[1] = size;
}

static void do_instruction(Parser *p, PState *ps, const char *name, int *st, int *en, int n)
{
	Asm *a = p->a;
	if (raw_size(name)) {
		do_raw(p, ps, raw_size(name), st, en, n);
		return;
	}
	int op = lookup_op(a, name);
	if (!op) {
		perr(p, "unrecognized instruction \"%s\"", name);
		return;
	}
	if (!ps->text) {
		if (!ps->badtext)
			perr(p, "instruction outside TEXT");
		return;
	}
	p->isjump = is_jump(op, name);
	Addr ad[4];
	for (int i = 0; i < n; i++) {
		set_operand(p, st[i], en[i]);
		operand(p, &ad[i]);
		if (p->err)
			return;
	}
	progedit(p, &op, ad, n);
	(void)a;
	Prog *pr = new_prog(p, ps->text);
	pr->in.op = (uint16_t)op;
	p->tls = false;
	if (p->isjump) {
		if (n != 1) {
			perr(p, "wrong number of arguments to %s instruction", name);
			return;
		}
		Addr *t = &ad[0];
		if (t->type == AD_BRANCH) {
			pr->br = BR_PC;
			pr->pcrel = ps->text->nprogs - 1 + t->off;
			pr->in.to = opd_pc(0);
		} else if (t->type == AD_MEM && t->sym && !t->reg && !t->index && (t->name == NAME_EXTERN || t->name == NAME_STATIC)) {
			pr->br = BR_SYM;
			pr->in.to = opd_func(t->sym);
			pr->in.to.off = t->off;
		} else if (t->type == AD_MEM && t->name == NAME_NONE && t->sym && !t->reg && !t->index && !t->haveoff) {
			pr->br = BR_LABEL;
			pr->brlabel = t->varname;
			pr->in.to = opd_pc(0);
		} else if (t->type == AD_REG || (t->type == AD_MEM && t->name == NAME_NONE)) {
			to_aoperand(p, t, &pr->in.to);
		} else {
			perr(p, "cannot assemble jump");
		}
		return;
	}
	switch (n) {
	case 0:
		break;
	case 1: {
		/* gc's UnaryDst: the operand is the destination when the
		 * opcode's forms put their one operand there */
		const AForm *f = amd64_ops[op].forms;
		bool dst = f[0].nop && f[0].cls[0] == AC_NONE && f[0].cls[2] != AC_NONE;
		to_aoperand(p, &ad[0], dst ? &pr->in.to : &pr->in.from);
		break;
	}
	case 2:
		to_aoperand(p, &ad[0], &pr->in.from);
		to_aoperand(p, &ad[1], &pr->in.to);
		break;
	case 3:
		to_aoperand(p, &ad[0], &pr->in.from);
		to_aoperand(p, &ad[1], &pr->in.from3);
		to_aoperand(p, &ad[2], &pr->in.to);
		break;
	case 4:
		/* gc: From, RestArgs[0], RestArgs[1], To */
		to_aoperand(p, &ad[0], &pr->in.from);
		to_aoperand(p, &ad[1], &pr->in.from3);
		to_aoperand(p, &ad[2], &pr->in.from4);
		to_aoperand(p, &ad[3], &pr->in.to);
		break;
	default:
		perr(p, "too many operands");
		return;
	}
	if (p->err)
		ps->text->nprogs--;
	else
		pr->tls = p->tls;
}

/* gc's GCLocalsSym: content-addressed read-only data named
 * gclocals·BASE64(NOT-SHA-256(data)[:16]) */
static const char *gclocals_sym(Asm *a, const uint8_t *data, int n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint8_t sum[32];
	notsha256(data, (size_t)n, sum);
	Buf name = {0};
	buf_puts(&name, "gclocals\xc2\xb7");
	for (int i = 0; i < 16; i += 3) {
		uint32_t v = (uint32_t)sum[i] << 16 | (i + 1 < 16 ? (uint32_t)sum[i + 1] << 8 : 0) | (i + 2 < 16 ? sum[i + 2] : 0);
		buf_putc(&name, b64[v >> 18 & 63]);
		buf_putc(&name, b64[v >> 12 & 63]);
		buf_putc(&name, i + 1 < 16 ? b64[v >> 6 & 63] : '=');
		buf_putc(&name, i + 2 < 16 ? b64[v & 63] : '=');
	}
	buf_putc(&name, 0);
	ASym *s = asm_lookup(a, name.p, false, true);
	buf_free(&name);
	if (!s->globl) {
		sym_list(a, s);
		s->globl = s->isdata = true;
		s->flags = TF_RODATA | TF_DUPOK;
		s->size = n;
		buf_put(&s->bytes, data, (size_t)n);
	}
	return s->name;
}

static void do_pcfuncdata(Parser *p, PState *ps, bool func, int *st, int *en, int n)
{
	if (n != 2) {
		perr(p, "expect two operands for %s", func ? "FUNCDATA" : "PCDATA");
		return;
	}
	if (!ps->text) {
		perr(p, "%s outside TEXT", func ? "FUNCDATA" : "PCDATA");
		return;
	}
	int64_t k = int_operand(p, st[0], en[0], func ? "FUNCDATA index" : "PCDATA index");
	set_operand(p, st[1], en[1]);
	Addr ad;
	operand(p, &ad);
	if (p->err)
		return;
	Prog *pr = new_prog(p, ps->text);
	pr->pseudo = func ? P_FUNCDATA : P_PCDATA;
	pr->aux[0] = k;
	if (func) {
		if (ad.type != AD_MEM || (ad.name != NAME_EXTERN && ad.name != NAME_STATIC)) {
			perr(p, "FUNCDATA: expected symbol(SB)");
			ps->text->nprogs--;
			return;
		}
		pr->auxsym = ad.sym;
		/* gc's Flushplist: the two placeholder symbols of funcdata.h */
		if (strcmp(ad.sym, "no_pointers_stackmap") == 0) {
			static const uint8_t nolocals[8] = {2};
			pr->auxsym = gclocals_sym(p->a, nolocals, 8);
		} else if (strcmp(ad.sym, "go_args_stackmap") == 0) {
			Buf b = {0};
			buf_printf(&b, "%s.args_stackmap", ps->text->name);
			pr->auxsym = asm_strdup(p->a, b.p, b.n);
			buf_free(&b);
		}
	} else {
		if (ad.type != AD_CONST) {
			perr(p, "PCDATA value must be an immediate constant");
			ps->text->nprogs--;
			return;
		}
		pr->aux[1] = ad.off;
	}
}

/* gc's funcAddress: [$|*]name[<ABI>][+int](SB) and nothing else, not a
 * static; the name as gc spells it, or NULL. */
static const char *func_address(Parser *p, int st, int en, const char **abi)
{
	set_operand(p, st, en);
	if (peekop(p, "$") || peekop(p, "*"))
		next(p);
	Tok *t = next(p);
	if (t->kind != T_IDENT || at_register(t->s))
		return NULL;
	*abi = "ABI0";
	if (peekop(p, "<")) {
		next(p);
		Tok *x = next(p);
		if (x->kind == T_OP && strcmp(x->s, ">") == 0)
			return NULL; /* static */
		if (x->kind != T_IDENT || !peekop(p, ">"))
			return NULL;
		next(p);
		*abi = x->s;
	}
	Tok *u = next(p);
	if (u->kind == T_OP && strcmp(u->s, "+") == 0) {
		if (next(p)->kind != T_INT)
			return NULL;
		u = next(p);
	}
	if (!(u->kind == T_OP && strcmp(u->s, "(") == 0))
		return NULL;
	Tok *r = next(p);
	if (r->kind != T_IDENT || strcmp(r->s, "SB") != 0)
		return NULL;
	if (!peekop(p, ")"))
		return NULL;
	next(p);
	if (!atend(p))
		return NULL;
	return symname(p, t->s);
}

/* -gensymabis (gc's symDefRef): text symbols defined and referenced */
static void symabis_statement(Parser *p, const char *word, int *st, int *en, int n)
{
	Buf *w = p->a->symabis;
	const char *abi, *name;
	int first = 0;
	if (strcmp(word, "TEXT") == 0) {
		if (n > 0 && (name = func_address(p, st[0], en[0], &abi)))
			buf_printf(w, "def %s %s\n", name, abi);
		return;
	}
	/* GLOBL and PCDATA: every operand is searched (gc's empty case) */
	if (strcmp(word, "DATA") == 0 || strcmp(word, "FUNCDATA") == 0) {
		if (n < 2)
			return;
		first = 1;
	}
	for (int i = first; i < n; i++)
		if ((name = func_address(p, st[i], en[i], &abi)))
			buf_printf(w, "ref %s %s\n", name, abi);
}

/* One statement: tokens t[0..n) (no newline, no ';'). */
static void statement(Parser *p, PState *ps)
{
	int i = 0;
	/* labels */
	while (!p->a->symabis && i + 1 < p->n && p->t[i].kind == T_IDENT && p->t[i + 1].kind == T_OP && strcmp(p->t[i + 1].s, ":") == 0) {
		const char *name = p->t[i].s;
		if (!ps->text) {
			if (!ps->badtext)
				perr(p, "label %s outside TEXT", name);
			return;
		}
		if (find_label(ps, name) >= 0) {
			perr(p, "label \"%s\" multiply defined", name);
			return;
		}
		Label *l = arena_alloc(&p->a->arena, sizeof *l);
		l->name = name;
		l->prog = ps->text->nprogs; /* the next prog */
		l->next = ps->labels;
		ps->labels = l;
		i += 2;
	}
	if (i == p->n)
		return;
	Tok *w = &p->t[i];
	if (w->kind != T_IDENT) {
		perr(p, "unexpected %s at start of statement", tokstr(w));
		return;
	}
	int st[5], en[5];
	int n = split_operands(p, i + 1, p->n, st, en, 5);
	if (n < 0)
		return;
	for (int k = 0; k < n; k++) {
		if (st[k] == en[k]) {
			perr(p, "missing operand");
			return;
		}
	}
	const char *name = w->s;
	if (p->a->symabis) {
		symabis_statement(p, name, st, en, n);
		return;
	}
	if (strcmp(name, "TEXT") == 0)
		do_text(p, ps, st, en, n);
	else if (strcmp(name, "GLOBL") == 0)
		do_globl(p, st, en, n);
	else if (strcmp(name, "DATA") == 0)
		do_data(p, st, en, n);
	else if (strcmp(name, "PCDATA") == 0 || strcmp(name, "FUNCDATA") == 0)
		do_pcfuncdata(p, ps, name[0] == 'F', st, en, n);
	else
		do_instruction(p, ps, name, st, en, n);
}

void asm_parse(Asm *a)
{
	PState ps = {0};
	Tok *v = NULL;
	int nv = 0, cap = 0;
	for (;;) {
		Tok t = asm_next(a);
		bool endstmt = t.kind == T_EOF || t.kind == T_NL || (t.kind == T_OP && strcmp(t.s, ";") == 0);
		if (!endstmt) {
			if (nv == cap) {
				cap = cap ? 2 * cap : 64;
				v = xrealloc(v, (size_t)cap * sizeof *v);
			}
			v[nv++] = t;
			continue;
		}
		if (nv > 0) {
			Parser p = {.a = a, .t = v, .n = nv, .file = v[0].file, .line = v[0].line};
			statement(&p, &ps);
			nv = 0;
		}
		if (t.kind == T_EOF || a->toomany)
			break;
	}
	finish_text(a, &ps);
	free(v);
}
