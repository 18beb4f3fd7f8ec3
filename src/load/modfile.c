/*
 * modfile.c — go.mod: the module path, the go version, require and
 * replace (single lines and blocks).  exclude and retract are read and
 * ignored; they only matter when versions are chosen over the network.
 */
#include "load.h"

typedef struct ModLexer {
	const char *s;
	size_t n, i;
	int line;
	Arena *a;
} ModLexer;

/* The words of the next line (up to 8), comments dropped.  Returns the
 * count, -1 at EOF, -2 on a bad quoted string. */
static int mod_line(ModLexer *lx, const char **w, int maxw)
{
	if (lx->i >= lx->n)
		return -1;
	lx->line++;
	const char *s = lx->s;
	size_t end = lx->i;
	while (end < lx->n && s[end] != '\n')
		end++;
	int nw = 0;
	size_t i = lx->i;
	lx->i = end < lx->n ? end + 1 : end;
	while (i < end) {
		while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i >= end || (i + 1 < end && s[i] == '/' && s[i + 1] == '/'))
			break;
		size_t j = i;
		const char *word;
		if (s[i] == '"' || s[i] == '`') {
			j = i + 1;
			while (j < end && s[j] != s[i])
				j += s[j] == '\\' && s[i] == '"' ? 2 : 1;
			if (j >= end)
				return -2;
			word = arena_strndup(lx->a, s + i + 1, j - i - 1);
			j++;
		} else {
			while (j < end && s[j] != ' ' && s[j] != '\t' && s[j] != '\r' &&
			       !(j + 1 < end && s[j] == '/' && s[j + 1] == '/'))
				j++;
			word = arena_strndup(lx->a, s + i, j - i);
		}
		if (nw < maxw)
			w[nw] = word;
		nw++;
		i = j;
	}
	return nw;
}

static char *mod_err(ModLexer *lx, const char *msg)
{
	Buf b = {0};
	buf_printf(&b, "go.mod:%d: %s", lx->line, msg);
	buf_putc(&b, 0);
	return b.p;
}

/* One entry of a directive (without the verb). */
static const char *mod_entry(ModFile *m, const char *verb, const char **w, int nw, int *capreq, int *caprep, Arena *a)
{
	if (!strcmp(verb, "require")) {
		if (nw != 2)
			return "usage: require module/path v1.2.3";
		if (m->nreqs == *capreq) {
			*capreq = *capreq ? *capreq * 2 : 8;
			ModRequire *v = arena_alloc(a, (size_t)*capreq * sizeof *v);
			if (m->nreqs)
				memcpy(v, m->reqs, (size_t)m->nreqs * sizeof *v);
			m->reqs = v;
		}
		m->reqs[m->nreqs++] = (ModRequire){w[0], w[1]};
		return NULL;
	}
	if (!strcmp(verb, "replace")) {
		/* path [version] => newpath [newversion] */
		int arrow = -1;
		for (int k = 0; k < nw && k < 8; k++)
			if (!strcmp(w[k], "=>"))
				arrow = k;
		if (arrow < 1 || arrow > 2 || nw - arrow - 1 < 1 || nw - arrow - 1 > 2)
			return "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory";
		if (m->nreps == *caprep) {
			*caprep = *caprep ? *caprep * 2 : 8;
			ModReplace *v = arena_alloc(a, (size_t)*caprep * sizeof *v);
			if (m->nreps)
				memcpy(v, m->reps, (size_t)m->nreps * sizeof *v);
			m->reps = v;
		}
		ModReplace r = {w[0], arrow == 2 ? w[1] : NULL, w[arrow + 1], nw - arrow - 1 == 2 ? w[arrow + 2] : NULL};
		/* a local directory is written ./x, ../x or /x, and has no version */
		bool local = r.newpath[0] == '/' || !strncmp(r.newpath, "./", 2) || !strncmp(r.newpath, "../", 3) ||
		             !strcmp(r.newpath, ".") || !strcmp(r.newpath, "..");
		if (local && r.newversion)
			return "replacement module directory path must not have a version";
		if (!local && !r.newversion)
			return "replacement module without version must be directory path (rooted or starting with ./ or ../)";
		m->reps[m->nreps++] = r;
		return NULL;
	}
	return NULL; /* exclude, retract: ignored */
}

ModFile *modfile_parse(const char *dir, const char *text, size_t len, Arena *a, char **err)
{
	ModFile *m = arena_alloc(a, sizeof *m);
	m->dir = arena_strndup(a, dir, strlen(dir));
	ModLexer lx = {.s = text, .n = len, .a = a};
	const char *w[8];
	int nw, capreq = 0, caprep = 0;
	while ((nw = mod_line(&lx, w, 8)) != -1) {
		if (nw == -2) {
			*err = mod_err(&lx, "unterminated quoted string");
			return NULL;
		}
		if (nw == 0)
			continue;
		const char *verb = w[0];
		if (!strcmp(verb, "module")) {
			if (nw != 2) {
				*err = mod_err(&lx, "usage: module module/path");
				return NULL;
			}
			m->path = w[1];
		} else if (!strcmp(verb, "go")) {
			if (nw == 2)
				m->goversion = w[1];
		} else if (!strcmp(verb, "require") || !strcmp(verb, "replace") || !strcmp(verb, "exclude") ||
		           !strcmp(verb, "retract")) {
			if (nw == 2 && !strcmp(w[1], "(")) {
				int n2;
				const char *w2[8];
				for (;;) {
					n2 = mod_line(&lx, w2, 8);
					if (n2 == -1) {
						*err = mod_err(&lx, "unexpected end of file in block");
						return NULL;
					}
					if (n2 == -2) {
						*err = mod_err(&lx, "unterminated quoted string");
						return NULL;
					}
					if (n2 == 1 && !strcmp(w2[0], ")"))
						break;
					if (n2 == 0)
						continue;
					const char *e = mod_entry(m, verb, w2, n2, &capreq, &caprep, a);
					if (e) {
						*err = mod_err(&lx, e);
						return NULL;
					}
				}
			} else {
				const char *e = mod_entry(m, verb, w + 1, nw - 1, &capreq, &caprep, a);
				if (e) {
					*err = mod_err(&lx, e);
					return NULL;
				}
			}
		} else {
			Buf b = {0};
			buf_printf(&b, "unknown directive: %s", verb);
			buf_putc(&b, 0);
			*err = mod_err(&lx, b.p);
			buf_free(&b);
			return NULL;
		}
	}
	if (!m->path) {
		*err = xstrdup("go.mod: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mymodule");
		return NULL;
	}
	return m;
}
