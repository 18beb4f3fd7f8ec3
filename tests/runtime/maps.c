// maps.c — maps and hashing of the C runtime (runtime/map.c, alg.c),
// driven from C the way compiled Go code will drive them.
//   maps            self-checks (exit 0 when all pass, prints FAIL lines)
//   maps bench      ns/op of insert and lookup, int and string keys (mapbench.go is gc's)
//   maps CASE       a panic, compared with maps.go built by gc (run.sh)
#include "gotypes.h"

static GtMap m_intint, m_strint, m_f64int, m_Kint, m_efaceint, m_bigbig, m_i32int, m_c128int;

// ---- helpers: Go statements in C ------------------------------------------------

static void put(maptype *t, hmap *h, intgo k, intgo v) { *(intgo *)mapassign_fast64(t, h, (uint64_t)k) = v; }

static intgo get(maptype *t, hmap *h, intgo k, bool *ok)
{
	MapAccess2 r = mapaccess2_fast64(t, h, (uint64_t)k);
	if (ok)
		*ok = r.ok;
	return *(intgo *)r.elem;
}

// Compiled range loops zero the iterator before mapiterinit.
static void iterinit(maptype *t, hmap *h, hiter *it)
{
	*it = (hiter){0};
	mapiterinit(t, h, it);
}

static Eface box_int(intgo v) { return (Eface){&t_int, convT64((uint64_t)v)}; }
static Eface box_int64(int64_t v) { return (Eface){&t_int64, convT64((uint64_t)v)}; }
static Eface box_str(GoString s) { return (Eface){&t_string, convTstring(s)}; }
static Eface box_f64(double f)
{
	uint64_t u;
	memcpy(&u, &f, 8);
	return (Eface){&t_float64, convT64(u)};
}

// ---- int keys, 1M entries -----------------------------------------------------

static void test_int(void)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	enum { N = 1000000 };
	hmap *h = makemap_small();
	for (intgo i = 0; i < N; i++)
		put(t, h, i * 7, i);
	CHECK(maplen(h) == N);
	bool ok;
	intgo bad = 0;
	for (intgo i = 0; i < N; i++)
		if (get(t, h, i * 7, &ok) != i || !ok)
			bad++;
	CHECK(bad == 0);
	CHECK(get(t, h, 3, &ok) == 0 && !ok);
	for (intgo i = 0; i < N; i += 2)
		mapdelete_fast64(t, h, (uint64_t)(i * 7));
	CHECK(maplen(h) == N / 2);
	bad = 0;
	for (intgo i = 0; i < N; i++) {
		intgo v = get(t, h, i * 7, &ok);
		if (i % 2 == 0 ? ok || v != 0 : !ok || v != i)
			bad++;
	}
	CHECK(bad == 0);
	// Generic entry points agree with the fast ones on the same map.
	intgo k = 7;
	CHECK(*(intgo *)mapaccess1(t, h, &k) == 1);
	*(intgo *)mapassign(t, h, &k) = 100;
	CHECK(get(t, h, 7, 0) == 100);
	mapdelete(t, h, &k);
	CHECK(!mapaccess2(t, h, &k).ok && maplen(h) == N / 2 - 1);
	// Overwrite does not add.
	put(t, h, 21, -1);
	CHECK(maplen(h) == N / 2 - 1 && get(t, h, 21, 0) == -1);

	// makemap with a hint allocates the buckets up front.
	hmap *h2 = makemap(t, 1000, 0);
	CHECK(h2->B == 8 && h2->buckets && maplen(h2) == 0);
	for (intgo i = 0; i < 1000; i++)
		put(t, h2, i, i);
	CHECK(h2->B == 8 && !h2->oldbuckets);  // no growth needed
	// int32 keys through fast32
	maptype *t32 = gt_map(&m_i32int, &t_int32, &alg_memhash32, &t_int);
	hmap *h3 = makemap(t32, 0, 0);
	for (uint32_t i = 0; i < 10000; i++)
		*(intgo *)mapassign_fast32(t32, h3, i * 3) = i;
	bad = 0;
	for (uint32_t i = 0; i < 30000; i++) {
		MapAccess2 r = mapaccess2_fast32(t32, h3, i);
		if (r.ok != (i % 3 == 0) || (r.ok && *(intgo *)r.elem != i / 3))
			bad++;
	}
	CHECK(bad == 0);
	rt_prints("int keys: ok\n");
}

