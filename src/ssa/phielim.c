/*
 * phielim.c — transform: a phi whose arguments are all one value w, or
 * itself (v = Phi(w, v, w)), is that value: it becomes Copy w.  Repeats
 * until nothing changes, so phis of phis fold too (trivial phi removal).
 *
 * Requires: nothing.  Preserves: the CFG.  Leaves copies: run copyelim.
 */
#include "ssa.h"

static Value *skipcopies(Value *v)
{
	for (int n = 0; v->op == OpCopy && n < 1000; n++)
		v = v->args[0];
	return v;
}

static bool phielim_value(Value *v)
{
	Value *w = NULL;
	for (int i = 0; i < v->nargs; i++) {
		Value *a = skipcopies(v->args[i]);
		if (a == v)
			continue;
		if (w && a != w)
			return false;
		w = a;
	}
	if (!w)
		return false; /* only self-references: unreachable */
	ssa_value_copyof(v, w);
	return true;
}

void ssa_phielim(Func *f)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < f->nblocks; i++) {
			Block *b = f->blocks[i];
			for (int k = 0; k < b->nvalues; k++)
				if (b->values[k]->op == OpPhi && phielim_value(b->values[k]))
					changed = true;
		}
	}
}
