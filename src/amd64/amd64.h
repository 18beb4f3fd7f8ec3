/*
 * amd64.h — goc's amd64 instruction encoder and its Go-syntax printer,
 * the bottom layer of the code generator.
 *
 * An instruction (AInst) is written as Go's assembler writes it: an opcode
 * in Go's spelling (MOVQ, ADDL, CMOVQEQ, CVTSQ2SD, ...) and up to three
 * operands in Go's order, source first: `from`, an optional middle
 * operand `from3` (IMUL3Q $7, AX, BX; ROUNDSD $1, X0, X1) and `to`.
 * CMP keeps Go's quirk: CMPQ AX, $10 compares AX with 10 (AT&T writes
 * `cmp $10, %rax`).
 *
 * Every opcode is defined once, in AMD64_OPS below: its name, its GNU
 * (AT&T) mnemonic, used by the tests and for documentation, and its forms.
 * A form is one encoding: the operand classes it accepts (AC_RM64, AC_I8,
 * AC_X, ...), the legacy prefix, REX.W, the opcode bytes, and where each
 * operand goes (ModRM.reg, ModRM.rm, added to the opcode, immediate).
 * The encoder tries an opcode's forms in order and takes the first that
 * matches the operands; the order is gc's assembler's (e.g. ADDQ $1, AX
 * takes the imm8 form, ADDQ $1000, AX the short accumulator form), so that
 * goc's bytes are gc's bytes.
 *
 * Encoding allocates nothing: bytes are appended to a Buf (the function's
 * code; its length is the pc of the next instruction), relocations to a
 * ARelocVec that grows by doubling.
 *
 * Relocations use ELF's arithmetic: the field at `off` receives
 * S + addend - P (PC-relative kinds) or S + addend (absolute kinds), where
 * S is the symbol's address and P the field's address.  So a RIP-relative
 * operand sym+8(SB) followed by a 4-byte immediate gets addend 8-4-4; gc's
 * listing prints the addend of its own convention (ours + 4), see
 * amd64_reloc_goaddend.
 *
 * Branches inside a function name their target as a pc (offset in the
 * same Buf).  The encoder takes the short (rel8) form only if the
 * instruction says INST_SHORT, so that a branch-relaxation pass can start
 * with all branches long (amd64_len tells sizes without writing) and
 * shrink those whose displacement fits.
 */
#ifndef GOC_AMD64_H
#define GOC_AMD64_H

#include "../base/base.h"

/* ---- registers: 0 is none; GPRs in hardware order, then XMM ---- */
enum {
	REG_NONE,
	REG_AX, REG_CX, REG_DX, REG_BX, REG_SP, REG_BP, REG_SI, REG_DI,
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
	REG_X0, REG_X1, REG_X2, REG_X3, REG_X4, REG_X5, REG_X6, REG_X7,
	REG_X8, REG_X9, REG_X10, REG_X11, REG_X12, REG_X13, REG_X14, REG_X15,
	REG_Y0, REG_Y1, REG_Y2, REG_Y3, REG_Y4, REG_Y5, REG_Y6, REG_Y7,
	REG_Y8, REG_Y9, REG_Y10, REG_Y11, REG_Y12, REG_Y13, REG_Y14, REG_Y15,
	REG_COUNT
};
static inline bool reg_isgpr(int r) { return r >= REG_AX && r <= REG_R15; }
static inline bool reg_isxmm(int r) { return r >= REG_X0 && r <= REG_X15; }
static inline bool reg_isymm(int r) { return r >= REG_Y0 && r <= REG_Y15; }
static inline int reg_hw(int r) { return (r - 1) & 15; } /* hardware number 0..15 */

/* ---- operands ---- */
enum { OPD_NONE, OPD_REG, OPD_IMM, OPD_MEM, OPD_BRANCH };

/* How a memory operand or address constant names its symbol (Go's
 * obj.NAME_*).  EXTERN and STATIC refer to a symbol: without base and
 * index register the operand is RIP-relative (PC32 relocation), with one
 * it is an absolute 32-bit displacement (ABS32S).  AUTO and PARAM are
 * stack slots, SP-based in the encoding; `sym` only names the variable
 * for the listing (x+8(SP), x+24(FP)).  TLS is gc's (TLS): the thread's
 * slot `sym` (runtime.tlsg) as %fs:sym@tpoff, a TPOFF32 relocation. */
enum { NAME_NONE, NAME_EXTERN, NAME_STATIC, NAME_AUTO, NAME_PARAM, NAME_TLS };

typedef struct AOperand {
	uint8_t kind;  /* OPD_* */
	uint8_t reg;   /* OPD_REG: the register; OPD_MEM: base (REG_NONE: none) */
	uint8_t index; /* OPD_MEM: index register or REG_NONE */
	uint8_t scale; /* OPD_MEM: 1, 2, 4, 8 (with an index) */
	uint8_t name;  /* NAME_*: OPD_MEM, and OPD_IMM for address constants */
	int64_t off;   /* displacement, immediate value, branch target pc */
	const char *sym; /* symbol (not copied: the caller keeps it alive) */
} AOperand;

static inline AOperand opd_reg(int r) { return (AOperand){.kind = OPD_REG, .reg = (uint8_t)r}; }
static inline AOperand opd_imm(int64_t v) { return (AOperand){.kind = OPD_IMM, .off = v}; }
static inline AOperand opd_mem(int base, int64_t off) {
	return (AOperand){.kind = OPD_MEM, .reg = (uint8_t)base, .off = off};
}
static inline AOperand opd_memx(int base, int index, int scale, int64_t off) {
	return (AOperand){.kind = OPD_MEM, .reg = (uint8_t)base, .index = (uint8_t)index,
	                 .scale = (uint8_t)scale, .off = off};
}
/* sym+off(SB) */
static inline AOperand opd_sym(const char *sym, int64_t off) {
	return (AOperand){.kind = OPD_MEM, .name = NAME_EXTERN, .sym = sym, .off = off};
}
/* $sym+off(SB): an address as an immediate */
static inline AOperand opd_addr(const char *sym, int64_t off) {
	return (AOperand){.kind = OPD_IMM, .name = NAME_EXTERN, .sym = sym, .off = off};
}
/* (TLS): the thread-local slot sym, %fs-relative (local-exec TLS) */
static inline AOperand opd_tls(const char *sym) {
	return (AOperand){.kind = OPD_MEM, .name = NAME_TLS, .sym = sym};
}
/* a branch to pc `target` in the same function */
static inline AOperand opd_pc(int64_t target) { return (AOperand){.kind = OPD_BRANCH, .off = target}; }
/* CALL/JMP sym(SB) */
static inline AOperand opd_func(const char *sym) { return (AOperand){.kind = OPD_BRANCH, .sym = sym}; }

/* ---- operand classes of the forms ---- */
#define AMD64_CLASSES(X) \
	X(AC_NONE)   /* no operand */ \
	X(AC_R8) X(AC_R16) X(AC_R32) X(AC_R64)       /* general register */ \
	X(AC_RM8) X(AC_RM16) X(AC_RM32) X(AC_RM64)   /* general register or memory */ \
	X(AC_M)      /* memory of any size (LEA, PREFETCH) */ \
	X(AC_X)      /* XMM register */ \
	X(AC_XM)     /* XMM register or memory */ \
	X(AC_Y)      /* YMM register */ \
	X(AC_YM)     /* YMM register or memory */ \
	X(AC_A8) X(AC_A16) X(AC_A32) X(AC_A64)       /* the accumulator AX */ \
	X(AC_CL)     /* CX as shift count */ \
	X(AC_ONE)    /* $1 */ \
	X(AC_I8)     /* -128..127, sign-extended imm8 */ \
	X(AC_U8)     /* 0..255 */ \
	X(AC_IS8)    /* -128..255: byte operation's immediate */ \
	X(AC_IS16)   /* -32768..65535 */ \
	X(AC_IS32)   /* -2^31..2^32-1: 32-bit operation's immediate, or $sym */ \
	X(AC_IS64)   /* -2^31..2^31-1: sign-extended imm32 of a 64-bit op, or $sym */ \
	X(AC_U32N)   /* 2^31..2^32-1 (MOVQ's zero-extending B8+r form) */ \
	X(AC_I64)    /* any 64-bit value, or $sym */ \
	X(AC_REL8)   /* branch, short (INST_SHORT), not to a symbol */ \
	X(AC_REL32)  /* branch, long, or to a symbol (CALL f(SB)) */

enum {
#define X(c) c,
	AMD64_CLASSES(X)
#undef X
	AC_COUNT
};

