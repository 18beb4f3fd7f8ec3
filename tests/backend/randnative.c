/*
 * randnative.c — randomized test of the amd64 back end: random SSA
 * functions (tests/ssa/randtest.c's generator: integer arithmetic of all
 * widths, shifts, conversions, comparisons, CondSelect, loads and stores
 * of locals, diamonds with phis, counted loops) are run by the SSA
 * interpreter and compiled to machine code; a generated main.main calls
 * each one (ABI0) with the same arguments and prints its results through
 * the runtime.  The program's output must equal the interpreter's.
 *
 *   randnative -rt LIBGOCRT.a -o DIR [-seed N] [-n COUNT] [-batch K] [-v]
 * Prints "randnative: N passed, N failed"; on a failure the function's
 * text (before the passes) and both results.
 */
#define main randtest_main
#include "../ssa/randtest.c"
#undef main

#include <sys/wait.h>
#include <unistd.h>

#include "../../src/link/link.h"
/* backend.h's amd64.h clashes with <sys/wait.h>'s REG_*: declare what is used */
typedef struct EmitOpts {
	FILE *asmout;
	bool nosplit;
} EmitOpts;
void amd64_compile(Func *f, int64_t paramsize, const char *file, Link *l, const EmitOpts *o);

typedef struct Case {
	Buf text;                 /* the function before the passes */
	SsaInterpResult want;
	SsaType *rtypes[8];
	int nres;
	int64_t args[3];
	int num;                  /* main.rand<num> */
} Case;

static uint64_t mask(uint64_t x, int64_t size)
{
	return size >= 8 ? x : x & ((UINT64_C(1) << (8 * size)) - 1);
}

static Value *call_void(Block *b, const char *fn, Value *mem, Value *arg)
{
	Value *c = ssa_value_new(b, OpStaticCall, ssa_t_mem, 0, ssa_aux(b->func, fn, strlen(fn)));
	if (arg)
		ssa_value_addarg(c, arg);
	ssa_value_addarg(c, mem);
	return c;
}

/* main.main: calls each case and prints its results in hex, one line each */
static Func *gen_main(Case *cs, int n)
{
	Func *f = ssa_func_new("main.main");
	Block *b = ssa_block_new(f, BlockRet);
	Value *mem = ssa_value_new0(b, OpInitMem, ssa_t_mem, 0);
	for (int k = 0; k < n; k++) {
		Case *c = &cs[k];
		SsaType *tt[9];
		for (int i = 0; i < c->nres; i++)
			tt[i] = c->rtypes[i];
		tt[c->nres] = ssa_t_mem;
		char name[32];
		snprintf(name, sizeof name, "main.rand%d", c->num);
		Value *av[3];
		for (int i = 0; i < 3; i++)
			av[i] = ssa_const(b, OpConst64, ssa_t_int64, c->args[i], 0);
		Value *call = ssa_value_new(b, OpStaticCall, ssa_type_tuple(tt, c->nres + 1), 24, ssa_aux(f, name, strlen(name)));
		for (int i = 0; i < 3; i++)
			ssa_value_addarg(call, av[i]);
		ssa_value_addarg(call, mem);
		Value *res[8];
		for (int i = 0; i < c->nres; i++)
			res[i] = ssa_value_new1(b, OpSelectN, c->rtypes[i], 0, call), res[i]->auxint = i;
		Value *m = ssa_value_new1(b, OpSelectN, ssa_t_mem, 0, call);
		m->auxint = c->nres;
		mem = call_void(b, "runtime.printlock", m, NULL);
		for (int i = 0; i < c->nres; i++) {
			Value *x = res[i];
			int64_t sz = x->type->size;
			if (sz < 8) {
				char op[32];
				snprintf(op, sizeof op, "ZeroExt%dto64", (int)(8 * sz));
				x = ssa_value_new1(b, ssa_op_lookup(op, strlen(op)), ssa_t_uint64, 0, x);
			}
			mem = call_void(b, "runtime.printhex", mem, x);
			mem = call_void(b, "runtime.printsp", mem, NULL);
		}
		mem = call_void(b, "runtime.printnl", mem, NULL);
		mem = call_void(b, "runtime.printunlock", mem, NULL);
	}
	ssa_block_setcontrol(b, 0, mem);
	return f;
}

