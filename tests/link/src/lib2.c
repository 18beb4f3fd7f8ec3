/* lib2.c — the strong definition that overrides main.c's weak one; a
 * second tentative definition of common_a; -ffunction-sections. */
const char *greeting(void) { return "strong greeting"; }
int common_a;
static int counter = 5; /* yet another local 'counter' */
int *counter_addr(void) { return &counter; }
