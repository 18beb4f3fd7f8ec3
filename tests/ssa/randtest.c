/*
 * randtest.c — randomized test of the SSA passes: generates random
 * functions of integer arithmetic, comparisons, conversions, shifts,
 * loads and stores of locals, diamonds with phis and counted loops; each
 * is printed, parsed back (the text must round-trip), run by the
 * interpreter, compiled through every pass with the checker on, and run
 * again: the results must be the same.
 *
 *   randtest [-seed N] [-n COUNT] [-v]
 * Prints "randtest: N passed, N failed"; on a failure, the function's
 * text before the passes and both results.
 *   randtest -bench [-n COUNT] [-size BUDGET]
 * times the passes alone (checker off) on larger random functions.
 */
#include <time.h>

#include "../../src/ssa/ssa.h"

static uint64_t rng_state = 1;
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}
static int rn(int n) { return (int)(rnd() % (uint64_t)n); }

typedef struct G {
	Func *f;
	Block *b;
	Value *mem, *sp;
	Value *pool[4096];
	int npool;
	SsaType *slottype[8];
	Value *slotaddr[8]; /* in the entry block */
	int nslots;
	int budget;
} G;

static SsaType *inttypes[8];
static const int64_t edges[] = {0, 1, -1, 2, 7, 127, -128, 255, 32767, -32768, 65535,
				 2147483647, -2147483647 - 1, INT64_MAX, INT64_MIN, 63, 64, 31, 32};

static void push(G *g, Value *v)
{
	if (g->npool < (int)NELEM(g->pool))
		g->pool[g->npool++] = v;
}

static Op constop(int size)
{
	return size == 1 ? OpConst8 : size == 2 ? OpConst16 : size == 4 ? OpConst32 : OpConst64;
}

static int64_t canon(int64_t x, int size)
{
	switch (size) {
	case 1: return (int8_t)x;
	case 2: return (int16_t)x;
	case 4: return (int32_t)x;
	}
	return x;
}

static Value *mkconst(G *g, SsaType *t)
{
	int64_t x = rn(3) ? edges[rn(NELEM(edges))] : (int64_t)rnd();
	if (rn(4) == 0)
		x = rn(20) - 10;
	return ssa_const(g->b, constop((int)t->size), t, canon(x, (int)t->size), 0);
}

static Value *pick(G *g, int kind, int size) /* kind: SK_BOOL or 0 for int; size 0: any */
{
	int start = rn(g->npool ? g->npool : 1);
	for (int k = 0; k < g->npool; k++) {
		Value *v = g->pool[(start + k) % g->npool];
		if (kind == SK_BOOL ? v->type->kind == SK_BOOL
				    : ssa_type_isint(v->type) && (!size || v->type->size == size))
			return v;
	}
	return NULL;
}

static Value *pickint(G *g, int size)
{
	Value *v = rn(5) ? pick(g, 0, size) : NULL;
	if (!v) {
		SsaType *t = inttypes[rn(8)];
		if (size)
			while (t->size != size)
				t = inttypes[rn(8)];
		v = mkconst(g, t);
	}
	return v;
}

static SsaType *typeofsize(int size)
{
	for (;;) {
		SsaType *t = inttypes[rn(8)];
		if (t->size == size)
			return t;
	}
}

static Op famop(const char *fam, int size)
{
	char name[32];
	snprintf(name, sizeof name, fam, 8 * size);
	Op op = ssa_op_lookup(name, strlen(name));
	if (op == OpInvalid) {
		fprintf(stderr, "randtest: no op %s\n", name);
		exit(2);
	}
	return op;
}

static const int sizes[] = {1, 2, 4, 8};

static Value *bool_value(G *g)
{
	Value *v = rn(3) ? pick(g, SK_BOOL, 0) : NULL;
	if (v)
		return v;
	static const char *cmps[] = {"Eq%d", "Neq%d", "Less%d", "Leq%d", "Less%dU", "Leq%dU"};
	Value *a = pickint(g, 0);
	Value *b = pickint(g, (int)a->type->size);
	v = ssa_value_new2(g->b, famop(cmps[rn(NELEM(cmps))], (int)a->type->size), ssa_t_bool, 0, a, b);
	push(g, v);
	return v;
}

