// iface.c — interfaces: itabs, conversions to interfaces (boxing),
// assertions, and their failures in gc's words (runtime/iface.go,
// error.go's TypeAssertionError in Go 1.19).
//
// An itab pairs an interface type with a concrete type and lists the
// concrete type's code for each interface method, in the interface's
// (sorted) method order.  The compiler emits the itabs of conversions it
// sees (and of every interface/type pair of a type switch) and lists them
// in runtime.itablink (a count, then the pointers);
// the runtime builds the others on demand (getitab) by merging the two
// sorted method lists.  All itabs live in one open-addressed table keyed
// by (interface, type), the static ones entered first, so that one pair
// always has one itab: compiled code compares itab pointers for ==
// and for type switches.  Failed lookups are cached too (fun[0] == 0), as
// gc does, for repeated `x, ok := v.(I)`.
//
// Lookups read the table without the lock (entries are published with a
// release store and never removed; a grown table replaces the pointer).
#include "alg.h"

// ---- descriptor offsets ---------------------------------------------------

extern byte rt_text[] __asm__("runtime.text") __attribute__((weak));
extern struct itablink {
	uintptr n;
	itab *v[];
} rt_itablink __asm__("runtime.itablink") __attribute__((weak));

_type *type_resolvetypeoff(typeOff off)
{
	if (off == 0 || off == -1 || !rt_types)
		return 0;
	return (_type *)(rt_types + off);
}

// What a method the linker dropped points at (textOff -1, or the entry of
// a kept itab): entered from Go code (ABI0, no arguments read), it throws.
void rt_unreachablemethod(void) RTSYM(unreachableMethod);
void rt_unreachablemethod(void) { rt_throw("unreachable method called. linker bug?"); }

const void *type_resolvetextoff(textOff off)
{
	// -1: the linker dropped the method as unreachable.
	if (off == -1 || !rt_text)
		return (const void *)rt_unreachablemethod;
	return rt_text + off;
}

static intgo readvarint(const byte *p, uintptr *v)
{
	uintptr x = 0;
	intgo i = 0;
	for (int shift = 0;; shift += 7) {
		byte b = p[i++];
		x |= (uintptr)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
	}
	*v = x;
	return i;
}

GoString name_pkgpath(name n)
{
	if (!n.bytes || !(n.bytes[0] & NAME_PKGPATH))
		return (GoString){0, 0};
	uintptr l;
	intgo off = 1 + readvarint(n.bytes + 1, &l);
	off += (intgo)l;
	if (n.bytes[0] & NAME_TAG) {
		off += readvarint(n.bytes + off, &l);
		off += (intgo)l;
	}
	nameOff no;
	memcpy(&no, n.bytes + off, sizeof no);
	return name_string(type_resolvename(n.bytes, no));
}

static bool name_isexported(name n) { return n.bytes && (n.bytes[0] & NAME_EXPORTED); }

// The package path of a named type or a struct or interface type, as
// gc's _type.pkgpath (for "(types from different packages)").
GoString type_pkgpath(const _type *t)
{
	uncommontype *u = type_uncommon(t);
	if (u)
		return name_string(type_resolvename(t, u->pkgpath));
	switch (t->kind & KIND_MASK) {
	case KIND_STRUCT: return name_string(((const structtype *)t)->pkgPath);
	case KIND_INTERFACE: return name_string(((const interfacetype *)t)->pkgpath);
	}
	return (GoString){0, 0};
}

static bool gostreq(GoString a, GoString b)
{
	return a.len == b.len && (a.str == b.str || memcmp(a.str, b.str, (size_t)a.len) == 0);
}

// ---- TypeAssertionError ---------------------------------------------------

typedef struct StrBuf {
	byte *p;
	intgo n, cap;
} StrBuf;

static void sb_add(StrBuf *b, GoString s)
{
	if (b->n + s.len > b->cap) {
		intgo cap = (b->n + s.len) * 2 + 64;
		byte *p = mallocgc((uintptr)cap, 0, false);
		memcpy(p, b->p, (size_t)b->n);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s.str, (size_t)s.len);
	b->n += s.len;
}

