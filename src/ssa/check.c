/*
 * check.c — the IR checker (gc's check.go, QBE's ssacheck): run between
 * passes in the tests (-d ssa/check/on), it finds the first violation of
 * the IR's invariants and names it:
 *
 *   - blocks: known kind, the kind's number of controls and successors,
 *     edges consistent in both directions, the entry without predecessors;
 *   - values: known op, the op's argument count, types matching the op's
 *     signature (ops.h), auxint in range for constants, aux present where
 *     the op needs one, use counts right;
 *   - SSA: every argument defined, and defined where it dominates its use
 *     (earlier in the same block, or in a dominating block; a phi's i-th
 *     argument dominates the end of the i-th predecessor), controls too
 *     (uses in unreachable blocks are exempt: deadcode removes them);
 *   - memory: one memory phi per block at most, and the memory values of a
 *     block form one chain (exactly one left unconsumed at its end).
 */
#include "ssa.h"

typedef struct Checker {
	Func *f;
	const char *err;
	int32_t *idx; /* value id -> index in its block */
} Checker;

static bool fail(Checker *c, const char *fmt, ...) PRINTF(2, 3);
static bool fail(Checker *c, const char *fmt, ...)
{
	if (c->err)
		return false;
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->err = arena_strndup(&c->f->arena, msg, strlen(msg));
	return false;
}

static bool has_mem(const SsaType *t)
{
	if (t->kind == SK_MEM)
		return true;
	return t->kind == SK_TUPLE && t->nfields && t->fields[t->nfields - 1]->kind == SK_MEM;
}

/* Same-size integers are interchangeable (the signedness is in the ops,
 * as in gc: x|0 => x may give an int32 where a uint32 was), and so are
 * pointer-shaped types. */
static bool compatible(const SsaType *a, const SsaType *b)
{
	if (a == b)
		return true;
	if (ssa_type_isint(a) && ssa_type_isint(b))
		return a->size == b->size;
	return a->kind == SK_PTR && b->kind == SK_PTR;
}

static bool classok(char c, const SsaType *t)
{
	switch (c) {
	case '1': case '2': case '4': case '8':
		return ssa_type_isint(t) && t->size == c - '0';
	case 'x': return ssa_type_isint(t);
	case 'b': return t->kind == SK_BOOL;
	case 'f': return t->kind == SK_FLOAT && t->size == 4;
	case 'F': return t->kind == SK_FLOAT && t->size == 8;
	case 'c': return t->kind == SK_COMPLEX && t->size == 8;
	case 'C': return t->kind == SK_COMPLEX && t->size == 16;
	case 'p': return t->kind == SK_PTR;
	case 's': return t->kind == SK_STRING;
	case 'S': return t->kind == SK_SLICE;
	case 'i': return t->kind == SK_IFACE;
	case 'm': return t->kind == SK_MEM;
	case 'v': return t->kind == SK_VOID;
	case 't': return t->kind == SK_TUPLE;
	case 'a': return t->kind != SK_MEM && t->kind != SK_VOID && t->kind != SK_TUPLE && t->kind != SK_FLAGS;
	case 'A': return true;
	}
	return false;
}

static const char *classname(char c)
{
	switch (c) {
	case '1': return "an 8-bit integer";
	case '2': return "a 16-bit integer";
	case '4': return "a 32-bit integer";
	case '8': return "a 64-bit integer";
	case 'x': return "an integer";
	case 'b': return "bool";
	case 'f': return "float32";
	case 'F': return "float64";
	case 'c': return "complex64";
	case 'C': return "complex128";
	case 'p': return "a pointer";
	case 's': return "a string";
	case 'S': return "a slice";
	case 'i': return "an interface";
	case 'm': return "mem";
	case 'v': return "void";
	case 't': return "a tuple";
	case 'a': return "a value (not mem/void/tuple)";
	}
	return "anything";
}

#define VFMT "b%u: v%u (%s): "
#define VARG(v) (v)->block->id, (v)->id, ssa_ops[(v)->op].name

