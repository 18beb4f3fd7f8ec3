/*
 * asmdecl.c — go vet's asmdecl check (asmdecl.h has the interface).
 *
 * Two halves:
 *   1. the expected frame of each body-less Go function, per
 *      architecture: its variables (name, kind, type string, offset,
 *      size, parts) laid out with go/types' StdSizes, which is what vet
 *      uses (not gc's layout: a struct has no trailing padding there);
 *   2. a line-by-line reading of each .s file as vet does it with regular
 *      expressions.  Each expression is matched here by hand, with the
 *      leftmost-first choice Go's regexp makes; the comment above each
 *      matcher gives the expression.  Lines keep their "\n", and bytes
 *      that are not UTF-8 count as U+FFFD, as in Go's regexp.
 *
 * Arithmetic on offsets wraps as Go's int does (an absurd `$-N` or a huge
 * offset in the source must not be undefined behaviour in C).
 */
#include "asmdecl.h"
#include "../syntax/unicode.h"

#include <errno.h>
#include <stdarg.h>

/* ---- architectures (vet's asmArch table; sizes of types.SizesFor("gc", arch)) ---- */

typedef struct Arch {
	const char *name;
	bool bigendian;
	const char *stack; /* the hardware stack pointer's name */
	bool lr;           /* a link register: the caller's saved LR is in the frame */
	const char *retregs[2]; /* first integer and float result registers (ABIInternal) */
	int64_t wordsize, maxalign;
} Arch;

static const Arch arches[] = {
	{"386", false, "SP", false, {NULL, NULL}, 4, 4},
	{"arm", false, "R13", true, {NULL, NULL}, 4, 4},
	{"arm64", false, "RSP", true, {"R0", "F0"}, 8, 8},
	{"amd64", false, "SP", false, {"AX", "X0"}, 8, 8},
	{"mips", true, "R29", true, {NULL, NULL}, 4, 4},
	{"mipsle", false, "R29", true, {NULL, NULL}, 4, 4},
	{"mips64", true, "R29", true, {NULL, NULL}, 8, 8},
	{"mips64le", false, "R29", true, {NULL, NULL}, 8, 8},
	{"ppc64", true, "R1", true, {"R3", "F1"}, 8, 8},
	{"ppc64le", false, "R1", true, {"R3", "F1"}, 8, 8},
	{"riscv64", false, "SP", true, {NULL, NULL}, 8, 8},
	{"s390x", true, "R15", true, {NULL, NULL}, 8, 8},
	{"wasm", false, "SP", false, {NULL, NULL}, 8, 8},
	{"loong64", false, "R3", true, {NULL, NULL}, 8, 8},
};
enum { NARCH = (int)NELEM(arches) };

/* int and pointer size, and the alignment of int64 (the results' boundary) */
static int64_t int_size(const Arch *a) { return a->wordsize; }
static int64_t max_align(const Arch *a) { return a->maxalign < 8 ? a->maxalign : 8; }

/* Go's wrapping int arithmetic */
static int64_t wadd(int64_t x, int64_t y) { return (int64_t)((uint64_t)x + (uint64_t)y); }
static int64_t wmul(int64_t x, int64_t y) { return (int64_t)((uint64_t)x * (uint64_t)y); }
static int64_t align_to(int64_t x, int64_t a) /* x += -x & (a-1) */
{
	return wadd(x, (int64_t)((0 - (uint64_t)x) & ((uint64_t)a - 1)));
}

/* ---- go/types' StdSizes ---- */

static int64_t std_sizeof(const Arch *a, Type *t);

static bool is_align64(Type *t)
{
	if (t->kind != TY_NAMED)
		return false;
	Object *o = t->named.obj;
	return !strcmp(o->name, "align64") && o->pkg &&
	       (!strcmp(o->pkg->path, "sync/atomic") || !strcmp(o->pkg->path, "runtime/internal/atomic"));
}

static int64_t std_alignof(const Arch *a, Type *t)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_ARRAY:
		return std_alignof(a, u->array.elem);
	case TY_STRUCT: {
		if (u->struct_.nfields == 0 && is_align64(t))
			return 8;
		int64_t max = 1;
		for (uint32_t i = 0; i < u->struct_.nfields; i++) {
			int64_t x = std_alignof(a, u->struct_.fields[i]->type);
			if (x > max)
				max = x;
		}
		return max;
	}
	case TY_SLICE:
	case TY_INTERFACE:
		return a->wordsize;
	case TY_BASIC:
		if (u->basic.info & BI_STRING)
			return a->wordsize;
		break;
	default:
		break;
	}
	int64_t x = std_sizeof(a, t);
	if (x < 1)
		return 1;
	if (u->kind == TY_BASIC && (u->basic.info & BI_COMPLEX))
		x /= 2;
	return x > a->maxalign ? a->maxalign : x;
}

static void std_offsetsof(const Arch *a, Type **types, uint32_t n, int64_t *out)
{
	int64_t o = 0;
	for (uint32_t i = 0; i < n; i++) {
		o = align_to(o, std_alignof(a, types[i]));
		out[i] = o;
		o = wadd(o, std_sizeof(a, types[i]));
	}
}

static int64_t std_sizeof(const Arch *a, Type *t)
{
	static const uint8_t basic[] = {
		[BK_BOOL] = 1, [BK_INT8] = 1, [BK_INT16] = 2, [BK_INT32] = 4, [BK_INT64] = 8,
		[BK_UINT8] = 1, [BK_UINT16] = 2, [BK_UINT32] = 4, [BK_UINT64] = 8,
		[BK_FLOAT32] = 4, [BK_FLOAT64] = 8, [BK_COMPLEX64] = 8, [BK_COMPLEX128] = 16,
	};
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind < NELEM(basic) && basic[u->basic.kind])
			return basic[u->basic.kind];
		if (u->basic.kind == BK_STRING)
			return a->wordsize * 2;
		break;
	case TY_ARRAY: {
		int64_t n = u->array.len;
		if (n <= 0)
			return 0;
		int64_t z = std_sizeof(a, u->array.elem);
		return wadd(wmul(align_to(z, std_alignof(a, u->array.elem)), n - 1), z);
	}
	case TY_SLICE:
		return a->wordsize * 3;
	case TY_STRUCT: {
		uint32_t n = u->struct_.nfields;
		if (n == 0)
			return 0;
		/* the last field's offset plus its size: no trailing padding */
		Type **ft = xmalloc(n * sizeof *ft);
		int64_t *off = xmalloc(n * sizeof *off);
		for (uint32_t i = 0; i < n; i++)
			ft[i] = u->struct_.fields[i]->type;
		std_offsetsof(a, ft, n, off);
		int64_t r = wadd(off[n - 1], std_sizeof(a, ft[n - 1]));
		free(ft);
		free(off);
		return r;
	}
	case TY_INTERFACE:
		return a->wordsize * 2;
	default:
		break;
	}
	return a->wordsize;
}

