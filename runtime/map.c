// map.c — Go maps, with gc's data structure and semantics (runtime/map.go
// and map_fast*.go in Go 1.19).
//
// A map is a hash table of 2^B buckets.  A bucket holds 8 entries: their
// tophash bytes (the hash's top byte, or a state below MIN_TOPHASH), the 8
// keys, the 8 elems, and a pointer to an overflow bucket; keys or elems
// larger than 128 bytes are stored indirectly.  The low B bits of a hash
// pick the bucket; the top byte screens the entries.
//
// Growth is incremental.  When the average load passes 6.5 entries per
// bucket the table doubles; when overflow buckets are about as many as
// buckets (after many deletes) it is rebuilt at the same size.  The old
// array stays in oldbuckets and each write evacuates the old bucket it
// touches plus one more (growWork), until all are moved.  An old bucket
// evacuated to a doubled table splits into X (same index) and Y (index +
// 2^(B-1)) halves, by the hash bit that B gained.
//
// Iteration (hiter) starts at a random bucket and a random slot offset
// and visits every bucket of the array that existed when it started (B of
// hiter).  If the map is growing it reads, for each of its buckets, the
// old bucket when that one is not yet evacuated, keeping only the entries
// that belong to the bucket it is visiting (checkBucket); entries already
// moved are looked up again in the current table so that a deleted or
// updated entry is never shown stale.  The guarantees Go gives follow:
// every entry present for the whole loop is seen exactly once, entries
// added during it may or may not be seen, deleted ones are not seen.
//
// NaN keys: their hash is random (alg.c), so each m[NaN] = v adds an
// entry that no lookup finds and only iteration shows.  During growth
// while iterating, where a NaN goes cannot depend on its hash: the low bit
// of its tophash decides X or Y, and the iterator uses the same bit.
//
// hashWriting in flags detects unsynchronised concurrent use, reported
// as gc does with fatal("concurrent map writes").
//
// One implementation serves the generic entry points and the fast ones
// (4- and 8-byte plain-memory keys, strings): the core functions take
// the key kind as a constant and are inlined into each entry point, so
// the fast variants get their hash, comparison and slot size folded in.
#include "alg.h"
#include "malloc.h"

#define ALWAYS_INLINE inline __attribute__((always_inline))

enum {
	// tophash states
	EMPTY_REST = 0,       // empty, and so is every later slot and overflow bucket
	EMPTY_ONE = 1,        // empty
	EVACUATED_X = 2,      // valid entry, moved to the first half of the larger table
	EVACUATED_Y = 3,      // moved to the second half
	EVACUATED_EMPTY = 4,  // empty, and the bucket is evacuated
	MIN_TOPHASH = 5,      // the smallest tophash of a filled slot

	// hmap.flags
	ITERATOR = 1,         // an iterator may be using buckets
	OLD_ITERATOR = 2,     // an iterator may be using oldbuckets
	HASH_WRITING = 4,     // a goroutine is writing to the map
	SAME_SIZE_GROW = 8,   // the current growth keeps the size

	LOAD_NUM = 13, LOAD_DEN = 2,  // maximum average load: 6.5
};

#define NO_CHECK (~(uintptr)0)

byte zeroVal[MAP_MAXZERO];

// Key kinds of the specialised entry points.
enum { KK_GENERIC, KK_32, KK_64, KK_STR };

static const _type ptrslot_type = {
	.size = 8, .ptrdata = 8, .align = 8, .fieldAlign = 8,
	.kind = KIND_UNSAFEPOINTER | KIND_DIRECTIFACE, .gcdata = (const byte *)"\x01",
};

// The runtime's own map structures, typed for the GC's sake.
static const _type hmap_type = {
	.size = sizeof(hmap), .ptrdata = 6 * PTRSIZE, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .gcdata = (const byte *)"\x2c",  // buckets, oldbuckets, extra
};
static const _type mapextra_type = {
	.size = sizeof(mapextra), .ptrdata = 3 * PTRSIZE, .align = 8, .fieldAlign = 8,
	.kind = KIND_STRUCT, .gcdata = (const byte *)"\x07",
};
static const _type slicehdr_type = {
	.size = sizeof(GoSlice), .ptrdata = PTRSIZE, .align = 8, .fieldAlign = 8,
	.kind = KIND_SLICE, .gcdata = (const byte *)"\x01",
};
_Static_assert(offsetof(hmap, buckets) == 2 * PTRSIZE && offsetof(hmap, extra) == 5 * PTRSIZE, "hmap layout");
_Static_assert(sizeof(hiter) == 12 * PTRSIZE, "hiter is 12 words");

