/*
 * parse.c — the parser: tokens from scan.c in, a go/ast-shaped tree out.
 *
 * Two oracles shape this file.  What is accepted, and the exact tree
 * built for it, follow go/parser (Go 1.19): the functions below mirror
 * go/parser's productions one for one (parse_operand = parseOperand,
 * ...), including its extra checks that reject input the grammar alone
 * would allow (checkExpr, "missing constant value", `[...]T` outside a
 * composite literal, unnamed type parameters, ...).  What is reported,
 * and how the parser recovers from an error, follow gc
 * (cmd/compile/internal/syntax): "syntax error: unexpected X, expecting
 * Y", "... at end of statement", "... in composite literal; possibly
 * missing comma or }", skipping to gc's follow sets, at most one syntax
 * error per line and no follow-up error at EOF.
 *
 * Invariants:
 *  - Every loop consumes at least one token per iteration or stops;
 *    advance() keeps go/parser's sync guard (at most 10 non-advancing
 *    syncs at one position) as a second line of defence.
 *  - Recursion is bounded: enter() counts nesting and stops the parse
 *    with "syntax error: too deeply nested" past MAXDEPTH levels or
 *    MAXSTACK bytes of C stack, whichever comes first (gc has no limit,
 *    go/parser stops at 100000 levels).
 *  - Lists are collected on one scratch stack of Node pointers and copied
 *    into the arena once, when complete; nodes are arena-allocated.
 */
#include "syntax.h"

#include <setjmp.h>

enum {
	MAXDEPTH = 10000,
	MAXSTACK = 4 << 20, /* bytes of C stack the parser may use */
	MAXERRORS = 100,    /* stop parsing a file after this many errors */
};

typedef struct P {
	Scanner s;
	Arena *a;
	DiagList *d;
	SrcFile *f;
	int derr0;  /* d->n when the parse started */
	int nerr;   /* errors reported by the parser */
	int exprlev;  /* < 0: in control clause; >= 0: in expression */
	bool inrhs;
	int fnest;  /* function nesting (gc's advance uses the stopset inside functions) */
	int depth;
	char *stackbase;
	Pos syncpos;
	int synccnt;
	int lastsynline; /* line of the last "syntax error" (gc: one per line) */
	const char *lastsynfile;
	bool inswitch; /* in a switch header */
	bool listerr; /* a list was abandoned after an error: the closing token is not wanted */
	Node **stk;
	uint32_t nstk, capstk;
	Diag *late; /* errors gc's type checker would report (see late_error_at) */
	int nlate, caplate;
	jmp_buf bail;
} P;

#define TOK (p->s.tok)
#define POS (p->s.pos)
#define LIT (p->s.lit)

static void next(P *p) { scan_next(&p->s); }

/* ---- nodes and lists ---- */

static Node *mk(P *p, int kind)
{
	/* arena_alloc's fast path, inlined: nodes are most of the allocations */
	enum { NODESZ = (sizeof(Node) + 7) & ~(size_t)7 };
	Arena *a = p->a;
	Node *n;
	if (LIKELY((size_t)(a->end - a->cur) >= NODESZ)) {
		n = (Node *)(void *)a->cur;
		a->cur += NODESZ;
	} else {
		n = arena_alloc(a, sizeof(Node));
	}
	n->kind = (uint8_t)kind;
	return n;
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void growstk(P *p)
{
	p->capstk = p->capstk ? p->capstk * 2 : 1024;
	p->stk = xrealloc(p->stk, p->capstk * sizeof p->stk[0]);
}

static inline void push(P *p, Node *n)
{
	if (UNLIKELY(p->nstk == p->capstk))
		growstk(p);
	p->stk[p->nstk++] = n;
}

/* Copies stk[base:] into the arena and pops it. */
static List poplist(P *p, uint32_t base)
{
	List l = {NULL, p->nstk - base};
	if (l.n) {
		l.v = arena_alloc(p->a, l.n * sizeof(Node *));
		memcpy(l.v, p->stk + base, l.n * sizeof(Node *));
	}
	p->nstk = base;
	return l;
}

static List list1(P *p, Node *n)
{
	List l = {arena_alloc(p->a, sizeof(Node *)), 1};
	l.v[0] = n;
	return l;
}

static Node *ident(P *p, Pos pos, Str name)
{
	Node *n = mk(p, N_Ident);
	n->ident.namepos = pos;
	n->ident.name = name;
	return n;
}

static Node *badexpr(P *p, Pos from, Pos to)
{
	Node *n = mk(p, N_BadExpr);
	n->bad.from = from;
	n->bad.to = to;
	return n;
}

static Node *fieldlist(P *p, Pos open, List l, Pos close)
{
	Node *n = mk(p, N_FieldList);
	n->fieldlist.opening = open;
	n->fieldlist.list = l;
	n->fieldlist.closing = close;
	return n;
}

/* go/ast's Pos() for the nodes whose position the parser needs. */
static Pos npos(const Node *n)
{
	switch (n->kind) {
	case N_BadExpr: case N_BadStmt: case N_BadDecl: return n->bad.from;
	case N_Ident: return n->ident.namepos;
	case N_Ellipsis: return n->ellipsis.ellipsis;
	case N_BasicLit: return n->lit.valuepos;
	case N_FuncLit: return npos(n->funclit.type);
	case N_CompositeLit: return n->composite.type ? npos(n->composite.type) : n->composite.lbrace;
	case N_ParenExpr: return n->paren.lparen;
	case N_SelectorExpr: return npos(n->selector.x);
	case N_IndexExpr: return npos(n->index.x);
	case N_IndexListExpr: return npos(n->indexlist.x);
	case N_SliceExpr: return npos(n->slice.x);
	case N_TypeAssertExpr: return npos(n->typeassert.x);
	case N_CallExpr: return npos(n->call.fun);
	case N_StarExpr: return n->star.star;
	case N_UnaryExpr: return n->unary.oppos;
	case N_BinaryExpr: return npos(n->binary.x);
	case N_KeyValueExpr: return npos(n->keyvalue.key);
	case N_ArrayType: return n->arraytype.lbrack;
	case N_StructType: return n->structtype.struct_;
	case N_FuncType:
		if (n->functype.func) return n->functype.func;
		return n->functype.params ? n->functype.params->fieldlist.opening : NoPos;
	case N_InterfaceType: return n->ifacetype.interface;
	case N_MapType: return n->maptype.map;
	case N_ChanType: return n->chantype.begin;
	case N_ExprStmt: return npos(n->exprstmt.x);
	case N_SendStmt: return npos(n->send.chan);
	case N_IncDecStmt: return npos(n->incdec.x);
	case N_AssignStmt: return n->assign.lhs.n ? npos(n->assign.lhs.v[0]) : n->assign.tokpos;
	case N_LabeledStmt: return npos(n->labeled.label);
	case N_EmptyStmt: return n->empty.semicolon;
	case N_DeclStmt: return n->declstmt.decl->gendecl.tokpos;
	default: return NoPos;
	}
}

/* An approximation of go/ast's End(), used only for BadExpr extents. */
static Pos nend(const Node *n)
{
	switch (n->kind) {
	case N_BadExpr: return n->bad.to;
	case N_Ident: return n->ident.namepos + n->ident.name.n;
	case N_BasicLit: return n->lit.valuepos + n->lit.value.n;
	case N_ParenExpr: return n->paren.rparen + 1;
	case N_CallExpr: return n->call.rparen + 1;
	case N_IndexExpr: return n->index.rbrack + 1;
	case N_IndexListExpr: return n->indexlist.rbrack + 1;
	case N_SliceExpr: return n->slice.rbrack + 1;
	case N_CompositeLit: return n->composite.rbrace + 1;
	case N_SelectorExpr: return nend(n->selector.sel);
	case N_StarExpr: return nend(n->star.x);
	case N_UnaryExpr: return nend(n->unary.x);
	case N_BinaryExpr: return nend(n->binary.y);
	case N_ArrayType: return nend(n->arraytype.elt);
	case N_MapType: return nend(n->maptype.value);
	case N_ChanType: return nend(n->chantype.value);
	default: return npos(n) + 1;
	}
}

static Node *unparen(Node *x)
{
	while (x->kind == N_ParenExpr)
		x = x->paren.x;
	return x;
}

/* ---- errors ---- */

NORETURN static void bailout(P *p) { longjmp(p->bail, 1); }

static int nerrors(P *p) { return p->d->n - p->derr0; }

static void report(P *p, Pos pos, const char *msg)
{
	if (strncmp(msg, "syntax error", 12) == 0) {
		/* gc: only one syntax error per line, no matter what error */
		Position q = pos_adjusted(pos);
		if (p->lastsynfile && q.line == p->lastsynline && q.filename &&
		    strcmp(q.filename, p->lastsynfile) == 0)
			return;
		p->lastsynline = q.line;
		p->lastsynfile = q.filename;
	}
	diag_error(p->d, pos, "%s", msg);
	p->nerr++;
	if (p->nerr >= MAXERRORS)
		bailout(p);
}

/* Error paths stay out of the recursive functions' frames. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A message under construction: fixed storage, so that no allocation is
 * in flight when an error ends the parse (bailout); long text is cut. */
typedef struct Msg {
	char s[512];
	size_t n;
} Msg;

static void msg_put(Msg *b, const char *p, size_t n)
{
	if (n > sizeof b->s - 1 - b->n)
		n = sizeof b->s - 1 - b->n;
	memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = 0;
}
static void msg_puts(Msg *b, const char *p) { msg_put(b, p, strlen(p)); }
static void msg_putc(Msg *b, char c) { msg_put(b, &c, 1); }
static void msg_printf(Msg *b, const char *fmt, ...) PRINTF(2, 3);
static void msg_printf(Msg *b, const char *fmt, ...)
{
	char t[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t, sizeof t, fmt, ap);
	va_end(ap);
	msg_puts(b, t);
}

/* The current token as gc names it in "unexpected X". */
static void tokdesc(P *p, Msg *b)
{
	switch (TOK) {
	case TOK_IDENT:
	case TOK_SEMICOLON:
		msg_put(b, LIT.p, LIT.n);
		break;
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING:
		msg_puts(b, "literal ");
		msg_put(b, LIT.p, LIT.n);
		break;
	case TOK_COMMA:
		msg_puts(b, "comma");
		break;
	default:
		msg_puts(b, TOK_NAME(TOK));
	}
}

/* gc's tokstring: how a wanted token is named in "expecting X". */
static const char *tokwant(Token t)
{
	switch (t) {
	case TOK_IDENT: return "name";
	case TOK_COMMA: return "comma";
	case TOK_SEMICOLON: return "semicolon or newline";
	default: return TOK_NAME(t);
	}
}

/* gc's syntaxErrorAt: msg "expecting X", "in X", "at X", "after X" get
 * "unexpected <current token>" in front; other messages stand alone. */
static void syntax_error_at(P *p, Pos pos, const char *fmt, ...) PRINTF(3, 4);
static NOINLINE void syntax_error_at(P *p, Pos pos, const char *fmt, ...)
{
	if (TOK == TOK_EOF && nerrors(p) > 0)
		return; /* avoid meaningless follow-up errors */
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	Msg b = {0};
	msg_puts(&b, "syntax error: ");
	if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6)) {
		msg_puts(&b, "unexpected ");
		tokdesc(p, &b);
		msg_putc(&b, ' ');
	} else if (!strncmp(msg, "expecting ", 10)) {
		msg_puts(&b, "unexpected ");
		tokdesc(p, &b);
		msg_puts(&b, ", ");
	}
	msg_puts(&b, msg);
	report(p, pos, b.s);
}
#define syntax_error(p, ...) syntax_error_at(p, POS, __VA_ARGS__)

/* An error that is not reported as a syntax error (gc's p.errorAt). */
static void error_at(P *p, Pos pos, const char *fmt, ...) PRINTF(3, 4);
static NOINLINE void error_at(P *p, Pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	report(p, pos, msg);
}

/* An error go/parser reports but gc leaves to a later phase (the type
 * checker, the import resolver).  gc stops after syntax errors, so these
 * are reported only if the file has no other error. */
static void late_error_at(P *p, Pos pos, const char *fmt, ...) PRINTF(3, 4);
static NOINLINE void late_error_at(P *p, Pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p->nlate == p->caplate) {
		p->caplate = p->caplate ? 2 * p->caplate : 8;
		p->late = xrealloc(p->late, (size_t)p->caplate * sizeof p->late[0]);
	}
	p->late[p->nlate++] = (Diag){pos, xstrdup(msg)};
	if (p->nlate >= MAXERRORS)
		bailout(p);
}

/* ---- follow sets (gc's advance) ---- */
/* A set of tokens in 64 bits: the tokens a follow set can hold are EOF,
 * IDENT and those from TOK_NOT on (delimiters and keywords). */
typedef uint64_t TokSet;
#define TSBIT(t) ((t) >= TOK_NOT ? (t) - TOK_NOT + 8 : (t))
#define TS(t) ((TokSet)1 << TSBIT(TOK_##t))
static const TokSet stopset = TS(BREAK) | TS(CONST) | TS(CONTINUE) | TS(DEFER) |
	TS(FALLTHROUGH) | TS(FOR) | TS(GO) | TS(GOTO) | TS(IF) | TS(RETURN) |
	TS(SELECT) | TS(SWITCH) | TS(TYPE) | TS(VAR);

static bool intoks(Token t, TokSet s)
{
	if (t >= 8 && t < TOK_NOT)
		return false;
	return s >> TSBIT(t) & 1;
}

