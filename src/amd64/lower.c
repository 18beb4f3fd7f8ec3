/*
 * lower.c — prepares a function's SSA for the amd64 emitter (the first
 * step of the back end, see backend.h).  A transform followed by
 * analyses:
 *
 *   1. critical edges into blocks with phis are split (a Plain block on
 *      the edge), so that phi moves always sit at the end of a block with
 *      one successor; an OffPtr whose offset does not fit a 32-bit
 *      displacement becomes an AddPtr of a constant;
 *   2. each block is scheduled: phis first, then the other values in an
 *      order where arguments come before their users, a load comes before
 *      the store (or call) that replaces the memory it reads, a call's
 *      SelectNs come right after it (they read the outgoing area, which
 *      the next call overwrites), and the block's control comes last;
 *   3. values the emitter produces where they are used are marked
 *      virtual: constants (immediates, or a scratch register), global
 *      and local addresses (folded into memory operands or LEAQ),
 *      OffPtr whose every use is an address (folded: 8(AX)), and a
 *      comparison that only decides its block's branch (CMPQ + Jcc);
 *   4. every other value gets virtual registers, one per word.
 * Requires: the machine-independent passes ran (layout last).
 * Preserves: the CFG except for the split edges (layout reruns).
 */
#include "backend.h"
#include <stdarg.h>

NORETURN void amd64_notimpl(CodeGen *g, Value *v, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	const char *file = g->file;
	int line = v ? (int)v->line : 0;
	if (v && v->pos) {
		Position p = pos_adjusted(v->pos);
		if (p.filename) {
			file = p.filename;
			line = p.line;
		}
	}
	if (file && line)
		fprintf(stderr, "%s:%d: ", file, line);
	fprintf(stderr, "not implemented: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (in %s)\n", g->f->name);
	exit(2);
}

int amd64_words(const SsaType *t, Word w[MAXWORDS])
{
	switch (t->kind) {
	case SK_VOID: case SK_MEM: case SK_FLAGS: case SK_TUPLE:
		return 0;
	case SK_BOOL: case SK_INT: case SK_UINT: case SK_PTR:
		w[0] = (Word){0, (uint8_t)t->size, WC_INT};
		return 1;
	case SK_FLOAT:
		w[0] = (Word){0, (uint8_t)t->size, WC_FLT};
		return 1;
	case SK_COMPLEX: {
		uint8_t h = (uint8_t)(t->size / 2);
		w[0] = (Word){0, h, WC_FLT};
		w[1] = (Word){h, h, WC_FLT};
		return 2;
	}
	case SK_STRING: case SK_IFACE: case SK_SLICE: {
		int n = t->kind == SK_SLICE ? 3 : 2;
		for (int i = 0; i < n; i++)
			w[i] = (Word){(uint8_t)(8 * i), 8, WC_INT};
		return n;
	}
	case SK_STRUCT: case SK_ARRAY: {
		int n = 0;
		int64_t off = 0;
		while (off < t->size) {
			int64_t rem = t->size - off;
			int sz = 8;
			while (sz > rem || off % sz)
				sz /= 2;
			if (n == MAXWORDS || off > 255)
				return -1;
			w[n++] = (Word){(uint8_t)off, (uint8_t)sz, WC_INT};
			off += sz;
		}
		return n;
	}
	}
	return -1;
}

/* Functions of the C runtime, called with the System V convention
 * (docs/abi.md): everything in package runtime (the runtime is C), and
 * the go:linkname targets the runtime provides for other packages. */
