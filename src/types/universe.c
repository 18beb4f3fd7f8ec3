/*
 * universe.c — the universe scope (predeclared types, constants, nil,
 * built-in functions, any, error, comparable) and package unsafe, as
 * go/types' universe.go defines them.  Everything lives in a static arena
 * for the life of the process.
 */
#include "types.h"

Scope *universe;
TPackage *unsafe_pkg;
Object *universe_iota, *universe_nil, *universe_true, *universe_false;
Type *typ_basic[BK_COUNT], *typ_byte, *typ_rune, *typ_error, *typ_any, *typ_comparable, *typ_invalid;
Type *typ_empty_tuple;

static Arena uarena;

const char *const builtin_names[BUILTIN_COUNT] = {
	"append", "cap", "close", "complex", "copy", "delete", "imag", "len", "make", "new",
	"panic", "print", "println", "real", "recover",
	"Add", "Alignof", "Offsetof", "Sizeof", "Slice",
	"assert", "trace",
};

static const uint8_t basic_info[BK_COUNT] = {
	[BK_BOOL] = BI_BOOLEAN,
	[BK_INT] = BI_INTEGER, [BK_INT8] = BI_INTEGER, [BK_INT16] = BI_INTEGER,
	[BK_INT32] = BI_INTEGER, [BK_INT64] = BI_INTEGER,
	[BK_UINT] = BI_INTEGER | BI_UNSIGNED, [BK_UINT8] = BI_INTEGER | BI_UNSIGNED,
	[BK_UINT16] = BI_INTEGER | BI_UNSIGNED, [BK_UINT32] = BI_INTEGER | BI_UNSIGNED,
	[BK_UINT64] = BI_INTEGER | BI_UNSIGNED, [BK_UINTPTR] = BI_INTEGER | BI_UNSIGNED,
	[BK_FLOAT32] = BI_FLOAT, [BK_FLOAT64] = BI_FLOAT,
	[BK_COMPLEX64] = BI_COMPLEX, [BK_COMPLEX128] = BI_COMPLEX,
	[BK_STRING] = BI_STRING,
	[BK_UNSAFE_POINTER] = 0,
	[BK_UNTYPED_BOOL] = BI_BOOLEAN | BI_UNTYPED,
	[BK_UNTYPED_INT] = BI_INTEGER | BI_UNTYPED,
	[BK_UNTYPED_RUNE] = BI_INTEGER | BI_UNTYPED,
	[BK_UNTYPED_FLOAT] = BI_FLOAT | BI_UNTYPED,
	[BK_UNTYPED_COMPLEX] = BI_COMPLEX | BI_UNTYPED,
	[BK_UNTYPED_STRING] = BI_STRING | BI_UNTYPED,
	[BK_UNTYPED_NIL] = BI_UNTYPED,
};

static Type *mkbasic(int kind, uint8_t info, const char *name)
{
	Type *t = arena_alloc(&uarena, sizeof *t);
	t->kind = TY_BASIC;
	t->basic.kind = (uint8_t)kind;
	t->basic.info = info;
	t->basic.name = intern_cstr(name);
	return t;
}

static void def(Object *obj)
{
	obj->color = COLOR_BLACK;
	if (strchr(obj->name, ' '))
		return;
	Scope *s = universe;
	if (obj_exported(obj)) {
		s = unsafe_pkg->scope;
		obj->pkg = unsafe_pkg;
	}
	if (scope_insert(&uarena, s, obj))
		ice(NoPos, "universe", "double declaration of predeclared identifier %s", obj->name);
}

static Object *deftype(Type *t, const char *name)
{
	Object *o = new_typename(&uarena, NoPos, NULL, intern_cstr(name), t);
	def(o);
	return o;
}

