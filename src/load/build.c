/*
 * build.c — which files belong to a build: the build context's tags,
 * //go:build and // +build lines, _GOOS/_GOARCH file names, and the
 * header reader that finds the package clause and the imports of a .go
 * file without parsing the rest of it.
 *
 * The rules are go/build's (Go 1.19): a //go:build line counts anywhere in
 * the leading run of blank lines and comments, before the package clause;
 * // +build lines count only when there is no //go:build line, and only
 * before the last blank line that precedes the first non-comment text
 * (so a package doc comment is never a constraint).  Tags evaluate as
 * go/build's Context.matchTag does.
 */
#include "load.h"

/* ---- the build context ---- */

static const char *const known_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
};
static const char *const unix_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios",
	"linux", "netbsd", "openbsd", "solaris",
};
static const char *const known_arch[] = {
	"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
	"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
	"riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
};

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

bool build_known_os(const char *s, size_t n) { return in_list(known_os, NELEM(known_os), s, n); }
bool build_known_arch(const char *s, size_t n) { return in_list(known_arch, NELEM(known_arch), s, n); }

/*
 * The tags goc satisfies besides GOOS, GOARCH, unix and cgo (docs/load.md
 * has the survey behind this choice):
 *   gc               goc compiles the standard library as gc does, so
 *                    go/build and internal/goroot take their gc files, and
 *                    the file set is the one go/types sees with go/build's
 *                    default Context;
 *   purego, math_big_pure_go
 *                    pure-Go fallbacks instead of assembly, until goc
 *                    assembles .s files;
 *   goexperiment.regabiwrappers, goexperiment.regabiargs
 *                    gc 1.19's default experiments on these targets; they
 *                    only choose constants in internal/goexperiment, which
 *                    nothing outside the (replaced) runtime reads.
 */
static const char *const fallback_tags[] = {"purego", "math_big_pure_go"};

static void addtag(BuildCtx *ctx, int *cap, const char *t, size_t n)
{
	if (n == 0)
		return;
	if (ctx->ntags == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		ctx->tags = xrealloc(ctx->tags, *cap * sizeof *ctx->tags);
	}
	char *s = xmalloc(n + 1);
	memcpy(s, t, n);
	s[n] = 0;
	ctx->tags[ctx->ntags++] = s;
}

void buildctx_init(BuildCtx *ctx, const char *goos, const char *goarch, bool cgo, const char *extra)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->goos = goos;
	ctx->goarch = goarch;
	ctx->cgo = cgo;
	int cap = 0;
	addtag(ctx, &cap, "gc", 2);
	if (!strcmp(goarch, "amd64") || !strcmp(goarch, "arm64") || !strcmp(goarch, "ppc64") ||
	    !strcmp(goarch, "ppc64le") || !strcmp(goarch, "riscv64")) {
		addtag(ctx, &cap, "goexperiment.regabiwrappers", 27);
		addtag(ctx, &cap, "goexperiment.regabiargs", 23);
	}
	for (size_t i = 0; i < NELEM(fallback_tags); i++)
		addtag(ctx, &cap, fallback_tags[i], strlen(fallback_tags[i]));
	for (int v = 1; v <= 19; v++) {
		char rel[8];
		int n = snprintf(rel, sizeof rel, "go1.%d", v);
		addtag(ctx, &cap, rel, (size_t)n);
	}
	/* -tags: comma-separated (Go 1.13+), space-separated accepted too */
	for (const char *p = extra; p && *p;) {
		size_t n = strcspn(p, ", ");
		addtag(ctx, &cap, p, n);
		p += n;
		if (*p)
			p++;
	}
}

void buildctx_from_env(BuildCtx *ctx, const char *extra)
{
	const char *goos = getenv("GOOS"), *goarch = getenv("GOARCH"), *cgo = getenv("CGO_ENABLED");
#if defined(__aarch64__)
	const char *host = "arm64";
#else
	const char *host = "amd64";
#endif
	buildctx_init(ctx, goos && *goos ? goos : "linux", goarch && *goarch ? goarch : host,
	              cgo && !strcmp(cgo, "1"), extra);
}

static bool tag_is(const char *tag, size_t n, const char *s) { return strlen(s) == n && memcmp(tag, s, n) == 0; }