static void gen_value(G *g)
{
	static const char *bins[] = {"Add%d", "Sub%d", "Mul%d", "And%d", "Or%d", "Xor%d",
				     "Div%d", "Div%du", "Mod%d", "Mod%du"};
	Value *v = NULL;
	switch (rn(12)) {
	case 0:
		v = mkconst(g, inttypes[rn(8)]);
		break;
	case 1: case 2: case 3: case 4: {
		Value *a = pickint(g, 0);
		int size = (int)a->type->size;
		Value *b = pickint(g, size);
		int k = rn(NELEM(bins));
		if (k >= 6) { /* divisors are never zero: the lowering checks before dividing */
			Value *one = ssa_const(g->b, constop(size), b->type, 1, 0);
			b = ssa_value_new2(g->b, famop("Or%d", size), b->type, 0, b, one);
		}
		v = ssa_value_new2(g->b, famop(bins[k], size), a->type, 0, a, b);
		if (rn(3) == 0) /* constants either side */
			v = ssa_value_new2(g->b, famop(bins[rn(6)], size), a->type, 0, mkconst(g, a->type), v);
		break;
	}
	case 5: {
		Value *a = pickint(g, 0);
		int size = (int)a->type->size;
		Value *c = rn(2) ? pickint(g, 0) : ssa_const(g->b, OpConst64, ssa_t_uint64, rn(70), 0);
		static const char *sh[] = {"Lsh", "Rsh", "Rsh"};
		int k = rn(3);
		char name[32];
		snprintf(name, sizeof name, "%s%d%sx%d", sh[k], 8 * size, k == 2 ? "U" : "", 8 * (int)c->type->size);
		v = ssa_value_new2(g->b, ssa_op_lookup(name, strlen(name)), a->type, 0, a, c);
		break;
	}
	case 6: {
		Value *a = pickint(g, 0);
		v = ssa_value_new1(g->b, famop(rn(2) ? "Neg%d" : "Com%d", (int)a->type->size), a->type, 0, a);
		break;
	}
	case 7: {
		Value *a = pickint(g, 0);
		int from = (int)a->type->size, to = sizes[rn(4)];
		if (from == to)
			return;
		char name[32];
		if (to > from)
			snprintf(name, sizeof name, "%sExt%dto%d", rn(2) ? "Sign" : "Zero", 8 * from, 8 * to);
		else
			snprintf(name, sizeof name, "Trunc%dto%d", 8 * from, 8 * to);
		v = ssa_value_new1(g->b, ssa_op_lookup(name, strlen(name)), typeofsize(to), 0, a);
		break;
	}
	case 8:
		bool_value(g);
		return;
	case 9: {
		Value *c = bool_value(g);
		Value *a = pickint(g, 0);
		Value *b = pick(g, 0, (int)a->type->size);
		if (!b || b->type != a->type)
			b = mkconst(g, a->type);
		v = ssa_value_new0(g->b, OpCondSelect, a->type, 0);
		ssa_value_addarg(v, a);
		ssa_value_addarg(v, b);
		ssa_value_addarg(v, c);
		break;
	}
	case 10: { /* store to a local */
		int s = rn(g->nslots);
		Value *a = pickint(g, (int)g->slottype[s]->size);
		if (a->type != g->slottype[s])
			a = mkconst(g, g->slottype[s]);
		Value *st = ssa_value_new0(g->b, OpStore, ssa_t_mem, 0);
		ssa_value_addarg(st, g->slotaddr[s]);
		ssa_value_addarg(st, a);
		ssa_value_addarg(st, g->mem);
		g->mem = st;
		return;
	}
	case 11: { /* load from a local */
		int s = rn(g->nslots);
		v = ssa_value_new2(g->b, OpLoad, g->slottype[s], 0, g->slotaddr[s], g->mem);
		break;
	}
	}
	if (v)
		push(g, v);
}

static void gen_region(G *g, int depth);

