// print.c — the C twin of print.go: the same values through the runtime's
// print functions, in the sequence the compiler emits for print/println.
#include "rt.h"

static const double floats[] = {
	0, 1, -1, 1.5, -2.25, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 10, 100, 1e6, 123456789,
	9.9999995, 9.99999949, 99999995, 0.000001, 1e-7, 1.5e-10, 1e21, 1e100, 1e-100,
	1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
	3.14159265358979323846264338327950288419716939937510582097494459,
	2.71828182845904523536028747135266249775724709369995957496696763,
	-3.14159265358979323846264338327950288419716939937510582097494459,
	6.02214076e23, 1.602176634e-19, 0.5, 0.05, 0.005,
	123.456, -0.0001, 4.9999995, 0.99999995, 0.999999949,
};

static const int64_t ints[] = {0, 1, -1, 42, -42, 127, -128, 32767, -32768, 2147483647, -2147483648LL,
	9223372036854775807LL, -9223372036854775807LL - 1, 1000000007};

static const uint64_t uints[] = {0, 1, 255, 65535, 4294967295ULL, 18446744073709551615ULL, 10000000000000000000ULL};

static const GoString strs[] = {
	GOSTR(""), GOSTR("a"), GOSTR("hello, world"), GOSTR("h\xc3\xa9llo \xe4\xb8\x96\xe7\x95\x8c"),
	GOSTR("tab\there"), GOSTR("\xff\xfe"), GOSTR("nul\x00" "byte"),
};

#define PL(...) do { printlock(); __VA_ARGS__; printunlock(); } while (0)

void gomain(void) __asm__("main.main");
void gomain(void)
{
	for (unsigned i = 0; i < nelem(floats); i++) {
		PL(printfloat(floats[i]); printnl());
		PL(printfloat(floats[i]); printnl());
	}
	double nz = -0.0, nan = __builtin_nan(""), inf = __builtin_inf();
	PL(printfloat(nz); printsp(); printfloat(nan); printsp(); printfloat(inf); printsp();
	   printfloat(-inf); printsp(); printfloat(-1.7976931348623157e308); printnl());
	PL(printfloat(0.1f); printsp(); printfloat(1.0f / 3); printsp(); printfloat(16777217.0f); printsp();
	   printfloat(3.40282346638528859811704183484516925440e+38f); printsp(); printfloat(-1e-45f); printnl());
	for (unsigned i = 0; i < nelem(ints); i++) {
		int64_t v = ints[i];
		PL(printint(v); printnl());
		PL(printint(v); printsp(); printint((int32_t)v); printsp(); printint((int16_t)v); printsp();
		   printint((int8_t)v); printnl());
	}
	for (unsigned i = 0; i < nelem(uints); i++) {
		uint64_t u = uints[i];
		PL(printuint(u); printsp(); printuint((uint32_t)u); printsp(); printuint((uint16_t)u); printsp();
		   printuint((uint8_t)u); printsp(); printuint(u); printnl());
	}
	PL(printbool(true); printsp(); printbool(false); printnl());
	PL(printbool(true); printbool(false); printstring(GOSTR("\n")));
	for (unsigned i = 0; i < nelem(strs); i++)
		PL(printstring(strs[i]); printsp(); printint(strs[i].len); printnl());
	PL(printcomplex((Complex128){1, 2}); printsp(); printcomplex((Complex128){-0.5, inf}); printsp();
	   printcomplex((Complex128){3, -4}); printnl());
	PL(printcomplex((Complex128){nan, 0}); printsp(); printcomplex((Complex128){0, nz}); printnl());
	PL(printslice((GoSlice){0, 0, 0}); printsp(); printpointer(0); printsp(); printpointer(0); printsp();
	   printpointer(0); printsp(); printpointer(0); printsp(); printeface((Eface){0, 0}); printsp();
	   printiface((Iface){0, 0}); printnl());
	PL(printnl());
	PL((void)0);
	PL(printstring(GOSTR("a ")); printint(1); printstring(GOSTR(" b ")); printfloat(2.5); printsp();
	   printbool(true); printnl());
	PL(printstring(GOSTR("a")); printint(1); printstring(GOSTR("b")); printfloat(2.5); printbool(true);
	   printstring(GOSTR("\n")));
	PL(printstring(GOSTR("no newline at the end follows\n")));
	PL(printstring(GOSTR("end")));
}