/* The generator reads locals it may not have stored; the interpreter
 * zeroes them, compiled code (like gc's) leaves that to the IR: zero
 * them right after their LocalAddrs, and let everything that used the
 * initial memory use the zeroed one. */
static void zero_locals(Func *f)
{
	Block *b = f->entry;
	Value *init = NULL;
	int last = -1;
	for (int i = 0; i < b->nvalues; i++) {
		if (b->values[i]->op == OpInitMem)
			init = b->values[i];
		if (b->values[i]->op == OpLocalAddr)
			last = i;
	}
	if (!init || last < 0)
		return;
	int n0 = b->nvalues;
	Value *mem = init;
	for (int i = 0; i <= last; i++) {
		Value *a = b->values[i];
		if (a->op != OpLocalAddr)
			continue;
		Value *z = ssa_value_new(b, OpZero, ssa_t_mem, a->type->elem->size, NULL);
		ssa_value_addarg(z, a);
		ssa_value_addarg(z, mem);
		mem = z;
	}
	int nz = b->nvalues - n0;
	Value **zs = xmalloc((size_t)nz * sizeof *zs);
	memcpy(zs, b->values + n0, (size_t)nz * sizeof *zs);
	memmove(b->values + last + 1 + nz, b->values + last + 1, (size_t)(n0 - last - 1) * sizeof *zs);
	memcpy(b->values + last + 1, zs, (size_t)nz * sizeof *zs);
	free(zs);
	Value *first = b->values[last + 1];
	for (uint32_t id = 0; id < f->nvalueids; id++) {
		Value *v = f->values[id];
		if (!v || v->op == OpLocalAddr || v == first)
			continue;
		for (int k = 0; k < v->nargs; k++)
			if (v->args[k] == init)
				ssa_value_setarg(v, k, mem);
	}
	for (int k = 0; k < f->nblocks; k++)
		for (int c = 0; c < f->blocks[k]->ncontrols; c++)
			if (f->blocks[k]->controls[c] == init)
				ssa_block_setcontrol(f->blocks[k], c, mem);
}

static void want_line(Buf *out, Case *c)
{
	for (int i = 0; i < c->nres; i++)
		buf_printf(out, "0x%llx ", (unsigned long long)mask(c->want.res[i].w[0], c->rtypes[i]->size));
	buf_putc(out, '\n');
}