bool build_match_tag(const BuildCtx *ctx, const char *tag, size_t n)
{
	if (ctx->cgo && tag_is(tag, n, "cgo"))
		return true;
	if (tag_is(tag, n, ctx->goos) || tag_is(tag, n, ctx->goarch))
		return true;
	if (!strcmp(ctx->goos, "android") && tag_is(tag, n, "linux"))
		return true;
	if (!strcmp(ctx->goos, "illumos") && tag_is(tag, n, "solaris"))
		return true;
	if (!strcmp(ctx->goos, "ios") && tag_is(tag, n, "darwin"))
		return true;
	if (tag_is(tag, n, "unix") && in_list(unix_os, NELEM(unix_os), ctx->goos, strlen(ctx->goos)))
		return true;
	if (tag_is(tag, n, "boringcrypto")) { /* old name of goexperiment.boringcrypto */
		tag = "goexperiment.boringcrypto";
		n = strlen(tag);
	}
	for (int i = 0; i < ctx->ntags; i++)
		if (tag_is(tag, n, ctx->tags[i]))
			return true;
	return false;
}

bool build_good_osarch_name(const BuildCtx *ctx, const char *name)
{
	size_t end = strcspn(name, ".");
	const char *us = memchr(name, '_', end);
	if (!us)
		return true;
	/* split name[us..end) at '_' into elements; look at the last two (after dropping "test") */
	const char *el[64];
	size_t len[64];
	int n = 0;
	for (const char *p = us; p < name + end && n < 64;) {
		p++; /* skip '_' */
		const char *q = memchr(p, '_', (size_t)(name + end - p));
		if (!q)
			q = name + end;
		el[n] = p;
		len[n++] = (size_t)(q - p);
		p = q;
	}
	if (n > 0 && len[n - 1] == 4 && !memcmp(el[n - 1], "test", 4))
		n--;
	if (n >= 2 && build_known_os(el[n - 2], len[n - 2]) && build_known_arch(el[n - 1], len[n - 1]))
		return build_match_tag(ctx, el[n - 1], len[n - 1]) && build_match_tag(ctx, el[n - 2], len[n - 2]);
	if (n >= 1 && (build_known_os(el[n - 1], len[n - 1]) || build_known_arch(el[n - 1], len[n - 1])))
		return build_match_tag(ctx, el[n - 1], len[n - 1]);
	return true;
}

/* ---- //go:build expressions: parsed and evaluated at once ---- */

typedef struct ExprParser {
	const BuildCtx *ctx;
	const char *s;
	size_t n, i;
	const char *tok; /* current token */
	size_t toklen;
	bool istag;
	const char *err;
	char errbuf[64];
} ExprParser;

static bool is_tagchar(unsigned char c) { return c >= 0x80 || c == '_' || c == '.' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }

static void ex_error(ExprParser *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
}

static void ex_lex(ExprParser *p)
{
	p->istag = false;
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
		p->i++;
	p->tok = p->s + p->i;
	if (p->i >= p->n) {
		p->toklen = 0;
		return;
	}
	char c = p->s[p->i];
	if (c == '(' || c == ')' || c == '!') {
		p->toklen = 1;
		p->i++;
		return;
	}
	if (c == '&' || c == '|') {
		if (p->i + 1 >= p->n || p->s[p->i + 1] != c) {
			snprintf(p->errbuf, sizeof p->errbuf, "invalid syntax at %c", c);
			ex_error(p, p->errbuf);
			p->toklen = 0;
			p->i = p->n;
			return;
		}
		p->toklen = 2;
		p->i += 2;
		return;
	}
	size_t j = p->i;
	while (j < p->n && is_tagchar((unsigned char)p->s[j]))
		j++;
	if (j == p->i) {
		snprintf(p->errbuf, sizeof p->errbuf, "invalid syntax at %c", c);
		ex_error(p, p->errbuf);
		p->toklen = 0;
		p->i = p->n;
		return;
	}
	p->toklen = j - p->i;
	p->i = j;
	p->istag = true;
}

static bool tok_is(ExprParser *p, const char *s) { return p->toklen == strlen(s) && memcmp(p->tok, s, p->toklen) == 0; }

static bool ex_or(ExprParser *p);

static void ex_unexpected(ExprParser *p)
{
	if (p->toklen == 0) {
		ex_error(p, "unexpected end of expression");
	} else {
		snprintf(p->errbuf, sizeof p->errbuf, "unexpected token %.*s", (int)p->toklen, p->tok);
		ex_error(p, p->errbuf);
	}
}

