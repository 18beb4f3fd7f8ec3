/*
 * layout.c — transform: orders the blocks for fall-through (gc's
 * layout.go, simplified).  Starting from the entry, the next block is
 * chosen among the successors of the block just placed: the likely one
 * first, then one whose predecessors are all placed; else the block that
 * most recently had its last predecessor placed; else any unplaced
 * successor; else the first unplaced block in the old order.  Exit
 * blocks (panics) go last, so the hot path stays contiguous.
 *
 * Linear: each block keeps its count of unplaced predecessors, and the
 * blocks whose count reached zero wait on a stack.
 * Requires: no unreachable blocks (run deadcode first).  Changes only
 * f->blocks' order.
 */
#include "ssa.h"

void ssa_layout(Func *f)
{
	int n = f->nblocks;
	if (n < 2)
		return;
	uint8_t *placed = xcalloc(f->nblockids + 1, 1);
	int32_t *unplaced = xcalloc(f->nblockids + 1, sizeof *unplaced);
	Block **ready = xmalloc(((size_t)n + 1) * sizeof *ready);
	int nready = 0, cursor = 0, exitcursor = 0;
	for (int i = 0; i < n; i++)
		unplaced[f->blocks[i]->id] = f->blocks[i]->npreds;
	Block **order = arena_alloc(&f->arena, (size_t)n * sizeof *order);
	int k = 0;
	Block *b = f->entry;
	while (b) {
		placed[b->id] = 1;
		order[k++] = b;
		for (int i = 0; i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			if (--unplaced[s->id] == 0 && !placed[s->id] && s->kind != BlockExit)
				ready[nready++] = s;
		}
		Block *next = NULL;
		if (b->nsuccs == 2 && b->likely) {
			Block *s = b->succs[b->likely > 0 ? 0 : 1].b;
			if (!placed[s->id] && s->kind != BlockExit)
				next = s;
		}
		for (int i = 0; !next && i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			if (!placed[s->id] && s->kind != BlockExit && unplaced[s->id] <= 0)
				next = s;
		}
		while (!next && nready) {
			Block *s = ready[--nready];
			if (!placed[s->id])
				next = s;
		}
		for (int i = 0; !next && i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			if (!placed[s->id] && s->kind != BlockExit)
				next = s;
		}
		for (; !next && cursor < n; cursor++) {
			Block *c = f->blocks[cursor];
			if (!placed[c->id] && c->kind != BlockExit)
				next = c;
		}
		for (; !next && exitcursor < n; exitcursor++) /* exits, in the old order */
			if (!placed[f->blocks[exitcursor]->id])
				next = f->blocks[exitcursor];
		b = next;
	}
	if (k == n)
		memcpy(f->blocks, order, (size_t)n * sizeof *order);
	free(placed);
	free(unplaced);
	free(ready);
}
