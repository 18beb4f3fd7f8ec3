// alg.h — hashing and equality (alg.c), maps (map.c) and interfaces
// (iface.c): the runtime's side of Go's ==, map[K]V and interface
// conversions.  Layouts here are Go 1.19's (hmap, hiter, itab) because
// compiled code and upstream reflect read them.
//
// Equality and hash functions as func values.  _type.equal and
// maptype.hasher are Go func values (pointers to a closure record whose
// first word is code, docs/abi.md).  In goc they always point at one of
// the runtime's AlgFunc records below, never at compiled Go code:
//   word 0  abi0  code for Go callers: an ABI0 stub (alg_amd64.S) that
//                 moves the stack arguments into registers and calls cfn
//   word 1  cfn   the C implementation, called directly by the runtime
//   word 2  arg   a size (memequal_varlen, memhash_varlen) or a type
//                 (typeequal, typehash: composite types walked from their
//                 descriptors)
// The compiler therefore emits no type..eq/type..hash functions: for a
// composite key type it emits a record {stub, runtime typeequal/typehash,
// &type} (see docs/runtime.md, "Maps").  So map code in C never calls
// into Go (no C frame is left on a goroutine stack under Go code that
// could grow it), and every comparison follows the descriptor.
#ifndef GOC_ALG_H
#define GOC_ALG_H

#include "type.h"

typedef struct AlgFunc {
	const void *abi0;  // ABI0 entry for Go callers (rt_algeq_abi0 / rt_alghash_abi0)
	const void *cfn;   // C implementation: bool (p, q, f) or uintptr (p, seed, f)
	uintptr arg;       // size or *_type, per function
} AlgFunc;

typedef bool (*AlgEqFn)(const void *p, const void *q, const AlgFunc *f);
typedef uintptr (*AlgHashFn)(const void *p, uintptr seed, const AlgFunc *f);

void rt_algeq_abi0(void);    // alg_amd64.S
void rt_alghash_abi0(void);  // alg_amd64.S

bool typeequal(const _type *t, const void *p, const void *q);
uintptr typehash(const _type *t, const void *p, uintptr seed);

// The exception: types reflect makes at run time (ArrayOf, StructOf,
// MapOf) carry Go closures of reflect's own, which walk the elements or
// fields as typeequal and typehash do; the runtime walks the descriptor
// in their place rather than call Go from C.
static inline bool alg_equal(const _type *t, const void *p, const void *q)
{
	const AlgFunc *f = t->equal;
	if (f->abi0 != (const void *)rt_algeq_abi0)
		return typeequal(t, p, q);
	return ((AlgEqFn)f->cfn)(p, q, f);
}

// the hash of a key of type key by the map's hasher
static inline uintptr alg_hash(const _type *key, const void *hasher, const void *p, uintptr seed)
{
	const AlgFunc *f = hasher;
	if (f->abi0 != (const void *)rt_alghash_abi0)
		return typehash(key, p, seed);
	return ((AlgHashFn)f->cfn)(p, seed, f);
}

// The records, with gc's symbol names for the func values (gc's
// `runtime.memequal64·f`); the compiler points type descriptors at them.
#define ALG_RECORDS(X) \
	X(memequal0) X(memequal8) X(memequal16) X(memequal32) X(memequal64) X(memequal128) \
	X(f32equal) X(f64equal) X(c64equal) X(c128equal) X(strequal) X(interequal) X(nilinterequal) \
	X(memhash0) X(memhash8) X(memhash16) X(memhash32) X(memhash64) X(memhash128) \
	X(f32hash) X(f64hash) X(c64hash) X(c128hash) X(strhash) X(interhash) X(nilinterhash)
#define ALG_DECL(name) extern const AlgFunc alg_##name __asm__("runtime." #name "·f");
ALG_RECORDS(ALG_DECL)
#undef ALG_DECL
// memequal_varlen / memhash_varlen take the size from the record (arg);
// typeequal / typehash the type.  The compiler emits records of its own
// for these: {rt_algeq_abi0, memequal_varlen, size}, {rt_alghash_abi0,
// typehash, &T}, ...
bool memequal_varlen(const void *p, const void *q, const AlgFunc *f) RTSYM(memequal_varlen);
uintptr memhash_varlen(const void *p, uintptr seed, const AlgFunc *f) RTSYM(memhash_varlen);
bool alg_typeequal_fn(const void *p, const void *q, const AlgFunc *f) RTSYM(typeequal);
uintptr alg_typehash_fn(const void *p, uintptr seed, const AlgFunc *f) RTSYM(typehash);

