/*
 * execmem.c — runs an executable image held in memory (goc run): writes
 * it to a memfd and execs that, so nothing is left on disk and the exit
 * status is the program's own.  Where memfd_create is missing, a
 * temporary file is used, run as a child and removed when it exits.
 * (Apart from build.c because <sys/wait.h> and amd64.h both define REG_*.)
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/base.h"
#include "driver.h"

extern char **environ;

int exec_image(const uint8_t *img, size_t len, char **args)
{
	int fd = -1;
	char tmp[] = "/tmp/goc-run-XXXXXX";
	bool istmp = false;
#ifdef SYS_memfd_create
	fd = (int)syscall(SYS_memfd_create, "goc-run", 1 /* MFD_CLOEXEC */);
#endif
	if (fd < 0) {
		fd = mkstemp(tmp);
		istmp = true;
		if (fd < 0) {
			fprintf(stderr, "goc run: %s\n", strerror(errno));
			return 2;
		}
	}
	for (size_t off = 0; off < len;) {
		ssize_t n = write(fd, img + off, len - off);
		if (n <= 0) {
			fprintf(stderr, "goc run: write: %s\n", strerror(errno));
			return 2;
		}
		off += (size_t)n;
	}
	fflush(stdout);
	fflush(stderr);
	if (istmp) {
		fchmod(fd, 0700);
		close(fd);
		pid_t pid = fork();
		if (pid == 0) {
			execve(tmp, args, environ);
			_exit(127);
		}
		int st = 0;
		/* the file is gone once the child has it mapped; wait for it */
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		unlink(tmp);
		return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
	fexecve(fd, args, environ);
	fprintf(stderr, "goc run: exec: %s\n", strerror(errno));
	return 2;
}


int run_forked(int (*fn)(void *), void *arg)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "goc: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		int rc = fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	int ws = 0;
	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "goc: wait: %s\n", strerror(errno));
			return 2;
		}
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : 2;
}

int start_forked(int (*fn)(void *), void *arg, const char *out)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "goc: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(2);
		int rc = fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	return (int)pid;
}

int wait_forked(int *status, int *sig)
{
	int ws = 0;
	pid_t pid;
	while ((pid = waitpid(-1, &ws, 0)) < 0)
		if (errno != EINTR)
			return -1;
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 2;
	*sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	return (int)pid;
}
