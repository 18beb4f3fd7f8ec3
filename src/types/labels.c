/*
 * labels.c — branch statements and labels of one function body: misplaced
 * break, continue and fallthrough; labeled break/continue targets;
 * undefined, unused and duplicate labels; gotos jumping over variable
 * declarations or into blocks.
 *
 * gc checks these in its parser (cmd/compile/internal/syntax/branches.go)
 * and has types2 ignore branch errors, so the rules and the wording here
 * are that file's, not go/types' labels.go.  They need no types: one walk
 * over the statements of the body, blocks nested as in the source, with
 * forward gotos resolved when their label is declared later in the same
 * or an enclosing block.  Function literals are separate bodies (checked
 * when check_func_body gets them).
 */
#include "types.h"

typedef struct Label {
	struct Block *parent; /* block containing the declaration */
	Node *lstmt;          /* the LabeledStmt */
	bool used;
} Label;

typedef struct Block {
	struct Block *parent;
	Pos start;
	Node *lstmt; /* labeled statement associated with this block, or NULL */
} Block;

typedef struct Targets {
	Node *breaks;    /* for, range, switch, type switch, select, or NULL */
	Node *continues; /* for or range, or NULL */
	int caseindex;   /* case index in the immediately enclosing switch, or < 0 */
	uint32_t ncases; /* number of clauses of that switch */
} Targets;

typedef struct LabelScope {
	Checker *c;
	PtrMap labels; /* interned name → Label* */
	PtrVec order;  /* Label* in declaration order (for the unused report) */
} LabelScope;

static const char *lname(Node *id) { return intern_s(id->ident.name); }

static const char *pos_str(Checker *c, Pos p)
{
	Position q = pos_adjusted(p);
	Buf b = {0};
	buf_printf(&b, "%s:%d:%d", q.filename, q.line, q.col);
	const char *s = arena_strndup(&c->scratch, b.p, b.n);
	buf_free(&b);
	return s;
}

static Label *declare_label(LabelScope *ls, Block *b, Node *s)
{
	const char *name = lname(s->labeled.label);
	Label *alt = ptrmap_get(&ls->labels, name);
	if (alt) {
		check_errorf(ls->c, s->labeled.label->ident.namepos, "label %s already defined at %s", name,
			pos_str(ls->c, alt->lstmt->labeled.label->ident.namepos));
		return alt;
	}
	Label *l = arena_alloc(&ls->c->scratch, sizeof *l);
	l->parent = b;
	l->lstmt = s;
	ptrmap_put(&ls->labels, name, l);
	ptrvec_push(&ls->order, l);
	return l;
}

static Node *goto_target(LabelScope *ls, Block *b, const char *name)
{
	Label *l = ptrmap_get(&ls->labels, name);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->parent == b)
			return l->lstmt;
	return NULL;
}

static Node invalid_target;

static Node *enclosing_target(LabelScope *ls, Block *b, const char *name)
{
	Label *l = ptrmap_get(&ls->labels, name);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->lstmt == b->lstmt)
			return l->lstmt;
	return &invalid_target;
}

static void write_names(Buf *b, List l)
{
	for (uint32_t i = 0; i < l.n; i++) {
		if (i)
			buf_puts(b, ", ");
		Node *e = l.v[i];
		if (e->kind == N_Ident)
			buf_put(b, e->ident.name.p, e->ident.name.n);
		else
			buf_puts(b, "_");
	}
}

typedef struct Walk {
	LabelScope *ls;
	Block *b;
	Targets ctxt;
	Pos varpos;
	const char *varname;
	PtrVec fwd;  /* forward gotos (BranchStmt) */
	PtrVec bad;  /* forward gotos that jump over the last variable declaration */
} Walk;

static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start, Node **body, uint32_t nbody,
    PtrVec *out);

static void inner_block(Walk *w, Targets ctxt, Node *lstmt, Pos start, Node **body, uint32_t n)
{
	PtrVec res = {0};
	block_branches(w->ls, w->b, ctxt, lstmt, start, body, n, &res);
	for (uint32_t i = 0; i < res.n; i++)
		ptrvec_push(&w->fwd, res.v[i]);
	ptrvec_free(&res);
}

static void record_var_decl(Walk *w, Pos pos, const char *name)
{
	w->varpos = pos;
	w->varname = name;
	w->bad.n = 0;
	for (uint32_t i = 0; i < w->fwd.n; i++)
		ptrvec_push(&w->bad, w->fwd.v[i]);
}

static bool jumps_over_var_decl(Walk *w, Node *fwd)
{
	if (!w->varpos)
		return false;
	for (uint32_t i = 0; i < w->bad.n; i++)
		if (w->bad.v[i] == fwd)
			return true;
	return false;
}