// ---- string keys --------------------------------------------------------------

static void test_string(void)
{
	maptype *t = gt_map(&m_strint, &t_string, &alg_strhash, &t_int);
	enum { N = 1000000 };
	GoString *keys = mallocgc(N * sizeof(GoString), 0, true);
	for (intgo i = 0; i < N; i++)
		keys[i] = gt_itoa("key", i);
	hmap *h = makemap_small();
	for (intgo i = 0; i < N; i++)
		*(intgo *)mapassign_faststr(t, h, keys[i]) = i;
	CHECK(maplen(h) == N);
	intgo bad = 0;
	for (intgo i = 0; i < N; i++) {
		// A different backing array with the same bytes finds the entry.
		GoString k = gt_itoa("key", i);
		MapAccess2 r = mapaccess2_faststr(t, h, k);
		if (!r.ok || *(intgo *)r.elem != i)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(!mapaccess2_faststr(t, h, gt_str("key")).ok);
	CHECK(!mapaccess2_faststr(t, h, gt_str("")).ok);
	*(intgo *)mapassign_faststr(t, h, gt_str("")) = 42;
	CHECK(*(intgo *)mapaccess1_faststr(t, h, gt_str("")) == 42);
	for (intgo i = 0; i < N; i++)
		mapdelete_faststr(t, h, keys[i]);
	CHECK(maplen(h) == 1);
	GoString e = gt_str("");
	CHECK(*(intgo *)mapaccess1(t, h, &e) == 42);
	rt_prints("string keys: ok\n");
}

// ---- float keys: ±0 and NaN -------------------------------------------------------

static void test_float(void)
{
	maptype *t = gt_map(&m_f64int, &t_float64, &alg_f64hash, &t_int);
	hmap *h = makemap_small();
	double pz = 0.0, nz = -0.0, nan = __builtin_nan(""), one = 1.0;
	*(intgo *)mapassign(t, h, &pz) = 1;
	*(intgo *)mapassign(t, h, &nz) = 2;  // the same key: updated to -0
	CHECK(maplen(h) == 1);
	CHECK(*(intgo *)mapaccess1(t, h, &pz) == 2);
	hiter it = {0};
	iterinit(t, h, &it);
	CHECK(it.key && __builtin_signbit(*(double *)it.key));  // key is now -0 (needkeyupdate)
	for (int i = 0; i < 3; i++)
		*(intgo *)mapassign(t, h, &nan) = 10 + i;
	*(intgo *)mapassign(t, h, &one) = 3;
	CHECK(maplen(h) == 5);                      // each NaN is a new entry
	CHECK(!mapaccess2(t, h, &nan).ok);          // never found
	CHECK(*(intgo *)mapaccess1(t, h, &nan) == 0);
	mapdelete(t, h, &nan);                      // a no-op
	CHECK(maplen(h) == 5);
	int nans = 0, n = 0;
	intgo sum = 0;
	for (iterinit(t, h, &it); it.key; mapiternext(&it)) {
		n++;
		double k = *(double *)it.key;
		if (k != k) {
			nans++;
			sum += *(intgo *)it.elem;
		}
	}
	CHECK(n == 5 && nans == 3 && sum == 33);
	// Many NaNs spread over buckets (random hashes), through growth.
	for (int i = 0; i < 1000; i++)
		*(intgo *)mapassign(t, h, &nan) = i;
	CHECK(maplen(h) == 1005);
	nans = 0;
	for (iterinit(t, h, &it); it.key; mapiternext(&it))
		nans += *(double *)it.key != *(double *)it.key;
	CHECK(nans == 1003);
	CHECK(h->B >= 7);  // NaNs did not pile up in one chain: the table grew
	mapclear(t, h);
	CHECK(maplen(h) == 0);
	iterinit(t, h, &it);
	CHECK(!it.key);
	// 1M ordinary float keys.
	enum { N = 1000000 };
	for (intgo i = 0; i < N; i++) {
		double k = (double)i * 0.5 - 1000.25;
		*(intgo *)mapassign(t, h, &k) = i;
	}
	intgo bad = 0;
	for (intgo i = 0; i < N; i++) {
		double k = (double)i * 0.5 - 1000.25;
		MapAccess2 r = mapaccess2(t, h, &k);
		if (!r.ok || *(intgo *)r.elem != i)
			bad++;
		if (i % 2)
			mapdelete(t, h, &k);
	}
	CHECK(bad == 0 && maplen(h) == N / 2);
	// float32 and complex128 ±0
	double c1[2] = {0.0, -0.0}, c2[2] = {-0.0, 0.0};
	maptype *tc = gt_map(&m_c128int, &t_complex128, &alg_c128hash, &t_int);
	hmap *hc = makemap_small();
	*(intgo *)mapassign(tc, hc, c1) = 1;
	*(intgo *)mapassign(tc, hc, c2) = 2;
	CHECK(maplen(hc) == 1);
	float f1 = 0.0f, f2 = -0.0f;
	CHECK(f32hash(&f1, 99) == f32hash(&f2, 99));
	rt_prints("float keys: ok\n");
}

// ---- struct keys (typeequal/typehash) --------------------------------------------

static void test_struct(void)
{
	maptype *t = gt_map(&m_Kint, &t_K.typ, &alg_K_hash, &t_int);
	hmap *h = makemap(t, 10, 0);
	enum { N = 1000000 };
	for (intgo i = 0; i < N; i++) {
		K k = {i, gt_itoa("s", i % 1000), i, (double)(i % 7)};
		*(intgo *)mapassign(t, h, &k) = i;
	}
	CHECK(maplen(h) == N);
	intgo bad = 0;
	for (intgo i = 0; i < N; i++) {
		// The blank field differs: it does not take part in == and hash.
		K k = {i, gt_itoa("s", i % 1000), -1, (double)(i % 7)};
		MapAccess2 r = mapaccess2(t, h, &k);
		if (!r.ok || *(intgo *)r.elem != i)
			bad++;
	}
	CHECK(bad == 0);
	K k0 = {0, gt_str("s0"), 0, -0.0};  // -0 == +0 in the float field
	CHECK(mapaccess2(t, h, &k0).ok);
	K k1 = {1, gt_str("s0"), 0, 1.0};
	CHECK(!mapaccess2(t, h, &k1).ok);
	for (intgo i = 0; i < N; i += 3) {
		K k = {i, gt_itoa("s", i % 1000), 0, (double)(i % 7)};
		mapdelete(t, h, &k);
	}
	CHECK(maplen(h) == N - (N + 2) / 3);
	bad = 0;
	for (intgo i = 0; i < N; i++) {
		K k = {i, gt_itoa("s", i % 1000), 0, (double)(i % 7)};
		if (mapaccess2(t, h, &k).ok != (i % 3 != 0))
			bad++;
	}
	CHECK(bad == 0);
	rt_prints("struct keys: ok\n");
}

// ---- interface keys -------------------------------------------------------------

static void test_eface(void)
{
	maptype *t = gt_map(&m_efaceint, &t_eface.typ, &alg_nilinterhash, &t_int);
	hmap *h = makemap_small();
	enum { N = 1000000 };
	for (intgo i = 0; i < N; i++) {
		Eface k = i % 2 ? box_int(i) : box_str(gt_itoa("", i));
		*(intgo *)mapassign(t, h, &k) = i;
	}
	CHECK(maplen(h) == N);
	intgo bad = 0;
	for (intgo i = 0; i < N; i++) {
		Eface k = i % 2 ? box_int(i) : box_str(gt_itoa("", i));
		MapAccess2 r = mapaccess2(t, h, &k);
		if (!r.ok || *(intgo *)r.elem != i)
			bad++;
	}
	CHECK(bad == 0);
	for (intgo i = 0; i < N; i += 2) {
		Eface k = box_str(gt_itoa("", i));
		mapdelete(t, h, &k);
	}
	CHECK(maplen(h) == N / 2);
	for (intgo i = 0; i < N; i += 2) {
		Eface k = box_str(gt_itoa("", i));
		*(intgo *)mapassign(t, h, &k) = i;
	}
	CHECK(maplen(h) == N);
	// int(1) and int64(1) are different keys; "0" (string) exists, 0 (int) not.
	Eface a = box_int64(1), b = box_int(0), c = box_str(gt_str("0")), nil = {0, 0};
	CHECK(!mapaccess2(t, h, &a).ok);
	CHECK(!mapaccess2(t, h, &b).ok);
	CHECK(mapaccess2(t, h, &c).ok);
	*(intgo *)mapassign(t, h, &nil) = -5;  // the nil interface is a key too
	CHECK(*(intgo *)mapaccess1(t, h, &nil) == -5);
	// Floats inside interfaces: NaN is new every time, ±0 equal.
	Eface n1 = box_f64(__builtin_nan("")), z1 = box_f64(0.0), z2 = box_f64(-0.0);
	intgo len0 = maplen(h);
	*(intgo *)mapassign(t, h, &n1) = 1;
	*(intgo *)mapassign(t, h, &n1) = 1;
	*(intgo *)mapassign(t, h, &z1) = 1;
	*(intgo *)mapassign(t, h, &z2) = 1;
	CHECK(maplen(h) == len0 + 3);
	// Struct values in interfaces hash through typehash.
	K kv = {1, gt_str("x"), 5, 2.0};
	Eface ek = {&t_K.typ, convT(&t_K.typ, &kv)};
	*(intgo *)mapassign(t, h, &ek) = 77;
	kv.blank = 6;
	Eface ek2 = {&t_K.typ, convT(&t_K.typ, &kv)};
	CHECK(*(intgo *)mapaccess1(t, h, &ek2) == 77);
	// Equality of interfaces.
	CHECK(nilinterequal(&ek, &ek2));
	CHECK(!nilinterequal(&a, &b) && nilinterequal(&nil, &nil));
	CHECK(efaceeq(&t_string, c.data, box_str(gt_str("0")).data));
	rt_prints("interface keys: ok\n");
}

// ---- big keys and elems (stored indirectly) -------------------------------------

static void test_big(void)
{
	maptype *t = gt_map(&m_bigbig, &t_big, &alg_big_hash, &t_big);
	CHECK(t->flags & MAPTYPE_INDIRECTKEY && t->flags & MAPTYPE_INDIRECTELEM);
	hmap *h = makemap_small();
	intgo k[25] = {0}, v[25] = {0};
	for (intgo i = 0; i < 5000; i++) {
		k[i % 25] = i;
		v[24] = i * 2;
		memcpy(mapassign(t, h, k), v, sizeof v);
	}
	CHECK(maplen(h) == 5000);
	intgo bad = 0;
	memset(k, 0, sizeof k);
	for (intgo i = 0; i < 5000; i++) {
		k[i % 25] = i;
		MapAccess2 r = mapaccess2(t, h, k);
		if (!r.ok || ((intgo *)r.elem)[24] != i * 2)
			bad++;
	}
	CHECK(bad == 0);
	mapdelete(t, h, k);
	CHECK(maplen(h) == 4999 && !mapaccess2(t, h, k).ok);
	rt_prints("big keys: ok\n");
}

// ---- iteration --------------------------------------------------------------------

// Every key present at the start and never deleted is seen exactly once,
// whatever is inserted during the loop (growth included).
static void test_grow_while_iterating(void)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	int sizes[] = {0, 1, 7, 8, 9, 13, 14, 100, 840, 1000, 6500, 6700, 50000, 53300};
	int startedgrowing = 0;
	for (unsigned si = 0; si < nelem(sizes); si++) {
		for (int trial = 0; trial < 5; trial++) {
			intgo n = sizes[si];
			hmap *h = makemap_small();
			for (intgo i = 0; i < n; i++)
				put(t, h, i, i);
			byte *seen = mallocgc((uintptr)n + 1, 0, true);
			intgo next = 1000000, dup = 0, wrong = 0, total = 0;
			hiter it = {0};
			startedgrowing += h->oldbuckets != 0;
			for (iterinit(t, h, &it); it.key; mapiternext(&it)) {
				intgo k = *(intgo *)it.key;
				total++;
				if (k < n) {
					if (seen[k]++)
						dup++;
					if (*(intgo *)it.elem != k)
						wrong++;
				}
				// Several new keys per step: the table grows (more than
				// once for the small maps) during the loop.
				for (int j = 0; j < 3; j++, next++)
					put(t, h, next, next);
			}
			intgo missing = 0;
			for (intgo i = 0; i < n; i++)
				missing += !seen[i];
			CHECK(dup == 0 && missing == 0 && wrong == 0);
			CHECK(total <= maplen(h));
		}
	}
	CHECK(startedgrowing > 0);  // some loops started in the middle of a growth
	// NaN keys through growth during iteration: each old NaN entry is seen
	// once (its evacuation follows the tophash bit the iterator checks).
	maptype *tf = gt_map(&m_f64int, &t_float64, &alg_f64hash, &t_int);
	int nangrowing = 0;
	for (int trial = 0; trial < 20; trial++) {
		hmap *h = makemap_small();
		double nan = __builtin_nan(""), x;
		static const intgo olds[] = {40, 53, 54, 106};
		intgo OLD = olds[trial % 4];  // 53, 54, 106: the loop starts mid-growth
		for (intgo i = 0; i < OLD; i++) {
			*(intgo *)mapassign(tf, h, &nan) = i;
			x = (double)i;
			*(intgo *)mapassign(tf, h, &x) = i;
		}
		byte seen[2][128] = {{0}};
		intgo dup = 0, extra = 1000;
		hiter it;
		nangrowing += h->oldbuckets != 0;
		for (iterinit(tf, h, &it); it.key; mapiternext(&it)) {
			double k = *(double *)it.key;
			intgo v = *(intgo *)it.elem;
			if (v < OLD && seen[k != k][v]++)
				dup++;
			for (int j = 0; j < 3; j++, extra++) {
				*(intgo *)mapassign(tf, h, &nan) = extra;
				x = (double)extra;
				*(intgo *)mapassign(tf, h, &x) = extra;
			}
		}
		intgo missing = 0;
		for (int i = 0; i < OLD; i++)
			missing += !seen[0][i] + !seen[1][i];
		CHECK(dup == 0 && missing == 0);
	}
	CHECK(nangrowing > 0);
	rt_prints("growth while iterating: ok\n");
}

