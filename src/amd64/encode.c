/*
 * encode.c — the amd64 encoder: picks an instruction's form from the
 * opcode table (amd64.h) and writes legacy prefix, REX, opcode, ModRM,
 * SIB, displacement and immediate.  Nothing is allocated per instruction.
 */
#include "amd64.h"

const AOpInfo amd64_ops[A_COUNT] = {
	[A_NONE] = {"NONE", "", {AF_END}},
#define X(n, att, ...) [A_##n] = {#n, att, {__VA_ARGS__}},
	AMD64_OPS(X)
#undef X
};

void arelocvec_free(ARelocVec *rv)
{
	free(rv->v);
	rv->v = NULL;
	rv->n = rv->cap = 0;
}

static bool in_range(int64_t v, int64_t lo, int64_t hi) { return v >= lo && v <= hi; }

/* The operation size that a form's register or memory classes imply
 * (0 if none does).  A sign-extended imm8 is taken only for values that
 * are -128..127 as written, gc's rule (its Yi8 class): XORL $0xffffffff,
 * AX is 35 FF FF FF FF as gc makes it (GNU as: 83 F0 FF; bytealg's
 * cmpbody).  The size is kept for the day a caller wants GNU's rule. */
static int form_size(const AForm *f)
{
	for (int i = 0; i < 3; i++) {
		switch (f->cls[i]) {
		case AC_R16: case AC_RM16: case AC_A16: return 16;
		case AC_R32: case AC_RM32: case AC_A32: return 32;
		}
	}
	return 0;
}

static bool fits_imm8(int64_t v, int size)
{
	(void)size;
	return in_range(v, -128, 127);
}

/* Does operand o belong to class c (in a form of operation size `size`)? */
static bool match(int c, const AOperand *o, const AInst *in, int size)
{
	bool reg = o->kind == OPD_REG, mem = o->kind == OPD_MEM;
	bool gpr = reg && reg_isgpr(o->reg), xmm = reg && reg_isxmm(o->reg);
	bool imm = o->kind == OPD_IMM, num = imm && !o->sym;
	switch (c) {
	case AC_NONE: return o->kind == OPD_NONE;
	case AC_R8: case AC_R16: case AC_R32: case AC_R64: return gpr;
	case AC_RM8: case AC_RM16: case AC_RM32: case AC_RM64: return gpr || mem;
	case AC_M: return mem;
	case AC_X: return xmm;
	case AC_XM: return xmm || mem;
	case AC_Y: return reg && reg_isymm(o->reg);
	case AC_YM: return (reg && reg_isymm(o->reg)) || mem;
	case AC_A8: case AC_A16: case AC_A32: case AC_A64: return reg && o->reg == REG_AX;
	case AC_CL: return reg && o->reg == REG_CX;
	case AC_ONE: return num && o->off == 1;
	case AC_I8: return num && fits_imm8(o->off, size);
	case AC_U8: return num && in_range(o->off, 0, 255);
	case AC_IS8: return num && in_range(o->off, -128, 255);
	case AC_IS16: return num && in_range(o->off, -32768, 65535);
	case AC_IS32: return imm && in_range(o->off, INT32_MIN, UINT32_MAX);
	case AC_IS64: return imm && in_range(o->off, INT32_MIN, INT32_MAX);
	case AC_U32N: return num && in_range(o->off, (int64_t)INT32_MAX + 1, UINT32_MAX);
	case AC_I64: return imm;
	case AC_REL8: return o->kind == OPD_BRANCH && !o->sym && (in->flags & INST_SHORT);
	case AC_REL32: return o->kind == OPD_BRANCH;
	}
	return false;
}

const AForm *amd64_form(const AInst *in)
{
	if (in->op <= A_NONE || in->op >= A_COUNT)
		return NULL;
	const AForm *f = amd64_ops[in->op].forms;
	for (int i = 0; i < AMD64_MAXFORMS && f[i].nop; i++) {
		int size = form_size(&f[i]);
		if (match(f[i].cls[0], &in->from, in, size) && match(f[i].cls[1], &in->from3, in, size) &&
		    match(f[i].cls[2], &in->to, in, size) && match(f[i].cls4, &in->from4, in, size))
			return &f[i];
	}
	return NULL;
}

