/* goname1.c — symbols with every kind of character gc's names carry,
 * through asm labels (built by clang, whose assembler quotes them). */
long index_byte(const char *s, long n, char c) __asm__("internal/bytealg.IndexByteString");
long index_byte(const char *s, long n, char c)
{
	for (long i = 0; i < n; i++)
		if (s[i] == c)
			return i;
	return -1;
}
const char go_string_hello[] __asm__("go.string.\"hello\"") = "hello";
const long type_ptr_T[2] __asm__("type:*main.T") = {8, 24};
long itab_counter __asm__("go.itab.*os.File,io.Writer") = 3;