static void gen_diamond(G *g, int depth)
{
	Value *c = bool_value(g);
	Func *f = g->f;
	Block *bt = ssa_block_new(f, BlockPlain), *bf = ssa_block_new(f, BlockPlain);
	Block *bj = ssa_block_new(f, BlockPlain);
	Block *from = g->b;
	from->kind = BlockIf;
	ssa_block_setcontrol(from, 0, c);
	ssa_block_addedge(from, bt);
	ssa_block_addedge(from, bf);
	int base = g->npool;
	Value *mem0 = g->mem;
	g->b = bt;
	gen_region(g, depth + 1);
	Block *endt = g->b;
	Value *memt = g->mem;
	Value *tvals[64];
	int nt = 0;
	for (int i = base; i < g->npool && nt < 64; i++)
		tvals[nt++] = g->pool[i];
	g->npool = base;
	g->mem = mem0;
	g->b = bf;
	gen_region(g, depth + 1);
	Block *endf = g->b;
	Value *memf = g->mem;
	ssa_block_addedge(endt, bj);
	ssa_block_addedge(endf, bj);
	int nf = g->npool;
	g->b = bj;
	/* phis of values from both sides (or from before) */
	Value *phis[8];
	int nphi = 0;
	for (int k = 0; k < 4 && nt; k++) {
		Value *a = tvals[rn(nt)];
		Value *b = NULL;
		for (int i = nf - 1; i >= 0 && !b; i--)
			if (g->pool[i]->type == a->type && rn(2))
				b = g->pool[i];
		if (!b)
			continue;
		Value *p = ssa_value_new0(bj, OpPhi, a->type, 0);
		ssa_value_addarg(p, a);
		ssa_value_addarg(p, b);
		phis[nphi++] = p;
	}
	g->npool = base;
	for (int i = 0; i < nphi; i++)
		push(g, phis[i]);
	if (memt != memf) {
		Value *p = ssa_value_new0(bj, OpPhi, ssa_t_mem, 0);
		ssa_value_addarg(p, memt);
		ssa_value_addarg(p, memf);
		g->mem = p;
	} else
		g->mem = memt;
}

static void gen_loop(G *g)
{
	Func *f = g->f;
	Block *h = ssa_block_new(f, BlockIf), *e = ssa_block_new(f, BlockPlain);
	ssa_block_addedge(g->b, h);
	g->b = h;
	Value *zero = NULL;
	/* constants for the phis' entry values live before the loop */
	Block *pre = h->preds[0].b;
	zero = ssa_const(pre, OpConst64, ssa_t_int64, 0, 0);
	Value *acc0 = NULL;
	for (int i = g->npool - 1; i >= 0 && !acc0; i--)
		if (ssa_type_isint(g->pool[i]->type) && g->pool[i]->block != h)
			acc0 = g->pool[i];
	if (!acc0)
		acc0 = ssa_const(pre, OpConst64, ssa_t_int64, 5, 0);
	Value *i = ssa_value_new1(h, OpPhi, ssa_t_int64, 0, zero);
	Value *acc = ssa_value_new1(h, OpPhi, acc0->type, 0, acc0);
	Value *mem = ssa_value_new1(h, OpPhi, ssa_t_mem, 0, g->mem);
	g->mem = mem;
	push(g, i);
	push(g, acc);
	int n = 1 + rn(6);
	for (int k = 0; k < n; k++)
		gen_value(g);
	static const char *ops[] = {"Add%d", "Xor%d", "Mul%d", "Sub%d"};
	int size = (int)acc->type->size;
	Value *x = pickint(g, size);
	Value *acc1 = ssa_value_new2(h, famop(ops[rn(4)], size), acc->type, 0, acc, x);
	Value *one = ssa_const(h, OpConst64, ssa_t_int64, 1, 0);
	Value *i1 = ssa_value_new2(h, OpAdd64, ssa_t_int64, 0, i, one);
	Value *lim = ssa_const(h, OpConst64, ssa_t_int64, 1 + rn(5), 0);
	Value *c = ssa_value_new2(h, OpLess64, ssa_t_bool, 0, i1, lim);
	ssa_block_setcontrol(h, 0, c);
	ssa_block_addedge(h, h);
	ssa_block_addedge(h, e);
	ssa_value_addarg(i, i1);
	ssa_value_addarg(acc, acc1);
	ssa_value_addarg(mem, g->mem);
	push(g, acc1);
	g->b = e;
}

