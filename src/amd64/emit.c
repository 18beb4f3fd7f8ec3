/*
 * emit.c — instruction selection, encoding and the listing: the last step
 * of the back end (backend.h).
 *
 * Each scheduled value becomes a few AInsts, chosen from its generic op,
 * its type's width and the locations regalloc gave its words and its
 * arguments' words.  A result is computed in its own register, or in a
 * scratch register (AX, X15) and stored to its spill slot; an argument
 * is read from its register or slot, or produced on the spot if it is
 * virtual (an immediate, a constant in read-only data, a LEAQ, an
 * address folded into the memory operand).  Phi moves and the register
 * arguments of C calls are parallel moves, ordered so that no source is
 * overwritten before it is read (cycles go through AX).
 *
 * Branches name labels (blocks, or local labels of multi-instruction
 * sequences); relaxation starts with every branch long and shortens those
 * whose displacement fits a byte until nothing changes (shortening only
 * brings targets closer).  Then the bytes are encoded into a text symbol
 * of the link, with relocations and a line table; with an EmitOpts
 * asmout, the listing is printed in gc's -S format.
 */
#include "backend.h"

#include <unistd.h>

/* condition codes, in AMD64_CONDS order */
enum { CC_OS, CC_OC, CC_CS, CC_CC, CC_EQ, CC_NE, CC_LS, CC_HI, CC_MI, CC_PL, CC_PS, CC_PC, CC_LT, CC_GE, CC_LE, CC_GT };
static int cc_swap(int cc)
{
	switch (cc) {
	case CC_LT: return CC_GT;
	case CC_GT: return CC_LT;
	case CC_LE: return CC_GE;
	case CC_GE: return CC_LE;
	case CC_CS: return CC_HI;
	case CC_HI: return CC_CS;
	case CC_LS: return CC_CC;
	case CC_CC: return CC_LS;
	}
	return cc;
}

typedef struct Em {
	CodeGen *g;
	Link *l;
	const EmitOpts *o;
	AInst *ins;
	int32_t *tgt;      /* label of a branch, or -1 */
	uint32_t *line;
	const char **file;
	int n, cap;
	int32_t *lab;      /* label → instruction index */
	int nlab, caplab;
	uint32_t curline;
	const char *curfile;
	CallLayout *calls; /* by value id, for SelectN */
	bool *havecall;
	/* the calls with stack maps: instruction index and value id */
	struct EmCall {
		int ins;
		uint32_t v;
	} *sp;
	int nsp, capsp;
} Em;

/* ---- instruction list ---- */

static int emit_ins(Em *e, int op, AOperand from, AOperand from3, AOperand to, int label)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 256;
		e->ins = xrealloc(e->ins, (size_t)e->cap * sizeof *e->ins);
		e->tgt = xrealloc(e->tgt, (size_t)e->cap * sizeof *e->tgt);
		e->line = xrealloc(e->line, (size_t)e->cap * sizeof *e->line);
		e->file = xrealloc(e->file, (size_t)e->cap * sizeof *e->file);
	}
	e->ins[e->n] = (AInst){.op = (uint16_t)op, .from = from, .from3 = from3, .to = to};
	e->tgt[e->n] = label;
	e->line[e->n] = e->curline;
	e->file[e->n] = e->curfile;
	return e->n++;
}

static const AOperand NOOPD = {0};
static void I2(Em *e, int op, AOperand from, AOperand to) { emit_ins(e, op, from, NOOPD, to, -1); }
static void I1(Em *e, int op, AOperand to) { emit_ins(e, op, NOOPD, NOOPD, to, -1); }
static void I0(Em *e, int op) { emit_ins(e, op, NOOPD, NOOPD, NOOPD, -1); }
static void JMPL(Em *e, int op, int label) { emit_ins(e, op, NOOPD, NOOPD, opd_pc(0), label); }

static int newlabel(Em *e)
{
	if (e->nlab == e->caplab) {
		e->caplab = e->caplab ? 2 * e->caplab : 64;
		e->lab = xrealloc(e->lab, (size_t)e->caplab * sizeof *e->lab);
	}
	e->lab[e->nlab] = -1;
	return e->nlab++;
}
static void bind(Em *e, int label) { e->lab[label] = e->n; }

static AOperand R(int r) { return opd_reg(r); }
static AOperand IMM(int64_t c) { return opd_imm(c); }
static AOperand SPM(int64_t off) { return opd_mem(REG_SP, off); }
static bool fits32(int64_t c) { return c >= INT32_MIN && c <= INT32_MAX; }

/* ---- locations and operands ---- */

static int64_t spoff(Em *e, Loc l)
{
	return l.kind == LOC_SPILL ? e->g->spillbase + l.off : e->g->framesize + 8 + l.off;
}

static AOperand locopd(Em *e, Loc l)
{
	return l.kind == LOC_REG ? R(l.reg) : SPM(spoff(e, l));
}

static Word word(Value *v, int w)
{
	Word ws[MAXWORDS];
	int n = amd64_words(v->type, ws);
	if (w >= n)
		ice(0, "amd64", "v%u has no word %d", v->id, w);
	return ws[w];
}

static int wsize(Value *v) { return v->type->size >= 8 ? 8 : (int)v->type->size; }

/* has v no location of its own? (a VIRT_WORD value reads its argument's) */
static bool isvirt(Em *e, Value *v) { return e->g->virt[v->id] != VIRT_NO && e->g->virt[v->id] != VIRT_WORD; }

/* the integer value of word w of a virtual constant */
static bool vconst(Em *e, Value *v, int w, int64_t *c)
{
	switch (v->op) {
	case OpConst8: case OpConst16: case OpConst32: case OpConst64: case OpConstBool:
		*c = v->auxint;
		return true;
	case OpConst32F: {
		double d;
		memcpy(&d, &v->auxint, 8);
		float fl = (float)d;
		uint32_t b;
		memcpy(&b, &fl, 4);
		*c = b;
		return true;
	}
	case OpConst64F:
		*c = v->auxint;
		return true;
	case OpConstNil: case OpConstSlice: case OpConstInterface:
		*c = 0;
		return true;
	case OpConstString:
		if (w == 1 || !v->aux || v->aux->s.n == 0) {
			*c = w == 1 && v->aux ? v->aux->s.n : 0;
			return true;
		}
		return false;
	default:
		return false;
	}
	(void)e;
}

static const char *symname(Value *v)
{
	if (!v->aux)
		ice(0, "amd64", "v%u: %s without a symbol", v->id, ssa_ops[v->op].name);
	return v->aux->s.p;
}

static AOperand addr(Em *e, Value *p, int64_t off, int scratch);
static AOperand indexed(Em *e, Value *v, int64_t off, int scratch);

/* puts word w of v into register r (GPR or XMM) */
static void movto(Em *e, int r, Value *v, int w)
{
	if (!isvirt(e, v)) {
		Loc l = amd64_loc(e->g, v, w);
		if (l.kind == LOC_REG && l.reg == r)
			return;
		bool sx = l.kind == LOC_REG && reg_isxmm(l.reg), dx = reg_isxmm(r);
		if (l.kind != LOC_REG)
			I2(e, dx ? A_MOVSD : A_MOVQ, locopd(e, l), R(r));
		else if (sx && dx)
			I2(e, A_MOVSD, R(l.reg), R(r));
		else
			I2(e, A_MOVQ, R(l.reg), R(r));
		return;
	}
	int64_t c;
	if (reg_isxmm(r)) {
		if (vconst(e, v, w, &c)) {
			if (c == 0) {
				I2(e, A_XORPS, R(r), R(r));
				return;
			}
			if (v->op == OpConst32F)
				I2(e, A_MOVSS, opd_sym(amd64_float_sym(e->l, (uint64_t)c, 4), 0), R(r));
			else if (v->op == OpConst64F)
				I2(e, A_MOVSD, opd_sym(amd64_float_sym(e->l, (uint64_t)c, 8), 0), R(r));
			else {
				I2(e, A_MOVQ, IMM(c), R(REG_AX));
				I2(e, A_MOVQ, R(REG_AX), R(r));
			}
			return;
		}
		amd64_notimpl(e->g, v, "%s in a float register", ssa_ops[v->op].name);
	}
	if (vconst(e, v, w, &c)) {
		if (c == 0)
			I2(e, A_XORL, R(r), R(r));
		else if (c > 0 && c <= UINT32_MAX)
			I2(e, A_MOVL, IMM(c), R(r));
		else
			I2(e, A_MOVQ, IMM(c), R(r));
		return;
	}
	switch (v->op) {
	case OpConstString:
		I2(e, A_LEAQ, opd_sym(amd64_string_sym(e->l, v->aux->s), 0), R(r));
		return;
	case OpSP:
		I2(e, A_MOVQ, R(REG_SP), R(r));
		return;
	case OpAddr: case OpLocalAddr: case OpOffPtr: case OpAddPtr:
		I2(e, A_LEAQ, addr(e, v, 0, r), R(r));
		return;
	default:
		amd64_notimpl(e->g, v, "materializing %s", ssa_ops[v->op].name);
	}
}

/* off(p)(i*scale) for a VIRT_INDEX p + i*scale; a base or index in a
 * spill slot goes through `scratch` (both: i*scale + p computed there) */
static AOperand indexed(Em *e, Value *v, int64_t off, int scratch)
{
	Value *p = v->args[0], *i = v->args[1];
	int scale = 1;
	if (e->g->virt[i->id] == VIRT_SCALE) {
		scale = (int)i->args[1]->auxint;
		i = i->args[0];
	}
	Loc lp = amd64_loc(e->g, p, 0), li = amd64_loc(e->g, i, 0);
	if (lp.kind == LOC_REG && li.kind == LOC_REG)
		return opd_memx(lp.reg, li.reg, scale, off);
	if (li.kind == LOC_REG) {
		I2(e, A_MOVQ, locopd(e, lp), R(scratch));
		return opd_memx(scratch, li.reg, scale, off);
	}
	I2(e, A_MOVQ, locopd(e, li), R(scratch));
	if (lp.kind == LOC_REG)
		return opd_memx(lp.reg, scratch, scale, off);
	if (scale > 1)
		I2(e, A_SHLQ, IMM(scale == 2 ? 1 : scale == 4 ? 2 : 3), R(scratch));
	I2(e, A_ADDQ, locopd(e, lp), R(scratch));
	return opd_mem(scratch, off);
}

/* A memory operand for the address p+off; p's own value goes through
 * `scratch` if it is in a spill slot. */
static AOperand addr(Em *e, Value *p, int64_t off, int scratch)
{
	if (isvirt(e, p)) {
		switch (p->op) {
		case OpAddr: return opd_sym(symname(p), off);
		case OpLocalAddr: return SPM(amd64_local_off(e->g, p->aux) + off);
		case OpOffPtr: return addr(e, p->args[0], off + p->auxint, scratch);
		case OpSP: return SPM(off);
		case OpAddPtr: return indexed(e, p, off, scratch);
		default:
			movto(e, scratch, p, 0);
			return opd_mem(scratch, off);
		}
	}
	Loc l = amd64_loc(e->g, p, 0);
	if (l.kind == LOC_REG)
		return opd_mem(l.reg, off);
	I2(e, A_MOVQ, locopd(e, l), R(scratch));
	return opd_mem(scratch, off);
}

/* An operand to read word w of v from: its register or slot, an
 * immediate (immok, fitting 32 bits), a float constant in rodata, or
 * the value materialized into `scratch`. */