static bool is_byte_class(int c) { return c == AC_R8 || c == AC_RM8 || c == AC_A8; }

static void put32(uint8_t *p, int64_t v)
{
	uint32_t u = (uint32_t)v;
	p[0] = (uint8_t)u, p[1] = (uint8_t)(u >> 8), p[2] = (uint8_t)(u >> 16), p[3] = (uint8_t)(u >> 24);
}

/* The ModRM byte's mod and rm fields for a memory operand, and what follows:
 * SIB, displacement, relocation.  reg is the ModRM.reg field (0..7). */
typedef struct MemEnc {
	uint8_t bytes[6]; /* ModRM, SIB?, disp */
	int n;
	int dispat;       /* index of a disp32 carrying a relocation, or -1 */
	uint8_t relkind;
	int64_t addend;
} MemEnc;

static bool enc_mem(MemEnc *e, const AOperand *m, int reg, uint8_t *rex)
{
	int base = m->reg, index = m->index, scale = m->scale;
	bool sym = m->sym && (m->name == NAME_EXTERN || m->name == NAME_STATIC || m->name == NAME_TLS);
	e->n = 0;
	e->dispat = -1;
	if (base != REG_NONE && !reg_isgpr(base))
		return false;
	if (index != REG_NONE && (!reg_isgpr(index) || index == REG_SP))
		return false;
	int ss = 0;
	if (index != REG_NONE) {
		switch (scale) {
		case 1: ss = 0; break;
		case 2: ss = 1; break;
		case 4: ss = 2; break;
		case 8: ss = 3; break;
		default: return false;
		}
	}
	if (!in_range(m->off, INT32_MIN, UINT32_MAX))
		return false;
	/* a displacement of 2^31..2^32-1 is its 32-bit two's complement, as gc
	 * takes it (md5's LEAL 0xd76aa478(AX)(R8*1), CX) */
	AOperand wrapped;
	if (m->off > INT32_MAX) {
		wrapped = *m;
		wrapped.off = (int32_t)(uint32_t)m->off;
		m = &wrapped;
	}
	reg &= 7;
	if (base == REG_NONE && index == REG_NONE && sym && m->name != NAME_TLS) {
		/* RIP-relative */
		e->bytes[e->n++] = (uint8_t)(0x05 | reg << 3);
		e->dispat = e->n;
		e->relkind = RELOC_PC32;
		e->addend = m->off; /* the caller subtracts the bytes after the field */
		memset(e->bytes + e->n, 0, 4);
		e->n += 4;
		return true;
	}
	if (base == REG_NONE) {
		/* [index*scale + disp32] or [disp32]: SIB with no base */
		int ix = index == REG_NONE ? 4 : reg_hw(index);
		if (ix >= 8)
			*rex |= 2;
		e->bytes[e->n++] = (uint8_t)(0x04 | reg << 3);
		e->bytes[e->n++] = (uint8_t)(ss << 6 | (ix & 7) << 3 | 5);
	} else {
		int b = reg_hw(base);
		int mod;
		if (b >= 8)
			*rex |= 1;
		if (sym)
			mod = 2;
		else if (m->off == 0 && (b & 7) != 5)
			mod = 0;
		else if (in_range(m->off, -128, 127))
			mod = 1;
		else
			mod = 2;
		if (index == REG_NONE && (b & 7) != 4) {
			e->bytes[e->n++] = (uint8_t)(mod << 6 | reg << 3 | (b & 7));
		} else {
			int ix = index == REG_NONE ? 4 : reg_hw(index);
			if (ix >= 8)
				*rex |= 2;
			e->bytes[e->n++] = (uint8_t)(mod << 6 | reg << 3 | 4);
			e->bytes[e->n++] = (uint8_t)(ss << 6 | (ix & 7) << 3 | (b & 7));
		}
		if (mod == 1) {
			e->bytes[e->n++] = (uint8_t)m->off;
			return true;
		}
		if (mod == 0)
			return true;
	}
	/* disp32 */
	if (sym) {
		e->dispat = e->n;
		e->relkind = m->name == NAME_TLS ? RELOC_TPOFF32 : RELOC_ABS32S;
		e->addend = m->off;
		memset(e->bytes + e->n, 0, 4);
	} else {
		put32(e->bytes + e->n, m->off);
	}
	e->n += 4;
	return true;
}

