// panic.c — the C twin of panic.go: the same failures through the
// runtime's panic and fatal-error paths.  Panic values with types need
// type descriptors, whose names live in the module's type data: this
// test provides runtime.types itself, as goc's linker will.
#include "type.h"

// Type names, encoded as gc's linker lays them out: flags byte, varint
// length, bytes.
const byte types[] __asm__("runtime.types") =
	"\0"                      // offset 0 means "no name"
	"\0\x06" "string"          // 1
	"\0\x03" "int"             // 9
	"\0\x07" "float64"         // 14
	"\0\x06" "main.T"          // 23
	"\0\x06" "main.S"          // 31
	"\0\x06" "main.C"          // 39
	"\0\x06" "main.F"          // 47
	"\0\x06" "main.B";         // 55

static _type t_string = {.size = 16, .ptrdata = 8, .kind = KIND_STRING, .str = 1};
static _type t_int = {.size = 8, .kind = KIND_INT, .str = 9};
static _type t_float64 = {.size = 8, .kind = KIND_FLOAT64, .str = 14};
static _type t_T = {.size = 8, .kind = KIND_INT, .str = 23, .tflag = TFLAG_NAMED};
static _type t_S = {.size = 16, .ptrdata = 8, .kind = KIND_STRING, .str = 31, .tflag = TFLAG_NAMED};
static _type t_C = {.size = 16, .kind = KIND_COMPLEX128, .str = 39, .tflag = TFLAG_NAMED};
static _type t_F = {.size = 8, .kind = KIND_FLOAT64, .str = 47, .tflag = TFLAG_NAMED};
static _type t_B = {.size = 1, .kind = KIND_BOOL, .str = 55, .tflag = TFLAG_NAMED};

static bool streq(const byte *a, const char *b)
{
	while (*a && *a == (byte)*b)
		a++, b++;
	return *a == (byte)*b;
}

static void panicvalue(_type *t, void *data)
{
	Panic p = {.arg = {t, data}};
	fatalpanic(&p);
}

static GoString s_boom = GOSTR("boom"), s_x = GOSTR("x"), s_first = GOSTR("first"),
		s_second = GOSTR("second"), s_again = GOSTR("again");
static int64_t v42 = 42, v5 = 5;
static double v35 = 3.5, vm025 = -0.25;
static Complex128 v12 = {1, 2};
static bool vtrue = true;

static void deadlock(void) { fatal_go(GOSTR("all goroutines are asleep - deadlock!")); }

void gomain(void) __asm__("main.main");
void gomain(void)
{
	const byte *c = rt_argv[1];
	if (streq(c, "index")) goPanicIndex(5, 3);
	if (streq(c, "indexneg")) goPanicIndex(-1, 3);
	if (streq(c, "slicecap")) goPanicSliceAcap(5, 3);
	if (streq(c, "slicelen")) goPanicSliceAlen(5, 3);
	if (streq(c, "sliceb")) goPanicSliceB(2, 1);
	if (streq(c, "slice3")) goPanicSlice3Acap(5, 3);
	if (streq(c, "slice3neg")) goPanicSlice3B(-1, 2);
	if (streq(c, "divide")) panicdivide();
	if (streq(c, "shift")) panicshift();
	if (streq(c, "string")) panicvalue(&t_string, &s_boom);
	if (streq(c, "int")) panicvalue(&t_int, &v42);
	if (streq(c, "float")) panicvalue(&t_float64, &v35);
	if (streq(c, "named")) panicvalue(&t_T, &v5);
	if (streq(c, "namedstring")) panicvalue(&t_S, &s_x);
	if (streq(c, "namedcomplex")) panicvalue(&t_C, &v12);
	if (streq(c, "namedfloat")) panicvalue(&t_F, &vm025);
	if (streq(c, "namedbool")) panicvalue(&t_B, &vtrue);
	if (streq(c, "nested")) {
		Panic p1 = {.arg = {&t_string, &s_first}};
		Panic p2 = {.arg = {&t_string, &s_second}, .link = &p1};
		fatalpanic(&p2);
	}
	if (streq(c, "recovered")) {
		Panic p1 = {.arg = {&t_string, &s_first}, .recovered = true};
		Panic p2 = {.arg = {&t_string, &s_again}, .link = &p1};
		fatalpanic(&p2);
	}
	if (streq(c, "deadlock")) {
		// As the scheduler will: main blocks, and the scheduler (on g0)
		// finds nothing to run.
		G *gp = getg();
		gp->status = G_WAITING;
		gp->waitreason = "select (no cases)";
		rt_systemstack(deadlock);
	}
	// Runtime throws have no Go twin: run.sh checks these by hand.
	if (streq(c, "throw")) rt_throw("something impossible");
	if (streq(c, "exit3")) rt_exit(3);
}
