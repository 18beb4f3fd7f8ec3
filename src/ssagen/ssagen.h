/*
 * ssagen.h — lowering of checked Go functions to goc's SSA IR (src/ssa),
 * gc's cmd/compile/internal/ssagen (with the parts of walk and order that
 * decide which runtime functions are called).
 *
 * Files (src/ssagen/):
 *   func.c     one function: blocks, SSA variables (Braun et al.'s
 *              on-the-fly construction: a variable's value is looked up
 *              backwards through the predecessors, with phis in blocks
 *              whose predecessors are all known ("sealed") and incomplete
 *              phis completed when a block is sealed), memory as the
 *              variable number 0, locals' storage classes, parameters and
 *              results, the package's functions, closures and init
 *   types.c    Go types to SsaTypes; ABI0 argument layout
 *   expr.c     expressions: constants, operators with Go's semantics
 *              (zero checks, shifts, wrap-around), comparisons, strings,
 *              indexing and slicing with bounds checks, conversions,
 *              composite literals, addresses
 *   stmt.c     statements: assignment, if/for/range/switch, labels,
 *              break/continue/goto, return
 *   order.c    a statement's calls and receives before its other operands
 *              (gc's order of evaluation where the spec leaves it open)
 *   call.c     calls: package functions, methods, closures, runtime calls
 *   builtin.c  len, cap, print/println (gc's walk sequence), append, copy,
 *              make, new, panic, ...
 *   tool.c     `goc tool ssa -func NAME FILE.go...` and `-exec`
 *   interprt.c the runtime functions as the SSA interpreter's call hook
 *              (print*, strings, allocation, panics), for -exec and tests
 *
 * What a lowered function looks like (the contract with the back end):
 *
 *   - Scalars, pointers, strings, slices, interfaces and complex numbers
 *     are SSA values.  Structs and arrays live in memory: an expression of
 *     such a type is lowered to the address of its bytes; they appear as
 *     SSA values (of SK_STRUCT/SK_ARRAY type) only as a whole-value Load
 *     feeding a call argument or a MakeResult, as an Arg, and as a
 *     SelectN of a call result, each immediately stored or passed (gc's
 *     OpDereference role).
 *   - Locals: an SSA variable when its type is SSA-able and its address
 *     is never taken; a stack slot (LocalAddr {x} SP mem, zeroed at its
 *     declaration) when its type is a struct or an array and its address
 *     is never taken; otherwise (address taken with &, by a method call
 *     with a pointer receiver, by slicing an array, or captured by a
 *     closure) on the heap through runtime.newobject: there is no escape
 *     analysis yet, so every address-taken variable is assumed to escape.
 *     Closures capture by reference (the closure record holds pointers
 *     to the heap cells).
 *   - Calls: StaticCall {sym} [argsize] args... mem, ClosureCall [argsize]
 *     code ctx args... mem, InterCall [argsize] code args... mem; a call
 *     with results has the type (results..., mem), read with SelectN.
 *     argsize is the ABI0 size of the arguments and results.  Parameters
 *     are Arg <T> {name} [offset] with ABI0 offsets from the start of
 *     the argument area.  Runtime functions are called by gc's names
 *     (runtime.printint, runtime.concatstring2, ...) with the arguments gc's
 *     walk passes; the back end knows which of them are C functions.
 *   - Run-time errors: bounds checks are IsInBounds/IsSliceInBounds + If
 *     + PanicBounds [kind] + Exit (gc's ssa.BoundsKind numbering); integer
 *     division checks the divisor against 0 (runtime.panicdivide); shifts
 *     by a signed count check for a negative one (runtime.panicshift); nil
 *     pointer dereferences are NilCheck values before the access.
 *
 * Generics are stenciled: an instance of a generic function or of a method
 * of a generic type is lowered like any function, with Gen.tsubst mapping
 * the type parameters to the type arguments; every type read from the
 * checker goes through it (gen_tv, gen_typeof, gen_objtype, newly declared
 * variables, the signature), so nothing after lowering sees a type
 * parameter.  Calls name the instance's symbol (gen_funcref, gen_instsym;
 * methods of instances through gen_funcsym), queued once per symbol in
 * GenPkg.pending and lowered by gen_drain.
 *
 * Anything not lowered yet is reported at compile time as gc reports an
 * internal error, `file:line:col: internal compiler error: ssagen: not
 * implemented: <construct>`, exit status 2; never silently wrong code.
 */