static inline uintptr bucketshift(uint8_t b) { return (uintptr)1 << (b & 63); }
static inline uintptr bucketmask(uint8_t b) { return bucketshift(b) - 1; }
static inline bool isempty(uint8_t x) { return x <= EMPTY_ONE; }

static inline uint8_t tophash(uintptr hash)
{
	uint8_t top = (uint8_t)(hash >> 56);
	return top < MIN_TOPHASH ? top + MIN_TOPHASH : top;
}

static inline bool evacuated(const bmap *b)
{
	uint8_t h = b->tophash[0];
	return h > EMPTY_ONE && h < MIN_TOPHASH;
}

static inline bmap *b_overflow(const maptype *t, const bmap *b)
{
	return *(bmap **)((byte *)b + t->bucketsize - PTRSIZE);
}

static inline void b_setoverflow(const maptype *t, bmap *b, bmap *ovf)
{
	wbstore((byte *)b + t->bucketsize - PTRSIZE, ovf);
}

static inline bmap *bucketat(const maptype *t, void *buckets, uintptr i)
{
	return (bmap *)((byte *)buckets + i * t->bucketsize);
}

static inline bool indirectkey(const maptype *t) { return t->flags & MAPTYPE_INDIRECTKEY; }
static inline bool indirectelem(const maptype *t) { return t->flags & MAPTYPE_INDIRECTELEM; }
static inline bool reflexivekey(const maptype *t) { return t->flags & MAPTYPE_REFLEXIVEKEY; }
static inline bool needkeyupdate(const maptype *t) { return t->flags & MAPTYPE_NEEDKEYUPDATE; }
static inline bool hashmightpanic(const maptype *t) { return t->flags & MAPTYPE_HASHMIGHTPANIC; }
static inline bool growing(const hmap *h) { return h->oldbuckets != 0; }
static inline bool samesizegrow(const hmap *h) { return h->flags & SAME_SIZE_GROW; }

static inline uintptr noldbuckets(const hmap *h)
{
	uint8_t oldB = h->B;
	if (!samesizegrow(h))
		oldB--;
	return bucketshift(oldB);
}

static inline uintptr oldbucketmask(const hmap *h) { return noldbuckets(h) - 1; }

static inline bool overloadfactor(intgo count, uint8_t B)
{
	return count > BUCKET_CNT && (uintptr)count > LOAD_NUM * (bucketshift(B) / LOAD_DEN);
}

static inline bool toomanyoverflow(uint16_t noverflow, uint8_t B)
{
	// "Too many" is as many overflow buckets as buckets; noverflow is
	// approximate above 2^15 buckets (incrnoverflow).
	if (B > 15)
		B = 15;
	return noverflow >= (uint16_t)(1u << B);
}

// Writes of keys and elems: typed moves, with the write barrier while the
// collector marks (typedmemmove, memclrHasPointers).
static inline void typedmove(const _type *t, void *dst, const void *src)
{
	if (t->ptrdata && wb_enabled())
		typedmemmove(t, dst, src);
	else
		memmove(dst, src, t->size);
}
static inline void typedclear(void *p, uintptr n)
{
	if (wb_enabled())
		memclrHasPointers(p, n);
	else
		memclrNoHeapPointers(p, n);
}

static void fatalmap(const char *msg) NORETURN;
static void fatalmap(const char *msg) { fatal_go(rt_gostringnocopy((const byte *)msg)); }

// ---- per-kind key operations --------------------------------------------

static ALWAYS_INLINE uintptr keysize_of(const maptype *t, int kk)
{
	switch (kk) {
	case KK_32: return 4;
	case KK_64: return 8;
	case KK_STR: return 16;
	default: return t->keysize;
	}
}

static ALWAYS_INLINE uintptr hashkey(const maptype *t, const hmap *h, const void *key, int kk)
{
	switch (kk) {
	case KK_32: return memhash32(key, h->hash0);
	case KK_64: return memhash64(key, h->hash0);
	case KK_STR: return strhash(key, h->hash0);
	default: return alg_hash(t->key, t->hasher, key, h->hash0);
	}
}

static ALWAYS_INLINE bool keyequal(const maptype *t, const void *key, const void *k, int kk)
{
	switch (kk) {
	case KK_32: return *(const uint32_t *)key == *(const uint32_t *)k;
	case KK_64: return *(const uint64_t *)key == *(const uint64_t *)k;
	case KK_STR: return strequal(key, k);
	default: return alg_equal(t->key, key, k);
	}
}

static ALWAYS_INLINE byte *keyat(const maptype *t, bmap *b, uintptr i, int kk)
{
	return (byte *)b + MAP_DATAOFFSET + i * keysize_of(t, kk);
}

