/*
 * token.h — Go's tokens, defined once.  X(enum-suffix, spelling) in the
 * order of go/token, so that TOK_NAME(t) prints what go/token's
 * Token.String() prints (the AST dump depends on it).
 */
#ifndef GOC_TOKEN_H
#define GOC_TOKEN_H

#define TOKENS(X)                                                              \
	X(ILLEGAL, "ILLEGAL") X(EOF, "EOF") X(COMMENT, "COMMENT")              \
	/* literals */                                                         \
	X(IDENT, "IDENT") X(INT, "INT") X(FLOAT, "FLOAT") X(IMAG, "IMAG")      \
	X(CHAR, "CHAR") X(STRING, "STRING")                                    \
	/* operators */                                                        \
	X(ADD, "+") X(SUB, "-") X(MUL, "*") X(QUO, "/") X(REM, "%")            \
	X(AND, "&") X(OR, "|") X(XOR, "^") X(SHL, "<<") X(SHR, ">>")           \
	X(AND_NOT, "&^")                                                       \
	X(ADD_ASSIGN, "+=") X(SUB_ASSIGN, "-=") X(MUL_ASSIGN, "*=")            \
	X(QUO_ASSIGN, "/=") X(REM_ASSIGN, "%=") X(AND_ASSIGN, "&=")            \
	X(OR_ASSIGN, "|=") X(XOR_ASSIGN, "^=") X(SHL_ASSIGN, "<<=")            \
	X(SHR_ASSIGN, ">>=") X(AND_NOT_ASSIGN, "&^=")                          \
	X(LAND, "&&") X(LOR, "||") X(ARROW, "<-") X(INC, "++") X(DEC, "--")    \
	X(EQL, "==") X(LSS, "<") X(GTR, ">") X(ASSIGN, "=") X(NOT, "!")        \
	X(NEQ, "!=") X(LEQ, "<=") X(GEQ, ">=") X(DEFINE, ":=")                 \
	X(ELLIPSIS, "...")                                                     \
	X(LPAREN, "(") X(LBRACK, "[") X(LBRACE, "{") X(COMMA, ",")             \
	X(PERIOD, ".") X(RPAREN, ")") X(RBRACK, "]") X(RBRACE, "}")            \
	X(SEMICOLON, ";") X(COLON, ":")                                        \
	/* keywords (TOK_BREAK..TOK_VAR are contiguous) */                     \
	X(BREAK, "break") X(CASE, "case") X(CHAN, "chan") X(CONST, "const")    \
	X(CONTINUE, "continue") X(DEFAULT, "default") X(DEFER, "defer")        \
	X(ELSE, "else") X(FALLTHROUGH, "fallthrough") X(FOR, "for")            \
	X(FUNC, "func") X(GO, "go") X(GOTO, "goto") X(IF, "if")                \
	X(IMPORT, "import") X(INTERFACE, "interface") X(MAP, "map")            \
	X(PACKAGE, "package") X(RANGE, "range") X(RETURN, "return")            \
	X(SELECT, "select") X(STRUCT, "struct") X(SWITCH, "switch")            \
	X(TYPE, "type") X(VAR, "var")                                          \
	/* additional tokens, handled in an ad-hoc manner (as in go/token) */  \
	X(TILDE, "~")

typedef enum Token {
#define X(name, s) TOK_##name,
	TOKENS(X)
#undef X
	TOK_COUNT
} Token;

extern const char *const token_names[TOK_COUNT];
#define TOK_NAME(t) (token_names[(t)])

static inline int tok_is_keyword(Token t) { return t >= TOK_BREAK && t <= TOK_VAR; }
static inline int tok_is_literal(Token t) { return t >= TOK_IDENT && t <= TOK_STRING; }

/* Binary operator precedence as in the spec (5 highest .. 1 lowest; 0 not binary). */
int tok_precedence(Token t);

#endif
