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
	/* by vreg: the positions where it is live, as sorted disjoint
	 * closed ranges [rg[2i], rg[2i+1]] (the interval's holes left out) */
	int32_t **rg;
	int *nrg, *caprg;
	int *cur;         /* by vreg: scan cursor into its ranges */
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

/* The values live into the recovery paths (a Defer block's second
 * successor), a bitset by value id (the caller frees it). */
static uint64_t *recovery_live(Live *lv)
{
	Func *f = lv->g->f;
	uint64_t *rec = xcalloc((size_t)lv->words, sizeof *rec);
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		if (b->kind != BlockDefer || b->nsuccs < 2)
			continue;
		uint64_t *in = lv->livein + (size_t)b->succs[1].b->id * lv->words;
		for (int w = 0; w < lv->words; w++)
			rec[w] |= in[w];
	}
	return rec;
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
	uint64_t *rec = recovery_live(lv);
	for (int w = 0; w < lv->words; w++)
		for (uint64_t m = rec[w]; m; m &= m - 1) {
			uint32_t id = (uint32_t)(w * 64 + __builtin_ctzll(m));
			use_pos(lv, f->values[id], 0);
			use_pos(lv, f->values[id], last);
		}
	free(rec);
}

static void rg_touch(Live *lv, int32_t *from, int32_t *to, int *stamp, int bid, int *touched, int *nt, int r,
		     int32_t lo, int32_t hi)
{
	if (stamp[r] != bid) {
		stamp[r] = bid;
		from[r] = lo;
		to[r] = hi;
		touched[(*nt)++] = r;
		return;
	}
	if (lo < from[r])
		from[r] = lo;
	if (hi > to[r])
		to[r] = hi;
}

/* marks a use of v at p (through virtual values) in the block's ranges */
static void rg_use(Live *lv, int32_t *from, int32_t *to, int *stamp, int bid, int *touched, int *nt, Value *v,
		   int32_t p)
{
	CodeGen *g = lv->g;
	if (tracked(g, v)) {
		for (int w = 0; w < g->nw[v->id]; w++)
			rg_touch(lv, from, to, stamp, bid, touched, nt, g->vr0[v->id] + w, p, p);
		return;
	}
	if (g->virt[v->id])
		for (int i = 0; i < v->nargs; i++)
			rg_use(lv, from, to, stamp, bid, touched, nt, v->args[i], p);
}

/* the live ranges of every virtual register, block by block in layout
 * order: from the block's start (live in) or the definition, to the
 * block's end (live out) or the last use */
static void ranges(Live *lv)
{
	CodeGen *g = lv->g;
	Func *f = g->f;
	int nv = g->nvreg + 1;
	lv->rg = xcalloc((size_t)nv, sizeof *lv->rg);
	lv->nrg = xcalloc((size_t)nv, sizeof *lv->nrg);
	lv->caprg = xcalloc((size_t)nv, sizeof *lv->caprg);
	lv->cur = xcalloc((size_t)nv, sizeof *lv->cur);
	int32_t *from = xmalloc((size_t)nv * sizeof *from), *to = xmalloc((size_t)nv * sizeof *to);
	int *stamp = xmalloc((size_t)nv * sizeof *stamp), *touched = xmalloc((size_t)nv * sizeof *touched);
	for (int r = 0; r < nv; r++)
		stamp[r] = -1;
#define TOUCH(r, lo, hi) rg_touch(lv, from, to, stamp, k, touched, &nt, r, lo, hi)
#define USE(v, p) rg_use(lv, from, to, stamp, k, touched, &nt, v, p)
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		int nt = 0;
		int32_t bs = g->bstart[b->id], be = g->bend[b->id];
		uint64_t *in = lv->livein + (size_t)b->id * lv->words;
		uint64_t *out = lv->liveout + (size_t)b->id * lv->words;
		for (int w = 0; w < lv->words; w++)
			for (uint64_t m = in[w]; m; m &= m - 1)
				USE(f->values[w * 64 + __builtin_ctzll(m)], bs);
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			if (tracked(g, v))
				for (int w = 0; w < g->nw[v->id]; w++)
					TOUCH(g->vr0[v->id] + w, g->pos[v->id], g->pos[v->id]);
			if (v->op == OpPhi || g->virt[v->id])
				continue;
			for (int j = 0; j < v->nargs; j++)
				USE(v->args[j], g->pos[v->id]);
		}
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				USE(b->controls[c], be);
		for (int w = 0; w < lv->words; w++)
			for (uint64_t m = out[w]; m; m &= m - 1)
				USE(f->values[w * 64 + __builtin_ctzll(m)], be);
		for (int t = 0; t < nt; t++) {
			int r = touched[t];
			int n = lv->nrg[r];
			if (n && lv->rg[r][2 * n - 1] + 1 >= from[r]) {
				if (to[r] > lv->rg[r][2 * n - 1])
					lv->rg[r][2 * n - 1] = to[r];
				continue;
			}
			if (n == lv->caprg[r]) {
				lv->caprg[r] = n ? 2 * n : 2;
				lv->rg[r] = xrealloc(lv->rg[r], (size_t)lv->caprg[r] * 2 * sizeof *lv->rg[r]);
			}
			lv->rg[r][2 * n] = from[r];
			lv->rg[r][2 * n + 1] = to[r];
			lv->nrg[r] = n + 1;
		}
	}