static ALWAYS_INLINE byte *elemat(const maptype *t, bmap *b, uintptr i, int kk)
{
	return (byte *)b + MAP_DATAOFFSET + BUCKET_CNT * keysize_of(t, kk) + i * t->elemsize;
}

static ALWAYS_INLINE void *deref(void *p, bool indirect) { return indirect ? *(void **)p : p; }

// ---- allocation -------------------------------------------------------------

static void createoverflow(hmap *h)
{
	if (!h->extra)
		wbstore(&h->extra, newobject((_type *)&mapextra_type));
	if (!h->extra->overflow)
		wbstore(&h->extra->overflow, newobject((_type *)&slicehdr_type));
}

static void incrnoverflow(hmap *h)
{
	if (h->B < 16) {
		h->noverflow++;
		return;
	}
	// Count with probability 1/2^(B-15), so that 2^15 means "about as
	// many overflow buckets as buckets".
	uint32_t mask = (1u << (h->B - 15)) - 1;
	if ((rt_fastrand() & mask) == 0)
		h->noverflow++;
}

static bmap *newoverflow(const maptype *t, hmap *h, bmap *b)
{
	bmap *ovf;
	if (h->extra && h->extra->nextOverflow) {
		// Preallocated overflow buckets follow the bucket array; the
		// last one's overflow pointer is a non-nil sentinel.
		ovf = h->extra->nextOverflow;
		if (!b_overflow(t, ovf)) {
			wbstore(&h->extra->nextOverflow, (byte *)ovf + t->bucketsize);
		} else {
			b_setoverflow(t, ovf, 0);
			wbstore(&h->extra->nextOverflow, 0);
		}
	} else {
		ovf = newobject(t->bucket);
	}
	incrnoverflow(h);
	if (t->bucket->ptrdata == 0) {
		// Buckets without pointers are not scanned: their overflow
		// buckets are kept alive from extra.overflow.
		createoverflow(h);
		GoSlice *s = h->extra->overflow;
		if (s->len == s->cap) {
			GoSlice n = growslice((_type *)&ptrslot_type, *s, s->len + 1);
			wbstore(&s->array, n.array);
			s->cap = n.cap;
		}
		wbstore(&((bmap **)s->array)[s->len++], ovf);
	}
	b_setoverflow(t, b, ovf);
	return ovf;
}

// makebucketarray: 2^b buckets, plus for b >= 4 about 2^(b-4) overflow
// buckets allocated with them (filling the size class).  With dirty, the
// array allocated before for the same t and b is cleared and reused.
static void *makebucketarray(const maptype *t, uint8_t b, void *dirty, bmap **nextoverflow)
{
	uintptr base = bucketshift(b), nbuckets = base;
	if (b >= 4) {
		nbuckets += bucketshift(b - 4);
		uintptr sz = t->bucket->size * nbuckets;
		uintptr up = roundupsize(sz);
		if (up != sz)
			nbuckets = up / t->bucket->size;
	}
	void *buckets;
	if (!dirty) {
		buckets = newarray(t->bucket, (intgo)nbuckets);
	} else {
		buckets = dirty;
		typedclear(buckets, t->bucket->size * nbuckets);
	}
	*nextoverflow = 0;
	if (base != nbuckets) {
		*nextoverflow = bucketat(t, buckets, base);
		b_setoverflow(t, bucketat(t, buckets, nbuckets - 1), buckets);
	}
	return buckets;
}

static inline uint32_t newseed(void) { return rt_fastrand(); }

hmap *makemap_small(void)
{
	hmap *h = newobject((_type *)&hmap_type);
	h->hash0 = newseed();
	return h;
}

hmap *makemap(maptype *t, intgo hint, hmap *h)
{
	if (hint < 0 || (uintptr)hint > ((uintptr)1 << 47) / t->bucket->size)
		hint = 0;
	if (!h)
		h = newobject((_type *)&hmap_type);
	h->hash0 = newseed();
	uint8_t B = 0;
	while (overloadfactor(hint, B))
		B++;
	h->B = B;
	// B == 0: the single bucket is allocated by the first assignment.
	if (B) {
		bmap *next;
		wbstore(&h->buckets, makebucketarray(t, B, 0, &next));
		if (next) {
			wbstore(&h->extra, newobject((_type *)&mapextra_type));
			wbstore(&h->extra->nextOverflow, next);
		}
	}
	return h;
}

hmap *makemap64(maptype *t, int64_t hint, hmap *h) { return makemap(t, (intgo)hint, h); }

