/*
 * expr.h — the expression checker's interface beyond the hooks declared
 * at the end of types.h: what the statement checker (stmt.c) and the
 * declaration code need from expr.c, call.c, builtins.c, operand.c,
 * infer.c and unify.c.  The model is go/types / types2 (Go 1.19); error
 * wording is gc's (types2 with CompilerErrorMessages).
 *
 * Operands live on the C stack; lists of operands (check_expr_list) use a
 * caller-provided buffer and fall back to the checker's scratch arena.
 */
#ifndef GOC_TYPES_EXPR_H
#define GOC_TYPES_EXPR_H

#include "types.h"

/* check_raw_expr, check_binary, check_use, check_convert_untyped: see types.h */
/* go/types multiExpr: like check_expr but a multi-value call is allowed (x->type a tuple). */
void check_multi_expr(Checker *c, Operand *x, Node *e);
void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint);
/* go/types singleValue / exclude */
void check_single_value(Checker *c, Operand *x);
/* go/types exprList: the values of n expressions (a single multi-valued call
 * is unpacked; a comma-ok expression gives two operands if allow_commaok).
 * The result is buf if *nout <= bufn, else allocated in c->scratch. */
Operand *check_expr_list(Checker *c, Node **elist, uint32_t n, bool allow_commaok, Operand *buf, uint32_t bufn,
    uint32_t *nout, bool *commaok);
/* go/types comparison (switch_case: a case value compared with the switch tag:
 * x is the case value, y the tag). */
void check_comparison(Checker *c, Operand *x, Operand *y, Token op, bool switch_case);
/* go/types updateExprType */
void check_update_expr_type(Checker *c, Node *e, Type *t, bool final);
/* go/types typeAssertion: x.(T) with x of interface type (reports impossible assertions). */
void check_type_assertion(Checker *c, Node *e, Operand *x, Type *T, bool type_switch);
/* go/types initVar: returns the type or NULL on failure (lhs is then marked used). */
Type *check_init_var(Checker *c, Object *lhs, Operand *x, const char *context);
/* go/types initVars; check_init_vars (the hook) is this with vardecl set iff
 * nlhs == nrhs == 1 and returnstmt == NULL: a var declaration (context "variable
 * declaration").  A short variable declaration x := e must pass vardecl = false
 * (context "assignment"). */
void check_init_vars_ctx(Checker *c, Object **lhs, uint32_t nlhs, Node **rhs, uint32_t nrhs, Node *returnstmt,
    bool vardecl);
/* gc's "assignment mismatch: ..." */
void check_assign_error(Checker *c, Node **rhs, uint32_t nrhs, uint32_t nvars, uint32_t nvals);
/* go/types index: an index expression; returns its type (typ_invalid on error) and
 * its constant value in *val (-1 if not constant); max >= 0 bounds constants. */
Type *check_index(Checker *c, Node *index, int64_t max, int64_t *val);
/* go/types isValidIndex */
bool check_is_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative);

/* ---- calls (call.c) ---- */
int check_call_expr(Checker *c, Operand *x, Node *call);
void check_conversion(Checker *c, Operand *x, Type *T);
void check_selector(Checker *c, Operand *x, Node *e, Type *def);
void check_func_inst(Checker *c, Operand *x, Node *inst);
/* go/types arguments: args (n operands) against sig; returns the (instantiated) signature */
Type *check_arguments(Checker *c, Node *call, Type *sig, TypeList targs, Operand *args, uint32_t nargs, Node **xlist,
    uint32_t nxlist);
/* check_assignment's context for call arguments: "argument to F" with F =
 * check_arg_fun, spelled out only in messages */
extern const char check_ctx_argument[];
extern Node *check_arg_fun;
/* go/types typeList: the types of n type-argument expressions (NULL if one is invalid) */
TypeList check_type_list(Checker *c, Node **v, uint32_t n, bool *ok);
/* go/types instantiateSignature */
Type *check_instantiate_signature(Checker *c, Pos pos, Type *sig, TypeList targs, Node **xlist, uint32_t nxlist);
/* go/types nonGeneric */
void check_non_generic(Checker *c, Operand *x);

/* ---- builtins (builtins.c) ---- */
bool check_builtin(Checker *c, Operand *x, Node *call, int id);
extern const struct BuiltinInfo {
	const char *name;
	uint8_t nargs;
	bool variadic;
	uint8_t kind; /* EXPRKIND_* */
} builtin_info[BUILTIN_COUNT];

/* ---- inference (infer.c, unify.c) ---- */
/* go/types infer: the type arguments for tparams from the given ones (targs,
 * possibly fewer) and the arguments args for params (a tuple, may be NULL if
 * nargs == 0); returns a list of all of them or .v == NULL after an error. */
TypeList check_infer(Checker *c, Pos pos, TypeList tparams, TypeList targs, Type *params, Operand *args,
    uint32_t nargs);
bool is_parameterized(TypeList tparams, Type *t);

typedef struct Unifier Unifier;
Unifier *unifier_new(Arena *a, TypeList tparams, bool exact);
bool unify(Unifier *u, Type *x, Type *y);
void unifier_set(Unifier *u, uint32_t i, Type *t);
Type *unifier_at(Unifier *u, uint32_t i);
uint32_t unifier_unknowns(Unifier *u);
/* the inferred types so far (allocated in a); *index: the first missing one or -1 */
TypeList unifier_types(Unifier *u, Arena *a, int *index);

/* ---- strings for messages (operand.c); results live in c->scratch ---- */
/* syntax.String in gc's short form: "f(x)", "T{…}", "func() {…}" */
void write_expr(Buf *b, Node *e);
const char *expr_str(Checker *c, Node *e);
const char *operand_str(Checker *c, Operand *x);
/* go/types typesSummary: "(number, string)" */
const char *types_summary(Checker *c, Type **v, uint32_t n, bool variadic);
/* ObjectString-like "kind name type" is not needed: objects print by name */

Node *unparen(Node *e);
/* syntax.StartPos: where gc reports an error "at" an expression (the start,
 * except for key:value (the colon) and slice expressions (the '[')) */
Pos start_pos(Node *e);
/* where an operand's error is reported: the start of its expression */
static inline Pos operand_pos(Operand *x) { return x->expr ? start_pos(x->expr) : NoPos; }
/* an expression error; types2's rule: once an error was reported, messages
 * with "invalid operand" after their start are follow-on errors, dropped */
void check_expr_errorf(Checker *c, Pos pos, const char *fmt, ...) PRINTF(3, 4);
/* go/types recordUntyped: records the expressions still untyped after
 * checker_run (call it before checking another package) */
void check_record_untyped(Checker *c);

#endif