static AOperand rd(Em *e, Value *v, int w, int scratch, bool immok)
{
	if (!isvirt(e, v))
		return locopd(e, amd64_loc(e->g, v, w));
	int64_t c;
	if (vconst(e, v, w, &c)) {
		if (v->op == OpConst64F && !reg_isgpr(scratch) && c != 0)
			return opd_sym(amd64_float_sym(e->l, (uint64_t)c, 8), 0);
		if (v->op == OpConst32F && !reg_isgpr(scratch) && c != 0)
			return opd_sym(amd64_float_sym(e->l, (uint64_t)c, 4), 0);
		if (immok && fits32(c) && reg_isgpr(scratch))
			return IMM(c);
	}
	movto(e, scratch, v, w);
	return R(scratch);
}

/* the register to compute word w of v in: its own, or a scratch one */
static int wreg(Em *e, Value *v, int w)
{
	Loc l = amd64_loc(e->g, v, w);
	if (l.kind == LOC_REG)
		return l.reg;
	return word(v, w).cls == WC_FLT ? REG_X15 : REG_AX;
}

static void wdone(Em *e, Value *v, int w, int r)
{
	Loc l = amd64_loc(e->g, v, w);
	if (l.kind == LOC_REG)
		return;
	I2(e, reg_isxmm(r) ? A_MOVSD : A_MOVQ, R(r), locopd(e, l));
}

/* 8-byte move between locations or from a virtual value (phis, copies,
 * C call registers); CX carries memory-to-memory moves */
static void move8(Em *e, AOperand dst, Value *sv, int sw, AOperand src, bool virt)
{
	if (virt) {
		if (dst.kind == OPD_REG) {
			movto(e, dst.reg, sv, sw);
			return;
		}
		int64_t c;
		if (vconst(e, sv, sw, &c) && fits32(c)) {
			I2(e, A_MOVQ, IMM(c), dst);
			return;
		}
		movto(e, REG_CX, sv, sw);
		I2(e, A_MOVQ, R(REG_CX), dst);
		return;
	}
	if (dst.kind == OPD_REG && src.kind == OPD_REG) {
		if (dst.reg == src.reg)
			return;
		I2(e, reg_isxmm(dst.reg) && reg_isxmm(src.reg) ? A_MOVSD : A_MOVQ, src, dst);
		return;
	}
	if (dst.kind == OPD_REG) {
		I2(e, reg_isxmm(dst.reg) ? A_MOVSD : A_MOVQ, src, dst);
		return;
	}
	if (src.kind == OPD_REG) {
		I2(e, reg_isxmm(src.reg) ? A_MOVSD : A_MOVQ, src, dst);
		return;
	}
	I2(e, A_MOVQ, src, R(REG_CX));
	I2(e, A_MOVQ, R(REG_CX), dst);
}

/* ---- parallel moves ---- */

typedef struct PMove {
	AOperand dst;
	Value *sv;
	int sw;
	AOperand src; /* when !virt */
	bool virt, done;
} PMove;

static bool same_place(AOperand a, AOperand b)
{
	if (a.kind != b.kind)
		return false;
	if (a.kind == OPD_REG)
		return a.reg == b.reg;
	return a.kind == OPD_MEM && a.reg == b.reg && a.index == b.index && a.off == b.off && a.name == b.name && a.sym == b.sym;
}

static void parallel_move(Em *e, PMove *m, int n)
{
	for (int i = 0; i < n; i++)
		if (!m[i].virt && same_place(m[i].dst, m[i].src))
			m[i].done = true;
	for (;;) {
		int left = 0;
		bool progress = false;
		for (int i = 0; i < n; i++) {
			if (m[i].done)
				continue;
			left++;
			bool blocked = false;
			for (int j = 0; j < n && !blocked; j++)
				if (j != i && !m[j].done && !m[j].virt && same_place(m[j].src, m[i].dst))
					blocked = true;
			if (blocked)
				continue;
			move8(e, m[i].dst, m[i].sv, m[i].sw, m[i].src, m[i].virt);
			m[i].done = true;
			progress = true;
		}
		if (!left)
			return;
		if (!progress) {
			/* a cycle: park one source in AX */
			for (int i = 0; i < n; i++)
				if (!m[i].done) {
					move8(e, R(REG_AX), NULL, 0, m[i].src, false);
					m[i].src = R(REG_AX);
					break;
				}
		}
	}
}

/* the moves into the phis of s along the edge from b */
static void phi_moves(Em *e, Block *b, int si)
{
	Block *s = b->succs[si].b;
	int j = b->succs[si].i;
	int cap = 0, n = 0;
	PMove *m = NULL;
	for (int i = 0; i < s->nvalues; i++) {
		Value *p = s->values[i];
		if (p->op != OpPhi)
			continue;
		Value *a = p->args[j];
		for (int w = 0; w < e->g->nw[p->id]; w++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				m = xrealloc(m, (size_t)cap * sizeof *m);
			}
			bool virt = isvirt(e, a);
			m[n++] = (PMove){locopd(e, amd64_loc(e->g, p, w)), a, w,
				virt ? NOOPD : locopd(e, amd64_loc(e->g, a, w)), virt, false};
		}
	}
	parallel_move(e, m, n);
	free(m);
}

/* ---- sized memory access ---- */

static int movsz(int size)
{
	switch (size) {
	case 1: return A_MOVB;
	case 2: return A_MOVW;
	case 4: return A_MOVL;
	default: return A_MOVQ;
	}
}

/* *dst = word w of v, `size` bytes; CX (or X15) carries a value from memory */
static void store_word(Em *e, AOperand dst, Value *v, int w, int size, int cls)
{
	if (cls == WC_FLT) {
		AOperand s = rd(e, v, w, REG_X15, false);
		if (s.kind != OPD_REG) {
			I2(e, size == 4 ? A_MOVSS : A_MOVSD, s, R(REG_X15));
			s = R(REG_X15);
		}
		I2(e, size == 4 ? A_MOVSS : A_MOVSD, s, dst);
		return;
	}
	AOperand s = rd(e, v, w, REG_CX, true);
	if (s.kind == OPD_MEM) {
		I2(e, A_MOVQ, s, R(REG_CX));
		s = R(REG_CX);
	} else if (s.kind == OPD_REG && reg_isxmm(s.reg)) {
		I2(e, A_MOVQ, s, R(REG_CX));
		s = R(REG_CX);
	}
	if (s.kind == OPD_IMM) {
		int64_t c = s.off;
		if (size == 1)
			c = (int8_t)c;
		else if (size == 2)
			c = (int16_t)c;
		else if (size == 4)
			c = (int32_t)c;
		s = IMM(c);
	}
	I2(e, movsz(size), s, dst);
}

/* word w of v = `size` bytes at src */
static void load_word(Em *e, Value *v, int w, AOperand src, int size, int cls)
{
	int r = wreg(e, v, w);
	if (cls == WC_FLT || reg_isxmm(r))
		I2(e, size == 4 ? A_MOVSS : A_MOVSD, src, R(r));
	else
		I2(e, size == 1 ? A_MOVBLZX : size == 2 ? A_MOVWLZX : size == 4 ? A_MOVL : A_MOVQ, src, R(r));
	wdone(e, v, w, r);
}

/* ---- integer and float operations ---- */

static int width_of(Op op, Op first) { return 1 << ((op - first) & 3); }

/* regalloc may give a commutative op the register of its arg 1 (one
 * that dies there): then the arguments swap */
static void swap_in(Em *e, Value *v, int r, Value **a0, Value **a1)
{
	*a0 = v->args[0];
	*a1 = v->args[1];
	if (isvirt(e, *a1) || *a1 == *a0)
		return;
	Loc l = amd64_loc(e->g, *a1, 0);
	if (l.kind != LOC_REG || l.reg != r)
		return;
	if (!amd64_commutes((Op)v->op))
		ice(0, "amd64", "v%u: %s computed in the register of its arg 1", v->id, ssa_ops[v->op].name);
	*a0 = v->args[1];
	*a1 = v->args[0];
}

static void binop(Em *e, Value *v, int opq, int opl)
{
	int r = wreg(e, v, 0);
	Value *a0, *a1;
	swap_in(e, v, r, &a0, &a1);
	movto(e, r, a0, 0);
	AOperand b = rd(e, a1, 0, REG_CX, true);
	I2(e, wsize(v) == 8 ? opq : opl, b, R(r));
	wdone(e, v, 0, r);
}

/* p + i (or p + i*scale, a VIRT_SCALE offset): LEAQ (p)(i*scale) when
 * both are in registers */
static void addptr(Em *e, Value *v)
{
	Value *p = v->args[0], *i = v->args[1];
	int scale = 1;
	if (e->g->virt[i->id] == VIRT_SCALE) {
		scale = (int)i->args[1]->auxint;
		i = i->args[0];
	}
	int r = wreg(e, v, 0);
	Loc lp = isvirt(e, p) ? (Loc){0} : amd64_loc(e->g, p, 0);
	Loc li = isvirt(e, i) ? (Loc){0} : amd64_loc(e->g, i, 0);
	if (lp.kind == LOC_REG && li.kind == LOC_REG) {
		I2(e, A_LEAQ, opd_memx(lp.reg, li.reg, scale, 0), R(r));
	} else {
		/* r may be p's register (never i's: intervals are closed) */
		int t = lp.kind == LOC_REG && lp.reg == r ? REG_CX : r;
		movto(e, t, i, 0);
		if (scale > 1)
			I2(e, A_SHLQ, IMM(scale == 2 ? 1 : scale == 4 ? 2 : 3), R(t));
		if (t == r)
			I2(e, A_ADDQ, rd(e, p, 0, REG_CX, false), R(r));
		else
			I2(e, A_ADDQ, R(t), R(r));
	}
	wdone(e, v, 0, r);
}

static void unop(Em *e, Value *v, int opq, int opl)
{
	int r = wreg(e, v, 0);
	movto(e, r, v->args[0], 0);
	I1(e, wsize(v) == 8 ? opq : opl, R(r));
	wdone(e, v, 0, r);
}

static void fbinop(Em *e, Value *v, int op)
{
	int r = wreg(e, v, 0);
	Value *a0, *a1;
	swap_in(e, v, r, &a0, &a1);
	movto(e, r, a0, 0);
	AOperand b = rd(e, a1, 0, REG_X14, false);
	I2(e, op, b, R(r));
	wdone(e, v, 0, r);
}

/* sign- or zero-extends a narrow value in r to 32 bits */
static void extend32(Em *e, int r, int size, bool sign)
{
	if (size == 1)
		I2(e, sign ? A_MOVBLSX : A_MOVBLZX, R(r), R(r));
	else if (size == 2)
		I2(e, sign ? A_MOVWLSX : A_MOVWLZX, R(r), R(r));
}

/* the constant divisor of v (a Div or Mod of sz bytes) as a signed
 * (sign) or unsigned number of that width, if it is one */
static bool divisor(Em *e, Value *v, bool sign, int sz, int64_t *d)
{
	int64_t c;
	if (!isvirt(e, v->args[1]) || !vconst(e, v->args[1], 0, &c))
		return false;
	int W = sz * 8;
	if (W < 64) {
		uint64_t u = (uint64_t)c & ((UINT64_C(1) << W) - 1);
		c = sign && (u >> (W - 1)) ? (int64_t)(u | ~((UINT64_C(1) << W) - 1)) : (int64_t)u;
	}
	*d = c;
	return true;
}

/* x / c and x % c for a constant c = ±2^k by shifts and masks, as gc:
 * signed, x + (x < 0 ? 2^k-1 : 0) rounds toward zero, and x / -2^k is
 * -(x / 2^k); x % -2^k is x % 2^k.  8- and 16-bit operands are extended
 * to 32 bits first. */
