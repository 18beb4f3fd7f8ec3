/*
 * intern.c — the global identifier table: open addressing on a
 * power-of-two array of pointers; strings live in never-freed chunks,
 * each preceded by its InternHdr (hash, length).
 */
#include "intern.h"

static const char **tab;
static uint32_t tabcap, tabn;
static Arena strs;

uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static void grow(void)
{
	uint32_t ncap = tabcap ? tabcap * 2 : 4096;
	const char **nt = xcalloc(ncap, sizeof *nt);
	for (uint32_t i = 0; i < tabcap; i++) {
		const char *s = tab[i];
		if (!s)
			continue;
		uint32_t j = intern_hash(s) & (ncap - 1);
		while (nt[j])
			j = (j + 1) & (ncap - 1);
		nt[j] = s;
	}
	free(tab);
	tab = nt;
	tabcap = ncap;
}

const char *intern(const char *s, size_t n)
{
	if (n == 0)
		s = ""; /* callers may pass (NULL, 0): memcmp and memcpy need a pointer */
	if (UNLIKELY((tabn + 1) * 2 > tabcap))
		grow();
	uint32_t h = hash_bytes(s, n);
	uint32_t i = h & (tabcap - 1);
	for (const char *t; (t = tab[i]) != NULL; i = (i + 1) & (tabcap - 1))
		if (intern_hash(t) == h && intern_len(t) == n && memcmp(t, s, n) == 0)
			return t;
	InternHdr *hdr = arena_alloc(&strs, sizeof(InternHdr) + n + 1);
	hdr->hash = h;
	hdr->len = (uint32_t)n;
	char *p = (char *)(hdr + 1);
	memcpy(p, s, n);
	p[n] = 0;
	tab[i] = p;
	tabn++;
	return p;
}