static void gen_region(G *g, int depth)
{
	int n = 1 + rn(3);
	for (int k = 0; k < n && g->budget > 0; k++) {
		g->budget--;
		int r = rn(10);
		if (r < 2 && depth < 3)
			gen_diamond(g, depth);
		else if (r < 3 && depth < 2)
			gen_loop(g);
		else {
			int m = 1 + rn(5);
			for (int j = 0; j < m; j++)
				gen_value(g);
		}
	}
}

static int budget_base = 4, budget_rand = 12;

static Func *gen_func(int idx)
{
	char name[32];
	snprintf(name, sizeof name, "rand%d", idx);
	G *g = xcalloc(1, sizeof *g);
	Func *f = g->f = ssa_func_new(name);
	g->b = ssa_block_new(f, BlockPlain);
	g->mem = ssa_value_new0(g->b, OpInitMem, ssa_t_mem, 0);
	g->sp = ssa_value_new0(g->b, OpSP, ssa_t_uintptr, 0);
	for (int i = 0; i < 3; i++) {
		char an[8];
		snprintf(an, sizeof an, "a%d", i);
		Value *a = ssa_value_new(g->b, OpArg, inttypes[rn(8)], 8 * i, ssa_aux(f, an, strlen(an)));
		push(g, a);
	}
	g->nslots = 1 + rn(3);
	for (int i = 0; i < g->nslots; i++) {
		char sn[8];
		snprintf(sn, sizeof sn, "t%d", i);
		g->slottype[i] = inttypes[rn(8)];
		Value *p = ssa_value_new(g->b, OpLocalAddr, ssa_type_ptrto(g->slottype[i]), 0, ssa_aux(f, sn, strlen(sn)));
		ssa_value_addarg(p, g->sp);
		ssa_value_addarg(p, g->mem);
		g->slotaddr[i] = p;
	}
	g->budget = budget_base + rn(budget_rand);
	do
		gen_region(g, 0);
	while (g->budget > 0);
	/* results */
	Value *res[8];
	SsaType *types[9];
	int nr = 1 + rn(5);
	for (int i = 0; i < nr; i++) {
		res[i] = pickint(g, 0);
		types[i] = res[i]->type;
	}
	types[nr] = ssa_t_mem;
	Value *mr = ssa_value_new0(g->b, OpMakeResult, ssa_type_tuple(types, nr + 1), 0);
	for (int i = 0; i < nr; i++)
		ssa_value_addarg(mr, res[i]);
	ssa_value_addarg(mr, g->mem);
	g->b->kind = BlockRet;
	ssa_block_setcontrol(g->b, 0, mr);
	free(g);
	return f;
}

static bool same(SsaInterpResult a, SsaInterpResult b)
{
	if ((a.panic == NULL) != (b.panic == NULL))
		return false;
	if (a.panic)
		return strcmp(a.panic, b.panic) == 0;
	if (a.nres != b.nres)
		return false;
	for (int i = 0; i < a.nres; i++)
		if (memcmp(&a.res[i], &b.res[i], sizeof a.res[i]) != 0)
			return false;
	return true;
}