/* ---- the expected frame (vet's asmParseDecl) ---- */

/* kinds: 1, 2, 4, 8 ... are values of that size; these are not sizes */
enum { K_STRING = 100, K_SLICE, K_ARRAY, K_INTERFACE, K_EMPTYIFACE, K_STRUCT, K_COMPLEX };

typedef struct AVar {
	const char *name, *typ;
	int64_t kind, off, size;
	struct AVar **inner; /* the parts, for the messages and the first word of strings etc. */
	int ninner, capinner;
} AVar;

/* one write of vet's varByOffset: offsets [off, off+size) name v (the last write wins) */
typedef struct Span {
	int64_t off, size;
	AVar *v;
} Span;

typedef struct AFunc {
	int64_t size;
	AVar **tab; /* by name: open addressing, cap a power of two */
	uint32_t cap, n;
	Span *spans;
	int nspans, capspans;
} AFunc;

/* A component of a type (vet's component): the value itself and each part
 * an instruction can address. */
typedef struct Comp {
	const char *suffix, *outer, *typ;
	int64_t kind, off, size;
} Comp;

typedef struct Comps {
	Comp *v;
	int n, cap;
} Comps;

/* One field of a body-less declaration's parameter or result list. */
typedef struct DField {
	const char **names; /* nnames == 0: unnamed */
	int nnames;
	Type *type;
} DField;

typedef struct Decl {
	const char *name;
	DField *fields; /* params, then results */
	int nparams, nresults;
	AFunc *fn[NARCH]; /* built when first needed */
} Decl;

typedef struct Ctx {
	Arena a;
	const char *pkgpath;
	const char *goarch;
	Decl *decls;
	int ndecls;
	DiagList *out;
	Buf tmp;
	/* the file being read */
	SrcFile *sf;
	const uint32_t *linestart;
	const Arch *arch;
	const char *archname; /* "" until known */
	const char *fnname;
	int lineno;
} Ctx;

/* Components above this many per function are not recorded (vet would
 * build them all: an argument of type [1<<30]byte has 2^30). */
enum { MAX_COMPS = 1 << 20 };

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static AVar **fn_slot(AFunc *f, const char *name)
{
	uint32_t i = hash_str(name) & (f->cap - 1);
	while (f->tab[i] && strcmp(f->tab[i]->name, name) != 0)
		i = (i + 1) & (f->cap - 1);
	return &f->tab[i];
}

static AVar *fn_var(AFunc *f, const char *name)
{
	return f->cap ? *fn_slot(f, name) : NULL;
}

static void fn_setvar(AFunc *f, AVar *v)
{
	if (2 * (f->n + 1) > f->cap) {
		AVar **old = f->tab;
		uint32_t oldcap = f->cap;
		f->cap = f->cap ? f->cap * 2 : 16;
		f->tab = xcalloc(f->cap, sizeof *f->tab);
		f->n = 0;
		for (uint32_t i = 0; i < oldcap; i++)
			if (old[i]) {
				*fn_slot(f, old[i]->name) = old[i];
				f->n++;
			}
		free(old);
	}
	AVar **s = fn_slot(f, v->name);
	if (!*s)
		f->n++;
	*s = v;
}

static AVar *fn_byoffset(AFunc *f, int64_t off)
{
	for (int i = f->nspans - 1; i >= 0; i--) {
		Span *s = &f->spans[i];
		if (off >= s->off && (uint64_t)off - (uint64_t)s->off < (uint64_t)s->size)
			return s->v;
	}
	return NULL;
}

static const char *type_string(Ctx *c, Type *t)
{
	c->tmp.n = 0;
	Qualifier q = {NULL, false, false}; /* types.TypeString(t, nil): packages by path */
	write_type(&c->tmp, t, &q);
	return arena_strndup(&c->a, c->tmp.p, c->tmp.n);
}

static const char *strf(Ctx *c, const char *fmt, ...) PRINTF(2, 3);
static const char *strf(Ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(&c->a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static int64_t kind_of(Type *t, int64_t size)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind == BK_STRING)
			return K_STRING;
		if (u->basic.info & BI_COMPLEX)
			return K_COMPLEX;
		return size;
	case TY_STRUCT:
		return K_STRUCT;
	case TY_INTERFACE:
		return typeset_is_all(interface_typeset(NULL, u)) ? K_EMPTYIFACE : K_INTERFACE;
	case TY_ARRAY:
		return K_ARRAY;
	case TY_SLICE:
		return K_SLICE;
	default: /* pointers, channels, maps, functions (and, for vet, nothing else) */
		return size;
	}
}

static void add_comp(Comps *cc, const char *suffix, int64_t kind, const char *typ, int64_t off, int64_t size,
                     const char *outer)
{
	if (cc->n == MAX_COMPS)
		return;
	if (cc->n == cc->cap) {
		cc->cap = cc->cap ? cc->cap * 2 : 16;
		cc->v = xrealloc(cc->v, (size_t)cc->cap * sizeof *cc->v);
	}
	cc->v[cc->n++] = (Comp){suffix, outer, typ, kind, off, size};
}