#undef TOUCH
#undef USE
	free(from);
	free(to);
	free(stamp);
	free(touched);
}

/* is vreg r live at p?  (p never decreases between calls for one r) */
static bool covers(Live *lv, int r, int32_t p)
{
	int i = lv->cur[r];
	while (i < lv->nrg[r] && lv->rg[r][2 * i + 1] < p)
		i++;
	lv->cur[r] = i;
	return i < lv->nrg[r] && lv->rg[r][2 * i] <= p;
}

/* do the ranges of a and b meet anywhere but at the position skip? */
static bool meet(Live *lv, int a, int b, int32_t skip)
{
	int i = 0, j = 0;
	while (i < lv->nrg[a] && j < lv->nrg[b]) {
		int32_t *x = lv->rg[a] + 2 * i, *y = lv->rg[b] + 2 * j;
		if (x[1] < y[0])
			i++;
		else if (y[1] < x[0])
			j++;
		else if (x[0] == skip && y[1] == skip)
			j++;
		else if (y[0] == skip && x[1] == skip)
			i++;
		else
			return true;
	}
	return false;
}

static bool intersect(Live *lv, int a, int b) { return meet(lv, a, b, -1); }

/* Is each virtual register live across a call (live right after it,
 * the call's own results excepted)?  ABI0 and the C calls clobber every
 * allocatable register, so those live in slots.  A backward walk over
 * each block from its live-out set: exact, unlike the intervals, which
 * have holes (a value whose interval merely contains a call, such as a
 * bounds-check panic laid out at the end, keeps its register). */
static uint8_t *cross_calls(Live *lv, uint64_t **after)
{
	CodeGen *g = lv->g;
	Func *f = g->f;
	uint8_t *cross = xcalloc((size_t)g->nvreg + 1, 1);
	uint64_t *live = xmalloc((size_t)lv->words * sizeof *live);
	/* what the recovery paths of Defer blocks read is live at every call
	 * for the stack maps (a recovered panic of any later call gets there;
	 * intervals() gives those values their slots for the whole function) */
	uint64_t *rec = recovery_live(lv);
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		memcpy(live, lv->liveout + (size_t)b->id * lv->words, (size_t)lv->words * sizeof *live);
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				use_set(g, live, b->controls[c]);
		for (int i = b->nvalues - 1; i >= 0; i--) {
			Value *v = b->values[i];
			if (v->op == OpPhi)
				continue;
			bs_clr(live, v->id);
			if (ssa_ops[v->op].flags & OPF_CALL) {
				after[v->id] = xmalloc((size_t)lv->words * sizeof *live);
				for (int w = 0; w < lv->words; w++)
					after[v->id][w] = live[w] | rec[w];
			}
			if (ssa_ops[v->op].flags & OPF_CALL)
				for (int w = 0; w < lv->words; w++)
					for (uint64_t m = live[w]; m; m &= m - 1) {
						Value *x = f->values[w * 64 + __builtin_ctzll(m)];
						for (int q = 0; q < g->nw[x->id]; q++)
							cross[g->vr0[x->id] + q] = 1;
					}
			if (g->virt[v->id])
				continue; /* its arguments are used where it is */
			for (int j = 0; j < v->nargs; j++)
				use_set(g, live, v->args[j]);
		}
	}
	free(live);
	free(rec);
	return cross;
}

