/*
 * regalloc.c — register allocation: liveness, live intervals and a
 * linear scan (Poletto and Sarkar's), over the virtual registers that
 * lower.c gave each word of each value.
 *
 * Positions: the blocks in layout order, each with a start position
 * (where its phis are defined and its live-in values must be), one
 * position per scheduled value (its definition and the reads of its
 * arguments), and an end position (the block's controls and the phi moves
 * to its successor).  A virtual register's interval is one range
 * [start, end] from its first to its last position, holes included.
 * Intervals are closed, so a value never gets the register of an
 * argument that dies where it is defined: the emitter may write the
 * result before it has read all the arguments.
 *
 * Allocation: one location per virtual register for its whole life: a
 * register, or a spill slot when none is free (the interval that ends
 * last is spilled) or when the interval spans a call (ABI0 and the C
 * calls clobber every allocatable register).  Parameters stay in their
 * incoming slots.  Spill slots are reused by intervals that do not
 * overlap.  Requires lower.c; gives CodeGen.pos, bstart/bend, loc, spillsize.
 */
#include "backend.h"

static const int8_t gprs[] = {REG_BX, REG_SI, REG_DI, REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R15};
static const int8_t xmms[] = {REG_X0, REG_X1, REG_X2, REG_X3, REG_X4, REG_X5, REG_X6, REG_X7,
			      REG_X8, REG_X9, REG_X10, REG_X11, REG_X12, REG_X13};

typedef struct Live {
	CodeGen *g;
	int words;        /* bitset words per block */
	uint64_t *livein, *liveout;
	int32_t *start, *end; /* by vreg */
} Live;

static inline void bs_set(uint64_t *s, uint32_t i) { s[i / 64] |= UINT64_C(1) << (i % 64); }
static inline void bs_clr(uint64_t *s, uint32_t i) { s[i / 64] &= ~(UINT64_C(1) << (i % 64)); }

/* does the value have registers or slots of its own? (virtual ones are
 * seen through: their arguments are what is live) */
static bool tracked(CodeGen *g, Value *v) { return g->vr0[v->id] >= 0; }

/* marks the values that a use of v at a point needs */
static void use_set(CodeGen *g, uint64_t *set, Value *v)
{
	if (tracked(g, v)) {
		bs_set(set, v->id);
		return;
	}
	if (g->virt[v->id])
		for (int i = 0; i < v->nargs; i++)
			use_set(g, set, v->args[i]);
}

static void use_pos(Live *lv, Value *v, int32_t p)
{
	CodeGen *g = lv->g;
	if (tracked(g, v)) {
		for (int w = 0; w < g->nw[v->id]; w++) {
			int r = g->vr0[v->id] + w;
			if (p < lv->start[r])
				lv->start[r] = p;
			if (p > lv->end[r])
				lv->end[r] = p;
		}
		return;
	}
	if (g->virt[v->id])
		for (int i = 0; i < v->nargs; i++)
			use_pos(lv, v->args[i], p);
}