/* vet's appendComponentsRecursive */
static void components(Ctx *c, const Arch *a, Type *t, Comps *cc, const char *suffix, int64_t off)
{
	const char *s = type_string(c, t);
	int64_t size = std_sizeof(a, t);
	int64_t kind = kind_of(t, size);
	int64_t ptr = a->wordsize, isz = int_size(a);
	add_comp(cc, suffix, kind, s, off, size, suffix);
	if (cc->n == MAX_COMPS)
		return;
	switch (kind) {
	case 8:
		if (ptr == 4) {
			const char *w1 = a->bigendian ? "hi" : "lo", *w2 = a->bigendian ? "lo" : "hi";
			const char *half = strf(c, "half %s", s);
			add_comp(cc, strf(c, "%s_%s", suffix, w1), 4, half, off, 4, suffix);
			add_comp(cc, strf(c, "%s_%s", suffix, w2), 4, half, off + 4, 4, suffix);
		}
		break;
	case K_EMPTYIFACE:
		add_comp(cc, strf(c, "%s_type", suffix), ptr, "interface type", off, ptr, suffix);
		add_comp(cc, strf(c, "%s_data", suffix), ptr, "interface data", wadd(off, ptr), ptr, suffix);
		break;
	case K_INTERFACE:
		add_comp(cc, strf(c, "%s_itable", suffix), ptr, "interface itable", off, ptr, suffix);
		add_comp(cc, strf(c, "%s_data", suffix), ptr, "interface data", wadd(off, ptr), ptr, suffix);
		break;
	case K_SLICE:
		add_comp(cc, strf(c, "%s_base", suffix), ptr, "slice base", off, ptr, suffix);
		add_comp(cc, strf(c, "%s_len", suffix), isz, "slice len", wadd(off, ptr), isz, suffix);
		add_comp(cc, strf(c, "%s_cap", suffix), isz, "slice cap", wadd(off, ptr + isz), isz, suffix);
		break;
	case K_STRING:
		add_comp(cc, strf(c, "%s_base", suffix), ptr, "string base", off, ptr, suffix);
		add_comp(cc, strf(c, "%s_len", suffix), isz, "string len", wadd(off, ptr), isz, suffix);
		break;
	case K_COMPLEX: {
		int64_t f = size / 2;
		add_comp(cc, strf(c, "%s_real", suffix), f, strf(c, "real(complex%lld)", (long long)(size * 8)), off, f,
		         suffix);
		add_comp(cc, strf(c, "%s_imag", suffix), f, strf(c, "imag(complex%lld)", (long long)(size * 8)),
		         wadd(off, f), f, suffix);
		break;
	}
	case K_STRUCT: {
		Type *u = under(t);
		uint32_t n = u->struct_.nfields;
		Type **ft = xmalloc((n + 1) * sizeof *ft);
		int64_t *offs = xmalloc((n + 1) * sizeof *offs);
		for (uint32_t i = 0; i < n; i++)
			ft[i] = u->struct_.fields[i]->type;
		std_offsetsof(a, ft, n, offs);
		for (uint32_t i = 0; i < n && cc->n < MAX_COMPS; i++)
			components(c, a, ft[i], cc, strf(c, "%s_%s", suffix, u->struct_.fields[i]->name), wadd(off, offs[i]));
		free(ft);
		free(offs);
		break;
	}
	case K_ARRAY: {
		Type *u = under(t), *elem = u->array.elem;
		int64_t elemoff = align_to(std_sizeof(a, elem), std_alignof(a, elem));
		for (int64_t i = 0; i < u->array.len && cc->n < MAX_COMPS; i++)
			components(c, a, elem, cc, strf(c, "%s_%lld", suffix, (long long)i), wadd(off, wmul(i, elemoff)));
		break;
	}
	default:
		break;
	}
}

/* vet's addParams: the variables of one parameter or result list */
static void add_params(Ctx *c, const Arch *a, AFunc *fn, const DField *fields, int n, bool isret, int64_t *offset)
{
	int argnum = 0;
	for (int i = 0; i < n; i++) {
		Type *t = fields[i].type;
		int64_t size = std_sizeof(a, t);
		*offset = align_to(*offset, std_alignof(a, t));
		Comps cc = {0};
		components(c, a, t, &cc, "", 0);
		const char *unnamed[1];
		const char *const *names = fields[i].names;
		int nnames = fields[i].nnames;
		if (nnames == 0) {
			/* arg, arg1, arg2 ...; ret, ret1, ret2 ... */
			const char *base = isret ? "ret" : "arg";
			unnamed[0] = argnum > 0 ? strf(c, "%s%d", base, argnum) : base;
			names = unnamed;
			nnames = 1;
		}
		argnum += nnames;
		for (int k = 0; k < nnames; k++) {
			for (int j = 0; j < cc.n; j++) {
				Comp *cp = &cc.v[j];
				AVar *v = arena_alloc(&c->a, sizeof *v);
				v->name = strf(c, "%s%s", names[k], cp->suffix);
				v->kind = cp->kind;
				v->typ = cp->typ;
				v->off = wadd(*offset, cp->off);
				v->size = cp->size;
				AVar *vo = fn_var(fn, strf(c, "%s%s", names[k], cp->outer));
				if (vo) {
					if (vo->ninner == vo->capinner) {
						vo->capinner = vo->capinner ? vo->capinner * 2 : 4;
						AVar **in = arena_alloc(&c->a, (size_t)vo->capinner * sizeof *in);
						if (vo->ninner)
							memcpy(in, vo->inner, (size_t)vo->ninner * sizeof *in);
						vo->inner = in;
					}
					vo->inner[vo->ninner++] = v;
				}
				fn_setvar(fn, v);
				if (v->size > 0) {
					if (fn->nspans == fn->capspans) {
						fn->capspans = fn->capspans ? fn->capspans * 2 : 16;
						fn->spans = xrealloc(fn->spans, (size_t)fn->capspans * sizeof *fn->spans);
					}
					fn->spans[fn->nspans++] = (Span){v->off, v->size, v};
				}
			}
			*offset = wadd(*offset, size);
		}
		free(cc.v);
	}
}

static AFunc *decl_func(Ctx *c, Decl *d, int arch)
{
	if (d->fn[arch])
		return d->fn[arch];
	const Arch *a = &arches[arch];
	AFunc *fn = arena_alloc(&c->a, sizeof *fn);
	int64_t offset = 0;
	add_params(c, a, fn, d->fields, d->nparams, false, &offset);
	if (d->nresults > 0) {
		offset = align_to(offset, max_align(a));
		add_params(c, a, fn, d->fields + d->nparams, d->nresults, true, &offset);
	}
	fn->size = offset;
	d->fn[arch] = fn;
	return fn;
}

static void free_funcs(Ctx *c)
{
	for (int i = 0; i < c->ndecls; i++)
		for (int k = 0; k < NARCH; k++)
			if (c->decls[i].fn[k]) {
				free(c->decls[i].fn[k]->tab);
				free(c->decls[i].fn[k]->spans);
			}
}

/* ---- the declarations: body-less FuncDecls of the Go files ---- */

static void map_funcs(PtrMap *m, TPackage *pkg)
{
	Scope *s = pkg->scope;
	for (uint32_t i = 0; s && i < s->cap; i++) {
		Object *o = s->slots[i];
		if (!o)
			continue;
		if (o->kind == OBJ_FUNC && o->decl && o->decl->fdecl)
			ptrmap_put(m, o->decl->fdecl, o);
		if (o->kind == OBJ_TYPENAME && o->type && o->type->kind == TY_NAMED && o->type->named.obj == o)
			for (uint32_t k = 0; k < o->type->named.nmethods; k++) {
				Object *f = o->type->named.methods[k];
				if (f->decl && f->decl->fdecl)
					ptrmap_put(m, f->decl->fdecl, f);
			}
	}
}

/* The fields of a FieldList with their types from the tuple; false if they
 * do not match (a declaration the checker rejected). */
