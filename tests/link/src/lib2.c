/* lib2.c — the strong definition that overrides main.c's weak one; a
 * second tentative definition of common_a; -ffunction-sections. */
const char *greeting(void) { return "strong greeting"; }
int common_a;
static int counter = 5; /* yet another local 'counter' */
int *counter_addr(void) { return &counter; }

/* Go-style names through asm labels, as the C runtime will carry them
 * (gcc's assembler takes dots; slashes, stars, colons and quotes need
 * clang: see goname1.c). */
long mallocgc(long n) __asm__("runtime.mallocgc");
long mallocgc(long n) { return n * 2 + 1; }
const long type_int[2] __asm__("type.int") = {8, 8};