static void sb_addc(StrBuf *b, const char *s) { sb_add(b, rt_gostringnocopy((const byte *)s)); }

// The message of gc's TypeAssertionError{iface, concrete, asserted,
// missing} (its Error method, error.c); it has no "runtime error: "
// prefix.
GoString rt_typeassert_msg(const _type *iface, const _type *concrete, const _type *asserted, GoString missing)
{
	StrBuf b = {0};
	GoString as = type_string(asserted);
	sb_addc(&b, "interface conversion: ");
	if (!concrete) {
		if (iface)
			sb_add(&b, type_string(iface));
		else
			sb_addc(&b, "interface");
		sb_addc(&b, " is nil, not ");
		sb_add(&b, as);
	} else if (missing.len == 0) {
		GoString cs = type_string(concrete);
		if (iface)
			sb_add(&b, type_string(iface));
		else
			sb_addc(&b, "interface");
		sb_addc(&b, " is ");
		sb_add(&b, cs);
		sb_addc(&b, ", not ");
		sb_add(&b, as);
		if (gostreq(cs, as)) {
			if (!gostreq(type_pkgpath(concrete), type_pkgpath(asserted)))
				sb_addc(&b, " (types from different packages)");
			else
				sb_addc(&b, " (types from different scopes)");
		}
	} else {
		sb_add(&b, type_string(concrete));
		sb_addc(&b, " is not ");
		sb_add(&b, as);
		sb_addc(&b, ": missing method ");
		sb_add(&b, missing);
	}
	return (GoString){b.p, b.n};
}

// The panic: a *runtime.TypeAssertionError (error.c).
static void panictypeassert(const _type *iface, const _type *concrete, const _type *asserted, GoString missing) NORETURN;
static void panictypeassert(const _type *iface, const _type *concrete, const _type *asserted, GoString missing)
{
	rt_panic_typeassert(iface, concrete, asserted, missing);
}

void panicdottypeE(_type *have, _type *want, _type *iface)
{
	panictypeassert(iface, have, want, (GoString){0, 0});
}

void panicdottypeI(itab *have, _type *want, _type *iface)
{
	panicdottypeE(have ? have->type : 0, want, iface);
}

// ---- the itab table ---------------------------------------------------------

enum { ITAB_INIT_SIZE = 512 };

typedef struct itabtable {
	uintptr size;   // a power of 2
	uintptr count;
	itab **entries;
} itabtable;

static itab *itabinit_entries[ITAB_INIT_SIZE];
static itabtable itabinit = {ITAB_INIT_SIZE, 0, itabinit_entries};
static itabtable *itabs = &itabinit;
static Mutex itablock;
static bool itabsready;

static inline uintptr itabhash(const interfacetype *inter, const _type *typ)
{
	return inter->typ.hash ^ typ->hash;
}

static itab *itab_find(itabtable *t, const interfacetype *inter, const _type *typ)
{
	// Quadratic probing: h, h+1, h+3, h+6, ... visits every slot of a
	// power-of-two table.
	uintptr mask = t->size - 1;
	uintptr h = itabhash(inter, typ) & mask;
	for (uintptr i = 1;; i++) {
		itab *m = __atomic_load_n(&t->entries[h], __ATOMIC_ACQUIRE);
		if (!m)
			return 0;
		if (m->inter == inter && m->type == typ)
			return m;
		h = (h + i) & mask;
	}
}

static void itab_put(itabtable *t, itab *m)
{
	uintptr mask = t->size - 1;
	uintptr h = itabhash(m->inter, m->type) & mask;
	for (uintptr i = 1;; i++) {
		itab *m2 = t->entries[h];
		if (m2 == m)
			return;
		if (!m2) {
			__atomic_store_n(&t->entries[h], m, __ATOMIC_RELEASE);
			t->count++;
			return;
		}
		h = (h + i) & mask;
	}
}