static bool decl_fields(Ctx *c, Node *list, Type *tuple, DField *out, int *n)
{
	uint32_t k = 0;
	*n = 0;
	for (uint32_t i = 0; list && i < list->fieldlist.list.n; i++) {
		Node *f = list->fieldlist.list.v[i];
		DField *d = &out[(*n)++];
		d->nnames = (int)f->field.names.n;
		d->names = arena_alloc(&c->a, (f->field.names.n + 1) * sizeof *d->names);
		for (uint32_t j = 0; j < f->field.names.n; j++) {
			Str s = f->field.names.v[j]->ident.name;
			d->names[j] = arena_strndup(&c->a, s.p, s.n);
		}
		if (k >= tuple->tuple.n)
			return false;
		d->type = tuple->tuple.vars[k]->type;
		k += d->nnames ? (uint32_t)d->nnames : 1;
		if (!d->type || k > tuple->tuple.n)
			return false;
	}
	return k == tuple->tuple.n;
}

static void collect_decls(Ctx *c, TPackage *pkg, Node **files, uint32_t nfiles)
{
	PtrMap m = {0};
	map_funcs(&m, pkg);
	int cap = 0;
	for (uint32_t i = 0; i < nfiles; i++) {
		List *decls = &files[i]->file.decls;
		for (uint32_t j = 0; j < decls->n; j++) {
			Node *d = decls->v[j];
			if (d->kind != N_FuncDecl || d->funcdecl.body)
				continue;
			Object *o = ptrmap_get(&m, d);
			if (!o || !o->type || o->type->kind != TY_SIGNATURE || o->type->sig.tparams.n)
				continue;
			Node *ft = d->funcdecl.type;
			Node *pl = ft->functype.params, *rl = ft->functype.results;
			uint32_t nf = (pl ? pl->fieldlist.list.n : 0) + (rl ? rl->fieldlist.list.n : 0);
			Decl dc = {0};
			Str name = d->funcdecl.name->ident.name;
			dc.name = arena_strndup(&c->a, name.p, name.n);
			dc.fields = arena_alloc(&c->a, (nf + 1) * sizeof *dc.fields);
			if (!decl_fields(c, pl, o->type->sig.params, dc.fields, &dc.nparams) ||
			    !decl_fields(c, rl, o->type->sig.results, dc.fields + dc.nparams, &dc.nresults))
				continue;
			if (c->ndecls == cap) {
				cap = cap ? cap * 2 : 16;
				c->decls = xrealloc(c->decls, (size_t)cap * sizeof *c->decls);
			}
			c->decls[c->ndecls++] = dc;
		}
	}
	ptrmap_free(&m);
}

/* vet's knownFunc[name]: the last declaration of that name */
static Decl *known_func(Ctx *c, const char *name)
{
	for (int i = c->ndecls - 1; i >= 0; i--)
		if (!strcmp(c->decls[i].name, name))
			return &c->decls[i];
	return NULL;
}

/* ---- text matching ---- */

/* A piece of a line */
typedef struct Sub {
	const char *p;
	size_t n;
	bool ok;
} Sub;

static bool is_space(unsigned char ch) /* regexp's \s */
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
}

static bool is_word(unsigned char ch) /* regexp's \w, for \b */
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
}

static bool is_digit(unsigned char ch) { return ch >= '0' && ch <= '9'; }
static bool is_upper(unsigned char ch) { return ch >= 'A' && ch <= 'Z'; }

static bool has_prefix(const char *s, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(s, pre, k) == 0;
}

static bool has_suffix(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static const char *find(const char *s, size_t n, const char *needle) /* strings.Index */
{
	size_t k = strlen(needle);
	if (k == 0)
		return s;
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

static bool contains(const char *s, size_t n, const char *needle) { return find(s, n, needle) != NULL; }

static int rune_width(const char *s, size_t n)
{
	int w;
	utf8_decode((const unsigned char *)s, n, &w);
	return w;
}

/* strconv.Atoi of an optional '-' and digits: out of range clamps */
static int64_t atoi_go(Sub s)
{
	if (!s.ok || s.n == 0)
		return 0;
	bool neg = s.p[0] == '-';
	uint64_t v = 0;
	bool over = false;
	for (size_t i = neg; i < s.n; i++) {
		if (!is_digit((unsigned char)s.p[i]))
			return 0;
		if (v > (UINT64_MAX - 9) / 10)
			over = true;
		v = v * 10 + (uint64_t)(s.p[i] - '0');
	}
	if (neg)
		return over || v > (uint64_t)INT64_MAX + 1 ? INT64_MIN : (int64_t)(0 - v);
	return over || v > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)v;
}

/* unicode.IsSpace, for strings.Fields and strings.TrimSpace */
static bool is_unicode_space(uint32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
	case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
		return true;
	default:
		return r >= 0x2000 && r <= 0x200A;
	}
}

/* `//\s+\+build\s+([^\n]+)`: the architecture a +build line names, the
 * one of GOARCH if it names several; -1 if none */
static int plusbuild_arch(Ctx *c, const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] != '/' || s[i + 1] != '/')
			continue;
		size_t j = i + 2, k = j;
		while (k < n && is_space((unsigned char)s[k]))
			k++;
		if (k == j || !has_prefix(s + k, n - k, "+build"))
			continue;
		size_t p = k + 6, q = p;
		while (q < n && is_space((unsigned char)s[q]))
			q++;
		/* \s+ gives back what [^\n]+ needs: some t in (p, q] with s[t] != '\n' */
		size_t t = q;
		while (t > p && (t == n || s[t] == '\n'))
			t--;
		if (t == p || t >= n || s[t] == '\n')
			continue;
		size_t e = t;
		while (e < n && s[e] != '\n')
			e++;
		/* strings.Fields(m[1]) against the architecture names */
		int first = -1;
		for (size_t f = t; f < e;) {
			int w;
			uint32_t r = utf8_decode((const unsigned char *)s + f, e - f, &w);
			if (is_unicode_space(r)) {
				f += (size_t)w;
				continue;
			}
			size_t g = f;
			while (g < e) {
				r = utf8_decode((const unsigned char *)s + g, e - g, &w);
				if (is_unicode_space(r))
					break;
				g += (size_t)w;
			}
			for (int a = 0; a < NARCH; a++)
				if (strlen(arches[a].name) == g - f && !memcmp(arches[a].name, s + f, g - f)) {
					if (first < 0)
						first = a;
					if (!strcmp(arches[a].name, c->goarch))
						return a;
				}
			f = g;
		}
		return first;
	}
	return -1;
}

/* `\bTEXT\b(.*)·([^\(]+)\(SB\)(?:\s*,\s*([0-9A-Z|+()]+))?(?:\s*,\s*\$(-?[0-9]+)(?:-([0-9]+))?)?` */
typedef struct TextMatch {
	Sub pkg, name, flag, frame, args;
} TextMatch;