// Deleting during range: deleted keys not yet reached are not seen; the
// others are seen once.  Also updates during range are seen.
static void test_delete_while_iterating(void)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	int sizes[] = {1, 9, 100, 5000, 100000};
	for (unsigned si = 0; si < nelem(sizes); si++) {
		intgo n = sizes[si];
		hmap *h = makemap_small();
		for (intgo i = 0; i < n; i++)
			put(t, h, i, i);
		byte *seen = mallocgc((uintptr)n, 0, true);
		byte *deleted = mallocgc((uintptr)n, 0, true);
		intgo dup = 0, ghost = 0, count = 0;
		hiter it = {0};
		for (iterinit(t, h, &it); it.key; mapiternext(&it)) {
			intgo k = *(intgo *)it.key;
			count++;
			if (deleted[k])
				ghost++;
			if (seen[k]++)
				dup++;
			// Delete the key itself and a partner further away; update another.
			mapdelete_fast64(t, h, (uint64_t)k);
			deleted[k] = 1;
			intgo p = (k * 31 + 17) % n;
			if (!seen[p]) {
				mapdelete_fast64(t, h, (uint64_t)p);
				deleted[p] = 1;
			}
		}
		CHECK(dup == 0 && ghost == 0);
		intgo neverseen = 0;
		for (intgo i = 0; i < n; i++)
			neverseen += !seen[i] && !deleted[i];
		CHECK(neverseen == 0);
		CHECK(maplen(h) == 0);
		// Deletes and inserts during range while growing from a fresh
		// table: the combination gc's hiter handles with checkBucket.
		for (intgo i = 0; i < n; i++)
			put(t, h, i, i);
		memset(seen, 0, (size_t)n);
		memset(deleted, 0, (size_t)n);
		intgo next = 1 << 30;
		dup = ghost = 0;
		for (iterinit(t, h, &it); it.key; mapiternext(&it)) {
			intgo k = *(intgo *)it.key;
			if (k >= n)
				continue;
			if (deleted[k])
				ghost++;
			if (seen[k]++)
				dup++;
			intgo p = (k * 13 + 5) % n;
			if (!seen[p]) {
				mapdelete_fast64(t, h, (uint64_t)p);
				deleted[p] = 1;
			}
			put(t, h, next++, 0);
			put(t, h, next++, 0);
		}
		neverseen = 0;
		for (intgo i = 0; i < n; i++)
			neverseen += !seen[i] && !deleted[i];
		CHECK(dup == 0 && ghost == 0 && neverseen == 0);
	}
	// Same-size growth: churn creates overflow buckets without raising
	// the load; an iteration running across it still sees everything.
	hmap *h = makemap_small();
	for (intgo i = 0; i < 1000; i++)
		put(t, h, i, i);
	uint8_t B0 = h->B;
	intgo k = 1000, samesize = 0;
	for (int round = 0; round < 200 && !samesize; round++) {
		for (int j = 0; j < 1000; j++, k++) {
			put(t, h, k, k);
			mapdelete_fast64(t, h, (uint64_t)(k - 1000 + 0));
			if (h->oldbuckets && h->B == B0)
				samesize++;
		}
	}
	CHECK(samesize > 0);
	rt_prints("delete while iterating: ok\n");
}