static bool ex_atom(ExprParser *p)
{
	if (tok_is(p, "(")) {
		bool v = ex_or(p);
		if (!tok_is(p, ")")) {
			if (!p->err || !strcmp(p->err, "unexpected end of expression"))
				p->err = "missing close paren";
			return false;
		}
		ex_lex(p);
		return v;
	}
	if (!p->istag) {
		ex_unexpected(p);
		return false;
	}
	bool v = build_match_tag(p->ctx, p->tok, p->toklen);
	ex_lex(p);
	return v;
}

static bool ex_not(ExprParser *p)
{
	ex_lex(p);
	if (tok_is(p, "!")) {
		ex_lex(p);
		if (tok_is(p, "!")) {
			ex_error(p, "double negation not allowed");
			return false;
		}
		return !ex_atom(p);
	}
	return ex_atom(p);
}

static bool ex_and(ExprParser *p)
{
	bool v = ex_not(p);
	while (!p->err && tok_is(p, "&&"))
		v = ex_not(p) && v;
	return v;
}

static bool ex_or(ExprParser *p)
{
	bool v = ex_and(p);
	while (!p->err && tok_is(p, "||"))
		v = ex_and(p) || v;
	return v;
}

int build_eval_gobuild(const BuildCtx *ctx, const char *line, size_t n, const char **err)
{
	static __thread char errcopy[64];
	ExprParser p = {.ctx = ctx, .s = line, .n = n};
	if (n >= 10 && !memcmp(line, "//go:build", 10))
		p.i = 10;
	bool v = ex_or(&p);
	if (!p.err && p.toklen != 0)
		ex_unexpected(&p);
	if (p.err) {
		snprintf(errcopy, sizeof errcopy, "%s", p.err);
		*err = errcopy;
		return -1;
	}
	return v;
}

bool build_eval_plusbuild(const BuildCtx *ctx, const char *line, size_t n)
{
	/* skip "//", spaces, "+build" */
	size_t i = 2;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	i += 6;
	bool any = false, result = false;
	while (i < n) {
		while (i < n && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= n)
			break;
		size_t j = i;
		while (j < n && line[j] != ' ' && line[j] != '\t')
			j++;
		/* clause line[i..j): comma-separated literals, all must hold */
		bool clause = true;
		for (size_t a = i; a <= j;) {
			size_t b = a;
			while (b < j && line[b] != ',')
				b++;
			const char *lit = line + a;
			size_t len = b - a;
			bool v;
			if ((len >= 2 && lit[0] == '!' && lit[1] == '!') || (len == 1 && lit[0] == '!')) {
				v = build_match_tag(ctx, "ignore", 6);
			} else {
				bool neg = len > 0 && lit[0] == '!';
				if (neg)
					lit++, len--;
				bool valid = len > 0;
				for (size_t k = 0; k < len; k++)
					valid = valid && is_tagchar((unsigned char)lit[k]);
				v = build_match_tag(ctx, valid ? lit : "ignore", valid ? len : 6);
				if (neg)
					v = !v;
			}
			clause = clause && v;
			a = b + 1;
		}
		result = any ? (result || clause) : clause;
		any = true;
		i = j;
	}
	if (!any)
		return build_match_tag(ctx, "ignore", 6);
	return result;
}

/* ---- the file header: constraints ---- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

static void trim(const char **p, size_t *n)
{
	while (*n > 0 && is_space(**p))
		(*p)++, (*n)--;
	while (*n > 0 && is_space((*p)[*n - 1]))
		(*n)--;
}

static bool has_prefix(const char *p, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(p, pre, k) == 0;
}

static bool is_gobuild_comment(const char *line, size_t n)
{
	if (!has_prefix(line, n, "//go:build"))
		return false;
	return n == 10 || is_space(line[10]);
}

static bool is_plusbuild(const char *line, size_t n)
{
	if (!has_prefix(line, n, "//"))
		return false;
	line += 2, n -= 2;
	trim(&line, &n);
	if (!has_prefix(line, n, "+build"))
		return false;
	return n == 6 || is_space(line[6]);
}

/* Returns 1 (build), 0 (excluded), -1 (error in *err, malloc'd), or 2 if
 * the leading comments ran to the end of a partial buffer. */
