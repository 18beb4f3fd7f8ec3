/* token.c — token names (go/token's spellings) and operator precedence. */
#include "syntax.h"

const char *const token_names[TOK_COUNT] = {
#define X(name, s) s,
	TOKENS(X)
#undef X
};

int tok_precedence(Token t)
{
	switch (t) {
	case TOK_LOR:
		return 1;
	case TOK_LAND:
		return 2;
	case TOK_EQL: case TOK_NEQ: case TOK_LSS: case TOK_LEQ: case TOK_GTR: case TOK_GEQ:
		return 3;
	case TOK_ADD: case TOK_SUB: case TOK_OR: case TOK_XOR:
		return 4;
	case TOK_MUL: case TOK_QUO: case TOK_REM: case TOK_SHL: case TOK_SHR: case TOK_AND: case TOK_AND_NOT:
		return 5;
	default:
		return 0;
	}
}