/* Skips to a token of `to` (plus the statement keywords inside function
 * bodies, plus EOF).  Like go/parser it refuses to stop at the same
 * position more than 10 times, so error recovery always makes progress. */
static void advance(P *p, TokSet to)
{
	to |= TS(EOF);
	if (p->fnest > 0)
		to |= stopset;
	for (; TOK != TOK_EOF; next(p)) {
		if (intoks(TOK, to)) {
			if (POS == p->syncpos && p->synccnt < 10) {
				p->synccnt++;
				return;
			}
			if (POS > p->syncpos) {
				p->syncpos = POS;
				p->synccnt = 0;
				return;
			}
		}
	}
}

static Pos expect(P *p, Token t)
{
	Pos pos = POS;
	if (TOK != t)
		syntax_error(p, "expecting %s", tokwant(t));
	if (TOK != TOK_EOF)
		next(p);
	return pos;
}

/* go/parser's expect2: NoPos when the token is missing. */
static Pos expect2(P *p, Token t)
{
	Pos pos = NoPos;
	if (TOK == t)
		pos = POS;
	else
		syntax_error(p, "expecting %s", tokwant(t));
	if (TOK != TOK_EOF)
		next(p);
	return pos;
}

static bool got(P *p, Token t)
{
	if (TOK == t) {
		next(p);
		return true;
	}
	return false;
}

/* The closing token of a comma-separated list (after at_comma). */
static Pos expect_closing(P *p, Token t)
{
	if (p->listerr) {
		p->listerr = false;
		if (TOK != t)
			return POS; /* gc: already reported; don't want the closing token */
	}
	return expect(p, t);
}

/* go/parser's atComma with gc's message and recovery. */
static bool at_comma(P *p, const char *context, Token follow)
{
	if (TOK == TOK_COMMA)
		return true;
	if (TOK != follow) {
		syntax_error(p, "in %s; possibly missing comma or %s", context, tokwant(follow));
		advance(p, TS(RPAREN) | TS(RBRACK) | TS(RBRACE));
		p->listerr = true;
	}
	return false;
}

/* ';' after a statement (gc: "at end of statement"). */
static void expect_semi_ctx(P *p, const char *ctx, TokSet follow)
{
	if (TOK == TOK_RBRACE) /* (go/parser also lets ')' pass, to fail later) */
		return;
	if (TOK == TOK_SEMICOLON) {
		next(p);
		return;
	}
	syntax_error(p, "%s", ctx);
	advance(p, follow);
	got(p, TOK_SEMICOLON);
}
static void expect_semi(P *p)
{
	expect_semi_ctx(p, "at end of statement", TS(SEMICOLON) | TS(RBRACE) | TS(CASE) | TS(DEFAULT));
}

/* ---- nesting ---- */

static void enter(P *p)
{
	char here;
	intptr_t used = (intptr_t)((uintptr_t)p->stackbase - (uintptr_t)&here);
	if (++p->depth > MAXDEPTH || used > MAXSTACK) {
		error_at(p, POS, "syntax error: too deeply nested");
		bailout(p);
	}
}
static void leave(P *p) { p->depth--; }

/* ---- forward declarations ---- */
static Node *parse_type(P *p);
static Node *try_ident_or_type(P *p);
static Node *parse_expr(P *p);
static Node *parse_rhs(P *p);
static Node *parse_rhs_or_type(P *p);
static Node *parse_primary_expr(P *p, Node *x);
static Node *parse_binary_expr(P *p, Node *x, int prec1, bool check);
static Node *parse_unary_expr(P *p);
static Node *parse_literal_value(P *p, Node *type);
static Node *parse_stmt(P *p);
static Node *parse_block_stmt(P *p, const char *context);
static Node *parse_body(P *p);
static Node *parse_func_type(P *p);
static Node *parse_result(P *p);
static Node *parse_parameters(P *p, bool accept_tparams, Node **tparams);
static Node *parse_decl(P *p, TokSet sync);
static Node *embedded_elem(P *p, Node *x);
static List parse_stmt_list(P *p);
static bool is_stmt_start(Token t);

/* ---- identifiers and lists ---- */

static Node *parse_ident(P *p)
{
	Pos pos = POS;
	if (TOK == TOK_IDENT) {
		Node *n = ident(p, pos, LIT);
		next(p);
		return n;
	}
	expect(p, TOK_IDENT);
	return ident(p, pos, STR_LIT("_"));
}

static List parse_ident_list(P *p)
{
	uint32_t base = p->nstk;
	push(p, parse_ident(p));
	while (TOK == TOK_COMMA) {
		next(p);
		push(p, parse_ident(p));
	}
	return poplist(p, base);
}

/* ---- printing expressions for gc's "cannot use ... as value" ---- */

static void print_expr(Msg *b, const Node *n, int depth);
static void print_fields(Msg *b, const Node *fl, int depth, bool parens);
static void print_list(Msg *b, List l, int depth)
{
	for (uint32_t i = 0; i < l.n; i++) {
		if (i)
			msg_puts(b, ", ");
		print_expr(b, l.v[i], depth);
	}
}
static void print_fields(Msg *b, const Node *fl, int depth, bool parens)
{
	if (parens)
		msg_putc(b, '(');
	for (uint32_t i = 0; fl && i < fl->fieldlist.list.n; i++) {
		Node *f = fl->fieldlist.list.v[i];
		if (i)
			msg_puts(b, ", ");
		if (f->field.names.n) {
			print_list(b, f->field.names, depth);
			msg_putc(b, ' ');
		}
		print_expr(b, f->field.type, depth);
	}
	if (parens)
		msg_putc(b, ')');
}
static void print_expr(Msg *b, const Node *n, int depth)
{
	if (!n)
		return;
	if (depth > 20 || b->n > 200) {
		msg_puts(b, "…");
		return;
	}
	depth++;
	switch (n->kind) {
	case N_Ident: msg_put(b, n->ident.name.p, n->ident.name.n); break;
	case N_BasicLit: msg_put(b, n->lit.value.p, n->lit.value.n); break;
	case N_ParenExpr: msg_putc(b, '('); print_expr(b, n->paren.x, depth); msg_putc(b, ')'); break;
	case N_SelectorExpr:
		print_expr(b, n->selector.x, depth);
		msg_putc(b, '.');
		print_expr(b, n->selector.sel, depth);
		break;
	case N_IndexExpr:
		print_expr(b, n->index.x, depth);
		msg_putc(b, '[');
		print_expr(b, n->index.index, depth);
		msg_putc(b, ']');
		break;
	case N_CallExpr:
		print_expr(b, n->call.fun, depth);
		msg_putc(b, '(');
		print_list(b, n->call.args, depth);
		if (n->call.ellipsis)
			msg_puts(b, "...");
		msg_putc(b, ')');
		break;
	case N_StarExpr: msg_putc(b, '*'); print_expr(b, n->star.x, depth); break;
	case N_UnaryExpr: msg_puts(b, TOK_NAME(n->unary.op)); print_expr(b, n->unary.x, depth); break;
	case N_BinaryExpr:
		print_expr(b, n->binary.x, depth);
		msg_printf(b, " %s ", TOK_NAME(n->binary.op));
		print_expr(b, n->binary.y, depth);
		break;
	case N_TypeAssertExpr:
		print_expr(b, n->typeassert.x, depth);
		msg_puts(b, ".(");
		if (n->typeassert.type)
			print_expr(b, n->typeassert.type, depth);
		else
			msg_puts(b, "type");
		msg_putc(b, ')');
		break;
	case N_CompositeLit: print_expr(b, n->composite.type, depth); msg_puts(b, "{…}"); break;
	case N_IndexListExpr:
		print_expr(b, n->indexlist.x, depth);
		msg_putc(b, '[');
		print_list(b, n->indexlist.indices, depth);
		msg_putc(b, ']');
		break;
	case N_SliceExpr:
		print_expr(b, n->slice.x, depth);
		msg_putc(b, '[');
		print_expr(b, n->slice.low, depth);
		msg_putc(b, ':');
		print_expr(b, n->slice.high, depth);
		if (n->slice.slice3) {
			msg_putc(b, ':');
			print_expr(b, n->slice.max, depth);
		}
		msg_putc(b, ']');
		break;
	case N_KeyValueExpr:
		print_expr(b, n->keyvalue.key, depth);
		msg_puts(b, ": ");
		print_expr(b, n->keyvalue.value, depth);
		break;
	case N_Ellipsis: msg_puts(b, "..."); print_expr(b, n->ellipsis.elt, depth); break;
	case N_ArrayType:
		msg_putc(b, '[');
		print_expr(b, n->arraytype.len, depth);
		msg_putc(b, ']');
		print_expr(b, n->arraytype.elt, depth);
		break;
	case N_MapType:
		msg_puts(b, "map[");
		print_expr(b, n->maptype.key, depth);
		msg_putc(b, ']');
		print_expr(b, n->maptype.value, depth);
		break;
	case N_ChanType:
		msg_puts(b, n->chantype.dir == CHAN_RECV ? "<-chan " : n->chantype.dir == CHAN_SEND ? "chan<- " : "chan ");
		print_expr(b, n->chantype.value, depth);
		break;
	case N_StructType:
	case N_InterfaceType: {
		bool st = n->kind == N_StructType;
		const Node *fl = st ? n->structtype.fields : n->ifacetype.methods;
		msg_puts(b, st ? "struct{" : "interface{");
		for (uint32_t i = 0; i < fl->fieldlist.list.n; i++) {
			const Node *f = fl->fieldlist.list.v[i];
			if (i)
				msg_puts(b, "; ");
			print_list(b, f->field.names, depth);
			if (!st && f->field.names.n && f->field.type->kind == N_FuncType) {
				const Node *ft = f->field.type;
				print_fields(b, ft->functype.params, depth, true);
				if (ft->functype.results) {
					msg_putc(b, ' ');
					const Node *r = ft->functype.results;
					print_fields(b, r, depth, r->fieldlist.opening || r->fieldlist.list.n != 1 || r->fieldlist.list.v[0]->field.names.n);
				}
				continue;
			}
			if (f->field.names.n)
				msg_putc(b, ' ');
			print_expr(b, f->field.type, depth);
		}
		msg_putc(b, '}');
		break;
	}
	case N_FuncType:
		msg_puts(b, "func");
		print_fields(b, n->functype.params, depth, true);
		if (n->functype.results) {
			msg_putc(b, ' ');
			Node *r = n->functype.results;
			print_fields(b, r, depth, r->fieldlist.opening || r->fieldlist.list.n != 1 || r->fieldlist.list.v[0]->field.names.n);
		}
		break;
	case N_FuncLit: msg_puts(b, "func literal"); break;
	default: msg_puts(b, "…"); break;
	}
}

static NOINLINE Node *not_expr(P *p, Node *x)
{
	Msg b = {0};
	print_expr(&b, x, 0);
	/* gc's position of a function type is its parameter list */
	Pos pos = x->kind == N_FuncType && x->functype.params ? x->functype.params->fieldlist.opening : npos(x);
	late_error_at(p, pos, "%s (type) is not an expression", b.s);
	return badexpr(p, npos(x), nend(x));
}

/* go/parser's checkExpr: x must be an expression, not a type. */
static Node *check_expr(P *p, Node *x)
{
	switch (unparen(x)->kind) {
	case N_BadExpr: case N_Ident: case N_BasicLit: case N_FuncLit:
	case N_CompositeLit: case N_SelectorExpr: case N_IndexExpr:
	case N_IndexListExpr: case N_SliceExpr: case N_TypeAssertExpr:
	case N_CallExpr: case N_StarExpr: case N_UnaryExpr: case N_BinaryExpr:
		return x;
	default:
		return not_expr(p, x);
	}
}

/* go/parser's checkExprOrType: rejects [...]T outside composite literals. */
static Node *check_expr_or_type(P *p, Node *x)
{
	Node *t = unparen(x);
	if (t->kind == N_ArrayType && t->arraytype.len && t->arraytype.len->kind == N_Ellipsis) {
		late_error_at(p, npos(t), "invalid use of [...] array (outside a composite literal)");
		return badexpr(p, npos(x), nend(x));
	}
	return x;
}

static List parse_expr_list(P *p)
{
	uint32_t base = p->nstk;
	push(p, check_expr(p, parse_expr(p)));
	while (TOK == TOK_COMMA) {
		next(p);
		push(p, check_expr(p, parse_expr(p)));
	}
	return poplist(p, base);
}

static List parse_list(P *p, bool inrhs)
{
	bool old = p->inrhs;
	p->inrhs = inrhs;
	List l = parse_expr_list(p);
	p->inrhs = old;
	return l;
}

/* ---- types ---- */

static Node *parse_type(P *p)
{
	Node *t = try_ident_or_type(p);
	if (!t) {
		Pos pos = POS;
		syntax_error(p, "expecting type");
		advance(p, TS(COMMA) | TS(COLON) | TS(SEMICOLON) | TS(RPAREN) | TS(RBRACK) | TS(RBRACE));
		return badexpr(p, pos, POS);
	}
	return t;
}

static Node *parse_type_name(P *p, Node *id)
{
	if (!id)
		id = parse_ident(p);
	if (TOK == TOK_PERIOD) {
		next(p);
		Node *n = mk(p, N_SelectorExpr);
		n->selector.x = id;
		n->selector.sel = parse_ident(p);
		return n;
	}
	return id;
}