static char *run_capture(const char *exe, int *status)
{
	int p[2];
	if (pipe(p) < 0)
		return NULL;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		execl(exe, exe, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	Buf b = {0};
	char tmp[4096];
	ssize_t n;
	while ((n = read(p[0], tmp, sizeof tmp)) > 0)
		buf_put(&b, tmp, (size_t)n);
	close(p[0]);
	waitpid(pid, status, 0);
	buf_putc(&b, 0);
	return b.p;
}

int main(int argc, char **argv)
{
	int n = 1000, batch = 250;
	bool verbose = false;
	const char *rt = NULL, *dir = "/tmp";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-seed") == 0 && i + 1 < argc)
			rng_state = strtoull(argv[++i], NULL, 0) * 2654435761u + 1;
		else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			n = atoi(argv[++i]);
		else if (strcmp(argv[i], "-batch") == 0 && i + 1 < argc)
			batch = atoi(argv[++i]);
		else if (strcmp(argv[i], "-rt") == 0 && i + 1 < argc)
			rt = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else if (strcmp(argv[i], "-size") == 0 && i + 1 < argc)
			budget_base = budget_rand = atoi(argv[++i]);
	}
	if (!rt) {
		fprintf(stderr, "usage: randnative -rt libgocrt.a [-o DIR] [-seed N] [-n COUNT] [-batch K]\n");
		return 2;
	}
	const char *names[] = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"};
	for (int i = 0; i < 8; i++)
		inttypes[i] = ssa_type(names[i]);
	int pass = 0, fail = 0, skipped = 0;
	SsaConfig cfg = {.check = true};
	Case *cs = xcalloc((size_t)batch, sizeof *cs);
	char exe[512];
	snprintf(exe, sizeof exe, "%s/randnative.%d", dir, (int)getpid());
	for (int base = 0; base < n; base += batch) {
		int m = n - base < batch ? n - base : batch;
		Link *l = link_new();
		int nc = 0;
		for (int k = 0; k < m; k++) {
			Func *g = gen_func(base + k);
			zero_locals(g);
			char name[32];
			snprintf(name, sizeof name, "main.rand%d", base + k);
			g->name = arena_strndup(&g->arena, name, strlen(name));
			Case *c = &cs[nc];
			memset(c, 0, sizeof *c);
			ssa_sprint(&c->text, g);
			SsaVal av[3];
			memset(av, 0, sizeof av);
			for (int i = 0; i < 3; i++)
				c->args[i] = (int64_t)(rn(2) ? rnd() : (uint64_t)edges[rn(NELEM(edges))]), av[i].w[0] = (uint64_t)c->args[i];
			/* the result types, from the Ret's MakeResult */
			for (int bi = 0; bi < g->nblocks; bi++)
				if (g->blocks[bi]->kind == BlockRet) {
					Value *mr = g->blocks[bi]->controls[0];
					c->nres = mr->nargs - 1;
					for (int i = 0; i < c->nres; i++)
						c->rtypes[i] = mr->args[i]->type;
				}
			c->want = ssa_interp(g, av, 3, 1000000);
			if (c->want.panic) {
				skipped++;
				buf_free(&c->text);
				ssa_func_free(g);
				continue;
			}
			if (!ssa_compile(g, &cfg)) {
				fprintf(stderr, "randnative: passes failed on\n%s", c->text.p);
				return 1;
			}
			amd64_compile(g, 24 - 8 + 1, "rand.ssa", l, NULL);
			ssa_func_free(g);
			c->num = base + k;
			nc++;
		}
		Func *mainf = gen_main(cs, nc);
		if (!ssa_compile(mainf, &cfg))
			return 1;
		amd64_compile(mainf, 0, "main.ssa", l, NULL);
		ssa_func_free(mainf);
		if (link_load_archive(l, rt) < 0 || link_write(l, exe, "_start")) {
			fprintf(stderr, "randnative: link failed\n");
			return 1;
		}
		link_free(l);
		int st;
		char *got = run_capture(exe, &st);
		const char *p = got;
		for (int k = 0; k < nc; k++) {
			Buf w = {0};
			want_line(&w, &cs[k]);
			const char *nl = p ? strchr(p, '\n') : NULL;
			size_t glen = nl ? (size_t)(nl - p + 1) : (p ? strlen(p) : 0);
			if (p && glen == w.n && memcmp(p, w.p, w.n) == 0)
				pass++;
			else {
				fail++;
				if (fail <= 3 || verbose) {
					fprintf(stderr, "FAIL rand%d (args %lld %lld %lld)\n%s  want: %.*s  got:  %.*s\n",
						cs[k].num, (long long)cs[k].args[0], (long long)cs[k].args[1],
						(long long)cs[k].args[2], cs[k].text.p, (int)w.n, w.p, (int)glen, p ? p : "");
				}
			}
			if (p)
				p = nl ? nl + 1 : p + glen;
			buf_free(&w);
			buf_free(&cs[k].text);
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "randnative: the program exited with status %d\n", st);
			if (verbose)
				fprintf(stderr, "%s", got);
		}
		free(got);
	}
	unlink(exe);
	free(cs);
	printf("randnative: %d passed, %d failed (%d skipped: the interpreter panicked)\n", pass, fail, skipped);
	return fail ? 1 : 0;
}