#ifndef GOC_SSAGEN_H
#define GOC_SSAGEN_H

#include "../base/base.h"
#include "../ssa/ssa.h"
#include "../types/types.h"

/* ---- the package being lowered ---- */
typedef struct GenPkg {
	Checker *check;
	TPackage *pkg;
	Arena *arena;        /* package lifetime: types, names */
	Func **funcs;        /* every lowered function, in order */
	int nfuncs, capfuncs;
	PtrMap funcsyms;     /* Object* FUNC → const char* symbol name */
	PtrMap globals;      /* Object* VAR (package level) → SsaAux* */
	PtrMap wrappers;     /* interned wrapper symbol → Func* */
	int ninits;          /* user init functions: main.init.0, ... */
	/* instances of generic functions and methods (stenciled: each
	 * lowered with its type arguments substituted) */
	PtrMap instsyms;     /* interned symbol → GenInst* */
	PtrVec pending;      /* GenInst* not lowered yet */
	/* strict: report unimplemented constructs and exit 2 (the default);
	 * else record the first one and go on (counting runs) */
	bool lenient;
	int nunimpl;
	char *firstunimpl;
	/* the build's view of body-less functions (NULL outside a build):
	 * linknames maps "pkgpath.name" of a //go:linkname'd function to its
	 * symbol; asmsyms holds the symbols the packages' assembly defines
	 * (keys and values interned).  A body-less function that no assembly
	 * defines is the C runtime's or Go code's (gen_funcabi). */
	const PtrMap *linknames;
	const PtrMap *asmsyms;
	/* -ldflags -X: "pkgprefix.name" (interned) → the value; a string
	 * variable named there keeps the linker's value, so its constant
	 * initializer is not run (as gc's static data is overwritten) */
	const PtrMap *xvals;
	/* the checker of another package of the build (its recorded types
	 * and uses), for the bodies of its generic functions instantiated
	 * here; NULL outside a build (one package) */
	Checker *(*checkerof)(void *ctx, TPackage *pkg);
	void *checkerctx;
	/* whether the C runtime defines symbol sym (a body-less function
	 * that neither it nor assembly defines is Go code's, reached by
	 * //go:linkname); NULL outside a build */
	bool (*cdefined)(void *ctx, const char *sym);
	/* escape analysis (escape.c): the variables (Object*) and allocation
	 * sites (Node*) that may live in their function's frame; the
	 * package's directives that concern it */
	PtrMap escstack;
	/* //go:noescape, //go:uintptrescapes, //go:nosplit (nosplit set) */
	const struct EscDirective { Pos pos; bool uintptrescapes, nosplit; } *dirs;
	uint32_t ndirs;
	DiagList *escdiags;  /* -gcflags=-m: the decisions in gc's words, or NULL */
} GenPkg;

/* Lowers every function of the checked package (bodies and closures,
 * then the package initialisation function "PKG.init"), appending to
 * g->funcs.  c must have been run with c->record set. */
void ssagen_package(GenPkg *g, Checker *c);

/* tool.c: does the function symbol sym match a GOSSAFUNC/-func name, as gc
 * matches them (the whole symbol, main.f, or the name in its package, f,
 * (*T).M)? */
bool gen_funcname_matches(const char *sym, const char *want);
/* Makes sure the function named typestr_methodsym(recv, m) exists:
 * the method itself (lowered by ssagen_package) or a wrapper, lowered
 * once and appended to g->funcs (for type descriptors' method tables:
 * typedesc_set_method_hook). */
const char *ssagen_method(GenPkg *g, Type *recv, Object *m); /* the symbol to name */

/* ---- internal ---- */

typedef struct LVar LVar;

/* an instance of a generic function or of a method of a generic type */
typedef struct GenInst {
	Object *fn;          /* the generic function or method (declared in the package) */
	TypeList targs;      /* for fn's type parameters (a method: its receiver's) */
	const char *sym;
} GenInst;
typedef struct Target Target;

/* storage classes of a local variable */
enum { VK_SSA, VK_STACK, VK_HEAP };

