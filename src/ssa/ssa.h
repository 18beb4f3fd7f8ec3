/*
 * ssa.h — goc's SSA intermediate representation and its machine-
 * independent passes.
 *
 * A Func is a control-flow graph of Blocks; each block holds a list of
 * Values and ends with a kind (Plain, If, Ret, ...) that says how control
 * leaves it.  Values are in SSA form: each is defined once, by an op
 * (ops.h) applied to argument values; a Phi at the top of a block picks
 * its i-th argument when control arrives from the block's i-th
 * predecessor.  Memory is a value too (type mem): every load takes the
 * current memory, every store, call or other effect takes one and yields
 * the next, so the memory values of a function form one chain per path
 * (checked: at most one memory value live at any point).
 *
 * Everything a function's IR owns (values, blocks, argument and edge
 * arrays, aux data) is bump-allocated in the function's arena and freed
 * at once with ssa_func_free after code emission.  Value and block ids are
 * dense small integers (f->values[id], f->blockbyid[id]), so passes keep
 * per-value data in plain arrays indexed by id.
 *
 * Types (SsaType) are interned for the life of the process, by name.
 *
 * Text form (ssa_print.c writes it, ssa_parse.c reads it back):
 *
 *   func add
 *   b1:
 *     v1 (?) = InitMem <mem>
 *     v2 (3) = Arg <int> {x}
 *     v3 (3) = Arg <int> {y} [8]
 *     v4 (4) = Add64 <int> v2 v3
 *     v5 (4) = MakeResult <(int,mem)> v4 v1
 *     Ret v5 (4)
 *
 * `(4)` is the source line (`?` when unknown); `[...]` the auxint, `{...}`
 * the aux; blocks list their predecessors (`b3: <- b1 b2`) and end with
 * their kind, controls and successors (`If v5 -> b2 b3 (likely)`).
 */
#ifndef GOC_SSA_H
#define GOC_SSA_H

#include "../base/base.h"
#include "ops.h"

/* ---- types ---- */
enum {
	SK_VOID, SK_MEM, SK_FLAGS, SK_TUPLE,
	SK_BOOL, SK_INT, SK_UINT, SK_FLOAT, SK_COMPLEX,
	SK_STRING, SK_PTR, /* pointer-shaped: *T, unsafe.Pointer, map, chan, func */
	SK_SLICE, SK_IFACE, SK_STRUCT, SK_ARRAY,
};

typedef struct SsaType SsaType;
struct SsaType {
	uint8_t kind;      /* SK_* */
	uint8_t align;
	int64_t size;      /* bytes; 0 for mem, void, flags, tuples */
	const char *name;  /* as printed: int, *int, []byte, (int,mem) */
	SsaType *elem;     /* pointer, slice, array element */
	SsaType **fields;  /* tuple members */
	int nfields;
	void *gotype;      /* the checker's types.Type, when lowered from Go */
	/* structs: bit i set when word i holds a pointer (set by the
	 * lowering from the Go type; NULL: no pointers known) */
	const uint8_t *ptrmask;
};

/* Interned types by name; parses the names the printer writes (basic
 * types, mem, void, flags, *T, []T, [N]T, (T1,T2,...), unsafe.Pointer,
 * map[K]V, chan T, func(...)..., interface {...}/any/error, string). NULL
 * if the name is not understood. */
SsaType *ssa_type(const char *name);
/* Registers a type that the name syntax cannot describe (structs from
 * the lowering); returns the interned one if the name exists. */
SsaType *ssa_type_define(const char *name, int kind, int64_t size, int align);
SsaType *ssa_type_ptrto(SsaType *elem);
SsaType *ssa_type_tuple(SsaType **fields, int n);
extern SsaType *ssa_t_mem, *ssa_t_void, *ssa_t_bool, *ssa_t_int, *ssa_t_uintptr,
	*ssa_t_int8, *ssa_t_int16, *ssa_t_int32, *ssa_t_int64,
	*ssa_t_uint8, *ssa_t_uint16, *ssa_t_uint32, *ssa_t_uint64,
	*ssa_t_float32, *ssa_t_float64, *ssa_t_string, *ssa_t_byteptr;
/* Does the 8-byte word at byte offset off of a t hold a pointer (the
 * stack maps' view: pointers, unsafe.Pointer, maps, chans, funcs, the
 * data word of strings and slices, both words of interfaces)? */
bool ssa_type_ptrword(const SsaType *t, int64_t off);
static inline bool ssa_type_isint(const SsaType *t) { return t->kind == SK_INT || t->kind == SK_UINT; }
static inline bool ssa_type_issigned(const SsaType *t) { return t->kind == SK_INT; }