static bool match_text(const char *s, size_t n, TextMatch *m)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i + 4 <= n; i++) {
		if (memcmp(s + i, "TEXT", 4) != 0 || (i > 0 && is_word((unsigned char)s[i - 1])) ||
		    (i + 4 < n && is_word((unsigned char)s[i + 4])))
			continue;
		size_t after = i + 4, lim = after;
		while (lim < n && s[lim] != '\n') /* (.*) stops at a newline */
			lim++;
		/* greedy (.*): the last · after which ([^\(]+)\(SB\) matches */
		for (size_t j = lim; j-- > after;) {
			if (j + 1 >= lim || (unsigned char)s[j] != 0xC2 || (unsigned char)s[j + 1] != 0xB7)
				continue;
			size_t k = j + 2;
			while (k < n && s[k] != '(')
				k++;
			if (k == j + 2 || !has_prefix(s + k, n - k, "(SB)"))
				continue;
			m->pkg = (Sub){s + after, j - after, true};
			m->name = (Sub){s + j + 2, k - (j + 2), true};
			size_t p = k + 4, q = p;
			/* (?:\s*,\s*([0-9A-Z|+()]+))? */
			while (q < n && is_space((unsigned char)s[q]))
				q++;
			if (q < n && s[q] == ',') {
				q++;
				while (q < n && is_space((unsigned char)s[q]))
					q++;
				size_t r = q;
				while (r < n && (is_digit((unsigned char)s[r]) || is_upper((unsigned char)s[r]) || s[r] == '|' ||
				                 s[r] == '+' || s[r] == '(' || s[r] == ')'))
					r++;
				if (r > q) {
					m->flag = (Sub){s + q, r - q, true};
					p = r;
				}
			}
			/* (?:\s*,\s*\$(-?[0-9]+)(?:-([0-9]+))?)? */
			q = p;
			while (q < n && is_space((unsigned char)s[q]))
				q++;
			if (q < n && s[q] == ',') {
				q++;
				while (q < n && is_space((unsigned char)s[q]))
					q++;
				if (q < n && s[q] == '$') {
					size_t f = q + 1, d = f;
					if (d < n && s[d] == '-')
						d++;
					size_t e = d;
					while (e < n && is_digit((unsigned char)s[e]))
						e++;
					if (e > d) {
						m->frame = (Sub){s + f, e - f, true};
						size_t g = e + 1, h = g;
						if (e < n && s[e] == '-') {
							while (h < n && is_digit((unsigned char)s[h]))
								h++;
							if (h > g)
								m->args = (Sub){s + g, h - g, true};
						}
					}
				}
			}
			return true;
		}
	}
	return false;
}

/* `\b(DATA|GLOBL)\b` */
static bool match_data(const char *s, size_t n)
{
	static const char *const words[] = {"DATA", "GLOBL"};
	for (size_t i = 0; i < n; i++)
		for (size_t w = 0; w < NELEM(words); w++) {
			size_t k = strlen(words[w]);
			if (i + k <= n && !memcmp(s + i, words[w], k) && (i == 0 || !is_word((unsigned char)s[i - 1])) &&
			    (i + k == n || !is_word((unsigned char)s[i + k])))
				return true;
		}
	return false;
}

/* `[^+\-0-9](([0-9]+)\(REG\))` from s+*pos on, REG either `[A-Z0-9]+`
 * (reg == NULL) or the literal reg: the next match's ref ("16(SP)"),
 * digits and register; *pos moves past it. */
static bool next_offset_ref(const char *s, size_t n, size_t *pos, const char *reg, Sub *ref, Sub *digits, Sub *regname)
{
	for (size_t i = *pos; i < n; i += (size_t)rune_width(s + i, n - i)) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '+' || ch == '-' || is_digit(ch))
			continue;
		size_t j = i + (size_t)rune_width(s + i, n - i), k = j;
		while (k < n && is_digit((unsigned char)s[k]))
			k++;
		if (k == j || k >= n || s[k] != '(')
			continue;
		size_t r = k + 1, e;
		if (reg) {
			size_t rl = strlen(reg);
			if (!has_prefix(s + r, n - r, reg) || r + rl >= n || s[r + rl] != ')')
				continue;
			e = r + rl;
		} else {
			e = r;
			while (e < n && (is_upper((unsigned char)s[e]) || is_digit((unsigned char)s[e])))
				e++;
			if (e == r || e >= n || s[e] != ')')
				continue;
		}
		*ref = (Sub){s + j, e + 1 - j, true};
		*digits = (Sub){s + j, k - j, true};
		*regname = (Sub){s + r, e - r, true};
		*pos = e + 1;
		return true;
	}
	return false;
}

/* `\$?([a-zA-Z0-9_\xFF-\x{10FFFF}]+)(?:\+([0-9]+))\(FP\)` from s+*pos on */
static size_t name_run(const char *s, size_t n, size_t i)
{
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80) {
			if (!is_word(ch))
				break;
			i++;
			continue;
		}
		int w;
		uint32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
		if (r < 0xFF)
			break;
		i += (size_t)w;
	}
	return i;
}

static bool next_named_fp(const char *s, size_t n, size_t *pos, Sub *expr, Sub *name, Sub *digits)
{
	for (size_t i = *pos; i < n; i += (size_t)rune_width(s + i, n - i)) {
		size_t p = i;
		if (s[p] == '$')
			p++;
		size_t q = name_run(s, n, p);
		if (q == p || q >= n || s[q] != '+')
			continue;
		size_t d = q + 1;
		while (d < n && is_digit((unsigned char)s[d]))
			d++;
		if (d == q + 1 || !has_prefix(s + d, n - d, "(FP)"))
			continue;
		*expr = (Sub){s + i, d + 4 - i, true};
		*name = (Sub){s + p, q - p, true};
		*digits = (Sub){s + q + 1, d - (q + 1), true};
		*pos = d + 4;
		return true;
	}
	return false;
}

/* `^\s*(?:[A-Z0-9a-z_]+:)?\s*([A-Z]+)\s*([^,]*)(?:,\s*(.*))?`: the opcode */
static bool match_opcode(const char *s, size_t n, Sub *op)
{
	size_t p = 0;
	while (p < n && is_space((unsigned char)s[p]))
		p++;
	size_t q = p;
	while (q < n && is_word((unsigned char)s[q]))
		q++;
	if (q > p && q < n && s[q] == ':') {
		size_t r = q + 1;
		while (r < n && is_space((unsigned char)s[r]))
			r++;
		size_t e = r;
		while (e < n && is_upper((unsigned char)s[e]))
			e++;
		if (e > r) {
			*op = (Sub){s + r, e - r, true};
			return true;
		}
	}
	size_t e = p;
	while (e < n && is_upper((unsigned char)s[e]))
		e++;
	if (e == p)
		return false;
	*op = (Sub){s + p, e - p, true};
	return true;
}