bool amd64_is_cfunc(const char *sym)
{
	static const char *const prefixes[] = {
		"runtime.", "sync.runtime_", "internal/poll.runtime_", "sync/atomic.runtime_",
	};
	for (size_t i = 0; i < NELEM(prefixes); i++)
		if (strncmp(sym, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

bool amd64_fusable_cmp(Op op)
{
	if (op >= OpEq8 && op <= OpLeq64U)
		return true;
	switch (op) {
	case OpEqPtr: case OpNeqPtr: case OpIsNonNil: case OpIsInBounds: case OpIsSliceInBounds:
		return true;
	default:
		return false;
	}
}

/* ---- 1. critical edges ---- */

static bool has_phis(Block *b)
{
	for (int i = 0; i < b->nvalues; i++)
		if (b->values[i]->op == OpPhi)
			return true;
	return false;
}

static void split_edges(Func *f)
{
	bool split = false;
	int n = f->nblocks;
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks[k];
		if (b->nsuccs < 2)
			continue;
		for (int i = 0; i < b->nsuccs; i++) {
			Block *s = b->succs[i].b;
			int j = b->succs[i].i;
			if (!has_phis(s))
				continue;
			Block *m = ssa_block_new(f, BlockPlain);
			m->line = b->line;
			m->preds = arena_alloc(&f->arena, sizeof(Edge));
			m->succs = arena_alloc(&f->arena, sizeof(Edge));
			m->npreds = m->nsuccs = m->cappreds = m->capsuccs = 1;
			m->preds[0] = (Edge){b, i};
			m->succs[0] = (Edge){s, j};
			b->succs[i] = (Edge){m, 0};
			s->preds[j] = (Edge){m, 0};
			split = true;
		}
	}
	if (split) {
		f->cfgversion++;
		ssa_layout(f);
	}
}

/* OffPtr offsets beyond a 32-bit displacement (with room for the
 * offsets of the words read through it) become AddPtr of a constant */
static void big_offsets(Func *f)
{
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		int n = b->nvalues;
		for (int i = 0; i < n; i++) {
			Value *v = b->values[i];
			if (v->op != OpOffPtr || (v->auxint > -(1 << 30) && v->auxint < (1 << 30)))
				continue;
			Value *p = v->args[0];
			Value *c = ssa_const(b, OpConst64, ssa_t_int64, v->auxint, v->line);
			ssa_value_reset(v, OpAddPtr);
			ssa_value_addarg(v, p);
			ssa_value_addarg(v, c);
		}
	}
}

/* ---- 2. scheduling ---- */

static bool makes_mem(const Value *v)
{
	return v->type->kind == SK_MEM || (v->type->kind == SK_TUPLE && v->type->nfields &&
		v->type->fields[v->type->nfields - 1]->kind == SK_MEM);
}

typedef struct Sched {
	int32_t *idx;      /* by value id: index in the block, -1 elsewhere */
	int32_t *killer;   /* by value id (a memory): the value in this block that replaces it */
	int32_t *indeg, *eh, *enext, *eto;
	int ne, cape;
	int32_t *heap;
	int nheap;
	int32_t *prio;
} Sched;

static void sched_edge(Sched *s, int from, int to)
{
	if (s->ne == s->cape) {
		s->cape = s->cape ? 2 * s->cape : 256;
		s->enext = xrealloc(s->enext, (size_t)s->cape * sizeof *s->enext);
		s->eto = xrealloc(s->eto, (size_t)s->cape * sizeof *s->eto);
	}
	s->eto[s->ne] = to;
	s->enext[s->ne] = s->eh[from];
	s->eh[from] = s->ne++;
	s->indeg[to]++;
}

static bool heap_less(Sched *s, int a, int b)
{
	return s->prio[a] != s->prio[b] ? s->prio[a] < s->prio[b] : a < b;
}

static void heap_push(Sched *s, int x)
{
	int i = s->nheap++;
	s->heap[i] = x;
	while (i > 0) {
		int p = (i - 1) / 2;
		if (!heap_less(s, s->heap[i], s->heap[p]))
			break;
		int t = s->heap[i];
		s->heap[i] = s->heap[p];
		s->heap[p] = t;
		i = p;
	}
}

static int heap_pop(Sched *s)
{
	int top = s->heap[0];
	s->heap[0] = s->heap[--s->nheap];
	int i = 0;
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;
		if (l < s->nheap && heap_less(s, s->heap[l], s->heap[m]))
			m = l;
		if (r < s->nheap && heap_less(s, s->heap[r], s->heap[m]))
			m = r;
		if (m == i)
			break;
		int t = s->heap[i];
		s->heap[i] = s->heap[m];
		s->heap[m] = t;
		i = m;
	}
	return top;
}

