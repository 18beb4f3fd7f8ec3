/*
 * compile.c — the pass table: the machine-independent SSA passes in the
 * order they run, each with a one-line note of what it requires and
 * preserves, and the ordering constraints between them, checked once at
 * start-up (gc's ssa/compile.go).  With SsaConfig.check the IR checker
 * runs on the input and after every pass (gc's -d ssa/check/on); dumps
 * (text or ssa.html columns) can follow any named pass.
 */
#include "ssa.h"

const SsaPass ssa_passes[] = {
	{"early phielim", ssa_phielim, false, "folds trivial phis into copies"},
	{"early copyelim", ssa_copyelim, false, "uses see through copies; copies stay for deadcode"},
	{"early deadcode", ssa_deadcode, true, "drops unreachable blocks and unused values"},
	{"opt", ssa_opt, false, "constant folding and algebraic rules to a fixed point; no copies left in args"},
	{"opt deadcode", ssa_deadcode, false, "removes what opt made dead (First edges too)"},
	{"generic cse", ssa_cse, false, "requires dominators (computed); merges equal values"},
	{"gcse deadcode", ssa_deadcode, false, "removes the merged duplicates"},
	{"nilcheckelim", ssa_nilcheckelim, false, "requires dominators; drops dominated nil checks"},
	{"prove", ssa_prove, false, "requires dominators; folds branches implied by dominating ones"},
	{"late opt", ssa_opt, false, "folds what cse and prove exposed (x == x after cse)"},
	{"late phielim", ssa_phielim, false, "phis made trivial by the passes above"},
	{"late copyelim", ssa_copyelim, false, "as early copyelim"},
	{"generic deadcode", ssa_deadcode, true, "the last cleanup: no copies, no dead blocks"},
	{"layout", ssa_layout, true, "orders blocks for fallthrough; must come last (the CFG is final)"},
};
const int ssa_npasses = NELEM(ssa_passes);

/* a before b, when both are in the table */
static const struct { const char *a, *b; } pass_order[] = {
	{"early deadcode", "opt"},          /* opt need not look at dead code */
	{"opt", "generic cse"},             /* cse finds more after canonicalisation */
	{"generic cse", "nilcheckelim"},    /* equal pointers become one value first */
	{"generic cse", "prove"},           /* prove matches conditions by value */
	{"generic cse", "late opt"},        /* late opt folds what cse merged */
	{"nilcheckelim", "generic deadcode"},
	{"prove", "generic deadcode"},      /* prove leaves First blocks for deadcode */
	{"generic deadcode", "layout"},     /* layout orders the final CFG */
};

/* the transforms by their short names, for -run lists of tests */
static const struct { const char *name; void (*fn)(Func *); } pass_fns[] = {
	{"deadcode", ssa_deadcode}, {"copyelim", ssa_copyelim}, {"phielim", ssa_phielim},
	{"opt", ssa_opt}, {"cse", ssa_cse}, {"nilcheckelim", ssa_nilcheckelim},
	{"prove", ssa_prove}, {"layout", ssa_layout}, {"looprotate", ssa_looprotate},
};

static int pass_index(const char *name)
{
	for (int i = 0; i < ssa_npasses; i++)
		if (strcmp(ssa_passes[i].name, name) == 0)
			return i;
	return -1;
}

void ssa_check_pass_order(void)
{
	for (size_t k = 0; k < NELEM(pass_order); k++) {
		int a = pass_index(pass_order[k].a), b = pass_index(pass_order[k].b);
		if (a < 0 || b < 0)
			ice(NoPos, "ssa", "pass order names an unknown pass: %s / %s", pass_order[k].a, pass_order[k].b);
		if (a >= b)
			ice(NoPos, "ssa", "pass \"%s\" must come before \"%s\"", pass_order[k].a, pass_order[k].b);
	}
}

static void (*short_pass(const char *name, size_t n))(Func *)
{
	for (size_t i = 0; i < NELEM(pass_fns); i++)
		if (strlen(pass_fns[i].name) == n && memcmp(pass_fns[i].name, name, n) == 0)
			return pass_fns[i].fn;
	for (int i = 0; i < ssa_npasses; i++)
		if (strlen(ssa_passes[i].name) == n && memcmp(ssa_passes[i].name, name, n) == 0)
			return ssa_passes[i].fn;
	return NULL;
}

bool ssa_pass_known(const char *name) { return short_pass(name, strlen(name)) != NULL; }

/* is name in the comma-separated list (or the list "all")? */
static bool in_list(const char *list, const char *name)
{
	if (!list)
		return false;
	if (strcmp(list, "all") == 0)
		return true;
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, name, n) == 0)
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

static bool after(Func *f, const SsaConfig *cfg, const char *name)
{
	f->pass = name;
	if (cfg->check) {
		const char *err = ssa_check(f);
		if (err) {
			fprintf(stderr, "goc: internal compiler error: ssa check %s %s: func %s: %s\n",
				strcmp(name, "start") == 0 ? "on" : "after", strcmp(name, "start") == 0 ? "input" : name,
				f->name, err);
			return false;
		}
	}
	if (cfg->dump && (in_list(cfg->dump, name) || strcmp(cfg->dump, "all") == 0)) {
		FILE *out = cfg->dumpout ? cfg->dumpout : stdout;
		fprintf(out, "# after %s\n", name);
		ssa_fprint(out, f);
	}
	if (cfg->html)
		ssa_html_column(cfg->html, name, f);
	return true;
}

bool ssa_compile(Func *f, const SsaConfig *cfg)
{
	static bool ordered;
	if (!ordered) {
		ssa_check_pass_order();
		ordered = true;
	}
	if (!after(f, cfg, "start"))
		return false;
	if (cfg->only) {
		for (const char *p = cfg->only; *p;) {
			const char *e = strchr(p, ',');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			void (*fn)(Func *) = short_pass(p, len);
			if (!fn)
				fatal("ssa: unknown pass \"%.*s\"", (int)len, p);
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)len, p);
			f->pass = name;
			fn(f);
			if (!after(f, cfg, name))
				return false;
			if (!e)
				break;
			p = e + 1;
		}
		f->pass = NULL;
		return true;
	}
	for (int i = 0; i < ssa_npasses; i++) {
		const SsaPass *p = &ssa_passes[i];
		if (cfg->noopt && !p->required)
			continue;
		f->pass = p->name;
		p->fn(f);
		if (!after(f, cfg, p->name))
			return false;
	}
	f->pass = NULL;
	return true;
}
