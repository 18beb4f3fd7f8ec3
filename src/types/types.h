/*
 * types.h — goc's type checker: types, objects, scopes, packages, the
 * Checker and its operands.  The model is go/types (Go 1.19) and the
 * wording of errors is gc's (types2 with the compiler's messages).
 *
 * Files (src/types/):
 *   constant.c   exact constants (constant.h)
 *   type.c       constructors, under/core types, identity, predicates,
 *                interface type sets, lookup of fields and methods,
 *                method sets, assignability and convertibility, implements
 *   typestring.c TypeString as go/types prints it (and gc's error form)
 *   sizes.c      Sizeof/Alignof/Offsetsof (go/types' StdSizes for gc)
 *   universe.c   the universe scope and package unsafe
 *   scope.c      scopes (hash maps on interned names) and objects
 *   check.c      the driver: collect objects, imports, package-level
 *                declarations (const/var/type/func/methods), cycles,
 *                redeclarations, error reporting, recording of results
 *   typexpr.c    type expressions, identifiers, qualified identifiers,
 *                generic type declarations, instantiation and substitution
 *   expr.c       expressions: operands, untyped constants, operators,
 *                literals, index/slice, assertions (expr.h: its API)
 *   call.c       calls, selectors, conversions, generic instantiation
 *   builtins.c   the predeclared functions and package unsafe's
 *   infer.c, unify.c  type argument inference
 *   operand.c    operands and expressions as gc's messages print them
 *   stmt.c       statements and function bodies
 *
 * Memory.  Everything a checked package exports (types, objects, scopes,
 * constant values) lives in the package-lifetime Arena given to the
 * Checker (never freed while a later package may import it).  Identifier
 * names are interned (src/base/intern.h): compare names by pointer.
 *
 * Identity.  Basic types are singletons (typ_basic[kind]); composite
 * types are not canonicalised: compare them with identical().  Instances
 * of generic named types are deduplicated per Checker (go/types' Context),
 * so T[int] is one Type within a package.
 *
 * The -types dump (goc tool check -types, tests/oracle/typesdump.go): for
 * each package, a header line "package PATH" and then every package-level
 * object of the package scope sorted by name (byte order), one per line:
 *
 *   const NAME TYPE = VALUE      VALUE: go/constant's ExactString
 *   var NAME TYPE
 *   func NAME SIGNATURE          SIGNATURE as TypeString prints it, "func(...)..."
 *   type NAME[TPARAMS] UNDERLYING  (a defined type; TPARAMS only if generic,
 *                                  written "[P CONSTRAINT, ...]")
 *   type NAME = TYPE             (an alias)
 *   method RECV.NAME SIGNATURE    after each named type, its declared methods
 *                                sorted by name; RECV is the receiver's type
 *                                as written in TypeString ("T" or "*T")
 *
 * Types print as go/types.TypeString(t, types.RelativeTo(pkg)): packages
 * other than the one dumped are qualified by their full import path.
 */
#ifndef GOC_TYPES_H
#define GOC_TYPES_H

#include "../base/base.h"
#include "../base/intern.h"
#include "../syntax/ast.h"
#include "constant.h"

typedef struct Type Type;
typedef struct Object Object;
typedef struct Scope Scope;
typedef struct TPackage TPackage;
typedef struct TypeSet TypeSet;
typedef struct DeclInfo DeclInfo;
typedef struct Checker Checker;

/* ==== small utilities ==== */

/* A hash map from pointers to pointers (open addressing, malloc'd).
 * Keys are never NULL.  Used for Node* → info, Object* → data, etc. */
typedef struct PtrMap {
	const void **keys;
	void **vals;
	uint32_t cap, n;
} PtrMap;
void *ptrmap_get(const PtrMap *m, const void *key);
void ptrmap_put(PtrMap *m, const void *key, void *val);
void ptrmap_free(PtrMap *m);

/* A growable array of pointers (malloc'd). */
typedef struct PtrVec {
	void **v;
	uint32_t n, cap;
} PtrVec;
void ptrvec_push(PtrVec *v, void *p);
void ptrvec_free(PtrVec *v);

/* ==== types ==== */

typedef enum TypeKind {
	TY_BASIC,
	TY_ARRAY,
	TY_SLICE,
	TY_STRUCT,
	TY_POINTER,
	TY_TUPLE,
	TY_SIGNATURE,
	TY_UNION,
	TY_INTERFACE,
	TY_MAP,
	TY_CHAN,
	TY_NAMED,
	TY_TYPEPARAM,
} TypeKind;

