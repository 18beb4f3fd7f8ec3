/*
 * archive.c — reads ar archives (the System V / GNU format that `ar rcs`
 * writes: "!<arch>\n", 60-byte member headers, "/" symbol index, "//"
 * long-name table) and loads every ELF member as an object.  Used for the
 * C runtime (build/runtime/libgocrt.a).
 *
 * Every member is loaded, not only those that define a needed symbol:
 * the runtime is one program (its files reference each other), so
 * member-by-member selection would save little; dead-code elimination
 * belongs to the linker's layout (later).
 */
#include "link.h"

#include <errno.h>

static uint64_t field(const char *p, int n, int base)
{
	char buf[24];
	memcpy(buf, p, (size_t)n);
	buf[n] = 0;
	return strtoull(buf, NULL, base);
}

int link_load_archive(Link *l, const char *path)
{
	size_t len;
	char *data = read_file(path, &len);
	if (!data) {
		link_errorf(l, "open %s: %s", path, strerror(errno));
		return -1;
	}
	if (len < 8 || memcmp(data, "!<arch>\n", 8) != 0) {
		free(data);
		link_errorf(l, "%s: not an ar archive", path);
		return -1;
	}
	const char *names = NULL;
	size_t nameslen = 0;
	int rc = 0;
	for (size_t off = 8; off + 60 <= len;) {
		const char *h = data + off;
		if (h[58] != '`' || h[59] != '\n') {
			link_errorf(l, "%s: malformed archive member header at %zu", path, off);
			rc = -1;
			break;
		}
		uint64_t size = field(h + 48, 10, 10);
		const char *body = h + 60;
		if (off + 60 + size > len) {
			link_errorf(l, "%s: truncated archive member at %zu", path, off);
			rc = -1;
			break;
		}
		char name[256];
		if (memcmp(h, "// ", 3) == 0) {
			names = body;
			nameslen = size;
		} else if (h[0] == '/' && (h[1] == ' ' || memcmp(h, "/SYM64/", 7) == 0)) {
			/* the symbol index: not needed, every member is loaded */
		} else {
			if (h[0] == '/' && names) {
				size_t k = (size_t)field(h + 1, 15, 10), e = k;
				while (e < nameslen && names[e] != '/' && names[e] != '\n')
					e++;
				snprintf(name, sizeof name, "%s(%.*s)", path, (int)(e - k), names + k);
			} else {
				int e = 0;
				while (e < 16 && h[e] != '/' && h[e] != ' ')
					e++;
				snprintf(name, sizeof name, "%s(%.*s)", path, e, h);
			}
			/* each member gets its own (aligned) copy, owned by the link */
			uint8_t *m = xmalloc(size ? size : 1);
			memcpy(m, body, size);
			if (l->nblobs == l->capblobs) {
				l->capblobs = l->capblobs ? l->capblobs * 2 : 16;
				l->blobs = xrealloc(l->blobs, l->capblobs * sizeof l->blobs[0]);
			}
			l->blobs[l->nblobs++] = m;
			char *nm = arena_strndup(&l->arena, name, strlen(name));
			if (size >= 4 && memcmp(m, "\177ELF", 4) == 0 && link_load_object_mem(l, nm, m, size) < 0)
				rc = -1;
		}
		off += 60 + size + (size & 1);
	}
	free(data);
	return rc;
}