intgo maplen(hmap *h) { return h ? h->count : 0; }

// ---- lookup -----------------------------------------------------------------

// The bucket (chain) where key's entry lives: the old one while it is
// not yet evacuated.
static ALWAYS_INLINE bmap *lookupbucket(const maptype *t, const hmap *h, uintptr hash)
{
	uintptr m = bucketmask(h->B);
	bmap *b = bucketat(t, h->buckets, hash & m);
	void *old = h->oldbuckets;
	if (old) {
		if (!samesizegrow(h))
			m >>= 1;
		bmap *oldb = bucketat(t, old, hash & m);
		if (!evacuated(oldb))
			b = oldb;
	}
	return b;
}

// lookup: the elem of key (and its key slot in *kp), or nil.
static ALWAYS_INLINE void *lookup(const maptype *t, const hmap *h, const void *key, int kk, void **kp)
{
	uintptr hash = hashkey(t, h, key, kk);
	bmap *b = lookupbucket(t, h, hash);
	uint8_t top = tophash(hash);
	bool ik = kk == KK_GENERIC && indirectkey(t);
	for (; b; b = b_overflow(t, b)) {
		for (uintptr i = 0; i < BUCKET_CNT; i++) {
			if (b->tophash[i] != top) {
				if (b->tophash[i] == EMPTY_REST)
					return 0;
				continue;
			}
			void *k = deref(keyat(t, b, i, kk), ik);
			if (keyequal(t, key, k, kk)) {
				if (kp)
					*kp = k;
				return deref(elemat(t, b, i, kk), kk == KK_GENERIC && indirectelem(t));
			}
		}
	}
	return 0;
}

// access: shared by mapaccess1 and mapaccess2 of every kind.
static ALWAYS_INLINE void *access(const maptype *t, const hmap *h, const void *key, int kk)
{
	if (!h || h->count == 0) {
		if (kk == KK_GENERIC && hashmightpanic(t))
			alg_hash(t->key, t->hasher, key, 0);  // panic for an unhashable interface key, as gc
		return 0;
	}
	if (h->flags & HASH_WRITING)
		fatalmap("concurrent map read and map write");
	return lookup(t, h, key, kk, 0);
}

void *mapaccess1(maptype *t, hmap *h, const void *key)
{
	void *e = access(t, h, key, KK_GENERIC);
	return e ? e : zeroVal;
}

MapAccess2 mapaccess2(maptype *t, hmap *h, const void *key)
{
	void *e = access(t, h, key, KK_GENERIC);
	return e ? (MapAccess2){e, true} : (MapAccess2){zeroVal, false};
}

void *mapaccess1_fat(maptype *t, hmap *h, const void *key, void *zero)
{
	void *e = access(t, h, key, KK_GENERIC);
	return e ? e : zero;
}

MapAccess2 mapaccess2_fat(maptype *t, hmap *h, const void *key, void *zero)
{
	void *e = access(t, h, key, KK_GENERIC);
	return e ? (MapAccess2){e, true} : (MapAccess2){zero, false};
}

#define FASTACCESS(suffix, KT, kk) \
	void *mapaccess1_##suffix(maptype *t, hmap *h, KT key) \
	{ \
		void *e = access(t, h, &key, kk); \
		return e ? e : zeroVal; \
	} \
	MapAccess2 mapaccess2_##suffix(maptype *t, hmap *h, KT key) \
	{ \
		void *e = access(t, h, &key, kk); \
		return e ? (MapAccess2){e, true} : (MapAccess2){zeroVal, false}; \
	}
FASTACCESS(fast32, uint32_t, KK_32)
FASTACCESS(fast64, uint64_t, KK_64)
FASTACCESS(faststr, GoString, KK_STR)
#undef FASTACCESS

// ---- growth -----------------------------------------------------------------

static void hashgrow(const maptype *t, hmap *h)
{
	// Double when over the load factor; else there are too many overflow
	// buckets: rebuild at the same size.
	uint8_t bigger = 1;
	if (!overloadfactor(h->count + 1, h->B)) {
		bigger = 0;
		h->flags |= SAME_SIZE_GROW;
	}
	void *oldbuckets = h->buckets;
	bmap *next;
	void *newbuckets = makebucketarray(t, h->B + bigger, 0, &next);
	uint8_t flags = h->flags & ~(ITERATOR | OLD_ITERATOR);
	if (h->flags & ITERATOR)
		flags |= OLD_ITERATOR;  // the iterators now read the old array
	h->B += bigger;
	h->flags = flags;
	wbstore(&h->oldbuckets, oldbuckets);
	wbstore(&h->buckets, newbuckets);
	h->nevacuate = 0;
	h->noverflow = 0;
	if (h->extra && h->extra->overflow) {
		if (h->extra->oldoverflow)
			rt_throw("oldoverflow is not nil");
		wbstore(&h->extra->oldoverflow, h->extra->overflow);
		wbstore(&h->extra->overflow, 0);
	}
	if (next) {
		if (!h->extra)
			wbstore(&h->extra, newobject((_type *)&mapextra_type));
		wbstore(&h->extra->nextOverflow, next);
	}
	// The entries move in growWork, a little at each write.
}