/* go/types BasicInfo */
enum {
	BI_BOOLEAN = 1 << 0,
	BI_INTEGER = 1 << 1,
	BI_UNSIGNED = 1 << 2,
	BI_FLOAT = 1 << 3,
	BI_COMPLEX = 1 << 4,
	BI_STRING = 1 << 5,
	BI_UNTYPED = 1 << 6,
	BI_ORDERED = BI_INTEGER | BI_FLOAT | BI_STRING,
	BI_NUMERIC = BI_INTEGER | BI_FLOAT | BI_COMPLEX,
	BI_CONSTTYPE = BI_BOOLEAN | BI_NUMERIC | BI_STRING,
};

/* go/types ChanDir (note: not ast.h's CHAN_* values) */
enum { CHAN_SENDRECV = 0, CHAN_SENDONLY = 1, CHAN_RECVONLY = 2 };

typedef struct TypeList {
	Type **v;
	uint32_t n;
} TypeList;

/* A union term ~T or T.  In a TypeSet, type == NULL means "all types"
 * (go/types' 𝓤). */
typedef struct Term {
	bool tilde;
	Type *type;
} Term;

/* States of a Named type's resolution. */
enum {
	NAMED_UNRESOLVED, /* declared, underlying not yet set */
	NAMED_RESOLVED,   /* underlying (and tparams) known */
	NAMED_EXPANDED,   /* an instance whose underlying was substituted */
};

struct Type {
	uint8_t kind; /* TypeKind */
	union {
		struct {
			uint8_t kind; /* BasicKind */
			uint8_t info; /* BI_* */
			const char *name; /* interned: "int", "byte", "untyped int" */
		} basic;
		struct {
			Type *elem;
			int64_t len; /* < 0: unknown (an invalid length) */
		} array;
		struct {
			Type *elem;
		} slice, pointer;
		struct {
			Object **fields;   /* OBJ_VAR with VAR_FIELD */
			const char **tags; /* NULL if no field has a tag; else nfields entries (NULL = none) */
			uint32_t nfields;
		} struct_;
		struct {
			Object **vars; /* OBJ_VAR */
			uint32_t n;
		} tuple;
		struct {
			Scope *scope;     /* parameters and results (NULL for universe/imported ones) */
			Object *recv;     /* NULL if not a method */
			TypeList tparams; /* TY_TYPEPARAM, of a generic function */
			TypeList rparams; /* receiver type parameters */
			Type *params;     /* TY_TUPLE, never NULL */
			Type *results;    /* TY_TUPLE, never NULL */
			bool variadic;    /* the last param is ...T: its type is []T */
		} sig;
		struct {
			Term *terms;
			uint32_t n;
		} union_;
		struct {
			Object **methods;   /* explicitly declared, OBJ_FUNC, sorted by object id (name, then package path for unexported) */
			uint32_t nmethods;
			Type **embeddeds;   /* embedded types (named interfaces, unions, ~T, any type in constraints) */
			Pos *embedpos;      /* positions of embeddeds (NULL for synthesized ones) */
			uint32_t nembeddeds;
			bool implicit;      /* interface{T} written as a constraint T */
			bool complete;      /* tset computed */
			TypeSet *tset;      /* computed lazily by interface_typeset() */
		} iface;
		struct {
			Type *key, *elem;
		} map;
		struct {
			uint8_t dir; /* CHAN_SENDRECV/SENDONLY/RECVONLY */
			Type *elem;
		} chan;
		struct {
			Object *obj;         /* OBJ_TYPENAME; an instance shares its origin's obj */
			Type *orig;          /* the generic type an instance comes from; self otherwise */
			TypeList targs;      /* type arguments of an instance */
			TypeList tparams;    /* type parameters of a generic type (of orig for instances) */
			Type *underlying;    /* never a TY_NAMED once resolved; NULL while unresolved */
			Type *fromrhs;       /* the declared RHS, for cycle reporting */
			Object **methods;    /* declared methods (OBJ_FUNC); instances: lazily substituted */
			uint32_t nmethods, capmethods;
			uint8_t state;       /* NAMED_* */
			Checker *check;      /* for lazy expansion of instances */
		} named;
		struct {
			Object *obj;   /* OBJ_TYPENAME */
			uint32_t index; /* in its list */
			uint32_t id;    /* unique, for printing "P₁" where names clash */
			Type *bound;    /* the constraint: an interface (possibly implicit) */
		} tparam;
	};
};

/* A computed type set of an interface (go/types _TypeSet). */
struct TypeSet {
	Object **methods;  /* all methods, sorted by object id */
	uint32_t nmethods;
	Term *terms;       /* the type terms; meaningful only if !all */
	uint32_t nterms;   /* 0 and !all: the empty set */
	bool all;          /* no type restriction (𝓤) */
	bool comparable;   /* and restricted to comparable types */
};

