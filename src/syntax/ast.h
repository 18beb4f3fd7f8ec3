/*
 * ast.h — goc's syntax tree.
 *
 * The node kinds and their fields mirror go/ast (Go 1.19) one to one,
 * field for field and in the same order, minus comments, Doc fields and
 * go/ast's identifier resolution (Obj, Scope, Unresolved, Imports).  That
 * makes the tree familiar to every Go programmer and lets the test suite
 * compare goc's tree with go/ast's through one dump format (astdump.c and
 * tests/oracle/astdump.go).  Every position field of go/ast is kept, so
 * Pos() and End() of any node can be computed exactly as go/ast does.
 *
 * Nodes live in the Arena of the file they were parsed from; a List is an
 * arena array.  Absent optional children are NULL; an absent position is
 * NoPos.
 */
#ifndef GOC_AST_H
#define GOC_AST_H

#include "../base/base.h"
#include "token.h"

#define NODE_KINDS(X)                                                          \
	/* expressions and types */                                            \
	X(BadExpr) X(Ident) X(Ellipsis) X(BasicLit) X(FuncLit)                 \
	X(CompositeLit) X(ParenExpr) X(SelectorExpr) X(IndexExpr)              \
	X(IndexListExpr) X(SliceExpr) X(TypeAssertExpr) X(CallExpr)            \
	X(StarExpr) X(UnaryExpr) X(BinaryExpr) X(KeyValueExpr)                 \
	X(ArrayType) X(StructType) X(FuncType) X(InterfaceType) X(MapType)     \
	X(ChanType)                                                            \
	/* statements */                                                       \
	X(BadStmt) X(DeclStmt) X(EmptyStmt) X(LabeledStmt) X(ExprStmt)        \
	X(SendStmt) X(IncDecStmt) X(AssignStmt) X(GoStmt) X(DeferStmt)         \
	X(ReturnStmt) X(BranchStmt) X(BlockStmt) X(IfStmt) X(CaseClause)       \
	X(SwitchStmt) X(TypeSwitchStmt) X(CommClause) X(SelectStmt)            \
	X(ForStmt) X(RangeStmt)                                                \
	/* specs and declarations */                                           \
	X(ImportSpec) X(ValueSpec) X(TypeSpec) X(BadDecl) X(GenDecl)           \
	X(FuncDecl)                                                            \
	/* the rest */                                                         \
	X(Field) X(FieldList) X(File)

typedef enum NodeKind {
#define X(k) N_##k,
	NODE_KINDS(X)
#undef X
	N_COUNT
} NodeKind;

extern const char *const node_kind_names[N_COUNT];

typedef struct Node Node;
typedef struct List {
	Node **v;
	uint32_t n;
} List;

/* go/ast's ChanDir */
enum { CHAN_SEND = 1, CHAN_RECV = 2, CHAN_BOTH = 3 };