typedef struct evacdst {
	bmap *b;   // current destination bucket
	intgo i;   // next slot in b
	byte *k;   // its key slot
	byte *e;   // its elem slot
} evacdst;

static void evacdst_init(const maptype *t, evacdst *d, bmap *b)
{
	d->b = b;
	d->i = 0;
	d->k = (byte *)b + MAP_DATAOFFSET;
	d->e = d->k + BUCKET_CNT * t->keysize;
}

static bool bucketevacuated(const maptype *t, const hmap *h, uintptr bucket)
{
	return evacuated(bucketat(t, h->oldbuckets, bucket));
}

static void advanceevacuationmark(const maptype *t, hmap *h, uintptr newbit)
{
	h->nevacuate++;
	// Skip buckets already evacuated out of order, a bounded number at a time.
	uintptr stop = h->nevacuate + 1024;
	if (stop > newbit)
		stop = newbit;
	while (h->nevacuate != stop && bucketevacuated(t, h, h->nevacuate))
		h->nevacuate++;
	if (h->nevacuate == newbit) {  // all old buckets are moved
		wbstore(&h->oldbuckets, 0);
		if (h->extra)
			wbstore(&h->extra->oldoverflow, 0);
		h->flags &= ~SAME_SIZE_GROW;
	}
}

static void evacuate(const maptype *t, hmap *h, uintptr oldbucket)
{
	bmap *b = bucketat(t, h->oldbuckets, oldbucket);
	uintptr newbit = noldbuckets(h);
	if (!evacuated(b)) {
		evacdst xy[2];
		evacdst_init(t, &xy[0], bucketat(t, h->buckets, oldbucket));
		if (!samesizegrow(h))
			evacdst_init(t, &xy[1], bucketat(t, h->buckets, oldbucket + newbit));
		bool ik = indirectkey(t), ie = indirectelem(t);
		for (; b; b = b_overflow(t, b)) {
			byte *k = (byte *)b + MAP_DATAOFFSET;
			byte *e = k + BUCKET_CNT * t->keysize;
			for (int i = 0; i < BUCKET_CNT; i++, k += t->keysize, e += t->elemsize) {
				uint8_t top = b->tophash[i];
				if (isempty(top)) {
					b->tophash[i] = EVACUATED_EMPTY;
					continue;
				}
				if (top < MIN_TOPHASH)
					rt_throw("bad map state");
				void *k2 = deref(k, ik);
				int useY = 0;
				if (!samesizegrow(h)) {
					uintptr hash = alg_hash(t->key, t->hasher, k2, h->hash0);
					if ((h->flags & ITERATOR) && !reflexivekey(t) && !alg_equal(t->key, k2, k2)) {
						// A NaN: its hash is not reproducible, so
						// the iterator could not tell where it went;
						// the low bit of its old tophash decides, and
						// it gets a fresh tophash.
						useY = top & 1;
						top = tophash(hash);
					} else if (hash & newbit) {
						useY = 1;
					}
				}
				b->tophash[i] = (uint8_t)(EVACUATED_X + useY);
				evacdst *d = &xy[useY];
				if (d->i == BUCKET_CNT) {
					evacdst_init(t, d, newoverflow(t, h, d->b));
				}
				d->b->tophash[d->i & (BUCKET_CNT - 1)] = top;
				if (ik)
					wbstore(d->k, k2);
				else
					typedmove(t->key, d->k, k);
				if (ie)
					wbstore(d->e, *(void **)e);
				else
					typedmove(t->elem, d->e, e);
				d->i++;
				d->k += t->keysize;
				d->e += t->elemsize;
			}
		}
		// Without old iterators, drop the old bucket's references so
		// the GC can free what they point to (tophash stays: it holds
		// the evacuation state).
		if (!(h->flags & OLD_ITERATOR) && t->bucket->ptrdata) {
			bmap *ob = bucketat(t, h->oldbuckets, oldbucket);
			typedclear((byte *)ob + MAP_DATAOFFSET, t->bucketsize - MAP_DATAOFFSET);
		}
	}
	if (oldbucket == h->nevacuate)
		advanceevacuationmark(t, h, newbit);
}