/* The predeclared types. */
extern Type *typ_basic[BK_COUNT]; /* typ_basic[BK_INT] ... */
extern Type *typ_byte, *typ_rune; /* the aliases' own Basic types (names "byte", "rune") */
extern Type *typ_error;           /* the Named type error */
extern Type *typ_any;             /* the empty interface any denotes (universe "any" is an alias) */
extern Type *typ_comparable;      /* the Named type comparable */
extern Type *typ_invalid;         /* typ_basic[BK_INVALID] */
extern Type *typ_empty_tuple;

/* ---- constructors (type.c); all allocate in a ---- */
Type *new_array(Arena *a, Type *elem, int64_t len);
Type *new_slice(Arena *a, Type *elem);
Type *new_pointer(Arena *a, Type *elem);
Type *new_map(Arena *a, Type *key, Type *elem);
Type *new_chan(Arena *a, int dir, Type *elem);
Type *new_tuple(Arena *a, Object **vars, uint32_t n); /* n == 0: typ_empty_tuple */
Type *new_struct(Arena *a, Object **fields, const char **tags, uint32_t n);
Type *new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic);
Type *new_union(Arena *a, Term *terms, uint32_t n);
/* methods are sorted here; the type set is computed lazily. */
Type *new_interface(Arena *a, Object **methods, uint32_t nmethods, Type **embeddeds, Pos *embedpos, uint32_t nembeddeds);
Type *new_named(Arena *a, Object *obj, Type *underlying /* may be NULL */);
Type *new_typeparam(Arena *a, Object *obj, Type *bound);
void named_add_method(Arena *a, Type *named, Object *fn);
void sort_methods(Object **m, uint32_t n);  /* by go/types' Id order */
bool func_has_ptr_recv(Object *fn);

/* ---- structure ---- */
Type *under(Type *t);        /* underlying type; expands instances; typ_invalid for an unresolved cycle */
Type *core_type(Type *t);    /* go/types coreType: NULL if none */
Type *core_string(Type *t);  /* coreString: like core_type, []byte|string counts as string */
Type *deref(Type *t, bool *wasptr); /* *T → T for pointers (not for named pointer types) */
Type *type_default(Type *t); /* untyped → default type (untyped rune → rune, untyped nil stays) */
static inline bool is_named(const Type *t) { return t->kind == TY_NAMED || t->kind == TY_BASIC || t->kind == TY_TYPEPARAM; }
static inline bool is_basic_kind(Type *t, int k) { return t->kind == TY_BASIC && t->basic.kind == k; }
bool is_generic(Type *t);        /* a Named with type params and no type args */

/* predicates on the underlying (or, for type parameters, every term: "all" variants as go/types' allBoolean etc.) */
bool is_boolean(Type *t), is_integer(Type *t), is_unsigned(Type *t), is_float(Type *t), is_complex(Type *t),
    is_numeric(Type *t), is_string(Type *t), is_typed(Type *t), is_untyped(Type *t), is_ordered(Type *t),
    is_const_type(Type *t), is_interface(Type *t), is_typeparam(Type *t), is_nonparam_interface(Type *t);
bool all_boolean(Type *t), all_integer(Type *t), all_unsigned(Type *t), all_numeric(Type *t),
    all_string(Type *t), all_ordered(Type *t), all_numeric_or_string(Type *t);
bool has_nil(Type *t);
bool is_comparable(Type *t); /* spec comparable (interfaces are) */
bool is_comparable_strict(Type *t, bool reportf_unused); /* go/types comparable(T, dynamic=false, ...) */
bool has_name(Type *t);      /* Basic, Named or TypeParam */

bool identical(Type *x, Type *y);
bool identical_ignore_tags(Type *x, Type *y);

/* ---- interfaces and type sets ---- */
TypeSet *interface_typeset(Checker *c, Type *iface); /* iface: TY_INTERFACE; computes and caches */
TypeSet *type_typeset(Checker *c, Type *t);         /* of under(t) if interface or type param bound */
bool typeset_is_empty(const TypeSet *ts);
bool typeset_is_all(const TypeSet *ts);             /* no methods, no terms restriction, not comparable */
bool typeset_is_comparable(Checker *c, const TypeSet *ts);
bool typeset_has_terms(const TypeSet *ts);
/* Calls f(term-type, tilde, arg) for each term of a type parameter's type set, or once
 * with t itself for other types; stops when f returns false.  Returns false iff stopped. */
bool typeset_underIs(Checker *c, Type *t, bool (*f)(Type *u, void *arg), void *arg);

/* ---- fields and methods (type.c) ---- */
typedef struct Lookup {
	Object *obj;        /* the field or method found; NULL if none (or ambiguous) */
	int *index;         /* path of embedded field indices, then the field/method index */
	uint32_t nindex;
	bool indirect;      /* a pointer indirection on the path */
	bool ambiguous;     /* obj NULL because several were found at the shallowest depth */
	bool not_addressable; /* obj NULL: a pointer-receiver method on a non-addressable value */
} Lookup;
/* go/types LookupFieldOrMethod.  pkg decides access to unexported names.
 * index is allocated in a (may be NULL: no path wanted). */