static void branch(Walk *w, Node *s, uint32_t index, uint32_t nlist)
{
	Checker *c = w->ls->c;
	Targets ctxt = w->ctxt;
	if (!s->branch.label) {
		switch (s->branch.tok) {
		case TOK_BREAK:
			if (!ctxt.breaks)
				check_errorf(c, s->branch.tokpos, "break is not in a loop, switch, or select");
			break;
		case TOK_CONTINUE:
			if (!ctxt.continues)
				check_errorf(c, s->branch.tokpos, "continue is not in a loop");
			break;
		case TOK_FALLTHROUGH: {
			const char *msg = "fallthrough statement out of place";
			Node *t = ctxt.breaks;
			if (t && t->kind == N_TypeSwitchStmt) {
				msg = "cannot fallthrough in type switch";
			} else if (t && t->kind == N_SwitchStmt) {
				if (ctxt.caseindex < 0 || index + 1 < nlist) {
					/* nested in a block or not the last statement */
				} else if ((uint32_t)ctxt.caseindex + 1 == ctxt.ncases) {
					msg = "cannot fallthrough final case in switch";
				} else {
					return; /* ok */
				}
			}
			check_errorf(c, s->branch.tokpos, "%s", msg);
			break;
		}
		default:
			break;
		}
		return;
	}
	Node *lab = s->branch.label;
	const char *name = lname(lab);
	switch (s->branch.tok) {
	case TOK_BREAK: {
		Node *t = enclosing_target(w->ls, w->b, name);
		if (!t) {
			check_errorf(c, lab->ident.namepos, "break label not defined: %s", name);
		} else if (t == &invalid_target) {
			check_errorf(c, lab->ident.namepos, "invalid break label %s", name);
		} else {
			switch (t->labeled.stmt->kind) {
			case N_SwitchStmt: case N_TypeSwitchStmt: case N_SelectStmt: case N_ForStmt: case N_RangeStmt:
				break;
			default:
				check_errorf(c, lab->ident.namepos, "invalid break label %s", name);
			}
		}
		break;
	}
	case TOK_CONTINUE: {
		Node *t = enclosing_target(w->ls, w->b, name);
		if (!t)
			check_errorf(c, lab->ident.namepos, "continue label not defined: %s", name);
		else if (t == &invalid_target || (t->labeled.stmt->kind != N_ForStmt && t->labeled.stmt->kind != N_RangeStmt))
			check_errorf(c, lab->ident.namepos, "invalid continue label %s", name);
		break;
	}
	case TOK_GOTO:
		if (!goto_target(w->ls, w->b, name))
			ptrvec_push(&w->fwd, s);
		break;
	default:
		break;
	}
}

static bool dropped_label(Checker *c, Node *s)
{
	Node *e = s->labeled.stmt;
	if (!e || e->kind != N_EmptyStmt || !e->empty.implicit)
		return false;
	for (int i = 0; i < c->diags->n; i++)
		if (c->diags->v[i].pos == s->labeled.colon && strstr(c->diags->v[i].msg, "missing statement after label"))
			return true;
	return false;
}

