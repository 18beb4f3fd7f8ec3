/*
 * cache.c — goc's build cache: content-addressed entries under GOCACHE
 * (default $XDG_CACHE_HOME/goc-build or ~/.cache/goc-build; GOCACHE=off
 * turns it off).  GOCCACHE, when set, is used instead of GOCACHE: it lets
 * goc's cache be set apart from (or turned off beside) the go command's,
 * as goc's test scripts do.
 *
 * An entry is KEY-KIND in the subdirectory named by the key's first byte
 * (hex), holding a header ("goc cache 1\n"), the NOT-SHA-256 of the
 * payload and its length, then the payload.  It is written to a
 * temporary file in the same directory and renamed into place, so a
 * concurrent goc never reads a torn entry; an entry whose header, length
 * or sum does not match is treated as missing (and overwritten by the
 * rebuild), never used.  What goes into a key is the caller's business
 * (build.c: the program cache, docs/architecture.md).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/base.h"
#include "driver.h"

static const char magic[] = "goc cache 1\n";
enum { MAGICLEN = sizeof magic - 1, HDRLEN = MAGICLEN + 32 + 8 };

const char *cache_dir(void)
{
	static char dir[PATH_MAX];
	if (dir[0])
		return dir;
	const char *e = getenv("GOCCACHE"); /* goc's alone, when GOCACHE is the go command's */
	if (!e || !*e)
		e = getenv("GOCACHE");
	if (e && strcmp(e, "off") == 0)
		return NULL;
	if (e && *e)
		snprintf(dir, sizeof dir, "%s", e);
	else if ((e = getenv("XDG_CACHE_HOME")) && *e)
		snprintf(dir, sizeof dir, "%s/goc-build", e);
	else if ((e = getenv("HOME")) && *e)
		snprintf(dir, sizeof dir, "%s/.cache/goc-build", e);
	else
		return NULL;
	return dir;
}

static void hexkey(const uint8_t key[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		sprintf(out + 2 * i, "%02x", key[i]);
}

static bool entry_path(const uint8_t key[32], const char *kind, char *path, size_t n, bool mkdirs)
{
	const char *dir = cache_dir();
	if (!dir)
		return false;
	char hex[65];
	hexkey(key, hex);
	if (mkdirs) {
		/* mkdir -p of the cache directory, then the key's subdirectory */
		char p[PATH_MAX];
		snprintf(p, sizeof p, "%s", dir);
		for (char *s = p + 1; *s; s++)
			if (*s == '/') {
				*s = 0;
				mkdir(p, 0777);
				*s = '/';
			}
		mkdir(p, 0777);
		snprintf(p, sizeof p, "%s/%.2s", dir, hex);
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			return false;
	}
	snprintf(path, n, "%s/%.2s/%s-%s", dir, hex, hex, kind);
	return true;
}

bool cache_get(const uint8_t key[32], const char *kind, uint8_t **data, size_t *len)
{
	char path[PATH_MAX];
	if (!entry_path(key, kind, path, sizeof path, false))
		return false;
	size_t n;
	char *buf = read_file(path, &n);
	if (!buf)
		return false;
	uint8_t sum[32];
	uint64_t plen = 0;
	if (n >= HDRLEN) {
		memcpy(&plen, buf + MAGICLEN + 32, 8);
		if (memcmp(buf, magic, MAGICLEN) == 0 && plen == n - HDRLEN) {
			notsha256(buf + HDRLEN, (size_t)plen, sum);
			if (memcmp(sum, buf + MAGICLEN, 32) == 0) {
				*len = (size_t)plen;
				*data = xmalloc(*len + 1);
				memcpy(*data, buf + HDRLEN, *len);
				free(buf);
				return true;
			}
		}
	}
	free(buf); /* damaged: rebuilt and replaced */
	return false;
}

bool write_full(int fd, const void *p, size_t n)
{
	const uint8_t *b = p;
	while (n > 0) {
		ssize_t w = write(fd, b, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		b += w, n -= (size_t)w;
	}
	return true;
}

void cache_put(const uint8_t key[32], const char *kind, const uint8_t *data, size_t len)
{
	char path[PATH_MAX], tmp[PATH_MAX + 32];
	if (!entry_path(key, kind, path, sizeof path, true))
		return;
	snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return;
	uint8_t hdr[HDRLEN];
	memcpy(hdr, magic, MAGICLEN);
	notsha256(data, len, hdr + MAGICLEN);
	uint64_t plen = len;
	memcpy(hdr + MAGICLEN + 32, &plen, 8);
	bool ok = write_full(fd, hdr, HDRLEN) && write_full(fd, data, len);
	if (close(fd) != 0)
		ok = false;
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
}

int cache_clean(void)
{
	const char *dir = cache_dir();
	if (!dir)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strlen(e->d_name) != 2 || !isxdigit((unsigned char)e->d_name[0]) || !isxdigit((unsigned char)e->d_name[1]))
			continue;
		char sub[PATH_MAX];
		snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
		DIR *sd = opendir(sub);
		if (!sd)
			continue;
		struct dirent *f;
		while ((f = readdir(sd))) {
			/* goc's entries only: HEX-KIND (GOCACHE may be shared with go) */
			const char *dash = strchr(f->d_name, '-');
			if (!dash || dash - f->d_name != 64 || strncmp(dash, "-goc", 4) != 0)
				continue;
			char p[PATH_MAX + 300];
			snprintf(p, sizeof p, "%s/%s", sub, f->d_name);
			unlink(p);
		}
		closedir(sd);
		rmdir(sub); /* only if empty */
	}
	closedir(d);
	return 0;
}
