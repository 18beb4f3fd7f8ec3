/* parse.c — placeholder until the parser lands. */
#include "syntax.h"
ParsedFile parse_file(SrcFile *f, const char *src, uint32_t len, DiagList *d, Arena *a)
{
	(void)f; (void)src; (void)len; (void)d; (void)a;
	fatal("not implemented: parser");
}
