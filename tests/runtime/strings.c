// strings.c — the C twin of strings.go: the runtime calls the compiler
// makes for the same statements (range over a string, conversions,
// concatenation, comparison, append).
#include "type.h"

static _type t_byte = {.size = 1, .align = 1, .kind = KIND_UINT8};
static _type t_int = {.size = 8, .align = 8, .kind = KIND_INT};
static _type t_rgb = {.size = 3, .align = 1, .kind = KIND_STRUCT};
static const byte big_gcdata[] = {0x08};
static _type t_big = {.size = 32, .ptrdata = 32, .align = 8, .kind = KIND_STRUCT, .gcdata = big_gcdata};

#define PL(...) do { printlock(); __VA_ARGS__; printunlock(); } while (0)

static GoSlice append1(_type *et, GoSlice s)
{
	if (s.len + 1 > s.cap)
		s = growslice(et, s, s.len + 1);
	memset((byte *)s.array + s.len * et->size, 0, et->size); // the appended zero value
	s.len++;
	return s;
}

static void appendloop(const char *name, _type *et, int n)
{
	GoSlice s = {0, 0, 0};
	intgo prev = -1;
	for (int i = 0; i < n; i++) {
		s = append1(et, s);
		if (s.cap != prev) {
			PL(rt_prints(name); printsp(); printint(s.len); printsp(); printint(s.cap); printnl());
			prev = s.cap;
		}
	}
}

static bool streq(GoString a, GoString b) { return a.len == b.len && memequal(a.str, b.str, (uintptr)a.len); }

void gomain(void) __asm__("main.main");
void gomain(void)
{
	GoString s = GOSTR("h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c\xff!\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80z");
	// for i, r := range s: the compiler decodes ASCII inline and calls
	// decoderune for the rest.
	for (intgo k = 0; k < s.len;) {
		intgo i = k;
		int32_t r;
		if (s.str[k] < 0x80) {
			r = s.str[k];
			k++;
		} else {
			DecodedRune d = decoderune(s, k);
			r = d.r;
			k = d.pos;
		}
		PL(printint(i); printsp(); printint(r); printnl());
	}
	GoString ts[] = {GOSTR(""), GOSTR("a"), GOSTR("abc"), GOSTR("h\xc3\xa9llo"),
		GOSTR("\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c"
		      "\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c"
		      "\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96\xe7\x95\x8c"), s};
	for (unsigned i = 0; i < nelem(ts); i++) {
		GoString t = ts[i];
		GoSlice b = stringtoslicebyte(0, t);
		GoSlice r = stringtoslicerune(0, t);
		PL(printint(t.len); printsp(); printint(b.len); printsp(); printint(b.cap); printsp();
		   printint(r.len); printsp(); printint(r.cap); printnl());
		GoString back = slicerunetostring(0, r);
		PL(printbool(streq(back, t)); printsp(); printint(back.len); printnl());
	}
	int64_t vs[] = {0, 65, 0xe9, 0x4e16, 0x1f600, -1, 0xd800, 0x10ffff, 0x110000, 1LL << 40};
	for (unsigned i = 0; i < nelem(vs); i++) {
		GoString r = intstring(0, (int32_t)vs[i]);
		PL(printint(vs[i]); printsp(); printstring(r); printsp(); printint(r.len); printnl());
	}
	GoString a = GOSTR("con"), b = GOSTR("cat"), c = GOSTR("enation");
	PL(printstring(concatstring2(0, a, b)); printnl());
	GoString x = concatstring5(0, a, b, c, a, b);
	PL(printstring(x); printsp(); printint(x.len); printnl());
	PL(printstring(concatstring3(0, GOSTR(""), b, GOSTR(""))); printnl());
	GoString pairs[] = {GOSTR(""), GOSTR(""), GOSTR("a"), GOSTR(""), GOSTR(""), GOSTR("a"), GOSTR("a"),
		GOSTR("b"), GOSTR("b"), GOSTR("a"), GOSTR("ab"), GOSTR("abc"), GOSTR("abd"), GOSTR("abc"),
		GOSTR("abc"), GOSTR("abc"), GOSTR("\xff"), GOSTR("a")};
	for (unsigned i = 0; i < nelem(pairs); i += 2) {
		intgo cmp = cmpstring(pairs[i], pairs[i + 1]);
		bool eq = streq(pairs[i], pairs[i + 1]);
		PL(printbool(cmp < 0); printsp(); printbool(eq); printsp(); printbool(cmp > 0); printsp();
		   printbool(cmp <= 0); printnl());
	}
	appendloop("byte", &t_byte, 5000);
	appendloop("int", &t_int, 5000);
	appendloop("rgb", &t_rgb, 5000);
	appendloop("big", &t_big, 3000);
	GoSlice bulk = growslice(&t_int, (GoSlice){0, 0, 0}, 1000);
	PL(rt_prints("bulk "); printint(1000); printsp(); printint(bulk.cap); printnl());
	GoSlice xb = stringtoslicebyte(0, GOSTR("x"));
	xb = growslice(&t_byte, xb, 34);
	PL(rt_prints("bulk "); printint(34); printsp(); printint(xb.cap); printnl());
}