/* ---- reports ---- */

static void report_at(Ctx *c, int lineno, const char *msg)
{
	Pos pos = srcfile_pos(c->sf, c->linestart[lineno - 1]);
	diag_error(c->out, pos, "[%s] %s: %s", c->archname, c->fnname, msg);
}

static void badf(Ctx *c, const char *fmt, ...) PRINTF(2, 3);
static void badf(Ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	report_at(c, c->lineno, msg);
	free(msg);
}

/* ---- one reference x+off(FP) (vet's asmCheckVar) ---- */

static void operand_sizes(const Arch *a, Sub op, int64_t *src, int64_t *dst, bool *addr)
{
	const char *o = op.p;
	size_t n = op.n;
	char full[64];
	snprintf(full, sizeof full, "%s.%.*s", a->name, (int)(n < 40 ? n : 40), o);
	*src = *dst = 0;
	if (!strcmp(full, "386.FMOVLP")) {
		*src = 8, *dst = 4;
	} else if (!strcmp(full, "arm.MOVD")) {
		*src = 8;
	} else if (!strcmp(full, "arm.MOVW")) {
		*src = 4;
	} else if (!strcmp(full, "arm.MOVH") || !strcmp(full, "arm.MOVHU")) {
		*src = 2;
	} else if (!strcmp(full, "arm.MOVB") || !strcmp(full, "arm.MOVBU")) {
		*src = 1;
	} else if (!strcmp(full, "386.LEAL")) { /* LEA* take the address of the operand */
		*dst = 4, *addr = true;
	} else if (!strcmp(full, "amd64.LEAQ")) {
		*dst = 8, *addr = true;
	} else if (!strcmp(a->name, "386") || !strcmp(a->name, "amd64")) {
#define OPIS(s) (n == strlen(s) && !memcmp(o, s, n))
		if (has_prefix(o, n, "F") && (has_suffix(o, n, "D") || has_suffix(o, n, "DP")))
			*src = 8; /* FMOVDP, FXCHD, ... */
		else if (has_prefix(o, n, "P") && has_suffix(o, n, "RD"))
			*src = 4; /* PINSRD, PEXTRD, ... */
		else if (has_prefix(o, n, "F") && (has_suffix(o, n, "F") || has_suffix(o, n, "FP")))
			*src = 4; /* FMOVFP, FXCHF, ... */
		else if (has_suffix(o, n, "SD"))
			*src = 8; /* MOVSD, SQRTSD, ... */
		else if (has_suffix(o, n, "SS"))
			*src = 4;
		else if (OPIS("MOVO") || OPIS("MOVOU"))
			*src = 16;
		else if (has_prefix(o, n, "SET"))
			*src = 1;
		else
			switch (o[n - 1]) {
			case 'B': *src = 1; break;
			case 'W': *src = 2; break;
			case 'L': *src = 4; break;
			case 'D': case 'Q': *src = 8; break;
			default: break;
			}
	} else if (!strcmp(a->name, "ppc64") || !strcmp(a->name, "ppc64le")) {
		/* `([BHWD])(ZU|Z|U|BR)?$`: the leftmost size letter followed only by a suffix */
		for (size_t i = 0; i < n; i++) {
			if (!strchr("BHWD", o[i]))
				continue;
			const char *rest = o + i + 1;
			size_t rn = n - i - 1;
			if (rn == 0 || (rn == 2 && !memcmp(rest, "ZU", 2)) || (rn == 1 && (*rest == 'Z' || *rest == 'U')) ||
			    (rn == 2 && !memcmp(rest, "BR", 2))) {
				*src = o[i] == 'B' ? 1 : o[i] == 'H' ? 2 : o[i] == 'W' ? 4 : 8;
				break;
			}
		}
	} else if (!strcmp(a->name, "loong64") || !strncmp(a->name, "mips", 4)) {
		if (OPIS("MOVB") || OPIS("MOVBU"))
			*src = 1;
		else if (OPIS("MOVH") || OPIS("MOVHU"))
			*src = 2;
		else if (OPIS("MOVW") || OPIS("MOVWU") || OPIS("MOVF"))
			*src = 4;
		else if (OPIS("MOVV") || OPIS("MOVD"))
			*src = 8;
	} else if (!strcmp(a->name, "s390x")) {
		if (OPIS("MOVB") || OPIS("MOVBZ"))
			*src = 1;
		else if (OPIS("MOVH") || OPIS("MOVHZ"))
			*src = 2;
		else if (OPIS("MOVW") || OPIS("MOVWZ") || OPIS("FMOVS"))
			*src = 4;
		else if (OPIS("MOVD") || OPIS("FMOVD"))
			*src = 8;
#undef OPIS
	}
	if (*dst == 0)
		*dst = *src;
}

static void check_var(Ctx *c, const char *line, size_t n, Sub expr, int64_t off, AVar *v)
{
	Sub op;
	if (!match_opcode(line, n, &op)) {
		/* (comments are gone: vet's "//" exception never applies) */
		badf(c, "cannot find assembly opcode");
		return;
	}
	bool addr = expr.n > 0 && expr.p[0] == '$';
	int64_t src, dst, kind;
	operand_sizes(c->arch, op, &src, &dst, &addr);
	/* the first or the second operand: where the reference first occurs
	 * against the first comma */
	const char *e = NULL;
	for (size_t i = 0; i + expr.n <= n && !e; i++)
		if (!memcmp(line + i, expr.p, expr.n))
			e = line + i;
	const char *comma = memchr(line, ',', n);
	kind = (comma ? e > comma : e != NULL) ? dst : src;

	int64_t vk = v->kind, vs = v->size;
	const char *vt = v->typ;
	switch (vk) {
	case K_INTERFACE:
	case K_EMPTYIFACE:
	case K_STRING:
	case K_SLICE:
		if (v->ninner > 0) { /* a reference to the first word (the pointer) */
			vk = v->inner[0]->kind;
			vs = v->inner[0]->size;
			vt = v->inner[0]->typ;
		}
		break;
	case K_COMPLEX:
		if (kind == vs) /* one instruction may load both halves */
			kind = K_COMPLEX;
		break;
	default:
		break;
	}
	if (addr) {
		vk = vs = c->arch->wordsize;
		vt = "address";
	}
	Buf b = {0};
	if (off != v->off) {
		for (int i = 0; i < v->ninner; i++) {
			if (v->ninner > 1)
				buf_putc(&b, ',');
			buf_putc(&b, ' ');
			if (i == v->ninner - 1)
				buf_puts(&b, "or ");
			buf_printf(&b, "%s+%lld(FP)", v->inner[i]->name, (long long)v->inner[i]->off);
		}
		buf_putc(&b, 0);
		badf(c, "invalid offset %.*s; expected %s+%lld(FP)%s", (int)expr.n, expr.p, v->name, (long long)v->off, b.p);
	} else if (kind != 0 && kind != vk) {
		if (v->ninner > 0) {
			buf_puts(&b, " containing");
			for (int i = 0; i < v->ninner; i++) {
				if (i > 0 && v->ninner > 2)
					buf_putc(&b, ',');
				buf_putc(&b, ' ');
				if (i > 0 && i == v->ninner - 1)
					buf_puts(&b, "and ");
				buf_printf(&b, "%s+%lld(FP)", v->inner[i]->name, (long long)v->inner[i]->off);
			}
		}
		buf_putc(&b, 0);
		badf(c, "invalid %.*s of %.*s; %s is %lld-byte value%s", (int)op.n, op.p, (int)expr.n, expr.p, vt,
		     (long long)vs, b.p);
	}
	buf_free(&b);
}

