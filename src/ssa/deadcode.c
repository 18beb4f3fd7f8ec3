/*
 * deadcode.c — transform: removes unreachable blocks and dead values.
 *
 * A block is reachable from the entry along successor edges (a First
 * block only through its first successor: its second edge is dropped and
 * it becomes Plain).  A value is live if a reachable block's control
 * uses it, if it has side effects (calls, nil checks, void values), or
 * if a live value uses it.  Phis whose predecessors went away lose those
 * arguments; a phi left with one argument becomes a Copy of it, and
 * (as copyelim) uses see through copies, so that no copy survives.
 *
 * Requires: nothing.  Preserves: the order of the remaining values.
 */
#include "ssa.h"

static bool keeps(Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	return (oi->flags & (OPF_SE | OPF_CALL)) || v->type->kind == SK_VOID;
}

static void reachable(Func *f, uint8_t *reach)
{
	Block **stack = xmalloc((f->nblockids + 1) * sizeof *stack);
	int sp = 0;
	if (f->entry) {
		stack[sp++] = f->entry;
		reach[f->entry->id] = 1;
	}
	while (sp) {
		Block *b = stack[--sp];
		int n = b->kind == BlockFirst ? 1 : b->nsuccs;
		for (int i = 0; i < n; i++) {
			Block *c = b->succs[i].b;
			if (!reach[c->id]) {
				reach[c->id] = 1;
				stack[sp++] = c;
			}
		}
	}
	free(stack);
}

void ssa_deadcode(Func *f)
{
	uint8_t *reach = xcalloc(f->nblockids + 1, 1);
	reachable(f, reach);
	/* First blocks: drop the edge never taken */
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (reach[b->id] && b->kind == BlockFirst) {
			ssa_block_removesucc(b, 1);
			b->kind = BlockPlain;
			b->likely = 0;
		}
	}
	/* edges from unreachable blocks into reachable ones */
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (reach[b->id])
			continue;
		while (b->nsuccs)
			ssa_block_removesucc(b, b->nsuccs - 1);
		ssa_block_resetcontrols(b);
	}
	/* one-argument phis become copies, and uses see through copies */
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			if (v->op == OpPhi && v->nargs == 1 && reach[b->id])
				ssa_value_copyof(v, v->args[0]);
		}
	}
	ssa_copyelim(f);
	/* live values */
	uint8_t *live = xcalloc(f->nvalueids + 1, 1);
	Value **work = xmalloc((f->nvalueids + 1) * sizeof *work);
	int nw = 0;
#define MARK(x) do { Value *x_ = (x); if (!live[x_->id]) { live[x_->id] = 1; work[nw++] = x_; } } while (0)
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (!reach[b->id])
			continue;
		for (int k = 0; k < b->ncontrols; k++)
			MARK(b->controls[k]);
		for (int k = 0; k < b->nvalues; k++)
			if (keeps(b->values[k]))
				MARK(b->values[k]);
	}
	while (nw) {
		Value *v = work[--nw];
		for (int k = 0; k < v->nargs; k++)
			MARK(v->args[k]);
	}
#undef MARK
	/* remove dead values (first drop their args, so use counts stay right) */
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		int j = 0;
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			if (live[v->id] && reach[b->id])
				b->values[j++] = v;
			else
				ssa_value_free(v);
		}
		b->nvalues = j;
	}
	/* remove unreachable blocks (their edges are gone), in one sweep */
	int nb = 0;
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (reach[b->id])
			f->blocks[nb++] = b;
		else
			f->blockbyid[b->id] = NULL;
	}
	if (nb != f->nblocks) {
		f->nblocks = nb;
		f->cfgversion++;
	}
	free(reach);
	free(live);
	free(work);
}