static bool check_types(Checker *c, Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	if (!v->type)
		return fail(c, VFMT "no type", VARG(v));
	if (oi->nargs >= 0 && v->nargs != oi->nargs)
		return fail(c, VFMT "has %d arguments, want %d", VARG(v), v->nargs, oi->nargs);
	const char *s = oi->sig;
	const char *gt = strchr(s, '>');
	int k = 0;
	char prev = 0;
	for (const char *p = s; p < gt; p++) {
		if (*p == '*') {
			/* repeat prev while more args than the classes left after '*' */
			int rest = (int)(gt - p - 1);
			while (k < v->nargs - rest) {
				if (v->op != OpPhi && !classok(prev, v->args[k]->type))
					return fail(c, VFMT "argument %d (v%u) has type %s, want %s", VARG(v), k,
						    v->args[k]->id, v->args[k]->type->name, classname(prev));
				k++;
			}
			continue;
		}
		prev = *p;
		if (p + 1 < gt && p[1] == '*')
			continue;
		if (k >= v->nargs)
			return fail(c, VFMT "has %d arguments, want more", VARG(v), v->nargs);
		if (!classok(*p, v->args[k]->type))
			return fail(c, VFMT "argument %d (v%u) has type %s, want %s", VARG(v), k,
				    v->args[k]->id, v->args[k]->type->name, classname(*p));
		k++;
	}
	if (k != v->nargs)
		return fail(c, VFMT "has %d arguments, want %d", VARG(v), v->nargs, k);
	char r = gt[1];
	if (r == '=') {
		if (v->nargs == 0 && v->op == OpPhi)
			return fail(c, VFMT "phi without arguments", VARG(v));
		for (int i = 0; i < v->nargs; i++)
			if (!compatible(v->args[i]->type, v->type) && (i == 0 || v->op == OpPhi))
				return fail(c, VFMT "argument %d (v%u) has type %s, want %s (the value's type)", VARG(v),
					    i, v->args[i]->id, v->args[i]->type->name, v->type->name);
	} else if (!classok(r, v->type))
		return fail(c, VFMT "has type %s, want %s", VARG(v), v->type->name, classname(r));
	/* op-specific */
	const SsaType *t = v->type;
	switch (v->op) {
	case OpSelectN: {
		const SsaType *tt = v->args[0]->type;
		if (v->auxint < 0 || v->auxint >= tt->nfields)
			return fail(c, VFMT "selects [%lld] of a %d-tuple", VARG(v), (long long)v->auxint, tt->nfields);
		if (!compatible(tt->fields[v->auxint], t))
			return fail(c, VFMT "has type %s, want %s (element %lld of %s)", VARG(v), t->name,
				    tt->fields[v->auxint]->name, (long long)v->auxint, tt->name);
		break;
	}
	case OpStaticCall: case OpClosureCall: case OpInterCall:
		if (!has_mem(t))
			return fail(c, VFMT "a call's type must be mem or a tuple ending in mem, not %s", VARG(v), t->name);
		break;
	case OpMakeResult:
		if (t->nfields != v->nargs)
			return fail(c, VFMT "type %s for %d arguments", VARG(v), t->name, v->nargs);
		for (int i = 0; i < v->nargs; i++)
			if (!compatible(t->fields[i], v->args[i]->type))
				return fail(c, VFMT "argument %d (v%u) has type %s, want %s", VARG(v), i,
					    v->args[i]->id, v->args[i]->type->name, t->fields[i]->name);
		break;
	case OpLoad:
		if (t->kind == SK_MEM || t->kind == SK_TUPLE || t->kind == SK_VOID)
			return fail(c, VFMT "loads a %s", VARG(v), t->name);
		break;
	case OpConstNil:
		break;
	default:
		break;
	}
	return true;
}

static bool check_aux(Checker *c, Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	int64_t x = v->auxint;
	switch (oi->auxkind) {
	case AUX_NONE:
		if (x)
			return fail(c, VFMT "auxint %lld, want none", VARG(v), (long long)x);
		break;
	case AUX_BOOL:
		if (x != 0 && x != 1)
			return fail(c, VFMT "auxint %lld, want a bool", VARG(v), (long long)x);
		break;
	case AUX_INT8:
		if (x != (int8_t)x)
			return fail(c, VFMT "auxint %lld out of range for int8", VARG(v), (long long)x);
		break;
	case AUX_INT16:
		if (x != (int16_t)x)
			return fail(c, VFMT "auxint %lld out of range for int16", VARG(v), (long long)x);
		break;
	case AUX_INT32:
		if (x != (int32_t)x)
			return fail(c, VFMT "auxint %lld out of range for int32", VARG(v), (long long)x);
		break;
	case AUX_F32: {
		double d;
		memcpy(&d, &x, sizeof d);
		if (d == d && (double)(float)d != d)
			return fail(c, VFMT "auxint %g is not a float32", VARG(v), d);
		break;
	}
	case AUX_SIZE:
		if (x < 0)
			return fail(c, VFMT "negative size %lld", VARG(v), (long long)x);
		break;
	case AUX_STR:
	case AUX_SYM:
		if (!v->aux && v->op != OpWB)
			return fail(c, VFMT "needs an aux {...}", VARG(v));
		break;
	}
	if (v->aux && (oi->auxkind < AUX_STR))
		return fail(c, VFMT "has an aux {%.*s} but takes none", VARG(v), (int)v->aux->s.n, v->aux->s.p);
	return true;
}

