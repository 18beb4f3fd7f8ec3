/*
 * astdump.c — the AST as text, in the format shared with the test oracle
 * tests/oracle/astdump.go (which prints go/ast's tree the same way), plus
 * go/ast's Pos() and End() for every node kind, and the node kinds' names.
 *
 * The dump is driven by one table, node_descs[]: for each node kind its
 * fields in go/ast's order, each with its name, its kind (position, child
 * node, list of nodes, string, token, bool, channel direction, literal
 * kind) and its offset in Node.  The same table can serve a generic walker.
 *
 * Dump format (the same text is in tests/oracle/astdump.go):
 *
 *   Per file, a header line "# FILE <path as given>" (printed by the
 *   driver, not by dump_ast).  Then the tree, in pre-order, one node per
 *   line, indented two spaces per depth (the File node has depth 0):
 *
 *       [Label: ]Kind[ Field=value]...
 *
 *   Label is the name of the parent's field holding the node ("Name",
 *   "X"), or for an element of a list field the field name and the index
 *   ("Decls[3]").  The File node has no label.  Kind is go/ast's type
 *   name ("Ident", "BinaryExpr").  The scalar fields follow in go/ast's
 *   field order, each as " Name=value":
 *     - token.Pos: "LINE:COL" of the raw position (go/token
 *       PositionFor(p, false): //line directives are not applied; COL is
 *       the 1-based byte column), or "-" for NoPos;
 *     - string (Ident.Name, BasicLit.Value): '"', then each byte: '"' as
 *       \", '\\' as \\, bytes below 0x20 and 0x7f as \xHH (lowercase
 *       hex), every other byte as is; then '"';
 *     - token.Token (BasicLit.Kind, UnaryExpr.Op, ...): go/token's
 *       Token.String() ("INT", "+", "import", "ILLEGAL");
 *     - bool: "true" or "false";
 *     - ast.ChanDir: its number (1 send, 2 recv, 3 both).
 *   Then the children (node and list fields) follow on their own lines,
 *   in go/ast's field order.  A NULL child is omitted (no line, no
 *   label); an empty list prints nothing.  go/ast's Doc, Comment,
 *   Comments, Obj, Scope, Imports and Unresolved fields do not exist here
 *   and are never printed.
 *
 *   With the environment variable GOC_ASTDUMP_POSEND=1, each node line
 *   ends with " @POS,END": node_pos() and node_end() in the same LINE:COL
 *   form (the oracle's -posend flag), so the test suite checks them too.
 */
#include "syntax.h"

const char *const node_kind_names[N_COUNT] = {
#define X(k) #k,
	NODE_KINDS(X)
#undef X
};

/* ---- the field table ---- */

/* FieldKind, FieldDesc and NodeDesc are declared in ast.h. */

#define F(k, name, member) {name, F_##k, (uint16_t)offsetof(Node, member)}

static const FieldDesc f_BadExpr[] = {F(POS, "From", bad.from), F(POS, "To", bad.to)};
static const FieldDesc f_Ident[] = {F(POS, "NamePos", ident.namepos), F(STR, "Name", ident.name)};
static const FieldDesc f_Ellipsis[] = {F(POS, "Ellipsis", ellipsis.ellipsis), F(NODE, "Elt", ellipsis.elt)};
static const FieldDesc f_BasicLit[] = {
	F(POS, "ValuePos", lit.valuepos), F(LITKIND, "Kind", lit.kind), F(STR, "Value", lit.value)};
static const FieldDesc f_FuncLit[] = {F(NODE, "Type", funclit.type), F(NODE, "Body", funclit.body)};
static const FieldDesc f_CompositeLit[] = {
	F(NODE, "Type", composite.type), F(POS, "Lbrace", composite.lbrace), F(LIST, "Elts", composite.elts),
	F(POS, "Rbrace", composite.rbrace), F(BOOL, "Incomplete", composite.incomplete)};
static const FieldDesc f_ParenExpr[] = {
	F(POS, "Lparen", paren.lparen), F(NODE, "X", paren.x), F(POS, "Rparen", paren.rparen)};
