/*
 * cse.c — transform: common-subexpression elimination by partition
 * refinement (gc's cse.go, after Alpern, Wegman and Zadeck).
 *
 * Values start in classes of equal (op, type, auxint, aux, argument
 * count; and block, for phis); a class is split until all its members'
 * arguments are pairwise in the same classes (for commutative ops, as
 * unordered pairs).  Then each member is replaced by an equal member
 * that dominates it (earlier in the same block, or in a dominating
 * block), so the replacement is defined wherever the original was used.
 * Memory values and ops with side effects are never merged; loads are,
 * when they read the same memory state.
 *
 * Requires: dominators (computed here).  Leaves the replaced values for
 * deadcode.  Preserves: the CFG.
 */
#include "ssa.h"

typedef struct Cse {
	Func *f;
	int32_t *cls;   /* by value id: class, -1 if not considered */
	int32_t *idx;   /* by value id: index in its block */
	Value **vals;   /* considered values */
	int n;
} Cse;

static Cse *cur; /* qsort has no context argument */

static bool eligible(Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	if (oi->flags & (OPF_SE | OPF_CALL | OPF_NOCSE))
		return false;
	if (v->type->kind == SK_MEM || v->type->kind == SK_VOID)
		return false;
	/* a tuple with memory is a call or MakeResult: an effect */
	if (v->type->kind == SK_TUPLE && v->op != OpSelectN)
		return false;
	return v->op != OpCopy && v->op != OpInvalid;
}

