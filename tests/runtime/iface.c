// iface.c — interfaces in the C runtime (runtime/iface.c): itabs built on
// demand and from the compiler's list, conversions, assertions, equality,
// the ABI0 entries of the equality and hash records.
//   iface        self-checks (exit 0 when all pass)
//   iface CASE   a failed assertion, compared with iface.go built by gc
#include "gotypes.h"

// An itab "emitted by the compiler" for IJ/T, listed in runtime.itablink
// (a count, then the itabs) as goc's typedesc_typelinks does.
static struct {
	itab tab;
	uintptr fun2;
} static_IJ_T = {{&t_IJ, &t_T.typ, 0x1011, 0, {(uintptr)T_M}}, (uintptr)T_N};
struct {
	uintptr n;
	itab *v[1];
} itablinks __asm__("runtime.itablink") = {1, {&static_IJ_T.tab}};

// interface { N() }
static imethod im_N[1];
static interfacetype t_Nif = {.typ = {.size = 16, .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_INTERFACE, .equal = (void *)&alg_interequal, .gcdata = (const byte *)"\x03"},
	.mhdr = {im_N, 1, 1}};

static void init(void)
{
	gt_init();
	t_Nif.typ.str = gt_name("interface { N() }", 0, 0);
	im_N[0] = im_IJ[1];
}

// Calls a func value as compiled Go code does (ABI0: closure in DX,
// arguments at 0(SP) and 8(SP) of the caller, result at 16(SP)).
uintptr callabi0(const void *fv, const void *p, uintptr q);
__asm__(
	".text\n"
	"callabi0:\n"
	"	pushq %rbp\n"
	"	movq %rsp, %rbp\n"
	"	subq $32, %rsp\n"
	"	movq %rsi, 0(%rsp)\n"
	"	movq %rdx, 8(%rsp)\n"
	"	movq $0x5555555555555555, %rax\n"
	"	movq %rax, 16(%rsp)\n"
	"	movq %rdi, %rdx\n"
	"	call *(%rdx)\n"
	"	movq 16(%rsp), %rax\n"
	"	leave\n"
	"	ret\n");

static void test_itabs(void)
{
	// Built on demand, cached: the same pointer every time.
	itab *a = getitab(&t_I, &t_T.typ, false);
	CHECK(a && a->inter == &t_I && a->type == &t_T.typ && a->fun[0] == (uintptr)T_M);
	CHECK(getitab(&t_I, &t_T.typ, false) == a);
	CHECK(a->hash == t_T.typ.hash);
	// The compiler's itab is the one used for its pair.
	itab *ij = getitab(&t_IJ, &t_T.typ, false);
	CHECK(ij == &static_IJ_T.tab);
	CHECK(ij->fun[0] == (uintptr)T_M && ij->fun[1] == (uintptr)T_N);
	// Missing methods: nil with canfail, cached negatively.
	CHECK(!getitab(&t_I, &t_U.typ, true));
	CHECK(!getitab(&t_I, &t_U.typ, true));
	CHECK(!getitab(&t_I, &t_int, true));
	// Unexported methods match within their package only.
	itab *j = getitab(&t_J, &t_T.typ, true);
	CHECK(j && j->fun[0] == (uintptr)T_m);
	CHECK(!getitab(&t_J, &t_P.typ, true));
	// Assertions and conversions.
	Eface e = {&t_T.typ, convT64(7)};
	Iface r = assertE2I2(&t_I, e);
	CHECK(r.tab == a && r.data == e.data);
	r = assertE2I2(&t_I, (Eface){&t_U.typ, convT64(7)});
	CHECK(!r.tab && !r.data);
	r = assertE2I2(&t_I, (Eface){0, 0});
	CHECK(!r.tab);
	CHECK(assertE2I(&t_IJ, &t_T.typ) == ij);
	Iface i = {a, e.data};
	CHECK(assertI2I(&t_I, a) == a);
	CHECK(assertI2I(&t_IJ, a) == ij);
	CHECK(assertI2I2(&t_IJ, i).tab == ij);
	CHECK(!assertI2I2(&t_IJ, (Iface){0, 0}).tab);
	itab *nu = getitab(&t_Nif, &t_U.typ, false);
	CHECK(!assertI2I2(&t_IJ, (Iface){nu, 0}).tab);
	CHECK(convI2I(&t_Nif, ij) == getitab(&t_Nif, &t_T.typ, false));
	CHECK(!convI2I(&t_I, 0));
	// The table grows past its initial 512 slots: many types.
	enum { NT = 2000 };
	NamedType **ts = mallocgc(NT * sizeof(NamedType *), 0, true);
	itab **tabs = mallocgc(NT * sizeof(itab *), 0, true);
	for (int k = 0; k < NT; k++) {
		ts[k] = mallocgc(sizeof(NamedType), 0, true);
		*ts[k] = t_T;
		// Offsets are relative to runtime.types/text: still valid in a copy.
		ts[k]->typ.hash = (uint32_t)(k * 2654435761u);
		tabs[k] = getitab(&t_IJ, &ts[k]->typ, false);
	}
	int bad = 0;
	for (int k = 0; k < NT; k++)
		bad += getitab(&t_IJ, &ts[k]->typ, false) != tabs[k] || tabs[k]->fun[1] != (uintptr)T_N;
	CHECK(bad == 0);
	rt_prints("itabs: ok\n");
}