// Direct entry points (the compiler calls them for ==, and for hashing
// in generated code), SysV convention as every C entry point.
uintptr memhash(const void *p, uintptr seed, uintptr size) RTSYM(memhash);
uintptr memhash32(const void *p, uintptr seed) RTSYM(memhash32);
uintptr memhash64(const void *p, uintptr seed) RTSYM(memhash64);
uintptr strhash(const void *p, uintptr seed) RTSYM(strhash);
uintptr f32hash(const void *p, uintptr seed) RTSYM(f32hash);
uintptr f64hash(const void *p, uintptr seed) RTSYM(f64hash);
uintptr c64hash(const void *p, uintptr seed) RTSYM(c64hash);
uintptr c128hash(const void *p, uintptr seed) RTSYM(c128hash);
uintptr interhash(const void *p, uintptr seed) RTSYM(interhash);
uintptr nilinterhash(const void *p, uintptr seed) RTSYM(nilinterhash);
uintptr typehash(const _type *t, const void *p, uintptr seed);
bool typeequal(const _type *t, const void *p, const void *q);
bool strequal(const void *p, const void *q) RTSYM(strequal);
bool interequal(const void *p, const void *q) RTSYM(interequal);
bool nilinterequal(const void *p, const void *q) RTSYM(nilinterequal);
bool efaceeq(const _type *t, const void *x, const void *y) RTSYM(efaceeq);
bool ifaceeq(const struct itab *tab, const void *x, const void *y) RTSYM(ifaceeq);
void alginit(void);  // the per-process hash key: schedinit, else the first hash
extern uintptr alg_hashkey[4];

// Panics of this family, in gc's words (runtime errors; until Go-side
// runtime.Error values exist, their message is carried as text).
void alg_panic_unhashable(const _type *t) NORETURN;
void alg_panic_uncomparable(const _type *t) NORETURN;

// ---- maps (map.c) ----------------------------------------------------------

enum {
	BUCKET_CNT = 8,           // slots per bucket
	MAP_DATAOFFSET = 8,       // keys start after the 8 tophash bytes
	MAP_MAXKEYSIZE = 128,     // larger keys and elems are stored indirectly
	MAP_MAXELEMSIZE = 128,
	MAP_MAXZERO = 1024,       // size of runtime.zeroVal; larger elems use mapaccess*_fat
};

typedef struct bmap {
	uint8_t tophash[BUCKET_CNT];
	// then BUCKET_CNT keys, BUCKET_CNT elems, and the overflow pointer
} bmap;

typedef struct mapextra {
	GoSlice *overflow;     // *[]*bmap: overflow buckets of buckets, when bmap has no pointers
	GoSlice *oldoverflow;  // the same for oldbuckets
	bmap *nextOverflow;    // a free preallocated overflow bucket
} mapextra;

// Go 1.19's hmap: count first (len(m) reads it directly).
typedef struct hmap {
	intgo count;
	uint8_t flags;
	uint8_t B;           // log2 of the number of buckets
	uint16_t noverflow;  // (approximate) number of overflow buckets
	uint32_t hash0;      // hash seed
	void *buckets;
	void *oldbuckets;    // half the size (or the same, same-size growth), while growing
	uintptr nevacuate;   // old buckets below this are evacuated
	mapextra *extra;
} hmap;

// Go 1.19's hiter (12 words): compiled range loops read key and elem,
// and stop when key is nil.
typedef struct hiter {
	void *key;
	void *elem;
	maptype *t;
	hmap *h;
	void *buckets;
	bmap *bptr;
	GoSlice *overflow;
	GoSlice *oldoverflow;
	uintptr startBucket;
	uint8_t offset;
	bool wrapped;
	uint8_t B;
	uint8_t i;
	uintptr bucket;
	uintptr checkBucket;
} hiter;

typedef struct { void *elem; bool ok; } MapAccess2;

extern byte zeroVal[MAP_MAXZERO] RTSYM(zeroVal);