static void schedule_block(Func *f, Block *b, Sched *s)
{
	int n = b->nvalues;
	if (n < 2)
		return;
	Value **vs = b->values;
	for (int i = 0; i < n; i++)
		s->idx[vs[i]->id] = i;
	s->indeg = xcalloc((size_t)n, sizeof *s->indeg);
	s->eh = xmalloc((size_t)n * sizeof *s->eh);
	s->prio = xmalloc((size_t)n * sizeof *s->prio);
	s->heap = xmalloc((size_t)n * sizeof *s->heap);
	s->ne = s->nheap = 0;
	for (int i = 0; i < n; i++)
		s->eh[i] = -1;
	/* the value in this block that replaces each memory */
	for (int i = 0; i < n; i++) {
		Value *v = vs[i];
		if (v->op == OpPhi || !makes_mem(v))
			continue;
		for (int k = 0; k < v->nargs; k++)
			if (v->args[k]->type->kind == SK_MEM)
				s->killer[v->args[k]->id] = i;
	}
	for (int i = 0; i < n; i++) {
		Value *v = vs[i];
		/* priorities: 0 plumbing that must lead, 1 SelectN, 2 others, 3 the control */
		int p = 2;
		if (v->op == OpPhi || v->op == OpInitMem || v->op == OpArg || v->op == OpGetClosurePtr)
			p = 0;
		else if (v->op == OpSelectN)
			p = 1;
		else if (b->ncontrols && b->controls[0] == v)
			p = 3;
		s->prio[i] = p;
		if (v->op == OpPhi)
			continue;
		for (int k = 0; k < v->nargs; k++) {
			Value *a = v->args[k];
			if (a->block == b && a->op != OpPhi && s->idx[a->id] >= 0)
				sched_edge(s, s->idx[a->id], i);
			if (a->type->kind == SK_MEM && !makes_mem(v)) {
				int kl = s->killer[a->id];
				if (kl >= 0 && kl != i)
					sched_edge(s, i, kl);
			}
		}
	}
	Value **out = xmalloc((size_t)n * sizeof *out);
	int no = 0;
	for (int i = 0; i < n; i++)
		if (s->indeg[i] == 0)
			heap_push(s, i);
	while (s->nheap) {
		int i = heap_pop(s);
		out[no++] = vs[i];
		for (int e = s->eh[i]; e >= 0; e = s->enext[e])
			if (--s->indeg[s->eto[e]] == 0)
				heap_push(s, s->eto[e]);
	}
	if (no != n)
		ice(0, "amd64 schedule", "func %s: block b%u has a dependency cycle", f->name, b->id);
	memcpy(vs, out, (size_t)n * sizeof *out);
	free(out);
	for (int i = 0; i < n; i++) {
		s->idx[vs[i]->id] = -1;
		for (int k = 0; k < vs[i]->nargs; k++)
			s->killer[vs[i]->args[k]->id] = -1;
	}
	free(s->indeg);
	free(s->eh);
	free(s->prio);
	free(s->heap);
}

static void schedule(Func *f)
{
	Sched s = {0};
	s.idx = xmalloc((f->nvalueids + 1) * sizeof *s.idx);
	s.killer = xmalloc((f->nvalueids + 1) * sizeof *s.killer);
	for (uint32_t i = 0; i <= f->nvalueids; i++)
		s.idx[i] = s.killer[i] = -1;
	for (int k = 0; k < f->nblocks; k++)
		schedule_block(f, f->blocks[k], &s);
	free(s.idx);
	free(s.killer);
	free(s.enext);
	free(s.eto);
}

