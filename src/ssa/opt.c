/*
 * opt.c — transform: constant folding and algebraic simplification of
 * generic ops, to a fixed point (gc's "opt" with generic.rules).
 *
 *   - an op whose arguments are all constants is folded with ssa_eval
 *     (ssa_interp.c): Go's wrap-around integer arithmetic, shifts by the
 *     width or more, float32 rounding; division by zero is not folded
 *     (it must panic at run time), nor are out-of-range float->int
 *     conversions (the machine decides);
 *   - the algebraic identities of the table below, written once per op
 *     family (Add8..Add64 are one family) and matched on either argument
 *     order for commutative ops;
 *   - the parts of a nil interface or slice constant are constants;
 *   - If on a constant becomes First (deadcode drops the other edge);
 *     If (Not c) branches on c with the successors swapped.
 *
 * Replaced values become Copies, and arguments are moved past copies as
 * the pass goes (so no argument is a Copy when it finishes).
 * Requires: nothing.  Preserves: value order within blocks.
 */
#include "ssa.h"

/* ---- the identity rules: matched per op family ---- */
enum {
	M_ARGC,     /* an argument (either, if commutative) is the constant c; x is the other */
	M_ARG1C,    /* argument 1 is the constant c; x is argument 0 */
	M_ARG0C,    /* argument 0 is the constant c; x is argument 1 */
	M_SAME,     /* both arguments are the same value x */
	M_INNER,    /* the argument is the same op applied to x */
};
enum {
	R_X,        /* the value is x */
	R_CONST,    /* the value is the constant r */
	R_NEG,      /* Neg x (same width) */
	R_COM,      /* Com x (same width) */
};

typedef struct Rule {
	const char *family;
	uint8_t match;
	int64_t c;
	uint8_t result;
	int64_t r;
	const char *text; /* for reading; the match is the fields above */
} Rule;