static int check_constraints(const BuildCtx *ctx, const char *src, size_t len, bool partial, char **err)
{
	size_t end = 0, off = 0;
	bool ended = false, inslashstar = false, stopped = false;
	const char *gobuild = NULL;
	size_t gobuildn = 0;
	while (off < len) {
		const char *nl = memchr(src + off, '\n', len - off);
		size_t lend = nl ? (size_t)(nl - src) : len;
		const char *line = src + off;
		size_t n = lend - off;
		off = nl ? lend + 1 : len;
		trim(&line, &n);
		if (n == 0 && !ended) {
			end = off;
			continue;
		}
		if (!has_prefix(line, n, "//"))
			ended = true;
		if (!inslashstar && is_gobuild_comment(line, n)) {
			if (gobuild) {
				*err = xstrdup("multiple //go:build comments");
				return -1;
			}
			gobuild = line;
			gobuildn = n;
		}
		/* skip comments on this line; stop at non-comment text */
		while (n > 0) {
			if (inslashstar) {
				const char *e = NULL;
				for (size_t k = 0; k + 1 < n; k++)
					if (line[k] == '*' && line[k + 1] == '/') {
						e = line + k;
						break;
					}
				if (!e)
					break;
				inslashstar = false;
				n -= (size_t)(e + 2 - line);
				line = e + 2;
				trim(&line, &n);
				continue;
			}
			if (has_prefix(line, n, "//"))
				break;
			if (has_prefix(line, n, "/*")) {
				inslashstar = true;
				line += 2, n -= 2;
				trim(&line, &n);
				continue;
			}
			stopped = true;
			break;
		}
		if (stopped)
			break;
	}
	if (!stopped && partial)
		return 2;
	if (gobuild) {
		const char *e;
		int v = build_eval_gobuild(ctx, gobuild, gobuildn, &e);
		if (v < 0) {
			Buf b = {0};
			buf_printf(&b, "parsing //go:build line: %s", e);
			buf_putc(&b, 0);
			*err = b.p;
		}
		return v;
	}
	bool ok = true;
	for (off = 0; off < end;) {
		const char *nl = memchr(src + off, '\n', end - off);
		size_t lend = nl ? (size_t)(nl - src) : end;
		const char *line = src + off;
		size_t n = lend - off;
		off = nl ? lend + 1 : end;
		trim(&line, &n);
		if (is_plusbuild(line, n) && !build_eval_plusbuild(ctx, line, n))
			ok = false;
	}
	return ok;
}

/* ---- the file header: package clause and imports ---- */

typedef enum { HT_EOF, HT_IDENT, HT_STRING, HT_PUNCT, HT_PARTIAL, HT_BAD } HTok;

typedef struct HReader {
	const char *s;
	size_t n, i;
	bool partial;
	HTok tok;
	size_t start, end; /* token text */
	size_t lnoff;      /* line counting: offset... */
	int lnline;        /* ...and the line it is on */
	size_t lnstart;    /* start of that line */
} HReader;