struct LVar {
	Object *obj;
	int id;         /* SSA variable: the value (VK_SSA) or the pointer to its cell (VK_HEAP) */
	uint8_t kind;   /* VK_* */
	Type *type;
	SsaType *t;
	SsaAux *aux;    /* VK_STACK: the slot */
};

/* break/continue/fallthrough targets of the enclosing statements */
struct Target {
	Target *outer;
	Object *label;       /* the statement's label, or NULL */
	const char *labelname;
	Block *brk, *cont;   /* NULL if not a target of that kind */
};

typedef struct Gen {
	GenPkg *pkg;
	Checker *check;
	Func *f;
	Block *b;            /* the current block (NULL: none yet) */
	Node *decl;          /* FuncDecl or FuncLit */
	Type *sig;
	const char *name;    /* the symbol */
	int nclosures;       /* for names: f.func1, f.func2 ... */
	int nwrappers;       /* go/defer wrappers: f.gowrap1, f.deferwrap2 (their own count,
	                      * so that literals are numbered as gc numbers them) */
	struct Gen *outer;   /* the enclosing function of a closure */
	/* variables */
	PtrMap vars;         /* Object* → LVar* */
	PtrMap addrtaken;    /* Object* → non-NULL: address taken or captured */
	PtrMap slotnames;    /* interned slot names in use */
	int nvars;
	SsaType **vartypes;  /* by variable id */
	int capvartypes;
	/* current definitions: (var id, block id) → Value* */
	struct DefEnt { uint64_t key; Value *v; } *defs;
	uint32_t capdefs, ndefs;
	uint8_t *sealed;     /* by block id */
	uint32_t capsealed;
	struct Incomplete { Block *b; int var; Value *phi; } *incomplete;
	int nincomplete, capincomplete;
	Block **toseal;      /* label blocks, sealed at the end */
	int ntoseal, captoseal;
	/* results */
	LVar **results;
	int nresults;
	bool namedresults;
	bool hasdefer;       /* results live in memory; exits run deferreturn */
	/* control flow */
	Target *targets;
	PtrMap labels;       /* label name (interned) → Block* */
	Block *fallthrough;  /* the next case body of a switch */
	/* closures: captured variables (FuncLit lowering) */
	Object **captured;
	int ncaptured;
	Value *initmem;
	Value *sp, *sb;
	Arena *scratch;
	Pos pos;             /* of the statement being lowered, for errors */
	/* the type arguments of the instance being lowered (NULL: not
	 * generic): every type from the checker goes through gen_subst */
	const Subst *tsubst;
	/* order.c: results of the calls and receives of the statement being
	 * lowered, made ahead of its other operands (Node* → Value*) */
	PtrMap hoisted;
	bool argorder;       /* go/defer: the call's arguments one by one (order.c) */
	bool initelems;      /* a package variable's literal: element by element (gen_initval) */
	/* the conversion or concatenation being lowered (its node): its
	 * temporary buffer may be in the frame (gen_tmpbuf) */
	const void *bufsite;
} Gen;

/* escape.c: escape analysis of the package's functions (before they are
 * lowered); gen_onstack: may the variable or allocation site key live in
 * the frame?  gen_alloc: a new zeroed object of type t for site, in the
 * frame when the analysis allows and it is small (gc's 64 KB) */
void escape_package(GenPkg *g, Checker *c);
/* the package's tags as bytes for its importers in other processes (the
 * build cache's facts), and the tags of an imported package from them */
void escape_export(Checker *c, Buf *out);
/* does fn have //go:uintptrescapes (this package's or an import's)? */
bool escape_uintptrescapes(Object *fn);
void escape_import(Checker *c, const uint8_t *p, size_t n);
bool gen_onstack(Gen *s, const void *key);
bool gen_islocal(Object *o); /* a variable of a function (not a field, not a package's) */
Value *gen_alloc(Gen *s, const void *site, Type *t);
/* the runtime's *tmpBuf argument for the conversion or concatenation of
 * s->bufsite (then cleared): a frame array of n elements of type et when
 * the result does not escape, else nil */
Value *gen_tmpbuf(Gen *s, Type *et, int64_t n);