static void growwork(const maptype *t, hmap *h, uintptr bucket)
{
	// The old bucket about to be used, and one more for progress.
	evacuate(t, h, bucket & oldbucketmask(h));
	if (growing(h))
		evacuate(t, h, h->nevacuate);
}

// ---- assignment -------------------------------------------------------------

static void nilmapassign(void) NORETURN;
static void nilmapassign(void)
{
	// A plainError: printed without the "runtime error: " prefix.
	rt_panic_runtime_error(GOSTR("assignment to entry in nil map"));
}

static ALWAYS_INLINE void *assign(const maptype *t, hmap *h, const void *key, int kk)
{
	if (!h)
		nilmapassign();
	if (h->flags & HASH_WRITING)
		fatalmap("concurrent map writes");
	uintptr hash = hashkey(t, h, key, kk);  // may panic: before the flag is set
	h->flags ^= HASH_WRITING;
	if (!h->buckets)
		wbstore(&h->buckets, newobject(t->bucket));
	bool ik = kk == KK_GENERIC && indirectkey(t);
	bool ie = kk == KK_GENERIC && indirectelem(t);
	uint8_t top = tophash(hash);
	uint8_t *inserti;
	byte *insertk, *elem;
again:;
	uintptr bucket = hash & bucketmask(h->B);
	if (growing(h))
		growwork(t, h, bucket);
	bmap *b = bucketat(t, h->buckets, bucket);
	inserti = 0;
	insertk = elem = 0;
	for (;;) {
		for (uintptr i = 0; i < BUCKET_CNT; i++) {
			if (b->tophash[i] != top) {
				if (isempty(b->tophash[i]) && !inserti) {
					inserti = &b->tophash[i];
					insertk = keyat(t, b, i, kk);
					elem = elemat(t, b, i, kk);
				}
				if (b->tophash[i] == EMPTY_REST)
					goto notfound;
				continue;
			}
			byte *k = deref(keyat(t, b, i, kk), ik);
			if (!keyequal(t, key, k, kk))
				continue;
			// The key is there: update it when its representation
			// may differ (+0 vs -0, strings' backing arrays).
			if (kk == KK_STR)
				((GoString *)k)->str = ((const GoString *)key)->str;
			else if (kk == KK_GENERIC && needkeyupdate(t))
				typedmove(t->key, k, key);
			elem = elemat(t, b, i, kk);
			goto done;
		}
		bmap *ovf = b_overflow(t, b);
		if (!ovf)
			break;
		b = ovf;
	}
notfound:
	// A new entry.  Grow first if it would overload the table; growing
	// moves entries, so start over.
	if (!growing(h) && (overloadfactor(h->count + 1, h->B) || toomanyoverflow(h->noverflow, h->B))) {
		hashgrow(t, h);
		goto again;
	}
	if (!inserti) {
		// Every slot of the chain is full.
		while (b_overflow(t, b))
			b = b_overflow(t, b);
		bmap *nb = newoverflow(t, h, b);
		inserti = &nb->tophash[0];
		insertk = keyat(t, nb, 0, kk);
		elem = elemat(t, nb, 0, kk);
	}
	if (ik) {
		void *kmem = newobject(t->key);
		wbstore(insertk, kmem);
		insertk = kmem;
	}
	if (ie)
		wbstore(elem, newobject(t->elem));
	switch (kk) {
	case KK_32: *(uint32_t *)insertk = *(const uint32_t *)key; break;
	case KK_64: *(uint64_t *)insertk = *(const uint64_t *)key; break;
	case KK_STR: *(GoString *)insertk = *(const GoString *)key; break;
	default: typedmove(t->key, insertk, key); break;
	}
	*inserti = top;
	h->count++;
done:
	if (!(h->flags & HASH_WRITING))
		fatalmap("concurrent map writes");
	h->flags &= ~HASH_WRITING;
	return deref(elem, ie);
}

void *mapassign(maptype *t, hmap *h, const void *key) { return assign(t, h, key, KK_GENERIC); }
void *mapassign_fast32(maptype *t, hmap *h, uint32_t key) { return assign(t, h, &key, KK_32); }
void *mapassign_fast64(maptype *t, hmap *h, uint64_t key) { return assign(t, h, &key, KK_64); }
void *mapassign_fast32ptr(maptype *t, hmap *h, void *key)
{
	uint32_t k = (uint32_t)(uintptr)key;  // 32-bit targets only; kept for the name
	return assign(t, h, &k, KK_32);
}
void *mapassign_fast64ptr(maptype *t, hmap *h, void *key) { return assign(t, h, &key, KK_64); }
void *mapassign_faststr(maptype *t, hmap *h, GoString key) { return assign(t, h, &key, KK_STR); }

