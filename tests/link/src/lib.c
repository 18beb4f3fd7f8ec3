/* lib.c — functions and data used by main.c; a local 'counter' of its
 * own; a constructor; a common symbol; the defining object of a TLS. */
#include "sys.h"

int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int mul(int a, int b) { return a * b; }

int table[8] = {1, 2, 3, 4, 5, 6, 7, 8};
const char *const names[] = {"first ", "second"};
static long counter = 100;
__thread int tls_shared = 7;
int common_a; /* tentative (built with -fcommon) */
extern int ctor_ran;

long counter_lib(void) { return counter++; }

__attribute__((constructor)) static void init_lib(void) { ctor_ran += 1; }
__attribute__((constructor(200))) static void init_early(void) { ctor_ran *= 10; }
