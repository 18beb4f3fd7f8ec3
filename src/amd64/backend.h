/*
 * backend.h — the amd64 code generator: from a function in goc's SSA IR
 * (after the machine-independent passes of src/ssa) to machine code in
 * the linker.  Four steps, one file each:
 *
 *   lower.c     prepares the IR for the machine: splits critical edges,
 *               schedules each block (an order for its values that keeps
 *               memory order), says which values need no location because
 *               they are emitted where they are used ("virtual": constants
 *               become immediates, addresses fold into memory operands,
 *               a comparison that only steers its block's branch fuses
 *               with it: CMPQ + Jcc), and fails loudly ("not implemented:
 *               ...") on what the back end does not handle yet.
 *   regalloc.c  liveness and linear-scan register allocation over virtual
 *               registers: a value of N words (a string has two, a slice
 *               three) has N of them.  Each gets one register or one
 *               stack slot for its whole life (no splitting yet); a value
 *               live across a call lives in a stack slot, because ABI0
 *               saves no register.
 *   frame.c     the frame: outgoing-argument area at 0(SP), locals and
 *               spill slots above it, the saved BP at the top; the frame
 *               size keeps SP 16-byte aligned at every call.
 *   emit.c      instruction selection and encoding: AInsts with the
 *               encoder of amd64.h, branch relaxation, relocations and a
 *               line table into the linker, and gc's -S listing.
 *
 * Instruction selection happens at emission, op by op, from generic ops
 * with the locations regalloc chose (docs/backend.md says why there is no
 * separate table of machine ops yet).  AX, CX and DX (and X14, X15) are
 * never allocated: the emitter uses them as scratch registers for
 * operands in memory, divisions, shifts, constants and parallel moves.
 *
 * Calls: Go functions by ABI0 (arguments and results in the outgoing
 * area); functions of the C runtime by the System V convention, as
 * docs/abi.md says ("Go calls the C runtime"): amd64_is_cfunc tells them
 * apart by name.  Results of both kinds are read from the outgoing area
 * by the call's SelectN values (a C call's registers are stored there
 * right after the CALL).
 */
#ifndef GOC_AMD64_BACKEND_H
#define GOC_AMD64_BACKEND_H

#include "../ssa/ssa.h"
#include "../link/link.h"
#include "amd64.h"

/* ---- words: how a value of a type sits in registers and memory ---- */
enum { WC_INT, WC_FLT };
typedef struct Word {
	uint8_t off, size, cls; /* byte offset in the value, 1/2/4/8, WC_* */
} Word;
#define MAXWORDS 8
/* The words of a value of type t; 0 for mem, void, flags, tuples and
 * zero-size types; -1 if the back end cannot hold such a value. */
int amd64_words(const SsaType *t, Word w[MAXWORDS]);

/* A location: a register, a spill slot (off from the spill area), or a
 * parameter slot (off from FP, the argument area at entry SP + 8).
 * Virtual values have none. */
enum { LOC_NONE, LOC_REG, LOC_SPILL, LOC_PARAM };
typedef struct Loc {
	uint8_t kind;
	int8_t reg;
	int64_t off;
} Loc;

typedef struct LocalVar {
	const SsaAux *aux;
	const SsaType *type;
	int64_t size, align, off;
} LocalVar;

/* kinds of virtual values (CodeGen.virt) */
enum {
	VIRT_NO,
	VIRT_CONST,  /* constants, addresses, offsets folded into operands */
	VIRT_CMP,    /* a comparison fused with its block's branch */
	VIRT_MEM,    /* a struct or array value kept in memory */
	VIRT_WORD,   /* SlicePtr, StringLen, ...: a word of its argument's
	              * location, read there (amd64_loc forwards) */
	VIRT_SCALE,  /* i*2, i*4, i*8 used only as AddPtr offsets: the
	              * index register's scale of a LEAQ */
	VIRT_INDEX,  /* p + i*scale used only as addresses: folded into
	              * their memory operands, off(p)(i*scale) */
};

/* the word of its argument that a VIRT_WORD op reads */
static inline int amd64_word_of(Op op)
{
	switch (op) {
	case OpSliceLen: case OpStringLen: case OpIData: return 1;
	case OpSliceCap: return 2;
	default: return 0;
	}
}

typedef struct CodeGen {
	Func *f;
	const char *sym;    /* the function's link symbol */
	int64_t paramsize;  /* bytes of parameters; results start at round8 */
	const char *file;   /* source file for lines without a Pos (.ssa input) */
	/* lower.c */
	uint8_t *virt;      /* by value id: emitted where used */
	uint8_t *nw;        /* by value id: number of words */
	int32_t *vr0;       /* by value id: first virtual register */
	int nvreg;
	int32_t *vrval;     /* by vreg: value id */
	uint8_t *vrword;    /* by vreg: word index */
	uint8_t *vrcls;     /* by vreg: WC_* */
	bool hascall;       /* makes calls (Go or C): needs a frame, not a leaf */
	bool usesctxt;      /* reads the closure context (DX at entry) */
	/* regalloc.c */
	int32_t *pos;       /* by value id: schedule position */
	int32_t *bstart, *bend; /* by block id: first and last position */
	Loc *loc;           /* by vreg */
	int64_t spillsize;  /* bytes of spill slots (from the slot base) */
	/* by value id, for each call: the spill slots holding a pointer word
	 * of a value live after the call (a bitset of spillsize/8 bits;
	 * NULL: none), for the stack maps */
	uint64_t **callspill;
	/* by value id, for each call: the argument words (paramsize/8 bits)
	 * holding a pointer word of a parameter live after the call (NULL:
	 * none); parameters kept in memory (aggregates) are not tracked */
	uint64_t **callargs;
	/* frame.c amd64_locals_liveness: the frame variables live at every
	 * call, and by call value id those live after it (bitsets over
	 * locals) */
	uint64_t *localalways;
	uint64_t **calllocals;
	/* frame.c */
	LocalVar *locals;
	int nlocals, caplocals;
	int64_t outsize;    /* outgoing-argument area */
	int64_t localbase;  /* offset of the locals from SP */
	int64_t spillbase;  /* offset of the spill slots from SP */
	int64_t framesize;  /* SUBQ $framesize, SP (includes the saved BP) */
} CodeGen;