static bool divmod_pow2(Em *e, Value *v, bool sign, bool mod, int sz)
{
	int64_t d;
	if (!divisor(e, v, sign, sz, &d))
		return false;
	bool neg = sign && d < 0;
	uint64_t u = neg ? -(uint64_t)d : (uint64_t)d;
	if (u < 2 || (u & (u - 1)))
		return false;
	int k = __builtin_ctzll(u), W = sz < 4 ? 32 : sz * 8;
	if (sign && k == sz * 8 - 1)
		return false; /* MinInt */
	bool q = sz == 8;
	movto(e, REG_AX, v->args[0], 0);
	extend32(e, REG_AX, sz, sign);
	if (!sign) {
		if (!mod)
			I2(e, q ? A_SHRQ : A_SHRL, IMM(k), R(REG_AX));
		else if (u - 1 <= INT32_MAX)
			I2(e, q ? A_ANDQ : A_ANDL, IMM((int64_t)(u - 1)), R(REG_AX));
		else {
			I2(e, A_MOVQ, IMM((int64_t)(u - 1)), R(REG_CX));
			I2(e, A_ANDQ, R(REG_CX), R(REG_AX));
		}
	} else {
		I2(e, q ? A_MOVQ : A_MOVL, R(REG_AX), R(REG_DX));
		I2(e, q ? A_SARQ : A_SARL, IMM(W - 1), R(REG_DX));
		I2(e, q ? A_SHRQ : A_SHRL, IMM(W - k), R(REG_DX));
		I2(e, q ? A_ADDQ : A_ADDL, R(REG_AX), R(REG_DX));
		I2(e, q ? A_SARQ : A_SARL, IMM(k), R(REG_DX));
		if (mod) {
			I2(e, q ? A_SHLQ : A_SHLL, IMM(k), R(REG_DX));
			I2(e, q ? A_SUBQ : A_SUBL, R(REG_DX), R(REG_AX));
		} else {
			if (neg)
				I1(e, q ? A_NEGQ : A_NEGL, R(REG_DX));
			I2(e, A_MOVQ, R(REG_DX), R(REG_AX));
		}
	}
	int r = wreg(e, v, 0);
	I2(e, A_MOVQ, R(REG_AX), R(r));
	wdone(e, v, 0, r);
	return true;
}

/* floor(2^p / a) for 64 <= p < 128 and a >= 2, when it is below 2^65:
 * the low 64 bits, bit 64 in *hi, the remainder in *rem (bit by bit:
 * the host may have no 128-bit integers) */
static uint64_t div2p(int p, uint64_t a, int *hi, uint64_t *rem)
{
	uint64_t q = 0, r = 0;
	int h = 0;
	for (int i = p; i >= 0; i--) {
		bool carry = r >> 63;
		r = r << 1 | (i == p);
		h = (int)(q >> 63);
		q <<= 1;
		if (carry || r >= a) {
			r -= a;
			q |= 1;
		}
	}
	*hi = h;
	*rem = r;
	return q;
}

/* DX *= d (AX is scratch) */
static void mulconst_dx(Em *e, int64_t d)
{
	if (d >= INT32_MIN && d <= INT32_MAX)
		I2(e, A_IMULQ, IMM(d), R(REG_DX));
	else {
		I2(e, A_MOVQ, IMM(d), R(REG_AX));
		I2(e, A_IMULQ, R(REG_AX), R(REG_DX));
	}
}

/*
 * x / d and x % d for other constants (|d| >= 3) by multiplication with
 * a "magic" reciprocal (Granlund and Montgomery, "Division by invariant
 * integers using multiplication", 1994): with m = ceil(2^p / a) and
 * e = m*a - 2^p, floor(x*m / 2^p) = floor(x / a) for 0 <= x < 2^N
 * whenever e * 2^N <= 2^p (x*m/2^p = x/a + x*e/(a*2^p), and the last
 * term stays below 1/a).  The quotient is the high word of a 64x64-bit
 * multiplication (MULQ / IMULQ into DX), shifted.
 *
 * Operands of up to 32 bits are extended to 64 and use p = 64: m < 2^64
 * (a >= 3 for signed: m < 2^63) and e < a <= 2^32 meet the condition.
 * 64-bit unsigned: the smallest s with e <= 2^s and m < 2^64 (p = 64+s);
 * when there is none, the 65-bit m = 2^64 + m0 at s = ceil(log2 a):
 * t = hi(x*m0), q = (t + (x-t)/2) >> (s-1) (no overflow).  64-bit
 * signed: the smallest s with e <= 2^(s+1) (|x| <= 2^63); m may exceed
 * 2^63 - 1: then hi(x*(m - 2^64)) + x.  Signed quotients round toward
 * zero: floor(x*m / 2^p) + 1 for x < 0 (exact because e > 0: a is no
 * power of two), then negated for d < 0.  x % d = x - (x/d)*d.
 * Scratch: AX, CX (x), DX (the quotient).
 */
static bool divmod_magic(Em *e, Value *v, bool sign, bool mod, int sz)
{
	int64_t d;
	if (!divisor(e, v, sign, sz, &d))
		return false;
	uint64_t a = sign && d < 0 ? -(uint64_t)d : (uint64_t)d;
	if (a < 3 || !(a & (a - 1)))
		return false;
	int hi = 0, s = 0;
	bool add = false; /* 64-bit: m has 65 bits (unsigned) or 64 (signed) */
	uint64_t m, rem;
	if (sz < 8) {
		m = div2p(64, a, &hi, &rem) + 1; /* a is no power of two: rem != 0 */
	} else {
		int l = 64 - __builtin_clzll(a); /* 2^(l-1) < a < 2^l */
		for (s = 0;; s++) {
			m = div2p(64 + s, a, &hi, &rem) + 1;
			hi |= m == 0; /* the carry of the + 1 */
			uint64_t err = a - rem;
			if (sign ? err <= UINT64_C(1) << (s + 1) : (!hi && err <= UINT64_C(1) << s))
				break;
			if (!sign && s == l) {
				add = true; /* err < a <= 2^l: only m is too big */
				break;
			}
		}
		if (sign && (hi || m >> 63))
			add = true;
	}
	(void)hi;
	movto(e, REG_AX, v->args[0], 0);
	if (sz == 1)
		I2(e, sign ? A_MOVBQSX : A_MOVBLZX, R(REG_AX), R(REG_AX));
	else if (sz == 2)
		I2(e, sign ? A_MOVWQSX : A_MOVWLZX, R(REG_AX), R(REG_AX));
	else if (sz == 4)
		I2(e, sign ? A_MOVLQSX : A_MOVL, R(REG_AX), R(REG_AX));
	I2(e, A_MOVQ, R(REG_AX), R(REG_CX));
	I2(e, A_MOVQ, IMM((int64_t)m), R(REG_DX));
	I2(e, sign ? A_IMULQ : A_MULQ, R(REG_DX), NOOPD);
	if (!sign) {
		if (add) {
			I2(e, A_MOVQ, R(REG_CX), R(REG_AX));
			I2(e, A_SUBQ, R(REG_DX), R(REG_AX));
			I2(e, A_SHRQ, IMM(1), R(REG_AX));
			I2(e, A_ADDQ, R(REG_AX), R(REG_DX));
			if (s > 1)
				I2(e, A_SHRQ, IMM(s - 1), R(REG_DX));
		} else if (s)
			I2(e, A_SHRQ, IMM(s), R(REG_DX));
	} else {
		if (add)
			I2(e, A_ADDQ, R(REG_CX), R(REG_DX));
		if (s)
			I2(e, A_SARQ, IMM(s), R(REG_DX));
		I2(e, A_MOVQ, R(REG_CX), R(REG_AX));
		I2(e, A_SARQ, IMM(63), R(REG_AX));
		I2(e, A_SUBQ, R(REG_AX), R(REG_DX));
		if (d < 0)
			I1(e, A_NEGQ, R(REG_DX));
	}
	int res = REG_DX;
	if (mod) {
		mulconst_dx(e, d);
		I2(e, A_SUBQ, R(REG_DX), R(REG_CX));
		res = REG_CX;
	}
	int r = wreg(e, v, 0);
	I2(e, A_MOVQ, R(res), R(r));
	wdone(e, v, 0, r);
	return true;
}

static void divmod(Em *e, Value *v, bool sign, bool mod)
{
	int sz = wsize(v);
	bool q = sz == 8;
	if (divmod_pow2(e, v, sign, mod, sz) || divmod_magic(e, v, sign, mod, sz))
		return;
	int64_t c;
	bool notm1 = isvirt(e, v->args[1]) && vconst(e, v->args[1], 0, &c) &&
		     (sz == 8 ? c != -1 : (int32_t)c != -1);
	movto(e, REG_AX, v->args[0], 0);
	movto(e, REG_CX, v->args[1], 0);
	extend32(e, REG_AX, sz, sign);
	extend32(e, REG_CX, sz, sign);
	int done = -1;
	if (sign && sz >= 4 && !notm1) {
		/* x / -1 = -x (MinInt / -1 wraps; IDIV would fault) */
		int normal = newlabel(e);
		done = newlabel(e);
		I2(e, q ? A_CMPQ : A_CMPL, R(REG_CX), IMM(-1));
		JMPL(e, A_JNE, normal);
		if (mod)
			I2(e, A_XORL, R(REG_DX), R(REG_DX));
		else
			I1(e, q ? A_NEGQ : A_NEGL, R(REG_AX));
		JMPL(e, A_JMP, done);
		bind(e, normal);
	}
	if (sign) {
		I0(e, q ? A_CQO : A_CDQ);
		I2(e, q ? A_IDIVQ : A_IDIVL, R(REG_CX), NOOPD);
	} else {
		I2(e, A_XORL, R(REG_DX), R(REG_DX));
		I2(e, q ? A_DIVQ : A_DIVL, R(REG_CX), NOOPD);
	}
	if (done >= 0)
		bind(e, done);
	int r = wreg(e, v, 0);
	I2(e, A_MOVQ, R(mod ? REG_DX : REG_AX), R(r));
	wdone(e, v, 0, r);
}

/* Lsh, Rsh, RshU of width W with a count of width C */
static void shift(Em *e, Value *v, int kind /* 0 lsh, 1 rsh, 2 rshu */, int W, int C)
{
	bool q = W == 8;
	int r = wreg(e, v, 0);
	int op = kind == 0 ? (q ? A_SHLQ : A_SHLL) : kind == 1 ? (q ? A_SARQ : A_SARL) : (q ? A_SHRQ : A_SHRL);
	int64_t c;
	Value *cnt = v->args[1];
	if (isvirt(e, cnt) && vconst(e, cnt, 0, &c)) {
		uint64_t uc = (uint64_t)c;
		if (C < 8)
			uc &= (UINT64_C(1) << (8 * C)) - 1;
		if (uc >= (uint64_t)(8 * W)) {
			if (kind == 1) {
				movto(e, r, v->args[0], 0);
				extend32(e, r, W, true);
				I2(e, op, IMM(8 * W - 1 < 31 || q ? 8 * W - 1 : 31), R(r));
			} else
				I2(e, A_XORL, R(r), R(r));
		} else {
			movto(e, r, v->args[0], 0);
			if (kind)
				extend32(e, r, W, kind == 1);
			if (uc)
				I2(e, op, IMM((int64_t)uc), R(r));
		}
		wdone(e, v, 0, r);
		return;
	}
	movto(e, REG_CX, cnt, 0);
	if (C == 1)
		I2(e, A_MOVBQZX, R(REG_CX), R(REG_CX));
	else if (C == 2)
		I2(e, A_MOVWQZX, R(REG_CX), R(REG_CX));
	else if (C == 4)
		I2(e, A_MOVL, R(REG_CX), R(REG_CX));
	movto(e, r, v->args[0], 0);
	if (kind)
		extend32(e, r, W, kind == 1);
	bool bounded = v->auxint != 0;
	if (kind == 1) {
		if (!bounded) {
			I2(e, A_MOVL, IMM(8 * W - 1), R(REG_DX));
			I2(e, A_CMPQ, R(REG_CX), IMM(8 * W));
			I2(e, A_CMOVQCC, R(REG_DX), R(REG_CX));
		}
		I2(e, op, R(REG_CX), R(r));
	} else {
		I2(e, op, R(REG_CX), R(r));
		if (!bounded) {
			I2(e, A_CMPQ, R(REG_CX), IMM(8 * W));
			I2(e, A_SBBQ, R(REG_DX), R(REG_DX));
			I2(e, q ? A_ANDQ : A_ANDL, R(REG_DX), R(r));
		}
	}
	wdone(e, v, 0, r);
}

