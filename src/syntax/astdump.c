/* astdump.c — placeholder until the AST dump lands. */
#include "syntax.h"
const char *const node_kind_names[N_COUNT] = {
#define X(k) #k,
	NODE_KINDS(X)
#undef X
};
void dump_ast(FILE *out, const Node *file) { (void)out; (void)file; fatal("not implemented: AST dump"); }
Pos node_pos(const Node *n) { (void)n; fatal("not implemented: node_pos"); }
Pos node_end(const Node *n) { (void)n; fatal("not implemented: node_end"); }