int amd64_encode1(uint8_t out[16], const AInst *in, int64_t pc, AReloc rel[2], int *nrel)
{
	*nrel = 0;
	const AForm *f = amd64_form(in);
	if (!f)
		return in->op == A_NOP && in->from.kind == OPD_NONE && in->to.kind == OPD_NONE ? 0 : -1;
	static const AOperand none;
	const AOperand *o[5] = {&in->from, &in->from3, &in->to, &none, &in->from4};
	uint8_t rex = (f->flags & FORM_W) ? 8 : 0;
	bool rex40 = false;
	/* byte registers SPL, BPL, SIL, DIL exist only with a REX prefix */
	for (int i = 0; i < 3; i++) {
		if (is_byte_class(f->cls[i]) && o[i]->kind == OPD_REG) {
			int h = reg_hw(o[i]->reg);
			if (h >= 4 && h <= 7)
				rex40 = true;
		}
	}
	uint8_t opc[3];
	memcpy(opc, f->op, 3);
	bool vex = (f->flags & FORM_VEX) != 0;
	if (f->plusr != SLOT_NONE && !vex) {
		int h = reg_hw(o[f->plusr]->reg);
		if (h >= 8)
			rex |= 1;
		opc[f->nop - 1] += (uint8_t)(h & 7);
	}
	MemEnc me = {.n = 0, .dispat = -1};
	if (f->rm != SLOT_NONE) {
		int regf;
		if (f->reg & 0x10) {
			regf = f->reg & 7;
		} else {
			regf = reg_hw(o[f->reg]->reg);
			if (regf >= 8)
				rex |= 4;
		}
		const AOperand *rm = o[f->rm];
		if (rm->kind == OPD_REG) {
			int h = reg_hw(rm->reg);
			if (h >= 8)
				rex |= 1;
			me.bytes[0] = (uint8_t)(0xc0 | (regf & 7) << 3 | (h & 7));
			me.n = 1;
		} else if (!enc_mem(&me, rm, regf, &rex)) {
			return -1;
		}
	}
	int n = 0;
	if (vex) {
		/* VEX: C5 (2 bytes) when the map is 0F and W, X, B are clear, else C4 */
		int map = 1, skip = 1;
		if (f->nop >= 3 && opc[0] == 0x0f && opc[1] == 0x38)
			map = 2, skip = 2;
		else if (f->nop >= 3 && opc[0] == 0x0f && opc[1] == 0x3a)
			map = 3, skip = 2;
		int pp = f->pfx == 0x66 ? 1 : f->pfx == 0xf3 ? 2 : f->pfx == 0xf2 ? 3 : 0;
		int vvvv = f->plusr != SLOT_NONE ? reg_hw(o[f->plusr]->reg) : 0;
		int l = (f->flags & FORM_L) ? 1 : 0;
		int r = (rex >> 2) & 1, x = (rex >> 1) & 1, b = rex & 1, w = (rex >> 3) & 1;
		if (map == 1 && !w && !x && !b) {
			out[n++] = 0xc5;
			out[n++] = (uint8_t)((!r) << 7 | (~vvvv & 15) << 3 | l << 2 | pp);
		} else {
			out[n++] = 0xc4;
			out[n++] = (uint8_t)((!r) << 7 | (!x) << 6 | (!b) << 5 | map);
			out[n++] = (uint8_t)(w << 7 | (~vvvv & 15) << 3 | l << 2 | pp);
		}
		memcpy(out + n, opc + skip, (size_t)(f->nop - skip));
		n += f->nop - skip;
	} else {
		if (f->rm != SLOT_NONE && o[f->rm]->kind == OPD_MEM && o[f->rm]->name == NAME_TLS)
			out[n++] = 0x64; /* FS */
		if (f->flags & FORM_P66)
			out[n++] = 0x66;
		if (f->pfx)
			out[n++] = f->pfx;
		if (rex || rex40)
			out[n++] = (uint8_t)(0x40 | rex);
		memcpy(out + n, opc, f->nop);
		n += f->nop;
	}
	int membase = n;
	memcpy(out + n, me.bytes, (size_t)me.n);
	n += me.n;
	int immsz = f->imm == SLOT_NONE ? 0 : f->immsz;
	if (me.dispat >= 0) {
		AReloc *r = &rel[(*nrel)++];
		r->off = (uint32_t)(membase + me.dispat);
		r->kind = me.relkind == RELOC_ABS32S && (f->flags & FORM_ADDR32) ? RELOC_ABS32 : me.relkind;
		r->size = 4;
		r->sym = o[f->rm]->sym;
		r->addend = me.addend - (me.relkind == RELOC_PC32 ? 4 + immsz : 0);
	}
	if (immsz) {
		const AOperand *im = o[f->imm];
		if (im->kind == OPD_BRANCH) {
			if (im->sym) {
				AReloc *r = &rel[(*nrel)++];
				r->off = (uint32_t)n;
				r->kind = RELOC_CALL32;
				r->size = 4;
				r->sym = im->sym;
				r->addend = im->off - 4;
				memset(out + n, 0, 4);
			} else {
				int64_t d = im->off - (pc + n + immsz);
				if (immsz == 1) {
					if (!in_range(d, -128, 127))
						return -1;
					out[n] = (uint8_t)d;
				} else {
					if (!in_range(d, INT32_MIN, INT32_MAX))
						return -1;
					put32(out + n, d);
				}
			}
		} else if (im->sym) {
			if (immsz < 4)
				return -1;
			AReloc *r = &rel[(*nrel)++];
			r->off = (uint32_t)n;
			r->size = (uint8_t)immsz;
			r->kind = immsz == 8 ? RELOC_ABS64 : f->cls[f->imm] == AC_IS64 ? RELOC_ABS32S : RELOC_ABS32;
			r->sym = im->sym;
			r->addend = im->off;
			memset(out + n, 0, (size_t)immsz);
		} else {
			uint64_t v = (uint64_t)im->off;
			for (int i = 0; i < immsz; i++)
				out[n + i] = (uint8_t)(v >> (8 * i));
		}
		n += immsz;
	}
	return n;
}

