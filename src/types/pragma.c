/*
 * pragma.c — gc's rules for where //go: directives may stand (its parser's
 * takePragma/clearPragma and the noder's pragma flags), checked after
 * parsing from the directives' positions and the syntax tree:
 *
 *   - a directive must be alone on its line ("misplaced compiler directive");
 *   - the directives before a declaration belong to it: a function takes
 *     the function directives (//go:noinline, //go:nosplit, ...), a
 *     non-alias type declaration //go:notinheap, the file (before the
 *     package clause) //go:build; everything else is misplaced, as are
 *     directives before a grouped declaration's "(", before a statement
 *     other than a declaration, after a declaration and at the end of the
 *     file;
 *   - //go:systemstack and the write-barrier directives only in the
 *     runtime ("//go:nowritebarrier only allowed in runtime").
 *
 * Unknown directives, //go:linkname, //go:embed and the cgo ones are left
 * alone (gc checks those elsewhere).
 */
#include "types.h"
#include "../syntax/syntax.h"

/* gc's ir.PragmaFlag bits, as far as placement goes */
enum {
	PF_BUILD = 1 << 0,
	PF_FUNC = 1 << 1,     /* any of the function directives */
	PF_NOTINHEAP = 1 << 2,
	PF_RUNTIME = 1 << 3,  /* only allowed in the runtime (a function directive too) */
};

static int pragma_flag(const char *text, size_t n)
{
	static const struct {
		const char *verb;
		int flag;
	} tab[] = {
		{"go:build", PF_BUILD},
		{"go:noescape", PF_FUNC},
		{"go:norace", PF_FUNC},
		{"go:nosplit", PF_FUNC},
		{"go:noinline", PF_FUNC},
		{"go:nocheckptr", PF_FUNC},
		{"go:systemstack", PF_FUNC | PF_RUNTIME},
		{"go:nowritebarrier", PF_FUNC | PF_RUNTIME},
		{"go:nowritebarrierrec", PF_FUNC | PF_RUNTIME},
		{"go:yeswritebarrierrec", PF_FUNC | PF_RUNTIME},
		{"go:cgo_unsafe_args", PF_FUNC},
		{"go:uintptrkeepalive", PF_FUNC},
		{"go:uintptrescapes", PF_FUNC},
		{"go:registerparams", PF_FUNC},
		{"go:notinheap", PF_NOTINHEAP},
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strlen(tab[i].verb) == n && memcmp(tab[i].verb, text, n) == 0)
			return tab[i].flag;
	return 0;
}

/* A place where the parser takes or drops the pending directives. */
typedef struct Item {
	Pos pos;
	int allowed; /* flags the taker accepts; -1: the directives are dropped */
} Item;

typedef struct Items {
	Item *v;
	uint32_t n, cap;
} Items;

static void add(Items *it, Pos pos, int allowed)
{
	if (!pos)
		return;
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->v = xrealloc(it->v, it->cap * sizeof *it->v);
	}
	it->v[it->n++] = (Item){pos, allowed};
}

static int spec_allowed(Node *spec)
{
	if (spec->kind == N_TypeSpec && !spec->typespec.assign)
		return PF_NOTINHEAP;
	return 0;
}

/* a const/var/type declaration (top level or a DeclStmt): ungrouped, its
 * spec takes the directives before the keyword; grouped, those before the
 * "(" are dropped and each spec takes the ones before it */
static void gen_decl(Items *it, Node *d)
{
	if (!d->gendecl.lparen) {
		if (d->gendecl.specs.n)
			add(it, d->gendecl.tokpos, spec_allowed(d->gendecl.specs.v[0]));
		return;
	}
	add(it, d->gendecl.tokpos, -1);
	for (uint32_t i = 0; i < d->gendecl.specs.n; i++)
		add(it, node_pos(d->gendecl.specs.v[i]), spec_allowed(d->gendecl.specs.v[i]));
}

