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

/*
 * ssa_looprotate — transform (gc's looprotate, differently done): moves
 * each loop header that ends in a two-way branch to just after its last
 * latch, so that the loop's test sits at the bottom and the back edge is
 * the header's conditional jump, not a JMP to the top followed by a test
 * that is not taken each iteration.  The loop is entered by one JMP to
 * the header.
 *
 * A header here is an If block h, not the entry, with a Plain
 * predecessor p that h dominates and that comes after h in the order (a
 * back edge), and whose next block is one of its successors that h
 * dominates (the loop's body falls through from the test).  p is the
 * latest such predecessor.  Only headers move, each once, after a block
 * that never moves (a Plain one), so the latches keep their order.  The
 * header's in-loop successor is marked likely, so that it gets the
 * conditional jump when neither successor follows h.
 *
 * Meant to run after register allocation (as in gc): the allocator's
 * linear order keeps each loop's header first.  Changes f->blocks' order
 * and the likely marks of the moved headers.
 */
void ssa_looprotate(Func *f)
{
	int n = f->nblocks;
	if (n < 3)
		return;
	uint32_t nb = f->nblockids + 1;
	int32_t *pos = xmalloc(nb * sizeof *pos);
	Block **next = xcalloc(nb, sizeof *next), **prev = xcalloc(nb, sizeof *prev);
	for (int i = 0; i < n; i++) {
		Block *b = f->blocks[i];
		pos[b->id] = i;
		next[b->id] = i + 1 < n ? f->blocks[i + 1] : NULL;
		prev[b->id] = i > 0 ? f->blocks[i - 1] : NULL;
	}
	bool moved = false;
	for (int i = 1; i < n; i++) {
		Block *h = f->blocks[i];
		if (h->kind != BlockIf || h->nsuccs != 2)
			continue;
		Block *p = NULL;
		for (int j = 0; j < h->npreds; j++) {
			Block *q = h->preds[j].b;
			if (q->kind == BlockPlain && q->nsuccs == 1 && pos[q->id] > pos[h->id] &&
			    (!p || pos[q->id] > pos[p->id]) && ssa_dominates(f, h, q))
				p = q;
		}
		if (!p)
			continue;
		Block *body = next[h->id];
		int in = body == h->succs[0].b ? 0 : body == h->succs[1].b ? 1 : -1;
		if (in < 0 || !ssa_dominates(f, h, body))
			continue;
		/* unlink h (it has a predecessor in the list: it is not first) */
		next[prev[h->id]->id] = body;
		prev[body->id] = prev[h->id];
		/* and put it after p */
		Block *after = next[p->id];
		next[p->id] = h;
		prev[h->id] = p;
		next[h->id] = after;
		if (after)
			prev[after->id] = h;
		h->likely = (int8_t)(in == 0 ? 1 : -1);
		moved = true;
	}
	if (moved) {
		int k = 0;
		for (Block *b = f->blocks[0]; b; b = next[b->id])
			f->blocks[k++] = b;
		if (k != n)
			fatal("looprotate: lost blocks (%d of %d)", k, n);
	}
	free(pos);
	free(next);
	free(prev);
}