int amd64_len(const AInst *in, int64_t pc)
{
	uint8_t b[16];
	AReloc r[2];
	int nr;
	return amd64_encode1(b, in, pc, r, &nr);
}

int amd64_encode(Buf *code, ARelocVec *rv, const AInst *in)
{
	uint8_t b[16];
	AReloc r[2];
	int nr;
	int64_t pc = (int64_t)code->n;
	int n = amd64_encode1(b, in, pc, r, &nr);
	if (n < 0) {
		Buf s = {0};
		amd64_print(&s, in);
		buf_putc(&s, 0);
		ice(0, "amd64", "cannot encode %s", s.p);
	}
	buf_put(code, b, (size_t)n);
	for (int i = 0; i < nr; i++) {
		if (rv->n == rv->cap) {
			rv->cap = rv->cap ? 2 * rv->cap : 64;
			rv->v = xrealloc(rv->v, rv->cap * sizeof *rv->v);
		}
		r[i].off += (uint32_t)pc;
		rv->v[rv->n++] = r[i];
	}
	return n;
}

/* The multi-byte NOPs that Intel's and AMD's manuals recommend. */
void amd64_nops(uint8_t *out, int n)
{
	static const uint8_t nops[9][9] = {
		{0x90},
		{0x66, 0x90},
		{0x0f, 0x1f, 0x00},
		{0x0f, 0x1f, 0x40, 0x00},
		{0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
		{0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
		{0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	};
	while (n > 0) {
		int k = n > 9 ? 9 : n;
		memcpy(out, nops[k - 1], (size_t)k);
		out += k;
		n -= k;
	}
}