/* Emits the comparison of a fusable compare; returns the condition
 * under which it is true. */
static int emit_cmp(Em *e, Value *c)
{
	Op op = (Op)c->op;
	int cc, sz = 8;
	if (op == OpIsNonNil) {
		AOperand a = rd(e, c->args[0], 0, REG_CX, false);
		if (a.kind == OPD_REG)
			I2(e, A_TESTQ, a, a);
		else
			I2(e, A_CMPQ, a, IMM(0));
		return CC_NE;
	}
	if (op >= OpEq8 && op <= OpLeq64U) {
		static const int ccs[] = {CC_EQ, CC_NE, CC_LT, CC_CS, CC_LE, CC_LS};
		int fam = (op - OpEq8) / 4;
		cc = ccs[fam];
		sz = width_of(op, OpEq8);
	} else if (op == OpEqPtr)
		cc = CC_EQ;
	else if (op == OpNeqPtr)
		cc = CC_NE;
	else if (op == OpIsInBounds)
		cc = CC_CS;
	else if (op == OpIsSliceInBounds)
		cc = CC_LS;
	else
		ice(0, "amd64", "not a comparison: %s", ssa_ops[op].name);
	Value *a = c->args[0], *b = c->args[1];
	int64_t k;
	if (isvirt(e, a) && vconst(e, a, 0, &k) && !(isvirt(e, b) && vconst(e, b, 0, &k))) {
		Value *t = a;
		a = b;
		b = t;
		cc = cc_swap(cc);
	}
	AOperand x = rd(e, a, 0, REG_CX, false);
	AOperand y = rd(e, b, 0, REG_DX, true);
	if (x.kind == OPD_MEM && y.kind == OPD_MEM) {
		I2(e, A_MOVQ, y, R(REG_DX));
		y = R(REG_DX);
	}
	int op2 = sz == 1 ? A_CMPB : sz == 2 ? A_CMPW : sz == 4 ? A_CMPL : A_CMPQ;
	if (y.kind == OPD_IMM) {
		if (sz == 1)
			y.off = (int8_t)y.off;
		else if (sz == 2)
			y.off = (int16_t)y.off;
		else if (sz == 4)
			y.off = (int32_t)y.off;
	}
	I2(e, op2, x, y);
	return cc;
}

static void setcc(Em *e, Value *v, int cc)
{
	int r = wreg(e, v, 0);
	I1(e, A_SETOS + cc, R(r));
	wdone(e, v, 0, r);
}

/* float comparisons: the value as a bool */
static void fcmp(Em *e, Value *v, bool f32, int kind /* 0 eq 1 neq 2 less 3 leq */)
{
	int op = f32 ? A_UCOMISS : A_UCOMISD;
	Value *a = v->args[0], *b = v->args[1];
	/* UCOMISD from, to sets the flags of to ? from */
	AOperand x = rd(e, a, 0, REG_X14, false);
	AOperand y = rd(e, b, 0, REG_X15, false);
	if (y.kind != OPD_REG) {
		I2(e, f32 ? A_MOVSS : A_MOVSD, y, R(REG_X15));
		y = R(REG_X15);
	}
	if (kind >= 2) {
		/* a < b ⇔ b > a: HI; a <= b ⇔ b >= a: CC (false when unordered) */
		I2(e, op, x, y);
		setcc(e, v, kind == 2 ? CC_HI : CC_CC);
		return;
	}
	I2(e, op, x, y);
	int r = wreg(e, v, 0);
	I1(e, A_SETOS + (kind == 0 ? CC_EQ : CC_NE), R(r));
	I1(e, A_SETOS + (kind == 0 ? CC_PC : CC_PS), R(REG_CX));
	I2(e, kind == 0 ? A_ANDL : A_ORL, R(REG_CX), R(r));
	wdone(e, v, 0, r);
}

static void copy_words(Em *e, Value *dst, int dw, Value *src, int sw)
{
	Loc l = amd64_loc(e->g, dst, dw);
	bool virt = isvirt(e, src);
	move8(e, locopd(e, l), src, sw, virt ? NOOPD : locopd(e, amd64_loc(e->g, src, sw)), virt);
}

/* ---- memory ---- */

static void emit_load(Em *e, Value *v)
{
	Word w[MAXWORDS];
	int n = amd64_words(v->type, w);
	for (int i = 0; i < n; i++)
		load_word(e, v, i, addr(e, v->args[0], w[i].off, REG_CX), w[i].size, w[i].cls);
}

static bool isagg(Em *e, Value *v);
static AOperand aggaddr(Em *e, Value *v, int scratch);
static void block_op(Em *e, int64_t n, bool copy);

/* ---- write barriers (docs/abi.md, "Write barriers") ---- */

/* Is p an address in this function's frame or its arguments?  Stores
 * there need no barrier: stacks are roots the collector scans again when
 * the mark ends. */
static bool stackaddr(Value *p)
{
	for (;;)
		switch (p->op) {
		case OpLocalAddr: case OpSP:
			return true;
		case OpOffPtr: case OpAddPtr:
			p = p->args[0];
			continue;
		default:
			return false;
		}
}

/* CMPL runtime.writeBarrier, $0; JEQ skip (returned, to bind after the barrier) */
static int wb_test(Em *e)
{
	int skip = newlabel(e);
	I2(e, A_CMPL, opd_sym("runtime.writeBarrier", 0), IMM(0));
	JMPL(e, A_JEQ, skip);
	return skip;
}

/* The barrier of one pointer word of a store: AX = the slot, CX = the new
 * pointer; a nil slot faults here, in the Go function, as the store would. */
static void wb_word(Em *e, Value *p, int64_t off, Value *val, int w)
{
	AOperand s = rd(e, val, w, REG_CX, false);
	if (!(s.kind == OPD_REG && s.reg == REG_CX))
		I2(e, A_MOVQ, s, R(REG_CX));
	I2(e, A_LEAQ, addr(e, p, off, REG_AX), R(REG_AX));
	I2(e, A_TESTB, R(REG_AX), opd_mem(REG_AX, 0));
	I1(e, A_CALL, opd_func("runtime.gcWriteBarrier"));
}

/* The bulk barrier before n bytes at AX change: CX = their source (0 for
 * clearing); the callers have set AX and CX. */
static void wb_bulk(Em *e, int64_t n)
{
	I2(e, A_MOVQ, IMM(n), R(REG_DX));
	I1(e, A_CALL, opd_func("runtime.gcWriteBarrierBulk"));
}

static bool has_ptrword(const SsaType *t)
{
	for (int64_t off = 0; off + 8 <= t->size; off += 8)
		if (ssa_type_ptrword(t, off))
			return true;
	return false;
}

static void emit_store(Em *e, Value *v)
{
	Value *val = v->args[1];
	bool wb = !stackaddr(v->args[0]) && has_ptrword(val->type);
	if (isagg(e, val)) {
		/* the destination address is computed after the source's (in DX) */
		Value *p = v->args[0];
		if (val->type->size == 0)
			return;
		if (wb) {
			int skip = wb_test(e);
			I2(e, A_LEAQ, aggaddr(e, val, REG_CX), R(REG_CX));
			I2(e, A_LEAQ, addr(e, p, 0, REG_AX), R(REG_AX));
			wb_bulk(e, val->type->size);
			bind(e, skip);
		}
		AOperand src = aggaddr(e, val, REG_CX);
		I2(e, A_LEAQ, src, R(REG_CX));
		I2(e, A_LEAQ, addr(e, p, 0, REG_DX), R(REG_DX));
		block_op(e, val->type->size, true);
		return;
	}
	Word w[MAXWORDS];
	int n = amd64_words(val->type, w);
	if (n < 0)
		amd64_notimpl(e->g, v, "store of %s", val->type->name);
	if (wb) {
		int skip = wb_test(e);
		for (int i = 0; i < n; i++)
			if (w[i].size == 8 && w[i].cls == WC_INT && ssa_type_ptrword(val->type, w[i].off))
				wb_word(e, v->args[0], w[i].off, val, i);
		bind(e, skip);
	}
	for (int i = 0; i < n; i++)
		store_word(e, addr(e, v->args[0], w[i].off, REG_DX), val, i, w[i].size, w[i].cls);
}

/* DX = the address p */
static void lea(Em *e, Value *p, int r)
{
	AOperand a = addr(e, p, 0, r);
	if (a.kind == OPD_MEM && a.reg == r && a.off == 0 && !a.index && !a.sym)
		return;
	I2(e, A_LEAQ, a, R(r));
}

/* n bytes at DX = 0 (or a copy from CX when copy) */
static void block_op(Em *e, int64_t n, bool copy)
{
	int64_t off = 0;
	if (!copy)
		I2(e, A_XORPS, R(REG_X15), R(REG_X15));
	if (n >= 16 * 8) {
		I2(e, A_MOVQ, IMM(n / 16), R(REG_AX));
		int loop = newlabel(e);
		bind(e, loop);
		if (copy)
			I2(e, A_MOVUPS, opd_mem(REG_CX, 0), R(REG_X15));
		I2(e, A_MOVUPS, R(REG_X15), opd_mem(REG_DX, 0));
		if (copy)
			I2(e, A_ADDQ, IMM(16), R(REG_CX));
		I2(e, A_ADDQ, IMM(16), R(REG_DX));
		I1(e, A_DECQ, R(REG_AX));
		JMPL(e, A_JNE, loop);
		n %= 16;
	}
	for (; n - off >= 16; off += 16) {
		if (copy)
			I2(e, A_MOVUPS, opd_mem(REG_CX, off), R(REG_X15));
		I2(e, A_MOVUPS, R(REG_X15), opd_mem(REG_DX, off));
	}
	bool axzero = false;
	for (int sz = 8; sz >= 1; sz /= 2)
		for (; n - off >= sz; off += sz) {
			if (copy) {
				I2(e, sz == 8 ? A_MOVQ : sz == 4 ? A_MOVL : sz == 2 ? A_MOVWLZX : A_MOVBLZX, opd_mem(REG_CX, off), R(REG_AX));
				I2(e, movsz(sz), R(REG_AX), opd_mem(REG_DX, off));
			} else {
				if (!axzero)
					I2(e, A_XORL, R(REG_AX), R(REG_AX));
				axzero = true;
				I2(e, movsz(sz), R(REG_AX), opd_mem(REG_DX, off));
			}
		}
}

/* the bytes of a struct or array value kept in memory */
static AOperand aggaddr(Em *e, Value *v, int scratch)
{
	switch (v->op) {
	case OpLoad: return addr(e, v->args[0], 0, scratch);
	case OpArg: return SPM(e->g->framesize + 8 + v->auxint);
	case OpCopy: return aggaddr(e, v->args[0], scratch);
	case OpSelectN: {
		Value *c = v->args[0];
		if (!e->havecall[c->id])
			amd64_notimpl(e->g, v, "SelectN of %s", ssa_ops[c->op].name);
		return SPM(e->calls[c->id].resoff[v->auxint]);
	}
	default:
		amd64_notimpl(e->g, v, "%s of type %s", ssa_ops[v->op].name, v->type->name);
	}
}

/* copies aggregate v to dst (dst's address goes through DX) */
static void copy_agg(Em *e, AOperand dst, Value *v)
{
	if (v->type->size == 0)
		return;
	I2(e, A_LEAQ, aggaddr(e, v, REG_CX), R(REG_CX));
	I2(e, A_LEAQ, dst, R(REG_DX));
	block_op(e, v->type->size, true);
}

