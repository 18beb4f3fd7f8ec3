/*
 * copyelim.c — transform: every use of a Copy (argument or control) is
 * replaced by the copied value (following chains of copies).  The Copy
 * values themselves are left for deadcode.
 *
 * Requires: nothing.  Preserves: the CFG.
 */
#include "ssa.h"

static Value *copysource(Value *v)
{
	Value *w = v;
	for (uint32_t n = 0; w->op == OpCopy; n++) {
		w = w->args[0];
		if (n > w->block->func->nvalueids)
			return v; /* a cycle of copies: only in unreachable code */
	}
	return w;
}

void ssa_copyelim(Func *f)
{
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			for (int j = 0; j < v->nargs; j++)
				if (v->args[j]->op == OpCopy) {
					Value *w = copysource(v->args[j]);
					if (w != v->args[j])
						ssa_value_setarg(v, j, w);
				}
		}
		for (int j = 0; j < b->ncontrols; j++)
			if (b->controls[j] && b->controls[j]->op == OpCopy)
				ssa_block_setcontrol(b, j, copysource(b->controls[j]));
	}
}