static const FieldDesc f_SelectorExpr[] = {F(NODE, "X", selector.x), F(NODE, "Sel", selector.sel)};
static const FieldDesc f_IndexExpr[] = {
	F(NODE, "X", index.x), F(POS, "Lbrack", index.lbrack), F(NODE, "Index", index.index),
	F(POS, "Rbrack", index.rbrack)};
static const FieldDesc f_IndexListExpr[] = {
	F(NODE, "X", indexlist.x), F(POS, "Lbrack", indexlist.lbrack), F(LIST, "Indices", indexlist.indices),
	F(POS, "Rbrack", indexlist.rbrack)};
static const FieldDesc f_SliceExpr[] = {
	F(NODE, "X", slice.x), F(POS, "Lbrack", slice.lbrack), F(NODE, "Low", slice.low),
	F(NODE, "High", slice.high), F(NODE, "Max", slice.max), F(BOOL, "Slice3", slice.slice3),
	F(POS, "Rbrack", slice.rbrack)};
static const FieldDesc f_TypeAssertExpr[] = {
	F(NODE, "X", typeassert.x), F(POS, "Lparen", typeassert.lparen), F(NODE, "Type", typeassert.type),
	F(POS, "Rparen", typeassert.rparen)};
static const FieldDesc f_CallExpr[] = {
	F(NODE, "Fun", call.fun), F(POS, "Lparen", call.lparen), F(LIST, "Args", call.args),
	F(POS, "Ellipsis", call.ellipsis), F(POS, "Rparen", call.rparen)};
static const FieldDesc f_StarExpr[] = {F(POS, "Star", star.star), F(NODE, "X", star.x)};
static const FieldDesc f_UnaryExpr[] = {F(POS, "OpPos", unary.oppos), F(TOK, "Op", unary.op), F(NODE, "X", unary.x)};
static const FieldDesc f_BinaryExpr[] = {
	F(NODE, "X", binary.x), F(POS, "OpPos", binary.oppos), F(TOK, "Op", binary.op), F(NODE, "Y", binary.y)};
static const FieldDesc f_KeyValueExpr[] = {
	F(NODE, "Key", keyvalue.key), F(POS, "Colon", keyvalue.colon), F(NODE, "Value", keyvalue.value)};
static const FieldDesc f_ArrayType[] = {
	F(POS, "Lbrack", arraytype.lbrack), F(NODE, "Len", arraytype.len), F(NODE, "Elt", arraytype.elt)};
static const FieldDesc f_StructType[] = {
	F(POS, "Struct", structtype.struct_), F(NODE, "Fields", structtype.fields),
	F(BOOL, "Incomplete", structtype.incomplete)};
static const FieldDesc f_FuncType[] = {
	F(POS, "Func", functype.func), F(NODE, "TypeParams", functype.typeparams), F(NODE, "Params", functype.params),
	F(NODE, "Results", functype.results)};
static const FieldDesc f_InterfaceType[] = {
	F(POS, "Interface", ifacetype.interface), F(NODE, "Methods", ifacetype.methods),
	F(BOOL, "Incomplete", ifacetype.incomplete)};
static const FieldDesc f_MapType[] = {F(POS, "Map", maptype.map), F(NODE, "Key", maptype.key), F(NODE, "Value", maptype.value)};
static const FieldDesc f_ChanType[] = {
	F(POS, "Begin", chantype.begin), F(POS, "Arrow", chantype.arrow), F(DIR, "Dir", chantype.dir),
	F(NODE, "Value", chantype.value)};

static const FieldDesc f_BadStmt[] = {F(POS, "From", bad.from), F(POS, "To", bad.to)};
static const FieldDesc f_DeclStmt[] = {F(NODE, "Decl", declstmt.decl)};
static const FieldDesc f_EmptyStmt[] = {F(POS, "Semicolon", empty.semicolon), F(BOOL, "Implicit", empty.implicit)};
static const FieldDesc f_LabeledStmt[] = {
	F(NODE, "Label", labeled.label), F(POS, "Colon", labeled.colon), F(NODE, "Stmt", labeled.stmt)};
