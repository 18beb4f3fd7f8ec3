/* diag.c — user diagnostics in gc's format, internal and fatal errors. */
#include <unistd.h>
#include "base.h"

void diag_init(DiagList *d, int limit)
{
	memset(d, 0, sizeof *d);
	d->limit = limit;
	d->out = stderr;
}

void diag_error(DiagList *d, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, (size_t)d->cap * sizeof d->v[0]);
	}
	d->v[d->n++] = (Diag){pos, msg};
}

static int diag_cmp(const void *a, const void *b)
{
	const Diag *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return 0;
}

/* q's position, its file named name */
static void print_position(FILE *out, Position q, const char *name)
{
	if (!name) {
		fputs("<unknown>", out);
		return;
	}
	fputs(name, out);
	if (q.line > 0)
		fprintf(out, ":%d", q.line);
	if (q.col > 0 && q.col < 255) /* gc keeps 8 bits of column: 255 and up print as unknown */
		fprintf(out, ":%d", q.col);
}

static void print_pos(FILE *out, Pos p)
{
	Position q = pos_adjusted(p);
	print_position(out, q, q.filename);
}

int diag_flush(DiagList *d)
{
	/* stable sort by position: insertion order breaks ties */
	typedef struct { Diag d; int i; } Ix;
	Ix *v = xmalloc((size_t)(d->n ? d->n : 1) * sizeof *v);
	for (int i = 0; i < d->n; i++)
		v[i] = (Ix){d->v[i], i};
	for (int i = 1; i < d->n; i++) { /* insertion sort: lists are short and nearly sorted */
		Ix t = v[i];
		int j = i;
		while (j > 0 && (diag_cmp(&v[j - 1].d, &t.d) > 0 ||
		                 (v[j - 1].d.pos == t.d.pos && v[j - 1].i > t.i))) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	int printed = 0;
	const char *lastmsg = NULL;
	Pos lastpos = NoPos;
	int lastline = -1;
	for (int i = 0; i < d->n; i++) {
		Diag *e = &v[i].d;
		/* gc drops an exact repeat (same line, same message) */
		Position q = pos_adjusted(e->pos);
		if (lastmsg && q.line == lastline && fileset_file(e->pos) == fileset_file(lastpos) &&
		    strcmp(lastmsg, e->msg) == 0)
			continue;
		print_pos(d->out, e->pos);
		fprintf(d->out, ": %s\n", e->msg);
		printed++;
		if (d->limit && printed == d->limit) {
			/* gc: at the 10th error, "too many errors" at its position */
			print_pos(d->out, e->pos);
			fputs(": too many errors\n", d->out);
			break;
		}
		lastmsg = e->msg;
		lastpos = e->pos;
		lastline = q.line;
	}
	free(v);
	for (int i = 0; i < d->n; i++)
		free(d->v[i].msg);
	d->n = 0;
	return printed;
}

void diag_free(DiagList *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/* "file:line:col: [internal compiler error: PASS: ]message", exit 2 */
/* An error that stops goc (internal errors, nesting too deep) names the
 * file relative to the working directory when it is below it, as the
 * go command shows the compiler's positions; goc build registers files
 * by their absolute paths. */
static NORETURN void stop_at(Pos pos, const char *pass, const char *fmt, va_list ap)
{
	fflush(stdout);
	Position q = pos_adjusted(pos);
	char cwd[4096];
	size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
	bool below = q.filename && n > 1 && strncmp(q.filename, cwd, n) == 0 && q.filename[n] == '/';
	print_position(stderr, q, below ? q.filename + n + 1 : q.filename);
	fputs(": ", stderr);
	if (pass)
		fprintf(stderr, "internal compiler error: %s: ", pass);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	exit(2);
}

void ice(Pos pos, const char *pass, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stop_at(pos, pass, fmt, ap);
}

void fatal_at(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stop_at(pos, NULL, fmt, ap);
}

void fatal(const char *fmt, ...)
{
	fflush(stdout);
	fputs("goc: ", stderr);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}