void universe_init(void)
{
	if (universe)
		return;
	Arena *a = &uarena;
	universe = new_scope(a, NULL, SCOPE_UNIVERSE, NoPos, NoPos);
	unsafe_pkg = arena_alloc(a, sizeof *unsafe_pkg);
	unsafe_pkg->path = intern_cstr("unsafe");
	unsafe_pkg->name = unsafe_pkg->path;
	unsafe_pkg->scope = new_scope(a, universe, SCOPE_PACKAGE, NoPos, NoPos);
	unsafe_pkg->complete = true;

	for (int k = 0; k < BK_COUNT; k++) {
		const char *name = k == BK_INVALID ? "invalid type" : k == BK_UNSAFE_POINTER ? "Pointer" : basic_kind_names[k];
		typ_basic[k] = mkbasic(k, basic_info[k], name);
	}
	typ_invalid = typ_basic[BK_INVALID];
	typ_byte = mkbasic(BK_UINT8, BI_INTEGER | BI_UNSIGNED, "byte");
	typ_rune = mkbasic(BK_INT32, BI_INTEGER, "rune");
	typ_empty_tuple = arena_alloc(a, sizeof *typ_empty_tuple);
	typ_empty_tuple->kind = TY_TUPLE;
	for (int k = 0; k < BK_COUNT; k++)
		deftype(typ_basic[k], typ_basic[k]->basic.name);
	deftype(typ_byte, "byte");
	deftype(typ_rune, "rune");

	/* type any = interface{}: a unique pointer, printed as "any" */
	typ_any = new_interface(a, NULL, 0, NULL, NULL, 0);
	deftype(typ_any, "any")->flags |= OF_ALIAS;

	/* type error interface{ Error() string } */
	{
		Object *obj = new_typename(a, NoPos, NULL, intern_cstr("error"), NULL);
		Type *named = new_named(a, obj, NULL);
		Object *recv = new_var(a, NoPos, NULL, intern_cstr(""), named);
		Object *res = new_var(a, NoPos, NULL, intern_cstr(""), typ_basic[BK_STRING]);
		Object **resv = arena_alloc(a, sizeof *resv);
		resv[0] = res;
		Type *sig = new_signature(a, recv, typ_empty_tuple, new_tuple(a, resv, 1), false);
		Object **m = arena_alloc(a, sizeof *m);
		m[0] = new_func(a, NoPos, NULL, intern_cstr("Error"), sig);
		Type *it = new_interface(a, m, 1, NULL, NULL, 0);
		named->named.underlying = it;
		named->named.state = NAMED_RESOLVED;
		typ_error = named;
		interface_typeset(NULL, it);
		def(obj);
	}
	/* type comparable interface{} // marked as comparable */
	{
		Object *obj = new_typename(a, NoPos, NULL, intern_cstr("comparable"), NULL);
		Type *named = new_named(a, obj, NULL);
		Type *it = new_interface(a, NULL, 0, NULL, NULL, 0);
		TypeSet *ts = arena_alloc(a, sizeof *ts);
		ts->all = true;
		ts->comparable = true;
		it->iface.tset = ts;
		it->iface.complete = true;
		named->named.underlying = it;
		named->named.state = NAMED_RESOLVED;
		typ_comparable = named;
		def(obj);
	}

	universe_true = new_const(a, NoPos, NULL, intern_cstr("true"), typ_basic[BK_UNTYPED_BOOL], const_bool(true));
	universe_false = new_const(a, NoPos, NULL, intern_cstr("false"), typ_basic[BK_UNTYPED_BOOL], const_bool(false));
	universe_iota = new_const(a, NoPos, NULL, intern_cstr("iota"), typ_basic[BK_UNTYPED_INT], const_int64(0));
	def(universe_true);
	def(universe_false);
	def(universe_iota);
	universe_nil = new_object(a, OBJ_NIL, NoPos, NULL, intern_cstr("nil"), typ_basic[BK_UNTYPED_NIL]);
	def(universe_nil);

	for (int i = 0; i < BUILTIN_ASSERT; i++) {
		Object *o = new_object(a, OBJ_BUILTIN, NoPos, NULL, intern_cstr(builtin_names[i]), typ_invalid);
		o->builtin = i;
		def(o);
	}
}