/* ---- forms ---- */
enum {
	FORM_W = 1,    /* REX.W */
	FORM_PB = 2,   /* byte operation: Go prints its registers as byte registers */
	FORM_CMP = 4,  /* Go's operand order is AT&T's reversed (CMP) */
	FORM_ATT32 = 8, /* in AT&T the GPR is written 32-bit (MOVQ $u32 → movl) */
	FORM_ADDR32 = 16, /* LEAL/LEAW: an absolute displacement is zero-extended (ABS32) */
	FORM_P66 = 32,    /* a 0x66 operand-size prefix before pfx (CRC32W: 66 F2 0F 38 F1) */
	FORM_VEX = 64,    /* VEX-encoded: pfx is VEX.pp, the opcode's 0F/0F38/0F3A is VEX.mmmmm,
	                   * FORM_W is VEX.W, plusr names the operand in VEX.vvvv */
	FORM_L = 128      /* VEX.L = 1 (256-bit) */
};
/* operand slots: which operand goes where */
enum { SLOT_FROM = 0, SLOT_FROM3 = 1, SLOT_TO = 2, SLOT_NONE = 3, SLOT_FROM4 = 4 /* 4-operand VEX */ };
#define DIG(d) (0x10 | (d)) /* ModRM.reg holds an opcode extension /d */

typedef struct AForm {
	uint8_t cls[3];   /* classes of from, from3, to */
	uint8_t pfx;      /* legacy prefix: 0, 0x66, 0xF2, 0xF3 */
	uint8_t flags;    /* F_* */
	uint8_t reg;      /* ModRM.reg: SLOT_* or DIG(d); SLOT_NONE: no ModRM */
	uint8_t rm;       /* ModRM.rm: SLOT_* */
	uint8_t plusr;    /* SLOT_* of a register added to the last opcode byte */
	uint8_t imm;      /* SLOT_* of the immediate or branch displacement */
	uint8_t immsz;    /* its size: 1, 2, 4, 8 */
	uint8_t nop;      /* number of opcode bytes (0: end of the form list) */
	uint8_t op[3];
	const char *att;  /* AT&T mnemonic of this form if not the opcode's */
	uint8_t cls4;     /* class of from4 (AC_NONE but in 4-operand forms) */
} AForm;

#define AMD64_MAXFORMS 10

typedef struct AOpInfo {
	const char *name; /* Go's spelling */
	const char *att;  /* GNU as spelling */
	AForm forms[AMD64_MAXFORMS];
} AOpInfo;

/* Form constructors (used by the table; order of the opcode bytes last). */
#define AF_(c0, c1, c2, pfx, fl, reg, rm, pr, imm, isz, att, ...) \
	{{c0, c1, c2}, pfx, fl, reg, rm, pr, imm, isz, AMD64_NARGS(__VA_ARGS__), {__VA_ARGS__}, att, AC_NONE}
#define AMD64_NARGS(...) AMD64_NARGS_(__VA_ARGS__, 3, 2, 1, 0)
#define AMD64_NARGS_(a, b, c, n, ...) n
#define NS SLOT_NONE
#define AF_END {{0, 0, 0}, 0, 0, 0, 0, 0, 0, 0, 0, {0, 0, 0}, 0, 0} /* no forms (a pseudo-instruction) */
/* no operands */
#define LIT(pfx, fl, ...) AF_(AC_NONE, AC_NONE, AC_NONE, pfx, fl, NS, NS, NS, NS, 0, 0, __VA_ARGS__)
/* from in ModRM.rm, to in ModRM.reg (gc's Zm_r) */
#define RM_R(cf, ct, pfx, fl, ...) AF_(cf, AC_NONE, ct, pfx, fl, SLOT_TO, SLOT_FROM, NS, NS, 0, 0, __VA_ARGS__)
/* from in ModRM.reg, to in ModRM.rm (gc's Zr_m) */
#define R_RM(cf, ct, pfx, fl, ...) AF_(cf, AC_NONE, ct, pfx, fl, SLOT_FROM, SLOT_TO, NS, NS, 0, 0, __VA_ARGS__)
/* the same with an AT&T mnemonic of their own */
#define RM_RA(cf, ct, pfx, fl, att, ...) AF_(cf, AC_NONE, ct, pfx, fl, SLOT_TO, SLOT_FROM, NS, NS, 0, att, __VA_ARGS__)
#define R_RMA(cf, ct, pfx, fl, att, ...) AF_(cf, AC_NONE, ct, pfx, fl, SLOT_FROM, SLOT_TO, NS, NS, 0, att, __VA_ARGS__)
/* immediate from, r/m to with /d */
#define I_RM(ci, ct, d, isz, pfx, fl, ...) AF_(ci, AC_NONE, ct, pfx, fl, DIG(d), SLOT_TO, NS, SLOT_FROM, isz, 0, __VA_ARGS__)
/* CMP order: r/m from, immediate to */
#define RM_I(cf, ci, d, isz, pfx, fl, ...) AF_(cf, AC_NONE, ci, pfx, fl, DIG(d), SLOT_FROM, NS, SLOT_TO, isz, 0, __VA_ARGS__)
/* immediate from, accumulator to (or CMP order: accumulator from, immediate to) */
#define I_A(ci, ca, isz, pfx, fl, ...) AF_(ci, AC_NONE, ca, pfx, fl, NS, NS, NS, SLOT_FROM, isz, 0, __VA_ARGS__)
#define A_I(ca, ci, isz, pfx, fl, ...) AF_(ca, AC_NONE, ci, pfx, fl, NS, NS, NS, SLOT_TO, isz, 0, __VA_ARGS__)
/* one operand in r/m with /d: in from, or in to */
#define RMF(c, d, pfx, fl, ...) AF_(c, AC_NONE, AC_NONE, pfx, fl, DIG(d), SLOT_FROM, NS, NS, 0, 0, __VA_ARGS__)
#define RMT(c, d, pfx, fl, ...) AF_(AC_NONE, AC_NONE, c, pfx, fl, DIG(d), SLOT_TO, NS, NS, 0, 0, __VA_ARGS__)
/* a count or source in from, r/m to with /d (shifts by $1, CL) */
#define X_RM(cf, ct, d, pfx, fl, ...) AF_(cf, AC_NONE, ct, pfx, fl, DIG(d), SLOT_TO, NS, NS, 0, 0, __VA_ARGS__)
/* register in the opcode: from or to; with an immediate from */
#define PRF(c, pfx, fl, ...) AF_(c, AC_NONE, AC_NONE, pfx, fl, NS, NS, SLOT_FROM, NS, 0, 0, __VA_ARGS__)
#define PRT(c, pfx, fl, ...) AF_(AC_NONE, AC_NONE, c, pfx, fl, NS, NS, SLOT_TO, NS, 0, 0, __VA_ARGS__)
#define I_PR(ci, ct, isz, pfx, fl, att, ...) AF_(ci, AC_NONE, ct, pfx, fl, NS, NS, SLOT_TO, SLOT_FROM, isz, att, __VA_ARGS__)
/* XCHG AX, r and r, AX */
#define A_PR(ca, cr, pfx, fl, ...) AF_(ca, AC_NONE, cr, pfx, fl, NS, NS, SLOT_TO, NS, 0, 0, __VA_ARGS__)
#define PR_A(cr, ca, pfx, fl, ...) AF_(cr, AC_NONE, ca, pfx, fl, NS, NS, SLOT_FROM, NS, 0, 0, __VA_ARGS__)
/* immediate only (PUSHQ $i), or a branch */
#define IMMF(ci, isz, pfx, fl, ...) AF_(ci, AC_NONE, AC_NONE, pfx, fl, NS, NS, NS, SLOT_FROM, isz, 0, __VA_ARGS__)
#define BRT(cb, isz, ...) AF_(AC_NONE, AC_NONE, cb, 0, 0, NS, NS, NS, SLOT_TO, isz, 0, __VA_ARGS__)
/* three operands: immediate from, r/m from3, reg to (IMUL3Q, ROUNDSD) */
#define I_RM_R(ci, cm, cr, isz, pfx, fl, ...) AF_(ci, cm, cr, pfx, fl, SLOT_TO, SLOT_FROM3, NS, SLOT_FROM, isz, 0, __VA_ARGS__)
/* three operands, immediate from, from3 in ModRM.reg, r/m to (PEXTRB $1, X0, AX; SHLQ $3, BX, AX = SHLD) */
#define I_R_RM(ci, cr, cm, isz, pfx, fl, att, ...) AF_(ci, cr, cm, pfx, fl, SLOT_FROM3, SLOT_TO, NS, SLOT_FROM, isz, att, __VA_ARGS__)
/* three operands, r/m from, reg from3, immediate to (gc's CMPSD X1, X0, $1) */
#define RM_R_I(cm, cr, ci, pfx, fl, ...) AF_(cm, cr, ci, pfx, fl, SLOT_FROM3, SLOT_FROM, NS, SLOT_TO, 1, 0, __VA_ARGS__)
/* two operands, immediate from, the same register as r/m and reg (IMULQ $7, AX) */
#define I_RR(ci, cr, isz, pfx, fl, ...) AF_(ci, AC_NONE, cr, pfx, fl, SLOT_TO, SLOT_TO, NS, SLOT_FROM, isz, 0, __VA_ARGS__)