/* ---- ops (ops.h) ---- */
enum { OPF_COMM = 1, OPF_SE = 2, OPF_CALL = 4, OPF_FAULT = 8, OPF_NOCSE = 16 };
enum {
	AUX_NONE,
	AUX_BOOL, AUX_INT8, AUX_INT16, AUX_INT32, AUX_INT64, /* auxint only */
	AUX_F32, AUX_F64, /* auxint holds float64 bits */
	AUX_SIZE,   /* auxint: a byte count */
	AUX_STR,    /* aux: a string constant */
	AUX_SYM,    /* aux: a symbol or variable */
	AUX_SYMOFF, /* aux: symbol, auxint: offset */
	AUX_CALL,   /* aux: the callee (StaticCall) or nothing, auxint: argument bytes */
};

#define SSA_OP_ENUM(name, n, sig, aux, fl) Op##name,
typedef enum Op { SSA_OPS(SSA_OP_ENUM) OpCount } Op;
#undef SSA_OP_ENUM

typedef struct OpInfo {
	const char *name;
	int8_t nargs;    /* -1: variadic */
	uint8_t auxkind; /* AUX_* */
	uint8_t flags;   /* OPF_* */
	const char *sig;
} OpInfo;
extern const OpInfo ssa_ops[OpCount];
Op ssa_op_lookup(const char *name, size_t n); /* OpInvalid if unknown */
static inline bool ssa_op_comm(Op op) { return ssa_ops[op].flags & OPF_COMM; }

#define SSA_BLOCK_ENUM(name, nc, ns) Block##name,
typedef enum BlockKind { SSA_BLOCKS(SSA_BLOCK_ENUM) BlockCount } BlockKind;
#undef SSA_BLOCK_ENUM
typedef struct BlockInfo {
	const char *name;
	int8_t ncontrols, nsuccs;
} BlockInfo;
extern const BlockInfo ssa_blocks[BlockCount];

/* ---- the IR ---- */
typedef struct Func Func;
typedef struct Block Block;
typedef struct Value Value;

/* aux data: a symbol/variable name, or the bytes of a string constant */
/* How a static call's callee is entered (docs/abi.md): by the rule of
 * its symbol (amd64_is_cfunc: package runtime is C, the rest Go), as C
 * (a body-less function the C runtime provides by linkname), as an
 * assembly function (ABI0, and g is reloaded into R14 after it), or as Go
 * whatever its symbol (a function of package runtime with a Go body). */
enum { AUX_ABI_DEFAULT, AUX_ABI_C, AUX_ABI_ASM, AUX_ABI_GO };

typedef struct SsaAux {
	Str s;
	void *obj;     /* the checker's Object, when lowered from Go */
	SsaType *type; /* the variable's type, if known */
	uint8_t abi;   /* AUX_ABI_*: static calls */
} SsaAux;

struct Value {
	uint32_t id;
	uint16_t op;     /* Op */
	uint16_t nargs;
	int32_t uses;    /* arguments of values and block controls that name this value */
	uint32_t line;   /* source line, 0 if unknown */
	SsaType *type;
	int64_t auxint;
	SsaAux *aux;
	Block *block;
	Value **args;    /* argbuf, or an arena array when more are needed */
	uint16_t capargs;
	Value *argbuf[3];
	Pos pos;
};

/* An edge names the other end and the index of the reverse edge there:
 * for e = b->succs[i], e.b->preds[e.i] == (Edge){b, i}. */
typedef struct Edge {
	Block *b;
	int i;
} Edge;

struct Block {
	uint32_t id;
	uint8_t kind;    /* BlockKind */
	int8_t likely;   /* +1: succs[0] likely, -1: succs[1] likely, 0 unknown */
	uint8_t ncontrols;
	uint32_t line;
	Value *controls[2];
	Value **values;
	int nvalues, capvalues;
	Edge *succs, *preds;
	int nsuccs, npreds, capsuccs, cappreds;
	Func *func;
};