static const FieldDesc f_ExprStmt[] = {F(NODE, "X", exprstmt.x)};
static const FieldDesc f_SendStmt[] = {F(NODE, "Chan", send.chan), F(POS, "Arrow", send.arrow), F(NODE, "Value", send.value)};
static const FieldDesc f_IncDecStmt[] = {F(NODE, "X", incdec.x), F(POS, "TokPos", incdec.tokpos), F(TOK, "Tok", incdec.tok)};
static const FieldDesc f_AssignStmt[] = {
	F(LIST, "Lhs", assign.lhs), F(POS, "TokPos", assign.tokpos), F(TOK, "Tok", assign.tok), F(LIST, "Rhs", assign.rhs)};
static const FieldDesc f_GoStmt[] = {F(POS, "Go", gostmt.go), F(NODE, "Call", gostmt.call)};
static const FieldDesc f_DeferStmt[] = {F(POS, "Defer", deferstmt.defer), F(NODE, "Call", deferstmt.call)};
static const FieldDesc f_ReturnStmt[] = {F(POS, "Return", ret.return_), F(LIST, "Results", ret.results)};
static const FieldDesc f_BranchStmt[] = {F(POS, "TokPos", branch.tokpos), F(TOK, "Tok", branch.tok), F(NODE, "Label", branch.label)};
static const FieldDesc f_BlockStmt[] = {F(POS, "Lbrace", block.lbrace), F(LIST, "List", block.list), F(POS, "Rbrace", block.rbrace)};
static const FieldDesc f_IfStmt[] = {
	F(POS, "If", ifstmt.if_), F(NODE, "Init", ifstmt.init), F(NODE, "Cond", ifstmt.cond),
	F(NODE, "Body", ifstmt.body), F(NODE, "Else", ifstmt.else_)};
static const FieldDesc f_CaseClause[] = {
	F(POS, "Case", caseclause.case_), F(LIST, "List", caseclause.list), F(POS, "Colon", caseclause.colon),
	F(LIST, "Body", caseclause.body)};
static const FieldDesc f_SwitchStmt[] = {
	F(POS, "Switch", switchstmt.switch_), F(NODE, "Init", switchstmt.init), F(NODE, "Tag", switchstmt.tag),
	F(NODE, "Body", switchstmt.body)};
static const FieldDesc f_TypeSwitchStmt[] = {
	F(POS, "Switch", typeswitch.switch_), F(NODE, "Init", typeswitch.init), F(NODE, "Assign", typeswitch.assign),
	F(NODE, "Body", typeswitch.body)};
static const FieldDesc f_CommClause[] = {
	F(POS, "Case", commclause.case_), F(NODE, "Comm", commclause.comm), F(POS, "Colon", commclause.colon),
	F(LIST, "Body", commclause.body)};
static const FieldDesc f_SelectStmt[] = {F(POS, "Select", selectstmt.select), F(NODE, "Body", selectstmt.body)};
static const FieldDesc f_ForStmt[] = {
	F(POS, "For", forstmt.for_), F(NODE, "Init", forstmt.init), F(NODE, "Cond", forstmt.cond),
	F(NODE, "Post", forstmt.post), F(NODE, "Body", forstmt.body)};
static const FieldDesc f_RangeStmt[] = {
	F(POS, "For", rangestmt.for_), F(NODE, "Key", rangestmt.key), F(NODE, "Value", rangestmt.value),
	F(POS, "TokPos", rangestmt.tokpos), F(TOK, "Tok", rangestmt.tok), F(NODE, "X", rangestmt.x),
	F(NODE, "Body", rangestmt.body)};

static const FieldDesc f_ImportSpec[] = {
	F(NODE, "Name", importspec.name), F(NODE, "Path", importspec.path), F(POS, "EndPos", importspec.endpos)};
static const FieldDesc f_ValueSpec[] = {
	F(LIST, "Names", valuespec.names), F(NODE, "Type", valuespec.type), F(LIST, "Values", valuespec.values)};
static const FieldDesc f_TypeSpec[] = {
	F(NODE, "Name", typespec.name), F(NODE, "TypeParams", typespec.typeparams), F(POS, "Assign", typespec.assign),
	F(NODE, "Type", typespec.type)};
