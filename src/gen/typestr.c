/*
 * typestr.c — gc's spellings of types (cmd/compile/internal/types/fmt.go):
 * LinkString (fmtTypeID: packages by path prefix, unexported field and
 * method names qualified) names symbols and feeds the type hash;
 * NameString (fmtTypeIDName: packages by name) is what reflect's String()
 * returns.  Also the names of methods (ir.MethodSym) and the hash.
 */
#include "typedesc.h"

Type *typestr_formal(Type *t)
{
	if (t == typ_byte)
		return typ_basic[BK_UINT8];
	if (t == typ_rune)
		return typ_basic[BK_INT32];
	return t;
}

void typestr_pkgprefix(Buf *b, const char *path)
{
	/* objabi.PathToPrefix: control, space, %, " and non-ASCII bytes, and
	 * dots after the last slash, as %xx */
	const char *slash = strrchr(path, '/');
	for (const char *p = path; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || (c == '.' && slash && p > slash) || c == '%' || c == '"' || c >= 0x7f)
			buf_printf(b, "%%%02x", c);
		else
			buf_putc(b, (char)c);
	}
}

static bool is_exported_name(const char *s)
{
	return name_is_exported(s);
}

/* gc's Sym.Less on (name, package path): exported first, then by name,
 * then by package path */
static int sym_cmp(const Object *a, const Object *b)
{
	bool ea = is_exported_name(a->name), eb = is_exported_name(b->name);
	if (ea != eb)
		return ea ? -1 : 1;
	int c = strcmp(a->name, b->name);
	if (c || ea)
		return c;
	const char *pa = a->pkg ? a->pkg->path : "", *pb = b->pkg ? b->pkg->path : "";
	return strcmp(pa, pb);
}

static int sym_qcmp(const void *x, const void *y)
{
	return sym_cmp(*(Object *const *)x, *(Object *const *)y);
}

void typestr_sortmethods(Object **v, uint32_t n);
void typestr_sortmethods(Object **v, uint32_t n)
{
	qsort(v, n, sizeof *v, sym_qcmp);
}

/* Map bucket structs: printed as map.bucket[K]V. */
static PtrMap buckets;
void typestr_set_bucket(Type *strct, Type *map);
void typestr_set_bucket(Type *strct, Type *map)
{
	ptrmap_put(&buckets, strct, map);
}
Type *typestr_bucket_map(Type *strct);
Type *typestr_bucket_map(Type *strct)
{
	return ptrmap_get(&buckets, strct);
}

/* The methods of an interface in gc's order, in a malloc'd array. */
Object **typestr_imethods(Type *iface, uint32_t *n);
Object **typestr_imethods(Type *iface, uint32_t *n)
{
	TypeSet *ts = interface_typeset(NULL, under(iface));
	Object **v = xmalloc((ts->nmethods + 1) * sizeof *v);
	if (ts->nmethods)
		memcpy(v, ts->methods, ts->nmethods * sizeof *v);
	qsort(v, ts->nmethods, sizeof *v, sym_qcmp);
	*n = ts->nmethods;
	return v;
}

static void pkgqual(Buf *b, TPackage *pkg, int mode)
{
	if (mode == TS_LINK)
		typestr_pkgprefix(b, pkg->path);
	else
		buf_puts(b, pkg->name);
	buf_putc(b, '.');
}

/* The number gc gives a function-scoped defined type ("·N", types.Type
 * vargen): 1, 2, ... over the package's local defined types in source
 * order.  Computed per package on first need from its scope tree (which
 * the checker fills when it checks function bodies). */
static PtrMap localtypes;  /* Object* → number */
static PtrMap localdone;   /* TPackage* → 1 */

static bool is_local_type(Object *o)
{
	return o->parent && o->parent->kind != SCOPE_PACKAGE && o->parent->kind != SCOPE_UNIVERSE;
}

static void collect_locals(Scope *s, PtrVec *v)
{
	if (s->kind != SCOPE_FILE && s->kind != SCOPE_PACKAGE)
		for (uint32_t i = 0; i < s->cap; i++) {
			Object *o = s->slots[i];
			if (o && o->kind == OBJ_TYPENAME && !(o->flags & OF_ALIAS) && o->type &&
			    o->type->kind == TY_NAMED && o->type->named.obj == o)
				ptrvec_push(v, o);
		}
	for (uint32_t i = 0; i < s->nchildren; i++)
		collect_locals(s->children[i], v);
}

static int pos_cmp(const void *a, const void *b)
{
	Pos x = (*(Object *const *)a)->pos, y = (*(Object *const *)b)->pos;
	return x < y ? -1 : x > y;
}