struct Func {
	Arena arena;
	const char *name;
	Block *entry;
	Block **blocks;   /* in layout order; blocks[0] is the entry */
	int nblocks, capblocks;
	Value **values;   /* by id; NULL for freed ids */
	uint32_t nvalueids, capvalueids;
	Block **blockbyid; /* by id; NULL for removed blocks */
	uint32_t nblockids, capblockids;
	/* analyses, recomputed on demand (dom.c) */
	uint32_t cfgversion;  /* bumped by every edge change */
	uint32_t domversion;  /* cfgversion when the dominators were computed, +1 */
	Block **idom;         /* by block id */
	int32_t *dompre, *dompost; /* dominator-tree DFS numbers, by block id */
	Block **domchild, **domsibling; /* dominator tree by block id */
	const char *pass;     /* the pass running, for error messages */
	int64_t argsize;      /* ABI0 arguments and results, for listings; 0: unknown */
	bool dupok;           /* every package using it makes its own copy (wrappers,
	                       * instances of generic functions): gc's DUPOK */
	/* for the linker's dead-code elimination (src/link/deadcode.c):
	 * the interface methods the function calls, as {the checker's
	 * interface Type, the method's index in the itab} (gc's
	 * R_USEIFACEMETHOD), and whether it calls reflect's Type.Method or
	 * MethodByName (gc's REFLECTMETHOD) */
	struct FuncIMethod {
		void *iface;
		int index;
	} *imethods;
	int nimethods, capimethods;
	bool reflectmethod;
	bool nosplit; /* //go:nosplit: no stack check when the frame is small (amd64_emit) */
};

/* func.c: construction and editing */
Func *ssa_func_new(const char *name);
void ssa_func_free(Func *f);
Block *ssa_block_new(Func *f, BlockKind kind);
Block *ssa_block_new_id(Func *f, BlockKind kind, uint32_t id); /* the parser keeps ids */
void ssa_block_addedge(Block *b, Block *c);   /* b -> c */
void ssa_block_removesucc(Block *b, int i);   /* drops b->succs[i], its pred edge and phi args */
void ssa_block_removepred(Block *b, int i);   /* drops b->preds[i] and the phi args; not the succ side */
void ssa_block_setcontrol(Block *b, int i, Value *v);
void ssa_block_resetcontrols(Block *b);
void ssa_block_remove(Func *f, Block *b);      /* unlinks a block with no edges left */
Value *ssa_value_new(Block *b, Op op, SsaType *t, int64_t auxint, SsaAux *aux);
Value *ssa_value_new_id(Block *b, Op op, SsaType *t, uint32_t id);
Value *ssa_value_new0(Block *b, Op op, SsaType *t, uint32_t line);
Value *ssa_value_new1(Block *b, Op op, SsaType *t, uint32_t line, Value *a);
Value *ssa_value_new2(Block *b, Op op, SsaType *t, uint32_t line, Value *a, Value *c);
Value *ssa_const(Block *b, Op op, SsaType *t, int64_t auxint, uint32_t line);
void ssa_value_addarg(Value *v, Value *a);
void ssa_value_setarg(Value *v, int i, Value *a);
void ssa_value_removearg(Value *v, int i);    /* shifts the rest down */
void ssa_value_resetargs(Value *v);
void ssa_value_reset(Value *v, Op op);        /* drops args and aux, keeps type */
void ssa_value_copyof(Value *v, Value *a);    /* v becomes Copy a */
void ssa_value_free(Value *v);                /* no uses, already out of its block's list */
SsaAux *ssa_aux(Func *f, const char *s, size_t n);
Block *ssa_block_of_id(Func *f, uint32_t id);
/* size in bytes of the integer operand of a sized op family member */
int ssa_op_width(Op op);

/* ssa_print.c */
void ssa_fprint(FILE *out, Func *f);
void ssa_print_value(Buf *b, Value *v);
void ssa_sprint(Buf *b, Func *f);
const char *ssa_fmt_float(char *buf, size_t n, double d);

/* ssa_parse.c: reads functions in the text form.  On error returns NULL
 * and writes "file:line: message" into *err (malloc'd). */
Func **ssa_parse(const char *filename, const char *text, size_t len, int *nfuncs, char **err);

/* check.c: the IR checker.  Returns NULL if f is well formed, else a
 * message (in f's arena) naming the first problem found. */
const char *ssa_check(Func *f);

/* dom.c: dominators (an analysis, recomputed when the CFG changed). */
void ssa_dom(Func *f);
bool ssa_dominates(Func *f, Block *a, Block *b); /* a dominates b (reflexive) */
Block **ssa_postorder(Func *f, int *n); /* reachable blocks in postorder (arena) */

/* the passes (each in its own file) */
void ssa_deadcode(Func *f);
void ssa_copyelim(Func *f);
void ssa_phielim(Func *f);
void ssa_opt(Func *f);
void ssa_cse(Func *f);
void ssa_nilcheckelim(Func *f);
void ssa_prove(Func *f);
void ssa_layout(Func *f);
void ssa_looprotate(Func *f); /* after register allocation (layout.c) */