static const Rule rules[] = {
	{"Add", M_ARGC, 0, R_X, 0, "x + 0 => x"},
	{"Sub", M_ARG1C, 0, R_X, 0, "x - 0 => x"},
	{"Sub", M_SAME, 0, R_CONST, 0, "x - x => 0"},
	{"Sub", M_ARG0C, 0, R_NEG, 0, "0 - x => -x"},
	{"Mul", M_ARGC, 1, R_X, 0, "x * 1 => x"},
	{"Mul", M_ARGC, 0, R_CONST, 0, "x * 0 => 0"},
	{"Mul", M_ARGC, -1, R_NEG, 0, "x * -1 => -x"},
	{"Div", M_ARG1C, 1, R_X, 0, "x / 1 => x"},
	{"Divu", M_ARG1C, 1, R_X, 0, "x / 1 => x"},
	{"Div", M_ARG1C, -1, R_NEG, 0, "x / -1 => -x"},
	{"Mod", M_ARG1C, 1, R_CONST, 0, "x % 1 => 0"},
	{"Modu", M_ARG1C, 1, R_CONST, 0, "x % 1 => 0"},
	{"Mod", M_ARG1C, -1, R_CONST, 0, "x % -1 => 0"},
	{"And", M_SAME, 0, R_X, 0, "x & x => x"},
	{"And", M_ARGC, 0, R_CONST, 0, "x & 0 => 0"},
	{"And", M_ARGC, -1, R_X, 0, "x & -1 => x"},
	{"Or", M_SAME, 0, R_X, 0, "x | x => x"},
	{"Or", M_ARGC, 0, R_X, 0, "x | 0 => x"},
	{"Or", M_ARGC, -1, R_CONST, -1, "x | -1 => -1"},
	{"Xor", M_SAME, 0, R_CONST, 0, "x ^ x => 0"},
	{"Xor", M_ARGC, 0, R_X, 0, "x ^ 0 => x"},
	{"Xor", M_ARGC, -1, R_COM, 0, "x ^ -1 => ^x"},
	{"Neg", M_INNER, 0, R_X, 0, "-(-x) => x"},
	{"Com", M_INNER, 0, R_X, 0, "^(^x) => x"},
	{"Not", M_INNER, 0, R_X, 0, "!(!x) => x"},
	{"Lsh", M_ARG1C, 0, R_X, 0, "x << 0 => x"},
	{"Rsh", M_ARG1C, 0, R_X, 0, "x >> 0 => x"},
	{"RshU", M_ARG1C, 0, R_X, 0, "x >> 0 => x"},
	{"Lsh", M_ARG0C, 0, R_CONST, 0, "0 << y => 0"},
	{"Rsh", M_ARG0C, 0, R_CONST, 0, "0 >> y => 0"},
	{"RshU", M_ARG0C, 0, R_CONST, 0, "0 >> y => 0"},
	{"Eq", M_SAME, 0, R_CONST, 1, "x == x => true"},
	{"Neq", M_SAME, 0, R_CONST, 0, "x != x => false"},
	{"Less", M_SAME, 0, R_CONST, 0, "x < x => false"},
	{"LessU", M_SAME, 0, R_CONST, 0, "x < x => false"},
	{"Leq", M_SAME, 0, R_CONST, 1, "x <= x => true"},
	{"LeqU", M_SAME, 0, R_CONST, 1, "x <= x => true"},
	{"EqPtr", M_SAME, 0, R_CONST, 1, "p == p => true"},
	{"NeqPtr", M_SAME, 0, R_CONST, 0, "p != p => false"},
	{"EqB", M_SAME, 0, R_CONST, 1, "b == b => true"},
	{"NeqB", M_SAME, 0, R_CONST, 0, "b != b => false"},
	{"EqB", M_ARGC, 1, R_X, 0, "b == true => b"},
	{"NeqB", M_ARGC, 0, R_X, 0, "b != false => b"},
	{"AndB", M_SAME, 0, R_X, 0, "b && b => b"},
	{"AndB", M_ARGC, 1, R_X, 0, "b && true => b"},
	{"AndB", M_ARGC, 0, R_CONST, 0, "b && false => false"},
	{"OrB", M_SAME, 0, R_X, 0, "b || b => b"},
	{"OrB", M_ARGC, 0, R_X, 0, "b || false => b"},
	{"OrB", M_ARGC, 1, R_CONST, 1, "b || true => true"},
	{"IsInBounds", M_SAME, 0, R_CONST, 0, "0 <= x < x => false"},
	{"IsSliceInBounds", M_SAME, 0, R_CONST, 1, "0 <= x <= x => true (x is a length)"},
	{"IsSliceInBounds", M_ARG0C, 0, R_CONST, 1, "0 <= 0 <= len => true"},
	{"CondSelect", M_SAME, 0, R_X, 0, "c ? x : x => x"},
	{"OffPtr", M_ARG1C, 0, R_X, 0, "p + [0] => p"}, /* c is the auxint here */
};

/* family name of an op: digits dropped, shift counts ("x8") dropped */
static char families[OpCount][24];
static int16_t *rulesof[OpCount];

static void init_rules(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	for (int op = 1; op < OpCount; op++) {
		const char *s = ssa_ops[op].name;
		char *d = families[op];
		size_t n = strlen(s);
		const char *x = NULL;
		if (strncmp(s, "Lsh", 3) == 0 || strncmp(s, "Rsh", 3) == 0)
			x = strrchr(s, 'x');
		for (size_t i = 0; i < n && d < families[op] + sizeof families[op] - 1; i++) {
			if (x && s + i == x)
				break;
			if (s[i] >= '0' && s[i] <= '9')
				continue;
			*d++ = s[i];
		}
		*d = 0;
		int cnt = 0;
		for (size_t r = 0; r < NELEM(rules); r++)
			if (strcmp(rules[r].family, families[op]) == 0)
				cnt++;
		if (!cnt)
			continue;
		rulesof[op] = xmalloc((size_t)(cnt + 1) * sizeof(int16_t));
		cnt = 0;
		for (size_t r = 0; r < NELEM(rules); r++)
			if (strcmp(rules[r].family, families[op]) == 0)
				rulesof[op][cnt++] = (int16_t)r;
		rulesof[op][cnt] = -1;
	}
}

static bool isconst(Value *v)
{
	switch (v->op) {
	case OpConst8: case OpConst16: case OpConst32: case OpConst64: case OpConstBool:
	case OpConst32F: case OpConst64F: case OpConstNil:
		return true;
	}
	return false;
}