static const FieldDesc f_BadDecl[] = {F(POS, "From", bad.from), F(POS, "To", bad.to)};
static const FieldDesc f_GenDecl[] = {
	F(POS, "TokPos", gendecl.tokpos), F(TOK, "Tok", gendecl.tok), F(POS, "Lparen", gendecl.lparen),
	F(LIST, "Specs", gendecl.specs), F(POS, "Rparen", gendecl.rparen)};
static const FieldDesc f_FuncDecl[] = {
	F(NODE, "Recv", funcdecl.recv), F(NODE, "Name", funcdecl.name), F(NODE, "Type", funcdecl.type),
	F(NODE, "Body", funcdecl.body)};

static const FieldDesc f_Field[] = {F(LIST, "Names", field.names), F(NODE, "Type", field.type), F(NODE, "Tag", field.tag)};
static const FieldDesc f_FieldList[] = {
	F(POS, "Opening", fieldlist.opening), F(LIST, "List", fieldlist.list), F(POS, "Closing", fieldlist.closing)};
static const FieldDesc f_File[] = {F(POS, "Package", file.package), F(NODE, "Name", file.name), F(LIST, "Decls", file.decls)};

#undef F

/* Indexed by NodeKind: every kind has its go/ast fields, in order. */
const NodeDesc node_descs[N_COUNT] = {
#define X(k) [N_##k] = {f_##k, NELEM(f_##k)},
	NODE_KINDS(X)
#undef X
};

/* ---- go/ast's Pos() and End() ---- */

static Pos list_first_pos(List l) { return l.n ? node_pos(l.v[0]) : NoPos; }
static Pos list_last_end(List l) { return l.n ? node_end(l.v[l.n - 1]) : NoPos; }

Pos node_pos(const Node *n)
{
	if (!n) /* go/ast would dereference nil; be conservative */
		return NoPos;
	switch ((NodeKind)n->kind) {
	case N_BadExpr: case N_BadStmt: case N_BadDecl: return n->bad.from;
	case N_Ident: return n->ident.namepos;
	case N_Ellipsis: return n->ellipsis.ellipsis;
	case N_BasicLit: return n->lit.valuepos;
	case N_FuncLit: return node_pos(n->funclit.type);
	case N_CompositeLit: return n->composite.type ? node_pos(n->composite.type) : n->composite.lbrace;
	case N_ParenExpr: return n->paren.lparen;
	case N_SelectorExpr: return node_pos(n->selector.x);
	case N_IndexExpr: return node_pos(n->index.x);
	case N_IndexListExpr: return node_pos(n->indexlist.x);
	case N_SliceExpr: return node_pos(n->slice.x);
	case N_TypeAssertExpr: return node_pos(n->typeassert.x);
	case N_CallExpr: return node_pos(n->call.fun);
	case N_StarExpr: return n->star.star;
	case N_UnaryExpr: return n->unary.oppos;
	case N_BinaryExpr: return node_pos(n->binary.x);
	case N_KeyValueExpr: return node_pos(n->keyvalue.key);
	case N_ArrayType: return n->arraytype.lbrack;
	case N_StructType: return n->structtype.struct_;
	case N_FuncType: /* method specs in interfaces have no "func" */
		if (n->functype.func != NoPos || !n->functype.params)
			return n->functype.func;
		return node_pos(n->functype.params);
	case N_InterfaceType: return n->ifacetype.interface;
	case N_MapType: return n->maptype.map;
	case N_ChanType: return n->chantype.begin;

	case N_DeclStmt: return node_pos(n->declstmt.decl);
	case N_EmptyStmt: return n->empty.semicolon;
	case N_LabeledStmt: return node_pos(n->labeled.label);
	case N_ExprStmt: return node_pos(n->exprstmt.x);
	case N_SendStmt: return node_pos(n->send.chan);
	case N_IncDecStmt: return node_pos(n->incdec.x);
	case N_AssignStmt: return list_first_pos(n->assign.lhs);
	case N_GoStmt: return n->gostmt.go;
	case N_DeferStmt: return n->deferstmt.defer;
	case N_ReturnStmt: return n->ret.return_;
	case N_BranchStmt: return n->branch.tokpos;
	case N_BlockStmt: return n->block.lbrace;
	case N_IfStmt: return n->ifstmt.if_;
	case N_CaseClause: return n->caseclause.case_;
	case N_SwitchStmt: return n->switchstmt.switch_;
	case N_TypeSwitchStmt: return n->typeswitch.switch_;
	case N_CommClause: return n->commclause.case_;
	case N_SelectStmt: return n->selectstmt.select;
	case N_ForStmt: return n->forstmt.for_;
	case N_RangeStmt: return n->rangestmt.for_;

	case N_ImportSpec: return n->importspec.name ? node_pos(n->importspec.name) : node_pos(n->importspec.path);
	case N_ValueSpec: return list_first_pos(n->valuespec.names);
	case N_TypeSpec: return node_pos(n->typespec.name);
	case N_GenDecl: return n->gendecl.tokpos;
	case N_FuncDecl: return node_pos(n->funcdecl.type);

	case N_Field:
		if (n->field.names.n)
			return node_pos(n->field.names.v[0]);
		return node_pos(n->field.type);
	case N_FieldList:
		if (n->fieldlist.opening != NoPos)
			return n->fieldlist.opening;
		return list_first_pos(n->fieldlist.list);
	case N_File: return n->file.package;
	case N_COUNT: break;
	}
	ice(NoPos, "syntax", "node_pos: bad node kind %d", n->kind);
}