static void show(const char *when, SsaInterpResult r)
{
	fprintf(stderr, "  %s:", when);
	if (r.panic)
		fprintf(stderr, " panic: %s", r.panic);
	for (int i = 0; i < r.nres; i++)
		fprintf(stderr, " %lld", (long long)r.res[i].w[0]);
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	int n = 1000;
	bool verbose = false, bench = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-seed") == 0 && i + 1 < argc)
			rng_state = strtoull(argv[++i], NULL, 0) * 2654435761u + 1;
		else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			n = atoi(argv[++i]);
		else if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else if (strcmp(argv[i], "-bench") == 0)
			bench = true;
		else if (strcmp(argv[i], "-size") == 0 && i + 1 < argc)
			budget_base = budget_rand = atoi(argv[++i]);
	}
	const char *names[] = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"};
	for (int i = 0; i < 8; i++)
		inttypes[i] = ssa_type(names[i]);
	if (bench) {
		SsaConfig quiet = {0};
		double secs = 0;
		long vals = 0;
		for (int k = 0; k < n; k++) {
			Func *f = gen_func(k);
			for (uint32_t i = 1; i < f->nvalueids; i++)
				vals += f->values[i] != NULL;
			struct timespec t0, t1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			ssa_compile(f, &quiet);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			secs += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
			ssa_func_free(f);
		}
		printf("bench: %d functions, %ld values, %.1f ms in the passes, %.0f ns per value\n", n, vals,
		       secs * 1e3, secs * 1e9 / (double)vals);
		return 0;
	}
	int pass = 0, fail = 0;
	long nvalues = 0, nafter = 0;
	SsaConfig cfg = {.check = true};
	for (int k = 0; k < n; k++) {
		Func *g = gen_func(k);
		Buf text = {0};
		ssa_sprint(&text, g);
		ssa_func_free(g);
		int nf;
		char *err;
		Func **fs = ssa_parse("rand.ssa", text.p, text.n, &nf, &err);
		bool ok = fs != NULL;
		const char *why = NULL;
		if (!ok)
			why = err;
		Func *f = ok ? fs[0] : NULL;
		if (ok) {
			Buf again = {0};
			ssa_sprint(&again, f);
			if (again.n != text.n || memcmp(again.p, text.p, text.n) != 0)
				ok = false, why = "the text does not round-trip";
			buf_free(&again);
		}
		if (ok && (why = ssa_check(f)) != NULL)
			ok = false;
		SsaVal args[3][3];
		SsaInterpResult before[3], after;
		if (ok) {
			for (uint32_t i = 1; i < f->nvalueids; i++)
				if (f->values[i])
					nvalues++;
			for (int r = 0; r < 3; r++) {
				memset(args[r], 0, sizeof args[r]);
				for (int a = 0; a < 3; a++) {
					int64_t x = rn(2) ? edges[rn(NELEM(edges))] : (int64_t)rnd();
					Value *av = NULL;
					for (uint32_t i = 1; i < f->nvalueids && !av; i++)
						if (f->values[i] && f->values[i]->op == OpArg && f->values[i]->auxint == 8 * a)
							av = f->values[i];
					args[r][a].w[0] = (uint64_t)canon(x, av ? (int)av->type->size : 8);
				}
				before[r] = ssa_interp(f, args[r], 3, 1000000);
			}
			FILE *devnull = fopen("/dev/null", "w");
			FILE *saved = stderr;
			stderr = devnull; /* ssa_compile prints the checker's message; we print our own */
			ok = ssa_compile(f, &cfg);
			stderr = saved;
			fclose(devnull);
			if (!ok)
				why = ssa_check(f) ? ssa_check(f) : "the checker failed after a pass";
		}
		if (ok) {
			for (uint32_t i = 1; i < f->nvalueids; i++)
				if (f->values[i])
					nafter++;
			for (int r = 0; r < 3 && ok; r++) {
				after = ssa_interp(f, args[r], 3, 1000000);
				if (!same(before[r], after)) {
					ok = false, why = "results differ";
					fprintf(stderr, "randtest: function %d, arguments %lld %lld %lld:\n", k,
						(long long)args[r][0].w[0], (long long)args[r][1].w[0], (long long)args[r][2].w[0]);
					show("before", before[r]);
					show("after", after);
				}
			}
		}
		if (ok)
			pass++;
		else {
			fail++;
			if (fail <= 3) {
				fprintf(stderr, "randtest: function %d: %s\n%.*s", k, why, (int)text.n, text.p);
				if (f) {
					fprintf(stderr, "after the passes:\n");
					ssa_fprint(stderr, f);
				}
			}
		}
		if (verbose && k < 3)
			fwrite(text.p, 1, text.n, stdout);
		buf_free(&text);
		if (fs) {
			for (int i = 0; i < nf; i++)
				ssa_func_free(fs[i]);
			free(fs);
		}
	}
	printf("randtest: %d functions, %ld values before the passes, %ld after\n", n, nvalues, nafter);
	printf("randtest: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