Lookup lookup_field_or_method(Arena *a, Type *T, bool addressable, TPackage *pkg, const char *name);
/* a method of V named name up to case (types2's foldCase lookup), or NULL */
Object *lookup_method_fold(Type *V, TPackage *pkg, const char *name);
/* go/types MissingMethod: the first method of interface T missing from V (NULL if
 * V implements T's methods); *wrongtype set if it exists with another signature. */
Object *missing_method(Checker *c, Type *V, Type *T, bool static_, bool *wrongtype);
/* V implements T (an interface or a type parameter's constraint), go/types implements();
 * if not and cause is non-NULL, the reason in gc's words. */
bool implements(Checker *c, Type *V, Type *T, Buf *cause);
/* gc's reason why V misses method m of interface T (wrong: m exists with another
 * signature or a pointer receiver), "(missing M method)" etc.; appended to b (operand.c) */
void missing_method_reason(Checker *c, Buf *b, Type *V, Type *T, Object *m, bool wrong);

/* A method set entry (go/types Selection of kind MethodVal). */
typedef struct MethodSetEntry {
	Object *obj;
	int *index;
	uint32_t nindex;
	bool indirect;
} MethodSetEntry;
typedef struct MethodSet {
	MethodSetEntry *v;
	uint32_t n;
} MethodSet;
MethodSet method_set(Arena *a, Type *T); /* go/types NewMethodSet: sorted by id */

/* ---- objects ---- */
typedef enum ObjKind {
	OBJ_BAD,
	OBJ_PKGNAME,
	OBJ_CONST,
	OBJ_TYPENAME,
	OBJ_VAR,
	OBJ_FUNC,
	OBJ_LABEL,
	OBJ_BUILTIN,
	OBJ_NIL,
} ObjKind;

/* colours of package-level objects during declaration (go/types color) */
enum { COLOR_WHITE, COLOR_BLACK, COLOR_GREY /* GREY + n: on the path at index n */ };

/* Object flags */
enum {
	OF_EXPORTED = 1 << 0, /* name starts with an upper-case letter */
	OF_EMBEDDED = 1 << 1, /* VAR: embedded struct field */
	OF_FIELD = 1 << 2,    /* VAR: struct field */
	OF_USED = 1 << 3,     /* VAR, PKGNAME: used */
	OF_PARAM = 1 << 4,    /* VAR: parameter, result or receiver */
	OF_PTRRECV = 1 << 5,  /* FUNC: method with a pointer receiver (valid before the signature is set) */
	OF_ALIAS = 1 << 6,    /* TYPENAME: declared as an alias (type A = T) */
	OF_DOT_IMPORT = 1 << 7, /* an object inserted in a file scope by import . */
};

/* The built-in functions (go/types builtinId order) */
typedef enum BuiltinId {
	BUILTIN_APPEND, BUILTIN_CAP, BUILTIN_CLOSE, BUILTIN_COMPLEX, BUILTIN_COPY,
	BUILTIN_DELETE, BUILTIN_IMAG, BUILTIN_LEN, BUILTIN_MAKE, BUILTIN_NEW,
	BUILTIN_PANIC, BUILTIN_PRINT, BUILTIN_PRINTLN, BUILTIN_REAL, BUILTIN_RECOVER,
	/* package unsafe */
	BUILTIN_ADD, BUILTIN_ALIGNOF, BUILTIN_OFFSETOF, BUILTIN_SIZEOF, BUILTIN_SLICE,
	/* testing support (not in the universe) */
	BUILTIN_ASSERT, BUILTIN_TRACE,
	BUILTIN_COUNT
} BuiltinId;
extern const char *const builtin_names[BUILTIN_COUNT];

struct Object {
	uint8_t kind;      /* ObjKind */
	uint8_t color;     /* COLOR_* (package-level objects) */
	uint16_t flags;    /* OF_* */
	Pos pos;           /* of the name in its declaration; NoPos for predeclared */
	const char *name;  /* interned; "_" for blank */
	TPackage *pkg;     /* NULL for universe objects (and "error"'s method) */
	Type *type;        /* NULL until declared; FUNC: its Signature */
	Scope *parent;     /* the scope it is declared in (NULL for fields and methods) */
	uint32_t order;    /* 1-based order of package-level declaration (0: not yet) */
	Pos scopepos;      /* locals: where the scope of the name starts */
	DeclInfo *decl;    /* package-level objects and methods: their declaration */
	union {
		Const val;         /* CONST */
		TPackage *imported; /* PKGNAME */
		int builtin;       /* BUILTIN: BuiltinId */
		Object *origin;    /* VAR, FUNC of an instance: the generic original (else self or NULL) */
	};
};