static bool is_identstart(unsigned char c) { return c >= 0x80 || c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z'); }
static bool is_identchar(unsigned char c) { return is_identstart(c) || (c >= '0' && c <= '9'); }

static void hr_next(HReader *r)
{
	const char *s = r->s;
	for (;;) {
		while (r->i < r->n && (is_space(s[r->i]) || s[r->i] == ';'))
			r->i++;
		if (r->i + 1 < r->n && s[r->i] == '/' && s[r->i + 1] == '/') {
			const char *nl = memchr(s + r->i, '\n', r->n - r->i);
			if (!nl) {
				r->i = r->n;
				break;
			}
			r->i = (size_t)(nl - s);
			continue;
		}
		if (r->i + 1 < r->n && s[r->i] == '/' && s[r->i + 1] == '*') {
			size_t k = r->i + 2;
			while (k + 1 < r->n && !(s[k] == '*' && s[k + 1] == '/'))
				k++;
			if (k + 1 >= r->n) {
				r->start = r->i;
				r->i = r->n;
				r->tok = r->partial ? HT_PARTIAL : HT_BAD;
				return;
			}
			r->i = k + 2;
			continue;
		}
		break;
	}
	r->start = r->i;
	if (r->i >= r->n) {
		r->tok = r->partial ? HT_PARTIAL : HT_EOF;
		return;
	}
	unsigned char c = (unsigned char)s[r->i];
	if (is_identstart(c)) {
		while (r->i < r->n && is_identchar((unsigned char)s[r->i]))
			r->i++;
		r->tok = HT_IDENT;
	} else if (c == '"' || c == '`') {
		size_t k = r->i + 1;
		while (k < r->n && s[k] != (char)c) {
			if (c == '"' && s[k] == '\n')
				break;
			if (c == '"' && s[k] == '\\')
				k++;
			k++;
		}
		if (k >= r->n || s[k] != (char)c) {
			r->tok = k >= r->n && r->partial ? HT_PARTIAL : HT_BAD;
			r->i = k < r->n ? k : r->n;
			r->end = r->i;
			return;
		}
		r->i = k + 1;
		r->tok = HT_STRING;
	} else {
		r->i++;
		r->tok = HT_PUNCT;
	}
	r->end = r->i;
	if (r->tok == HT_IDENT && r->i >= r->n && r->partial)
		r->tok = HT_PARTIAL; /* the identifier may go on */
}

static void hr_linecol(HReader *r, size_t off, int *line, int *col)
{
	if (off < r->lnoff) {
		r->lnoff = 0, r->lnline = 1, r->lnstart = 0;
	}
	for (size_t k = r->lnoff; k < off; k++)
		if (r->s[k] == '\n') {
			r->lnline++;
			r->lnstart = k + 1;
		}
	r->lnoff = off;
	*line = r->lnline;
	*col = (int)(off - r->lnstart) + 1;
}

static bool hr_is(HReader *r, HTok t, const char *text)
{
	return r->tok == t && r->end - r->start == strlen(text) && !memcmp(r->s + r->start, text, r->end - r->start);
}

static char *describe_tok(HReader *r, Arena *a)
{
	switch (r->tok) {
	case HT_EOF:
		return "EOF";
	case HT_STRING:
		return arena_strndup(a, r->s + r->start, r->end - r->start);
	case HT_IDENT:
		return arena_strndup(a, r->s + r->start, r->end - r->start);
	default:
		if (r->s[r->start] == '\n')
			return "newline";
		return arena_strndup(a, r->s + r->start, 1);
	}
}

static void hr_error(HReader *r, GoHeader *h, Arena *a, const char *expected)
{
	int line, col;
	hr_linecol(r, r->start, &line, &col);
	Buf b = {0};
	const char *found = describe_tok(r, a);
	buf_printf(&b, "%d:%d: expected %s, found %s", line, col, expected, found);
	buf_putc(&b, 0);
	h->err = arena_strndup(a, b.p, b.n);
	buf_free(&b);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 32) >= 'a' && (c | 32) <= 'f')
		return (c | 32) - 'a' + 10;
	return -1;
}

