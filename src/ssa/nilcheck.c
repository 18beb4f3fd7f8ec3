/*
 * nilcheck.c — transform: removes nil checks of pointers already known
 * to be non-nil (gc's nilcheckelim).  A pointer is known non-nil below,
 * in dominator order:
 *   - a NilCheck of it (the one that stays);
 *   - a load, store, zero or move through it (it would have faulted);
 *   - a branch on IsNonNil p / NeqPtr p nil / EqPtr p nil that leads only
 *     to this block on the non-nil side;
 *   - its definition: Addr, LocalAddr, GetG, and OffPtr of a non-nil
 *     pointer.
 * Requires: dominators (computed here).  Preserves: the CFG.
 */
#include "ssa.h"

typedef struct NC {
	Func *f;
	uint8_t *nonnil;  /* by value id */
	uint32_t *undo;   /* ids set non-nil, to clear when leaving a subtree */
	int nundo;
	bool changed;
} NC;

static void mark(NC *nc, Value *p)
{
	if (nc->nonnil[p->id])
		return;
	nc->nonnil[p->id] = 1;
	nc->undo[nc->nundo++] = p->id;
}

static bool known(NC *nc, Value *p)
{
	if (nc->nonnil[p->id])
		return true;
	switch (p->op) {
	case OpAddr: case OpLocalAddr: case OpGetG: return true;
	case OpOffPtr: return known(nc, p->args[0]);
	}
	return false;
}

/* the pointer that the edge pred -> b proves non-nil, if any */
static Value *edge_fact(Block *b)
{
	if (b->npreds != 1)
		return NULL;
	Block *p = b->preds[0].b;
	int taken = b->preds[0].i; /* 0: the true edge */
	if (p->kind != BlockIf || p->succs[0].b == p->succs[1].b)
		return NULL;
	Value *c = p->controls[0];
	if (c->op == OpIsNonNil && taken == 0)
		return c->args[0];
	if ((c->op == OpNeqPtr && taken == 0) || (c->op == OpEqPtr && taken == 1)) {
		if (c->args[1]->op == OpConstNil)
			return c->args[0];
		if (c->args[0]->op == OpConstNil)
			return c->args[1];
	}
	return NULL;
}

static void visit(NC *nc, Block *b)
{
	Value *fact = edge_fact(b);
	if (fact)
		mark(nc, fact);
	int j = 0;
	for (int k = 0; k < b->nvalues; k++) {
		Value *v = b->values[k];
		if (v->op == OpNilCheck) {
			if (known(nc, v->args[0]) && v->uses == 0) {
				ssa_value_free(v);
				nc->changed = true;
				continue;
			}
			mark(nc, v->args[0]);
		} else if (ssa_ops[v->op].flags & OPF_FAULT)
			mark(nc, v->args[0]);
		b->values[j++] = v;
	}
	b->nvalues = j;
}

void ssa_nilcheckelim(Func *f)
{
	ssa_dom(f);
	NC nc = {.f = f};
	nc.nonnil = xcalloc(f->nvalueids + 1, 1);
	nc.undo = xmalloc((f->nvalueids + 1) * sizeof *nc.undo);
	/* iterative DFS over the dominator tree, with undo marks */
	struct Frame { Block *b; Block *child; int mark; } *stack =
		xmalloc((f->nblockids + 1) * sizeof *stack);
	int sp = 0;
	if (f->entry) {
		stack[sp++] = (struct Frame){f->entry, NULL, 0};
		stack[0].mark = nc.nundo;
		visit(&nc, f->entry);
		stack[0].child = f->domchild[f->entry->id];
	}
	while (sp) {
		struct Frame *fr = &stack[sp - 1];
		if (fr->child) {
			Block *c = fr->child;
			fr->child = f->domsibling[c->id];
			stack[sp] = (struct Frame){c, NULL, nc.nundo};
			visit(&nc, c);
			stack[sp].child = f->domchild[c->id];
			sp++;
			continue;
		}
		while (nc.nundo > fr->mark)
			nc.nonnil[nc.undo[--nc.nundo]] = 0;
		sp--;
	}
	free(stack);
	free(nc.nonnil);
	free(nc.undo);
}