static int cmp_aux(const SsaAux *a, const SsaAux *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? 1 : -1;
	if (a->s.n != b->s.n)
		return a->s.n < b->s.n ? -1 : 1;
	int c = memcmp(a->s.p, b->s.p, a->s.n);
	if (c)
		return c;
	if (a->obj != b->obj)
		return (uintptr_t)a->obj < (uintptr_t)b->obj ? -1 : 1;
	return 0;
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

static int cmp_key(const void *pa, const void *pb)
{
	const Value *a = *(Value *const *)pa, *b = *(Value *const *)pb;
	CMP(a->op, b->op);
	CMP((uintptr_t)a->type, (uintptr_t)b->type);
	CMP(a->auxint, b->auxint);
	CMP(a->nargs, b->nargs);
	if (a->op == OpPhi)
		CMP(a->block->id, b->block->id);
	int c = cmp_aux(a->aux, b->aux);
	if (c)
		return c;
	return 0;
}

/* the classes of v's arguments, commutative pairs in order */
static void argclasses(Value *v, int32_t *out)
{
	for (int i = 0; i < v->nargs; i++)
		out[i] = cur->cls[v->args[i]->id];
	if (ssa_op_comm((Op)v->op) && v->nargs >= 2 && out[0] > out[1]) {
		int32_t t = out[0];
		out[0] = out[1];
		out[1] = t;
	}
}

static int cmp_args(const void *pa, const void *pb)
{
	Value *a = *(Value *const *)pa, *b = *(Value *const *)pb;
	CMP(cur->cls[a->id], cur->cls[b->id]);
	int32_t ca[8], cb[8];
	int n = a->nargs;
	if (n > 8) {
		for (int i = 0; i < n; i++)
			CMP(cur->cls[a->args[i]->id], cur->cls[b->args[i]->id]);
		return 0;
	}
	argclasses(a, ca);
	argclasses(b, cb);
	for (int i = 0; i < n; i++)
		CMP(ca[i], cb[i]);
	return 0;
}

/* dominator-tree order: the dominator's members come first */
static int cmp_dom(const void *pa, const void *pb)
{
	Value *a = *(Value *const *)pa, *b = *(Value *const *)pb;
	CMP(cur->cls[a->id], cur->cls[b->id]);
	CMP(cur->f->dompre[a->block->id], cur->f->dompre[b->block->id]);
	CMP(cur->idx[a->id], cur->idx[b->id]);
	return 0;
}

static bool same_args(Value *a, Value *b)
{
	int32_t ca[8], cb[8];
	if (a->nargs > 8) {
		for (int i = 0; i < a->nargs; i++)
			if (cur->cls[a->args[i]->id] != cur->cls[b->args[i]->id])
				return false;
		return true;
	}
	argclasses(a, ca);
	argclasses(b, cb);
	for (int i = 0; i < a->nargs; i++)
		if (ca[i] != cb[i])
			return false;
	return true;
}

static bool dominates_value(Func *f, Value *a, Value *b)
{
	if (a->block == b->block)
		return cur->idx[a->id] < cur->idx[b->id];
	return ssa_dominates(f, a->block, b->block);
}

void ssa_cse(Func *f)
{
	ssa_dom(f);
	Cse c = {.f = f};
	cur = &c;
	c.cls = xmalloc((f->nvalueids + 1) * sizeof *c.cls);
	c.idx = xcalloc(f->nvalueids + 1, sizeof *c.idx);
	c.vals = xmalloc((f->nvalueids + 1) * sizeof *c.vals);
	for (uint32_t i = 0; i <= f->nvalueids; i++)
		c.cls[i] = -1 - (int32_t)i; /* a class of its own */
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		if (f->dompre[b->id] < 0)
			continue; /* unreachable */
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			c.idx[v->id] = k;
			if (eligible(v))
				c.vals[c.n++] = v;
		}
	}
	/* initial partition */
	qsort(c.vals, (size_t)c.n, sizeof *c.vals, cmp_key);
	int32_t ncls = 0;
	for (int i = 0; i < c.n; i++) {
		if (i > 0 && cmp_key(&c.vals[i - 1], &c.vals[i]) != 0)
			ncls++;
		c.cls[c.vals[i]->id] = ncls;
	}
	/* refine until stable: split classes whose members' args differ */
	for (bool split = true; split;) {
		split = false;
		qsort(c.vals, (size_t)c.n, sizeof *c.vals, cmp_args);
		int32_t next = 0;
		int32_t *newcls = xmalloc((size_t)c.n * sizeof *newcls);
		for (int i = 0; i < c.n; i++) {
			if (i > 0) {
				Value *p = c.vals[i - 1], *v = c.vals[i];
				if (c.cls[p->id] != c.cls[v->id])
					next++;
				else if (!same_args(p, v)) {
					next++;
					split = true;
				}
			}
			newcls[i] = next;
		}
		for (int i = 0; i < c.n; i++)
			c.cls[c.vals[i]->id] = newcls[i];
		free(newcls);
	}
	/* replace members by dominating equal members */
	qsort(c.vals, (size_t)c.n, sizeof *c.vals, cmp_dom);
	Value **rewrite = xcalloc(f->nvalueids + 1, sizeof *rewrite);
	Value **reps = xmalloc(((size_t)c.n + 1) * sizeof *reps);
	for (int i = 0; i < c.n;) {
		int j = i;
		while (j < c.n && c.cls[c.vals[j]->id] == c.cls[c.vals[i]->id])
			j++;
		int nreps = 0;
		for (int k = i; k < j; k++) {
			Value *v = c.vals[k];
			Value *r = NULL;
			for (int q = 0; q < nreps && !r; q++)
				if (dominates_value(f, reps[q], v))
					r = reps[q];
			if (r)
				rewrite[v->id] = r;
			else
				reps[nreps++] = v;
		}
		i = j;
	}
	for (int i = 0; i < f->nblocks; i++) {
		Block *b = f->blocks[i];
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			for (int a = 0; a < v->nargs; a++) {
				Value *w = rewrite[v->args[a]->id];
				if (w)
					ssa_value_setarg(v, a, w);
			}
		}
		for (int k = 0; k < b->ncontrols; k++) {
			Value *w = b->controls[k] ? rewrite[b->controls[k]->id] : NULL;
			if (w)
				ssa_block_setcontrol(b, k, w);
		}
	}
	free(rewrite);
	free(reps);
	free(c.cls);
	free(c.idx);
	free(c.vals);
	cur = NULL;
}
