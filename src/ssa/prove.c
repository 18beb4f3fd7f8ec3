/*
 * prove.c — transform: the basics of gc's prove pass.  A branch on a
 * condition c that is dominated by an earlier branch on the same value c
 * (reached only through one of its edges) is decided: its block becomes
 * First towards the side the earlier branch proved, and deadcode drops
 * the other edge.  A repeated bounds check (IsInBounds i n, which CSE
 * has made one value) is decided the same way.  Not yet: facts about
 * orderings (i < n implies i-1 < n, constants against lengths), gc's
 * poset.
 *
 * One walk of the dominator tree, keeping the facts proved on the way
 * down (undone on the way up): linear in the size of the function.
 * Requires: dominators, CSE first (equal conditions are one value).
 * Leaves First blocks for deadcode.
 */
#include "ssa.h"

typedef struct Prove {
	int8_t *fact;    /* by value id: +1 known true, -1 known false, 0 unknown */
	uint32_t *undo;
	int nundo;
} Prove;

static void visit(Prove *p, Block *b)
{
	/* the edge into b decides its predecessor's condition */
	if (b->npreds == 1) {
		Block *d = b->preds[0].b;
		if (d->kind == BlockIf && d->succs[0].b != d->succs[1].b) {
			Value *c = d->controls[0];
			if (!p->fact[c->id]) {
				p->fact[c->id] = b->preds[0].i == 0 ? 1 : -1;
				p->undo[p->nundo++] = c->id;
			}
		}
	}
	if (b->kind != BlockIf)
		return;
	int r = p->fact[b->controls[0]->id];
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
	Prove p = {0};
	p.fact = xcalloc(f->nvalueids + 1, 1);
	p.undo = xmalloc((f->nblockids + 1) * sizeof *p.undo);
	/* the dominator tree is not changed by turning If into First (both
	 * edges stay), so the cached tree is used throughout */
	Block **child = f->domchild, **sib = f->domsibling;
	struct Frame { Block *b; Block *next; int mark; } *stack = xmalloc((f->nblockids + 1) * sizeof *stack);
	int sp = 0;
	bool changed = false;
	if (f->entry) {
		stack[sp] = (struct Frame){f->entry, NULL, p.nundo};
		visit(&p, f->entry);
		stack[sp].next = child[f->entry->id];
		sp++;
	}
	while (sp) {
		struct Frame *fr = &stack[sp - 1];
		if (fr->next) {
			Block *c = fr->next;
			fr->next = sib[c->id];
			stack[sp] = (struct Frame){c, NULL, p.nundo};
			int k = c->kind;
			visit(&p, c);
			changed |= c->kind != k;
			stack[sp].next = child[c->id];
			sp++;
			continue;
		}
		while (p.nundo > fr->mark)
			p.fact[p.undo[--p.nundo]] = 0;
		sp--;
	}
	if (changed)
		f->cfgversion++;
	free(stack);
	free(p.fact);
	free(p.undo);
}