Pos node_end(const Node *n)
{
	if (!n)
		return NoPos;
	switch ((NodeKind)n->kind) {
	case N_BadExpr: case N_BadStmt: case N_BadDecl: return n->bad.to;
	case N_Ident: return n->ident.namepos + n->ident.name.n;
	case N_Ellipsis: return n->ellipsis.elt ? node_end(n->ellipsis.elt) : n->ellipsis.ellipsis + 3;
	case N_BasicLit: return n->lit.valuepos + n->lit.value.n;
	case N_FuncLit: return node_end(n->funclit.body);
	case N_CompositeLit: return n->composite.rbrace + 1;
	case N_ParenExpr: return n->paren.rparen + 1;
	case N_SelectorExpr: return node_end(n->selector.sel);
	case N_IndexExpr: return n->index.rbrack + 1;
	case N_IndexListExpr: return n->indexlist.rbrack + 1;
	case N_SliceExpr: return n->slice.rbrack + 1;
	case N_TypeAssertExpr: return n->typeassert.rparen + 1;
	case N_CallExpr: return n->call.rparen + 1;
	case N_StarExpr: return node_end(n->star.x);
	case N_UnaryExpr: return node_end(n->unary.x);
	case N_BinaryExpr: return node_end(n->binary.y);
	case N_KeyValueExpr: return node_end(n->keyvalue.value);
	case N_ArrayType: return node_end(n->arraytype.elt);
	case N_StructType: return node_end(n->structtype.fields);
	case N_FuncType:
		return n->functype.results ? node_end(n->functype.results) : node_end(n->functype.params);
	case N_InterfaceType: return node_end(n->ifacetype.methods);
	case N_MapType: return node_end(n->maptype.value);
	case N_ChanType: return node_end(n->chantype.value);

	case N_DeclStmt: return node_end(n->declstmt.decl);
	case N_EmptyStmt: return n->empty.implicit ? n->empty.semicolon : n->empty.semicolon + 1;
	case N_LabeledStmt: return node_end(n->labeled.stmt);
	case N_ExprStmt: return node_end(n->exprstmt.x);
	case N_SendStmt: return node_end(n->send.value);
	case N_IncDecStmt: return n->incdec.tokpos + 2;
	case N_AssignStmt: return list_last_end(n->assign.rhs);
	case N_GoStmt: return node_end(n->gostmt.call);
	case N_DeferStmt: return node_end(n->deferstmt.call);
	case N_ReturnStmt: return n->ret.results.n ? list_last_end(n->ret.results) : n->ret.return_ + 6;
	case N_BranchStmt:
		if (n->branch.label)
			return node_end(n->branch.label);
		return n->branch.tokpos + (Pos)strlen(TOK_NAME(n->branch.tok));
	case N_BlockStmt:
		if (n->block.rbrace != NoPos)
			return n->block.rbrace + 1;
		if (n->block.list.n)
			return list_last_end(n->block.list);
		return n->block.lbrace + 1;
	case N_IfStmt: return n->ifstmt.else_ ? node_end(n->ifstmt.else_) : node_end(n->ifstmt.body);
	case N_CaseClause:
		return n->caseclause.body.n ? list_last_end(n->caseclause.body) : n->caseclause.colon + 1;
	case N_SwitchStmt: return node_end(n->switchstmt.body);
	case N_TypeSwitchStmt: return node_end(n->typeswitch.body);
	case N_CommClause:
		return n->commclause.body.n ? list_last_end(n->commclause.body) : n->commclause.colon + 1;
	case N_SelectStmt: return node_end(n->selectstmt.body);
	case N_ForStmt: return node_end(n->forstmt.body);
	case N_RangeStmt: return node_end(n->rangestmt.body);

	case N_ImportSpec:
		return n->importspec.endpos != NoPos ? n->importspec.endpos : node_end(n->importspec.path);
	case N_ValueSpec:
		if (n->valuespec.values.n)
			return list_last_end(n->valuespec.values);
		if (n->valuespec.type)
			return node_end(n->valuespec.type);
		return list_last_end(n->valuespec.names);
	case N_TypeSpec: return node_end(n->typespec.type);
	case N_GenDecl:
		if (n->gendecl.rparen != NoPos)
			return n->gendecl.rparen + 1;
		return n->gendecl.specs.n ? node_end(n->gendecl.specs.v[0]) : NoPos;
	case N_FuncDecl: return n->funcdecl.body ? node_end(n->funcdecl.body) : node_end(n->funcdecl.type);

	case N_Field:
		if (n->field.tag)
			return node_end(n->field.tag);
		if (n->field.type)
			return node_end(n->field.type);
		return list_last_end(n->field.names);
	case N_FieldList:
		if (n->fieldlist.closing != NoPos)
			return n->fieldlist.closing + 1;
		return list_last_end(n->fieldlist.list);
	case N_File: return n->file.decls.n ? list_last_end(n->file.decls) : node_end(n->file.name);
	case N_COUNT: break;
	}
	ice(NoPos, "syntax", "node_end: bad node kind %d", n->kind);
}