// ---- deletion ---------------------------------------------------------------

static ALWAYS_INLINE void delete(const maptype *t, hmap *h, const void *key, int kk)
{
	if (!h || h->count == 0) {
		if (kk == KK_GENERIC && hashmightpanic(t))
			alg_hash(t->key, t->hasher, key, 0);
		return;
	}
	if (h->flags & HASH_WRITING)
		fatalmap("concurrent map writes");
	uintptr hash = hashkey(t, h, key, kk);
	h->flags ^= HASH_WRITING;
	uintptr bucket = hash & bucketmask(h->B);
	if (growing(h))
		growwork(t, h, bucket);
	bmap *b = bucketat(t, h->buckets, bucket), *borig = b;
	uint8_t top = tophash(hash);
	bool ik = kk == KK_GENERIC && indirectkey(t);
	bool ie = kk == KK_GENERIC && indirectelem(t);
	for (; b; b = b_overflow(t, b)) {
		for (uintptr i = 0; i < BUCKET_CNT; i++) {
			if (b->tophash[i] != top) {
				if (b->tophash[i] == EMPTY_REST)
					goto out;
				continue;
			}
			byte *k = keyat(t, b, i, kk);
			if (!keyequal(t, key, deref(k, ik), kk))
				continue;
			// Clear the key only when it holds pointers (the GC must not
			// keep what it points to alive); clear the elem always, for
			// the iterator's sake of not seeing stale values.
			if (ik)
				wbstore(k, 0);
			else if (kk == KK_STR)
				((GoString *)k)->str = 0;
			else if (kk == KK_GENERIC && t->key->ptrdata)
				typedclear(k, t->key->size);
			byte *e = elemat(t, b, i, kk);
			if (ie)
				wbstore(e, 0);
			else
				typedclear(e, t->elem->size);
			b->tophash[i] = EMPTY_ONE;
			// If the slot ends the chain's filled part, mark it and
			// the empty slots before it EMPTY_REST, so lookups stop early.
			if (i == BUCKET_CNT - 1) {
				bmap *ovf = b_overflow(t, b);
				if (ovf && ovf->tophash[0] != EMPTY_REST)
					goto notlast;
			} else if (b->tophash[i + 1] != EMPTY_REST) {
				goto notlast;
			}
			for (;;) {
				b->tophash[i] = EMPTY_REST;
				if (i == 0) {
					if (b == borig)
						break;
					bmap *c = b;
					for (b = borig; b_overflow(t, b) != c; b = b_overflow(t, b))
						;
					i = BUCKET_CNT - 1;
				} else {
					i--;
				}
				if (b->tophash[i] != EMPTY_ONE)
					break;
			}
		notlast:
			h->count--;
			// An empty map gets a new seed: repeated attacks on one
			// seed cannot build up.
			if (h->count == 0)
				h->hash0 = rt_fastrand();
			goto out;
		}
	}
out:
	if (!(h->flags & HASH_WRITING))
		fatalmap("concurrent map writes");
	h->flags &= ~HASH_WRITING;
}

void mapdelete(maptype *t, hmap *h, const void *key) { delete(t, h, key, KK_GENERIC); }
void mapdelete_fast32(maptype *t, hmap *h, uint32_t key) { delete(t, h, &key, KK_32); }
void mapdelete_fast64(maptype *t, hmap *h, uint64_t key) { delete(t, h, &key, KK_64); }
void mapdelete_faststr(maptype *t, hmap *h, GoString key) { delete(t, h, &key, KK_STR); }

// mapclear: `for k := range m { delete(m, k) }`, recognised by the compiler.
void mapclear(maptype *t, hmap *h)
{
	if (!h || h->count == 0)
		return;
	if (h->flags & HASH_WRITING)
		fatalmap("concurrent map writes");
	h->flags ^= HASH_WRITING;
	h->flags &= ~SAME_SIZE_GROW;
	wbstore(&h->oldbuckets, 0);
	h->nevacuate = 0;
	h->noverflow = 0;
	h->count = 0;
	h->hash0 = rt_fastrand();
	if (h->extra)
		typedclear(h->extra, sizeof *h->extra);
	// Reuse the array (cleared).  Iterators running now keep their own
	// pointer to it and will find it empty.
	bmap *next;
	makebucketarray(t, h->B, h->buckets, &next);
	if (next)
		wbstore(&h->extra->nextOverflow, next);
	if (!(h->flags & HASH_WRITING))
		fatalmap("concurrent map writes");
	h->flags &= ~HASH_WRITING;
}

