/*
 * layout.c — transform: orders the blocks for fall-through (gc's
 * layout.go, simplified).  Starting from the entry, the next block is
 * chosen among the successors of the block just placed: the likely one
 * first, then one whose predecessors are all placed; else the first block
 * (old order) whose predecessors are all placed, else any unplaced
 * successor, else the block with the fewest unplaced predecessors.  Exit blocks (panics) go
 * last, so the hot path stays contiguous.
 *
 * Requires: no unreachable blocks (run deadcode first).  Changes only
 * f->blocks' order.
 */
#include "ssa.h"

static int unplaced_preds(Block *b, const uint8_t *placed)
{
	int n = 0;
	for (int i = 0; i < b->npreds; i++)
		if (!placed[b->preds[i].b->id])
			n++;
	return n;
}

void ssa_layout(Func *f)
{
	int n = f->nblocks;
	if (n < 2)
		return;
	uint8_t *placed = xcalloc(f->nblockids + 1, 1);
	Block **order = arena_alloc(&f->arena, (size_t)n * sizeof *order);
	int k = 0;
	Block *b = f->entry;
	while (b) {
		placed[b->id] = 1;
		order[k++] = b;
		Block *next = NULL;
		/* the likely successor, if it is not an exit */
		if (b->nsuccs == 2 && b->likely) {
			Block *s = b->succs[b->likely > 0 ? 0 : 1].b;
			if (!placed[s->id] && s->kind != BlockExit)
				next = s;
		}
		/* a successor whose predecessors are all placed (the straight line) */
		for (int i = 0; !next && i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			if (!placed[s->id] && s->kind != BlockExit && unplaced_preds(s, placed) == 0)
				next = s;
		}
		/* a block anywhere whose predecessors are all placed */
		for (int i = 0; !next && i < n; i++) {
			Block *c = f->blocks[i];
			if (!placed[c->id] && c->kind != BlockExit && unplaced_preds(c, placed) == 0)
				next = c;
		}
		for (int i = 0; !next && i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			if (!placed[s->id] && s->kind != BlockExit)
				next = s;
		}
		/* else the unplaced non-exit block with the fewest unplaced preds */
		int best = 1 << 30;
		for (int i = 0; !next && i < n; i++) {
			Block *c = f->blocks[i];
			if (placed[c->id] || c->kind == BlockExit)
				continue;
			int u = unplaced_preds(c, placed);
			if (u < best) {
				best = u;
				next = c;
			}
		}
		for (int i = 0; i < n && best == 1 << 30 && !next; i++)
			if (!placed[f->blocks[i]->id])
				next = f->blocks[i];
		b = next;
	}
	if (k == n)
		memcpy(f->blocks, order, (size_t)n * sizeof *order);
	free(placed);
}