/* Ops the emitter computes two-address style (result register = arg 0,
 * then `OP arg1, result`), so that the result may take the register of
 * an arg 0 that dies at it; amd64_commutes: or of an arg 1 (the emitter
 * swaps them).  Intervals are closed otherwise. */
static bool two_address(Op op)
{
	if ((op >= OpAdd8 && op <= OpAdd64) || (op >= OpSub8 && op <= OpSub64) ||
	    (op >= OpMul8 && op <= OpMul64) || (op >= OpAnd8 && op <= OpAnd64) ||
	    (op >= OpOr8 && op <= OpOr64) || (op >= OpXor8 && op <= OpXor64) ||
	    (op >= OpNeg8 && op <= OpNeg64) || (op >= OpCom8 && op <= OpCom64))
		return true;
	switch (op) {
	case OpSubPtr: case OpAndB: case OpOrB: case OpNeqB: case OpEqB: case OpNot:
	case OpAdd32F: case OpAdd64F: case OpSub32F: case OpSub64F:
	case OpMul32F: case OpMul64F: case OpDiv32F: case OpDiv64F:
		return true;
	default:
		return false;
	}
}

bool amd64_commutes(Op op)
{
	if ((op >= OpAdd8 && op <= OpAdd64) || (op >= OpMul8 && op <= OpMul64) ||
	    (op >= OpAnd8 && op <= OpAnd64) || (op >= OpOr8 && op <= OpOr64) ||
	    (op >= OpXor8 && op <= OpXor64))
		return true;
	switch (op) {
	case OpAndB: case OpOrB: case OpNeqB: case OpEqB:
	case OpAdd32F: case OpAdd64F: case OpMul32F: case OpMul64F:
		return true;
	default:
		return false;
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

/* The scan's state (Wimmer and Franz's linear scan on lifetime holes,
 * without splitting): the intervals that hold a register and are live
 * at the current position (active) or in a hole there (inactive). */
typedef struct Scan {
	CodeGen *g;
	Live *lv;
	int *act, nact, *inact, ninact;
} Scan;

/* moves intervals between active, inactive and gone for position s */
static void advance(Scan *sc, int32_t s)
{
	Live *lv = sc->lv;
	int na = 0, ni = 0;
	int *nact = xmalloc((size_t)(sc->nact + sc->ninact + 1) * sizeof *nact);
	int *ninact = xmalloc((size_t)(sc->nact + sc->ninact + 1) * sizeof *ninact);
	for (int pass = 0; pass < 2; pass++) {
		int *l = pass ? sc->inact : sc->act, n = pass ? sc->ninact : sc->nact;
		for (int i = 0; i < n; i++) {
			int a = l[i];
			if (lv->end[a] < s)
				continue;
			if (covers(lv, a, s))
				nact[na++] = a;
			else
				ninact[ni++] = a;
		}
	}
	free(sc->act);
	free(sc->inact);
	sc->act = nact;
	sc->nact = na;
	sc->inact = ninact;
	sc->ninact = ni;
}

/* can r have register reg?  `except` (an active interval) is handed over */
static bool reg_ok(Scan *sc, int reg, int r, int except)
{
	for (int i = 0; i < sc->nact; i++)
		if (sc->act[i] != except && sc->g->loc[sc->act[i]].reg == reg)
			return false;
	for (int i = 0; i < sc->ninact; i++)
		if (sc->g->loc[sc->inact[i]].reg == reg && intersect(sc->lv, sc->inact[i], r))
			return false;
	return true;
}

static void drop_active(Scan *sc, int a)
{
	for (int i = 0; i < sc->nact; i++)
		if (sc->act[i] == a) {
			sc->act[i] = sc->act[--sc->nact];
			return;
		}
}

/* the register of arg a of v if a's one word dies where v is defined
 * (its range there ends at v; it may live again later, in a block laid
 * out further on, as long as r is dead there) */
static int take_dying(Scan *sc, Value *a, int r, int c)
{
	CodeGen *g = sc->g;
	Live *lv = sc->lv;
	if (g->vr0[a->id] < 0 || g->nw[a->id] != 1)
		return 0;
	int ar = g->vr0[a->id];
	int32_t s = lv->start[r];
	if (g->loc[ar].kind != LOC_REG || (g->vrcls[ar] == WC_FLT) != c || !covers(lv, ar, s) ||
	    lv->rg[ar][2 * lv->cur[ar] + 1] != s)
		return 0;
	int reg = g->loc[ar].reg;
	if (!reg_ok(sc, reg, r, ar) || meet(lv, ar, r, s))
		return 0;
	if (lv->end[ar] == s)
		drop_active(sc, ar);
	return reg;
}

/* a free register that suits vreg r: that of a dying arg 0 (or arg 1)
 * of a two-address op, that of the phi its value feeds, or any */
static int pick(Scan *sc, int r, const int32_t *phiof)
{
	CodeGen *g = sc->g;
	Value *v = g->f->values[g->vrval[r]];
	int c = g->vrcls[r] == WC_FLT;
	int reg = 0;
	if (g->nw[v->id] == 1 && two_address((Op)v->op)) {
		reg = take_dying(sc, v->args[0], r, c);
		if (!reg && v->nargs == 2 && v->args[1] != v->args[0] && amd64_commutes((Op)v->op))
			reg = take_dying(sc, v->args[1], r, c);
		if (reg)
			return reg;
	}
	if (phiof[v->id] >= 0) {
		Value *p = g->f->values[phiof[v->id]];
		Loc l = g->loc[g->vr0[p->id] + g->vrword[r]];
		if (l.kind == LOC_REG && (reg_isxmm(l.reg) != 0) == c && reg_ok(sc, l.reg, r, -1))
			return l.reg;
	}
	const int8_t *regs = c ? xmms : gprs;
	int nregs = c ? (int)NELEM(xmms) : (int)NELEM(gprs);
	for (int i = 0; i < nregs; i++)
		if (reg_ok(sc, regs[i], r, -1))
			return regs[i];
	return 0;
}

/* The stack maps' part of the spill slots: for each call, the slots that
 * hold a pointer word of a value live after it (after[call]: those
 * values, from cross_calls; freed here).  A value live after a call
 * lives in its slot across it, and a slot serves one interval at a time,
 * so the bit names what the slot holds. */
static void call_spillmaps(CodeGen *g, uint64_t **after, int words, int nslots)
{
	Func *f = g->f;
	g->callspill = xcalloc(f->nvalueids + 1, sizeof *g->callspill);
	g->callargs = xcalloc(f->nvalueids + 1, sizeof *g->callargs);
	for (uint32_t id = 0; id <= f->nvalueids; id++) {
		if (!after[id])
			continue;
		uint64_t *m = NULL, *am = NULL;
		for (int w = 0; w < words; w++)
			for (uint64_t bits = after[id][w]; bits; bits &= bits - 1) {
				Value *x = f->values[w * 64 + __builtin_ctzll(bits)];
				Word wd[MAXWORDS];
				int n = amd64_words(x->type, wd);
				for (int q = 0; q < n && q < g->nw[x->id]; q++) {
					Loc l = g->loc[g->vr0[x->id] + q];
					if (wd[q].size != 8 || !ssa_type_ptrword(x->type, wd[q].off))
						continue;
					if (l.kind == LOC_PARAM && l.off % 8 == 0 && l.off < g->paramsize) {
						if (!am)
							am = xcalloc((size_t)g->paramsize / 512 + 1, sizeof *am);
						bs_set(am, (uint32_t)(l.off / 8));
						continue;
					}
					if (l.kind != LOC_SPILL)
						continue;
					if (!m)
						m = xcalloc((size_t)nslots / 64 + 1, sizeof *m);
					bs_set(m, (uint32_t)(l.off / 8));
				}
			}
		g->callspill[id] = m;
		g->callargs[id] = am;
		free(after[id]);
	}
}

void amd64_regalloc(CodeGen *g)
{
	Func *f = g->f;
	f->pass = "regalloc";
	positions(g);
	Live lv = {.g = g};
	liveness(&lv);
	intervals(&lv);
	ranges(&lv);
	uint64_t **after = xcalloc(f->nvalueids + 1, sizeof *after);
	uint8_t *cross = cross_calls(&lv, after);
	g->loc = xcalloc((size_t)g->nvreg + 1, sizeof *g->loc);
	/* phiof[x]: a phi that x (tracked) is an argument of, for hints */
	int32_t *phiof = xmalloc((f->nvalueids + 1) * sizeof *phiof);
	for (uint32_t i = 0; i <= f->nvalueids; i++)
		phiof[i] = -1;
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *p = f->blocks[k]->values[i];
			if (p->op != OpPhi || g->vr0[p->id] < 0)
				continue;
			for (int j = 0; j < p->nargs; j++)
				if (g->vr0[p->args[j]->id] >= 0 && g->nw[p->args[j]->id] == g->nw[p->id])
					phiof[p->args[j]->id] = (int32_t)p->id;
		}
	int *order = xmalloc((size_t)(g->nvreg + 1) * sizeof *order);
	int n = 0;
	for (int r = 0; r < g->nvreg; r++) {
		Value *v = f->values[g->vrval[r]];
		if (v->op == OpArg) {
			/* a parameter stays in its incoming slot unless it gets a
			 * register (loaded where the Arg is scheduled, at entry) */
			Word w[MAXWORDS];
			amd64_words(v->type, w);
			g->loc[r] = (Loc){LOC_PARAM, 0, v->auxint + w[g->vrword[r]].off};
			if (cross[r])
				continue;
		}
		order[n++] = r;
	}
	sort_lv = &lv;
	qsort(order, (size_t)n, sizeof *order, by_start);
	/* linear scan */
	Scan sc = {.g = g, .lv = &lv};
	int *spilled = xmalloc((size_t)(n + 1) * sizeof *spilled);
	int nspilled = 0;
	for (int k = 0; k < n; k++) {
		int r = order[k];
		int32_t e = lv.end[r];
		int c = g->vrcls[r] == WC_FLT;
		advance(&sc, lv.start[r]);
		if (cross[r]) {
			spilled[nspilled++] = r;
			continue;
		}
		int reg = pick(&sc, r, phiof);
		if (!reg) {
			/* spill the active interval of the class that ends last,
			 * if after r and its register suits r */
			int worst = -1;
			for (int i = 0; i < sc.nact; i++) {
				int a = sc.act[i];
				if ((g->vrcls[a] == WC_FLT) != c || lv.end[a] <= e)
					continue;
				if (worst >= 0 && lv.end[a] <= lv.end[worst])
					continue;
				if (reg_ok(&sc, g->loc[a].reg, r, a))
					worst = a;
			}
			if (worst < 0) {
				spilled[nspilled++] = r;
				continue;
			}
			reg = g->loc[worst].reg;
			g->loc[worst] = (Loc){0};
			spilled[nspilled++] = worst;
			drop_active(&sc, worst);
		}
		g->loc[r] = (Loc){LOC_REG, (int8_t)reg, 0};
		sc.act = xrealloc(sc.act, (size_t)(sc.nact + 1) * sizeof *sc.act);
		sc.act[sc.nact++] = r;
	}
	/* spill slots, reused between intervals that do not overlap; a
	 * parameter goes back to its incoming slot */
	qsort(spilled, (size_t)nspilled, sizeof *spilled, by_start);
	int32_t *slotend = xmalloc((size_t)(nspilled + 1) * sizeof *slotend);
	int nslots = 0;
	for (int k = 0; k < nspilled; k++) {
		int r = spilled[k];
		Value *v = f->values[g->vrval[r]];
		if (v->op == OpArg) {
			Word w[MAXWORDS];
			amd64_words(v->type, w);
			g->loc[r] = (Loc){LOC_PARAM, 0, v->auxint + w[g->vrword[r]].off};
			continue;
		}
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
	call_spillmaps(g, after, lv.words, nslots);
	free(after);
	free(slotend);
	free(spilled);
	free(order);
	free(phiof);
	free(cross);
	free(lv.livein);
	free(lv.liveout);
	free(lv.start);
	free(lv.end);
	for (int r = 0; r <= g->nvreg; r++)
		free(lv.rg[r]);
	free(lv.rg);
	free(lv.nrg);
	free(lv.caprg);
	free(lv.cur);
	free(sc.act);
	free(sc.inact);
}