/* typeparams.PackIndexExpr */
static Node *pack_index(P *p, Node *x, Pos lbrack, List args, Pos rbrack)
{
	if (args.n == 1) {
		Node *n = mk(p, N_IndexExpr);
		n->index.x = x;
		n->index.lbrack = lbrack;
		n->index.index = args.v[0];
		n->index.rbrack = rbrack;
		return n;
	}
	Node *n = mk(p, N_IndexListExpr);
	n->indexlist.x = x;
	n->indexlist.lbrack = lbrack;
	n->indexlist.indices = args;
	n->indexlist.rbrack = rbrack;
	return n;
}

static Node *parse_type_instance(P *p, Node *typ)
{
	Pos opening = expect(p, TOK_LBRACK);
	p->exprlev++;
	uint32_t base = p->nstk;
	while (TOK != TOK_RBRACK && TOK != TOK_EOF) {
		push(p, parse_type(p));
		if (!at_comma(p, "type argument list", TOK_RBRACK))
			break;
		next(p);
	}
	p->exprlev--;
	List list = poplist(p, base);
	Pos closing = expect_closing(p, TOK_RBRACK);
	if (list.n == 0) {
		error_at(p, closing, "syntax error: unexpected ], expecting type");
		Node *n = mk(p, N_IndexExpr);
		n->index.x = typ;
		n->index.lbrack = opening;
		n->index.index = badexpr(p, opening + 1, closing);
		n->index.rbrack = closing;
		return n;
	}
	return pack_index(p, typ, opening, list, closing);
}

static Node *parse_qualified_ident(P *p, Node *id)
{
	Node *t = parse_type_name(p, id);
	if (TOK == TOK_LBRACK)
		t = parse_type_instance(p, t);
	return t;
}

static Node *parse_array_type(P *p, Pos lbrack, Node *len)
{
	if (!len) {
		p->exprlev++;
		if (TOK == TOK_ELLIPSIS) {
			len = mk(p, N_Ellipsis);
			len->ellipsis.ellipsis = POS;
			next(p);
		} else if (TOK != TOK_RBRACK) {
			len = parse_rhs(p);
		}
		p->exprlev--;
	}
	if (TOK == TOK_COMMA) {
		syntax_error(p, "unexpected comma; expecting ]");
		next(p);
	}
	expect(p, TOK_RBRACK);
	Node *n = mk(p, N_ArrayType);
	n->arraytype.lbrack = lbrack;
	n->arraytype.len = len;
	n->arraytype.elt = parse_type(p);
	return n;
}

/* x [ ... : either an array-typed field "x [n]T" or an instance "x[T]". */
static Node *parse_array_field_or_type_instance(P *p, Node *x, Node **name)
{
	Pos lbrack = expect(p, TOK_LBRACK);
	uint32_t base = p->nstk;
	if (TOK != TOK_RBRACK) {
		p->exprlev++;
		push(p, parse_rhs_or_type(p));
		while (TOK == TOK_COMMA) {
			next(p);
			push(p, parse_rhs_or_type(p));
		}
		p->exprlev--;
	}
	Pos rbrack = expect(p, TOK_RBRACK);
	List args = poplist(p, base);
	*name = x;
	if (args.n == 0) {
		Node *n = mk(p, N_ArrayType);
		n->arraytype.lbrack = lbrack;
		n->arraytype.elt = parse_type(p);
		return n;
	}
	if (args.n == 1) {
		Node *elt = try_ident_or_type(p);
		if (elt) {
			Node *n = mk(p, N_ArrayType);
			n->arraytype.lbrack = lbrack;
			n->arraytype.len = args.v[0];
			n->arraytype.elt = elt;
			return n;
		}
	}
	*name = NULL;
	return pack_index(p, x, lbrack, args, rbrack);
}

static Node *parse_string_tag(P *p)
{
	if (TOK != TOK_STRING)
		return NULL;
	Node *tag = mk(p, N_BasicLit);
	tag->lit.valuepos = POS;
	tag->lit.kind = TOK_STRING;
	tag->lit.value = LIT;
	next(p);
	return tag;
}

/* expect_semi inside struct and interface types (gc: list "struct type"). */
static void expect_semi_in(P *p, const char *context)
{
	if (TOK == TOK_RBRACE)
		return;
	if (TOK == TOK_SEMICOLON) {
		next(p);
		return;
	}
	syntax_error(p, "in %s; possibly missing semicolon or newline or }", context);
	advance(p, TS(RPAREN) | TS(RBRACK) | TS(RBRACE) | TS(SEMICOLON));
	got(p, TOK_SEMICOLON);
}

static Node *parse_field_decl(P *p)
{
	uint32_t base = p->nstk;
	Node *typ = NULL;
	if (TOK == TOK_IDENT) {
		Node *name = parse_ident(p);
		if (TOK == TOK_PERIOD || TOK == TOK_STRING || TOK == TOK_SEMICOLON || TOK == TOK_RBRACE) {
			typ = name;
			if (TOK == TOK_PERIOD)
				typ = parse_qualified_ident(p, name);
		} else {
			push(p, name);
			while (TOK == TOK_COMMA) {
				next(p);
				push(p, parse_ident(p));
			}
			if (p->nstk - base == 1 && TOK == TOK_LBRACK) {
				Node *nm;
				typ = parse_array_field_or_type_instance(p, name, &nm);
				if (!nm)
					p->nstk = base;
			} else {
				typ = parse_type(p);
			}
		}
	} else {
		typ = parse_type(p); /* go/parser accepts (T) and *(T) here; gc does not */
	}
	Node *f = mk(p, N_Field);
	f->field.names = poplist(p, base);
	f->field.type = typ;
	f->field.tag = parse_string_tag(p);
	expect_semi_in(p, "struct type");
	return f;
}

static Node *parse_struct_type(P *p)
{
	Node *n = mk(p, N_StructType);
	n->structtype.struct_ = expect(p, TOK_STRUCT);
	Pos lbrace = expect(p, TOK_LBRACE);
	uint32_t base = p->nstk;
	while (TOK == TOK_IDENT || TOK == TOK_MUL || TOK == TOK_LPAREN)
		push(p, parse_field_decl(p));
	List l = poplist(p, base);
	if (TOK != TOK_RBRACE && TOK != TOK_EOF) {
		syntax_error(p, "expecting field name or embedded type");
		advance(p, TS(RBRACE));
	}
	Pos rbrace = expect(p, TOK_RBRACE);
	n->structtype.fields = fieldlist(p, lbrace, l, rbrace);
	return n;
}

static Node *parse_pointer_type(P *p)
{
	Node *n = mk(p, N_StarExpr);
	n->star.star = expect(p, TOK_MUL);
	n->star.x = parse_type(p);
	return n;
}

static Node *parse_dots_type(P *p)
{
	Node *n = mk(p, N_Ellipsis);
	n->ellipsis.ellipsis = expect(p, TOK_ELLIPSIS);
	n->ellipsis.elt = try_ident_or_type(p);
	if (!n->ellipsis.elt) {
		n->ellipsis.elt = badexpr(p, POS, POS);
		syntax_error(p, "... is missing type");
	}
	return n;
}

/* One parameter: *name and/or *typ (go/parser's parseParamDecl). */
static void parse_param_decl(P *p, Node *name, bool typesetsok, Token follow, Node **fname, Node **ftyp)
{
	*fname = NULL;
	*ftyp = NULL;
	if (!name) {
		if (typesetsok && TOK == TOK_TILDE) {
			*ftyp = embedded_elem(p, NULL);
			return;
		}
		switch (TOK) {
		case TOK_IDENT:
			name = parse_ident(p);
			break;
		case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_LBRACK: case TOK_CHAN:
		case TOK_MAP: case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
			*ftyp = parse_type(p);
			goto typeset;
		case TOK_ELLIPSIS:
			*ftyp = parse_dots_type(p);
			return;
		default:
			syntax_error(p, "expecting %s", tokwant(follow));
			advance(p, TS(COMMA) | TS(COLON) | TS(SEMICOLON) | TS(RPAREN) | TS(RBRACK) | TS(RBRACE));
			return;
		}
	}
	*fname = name;
	switch (TOK) {
	case TOK_IDENT: case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_CHAN:
	case TOK_MAP: case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
		*ftyp = parse_type(p);
		break;
	case TOK_LBRACK:
		*ftyp = parse_array_field_or_type_instance(p, name, fname);
		break;
	case TOK_ELLIPSIS:
		*ftyp = parse_dots_type(p);
		return;
	case TOK_PERIOD:
		*ftyp = parse_qualified_ident(p, name);
		*fname = NULL;
		break;
	case TOK_TILDE:
		if (typesetsok) {
			*ftyp = embedded_elem(p, NULL);
			return;
		}
		break;
	case TOK_OR:
		if (typesetsok) {
			*ftyp = embedded_elem(p, name);
			*fname = NULL;
			return;
		}
		break;
	default:
		break;
	}
typeset:
	if (typesetsok && TOK == TOK_OR && *ftyp)
		*ftyp = embedded_elem(p, *ftyp);
}

static List parse_parameter_list(P *p, Node *name0, Node *typ0, Token closing)
{
	bool tparams = closing == TOK_RBRACK;
	Pos pos = name0 ? npos(name0) : POS;
	uint32_t base = p->nstk; /* (name, type) pairs */
	int named = 0;
	while (name0 || (TOK != closing && TOK != TOK_EOF)) {
		Node *nm, *ty;
		if (typ0) {
			if (tparams)
				typ0 = embedded_elem(p, typ0);
			nm = name0;
			ty = typ0;
		} else {
			parse_param_decl(p, name0, tparams, closing, &nm, &ty);
		}
		name0 = typ0 = NULL;
		if (nm || ty) {
			push(p, nm);
			push(p, ty);
			if (nm && ty)
				named++;
		}
		if (!at_comma(p, "parameter list", closing))
			break;
		next(p);
	}
	uint32_t n = (p->nstk - base) / 2;
	Node **v = p->stk + base;
	if (n == 0) {
		p->nstk = base;
		return (List){0};
	}
	/* for gc's messages about type parameters */
	int typed = 0;
	Pos first = NoPos;
	for (uint32_t i = 0; tparams && i < n; i++) {
		if (v[2 * i + 1])
			typed++;
		if (!first && v[2 * i + 1] && !v[2 * i])
			first = npos(v[2 * i + 1]);
	}
	bool tperr = false;
	if (named == 0) {
		for (uint32_t i = 0; i < n; i++) {
			if (v[2 * i]) {
				v[2 * i + 1] = v[2 * i];
				v[2 * i] = NULL;
			}
		}
		tperr = tparams;
	} else if (named != (int)n) {
		bool ok = true;
		Node *typ = NULL;
		Pos missing = pos;
		for (uint32_t i = n; i-- > 0;) {
			if (v[2 * i + 1]) {
				typ = v[2 * i + 1];
				if (!v[2 * i]) {
					ok = false;
					missing = npos(typ);
					v[2 * i] = ident(p, npos(typ), STR_LIT("_"));
				}
			} else if (typ) {
				v[2 * i + 1] = typ;
			} else {
				ok = false;
				missing = npos(v[2 * i]);
				v[2 * i + 1] = badexpr(p, npos(v[2 * i]), POS);
			}
		}
		if (!ok && !tparams)
			syntax_error_at(p, missing, "mixed named and unnamed parameters");
		tperr = !ok && tparams;
	}
	if (tperr) {
		if (named == typed || !first)
			syntax_error(p, "missing type constraint");
		else
			syntax_error_at(p, first, "type parameters must be named");
	}
	/* fields, pushed above the pairs */
	uint32_t fbase = p->nstk;
	if (named == 0) {
		for (uint32_t i = 0; i < n; i++) {
			Node *f = mk(p, N_Field);
			f->field.type = p->stk[base + 2 * i + 1];
			push(p, f);
		}
	} else {
		uint32_t i = 0;
		while (i < n) {
			Node *typ = p->stk[base + 2 * i + 1];
			uint32_t j = i + 1;
			while (j < n && p->stk[base + 2 * j + 1] == typ)
				j++;
			Node *f = mk(p, N_Field);
			f->field.names.n = j - i;
			f->field.names.v = arena_alloc(p->a, (j - i) * sizeof(Node *));
			for (uint32_t k = i; k < j; k++)
				f->field.names.v[k - i] = p->stk[base + 2 * k];
			f->field.type = typ;
			push(p, f);
			i = j;
		}
	}
	List l = poplist(p, fbase);
	p->nstk = base;
	return l;
}

static Node *parse_parameters(P *p, bool accept_tparams, Node **tparams)
{
	if (tparams)
		*tparams = NULL;
	if (accept_tparams && TOK == TOK_LBRACK) {
		Pos opening = POS;
		next(p);
		List l = parse_parameter_list(p, NULL, NULL, TOK_RBRACK);
		Pos rbrack = expect_closing(p, TOK_RBRACK);
		if (l.n == 0)
			syntax_error_at(p, rbrack, "empty type parameter list");
		else
			*tparams = fieldlist(p, opening, l, rbrack);
	}
	Pos opening = expect(p, TOK_LPAREN);
	List l = {0};
	if (TOK != TOK_RPAREN)
		l = parse_parameter_list(p, NULL, NULL, TOK_RPAREN);
	Pos rparen = expect_closing(p, TOK_RPAREN);
	return fieldlist(p, opening, l, rparen);
}