/* lower.c */
void amd64_lower(CodeGen *g);
/* "FILE:LINE: not implemented: ..." for what the back end cannot do yet; exit 2 */
NORETURN void amd64_notimpl(CodeGen *g, Value *v, const char *fmt, ...) PRINTF(3, 4);
bool amd64_is_cfunc(const char *sym);
/* a struct or array value kept in memory (virtual kind 3): Load, Arg,
 * SelectN or Copy of such a type */
bool amd64_inmemory(const Value *v);
/* the comparison (generic op) that an If block's fused branch tests */
bool amd64_fusable_cmp(Op op);

/* regalloc.c */
void amd64_regalloc(CodeGen *g);
/* may the emitter swap the arguments of op (a two-address op)? */
bool amd64_commutes(Op op);
/* the location of word w of value v (virtual values: LOC_NONE) */
static inline Loc amd64_loc(const CodeGen *g, const Value *v, int w)
{
	if (g->virt[v->id] == VIRT_WORD)
		return amd64_loc(g, v->args[0], amd64_word_of((Op)v->op));
	if (g->vr0[v->id] < 0)
		return (Loc){LOC_NONE, 0, 0};
	return g->loc[g->vr0[v->id] + w];
}

/* frame.c */
void amd64_frame_locals(CodeGen *g);          /* before regalloc: local variables */
int64_t amd64_local_off(CodeGen *g, const SsaAux *aux); /* SP offset of a local */
void amd64_frame_layout(CodeGen *g);          /* after regalloc: the frame size */
void amd64_locals_liveness(CodeGen *g);       /* the frame variables live at calls */
/* call layout: where each argument and result of call v goes */
typedef struct CallArg {
	int64_t off;       /* ABI0 / C memory class: offset in the outgoing area */
	int8_t reg[MAXWORDS]; /* C register class: the register of each word, or 0 */
} CallArg;
typedef struct CallLayout {
	bool c;            /* System V */
	int nargs, nres;
	CallArg *args;     /* by SSA argument index (the closure/code pointer and mem excluded: args[i] is v->args[first+i]) */
	int first;         /* index of the first argument value in v->args */
	int64_t *resoff;   /* result i is read from resoff[i](SP) */
	SsaType **restype;
	int64_t size;      /* bytes of the outgoing area it uses */
	bool hiddenret;    /* C: result > 16 bytes, RDI points at it */
	int64_t retbase;   /* C: where the returned registers are stored */
	int nretint, nretflt; /* C: how many RAX/RDX and X0/X1 to store */
	int8_t retcls[2];  /* C: class of each returned eightbyte */
} CallLayout;
void amd64_call_layout(CodeGen *g, Value *call, CallLayout *cl);
/* the ABI0 layout of a function's own results (offsets from FP = entry SP + 8) */
int64_t amd64_result_off(CodeGen *g, SsaType **types, int i);

/* emit.c: code into the link; listing (gc's -S) to `asmout` if not NULL */
typedef struct EmitOpts {
	FILE *asmout;
	bool nosplit;      /* no stack check (runtime-internal code) */
	/* //go:nosplit: no stack check if the frame is at most NOSPLIT_MAXFRAME
	 * bytes (within the stack guard's nosplit budget with a C callee's
	 * frame: docs/runtime.md; a larger frame keeps its check) */
	bool nosplitsmall;
	/* for the function table (link_set_func): gc's ArgInfo program of
	 * the function's parameters, and its LFN_* flags (wrappers) */
	const uint8_t *arginfo;
	uint32_t narginfo;
	uint32_t wrapper;
	/* LR_USEIFACEMETHOD markers for the linker (link_add_marker):
	 * interface type descriptors and method indexes */
	const struct EmitMarker {
		LinkSym *iface;
		int64_t index;
	} *markers;
	uint32_t nmarkers;
} EmitOpts;
void amd64_emit(CodeGen *g, Link *l, const EmitOpts *o);

/* The whole back end for one function: lower, regalloc, loop rotation
 * (ssa_looprotate: the block order only), frame, emit.
 * paramsize < 0: inferred from the Arg values (IR text input). */
void amd64_compile(Func *f, int64_t paramsize, const char *file, Link *l, const EmitOpts *o);

/* Read-only data the code refers to, defined once per link (DUPOK):
 * go.string."..." for string constants, $f64.HEX for float constants. */
const char *amd64_string_sym(Link *l, Str s);
const char *amd64_float_sym(Link *l, uint64_t bits, int size);

#endif