// itab_add, with itablock held.
static void itab_add(itab *m)
{
	itabtable *t = itabs;
	if (t->count >= 3 * (t->size / 4)) {
		// 75% full: a table twice the size, published once filled.
		uintptr size = t->size * 2;
		itabtable *t2 = persistentalloc(sizeof(itabtable) + size * sizeof(itab *), 8);
		t2->size = size;
		t2->entries = (itab **)(t2 + 1);
		for (uintptr i = 0; i < t->size; i++)
			if (t->entries[i])
				itab_put(t2, t->entries[i]);
		if (t2->count != t->count)
			rt_throw("mismatched count during itab table copy");
		__atomic_store_n(&itabs, t2, __ATOMIC_RELEASE);
		t = t2;
	}
	itab_put(t, m);
}

// The compiler's itabs, entered before any is built at run time.
static void itabsinit(void)
{
	lock(&itablock);
	if (!itabsready) {
		if (&rt_itablink)
			for (uintptr i = 0; i < rt_itablink.n; i++)
				itab_add(rt_itablink.v[i]);
		__atomic_store_n(&itabsready, true, __ATOMIC_RELEASE);
	}
	unlock(&itablock);
}

// itab_init fills m->fun from typ's methods; returns the name of the
// first interface method typ lacks (m->fun[0] = 0 then), or "".
static GoString itab_init(itab *m)
{
	interfacetype *inter = m->inter;
	_type *typ = m->type;
	uncommontype *x = type_uncommon(typ);
	intgo ni = inter->mhdr.len;
	intgo nt = x ? x->mcount : 0;
	const imethod *im = inter->mhdr.array;
	const method *tm = x ? (const method *)((const byte *)x + x->moff) : 0;
	uintptr fun0 = 0;
	intgo j = 0;
	for (intgo k = 0; k < ni; k++) {
		const _type *itype = type_resolvetypeoff(im[k].ityp);
		name iname = type_resolvename(inter, im[k].name);
		GoString ins = name_string(iname);
		GoString ipkg = name_pkgpath(iname);
		if (ipkg.len == 0)
			ipkg = name_string(inter->pkgpath);
		// Both lists are sorted by name: one merge pass.
		bool found = false;
		for (; j < nt; j++) {
			name tname = type_resolvename(typ, tm[j].name);
			if (type_resolvetypeoff(tm[j].mtyp) != itype || !gostreq(name_string(tname), ins))
				continue;
			GoString tpkg = name_pkgpath(tname);
			if (tpkg.len == 0)
				tpkg = name_string(type_resolvename(typ, x->pkgpath));
			if (name_isexported(tname) || gostreq(tpkg, ipkg)) {
				uintptr fn = (uintptr)type_resolvetextoff(tm[j].ifn);
				if (k == 0)
					fun0 = fn;  // set last: fun[0] != 0 means "complete"
				else
					m->fun[k] = fn;
				found = true;
				break;
			}
		}
		if (!found) {
			m->fun[0] = 0;
			return ins;
		}
	}
	__atomic_store_n(&m->fun[0], fun0, __ATOMIC_RELEASE);
	return (GoString){0, 0};
}

static GoString firstmethodname(interfacetype *inter)
{
	const imethod *im = inter->mhdr.array;
	return name_string(type_resolvename(inter, im[0].name));
}

itab *getitab(interfacetype *inter, _type *typ, bool canfail)
{
	if (inter->mhdr.len == 0)
		rt_throw("internal error - misuse of itab");
	if (!(typ->tflag & TFLAG_UNCOMMON)) {
		// No methods at all.
		if (canfail)
			return 0;
		panictypeassert(0, typ, &inter->typ, firstmethodname(inter));
	}
	if (unlikely(!__atomic_load_n(&itabsready, __ATOMIC_ACQUIRE)))
		itabsinit();
	itab *m = itab_find(__atomic_load_n(&itabs, __ATOMIC_ACQUIRE), inter, typ);
	if (!m) {
		lock(&itablock);
		m = itab_find(itabs, inter, typ);
		if (!m) {
			uintptr n = (uintptr)inter->mhdr.len;
			m = persistentalloc(offsetof(itab, fun) + n * sizeof(uintptr), 8);
			m->inter = inter;
			m->type = typ;
			m->hash = typ->hash;  // (gc leaves 0: static itabs serve type switches)
			itab_init(m);
			itab_add(m);
		}
		unlock(&itablock);
	}
	if (m->fun[0])
		return m;
	if (canfail)
		return 0;
	// A cached negative result: find the missing method again.
	panictypeassert(0, typ, &inter->typ, itab_init(m));
}