static Node *parse_result(P *p)
{
	if (TOK == TOK_LPAREN)
		return parse_parameters(p, false, NULL);
	Node *t = try_ident_or_type(p);
	if (t) {
		Node *f = mk(p, N_Field);
		f->field.type = t;
		return fieldlist(p, NoPos, list1(p, f), NoPos);
	}
	return NULL;
}

static Node *parse_func_type(P *p)
{
	Node *n = mk(p, N_FuncType);
	n->functype.func = expect(p, TOK_FUNC);
	Node *tparams;
	if (TOK == TOK_LBRACK) /* gc reports this before anything in the list */
		syntax_error(p, "function type must have no type parameters");
	n->functype.params = parse_parameters(p, true, &tparams);
	n->functype.results = parse_result(p);
	return n;
}

static Node *parse_method_spec(P *p)
{
	Node *typ;
	Node *id = NULL;
	Node *x = parse_type_name(p, NULL);
	if (x->kind == N_Ident) {
		if (TOK == TOK_LBRACK) {
			Pos lbrack = POS;
			next(p);
			if (TOK == TOK_RBRACK) {
				error_at(p, POS, "empty type argument list");
				Node *n = mk(p, N_IndexExpr);
				n->index.x = x;
				n->index.lbrack = lbrack;
				n->index.index = badexpr(p, POS, POS);
				n->index.rbrack = POS;
				next(p);
				Node *f = mk(p, N_Field);
				f->field.type = n;
				return f;
			}
			p->exprlev++;
			Node *e = parse_expr(p);
			p->exprlev--;
			if (e->kind == N_Ident && TOK != TOK_COMMA && TOK != TOK_RBRACK) {
				/* generic method m[P any](...): rejected */
				parse_parameter_list(p, e, NULL, TOK_RBRACK);
				expect(p, TOK_RBRACK);
				error_at(p, lbrack, "interface method must have no type parameters");
				Node *ft = mk(p, N_FuncType);
				ft->functype.params = parse_parameters(p, false, NULL);
				ft->functype.results = parse_result(p);
				id = x;
				typ = ft;
			} else {
				uint32_t base = p->nstk;
				push(p, e);
				if (at_comma(p, "type argument list", TOK_RBRACK)) {
					p->exprlev++;
					next(p);
					while (TOK != TOK_RBRACK && TOK != TOK_EOF) {
						push(p, parse_type(p));
						if (!at_comma(p, "type argument list", TOK_RBRACK))
							break;
						next(p);
					}
					p->exprlev--;
				}
				List l = poplist(p, base);
				Pos rbrack = expect_closing(p, TOK_RBRACK);
				typ = pack_index(p, x, lbrack, l, rbrack);
			}
		} else if (TOK == TOK_LPAREN) {
			Node *ft = mk(p, N_FuncType);
			ft->functype.params = parse_parameters(p, false, NULL);
			ft->functype.results = parse_result(p);
			id = x;
			typ = ft;
		} else {
			typ = x;
		}
	} else {
		typ = x;
		if (TOK == TOK_LBRACK)
			typ = parse_type_instance(p, typ);
	}
	Node *f = mk(p, N_Field);
	if (id)
		f->field.names = list1(p, id);
	f->field.type = typ;
	return f;
}

static Node *embedded_term(P *p)
{
	if (TOK == TOK_TILDE) {
		Node *t = mk(p, N_UnaryExpr);
		t->unary.oppos = POS;
		t->unary.op = TOK_TILDE;
		next(p);
		t->unary.x = parse_type(p);
		return t;
	}
	Node *t = try_ident_or_type(p);
	if (!t) {
		Pos pos = POS;
		syntax_error(p, "expecting ~ term or type");
		advance(p, TS(COMMA) | TS(COLON) | TS(SEMICOLON) | TS(RPAREN) | TS(RBRACK) | TS(RBRACE));
		return badexpr(p, pos, POS);
	}
	return t;
}

static Node *embedded_elem(P *p, Node *x)
{
	if (!x)
		x = embedded_term(p);
	while (TOK == TOK_OR) {
		Node *t = mk(p, N_BinaryExpr);
		t->binary.oppos = POS;
		t->binary.op = TOK_OR;
		next(p);
		t->binary.x = x;
		t->binary.y = embedded_term(p);
		x = t;
	}
	return x;
}

static Node *parse_interface_type(P *p)
{
	Node *n = mk(p, N_InterfaceType);
	n->ifacetype.interface = expect(p, TOK_INTERFACE);
	Pos lbrace = expect(p, TOK_LBRACE);
	uint32_t base = p->nstk;
	for (;;) {
		Node *f;
		if (TOK == TOK_IDENT) {
			f = parse_method_spec(p);
			if (f->field.names.n == 0)
				f->field.type = embedded_elem(p, f->field.type);
		} else if (TOK == TOK_TILDE) {
			f = mk(p, N_Field);
			f->field.type = embedded_elem(p, NULL);
		} else {
			Node *t = try_ident_or_type(p);
			if (!t)
				break;
			f = mk(p, N_Field);
			f->field.type = embedded_elem(p, t);
		}
		expect_semi_in(p, "interface type");
		push(p, f);
	}
	List l = poplist(p, base);
	if (TOK != TOK_RBRACE && TOK != TOK_EOF) {
		syntax_error(p, "expecting method or embedded element");
		advance(p, TS(RBRACE));
	}
	Pos rbrace = expect(p, TOK_RBRACE);
	n->ifacetype.methods = fieldlist(p, lbrace, l, rbrace);
	return n;
}

static Node *parse_map_type(P *p)
{
	Node *n = mk(p, N_MapType);
	n->maptype.map = expect(p, TOK_MAP);
	expect(p, TOK_LBRACK);
	n->maptype.key = parse_type(p);
	expect(p, TOK_RBRACK);
	n->maptype.value = parse_type(p);
	return n;
}

static Node *parse_chan_elem(P *p)
{
	Node *t = try_ident_or_type(p);
	if (!t) {
		syntax_error(p, "missing channel element type");
		t = badexpr(p, POS, POS);
	}
	return t;
}

static Node *parse_chan_type(P *p)
{
	Node *n = mk(p, N_ChanType);
	n->chantype.begin = POS;
	n->chantype.dir = CHAN_BOTH;
	if (TOK == TOK_CHAN) {
		next(p);
		if (TOK == TOK_ARROW) {
			n->chantype.arrow = POS;
			next(p);
			n->chantype.dir = CHAN_SEND;
		}
	} else {
		n->chantype.arrow = expect(p, TOK_ARROW);
		expect(p, TOK_CHAN);
		n->chantype.dir = CHAN_RECV;
	}
	n->chantype.value = parse_chan_elem(p);
	return n;
}

static Node *try_ident_or_type(P *p)
{
	Node *t = NULL;
	enter(p);
	switch (TOK) {
	case TOK_IDENT:
		t = parse_type_name(p, NULL);
		if (TOK == TOK_LBRACK)
			t = parse_type_instance(p, t);
		break;
	case TOK_LBRACK: {
		Pos lbrack = expect(p, TOK_LBRACK);
		t = parse_array_type(p, lbrack, NULL);
		break;
	}
	case TOK_STRUCT: t = parse_struct_type(p); break;
	case TOK_MUL: t = parse_pointer_type(p); break;
	case TOK_FUNC: t = parse_func_type(p); break;
	case TOK_INTERFACE: t = parse_interface_type(p); break;
	case TOK_MAP: t = parse_map_type(p); break;
	case TOK_CHAN: case TOK_ARROW: t = parse_chan_type(p); break;
	case TOK_LPAREN:
		t = mk(p, N_ParenExpr);
		t->paren.lparen = POS;
		next(p);
		t->paren.x = parse_type(p);
		t->paren.rparen = expect(p, TOK_RPAREN);
		break;
	default:
		break;
	}
	leave(p);
	return t;
}

/* ---- expressions ---- */

static Node *parse_func_type_or_lit(P *p)
{
	Node *typ = parse_func_type(p);
	if (TOK != TOK_LBRACE)
		return typ;
	p->exprlev++;
	p->fnest++;
	Node *body = parse_body(p);
	p->fnest--;
	p->exprlev--;
	Node *n = mk(p, N_FuncLit);
	n->funclit.type = typ;
	n->funclit.body = body;
	return n;
}

static Node *parse_operand(P *p)
{
	switch (TOK) {
	case TOK_IDENT:
		return parse_ident(p);
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING: {
		Node *x = mk(p, N_BasicLit);
		x->lit.valuepos = POS;
		x->lit.kind = (uint8_t)TOK;
		x->lit.value = LIT;
		next(p);
		return x;
	}
	case TOK_LPAREN: {
		Node *x = mk(p, N_ParenExpr);
		x->paren.lparen = POS;
		next(p);
		p->exprlev++;
		bool old = p->inrhs;
		p->inrhs = true;
		x->paren.x = parse_expr(p);
		p->inrhs = old;
		p->exprlev--;
		x->paren.rparen = expect(p, TOK_RPAREN);
		/* ([...]T){}: gc reports only the parenthesized literal type */
		Node *in = unparen(x->paren.x);
		if (TOK == TOK_LBRACE && p->exprlev >= 0 && in->kind == N_ArrayType &&
		    in->arraytype.len && in->arraytype.len->kind == N_Ellipsis)
			x->paren.x = badexpr(p, npos(x->paren.x), nend(x->paren.x));
		else
			x->paren.x = check_expr_or_type(p, x->paren.x);
		return x;
	}
	case TOK_FUNC:
		return parse_func_type_or_lit(p);
	default:
		break;
	}
	Node *t = try_ident_or_type(p);
	if (t)
		return t;
	Pos pos = POS;
	syntax_error(p, "expecting expression");
	advance(p, TS(RPAREN) | TS(RBRACK) | TS(RBRACE));
	return badexpr(p, pos, POS);
}

static Node *parse_type_assertion(P *p, Node *x)
{
	Node *n = mk(p, N_TypeAssertExpr);
	n->typeassert.x = x;
	n->typeassert.lparen = expect(p, TOK_LPAREN);
	if (TOK == TOK_TYPE)
		next(p);
	else
		n->typeassert.type = parse_type(p);
	n->typeassert.rparen = expect(p, TOK_RPAREN);
	return n;
}

static Node *parse_index_or_slice_or_instance(P *p, Node *x)
{
	Pos lbrack = expect(p, TOK_LBRACK);
	if (TOK == TOK_RBRACK) {
		syntax_error(p, "expecting operand");
		Pos rbrack = POS;
		next(p);
		Node *n = mk(p, N_IndexExpr);
		n->index.x = x;
		n->index.lbrack = lbrack;
		n->index.index = badexpr(p, rbrack, rbrack);
		n->index.rbrack = rbrack;
		return n;
	}
	p->exprlev++;
	Node *index[3] = {0};
	Pos colons[2] = {0};
	int ncolons = 0;
	uint32_t base = p->nstk;
	bool haveargs = false;
	if (TOK != TOK_COLON)
		index[0] = parse_rhs_or_type(p);
	if (TOK == TOK_COLON) {
		while (TOK == TOK_COLON && ncolons < 2) {
			colons[ncolons++] = POS;
			next(p);
			if (TOK != TOK_COLON && TOK != TOK_RBRACK && TOK != TOK_EOF)
				index[ncolons] = parse_rhs(p);
		}
	} else if (TOK == TOK_COMMA) {
		haveargs = true;
		push(p, index[0]);
		while (TOK == TOK_COMMA) {
			next(p);
			if (TOK != TOK_RBRACK && TOK != TOK_EOF)
				push(p, parse_type(p));
		}
	}
	p->exprlev--;
	List args = poplist(p, base);
	if (TOK != TOK_RBRACK && TOK != TOK_EOF && !haveargs && ncolons == 0) {
		syntax_error(p, "expecting comma, : or ]");
		advance(p, TS(COMMA) | TS(COLON) | TS(RBRACK));
	}
	Pos rbrack = expect(p, TOK_RBRACK);
	if (ncolons > 0) {
		Node *n = mk(p, N_SliceExpr);
		if (ncolons == 2) {
			n->slice.slice3 = true;
			if (!index[1]) {
				error_at(p, colons[1], "middle index required in 3-index slice");
				index[1] = badexpr(p, colons[0] + 1, colons[1]);
			}
			if (!index[2]) {
				error_at(p, rbrack, "final index required in 3-index slice");
				index[2] = badexpr(p, colons[1] + 1, rbrack);
			}
		}
		n->slice.x = x;
		n->slice.lbrack = lbrack;
		n->slice.low = index[0];
		n->slice.high = index[1];
		n->slice.max = index[2];
		n->slice.rbrack = rbrack;
		return n;
	}
	if (!haveargs) {
		Node *n = mk(p, N_IndexExpr);
		n->index.x = x;
		n->index.lbrack = lbrack;
		n->index.index = index[0];
		n->index.rbrack = rbrack;
		return n;
	}
	return pack_index(p, x, lbrack, args, rbrack);
}

static Node *parse_call_or_conversion(P *p, Node *fun)
{
	Node *n = mk(p, N_CallExpr);
	n->call.fun = fun;
	n->call.lparen = expect(p, TOK_LPAREN);
	p->exprlev++;
	uint32_t base = p->nstk;
	while (TOK != TOK_RPAREN && TOK != TOK_EOF && !n->call.ellipsis) {
		push(p, parse_rhs_or_type(p));
		if (TOK == TOK_ELLIPSIS) {
			n->call.ellipsis = POS;
			next(p);
		}
		if (!at_comma(p, "argument list", TOK_RPAREN))
			break;
		next(p);
	}
	p->exprlev--;
	n->call.args = poplist(p, base);
	n->call.rparen = expect_closing(p, TOK_RPAREN);
	return n;
}

