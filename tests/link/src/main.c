/* main.c — cross-object calls, data with function pointers, strings,
 * static locals, weak symbols, a large .bss, commons, thread-locals,
 * constructors.  Prints what it sees; the exit status is a checksum. */
#include "sys.h"

int add(int, int);
int sub(int, int);
int mul(int, int);
extern int table[8];              /* data in lib.c */
extern const char *const names[]; /* rodata with pointers in lib.c */
extern long counter_lib(void);    /* uses its own static 'counter' */
const char *greeting(void);       /* weak here, strong in lib2.c */
extern void maybe_missing(void) __attribute__((weak)); /* never defined */
extern int common_a;              /* a common, tentative in two files */
extern __thread int tls_shared;   /* initial-exec TLS from another object */
long pic_sum(void);               /* lib-pic.c, via the GOT or relaxed */
long pic_nogot(void);             /* lib-got.c, GOT kept */
long clang_fn(long);              /* lib-clang.c, built by clang */
long comdat_value(void);          /* defined in two COMDAT groups */
long comdat_caller(void);
int ctor_ran;
long go_mallocgc(long) __asm__("runtime.mallocgc");
extern const long go_type_int[2] __asm__("type.int");
long goname_check(void); /* goname2.c */
extern char __executable_start[], etext[], edata[], end[];

static long counter; /* a local with the same name as lib.c's */
__thread int tls_local = 42;
static __thread long tls_zero;
static char big[4 << 20]; /* a large .bss */

int (*ops[])(int, int) = {add, sub, mul};
int (*const rops[])(int, int) = {mul, add};

__attribute__((weak)) const char *greeting(void) { return "weak greeting"; }
__attribute__((weak)) const char *fallback(void) { return "weak fallback"; }

static long next(void)
{
	static long calls; /* a static local */
	return ++calls + counter++;
}

static const char *strs[] = {"alpha", "beta", "gamma"};

int main(int argc, char **argv)
{
	long sum = 0;
	puts_("hello from main\n");
	for (int i = 0; i < 3; i++) {
		int v = ops[i](7, 3);
		putkv("op", v);
		sum += v;
	}
	putkv("rop", rops[0](4, 5) + rops[1](4, 5));
	for (int i = 0; i < 8; i++)
		sum += table[i];
	putkv("table", sum);
	puts_(names[0]);
	puts_(names[1]);
	puts_("\n");
	for (int i = 0; i < 3; i++)
		putkv(strs[i], next());
	putkv("counter_lib", counter_lib());
	putkv("counter_lib", counter_lib());
	puts_(greeting());
	puts_("\n");
	puts_(fallback());
	puts_("\n");
	putkv("maybe_missing is null", maybe_missing == 0);
	for (unsigned long i = 0; i < sizeof big; i += 4096)
		if (big[i] != 0)
			puts_("big not zero\n");
	big[sizeof big - 1] = 9;
	putkv("big", big[sizeof big - 1] + big[0]);
	common_a += 5;
	putkv("common_a", common_a);
	putkv("tls_local", tls_local);
	tls_local++;
	tls_zero += 3;
	putkv("tls_local+1", tls_local);
	putkv("tls_zero", tls_zero);
	putkv("tls_shared", tls_shared);
	putkv("pic_sum", pic_sum());
	putkv("pic_nogot", pic_nogot());
	putkv("clang_fn", clang_fn(10));
	putkv("comdat", comdat_value() + comdat_caller());
	putkv("ctor_ran", ctor_ran);
	putkv("runtime.mallocgc", go_mallocgc(20) + go_type_int[1]);
	putkv("goname_check", goname_check());
	putkv("bounds ok", __executable_start < etext && etext <= edata && edata <= end &&
				   (char *)&counter < end && (char *)main < etext);
	putkv("argc", argc);
	(void)argv;
	return (int)(sum % 100) + ctor_ran;
}