/* compile.c: the pass table */
typedef struct SsaPass {
	const char *name;
	void (*fn)(Func *f);
	bool required;    /* runs even with optimisation off (-N) */
	const char *note; /* what it requires and preserves */
} SsaPass;
extern const SsaPass ssa_passes[];
extern const int ssa_npasses;
typedef struct SsaConfig {
	bool check;          /* run the checker after every pass (-d ssa/check/on) */
	bool noopt;          /* -N: required passes only */
	const char *only;    /* comma-separated pass names to run (NULL: all) */
	const char *dump;    /* print after these passes ("all", or a comma list) */
	FILE *dumpout;
	struct SsaHtml *html; /* ssa.html writer, or NULL */
} SsaConfig;
void ssa_check_pass_order(void); /* ice if the table breaks an ordering constraint */
/* Runs the passes; returns false (and prints the checker's message to
 * stderr) if the checker found a problem. */
bool ssa_compile(Func *f, const SsaConfig *cfg);
bool ssa_pass_known(const char *name);

/* html.c: ssa.html, one column per pass */
typedef struct SsaHtml SsaHtml;
SsaHtml *ssa_html_open(const char *path, const char *funcname);
void ssa_html_column(SsaHtml *h, const char *title, Func *f);
void ssa_html_text(SsaHtml *h, const char *title, const char *text, size_t n); /* a column of text (genssa) */
void ssa_html_close(SsaHtml *h);

/* ssa_interp.c: runs a function of generic ops.  Values are up to three
 * words (strings, slices, interfaces, complex). */
typedef struct SsaVal {
	uint64_t w[3];
} SsaVal;
typedef struct SsaInterpResult {
	int nres;
	SsaVal res[16];
	const char *panic; /* non-NULL: "integer divide by zero", "nil pointer dereference", ... */
	uint64_t steps;
} SsaInterpResult;
/* args[k] is the argument at offset 8k (Arg [8k]); integers are
 * truncated to their Arg's type. */
SsaInterpResult ssa_interp(Func *f, const SsaVal *args, int nargs, uint64_t maxsteps);
/* Whole programs (src/ssagen's tests): an environment holds the memory
 * and the globals that every function run in it shares; calls
 * (StaticCall, ClosureCall, InterCall) go to the hook, which gets the
 * call's argument values (the memory argument left out) and fills the
 * results, or returns a panic message.  In an environment, Arg [off]
 * reads args[off] (a byte offset), GetClosurePtr gives the closure
 * pointer of the run, and values of struct or array type (whole-value
 * loads, args, results) are the address of a private copy of the bytes. */
typedef struct SsaInterpEnv SsaInterpEnv;
typedef const char *(*SsaCallHook)(SsaInterpEnv *env, Value *call, const SsaVal *args, int nargs, SsaVal *res,
				   int *nres);
struct SsaInterpEnv {
	SsaCallHook call;
	void *ctx;
	uint8_t *mem;
	uint64_t size, top;
	struct SsaInterpSlot *globals;
	int nglobals, capglobals;
	uint64_t steps, maxsteps;
	int depth;
	/* called when a run at env->depth unwinds with a panic (not the
	 * interpreter's own errors) after a Defer block: true if the panic was
	 * recovered; the run then goes on at that Defer block's second
	 * successor */
	bool (*onpanic)(SsaInterpEnv *env, const char **panic);
};
void ssa_interp_env_init(SsaInterpEnv *env, uint64_t memsize, uint64_t maxsteps);
void ssa_interp_env_free(SsaInterpEnv *env);
uint64_t ssa_interp_alloc(SsaInterpEnv *env, uint64_t n); /* zeroed memory; 0 when exhausted */
uint64_t ssa_interp_global(SsaInterpEnv *env, const char *name, size_t n, uint64_t size);
bool ssa_interp_valid(SsaInterpEnv *env, uint64_t p, uint64_t n); /* not nil, inside memory */
SsaInterpResult ssa_interp_run(SsaInterpEnv *env, Func *f, const SsaVal *args, int nargs, uint64_t closure);
/* Evaluates one pure op on constant operands (opt.c folds with it, so the
 * interpreter and the folder agree); false if it cannot (division by
 * zero, unsupported op). */
bool ssa_eval(Op op, SsaType *t, int64_t auxint, const SsaVal *args, int nargs, SsaVal *out);

#endif
