// gotypes.h — hand-built Go 1.19 type descriptors for the runtime's C
// tests (maps.c, iface.c), laid out as goc's compiler will emit them
// (runtime/type.h): names encoded as gc's linker lays them out, offsets
// (nameOff, typeOff, textOff) relative to runtime.types and runtime.text,
// which the test program provides itself.  Offsets can only be computed
// at run time in C, so descriptors are finished by gt_init() and friends.
#include "alg.h"

// The module's type data: names are appended here at run time.
byte gt_types[1 << 16] __asm__("runtime.types") = {0};
byte gt_text[1] __asm__("runtime.text") = {0};
static uintptr gt_used = 1;  // offset 0 means "no name"

// A name: flags byte, uvarint length, bytes, optionally 4 bytes of nameOff
// of the package path.
static nameOff gt_name(const char *s, int flags, nameOff pkg)
{
	byte *p = gt_types + gt_used;
	uintptr n = (uintptr)rt_findnull((const byte *)s);
	uintptr i = 0;
	p[i++] = (byte)(flags | (pkg ? NAME_PKGPATH : 0));
	uintptr v = n;
	do {
		p[i++] = (byte)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	memcpy(p + i, s, n);
	i += n;
	if (pkg) {
		memcpy(p + i, &pkg, 4);
		i += 4;
	}
	nameOff off = (nameOff)gt_used;
	gt_used += i;
	return off;
}

static nameOff gt_typeoff(const void *t) { return (nameOff)((const byte *)t - gt_types); }
static textOff gt_textoff(const void *fn) { return (textOff)((const byte *)fn - gt_text); }

#define GT_BASIC(sz, k, eq, tf) \
	{.size = sz, .align = sz > 8 ? 8 : sz, .fieldAlign = sz > 8 ? 8 : sz, .kind = k, \
	 .tflag = TFLAG_NAMED | (tf), .equal = (void *)&alg_##eq}

static _type t_int = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY);
static _type t_int64 = GT_BASIC(8, KIND_INT64, memequal64, TFLAG_REGULARMEMORY);
static _type t_int32 = GT_BASIC(4, KIND_INT32, memequal32, TFLAG_REGULARMEMORY);
static _type t_float64 = GT_BASIC(8, KIND_FLOAT64, f64equal, 0);
static _type t_float32 = GT_BASIC(4, KIND_FLOAT32, f32equal, 0);
static _type t_complex128 = GT_BASIC(16, KIND_COMPLEX128, c128equal, 0);
static _type t_string = {.size = 16, .ptrdata = 8, .align = 8, .fieldAlign = 8, .kind = KIND_STRING,
	.tflag = TFLAG_NAMED, .equal = (void *)&alg_strequal, .gcdata = (const byte *)"\x01"};
static _type t_intslice = {.size = 24, .ptrdata = 8, .align = 8, .fieldAlign = 8, .kind = KIND_SLICE,
	.gcdata = (const byte *)"\x01"};  // []int: not comparable
static _type t_big = {.size = 200, .align = 8, .fieldAlign = 8, .kind = KIND_ARRAY,
	.tflag = TFLAG_REGULARMEMORY};  // [25]int, set up in gt_init
static AlgFunc alg_big_eq = {(const void *)rt_algeq_abi0, (const void *)memequal_varlen, 200};
static UNUSED AlgFunc alg_big_hash = {(const void *)rt_alghash_abi0, (const void *)memhash_varlen, 200};

// interface {} and interface { M() }, func()
static interfacetype t_eface = {.typ = {.size = 16, .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_INTERFACE, .equal = (void *)&alg_nilinterequal, .gcdata = (const byte *)"\x03"}};
static functype t_func = {.typ = {.size = 8, .ptrdata = 8, .align = 8, .fieldAlign = 8,
	.kind = KIND_FUNC | KIND_DIRECTIFACE, .gcdata = (const byte *)"\x01"}};
static imethod im_I[1], im_J[1], im_IJ[2];
static interfacetype t_I = {.typ = {.size = 16, .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_INTERFACE, .tflag = TFLAG_NAMED, .equal = (void *)&alg_interequal,
	.gcdata = (const byte *)"\x03"}, .mhdr = {im_I, 1, 1}};
static interfacetype t_J = {.typ = {.size = 16, .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_INTERFACE, .tflag = TFLAG_NAMED, .equal = (void *)&alg_interequal,
	.gcdata = (const byte *)"\x03"}, .mhdr = {im_J, 1, 1}};
static interfacetype t_IJ = {.typ = {.size = 16, .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_INTERFACE, .tflag = TFLAG_NAMED, .equal = (void *)&alg_interequal,
	.gcdata = (const byte *)"\x03"}, .mhdr = {im_IJ, 2, 2}};

// main.K: struct { a int; b string; _ int; f float64 } (not plain memory:
// walked by typeequal/typehash).
typedef struct K {
	intgo a;
	GoString b;
	intgo blank;
	double f;
} K;
static structfield f_K[4];
static structtype t_K = {.typ = {.size = sizeof(K), .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .tflag = TFLAG_NAMED, .gcdata = (const byte *)"\x02"},
	.fields = {f_K, 4, 4}};
static AlgFunc alg_K_eq = {(const void *)rt_algeq_abi0, (const void *)alg_typeequal_fn, (uintptr)&t_K};
static AlgFunc alg_K_hash = {(const void *)rt_alghash_abi0, (const void *)alg_typehash_fn, (uintptr)&t_K};

// struct { s []int }: uncomparable
static structfield f_S[1];
static structtype t_S = {.typ = {.size = 24, .ptrdata = 8, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .gcdata = (const byte *)"\x01"}, .fields = {f_S, 1, 1}};

// main.Q: struct { a interface{}; b int } (== compares a, then b).
typedef struct Q {
	Eface a;
	intgo b;
} Q;
static structfield f_Q[2];
static structtype t_Q = {.typ = {.size = sizeof(Q), .ptrdata = 16, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .tflag = TFLAG_NAMED, .gcdata = (const byte *)"\x03"},
	.fields = {f_Q, 2, 2}};
static AlgFunc alg_Q_eq = {(const void *)rt_algeq_abi0, (const void *)alg_typeequal_fn, (uintptr)&t_Q};

// Named types with methods: main.T int (methods M, N, m), main.U int
// (method N), main.P int from package "other" (method m, unexported).
typedef struct NamedType {
	_type typ;
	uncommontype u;
	method m[3];
} NamedType;
static NamedType t_T = {.typ = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY | TFLAG_UNCOMMON),
	.u = {.mcount = 3, .xcount = 2, .moff = sizeof(uncommontype)}};