/* order.c: gc's order of evaluation inside a statement */
void gen_hoist(Gen *s, Node *e);          /* e's calls and receives, e's own included */
void gen_hoist_operands(Gen *s, Node *e); /* those of e's operands only */
void gen_hoist_to(Gen *s, Node *e, Type *to);
Value *gen_initval(Gen *s, Node *e, Type *to); /* a package variable's initializer, as gc's static init and order */
bool gen_initelem(Gen *s, Node *e, Type *to, Value *p); /* stores an element of such a literal; false: not done */ /* gen_hoist, and e copied if gc copies it converted to to */
Value *gen_hoisted(Gen *s, Node *e);      /* the value made for e, or NULL */
void gen_hoist_mapkey(Gen *s, Node *k, Type *mt); /* k's, and k copied if map type mt takes it by address */

/* func.c */
NORETURN void gen_unimpl(Gen *s, Pos pos, const char *what);
uint32_t gen_line(Pos pos);
Block *gen_newblock(Gen *s, BlockKind k);
void gen_seal(Gen *s, Block *b);
void gen_startblock(Gen *s, Block *b, bool seal);
void gen_endplain(Gen *s, Block *to);      /* current block -> to */
Block *gen_endif(Gen *s, Value *cond, Block *yes, Block *no);
void gen_endexit(Gen *s);                  /* current block does not return */
bool gen_dead(Gen *s);                     /* no current block */
void gen_ensureblock(Gen *s);              /* a fresh unreachable block if none */
int gen_newvar(Gen *s, SsaType *t);
void gen_writevar(Gen *s, int var, Value *v);
Value *gen_readvar(Gen *s, int var);
Value *gen_mem(Gen *s);
void gen_setmem(Gen *s, Value *m);
Value *gen_value0(Gen *s, Op op, SsaType *t);
Value *gen_value1(Gen *s, Op op, SsaType *t, Value *a);
Value *gen_value2(Gen *s, Op op, SsaType *t, Value *a, Value *b);
Value *gen_value3(Gen *s, Op op, SsaType *t, Value *a, Value *b, Value *c);
Value *gen_const(Gen *s, Op op, SsaType *t, int64_t aux);
Value *gen_constint(Gen *s, SsaType *t, int64_t x);
Value *gen_constbool(Gen *s, bool b);
Value *gen_conststring(Gen *s, const char *p, size_t n);
Value *gen_constnil(Gen *s, SsaType *t);
Value *gen_zero(Gen *s, SsaType *t);       /* the zero value of an SSA-able type */
LVar *gen_lookupvar(Gen *s, Object *obj);  /* NULL: a global or not declared here */
LVar *gen_declare(Gen *s, Object *obj, Pos pos); /* declares and zeroes obj */
Value *gen_varaddr(Gen *s, LVar *v);       /* stack and heap variables */
Value *gen_globaladdr(Gen *s, Object *obj);
Value *gen_tempaddr(Gen *s, Type *t);      /* a fresh zeroed stack temporary */
Value *gen_paramarg(Gen *s, Object *o, Type *t, int64_t off); /* Arg <t> {o's name or ~p} [off] */
const char *gen_funcsym(GenPkg *g, Object *fn); /* methods of instances: enqueued */
/* how a static call enters fn (AUX_ABI_*, src/ssa/ssa.h) */
uint8_t gen_funcabi(GenPkg *g, Object *fn);
/* the instance fn[targs] of a generic function: its symbol (main.F[int]),
 * enqueued for lowering the first time */
const char *gen_instsym(GenPkg *g, Object *fn, TypeList targs);
/* the symbol of function fn named by id (an Ident or a qualified
 * SelectorExpr): an instance when fn is generic */
const char *gen_funcref(Gen *s, Node *id, Object *fn);
Type *gen_subst(Gen *s, Type *t);          /* the type in the instance being lowered */
Type *gen_objtype(Gen *s, Object *o);      /* o's type, substituted */
bool gen_has_tparam(Type *t);              /* t mentions a type parameter */
void gen_drain(GenPkg *g);                 /* lowers the enqueued instances */
Func *gen_closure(Gen *s, Node *lit, const char *name, Object ***captured, int *ncaptured);

/* types.c */
SsaType *gen_type(Type *t);
bool gen_ssaable(Type *t);                 /* an SSA value (else memory) */
int64_t gen_sizeof(Type *t);
int64_t gen_alignof(Type *t);
int64_t gen_fieldoff(Type *strct, int i);
/* ABI0 layout of a signature (receiver first for methods): offsets of
 * the params and results, and the total size */