static Node *parse_value(P *p)
{
	if (TOK == TOK_LBRACE)
		return parse_literal_value(p, NULL);
	return check_expr(p, parse_expr(p));
}

static Node *parse_element(P *p)
{
	Node *x = parse_value(p);
	if (TOK == TOK_COLON) {
		Node *kv = mk(p, N_KeyValueExpr);
		kv->keyvalue.key = x;
		kv->keyvalue.colon = POS;
		next(p);
		kv->keyvalue.value = parse_value(p);
		x = kv;
	}
	return x;
}

static Node *parse_literal_value(P *p, Node *type)
{
	Node *n = mk(p, N_CompositeLit);
	n->composite.type = type;
	n->composite.lbrace = expect(p, TOK_LBRACE);
	p->exprlev++;
	uint32_t base = p->nstk;
	enter(p);
	while (TOK != TOK_RBRACE && TOK != TOK_EOF) {
		push(p, parse_element(p));
		if (!at_comma(p, "composite literal", TOK_RBRACE))
			break;
		next(p);
	}
	leave(p);
	p->exprlev--;
	n->composite.elts = poplist(p, base);
	n->composite.rbrace = expect_closing(p, TOK_RBRACE);
	return n;
}

static Node *parse_primary_expr(P *p, Node *x)
{
	if (!x)
		x = parse_operand(p);
	for (;;) {
		switch (TOK) {
		case TOK_PERIOD:
			next(p);
			if (TOK == TOK_IDENT) {
				Node *n = mk(p, N_SelectorExpr);
				n->selector.x = check_expr_or_type(p, x);
				n->selector.sel = parse_ident(p);
				x = n;
			} else if (TOK == TOK_LPAREN) {
				x = parse_type_assertion(p, check_expr(p, x));
			} else {
				Pos pos = POS;
				syntax_error(p, "expecting name or (");
				if (TOK != TOK_RBRACE && TOK != TOK_EOF)
					next(p);
				Node *n = mk(p, N_SelectorExpr);
				n->selector.x = x;
				n->selector.sel = ident(p, pos, STR_LIT("_"));
				x = n;
			}
			break;
		case TOK_LBRACK:
			x = parse_index_or_slice_or_instance(p, check_expr(p, x));
			break;
		case TOK_LPAREN:
			x = parse_call_or_conversion(p, check_expr_or_type(p, x));
			break;
		case TOK_LBRACE: {
			Node *t = unparen(x);
			switch (t->kind) {
			case N_BadExpr: case N_Ident: case N_SelectorExpr:
			case N_IndexExpr: case N_IndexListExpr:
				if (p->exprlev < 0)
					return x;
				break;
			case N_ArrayType: case N_StructType: case N_MapType:
				break;
			default:
				return x;
			}
			if (t != x)
				syntax_error(p, "cannot parenthesize type in composite literal");
			x = parse_literal_value(p, x);
			break;
		}
		default:
			return x;
		}
	}
}

static NOINLINE void chan_elem_error(P *p, Node *e)
{
	Msg b = {0};
	print_expr(&b, e, 0);
	error_at(p, npos(e), "syntax error: unexpected %s, expecting chan", b.s);
}

static Node *parse_unary_expr(P *p)
{
	Node *r;
	enter(p);
	switch (TOK) {
	case TOK_ADD: case TOK_SUB: case TOK_NOT: case TOK_XOR: case TOK_AND: case TOK_TILDE: {
		Node *n = mk(p, N_UnaryExpr);
		n->unary.oppos = POS;
		n->unary.op = (uint8_t)TOK;
		next(p);
		n->unary.x = check_expr(p, parse_unary_expr(p));
		r = n;
		break;
	}
	case TOK_ARROW: {
		Pos arrow = POS;
		next(p);
		Node *x = parse_unary_expr(p);
		if (x->kind == N_ChanType) {
			/* <-chan T: re-associate the arrows (go/parser) */
			Node *typ = x;
			int dir = CHAN_SEND;
			while (typ && dir == CHAN_SEND) {
				if (typ->chantype.dir == CHAN_RECV)
					syntax_error_at(p, typ->chantype.arrow, "unexpected <-, expecting chan");
				Pos a = typ->chantype.arrow;
				typ->chantype.begin = arrow;
				typ->chantype.arrow = arrow;
				arrow = a;
				dir = typ->chantype.dir;
				typ->chantype.dir = CHAN_RECV;
				typ = typ->chantype.value->kind == N_ChanType ? typ->chantype.value : NULL;
			}
			if (dir == CHAN_SEND) {
				/* <-chan<- E where E is not a channel type (gc names E) */
				Node *e = x;
				while (e->kind == N_ChanType && e->chantype.value->kind == N_ChanType)
					e = e->chantype.value;
				if (e->kind == N_ChanType)
					e = e->chantype.value;
				chan_elem_error(p, e);
			}
			r = x;
			break;
		}
		Node *n = mk(p, N_UnaryExpr);
		n->unary.oppos = arrow;
		n->unary.op = TOK_ARROW;
		n->unary.x = check_expr(p, x);
		r = n;
		break;
	}
	case TOK_MUL: {
		Node *n = mk(p, N_StarExpr);
		n->star.star = POS;
		next(p);
		n->star.x = check_expr_or_type(p, parse_unary_expr(p));
		r = n;
		break;
	}
	default:
		r = parse_primary_expr(p, NULL);
	}
	leave(p);
	return r;
}

static int precedence(Token t)
{
	switch (t) {
	case TOK_LOR: return 1;
	case TOK_LAND: return 2;
	case TOK_EQL: case TOK_NEQ: case TOK_LSS: case TOK_LEQ: case TOK_GTR: case TOK_GEQ: return 3;
	case TOK_ADD: case TOK_SUB: case TOK_OR: case TOK_XOR: return 4;
	case TOK_MUL: case TOK_QUO: case TOK_REM: case TOK_SHL: case TOK_SHR: case TOK_AND: case TOK_AND_NOT: return 5;
	default: return 0;
	}
}

static Node *parse_binary_expr(P *p, Node *x, int prec1, bool check)
{
	enter(p);
	if (!x)
		x = parse_unary_expr(p);
	for (;;) {
		/* go/parser takes '=' in a right-hand side for '==' and then
		 * complains; '=' never follows one legally, so stop here and let
		 * the context report it as gc does */
		Token op = TOK;
		int oprec = precedence(op);
		if (oprec < prec1)
			break;
		Pos pos = expect(p, op);
		Node *y = parse_binary_expr(p, NULL, oprec + 1, check);
		if (check) {
			x = check_expr(p, x);
			y = check_expr(p, y);
		}
		Node *b = mk(p, N_BinaryExpr);
		b->binary.x = x;
		b->binary.oppos = pos;
		b->binary.op = (uint8_t)op;
		b->binary.y = y;
		x = b;
	}
	leave(p);
	return x;
}

static Node *parse_expr(P *p) { return parse_binary_expr(p, NULL, 1, true); }

static Node *parse_rhs(P *p)
{
	bool old = p->inrhs;
	p->inrhs = true;
	Node *x = check_expr(p, parse_expr(p));
	p->inrhs = old;
	return x;
}

static Node *parse_rhs_or_type(P *p)
{
	bool old = p->inrhs;
	p->inrhs = true;
	Node *x = check_expr_or_type(p, parse_expr(p));
	p->inrhs = old;
	return x;
}

/* ---- statements ---- */

enum { BASIC, LABELOK, RANGEOK };

static bool is_assign_op(Token t)
{
	switch (t) {
	case TOK_DEFINE: case TOK_ASSIGN: case TOK_ADD_ASSIGN: case TOK_SUB_ASSIGN:
	case TOK_MUL_ASSIGN: case TOK_QUO_ASSIGN: case TOK_REM_ASSIGN: case TOK_AND_ASSIGN:
	case TOK_OR_ASSIGN: case TOK_XOR_ASSIGN: case TOK_SHL_ASSIGN: case TOK_SHR_ASSIGN:
	case TOK_AND_NOT_ASSIGN:
		return true;
	default:
		return false;
	}
}

static NOINLINE void check_assign_stmt(P *p, Node *as)
{
	if (p->inswitch && as->assign.lhs.n == 1 && as->assign.rhs.n == 1 &&
	    as->assign.lhs.v[0]->kind != N_Ident && as->assign.rhs.v[0]->kind == N_TypeAssertExpr &&
	    !as->assign.rhs.v[0]->typeassert.type) {
		/* gc: switch f() := x.(type) is not a type switch guard */
		Msg b = {0};
		print_expr(&b, as->assign.lhs.v[0], 0);
		msg_puts(&b, " := ");
		print_expr(&b, as->assign.rhs.v[0], 0);
		syntax_error_at(p, as->assign.tokpos, "cannot use %s as value", b.s);
		return;
	}
	for (uint32_t i = 0; i < as->assign.lhs.n; i++) {
		Node *x = as->assign.lhs.v[i];
		if (x->kind != N_Ident) {
			Msg b = {0};
			print_expr(&b, x, 0);
			late_error_at(p, npos(x), "non-name %s on left side of :=", b.s);
		}
	}
}

static Node *range_expr(P *p)
{
	Node *u = mk(p, N_UnaryExpr);
	u->unary.oppos = POS;
	u->unary.op = TOK_RANGE;
	next(p);
	u->unary.x = parse_rhs(p);
	return u;
}

static Node *parse_simple_stmt(P *p, int mode, bool *isrange)
{
	if (isrange)
		*isrange = false;
	List x = parse_list(p, false);
	if (is_assign_op(TOK)) {
		Node *as = mk(p, N_AssignStmt);
		as->assign.lhs = x;
		as->assign.tokpos = POS;
		as->assign.tok = (uint8_t)TOK;
		Token tok = TOK;
		next(p);
		if (mode == RANGEOK && TOK == TOK_RANGE && (tok == TOK_DEFINE || tok == TOK_ASSIGN)) {
			as->assign.rhs = list1(p, range_expr(p));
			*isrange = true;
		} else {
			as->assign.rhs = parse_list(p, true);
		}
		if (tok == TOK_DEFINE)
			check_assign_stmt(p, as);
		return as;
	}
	if (x.n > 1) {
		syntax_error(p, "expecting := or = or comma");
		advance(p, TS(SEMICOLON) | TS(RBRACE));
	}
	switch (TOK) {
	case TOK_COLON: {
		Pos colon = POS;
		if (mode == LABELOK && x.v[0]->kind == N_Ident) {
			next(p);
			Node *s = mk(p, N_LabeledStmt);
			s->labeled.label = x.v[0];
			s->labeled.colon = colon;
			if (TOK != TOK_RBRACE && !is_stmt_start(TOK)) {
				syntax_error_at(p, colon, "missing statement after label");
				Node *e = mk(p, N_EmptyStmt);
				e->empty.semicolon = POS;
				e->empty.implicit = true;
				s->labeled.stmt = e;
				return s;
			}
			s->labeled.stmt = parse_stmt(p);
			return s;
		}
		if (mode == BASIC) {
			/* in a header: the header reports the ':' (gc's wording) */
			Node *s = mk(p, N_ExprStmt);
			s->exprstmt.x = x.v[0];
			return s;
		}
		syntax_error(p, "at end of statement"); /* gc; expect_semi() recovers */
		Node *b = mk(p, N_BadStmt);
		b->bad.from = npos(x.v[0]);
		b->bad.to = colon + 1;
		return b;
	}
	case TOK_ARROW: {
		Node *s = mk(p, N_SendStmt);
		s->send.chan = x.v[0];
		s->send.arrow = POS;
		next(p);
		s->send.value = parse_rhs(p);
		return s;
	}
	case TOK_INC: case TOK_DEC: {
		Node *s = mk(p, N_IncDecStmt);
		s->incdec.x = x.v[0];
		s->incdec.tokpos = POS;
		s->incdec.tok = (uint8_t)TOK;
		next(p);
		return s;
	}
	default: {
		Node *s = mk(p, N_ExprStmt);
		s->exprstmt.x = x.v[0];
		return s;
	}
	}
}

static Node *parse_call_expr(P *p, const char *what)
{
	int nerr0 = nerrors(p);
	Node *x = parse_rhs_or_type(p);
	if (x->kind == N_CallExpr)
		return x;
	if (nerrors(p) > nerr0)
		return NULL; /* no follow-on error */
	/* error paths only (go/parser rejects the file): as gc's parser, the
	 * type checker gets the call without its parentheses, or the operand
	 * wrapped in a call without arguments (the common mistake of missing
	 * parentheses), so that its uses count */
	if (x->kind == N_ParenExpr && unparen(x)->kind == N_CallExpr) {
		error_at(p, npos(x), "expression in %s must not be parenthesized", what);
		return unparen(x);
	}
	error_at(p, npos(x), "expression in %s must be function call", what);
	Node *call = mk(p, N_CallExpr);
	call->call.fun = x;
	call->call.lparen = call->call.rparen = node_end(x) - 1;
	return call;
}

