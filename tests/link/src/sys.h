/* sys.h — raw system calls and tiny output helpers for the freestanding
 * linker tests (no libc). */
#ifndef SYS_H
#define SYS_H
typedef unsigned long size_t;
typedef long ssize_t;

static inline long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}
static inline void sys_exit(int code)
{
	for (;;)
		sys3(231, code, 0, 0); /* exit_group */
}
static inline long sys_write(int fd, const void *p, size_t n) { return sys3(1, fd, (long)p, (long)n); }

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
size_t strlen(const char *s);
void puts_(const char *s);
void putu(unsigned long v);
void puti(long v);
void putkv(const char *k, long v); /* "k=v\n" */
#endif
