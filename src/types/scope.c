/*
 * scope.c — scopes (hash tables keyed by interned names), objects, and
 * the small containers the checker uses (PtrMap, PtrVec).
 */
#include "types.h"
#include "../syntax/unicode.h"

/* ---- PtrMap ---- */

static inline uint32_t ptrhash(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 32;
	return (uint32_t)x;
}

void *ptrmap_get(const PtrMap *m, const void *key)
{
	if (m->cap == 0)
		return NULL;
	uint32_t mask = m->cap - 1;
	for (uint32_t i = ptrhash(key) & mask;; i = (i + 1) & mask) {
		if (m->keys[i] == key)
			return m->vals[i];
		if (m->keys[i] == NULL)
			return NULL;
	}
}

static void ptrmap_grow(PtrMap *m)
{
	uint32_t ncap = m->cap ? m->cap * 2 : 16;
	const void **nk = xcalloc(ncap, sizeof *nk);
	void **nv = xcalloc(ncap, sizeof *nv);
	for (uint32_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		uint32_t j = ptrhash(m->keys[i]) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->keys[i];
		nv[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = nk;
	m->vals = nv;
	m->cap = ncap;
}

void ptrmap_put(PtrMap *m, const void *key, void *val)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		ptrmap_grow(m);
	uint32_t mask = m->cap - 1;
	uint32_t i = ptrhash(key) & mask;
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & mask;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

void ptrmap_free(PtrMap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

void ptrvec_push(PtrVec *v, void *p)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = p;
}

void ptrvec_free(PtrVec *v)
{
	free(v->v);
	memset(v, 0, sizeof *v);
}

/* ---- objects ---- */

bool name_is_exported(const char *name)
{
	unsigned char c = (unsigned char)name[0];
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	/* a non-ASCII first letter: upper case per Unicode */
	uint32_t r = 0;
	int n = 0;
	if ((c & 0xe0) == 0xc0) r = c & 0x1f, n = 1;
	else if ((c & 0xf0) == 0xe0) r = c & 0x0f, n = 2;
	else if ((c & 0xf8) == 0xf0) r = c & 0x07, n = 3;
	for (int i = 1; i <= n && name[i]; i++)
		r = (r << 6) | ((unsigned char)name[i] & 0x3f);
	return uni_is_upper(r);
}

bool same_id(const Object *o, TPackage *pkg, const char *name)
{
	if (o->name != name)
		return false;
	if (obj_exported(o))
		return true;
	if (o->pkg == pkg)
		return true;
	return o->pkg && pkg && o->pkg->path == pkg->path;
}

Object *new_object(Arena *a, ObjKind k, Pos pos, TPackage *pkg, const char *name, Type *type)
{
	Object *o = arena_alloc(a, sizeof *o);
	o->kind = (uint8_t)k;
	o->pos = pos;
	o->pkg = pkg;
	o->name = name;
	o->type = type;
	if (name_is_exported(name))
		o->flags |= OF_EXPORTED;
	return o;
}

Object *new_var(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type)
{
	Object *o = new_object(a, OBJ_VAR, pos, pkg, name, type);
	o->origin = o;
	return o;
}

Object *new_param(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type)
{
	Object *o = new_var(a, pos, pkg, name, type);
	o->flags |= OF_PARAM | OF_USED;
	return o;
}

Object *new_field(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type, bool embedded)
{
	Object *o = new_var(a, pos, pkg, name, type);
	o->flags |= OF_FIELD | (embedded ? OF_EMBEDDED : 0);
	return o;
}

Object *new_func(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *sig)
{
	Object *o = new_object(a, OBJ_FUNC, pos, pkg, name, sig);
	o->origin = o;
	return o;
}

Object *new_const(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type, Const val)
{
	Object *o = new_object(a, OBJ_CONST, pos, pkg, name, type);
	o->val = val;
	return o;
}

Object *new_typename(Arena *a, Pos pos, TPackage *pkg, const char *name, Type *type)
{
	return new_object(a, OBJ_TYPENAME, pos, pkg, name, type);
}

const char *obj_kind_name(const Object *o)
{
	static const char *const names[] = {"bad", "package", "const", "type", "var", "func", "label", "builtin", "nil"};
	return names[o->kind];
}

TPackage *new_package(Arena *a, const char *path, const char *name)
{
	TPackage *p = arena_alloc(a, sizeof *p);
	p->path = intern_cstr(path);
	p->name = intern_cstr(name ? name : "");
	universe_init();
	p->scope = new_scope(a, universe, SCOPE_PACKAGE, NoPos, NoPos);
	return p;
}

/* ---- scopes ---- */

Scope *new_scope(Arena *a, Scope *parent, ScopeKind kind, Pos pos, Pos end)
{
	Scope *s = arena_alloc(a, sizeof *s);
	s->parent = parent;
	s->kind = (uint8_t)kind;
	s->pos = pos;
	s->end = end;
	if (parent && parent != universe && kind != SCOPE_PACKAGE) {
		if (parent->nchildren == parent->capchildren) {
			uint32_t nc = parent->capchildren ? parent->capchildren * 2 : 4;
			Scope **v = arena_alloc(a, nc * sizeof *v);
			if (parent->nchildren)
				memcpy(v, parent->children, parent->nchildren * sizeof *v);
			parent->children = v;
			parent->capchildren = nc;
		}
		parent->children[parent->nchildren++] = s;
	}
	return s;
}

Object *scope_lookup(const Scope *s, const char *name)
{
	if (s->cap == 0)
		return NULL;
	uint32_t mask = s->cap - 1;
	for (uint32_t i = intern_hash(name) & mask;; i = (i + 1) & mask) {
		Object *o = s->slots[i];
		if (!o)
			return NULL;
		if (o->name == name)
			return o;
	}
}

Object *scope_lookup_parent(Scope *s, const char *name, Pos pos, Scope **where)
{
	for (; s; s = s->parent) {
		Object *o = scope_lookup(s, name);
		if (o && (pos == NoPos || o->scopepos == NoPos || o->scopepos <= pos)) {
			if (where)
				*where = s;
			return o;
		}
	}
	if (where)
		*where = NULL;
	return NULL;
}

static void scope_grow(Arena *a, Scope *s)
{
	uint32_t ncap = s->cap ? s->cap * 2 : 8;
	Object **ns = arena_alloc(a, ncap * sizeof *ns);
	for (uint32_t i = 0; i < s->cap; i++) {
		Object *o = s->slots[i];
		if (!o)
			continue;
		uint32_t j = intern_hash(o->name) & (ncap - 1);
		while (ns[j])
			j = (j + 1) & (ncap - 1);
		ns[j] = o;
	}
	s->slots = ns;
	s->cap = ncap;
}

Object *scope_insert(Arena *a, Scope *s, Object *obj)
{
	if (obj->name[0] == '_' && obj->name[1] == 0)
		return NULL;
	Object *old = scope_lookup(s, obj->name);
	if (old)
		return old;
	if ((s->n + 1) * 4 > s->cap * 3)
		scope_grow(a, s);
	uint32_t mask = s->cap - 1;
	uint32_t i = intern_hash(obj->name) & mask;
	while (s->slots[i])
		i = (i + 1) & mask;
	s->slots[i] = obj;
	s->n++;
	if (!obj->parent)
		obj->parent = s;
	return NULL;
}

static int cmp_obj_name(const void *a, const void *b)
{
	return strcmp((*(Object *const *)a)->name, (*(Object *const *)b)->name);
}

Object **scope_sorted(Arena *a, const Scope *s, uint32_t *n)
{
	Object **v = arena_alloc(a, (s->n + 1) * sizeof *v);
	uint32_t k = 0;
	for (uint32_t i = 0; i < s->cap; i++)
		if (s->slots[i])
			v[k++] = s->slots[i];
	qsort(v, k, sizeof *v, cmp_obj_name);
	*n = k;
	return v;
}