static void liveness(Live *lv)
{
	CodeGen *g = lv->g;
	Func *f = g->f;
	int nb = (int)f->nblockids;
	lv->words = (int)(f->nvalueids / 64 + 1);
	size_t sz = (size_t)nb * (size_t)lv->words;
	lv->livein = xcalloc(sz, sizeof(uint64_t));
	lv->liveout = xcalloc(sz, sizeof(uint64_t));
	uint64_t *gen = xcalloc(sz, sizeof(uint64_t));
	uint64_t *kill = xcalloc(sz, sizeof(uint64_t));
	uint64_t *tmp = xcalloc((size_t)lv->words, sizeof(uint64_t));
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		uint64_t *gb = gen + (size_t)b->id * lv->words, *kb = kill + (size_t)b->id * lv->words;
		for (int i = 0; i < b->nvalues; i++)
			bs_set(kb, b->values[i]->id);
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			if (v->op == OpPhi)
				continue;
			for (int j = 0; j < v->nargs; j++) {
				memset(tmp, 0, (size_t)lv->words * sizeof *tmp);
				use_set(g, tmp, v->args[j]);
				for (int w = 0; w < lv->words; w++)
					gb[w] |= tmp[w] & ~kb[w];
			}
		}
		for (int c = 0; c < b->ncontrols; c++) {
			if (!b->controls[c])
				continue;
			memset(tmp, 0, (size_t)lv->words * sizeof *tmp);
			use_set(g, tmp, b->controls[c]);
			for (int w = 0; w < lv->words; w++)
				gb[w] |= tmp[w] & ~kb[w];
		}
	}
	int npo;
	Block **po = ssa_postorder(f, &npo);
	bool changed = true;
	while (changed) {
		changed = false;
		for (int k = 0; k < npo; k++) {
			Block *b = po[k];
			uint64_t *out = lv->liveout + (size_t)b->id * lv->words;
			memset(tmp, 0, (size_t)lv->words * sizeof *tmp);
			for (int i = 0; i < b->nsuccs; i++) {
				Block *s = b->succs[i].b;
				int j = b->succs[i].i;
				uint64_t *sin = lv->livein + (size_t)s->id * lv->words;
				for (int w = 0; w < lv->words; w++)
					tmp[w] |= sin[w];
				for (int q = 0; q < s->nvalues; q++) {
					Value *p = s->values[q];
					if (p->op == OpPhi)
						bs_clr(tmp, p->id);
				}
				for (int q = 0; q < s->nvalues; q++) {
					Value *p = s->values[q];
					if (p->op == OpPhi)
						use_set(g, tmp, p->args[j]);
				}
			}
			memcpy(out, tmp, (size_t)lv->words * sizeof *tmp);
			uint64_t *in = lv->livein + (size_t)b->id * lv->words;
			uint64_t *gb = gen + (size_t)b->id * lv->words, *kb = kill + (size_t)b->id * lv->words;
			for (int w = 0; w < lv->words; w++) {
				uint64_t nv = gb[w] | (out[w] & ~kb[w]);
				if (nv != in[w]) {
					in[w] = nv;
					changed = true;
				}
			}
		}
	}
	free(gen);
	free(kill);
	free(tmp);
}

static void positions(CodeGen *g)
{
	Func *f = g->f;
	g->pos = xcalloc(f->nvalueids + 1, sizeof *g->pos);
	g->bstart = xcalloc(f->nblockids + 1, sizeof *g->bstart);
	g->bend = xcalloc(f->nblockids + 1, sizeof *g->bend);
	int32_t p = 0;
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		g->bstart[b->id] = p++;
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			g->pos[v->id] = v->op == OpPhi ? g->bstart[b->id] : p++;
		}
		g->bend[b->id] = p++;
	}
}

static void intervals(Live *lv)
{
	CodeGen *g = lv->g;
	Func *f = g->f;
	lv->start = xmalloc((size_t)(g->nvreg + 1) * sizeof *lv->start);
	lv->end = xmalloc((size_t)(g->nvreg + 1) * sizeof *lv->end);
	for (int r = 0; r < g->nvreg; r++) {
		int32_t p = g->pos[g->vrval[r]];
		lv->start[r] = lv->end[r] = p;
	}
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			if (v->op == OpPhi) {
				for (int j = 0; j < v->nargs; j++)
					use_pos(lv, v->args[j], g->bend[b->preds[j].b->id]);
				continue;
			}
			if (g->virt[v->id])
				continue; /* its arguments are used where it is */
			for (int j = 0; j < v->nargs; j++)
				use_pos(lv, v->args[j], g->pos[v->id]);
		}
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				use_pos(lv, b->controls[c], g->bend[b->id]);
		uint64_t *in = lv->livein + (size_t)b->id * lv->words;
		uint64_t *out = lv->liveout + (size_t)b->id * lv->words;
		for (int w = 0; w < lv->words; w++) {
			for (uint64_t m = in[w]; m; m &= m - 1) {
				uint32_t id = (uint32_t)(w * 64 + __builtin_ctzll(m));
				use_pos(lv, f->values[id], g->bstart[b->id]);
			}
			for (uint64_t m = out[w]; m; m &= m - 1) {
				uint32_t id = (uint32_t)(w * 64 + __builtin_ctzll(m));
				use_pos(lv, f->values[id], g->bend[b->id]);
			}
		}
	}
	/* A Defer block's second successor (the recovery path) runs after a
	 * panic anywhere later in the function has been recovered, not after
	 * the Defer block itself: what is live into it (the addresses of
	 * named results on the heap) keeps its location for the whole
	 * function, or a later value could take its slot. */
	int32_t last = f->nblocks ? g->bend[f->blocks[f->nblocks - 1]->id] : 0;
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		if (b->kind != BlockDefer || b->nsuccs < 2)
			continue;
		uint64_t *in = lv->livein + (size_t)b->succs[1].b->id * lv->words;
		for (int w = 0; w < lv->words; w++)
			for (uint64_t m = in[w]; m; m &= m - 1) {
				uint32_t id = (uint32_t)(w * 64 + __builtin_ctzll(m));
				use_pos(lv, f->values[id], 0);
				use_pos(lv, f->values[id], last);
			}
	}
}

