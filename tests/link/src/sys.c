/* sys.c — memcpy/memset/strlen and output helpers (compile with gcc:
 * loop-pattern distribution is off so memset does not call itself). */
#include "sys.h"

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memcpy(void *d, const void *s, size_t n)
{
	char *dp = d;
	const char *sp = s;
	while (n--)
		*dp++ = *sp++;
	return d;
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memset(void *d, int c, size_t n)
{
	char *dp = d;
	while (n--)
		*dp++ = (char)c;
	return d;
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

void puts_(const char *s) { sys_write(1, s, strlen(s)); }

void putu(unsigned long v)
{
	char buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sys_write(1, buf + i, sizeof buf - i);
}

void puti(long v)
{
	if (v < 0) {
		puts_("-");
		putu((unsigned long)-v);
	} else {
		putu((unsigned long)v);
	}
}

void putkv(const char *k, long v)
{
	puts_(k);
	puts_("=");
	puti(v);
	puts_("\n");
}