/* ---- one file (vet's loop over lines) ---- */

typedef struct FnState {
	AFunc *fn;
	bool abiinternal;
	int64_t localsize, argsize;
	bool wrotesp, noframe, haveretarg;
	int *retline;
	int nret, capret;
} FnState;

static void flush_ret(Ctx *c, FnState *st)
{
	AVar *v = st->fn ? fn_var(st->fn, "ret") : NULL;
	if (v && !st->haveretarg)
		for (int i = 0; i < st->nret; i++) {
			char msg[128];
			if (st->abiinternal)
				snprintf(msg, sizeof msg, "RET without writing to result register");
			else
				snprintf(msg, sizeof msg, "RET without writing to %lld-byte ret+%lld(FP)", (long long)v->size,
				         (long long)v->off);
			report_at(c, st->retline[i], msg);
		}
	st->nret = 0;
}

static const char *sub_str(Ctx *c, Sub s) { return arena_strndup(&c->a, s.p, s.n); }

/* strings.TrimSpace, then ∕ (U+2215) → / */
static const char *clean_pkgpath(Ctx *c, Sub s)
{
	const char *p = s.p, *e = s.p + s.n;
	while (p < e) {
		int w;
		if (!is_unicode_space(utf8_decode((const unsigned char *)p, (size_t)(e - p), &w)))
			break;
		p += w;
	}
	while (e > p) { /* back over the last rune */
		const char *r = e - 1;
		while (r > p && ((unsigned char)*r & 0xC0) == 0x80 && e - r < 4)
			r--;
		int w;
		uint32_t ru = utf8_decode((const unsigned char *)r, (size_t)(e - r), &w);
		if (r + w != e)
			ru = RUNE_ERROR, r = e - 1;
		if (!is_unicode_space(ru))
			break;
		e = r;
	}
	Buf b = {0};
	for (const char *q = p; q < e;) {
		if (e - q >= 3 && !memcmp(q, "\xE2\x88\x95", 3)) {
			buf_putc(&b, '/');
			q += 3;
		} else {
			buf_putc(&b, *q++);
		}
	}
	const char *r = arena_strndup(&c->a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return r;
}

/* `^(.+)<(ABI.+)>$` on the name: the name without it, and the ABI */
static const char *trim_abi(Ctx *c, const char *name, bool *internal)
{
	size_t n = strlen(name);
	*internal = false;
	if (n < 2 || name[n - 1] != '>')
		return name;
	for (size_t i = n - 1; i-- > 1;) { /* greedy (.+): the last '<' that fits */
		if (name[i] != '<' || n - 1 - (i + 1) < 4 || memcmp(name + i + 1, "ABI", 3) != 0)
			continue;
		*internal = n - 1 - (i + 1) == 11 && !memcmp(name + i + 1, "ABIInternal", 11);
		return arena_strndup(&c->a, name, i);
	}
	return name;
}

static void check_line(Ctx *c, FnState *st, const char *raw, size_t rawn);

static bool check_file(Ctx *c, const char *path)
{
	size_t len;
	char *src = read_file(path, &len);
	if (!src) {
		fprintf(stderr, "goc: vet: open %s: %s\n", path, strerror(errno));
		return false;
	}
	c->sf = fileset_add(path, (uint32_t)len);
	int nlines = 1;
	for (size_t i = 0; i < len; i++)
		if (src[i] == '\n')
			nlines++;
	uint32_t *ls = xmalloc((size_t)nlines * sizeof *ls);
	ls[0] = 0;
	for (size_t i = 0, k = 1; i < len; i++)
		if (src[i] == '\n') {
			ls[k++] = (uint32_t)(i + 1);
			if (i + 1 < len)
				srcfile_addline(c->sf, (uint32_t)(i + 1));
		}
	c->linestart = ls;
	/* the architecture from the file name, if it names one */
	c->arch = NULL;
	c->archname = "";
	for (int a = 0; a < NARCH; a++) {
		char suf[32];
		snprintf(suf, sizeof suf, "_%s.s", arches[a].name);
		if (has_suffix(path, strlen(path), suf)) {
			c->arch = &arches[a];
			c->archname = arches[a].name;
			break;
		}
	}
	c->fnname = "";
	FnState st = {0};
	for (int l = 0; l < nlines; l++) {
		c->lineno = l + 1;
		size_t end = l + 1 < nlines ? ls[l + 1] : len;
		check_line(c, &st, src + ls[l], end - ls[l]);
		if (c->lineno < 0)
			break; /* no architecture: the rest of the file is not checked */
	}
	if (c->lineno >= 0)
		flush_ret(c, &st);
	free(st.retline);
	free(ls);
	free(src);
	return true;
}

static void check_line(Ctx *c, FnState *st, const char *line, size_t n)
{
	if (!c->arch) { /* the architecture from a +build line, if any */
		int a = plusbuild_arch(c, line, n);
		if (a >= 0) {
			c->arch = &arches[a];
			c->archname = arches[a].name;
		}
	}
	const char *cm = find(line, n, "//"); /* comments and commented-out code */
	if (cm)
		n = (size_t)(cm - line);

	TextMatch tm;
	if (match_text(line, n, &tm)) {
		flush_ret(c, st);
		if (!c->arch) {
			for (int a = 0; a < NARCH; a++)
				if (!strcmp(arches[a].name, c->goarch)) {
					c->arch = &arches[a];
					c->archname = arches[a].name;
				}
			if (!c->arch) {
				fprintf(stderr, "%s: cannot determine architecture for assembly file\n", c->sf->name);
				c->lineno = -1;
				return;
			}
		}
		c->fnname = sub_str(c, tm.name);
		const char *pkgpath = clean_pkgpath(c, tm.pkg);
		if (*pkgpath && strcmp(pkgpath, c->pkgpath) != 0) {
			/* another package's function: not checked */
			st->fn = NULL;
			c->fnname = "";
			st->abiinternal = false;
			return;
		}
		c->fnname = trim_abi(c, c->fnname, &st->abiinternal);
		const char *flag = tm.flag.ok ? sub_str(c, tm.flag) : "";
		int arch = (int)(c->arch - arches);
		Decl *d = known_func(c, c->fnname);
		st->fn = d ? decl_func(c, d, arch) : NULL;
		int64_t size = atoi_go(tm.args);
		if (st->fn && size != st->fn->size && ((strcmp(flag, "7") != 0 && !strstr(flag, "NOSPLIT")) || size != 0))
			badf(c, "wrong argument size %lld; expected $...-%lld", (long long)size, (long long)st->fn->size);
		st->localsize = wadd(atoi_go(tm.frame), int_size(c->arch));
		if (c->arch->lr && !strstr(flag, "NOFRAME"))
			st->localsize = wadd(st->localsize, int_size(c->arch)); /* the caller's saved LR */
		st->argsize = size;
		st->noframe = strstr(flag, "NOFRAME") != NULL;
		if (!st->fn && !strstr(c->fnname, "<>") && !st->noframe)
			badf(c, "function %s missing Go declaration", c->fnname);
		st->wrotesp = false;
		st->haveretarg = false;
		return;
	}
	if (contains(line, n, "TEXT") && contains(line, n, "SB")) {
		/* a function Go cannot see (no ·): not checked */
		flush_ret(c, st);
		st->fn = NULL;
		c->fnname = "";
		st->abiinternal = false;
		return;
	}
	if (contains(line, n, "RET") && !contains(line, n, "(SB)")) {
		/* (RET f(SB) is a tail call: the results need not be written) */
		if (st->nret == st->capret) {
			st->capret = st->capret ? st->capret * 2 : 8;
			st->retline = xrealloc(st->retline, (size_t)st->capret * sizeof *st->retline);
		}
		st->retline[st->nret++] = c->lineno;
	}
	if (!*c->fnname)
		return;
	if (match_data(line, n))
		st->fn = NULL;
	if (!c->arch)
		return;
	const char *sp = c->arch->stack;
	char pat[4][16];
	snprintf(pat[0], sizeof pat[0], ", %s", sp);
	snprintf(pat[1], sizeof pat[1], ",\t%s", sp);
	snprintf(pat[2], sizeof pat[2], "NOP %s", sp);
	snprintf(pat[3], sizeof pat[3], "NOP\t%s", sp);
	for (int i = 0; i < 4; i++)
		if (contains(line, n, pat[i])) {
			st->wrotesp = true;
			return;
		}
	if (!strcmp(c->arch->name, "wasm") && contains(line, n, "CallImport"))
		st->haveretarg = true; /* a call out that can write the result */
	if (st->abiinternal && !st->haveretarg)
		for (int i = 0; i < 2; i++)
			if (c->arch->retregs[i] && contains(line, n, c->arch->retregs[i])) {
				st->haveretarg = true;
				break;
			}

	Sub ref, digits, reg, name;
	size_t pos = 0;
	while (next_offset_ref(line, n, &pos, NULL, &ref, &digits, &reg)) {
		if (reg.n != strlen(sp) || memcmp(reg.p, sp, reg.n) != 0 || st->wrotesp || st->noframe)
			continue;
		int64_t off = atoi_go(digits);
		if (off < st->localsize)
			continue;
		int64_t rel = wadd(off, -st->localsize);
		if (st->fn) {
			AVar *v = fn_byoffset(st->fn, rel);
			if (v) {
				badf(c, "%.*s should be %s+%lld(FP)", (int)ref.n, ref.p, v->name, (long long)rel);
				continue;
			}
		}
		if (off >= wadd(st->localsize, st->argsize)) {
			badf(c, "use of %.*s points beyond argument frame", (int)ref.n, ref.p);
			continue;
		}
		badf(c, "use of %.*s to access argument frame", (int)ref.n, ref.p);
	}
	if (!st->fn)
		return;

	pos = 0;
	while (next_offset_ref(line, n, &pos, "FP", &ref, &digits, &reg)) {
		int64_t off = atoi_go(digits);
		AVar *v = fn_byoffset(st->fn, off);
		if (v)
			badf(c, "use of unnamed argument %.*s; offset %lld is %s+%lld(FP)", (int)ref.n, ref.p, (long long)off,
			     v->name, (long long)v->off);
		else
			badf(c, "use of unnamed argument %.*s", (int)ref.n, ref.p);
	}

	pos = 0;
	Sub expr;
	while (next_named_fp(line, n, &pos, &expr, &name, &digits)) {
		const char *nm = sub_str(c, name);
		int64_t off = atoi_go(digits);
		if (!strcmp(nm, "ret") || !strncmp(nm, "ret_", 4))
			st->haveretarg = true;
		AVar *v = fn_var(st->fn, nm);
		if (!v) {
			if (!strcmp(nm, "argframe") && off == 0) /* argframe+0(FP) is allowed */
				continue;
			v = fn_byoffset(st->fn, off);
			if (v)
				badf(c, "unknown variable %s; offset %lld is %s+%lld(FP)", nm, (long long)off, v->name,
				     (long long)v->off);
			else
				badf(c, "unknown variable %s", nm);
			continue;
		}
		check_var(c, line, n, expr, off, v);
	}
}

/* ---- entry points ---- */

int asmdecl_check(TPackage *pkg, Node **files, uint32_t nfiles, const char *const *sfiles, int nsfiles,
                  const char *goarch, DiagList *out)
{
	if (nsfiles == 0)
		return 0;
	Ctx c = {0};
	arena_init(&c.a);
	c.pkgpath = pkg->path;
	c.goarch = goarch;
	c.out = out;
	collect_decls(&c, pkg, files, nfiles);
	int n0 = out->n, failed = 0;
	for (int i = 0; i < nsfiles; i++) {
		if (!check_file(&c, sfiles[i]))
			failed = 1;
	}
	free_funcs(&c);
	free(c.decls);
	buf_free(&c.tmp);
	arena_free(&c.a);
	return failed ? -1 : out->n - n0;
}

void asmdecl_print(DiagList *d, FILE *out)
{
	for (int i = 0; i < d->n; i++) {
		Position p = pos_raw(d->v[i].pos);
		fprintf(out, "%s:%d:%d: %s\n", p.filename ? p.filename : "-", p.line, p.col, d->v[i].msg);
		free(d->v[i].msg);
	}
	d->n = 0;
}