static inline bool obj_exported(const Object *o) { return (o->flags & OF_EXPORTED) != 0; }
bool name_is_exported(const char *name);
/* go/types sameId: same name, and same package if unexported */
bool same_id(const Object *o, TPackage *pkg, const char *name);
Object *new_object(Arena *a, ObjKind k, Pos pos, TPackage *pkg, const char *name, Type *type);
Object *new_var(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type);
Object *new_param(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type);
Object *new_field(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type, bool embedded);
Object *new_func(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *sig);
Object *new_const(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type, Const val);
Object *new_typename(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type);
/* "const", "var", "type", "func", "package", "label", "builtin", "nil" */
const char *obj_kind_name(const Object *o);

/* ---- scopes (scope.c) ---- */
typedef enum ScopeKind { SCOPE_UNIVERSE, SCOPE_PACKAGE, SCOPE_FILE, SCOPE_FUNC, SCOPE_BLOCK } ScopeKind;

struct Scope {
	Scope *parent;
	uint8_t kind;      /* ScopeKind */
	Pos pos, end;      /* extent in the source (NoPos for universe and package) */
	Object **slots;    /* hash table keyed by interned name; NULL slots are empty */
	uint32_t cap, n;   /* cap is 0 or a power of two */
	Scope **children;
	uint32_t nchildren, capchildren;
};
Scope *new_scope(Arena *a, Scope *parent, ScopeKind kind, Pos pos, Pos end);
Object *scope_lookup(const Scope *s, const char *name); /* name interned; this scope only */
/* go/types LookupParent: searches s and its parents; pos != NoPos ignores
 * objects declared after pos (scopepos) in function scopes.  *where, if not
 * NULL, gets the scope that held the object. */
Object *scope_lookup_parent(Scope *s, const char *name, Pos pos, Scope **where);
/* Inserts obj unless the name is taken: returns the existing object then
 * (and inserts nothing); NULL on success.  Sets obj->parent if unset.
 * Blank names are never inserted (returns NULL). */
Object *scope_insert(Arena *a, Scope *s, Object *obj);
/* The objects of s sorted by name (byte order), allocated in a. */
Object **scope_sorted(Arena *a, const Scope *s, uint32_t *n);

/* ---- packages ---- */
struct TPackage {
	const char *path;   /* import path (interned) */
	const char *name;   /* package name (interned) */
	Scope *scope;       /* package scope (parent: universe) */
	TPackage **imports; /* directly imported packages */
	uint32_t nimports;
	bool complete;      /* checked */
	bool fake;          /* a package made up after an import error */
	int nerrors;        /* errors found when checking it */
	struct Initializer *inits; /* package-level variable initialisation order (initorder.c) */
	uint32_t ninits;
};
/* go/types Initializer: lhs = rhs, one step of package initialisation.  rhs
 * points into the package's syntax tree (valid while the tree lives). */
typedef struct Initializer {
	Object **lhs;
	uint32_t nlhs;
	Node *rhs;
} Initializer;
TPackage *new_package(Arena *a, const char *path, const char *name);

/* ---- universe (universe.c) ---- */
extern Scope *universe;
extern TPackage *unsafe_pkg;
extern Object *universe_iota, *universe_nil, *universe_true, *universe_false;
void universe_init(void); /* idempotent */

/* ---- sizes (sizes.c) ---- */
typedef struct Sizes {
	int64_t wordsize, maxalign;
} Sizes;
extern const Sizes sizes_amd64, sizes_arm64;
const Sizes *sizes_for(const char *goarch); /* NULL if unknown */
int64_t sizes_alignof(const Sizes *s, Type *t);
int64_t sizes_sizeof(const Sizes *s, Type *t);
/* The offsets of a struct's fields; out has t->struct_.nfields entries. */
void sizes_offsetsof(const Sizes *s, Type *strct, int64_t *out);

/* ---- type strings (typestring.c) ---- */
/* How packages are named in type strings: TypeString's qualifier. */
typedef struct Qualifier {
	TPackage *rel;  /* this package is not qualified (RelativeTo) */
	bool byname;    /* qualify with the package name (gc's errors), else the path */
	bool canon;     /* basic types by kind: byte as uint8, rune as int32 */
} Qualifier;
void write_type(Buf *b, Type *t, const Qualifier *q);
void write_signature(Buf *b, Type *sig, const Qualifier *q); /* "(params) results", without "func" */
void write_tparams(Buf *b, TypeList tparams, const Qualifier *q); /* "[P any, Q ~int]" */
/* A NUL-terminated string in the checker's scratch arena, in gc's form
 * (package names) relative to the package being checked: for messages. */
const char *type_str(Checker *c, Type *t);