static uintptr_t local_number(Object *o)
{
	uintptr_t n = (uintptr_t)ptrmap_get(&localtypes, o);
	if (n || !o->pkg || ptrmap_get(&localdone, o->pkg))
		return n;
	ptrmap_put(&localdone, o->pkg, (void *)1);
	PtrVec v = {0};
	collect_locals(o->pkg->scope, &v);
	qsort(v.v, v.n, sizeof *v.v, pos_cmp);
	for (uint32_t i = 0; i < v.n; i++)
		ptrmap_put(&localtypes, v.v[i], (void *)(uintptr_t)(i + 1));
	ptrvec_free(&v);
	return (uintptr_t)ptrmap_get(&localtypes, o);
}

static void write_sig(Buf *b, Type *t, int mode);
static void write_t(Buf *b, Type *t, int mode, bool verbS);

/* The name of a named type as its Sym spells it: Name or Name[targs]. */
static void named_symname(Buf *b, Type *t)
{
	buf_puts(b, t->named.obj->name);
	if (t->named.targs.n) {
		buf_putc(b, '[');
		for (uint32_t i = 0; i < t->named.targs.n; i++) {
			if (i)
				buf_putc(b, ',');
			write_t(b, typestr_formal(t->named.targs.v[i]), TS_LINK, false);
		}
		buf_putc(b, ']');
	}
}

static void write_named(Buf *b, Type *t, int mode, bool verbS)
{
	Object *o = t->named.obj;
	if (!o->pkg && strcmp(o->name, "error") == 0) {
		buf_puts(b, "error");
		return;
	}
	if (!verbS && o->pkg)
		pkgqual(b, o->pkg, mode);
	named_symname(b, t);
	if (mode == TS_LINK && is_local_type(o)) {
		uintptr_t n = local_number(o);
		if (n)
			buf_printf(b, "·%u", (unsigned)n);
	}
}

static void write_field(Buf *b, Object *f, const char *tag, int mode)
{
	const char *name = f->name;
	if (f->flags & OF_EMBEDDED) {
		name = NULL;
		if (mode == TS_LINK) {
			Type *ft = f->type;
			if (ft->kind == TY_POINTER)
				ft = ft->pointer.elem;
			name = f->name;
			if (ft->kind == TY_NAMED || ft->kind == TY_BASIC) {
				Buf sn = {0};
				TPackage *tp = NULL;
				if (ft->kind == TY_NAMED) {
					named_symname(&sn, ft);
					tp = ft->named.obj->pkg;
				} else {
					buf_puts(&sn, typestr_formal(ft)->basic.name);
				}
				buf_putc(&sn, 0);
				bool same = strcmp(sn.p, f->name) == 0 &&
					    (tp == f->pkg || is_exported_name(sn.p));
				buf_free(&sn);
				if (same)
					name = NULL;
			}
		}
	}
	if (name) {
		if (!is_exported_name(name) && mode == TS_LINK && f->pkg)
			pkgqual(b, f->pkg, mode);
		buf_puts(b, name);
		buf_puts(b, (f->flags & OF_EMBEDDED) ? " = " : " ");
	}
	write_t(b, f->type, mode, false);
	if (tag && *tag) {
		buf_putc(b, ' ');
		go_quote(b, tag, strlen(tag));
	}
}

static void write_params(Buf *b, Type *tuple, bool variadic, int mode)
{
	buf_putc(b, '(');
	for (uint32_t i = 0; i < tuple->tuple.n; i++) {
		if (i)
			buf_puts(b, ", ");
		Type *pt = tuple->tuple.vars[i]->type;
		if (variadic && i == tuple->tuple.n - 1 && pt->kind == TY_SLICE) {
			buf_puts(b, "...");
			pt = pt->slice.elem;
		}
		write_t(b, pt, mode, false);
	}
	buf_putc(b, ')');
}

/* "(params) results" */
static void write_sig(Buf *b, Type *t, int mode)
{
	write_params(b, t->sig.params, t->sig.variadic, mode);
	Type *r = t->sig.results;
	if (r->tuple.n == 1) {
		buf_putc(b, ' ');
		write_t(b, r->tuple.vars[0]->type, mode, false);
	} else if (r->tuple.n > 1) {
		buf_putc(b, ' ');
		write_params(b, r, false, mode);
	}
}