/* Per operation size: the classes, prefix, REX.W, immediate size, opcode. */
#define AS_PFX8 0
#define AS_PFX16 0x66
#define AS_PFX32 0
#define AS_PFX64 0
#define AS_FL8 FORM_PB
#define AS_FL16 0
#define AS_FL32 0
#define AS_FL64 FORM_W
#define AS_ISZ8 1
#define AS_ISZ16 2
#define AS_ISZ32 4
#define AS_ISZ64 4
#define AS_OB8(x) (x)        /* byte form of an opcode pair */
#define AS_OB16(x) ((x) + 1) /* word/long/quad form */
#define AS_OB32(x) ((x) + 1)
#define AS_OB64(x) ((x) + 1)

/* ADD OR ADC SBB AND SUB XOR (base opcode b, extension d) */
#define ALU(sz, b, d) \
	I_RM(AC_I8, AC_RM##sz, d, 1, AS_PFX##sz, AS_FL##sz, 0x83), \
	I_A(AC_IS##sz, AC_A##sz, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz((b) + 4)), \
	I_RM(AC_IS##sz, AC_RM##sz, d, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0x80)), \
	R_RM(AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(b)), \
	RM_R(AC_RM##sz, AC_R##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz((b) + 2))
#define ALU8(b, d) \
	I_A(AC_IS8, AC_A8, 1, 0, FORM_PB, (b) + 4), \
	I_RM(AC_IS8, AC_RM8, d, 1, 0, FORM_PB, 0x80), \
	R_RM(AC_R8, AC_RM8, 0, FORM_PB, b), \
	RM_R(AC_RM8, AC_R8, 0, FORM_PB, (b) + 2)
/* CMP: Go's order (from compared with to) */
#define CMPF(sz) \
	RM_I(AC_RM##sz, AC_I8, 7, 1, AS_PFX##sz, AS_FL##sz | FORM_CMP, 0x83), \
	A_I(AC_A##sz, AC_IS##sz, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz | FORM_CMP, AS_OB##sz(0x3c)), \
	RM_I(AC_RM##sz, AC_IS##sz, 7, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz | FORM_CMP, AS_OB##sz(0x80)), \
	AF_(AC_RM##sz, AC_NONE, AC_R##sz, AS_PFX##sz, AS_FL##sz | FORM_CMP, SLOT_TO, SLOT_FROM, NS, NS, 0, 0, AS_OB##sz(0x38)), \
	AF_(AC_R##sz, AC_NONE, AC_RM##sz, AS_PFX##sz, AS_FL##sz | FORM_CMP, SLOT_FROM, SLOT_TO, NS, NS, 0, 0, AS_OB##sz(0x3a))
#define CMP8 \
	A_I(AC_A8, AC_IS8, 1, 0, FORM_PB | FORM_CMP, 0x3c), \
	RM_I(AC_RM8, AC_IS8, 7, 1, 0, FORM_PB | FORM_CMP, 0x80), \
	AF_(AC_RM8, AC_NONE, AC_R8, 0, FORM_PB | FORM_CMP, SLOT_TO, SLOT_FROM, NS, NS, 0, 0, 0x38), \
	AF_(AC_R8, AC_NONE, AC_RM8, 0, FORM_PB | FORM_CMP, SLOT_FROM, SLOT_TO, NS, NS, 0, 0, 0x3a)
#define TESTF(sz) \
	I_A(AC_IS##sz, AC_A##sz, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xa8)), \
	I_RM(AC_IS##sz, AC_RM##sz, 0, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xf6)), \
	R_RM(AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0x84)), \
	RM_R(AC_RM##sz, AC_R##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0x84))
/* NOT NEG INC DEC: one operand in to (opcode pair b, extension d) */
#define UNARY(sz, b, d) RMT(AC_RM##sz, d, AS_PFX##sz, AS_FL##sz, AS_OB##sz(b))
/* MUL IMUL DIV IDIV: one operand in from */
#define MULDIV(sz, d) RMF(AC_RM##sz, d, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xf6))
/* shifts and rotates */
#define SHIFT(sz, d) \
	X_RM(AC_ONE, AC_RM##sz, d, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xd0)), \
	I_RM(AC_U8, AC_RM##sz, d, 1, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xc0)), \
	X_RM(AC_CL, AC_RM##sz, d, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xd2))
#define MOVF(sz) \
	R_RM(AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0x88)), \
	RM_R(AC_RM##sz, AC_R##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0x8a)), \
	I_PR(AC_IS##sz, AC_R##sz, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, 0, (sz) == 8 ? 0xb0 : 0xb8), \
	I_RM(AC_IS##sz, AC_RM##sz, 0, AS_ISZ##sz, AS_PFX##sz, AS_FL##sz, AS_OB##sz(0xc6))
/* r/m from into a register to, two-byte opcode 0F b */
#define RM_R0F(cf, ct, pfx, fl, b) RM_R(cf, ct, pfx, fl, 0x0f, b)
/* BT BTS BTR BTC: $imm or a register (bit number), r/m to */
#define BTF(sz, d, b) \
	I_RM(AC_U8, AC_RM##sz, d, 1, AS_PFX##sz, AS_FL##sz, 0x0f, 0xba), \
	R_RM(AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, 0x0f, b)
/* SSE: xmm/m from, xmm to */
#define SSE(pfx, fl, b) RM_R(AC_XM, AC_X, pfx, fl, 0x0f, b)
/* SSE moves: load/register form, then store form */
#define SSEMOV(pfx, ld, st) RM_R(AC_XM, AC_X, pfx, 0, 0x0f, ld), R_RM(AC_X, AC_XM, pfx, 0, 0x0f, st)
/* XCHG: AX with a register via 90+r, then the ModRM forms */
#define XCHGF(sz) \
	A_PR(AC_A##sz, AC_R##sz, AS_PFX##sz, AS_FL##sz, 0x90), \
	PR_A(AC_R##sz, AC_A##sz, AS_PFX##sz, AS_FL##sz, 0x90), \
	R_RM(AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, 0x87), \
	RM_R(AC_RM##sz, AC_R##sz, AS_PFX##sz, AS_FL##sz, 0x87)

/* SHLD/SHRD as gc writes them: SHLQ $n, src, dst and SHLQ CX, src, dst */
#define SHD(sz, b, att) \
	I_R_RM(AC_U8, AC_R##sz, AC_RM##sz, 1, AS_PFX##sz, AS_FL##sz, att, 0x0f, b), \
	AF_(AC_CL, AC_R##sz, AC_RM##sz, AS_PFX##sz, AS_FL##sz, SLOT_FROM3, SLOT_TO, NS, NS, 0, att, 0x0f, (b) + 1)
/* SSE2 integer: xmm/m from, xmm to (66 0F b); SSSE3/SSE4/AES (66 0F 38 b) */
#define SSE2I(b) RM_R(AC_XM, AC_X, 0x66, 0, 0x0f, b)
#define SSE38(b) RM_R(AC_XM, AC_X, 0x66, 0, 0x0f, 0x38, b)
/* 66 0F 3A b ib: $imm, xmm/m, xmm */
#define SSE3AI(b) I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0x3a, b)
/* vector shifts: by $imm (66 0F i /d ib) or by xmm/m (66 0F r) */
#define PSHIFT(i, d, r) I_RM(AC_U8, AC_X, d, 1, 0x66, 0, 0x0f, i), SSE2I(r)

/* VEX forms (FORM_VEX; the vvvv operand's slot in plusr).  Go's order:
 * V_RVM: r/m from, vvvv from3, reg to (VPCMPEQB Y1, Y2, Y3; ANDNL; MULXQ)
 * V_RM / V_MR: two operands, load (reg to) / store (reg from) */
#define V_RVM(cm, cv, cr, pfx, fl, ...) AF_(cm, cv, cr, pfx, (fl) | FORM_VEX, SLOT_TO, SLOT_FROM, SLOT_FROM3, NS, 0, 0, __VA_ARGS__)
#define V_RM(cm, cr, pfx, fl, ...) AF_(cm, AC_NONE, cr, pfx, (fl) | FORM_VEX, SLOT_TO, SLOT_FROM, NS, NS, 0, 0, __VA_ARGS__)
#define V_MR(cr, cm, pfx, fl, ...) AF_(cr, AC_NONE, cm, pfx, (fl) | FORM_VEX, SLOT_FROM, SLOT_TO, NS, NS, 0, 0, __VA_ARGS__)
/* $imm from, r/m from3, reg to (VPSHUFD $1, Y1, Y2; RORXL $3, AX, BX) */
#define V_IRM(cm, cr, pfx, fl, ...) AF_(AC_U8, cm, cr, pfx, (fl) | FORM_VEX, SLOT_TO, SLOT_FROM3, NS, SLOT_FROM, 1, 0, __VA_ARGS__)
/* four operands (gc's From, RestArgs[0..1], To): $imm, r/m, vvvv, reg
 * (VPERM2I128 $imm, Y1, Y2, Y3; VINSERTI128 $1, X1, Y2, Y3) */
#define V_4(cm, cv, cr, pfx, fl, ...) \
	{{AC_U8, cm, cr}, pfx, (fl) | FORM_VEX, SLOT_TO, SLOT_FROM3, SLOT_FROM4, SLOT_FROM, 1, \
	 AMD64_NARGS(__VA_ARGS__), {__VA_ARGS__}, 0, cv}
/* shift by $imm: $imm from, r/m from3, vvvv to, ModRM.reg /d (VPSLLQ $3, Y1, Y2) */
#define V_ISH(cm, cv, d, pfx, fl, ...) AF_(AC_U8, cm, cv, pfx, (fl) | FORM_VEX, DIG(d), SLOT_FROM3, SLOT_TO, SLOT_FROM, 1, 0, __VA_ARGS__)
#define V_LIT(pfx, fl, ...) AF_(AC_NONE, AC_NONE, AC_NONE, pfx, (fl) | FORM_VEX, NS, NS, NS, NS, 0, 0, __VA_ARGS__)
/* AVX/AVX2 integer op, 128 and 256 bits: 66 0F b / 66 0F38 b */
#define VI(...) V_RVM(AC_XM, AC_X, AC_X, 0x66, 0, __VA_ARGS__), V_RVM(AC_YM, AC_Y, AC_Y, 0x66, FORM_L, __VA_ARGS__)
/* AVX2 shifts: by $imm (66 0F i /d ib) or by xmm/m (66 0F r), 128 and 256 bits */
#define VSH(i, d, r) \
	V_ISH(AC_X, AC_X, d, 0x66, 0, 0x0f, i), V_ISH(AC_Y, AC_Y, d, 0x66, FORM_L, 0x0f, i), \
	V_RVM(AC_XM, AC_X, AC_X, 0x66, 0, 0x0f, r), V_RVM(AC_XM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, r)

/* Conditions: C(X, Go's suffix, GNU's suffix, condition code) for each. */
#define AMD64_CONDS(X, C) \
	C(X, OS, o, 0x0) C(X, OC, no, 0x1) C(X, CS, b, 0x2) C(X, CC, ae, 0x3) \
	C(X, EQ, e, 0x4) C(X, NE, ne, 0x5) C(X, LS, be, 0x6) C(X, HI, a, 0x7) \
	C(X, MI, s, 0x8) C(X, PL, ns, 0x9) C(X, PS, p, 0xa) C(X, PC, np, 0xb) \
	C(X, LT, l, 0xc) C(X, GE, ge, 0xd) C(X, LE, le, 0xe) C(X, GT, g, 0xf)

/*
 * The opcodes: X(NAME, "att", forms...).  Conditional instructions
 * (SETcc, CMOVcc, Jcc) are generated from AMD64_CONDS by AMD64_COND_OPS.
 */
#define AMD64_OPS(X) \
	/* pseudo-instructions: no bytes */ \
	X(NOP, "nop", AF_END) \
	/* integer moves */ \
	X(MOVB, "movb", MOVF(8)) \
	X(MOVW, "movw", MOVF(16)) \
	X(MOVL, "movl", MOVF(32), \
	  RM_RA(AC_RM32, AC_X, 0x66, 0, "movd", 0x0f, 0x6e), R_RMA(AC_X, AC_RM32, 0x66, 0, "movd", 0x0f, 0x7e)) \
	X(MOVQ, "movq", \
	  RM_R(AC_XM, AC_X, 0xf3, 0, 0x0f, 0x7e), R_RM(AC_X, AC_M, 0x66, 0, 0x0f, 0xd6), \
	  R_RM(AC_R64, AC_RM64, 0, FORM_W, 0x89), RM_R(AC_RM64, AC_R64, 0, FORM_W, 0x8b), \
	  I_RM(AC_IS64, AC_RM64, 0, 4, 0, FORM_W, 0xc7), \
	  I_PR(AC_U32N, AC_R32, 4, 0, FORM_ATT32, "movl", 0xb8), \
	  I_PR(AC_I64, AC_R64, 8, 0, FORM_W, "movabsq", 0xb8), \
	  RM_R(AC_RM64, AC_X, 0x66, FORM_W, 0x0f, 0x6e), R_RM(AC_X, AC_RM64, 0x66, FORM_W, 0x0f, 0x7e)) \
	X(MOVBLZX, "movzbl", RM_R0F(AC_RM8, AC_R32, 0, 0, 0xb6)) \
	X(MOVBLSX, "movsbl", RM_R0F(AC_RM8, AC_R32, 0, 0, 0xbe)) \
	X(MOVBQZX, "movzbq", RM_R0F(AC_RM8, AC_R64, 0, FORM_W, 0xb6)) \
	X(MOVBQSX, "movsbq", RM_R0F(AC_RM8, AC_R64, 0, FORM_W, 0xbe)) \
	X(MOVBWZX, "movzbw", RM_R0F(AC_RM8, AC_R16, 0x66, 0, 0xb6)) \
	X(MOVBWSX, "movsbw", RM_R0F(AC_RM8, AC_R16, 0x66, 0, 0xbe)) \
	X(MOVWLZX, "movzwl", RM_R0F(AC_RM16, AC_R32, 0, 0, 0xb7)) \
	X(MOVWLSX, "movswl", RM_R0F(AC_RM16, AC_R32, 0, 0, 0xbf)) \
	X(MOVWQZX, "movzwq", RM_R0F(AC_RM16, AC_R64, 0, FORM_W, 0xb7)) \
	X(MOVWQSX, "movswq", RM_R0F(AC_RM16, AC_R64, 0, FORM_W, 0xbf)) \
	X(MOVLQSX, "movslq", RM_R(AC_RM32, AC_R64, 0, FORM_W, 0x63)) \
	X(MOVLQZX, "movl", RM_R(AC_RM32, AC_R32, 0, 0, 0x8b)) \
	X(LEAW, "leaw", RM_R(AC_M, AC_R16, 0x66, FORM_ADDR32, 0x8d)) \
	X(LEAL, "leal", RM_R(AC_M, AC_R32, 0, FORM_ADDR32, 0x8d)) \
	X(LEAQ, "leaq", RM_R(AC_M, AC_R64, 0, FORM_W, 0x8d)) \
	/* arithmetic and logic */ \
	X(ADDB, "addb", ALU8(0x00, 0)) X(ADDW, "addw", ALU(16, 0x00, 0)) \
	X(ADDL, "addl", ALU(32, 0x00, 0)) X(ADDQ, "addq", ALU(64, 0x00, 0)) \
	X(ORB, "orb", ALU8(0x08, 1)) X(ORW, "orw", ALU(16, 0x08, 1)) \
	X(ORL, "orl", ALU(32, 0x08, 1)) X(ORQ, "orq", ALU(64, 0x08, 1)) \
	X(ADCB, "adcb", ALU8(0x10, 2)) X(ADCW, "adcw", ALU(16, 0x10, 2)) \
	X(ADCL, "adcl", ALU(32, 0x10, 2)) X(ADCQ, "adcq", ALU(64, 0x10, 2)) \
	X(SBBB, "sbbb", ALU8(0x18, 3)) X(SBBW, "sbbw", ALU(16, 0x18, 3)) \
	X(SBBL, "sbbl", ALU(32, 0x18, 3)) X(SBBQ, "sbbq", ALU(64, 0x18, 3)) \
	X(ANDB, "andb", ALU8(0x20, 4)) X(ANDW, "andw", ALU(16, 0x20, 4)) \
	X(ANDL, "andl", ALU(32, 0x20, 4)) X(ANDQ, "andq", ALU(64, 0x20, 4)) \
	X(SUBB, "subb", ALU8(0x28, 5)) X(SUBW, "subw", ALU(16, 0x28, 5)) \
	X(SUBL, "subl", ALU(32, 0x28, 5)) X(SUBQ, "subq", ALU(64, 0x28, 5)) \
	X(XORB, "xorb", ALU8(0x30, 6)) X(XORW, "xorw", ALU(16, 0x30, 6)) \
	X(XORL, "xorl", ALU(32, 0x30, 6)) X(XORQ, "xorq", ALU(64, 0x30, 6)) \
	X(CMPB, "cmpb", CMP8) X(CMPW, "cmpw", CMPF(16)) \
	X(CMPL, "cmpl", CMPF(32)) X(CMPQ, "cmpq", CMPF(64)) \
	X(TESTB, "testb", TESTF(8)) X(TESTW, "testw", TESTF(16)) \
	X(TESTL, "testl", TESTF(32)) X(TESTQ, "testq", TESTF(64)) \
	X(NOTB, "notb", UNARY(8, 0xf6, 2)) X(NOTW, "notw", UNARY(16, 0xf6, 2)) \
	X(NOTL, "notl", UNARY(32, 0xf6, 2)) X(NOTQ, "notq", UNARY(64, 0xf6, 2)) \
	X(NEGB, "negb", UNARY(8, 0xf6, 3)) X(NEGW, "negw", UNARY(16, 0xf6, 3)) \
	X(NEGL, "negl", UNARY(32, 0xf6, 3)) X(NEGQ, "negq", UNARY(64, 0xf6, 3)) \
	X(INCB, "incb", UNARY(8, 0xfe, 0)) X(INCW, "incw", UNARY(16, 0xfe, 0)) \
	X(INCL, "incl", UNARY(32, 0xfe, 0)) X(INCQ, "incq", UNARY(64, 0xfe, 0)) \
	X(DECB, "decb", UNARY(8, 0xfe, 1)) X(DECW, "decw", UNARY(16, 0xfe, 1)) \
	X(DECL, "decl", UNARY(32, 0xfe, 1)) X(DECQ, "decq", UNARY(64, 0xfe, 1)) \
	X(MULB, "mulb", MULDIV(8, 4)) X(MULW, "mulw", MULDIV(16, 4)) \
	X(MULL, "mull", MULDIV(32, 4)) X(MULQ, "mulq", MULDIV(64, 4)) \
	X(DIVB, "divb", MULDIV(8, 6)) X(DIVW, "divw", MULDIV(16, 6)) \
	X(DIVL, "divl", MULDIV(32, 6)) X(DIVQ, "divq", MULDIV(64, 6)) \
	X(IDIVB, "idivb", MULDIV(8, 7)) X(IDIVW, "idivw", MULDIV(16, 7)) \
	X(IDIVL, "idivl", MULDIV(32, 7)) X(IDIVQ, "idivq", MULDIV(64, 7)) \
	X(IMULW, "imulw", MULDIV(16, 5), I_RR(AC_I8, AC_R16, 1, 0x66, 0, 0x6b), \
	  I_RR(AC_IS16, AC_R16, 2, 0x66, 0, 0x69), RM_R0F(AC_RM16, AC_R16, 0x66, 0, 0xaf)) \
	X(IMULL, "imull", MULDIV(32, 5), I_RR(AC_I8, AC_R32, 1, 0, 0, 0x6b), \
	  I_RR(AC_IS32, AC_R32, 4, 0, 0, 0x69), RM_R0F(AC_RM32, AC_R32, 0, 0, 0xaf)) \
	X(IMULQ, "imulq", MULDIV(64, 5), I_RR(AC_I8, AC_R64, 1, 0, FORM_W, 0x6b), \
	  I_RR(AC_IS64, AC_R64, 4, 0, FORM_W, 0x69), RM_R0F(AC_RM64, AC_R64, 0, FORM_W, 0xaf)) \
	X(IMUL3W, "imulw", I_RM_R(AC_I8, AC_RM16, AC_R16, 1, 0x66, 0, 0x6b), \
	  I_RM_R(AC_IS16, AC_RM16, AC_R16, 2, 0x66, 0, 0x69)) \
	X(IMUL3L, "imull", I_RM_R(AC_I8, AC_RM32, AC_R32, 1, 0, 0, 0x6b), \
	  I_RM_R(AC_IS32, AC_RM32, AC_R32, 4, 0, 0, 0x69)) \
	X(IMUL3Q, "imulq", I_RM_R(AC_I8, AC_RM64, AC_R64, 1, 0, FORM_W, 0x6b), \
	  I_RM_R(AC_IS64, AC_RM64, AC_R64, 4, 0, FORM_W, 0x69)) \
	X(CWD, "cwtd", LIT(0x66, 0, 0x99)) \
	X(CDQ, "cltd", LIT(0, 0, 0x99)) \
	X(CQO, "cqto", LIT(0, FORM_W, 0x99)) \
	/* shifts and rotates */ \
	X(ROLB, "rolb", SHIFT(8, 0)) X(ROLW, "rolw", SHIFT(16, 0)) \
	X(ROLL, "roll", SHIFT(32, 0)) X(ROLQ, "rolq", SHIFT(64, 0)) \
	X(RORB, "rorb", SHIFT(8, 1)) X(RORW, "rorw", SHIFT(16, 1)) \
	X(RORL, "rorl", SHIFT(32, 1)) X(RORQ, "rorq", SHIFT(64, 1)) \
	X(RCLB, "rclb", SHIFT(8, 2)) X(RCLW, "rclw", SHIFT(16, 2)) \
	X(RCLL, "rcll", SHIFT(32, 2)) X(RCLQ, "rclq", SHIFT(64, 2)) \
	X(RCRB, "rcrb", SHIFT(8, 3)) X(RCRW, "rcrw", SHIFT(16, 3)) \
	X(RCRL, "rcrl", SHIFT(32, 3)) X(RCRQ, "rcrq", SHIFT(64, 3)) \
	X(SHLB, "shlb", SHIFT(8, 4)) X(SHLW, "shlw", SHIFT(16, 4), SHD(16, 0xa4, "shldw")) \
	X(SHLL, "shll", SHIFT(32, 4), SHD(32, 0xa4, "shldl")) X(SHLQ, "shlq", SHIFT(64, 4), SHD(64, 0xa4, "shldq")) \
	X(SHRB, "shrb", SHIFT(8, 5)) X(SHRW, "shrw", SHIFT(16, 5), SHD(16, 0xac, "shrdw")) \
	X(SHRL, "shrl", SHIFT(32, 5), SHD(32, 0xac, "shrdl")) X(SHRQ, "shrq", SHIFT(64, 5), SHD(64, 0xac, "shrdq")) \
	X(SARB, "sarb", SHIFT(8, 7)) X(SARW, "sarw", SHIFT(16, 7)) \
	X(SARL, "sarl", SHIFT(32, 7)) X(SARQ, "sarq", SHIFT(64, 7)) \
	/* bits */ \
	X(BTW, "btw", BTF(16, 4, 0xa3)) X(BTL, "btl", BTF(32, 4, 0xa3)) X(BTQ, "btq", BTF(64, 4, 0xa3)) \
	X(BTSW, "btsw", BTF(16, 5, 0xab)) X(BTSL, "btsl", BTF(32, 5, 0xab)) X(BTSQ, "btsq", BTF(64, 5, 0xab)) \
	X(BTRW, "btrw", BTF(16, 6, 0xb3)) X(BTRL, "btrl", BTF(32, 6, 0xb3)) X(BTRQ, "btrq", BTF(64, 6, 0xb3)) \
	X(BTCW, "btcw", BTF(16, 7, 0xbb)) X(BTCL, "btcl", BTF(32, 7, 0xbb)) X(BTCQ, "btcq", BTF(64, 7, 0xbb)) \
	X(BSFW, "bsfw", RM_R0F(AC_RM16, AC_R16, 0x66, 0, 0xbc)) \
	X(BSFL, "bsfl", RM_R0F(AC_RM32, AC_R32, 0, 0, 0xbc)) \
	X(BSFQ, "bsfq", RM_R0F(AC_RM64, AC_R64, 0, FORM_W, 0xbc)) \
	X(BSRW, "bsrw", RM_R0F(AC_RM16, AC_R16, 0x66, 0, 0xbd)) \
	X(BSRL, "bsrl", RM_R0F(AC_RM32, AC_R32, 0, 0, 0xbd)) \
	X(BSRQ, "bsrq", RM_R0F(AC_RM64, AC_R64, 0, FORM_W, 0xbd)) \
	X(TZCNTL, "tzcntl", RM_R0F(AC_RM32, AC_R32, 0xf3, 0, 0xbc)) \
	X(TZCNTQ, "tzcntq", RM_R0F(AC_RM64, AC_R64, 0xf3, FORM_W, 0xbc)) \
	X(LZCNTL, "lzcntl", RM_R0F(AC_RM32, AC_R32, 0xf3, 0, 0xbd)) \
	X(LZCNTQ, "lzcntq", RM_R0F(AC_RM64, AC_R64, 0xf3, FORM_W, 0xbd)) \
	X(POPCNTL, "popcntl", RM_R0F(AC_RM32, AC_R32, 0xf3, 0, 0xb8)) \
	X(POPCNTQ, "popcntq", RM_R0F(AC_RM64, AC_R64, 0xf3, FORM_W, 0xb8)) \
	X(BSWAPL, "bswapl", PRT(AC_R32, 0, 0, 0x0f, 0xc8)) \
	X(BSWAPQ, "bswapq", PRT(AC_R64, 0, FORM_W, 0x0f, 0xc8)) \
	/* control */ \
	X(JMP, "jmp", BRT(AC_REL8, 1, 0xeb), BRT(AC_REL32, 4, 0xe9), RMT(AC_RM64, 4, 0, 0, 0xff)) \
	X(CALL, "call", BRT(AC_REL32, 4, 0xe8), RMT(AC_RM64, 2, 0, 0, 0xff)) \
	X(RET, "ret", LIT(0, 0, 0xc3)) \
	X(PUSHQ, "pushq", PRF(AC_R64, 0, 0, 0x50), RMF(AC_M, 6, 0, 0, 0xff), \
	  IMMF(AC_I8, 1, 0, 0, 0x6a), IMMF(AC_IS64, 4, 0, 0, 0x68)) \
	X(POPQ, "popq", PRT(AC_R64, 0, 0, 0x58), RMT(AC_M, 0, 0, 0, 0x8f)) \
	X(INT3, "int3", LIT(0, 0, 0xcc)) \
	X(UD2, "ud2", LIT(0, 0, 0x0f, 0x0b)) \
	X(HLT, "hlt", LIT(0, 0, 0xf4)) \
	X(SYSCALL, "syscall", LIT(0, 0, 0x0f, 0x05)) \
	X(NOPL, "nopl", RMF(AC_RM32, 0, 0, 0, 0x0f, 0x1f)) \
	X(NOPW, "nopw", RMF(AC_RM16, 0, 0x66, 0, 0x0f, 0x1f)) \
	X(PAUSE, "pause", LIT(0xf3, 0, 0x90)) \
	X(CLD, "cld", LIT(0, 0, 0xfc)) \
	X(STD, "std", LIT(0, 0, 0xfd)) \
	X(CPUID, "cpuid", LIT(0, 0, 0x0f, 0xa2)) \
	X(RDTSC, "rdtsc", LIT(0, 0, 0x0f, 0x31)) \
	X(PREFETCHT0, "prefetcht0", RMF(AC_M, 1, 0, 0, 0x0f, 0x18)) \
	X(PREFETCHNTA, "prefetchnta", RMF(AC_M, 0, 0, 0, 0x0f, 0x18)) \
	/* atomics and strings */ \
	X(LOCK, "lock", LIT(0, 0, 0xf0)) \
	X(REP, "rep", LIT(0, 0, 0xf3)) \
	X(XCHGB, "xchgb", R_RM(AC_R8, AC_RM8, 0, FORM_PB, 0x86), RM_R(AC_RM8, AC_R8, 0, FORM_PB, 0x86)) \
	X(XCHGW, "xchgw", XCHGF(16)) X(XCHGL, "xchgl", XCHGF(32)) X(XCHGQ, "xchgq", XCHGF(64)) \
	X(XADDB, "xaddb", R_RM(AC_R8, AC_RM8, 0, FORM_PB, 0x0f, 0xc0)) \
	X(XADDL, "xaddl", R_RM(AC_R32, AC_RM32, 0, 0, 0x0f, 0xc1)) \
	X(XADDQ, "xaddq", R_RM(AC_R64, AC_RM64, 0, FORM_W, 0x0f, 0xc1)) \
	X(CMPXCHGB, "cmpxchgb", R_RM(AC_R8, AC_RM8, 0, FORM_PB, 0x0f, 0xb0)) \
	X(CMPXCHGL, "cmpxchgl", R_RM(AC_R32, AC_RM32, 0, 0, 0x0f, 0xb1)) \
	X(CMPXCHGQ, "cmpxchgq", R_RM(AC_R64, AC_RM64, 0, FORM_W, 0x0f, 0xb1)) \
	X(MFENCE, "mfence", LIT(0, 0, 0x0f, 0xae, 0xf0)) \
	X(LFENCE, "lfence", LIT(0, 0, 0x0f, 0xae, 0xe8)) \
	X(SFENCE, "sfence", LIT(0, 0, 0x0f, 0xae, 0xf8)) \
	X(MOVSB, "movsb", LIT(0, 0, 0xa4)) \
	X(MOVSL, "movsl", LIT(0, 0, 0xa5)) \
	X(MOVSQ, "movsq", LIT(0, FORM_W, 0xa5)) \
	X(STOSB, "stosb", LIT(0, 0, 0xaa)) \
	X(STOSL, "stosl", LIT(0, 0, 0xab)) \
	X(STOSQ, "stosq", LIT(0, FORM_W, 0xab)) \
	/* the runtime's assembly (ADJSP: gc's SP adjustment, rewritten to \
	 * ADDQ/SUBQ by the assembler) */ \
	X(ADJSP, "", AF_END) \
	X(PUSHFQ, "pushfq", LIT(0, 0, 0x9c)) X(POPFQ, "popfq", LIT(0, 0, 0x9d)) \
	X(INT, "int", IMMF(AC_U8, 1, 0, 0, 0xcd)) \
	X(RDTSCP, "rdtscp", LIT(0, 0, 0x0f, 0x01, 0xf9)) \
	X(VMOVNTDQ, "vmovntdq", V_MR(AC_X, AC_M, 0x66, 0, 0x0f, 0xe7), V_MR(AC_Y, AC_M, 0x66, FORM_L, 0x0f, 0xe7)) \
	/* SSE2 scalar floating point */ \
	X(MOVSS, "movss", SSEMOV(0xf3, 0x10, 0x11)) \
	X(MOVSD, "movsd", SSEMOV(0xf2, 0x10, 0x11)) \
	X(MOVUPS, "movups", SSEMOV(0, 0x10, 0x11)) \
	X(MOVAPS, "movaps", SSEMOV(0, 0x28, 0x29)) \
	X(MOVUPD, "movupd", SSEMOV(0x66, 0x10, 0x11)) \
	X(MOVAPD, "movapd", SSEMOV(0x66, 0x28, 0x29)) \
	X(MOVOU, "movdqu", SSEMOV(0xf3, 0x6f, 0x7f)) \
	X(MOVO, "movdqa", SSEMOV(0x66, 0x6f, 0x7f)) \
	X(ADDSS, "addss", SSE(0xf3, 0, 0x58)) X(ADDSD, "addsd", SSE(0xf2, 0, 0x58)) \
	X(MULSS, "mulss", SSE(0xf3, 0, 0x59)) X(MULSD, "mulsd", SSE(0xf2, 0, 0x59)) \
	X(SUBSS, "subss", SSE(0xf3, 0, 0x5c)) X(SUBSD, "subsd", SSE(0xf2, 0, 0x5c)) \
	X(DIVSS, "divss", SSE(0xf3, 0, 0x5e)) X(DIVSD, "divsd", SSE(0xf2, 0, 0x5e)) \
	X(SQRTSS, "sqrtss", SSE(0xf3, 0, 0x51)) X(SQRTSD, "sqrtsd", SSE(0xf2, 0, 0x51)) \
	X(MINSS, "minss", SSE(0xf3, 0, 0x5d)) X(MINSD, "minsd", SSE(0xf2, 0, 0x5d)) \
	X(MAXSS, "maxss", SSE(0xf3, 0, 0x5f)) X(MAXSD, "maxsd", SSE(0xf2, 0, 0x5f)) \
	X(UCOMISS, "ucomiss", SSE(0, 0, 0x2e)) X(UCOMISD, "ucomisd", SSE(0x66, 0, 0x2e)) \
	X(COMISS, "comiss", SSE(0, 0, 0x2f)) X(COMISD, "comisd", SSE(0x66, 0, 0x2f)) \
	X(CVTSS2SD, "cvtss2sd", SSE(0xf3, 0, 0x5a)) X(CVTSD2SS, "cvtsd2ss", SSE(0xf2, 0, 0x5a)) \
	X(CVTSL2SS, "cvtsi2ssl", RM_R0F(AC_RM32, AC_X, 0xf3, 0, 0x2a)) \
	X(CVTSQ2SS, "cvtsi2ssq", RM_R0F(AC_RM64, AC_X, 0xf3, FORM_W, 0x2a)) \
	X(CVTSL2SD, "cvtsi2sdl", RM_R0F(AC_RM32, AC_X, 0xf2, 0, 0x2a)) \
	X(CVTSQ2SD, "cvtsi2sdq", RM_R0F(AC_RM64, AC_X, 0xf2, FORM_W, 0x2a)) \
	X(CVTTSS2SL, "cvttss2si", RM_R0F(AC_XM, AC_R32, 0xf3, 0, 0x2c)) \
	X(CVTTSS2SQ, "cvttss2si", RM_R0F(AC_XM, AC_R64, 0xf3, FORM_W, 0x2c)) \
	X(CVTTSD2SL, "cvttsd2si", RM_R0F(AC_XM, AC_R32, 0xf2, 0, 0x2c)) \
	X(CVTTSD2SQ, "cvttsd2si", RM_R0F(AC_XM, AC_R64, 0xf2, FORM_W, 0x2c)) \
	X(CVTSS2SL, "cvtss2si", RM_R0F(AC_XM, AC_R32, 0xf3, 0, 0x2d)) \
	X(CVTSS2SQ, "cvtss2si", RM_R0F(AC_XM, AC_R64, 0xf3, FORM_W, 0x2d)) \
	X(CVTSD2SL, "cvtsd2si", RM_R0F(AC_XM, AC_R32, 0xf2, 0, 0x2d)) \
	X(CVTSD2SQ, "cvtsd2si", RM_R0F(AC_XM, AC_R64, 0xf2, FORM_W, 0x2d)) \
	X(ANDPS, "andps", SSE(0, 0, 0x54)) X(ANDPD, "andpd", SSE(0x66, 0, 0x54)) \
	X(ANDNPS, "andnps", SSE(0, 0, 0x55)) X(ANDNPD, "andnpd", SSE(0x66, 0, 0x55)) \
	X(ORPS, "orps", SSE(0, 0, 0x56)) X(ORPD, "orpd", SSE(0x66, 0, 0x56)) \
	X(XORPS, "xorps", SSE(0, 0, 0x57)) X(XORPD, "xorpd", SSE(0x66, 0, 0x57)) \
	X(PXOR, "pxor", SSE(0x66, 0, 0xef)) \
	X(ROUNDSS, "roundss", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0x3a, 0x0a)) \
	X(ROUNDSD, "roundsd", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0x3a, 0x0b)) \
	X(CMPSS, "cmpss", RM_R_I(AC_XM, AC_X, AC_U8, 0xf3, 0, 0x0f, 0xc2)) \
	X(CMPSD, "cmpsd", RM_R_I(AC_XM, AC_X, AC_U8, 0xf2, 0, 0x0f, 0xc2)) \
	X(SHUFPS, "shufps", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0, 0, 0x0f, 0xc6)) \
	X(SHUFPD, "shufpd", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0xc6)) \
	/* SSE2 integer */ \
	X(PAND, "pand", SSE2I(0xdb)) X(PANDN, "pandn", SSE2I(0xdf)) X(POR, "por", SSE2I(0xeb)) \
	X(PCMPEQB, "pcmpeqb", SSE2I(0x74)) X(PCMPEQW, "pcmpeqw", SSE2I(0x75)) X(PCMPEQL, "pcmpeqd", SSE2I(0x76)) \
	X(PCMPGTB, "pcmpgtb", SSE2I(0x64)) \
	X(PADDB, "paddb", SSE2I(0xfc)) X(PADDW, "paddw", SSE2I(0xfd)) X(PADDL, "paddd", SSE2I(0xfe)) \
	X(PADDQ, "paddq", SSE2I(0xd4)) \
	X(PSUBB, "psubb", SSE2I(0xf8)) X(PSUBW, "psubw", SSE2I(0xf9)) X(PSUBL, "psubd", SSE2I(0xfa)) \
	X(PSUBQ, "psubq", SSE2I(0xfb)) \
	X(PMINUB, "pminub", SSE2I(0xda)) X(PMAXUB, "pmaxub", SSE2I(0xde)) \
	X(PMULULQ, "pmuludq", SSE2I(0xf4)) \
	X(PUNPCKLBW, "punpcklbw", SSE2I(0x60)) X(PUNPCKHBW, "punpckhbw", SSE2I(0x68)) \
	X(PUNPCKLQDQ, "punpcklqdq", SSE2I(0x6c)) X(PUNPCKHQDQ, "punpckhqdq", SSE2I(0x6d)) \
	X(PMOVMSKB, "pmovmskb", RM_R(AC_X, AC_R32, 0x66, 0, 0x0f, 0xd7)) \
	X(PSHUFL, "pshufd", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0x70)) \
	X(PSHUFD, "pshufd", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0x66, 0, 0x0f, 0x70)) \
	X(PSHUFHW, "pshufhw", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0xf3, 0, 0x0f, 0x70)) \
	X(PSHUFLW, "pshuflw", I_RM_R(AC_U8, AC_XM, AC_X, 1, 0xf2, 0, 0x0f, 0x70)) \
	X(PSLLW, "psllw", PSHIFT(0x71, 6, 0xf1)) X(PSRLW, "psrlw", PSHIFT(0x71, 2, 0xd1)) \
	X(PSLLL, "pslld", PSHIFT(0x72, 6, 0xf2)) X(PSRLL, "psrld", PSHIFT(0x72, 2, 0xd2)) \
	X(PSRAL, "psrad", PSHIFT(0x72, 4, 0xe2)) \
	X(PSLLQ, "psllq", PSHIFT(0x73, 6, 0xf3)) X(PSRLQ, "psrlq", PSHIFT(0x73, 2, 0xd3)) \
	X(PSLLO, "pslldq", I_RM(AC_U8, AC_X, 7, 1, 0x66, 0, 0x0f, 0x73)) \
	X(PSRLO, "psrldq", I_RM(AC_U8, AC_X, 3, 1, 0x66, 0, 0x0f, 0x73)) \
	X(PINSRW, "pinsrw", I_RM_R(AC_U8, AC_RM32, AC_X, 1, 0x66, 0, 0x0f, 0xc4)) \
	/* SSSE3, SSE4 */ \
	X(PSHUFB, "pshufb", SSE38(0x00)) \
	X(PINSRB, "pinsrb", I_RM_R(AC_U8, AC_RM32, AC_X, 1, 0x66, 0, 0x0f, 0x3a, 0x20)) \
	X(PINSRD, "pinsrd", I_RM_R(AC_U8, AC_RM32, AC_X, 1, 0x66, 0, 0x0f, 0x3a, 0x22)) \
	X(PINSRQ, "pinsrq", I_RM_R(AC_U8, AC_RM64, AC_X, 1, 0x66, FORM_W, 0x0f, 0x3a, 0x22)) \
	X(PEXTRB, "pextrb", I_R_RM(AC_U8, AC_X, AC_RM32, 1, 0x66, 0, 0, 0x0f, 0x3a, 0x14)) \
	X(PEXTRD, "pextrd", I_R_RM(AC_U8, AC_X, AC_RM32, 1, 0x66, 0, 0, 0x0f, 0x3a, 0x16)) \
	X(PEXTRQ, "pextrq", I_R_RM(AC_U8, AC_X, AC_RM64, 1, 0x66, FORM_W, 0, 0x0f, 0x3a, 0x16)) \
	X(PCMPESTRI, "pcmpestri", SSE3AI(0x61)) \
	X(CRC32B, "crc32b", RM_R(AC_RM8, AC_R32, 0xf2, 0, 0x0f, 0x38, 0xf0)) \
	X(CRC32W, "crc32w", RM_R(AC_RM16, AC_R32, 0xf2, FORM_P66, 0x0f, 0x38, 0xf1)) \
	X(CRC32L, "crc32l", RM_R(AC_RM32, AC_R32, 0xf2, 0, 0x0f, 0x38, 0xf1)) \
	X(CRC32Q, "crc32q", RM_R(AC_RM64, AC_R64, 0xf2, FORM_W, 0x0f, 0x38, 0xf1)) \
	/* AES-NI, PCLMULQDQ */ \
	X(AESENC, "aesenc", SSE38(0xdc)) X(AESENCLAST, "aesenclast", SSE38(0xdd)) \
	X(AESDEC, "aesdec", SSE38(0xde)) X(AESDECLAST, "aesdeclast", SSE38(0xdf)) \
	X(AESIMC, "aesimc", SSE38(0xdb)) \
	X(AESKEYGENASSIST, "aeskeygenassist", SSE3AI(0xdf)) \
	X(PCLMULQDQ, "pclmulqdq", SSE3AI(0x44)) \
	/* ADX, XGETBV */ \
	X(ADCXQ, "adcxq", RM_R(AC_RM64, AC_R64, 0x66, FORM_W, 0x0f, 0x38, 0xf6)) \
	X(ADOXQ, "adoxq", RM_R(AC_RM64, AC_R64, 0xf3, FORM_W, 0x0f, 0x38, 0xf6)) \
	X(XGETBV, "xgetbv", LIT(0, 0, 0x0f, 0x01, 0xd0)) \
	/* BMI1, BMI2 (VEX, general registers) */ \
	X(ANDNL, "andnl", V_RVM(AC_RM32, AC_R32, AC_R32, 0, 0, 0x0f, 0x38, 0xf2)) \
	X(ANDNQ, "andnq", V_RVM(AC_RM64, AC_R64, AC_R64, 0, FORM_W, 0x0f, 0x38, 0xf2)) \
	X(MULXL, "mulxl", V_RVM(AC_RM32, AC_R32, AC_R32, 0xf2, 0, 0x0f, 0x38, 0xf6)) \
	X(MULXQ, "mulxq", V_RVM(AC_RM64, AC_R64, AC_R64, 0xf2, FORM_W, 0x0f, 0x38, 0xf6)) \
	X(RORXL, "rorxl", V_IRM(AC_RM32, AC_R32, 0xf2, 0, 0x0f, 0x3a, 0xf0)) \
	X(RORXQ, "rorxq", V_IRM(AC_RM64, AC_R64, 0xf2, FORM_W, 0x0f, 0x3a, 0xf0)) \
	/* AVX, AVX2 */ \
	X(VZEROUPPER, "vzeroupper", V_LIT(0, 0, 0x0f, 0x77)) \
	/* gc takes the store form (7F) for a register-to-register move */ \
	X(VMOVDQU, "vmovdqu", V_MR(AC_X, AC_XM, 0xf3, 0, 0x0f, 0x7f), V_RM(AC_XM, AC_X, 0xf3, 0, 0x0f, 0x6f), \
	  V_MR(AC_Y, AC_YM, 0xf3, FORM_L, 0x0f, 0x7f), V_RM(AC_YM, AC_Y, 0xf3, FORM_L, 0x0f, 0x6f)) \
	X(VMOVDQA, "vmovdqa", V_MR(AC_X, AC_XM, 0x66, 0, 0x0f, 0x7f), V_RM(AC_XM, AC_X, 0x66, 0, 0x0f, 0x6f), \
	  V_MR(AC_Y, AC_YM, 0x66, FORM_L, 0x0f, 0x7f), V_RM(AC_YM, AC_Y, 0x66, FORM_L, 0x0f, 0x6f)) \
	X(VPMOVMSKB, "vpmovmskb", V_RM(AC_X, AC_R32, 0x66, 0, 0x0f, 0xd7), V_RM(AC_Y, AC_R32, 0x66, FORM_L, 0x0f, 0xd7)) \
	X(VPTEST, "vptest", V_RM(AC_XM, AC_X, 0x66, 0, 0x0f, 0x38, 0x17), V_RM(AC_YM, AC_Y, 0x66, FORM_L, 0x0f, 0x38, 0x17)) \
	X(VPBROADCASTB, "vpbroadcastb", V_RM(AC_XM, AC_X, 0x66, 0, 0x0f, 0x38, 0x78), \
	  V_RM(AC_XM, AC_Y, 0x66, FORM_L, 0x0f, 0x38, 0x78)) \
	X(VPCMPEQB, "vpcmpeqb", VI(0x0f, 0x74)) X(VPCMPEQL, "vpcmpeqd", VI(0x0f, 0x76)) \
	X(VPAND, "vpand", VI(0x0f, 0xdb)) X(VPANDN, "vpandn", VI(0x0f, 0xdf)) \
	X(VPOR, "vpor", VI(0x0f, 0xeb)) X(VPXOR, "vpxor", VI(0x0f, 0xef)) \
	X(VPADDD, "vpaddd", VI(0x0f, 0xfe)) X(VPADDQ, "vpaddq", VI(0x0f, 0xd4)) \
	X(VPSHUFB, "vpshufb", VI(0x0f, 0x38, 0x00)) \
	X(VPSHUFD, "vpshufd", V_IRM(AC_XM, AC_X, 0x66, 0, 0x0f, 0x70), V_IRM(AC_YM, AC_Y, 0x66, FORM_L, 0x0f, 0x70)) \
	X(VPSLLD, "vpslld", VSH(0x72, 6, 0xf2)) X(VPSRLD, "vpsrld", VSH(0x72, 2, 0xd2)) \
	X(VPSLLQ, "vpsllq", VSH(0x73, 6, 0xf3)) X(VPSRLQ, "vpsrlq", VSH(0x73, 2, 0xd3)) \
	X(VPSLLDQ, "vpslldq", V_ISH(AC_X, AC_X, 7, 0x66, 0, 0x0f, 0x73), V_ISH(AC_Y, AC_Y, 7, 0x66, FORM_L, 0x0f, 0x73)) \
	X(VPSRLDQ, "vpsrldq", V_ISH(AC_X, AC_X, 3, 0x66, 0, 0x0f, 0x73), V_ISH(AC_Y, AC_Y, 3, 0x66, FORM_L, 0x0f, 0x73)) \
	X(VPALIGNR, "vpalignr", V_4(AC_XM, AC_X, AC_X, 0x66, 0, 0x0f, 0x3a, 0x0f), \
	  V_4(AC_YM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, 0x3a, 0x0f)) \
	X(VPBLENDD, "vpblendd", V_4(AC_XM, AC_X, AC_X, 0x66, 0, 0x0f, 0x3a, 0x02), \
	  V_4(AC_YM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, 0x3a, 0x02)) \
	X(VPERM2I128, "vperm2i128", V_4(AC_YM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, 0x3a, 0x46)) \
	X(VPERM2F128, "vperm2f128", V_4(AC_YM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, 0x3a, 0x06)) \
	X(VINSERTI128, "vinserti128", V_4(AC_XM, AC_Y, AC_Y, 0x66, FORM_L, 0x0f, 0x3a, 0x38)) \
	X(VADDSD, "vaddsd", V_RVM(AC_XM, AC_X, AC_X, 0xf2, 0, 0x0f, 0x58)) \
	X(VFMADD213SD, "vfmadd213sd", V_RVM(AC_XM, AC_X, AC_X, 0x66, FORM_W, 0x0f, 0x38, 0xa9)) \
	X(VFNMADD231SD, "vfnmadd231sd", V_RVM(AC_XM, AC_X, AC_X, 0x66, FORM_W, 0x0f, 0x38, 0xbd)) \
	AMD64_COND_OPS(X)

#define AMD64_COND_OPS(X) \
	AMD64_CONDS(X, AMD64_SET_) AMD64_CONDS(X, AMD64_CMOVW_) AMD64_CONDS(X, AMD64_CMOVL_) \
	AMD64_CONDS(X, AMD64_CMOVQ_) AMD64_CONDS(X, AMD64_J_)
#define AMD64_SET_(X, g, a, cc) X(SET##g, "set" #a, RMT(AC_RM8, 0, 0, FORM_PB, 0x0f, 0x90 + (cc)))
#define AMD64_CMOVW_(X, g, a, cc) X(CMOVW##g, "cmov" #a "w", RM_R0F(AC_RM16, AC_R16, 0x66, 0, 0x40 + (cc)))
#define AMD64_CMOVL_(X, g, a, cc) X(CMOVL##g, "cmov" #a "l", RM_R0F(AC_RM32, AC_R32, 0, 0, 0x40 + (cc)))
#define AMD64_CMOVQ_(X, g, a, cc) X(CMOVQ##g, "cmov" #a "q", RM_R0F(AC_RM64, AC_R64, 0, FORM_W, 0x40 + (cc)))
#define AMD64_J_(X, g, a, cc) X(J##g, "j" #a, BRT(AC_REL8, 1, 0x70 + (cc)), BRT(AC_REL32, 4, 0x0f, 0x80 + (cc)))

enum {
	A_NONE,
#define X(n, att, ...) A_##n,
	AMD64_OPS(X)
#undef X
	A_COUNT
};

/* the table, indexed by A_* (encode.c) */
extern const AOpInfo amd64_ops[A_COUNT];

/* ---- instructions ---- */
enum {
	INST_SHORT = 1 /* branch: take the rel8 form */
};

typedef struct AInst {
	uint16_t op;    /* A_* */
	uint8_t flags;  /* INST_* */
	AOperand from, from3, to;
	AOperand from4; /* the second of gc's RestArgs: $imm, from3, from4, to */
} AInst;

/* ---- relocations ---- */
enum {
	RELOC_NONE,
	RELOC_PC32,   /* 4 bytes, S + A - P (RIP-relative data; gc's R_PCREL) */
	RELOC_CALL32, /* 4 bytes, S + A - P, a call or jump (gc's R_CALL) */
	RELOC_ABS32,  /* 4 bytes, S + A, zero-extended by the instruction */
	RELOC_ABS32S, /* 4 bytes, S + A, sign-extended by the instruction */
	RELOC_ABS64,  /* 8 bytes, S + A */
	RELOC_TPOFF32 /* 4 bytes, S - end of the TLS block (gc's R_TLS_LE) */
};

typedef struct AReloc {
	uint32_t off;    /* offset of the field in the code buffer */
	uint8_t kind;    /* RELOC_* */
	uint8_t size;    /* field size in bytes */
	const char *sym;
	int64_t addend;
} AReloc;

typedef struct ARelocVec {
	AReloc *v;
	size_t n, cap;
} ARelocVec;

void arelocvec_free(ARelocVec *rv);

/* gc prints PC-relative addends relative to the end of the field */
static inline int64_t amd64_reloc_goaddend(const AReloc *r) {
	return r->kind == RELOC_PC32 || r->kind == RELOC_CALL32 ? r->addend + r->size : r->addend;
}

/* ---- encoder (encode.c) ---- */

/* The form of `in` that the encoder uses, or NULL if none matches. */
const AForm *amd64_form(const AInst *in);

/* Encodes `in` at pc into out[0..15]; relocations go to rel[0..1] with
 * offsets relative to out[0].  Returns the length, or -1 if the
 * operands match none of the opcode's forms or are malformed. */
int amd64_encode1(uint8_t out[16], const AInst *in, int64_t pc, AReloc rel[2], int *nrel);

/* Appends `in` to code (pc = code->len) and its relocations to rv
 * (offsets in code).  Returns the length; an instruction that cannot be
 * encoded is an internal compiler error (ice, pass "amd64"). */
int amd64_encode(Buf *code, ARelocVec *rv, const AInst *in);

/* The length `in` would have at pc, without writing anything. */
int amd64_len(const AInst *in, int64_t pc);

/* Writes n bytes of recommended multi-byte NOPs (alignment padding). */
void amd64_nops(uint8_t *out, int n);

/* ---- printer (print.c) ---- */

const char *amd64_regname(int r);   /* Go's name: AX, R8, X3 */
const char *amd64_regname8(int r);  /* Go's byte register name: AL, SIB, R8B */

/* Appends `in` as gc's -S prints it: "MOVQ\t8(SP), AX". */
void amd64_print(Buf *out, const AInst *in);
/* One operand in Go's syntax (byte: print a GPR as its byte register). */
void amd64_print_operand(Buf *out, const AOperand *o, bool byte);

#endif
