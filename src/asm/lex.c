/*
 * lex.c — tokens and the preprocessor of Go's assembler (gc's
 * cmd/asm/internal/lex): a stack of inputs, each a file being scanned or
 * a macro's expansion (a token array).  Directives are recognized at the
 * start of a line of a file: #include "file" (the including file's
 * directory first, then each -I), #define NAME body, #define NAME(a, b)
 * body (a body continues over lines ending in `\`), #undef, #ifdef,
 * #ifndef, #else, #endif.  An identifier that names a macro is replaced by
 * its body, arguments substituted, and the result read again (so macros
 * may use macros; the depth is bounded).  In identifiers `·` becomes `.`
 * and `∕` (U+2215) becomes `/`, as gc's tokenizer does.
 */
#include "asm.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>

enum { IN_FILE, IN_TOKS };

struct Input {
	int kind;
	/* IN_FILE */
	const char *file;
	char *src;
	size_t len, pos;
	int line;
	bool bol;      /* at the start of a line */
	int ncond;     /* #ifdef nesting when this file was opened */
	/* IN_TOKS */
	Tok *toks;
	int ntoks, i;
	Input *prev;
};

typedef Asm LexState;
static LexState *lexstate(Asm *a) { return a; }

const char *asm_strdup(Asm *a, const char *s, size_t n) { return arena_strndup(&a->arena, s, n); }