/* ---- generics (typexpr.c) ---- */
/* A substitution: tparams[i] → targs[i]. */
typedef struct Subst {
	Type **from, **to;
	uint32_t n;
} Subst;
Type *subst(Checker *c, Pos pos, Type *t, const Subst *m);
/* Instantiates a generic Named or Signature with targs.  Named instances are
 * deduplicated in c's instance table.  validate: check the constraints
 * (reporting at pos); the result is typ_invalid on failure. */
Type *instantiate(Checker *c, Pos pos, Type *orig, TypeList targs, bool validate);
/* Expands an instance of a Named type: underlying and methods (lazy). */
void named_expand(Type *named);

/* ==== the checker ==== */

/* go/types declInfo: what is known of a package-level object's declaration. */
struct DeclInfo {
	Scope *file;       /* the file scope of the declaration */
	Object **lhs;      /* VAR declared together with n:1 initialisation (NULL otherwise) */
	uint32_t nlhs;
	Node *vtype;       /* CONST, VAR: the type expression or NULL */
	Node *init;        /* CONST, VAR: the init expression or NULL */
	bool inherited;    /* CONST: init (and vtype) inherited from a previous spec */
	Node *tdecl;       /* TYPENAME: the TypeSpec */
	Node *fdecl;       /* FUNC: the FuncDecl */
	int64_t iota;      /* CONST: the value of iota */
	PtrMap deps;       /* objects this declaration depends on (init order) */
	Node *recv_base;   /* methods: the receiver's base type name (Ident), NULL if not an identifier */
};

/* Operand modes (go/types operandMode) */
typedef enum OperandMode {
	MODE_INVALID,  /* operand is invalid */
	MODE_NOVALUE,  /* operand represents no value (result of a function call w/o result) */
	MODE_BUILTIN,  /* operand is a built-in function */
	MODE_TYPEXPR,  /* operand is a type */
	MODE_CONSTANT, /* operand is a constant; the operand's typ is a Basic type */
	MODE_VARIABLE, /* operand is an addressable variable */
	MODE_MAPINDEX, /* operand is a map index expression (acts like a variable on lhs, commaok on rhs of an assignment) */
	MODE_VALUE,    /* operand is a computed value */
	MODE_COMMAOK,  /* like value, but operand may be used in a comma,ok expression */
} OperandMode;

typedef struct Operand {
	uint8_t mode;  /* OperandMode */
	int builtin;   /* MODE_BUILTIN: BuiltinId */
	Node *expr;    /* the expression (may be NULL) */
	Type *type;
	Const val;     /* MODE_CONSTANT */
} Operand;

/* What the checker records for later stages (go/types Info), filled only
 * if Checker.record is set.  Keys are AST nodes. */
typedef struct TypeAndValue {
	uint8_t mode;  /* OperandMode */
	Type *type;
	Const val;
} TypeAndValue;
typedef struct Info {
	PtrMap types;   /* expr Node* → TypeAndValue* */
	PtrMap defs;    /* Ident* → Object* (declarations) */
	PtrMap uses;    /* Ident* → Object* (uses) */
	PtrMap implicits; /* Node* → Object* (import specs w/o name, case clauses, embedded fields) */
	PtrMap instances; /* Ident* → Instance* (generic functions: the type arguments and the instantiated signature) */
	PtrMap scopes;  /* Node* → Scope* */
} Info;

/* go/types Instance: a use of a generic function with its type arguments */
typedef struct Instance {
	TypeList targs;
	Type *type;    /* the instantiated signature */
} Instance;

/* go/types environment: the context of the expression being checked. */
typedef struct Env {
	DeclInfo *decl;     /* package-level declaration whose init expression/body is checked */
	Scope *scope;       /* the scope of identifier lookup */
	Pos pos;            /* if valid, identifiers are looked up as if at pos */
	bool in_const;      /* iota is defined */
	Const iota;         /* value of iota in a constant declaration */
	Pos errpos;         /* if valid, errors are reported here (inherited constant init expressions) */
	Type *sig;          /* function signature if inside a function body */
	bool in_tparam_list; /* checking the constraints of a type parameter list */
	bool hasLabel;
	bool hasCallOrRecv; /* set if an expression contains a function call or channel receive */
} Env;

/* A delayed action (go/types check.later). */
typedef struct Action {
	void (*fn)(Checker *c, void *arg);
	void *arg;
	Env env;
} Action;

/* The importer: returns the checked package for an import path as written
 * in the source of the package being checked (NULL if it cannot be
 * imported; the checker reports "could not import PATH (...)". */
typedef TPackage *(*Importer)(void *ctx, const char *path);

