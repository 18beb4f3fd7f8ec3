/*
 * typelayout.c — the layout of Go values as gc computes it
 * (cmd/compile/internal/types/size.go) for 64-bit targets: go/types'
 * StdSizes (src/types/sizes.c, what unsafe.Sizeof says to the checker)
 * differs in two places that matter to the runtime: a struct's size is
 * rounded up to its alignment, and a non-empty struct ending in a
 * zero-size field gets a byte of padding (issue 9401).  Also the pointer
 * data (ptrdata, the mask) and gc's equality/hash classes (types/alg.go,
 * reflectdata/alg.go).
 */
#include "typedesc.h"

enum { PTRSIZE = 8 };

static int64_t rnd(int64_t o, int64_t a)
{
	return (o + a - 1) / a * a;
}

/* size and alignment together; structs compute offsets on the way */
static void layout(Type *t, int64_t *size, int64_t *align);

static void struct_layout(Type *u, int64_t *offs, int64_t *size, int64_t *align)
{
	int64_t o = 0, maxalign = 1, lastzero = 0;
	for (uint32_t i = 0; i < u->struct_.nfields; i++) {
		int64_t fs, fa;
		layout(u->struct_.fields[i]->type, &fs, &fa);
		if (fa > maxalign)
			maxalign = fa;
		o = rnd(o, fa);
		if (offs)
			offs[i] = o;
		if (fs == 0)
			lastzero = o;
		o += fs;
	}
	if (o > 0 && o == lastzero)
		o++;
	*size = rnd(o, maxalign);
	*align = maxalign;
}

static void layout(Type *t, int64_t *size, int64_t *align)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_BOOL: case BK_INT8: case BK_UINT8: *size = *align = 1; return;
		case BK_INT16: case BK_UINT16: *size = *align = 2; return;
		case BK_INT32: case BK_UINT32: case BK_FLOAT32: *size = *align = 4; return;
		case BK_COMPLEX64: *size = 8, *align = 4; return;
		case BK_COMPLEX128: *size = 16, *align = 8; return;
		case BK_STRING: *size = 16, *align = 8; return;
		default: *size = *align = 8; return;
		}
	case TY_ARRAY: {
		int64_t es, ea;
		layout(u->array.elem, &es, &ea);
		*size = u->array.len > 0 ? es * u->array.len : 0;
		*align = ea;
		return;
	}
	case TY_SLICE: *size = 24, *align = 8; return;
	case TY_INTERFACE: *size = 16, *align = 8; return;
	case TY_STRUCT: struct_layout(u, NULL, size, align); return;
	default: *size = *align = 8; return; /* pointer, map, chan, func */
	}
}

int64_t gclayout_size(Type *t)
{
	int64_t s, a;
	layout(t, &s, &a);
	return s;
}

int64_t gclayout_align(Type *t)
{
	int64_t s, a;
	layout(t, &s, &a);
	return a;
}

void gclayout_offsets(Type *strct, int64_t *out)
{
	int64_t s, a;
	struct_layout(under(strct), out, &s, &a);
}

int64_t gclayout_ptrdata(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		return u->basic.kind == BK_STRING || u->basic.kind == BK_UNSAFE_POINTER ? PTRSIZE : 0;
	case TY_POINTER: case TY_SIGNATURE: case TY_CHAN: case TY_MAP: case TY_SLICE:
		return PTRSIZE;
	case TY_INTERFACE:
		return 2 * PTRSIZE;
	case TY_ARRAY: {
		if (u->array.len <= 0)
			return 0;
		int64_t p = gclayout_ptrdata(u->array.elem);
		if (p == 0)
			return 0;
		return (u->array.len - 1) * gclayout_size(u->array.elem) + p;
	}
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		if (n == 0)
			return 0;
		int64_t *off = xmalloc(n * sizeof *off);
		gclayout_offsets(u, off);
		int64_t r = 0;
		for (uint32_t i = n; i-- > 0;) {
			int64_t p = gclayout_ptrdata(u->struct_.fields[i]->type);
			if (p > 0) {
				r = off[i] + p;
				break;
			}
		}
		free(off);
		return r;
	}
	default:
		return 0;
	}
}

static void setbit(uint8_t *mask, int64_t off)
{
	int64_t w = off / PTRSIZE;
	mask[w / 8] |= (uint8_t)(1u << (w % 8));
}

/* typebits.Set: the words of a value at off that hold pointers.  The
 * first word of an interface (itab or type) is never a heap pointer. */
static void ptrbits(Type *t, int64_t off, uint8_t *mask)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind == BK_STRING || u->basic.kind == BK_UNSAFE_POINTER)
			setbit(mask, off);
		return;
	case TY_POINTER: case TY_SIGNATURE: case TY_CHAN: case TY_MAP: case TY_SLICE:
		setbit(mask, off);
		return;
	case TY_INTERFACE:
		setbit(mask, off + PTRSIZE);
		return;
	case TY_ARRAY: {
		if (u->array.len <= 0 || gclayout_ptrdata(u->array.elem) == 0)
			return;
		int64_t es = gclayout_size(u->array.elem);
		for (int64_t i = 0; i < u->array.len; i++)
			ptrbits(u->array.elem, off + i * es, mask);
		return;
	}
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		if (n == 0)
			return;
		int64_t *o = xmalloc(n * sizeof *o);
		gclayout_offsets(u, o);
		for (uint32_t i = 0; i < n; i++)
			ptrbits(u->struct_.fields[i]->type, off + o[i], mask);
		free(o);
		return;
	}
	default:
		return;
	}
}

