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
 * Requires: dominators, CSE first (equal conditions are one value).
 * Leaves First blocks for deadcode.
 */
#include "ssa.h"

/* does control reach b only through edge `side` of the If block d? */
static int implied(Func *f, Block *b, Value *c)
{
	/* walk up the dominator tree; an If on c at d whose successor s on
	 * our path dominates b and has d as its only predecessor decides c */
	for (Block *s = b; s; s = f->idom[s->id]) {
		if (s->npreds != 1)
			continue;
		Block *d = s->preds[0].b;
		if (d->kind != BlockIf || d->controls[0] != c || d->succs[0].b == d->succs[1].b)
			continue;
		return s->preds[0].i == 0 ? 1 : -1;
	}
	return 0;
}

void ssa_prove(Func *f)
{
	ssa_dom(f);
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (b->kind != BlockIf || f->dompre[b->id] < 0)
			continue;
		int r = implied(f, b, b->controls[0]);
		if (!r)
			continue;
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
		f->cfgversion++;
	}
}
