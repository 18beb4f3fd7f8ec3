/*
 * types.c — Go types as SsaTypes (interned by gc's way of printing the
 * type, qualified by package name: int, *main.T, []string), sizes and
 * offsets in gc's layout (src/gen/typelayout.c), and the ABI0 layout of
 * a signature's arguments and results.
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

static int ssakind(Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		switch (u->basic.kind) {
		case BK_BOOL: case BK_UNTYPED_BOOL: return SK_BOOL;
		case BK_INT: case BK_INT8: case BK_INT16: case BK_INT32: case BK_INT64:
		case BK_UNTYPED_INT: case BK_UNTYPED_RUNE:
			return SK_INT;
		case BK_UINT: case BK_UINT8: case BK_UINT16: case BK_UINT32: case BK_UINT64: case BK_UINTPTR:
			return SK_UINT;
		case BK_FLOAT32: case BK_FLOAT64: case BK_UNTYPED_FLOAT: return SK_FLOAT;
		case BK_COMPLEX64: case BK_COMPLEX128: case BK_UNTYPED_COMPLEX: return SK_COMPLEX;
		case BK_STRING: case BK_UNTYPED_STRING: return SK_STRING;
		default: return SK_PTR; /* unsafe.Pointer, untyped nil */
		}
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_SIGNATURE: return SK_PTR;
	case TY_SLICE: return SK_SLICE;
	case TY_INTERFACE: return SK_IFACE;
	case TY_ARRAY: return SK_ARRAY;
	case TY_STRUCT: return SK_STRUCT;
	}
	return SK_VOID;
}

bool gen_ssaable(Type *t)
{
	int k = ssakind(t);
	return k != SK_STRUCT && k != SK_ARRAY && k != SK_VOID;
}

int64_t gen_sizeof(Type *t) { return gclayout_size(t); }
int64_t gen_alignof(Type *t) { return gclayout_align(t); }

int64_t gen_fieldoff(Type *strct, int i)
{
	Type *u = under(strct);
	int64_t buf[64], *off = u->struct_.nfields <= 64 ? buf : xmalloc(u->struct_.nfields * sizeof *off);
	gclayout_offsets(u, off);
	int64_t r = off[i];
	if (off != buf)
		free(off);
	return r;
}

SsaType *gen_type(Type *t)
{
	/* SSA values carry their underlying type: conversions between a
	 * defined type and its underlying type are no-ops, and phis, stores
	 * and results never mix names of one shape */
	if (gen_ssaable(t))
		t = under(t);
	if (t->kind == TY_BASIC && (t->basic.info & BI_UNTYPED)) {
		switch (t->basic.kind) {
		case BK_UNTYPED_BOOL: return ssa_t_bool;
		case BK_UNTYPED_INT: return ssa_t_int;
		case BK_UNTYPED_RUNE: return ssa_t_int32;
		case BK_UNTYPED_FLOAT: return ssa_t_float64;
		case BK_UNTYPED_COMPLEX: return ssa_type("complex128");
		case BK_UNTYPED_STRING: return ssa_t_string;
		default: return ssa_type("unsafe.Pointer");
		}
	}
	Buf b = {0};
	Qualifier q = {NULL, true, true}; /* []byte and []uint8 are one type */
	write_type(&b, t, &q);
	buf_putc(&b, 0);
	int kind = ssakind(t);
	int64_t size = gen_sizeof(t);
	int align = (int)gen_alignof(t);
	SsaType *st = NULL;
	/* types of one name but another shape (local types in two functions)
	 * get a numbered name */
	for (int n = 0; n < 1000; n++) {
		char name[64];
		const char *nm = b.p;
		Buf alt = {0};
		if (n) {
			snprintf(name, sizeof name, "·%d", n);
			buf_puts(&alt, b.p);
			buf_puts(&alt, name);
			buf_putc(&alt, 0);
			nm = alt.p;
		}
		st = ssa_type_define(nm, kind, size, align);
		buf_free(&alt);
		if (st->kind == kind && st->size == size && (!st->gotype || identical(st->gotype, t)))
			break;
	}
	buf_free(&b);
	if (!st->gotype) {
		st->gotype = t;
		Type *u = under(t);
		if (u->kind == TY_POINTER)
			st->elem = gen_type(u->pointer.elem);
		else if (u->kind == TY_SLICE)
			st->elem = gen_type(u->slice.elem);
		else if (u->kind == TY_ARRAY)
			st->elem = gen_type(u->array.elem);
		else if (u->kind == TY_STRUCT && gclayout_ptrdata(u) > 0) {
			uint8_t *mask = xcalloc((size_t)(gclayout_ptrdata(u) / 8 + 7) / 8, 1);
			gclayout_ptrmask(u, mask);
			st->ptrmask = mask; /* lives as long as the interned type */
		}
	}
	return st;
}

Type *gen_recvtype(Type *sig)
{
	return sig->sig.recv ? sig->sig.recv->type : NULL;
}

static int64_t rnd(int64_t o, int64_t a) { return a > 1 ? (o + a - 1) / a * a : o; }

Abi gen_abi(Arena *a, Type *sig, Type *recv)
{
	Abi abi = {0};
	int np = (int)sig->sig.params->tuple.n + (recv != NULL);
	int nr = (int)sig->sig.results->tuple.n;
	abi.n = np + nr;
	abi.nparams = np;
	abi.off = arena_alloc(a, (size_t)(abi.n + 1) * sizeof *abi.off);
	abi.types = arena_alloc(a, (size_t)(abi.n + 1) * sizeof *abi.types);
	int k = 0;
	if (recv)
		abi.types[k++] = recv;
	for (uint32_t i = 0; i < sig->sig.params->tuple.n; i++)
		abi.types[k++] = sig->sig.params->tuple.vars[i]->type;
	for (uint32_t i = 0; i < sig->sig.results->tuple.n; i++)
		abi.types[k++] = sig->sig.results->tuple.vars[i]->type;
	int64_t off = 0;
	for (int i = 0; i < abi.n; i++) {
		if (i == np)
			off = rnd(off, 8);
		off = rnd(off, gen_alignof(abi.types[i]));
		abi.off[i] = off;
		off += gen_sizeof(abi.types[i]);
	}
	abi.size = rnd(off, 8);
	return abi;
}