static void test_conv(void)
{
	CHECK(convT64(5) == &staticuint64s[5]);
	CHECK(convT64(255) == &staticuint64s[255]);
	uint64_t *p = convT64(256);
	CHECK(p != &staticuint64s[0] && *p == 256);
	CHECK(*(uint16_t *)convT16(9) == 9 && *(uint16_t *)convT16(60000) == 60000);
	CHECK(*(uint32_t *)convT32(200) == 200 && *(uint32_t *)convT32(1u << 31) == 1u << 31);
	CHECK(convTstring(gt_str("")) == zeroVal);
	GoString *s = convTstring(gt_str("abc"));
	CHECK(s->len == 3 && s->str[2] == 'c');
	CHECK(convTslice((GoSlice){0, 0, 0}) == zeroVal);
	K k = {1, gt_str("x"), 2, 3.0};
	K *kp = convT(&t_K.typ, &k);
	CHECK(kp != &k && kp->a == 1 && kp->f == 3.0);
	K *kq = convTnoptr(&t_K.typ, &k);
	CHECK(kq->blank == 2);
	rt_prints("conversions: ok\n");
}

static void test_equal(void)
{
	itab *a = getitab(&t_I, &t_T.typ, false);
	Iface x = {a, convT64(300)}, y = {a, convT64(300)}, z = {a, convT64(301)}, n = {0, 0};
	CHECK(interequal(&x, &y) && !interequal(&x, &z) && interequal(&n, &n) && !interequal(&x, &n));
	CHECK(ifaceeq(a, x.data, y.data) && ifaceeq(0, 0, 0));
	Eface e1 = {&t_float64, convT64(0)}, e2;
	double nan = __builtin_nan("");
	uint64_t bits;
	memcpy(&bits, &nan, 8);
	e2 = (Eface){&t_float64, convT64(bits)};
	CHECK(nilinterequal(&e1, &e1) && !nilinterequal(&e2, &e2));  // NaN != NaN
	// Pointer-shaped values compare their data words.
	Eface f1 = {&t_func.typ, (void *)1}, f2 = {&t_func.typ, (void *)1};
	(void)f1, (void)f2;
	// Structs: blank fields ignored, strings by content.
	K k1 = {1, gt_itoa("s", 5), 7, 0.0}, k2 = {1, gt_itoa("s", 5), 8, -0.0};
	CHECK(typeequal(&t_K.typ, &k1, &k2));
	k2.b = gt_str("s6");
	CHECK(!typeequal(&t_K.typ, &k1, &k2));
	rt_prints("equality: ok\n");
}

static void test_abi0(void)
{
	// Go code calling the records through the ABI0 stubs.
	uint64_t a = 42, b = 42, c = 43;
	CHECK((callabi0(&alg_memequal64, &a, (uintptr)&b) & 0xff) == 1);
	CHECK((callabi0(&alg_memequal64, &a, (uintptr)&c) & 0xff) == 0);
	CHECK(callabi0(&alg_memhash64, &a, 9) == memhash64(&a, 9));
	GoString s = gt_str("abc");
	CHECK(callabi0(&alg_strhash, &s, 1) == strhash(&s, 1));
	K k1 = {1, gt_str("x"), 0, 1.0}, k2 = k1;
	CHECK((callabi0(&alg_K_eq, &k1, (uintptr)&k2) & 0xff) == 1);
	CHECK(callabi0(&alg_K_hash, &k1, 5) == typehash(&t_K.typ, &k2, 5));
	rt_prints("abi0 stubs: ok\n");
}

static void panics(const byte *c)
{
	Eface e = {0, 0};
	if (gt_streq(c, "e2t"))
		panicdottypeE(&t_string, &t_int, &t_eface.typ);
	if (gt_streq(c, "e2tnil"))
		panicdottypeE(0, &t_int, &t_eface.typ);
	if (gt_streq(c, "i2t"))
		panicdottypeI(getitab(&t_I, &t_T.typ, false), &t_V, &t_I.typ);
	if (gt_streq(c, "i2tnil"))
		panicdottypeI(0, &t_V, &t_I.typ);
	if (gt_streq(c, "missing"))
		assertE2I(&t_I, &t_U.typ);
	if (gt_streq(c, "missingint"))
		assertE2I(&t_I, &t_int);
	if (gt_streq(c, "missingunexported"))
		assertE2I(&t_J, &t_U.typ);
	if (gt_streq(c, "missingcached")) {
		e = (Eface){&t_U.typ, convT64(1)};
		if (assertE2I2(&t_I, e).tab)
			rt_prints("ok?\n");
		assertE2I(&t_I, e.type);
	}
	if (gt_streq(c, "nile2i"))
		assertE2I(&t_I, 0);
	if (gt_streq(c, "nili2i"))
		assertI2I(&t_IJ, 0);
	if (gt_streq(c, "i2i"))
		assertI2I(&t_IJ, getitab(&t_Nif, &t_U.typ, false));
	if (gt_streq(c, "scopes"))
		panicdottypeE(&t_T2.typ, &t_T.typ, &t_eface.typ);
	rt_prints("no panic\n");
}

void gomain(void) __asm__("main.main");
void gomain(void)
{
	init();
	if (rt_argc > 1) {
		panics(rt_argv[1]);
		return;
	}
	test_itabs();
	test_conv();
	test_equal();
	test_abi0();
	if (gt_failures) {
		printint(gt_failures);
		rt_prints(" failures\n");
		rt_exit(1);
	}
	rt_prints("iface: all ok\n");
}