static void stmts(Items *it, List l);

static void stmt(Items *it, Node *s)
{
	if (!s)
		return;
	if (s->kind == N_DeclStmt && s->declstmt.decl && s->declstmt.decl->kind == N_GenDecl) {
		gen_decl(it, s->declstmt.decl);
		add(it, node_end(s), -1);
		return;
	}
	add(it, node_pos(s), -1);
	switch (s->kind) {
	case N_BlockStmt:
		stmts(it, s->block.list);
		break;
	case N_LabeledStmt:
		stmt(it, s->labeled.stmt);
		break;
	case N_IfStmt:
		stmt(it, s->ifstmt.body);
		stmt(it, s->ifstmt.else_);
		break;
	case N_ForStmt:
		stmt(it, s->forstmt.body);
		break;
	case N_RangeStmt:
		stmt(it, s->rangestmt.body);
		break;
	case N_SwitchStmt:
		stmt(it, s->switchstmt.body);
		break;
	case N_TypeSwitchStmt:
		stmt(it, s->typeswitch.body);
		break;
	case N_SelectStmt:
		stmt(it, s->selectstmt.body);
		break;
	case N_CaseClause:
		stmts(it, s->caseclause.body);
		break;
	case N_CommClause:
		stmts(it, s->commclause.body);
		break;
	default:
		break;
	}
	add(it, node_end(s), -1);
}

static void stmts(Items *it, List l)
{
	for (uint32_t i = 0; i < l.n; i++)
		stmt(it, l.v[i]);
}

static int cmp_item(const void *a, const void *b)
{
	const Item *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void check_directives(DiagList *diags, Node *file, const Directive *dirs, uint32_t ndirs, const char *src,
                      const SrcFile *f, bool runtime)
{
	if (!file || ndirs == 0)
		return;
	Items it = {0};
	add(&it, file->file.package, PF_BUILD);
	for (uint32_t i = 0; i < file->file.decls.n; i++) {
		Node *d = file->file.decls.v[i];
		if (d->kind == N_FuncDecl) {
			add(&it, node_pos(d), PF_FUNC | PF_RUNTIME);
			if (d->funcdecl.body)
				stmts(&it, d->funcdecl.body->block.list);
		} else if (d->kind == N_GenDecl) {
			gen_decl(&it, d);
		}
		add(&it, node_end(d), -1);
	}
	qsort(it.v, it.n, sizeof *it.v, cmp_item);
	uint32_t k = 0;
	for (uint32_t i = 0; i < ndirs; i++) {
		const Directive *dr = &dirs[i];
		if (dr->text.n < 5 || memcmp(dr->text.p, "//go:", 5) != 0)
			continue;
		const char *verb = dr->text.p + 2;
		size_t vn = 0;
		while (vn < dr->text.n - 2 && verb[vn] != ' ' && verb[vn] != '\t')
			vn++;
		int flag = pragma_flag(verb, vn);
		if (!flag)
			continue;
		Pos pos = dr->pos + 2; /* gc: at the "go:" */
		/* alone on its line? */
		uint32_t off = dr->pos - f->base;
		bool blank = true;
		for (uint32_t o = off; o > 0 && src[o - 1] != '\n'; o--)
			if (src[o - 1] != ' ' && src[o - 1] != '\t' && src[o - 1] != '\r')
				blank = false;
		if (!blank) {
			diag_error(diags, pos, "misplaced compiler directive");
			continue;
		}
		if ((flag & PF_RUNTIME) && !runtime)
			diag_error(diags, pos, "//%.*s only allowed in runtime", (int)vn, verb);
		while (k < it.n && it.v[k].pos <= dr->pos)
			k++;
		int allowed = k < it.n ? it.v[k].allowed : -1;
		if (allowed < 0 || (flag & ~allowed))
			diag_error(diags, pos, "misplaced compiler directive");
	}
	free(it.v);
}