static void write_t(Buf *b, Type *t, int mode, bool verbS)
{
	t = typestr_formal(t);
	switch (t->kind) {
	case TY_BASIC:
		if (t->basic.kind == BK_UNSAFE_POINTER)
			buf_puts(b, "unsafe.Pointer");
		else
			buf_puts(b, t->basic.name);
		return;
	case TY_NAMED:
		write_named(b, t, mode, verbS);
		return;
	case TY_POINTER:
		buf_putc(b, '*');
		write_t(b, t->pointer.elem, mode, verbS);
		return;
	case TY_ARRAY:
		buf_printf(b, "[%lld]", (long long)t->array.len);
		write_t(b, t->array.elem, mode, false);
		return;
	case TY_SLICE:
		buf_puts(b, "[]");
		write_t(b, t->slice.elem, mode, false);
		return;
	case TY_CHAN: {
		Type *e = t->chan.elem;
		switch (t->chan.dir) {
		case CHAN_RECVONLY:
			buf_puts(b, "<-chan ");
			write_t(b, e, mode, false);
			break;
		case CHAN_SENDONLY:
			buf_puts(b, "chan<- ");
			write_t(b, e, mode, false);
			break;
		default:
			buf_puts(b, "chan ");
			if (e->kind == TY_CHAN && e->chan.dir == CHAN_RECVONLY) {
				buf_putc(b, '(');
				write_t(b, e, mode, false);
				buf_putc(b, ')');
			} else {
				write_t(b, e, mode, false);
			}
		}
		return;
	}
	case TY_MAP:
		buf_puts(b, "map[");
		write_t(b, t->map.key, mode, false);
		buf_putc(b, ']');
		write_t(b, t->map.elem, mode, false);
		return;
	case TY_INTERFACE: {
		uint32_t n;
		Object **ms = typestr_imethods(t, &n);
		if (n == 0) {
			buf_puts(b, "interface {}");
			free(ms);
			return;
		}
		buf_puts(b, "interface {");
		for (uint32_t i = 0; i < n; i++) {
			buf_puts(b, i ? "; " : " ");
			if (!is_exported_name(ms[i]->name) && ms[i]->pkg)
				pkgqual(b, ms[i]->pkg, mode);
			buf_puts(b, ms[i]->name);
			write_sig(b, ms[i]->type, mode);
		}
		buf_puts(b, " }");
		free(ms);
		return;
	}
	case TY_SIGNATURE:
		if (!verbS)
			buf_puts(b, "func");
		write_sig(b, t, mode);
		return;
	case TY_STRUCT: {
		Type *m = ptrmap_get(&buckets, t);
		if (m) {
			buf_puts(b, "map.bucket[");
			write_t(b, m->map.key, mode, false);
			buf_putc(b, ']');
			write_t(b, m->map.elem, mode, false);
			return;
		}
		uint32_t n = t->struct_.nfields;
		buf_puts(b, "struct {");
		for (uint32_t i = 0; i < n; i++) {
			buf_puts(b, i ? "; " : " ");
			write_field(b, t->struct_.fields[i], t->struct_.tags ? t->struct_.tags[i] : NULL, mode);
		}
		buf_puts(b, n ? " }" : "}");
		return;
	}
	default:
		ice(NoPos, "typedesc", "no run-time type for a type of kind %d", t->kind);
	}
}

void typestr_write(Buf *b, Type *t, int mode)
{
	write_t(b, t, mode, false);
}

void typestr_symname(Buf *b, Type *t, bool noalg)
{
	buf_puts(b, noalg ? "type.noalg." : "type.");
	write_t(b, t, TS_LINK, false);
}

void typestr_methodsym(Buf *b, Type *recv, Object *m)
{
	bool ptr = recv->kind == TY_POINTER;
	Type *base = ptr ? recv->pointer.elem : recv;
	TPackage *rpkg = base->kind == TY_NAMED ? base->named.obj->pkg : NULL;
	if (rpkg)
		typestr_pkgprefix(b, rpkg->path);
	else
		buf_puts(b, "go");
	buf_putc(b, '.');
	if (ptr)
		buf_puts(b, "(*");
	write_t(b, base, TS_LINK, true);
	if (ptr)
		buf_putc(b, ')');
	if (!is_exported_name(m->name) && m->pkg && m->pkg != rpkg) {
		buf_putc(b, '.');
		typestr_pkgprefix(b, m->pkg->path);
	}
	buf_putc(b, '.');
	buf_puts(b, m->name);
}

/* gc's TypeHash: NOT-SHA-256 (src/base/sha256.c) */
uint32_t typestr_hash(const char *s, size_t n)
{
	uint8_t sum[32];
	notsha256(s, n, sum);
	/* the first 4 bytes of NOT-SHA-256, read little-endian */
	return (uint32_t)sum[0] | (uint32_t)sum[1] << 8 | (uint32_t)sum[2] << 16 | (uint32_t)sum[3] << 24;
}