static Node *parse_go_defer(P *p, Token kw)
{
	Pos pos = expect(p, kw);
	Node *call = parse_call_expr(p, kw == TOK_GO ? "go" : "defer");
	expect_semi(p);
	if (!call) {
		Node *b = mk(p, N_BadStmt);
		b->bad.from = pos;
		b->bad.to = pos + (kw == TOK_GO ? 2 : 5);
		return b;
	}
	Node *s;
	if (kw == TOK_GO) {
		s = mk(p, N_GoStmt);
		s->gostmt.go = pos;
		s->gostmt.call = call;
	} else {
		s = mk(p, N_DeferStmt);
		s->deferstmt.defer = pos;
		s->deferstmt.call = call;
	}
	return s;
}

static Node *parse_return_stmt(P *p)
{
	Node *s = mk(p, N_ReturnStmt);
	s->ret.return_ = expect(p, TOK_RETURN);
	if (TOK != TOK_SEMICOLON && TOK != TOK_RBRACE)
		s->ret.results = parse_list(p, true);
	expect_semi(p);
	return s;
}

static Node *parse_branch_stmt(P *p, Token tok)
{
	Node *s = mk(p, N_BranchStmt);
	s->branch.tokpos = expect(p, tok);
	s->branch.tok = (uint8_t)tok;
	if (tok != TOK_FALLTHROUGH && TOK == TOK_IDENT)
		s->branch.label = parse_ident(p); /* goto without label: go/parser accepts */
	expect_semi(p);
	return s;
}

/* gc's "cannot use ... as value" for a non-expression in a header. */
static NOINLINE Node *make_expr(P *p, Node *s, int herr0)
{
	if (!s)
		return NULL;
	if (s->kind == N_ExprStmt)
		return check_expr(p, s->exprstmt.x);
	if (nerrors(p) > herr0) {
		/* the header already had an error: no follow-on error */
		Node *bad = mk(p, N_BadExpr);
		bad->bad.from = bad->bad.to = npos(s);
		return bad;
	}
	Msg b = {0};
	if (s->kind == N_AssignStmt && s->assign.tok == TOK_ASSIGN) {
		msg_puts(&b, "assignment (");
		print_list(&b, s->assign.lhs, 0);
		msg_puts(&b, ") = (");
		print_list(&b, s->assign.rhs, 0);
		msg_puts(&b, ")");
	} else if (s->kind == N_AssignStmt) {
		print_list(&b, s->assign.lhs, 0);
		msg_printf(&b, " %s ", TOK_NAME(s->assign.tok));
		print_list(&b, s->assign.rhs, 0);
	} else if (s->kind == N_SendStmt) {
		print_expr(&b, s->send.chan, 0);
		msg_puts(&b, " <- ");
		print_expr(&b, s->send.value, 0);
	} else if (s->kind == N_IncDecStmt) {
		print_expr(&b, s->incdec.x, 0);
		msg_puts(&b, TOK_NAME(s->incdec.tok));
	} else {
		msg_puts(&b, "statement");
	}
	Pos pos = s->kind == N_AssignStmt ? s->assign.tokpos : s->kind == N_SendStmt ? s->send.arrow :
	          s->kind == N_IncDecStmt ? s->incdec.tokpos : npos(s);
	syntax_error_at(p, pos, "cannot use %s as value", b.s);
	Node *bad = mk(p, N_BadExpr);
	bad->bad.from = npos(s);
	bad->bad.to = npos(s) + 1;
	return bad;
}

static void parse_if_header(P *p, Node **init, Node **cond)
{
	*init = *cond = NULL;
	if (TOK == TOK_LBRACE) {
		syntax_error(p, "missing condition in if statement");
		*cond = badexpr(p, POS, POS);
		return;
	}
	int prevlev = p->exprlev;
	p->exprlev = -1;
	int herr0 = nerrors(p);
	if (TOK != TOK_SEMICOLON) {
		if (TOK == TOK_VAR) {
			next(p);
			syntax_error(p, "var declaration not allowed in if initializer");
		}
		*init = parse_simple_stmt(p, BASIC, NULL);
	}
	Node *condstmt = NULL;
	Pos semipos = NoPos;
	bool semiexplicit = false;
	if (TOK != TOK_LBRACE) {
		if (TOK == TOK_SEMICOLON) {
			semipos = POS;
			semiexplicit = str_eqc(LIT, "semicolon");
			next(p);
		} else {
			syntax_error(p, "expecting {");
			if (TOK != TOK_EOF)
				next(p);
			if (TOK != TOK_LBRACE)
				advance(p, TS(LBRACE) | TS(RBRACE));
			goto done;
		}
		if (TOK != TOK_LBRACE)
			condstmt = parse_simple_stmt(p, BASIC, NULL);
	} else {
		condstmt = *init;
		*init = NULL;
	}
	if (condstmt) {
		*cond = make_expr(p, condstmt, herr0);
	} else if (semipos) {
		if (!semiexplicit) {
			Token t = TOK;
			TOK = TOK_SEMICOLON; /* name the newline in the message */
			Str l = LIT;
			LIT = STR_LIT("newline");
			syntax_error_at(p, semipos, "expecting { after if clause");
			TOK = t;
			LIT = l;
		} else {
			syntax_error_at(p, semipos, "missing condition in if statement");
		}
	}
done:
	if (!*cond)
		*cond = badexpr(p, POS, POS);
	p->exprlev = prevlev;
}

static Node *parse_if_stmt(P *p)
{
	enter(p);
	Node *s = mk(p, N_IfStmt);
	s->ifstmt.if_ = expect(p, TOK_IF);
	parse_if_header(p, &s->ifstmt.init, &s->ifstmt.cond);
	s->ifstmt.body = parse_block_stmt(p, "if clause");
	if (TOK == TOK_ELSE) {
		next(p);
		if (TOK == TOK_IF) {
			s->ifstmt.else_ = parse_if_stmt(p);
		} else if (TOK == TOK_LBRACE) {
			s->ifstmt.else_ = parse_block_stmt(p, NULL);
			expect_semi(p);
		} else {
			syntax_error(p, "else must be followed by if or statement block");
			Node *b = mk(p, N_BadStmt);
			b->bad.from = b->bad.to = POS;
			s->ifstmt.else_ = b;
			advance(p, TS(IDENT) | TS(RBRACE));
		}
	} else {
		expect_semi(p);
	}
	leave(p);
	return s;
}

static Node *parse_case_clause(P *p, bool typeswitch)
{
	Node *c = mk(p, N_CaseClause);
	c->caseclause.case_ = POS;
	if (TOK == TOK_CASE) {
		next(p);
		if (typeswitch) {
			uint32_t base = p->nstk;
			push(p, parse_type(p));
			while (TOK == TOK_COMMA) {
				next(p);
				push(p, parse_type(p));
			}
			c->caseclause.list = poplist(p, base);
		} else {
			c->caseclause.list = parse_list(p, true);
		}
	} else {
		expect(p, TOK_DEFAULT);
	}
	if (TOK == TOK_COLON) {
		c->caseclause.colon = POS;
		next(p);
	} else {
		c->caseclause.colon = POS;
		syntax_error(p, "expecting :");
		if (TOK != TOK_EOF && TOK != TOK_RBRACE)
			next(p);
	}
	c->caseclause.body = parse_stmt_list(p);
	return c;
}

static bool is_type_switch_assert(Node *x) { return x->kind == N_TypeAssertExpr && !x->typeassert.type; }

static bool is_type_switch_guard(P *p, Node *s)
{
	if (!s)
		return false;
	if (s->kind == N_ExprStmt)
		return is_type_switch_assert(s->exprstmt.x);
	if (s->kind == N_AssignStmt && s->assign.lhs.n == 1 && s->assign.rhs.n == 1 &&
	    is_type_switch_assert(s->assign.rhs.v[0])) {
		if (s->assign.tok == TOK_ASSIGN) {
			syntax_error_at(p, s->assign.tokpos, "expecting := in type switch guard");
			return true;
		}
		return s->assign.tok == TOK_DEFINE;
	}
	return false;
}

/* switch/select body: { case ... } */
static Node *parse_clauses(P *p, bool isselect, bool typeswitch, Node *(*clause)(P *, bool))
{
	Node *body = mk(p, N_BlockStmt);
	body->block.lbrace = POS;
	if (TOK != TOK_LBRACE) {
		syntax_error(p, isselect ? "missing { after select clause" : "missing { after switch clause");
		advance(p, TS(CASE) | TS(DEFAULT) | TS(RBRACE));
	} else {
		next(p);
	}
	uint32_t base = p->nstk;
	for (;;) {
		if (TOK == TOK_CASE || TOK == TOK_DEFAULT) {
			push(p, clause(p, typeswitch));
		} else if (TOK == TOK_RBRACE || TOK == TOK_EOF) {
			break;
		} else {
			syntax_error(p, "expecting case or default or }");
			Pos before = POS;
			advance(p, TS(COLON) | TS(CASE) | TS(DEFAULT) | TS(RBRACE));
			/* gc: then the clause's colon and statements */
			expect(p, TOK_COLON);
			uint32_t b2 = p->nstk;
			parse_stmt_list(p);
			p->nstk = b2;
			if (POS == before && TOK != TOK_RBRACE && TOK != TOK_EOF)
				next(p);
		}
	}
	body->block.list = poplist(p, base);
	body->block.rbrace = expect(p, TOK_RBRACE);
	expect_semi(p);
	return body;
}

static Node *parse_switch_stmt(P *p)
{
	Pos pos = expect(p, TOK_SWITCH);
	int herr0 = nerrors(p);
	Node *s1 = NULL, *s2 = NULL;
	if (TOK != TOK_LBRACE) {
		int prevlev = p->exprlev;
		p->exprlev = -1;
		p->inswitch = true;
		if (TOK != TOK_SEMICOLON) {
			if (TOK == TOK_VAR) {
				next(p);
				syntax_error(p, "var declaration not allowed in switch initializer");
			}
			s2 = parse_simple_stmt(p, BASIC, NULL);
		}
		if (TOK == TOK_SEMICOLON) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != TOK_LBRACE)
				s2 = parse_simple_stmt(p, BASIC, NULL);
		} else if (TOK != TOK_LBRACE) {
			syntax_error(p, "expecting {");
			if (TOK != TOK_EOF)
				next(p);
			if (TOK != TOK_LBRACE)
				advance(p, TS(LBRACE) | TS(RBRACE));
		}
		p->inswitch = false;
		p->exprlev = prevlev;
	}
	bool typeswitch = is_type_switch_guard(p, s2);
	Node *body = parse_clauses(p, false, typeswitch, parse_case_clause);
	if (typeswitch) {
		Node *s = mk(p, N_TypeSwitchStmt);
		s->typeswitch.switch_ = pos;
		s->typeswitch.init = s1;
		s->typeswitch.assign = s2;
		s->typeswitch.body = body;
		return s;
	}
	Node *s = mk(p, N_SwitchStmt);
	s->switchstmt.switch_ = pos;
	s->switchstmt.init = s1;
	s->switchstmt.tag = make_expr(p, s2, herr0);
	s->switchstmt.body = body;
	return s;
}

static Node *parse_comm_clause(P *p, bool unused)
{
	(void)unused;
	Node *c = mk(p, N_CommClause);
	c->commclause.case_ = POS;
	if (TOK == TOK_CASE) {
		next(p);
		List lhs = parse_list(p, false);
		if (TOK == TOK_ARROW) {
			if (lhs.n > 1)
				syntax_error_at(p, npos(lhs.v[0]), "expecting 1 expression");
			Node *s = mk(p, N_SendStmt);
			s->send.chan = lhs.v[0];
			s->send.arrow = POS;
			next(p);
			s->send.value = parse_rhs(p);
			c->commclause.comm = s;
		} else if (TOK == TOK_ASSIGN || TOK == TOK_DEFINE) {
			if (lhs.n > 2) {
				syntax_error_at(p, npos(lhs.v[0]), "expecting 1 or 2 expressions");
				lhs.n = 2;
			}
			Node *as = mk(p, N_AssignStmt);
			as->assign.lhs = lhs;
			as->assign.tokpos = POS;
			as->assign.tok = (uint8_t)TOK;
			next(p);
			as->assign.rhs = list1(p, parse_rhs(p));
			if (as->assign.tok == TOK_DEFINE)
				check_assign_stmt(p, as);
			c->commclause.comm = as;
		} else {
			if (lhs.n > 1)
				syntax_error(p, "expecting := or = or comma");
			Node *s = mk(p, N_ExprStmt);
			s->exprstmt.x = lhs.v[0];
			c->commclause.comm = s;
		}
	} else {
		expect(p, TOK_DEFAULT);
	}
	if (TOK == TOK_COLON) {
		c->commclause.colon = POS;
		next(p);
	} else {
		c->commclause.colon = POS;
		syntax_error(p, "expecting :");
		if (TOK != TOK_EOF && TOK != TOK_RBRACE)
			next(p);
	}
	c->commclause.body = parse_stmt_list(p);
	return c;
}

static Node *parse_select_stmt(P *p)
{
	Node *s = mk(p, N_SelectStmt);
	s->selectstmt.select = expect(p, TOK_SELECT);
	s->selectstmt.body = parse_clauses(p, true, false, parse_comm_clause);
	return s;
}