struct Checker {
	Arena *arena;          /* package lifetime */
	Arena scratch;         /* messages, temporaries: freed with the checker */
	TPackage *pkg;
	const Sizes *sizes;
	DiagList *diags;
	Importer importer;
	void *importer_ctx;
	Node **files;          /* N_File nodes */
	uint32_t nfiles;
	Scope **filescopes;    /* one per file */
	bool record;           /* fill info */
	Info info;
	bool ignore_bodies;    /* do not check function bodies */
	bool compiling;        /* also what gc's noder rejects after types2 accepted it (type
	                        * declarations in generic functions); set by goc build, not tool check */
	PtrVec localtypes_generic; /* compiling: positions (as pointers) of those declarations */

	/* package-level objects in declaration order (go/types objMap keys) */
	PtrVec objs;
	/* TypeName obj → PtrVec* of its methods collected before the type is declared */
	PtrMap methods;
	/* instance table: hash of (orig, targs) → chain (see typexpr.c) */
	PtrMap instances;
	/* imported packages by path (dedup per package) */
	PtrMap imported;
	PtrMap validated;      /* Named types found valid by the recursive-type check */
	PtrMap cyclic;         /* Named types made invalid by a cycle error (goc finds some earlier than types2) */
	struct Mono *mono;     /* the instantiation graph (mono.c), NULL until an instance is recorded */
	PtrMap recv_tparams;   /* go/types recvTParamMap: blank receiver type parameter (Ident node) → its TY_TYPEPARAM */

	Env env;               /* the current environment */
	PtrVec objpath;        /* Object*: the path of objects being declared (cycle detection) */
	Action *later;         /* delayed actions, processed in order */
	uint32_t nlater, caplater;
	PtrVec funcs;          /* Object* FUNC with bodies, for the body checker */
	uint32_t nextid;       /* type parameter ids */
	int nerrors;
	bool first_error_done;
};

/* Sets up a checker for package pkg.  files are N_File nodes (the
 * parsed files of the package, in load order). */
void checker_init(Checker *c, Arena *arena, TPackage *pkg, Node **files, uint32_t nfiles, const Sizes *sizes,
    DiagList *diags, Importer imp, void *impctx);
/* Checks the whole package: returns the number of errors reported. */
int checker_run(Checker *c);
void checker_free(Checker *c); /* frees the scratch memory, not the package */

/* ---- errors (check.c) ---- */
/* An error at pos in gc's format; message formatted with printf rules.
 * Type arguments are formatted by the caller with type_str. */
void check_errorf(Checker *c, Pos pos, const char *fmt, ...) PRINTF(3, 4);
void check_softerrorf(Checker *c, Pos pos, const char *fmt, ...) PRINTF(3, 4);
void check_later(Checker *c, void (*fn)(Checker *c, void *arg), void *arg);

/* ---- recording (check.c): no-ops unless c->record ---- */
void check_record_type(Checker *c, Node *e, OperandMode mode, Type *t, Const val);
void check_record_def(Checker *c, Node *ident, Object *obj);
void check_record_use(Checker *c, Node *ident, Object *obj);
void check_record_implicit(Checker *c, Node *n, Object *obj);
void check_record_scope(Checker *c, Node *n, Scope *s);

/* ---- declarations (check.c) ---- */
/* go/types objDecl: make sure obj is declared (type-checked), with cycle
 * detection; def is the Named type being defined if obj is its RHS. */
void check_obj_decl(Checker *c, Object *obj, Type *def);
/* Declares obj in s (reporting a redeclaration in gc's wording); ident may be NULL. */
void check_declare(Checker *c, Scope *s, Node *ident, Object *obj, Pos scopepos);
/* Declares the local const/var/type declarations of a DeclStmt (used by stmt.c). */
void check_decl_stmt(Checker *c, Node *decl);

/* ---- type expressions (typexpr.c) ---- */
/* go/types varType / typ / definedType: the type that e denotes
 * (typ_invalid with an error if e is not a type). */
Type *check_type(Checker *c, Node *e);
Type *check_var_type(Checker *c, Node *e);      /* no constraint interfaces */
Type *check_defined_type(Checker *c, Node *e, Type *def);
Type *check_generic_type(Checker *c, Node *e);  /* a generic type without instantiation */
/* go/types ident(): identifier e, resolved in c->env.scope. */
void check_ident(Checker *c, Operand *x, Node *e, Type *def, bool want_type);
/* x = pkg.Name where the selector's x is a package name; returns false if
 * e.x does not name a package (then nothing is done). */
bool check_qualified_ident(Checker *c, Operand *x, Node *e, Type *def);
/* go/types funcType: fills sig (a TY_SIGNATURE made by new_signature) from
 * the receiver list recv (may be NULL) and the FuncType ftype; declares the
 * parameters in a new function scope (sig->sig.scope). */