/* ---- 3. virtual values ---- */

bool amd64_inmemory(const Value *v)
{
	if (v->type->kind != SK_STRUCT && v->type->kind != SK_ARRAY)
		return false;
	switch (v->op) {
	case OpLoad: case OpArg: case OpSelectN: case OpCopy:
		return true;
	default:
		return false;
	}
}

static bool addr_use(const Value *u, int i)
{
	switch (u->op) {
	case OpLoad: case OpStore: case OpZero: case OpNilCheck: return i == 0;
	case OpMove: return i == 0 || i == 1;
	default: return false;
	}
}

static bool const_like(Op op)
{
	switch (op) {
	case OpConst8: case OpConst16: case OpConst32: case OpConst64: case OpConstBool:
	case OpConst32F: case OpConst64F: case OpConstNil: case OpConstString:
	case OpConstSlice: case OpConstInterface:
	case OpAddr: case OpLocalAddr: case OpSP: case OpSB:
		return true;
	default:
		return false;
	}
}

/* i*c (c = 2, 4, 8) whose every use is the offset of an AddPtr: the
 * AddPtr's LEAQ scales the index */
static void mark_scales(CodeGen *g)
{
	Func *f = g->f;
	int32_t *n = xcalloc(f->nvalueids + 1, sizeof *n);
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *u = b->values[i];
			for (int j = 0; j < u->nargs; j++)
				n[u->args[j]->id] += u->op == OpAddPtr && j == 1 ? 1 : 1 << 20;
		}
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				n[b->controls[c]->id] += 1 << 20;
	}
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (v->op != OpMul64 || n[v->id] == 0 || n[v->id] >= 1 << 20 || g->virt[v->id])
				continue;
			Value *c = v->args[1];
			if (c->op == OpConst64 && (c->auxint == 2 || c->auxint == 4 || c->auxint == 8) &&
			    (!g->virt[v->args[0]->id] || g->virt[v->args[0]->id] == VIRT_WORD))
				g->virt[v->id] = VIRT_SCALE;
		}
	free(n);
}

/* p + i (or p + i*scale) whose every use is an address (of a Load,
 * Store, ... or of an OffPtr folded into such addresses): the uses
 * read `off(p)(i*scale)` in place of a LEAQ into a register.  p and i
 * must have locations of their own (not constants or symbols). */
static void mark_indexed(CodeGen *g, const uint8_t *nonaddr)
{
	Func *f = g->f;
	uint8_t *bad = xcalloc(f->nvalueids + 1, 1);
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *u = b->values[i];
			for (int j = 0; j < u->nargs; j++)
				if (u->op == OpPhi || !(addr_use(u, j) || (u->op == OpOffPtr && g->virt[u->id] && !nonaddr[u->id])))
					bad[u->args[j]->id] = 1;
		}
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				bad[b->controls[c]->id] = 1;
	}
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (v->op != OpAddPtr || bad[v->id] || v->uses == 0 || g->virt[v->id])
				continue;
			Value *p = v->args[0], *x = v->args[1];
			if (g->virt[x->id] == VIRT_SCALE)
				x = x->args[0];
			uint8_t vp = g->virt[p->id], vx = g->virt[x->id];
			if ((vp == VIRT_NO || vp == VIRT_WORD) && (vx == VIRT_NO || vx == VIRT_WORD))
				g->virt[v->id] = VIRT_INDEX;
		}
	free(bad);
}