// ---- iteration --------------------------------------------------------------

void mapiterinit(maptype *t, hmap *h, hiter *it)
{
	wbstore(&it->t, t);
	if (!h || h->count == 0)
		return;
	wbstore(&it->h, h);
	it->B = h->B;
	wbstore(&it->buckets, h->buckets);
	if (t->bucket->ptrdata == 0) {
		// Keep the overflow buckets alive for the iterator.
		createoverflow(h);
		wbstore(&it->overflow, h->extra->overflow);
		wbstore(&it->oldoverflow, h->extra->oldoverflow);
	}
	// A random start: bucket and offset within buckets.
	uintptr r = rt_fastrand();
	if (h->B > 31 - 3)
		r += (uintptr)rt_fastrand() << 31;
	it->startBucket = r & bucketmask(h->B);
	it->offset = (uint8_t)((r >> h->B) & (BUCKET_CNT - 1));
	it->bucket = it->startBucket;
	if ((h->flags & (ITERATOR | OLD_ITERATOR)) != (ITERATOR | OLD_ITERATOR))
		__atomic_or_fetch(&h->flags, ITERATOR | OLD_ITERATOR, __ATOMIC_SEQ_CST);
	mapiternext(it);
}

void mapiternext(hiter *it)
{
	hmap *h = it->h;
	if (h->flags & HASH_WRITING)
		fatalmap("concurrent map iteration and map write");
	const maptype *t = it->t;
	uintptr bucket = it->bucket;
	bmap *b = it->bptr;
	uintptr i = it->i;
	uintptr checkBucket = it->checkBucket;
	bool ik = indirectkey(t), ie = indirectelem(t);
	for (;;) {
		if (!b) {
			if (bucket == it->startBucket && it->wrapped) {
				wbstore(&it->key, 0);
				wbstore(&it->elem, 0);
				return;
			}
			if (growing(h) && it->B == h->B) {
				// The iterator started during this growth: read the old
				// bucket if it is not yet evacuated, keeping only the
				// entries that will land in this bucket.
				uintptr oldbucket = bucket & oldbucketmask(h);
				b = bucketat(t, h->oldbuckets, oldbucket);
				if (!evacuated(b)) {
					checkBucket = bucket;
				} else {
					b = bucketat(t, it->buckets, bucket);
					checkBucket = NO_CHECK;
				}
			} else {
				b = bucketat(t, it->buckets, bucket);
				checkBucket = NO_CHECK;
			}
			bucket++;
			if (bucket == bucketshift(it->B)) {
				bucket = 0;
				it->wrapped = true;
			}
			i = 0;
		}
		for (; i < BUCKET_CNT; i++) {
			uintptr offi = (i + it->offset) & (BUCKET_CNT - 1);
			uint8_t top = b->tophash[offi];
			if (isempty(top) || top == EVACUATED_EMPTY)
				continue;
			void *k = deref(keyat(t, b, offi, KK_GENERIC), ik);
			void *e = elemat(t, b, offi, KK_GENERIC);
			if (checkBucket != NO_CHECK && !samesizegrow(h)) {
				// Reading an old bucket during a doubling: it holds the
				// entries of two new buckets; skip the other one's.
				if (reflexivekey(t) || alg_equal(t->key, k, k)) {
					uintptr hash = alg_hash(t->key, t->hasher, k, h->hash0);
					if ((hash & bucketmask(it->B)) != checkBucket)
						continue;
				} else if ((checkBucket >> (it->B - 1)) != (uintptr)(top & 1)) {
					// A NaN goes where the low tophash bit says (evacuate).
					continue;
				}
			}
			if ((top != EVACUATED_X && top != EVACUATED_Y) ||
			    !(reflexivekey(t) || alg_equal(t->key, k, k))) {
				// Not moved (or a NaN, which cannot be looked up and
				// cannot have changed): the entry is here.
				wbstore(&it->key, k);
				wbstore(&it->elem, deref(e, ie));
			} else {
				// Moved by a growth since the iterator started: the
				// current table has the truth (it may have been updated
				// or deleted).
				void *rk = 0;
				void *re = h->count ? lookup(t, h, k, KK_GENERIC, &rk) : 0;
				if (!re)
					continue;
				wbstore(&it->key, rk);
				wbstore(&it->elem, re);
			}
			it->bucket = bucket;
			wbstore(&it->bptr, b);
			it->i = (uint8_t)(i + 1);
			it->checkBucket = checkBucket;
			return;
		}
		b = b_overflow(t, b);
		i = 0;
	}
}
