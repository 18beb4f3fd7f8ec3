/*
 * dom.c — analysis: the dominator tree (Cooper, Harvey and Kennedy's
 * iterative algorithm on reverse postorder), with the tree's DFS entry
 * and exit numbers so that "a dominates b" is two comparisons.
 *
 * Requires: nothing.  Results live in the Func (idom, dompre, dompost,
 * domchild, domsibling, by block id) and are recomputed when the CFG has
 * changed since (cfgversion).  Unreachable blocks have no idom and are
 * dominated by nothing (and dominate nothing but themselves).
 */
#include "ssa.h"

Block **ssa_postorder(Func *f, int *n)
{
	uint32_t nb = f->nblockids;
	Block **order = arena_alloc(&f->arena, (nb + 1) * sizeof *order);
	uint8_t *seen = xcalloc(nb + 1, 1);
	struct Frame { Block *b; int next; } *stack = xmalloc((nb + 1) * sizeof *stack);
	int sp = 0, k = 0;
	if (f->entry) {
		stack[sp++] = (struct Frame){f->entry, 0};
		seen[f->entry->id] = 1;
	}
	while (sp) {
		struct Frame *fr = &stack[sp - 1];
		if (fr->next < fr->b->nsuccs) {
			Block *c = fr->b->succs[fr->next++].b;
			if (!seen[c->id]) {
				seen[c->id] = 1;
				stack[sp++] = (struct Frame){c, 0};
			}
			continue;
		}
		order[k++] = fr->b;
		sp--;
	}
	free(seen);
	free(stack);
	*n = k;
	return order;
}

void ssa_dom(Func *f)
{
	if (f->domversion == f->cfgversion + 1)
		return;
	uint32_t nb = f->nblockids;
	int n;
	Block **po = ssa_postorder(f, &n);
	int32_t *ponum = xmalloc((nb + 1) * sizeof *ponum);
	for (uint32_t i = 0; i <= nb; i++)
		ponum[i] = -1;
	for (int i = 0; i < n; i++)
		ponum[po[i]->id] = i;
	Block **idom = arena_alloc(&f->arena, (nb + 1) * sizeof *idom);
	if (n) {
		Block *entry = po[n - 1];
		idom[entry->id] = entry;
		for (bool changed = true; changed;) {
			changed = false;
			for (int i = n - 2; i >= 0; i--) { /* reverse postorder */
				Block *b = po[i];
				Block *nd = NULL;
				for (int k = 0; k < b->npreds; k++) {
					Block *p = b->preds[k].b;
					if (ponum[p->id] < 0 || !idom[p->id])
						continue;
					if (!nd) {
						nd = p;
						continue;
					}
					Block *x = p, *y = nd; /* intersect */
					while (x != y) {
						while (ponum[x->id] < ponum[y->id])
							x = idom[x->id];
						while (ponum[y->id] < ponum[x->id])
							y = idom[y->id];
					}
					nd = x;
				}
				if (nd && idom[b->id] != nd) {
					idom[b->id] = nd;
					changed = true;
				}
			}
		}
		idom[entry->id] = NULL;
	}
	/* the tree, children in reverse postorder so walks visit in RPO-ish order */
	Block **child = arena_alloc(&f->arena, (nb + 1) * sizeof *child);
	Block **sib = arena_alloc(&f->arena, (nb + 1) * sizeof *sib);
	for (int i = 0; i < n; i++) {
		Block *b = po[i];
		Block *d = idom[b->id];
		if (d) {
			sib[b->id] = child[d->id];
			child[d->id] = b;
		}
	}
	int32_t *pre = arena_alloc(&f->arena, (nb + 1) * sizeof *pre);
	int32_t *post = arena_alloc(&f->arena, (nb + 1) * sizeof *post);
	for (uint32_t i = 0; i <= nb; i++)
		pre[i] = post[i] = -1;
	if (n) {
		Block **stack = xmalloc(((size_t)n + 1) * sizeof *stack);
		uint8_t *entered = xcalloc(nb + 1, 1);
		int sp = 0, clock = 0;
		stack[sp++] = po[n - 1];
		while (sp) {
			Block *b = stack[sp - 1];
			if (!entered[b->id]) {
				entered[b->id] = 1;
				pre[b->id] = clock++;
				for (Block *c = child[b->id]; c; c = sib[c->id])
					stack[sp++] = c;
				continue;
			}
			post[b->id] = clock++;
			sp--;
		}
		free(stack);
		free(entered);
	}
	free(ponum);
	f->idom = idom;
	f->domchild = child;
	f->domsibling = sib;
	f->dompre = pre;
	f->dompost = post;
	f->domversion = f->cfgversion + 1;
}

bool ssa_dominates(Func *f, Block *a, Block *b)
{
	ssa_dom(f);
	if (a == b)
		return true;
	int32_t pa = f->dompre[a->id], pb = f->dompre[b->id];
	if (pa < 0 || pb < 0)
		return false;
	return pa < pb && f->dompost[b->id] < f->dompost[a->id];
}