/* ---- the dump ---- */

typedef struct Dumper {
	FILE *out;
	Buf line;
	bool posend;
	const SrcFile *file; /* every position of the tree is in this file */
	uint32_t hint;       /* index of the line of the last position printed */
} Dumper;

static char *put_uint(char *p, uint32_t v)
{
	char tmp[10];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* "LINE:COL" of the raw position p (pos_raw), or "-" for NoPos.  Positions
 * come mostly in source order, so the line of the previous one is tried
 * before a binary search. */
static void put_pos(Dumper *d, Pos p)
{
	Buf *b = &d->line;
	const SrcFile *f = d->file;
	if (p == NoPos) {
		buf_putc(b, '-');
		return;
	}
	if (!f || p < f->base || p - f->base > f->size) { /* not expected: be general */
		Position pp = pos_raw(p);
		buf_printf(b, "%d:%d", pp.line, pp.col);
		return;
	}
	uint32_t off = p - f->base, i = d->hint;
	if (!(i < f->nlines && f->lines[i] <= off && (i + 1 == f->nlines || off < f->lines[i + 1]))) {
		uint32_t lo = 0, hi = f->nlines; /* last line starting at or before off */
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (f->lines[mid] <= off)
				lo = mid + 1;
			else
				hi = mid;
		}
		i = d->hint = lo - 1;
	}
	buf_grow(b, 22);
	char *q = put_uint(b->p + b->n, i + 1);
	*q++ = ':';
	q = put_uint(q, off - f->lines[i] + 1);
	b->n = (size_t)(q - b->p);
}

