/*
 * prove.c — transform: the basics of gc's prove pass.  A branch on a
 * condition c that is dominated by an earlier branch on the same value c
 * (reached only through one of its edges) is decided: its block becomes
 * First towards the side the earlier branch proved, and deadcode drops
 * the other edge.  A repeated bounds check (IsInBounds i n, which CSE
 * has made one value) is decided the same way.  Orderings: the edges of
 * `a < b` and `a <= b` branches are remembered, and a bounds check
 * IsInBounds x n (IsSliceInBounds) under x < n (x <= n) with x >= 0
 * (nonneg: a length, a constant, or a counting loop's induction
 * variable) is decided true: the bounds checks of `for i := range s` and
 * `for i := 0; i < len(s); i++`.  Not yet: i < n implies i-1 < n,
 * constants against lengths, gc's poset.
 *
 * One walk of the dominator tree, keeping the facts proved on the way
 * down (undone on the way up): linear in the size of the function.
 * Requires: dominators, CSE first (equal conditions are one value).
 * Leaves First blocks for deadcode.
 */
#include "ssa.h"

/* an ordering proved on the way down: a < b (strict) or a <= b, signed */
typedef struct Ord {
	Value *a, *b;
	bool strict;
} Ord;

typedef struct Prove {
	Func *f;
	int8_t *fact;    /* by value id: +1 known true, -1 known false, 0 unknown */
	uint32_t *undo;
	int nundo;
	Ord *ord;        /* a stack, like undo */
	int nord, capord;
} Prove;

static void add_ord(Prove *p, Value *a, Value *b, bool strict)
{
	if (p->nord == p->capord) {
		p->capord = p->capord ? 2 * p->capord : 16;
		p->ord = xrealloc(p->ord, (size_t)p->capord * sizeof *p->ord);
	}
	p->ord[p->nord++] = (Ord){a, b, strict};
}

/* is a < b (strict) or a <= b (!strict) known here? */
static bool have_ord(Prove *p, Value *a, Value *b, bool strict)
{
	for (int i = p->nord - 1; i >= 0; i--)
		if (p->ord[i].a == a && p->ord[i].b == b && (p->ord[i].strict || !strict))
			return true;
	return false;
}

static bool is_const(Value *v, int64_t c)
{
	return (v->op == OpConst64 || v->op == OpConst32) && v->auxint == c;
}

/* Is x >= 0 always?  Constants, lengths, and the induction variable of a
 * counting loop: x = Phi(start >= 0, x+1) in a header that branches on
 * x < y, with the increment only on the path where x < y held (so x+1
 * <= y cannot overflow) — gc's findIndVar, for step 1. */
static bool nonneg(Prove *p, Value *x, int depth)
{
	switch (x->op) {
	case OpConst64: case OpConst32: case OpConst16: case OpConst8:
		return x->auxint >= 0;
	case OpSliceLen: case OpSliceCap: case OpStringLen:
		return true;
	case OpPhi:
		break;
	default:
		return false;
	}
	if (depth <= 0)
		return false;
	Block *h = x->block;
	if (h->kind != BlockIf || h->controls[0]->op != OpLess64 || h->controls[0]->args[0] != x)
		return false;
	Block *body = h->succs[0].b;
	if (body->npreds != 1 || body == h->succs[1].b)
		return false;
	for (int i = 0; i < x->nargs; i++) {
		Value *a = x->args[i];
		if (a->op == OpAdd64 && ((a->args[0] == x && is_const(a->args[1], 1)) ||
					 (a->args[1] == x && is_const(a->args[0], 1)))) {
			if (!ssa_dominates(p->f, body, a->block))
				return false;
			continue;
		}
		if (a == x || !nonneg(p, a, depth - 1))
			return false;
	}
	return true;
}

/* the decision on b's control from the orderings, 0 if none */
static int decide_bounds(Prove *p, Value *c)
{
	if (c->op != OpIsInBounds && c->op != OpIsSliceInBounds)
		return 0;
	Value *x = c->args[0], *n = c->args[1];
	if (!have_ord(p, x, n, c->op == OpIsInBounds))
		return 0;
	return nonneg(p, x, 2) ? 1 : 0;
}

static void visit(Prove *p, Block *b)
{
	/* the edge into b decides its predecessor's condition */
	if (b->npreds == 1) {
		Block *d = b->preds[0].b;
		if (d->kind == BlockIf && d->succs[0].b != d->succs[1].b) {
			Value *c = d->controls[0];
			bool taken = b->preds[0].i == 0;
			if (!p->fact[c->id]) {
				p->fact[c->id] = taken ? 1 : -1;
				p->undo[p->nundo++] = c->id;
			}
			if (c->op == OpLess64)
				taken ? add_ord(p, c->args[0], c->args[1], true) : add_ord(p, c->args[1], c->args[0], false);
			else if (c->op == OpLeq64)
				taken ? add_ord(p, c->args[0], c->args[1], false) : add_ord(p, c->args[1], c->args[0], true);
		}
	}
	if (b->kind != BlockIf)
		return;
	int r = p->fact[b->controls[0]->id];
	if (!r)
		r = decide_bounds(p, b->controls[0]);
	if (!r)
		return;
	if (r < 0) {
		Edge e0 = b->succs[0], e1 = b->succs[1];
		b->succs[0] = e1;
		b->succs[1] = e0;
		e1.b->preds[e1.i].i = 0;
		e0.b->preds[e0.i].i = 1;
	}
	ssa_block_resetcontrols(b);
	b->kind = BlockFirst;
	b->likely = 0;
}

void ssa_prove(Func *f)
{
	ssa_dom(f);
	Prove p = {.f = f};
	p.fact = xcalloc(f->nvalueids + 1, 1);
	p.undo = xmalloc((f->nblockids + 1) * sizeof *p.undo);
	/* the dominator tree is not changed by turning If into First (both
	 * edges stay), so the cached tree is used throughout */
	Block **child = f->domchild, **sib = f->domsibling;
	struct Frame { Block *b; Block *next; int mark, omark; } *stack = xmalloc((f->nblockids + 1) * sizeof *stack);
	int sp = 0;
	bool changed = false;
	if (f->entry) {
		stack[sp] = (struct Frame){f->entry, NULL, p.nundo, p.nord};
		visit(&p, f->entry);
		stack[sp].next = child[f->entry->id];
		sp++;
	}
	while (sp) {
		struct Frame *fr = &stack[sp - 1];
		if (fr->next) {
			Block *c = fr->next;
			fr->next = sib[c->id];
			stack[sp] = (struct Frame){c, NULL, p.nundo, p.nord};
			int k = c->kind;
			visit(&p, c);
			changed |= c->kind != k;
			stack[sp].next = child[c->id];
			sp++;
			continue;
		}
		while (p.nundo > fr->mark)
			p.fact[p.undo[--p.nundo]] = 0;
		p.nord = fr->omark;
		sp--;
	}
	if (changed)
		f->cfgversion++;
	free(stack);
	free(p.fact);
	free(p.undo);
	free(p.ord);
}
