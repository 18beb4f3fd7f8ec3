/* lib-pic.c — built -fPIC: extern data and calls go through the GOT
 * (R_X86_64_REX_GOTPCRELX), which the linker relaxes to direct forms. */
extern int table[8];
extern int common_a;
int add(int, int);
int (*get_add(void))(int, int) { return add; }
long pic_sum(void)
{
	long s = 0;
	for (int i = 0; i < 8; i++)
		s += table[i];
	return s + common_a + get_add()(1, 2);
}