static bool isintconst(Value *v, int64_t c)
{
	switch (v->op) {
	case OpConst8: case OpConst16: case OpConst32: case OpConst64: case OpConstBool:
		return v->auxint == c;
	case OpConstNil:
		return c == 0;
	}
	return false;
}

/* makes v the constant x of its own type; false if the type has no constant op */
static bool become_const(Value *v, uint64_t x)
{
	SsaType *t = v->type;
	Op op;
	switch (t->kind) {
	case SK_BOOL: op = OpConstBool; x &= 1; break;
	case SK_INT: case SK_UINT:
		op = t->size == 1 ? OpConst8 : t->size == 2 ? OpConst16 : t->size == 4 ? OpConst32 : OpConst64;
		break;
	case SK_FLOAT: op = t->size == 4 ? OpConst32F : OpConst64F; break;
	case SK_PTR:
		if (x)
			return false;
		op = OpConstNil;
		break;
	default:
		return false;
	}
	ssa_value_reset(v, op);
	v->auxint = (int64_t)x;
	return true;
}

static bool foldable(Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	if (v->nargs == 0 || (oi->flags & (OPF_SE | OPF_CALL | OPF_FAULT)) || v->op == OpPhi || v->op == OpCopy)
		return false;
	for (int i = 0; i < v->nargs; i++)
		if (!isconst(v->args[i]))
			return false;
	return true;
}

static bool fold(Value *v)
{
	SsaVal args[3], out;
	if (v->nargs > 3)
		return false;
	for (int i = 0; i < v->nargs; i++) {
		memset(&args[i], 0, sizeof args[i]);
		args[i].w[0] = (uint64_t)v->args[i]->auxint;
	}
	if (!ssa_eval((Op)v->op, v->type, v->auxint, args, v->nargs, &out))
		return false;
	return become_const(v, out.w[0]);
}

/* the op of the same family and width as `op` named by prefix (Neg, Com) */
static Op sibling(Op op, const char *family)
{
	char name[32];
	snprintf(name, sizeof name, "%s%d", family, 8 * ssa_op_width(op));
	return ssa_op_lookup(name, strlen(name));
}

static bool apply(Value *v, const Rule *r)
{
	Value *x = NULL;
	switch (r->match) {
	case M_ARGC:
		if (v->nargs != 2)
			return false;
		if (isintconst(v->args[1], r->c))
			x = v->args[0];
		else if (ssa_op_comm((Op)v->op) && isintconst(v->args[0], r->c))
			x = v->args[1];
		break;
	case M_ARG1C:
		if (v->op == OpOffPtr) {
			if (v->auxint == r->c)
				x = v->args[0];
			break;
		}
		if (v->nargs == 2 && isintconst(v->args[1], r->c))
			x = v->args[0];
		break;
	case M_ARG0C:
		if (v->nargs >= 2 && isintconst(v->args[0], r->c))
			x = v->args[1];
		break;
	case M_SAME:
		if (v->nargs >= 2 && v->args[0] == v->args[1])
			x = v->args[0];
		break;
	case M_INNER:
		if (v->nargs == 1 && v->args[0]->op == v->op)
			x = v->args[0]->args[0];
		break;
	}
	if (!x)
		return false;
	switch (r->result) {
	case R_X:
		ssa_value_copyof(v, x);
		return true;
	case R_CONST:
		return become_const(v, (uint64_t)r->r);
	case R_NEG: case R_COM: {
		Op op = sibling((Op)v->op, r->result == R_NEG ? "Neg" : "Com");
		if (op == OpInvalid)
			return false;
		x->uses++; /* keep x alive across the reset */
		ssa_value_reset(v, op);
		v->args[0] = x;
		v->nargs = 1;
		return true;
	}
	}
	return false;
}