static bool isagg(Em *e, Value *v) { return e->g->virt[v->id] == 3; }

/* ---- calls ---- */

static const char *bounds_fn[] = {
	"runtime.goPanicIndex", "runtime.goPanicIndexU", "runtime.goPanicSliceAlen", "runtime.goPanicSliceAlenU",
	"runtime.goPanicSliceAcap", "runtime.goPanicSliceAcapU", "runtime.goPanicSliceB", "runtime.goPanicSliceBU",
	"runtime.goPanicSlice3Alen", "runtime.goPanicSlice3AlenU", "runtime.goPanicSlice3Acap", "runtime.goPanicSlice3AcapU",
	"runtime.goPanicSlice3B", "runtime.goPanicSlice3BU", "runtime.goPanicSlice3C", "runtime.goPanicSlice3CU",
	"runtime.goPanicSliceConvert",
};

static void emit_call(Em *e, Value *v)
{
	CallLayout *cl = &e->calls[v->id];
	amd64_call_layout(e->g, v, cl);
	e->havecall[v->id] = true;
	const char *fn = NULL;
	if (v->op == OpPanicBounds) {
		if (v->auxint < 0 || v->auxint >= (int64_t)NELEM(bounds_fn))
			amd64_notimpl(e->g, v, "PanicBounds kind %lld", (long long)v->auxint);
		fn = bounds_fn[v->auxint];
	} else if (v->op == OpStaticCall)
		fn = symname(v);
	/* memory arguments */
	for (int i = 0; i < cl->nargs; i++) {
		if (cl->c && cl->args[i].off < 0)
			continue;
		Value *a = v->args[cl->first + i];
		if (isagg(e, a)) {
			if (cl->c && a->type->size <= 16)
				amd64_notimpl(e->g, v, "struct argument of %s passed in registers", fn ? fn : "a C call");
			copy_agg(e, SPM(cl->args[i].off), a);
			continue;
		}
		Word w[MAXWORDS];
		int n = amd64_words(a->type, w);
		for (int k = 0; k < n; k++)
			store_word(e, SPM(cl->args[i].off + w[k].off), a, k, w[k].size, w[k].cls);
	}
	if (cl->c) {
		PMove m[32];
		int n = 0;
		for (int i = 0; i < cl->nargs; i++) {
			if (cl->args[i].off >= 0)
				continue;
			Value *a = v->args[cl->first + i];
			for (int k = 0; k < e->g->nw[a->id]; k++) {
				bool virt = isvirt(e, a);
				m[n++] = (PMove){R(cl->args[i].reg[k]), a, k,
					virt ? NOOPD : locopd(e, amd64_loc(e->g, a, k)), virt, false};
			}
		}
		parallel_move(e, m, n);
		if (cl->hiddenret)
			I2(e, A_LEAQ, SPM(cl->retbase), R(REG_DI));
	}
	if (fn)
		I1(e, A_CALL, opd_func(fn));
	else if (v->op == OpClosureCall) {
		movto(e, REG_CX, v->args[0], 0);
		movto(e, REG_DX, v->args[1], 0);
		I1(e, A_CALL, R(REG_CX));
	} else {
		movto(e, REG_CX, v->args[0], 0);
		I1(e, A_CALL, R(REG_CX));
	}
	if (e->nsp == e->capsp) {
		e->capsp = e->capsp ? 2 * e->capsp : 16;
		e->sp = xrealloc(e->sp, (size_t)e->capsp * sizeof *e->sp);
	}
	e->sp[e->nsp++] = (struct EmCall){e->n - 1, v->id};
	/* assembly may use R14 as it likes (ABI0): g back from the thread's slot */
	if (v->op == OpStaticCall && v->aux && v->aux->abi == AUX_ABI_ASM)
		I2(e, A_MOVQ, opd_tls("runtime.tlsg"), R(REG_R14));
	if (cl->c && !cl->hiddenret) {
		int ni = 0, nf = 0;
		for (int k = 0; k < cl->nretint; k++) {
			if (cl->retcls[k] == WC_FLT)
				I2(e, A_MOVSD, R(nf++ ? REG_X1 : REG_X0), SPM(cl->retbase + 8 * k));
			else
				I2(e, A_MOVQ, R(ni++ ? REG_DX : REG_AX), SPM(cl->retbase + 8 * k));
		}
	}
}

static void emit_selectn(Em *e, Value *v)
{
	Value *c = v->args[0];
	if (!e->havecall[c->id])
		amd64_notimpl(e->g, v, "SelectN of %s", ssa_ops[c->op].name);
	CallLayout *cl = &e->calls[c->id];
	int i = (int)v->auxint;
	if (i >= cl->nres || isagg(e, v))
		return; /* the memory, or a struct read where it is used */
	Word w[MAXWORDS];
	int n = amd64_words(v->type, w);
	for (int k = 0; k < n; k++)
		load_word(e, v, k, SPM(cl->resoff[i] + w[k].off), w[k].size, w[k].cls);
}

/* ---- values ---- */

