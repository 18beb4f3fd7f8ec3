/* scan.c — placeholder until the scanner lands. */
#include "syntax.h"
void scan_init(Scanner *s, SrcFile *f, const char *src, uint32_t len, int mode, DiagList *d, Arena *a)
{
	(void)s; (void)f; (void)src; (void)len; (void)mode; (void)d; (void)a;
	fatal("not implemented: scanner");
}
void scan_next(Scanner *s) { (void)s; fatal("not implemented: scanner"); }
void dump_tokens(FILE *out, SrcFile *f, const char *src, uint32_t len)
{
	(void)out; (void)f; (void)src; (void)len;
	fatal("not implemented: scanner");
}
const char *const token_names[TOK_COUNT] = {
#define X(name, s) s,
	TOKENS(X)
#undef X
};
