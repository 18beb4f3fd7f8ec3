/* driver.h — the goc command's subcommands. */
#ifndef GOC_DRIVER_H
#define GOC_DRIVER_H

const char *goc_hostos(void);
const char *goc_hostarch(void);
const char *goc_goroot(void); /* NULL if none is installed */
const char *goc_root(void);   /* goc's own files: bin/, build/runtime/, runtime/ */
int cmd_env(int argc, char **argv);
int tool_syntax(int argc, char **argv);
int cmd_list(int argc, char **argv);
int tool_check(int argc, char **argv);
struct TPackage;
/* go_asm.h for package p's assembly (gc's compile -asmhdr); check.c */
bool asmhdr_write(struct TPackage *p, const char *path);
int tool_link(int argc, char **argv);
int tool_ssa(int argc, char **argv);
int tool_asm(int argc, char **argv); /* toolasm.c */
int cmd_build(int argc, char **argv); /* build.c */
/* cmd/go's ShortPath: dir relative to cwd (both clean and absolute) when
 * that is shorter, else dir; malloc'd (build.c) */
char *short_path(const char *cwd, const char *dir);
int cmd_run(int argc, char **argv);
int cmd_install(int argc, char **argv); /* build.c */
int cmd_vet(int argc, char **argv);   /* vet.c */
int cmd_test(int argc, char **argv);  /* test.c */
int exec_image(const uint8_t *img, size_t len, char **args); /* execmem.c */
/* fn(arg) in a child process (its own copy of goc's state); its result,
 * or 2 if it died (execmem.c) */
int run_forked(int (*fn)(void *), void *arg);
/* fn(arg) in a child process whose standard output and error go to the
 * file out, not waited for: its pid, or -1 after a message (execmem.c) */
int start_forked(int (*fn)(void *), void *arg, const char *out);
/* waits for any child: its pid, exit status (2 if it died) and the
 * signal that killed it (or 0); -1 when there is none */
int wait_forked(int *status, int *sig);
/* the build cache (cache.c): GOCACHE's directory or NULL when off; an
 * entry KEY-KIND read (verified: a damaged one is missing) and written
 * (atomically); goc clean -cache */
const char *cache_dir(void);
bool cache_get(const uint8_t key[32], const char *kind, uint8_t **data, size_t *len);
void cache_put(const uint8_t key[32], const char *kind, const uint8_t *data, size_t len);
int cache_clean(void);
/* writes all n bytes (retrying after EINTR); false on an error (cache.c) */
bool write_full(int fd, const void *p, size_t n);

#endif