// ---- conversions and assertions -------------------------------------------

#define S4(n) (n), (n) + 1, (n) + 2, (n) + 3
#define S16(n) S4(n), S4((n) + 4), S4((n) + 8), S4((n) + 12)
#define S64(n) S16(n), S16((n) + 16), S16((n) + 32), S16((n) + 48)
// Small integers boxed without allocating: an interface holding the
// value v < 256 of a 1-, 2-, 4- or 8-byte type points here.
const uint64_t staticuint64s[256] = {S64(0), S64(64), S64(128), S64(192)};
#undef S4
#undef S16
#undef S64

static const _type stringtype = {
	.size = 16, .ptrdata = 8, .align = 8, .fieldAlign = 8, .kind = KIND_STRING,
	.gcdata = (const byte *)"\x01",
};
static const _type slicetype_ = {
	.size = 24, .ptrdata = 8, .align = 8, .fieldAlign = 8, .kind = KIND_SLICE,
	.gcdata = (const byte *)"\x01",
};

void *convT(_type *t, const void *v)
{
	void *x = mallocgc(t->size, t, true);
	memmove(x, v, t->size);  // (typedmemmove with the GC)
	return x;
}

void *convTnoptr(_type *t, const void *v)
{
	void *x = mallocgc(t->size, t, false);
	memmove(x, v, t->size);
	return x;
}

void *convT16(uint16_t v)
{
	if (v < 256)
		return (void *)&staticuint64s[v];
	uint16_t *x = mallocgc(2, 0, false);
	*x = v;
	return x;
}

void *convT32(uint32_t v)
{
	if (v < 256)
		return (void *)&staticuint64s[v];
	uint32_t *x = mallocgc(4, 0, false);
	*x = v;
	return x;
}

void *convT64(uint64_t v)
{
	if (v < 256)
		return (void *)&staticuint64s[v];
	uint64_t *x = mallocgc(8, 0, false);
	*x = v;
	return x;
}

void *convTstring(GoString v)
{
	if (v.len == 0)
		return zeroVal;
	GoString *x = mallocgc(sizeof(GoString), (_type *)&stringtype, true);
	*x = v;
	return x;
}

void *convTslice(GoSlice v)
{
	if (!v.array)
		return zeroVal;
	GoSlice *x = mallocgc(sizeof(GoSlice), (_type *)&slicetype_, true);
	*x = v;
	return x;
}

itab *convI2I(interfacetype *inter, itab *tab)
{
	if (!tab)
		return 0;
	if (tab->inter == inter)
		return tab;
	return getitab(inter, tab->type, false);
}

itab *assertE2I(interfacetype *inter, _type *t)
{
	if (!t)
		panictypeassert(0, 0, &inter->typ, (GoString){0, 0});
	return getitab(inter, t, false);
}

Iface assertE2I2(interfacetype *inter, Eface e)
{
	if (!e.type)
		return (Iface){0, 0};
	itab *tab = getitab(inter, e.type, true);
	if (!tab)
		return (Iface){0, 0};
	return (Iface){tab, e.data};
}

itab *assertI2I(interfacetype *inter, itab *tab)
{
	if (!tab)
		panictypeassert(0, 0, &inter->typ, (GoString){0, 0});
	if (tab->inter == inter)
		return tab;
	return getitab(inter, tab->type, false);
}

Iface assertI2I2(interfacetype *inter, Iface i)
{
	itab *tab = i.tab;
	if (!tab)
		return (Iface){0, 0};
	if (tab->inter != inter) {
		tab = getitab(inter, tab->type, true);
		if (!tab)
			return (Iface){0, 0};
	}
	return (Iface){tab, i.data};
}