typedef struct Abi {
	int n;               /* params (incl. receiver) + results */
	int nparams;
	int64_t *off;
	Type **types;
	int64_t size;
} Abi;
Abi gen_abi(Arena *a, Type *sig, Type *recv);
Type *gen_recvtype(Type *sig);             /* receiver type or NULL */

/* expr.c */
Value *gen_expr(Gen *s, Node *e);          /* value, or address for memory types */
Value *gen_exprto(Gen *s, Node *e, Type *to); /* converted for assignment to to */
Value *gen_addr(Gen *s, Node *e);          /* address of an addressable expression */
Value *gen_cond(Gen *s, Node *e);          /* a bool value */
void gen_condjump(Gen *s, Node *e, Block *yes, Block *no);
Type *gen_typeof(Gen *s, Node *e);
TypeAndValue *gen_tv(Gen *s, Node *e);
Value *gen_convert(Gen *s, Value *v, Type *from, Type *to, Pos pos);
Value *gen_load(Gen *s, Type *t, Value *addr);     /* value of memory at addr (address for memory types) */
void gen_store(Gen *s, Type *t, Value *addr, Value *v); /* v: value, or address for memory types */
Value *gen_copytemp(Gen *s, Type *t, Value *v);    /* memory types: a copy in a temporary */
Value *gen_compare(Gen *s, int op, Type *t, Value *x, Value *y, Pos pos);
Value *gen_nilcheck(Gen *s, Value *p);
void gen_boundscheck(Gen *s, Pos at, Value *idx, Value *len, int kind, bool unsignedidx, bool slice);
Value *gen_ptradd(Gen *s, Value *p, Value *idx, int64_t elemsize, SsaType *t);
Value *gen_to64(Gen *s, Value *v, Type *t); /* integer to int64/uint64 by its signedness */
Value *gen_strcat(Gen *s, Value **parts, int n);
Node *gen_unparen(Node *e);
Value *gen_binop(Gen *s, int op, Type *t, Value *x, Value *y, Node *ye, Pos pos);
Value *numconvx(Gen *s, Value *v, SsaType *from, SsaType *to);
Value *gen_fieldpath(Gen *s, Value *base, Type **t, const int *idx, int n);
bool gen_isstatic(Gen *s, Node *e, Type *to); /* order.c: gc's isStaticCompositeLiteral */

/* An assignment's target in the spec's two phases: gen_lvaddr evaluates
 * the operands of its index expressions and pointer indirections (phase
 * one) and records the checks of the target itself (the nil check of the
 * pointer it indirects, the bounds checks of its indices) for
 * gen_lvchecks to emit just before the store (phase two), so that in
 * `x[0], x[i] = 1, 2` x[0] is stored before x[i] panics.  An operand
 * that must be loaded through the address so far (x.E.f with E an
 * embedded pointer) emits the checks recorded before it at once. */
typedef struct LvCheck {
	Value *ptr;        /* a nil check of ptr, or else */
	Value *idx, *len;  /* a bounds check */
	int kind;
	bool uns;
	Pos pos;
} LvCheck;
/* The most results a call may have (arrays of results are this big, plus
 * one for the memory); more is "not implemented" */
#define GEN_MAXRES 64

typedef struct LvChecks {
	int n;
	LvCheck v[16];
} LvChecks;
Value *gen_lvaddr(Gen *s, Node *e, LvChecks *c);
void gen_lvchecks(Gen *s, LvChecks *c);
Value *gen_newobj(Gen *s, Type *t);        /* runtime.newobject */
Value *gen_typeaddr(Gen *s, Type *t);      /* Addr {type.T} SB */
Value *gen_funcvalue(Gen *s, Object *fn, const char *sym, Type *ft); /* a declared function as a value (sym, ft: NULL, or an instance's) */
Value *gen_funclit(Gen *s, Node *lit);     /* a closure */
Value *gen_methodvalue(Gen *s, Node *sel); /* x.M as a value */

/* the aux object of Addr {go.itab.T,I} */
typedef struct GenItab {
	Type *type, *iface;
} GenItab;

