/*
 * link.h — goc's linker: static non-PIE ELF executables for linux/amd64.
 *
 * The input model is a set of symbols.  A symbol has a name (Go names
 * carry dots, slashes and quotes: main.main, runtime.mallocgc, type:int,
 * go.string."hello"), a kind (which output section holds it: text, rodata,
 * noptrdata, data, bss, noptrbss, as gc separates them for the garbage
 * collector, plus thread-local data), an alignment, a size, its bytes and
 * its relocations.  A relocation patches `size` bytes at `off` inside its
 * symbol with the address of a target symbol (plus an addend), absolute,
 * PC-relative, through the GOT, or as a thread-pointer offset.
 *
 * Symbols come from two places:
 *   - goc's code generator, in memory (link_add_symbol, link_add_reloc);
 *   - ELF relocatable objects that gcc or clang -c produced for the C
 *     runtime (and later cgo): link_load_object.  Each allocatable input
 *     section becomes one anonymous *atom*; the ELF symbols defined in it
 *     become *aliases* of the atom (outer + offset), as gc's loader makes
 *     host-object symbols sub-symbols of their section.
 *
 * Names: global symbols live in one hash table (one symbol per name);
 * local symbols (C statics, section atoms) are never looked up by name, so
 * two objects may have locals of the same name.  Resolution: a strong
 * definition beats weak and common ones; two strong ones are an error
 * ("duplicated definition of symbol X") unless both are marked DUPOK (Go's
 * generic instantiations and type descriptors, defined once per package
 * that needs them: the first wins); commons merge to the largest; an
 * undefined weak reference resolves to 0.  A relocation whose target is
 * still undefined at the end is reported as gc does: "main.f: relocation
 * target runtime.g not defined".
 *
 * Output layout (base 0x400000, like gc), three PT_LOAD segments:
 *   R-X  ELF header, program headers, .text
 *   R--  .rodata, .got (static: the GOT is filled at link time)
 *   RW-  .tdata, .tbss (PT_TLS; .tbss takes no address space),
 *        .init_array, .noptrdata, .data, .bss, .noptrbss
 * and PT_GNU_STACK; section headers, .symtab, .strtab and .shstrtab so
 * that nm, objdump -d and readelf -a work.  Segments are packed in the
 * file (vaddr ≡ offset mod page size, as ld does).  Output is
 * deterministic: symbols are laid out in the order they were defined.
 *
 * Linker-defined symbols, created only when referenced and undefined:
 * gc's section bounds (runtime.text, runtime.etext, runtime.rodata,
 * runtime.erodata, runtime.noptrdata, runtime.enoptrdata, runtime.data,
 * runtime.edata, runtime.bss, runtime.ebss, runtime.noptrbss,
 * runtime.enoptrbss, runtime.end) and ld's (__executable_start, etext,
 * _etext, __etext, edata, _edata, __bss_start, end, _end,
 * __init_array_start, __init_array_end, _GLOBAL_OFFSET_TABLE_).
 *
 * Sections of C objects map as gc's loader maps them: executable → text,
 * writable → noptrdata (noptrbss if NOBITS), TLS → tdata/tbss, other
 * allocatable → rodata; .init_array → init_array; .eh_frame, notes,
 * .comment and debug sections are dropped.
 *
 * Dead code (deadcode.c, when link_set_deadcode asks, as goc build does):
 * before anything else, the atoms that the entry point and .init_array
 * cannot reach through relocations are dropped (LF_DEAD: not laid out,
 * not listed, not in the function table or DWARF).  Go's method tables,
 * itabs, ptrToThis and typelinks use the weak and method relocation kinds
 * below, so that only methods the program can call are kept, as gc's
 * linker keeps them.
 *
 * Function table: when runtime.functab is referenced, functab.c builds it
 * (rodata) before layout: every function of the text, Go and C, sorted by
 * address, with its name, size, and for Go functions the frame size, the
 * argument description and the pc→file:line rows; the runtime's
 * tracebacks read it (docs/abi.md, "The function table").
 *
 * Line tables: a text symbol can carry an array of {pc offset, file, line}
 * rows (link_set_lines); files are interned per link (link_file).  dwarf.c
 * turns them into DWARF 4 .debug_line plus a Go compile unit in
 * .debug_info, enough for gdb's breakpoints and file:line in bt.  The C
 * objects' own debug sections are dropped for now.
 */
#ifndef GOC_LINK_H
#define GOC_LINK_H

#include "../base/base.h"