void gclayout_ptrmask(Type *t, uint8_t *mask)
{
	if (gclayout_ptrdata(t) > 0)
		ptrbits(t, 0, mask);
}

/* ---- algorithms ---- */

/* types.AlgType, unsized: NOEQ, MEM, or one of the special kinds */
static AlgKind alg_unsized(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_FLOAT32: return ALG_FLOAT32;
		case BK_FLOAT64: return ALG_FLOAT64;
		case BK_COMPLEX64: return ALG_CPLX64;
		case BK_COMPLEX128: return ALG_CPLX128;
		case BK_STRING: return ALG_STRING;
		default: return ALG_MEM;
		}
	case TY_POINTER: case TY_CHAN:
		return ALG_MEM;
	case TY_SIGNATURE: case TY_MAP: case TY_SLICE:
		return ALG_NOEQ;
	case TY_INTERFACE:
		return interface_typeset(NULL, u)->nmethods == 0 ? ALG_NILINTER : ALG_INTER;
	case TY_ARRAY: {
		AlgKind a = alg_unsized(u->array.elem);
		if (a == ALG_MEM || a == ALG_NOEQ)
			return a;
		if (u->array.len == 0)
			return ALG_MEM;
		if (u->array.len == 1)
			return a;
		return ALG_SPECIAL;
	}
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		if (n == 1 && strcmp(u->struct_.fields[0]->name, "_") != 0)
			return alg_unsized(u->struct_.fields[0]->type);
		AlgKind ret = ALG_MEM;
		int64_t *off = xmalloc((n + 1) * sizeof *off);
		gclayout_offsets(u, off);
		int64_t size = gclayout_size(u);
		for (uint32_t i = 0; i < n; i++) {
			Object *f = u->struct_.fields[i];
			AlgKind a = alg_unsized(f->type);
			if (a == ALG_NOEQ) {
				ret = ALG_NOEQ;
				break;
			}
			int64_t end = i + 1 < n ? off[i + 1] : size;
			bool padded = off[i] + gclayout_size(f->type) != end;
			if (a != ALG_MEM || strcmp(f->name, "_") == 0 || padded)
				ret = ALG_SPECIAL;
		}
		free(off);
		return ret;
	}
	default:
		return ALG_NOEQ;
	}
}

AlgKind gclayout_alg(Type *t)
{
	AlgKind a = alg_unsized(t);
	if (a != ALG_MEM)
		return a;
	switch (gclayout_size(t)) {
	case 0: return ALG_MEM0;
	case 1: return ALG_MEM8;
	case 2: return ALG_MEM16;
	case 4: return ALG_MEM32;
	case 8: return ALG_MEM64;
	case 16: return ALG_MEM128;
	default: return ALG_MEM;
	}
}

bool gclayout_regular_memory(Type *t)
{
	return alg_unsized(t) == ALG_MEM;
}

bool gclayout_direct_iface(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_SIGNATURE:
		return true;
	case TY_BASIC:
		return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_ARRAY:
		return u->array.len == 1 && gclayout_direct_iface(u->array.elem);
	case TY_STRUCT:
		return u->struct_.nfields == 1 && gclayout_direct_iface(u->struct_.fields[0]->type);
	default:
		return false;
	}
}

bool gclayout_reflexive(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		return !(u->basic.info & (BI_FLOAT | BI_COMPLEX));
	case TY_INTERFACE:
		return false;
	case TY_ARRAY:
		return gclayout_reflexive(u->array.elem);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (!gclayout_reflexive(u->struct_.fields[i]->type))
				return false;
		return true;
	default:
		return true;
	}
}

bool gclayout_needkeyupdate(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		return (u->basic.info & (BI_FLOAT | BI_COMPLEX | BI_STRING)) != 0;
	case TY_INTERFACE:
		return true;
	case TY_ARRAY:
		return gclayout_needkeyupdate(u->array.elem);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (gclayout_needkeyupdate(u->struct_.fields[i]->type))
				return true;
		return false;
	default:
		return false;
	}
}

bool gclayout_hash_might_panic(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_INTERFACE:
		return true;
	case TY_ARRAY:
		return gclayout_hash_might_panic(u->array.elem);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (gclayout_hash_might_panic(u->struct_.fields[i]->type))
				return true;
		return false;
	default:
		return false;
	}
}

int gclayout_kind(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC: {
		static const uint8_t k[BK_COUNT] = {
			[BK_BOOL] = 1, [BK_INT] = 2, [BK_INT8] = 3, [BK_INT16] = 4, [BK_INT32] = 5, [BK_INT64] = 6,
			[BK_UINT] = 7, [BK_UINT8] = 8, [BK_UINT16] = 9, [BK_UINT32] = 10, [BK_UINT64] = 11,
			[BK_UINTPTR] = 12, [BK_FLOAT32] = 13, [BK_FLOAT64] = 14, [BK_COMPLEX64] = 15,
			[BK_COMPLEX128] = 16, [BK_STRING] = 24, [BK_UNSAFE_POINTER] = 26,
		};
		return k[u->basic.kind];
	}
	case TY_ARRAY: return 17;
	case TY_CHAN: return 18;
	case TY_SIGNATURE: return 19;
	case TY_INTERFACE: return 20;
	case TY_MAP: return 21;
	case TY_POINTER: return 22;
	case TY_SLICE: return 23;
	case TY_STRUCT: return 25;
	default: return 0;
	}
}