static Live *sort_lv;
static int by_start(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	if (sort_lv->start[x] != sort_lv->start[y])
		return sort_lv->start[x] < sort_lv->start[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

void amd64_regalloc(CodeGen *g)
{
	Func *f = g->f;
	f->pass = "regalloc";
	positions(g);
	Live lv = {.g = g};
	liveness(&lv);
	intervals(&lv);
	g->loc = xcalloc((size_t)g->nvreg + 1, sizeof *g->loc);
	/* call positions, ascending */
	int32_t *calls = xmalloc((f->nvalueids + 1) * sizeof *calls);
	int ncalls = 0;
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (ssa_ops[v->op].flags & OPF_CALL)
				calls[ncalls++] = g->pos[v->id];
		}
	int *order = xmalloc((size_t)(g->nvreg + 1) * sizeof *order);
	int n = 0;
	for (int r = 0; r < g->nvreg; r++) {
		Value *v = f->values[g->vrval[r]];
		if (v->op == OpArg) {
			Word w[MAXWORDS];
			amd64_words(v->type, w);
			g->loc[r] = (Loc){LOC_PARAM, 0, v->auxint + w[g->vrword[r]].off};
			continue;
		}
		order[n++] = r;
	}
	sort_lv = &lv;
	qsort(order, (size_t)n, sizeof *order, by_start);
	/* linear scan */
	int active[2][32], nactive[2] = {0, 0};
	bool busy[REG_COUNT] = {0};
	int *spilled = xmalloc((size_t)(n + 1) * sizeof *spilled);
	int nspilled = 0;
	for (int k = 0; k < n; k++) {
		int r = order[k];
		int32_t s = lv.start[r], e = lv.end[r];
		int c = g->vrcls[r] == WC_FLT;
		for (int cc = 0; cc < 2; cc++) {
			int j = 0;
			for (int i = 0; i < nactive[cc]; i++) {
				int a = active[cc][i];
				if (lv.end[a] < s)
					busy[g->loc[a].reg] = false;
				else
					active[cc][j++] = a;
			}
			nactive[cc] = j;
		}
		/* across a call: a slot */
		int lo = 0, hi = ncalls;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (calls[mid] <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ncalls && calls[lo] < e) {
			spilled[nspilled++] = r;
			continue;
		}
		const int8_t *regs = c ? xmms : gprs;
		int nregs = c ? (int)NELEM(xmms) : (int)NELEM(gprs);
		int reg = 0;
		for (int i = 0; i < nregs; i++)
			if (!busy[regs[i]]) {
				reg = regs[i];
				break;
			}
		if (!reg) {
			/* spill whichever ends last */
			int worst = -1;
			for (int i = 0; i < nactive[c]; i++)
				if (worst < 0 || lv.end[active[c][i]] > lv.end[active[c][worst]])
					worst = i;
			int a = active[c][worst];
			if (lv.end[a] > e) {
				reg = g->loc[a].reg;
				g->loc[a] = (Loc){0};
				spilled[nspilled++] = a;
				active[c][worst] = active[c][--nactive[c]];
			} else {
				spilled[nspilled++] = r;
				continue;
			}
		}
		g->loc[r] = (Loc){LOC_REG, (int8_t)reg, 0};
		busy[reg] = true;
		active[c][nactive[c]++] = r;
	}
	/* spill slots, reused between intervals that do not overlap */
	qsort(spilled, (size_t)nspilled, sizeof *spilled, by_start);
	int32_t *slotend = xmalloc((size_t)(nspilled + 1) * sizeof *slotend);
	int nslots = 0;
	for (int k = 0; k < nspilled; k++) {
		int r = spilled[k];
		int slot = -1;
		for (int i = 0; i < nslots; i++)
			if (slotend[i] < lv.start[r]) {
				slot = i;
				break;
			}
		if (slot < 0)
			slot = nslots++;
		slotend[slot] = lv.end[r];
		g->loc[r] = (Loc){LOC_SPILL, 0, 8 * (int64_t)slot};
	}
	g->spillsize = 8 * (int64_t)nslots;
	free(slotend);
	free(spilled);
	free(order);
	free(calls);
	free(lv.livein);
	free(lv.liveout);
	free(lv.start);
	free(lv.end);
}