static void emit_value(Em *e, Value *v)
{
	Op op = (Op)v->op;
	if (e->g->virt[v->id])
		return;
	if (op >= OpAdd8 && op <= OpAdd64) { binop(e, v, A_ADDQ, A_ADDL); return; }
	if (op >= OpSub8 && op <= OpSub64) { binop(e, v, A_SUBQ, A_SUBL); return; }
	if (op >= OpMul8 && op <= OpMul64) { binop(e, v, A_IMULQ, A_IMULL); return; }
	if (op >= OpAnd8 && op <= OpAnd64) { binop(e, v, A_ANDQ, A_ANDL); return; }
	if (op >= OpOr8 && op <= OpOr64) { binop(e, v, A_ORQ, A_ORL); return; }
	if (op >= OpXor8 && op <= OpXor64) { binop(e, v, A_XORQ, A_XORL); return; }
	if (op >= OpNeg8 && op <= OpNeg64) { unop(e, v, A_NEGQ, A_NEGL); return; }
	if (op >= OpCom8 && op <= OpCom64) { unop(e, v, A_NOTQ, A_NOTL); return; }
	if (op >= OpDiv8 && op <= OpDiv64) { divmod(e, v, true, false); return; }
	if (op >= OpDiv8u && op <= OpDiv64u) { divmod(e, v, false, false); return; }
	if (op >= OpMod8 && op <= OpMod64) { divmod(e, v, true, true); return; }
	if (op >= OpMod8u && op <= OpMod64u) { divmod(e, v, false, true); return; }
	if (op >= OpLsh8x8 && op <= OpRsh64Ux64) {
		int k = op - OpLsh8x8;
		int kind = k / 16, W = 1 << ((k % 16) / 4), C = 1 << (k % 4);
		shift(e, v, kind, W, C);
		return;
	}
	if (amd64_fusable_cmp(op)) {
		setcc(e, v, emit_cmp(e, v));
		return;
	}
	switch (op) {
	case OpArg:
		/* a parameter regalloc gave registers: loaded at entry */
		for (int w = 0; w < e->g->nw[v->id]; w++) {
			Loc l = amd64_loc(e->g, v, w);
			if (l.kind != LOC_REG)
				continue;
			Word wd = word(v, w);
			load_word(e, v, w, SPM(e->g->framesize + 8 + v->auxint + wd.off), wd.size, wd.cls);
		}
		return;
	case OpPhi: case OpInitMem: case OpVarDef: case OpVarLive: case OpKeepAlive:
	case OpUnknown: case OpMakeResult:
		return;
	case OpCopy:
		for (int w = 0; w < e->g->nw[v->id]; w++)
			copy_words(e, v, w, v->args[0], w);
		return;
	case OpAddPtr: addptr(e, v); return;
	case OpSubPtr: binop(e, v, A_SUBQ, A_SUBQ); return;
	case OpOffPtr: {
		int r = wreg(e, v, 0);
		I2(e, A_LEAQ, addr(e, v->args[0], v->auxint, r), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpAndB: binop(e, v, A_ANDL, A_ANDL); return;
	case OpOrB: binop(e, v, A_ORL, A_ORL); return;
	case OpNeqB: binop(e, v, A_XORL, A_XORL); return;
	case OpEqB: {
		int r = wreg(e, v, 0);
		Value *a0, *a1;
		swap_in(e, v, r, &a0, &a1);
		movto(e, r, a0, 0);
		I2(e, A_XORL, rd(e, a1, 0, REG_CX, true), R(r));
		I2(e, A_XORL, IMM(1), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpNot: {
		int r = wreg(e, v, 0);
		movto(e, r, v->args[0], 0);
		I2(e, A_XORL, IMM(1), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpCondSelect: {
		if (e->g->nw[v->id] != 1 || word(v, 0).cls != WC_INT)
			amd64_notimpl(e->g, v, "CondSelect of %s", v->type->name);
		int r = wreg(e, v, 0);
		AOperand a = rd(e, v->args[0], 0, REG_CX, false);
		movto(e, r, v->args[1], 0);
		AOperand c = rd(e, v->args[2], 0, REG_DX, false);
		if (c.kind == OPD_REG)
			I2(e, A_TESTB, c, c);
		else
			I2(e, A_CMPB, c, IMM(0));
		I2(e, A_CMOVQNE, a, R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpAdd32F: fbinop(e, v, A_ADDSS); return;
	case OpAdd64F: fbinop(e, v, A_ADDSD); return;
	case OpSub32F: fbinop(e, v, A_SUBSS); return;
	case OpSub64F: fbinop(e, v, A_SUBSD); return;
	case OpMul32F: fbinop(e, v, A_MULSS); return;
	case OpMul64F: fbinop(e, v, A_MULSD); return;
	case OpDiv32F: fbinop(e, v, A_DIVSS); return;
	case OpDiv64F: fbinop(e, v, A_DIVSD); return;
	case OpNeg32F: case OpNeg64F: {
		int r = wreg(e, v, 0);
		movto(e, r, v->args[0], 0);
		I2(e, A_MOVQ, R(r), R(REG_AX));
		I2(e, op == OpNeg32F ? A_BTCL : A_BTCQ, IMM(op == OpNeg32F ? 31 : 63), R(REG_AX));
		I2(e, A_MOVQ, R(REG_AX), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpSqrt: {
		int r = wreg(e, v, 0);
		I2(e, A_SQRTSD, rd(e, v->args[0], 0, REG_X14, false), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpEq32F: fcmp(e, v, true, 0); return;
	case OpEq64F: fcmp(e, v, false, 0); return;
	case OpNeq32F: fcmp(e, v, true, 1); return;
	case OpNeq64F: fcmp(e, v, false, 1); return;
	case OpLess32F: fcmp(e, v, true, 2); return;
	case OpLess64F: fcmp(e, v, false, 2); return;
	case OpLeq32F: fcmp(e, v, true, 3); return;
	case OpLeq64F: fcmp(e, v, false, 3); return;
	case OpSignExt8to16: case OpSignExt8to32: case OpSignExt8to64:
	case OpSignExt16to32: case OpSignExt16to64: case OpSignExt32to64:
	case OpZeroExt8to16: case OpZeroExt8to32: case OpZeroExt8to64:
	case OpZeroExt16to32: case OpZeroExt16to64: case OpZeroExt32to64: {
		int from = (int)v->args[0]->type->size;
		bool sign = op <= OpSignExt32to64;
		int r = wreg(e, v, 0);
		AOperand a = rd(e, v->args[0], 0, REG_CX, false);
		int ins;
		if (from == 1)
			ins = sign ? A_MOVBQSX : A_MOVBQZX;
		else if (from == 2)
			ins = sign ? A_MOVWQSX : A_MOVWQZX;
		else
			ins = sign ? A_MOVLQSX : A_MOVL;
		I2(e, ins, a, R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpTrunc16to8: case OpTrunc32to8: case OpTrunc32to16:
	case OpTrunc64to8: case OpTrunc64to16: case OpTrunc64to32: case OpCvtBoolToUint8:
	case OpPtrToInt: case OpIntToPtr:
		copy_words(e, v, 0, v->args[0], 0);
		return;
	case OpCvt32to32F: case OpCvt32to64F: case OpCvt64to32F: case OpCvt64to64F: {
		static const int ops[] = {A_CVTSL2SS, A_CVTSL2SD, A_CVTSQ2SS, A_CVTSQ2SD};
		int r = wreg(e, v, 0);
		AOperand a = rd(e, v->args[0], 0, REG_CX, false);
		I2(e, A_XORPS, R(r), R(r));
		I2(e, ops[op - OpCvt32to32F], a, R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpCvt32Fto32: case OpCvt32Fto64: case OpCvt64Fto32: case OpCvt64Fto64: {
		static const int ops[] = {A_CVTTSS2SL, A_CVTTSS2SQ, A_CVTTSD2SL, A_CVTTSD2SQ};
		int r = wreg(e, v, 0);
		I2(e, ops[op - OpCvt32Fto32], rd(e, v->args[0], 0, REG_X14, false), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpCvt32Fto64F: case OpCvt64Fto32F: {
		int r = wreg(e, v, 0);
		I2(e, op == OpCvt32Fto64F ? A_CVTSS2SD : A_CVTSD2SS, rd(e, v->args[0], 0, REG_X14, false), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpCvt64Uto32F: case OpCvt64Uto64F: {
		/* x >= 0: as signed; else convert (x>>1 | x&1) and double it */
		bool f32 = op == OpCvt64Uto32F;
		int cvt = f32 ? A_CVTSQ2SS : A_CVTSQ2SD;
		int r = wreg(e, v, 0);
		movto(e, REG_CX, v->args[0], 0);
		I2(e, A_XORPS, R(r), R(r));
		int big = newlabel(e), done = newlabel(e);
		I2(e, A_TESTQ, R(REG_CX), R(REG_CX));
		JMPL(e, A_JMI, big);
		I2(e, cvt, R(REG_CX), R(r));
		JMPL(e, A_JMP, done);
		bind(e, big);
		I2(e, A_MOVQ, R(REG_CX), R(REG_DX));
		I2(e, A_SHRQ, IMM(1), R(REG_CX));
		I2(e, A_ANDL, IMM(1), R(REG_DX));
		I2(e, A_ORQ, R(REG_DX), R(REG_CX));
		I2(e, cvt, R(REG_CX), R(r));
		I2(e, f32 ? A_ADDSS : A_ADDSD, R(r), R(r));
		bind(e, done);
		wdone(e, v, 0, r);
		return;
	}
	case OpCvt64Fto64U: {
		/* x < 2^63: as signed; else convert x - 2^63 and set the top bit */
		int r = wreg(e, v, 0);
		movto(e, REG_X14, v->args[0], 0);
		I2(e, A_MOVQ, IMM(INT64_C(0x43e0000000000000)), R(REG_CX));
		I2(e, A_MOVQ, R(REG_CX), R(REG_X15));
		int big = newlabel(e), done = newlabel(e);
		I2(e, A_UCOMISD, R(REG_X15), R(REG_X14));
		JMPL(e, A_JCC, big);
		I2(e, A_CVTTSD2SQ, R(REG_X14), R(r));
		JMPL(e, A_JMP, done);
		bind(e, big);
		I2(e, A_SUBSD, R(REG_X15), R(REG_X14));
		I2(e, A_CVTTSD2SQ, R(REG_X14), R(r));
		I2(e, A_BTCQ, IMM(63), R(r));
		bind(e, done);
		wdone(e, v, 0, r);
		return;
	}
	case OpGetG: {
		int r = wreg(e, v, 0);
		I2(e, A_MOVQ, R(REG_R14), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpGetClosurePtr: {
		int r = wreg(e, v, 0);
		I2(e, A_MOVQ, R(REG_DX), R(r));
		wdone(e, v, 0, r);
		return;
	}
	case OpLoad: emit_load(e, v); return;
	case OpStore: emit_store(e, v); return;
	case OpZero:
		if (!stackaddr(v->args[0]) && v->auxint >= 8) {
			int skip = wb_test(e);
			lea(e, v->args[0], REG_AX);
			I2(e, A_XORL, R(REG_CX), R(REG_CX));
			wb_bulk(e, v->auxint);
			bind(e, skip);
		}
		lea(e, v->args[0], REG_DX);
		block_op(e, v->auxint, false);
		return;
	case OpMove:
		if (!stackaddr(v->args[0]) && v->auxint >= 8) {
			int skip = wb_test(e);
			lea(e, v->args[1], REG_CX);
			lea(e, v->args[0], REG_AX);
			wb_bulk(e, v->auxint);
			bind(e, skip);
		}
		lea(e, v->args[1], REG_CX);
		lea(e, v->args[0], REG_DX);
		block_op(e, v->auxint, true);
		return;
	case OpNilCheck:
		if (!isvirt(e, v->args[0]) || v->args[0]->op == OpOffPtr || v->args[0]->op == OpAddPtr ||
		    v->args[0]->op == OpConstNil)
			I2(e, A_TESTB, R(REG_AX), addr(e, v->args[0], 0, REG_CX));
		return;
	case OpStaticCall: case OpClosureCall: case OpInterCall: case OpPanicBounds:
		emit_call(e, v);
		return;
	case OpSelectN:
		emit_selectn(e, v);
		return;
	case OpStringMake: case OpSliceMake: case OpIMake: case OpComplexMake:
		for (int i = 0; i < v->nargs; i++)
			copy_words(e, v, i, v->args[i], 0);
		return;
	case OpStringPtr: case OpSlicePtr: case OpITab: case OpComplexReal:
		copy_words(e, v, 0, v->args[0], 0);
		return;
	case OpStringLen: case OpSliceLen: case OpIData: case OpComplexImag:
		copy_words(e, v, 0, v->args[0], 1);
		return;
	case OpSliceCap:
		copy_words(e, v, 0, v->args[0], 2);
		return;
	default:
		amd64_notimpl(e->g, v, "SSA op %s", ssa_ops[op].name);
	}
}

/* ---- blocks ---- */

static void setline(Em *e, Pos pos, uint32_t line)
{
	if (pos) {
		Position p = pos_adjusted(pos);
		if (p.filename && p.line) {
			e->curfile = p.filename;
			e->curline = (uint32_t)p.line;
			return;
		}
	}
	if (line) {
		e->curline = line;
		if (!e->curfile)
			e->curfile = e->g->file;
	}
}

static void epilogue(Em *e)
{
	int64_t fs = e->g->framesize;
	if (fs) {
		I2(e, A_MOVQ, SPM(fs - 8), R(REG_BP));
		I2(e, A_ADDQ, IMM(fs), R(REG_SP));
	}
	I0(e, A_RET);
}

static void emit_ret(Em *e, Block *b)
{
	Value *c = b->controls[0];
	if (c && c->op == OpMakeResult) {
		int nres = c->nargs - 1;
		SsaType **types = xmalloc((size_t)(nres + 1) * sizeof *types);
		for (int i = 0; i < nres; i++)
			types[i] = c->args[i]->type;
		for (int i = 0; i < nres; i++) {
			Value *r = c->args[i];
			int64_t off = amd64_result_off(e->g, types, i);
			if (isagg(e, r)) {
				copy_agg(e, SPM(e->g->framesize + 8 + off), r);
				continue;
			}
			Word w[MAXWORDS];
			int n = amd64_words(r->type, w);
			for (int k = 0; k < n; k++)
				store_word(e, SPM(e->g->framesize + 8 + off + w[k].off), r, k, w[k].size, w[k].cls);
		}
		free(types);
	}
	epilogue(e);
}

/* the file and line a value's instructions are attributed to */
static bool same_line(Value *a, Value *b)
{
	if (a->pos && b->pos) {
		Position pa = pos_adjusted(a->pos), pb = pos_adjusted(b->pos);
		return pa.line && pa.line == pb.line && pa.filename && pb.filename &&
		       strcmp(pa.filename, pb.filename) == 0;
	}
	return !a->pos && !b->pos && a->line == b->line;
}

/* Is the NilCheck b->values[i] of p redundant because the block's next
 * memory access is a load or store at p+off, off < 4096, on the same
 * line, with only pure values in between?  That access faults where
 * the check would have (the SIGSEGV handler makes it gc's nil
 * dereference panic, at the access's pc and so at the check's line).
 * A check of a constant nil stays, as in gc: its fault is at address 0
 * (`var i I; i.M()` faults at 0, not at the method's offset in the itab). */
static bool nilcheck_folds(Em *e, Block *b, int i)
{
	Value *nc = b->values[i], *p = nc->args[0];
	if (isvirt(e, p) || p->op == OpConstNil)
		return false;
	for (int k = i + 1; k < b->nvalues; k++) {
		Value *v = b->values[k];
		if (v->op == OpLoad || v->op == OpStore) {
			Value *val = v->op == OpLoad ? v : v->args[1];
			Word w[MAXWORDS];
			if (isagg(e, val) || val->type->size == 0 || amd64_words(val->type, w) <= 0 || w[0].off != 0)
				return false;
			int64_t off = 0;
			Value *a = v->args[0];
			while (a->op == OpOffPtr && off < 4096) {
				off += a->auxint;
				a = a->args[0];
			}
			return a == p && off >= 0 && off < 4096 && same_line(nc, v);
		}
		if ((ssa_ops[v->op].flags & (OPF_SE | OPF_CALL | OPF_FAULT)) || v->type->kind == SK_MEM ||
		    v->type->kind == SK_TUPLE)
			return false;
	}
	return false;
}

static void emit_block(Em *e, Block *b, Block *next)
{
	bind(e, (int)b->id);
	setline(e, 0, b->line);
	for (int i = 0; i < b->nvalues; i++) {
		Value *v = b->values[i];
		if (v->op == OpNilCheck && nilcheck_folds(e, b, i))
			continue;
		setline(e, v->pos, v->line);
		emit_value(e, v);
	}
	setline(e, 0, b->line);
	switch (b->kind) {
	case BlockPlain: case BlockFirst:
		phi_moves(e, b, 0);
		if (b->succs[0].b != next)
			JMPL(e, A_JMP, (int)b->succs[0].b->id);
		break;
	case BlockIf: {
		Value *c = b->controls[0];
		Block *yes = b->succs[0].b, *no = b->succs[1].b;
		int cc;
		int64_t k;
		if (isvirt(e, c) && vconst(e, c, 0, &k)) {
			Block *t = k ? yes : no;
			if (t != next)
				JMPL(e, A_JMP, (int)t->id);
			break;
		}
		if (e->g->virt[c->id] == 2)
			cc = emit_cmp(e, c);
		else {
			AOperand a = rd(e, c, 0, REG_CX, false);
			if (a.kind == OPD_REG)
				I2(e, A_TESTB, a, a);
			else
				I2(e, A_CMPB, a, IMM(0));
			cc = CC_NE;
		}
		if (yes == next || (no != next && b->likely < 0)) {
			/* the conditional jump to the likely successor (a
			 * rotated loop's body: ssa_looprotate) */
			JMPL(e, A_JOS + (cc ^ 1), (int)no->id);
			if (yes != next)
				JMPL(e, A_JMP, (int)yes->id);
		} else {
			JMPL(e, A_JOS + cc, (int)yes->id);
			if (no != next)
				JMPL(e, A_JMP, (int)no->id);
		}
		break;
	}
	case BlockRet:
		emit_ret(e, b);
		break;
	case BlockExit: {
		/* after a call that does not return */
		int last = e->n - 1;
		if (last < 0 || e->ins[last].op != A_CALL)
			I0(e, A_UD2);
		break;
	}
	case BlockDefer: {
		/* after the runtime.deferproc call, which returns 0 in AX, or 1
		 * when a panic was recovered (docs/abi.md, "Defer and recover") */
		int last = e->n - 1;
		if (last < 0 || e->ins[last].op != A_CALL)
			amd64_notimpl(e->g, b->controls[0], "Defer block not ending in the deferproc call");
		I2(e, A_TESTL, R(REG_AX), R(REG_AX));
		JMPL(e, A_JNE, (int)b->succs[1].b->id);
		if (b->succs[0].b != next)
			JMPL(e, A_JMP, (int)b->succs[0].b->id);
		break;
	}
	default:
		amd64_notimpl(e->g, b->ncontrols ? b->controls[0] : NULL, "%s blocks", ssa_blocks[b->kind].name);
	}
}

/* ---- branch cleanup ---- */

static bool isjcc(int op) { return op >= A_JOS && op <= A_JOS + CC_GT; }
static bool isbranch(Em *e, int i) { return e->tgt[i] >= 0 && (e->ins[i].op == A_JMP || isjcc(e->ins[i].op)); }

/* the first instruction at or after i that is not a NOP (e->n at the end) */
static int next_real(Em *e, int i)
{
	while (i < e->n && e->ins[i].op == A_NOP)
		i++;
	return i;
}

/* the label a branch to `label` ends up at, through unconditional jumps */
static int final_label(Em *e, int label)
{
	for (int hops = 0; hops < 16; hops++) {
		int t = next_real(e, e->lab[label]);
		if (t >= e->n || e->ins[t].op != A_JMP || e->tgt[t] < 0 || e->tgt[t] == label)
			break;
		label = e->tgt[t];
	}
	return label;
}

/* Transform of the instruction list, before relaxation: branches to
 * unconditional jumps go to their targets; `Jcc L; JMP M; L:` becomes
 * `J!cc M`; jumps to the next instruction and code after an
 * unconditional jump that no branch enters become NOPs (no bytes).
 * Keeps every label's meaning (labels only move past NOPs). */
static void clean_branches(Em *e)
{
	int n = e->n;
	uint8_t *refd = xmalloc((size_t)n + 1);
	for (int i = 0; i < n; i++)
		if (isbranch(e, i))
			e->tgt[i] = final_label(e, e->tgt[i]);
	for (bool changed = true; changed;) {
		changed = false;
		memset(refd, 0, (size_t)n + 1);
		for (int i = 0; i < n; i++)
			if (e->tgt[i] >= 0 && e->ins[i].op != A_NOP)
				refd[next_real(e, e->lab[e->tgt[i]])] = 1;
		for (int i = 0; i < n; i++) {
			if (e->ins[i].op == A_NOP || !isbranch(e, i))
				continue;
			int j = next_real(e, i + 1), t = next_real(e, e->lab[e->tgt[i]]);
			if (t == j) {
				e->ins[i].op = A_NOP;
				changed = true;
				continue;
			}
			if (isjcc(e->ins[i].op) && j < n && e->ins[j].op == A_JMP && e->tgt[j] >= 0 && !refd[j] &&
			    t == next_real(e, j + 1)) {
				e->ins[i].op = (uint16_t)(A_JOS + ((e->ins[i].op - A_JOS) ^ 1));
				e->tgt[i] = e->tgt[j];
				e->ins[j].op = A_NOP;
				changed = true;
			}
		}
		/* unreachable code: after JMP, RET or UD2, up to an entered instruction */
		for (int i = 0; i < n; i++) {
			int op = e->ins[i].op;
			if (op != A_JMP && op != A_RET && op != A_UD2)
				continue;
			for (int j = i + 1; j < n && !refd[j]; j++)
				if (e->ins[j].op != A_NOP) {
					e->ins[j].op = A_NOP;
					changed = true;
				}
		}
	}
	free(refd);
}

/* ---- relaxation, encoding, listing ---- */

static void print_listing(Em *e, const uint8_t *code, size_t len, const ARelocVec *rv, const int64_t *pc)
{
	FILE *out = e->o->asmout;
	CodeGen *g = e->g;
	int64_t args = g->f->argsize ? g->f->argsize : g->paramsize;
	fprintf(out, "%s STEXT%s size=%zu args=0x%llx locals=0x%llx funcid=0x0 align=0x0\n", g->sym,
		g->framesize == 0 && !g->hascall ? " nosplit" : "", len, (unsigned long long)args,
		(unsigned long long)g->framesize);
	const char *f0 = e->n ? e->file[0] : g->file;
	fprintf(out, "\t0x0000 00000 (%s:%u)\tTEXT\t%s(SB), %sABIInternal, $%lld-%lld\n", f0 ? f0 : "?",
		e->n ? e->line[0] : 0, g->sym, g->framesize == 0 && !g->hascall ? "NOSPLIT|" : "",
		(long long)g->framesize, (long long)args);
	Buf b = {0};
	for (int i = 0; i < e->n; i++) {
		if (e->ins[i].op == A_NOP)
			continue;
		b.n = 0;
		amd64_print(&b, &e->ins[i]);
		buf_putc(&b, 0);
		fprintf(out, "\t0x%04llx %05lld (%s:%u)\t%s\n", (unsigned long long)pc[i], (long long)pc[i],
			e->file[i] ? e->file[i] : "?", e->line[i], b.p);
	}
	buf_free(&b);
	for (size_t off = 0; off < len; off += 16) {
		fprintf(out, "\t0x%04zx", off);
		char asc[17];
		size_t k;
		for (k = 0; k < 16; k++) {
			if (off + k < len) {
				fprintf(out, " %02x", code[off + k]);
				asc[k] = code[off + k] >= 32 && code[off + k] < 127 ? (char)code[off + k] : '.';
			} else {
				fputs("   ", out);
				asc[k] = 0;
			}
		}
		asc[16] = 0;
		fprintf(out, "  %s\n", asc);
	}
	for (size_t i = 0; i < rv->n; i++) {
		const AReloc *r = &rv->v[i];
		int t = r->kind == RELOC_CALL32 ? 7 : r->kind == RELOC_PC32 ? 14 : 1;
		fprintf(out, "\trel %u+%u t=%d %s+%lld\n", r->off, r->size, t, r->sym, (long long)amd64_reloc_goaddend(r));
	}
}

/* The link's file index of a source path, made absolute as gc records
 * it (filepath.Join(cwd, path)): tracebacks and DWARF print it. */
static uint32_t linefile(Em *e, const char *path)
{
	static const char *last;
	static uint32_t lastidx;
	static Link *lastlink;
	if (path == last && e->l == lastlink)
		return lastidx;
	const char *orig = path;
	uint32_t idx;
	char cwd[4096];
	/* a source file's name is made absolute (gc's); a //line directive's
	 * is kept as written, "??" when empty (gc's) */
	if (!path[0])
		idx = link_file(e->l, "??");
	else if (path[0] == '/' || !(fileset_isname(path) || path == e->g->file) || !getcwd(cwd, sizeof cwd))
		idx = link_file(e->l, path);
	else {
		while (path[0] == '.' && path[1] == '/')
			path += 2;
		size_t n = strlen(cwd);
		while (strncmp(path, "../", 3) == 0 && n > 1) {
			while (n > 1 && cwd[n - 1] != '/')
				n--;
			if (n > 1)
				n--;
			path += 3;
		}
		Buf b = {0};
		buf_put(&b, cwd, n);
		buf_putc(&b, '/');
		buf_puts(&b, path);
		buf_putc(&b, 0);
		idx = link_file(e->l, b.p);
		buf_free(&b);
	}
	last = orig;
	lastidx = idx;
	lastlink = e->l;
	return idx;
}

/* ---- stack maps ---- */

static void put_uvarint(Buf *b, uint64_t v)
{
	while (v >= 0x80) {
		buf_putc(b, (char)(v | 0x80));
		v >>= 7;
	}
	buf_putc(b, (char)v);
}

static void setbit(uint8_t *m, int64_t i) { m[i / 8] |= (uint8_t)(1u << (i % 8)); }

/* sets the pointer words of local i in the locals bitmap m (from lbase) */
static void local_ptrbits(const CodeGen *g, int i, uint8_t *m, int64_t lbase)
{
	const LocalVar *lv = &g->locals[i];
	for (int64_t o = 0; o + 8 <= lv->size; o += 8)
		if ((lv->off + o) % 8 == 0 && ssa_type_ptrword(lv->type, o))
			setbit(m, (g->localbase + lv->off + o - lbase) / 8);
}

/* The index of bitmap *n (just written after the others, nb bytes each)
 * among maps[0..*n), which it joins if new. */
static uint32_t dedup_map(const uint8_t *maps, uint32_t *n, size_t nb)
{
	uint32_t j = 0;
	while (j < *n && memcmp(maps + (size_t)j * nb, maps + (size_t)*n * nb, nb) != 0)
		j++;
	if (j == *n)
		(*n)++;
	return j;
}

/* The function's stack maps (docs/abi.md, "Stack maps"): which words of
 * its ABI0 arguments, and which words of its locals and spill slots at
 * each call (by return address), hold pointers. */
static void stackmaps(Em *e, const int64_t *pc, Buf *out)
{
	CodeGen *g = e->g;
	Func *f = g->f;
	int ncall = 0; /* calls left out as unreachable are not safe points */
	for (int k = 0; k < e->nsp; k++)
		if (e->ins[e->sp[k].ins].op == A_CALL)
			e->sp[ncall++] = e->sp[k];
	e->nsp = ncall;
	/* arguments: at entry, the pointer words of the parameters' Arg
	 * values (the results are written only by the return, after the last
	 * call); at a call, those of the parameters live after it, and of
	 * those kept in memory (not tracked: always) */
	int64_t aw = (g->paramsize + 7) / 8;
	size_t anb = (size_t)(aw + 7) / 8;
	uint8_t *am = xcalloc(anb + 1, 1), *amem = xcalloc(anb + 1, 1);
	for (uint32_t i = 0; i < f->nvalueids; i++) {
		Value *v = f->values[i];
		if (!v || v->op != OpArg || v->auxint % 8)
			continue;
		for (int64_t o = 0; o + 8 <= v->type->size; o += 8)
			if (ssa_type_ptrword(v->type, o) && (v->auxint + o) / 8 < aw) {
				setbit(am, (v->auxint + o) / 8);
				if (g->vr0[v->id] < 0)
					setbit(amem, (v->auxint + o) / 8);
			}
	}
	put_uvarint(out, (uint64_t)aw);
	buf_put(out, am, anb);
	/* locals (every pointer word of every variable: their types do not
	 * change) and the spill slots live after each call */
	int64_t lbase = g->localbase, lw = (g->spillbase + g->spillsize - lbase) / 8;
	size_t nb = (size_t)(lw + 7) / 8;
	uint8_t *base = xcalloc(nb + 1, 1);
	for (int i = 0; i < g->nlocals; i++)
		if (!g->localalways || (g->localalways[i / 64] >> (i % 64) & 1))
			local_ptrbits(g, i, base, lbase);
	uint8_t *maps = xmalloc((size_t)(e->nsp + 1) * (nb + 1));
	uint32_t *idx = xmalloc((size_t)(e->nsp + 1) * sizeof *idx);
	uint8_t *amaps = xmalloc((size_t)(e->nsp + 1) * (anb + 1));
	uint32_t *aidx = xmalloc((size_t)(e->nsp + 1) * sizeof *aidx);
	uint32_t nmaps = 0, namaps = 0;
	for (int k = 0; k < e->nsp; k++) {
		uint8_t *a = amaps + (size_t)namaps * anb;
		memcpy(a, amem, anb);
		const uint64_t *al = g->callargs ? g->callargs[e->sp[k].v] : NULL;
		for (int64_t w = 0; al && w < aw; w++)
			if (al[w / 64] >> (w % 64) & 1)
				setbit(a, w);
		aidx[k] = dedup_map(amaps, &namaps, anb);
		uint8_t *m = maps + (size_t)nmaps * nb;
		memcpy(m, base, nb);
		const uint64_t *ll = g->calllocals ? g->calllocals[e->sp[k].v] : NULL;
		for (int i = 0; ll && i < g->nlocals; i++)
			if (ll[i / 64] >> (i % 64) & 1)
				local_ptrbits(g, i, m, lbase);
		const uint64_t *sl = g->callspill ? g->callspill[e->sp[k].v] : NULL;
		for (int64_t s = 0; sl && s < g->spillsize / 8; s++)
			if (sl[s / 64] >> (s % 64) & 1)
				setbit(m, (g->spillbase + 8 * s - lbase) / 8);
		idx[k] = dedup_map(maps, &nmaps, nb);
	}
	put_uvarint(out, (uint64_t)lbase / 8);
	put_uvarint(out, (uint64_t)lw);
	put_uvarint(out, nmaps);
	buf_put(out, maps, (size_t)nmaps * nb);
	put_uvarint(out, namaps);
	buf_put(out, amaps, (size_t)namaps * anb);
	put_uvarint(out, (uint64_t)e->nsp);
	int64_t prev = 0;
	for (int k = 0; k < e->nsp; k++) { /* instruction order: increasing pcs */
		int64_t ret = pc[e->sp[k].ins + 1];
		put_uvarint(out, (uint64_t)(ret - prev));
		put_uvarint(out, idx[k]);
		put_uvarint(out, aidx[k]);
		prev = ret;
	}
	free(base);
	free(maps);
	free(idx);
	free(amaps);
	free(aidx);
	free(am);
	free(amem);
}

static void finish(Em *e)
{
	int n = e->n;
	int64_t *pc = xmalloc((size_t)(n + 1) * sizeof *pc);
	for (;;) {
		int64_t p = 0;
		for (int i = 0; i < n; i++) {
			pc[i] = p;
			AInst in = e->ins[i];
			if (e->tgt[i] >= 0)
				in.to = opd_pc(p); /* length does not depend on the target */
			int len = in.op == A_NOP ? 0 : amd64_len(&in, p);
			if (len < 0) {
				Buf s = {0};
				amd64_print(&s, &in);
				buf_putc(&s, 0);
				ice(0, "amd64", "func %s: cannot encode %s", e->g->f->name, s.p);
			}
			p += len;
		}
		pc[n] = p;
		bool changed = false;
		for (int i = 0; i < n; i++) {
			if (e->tgt[i] < 0 || (e->ins[i].flags & INST_SHORT))
				continue;
			int t = e->lab[e->tgt[i]];
			int64_t d = pc[t] - (pc[i] + 2);
			if (d >= -128 + 8 && d <= 127 - 8 && e->ins[i].op != A_CALL) {
				/* margin: the short form's own length differs by a few bytes */
				e->ins[i].flags |= INST_SHORT;
				changed = true;
			}
		}
		if (!changed)
			break;
	}
	Buf code = {0};
	ARelocVec rv = {0};
	LinkLine *rows = xmalloc((size_t)(n + 1) * sizeof *rows);
	uint32_t nrows = 0;
	for (int i = 0; i < n; i++) {
		AInst in = e->ins[i];
		if (in.op == A_NOP)
			continue;
		if (e->tgt[i] >= 0)
			in.to = opd_pc(pc[e->lab[e->tgt[i]]]);
		if ((int64_t)code.n != pc[i])
			ice(0, "amd64", "func %s: pc drift at instruction %d", e->g->f->name, i);
		if (e->line[i] && e->file[i] && (nrows == 0 || rows[nrows - 1].line != e->line[i] ||
						 rows[nrows - 1].file != linefile(e, e->file[i])))
			rows[nrows++] = (LinkLine){(uint32_t)code.n, linefile(e, e->file[i]), e->line[i]};
		amd64_encode(&code, &rv, &in);
	}
	LinkSym *s = link_add_symbol(e->l, e->g->sym, LK_TEXT, 16, code.p, code.n, e->g->f->dupok ? LF_DUPOK : 0);
	if (s) {
		for (size_t i = 0; i < rv.n; i++) {
			AReloc *r = &rv.v[i];
			LinkRelocType t = r->kind == RELOC_PC32 || r->kind == RELOC_CALL32 ? LR_PCREL
				: r->kind == RELOC_ABS32S ? LR_ADDRS : r->kind == RELOC_TPOFF32 ? LR_TPOFF : LR_ADDR;
			link_add_reloc(e->l, s, r->off, t, r->size, link_lookup(e->l, r->sym, strlen(r->sym)), r->addend);
		}
		for (uint32_t i = 0; i < e->o->nmarkers; i++)
			link_add_marker(e->l, s, LR_USEIFACEMETHOD, e->o->markers[i].iface, e->o->markers[i].index);
		if (nrows)
			link_set_lines(e->l, s, rows, nrows);
		Buf sm = {0};
		stackmaps(e, pc, &sm);
		LinkFunc fi = {.frame = (int32_t)e->g->framesize, .argsize = (uint32_t)e->g->paramsize,
			       .arginfo = e->o->arginfo, .narginfo = e->o->narginfo,
			       .flags = e->o->wrapper, .stackmap = (const uint8_t *)sm.p,
			       .nstackmap = (uint32_t)sm.n};
		link_set_func(e->l, s, &fi);
		buf_free(&sm);
	}
	if (e->o && e->o->asmout) {
		for (int i = 0; i < n; i++)
			if (e->tgt[i] >= 0)
				e->ins[i].to = opd_pc(pc[e->lab[e->tgt[i]]]);
		print_listing(e, (const uint8_t *)code.p, code.n, &rv, pc);
	}
	free(rows);
	buf_free(&code);
	arelocvec_free(&rv);
	free(pc);
}

void amd64_emit(CodeGen *g, Link *l, const EmitOpts *o)
{
	static const EmitOpts none = {0};
	Em e = {.g = g, .l = l, .o = o ? o : &none};
	Func *f = g->f;
	f->pass = "emit";
	e.calls = xcalloc(f->nvalueids + 1, sizeof *e.calls);
	e.havecall = xcalloc(f->nvalueids + 1, sizeof *e.havecall);
	for (uint32_t i = 0; i < f->nblockids; i++)
		newlabel(&e);
	/* prologue: stack check, frame, frame pointer */
	Block *entry = f->entry;
	/* the file: of the first value that knows it */
	for (int k = 0; k < f->nblocks && !e.curfile; k++)
		for (int i = 0; i < f->blocks[k]->nvalues && !e.curfile; i++)
			if (f->blocks[k]->values[i]->pos)
				e.curfile = pos_adjusted(f->blocks[k]->values[i]->pos).filename;
	for (int i = 0; i < entry->nvalues && !e.curline; i++)
		setline(&e, entry->values[i]->pos, entry->values[i]->line);
	if (!e.curline)
		setline(&e, 0, entry->line);
	int64_t fs = g->framesize;
	enum { NOSPLIT_MAXFRAME = 256 };
	bool check = !e.o->nosplit && !(e.o->nosplitsmall && fs <= NOSPLIT_MAXFRAME) && (g->hascall || fs > 128);
	int top = newlabel(&e), more = newlabel(&e);
	bind(&e, top);
	if (check) {
		if (fs <= 128)
			I2(&e, A_CMPQ, R(REG_SP), opd_mem(REG_R14, 16));
		else {
			I2(&e, A_LEAQ, SPM(-(fs - 128)), R(REG_AX));
			I2(&e, A_CMPQ, R(REG_AX), opd_mem(REG_R14, 16));
		}
		JMPL(&e, A_JLS, more);
	}
	if (fs) {
		I2(&e, A_SUBQ, IMM(fs), R(REG_SP));
		I2(&e, A_MOVQ, R(REG_BP), SPM(fs - 8));
		I2(&e, A_LEAQ, SPM(fs - 8), R(REG_BP));
	}
	for (int k = 0; k < f->nblocks; k++)
		emit_block(&e, f->blocks[k], k + 1 < f->nblocks ? f->blocks[k + 1] : NULL);
	if (check) {
		bind(&e, more);
		I1(&e, A_CALL, opd_func(g->usesctxt ? "runtime.morestack" : "runtime.morestack_noctxt"));
		JMPL(&e, A_JMP, top);
	}
	clean_branches(&e);
	finish(&e);
	free(e.ins);
	free(e.tgt);
	free(e.line);
	free(e.file);
	free(e.lab);
	free(e.calls);
	free(e.havecall);
	free(e.sp);
}

/* ---- read-only data ---- */

const char *amd64_string_sym(Link *l, Str s)
{
	Buf b = {0};
	buf_puts(&b, "go.string.\"");
	for (uint32_t i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c == '"' || c == '\\')
			buf_printf(&b, "\\%c", c);
		else if (c >= 32 && c < 127)
			buf_putc(&b, (char)c);
		else if (c == '\n')
			buf_puts(&b, "\\n");
		else if (c == '\t')
			buf_puts(&b, "\\t");
		else
			buf_printf(&b, "\\x%02x", c);
	}
	buf_putc(&b, '"');
	buf_putc(&b, 0);
	LinkSym *sym = link_find(l, b.p, b.n - 1);
	if (!sym || sym->kind == LK_UNDEF)
		sym = link_add_symbol(l, b.p, LK_RODATA, 1, s.p, s.n, LF_DUPOK);
	buf_free(&b);
	if (!sym)
		ice(0, "amd64", "string constant symbol");
	return sym->name;
}

const char *amd64_float_sym(Link *l, uint64_t bits, int size)
{
	char name[40];
	if (size == 4)
		snprintf(name, sizeof name, "$f32.%08x", (unsigned)bits);
	else
		snprintf(name, sizeof name, "$f64.%016llx", (unsigned long long)bits);
	LinkSym *sym = link_find(l, name, strlen(name));
	if (!sym || sym->kind == LK_UNDEF) {
		uint8_t data[8];
		for (int i = 0; i < 8; i++)
			data[i] = (uint8_t)(bits >> (8 * i));
		sym = link_add_symbol(l, name, LK_RODATA, (uint32_t)size, data, (uint64_t)size, LF_DUPOK);
	}
	if (!sym)
		ice(0, "amd64", "float constant symbol");
	return sym->name;
}

/* ---- the whole back end for one function ---- */

void amd64_compile(Func *f, int64_t paramsize, const char *file, Link *l, const EmitOpts *o)
{
	CodeGen g = {.f = f, .sym = f->name, .file = file};
	if (paramsize < 0) {
		paramsize = 0;
		for (uint32_t i = 0; i < f->nvalueids; i++) {
			Value *v = f->values[i];
			if (v && v->op == OpArg && v->auxint + v->type->size > paramsize)
				paramsize = v->auxint + v->type->size;
		}
	}
	g.paramsize = paramsize;
	amd64_lower(&g);
	amd64_frame_locals(&g);
	amd64_regalloc(&g);
	ssa_looprotate(f);
	amd64_frame_layout(&g);
	amd64_locals_liveness(&g);
	amd64_emit(&g, l, o);
	free(g.virt);
	free(g.nw);
	free(g.vr0);
	free(g.vrval);
	free(g.vrword);
	free(g.vrcls);
	free(g.pos);
	free(g.bstart);
	free(g.bend);
	free(g.loc);
	free(g.locals);
	for (uint32_t i = 0; g.callspill && i <= f->nvalueids; i++) {
		free(g.callspill[i]);
		free(g.callargs[i]);
	}
	free(g.callspill);
	free(g.callargs);
	for (uint32_t i = 0; g.calllocals && i <= f->nvalueids; i++)
		free(g.calllocals[i]);
	free(g.calllocals);
	free(g.localalways);
}
