/*
 * map.c — maps, as gc's walk lowers them: make through
 * runtime.makemap_small (no hint or a constant hint <= 8) or
 * runtime.makemap(t, hint, nil); m[k] through mapaccess1/mapaccess2 and
 * the fast variants gc picks (mapfast: _fast32, _fast64, _faststr by the
 * key's algorithm when the element is at most 128 bytes; pointer keys
 * assign through _fast64ptr); m[k] = v through mapassign* and a store to
 * the returned element pointer; delete through mapdelete*; len(m) loads
 * the count (the first word of hmap) unless m is nil; range zeroes a
 * 12-word hiter, calls mapiterinit and mapiternext and stops when
 * hiter.key is nil.  Slow variants take the key by address (a copy in a
 * temporary).
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

enum { MAPSLOW, MAPFAST32, MAPFAST64, MAPFASTSTR };
enum { MAP_ZEROSIZE = 1024 }; /* runtime.zeroVal's size (runtime/alg.h MAP_MAXZERO) */

static int mapfast(Type *mt)
{
	Type *u = under(mt);
	if (gen_sizeof(u->map.elem) > 128)
		return MAPSLOW;
	switch (gclayout_alg(u->map.key)) {
	case ALG_MEM32: return MAPFAST32;
	case ALG_MEM64: return MAPFAST64;
	case ALG_STRING: return MAPFASTSTR;
	default: return MAPSLOW;
	}
}

bool gen_mapslow(Type *mt) { return mapfast(mt) == MAPSLOW; }

static bool haspointers(Type *t) { return gclayout_ptrdata(t) != 0; }

/* the key argument for map function variant fast */
static Value *keyarg(Gen *s, Type *kt, Value *k, int fast)
{
	switch (fast) {
	case MAPFAST32: case MAPFAST64: {
		SsaType *wt = fast == MAPFAST32 ? ssa_t_uint32 : ssa_t_uint64;
		if (!gen_ssaable(kt)) /* a small struct or array of plain memory */
			return gen_value2(s, OpLoad, haspointers(kt) ? ssa_t_byteptr : wt, k, gen_mem(s));
		if (k->type->kind == SK_FLOAT)
			gen_unimpl(s, 0, "float map key in a fast variant");
		return k;
	}
	case MAPFASTSTR:
		return k;
	}
	Value *p = gen_tempaddr(s, kt);
	gen_store(s, kt, p, k);
	return p;
}

static const char *suffix(int fast, bool assignptr)
{
	switch (fast) {
	case MAPFAST32: return assignptr ? "_fast32ptr" : "_fast32";
	case MAPFAST64: return assignptr ? "_fast64ptr" : "_fast64";
	case MAPFASTSTR: return "_faststr";
	}
	return "";
}

/* runtime.hmap's layout (runtime/alg.h), for a map header in the frame */
static Type *hmap_type(Gen *s)
{
	static const struct { const char *name; int bk; } f[] = {
		{"count", BK_INT}, {"flags", BK_UINT8}, {"B", BK_UINT8}, {"noverflow", BK_UINT16},
		{"hash0", BK_UINT32}, {"buckets", BK_UNSAFE_POINTER}, {"oldbuckets", BK_UNSAFE_POINTER},
		{"nevacuate", BK_UINTPTR}, {"extra", BK_UNSAFE_POINTER},
	};
	Arena *a = s->check->arena;
	Object **fields = arena_alloc(a, NELEM(f) * sizeof *fields);
	for (size_t i = 0; i < NELEM(f); i++)
		fields[i] = new_field(a, NoPos, s->pkg->pkg, intern_cstr(f[i].name), typ_basic[f[i].bk], false);
	return new_struct(a, fields, NULL, (uint32_t)NELEM(f));
}

/* a map of type mt for hint h (NULL: small): its header in the frame
 * when escape analysis keeps the map of site there */
static Value *newmap(Gen *s, Type *mt, Value *h, const void *site)
{
	SsaType *st = gen_type(mt);
	if (site && gen_onstack(s, site)) {
		/* as gc: the header, and for a small map its first bucket too */
		Value *hp = gen_tempaddr(s, hmap_type(s));
		if (!h) {
			Value *b = gen_tempaddr(s, gclayout_mapbucket(s->check->arena, under(mt)));
			Value *q = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_byteptr), hp);
			q->auxint = 16; /* hmap.buckets */
			gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, q, b, gen_mem(s)));
		}
		return gen_rtcall1(s, "runtime.makemap", st, 3, gen_typeaddr(s, mt), h ? h : gen_constint(s, ssa_t_int, 0),
				   hp);
	}
	if (!h)
		return gen_rtcall1(s, "runtime.makemap_small", st, 0);
	return gen_rtcall1(s, "runtime.makemap", st, 3, gen_typeaddr(s, mt), h, gen_constnil(s, ssa_t_byteptr));
}

Value *gen_makemap(Gen *s, Type *mt, Node *hint, const void *site)
{
	TypeAndValue *tv = hint ? gen_tv(s, hint) : NULL;
	bool small = !hint;
	if (tv && tv->mode == MODE_CONSTANT) {
		bool exact;
		int64_t h = const_int64_val(const_to_int(s->scratch, tv->val), &exact);
		small = h <= 8;
	}
	if (small) {
		if (hint)
			gen_expr(s, hint);
		return newmap(s, mt, NULL, site);
	}
	Value *h = gen_exprto(s, hint, typ_basic[BK_INT]);
	Type *ht = gen_typeof(s, hint);
	if (ht && !is_untyped(ht) && gen_sizeof(ht) < 8)
		h = gen_to64(s, gen_expr(s, hint), ht);
	return newmap(s, mt, h, site);
}

