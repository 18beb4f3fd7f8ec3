/* lib-clang.c — built by clang. */
static const long primes[] = {2, 3, 5, 7, 11, 13};
extern int table[8];
long clang_fn(long x)
{
	long s = x;
	for (int i = 0; i < 6; i++)
		s += primes[i] * table[i];
	return s;
}