typedef enum LinkKind {
	LK_UNDEF,     /* referenced, not (yet) defined */
	LK_TEXT,      /* code: .text */
	LK_RODATA,    /* read-only data: .rodata */
	LK_NOPTRDATA, /* writable data without Go pointers: .noptrdata */
	LK_DATA,      /* writable data the GC scans: .data */
	LK_BSS,       /* zeroed data the GC scans: .bss */
	LK_NOPTRBSS,  /* zeroed data without Go pointers: .noptrbss */
	LK_TDATA,     /* thread-local, initialised: .tdata */
	LK_TBSS,      /* thread-local, zeroed: .tbss */
	LK_INITARRAY, /* pointers to initialisers: .init_array */
	LK_ABS,       /* absolute value (addr), no section */
	LK_NKINDS
} LinkKind;

typedef enum LinkRelocType {
	LR_ADDR,     /* S + A; size 8, 4 (must fit unsigned), 2 or 1 */
	LR_ADDRS,    /* S + A; size 4, must fit signed (R_X86_64_32S) */
	LR_PCREL,    /* S + A - P; size 4 (or 8, 2, 1): calls, RIP-relative */
	LR_GOTPCREL, /* G + A - P: the GOT slot of S holds S's address */
	LR_GOTPCRELX,/* as GOTPCREL, but the instruction may be relaxed to a
	              * direct one (mov → lea, call/jmp *mem → call/jmp) */
	LR_TPOFF,    /* S - end of TLS block (variant II, %fs-relative); size 4 or 8 */
	LR_GOTTPOFF, /* G + A - P: the GOT slot holds S's TPOFF */
	LR_SIZE,     /* size of S + A; size 4 or 8 */
	LR_SECTOFF,  /* S + A - start of S's output section; size 4 (gc's
	              * R_ADDROFF: nameOff, typeOff, textOff) */
	/* Go's references that dead-code elimination (deadcode.c) treats
	 * apart; without it they are LR_SECTOFF and LR_ADDR */
	LR_METHODOFF,/* a method table's mtyp, ifn or tfn (three in a row):
	              * as LR_SECTOFF, followed only when the method is kept,
	              * -1 when S is dropped (gc's R_METHODOFF) */
	LR_WEAKOFF,  /* as LR_SECTOFF, never followed, 0 when S is dropped
	              * (ptrToThis, typelinks) */
	LR_WEAKADDR, /* as LR_ADDR, never followed; when S is dropped, the
	              * address of runtime.unreachableMethod (an itab's
	              * methods, as gc's weak R_ADDR) */
	LR_USEIFACEMETHOD, /* patches nothing (size 0): the symbol calls
	              * method A (an index) of interface type S (gc's
	              * R_USEIFACEMETHOD) */
	LR_KEEP,     /* patches nothing (size 0): S is kept while the symbol
	              * is (gc's R_KEEP) */
	/* internal: GOTPCRELX relaxed by the linker (PC-relative to S) */
	LR_RELAX_LEA,  /* mov foo@GOTPCREL(%rip), %r → lea foo(%rip), %r */
	LR_RELAX_CALL, /* call *foo@GOTPCREL(%rip) → addr32 call foo */
	LR_RELAX_JMP,  /* jmp *foo@GOTPCREL(%rip) → jmp foo; nop */
} LinkRelocType;

typedef struct LinkSym LinkSym;

typedef struct LinkReloc {
	uint64_t off;    /* offset of the patched bytes in the symbol */
	LinkSym *target;
	int64_t addend;
	uint8_t type;    /* LinkRelocType */
	uint8_t size;    /* bytes patched: 1, 2, 4 or 8 */
} LinkReloc;

/* What the runtime's function table (functab.c) says about a Go function
 * besides its name, address and lines. */
typedef struct LinkFunc {
	int32_t frame;     /* bytes from the body's SP up to the return address
	                    * (the SUBQ of the prologue; 0: no frame) */
	uint32_t argsize;  /* bytes of ABI0 arguments */
	const uint8_t *arginfo; /* gc's ArgInfo program (printing argument words) */
	uint32_t narginfo;
	uint32_t flags;    /* LFN_* */
	const uint8_t *stackmap; /* the back end's stack maps (docs/abi.md) */
	uint32_t nstackmap;
} LinkFunc;
/* LinkFunc.flags: a compiler-made wrapper, hidden in tracebacks as gc's;
 * a method wrapper (method values, promoted and pointer methods, interface
 * method expressions), also transparent to recover as gc's WRAPPER */