/* m[k] (ok: the comma-ok form) for map value m of type mt */
Value *gen_mapaccess(Gen *s, Type *mt, Value *m, Value *k, Value **ok)
{
	Type *u = under(mt);
	Type *et = u->map.elem;
	int fast = mapfast(mt);
	Value *karg = keyarg(s, u->map.key, k, fast);
	char fn[64];
	snprintf(fn, sizeof fn, "runtime.mapaccess%d%s", ok ? 2 : 1, suffix(fast, false));
	Value *args[4] = {gen_typeaddr(s, mt), m, karg, NULL};
	SsaType *rt[2] = {ssa_type_ptrto(gen_type(et)), ssa_t_bool};
	Value *res[2];
	int64_t size = gen_sizeof(et);
	if (size > MAP_ZEROSIZE) {
		/* runtime.zeroVal is too small for a missing element: gc's
		 * mapaccess*_fat with a zeroed symbol as large (build.c defines it) */
		char zero[64];
		snprintf(fn, sizeof fn, "runtime.mapaccess%d_fat", ok ? 2 : 1);
		snprintf(zero, sizeof zero, "go.map.zero.%lld", (long long)size);
		args[3] = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
		args[3]->aux = ssa_aux(s->f, zero, strlen(zero));
	}
	gen_rtcall(s, fn, args, args[3] ? 4 : 3, rt, ok ? 2 : 1, res);
	if (ok)
		*ok = res[1];
	/* a copy: the map may move its elements */
	return gen_copytemp(s, et, gen_load(s, et, res[0]));
}

Value *gen_mapassign(Gen *s, Type *mt, Value *m, Value *k)
{
	Type *u = under(mt);
	int fast = mapfast(mt);
	Value *karg = keyarg(s, u->map.key, k, fast);
	char fn[64];
	snprintf(fn, sizeof fn, "runtime.mapassign%s", suffix(fast, haspointers(u->map.key)));
	return gen_rtcall1(s, fn, ssa_type_ptrto(gen_type(u->map.elem)), 3, gen_typeaddr(s, mt), m, karg);
}

void gen_mapdelete(Gen *s, Type *mt, Value *m, Value *k)
{
	Type *u = under(mt);
	int fast = mapfast(mt);
	Value *karg = keyarg(s, u->map.key, k, fast);
	char fn[64];
	snprintf(fn, sizeof fn, "runtime.mapdelete%s", suffix(fast, false));
	gen_rtcall1(s, fn, NULL, 3, gen_typeaddr(s, mt), m, karg);
}

/* len(m): 0 for nil, else hmap.count */
Value *gen_maplen(Gen *s, Value *m)
{
	int var = gen_newvar(s, ssa_t_int);
	gen_writevar(s, var, gen_constint(s, ssa_t_int, 0));
	Block *load = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, m), load, done);
	gen_startblock(s, load, true);
	gen_writevar(s, var, gen_value2(s, OpLoad, ssa_t_int, m, gen_mem(s)));
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

Value *gen_mapindex(Gen *s, Node *e, Value **ok)
{
	Type *mt = gen_typeof(s, e->index.x);
	Value *m = gen_expr(s, e->index.x);
	Value *k = gen_exprto(s, e->index.index, under(mt)->map.key);
	s->pos = node_pos(e);
	return gen_mapaccess(s, mt, m, k, ok);
}

static void maplit_entry(Gen *s, Node *kv, Type *t, Value *m)
{
	Type *u = under(t);
	Node *ke = kv->keyvalue.key, *ve = kv->keyvalue.value;
	Node *uk = gen_unparen(ke);
	if (uk->kind == N_CompositeLit && !gen_tv(s, uk)) /* elided key type */
		gen_unimpl(s, node_pos(ke), "map literal key with elided type");
	Value *k = gen_copytemp(s, u->map.key, gen_exprto(s, ke, u->map.key));
	Value *v = gen_copytemp(s, u->map.elem, gen_exprto(s, ve, u->map.elem));
	Value *p = gen_mapassign(s, t, m, k);
	gen_store(s, u->map.elem, p, v);
}

/* A map literal in gc's order: a map made with the static entries, then
 * each other entry stored as the assignment m[k] = v would be, one after
 * the other (the calls of k, then k's copy if the runtime takes it by
 * address, then the calls of v, then the plain operands), so an entry
 * sees what the calls of the entries before it did, and a later entry
 * with an equal key wins even over a constant one written after it. */
Value *gen_maplit(Gen *s, Node *e, Type *t)
{
	Value *hv = gen_hoisted(s, e);
	if (hv)
		return hv;
	Type *u = under(t);
	Value *m;
	uint32_t n = e->composite.elts.n;
	m = newmap(s, t, n <= 8 ? NULL : gen_constint(s, ssa_t_int, n), e);
	bool *dyn = xcalloc(n + 1, sizeof *dyn);
	for (uint32_t i = 0; i < n; i++) {
		Node *kv = e->composite.elts.v[i];
		dyn[i] = !gen_isstatic(s, kv->keyvalue.key, u->map.key) || !gen_isstatic(s, kv->keyvalue.value, u->map.elem);
		if (!dyn[i])
			maplit_entry(s, kv, t, m);
	}
	for (uint32_t i = 0; i < n; i++) {
		if (!dyn[i])
			continue;
		Node *kv = e->composite.elts.v[i];
		gen_hoist_mapkey(s, kv->keyvalue.key, t);
		gen_hoist(s, kv->keyvalue.value);
		maplit_entry(s, kv, t, m);
	}
	free(dyn);
	return m;
}