static void test_random_order(void)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	hmap *h = makemap_small();
	for (intgo i = 0; i < 100; i++)
		put(t, h, i, i);
	hiter it = {0};
	intgo first[32];
	int distinct = 0;
	for (int r = 0; r < 32; r++) {
		iterinit(t, h, &it);
		first[r] = *(intgo *)it.key;
		bool dup = false;
		for (int j = 0; j < r; j++)
			dup |= first[j] == first[r];
		distinct += !dup;
	}
	CHECK(distinct >= 8);
	// Even a map of one bucket starts at a random slot.
	hmap *h1 = makemap_small();
	for (intgo i = 0; i < 8; i++)
		put(t, h1, i, i);
	distinct = 0;
	for (int r = 0; r < 32; r++) {
		iterinit(t, h1, &it);
		first[r] = *(intgo *)it.key;
		bool dup = false;
		for (int j = 0; j < r; j++)
			dup |= first[j] == first[r];
		distinct += !dup;
	}
	CHECK(distinct >= 4);
	// Two maps with the same keys hash with different seeds.
	hmap *h2 = makemap_small();
	CHECK(h2->hash0 != h1->hash0 || h2->hash0 != makemap_small()->hash0);
	rt_prints("random order: ok\n");
}

static void test_nil(void)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	maptype *ts = gt_map(&m_strint, &t_string, &alg_strhash, &t_int);
	intgo k = 5;
	CHECK(*(intgo *)mapaccess1(t, 0, &k) == 0);
	CHECK(!mapaccess2(t, 0, &k).ok);
	CHECK(*(intgo *)mapaccess1_fast64(t, 0, 5) == 0);
	CHECK(!mapaccess2_faststr(ts, 0, gt_str("x")).ok);
	mapdelete(t, 0, &k);
	mapdelete_faststr(ts, 0, gt_str("x"));
	mapclear(t, 0);
	CHECK(maplen(0) == 0);
	hiter it = {0};
	iterinit(t, 0, &it);
	CHECK(!it.key);
	// zero values for big elems come from the caller's zero (mapaccess1_fat)
	static intgo zero[200];
	CHECK(mapaccess1_fat(t, 0, &k, zero) == zero);
	rt_prints("nil map: ok\n");
}

