/* goname2.c — references goname1.c's oddly named symbols from another
 * object (built by clang). */
long index_byte(const char *s, long n, char c) __asm__("internal/bytealg.IndexByteString");
extern const char go_string_hello[] __asm__("go.string.\"hello\"");
extern const long type_ptr_T[2] __asm__("type:*main.T");
extern long itab_counter __asm__("go.itab.*os.File,io.Writer");

long goname_check(void)
{
	return index_byte(go_string_hello, 5, 'l') * 1000 + type_ptr_T[1] * 10 + itab_counter++;
}