static void put_utf8(Buf *b, uint32_t r)
{
	if (r < 0x80) {
		buf_putc(b, (char)r);
	} else if (r < 0x800) {
		buf_putc(b, (char)(0xC0 | (r >> 6)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	} else if (r < 0x10000) {
		buf_putc(b, (char)(0xE0 | (r >> 12)));
		buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	} else {
		buf_putc(b, (char)(0xF0 | (r >> 18)));
		buf_putc(b, (char)(0x80 | ((r >> 12) & 0x3F)));
		buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
		buf_putc(b, (char)(0x80 | (r & 0x3F)));
	}
}

/* The value of a string literal (with its quotes); NULL if an escape is bad. */
static const char *unquote(const char *s, size_t n, Arena *a)
{
	if (s[0] == '`' || !memchr(s, '\\', n))
		return arena_strndup(a, s + 1, n - 2);
	Buf b = {0};
	for (size_t i = 1; i + 1 < n; i++) {
		if (s[i] != '\\') {
			buf_putc(&b, s[i]);
			continue;
		}
		char c = s[++i];
		int digits = 0, base = 16;
		switch (c) {
		case 'a': buf_putc(&b, '\a'); break;
		case 'b': buf_putc(&b, '\b'); break;
		case 'f': buf_putc(&b, '\f'); break;
		case 'n': buf_putc(&b, '\n'); break;
		case 'r': buf_putc(&b, '\r'); break;
		case 't': buf_putc(&b, '\t'); break;
		case 'v': buf_putc(&b, '\v'); break;
		case '\\': buf_putc(&b, '\\'); break;
		case '"': buf_putc(&b, '"'); break;
		case 'x': digits = 2; break;
		case 'u': digits = 4; break;
		case 'U': digits = 8; break;
		default:
			if (c >= '0' && c <= '7') {
				digits = 3, base = 8;
				i--;
				break;
			}
			buf_free(&b);
			return NULL;
		}
		if (digits) {
			uint32_t v = 0;
			for (int k = 0; k < digits; k++) {
				int d = i + 1 + k < n - 1 ? hexval(s[i + 1 + k]) : -1;
				if (d < 0 || d >= base) {
					buf_free(&b);
					return NULL;
				}
				v = v * (uint32_t)base + (uint32_t)d;
			}
			i += (size_t)digits;
			if (c == 'x' || base == 8)
				buf_putc(&b, (char)v);
			else
				put_utf8(&b, v);
		}
	}
	const char *r = arena_strndup(a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return r;
}

/* Reads one import spec; false on a syntax error (reported in h). */
static bool read_import_spec(HReader *r, GoHeader *h, Arena *a, int *cap)
{
	size_t specstart = r->start;
	if (r->tok == HT_IDENT || hr_is(r, HT_PUNCT, "."))
		hr_next(r);
	if (r->tok == HT_PARTIAL)
		return false;
	if (r->tok != HT_STRING) {
		hr_error(r, h, a, "'STRING'");
		return false;
	}
	const char *path = unquote(r->s + r->start, r->end - r->start, a);
	if (!path) {
		hr_error(r, h, a, "'STRING'");
		return false;
	}
	if (h->nimports == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		FileImport *v = arena_alloc(a, (size_t)*cap * sizeof *v);
		if (h->nimports)
			memcpy(v, h->imports, (size_t)h->nimports * sizeof *v);
		h->imports = v;
	}
	FileImport *fi = &h->imports[h->nimports++];
	fi->path = path;
	hr_linecol(r, specstart, &fi->line, &fi->col);
	if (!strcmp(path, "C"))
		h->cgo = true;
	if (!strcmp(path, "embed"))
		h->embed = true;
	hr_next(r);
	return true;
}

int build_match_file(const BuildCtx *ctx, const char *src, size_t len, char **err)
{
	*err = NULL;
	return check_constraints(ctx, src, len, false, err);
}

bool read_go_header(const BuildCtx *ctx, const char *src, size_t len, bool partial, GoHeader *h, Arena *a)
{
	memset(h, 0, sizeof *h);
	if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) /* a leading BOM is dropped, as go/build does */
		src += 3, len -= 3;
	char *err = NULL;
	int v = check_constraints(ctx, src, len, partial, &err);
	if (v == 2)
		return false;
	if (ctx->useall) {
		free(err);
		err = NULL;
		v = 1;
	}
	if (v < 0) {
		h->err = arena_strndup(a, err, strlen(err));
		free(err);
		return true;
	}
	h->match = v == 1;
	if (!h->match)
		return true;

	HReader r = {.s = src, .n = len, .i = 0, .partial = partial, .lnline = 1};
	hr_next(&r);
	if (r.tok == HT_PARTIAL)
		return false;
	if (!hr_is(&r, HT_IDENT, "package")) {
		hr_error(&r, h, a, "'package'");
		return true;
	}
	hr_next(&r);
	if (r.tok == HT_PARTIAL)
		return false;
	if (r.tok != HT_IDENT) {
		hr_error(&r, h, a, "'IDENT'");
		return true;
	}
	h->pkg = arena_strndup(a, src + r.start, r.end - r.start);
	hr_next(&r);
	int cap = 0;
	while (hr_is(&r, HT_IDENT, "import")) {
		hr_next(&r);
		if (hr_is(&r, HT_PUNCT, "(")) {
			hr_next(&r);
			while (!hr_is(&r, HT_PUNCT, ")")) {
				if (r.tok == HT_PARTIAL)
					return false;
				if (r.tok == HT_EOF) {
					hr_error(&r, h, a, "')'");
					return true;
				}
				if (!read_import_spec(&r, h, a, &cap))
					return !(r.tok == HT_PARTIAL);
			}
			hr_next(&r);
		} else if (!read_import_spec(&r, h, a, &cap)) {
			return !(r.tok == HT_PARTIAL);
		}
	}
	if (r.tok == HT_PARTIAL)
		return false;
	return true;
}