static void put_str(Buf *b, Str s)
{
	static const char hex[] = "0123456789abcdef";
	buf_grow(b, 4 * (size_t)s.n + 2);
	char *p = b->p + b->n;
	*p++ = '"';
	for (uint32_t i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c == '"' || c == '\\') {
			*p++ = '\\';
			*p++ = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			*p++ = '\\';
			*p++ = 'x';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		} else {
			*p++ = (char)c;
		}
	}
	*p++ = '"';
	b->n = (size_t)(p - b->p);
}

#define FIELD(n, f, T) (*(const T *)((const char *)(n) + (f)->off))

static void dump_node(Dumper *d, const char *label, uint32_t index, bool indexed, int depth, const Node *n)
{
	if (n->kind >= N_COUNT)
		ice(NoPos, "astdump", "bad node kind %d", n->kind);
	const NodeDesc *nd = &node_descs[n->kind];
	Buf *b = &d->line;
	b->n = 0;
	for (int i = 0; i < depth; i++)
		buf_put(b, "  ", 2);
	if (label) {
		buf_puts(b, label);
		if (indexed) {
			buf_grow(b, 12);
			b->p[b->n++] = '[';
			b->n = (size_t)(put_uint(b->p + b->n, index) - b->p);
			b->p[b->n++] = ']';
		}
		buf_put(b, ": ", 2);
	}
	buf_puts(b, node_kind_names[n->kind]);
	for (uint32_t i = 0; i < nd->nfields; i++) {
		const FieldDesc *f = &nd->fields[i];
		if (f->kind == F_NODE || f->kind == F_LIST)
			continue;
		buf_putc(b, ' ');
		buf_puts(b, f->name);
		buf_putc(b, '=');
		switch ((FieldKind)f->kind) {
		case F_POS: put_pos(d, FIELD(n, f, Pos)); break;
		case F_STR: put_str(b, FIELD(n, f, Str)); break;
		case F_TOK:
		case F_LITKIND: {
			uint8_t t = FIELD(n, f, uint8_t);
			if (t >= TOK_COUNT)
				ice(node_pos(n), "astdump", "bad token %d in %s.%s", t, node_kind_names[n->kind], f->name);
			buf_puts(b, TOK_NAME(t));
			break;
		}
		case F_BOOL: buf_puts(b, FIELD(n, f, bool) ? "true" : "false"); break;
		case F_DIR: buf_printf(b, "%d", FIELD(n, f, uint8_t)); break;
		case F_NODE:
		case F_LIST: break;
		}
	}
	if (d->posend) {
		buf_put(b, " @", 2);
		put_pos(d, node_pos(n));
		buf_putc(b, ',');
		put_pos(d, node_end(n));
	}
	buf_putc(b, '\n');
	fwrite(b->p, 1, b->n, d->out);

	for (uint32_t i = 0; i < nd->nfields; i++) {
		const FieldDesc *f = &nd->fields[i];
		if (f->kind == F_NODE) {
			const Node *c = FIELD(n, f, Node *);
			if (c)
				dump_node(d, f->name, 0, false, depth + 1, c);
		} else if (f->kind == F_LIST) {
			List l = FIELD(n, f, List);
			for (uint32_t j = 0; j < l.n; j++)
				if (l.v[j])
					dump_node(d, f->name, j, true, depth + 1, l.v[j]);
		}
	}
}

void dump_ast(FILE *out, const Node *file)
{
	if (!file)
		return;
	Dumper d = {.out = out};
	const char *e = getenv("GOC_ASTDUMP_POSEND");
	d.posend = e && strcmp(e, "1") == 0;
	d.file = fileset_file(file->file.package);
	dump_node(&d, NULL, 0, false, 0, file);
	buf_free(&d.line);
}

void node_children(Node *n, void (*fn)(Node *child, void *ctx), void *ctx)
{
	const NodeDesc *d = &node_descs[n->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *fd = &d->fields[i];
		if (fd->kind == F_NODE) {
			Node *c = *(Node **)((char *)n + fd->off);
			if (c)
				fn(c, ctx);
		} else if (fd->kind == F_LIST) {
			List l = *(List *)((char *)n + fd->off);
			for (uint32_t j = 0; j < l.n; j++)
				if (l.v[j])
					fn(l.v[j], ctx);
		}
	}
}