enum { LFN_WRAPPER = 1, LFN_METHODWRAPPER = 2,
       /* calls reflect's Type.Method or MethodByName (gc's REFLECTMETHOD):
        * when reachable, every exported method of a kept type is kept */
       LFN_REFLECTMETHOD = 4 };

typedef struct LinkLine {
	uint32_t pcoff; /* offset in the symbol where this row starts */
	uint32_t file;  /* index from link_file */
	uint32_t line;
} LinkLine;

/* Flags of a symbol (LinkSym.flags). */
enum {
	LF_LOCAL = 1 << 0,   /* not in the hash table; listed as local */
	LF_WEAK = 1 << 1,    /* weak definition or weak reference */
	LF_DUPOK = 1 << 2,   /* duplicates allowed: the first definition wins */
	LF_NOSYM = 1 << 3,   /* not listed in .symtab (section atoms) */
	LF_COMMON = 1 << 4,  /* a C common symbol, still unallocated */
	LF_ATOM = 1 << 5,    /* has its own bytes/space (else alias or undef) */
	LF_LISTED = 1 << 6,  /* already in its kind's atom list */
	LF_LINKER = 1 << 7,  /* defined by the linker after layout */
	LF_WEAKREF = 1 << 8, /* referenced weakly (undefined → 0 if only so) */
	LF_STRONGREF = 1 << 9, /* referenced strongly by an object */
	LF_PLACED = 1 << 10, /* laid out (layout's own mark) */
	LF_REACH = 1 << 11,  /* reachable (deadcode.c's mark) */
	LF_DEAD = 1 << 12,   /* dropped by deadcode.c: not laid out, not listed */
};

struct LinkSym {
	const char *name; /* NUL-terminated, owned by the link */
	uint32_t namelen;
	uint32_t flags;
	uint8_t kind;     /* LinkKind; for an alias, the kind of its outer */
	uint8_t elftype;  /* STT_* for .symtab (0: from kind) */
	uint16_t linkdef; /* which linker-defined symbol (LF_LINKER) */
	uint32_t align;
	uint64_t size;
	uint8_t *data;    /* size bytes; NULL for zeroed kinds */
	LinkReloc *relocs;
	uint32_t nrelocs, caprelocs;
	LinkSym *outer;   /* alias: address = outer's address + off */
	uint64_t off;
	uint64_t addr;    /* assigned by layout (or the value of LK_ABS) */
	int32_t got;      /* GOT slot, -1 if none */
	int32_t gottp;    /* GOT slot holding the TPOFF, -1 if none */
	LinkLine *lines;
	uint32_t nlines;
	LinkFunc *func;   /* a Go function's metadata (link_set_func), or NULL */
	uint32_t hash;
	const char *file; /* object it came from (for messages), or NULL */
};

typedef struct Link Link;

Link *link_new(void);
void link_free(Link *l);

/* The global symbol named name[0:n], created undefined if absent. */
LinkSym *link_lookup(Link *l, const char *name, size_t n);
/* The global symbol if it exists, else NULL. */
LinkSym *link_find(Link *l, const char *name, size_t n);
/* A new local symbol (not in the hash table; may repeat a name). */
LinkSym *link_new_local(Link *l, const char *name, size_t n);

/* Defines s with its own bytes (copied; data NULL gives zeroes; zeroed
 * kinds keep no bytes).  flags: LF_WEAK, LF_DUPOK, LF_NOSYM.  Returns true
 * when this definition is the one used (the caller then adds its
 * relocations), false when it loses (a weak or DUPOK duplicate) or is an
 * error (a second strong definition, reported). */
bool link_define(Link *l, LinkSym *s, LinkKind kind, uint32_t align,
		 const void *data, uint64_t size, uint32_t flags);
/* Lookup (or a new local, with LF_LOCAL) and define.  Returns the symbol,
 * or NULL when this definition is not used (a later weak or DUPOK copy, or
 * an error already reported): relocations for it are then to be dropped. */
LinkSym *link_add_symbol(Link *l, const char *name, LinkKind kind, uint32_t align,
			 const void *data, uint64_t size, uint32_t flags);
/* Names where the following in-memory definitions come from (a package
 * path, as gc names it in "duplicated definition of symbol X, from A and
 * B"); NULL for none.  The string must outlive the link. */
void link_set_unit(Link *l, const char *unit);
/* A relocation in s (which must be an atom). */
void link_add_reloc(Link *l, LinkSym *s, uint64_t off, LinkRelocType type, int size,
		    LinkSym *target, int64_t addend);