static Node *parse_for_stmt(P *p)
{
	Pos pos = expect(p, TOK_FOR);
	Node *s1 = NULL, *s2 = NULL, *s3 = NULL;
	bool isrange = false;
	int herr0 = nerrors(p);
	if (TOK != TOK_LBRACE) {
		int prevlev = p->exprlev;
		p->exprlev = -1;
		if (TOK != TOK_SEMICOLON) {
			if (TOK == TOK_VAR) {
				next(p);
				syntax_error(p, "var declaration not allowed in for initializer");
			}
			if (TOK == TOK_RANGE) {
				s2 = mk(p, N_AssignStmt);
				s2->assign.rhs = list1(p, range_expr(p));
				isrange = true;
			} else {
				s2 = parse_simple_stmt(p, RANGEOK, &isrange);
			}
		}
		if (!isrange && TOK != TOK_SEMICOLON && TOK != TOK_LBRACE) {
			syntax_error(p, "expecting {");
			if (TOK != TOK_EOF)
				next(p);
			if (TOK != TOK_LBRACE)
				advance(p, TS(LBRACE) | TS(RBRACE));
		}
		if (!isrange && TOK == TOK_SEMICOLON) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != TOK_SEMICOLON) {
				if (TOK == TOK_LBRACE) {
					syntax_error(p, "expecting for loop condition");
					goto header_done;
				}
				s2 = parse_simple_stmt(p, BASIC, NULL);
			}
			if (TOK != TOK_SEMICOLON) {
				syntax_error(p, "expecting semicolon or newline");
				goto header_done;
			}
			next(p);
			if (TOK != TOK_LBRACE) {
				s3 = parse_simple_stmt(p, BASIC, NULL); /* x := y here: go/parser accepts */
			}
		}
	header_done:
		p->exprlev = prevlev;
	}
	Node *body = parse_block_stmt(p, "for clause");
	expect_semi(p);
	if (isrange) {
		Node *as = s2;
		Node *key = NULL, *value = NULL;
		switch (as->assign.lhs.n) {
		case 0: break;
		case 1: key = as->assign.lhs.v[0]; break;
		case 2: key = as->assign.lhs.v[0]; value = as->assign.lhs.v[1]; break;
		default:
			/* go/parser rejects the file; gc's type checker says "range
			 * over ch permits only one iteration variable" for a channel:
			 * tool check drops this error and the checker reports (the
			 * statement keeps the third variable in extra) */
			late_error_at(p, npos(as->assign.lhs.v[as->assign.lhs.n - 1]), "range clause permits at most two iteration variables");
			key = as->assign.lhs.v[0];
			value = as->assign.lhs.v[1];
			break;
		}
		Node *r = mk(p, N_RangeStmt);
		r->rangestmt.extra = as->assign.lhs.n > 2 ? as->assign.lhs.v[2] : NULL;
		r->rangestmt.for_ = pos;
		r->rangestmt.key = key;
		r->rangestmt.value = value;
		r->rangestmt.tokpos = as->assign.tokpos;
		r->rangestmt.tok = as->assign.tok; /* TOK_ILLEGAL (0) without key */
		r->rangestmt.x = as->assign.rhs.v[0]->unary.x;
		r->rangestmt.body = body;
		return r;
	}
	Node *f = mk(p, N_ForStmt);
	f->forstmt.for_ = pos;
	f->forstmt.init = s1;
	f->forstmt.cond = make_expr(p, s2, herr0);
	f->forstmt.post = s3;
	f->forstmt.body = body;
	return f;
}

static Node *parse_stmt(P *p)
{
	Node *s;
	enter(p);
	switch (TOK) {
	case TOK_CONST: case TOK_TYPE: case TOK_VAR:
		s = mk(p, N_DeclStmt);
		s->declstmt.decl = parse_decl(p, stopset);
		break;
	case TOK_IDENT: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR:
	case TOK_STRING: case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK: case TOK_STRUCT:
	case TOK_MAP: case TOK_CHAN: case TOK_INTERFACE: case TOK_ADD: case TOK_SUB:
	case TOK_MUL: case TOK_AND: case TOK_XOR: case TOK_ARROW: case TOK_NOT:
		s = parse_simple_stmt(p, LABELOK, NULL);
		if (s->kind != N_LabeledStmt)
			expect_semi(p);
		break;
	case TOK_GO: case TOK_DEFER: s = parse_go_defer(p, TOK); break;
	case TOK_RETURN: s = parse_return_stmt(p); break;
	case TOK_BREAK: case TOK_CONTINUE: case TOK_GOTO: case TOK_FALLTHROUGH:
		s = parse_branch_stmt(p, TOK);
		break;
	case TOK_LBRACE:
		s = parse_block_stmt(p, NULL);
		expect_semi(p);
		break;
	case TOK_IF: s = parse_if_stmt(p); break;
	case TOK_SWITCH: s = parse_switch_stmt(p); break;
	case TOK_SELECT: s = parse_select_stmt(p); break;
	case TOK_FOR: s = parse_for_stmt(p); break;
	case TOK_SEMICOLON:
		s = mk(p, N_EmptyStmt);
		s->empty.semicolon = POS;
		s->empty.implicit = !str_eqc(LIT, "semicolon");
		next(p);
		break;
	case TOK_RBRACE:
		s = mk(p, N_EmptyStmt);
		s->empty.semicolon = POS;
		s->empty.implicit = true;
		break;
	default: {
		Pos pos = POS;
		if (TOK == TOK_ELSE)
			syntax_error(p, "else must be preceded by if statement block");
		else
			syntax_error(p, "expecting statement");
		advance(p, stopset | TS(SEMICOLON) | TS(RBRACE) | TS(CASE) | TS(DEFAULT));
		if (POS == pos && TOK != TOK_EOF && TOK != TOK_RBRACE)
			next(p);
		s = mk(p, N_BadStmt);
		s->bad.from = pos;
		s->bad.to = POS;
		break;
	}
	}
	leave(p);
	return s;
}

static bool is_stmt_start(Token t)
{
	switch (t) {
	case TOK_CONST: case TOK_TYPE: case TOK_VAR:
	case TOK_IDENT: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR:
	case TOK_STRING: case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK: case TOK_STRUCT:
	case TOK_MAP: case TOK_CHAN: case TOK_INTERFACE: case TOK_ADD: case TOK_SUB:
	case TOK_MUL: case TOK_AND: case TOK_XOR: case TOK_ARROW: case TOK_NOT:
	case TOK_GO: case TOK_DEFER: case TOK_RETURN: case TOK_BREAK: case TOK_CONTINUE:
	case TOK_GOTO: case TOK_FALLTHROUGH: case TOK_LBRACE: case TOK_IF: case TOK_SWITCH:
	case TOK_SELECT: case TOK_FOR: case TOK_SEMICOLON:
		return true;
	default:
		return false;
	}
}

/* Statements up to case, default, } or EOF; like gc it stops at a token
 * that cannot start a statement (the caller then wants its closing token). */
static List parse_stmt_list(P *p)
{
	uint32_t base = p->nstk;
	while (TOK != TOK_CASE && TOK != TOK_DEFAULT && TOK != TOK_RBRACE && TOK != TOK_EOF &&
	       is_stmt_start(TOK)) {
		Pos before = POS;
		push(p, parse_stmt(p));
		if (POS == before && TOK != TOK_RBRACE && TOK != TOK_EOF &&
		    TOK != TOK_CASE && TOK != TOK_DEFAULT)
			next(p); /* guarantee progress */
	}
	return poplist(p, base);
}

/* A block; after if/for headers (context != NULL) gc's recovery when the
 * brace is missing. */
static Node *parse_block_stmt(P *p, const char *context)
{
	Node *b = mk(p, N_BlockStmt);
	b->block.lbrace = POS;
	if (TOK == TOK_LBRACE) {
		next(p);
	} else if (context) {
		syntax_error(p, "expecting { after %s", context);
		advance(p, TS(IDENT) | TS(RBRACE));
		if (TOK == TOK_RBRACE) {
			b->block.rbrace = POS;
			next(p);
			return b;
		}
	} else {
		expect(p, TOK_LBRACE);
	}
	b->block.list = parse_stmt_list(p);
	b->block.rbrace = expect2(p, TOK_RBRACE);
	return b;
}

static Node *parse_body(P *p) { return parse_block_stmt(p, NULL); }

/* ---- declarations ---- */

/* Decodes one UTF-8 sequence; U+FFFD (width 1) when invalid. */
static uint32_t utf8_decode(const unsigned char *s, uint32_t n, uint32_t *w)
{
	uint32_t c = s[0];
	*w = 1;
	if (c < 0x80)
		return c;
	uint32_t need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (!need || need >= n || c >= 0xf8)
		return 0xfffd;
	uint32_t r = c & (0x3f >> need);
	for (uint32_t i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0xfffd;
		r = r << 6 | (s[i] & 0x3f);
	}
	static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
	if (r < min[need] || r > 0x10ffff || (r >= 0xd800 && r < 0xe000))
		return 0xfffd;
	*w = need + 1;
	return r;
}

static void put_utf8(Buf *b, uint32_t r)
{
	if (r < 0x80) {
		buf_putc(b, (char)r);
	} else if (r < 0x800) {
		buf_putc(b, (char)(0xc0 | r >> 6));
		buf_putc(b, (char)(0x80 | (r & 0x3f)));
	} else if (r < 0x10000) {
		buf_putc(b, (char)(0xe0 | r >> 12));
		buf_putc(b, (char)(0x80 | (r >> 6 & 0x3f)));
		buf_putc(b, (char)(0x80 | (r & 0x3f)));
	} else {
		buf_putc(b, (char)(0xf0 | r >> 18));
		buf_putc(b, (char)(0x80 | (r >> 12 & 0x3f)));
		buf_putc(b, (char)(0x80 | (r >> 6 & 0x3f)));
		buf_putc(b, (char)(0x80 | (r & 0x3f)));
	}
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* The value of a (valid) string literal. */
static void unquote(Str lit, Buf *b)
{
	if (lit.n < 2)
		return;
	const char *s = lit.p + 1, *e = lit.p + lit.n - 1;
	if (lit.p[0] == '`') {
		if (e > s)
			buf_put(b, s, (size_t)(e - s));
		return;
	}
	while (s < e) {
		if (*s != '\\') {
			buf_putc(b, *s++);
			continue;
		}
		s++;
		if (s >= e)
			break;
		char c = *s++;
		uint32_t v = 0;
		int nhex = 0;
		switch (c) {
		case 'a': buf_putc(b, '\a'); break;
		case 'b': buf_putc(b, '\b'); break;
		case 'f': buf_putc(b, '\f'); break;
		case 'n': buf_putc(b, '\n'); break;
		case 'r': buf_putc(b, '\r'); break;
		case 't': buf_putc(b, '\t'); break;
		case 'v': buf_putc(b, '\v'); break;
		case 'x': nhex = 2; break;
		case 'u': nhex = 4; break;
		case 'U': nhex = 8; break;
		case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
			v = (uint32_t)(c - '0');
			for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
				v = v * 8 + (uint32_t)(*s++ - '0');
			buf_putc(b, (char)v);
			break;
		default: buf_putc(b, c); break;
		}
		if (nhex) {
			for (int i = 0; i < nhex && s < e && hexval(*s) >= 0; i++)
				v = v * 16 + (uint32_t)hexval(*s++);
			if (c == 'x')
				buf_putc(b, (char)v);
			else
				put_utf8(b, v);
		}
	}
}

static bool is_space_rune(uint32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xa0:
	case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
		return true;
	default:
		return r >= 0x2000 && r <= 0x200a;
	}
}

/* unicode.IsGraphic, roughly: format and private-use characters are not. */
static bool is_graphic_rune(uint32_t r)
{
	if (r == 0xad || (r >= 0x600 && r <= 0x605) || r == 0x61c || r == 0x6dd || r == 0x70f ||
	    r == 0x180e || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) ||
	    (r >= 0x2060 && r <= 0x206f) || r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb) ||
	    (r >= 0xe000 && r <= 0xf8ff) || r >= 0xf0000 || (r >= 0xe0000 && r <= 0xe007f))
		return false;
	return true;
}

/* go/parser's isValidImport, with gc's messages: NULL if valid. */
static const char *check_import_path(Str lit, char *msg, size_t cap)
{
	Buf b = {0};
	unquote(lit, &b);
	const char *res = NULL;
	if (b.n == 0) {
		res = "invalid import path (empty string)";
	} else {
		for (size_t i = 0; i < b.n;) {
			uint32_t w;
			uint32_t r = utf8_decode((const unsigned char *)b.p + i, (uint32_t)(b.n - i), &w);
			i += w;
			bool bad = r < 0x20 || (r >= 0x7f && r < 0xa0) || is_space_rune(r) || r == 0xfffd ||
			           !is_graphic_rune(r) ||
			           (r < 0x80 && strchr("!\"#$%&'()*,:;<=>?[\\]^{|}`", (int)r));
			if (!bad)
				continue;
			if (r >= 0x20 && r < 0x7f)
				snprintf(msg, cap, "invalid import path (invalid character U+%04X '%c')", (unsigned)r, (int)r);
			else if (r >= 0xa0) { /* %#U: U+FFFD prints as itself too */
				Buf c = {0};
				put_utf8(&c, r);
				snprintf(msg, cap, "invalid import path (invalid character U+%04X '%.*s')", (unsigned)r, (int)c.n, c.p);
				buf_free(&c);
			} else
				snprintf(msg, cap, "invalid import path (invalid character U+%04X)", (unsigned)r);
			res = msg;
			break;
		}
	}
	buf_free(&b);
	return res;
}

