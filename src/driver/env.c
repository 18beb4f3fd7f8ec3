/* env.c — `goc env`: the settings goc works with, printed as `go env` does. */
#include "../base/base.h"
#include "driver.h"

#include <sys/stat.h>
#include <unistd.h>

#define DEBIAN_GOROOT "/usr/share/go-1.19"

const char *goc_hostos(void) { return "linux"; }

const char *goc_hostarch(void)
{
#if defined(__x86_64__)
	return "amd64";
#elif defined(__aarch64__)
	return "arm64";
#else
	return "unknown";
#endif
}

static bool is_goroot(const char *dir)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof path, "%s/src/runtime", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *goc_goroot(void)
{
	const char *g = getenv("GOROOT");
	if (g && *g)
		return g;
	if (is_goroot(DEBIAN_GOROOT))
		return DEBIAN_GOROOT;
	return NULL;
}

/* goc's own root, where its runtime archive (build/runtime/libgocrt.a)
 * and overlay packages (runtime/, overlay/) are: $GOCROOT; else, for an
 * installed goc (PREFIX/bin/goc, `make install`), PREFIX/lib/goc; else the
 * directory above the goc binary (bin/goc in the repository) */
const char *goc_root(void)
{
	const char *env = getenv("GOCROOT");
	if (env && *env)
		return env;
	static char root[4096];
	if (root[0])
		return root;
	ssize_t n = readlink("/proc/self/exe", root, sizeof root - 64);
	if (n <= 0) {
		snprintf(root, sizeof root, ".");
		return root;
	}
	root[n] = 0;
	for (int k = 0; k < 2; k++) {
		char *slash = strrchr(root, '/');
		if (slash && slash != root)
			*slash = 0;
	}
	size_t len = strlen(root);
	strcat(root, "/lib/goc/build/runtime/libgocrt.a");
	bool installed = access(root, R_OK) == 0;
	root[len] = 0;
	if (installed)
		strcat(root, "/lib/goc");
	return root;
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v && *v ? v : def;
}

int cmd_env(int argc, char **argv)
{
	const char *goroot = goc_goroot();
	if (!goroot) {
		fprintf(stderr, "goc: cannot find GOROOT: set $GOROOT or install the Go 1.19 standard "
		                "library source (Debian package golang-1.19-src, at " DEBIAN_GOROOT ")\n");
		return 2;
	}
	const char *cache = cache_dir() ? cache_dir() : "off";
	/* GOCROOT: goc's own files (its runtime archive and overlay) */
	const char *keys[] = {"GOARCH", "GOCACHE", "GOOS", "GOROOT", "GOVERSION", "CGO_ENABLED", "GOCROOT"};
	const char *vals[] = {env_or("GOARCH", goc_hostarch()), cache, env_or("GOOS", goc_hostos()),
	                      goroot, "go1.19", env_or("CGO_ENABLED", "0"), goc_root()};
	int rc = 0;
	if (argc > 1) { /* goc env NAME...: values only, one per line */
		for (int i = 1; i < argc; i++) {
			size_t k = 0;
			while (k < NELEM(keys) && strcmp(keys[k], argv[i]) != 0)
				k++;
			puts(k < NELEM(keys) ? vals[k] : "");
		}
	} else {
		for (size_t k = 0; k < NELEM(keys); k++)
			printf("%s=\"%s\"\n", keys[k], vals[k]);
	}
	return rc;
}
