/* lib-got.c — built -fPIC -Wa,-mrelax-relocations=no: plain
 * R_X86_64_GOTPCREL, so the linker must build GOT slots. */
extern int table[8];
int mul(int, int);
long pic_nogot(void) { return table[7] * 10 + mul(2, 3); }