/* does a value defined as `a` reach the end of block b / the value v? */
static bool reachable(Checker *c, Block *b)
{
	ssa_dom(c->f);
	return c->f->dompre[b->id] >= 0;
}

/* uses in unreachable code are not held to dominance (as gc's check) */
static bool dominates_end(Checker *c, Value *a, Block *b)
{
	return !reachable(c, b) || ssa_dominates(c->f, a->block, b);
}

static bool dominates_use(Checker *c, Value *a, Value *v)
{
	if (a->block == v->block)
		return c->idx[a->id] < c->idx[v->id];
	return !reachable(c, v->block) || ssa_dominates(c->f, a->block, v->block);
}

static bool check_args(Checker *c, Value *v)
{
	Func *f = c->f;
	for (int i = 0; i < v->nargs; i++) {
		Value *a = v->args[i];
		if (!a || a->id >= f->nvalueids || f->values[a->id] != a || !a->block)
			return fail(c, VFMT "argument %d is not a live value of the function", VARG(v), i);
		if (v->op == OpPhi) {
			Block *p = v->block->preds[i].b;
			if (!dominates_end(c, a, p))
				return fail(c, VFMT "argument %d (v%u in b%u) does not dominate predecessor b%u",
					    VARG(v), i, a->id, a->block->id, p->id);
		} else if (!dominates_use(c, a, v)) {
			if (a->block == v->block)
				return fail(c, VFMT "argument %d (v%u) is defined after its use", VARG(v), i, a->id);
			return fail(c, VFMT "argument %d (v%u in b%u) does not dominate its use", VARG(v), i,
				    a->id, a->block->id);
		}
	}
	return true;
}

static bool check_block(Checker *c, Block *b)
{
	Func *f = c->f;
	const BlockInfo *bi = &ssa_blocks[b->kind];
	if (b->kind == BlockInvalid || b->kind >= BlockCount)
		return fail(c, "b%u: invalid block kind", b->id);
	if (b->func != f || f->blockbyid[b->id] != b)
		return fail(c, "b%u: not registered in the function", b->id);
	if (b->ncontrols != bi->ncontrols)
		return fail(c, "b%u: %s block has %d controls, want %d", b->id, bi->name, b->ncontrols, bi->ncontrols);
	if (bi->nsuccs >= 0 && b->nsuccs != bi->nsuccs)
		return fail(c, "b%u: %s block has %d successors, want %d", b->id, bi->name, b->nsuccs, bi->nsuccs);
	if (b->likely && b->nsuccs != 2)
		return fail(c, "b%u: likely branch without two successors", b->id);
	for (int i = 0; i < b->nsuccs; i++) {
		Edge e = b->succs[i];
		if (!e.b || e.i < 0 || e.i >= e.b->npreds || e.b->preds[e.i].b != b || e.b->preds[e.i].i != i)
			return fail(c, "b%u: successor edge %d (to b%u) has no matching predecessor edge", b->id, i,
				    e.b ? e.b->id : 0);
		if (f->blockbyid[e.b->id] != e.b)
			return fail(c, "b%u: successor b%u was removed", b->id, e.b->id);
	}
	for (int i = 0; i < b->npreds; i++) {
		Edge e = b->preds[i];
		if (!e.b || e.i < 0 || e.i >= e.b->nsuccs || e.b->succs[e.i].b != b || e.b->succs[e.i].i != i)
			return fail(c, "b%u: predecessor edge %d (from b%u) has no matching successor edge", b->id, i,
				    e.b ? e.b->id : 0);
		if (f->blockbyid[e.b->id] != e.b)
			return fail(c, "b%u: predecessor b%u was removed", b->id, e.b->id);
	}
	for (int i = 0; i < b->ncontrols; i++) {
		Value *v = b->controls[i];
		if (!v || v->id >= f->nvalueids || f->values[v->id] != v || !v->block)
			return fail(c, "b%u: control %d is not a live value", b->id, i);
		if (!dominates_end(c, v, b))
			return fail(c, "b%u: control v%u (in b%u) does not dominate the block", b->id, v->id, v->block->id);
		switch (b->kind) {
		case BlockIf:
			if (v->type->kind != SK_BOOL)
				return fail(c, "b%u: If control v%u has type %s, want bool", b->id, v->id, v->type->name);
			break;
		case BlockRet:
			if (!(v->type->kind == SK_MEM || (v->op == OpMakeResult && has_mem(v->type))))
				return fail(c, "b%u: Ret control v%u must be mem or a MakeResult, not %s", b->id, v->id,
					    v->type->name);
			break;
		case BlockExit: case BlockDefer:
			if (v->type->kind != SK_MEM)
				return fail(c, "b%u: %s control v%u has type %s, want mem", b->id, bi->name, v->id,
					    v->type->name);
			break;
		}
	}
	return true;
}