hmap *makemap64(maptype *t, int64_t hint, hmap *h) RTSYM(makemap64);
hmap *makemap(maptype *t, intgo hint, hmap *h) RTSYM(makemap);
hmap *makemap_small(void) RTSYM(makemap_small);
void *mapaccess1(maptype *t, hmap *h, const void *key) RTSYM(mapaccess1);
MapAccess2 mapaccess2(maptype *t, hmap *h, const void *key) RTSYM(mapaccess2);
void *mapaccess1_fat(maptype *t, hmap *h, const void *key, void *zero) RTSYM(mapaccess1_fat);
MapAccess2 mapaccess2_fat(maptype *t, hmap *h, const void *key, void *zero) RTSYM(mapaccess2_fat);
void *mapaccess1_fast32(maptype *t, hmap *h, uint32_t key) RTSYM(mapaccess1_fast32);
MapAccess2 mapaccess2_fast32(maptype *t, hmap *h, uint32_t key) RTSYM(mapaccess2_fast32);
void *mapaccess1_fast64(maptype *t, hmap *h, uint64_t key) RTSYM(mapaccess1_fast64);
MapAccess2 mapaccess2_fast64(maptype *t, hmap *h, uint64_t key) RTSYM(mapaccess2_fast64);
void *mapaccess1_faststr(maptype *t, hmap *h, GoString key) RTSYM(mapaccess1_faststr);
MapAccess2 mapaccess2_faststr(maptype *t, hmap *h, GoString key) RTSYM(mapaccess2_faststr);
void *mapassign(maptype *t, hmap *h, const void *key) RTSYM(mapassign);
void *mapassign_fast32(maptype *t, hmap *h, uint32_t key) RTSYM(mapassign_fast32);
void *mapassign_fast32ptr(maptype *t, hmap *h, void *key) RTSYM(mapassign_fast32ptr);
void *mapassign_fast64(maptype *t, hmap *h, uint64_t key) RTSYM(mapassign_fast64);
void *mapassign_fast64ptr(maptype *t, hmap *h, void *key) RTSYM(mapassign_fast64ptr);
void *mapassign_faststr(maptype *t, hmap *h, GoString key) RTSYM(mapassign_faststr);
void mapdelete(maptype *t, hmap *h, const void *key) RTSYM(mapdelete);
void mapdelete_fast32(maptype *t, hmap *h, uint32_t key) RTSYM(mapdelete_fast32);
void mapdelete_fast64(maptype *t, hmap *h, uint64_t key) RTSYM(mapdelete_fast64);
void mapdelete_faststr(maptype *t, hmap *h, GoString key) RTSYM(mapdelete_faststr);
void mapiterinit(maptype *t, hmap *h, hiter *it) RTSYM(mapiterinit);
void mapiternext(hiter *it) RTSYM(mapiternext);
void mapclear(maptype *t, hmap *h) RTSYM(mapclear);
intgo maplen(hmap *h) RTSYM(maplen);

// ---- interfaces (iface.c) -----------------------------------------------

itab *getitab(interfacetype *inter, _type *typ, bool canfail);
void *convT(_type *t, const void *v) RTSYM(convT);
void *convTnoptr(_type *t, const void *v) RTSYM(convTnoptr);
void *convT16(uint16_t v) RTSYM(convT16);
void *convT32(uint32_t v) RTSYM(convT32);
void *convT64(uint64_t v) RTSYM(convT64);
void *convTstring(GoString v) RTSYM(convTstring);
void *convTslice(GoSlice v) RTSYM(convTslice);
itab *convI2I(interfacetype *inter, itab *tab) RTSYM(convI2I);
itab *assertE2I(interfacetype *inter, _type *t) RTSYM(assertE2I);
Iface assertE2I2(interfacetype *inter, Eface e) RTSYM(assertE2I2);
itab *assertI2I(interfacetype *inter, itab *tab) RTSYM(assertI2I);
Iface assertI2I2(interfacetype *inter, Iface i) RTSYM(assertI2I2);
void panicdottypeE(_type *have, _type *want, _type *iface) RTSYM(panicdottypeE) NORETURN;
void panicdottypeI(itab *have, _type *want, _type *iface) RTSYM(panicdottypeI) NORETURN;
extern const uint64_t staticuint64s[256] RTSYM(staticuint64s);

// Type-descriptor offsets (one module: runtime.types, runtime.text).
_type *type_resolvetypeoff(typeOff off);
const void *type_resolvetextoff(textOff off);
GoString name_pkgpath(name n);
GoString type_pkgpath(const _type *t);

#endif