static void mark_virtual(CodeGen *g)
{
	Func *f = g->f;
	uint8_t *nonaddr = xcalloc(f->nvalueids + 1, 1);
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *u = b->values[i];
			for (int j = 0; j < u->nargs; j++)
				if (!addr_use(u, j) || u->op == OpPhi)
					nonaddr[u->args[j]->id] = 1;
		}
		for (int c = 0; c < b->ncontrols; c++)
			if (b->controls[c])
				nonaddr[b->controls[c]->id] = 1;
	}
	/* in schedule order an OffPtr's base is marked before it when in
	 * the same block; bases in other blocks: iterate to a fixed point */
	bool changed = true;
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (const_like((Op)v->op))
				g->virt[v->id] = 1;
		}
	while (changed) {
		changed = false;
		for (int k = 0; k < f->nblocks; k++)
			for (int i = 0; i < f->blocks[k]->nvalues; i++) {
				Value *v = f->blocks[k]->values[i];
				if (v->op != OpOffPtr || g->virt[v->id])
					continue;
				/* a chain of constant addresses is a constant; an
				 * offset from a register is folded where it is used */
				if (g->virt[v->args[0]->id] || !nonaddr[v->id]) {
					g->virt[v->id] = 1;
					changed = true;
				}
			}
	}
	/* structs and arrays stay in memory: a Load, Arg or call result of
	 * such a type is the address of its bytes, copied where it is used
	 * (ssagen's contract: such values are stored or passed at once) */
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (amd64_inmemory(v))
				g->virt[v->id] = 3;
		}
	/* a word of a value in registers or slots is read in place */
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			switch (v->op) {
			case OpSlicePtr: case OpSliceLen: case OpSliceCap: case OpStringPtr: case OpStringLen:
			case OpITab: case OpIData:
				if (!g->virt[v->args[0]->id])
					g->virt[v->id] = VIRT_WORD;
				break;
			default:
				break;
			}
		}
	mark_scales(g);
	mark_indexed(g, nonaddr);
	/* comparisons that only steer their block's branch */
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		if (b->kind != BlockIf)
			continue;
		Value *c = b->controls[0];
		if (c->block == b && c->uses == 1 && amd64_fusable_cmp((Op)c->op))
			g->virt[c->id] = 2;
	}
	free(nonaddr);
}

/* ---- 4. virtual registers ---- */

static void assign_vregs(CodeGen *g)
{
	Func *f = g->f;
	int cap = 64;
	g->vrval = xmalloc((size_t)cap * sizeof *g->vrval);
	g->vrword = xmalloc((size_t)cap);
	g->vrcls = xmalloc((size_t)cap);
	g->nvreg = 0;
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			Word w[MAXWORDS];
			int n = g->virt[v->id] == 3 ? 0 : amd64_words(v->type, w);
			if (n < 0)
				amd64_notimpl(g, v, "%s of type %s in registers", ssa_ops[v->op].name, v->type->name);
			g->nw[v->id] = (uint8_t)n;
			if (ssa_ops[v->op].flags & OPF_CALL)
				g->hascall = true;
			if (v->op == OpGetClosurePtr)
				g->usesctxt = true;
			if (g->virt[v->id] || n == 0)
				continue;
			if (g->nvreg + n > cap) {
				while (g->nvreg + n > cap)
					cap *= 2;
				g->vrval = xrealloc(g->vrval, (size_t)cap * sizeof *g->vrval);
				g->vrword = xrealloc(g->vrword, (size_t)cap);
				g->vrcls = xrealloc(g->vrcls, (size_t)cap);
			}
			g->vr0[v->id] = g->nvreg;
			for (int j = 0; j < n; j++) {
				g->vrval[g->nvreg] = (int32_t)v->id;
				g->vrword[g->nvreg] = (uint8_t)j;
				g->vrcls[g->nvreg] = w[j].cls;
				g->nvreg++;
			}
		}
	}
}

void amd64_lower(CodeGen *g)
{
	Func *f = g->f;
	f->pass = "lower";
	split_edges(f);
	big_offsets(f);
	schedule(f);
	size_t n = f->nvalueids + 1;
	g->virt = xcalloc(n, 1);
	g->nw = xcalloc(n, 1);
	g->vr0 = xmalloc(n * sizeof *g->vr0);
	for (size_t i = 0; i < n; i++)
		g->vr0[i] = -1;
	mark_virtual(g);
	assign_vregs(g);
}