static NamedType t_U = {.typ = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY | TFLAG_UNCOMMON),
	.u = {.mcount = 1, .xcount = 1, .moff = sizeof(uncommontype)}};
static NamedType t_P = {.typ = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY | TFLAG_UNCOMMON),
	.u = {.mcount = 1, .xcount = 0, .moff = sizeof(uncommontype)}};
// A second main.T from another scope (same string, same package).
static NamedType t_T2 = {.typ = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY | TFLAG_UNCOMMON),
	.u = {.mcount = 0, .moff = sizeof(uncommontype)}};

// main.V: only its name is used (the target of a failed I.(V)).
static _type t_V = GT_BASIC(8, KIND_INT, memequal64, TFLAG_REGULARMEMORY);

// The methods' code: never called through Go here; the tests compare
// the itab entries with these addresses.
void T_M(void) {}
void T_N(void) {}
void T_m(void) {}
void U_N(void) {}
void P_m(void) {}

static void gt_settype(_type *t, const char *s, uint32_t hash)
{
	t->str = gt_name(s, 0, 0);
	t->hash = hash;
}

static void gt_init(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	nameOff pmain = gt_name("main", 0, 0), pother = gt_name("other", 0, 0);
	gt_settype(&t_int, "int", 0x1001);
	gt_settype(&t_int64, "int64", 0x1002);
	gt_settype(&t_int32, "int32", 0x1003);
	gt_settype(&t_float64, "float64", 0x1004);
	gt_settype(&t_float32, "float32", 0x1005);
	gt_settype(&t_complex128, "complex128", 0x1006);
	gt_settype(&t_string, "string", 0x1007);
	gt_settype(&t_intslice, "[]int", 0x1008);
	gt_settype(&t_big, "[25]int", 0x1009);
	t_big.equal = &alg_big_eq;
	gt_settype(&t_eface.typ, "interface {}", 0x100a);
	gt_settype(&t_func.typ, "func()", 0x100b);
	gt_settype(&t_I.typ, "main.I", 0x100c);
	gt_settype(&t_J.typ, "main.J", 0x100d);
	gt_settype(&t_IJ.typ, "main.IJ", 0x100e);
	t_I.pkgpath.bytes = gt_types + pmain;
	t_J.pkgpath.bytes = gt_types + pmain;
	t_IJ.pkgpath.bytes = gt_types + pmain;
	nameOff nM = gt_name("M", NAME_EXPORTED, 0), nN = gt_name("N", NAME_EXPORTED, 0);
	nameOff nm = gt_name("m", 0, 0);
	typeOff fn = gt_typeoff(&t_func);
	im_I[0] = (imethod){nM, fn};
	im_J[0] = (imethod){nm, fn};
	im_IJ[0] = (imethod){nM, fn};
	im_IJ[1] = (imethod){nN, fn};
	gt_settype(&t_K.typ, "main.K", 0x100f);
	t_K.typ.equal = &alg_K_eq;
	t_K.pkgPath.bytes = gt_types + pmain;
	f_K[0] = (structfield){{gt_types + gt_name("a", 0, 0)}, &t_int, offsetof(K, a)};
	f_K[1] = (structfield){{gt_types + gt_name("b", 0, 0)}, &t_string, offsetof(K, b)};
	f_K[2] = (structfield){{gt_types + gt_name("_", 0, 0)}, &t_int, offsetof(K, blank)};
	f_K[3] = (structfield){{gt_types + gt_name("f", 0, 0)}, &t_float64, offsetof(K, f)};
	gt_settype(&t_S.typ, "struct { s []int }", 0x1010);
	gt_settype(&t_Q.typ, "main.Q", 0x1016);
	t_Q.typ.equal = &alg_Q_eq;
	f_Q[0] = (structfield){{gt_types + gt_name("a", 0, 0)}, &t_eface.typ, offsetof(Q, a)};
	f_Q[1] = (structfield){{gt_types + gt_name("b", 0, 0)}, &t_int, offsetof(Q, b)};
	f_S[0] = (structfield){{gt_types + gt_name("s", 0, 0)}, &t_intslice, 0};
	gt_settype(&t_T.typ, "main.T", 0x1011);
	t_T.u.pkgpath = pmain;
	t_T.m[0] = (method){nM, fn, gt_textoff(T_M), gt_textoff(T_M)};
	t_T.m[1] = (method){nN, fn, gt_textoff(T_N), gt_textoff(T_N)};
	t_T.m[2] = (method){nm, fn, gt_textoff(T_m), gt_textoff(T_m)};
	gt_settype(&t_U.typ, "main.U", 0x1012);
	t_U.u.pkgpath = pmain;
	t_U.m[0] = (method){nN, fn, gt_textoff(U_N), gt_textoff(U_N)};
	gt_settype(&t_P.typ, "other.P", 0x1013);
	t_P.u.pkgpath = pother;
	t_P.m[0] = (method){gt_name("m", 0, pother), fn, gt_textoff(P_m), gt_textoff(P_m)};
	gt_settype(&t_T2.typ, "main.T", 0x1014);
	gt_settype(&t_V, "main.V", 0x1015);
	t_T2.u.pkgpath = pmain;
}