static void test_hash(void)
{
	// The first hash of the process (no makemap yet) sets the key up once.
	uint64_t x = 12345;
	uintptr h1 = memhash64(&x, 0);
	CHECK((alg_hashkey[0] & 1) && memhash64(&x, 0) == h1);
	alginit();  // start-up's call after the fact changes nothing
	CHECK(memhash64(&x, 0) == h1);
	// memhash: all lengths, sensitivity to every byte, seed.
	byte buf[300];
	for (int i = 0; i < 300; i++)
		buf[i] = (byte)i;
	int collisions = 0;
	for (uintptr n = 1; n < 300; n++) {
		uintptr h0 = memhash(buf, 1, n);
		for (uintptr j = 0; j < n; j++) {
			buf[j] ^= 1;
			collisions += memhash(buf, 1, n) == h0;
			buf[j] ^= 1;
		}
		collisions += memhash(buf, 2, n) == h0;
		collisions += memhash(buf, 1, n - 1) == h0;
	}
	CHECK(collisions == 0);
	uint64_t v = 0x123456789abcdefULL;
	uint32_t w = 0x12345678;
	CHECK(memhash64(&v, 7) == memhash(&v, 7, 8));
	CHECK(memhash32(&w, 7) == memhash(&w, 7, 4));
	GoString s = gt_str("hello, world");
	CHECK(strhash(&s, 3) == memhash(s.str, 3, (uintptr)s.len));
	double n1 = __builtin_nan(""), n2 = __builtin_nan("");
	CHECK(f64hash(&n1, 0) != f64hash(&n2, 0) || f64hash(&n1, 0) != f64hash(&n1, 0));
	rt_prints("hash: ok\n");
}