void asm_errorf(Asm *a, const char *file, int line, const char *fmt, ...)
{
	if (a->nerrors >= 10) {
		a->toomany = true;
		a->nerrors++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	if (file)
		fprintf(stderr, "%s:%d: ", file, line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	a->nerrors++;
}

void asm_init(Asm *a, const char *pkgpath)
{
	memset(a, 0, sizeof *a);
	arena_init(&a->arena);
	a->pkgpath = pkgpath;
}

void asm_free(Asm *a)
{
	for (ASym *s = a->syms; s; s = s->next) {
		buf_free(&s->bytes);
		free(s->progs);
		free(s->rels);
	}
	for (Input *in = a->in, *p; in; in = p) {
		p = in->prev;
		if (in->kind == IN_FILE)
			free(in->src);
	}
	arena_free(&a->arena);
}

static bool push_file(Asm *a, const char *path, const char *display)
{
	size_t len;
	char *src = read_file(path, &len);
	if (!src)
		return false;
	Input *in = arena_alloc(&a->arena, sizeof *in);
	in->kind = IN_FILE;
	in->file = asm_strdup(a, display, strlen(display));
	in->src = src;
	in->len = len;
	in->line = 1;
	in->bol = true;
	in->ncond = lexstate(a)->nconds;
	in->prev = a->in;
	a->in = in;
	return true;
}

bool asm_open(Asm *a, const char *path, const char *display)
{
	if (!push_file(a, path, display)) {
		fprintf(stderr, "asm: %s: %s\n", path, strerror(errno));
		a->nerrors++;
		return false;
	}
	return true;
}

static Macro **macro_bucket(Asm *a, const char *name);

/* A new definition goes first in its chain, hiding an older one (gc
 * replaces a redefined macro). */
static void macro_add(Asm *a, Macro *m)
{
	Macro **b = macro_bucket(a, m->name);
	m->next = *b;
	*b = m;
}

/* -D name[=value]: a macro whose body is the value's tokens ("1" if none) */
static void lex_string(Asm *a, const char *s, const char *file, int line, Tok **out, int *n);

void asm_define(Asm *a, const char *def)
{
	const char *eq = strchr(def, '=');
	Macro *m = arena_alloc(&a->arena, sizeof *m);
	m->name = asm_strdup(a, def, eq ? (size_t)(eq - def) : strlen(def));
	m->nargs = -1;
	lex_string(a, eq ? eq + 1 : "1", "<command line>", 0, &m->body, &m->nbody);
	macro_add(a, m);
}

static Macro **macro_bucket(Asm *a, const char *name)
{
	uint32_t h = 2166136261u;
	for (const char *p = name; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	return &a->macros[h % NELEM(a->macros)];
}

static Macro *find_macro(Asm *a, const char *name)
{
	for (Macro *m = *macro_bucket(a, name); m; m = m->next)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

/* ---- scanning a file ---- */

static bool isident0(int c) { return isalpha(c) || c == '_' || c >= 0x80; }
static bool isidentc(int c) { return isalnum(c) || c == '_' || c >= 0x80 || c == '.'; }

/* Identifier text with · → . and ∕ → / */
static const char *ident_text(Asm *a, const char *p, size_t n)
{
	char *s = arena_alloc(&a->arena, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		if (i + 1 < n && (uint8_t)p[i] == 0xc2 && (uint8_t)p[i + 1] == 0xb7) {
			s[j++] = '.';
			i += 2;
		} else if (i + 2 < n && (uint8_t)p[i] == 0xe2 && (uint8_t)p[i + 1] == 0x88 && (uint8_t)p[i + 2] == 0x95) {
			s[j++] = '/';
			i += 3;
		} else {
			s[j++] = p[i++];
		}
	}
	s[j] = 0;
	return s;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Scans one token of src[*pos..len) (no newline handling beyond T_NL).
 * Comments are skipped; a block comment's newlines advance *line. */
static Tok scan1(Asm *a, const char *src, size_t len, size_t *pos, const char *file, int *line)
{
	Tok t = {.kind = T_EOF, .file = file};
	size_t i = *pos;
	for (;;) {
		while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\f' || src[i] == '\v'))
			i++;
		if (i + 1 < len && src[i] == '/' && src[i + 1] == '/') {
			while (i < len && src[i] != '\n')
				i++;
			continue;
		}
		if (i + 1 < len && src[i] == '/' && src[i + 1] == '*') {
			i += 2;
			while (i < len && !(src[i] == '*' && i + 1 < len && src[i + 1] == '/')) {
				if (src[i] == '\n')
					(*line)++;
				i++;
			}
			if (i >= len)
				asm_errorf(a, file, *line, "comment not terminated");
			else
				i += 2;
			continue;
		}
		break;
	}
	t.line = *line;
	if (i >= len) {
		*pos = i;
		return t;
	}
	int c = (uint8_t)src[i];
	size_t st = i;
	if (c == '\n') {
		t.kind = T_NL;
		t.s = "\n";
		t.slen = 1;
		*pos = i + 1;
		return t;
	}
	if (isident0(c)) {
		while (i < len && isidentc((uint8_t)src[i]))
			i++;
		t.kind = T_IDENT;
		t.s = ident_text(a, src + st, i - st);
		t.slen = (uint32_t)strlen(t.s);
		*pos = i;
		return t;
	}
	if (isdigit(c) || (c == '.' && i + 1 < len && isdigit((uint8_t)src[i + 1]))) {
		bool isfloat = false;
		if (c == '0' && i + 1 < len && (src[i + 1] == 'x' || src[i + 1] == 'X')) {
			i += 2;
			while (i < len && (isxdigit((uint8_t)src[i]) || src[i] == '_'))
				i++;
		} else {
			while (i < len && (isdigit((uint8_t)src[i]) || src[i] == '_'))
				i++;
			if (i < len && src[i] == '.') {
				isfloat = true;
				i++;
				while (i < len && isdigit((uint8_t)src[i]))
					i++;
			}
			if (i < len && (src[i] == 'e' || src[i] == 'E')) {
				isfloat = true;
				i++;
				if (i < len && (src[i] == '+' || src[i] == '-'))
					i++;
				while (i < len && isdigit((uint8_t)src[i]))
					i++;
			}
		}
		t.kind = isfloat ? T_FLOAT : T_INT;
		t.s = asm_strdup(a, src + st, i - st);
		t.slen = (uint32_t)(i - st);
		*pos = i;
		return t;
	}
	if (c == '"' || c == '\'') {
		Buf b = {0};
		i++;
		bool ok = false;
		while (i < len && src[i] != '\n') {
			int ch = (uint8_t)src[i];
			if (ch == c) {
				ok = true;
				i++;
				break;
			}
			if (ch == '\\' && i + 1 < len) {
				i++;
				int e = (uint8_t)src[i++];
				switch (e) {
				case 'n': buf_putc(&b, '\n'); break;
				case 't': buf_putc(&b, '\t'); break;
				case 'r': buf_putc(&b, '\r'); break;
				case 'a': buf_putc(&b, '\a'); break;
				case 'b': buf_putc(&b, '\b'); break;
				case 'f': buf_putc(&b, '\f'); break;
				case 'v': buf_putc(&b, '\v'); break;
				case '\\': case '\'': case '"': buf_putc(&b, (char)e); break;
				case 'x': {
					int h1 = i < len ? hexval((uint8_t)src[i]) : -1;
					int h2 = i + 1 < len ? hexval((uint8_t)src[i + 1]) : -1;
					if (h1 < 0 || h2 < 0) {
						asm_errorf(a, file, *line, "illegal character in escape sequence");
						break;
					}
					buf_putc(&b, (char)(h1 * 16 + h2));
					i += 2;
					break;
				}
				default:
					if (e >= '0' && e <= '7') {
						int v = e - '0', k = 1;
						while (k < 3 && i < len && src[i] >= '0' && src[i] <= '7')
							v = v * 8 + (src[i++] - '0'), k++;
						buf_putc(&b, (char)v);
					} else {
						asm_errorf(a, file, *line, "unknown escape sequence");
					}
				}
				continue;
			}
			buf_putc(&b, (char)ch);
			i++;
		}
		if (!ok)
			asm_errorf(a, file, *line, c == '"' ? "string literal not terminated" : "rune literal not terminated");
		t.kind = c == '"' ? T_STRING : T_CHAR;
		t.s = asm_strdup(a, b.p ? b.p : "", b.n);
		t.slen = (uint32_t)b.n;
		buf_free(&b);
		*pos = i;
		return t;
	}
	/* punctuation */
	static const char *const two[] = {"<<", ">>", "->", "@>", "::", "&&", "||", "==", "!="};
	for (size_t k = 0; k < NELEM(two); k++) {
		if (i + 1 < len && src[i] == two[k][0] && src[i + 1] == two[k][1]) {
			t.kind = T_OP;
			t.s = two[k];
			t.slen = 2;
			*pos = i + 2;
			return t;
		}
	}
	static const char ones[] = "()[]{},;:$+-*/%&|^~<>!=.@#\\";
	const char *o = memchr(ones, c, sizeof ones - 1);
	t.kind = T_OP;
	if (!o) {
		asm_errorf(a, file, *line, "unexpected input character %#x", c);
		t.s = "?";
		t.slen = 1;
	} else {
		t.s = asm_strdup(a, src + i, 1);
		t.slen = 1;
	}
	*pos = i + 1;
	return t;
}

static void tokvec_push(Tok **v, int *n, int *cap, Tok t)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xrealloc(*v, (size_t)*cap * sizeof **v);
	}
	(*v)[(*n)++] = t;
}

/* Copies a token vector into the arena. */
static Tok *toks_keep(Asm *a, Tok *v, int n)
{
	Tok *t = arena_alloc(&a->arena, (size_t)(n ? n : 1) * sizeof *t);
	if (n)
		memcpy(t, v, (size_t)n * sizeof *t);
	free(v);
	return t;
}

static void lex_string(Asm *a, const char *s, const char *file, int line, Tok **out, int *n)
{
	Tok *v = NULL;
	int nv = 0, cap = 0;
	size_t pos = 0, len = strlen(s);
	for (;;) {
		Tok t = scan1(a, s, len, &pos, file, &line);
		if (t.kind == T_EOF || t.kind == T_NL)
			break;
		tokvec_push(&v, &nv, &cap, t);
	}
	*n = nv;
	*out = toks_keep(a, v, nv);
}

/* ---- directives ---- */

/* The rest of the line as tokens; `\` newline continues it, the newline
 * kept as a token (gc's macroDefinition). */
static void directive_line(Asm *a, Input *in, Tok **out, int *n)
{
	Tok *v = NULL;
	int nv = 0, cap = 0;
	for (;;) {
		Tok t = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
		if (t.kind == T_EOF)
			break;
		if (t.kind == T_NL) {
			in->line++;
			break;
		}
		if (t.kind == T_OP && t.s[0] == '\\') {
			/* continuation: `\` then the end of the line (comments skipped) */
			size_t p = in->pos;
			int line = in->line;
			Tok u = scan1(a, in->src, in->len, &p, in->file, &line);
			if (u.kind == T_NL) {
				/* the newline stays in the body: it separates statements */
				in->pos = p;
				in->line = line + 1;
				tokvec_push(&v, &nv, &cap, u);
				continue;
			}
		}
		tokvec_push(&v, &nv, &cap, t);
	}
	*n = nv;
	*out = toks_keep(a, v, nv);
}

static bool cond_active(Asm *a)
{
	LexState *ls = lexstate(a);
	return ls->nconds == 0 || ls->conds[ls->nconds - 1].active;
}

static void do_include(Asm *a, Input *in, Tok *v, int n, int line)
{
	if (n != 1 || v[0].kind != T_STRING) {
		asm_errorf(a, in->file, line, "#include requires a quoted file name");
		return;
	}
	const char *name = v[0].s;
	Buf path = {0};
	bool ok = false;
	if (name[0] == '/') {
		ok = push_file(a, name, name);
	} else {
		/* the including file's directory, then the -I directories */
		const char *slash = strrchr(in->file, '/');
		buf_printf(&path, "%.*s%s", slash ? (int)(slash - in->file + 1) : 0, in->file, name);
		buf_putc(&path, 0);
		ok = push_file(a, path.p, path.p);
		for (int i = 0; !ok && i < a->nincdirs; i++) {
			path.n = 0;
			buf_printf(&path, "%s/%s", a->incdirs[i], name);
			buf_putc(&path, 0);
			ok = push_file(a, path.p, path.p);
		}
	}
	buf_free(&path);
	if (!ok)
		asm_errorf(a, in->file, line, "#include: open %s: no such file or directory", name);
	else if (a->in->prev && a->depth++ > 100) {
		asm_errorf(a, in->file, line, "#include nested too deeply");
		a->in = a->in->prev;
	}
}

static void do_define(Asm *a, Input *in, int line)
{
	/* the name, then a parameter list only if '(' follows with no space */
	Tok name = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
	if (name.kind != T_IDENT) {
		asm_errorf(a, in->file, line, "#define: expected identifier");
		Tok *v;
		int n;
		directive_line(a, in, &v, &n);
		return;
	}
	Macro *m = arena_alloc(&a->arena, sizeof *m);
	m->name = name.s;
	m->nargs = -1;
	if (in->pos < in->len && in->src[in->pos] == '(') {
		in->pos++;
		const char **args = NULL;
		int na = 0;
		for (;;) {
			Tok t = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
			if (t.kind == T_OP && t.s[0] == ')' && na == 0)
				break;
			if (t.kind != T_IDENT) {
				asm_errorf(a, in->file, line, "bad definition for %s: expected identifier in parameter list", m->name);
				break;
			}
			args = xrealloc(args, (size_t)(na + 1) * sizeof *args);
			args[na++] = t.s;
			t = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
			if (t.kind == T_OP && t.s[0] == ')')
				break;
			if (!(t.kind == T_OP && t.s[0] == ',')) {
				asm_errorf(a, in->file, line, "bad definition for %s: expected comma in parameter list", m->name);
				break;
			}
		}
		m->nargs = na;
		m->args = arena_alloc(&a->arena, (size_t)(na ? na : 1) * sizeof *m->args);
		if (na)
			memcpy(m->args, args, (size_t)na * sizeof *args);
		free(args);
	}
	directive_line(a, in, &m->body, &m->nbody);
	/* a redefinition replaces the macro (gc's map) */
	macro_add(a, m);
}

static void do_undef(Asm *a, const char *name)
{
	for (Macro **pp = macro_bucket(a, name); *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			*pp = (*pp)->next;
			return;
		}
	}
}

/* A directive at the start of a line (the '#' has been read). */
static void directive(Asm *a, Input *in)
{
	int line = in->line;
	LexState *ls = lexstate(a);
	Tok d = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
	const char *w = d.kind == T_IDENT ? d.s : "";
	bool active = cond_active(a);
	if (strcmp(w, "ifdef") == 0 || strcmp(w, "ifndef") == 0) {
		Tok *v;
		int n;
		directive_line(a, in, &v, &n);
		if (n != 1 || v[0].kind != T_IDENT) {
			asm_errorf(a, in->file, line, "#%s requires a name", w);
			return;
		}
		if (ls->nconds == (int)NELEM(ls->conds)) {
			asm_errorf(a, in->file, line, "#%s nested too deeply", w);
			return;
		}
		bool def = find_macro(a, v[0].s) != NULL;
		ls->conds[ls->nconds].active = active && (w[2] == 'd' ? def : !def);
		ls->conds[ls->nconds].parent = active;
		ls->conds[ls->nconds++].sawelse = false;
		return;
	}
	if (strcmp(w, "else") == 0 || strcmp(w, "endif") == 0) {
		Tok *v;
		int n;
		directive_line(a, in, &v, &n);
		if (ls->nconds <= in->ncond) {
			asm_errorf(a, in->file, line, "unmatched #%s", w);
			return;
		}
		AsmCond *c = &ls->conds[ls->nconds - 1];
		if (w[0] == 'e' && w[1] == 'n') {
			ls->nconds--;
			return;
		}
		if (c->sawelse) {
			asm_errorf(a, in->file, line, "#else after #else");
			return;
		}
		c->sawelse = true;
		c->active = c->parent && !c->active;
		return;
	}
	if (!active) {
		Tok *v;
		int n;
		directive_line(a, in, &v, &n);
		return;
	}
	if (strcmp(w, "define") == 0) {
		do_define(a, in, line);
		return;
	}
	Tok *v;
	int n;
	directive_line(a, in, &v, &n);
	if (strcmp(w, "include") == 0)
		do_include(a, in, v, n, line);
	else if (strcmp(w, "undef") == 0) {
		if (n != 1 || v[0].kind != T_IDENT)
			asm_errorf(a, in->file, line, "#undef requires a name");
		else
			do_undef(a, v[0].s);
	} else if (strcmp(w, "line") == 0) {
		/* #line: accepted, ignored */
	} else {
		asm_errorf(a, in->file, line, "unknown directive #%s", w);
	}
}

/* ---- macro expansion ---- */

/* Reads a macro's arguments: '(' a, b, ... ')' (nested parentheses kept). */
static Tok raw_next(Asm *a);

static bool macro_args(Asm *a, Macro *m, Tok at, Tok ***argv, int **argn)
{
	Tok t = raw_next(a);
	if (!(t.kind == T_OP && t.s[0] == '(')) {
		/* invoked without arguments: the name stands for itself */
		a->peeked = t;
		a->havepeek = true;
		*argv = NULL;
		return false;
	}
	int na = 0, cap = 0, depth = 0;
	Tok **av = xcalloc((size_t)(m->nargs + 1), sizeof *av);
	int *an = xcalloc((size_t)(m->nargs + 1), sizeof *an);
	int *acap = xcalloc((size_t)(m->nargs + 1), sizeof *acap);
	(void)cap;
	for (;;) {
		t = raw_next(a);
		if (t.kind == T_EOF) {
			asm_errorf(a, at.file, at.line, "unexpected EOF in macro invocation of %s", m->name);
			goto fail;
		}
		if (t.kind == T_OP && (t.s[0] == ')' || t.s[0] == ',') && depth == 0) {
			if (t.s[0] == ')' && na == 0 && an[0] == 0 && m->nargs == 0)
				break;
			na++;
			if (t.s[0] == ')')
				break;
			if (na >= m->nargs) {
				asm_errorf(a, at.file, at.line, "too many arguments for macro invocation of %s", m->name);
				goto fail;
			}
			continue;
		}
		if (t.kind == T_OP && t.s[0] == '(')
			depth++;
		if (t.kind == T_OP && t.s[0] == ')')
			depth--;
		if (t.kind == T_NL)
			continue;
		if (na < m->nargs)
			tokvec_push(&av[na], &an[na], &acap[na], t);
	}
	if (na != m->nargs) {
		asm_errorf(a, at.file, at.line, "wrong number of arguments for macro invocation of %s: got %d, want %d",
		           m->name, na, m->nargs);
		goto fail;
	}
	free(acap);
	*argv = av;
	*argn = an;
	return true;
fail:
	for (int i = 0; i <= m->nargs; i++)
		free(av[i]);
	free(av);
	free(an);
	free(acap);
	return false;
}

/* Expands m; true if m was named without its arguments (the name stays). */
static bool expand(Asm *a, Macro *m, Tok at)
{
	Tok **av = NULL;
	int *an = NULL;
	if (m->nargs >= 0 && !macro_args(a, m, at, &av, &an))
		return av == NULL && a->havepeek;
	if (a->depth > 200 || ++a->nexpand > 2000000) {
		asm_errorf(a, at.file, at.line, "recursive macro invocation");
		/* give up on the input: a recursion in tail position would go on */
		while (a->in) {
			Input *in = a->in;
			a->in = in->prev;
			if (in->kind == IN_FILE)
				free(in->src), in->src = NULL;
		}
		goto out;
	}
	Tok *v = NULL;
	int nv = 0, cap = 0;
	for (int i = 0; i < m->nbody; i++) {
		Tok b = m->body[i];
		int k = -1;
		if (b.kind == T_IDENT)
			for (int j = 0; j < m->nargs; j++)
				if (strcmp(m->args[j], b.s) == 0)
					k = j;
		if (k >= 0) {
			for (int j = 0; j < an[k]; j++) {
				Tok t = av[k][j];
				t.file = at.file, t.line = at.line;
				tokvec_push(&v, &nv, &cap, t);
			}
		} else {
			b.file = at.file, b.line = at.line;
			tokvec_push(&v, &nv, &cap, b);
		}
	}
	Input *in = arena_alloc(&a->arena, sizeof *in);
	in->kind = IN_TOKS;
	in->toks = toks_keep(a, v, nv);
	in->ntoks = nv;
	in->prev = a->in;
	a->in = in;
	a->depth++;
out:
	if (av) {
		for (int i = 0; i <= m->nargs; i++)
			free(av[i]);
		free(av);
		free(an);
	}
	return false;
}

/* The next token of the input stack, directives handled, macros not
 * expanded. */
static Tok raw_next(Asm *a)
{
	if (a->havepeek) {
		a->havepeek = false;
		return a->peeked;
	}
	for (;;) {
		Input *in = a->in;
		if (!in)
			return (Tok){.kind = T_EOF, .s = "", .file = NULL, .line = 0};
		if (in->kind == IN_TOKS) {
			if (in->i < in->ntoks)
				return in->toks[in->i++];
			a->in = in->prev;
			a->depth--;
			continue;
		}
		if (in->bol) {
			size_t p = in->pos;
			while (p < in->len && (in->src[p] == ' ' || in->src[p] == '\t'))
				p++;
			if (p < in->len && in->src[p] == '#') {
				in->pos = p + 1;
				directive(a, in);
				continue;
			}
			in->bol = false;
			if (!cond_active(a)) {
				while (in->pos < in->len && in->src[in->pos] != '\n')
					in->pos++;
				if (in->pos < in->len) {
					in->pos++;
					in->line++;
					in->bol = true;
					continue;
				}
			}
		}
		Tok t = scan1(a, in->src, in->len, &in->pos, in->file, &in->line);
		if (t.kind == T_NL) {
			in->line++;
			in->bol = true;
			return t;
		}
		if (t.kind == T_EOF) {
			LexState *ls = lexstate(a);
			if (ls->nconds > in->ncond) {
				asm_errorf(a, in->file, in->line, "unclosed #ifdef or #ifndef");
				ls->nconds = in->ncond;
			}
			a->in = in->prev;
			if (a->in)
				a->depth--;
			free(in->src);
			in->src = NULL;
			if (a->in) {
				/* end of an included file ends its last line */
				return (Tok){.kind = T_NL, .s = "\n", .slen = 1, .file = in->file, .line = in->line};
			}
			return t;
		}
		return t;
	}
}

Tok asm_next(Asm *a)
{
	for (;;) {
		Tok t = raw_next(a);
		if (t.kind == T_IDENT) {
			Macro *m = find_macro(a, t.s);
			if (m && !expand(a, m, t))
				continue;
		}
		return t;
	}
}