// A map type for key and elem types, as the compiler lays it out
// (cmd/compile's reflectdata.MapBucketType): tophash[8], keys[8],
// elems[8], overflow pointer; keys and elems over 128 bytes indirect.
typedef struct GtMap {
	maptype mt;
	_type bucket;
	byte gcmask[64];
} GtMap;

static void gt_setptrs(byte *mask, uintptr off, const _type *t, bool indirect)
{
	if (indirect) {
		mask[off / 64] |= (byte)(1 << (off / 8 % 8));
		return;
	}
	for (uintptr w = 0; w < t->ptrdata / 8; w++)
		if (t->gcdata[w / 8] >> (w % 8) & 1)
			mask[(off / 8 + w) / 8] |= (byte)(1 << ((off / 8 + w) % 8));
}

static UNUSED maptype *gt_map(GtMap *m, _type *key, const void *hasher, _type *elem)
{
	gt_init();
	m->mt.typ.kind = KIND_MAP | KIND_DIRECTIFACE;
	m->mt.typ.size = 8;
	m->mt.key = key;
	m->mt.elem = elem;
	m->mt.hasher = (void *)hasher;
	bool ik = key->size > MAP_MAXKEYSIZE, ie = elem->size > MAP_MAXELEMSIZE;
	uintptr ks = ik ? 8 : key->size, es = ie ? 8 : elem->size;
	m->mt.keysize = (uint8_t)ks;
	m->mt.elemsize = (uint8_t)es;
	uintptr size = 8 + 8 * ks + 8 * es + 8;
	m->mt.bucketsize = (uint16_t)size;
	m->mt.flags = (ik ? MAPTYPE_INDIRECTKEY : 0) | (ie ? MAPTYPE_INDIRECTELEM : 0);
	int kk = key->kind & KIND_MASK;
	bool floaty = kk == KIND_FLOAT32 || kk == KIND_FLOAT64 || kk == KIND_COMPLEX128 ||
		kk == KIND_INTERFACE || kk == KIND_STRUCT;
	if (!floaty)
		m->mt.flags |= MAPTYPE_REFLEXIVEKEY;
	if (floaty || kk == KIND_STRING)
		m->mt.flags |= MAPTYPE_NEEDKEYUPDATE;
	if (kk == KIND_INTERFACE)
		m->mt.flags |= MAPTYPE_HASHMIGHTPANIC;
	memset(m->gcmask, 0, sizeof m->gcmask);
	for (int i = 0; i < 8; i++) {
		gt_setptrs(m->gcmask, 8 + i * ks, key, ik);
		gt_setptrs(m->gcmask, 8 + 8 * ks + i * es, elem, ie);
	}
	gt_setptrs(m->gcmask, size - 8, 0, true);
	bool ptrs = ik || ie || key->ptrdata || elem->ptrdata;
	m->bucket = (_type){.size = size, .ptrdata = ptrs ? size : 0, .align = 8, .fieldAlign = 8,
		.kind = KIND_STRUCT, .gcdata = m->gcmask};
	m->mt.bucket = &m->bucket;
	return &m->mt;
}

// Small helpers for the tests.
static UNUSED GoString gt_str(const char *s) { return rt_gostringnocopy((const byte *)s); }

static UNUSED GoString gt_itoa(const char *prefix, int64_t v)
{
	byte tmp[64];
	intgo n = 0;
	for (const char *p = prefix; *p; p++)
		tmp[n++] = (byte)*p;
	byte d[24];
	int i = 0;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	do {
		d[i++] = (byte)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[n++] = '-';
	while (i)
		tmp[n++] = d[--i];
	byte *p = mallocgc((uintptr)n, 0, false);
	memcpy(p, tmp, (size_t)n);
	return (GoString){p, n};
}

static bool gt_streq(const byte *a, const char *b)
{
	while (*a && *a == (byte)*b)
		a++, b++;
	return *a == (byte)*b;
}

static int gt_failures;

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			gt_failures++; \
			rt_prints("FAIL " __FILE__ ":"); \
			printint(__LINE__); \
			rt_prints(": " #cond "\n"); \
		} \
	} while (0)