/* iface.c: interfaces */
bool gen_isdirect(Type *t);                 /* gc's isdirectiface */
Value *gen_hastype(Gen *s, Value *v, Type *xt, Type *t); /* the dynamic type of v is t */
Value *gen_assert(Gen *s, Value *v, Type *xt, Type *t, Value **ok, Pos pos);
Value *gen_embedded_iface(Gen *s, Value *x, Type *xt, const int *idx, int n, Type **it);
Value *gen_recvfrom(Gen *s, Value *x, Type *xt, const int *idx, int n, Type *rt);
/* the symbol of itab entry for interface method im of concrete type t
 * (generating a wrapper when needed: *wrapper gets it, else NULL); NULL
 * if t has no such method */
const char *gen_itabsym(GenPkg *g, Type *t, Object *im, Func **wrapper);
Func *gen_wrapper(GenPkg *g, Type *R, Object *m, Lookup *l, const char *name);
int gen_call_indirect(Gen *s, Node *call, Type *iface, Value *tab, int k, Value *recv, Type *sig, Value **res,
		      Type **restypes, int max);
void gen_start(Gen *s, GenPkg *g, const char *name, Type *sig);
const char *gen_methodsym(GenPkg *g, Type *R, TPackage *pkg, const char *mname, Func **wrapper);
int gen_call_values(Gen *s, Object *m, Value *recv, Type *rt, Object *im, Value **params, Type **ptypes, int np,
		    Type *sig, Value **res, Type **rtypes);
void gen_return_values(Gen *s, Value **res, Type **rtypes, int nres);
const char *gen_ifacemethodexpr(Gen *s, Type *I, Object *m);
Func *gen_finish(Gen *s);
Value *gen_convert_iface(Gen *s, Value *v, Type *from, Type *to, Pos pos);
Value *gen_ifaceeq(Gen *s, Type *t, Value *x, Value *y, Pos pos);
Value *gen_typeassert(Gen *s, Node *e, Value **ok); /* ok non-NULL: comma-ok form */
int gen_intercall(Gen *s, Node *call, Node *x, Object *m, Type *sig, Value **res, Type **restypes, int max);

/* map.c, chan.c */
Value *gen_makemap(Gen *s, Type *mt, Node *hint, const void *site); /* site: for escape analysis */
Value *gen_mapaccess(Gen *s, Type *mt, Value *m, Value *k, Value **ok);
Value *gen_mapassign(Gen *s, Type *mt, Value *m, Value *k); /* the element's address */
void gen_mapdelete(Gen *s, Type *mt, Value *m, Value *k);
Value *gen_maplen(Gen *s, Value *m);
bool gen_mapslow(Type *mt); /* the runtime takes m's keys by address (no fast variant) */
Value *gen_makechan(Gen *s, Type *ct, Node *size);
Value *gen_recv(Gen *s, Type *ct, Value *c, Value **ok);
void gen_send(Gen *s, Node *n);
Value *gen_chanlen(Gen *s, Value *c, bool cap);
void gen_select(Gen *s, Node *n, Target *t);
Value *gen_mapindex(Gen *s, Node *e, Value **ok);
Value *gen_maplit(Gen *s, Node *e, Type *t);
Value *gen_chanrecv(Gen *s, Node *e, Value **ok);

/* stmt.c */
void gen_block(Gen *s, List stmts);
void gen_stmt(Gen *s, Node *n);
void gen_assign(Gen *s, Node *lhs, Value *v, Type *vt); /* lhs = v (vt: v's Go type) */
/* the values of a multi-valued right-hand side (call or comma-ok form) */
int gen_multivalue(Gen *s, Node *rhs, int nlhs, Value **vals, Type **types);

/* call.c */
/* a call: results (at most 16) */
int gen_call(Gen *s, Node *call, Value **res, Type **restypes, int max);
Value *gen_rtcall(Gen *s, const char *name, Value **args, int nargs, SsaType **rest, int nres, Value **res);
Value *gen_rtcall1(Gen *s, const char *name, SsaType *rt, int nargs, ...); /* one result (or none: rt NULL) */
const char *gen_memmovefn(Type *t); /* runtime.memmove, or runtime.wbmemmove for pointers */

void gen_defer(Gen *s, Node *n);
void gen_go(Gen *s, Node *n);
void gen_exit(Gen *s);                     /* return the result variables (after deferreturn) */

/* builtin.c */
Value *gen_builtin_record(Gen *s, Node *call, int id, const char *wrapname);
int gen_builtin(Gen *s, Node *call, int id, Value **res, int max);

#endif