void check_func_type(Checker *c, Type *sig, Node *recv, Node *ftype);
/* Collects type parameters of a declaration into a list. */
TypeList check_collect_tparams(Checker *c, Node *fieldlist, TypeList *dst);
/* Array length: a constant expression of integer value, or -1 with an error. */
int64_t check_array_length(Checker *c, Node *e);

/* ==== hooks for expressions and statements ====
 * Implemented by the expression part (expr.c, call.c, builtins.c,
 * operand.c; more entry points in expr.h) and the statement part (stmt.c). */

/* go/types check.rawExpr/expr: e evaluated as a single value (constants folded).
 * hint: the element type of an enclosing composite literal (may be NULL). */
void check_expr(Checker *c, Operand *x, Node *e, Type *hint);
/* an expression or a type (x->mode == MODE_TYPEXPR) */
void check_expr_or_type(Checker *c, Operand *x, Node *e, bool allow_generic);
/* go/types check.assignment: x is assigned to a variable of type T (T NULL: as
 * in x := e, i.e. its default type); context is "assignment", "variable
 * declaration", "constant declaration", "argument to f" ...; on failure x
 * becomes MODE_INVALID after an error. */
void check_assignment(Checker *c, Operand *x, Type *T, const char *context);
/* go/types check.initVars / initConst: the package-level (or local) var or const
 * objects lhs initialised from exprs. */
void check_init_vars(Checker *c, Object **lhs, uint32_t nlhs, Node **rhs, uint32_t nrhs, Node *returnstmt);
void check_init_const(Checker *c, Object *lhs, Operand *x);
/* go/types check.funcBody */
void check_func_body(Checker *c, DeclInfo *decl, const char *name, Type *sig, Node *body, Const iota);
/* go/types operand String (gc's wording): "x (variable of type int)" */
void operand_string(Checker *c, Buf *b, Operand *x);
/* go/types operand.assignableTo / convertibleTo (type.c); cause may be NULL. */
bool operand_assignable_to(Checker *c, Operand *x, Type *T, Buf *cause);
bool operand_convertible_to(Checker *c, Operand *x, Type *T, Buf *cause);
/* representable: x (constant) converted to basic type T; reports nothing, returns the error kind */
ConstRepErr check_representable(Checker *c, Operand *x, Type *T, Const *rounded);

/* ---- statements (stmt.c), labels (labels.c), unused imports (unused.c),
 * initialisation order (initorder.c) ---- */
/* gc's branch and label rules for one function body (syntax/branches.go) */
void check_branches(Checker *c, Node *body);
/* check_branches for every function body of the files (gc checks branches
 * in its parser, so even a package with syntax errors gets them) */
void check_branches_files(Checker *c);
/* instantiation cycles (mono.c, types2's monomorph): record the type
 * arguments of each verified instantiation (xlist: the argument
 * expressions, positioned with start), method receiver type parameters as
 * the base type's; check_monomorph reports "instantiation cycle" */
void mono_record_instance(Checker *c, Pos pos, TypeList tparams, TypeList targs, Node **xlist, uint32_t nxlist,
                          Pos (*start)(Node *));
void mono_record_canon(Checker *c, Type *mpar, Type *tpar);
void check_monomorph(Checker *c);
void mono_free(Checker *c);
struct Directive;
/* gc's placement rules for //go: directives (pragma.c): "misplaced compiler
 * directive", "//go:nowritebarrier only allowed in runtime"; src is the
 * file's text, runtime whether the package is compiled as the runtime */
void check_directives(DiagList *diags, Node *file, const struct Directive *dirs, uint32_t ndirs, const char *src,
                      const SrcFile *f, bool runtime);
/* go/types arity: "extra init expr"/"missing init expr" for the names and
 * init expressions of a const or var spec (pos: the spec's) */
void check_arity(Checker *c, Pos pos, List names, List inits, bool constdecl, bool inherited);
/* go/types initOrder: TPackage.inits, and "initialization loop" errors */
void check_init_order(Checker *c);
/* go/types unusedImports in gc's wording (nothing if bodies were ignored) */
void check_unused_imports(Checker *c);
/* More entry points of the expression checker for the statement checker
 * (expr.c; src/types/expr.h declares the rest). */
enum { EXPRKIND_CONVERSION, EXPRKIND_EXPRESSION, EXPRKIND_STATEMENT }; /* go/types exprKind */
/* go/types rawExpr: returns the EXPRKIND_ of e */
int check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic);
/* go/types binary: e is the binary expression, or NULL for lhs op= rhs (op is then
 * the binary operator, e.g. TOK_ADD for +=, and oppos the assignment operator's position) */
void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, int op, Pos oppos);
/* go/types use: evaluates expressions (NULL entries skipped) for their uses */
void check_use(Checker *c, Node **list, uint32_t n);
/* go/types convertUntyped */
void check_convert_untyped(Checker *c, Operand *x, Type *T);

#endif
