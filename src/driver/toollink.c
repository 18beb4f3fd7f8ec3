/*
 * toollink.c — `goc tool link [-o out] [-e entry] OBJ.o...`: goc's linker
 * by itself, on ELF relocatable objects (gcc/clang -c).  Exit status 0 on
 * success, 2 on any error (gc's linker exits 2 too).
 */
#include "../base/base.h"
#include "../link/link.h"
#include "driver.h"

static int usage(void)
{
	fputs("usage: goc tool link [-o out] [-e entry] OBJ.o...\n", stderr);
	return 2;
}

int tool_link(int argc, char **argv)
{
	const char *out = "a.out", *entry = "_start";
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if ((strcmp(a, "-o") == 0 || strcmp(a, "-e") == 0) && i + 1 < argc) {
			if (a[1] == 'o')
				out = argv[++i];
			else
				entry = argv[++i];
			continue;
		}
		return usage();
	}
	if (i == argc)
		return usage();
	Link *l = link_new();
	for (; i < argc; i++)
		link_load_object(l, argv[i]);
	int rc = link_nerrors(l) ? 2 : (link_write(l, out, entry) ? 2 : 0);
	link_free(l);
	return rc;
}