struct Node {
	uint8_t kind; /* NodeKind */
	union {
		/* ---- expressions ---- */
		struct { Pos from, to; } bad;                   /* BadExpr, BadStmt, BadDecl */
		struct { Pos namepos; Str name; } ident;
		struct { Pos ellipsis; Node *elt; } ellipsis;
		struct { Pos valuepos; uint8_t kind; Str value; } lit; /* kind: TOK_INT..TOK_STRING; value is the literal's text (raw strings without \r) */
		struct { Node *type /* FuncType */; Node *body /* BlockStmt */; } funclit;
		struct { Node *type; Pos lbrace; List elts; Pos rbrace; bool incomplete; } composite;
		struct { Pos lparen; Node *x; Pos rparen; } paren;
		struct { Node *x; Node *sel /* Ident */; } selector;
		struct { Node *x; Pos lbrack; Node *index; Pos rbrack; } index;
		struct { Node *x; Pos lbrack; List indices; Pos rbrack; } indexlist;
		struct { Node *x; Pos lbrack; Node *low, *high, *max; bool slice3; Pos rbrack; } slice;
		struct { Node *x; Pos lparen; Node *type /* NULL for x.(type) */; Pos rparen; } typeassert;
		struct { Node *fun; Pos lparen; List args; Pos ellipsis; Pos rparen; } call;
		struct { Pos star; Node *x; } star;
		struct { Pos oppos; uint8_t op; Node *x; } unary;
		struct { Node *x; Pos oppos; uint8_t op; Node *y; } binary;
		struct { Node *key; Pos colon; Node *value; } keyvalue;
		/* ---- types ---- */
		struct { Pos lbrack; Node *len /* NULL: slice; Ellipsis: [...]T */; Node *elt; } arraytype;
		struct { Pos struct_; Node *fields /* FieldList */; bool incomplete; } structtype;
		struct { Pos func /* NoPos in method specs */; Node *typeparams, *params, *results /* FieldLists */; } functype;
		struct { Pos interface; Node *methods /* FieldList */; bool incomplete; } ifacetype;
		struct { Pos map; Node *key, *value; } maptype;
		struct { Pos begin, arrow; uint8_t dir; Node *value; } chantype;
		/* ---- statements ---- */
		struct { Node *decl; } declstmt;
		struct { Pos semicolon; bool implicit; } empty;
		struct { Node *label /* Ident */; Pos colon; Node *stmt; } labeled;
		struct { Node *x; } exprstmt;
		struct { Node *chan; Pos arrow; Node *value; } send;
		struct { Node *x; Pos tokpos; uint8_t tok; } incdec;
		struct { List lhs; Pos tokpos; uint8_t tok; List rhs; } assign;
		struct { Pos go; Node *call; } gostmt;
		struct { Pos defer; Node *call; } deferstmt;
		struct { Pos return_; List results; } ret;
		struct { Pos tokpos; uint8_t tok; Node *label; } branch;
		struct { Pos lbrace; List list; Pos rbrace; } block;
		struct { Pos if_; Node *init, *cond, *body, *else_; } ifstmt;
		struct { Pos case_; List list /* empty: default */; Pos colon; List body; } caseclause;
		struct { Pos switch_; Node *init, *tag, *body; } switchstmt;
		struct { Pos switch_; Node *init, *assign, *body; } typeswitch;
		struct { Pos case_; Node *comm /* NULL: default */; Pos colon; List body; } commclause;
		struct { Pos select; Node *body; } selectstmt;
		struct { Pos for_; Node *init, *cond, *post, *body; } forstmt;
		struct { Pos for_; Node *key, *value; Pos tokpos; uint8_t tok /* TOK_ILLEGAL if no key */; Node *x, *body;
		         Node *extra /* goc, error path: a third iteration variable, for the type checker's message */; } rangestmt;
		/* ---- specs and declarations ---- */
		struct { Node *name; Node *path; Pos endpos; } importspec;
		struct { List names; Node *type; List values; } valuespec;
		struct { Node *name; Node *typeparams; Pos assign; Node *type; } typespec;
		struct { Pos tokpos; uint8_t tok; Pos lparen; List specs; Pos rparen; } gendecl;
		struct { Node *recv; Node *name; Node *type; Node *body; } funcdecl;
		/* ---- the rest ---- */
		struct { List names; Node *type; Node *tag; } field;
		struct { Pos opening; List list; Pos closing; } fieldlist;
		struct { Pos package; Node *name; List decls; } file;
	};
};

Pos node_pos(const Node *n); /* go/ast Node.Pos() */
Pos node_end(const Node *n); /* go/ast Node.End() */

/* Each node kind's fields, in go/ast's order (astdump.c): what the AST
 * dump prints, and what a generic walker can follow (F_NODE, F_LIST). */
typedef enum FieldKind {
	F_POS,     /* Pos */
	F_NODE,    /* Node * (NULL: absent) */
	F_LIST,    /* List of Node * */
	F_STR,     /* Str */
	F_TOK,     /* uint8_t Token (operator, keyword) */
	F_BOOL,    /* bool */
	F_DIR,     /* uint8_t ChanDir */
	F_LITKIND, /* uint8_t Token: TOK_INT..TOK_STRING */
} FieldKind;

typedef struct FieldDesc {
	const char *name; /* go/ast's field name */
	uint8_t kind;     /* FieldKind */
	uint16_t off;     /* offsetof(Node, ...) */
} FieldDesc;

typedef struct NodeDesc {
	const FieldDesc *fields;
	uint32_t nfields;
} NodeDesc;

extern const NodeDesc node_descs[N_COUNT];

/* calls fn(child, ctx) for each child node of n, in go/ast's field order */
void node_children(Node *n, void (*fn)(Node *child, void *ctx), void *ctx);

#endif