/* Not (Eq x y) => Neq x y, and so on: the comparison is rebuilt in place */
static bool negate_compare(Value *v)
{
	Value *c = v->args[0];
	const char *fam = families[c->op];
	const char *to = NULL;
	bool swap = false;
	if (strcmp(fam, "Eq") == 0) to = "Neq";
	else if (strcmp(fam, "Neq") == 0) to = "Eq";
	else if (strcmp(fam, "Less") == 0) to = "Leq", swap = true;
	else if (strcmp(fam, "Leq") == 0) to = "Less", swap = true;
	else if (strcmp(fam, "LessU") == 0) to = "LeqU", swap = true;
	else if (strcmp(fam, "LeqU") == 0) to = "LessU", swap = true;
	if (!to)
		return false;
	char name[32];
	int w = 8 * ssa_op_width((Op)c->op);
	size_t tl = strlen(to);
	if (to[tl - 1] == 'U')
		snprintf(name, sizeof name, "%.*s%dU", (int)(tl - 1), to, w);
	else
		snprintf(name, sizeof name, "%s%d", to, w);
	Op op = ssa_op_lookup(name, strlen(name));
	if (op == OpInvalid)
		return false;
	Value *a = c->args[swap], *b = c->args[!swap];
	a->uses++;
	b->uses++;
	ssa_value_reset(v, op);
	v->args[0] = a;
	v->args[1] = b;
	v->nargs = 2;
	return true;
}

/* the parts of a nil interface or slice are constants: ITab and IData
 * of ConstInterface and SlicePtr of ConstSlice are nil, SliceLen and
 * SliceCap 0 (so `var i I; i.M()` checks a constant nil itab, which
 * faults at address 0 as in gc) */
static bool part_of_const(Value *v)
{
	if (v->nargs != 1)
		return false;
	Op a = (Op)v->args[0]->op;
	if (((v->op == OpITab || v->op == OpIData) && a == OpConstInterface) || (v->op == OpSlicePtr && a == OpConstSlice))
		return become_const(v, 0);
	if ((v->op == OpSliceLen || v->op == OpSliceCap) && a == OpConstSlice)
		return become_const(v, 0);
	return false;
}

static bool rewrite_value(Value *v)
{
	bool changed = false;
	for (int i = 0; i < v->nargs; i++) {
		Value *a = v->args[i];
		int n = 0;
		while (a->op == OpCopy && n++ < 1000)
			a = a->args[0];
		if (a != v->args[i]) {
			ssa_value_setarg(v, i, a);
			changed = true;
		}
	}
	if (foldable(v) && fold(v))
		return true;
	if (rulesof[v->op])
		for (int16_t *r = rulesof[v->op]; *r >= 0; r++)
			if (apply(v, &rules[*r]))
				return true;
	if (v->op == OpNot && negate_compare(v))
		return true;
	if (part_of_const(v))
		return true;
	return changed;
}

static void swap_succs(Block *b)
{
	Edge e0 = b->succs[0], e1 = b->succs[1];
	b->succs[0] = e1;
	b->succs[1] = e0;
	e1.b->preds[e1.i].i = 0;
	e0.b->preds[e0.i].i = 1;
	b->likely = (int8_t)-b->likely;
	b->func->cfgversion++;
}

static bool rewrite_block(Block *b)
{
	bool changed = false;
	for (int i = 0; i < b->ncontrols; i++) {
		Value *c = b->controls[i];
		int n = 0;
		while (c->op == OpCopy && n++ < 1000)
			c = c->args[0];
		if (c != b->controls[i]) {
			ssa_block_setcontrol(b, i, c);
			changed = true;
		}
	}
	if (b->kind != BlockIf)
		return changed;
	Value *c = b->controls[0];
	if (c->op == OpConstBool) {
		if (!c->auxint)
			swap_succs(b);
		ssa_block_resetcontrols(b);
		b->kind = BlockFirst;
		b->likely = 0;
		return true;
	}
	if (c->op == OpNot) {
		ssa_block_setcontrol(b, 0, c->args[0]);
		swap_succs(b);
		return true;
	}
	return changed;
}

void ssa_opt(Func *f)
{
	init_rules();
	for (int round = 0; round < 100; round++) {
		bool changed = false;
		for (int i = 0; i < f->nblocks; i++) {
			Block *b = f->blocks[i];
			for (int k = 0; k < b->nvalues; k++)
				while (rewrite_value(b->values[k]))
					changed = true;
			if (rewrite_block(b))
				changed = true;
		}
		if (!changed)
			return;
	}
}