// ---- benchmark ---------------------------------------------------------------------

static void bench(void)
{
	enum { N = 1000000 };
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	maptype *ts = gt_map(&m_strint, &t_string, &alg_strhash, &t_int);
	GoString *keys = mallocgc(N * sizeof(GoString), 0, true);
	for (intgo i = 0; i < N; i++)
		keys[i] = gt_itoa("key", i);
	hmap *h = makemap_small();
	int64_t t0 = rt_nanotime();
	for (intgo i = 0; i < N; i++)
		*(intgo *)mapassign_fast64(t, h, (uint64_t)i) = i;
	int64_t t1 = rt_nanotime();
	intgo sum = 0;
	for (int r = 0; r < 4; r++)
		for (intgo i = 0; i < N; i++)
			sum += *(intgo *)mapaccess1_fast64(t, h, (uint64_t)i);
	int64_t t2 = rt_nanotime();
	hmap *hs = makemap_small();
	for (intgo i = 0; i < N; i++)
		*(intgo *)mapassign_faststr(ts, hs, keys[i]) = i;
	int64_t t3 = rt_nanotime();
	for (int r = 0; r < 4; r++)
		for (intgo i = 0; i < N; i++)
			sum += *(intgo *)mapaccess1_faststr(ts, hs, keys[i]);
	int64_t t4 = rt_nanotime();
	printlock();
	rt_prints("int insert ");
	printint((t1 - t0) / N);
	rt_prints(" ns/op, int lookup ");
	printint((t2 - t1) / (4 * N));
	rt_prints(" ns/op, string insert ");
	printint((t3 - t2) / N);
	rt_prints(" ns/op, string lookup ");
	printint((t4 - t3) / (4 * N));
	rt_prints(" ns/op\n");
	printunlock();
	if (sum != 8 * ((intgo)N * (N - 1) / 2))
		rt_prints("bad sum\n");
	// A small map (in cache): the cost of hashing and probing alone.
	enum { SMALL = 1000, R = 10000 };
	hmap *hi = makemap_small(), *hs2 = makemap_small();
	for (intgo i = 0; i < SMALL; i++) {
		*(intgo *)mapassign_fast64(t, hi, (uint64_t)i) = i;
		*(intgo *)mapassign_faststr(ts, hs2, keys[i]) = i;
	}
	sum = 0;
	t0 = rt_nanotime();
	for (int r = 0; r < R; r++)
		for (intgo i = 0; i < SMALL; i++)
			sum += *(intgo *)mapaccess1_fast64(t, hi, (uint64_t)i);
	t1 = rt_nanotime();
	for (int r = 0; r < R; r++)
		for (intgo i = 0; i < SMALL; i++)
			sum += *(intgo *)mapaccess1_faststr(ts, hs2, keys[i]);
	t2 = rt_nanotime();
	printlock();
	rt_prints("small map: int lookup ");
	printfloat((double)(t1 - t0) / (SMALL * R));
	rt_prints(" ns/op, string lookup ");
	printfloat((double)(t2 - t1) / (SMALL * R));
	rt_prints(" ns/op\n");
	printunlock();
	if (sum != 2 * R * ((intgo)SMALL * (SMALL - 1) / 2))
		rt_prints("bad sum\n");
}

