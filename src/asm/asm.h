/*
 * asm.h — goc's assembler for Go's assembly language (gc's `go tool asm`),
 * amd64.  The stages, one file each (docs/asm.md has the design):
 *
 *   lex.c    tokens and the preprocessor (#include, #define with and
 *            without arguments, #undef, #ifdef/#ifndef/#else/#endif)
 *   parse.c  statements → symbols: TEXT bodies as lists of Progs (an
 *            AInst of src/amd64 plus labels, PCDATA/FUNCDATA), DATA/GLOBL;
 *            operands in gc's syntax and rules (FP, SP, SB, PC, `·`, `<>`)
 *   obj.c    per TEXT: gc's prologue and epilogue (stack check, BP save),
 *            pseudo-register offsets, gc's branch relaxation, encoding by
 *            src/amd64/encode.c, relocations
 *   list.c   the -S listing in `go tool asm -S`'s format
 *   elfobj.c the ELF relocatable object that goc's linker reads
 *
 * Nothing here is global: one Asm per assembled file, everything in its
 * arena, freed at once.  Errors are the user's: `file.s:LINE: message`,
 * gc's wording where gc has one, collected (at most 10) and the tool
 * exits 1; the assembler never stops on the first error inside a
 * statement's parse but skips to the next statement.
 */
#ifndef GOC_ASM_H
#define GOC_ASM_H

#include "../base/base.h"
#include "../amd64/amd64.h"

/* ---- tokens ---- */
enum {
	T_EOF, T_NL, T_IDENT, T_INT, T_FLOAT, T_STRING, T_CHAR,
	T_OP /* punctuation: s holds it ("(", "<<", "$", ...) */
};

typedef struct Tok {
	uint8_t kind;
	const char *s;    /* text (identifiers: with · → . and ∕ → /; strings: the value) */
	uint32_t slen;    /* length of s (strings may hold NULs) */
	const char *file; /* where it was read (a macro's expansion: where it was invoked) */
	int line;
} Tok;

typedef struct Macro {
	const char *name;
	int nargs;          /* -1: no parameter list */
	const char **args;  /* parameter names */
	Tok *body;
	int nbody;
	struct Macro *next;
} Macro;

typedef struct Input Input;

typedef struct AsmCond {
	bool active, sawelse, parent;
} AsmCond;

/* ---- operands, instructions ---- */

/* How a Prog's branch names its target before layout. */
enum { BR_NONE, BR_LABEL, BR_PC /* n(PC) */, BR_SYM };

typedef struct Prog {
	AInst in;           /* the instruction; branches get their pc at layout */
	uint16_t pseudo;    /* P_* for pseudo-instructions (no AInst) */
	uint8_t br;         /* BR_* */
	uint8_t isshort;    /* branch relaxation state (obj.c) */
	int brprog;         /* BR_LABEL/BR_PC: index of the target Prog */
	const char *brlabel;
	int64_t pcrel;      /* BR_PC: n */
	const char *file;
	int line;
	int64_t pc;
	int size;
	Buf *rawbytes;      /* unused */
	const char *text;   /* listing operands of pseudo-instructions */
	int64_t aux[2];     /* PCDATA/FUNCDATA: the constants */
	const char *auxsym; /* FUNCDATA: the symbol */
	int spadj;          /* stack adjustment (PUSH/POP, prologue) */
	bool tls;           /* the memory operand is off(TLS): written as the
	                     * absolute off, encoded %fs:off with R_TLS_LE */
} Prog;

enum { P_NONE, P_TEXT, P_PCDATA, P_FUNCDATA, P_LABEL, P_RAW /* BYTE/WORD/LONG/QUAD: aux[0] value, aux[1] size */ };

/* gc's textflag.h flags */
enum {
	TF_NOPROF = 1, TF_DUPOK = 2, TF_NOSPLIT = 4, TF_RODATA = 8, TF_NOPTR = 16,
	TF_WRAPPER = 32, TF_NEEDCTXT = 64, TF_TLSBSS = 256, TF_NOFRAME = 512,
	TF_REFLECTMETHOD = 1024, TF_TOPFRAME = 2048, TF_ABIWRAPPER = 4096
};