static Node *parse_import_spec(P *p, int iota)
{
	(void)iota;
	Node *s = mk(p, N_ImportSpec);
	if (TOK == TOK_PERIOD) {
		s->importspec.name = ident(p, POS, STR_LIT("."));
		next(p);
	} else if (TOK == TOK_IDENT) {
		s->importspec.name = parse_ident(p);
	}
	Node *path = mk(p, N_BasicLit);
	path->lit.valuepos = POS;
	path->lit.kind = TOK_STRING;
	if (TOK == TOK_STRING) {
		path->lit.value = LIT;
		char buf[128];
		const char *msg;
		if (!p->s.bad && (msg = check_import_path(LIT, buf, sizeof buf)))
			late_error_at(p, POS, "%s", msg);
		next(p);
	} else {
		if (TOK >= TOK_INT && TOK <= TOK_CHAR)
			syntax_error(p, "import path must be a string");
		else
			syntax_error(p, "missing import path");
		advance(p, TS(SEMICOLON) | TS(RPAREN));
		path->lit.value = STR_LIT("");
	}
	s->importspec.path = path;
	return s;
}

static Node *parse_value_spec(P *p, Token keyword, int iota)
{
	Node *s = mk(p, N_ValueSpec);
	Pos pos = POS;
	s->valuespec.names = parse_ident_list(p);
	s->valuespec.type = try_ident_or_type(p);
	bool hasvalues = false;
	if (TOK == TOK_DEFINE) /* gc's gotAssign: complain, then take it as = */
		syntax_error(p, "expecting =");
	if (TOK == TOK_ASSIGN || TOK == TOK_DEFINE) {
		next(p);
		s->valuespec.values = parse_list(p, true);
		hasvalues = true;
	}
	if (keyword == TOK_VAR) {
		if (!s->valuespec.type && !hasvalues)
			syntax_error(p, "expecting type");
	} else if (!hasvalues && (iota == 0 || s->valuespec.type)) {
		Str name = s->valuespec.names.v[0]->ident.name;
		late_error_at(p, pos, "missing init expr for %.*s", (int)name.n, name.p);
	}
	return s;
}

/* go/parser's extractName / isTypeElem: `type T[P *C]` vs `type T[N * M]int`. */
static bool is_type_elem(Node *x)
{
	switch (x->kind) {
	case N_ArrayType: case N_StructType: case N_FuncType: case N_InterfaceType:
	case N_MapType: case N_ChanType:
		return true;
	case N_BinaryExpr: return is_type_elem(x->binary.x) || is_type_elem(x->binary.y);
	case N_UnaryExpr: return x->unary.op == TOK_TILDE;
	case N_ParenExpr: return is_type_elem(x->paren.x);
	default: return false;
	}
}

static Node *extract_name(P *p, Node *x, bool force, Node **ptype)
{
	*ptype = NULL;
	switch (x->kind) {
	case N_Ident:
		return x;
	case N_BinaryExpr:
		if (x->binary.op == TOK_MUL) {
			if (x->binary.x->kind == N_Ident && (force || is_type_elem(x->binary.y))) {
				Node *st = mk(p, N_StarExpr);
				st->star.star = x->binary.oppos;
				st->star.x = x->binary.y;
				*ptype = st;
				return x->binary.x;
			}
		} else if (x->binary.op == TOK_OR) {
			Node *lhs;
			Node *name = extract_name(p, x->binary.x, force || is_type_elem(x->binary.y), &lhs);
			if (name && lhs) {
				Node *op = mk(p, N_BinaryExpr);
				*op = *x;
				op->binary.x = lhs;
				*ptype = op;
				return name;
			}
		}
		break;
	case N_CallExpr:
		if (x->call.fun->kind == N_Ident && x->call.args.n == 1 && !x->call.ellipsis &&
		    (force || is_type_elem(x->call.args.v[0]))) {
			*ptype = x->call.args.v[0];
			return x->call.fun;
		}
		break;
	default:
		break;
	}
	*ptype = x;
	return NULL;
}

/* The type of a type declaration (gc: "unexpected X in type declaration"). */
static Node *parse_decl_type(P *p)
{
	Node *t = try_ident_or_type(p);
	if (!t) {
		t = badexpr(p, POS, POS);
		syntax_error(p, "in type declaration");
		advance(p, TS(SEMICOLON) | TS(RPAREN));
	}
	return t;
}

static void parse_generic_type(P *p, Node *spec, Pos open, Node *name0, Node *typ0)
{
	List l = parse_parameter_list(p, name0, typ0, TOK_RBRACK);
	Pos close = expect_closing(p, TOK_RBRACK);
	spec->typespec.typeparams = fieldlist(p, open, l, close);
	if (TOK == TOK_ASSIGN) {
		spec->typespec.assign = POS;
		next(p);
	}
	spec->typespec.type = parse_decl_type(p);
}

static Node *parse_type_spec(P *p, int iota)
{
	(void)iota;
	Node *spec = mk(p, N_TypeSpec);
	spec->typespec.name = parse_ident(p);
	if (TOK == TOK_LBRACK) {
		Pos lbrack = POS;
		next(p);
		if (TOK == TOK_IDENT) {
			Node *x = parse_ident(p);
			if (TOK != TOK_LBRACK) {
				p->exprlev++;
				Node *lhs = parse_primary_expr(p, x);
				x = parse_binary_expr(p, lhs, 1, false);
				p->exprlev--;
			}
			Node *ptype;
			Node *pname = extract_name(p, x, TOK == TOK_COMMA, &ptype);
			if (pname && (ptype || TOK != TOK_RBRACK))
				parse_generic_type(p, spec, lbrack, pname, ptype);
			else
				spec->typespec.type = parse_array_type(p, lbrack, x);
		} else {
			spec->typespec.type = parse_array_type(p, lbrack, NULL);
		}
	} else {
		if (TOK == TOK_ASSIGN) {
			spec->typespec.assign = POS;
			next(p);
		}
		spec->typespec.type = parse_decl_type(p);
	}
	return spec;
}

static Node *parse_spec(P *p, Token keyword, int iota)
{
	switch (keyword) {
	case TOK_IMPORT: return parse_import_spec(p, iota);
	case TOK_TYPE: return parse_type_spec(p, iota);
	default: return parse_value_spec(p, keyword, iota);
	}
}

static Node *parse_gen_decl(P *p, Token keyword)
{
	Node *d = mk(p, N_GenDecl);
	d->gendecl.tokpos = expect(p, keyword);
	d->gendecl.tok = (uint8_t)keyword;
	uint32_t base = p->nstk;
	if (TOK == TOK_LPAREN) {
		d->gendecl.lparen = POS;
		next(p);
		for (int iota = 0; TOK != TOK_RPAREN && TOK != TOK_EOF; iota++) {
			Pos before = POS;
			push(p, parse_spec(p, keyword, iota));
			if (TOK == TOK_SEMICOLON) {
				next(p);
			} else if (TOK != TOK_RPAREN) {
				syntax_error(p, "in grouped declaration; possibly missing semicolon or newline or )");
				advance(p, TS(RPAREN) | TS(RBRACK) | TS(RBRACE) | TS(SEMICOLON));
				got(p, TOK_SEMICOLON);
				if (POS == before && TOK != TOK_EOF && TOK != TOK_RPAREN)
					next(p);
			}
		}
		d->gendecl.rparen = expect(p, TOK_RPAREN);
	} else {
		push(p, parse_spec(p, keyword, 0));
	}
	d->gendecl.specs = poplist(p, base);
	return d;
}

static Node *parse_func_decl(P *p)
{
	Pos pos = expect(p, TOK_FUNC);
	Node *recv = NULL;
	if (TOK == TOK_LPAREN) {
		recv = parse_parameters(p, false, NULL); /* 0 or 2+ receivers: left to the type checker, as go/parser does */
	}
	Node *name;
	if (TOK == TOK_IDENT) {
		name = parse_ident(p);
	} else {
		name = ident(p, POS, STR_LIT("_"));
		syntax_error(p, "expecting name or (");
		advance(p, TS(LBRACE) | TS(SEMICOLON));
	}
	Node *tparams;
	Node *params = parse_parameters(p, true, &tparams);
	if (recv && tparams) {
		syntax_error_at(p, tparams->fieldlist.opening, "method must have no type parameters");
		tparams = NULL;
	}
	Node *results = parse_result(p);
	Node *body = NULL;
	if (TOK == TOK_LBRACE) {
		p->fnest++;
		body = parse_body(p);
		p->fnest--;
	} else if (TOK == TOK_SEMICOLON) {
		next(p);
		if (TOK == TOK_LBRACE) {
			syntax_error(p, "unexpected semicolon or newline before {");
			p->fnest++;
			body = parse_body(p);
			p->fnest--;
			if (TOK == TOK_SEMICOLON)
				next(p);
		}
		goto done;
	}
	if (TOK != TOK_EOF && !got(p, TOK_SEMICOLON)) {
		syntax_error(p, "after top level declaration");
		advance(p, TS(CONST) | TS(TYPE) | TS(VAR) | TS(FUNC));
	}
done:;
	Node *d = mk(p, N_FuncDecl);
	d->funcdecl.recv = recv;
	d->funcdecl.name = name;
	Node *ft = mk(p, N_FuncType);
	ft->functype.func = pos;
	ft->functype.typeparams = tparams;
	ft->functype.params = params;
	ft->functype.results = results;
	d->funcdecl.type = ft;
	d->funcdecl.body = body;
	return d;
}

/* A declaration; inside functions (sync = stopset) it ends a statement. */
static Node *parse_decl(P *p, TokSet sync)
{
	switch (TOK) {
	case TOK_CONST: case TOK_VAR: case TOK_TYPE: {
		Node *d = parse_gen_decl(p, TOK);
		if (sync == stopset)
			expect_semi(p);
		else if (TOK != TOK_EOF && !got(p, TOK_SEMICOLON)) {
			syntax_error(p, "after top level declaration");
			advance(p, TS(CONST) | TS(TYPE) | TS(VAR) | TS(FUNC));
		}
		return d;
	}
	case TOK_FUNC:
		return parse_func_decl(p);
	default: {
		Pos pos = POS;
		syntax_error(p, "non-declaration statement outside function body");
		advance(p, sync);
		if (POS == pos && TOK != TOK_EOF)
			next(p);
		Node *b = mk(p, N_BadDecl);
		b->bad.from = pos;
		b->bad.to = POS;
		return b;
	}
	}
}

static Node *parse_file_(P *p)
{
	Pos pos = POS;
	if (TOK != TOK_PACKAGE) {
		syntax_error(p, "package statement must be first");
		return NULL;
	}
	next(p);
	Node *name = parse_ident(p);
	if (TOK != TOK_EOF && !got(p, TOK_SEMICOLON)) {
		syntax_error(p, "expecting semicolon or newline");
		return NULL;
	}
	if (nerrors(p) > 0)
		return NULL;
	Node *f = mk(p, N_File);
	f->file.package = pos;
	f->file.name = name;
	uint32_t base = p->nstk;
	while (TOK == TOK_IMPORT) {
		push(p, parse_gen_decl(p, TOK_IMPORT));
		if (TOK != TOK_EOF && !got(p, TOK_SEMICOLON)) {
			syntax_error(p, "expecting semicolon or newline"); /* gc's want(';') */
			next(p);
		}
	}
	while (TOK != TOK_EOF) {
		if (TOK == TOK_IMPORT) {
			syntax_error(p, "imports must appear before other declarations");
			Pos before = POS;
			push(p, parse_gen_decl(p, TOK_IMPORT));
			if (TOK != TOK_EOF && !got(p, TOK_SEMICOLON))
				advance(p, TS(CONST) | TS(TYPE) | TS(VAR) | TS(FUNC) | TS(IMPORT));
			if (POS == before && TOK != TOK_EOF)
				next(p);
			continue;
		}
		if (TOK == TOK_LBRACE && p->nstk > base && p->stk[p->nstk - 1]->kind == N_FuncDecl &&
		    !p->stk[p->nstk - 1]->funcdecl.body) {
			syntax_error(p, "unexpected semicolon or newline before {");
			advance(p, TS(CONST) | TS(TYPE) | TS(VAR) | TS(FUNC));
			continue;
		}
		Pos before = POS;
		push(p, parse_decl(p, TS(CONST) | TS(TYPE) | TS(VAR) | TS(FUNC)));
		if (POS == before && TOK != TOK_EOF)
			next(p);
	}
	f->file.decls = poplist(p, base);
	return f;
}

ParsedFile parse_file(SrcFile *f, const char *src, uint32_t len, DiagList *d, Arena *a)
{
	static _Thread_local Node **stk;
	static _Thread_local uint32_t capstk;
	P *p = xcalloc(1, sizeof *p);
	char here;
	p->a = a;
	p->d = d;
	p->f = f;
	p->derr0 = d->n;
	p->stackbase = &here;
	p->stk = stk;
	p->capstk = capstk;
	scan_init(&p->s, f, src, len, 0, d, a);
	next(p);
	ParsedFile r = {f, NULL, NULL, 0, 0};
	if (setjmp(p->bail) == 0) {
		r.ast = parse_file_(p);
	} else {
		r.ast = NULL;
	}
	bool clean = nerrors(p) == 0;
	for (int i = 0; i < p->nlate; i++) {
		if (clean)
			diag_error(d, p->late[i].pos, "%s", p->late[i].msg);
		free(p->late[i].msg);
	}
	free(p->late);
	r.dirs = p->s.dirs;
	r.ndirs = p->s.ndirs;
	r.nerrors = d->n - p->derr0;
	stk = p->stk;
	capstk = p->capstk;
	free(p);
	return r;
}