// ---- panics (compared with maps.go) ---------------------------------------------

static void panics(const byte *c)
{
	maptype *t = gt_map(&m_intint, &t_int, &alg_memhash64, &t_int);
	maptype *te = gt_map(&m_efaceint, &t_eface.typ, &alg_nilinterhash, &t_int);
	intgo k = 1;
	if (gt_streq(c, "nilmap"))
		*(intgo *)mapassign(t, 0, &k) = 1;
	if (gt_streq(c, "nilmapfast"))
		*(intgo *)mapassign_fast64(t, 0, 1) = 1;
	GoSlice sl = {mallocgc(8, 0, true), 1, 1};
	Eface unhashable = {&t_intslice, convTslice(sl)};
	if (gt_streq(c, "unhashable")) {
		hmap *h = makemap_small();
		*(intgo *)mapassign(te, h, &unhashable) = 1;
	}
	if (gt_streq(c, "unhashablelookup"))  // even in an empty map (hashMightPanic)
		mapaccess1(te, makemap_small(), &unhashable);
	if (gt_streq(c, "unhashablestruct")) {
		Eface e = {&t_S.typ, convT(&t_S.typ, &sl)};
		*(intgo *)mapassign(te, makemap_small(), &e) = 1;
	}
	if (gt_streq(c, "uncomparable")) {
		Eface e2 = {&t_intslice, convTslice(sl)};
		if (unhashable.type == e2.type && efaceeq(unhashable.type, unhashable.data, e2.data))
			rt_prints("equal?\n");
	}
	if (gt_streq(c, "uncomparablestruct")) {
		Eface e1 = {&t_S.typ, convT(&t_S.typ, &sl)}, e2 = e1;
		nilinterequal(&e1, &e2);
	}
	if (gt_streq(c, "structeqcheap") || gt_streq(c, "structeqpanic")) {
		// Q{[]int, 1} == Q{[]int, 1 or 2}: field a is compared first (it
		// panics in both cases, as gc's).
		Q q1 = {unhashable, 1}, q2 = {{&t_intslice, convTslice(sl)}, c[8] == 'c' ? 2 : 1};
		Eface e1 = {&t_Q.typ, convT(&t_Q.typ, &q1)}, e2 = {&t_Q.typ, convT(&t_Q.typ, &q2)};
		if (nilinterequal(&e1, &e2))
			rt_prints("equal?\n");
	}
	if (gt_streq(c, "concurrent")) {
		// What the flag check catches: a write while another is in progress.
		hmap *h = makemap_small();
		h->flags |= 4;
		*(intgo *)mapassign(t, h, &k) = 1;
	}
	rt_prints("no panic\n");
}

void gomain(void) __asm__("main.main");
void gomain(void)
{
	gt_init();
	if (rt_argc > 1 && gt_streq(rt_argv[1], "hashseed")) {
		GoString s = gt_str("seed");
		printhex(strhash(&s, 0));
		printnl();
		return;
	}
	if (rt_argc > 1 && gt_streq(rt_argv[1], "bench")) {
		bench();
		return;
	}
	if (rt_argc > 1) {
		panics(rt_argv[1]);
		return;
	}
	test_hash();
	test_int();
	test_string();
	test_float();
	test_struct();
	test_eface();
	test_big();
	test_nil();
	test_random_order();
	test_grow_while_iterating();
	test_delete_while_iterating();
	if (gt_failures) {
		printint(gt_failures);
		rt_prints(" failures\n");
		rt_exit(1);
	}
	rt_prints("maps: all ok\n");
}