/* one memory chain per block: at most one memory phi, and exactly one
 * memory state left unconsumed by the block's own memory producers */
static bool check_memory(Checker *c, Block *b, uint32_t *consumed)
{
	Value *memphi = NULL;
	for (int i = 0; i < b->nvalues; i++) {
		Value *v = b->values[i];
		if (!has_mem(v->type) || v->op == OpCopy) /* a copy is an alias, not a new state */
			continue;
		if (v->op == OpPhi && v->type->kind == SK_MEM) {
			if (memphi)
				return fail(c, "b%u: two memory phis, v%u and v%u", b->id, memphi->id, v->id);
			memphi = v;
		}
		if (v->op == OpPhi)
			continue;
		for (int k = 0; k < v->nargs; k++) {
			Value *a = v->args[k];
			if (a->block != b || !has_mem(a->type))
				continue;
			if (consumed[a->id])
				return fail(c, "b%u: memory v%u is consumed twice (by v%u and another value): "
					    "memory must be single-threaded", b->id, a->id, v->id);
			consumed[a->id] = v->id;
		}
	}
	Value *live = NULL;
	for (int i = 0; i < b->nvalues; i++) {
		Value *v = b->values[i];
		if (!has_mem(v->type) || consumed[v->id] || v->op == OpCopy)
			continue;
		if (live)
			return fail(c, "b%u: two live memory values, v%u and v%u", b->id, live->id, v->id);
		live = v;
	}
	for (int i = 0; i < b->ncontrols; i++) {
		Value *v = b->controls[i];
		if (v->block == b && has_mem(v->type) && consumed[v->id])
			return fail(c, "b%u: control v%u is a memory state that v%u already consumed", b->id, v->id,
				    consumed[v->id]);
	}
	return true;
}

const char *ssa_check(Func *f)
{
	Checker c = {.f = f};
	if (!f->entry || f->nblocks == 0 || f->blocks[0] != f->entry)
		return fail(&c, "function %s has no entry block (or it is not first)", f->name), c.err;
	if (f->entry->npreds)
		return fail(&c, "entry block b%u has predecessors", f->entry->id), c.err;
	c.idx = xcalloc(f->nvalueids + 1, sizeof *c.idx);
	int32_t *uses = xcalloc(f->nvalueids + 1, sizeof *uses);
	uint32_t *consumed = xcalloc(f->nvalueids + 1, sizeof *consumed);
	for (int i = 0; i < f->nblocks && !c.err; i++) {
		Block *b = f->blocks[i];
		for (int k = 0; k < b->nvalues; k++) {
			Value *v = b->values[k];
			if (v->id >= f->nvalueids || f->values[v->id] != v) {
				fail(&c, "b%u: v%u is not registered in the function", b->id, v->id);
				break;
			}
			if (v->block != b) {
				fail(&c, "b%u: v%u says it is in b%u", b->id, v->id, v->block ? v->block->id : 0);
				break;
			}
			if (v->op == OpInvalid || v->op >= OpCount) {
				fail(&c, "b%u: v%u has an invalid op", b->id, v->id);
				break;
			}
			c.idx[v->id] = k;
			for (int j = 0; j < v->nargs; j++)
				if (v->args[j] && v->args[j]->id <= f->nvalueids)
					uses[v->args[j]->id]++;
		}
		for (int k = 0; k < b->ncontrols; k++)
			if (b->controls[k] && b->controls[k]->id <= f->nvalueids)
				uses[b->controls[k]->id]++;
	}
	for (int i = 0; i < f->nblocks && !c.err; i++) {
		Block *b = f->blocks[i];
		if (!check_block(&c, b))
			break;
		for (int k = 0; k < b->nvalues && !c.err; k++) {
			Value *v = b->values[k];
			if (v->op == OpPhi && v->nargs != b->npreds) {
				fail(&c, VFMT "phi has %d arguments for %d predecessors", VARG(v), v->nargs, b->npreds);
				break;
			}
			if (check_args(&c, v) && check_types(&c, v) && check_aux(&c, v) && v->uses != uses[v->id])
				fail(&c, VFMT "use count %d, but %d uses found", VARG(v), v->uses, uses[v->id]);
		}
		if (!c.err)
			check_memory(&c, b, consumed);
	}
	free(c.idx);
	free(uses);
	free(consumed);
	return c.err;
}