/* An absolute symbol. */
void link_define_abs(Link *l, LinkSym *s, uint64_t value, uint32_t flags);
/* s is defined as outer's address + off (a symbol of no size) */
void link_define_alias(Link *l, LinkSym *s, LinkSym *outer, uint64_t off);
/* Line tables (emitted as DWARF .debug_line). */
uint32_t link_file(Link *l, const char *path);
void link_set_lines(Link *l, LinkSym *s, const LinkLine *rows, uint32_t n);
/* A Go function's frame, arguments and flags, for the function table
 * (copied).  The table, runtime.functab, is built by the linker when the
 * runtime refers to it: see functab.c. */
void link_set_func(Link *l, LinkSym *s, const LinkFunc *f);

/* A marker relocation (LR_USEIFACEMETHOD, LR_KEEP): no bytes patched. */
void link_add_marker(Link *l, LinkSym *s, LinkRelocType type, LinkSym *target, int64_t addend);
/* Asks link_write/link_emit to drop the symbols the entry point and the
 * initialisers cannot reach (deadcode.c); off by default (C-only links
 * keep everything, as ld without --gc-sections). */
void link_set_deadcode(Link *l, bool on);
/* gc's -ldflags -s (no symbol table, no DWARF) and -w (no DWARF): the
 * executable's .symtab holds only the null symbol, or the DWARF sections
 * are left out.  The runtime's function table stays (tracebacks). */
void link_set_strip(Link *l, bool symtab, bool dwarf);

/* Reads an ELF64 x86-64 relocatable object (gcc/clang -c).  Returns 0, or
 * -1 after printing an error.  The file's bytes stay owned by the link. */
int link_load_object(Link *l, const char *path);
int link_load_object_mem(Link *l, const char *name, uint8_t *data, size_t len);
/* Loads every ELF member of an ar archive (archive.c).  Returns 0 or -1. */
int link_load_archive(Link *l, const char *path);

/* Lays out and writes the executable to path (mode 0777 & ~umask; an old
 * file is removed first).  Returns 0, or the number of errors (already
 * printed to stderr in gc's wording). */
int link_write(Link *l, const char *path, const char *entry);
/* The same, into memory: *out is malloc'd, *len its length. */
int link_emit(Link *l, const char *entry, uint8_t **out, size_t *len);

/* Errors: printed at once to stderr; after 20, "too many errors" and exit 2. */
void link_errorf(Link *l, const char *fmt, ...) PRINTF(2, 3);
int link_nerrors(Link *l);

/* ---- internal: shared by the linker's files ---- */

typedef struct LinkSymVec {
	LinkSym **v;
	uint32_t n, cap;
} LinkSymVec;
void linkvec_push(LinkSymVec *v, LinkSym *s);

struct Link {
	Arena arena;
	struct LinkSlot {
		uint32_t hash;
		LinkSym *sym;
	} *htab; /* open addressing, linear probing, at most half full */
	uint32_t hcap, hcount;
	LinkSymVec all;   /* every symbol, in creation order (for .symtab) */
	LinkSymVec atoms[LK_NKINDS]; /* atoms per kind, in definition order */
	LinkSymVec commons;
	LinkSymVec gotsyms; /* GOT slots, in order; gottp slots marked by flag */
	uint8_t *gottls;    /* per GOT slot: 1 if it holds a TPOFF */
	uint32_t ngot, capgot;
	const char **files;
	uint32_t nfiles, capfiles;
	uint32_t *filehash; /* open addressing: index+1 into files, 0 empty */
	uint32_t filehcap;
	uint8_t **blobs;  /* object files read, freed with the link */
	uint32_t nblobs, capblobs;
	int nerrors;
	int nundefined;      /* "relocation target X not defined" errors */
	const char *unit; /* link_set_unit */
	bool deadcode;    /* link_set_deadcode */
	bool nosymtab, nodwarf; /* link_set_strip */
	LinkSym *unreachable; /* runtime.unreachableMethod, once deadcode.c ran */
	/* COMDAT signatures seen */
	char **comdat;
	uint32_t comdatcap, comdatcount;
};

uint32_t link_hash(const char *s, size_t n);
/* Whether a new definition (flags nf, from file) of s replaces the old:
 * 1 yes, 0 no (old kept), -1 duplicate (reported). */
int link_resolve(Link *l, LinkSym *s, uint32_t nf, const char *file);
/* Makes s an atom of kind k with no bytes yet (after link_resolve said 1). */
void link_make_atom(Link *l, LinkSym *s, LinkKind k, uint32_t align, uint64_t size, uint32_t flags);
uint64_t link_symaddr(const LinkSym *s);
const char *link_kindname(LinkKind k);

#endif
