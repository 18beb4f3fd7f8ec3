// sys_linux_amd64.c — raw Linux system calls for amd64.  No libc: each
// call is one `syscall` instruction; failures come back as -errno, as the
// kernel returns them.
#include "rt.h"

enum {
	SYS_read = 0, SYS_write = 1, SYS_open = 2, SYS_close = 3, SYS_mmap = 9,
	SYS_mprotect = 10, SYS_munmap = 11, SYS_rt_sigaction = 13,
	SYS_rt_sigprocmask = 14, SYS_sched_yield = 24, SYS_madvise = 28,
	SYS_nanosleep = 35, SYS_getpid = 39, SYS_clone = 56, SYS_exit = 60,
	SYS_sigaltstack = 131, SYS_arch_prctl = 158, SYS_gettid = 186, SYS_futex = 202,
	SYS_sched_getaffinity = 204, SYS_clock_gettime = 228,
	SYS_exit_group = 231, SYS_tgkill = 234, SYS_memfd_create = 319,
	SYS_getrandom = 318, SYS_epoll_wait = 232, SYS_epoll_ctl = 233, SYS_epoll_create1 = 291,
};

static inline intgo syscall6(intgo n, intgo a1, intgo a2, intgo a3, intgo a4, intgo a5, intgo a6)
{
	intgo ret;
	register intgo r10 __asm__("r10") = a4;
	register intgo r8 __asm__("r8") = a5;
	register intgo r9 __asm__("r9") = a6;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define SC3(n, a, b, c) syscall6(n, (intgo)(a), (intgo)(b), (intgo)(c), 0, 0, 0)

intgo sys_write(int fd, const void *p, uintptr n) { return SC3(SYS_write, fd, p, n); }
intgo sys_read(int fd, void *p, uintptr n) { return SC3(SYS_read, fd, p, n); }
int sys_open(const char *path, int flags, int mode) { return (int)SC3(SYS_open, path, flags, mode); }
int sys_close(int fd) { return (int)SC3(SYS_close, fd, 0, 0); }
intgo sys_raw(intgo trap, intgo a1) { return SC3(trap, a1, 0, 0); }
int sys_epoll_create1(int flags) { return (int)SC3(SYS_epoll_create1, flags, 0, 0); }
int sys_epoll_ctl(int epfd, int op, int fd, void *ev) { return (int)syscall6(SYS_epoll_ctl, epfd, op, fd, (intgo)ev, 0, 0); }
int sys_epoll_wait(int epfd, void *evs, int n, int ms) { return (int)syscall6(SYS_epoll_wait, epfd, (intgo)evs, n, ms, 0, 0); }

void sys_exit_group(int code)
{
	for (;;)
		SC3(SYS_exit_group, code, 0, 0);
}

void sys_exit_thread(int code)
{
	for (;;)
		SC3(SYS_exit, code, 0, 0);
}

void *sys_mmap(void *addr, uintptr n, int prot, int flags, int fd, intgo off)
{
	return (void *)syscall6(SYS_mmap, (intgo)addr, (intgo)n, prot, flags, fd, off);
}

int sys_munmap(void *addr, uintptr n) { return (int)SC3(SYS_munmap, addr, n, 0); }
int sys_madvise(void *addr, uintptr n, int advice) { return (int)SC3(SYS_madvise, addr, n, advice); }
int sys_mprotect(void *addr, uintptr n, int prot) { return (int)SC3(SYS_mprotect, addr, n, prot); }

// clone: the child returns 0 on the new stack; the caller arranges for
// the child's stack to hold what it needs (the scheduler's thread start
// is written in rt0 assembly, as the child has no frame to return to).
intgo sys_clone(unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls)
{
	return syscall6(SYS_clone, (intgo)flags, (intgo)stack, (intgo)ptid, (intgo)ctid, (intgo)tls, 0);
}

int sys_arch_prctl(int code, uintptr addr) { return (int)SC3(SYS_arch_prctl, code, addr, 0); }

int sys_futex(uint32_t *addr, int op, uint32_t val, const void *ts, uint32_t *addr2, uint32_t val3)
{
	return (int)syscall6(SYS_futex, (intgo)addr, op, val, (intgo)ts, (intgo)addr2, val3);
}

int sys_rt_sigaction(int sig, const void *act, void *oact, uintptr size)
{
	return (int)syscall6(SYS_rt_sigaction, sig, (intgo)act, (intgo)oact, (intgo)size, 0, 0);
}

int sys_rt_sigprocmask(int how, const void *set, void *oset, uintptr size)
{
	return (int)syscall6(SYS_rt_sigprocmask, how, (intgo)set, (intgo)oset, (intgo)size, 0, 0);
}

int sys_sigaltstack(const void *ss, void *oss) { return (int)SC3(SYS_sigaltstack, ss, oss, 0); }
int sys_nanosleep(const void *req, void *rem) { return (int)SC3(SYS_nanosleep, req, rem, 0); }
int sys_clock_gettime_syscall(int clock, void *ts) { return (int)SC3(SYS_clock_gettime, clock, ts, 0); }
intgo sys_getrandom(void *buf, uintptr n, unsigned flags) { return SC3(SYS_getrandom, buf, n, flags); }
int sys_sched_yield(void) { return (int)SC3(SYS_sched_yield, 0, 0, 0); }
int sys_gettid(void) { return (int)SC3(SYS_gettid, 0, 0, 0); }
int sys_getpid(void) { return (int)SC3(SYS_getpid, 0, 0, 0); }
int sys_tgkill(int tgid, int tid, int sig) { return (int)SC3(SYS_tgkill, tgid, tid, sig); }
int sys_sched_getaffinity(int pid, uintptr n, void *mask) { return (int)SC3(SYS_sched_getaffinity, pid, n, mask); }
int sys_memfd_create(const char *name, unsigned flags) { return (int)SC3(SYS_memfd_create, name, flags, 0); }

void rt_usleep(uint32_t usec)
{
	struct { int64_t sec, nsec; } ts = {usec / 1000000, (int64_t)(usec % 1000000) * 1000};
	sys_nanosleep(&ts, 0);
}