static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start, Node **body, uint32_t nbody,
    PtrVec *out)
{
	Checker *c = ls->c;
	/* blocks outlive this call: labels point to them */
	Block *blk = arena_alloc(&c->scratch, sizeof *blk);
	*blk = (Block){parent, start, lstmt};
	Walk w = {0};
	w.ls = ls;
	w.b = blk;
	w.ctxt = ctxt;
	while (nbody > 0 && body[nbody - 1]->kind == N_EmptyStmt)
		nbody--;
	for (uint32_t i = 0; i < nbody; i++) {
		Node *s = body[i];
		lstmt = NULL;
		/* gc's parser drops a label without a statement ("missing
		 * statement after label"); goc's keeps it with an empty one */
		while (s->kind == N_LabeledStmt && dropped_label(c, s))
			s = s->labeled.stmt;
		while (s->kind == N_LabeledStmt) {
			const char *name = lname(s->labeled.label);
			if (!(name[0] == '_' && name[1] == 0)) {
				Label *l = declare_label(ls, blk, s);
				uint32_t k = 0;
				for (uint32_t j = 0; j < w.fwd.n; j++) {
					Node *f = w.fwd.v[j];
					if (lname(f->branch.label) == name) {
						l->used = true;
						if (jumps_over_var_decl(&w, f))
							check_errorf(c, f->branch.label->ident.namepos, "goto %s jumps over declaration of %s at %s", name,
								w.varname, pos_str(c, w.varpos));
					} else {
						w.fwd.v[k++] = f;
					}
				}
				w.fwd.n = k;
				lstmt = s;
			}
			s = s->labeled.stmt;
		}
		switch (s->kind) {
		case N_DeclStmt: {
			Node *d = s->declstmt.decl;
			if (d->kind == N_GenDecl && d->gendecl.tok == TOK_VAR && d->gendecl.specs.n) {
				Node *vs = d->gendecl.specs.v[0];
				if (vs->valuespec.names.n) {
					Node *id = vs->valuespec.names.v[0];
					record_var_decl(&w, id->ident.namepos, lname(id));
				}
			}
			break;
		}
		case N_BranchStmt:
			branch(&w, s, i, nbody);
			break;
		case N_AssignStmt:
			if (s->assign.tok == TOK_DEFINE) {
				Buf b = {0};
				write_names(&b, s->assign.lhs);
				const char *n = arena_strndup(&c->scratch, b.p ? b.p : "", b.n);
				buf_free(&b);
				record_var_decl(&w, s->assign.tokpos, n);
			}
			break;
		case N_BlockStmt: {
			Targets in = {ctxt.breaks, ctxt.continues, -1, 0};
			inner_block(&w, in, lstmt, node_pos(s), s->block.list.v, s->block.list.n);
			break;
		}
		case N_IfStmt: {
			Targets in = {ctxt.breaks, ctxt.continues, -1, 0};
			Node *then = s->ifstmt.body;
			inner_block(&w, in, lstmt, node_pos(then), then->block.list.v, then->block.list.n);
			if (s->ifstmt.else_)
				inner_block(&w, in, lstmt, node_pos(s->ifstmt.else_), &s->ifstmt.else_, 1);
			break;
		}
		case N_ForStmt:
		case N_RangeStmt: {
			Node *b = s->kind == N_ForStmt ? s->forstmt.body : s->rangestmt.body;
			Targets in = {s, s, -1, 0};
			inner_block(&w, in, lstmt, node_pos(b), b->block.list.v, b->block.list.n);
			break;
		}
		case N_SwitchStmt:
		case N_TypeSwitchStmt: {
			Node *b = s->kind == N_SwitchStmt ? s->switchstmt.body : s->typeswitch.body;
			Targets in = {s, ctxt.continues, -1, b->block.list.n};
			for (uint32_t k = 0; k < b->block.list.n; k++) {
				Node *cc = b->block.list.v[k];
				if (cc->kind != N_CaseClause)
					continue;
				in.caseindex = (int)k;
				inner_block(&w, in, lstmt, node_pos(cc), cc->caseclause.body.v, cc->caseclause.body.n);
			}
			break;
		}
		case N_SelectStmt: {
			Node *b = s->selectstmt.body;
			Targets in = {s, ctxt.continues, -1, 0};
			for (uint32_t k = 0; k < b->block.list.n; k++) {
				Node *cc = b->block.list.v[k];
				if (cc->kind != N_CommClause)
					continue;
				inner_block(&w, in, lstmt, node_pos(cc), cc->commclause.body.v, cc->commclause.body.n);
			}
			break;
		}
		default:
			break;
		}
	}
	for (uint32_t i = 0; i < w.fwd.n; i++)
		ptrvec_push(out, w.fwd.v[i]);
	ptrvec_free(&w.fwd);
	ptrvec_free(&w.bad);
}

void check_branches(Checker *c, Node *body)
{
	if (!body || body->kind != N_BlockStmt)
		return;
	LabelScope ls = {0};
	ls.c = c;
	PtrVec fwd = {0};
	Targets none = {NULL, NULL, -1, 0};
	block_branches(&ls, NULL, none, NULL, node_pos(body), body->block.list.v, body->block.list.n, &fwd);
	for (uint32_t i = 0; i < fwd.n; i++) {
		Node *f = fwd.v[i];
		const char *name = lname(f->branch.label);
		Label *l = ptrmap_get(&ls.labels, name);
		if (l) {
			l->used = true;
			check_errorf(c, f->branch.label->ident.namepos, "goto %s jumps into block starting at %s", name, pos_str(c, l->parent->start));
		} else {
			check_errorf(c, f->branch.label->ident.namepos, "label %s not defined", name);
		}
	}
	for (uint32_t i = 0; i < ls.order.n; i++) {
		Label *l = ls.order.v[i];
		if (!l->used) {
			Node *id = l->lstmt->labeled.label;
			check_errorf(c, id->ident.namepos, "label %s defined and not used", lname(id));
		}
	}
	ptrvec_free(&fwd);
	ptrvec_free(&ls.order);
	ptrmap_free(&ls.labels);
}

/* the bodies of functions and function literals under n */
static void walk_bodies(Checker *c, Node *n)
{
	if (!n)
		return;
	if (n->kind == N_FuncDecl && n->funcdecl.body)
		check_branches(c, n->funcdecl.body);
	else if (n->kind == N_FuncLit && n->funclit.body)
		check_branches(c, n->funclit.body);
	const NodeDesc *d = &node_descs[n->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *f = &d->fields[i];
		char *base = (char *)n + f->off;
		if (f->kind == F_NODE) {
			walk_bodies(c, *(Node **)base);
		} else if (f->kind == F_LIST) {
			List *l = (List *)base;
			for (uint32_t k = 0; k < l->n; k++)
				walk_bodies(c, l->v[k]);
		}
	}
}

void check_branches_files(Checker *c)
{
	for (uint32_t i = 0; i < c->nfiles; i++)
		walk_bodies(c, c->files[i]);
}