typedef struct ARel {
	uint32_t off;
	uint8_t size;
	uint8_t type;      /* gc's objabi reloc type (R_ADDR 1, R_CALL 7, R_CALLIND 10, R_PCREL 14, R_TLS_LE 15) */
	const char *sym;   /* gc's name ("".f for the package's own, f<> for a static) */
	uint8_t elfkind;   /* RELOC_* of src/amd64 (absolute: 32 or 32S) */
	int64_t add;       /* gc's addend convention */
} ARel;

typedef struct ASym {
	const char *name;  /* gc's spelling: "".f, runtime.f, f<> (isstatic) */
	bool isstatic;     /* f<>: local to the file */
	bool istext, isdata, globl;
	bool listed;       /* in the Asm's symbol list */
	bool contentaddr;  /* gc's $f64.HEX constants: DUPOK in the object, not in the listing */
	int flags;         /* TF_* */
	int64_t frame;     /* TEXT $frame */
	int64_t args;      /* TEXT -args (ArgsSizeUnknown: INT32_MIN) */
	bool argsknown;
	bool abiinternal;  /* TEXT name<ABIInternal> (gc's register ABI) */
	int64_t size;      /* GLOBL size, or code size */
	Prog *progs;       /* TEXT: its instructions */
	int nprogs, capprogs;
	Buf bytes;         /* code or data */
	ARel *rels;
	int nrels, caprels;
	const char *file;
	int line;
	struct ASym *next; /* in definition order */
	struct ASym *hnext;
} ASym;

typedef struct Asm {
	Arena arena;
	const char *pkgpath;      /* -p */
	const char **incdirs;     /* -I */
	int nincdirs;
	bool compiling_runtime;
	bool align16;             /* goc build: SP 16-byte aligned at calls (obj.c) */
	/* preprocessor */
	Input *in;
	Macro *macros[256];       /* #define table: hash of the name → chain */
	uint16_t opsorted[A_COUNT]; /* opcodes sorted by name (parse.c's lookup) */
	int depth;                /* macro expansion depth */
	long nexpand;             /* macro expansions so far (a budget: tail recursion pops as it goes) */
	Tok peeked;
	bool havepeek;
	AsmCond conds[64];        /* #ifdef stack */
	int nconds;
	/* symbols */
	ASym *syms, *lastsym;
	ASym *htab[1024];
	ASym *cursym;             /* TEXT being assembled */
	Buf *symabis;             /* -gensymabis: def/ref lines go here, nothing is assembled */
	/* errors */
	int nerrors;
	bool toomany;
} Asm;

/* lex.c */
void asm_init(Asm *a, const char *pkgpath);
void asm_free(Asm *a);
bool asm_open(Asm *a, const char *path, const char *display); /* false: cannot read (error reported) */
void asm_define(Asm *a, const char *def);     /* -D name[=value] */
Tok asm_next(Asm *a);                         /* next token after preprocessing */
void asm_errorf(Asm *a, const char *file, int line, const char *fmt, ...) PRINTF(4, 5);
const char *asm_strdup(Asm *a, const char *s, size_t n);

/* parse.c */
void asm_parse(Asm *a);
ASym *asm_lookup(Asm *a, const char *name, bool isstatic, bool create);

/* obj.c */
void asm_assemble(Asm *a);                    /* every TEXT: prologue, layout, encoding */
/* Will TEXT s save the caller's BP (gc's frame rule: not NOFRAME, and a
 * frame or, without NOSPLIT, a CALL)?  Before asm_assemble. */
bool asm_savesbp(const ASym *s);

/* list.c */
void asm_list(Asm *a, Buf *out);

/* elfobj.c: the ELF relocatable object, into out (a fresh Buf) or a
 * file (false on a write error) */
void asm_elf(Asm *a, Buf *out);
bool asm_write_elf(Asm *a, const char *path);

#endif
