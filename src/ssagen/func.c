/*
 * func.c — lowering one function: blocks, SSA variables, locals,
 * parameters and results; the package's functions, closures and the
 * initialisation function.
 *
 * SSA construction follows Braun et al., "Simple and Efficient
 * Construction of Static Single Assignment Form" (CC 2013): the current
 * definition of every variable is recorded per block; reading a variable
 * in a block without a definition looks at the predecessors: one
 * predecessor, its definition; several, a phi with one argument per
 * predecessor.  A block is "sealed" once all its predecessors are known;
 * a read in an unsealed block (a loop header, a label) makes an
 * incomplete phi, given its arguments when the block is sealed.  Trivial
 * phis are left for the "phielim" pass.  Memory is variable 0.
 *
 * Blocks are sealed when code starts in them (every predecessor of an
 * if/else join, a loop exit or a case body is known by then), except loop
 * headers and continue targets (sealed after the loop) and label blocks
 * (sealed at the end of the function, since a goto may come later).
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

NORETURN void gen_unimpl(Gen *s, Pos pos, const char *what)
{
	if (!pos && s)
		pos = s->pos;
	Position p = pos_adjusted(pos);
	if (p.filename)
		fprintf(stderr, "%s:%d:%d: internal compiler error: ssagen: not implemented: %s\n", p.filename, p.line,
			p.col, what);
	else
		fprintf(stderr, "<unknown>: internal compiler error: ssagen: not implemented: %s\n", what);
	exit(2);
}

uint32_t gen_line(Pos pos)
{
	if (!pos)
		return 0;
	return (uint32_t)pos_adjusted(pos).line;
}

/* ---- blocks ---- */

static void grow_sealed(Gen *s, uint32_t id)
{
	if (id < s->capsealed)
		return;
	uint32_t n = s->capsealed ? s->capsealed : 64;
	while (n <= id)
		n *= 2;
	s->sealed = xrealloc(s->sealed, n);
	memset(s->sealed + s->capsealed, 0, n - s->capsealed);
	s->capsealed = n;
}

Block *gen_newblock(Gen *s, BlockKind k)
{
	Block *b = ssa_block_new(s->f, k);
	grow_sealed(s, b->id);
	return b;
}

bool gen_dead(Gen *s) { return s->b == NULL; }

void gen_ensureblock(Gen *s)
{
	if (!s->b) {
		Block *b = gen_newblock(s, BlockPlain);
		gen_startblock(s, b, true);
	}
}

void gen_startblock(Gen *s, Block *b, bool seal)
{
	if (s->b)
		gen_endplain(s, b);
	s->b = b;
	if (seal)
		gen_seal(s, b);
}

static void addedge(Gen *s, Block *from, Block *to)
{
	if (s->sealed[to->id])
		ice(s->pos, "ssagen", "edge b%u -> b%u into a sealed block", from->id, to->id);
	ssa_block_addedge(from, to);
}

void gen_endplain(Gen *s, Block *to)
{
	if (!s->b)
		return;
	s->b->kind = BlockPlain;
	addedge(s, s->b, to);
	s->b = NULL;
}

Block *gen_endif(Gen *s, Value *cond, Block *yes, Block *no)
{
	Block *b = s->b;
	b->kind = BlockIf;
	ssa_block_setcontrol(b, 0, cond);
	addedge(s, b, yes);
	addedge(s, b, no);
	s->b = NULL;
	return b;
}

void gen_endexit(Gen *s)
{
	Block *b = s->b;
	if (!b)
		return;
	Value *m = gen_mem(s);
	b->kind = BlockExit;
	ssa_block_setcontrol(b, 0, m);
	s->b = NULL;
}

/* ---- variables ---- */

int gen_newvar(Gen *s, SsaType *t)
{
	if (s->nvars == s->capvartypes) {
		s->capvartypes = s->capvartypes ? 2 * s->capvartypes : 64;
		s->vartypes = xrealloc(s->vartypes, (size_t)s->capvartypes * sizeof *s->vartypes);
	}
	s->vartypes[s->nvars] = t;
	return s->nvars++;
}

static uint32_t defhash(uint64_t k)
{
	k ^= k >> 29;
	k *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(k >> 32);
}

static Value **defslot(Gen *s, int var, Block *b, bool insert)
{
	uint64_t key = ((uint64_t)(uint32_t)var << 32 | b->id) + 1;
	if (insert && (s->ndefs + 1) * 2 > s->capdefs) {
		uint32_t ncap = s->capdefs ? s->capdefs * 2 : 1024;
		struct DefEnt *nd = xcalloc(ncap, sizeof *nd);
		for (uint32_t i = 0; i < s->capdefs; i++) {
			if (!s->defs[i].key)
				continue;
			uint32_t j = defhash(s->defs[i].key) & (ncap - 1);
			while (nd[j].key)
				j = (j + 1) & (ncap - 1);
			nd[j] = s->defs[i];
		}
		free(s->defs);
		s->defs = nd;
		s->capdefs = ncap;
	}
	if (!s->capdefs)
		return NULL;
	uint32_t m = s->capdefs - 1;
	for (uint32_t i = defhash(key) & m;; i = (i + 1) & m) {
		if (s->defs[i].key == key)
			return &s->defs[i].v;
		if (!s->defs[i].key) {
			if (!insert)
				return NULL;
			s->defs[i].key = key;
			s->ndefs++;
			return &s->defs[i].v;
		}
	}
}

static void writedef(Gen *s, int var, Block *b, Value *v) { *defslot(s, var, b, true) = v; }

void gen_writevar(Gen *s, int var, Value *v)
{
	gen_ensureblock(s);
	writedef(s, var, s->b, v);
}

/* a new phi at the top of b */
static Value *newphi(Gen *s, Block *b, int var)
{
	Value *v = ssa_value_new(b, OpPhi, s->vartypes[var], 0, NULL);
	v->line = b->line;
	memmove(b->values + 1, b->values, (size_t)(b->nvalues - 1) * sizeof *b->values);
	b->values[0] = v;
	return v;
}

static Value *readvar_in(Gen *s, int var, Block *b);

static void addphiargs(Gen *s, int var, Value *phi)
{
	Block *b = phi->block;
	for (int i = 0; i < b->npreds; i++)
		ssa_value_addarg(phi, readvar_in(s, var, b->preds[i].b));
}

static Value *undefined(Gen *s, int var, Block *b)
{
	if (var == 0)
		return s->initmem;
	Value *v = ssa_value_new(b, OpUnknown, s->vartypes[var], 0, NULL);
	return v;
}

static Value *readvar_in(Gen *s, int var, Block *b)
{
	/* follow single-predecessor chains iteratively */
	Block *chain[64];
	int n = 0;
	Value *v = NULL;
	for (;;) {
		Value **p = defslot(s, var, b, false);
		if (p && *p) {
			v = *p;
			break;
		}
		if (!s->sealed[b->id]) {
			v = newphi(s, b, var);
			if (s->nincomplete == s->capincomplete) {
				s->capincomplete = s->capincomplete ? 2 * s->capincomplete : 64;
				s->incomplete = xrealloc(s->incomplete, (size_t)s->capincomplete * sizeof *s->incomplete);
			}
			s->incomplete[s->nincomplete++] = (struct Incomplete){b, var, v};
			writedef(s, var, b, v);
			break;
		}
		if (b->npreds == 0) {
			v = undefined(s, var, b);
			writedef(s, var, b, v);
			break;
		}
		if (b->npreds == 1 && n < (int)NELEM(chain)) {
			chain[n++] = b;
			b = b->preds[0].b;
			continue;
		}
		if (b->npreds == 1) {
			v = readvar_in(s, var, b->preds[0].b);
			writedef(s, var, b, v);
			break;
		}
		v = newphi(s, b, var);
		writedef(s, var, b, v); /* breaks cycles */
		addphiargs(s, var, v);
		break;
	}
	for (int i = 0; i < n; i++)
		writedef(s, var, chain[i], v);
	return v;
}

Value *gen_readvar(Gen *s, int var)
{
	gen_ensureblock(s);
	return readvar_in(s, var, s->b);
}

void gen_seal(Gen *s, Block *b)
{
	if (s->sealed[b->id])
		return;
	s->sealed[b->id] = 1;
	for (int i = 0; i < s->nincomplete; i++) {
		struct Incomplete in = s->incomplete[i];
		if (in.b != b)
			continue;
		s->incomplete[i] = s->incomplete[--s->nincomplete];
		i--;
		addphiargs(s, in.var, in.phi);
	}
}

Value *gen_mem(Gen *s) { return gen_readvar(s, 0); }
void gen_setmem(Gen *s, Value *m) { gen_writevar(s, 0, m); }

/* ---- values ---- */

static Value *newv(Gen *s, Op op, SsaType *t)
{
	gen_ensureblock(s);
	Value *v = ssa_value_new(s->b, op, t, 0, NULL);
	v->line = gen_line(s->pos);
	v->pos = s->pos;
	return v;
}

Value *gen_value0(Gen *s, Op op, SsaType *t) { return newv(s, op, t); }

Value *gen_value1(Gen *s, Op op, SsaType *t, Value *a)
{
	Value *v = newv(s, op, t);
	ssa_value_addarg(v, a);
	return v;
}

Value *gen_value2(Gen *s, Op op, SsaType *t, Value *a, Value *b)
{
	Value *v = gen_value1(s, op, t, a);
	ssa_value_addarg(v, b);
	return v;
}

Value *gen_value3(Gen *s, Op op, SsaType *t, Value *a, Value *b, Value *c)
{
	Value *v = gen_value2(s, op, t, a, b);
	ssa_value_addarg(v, c);
	return v;
}

/* constants live in the entry block (cse merges them) */
Value *gen_const(Gen *s, Op op, SsaType *t, int64_t aux)
{
	Value *v = ssa_value_new(s->f->entry, op, t, aux, NULL);
	v->line = gen_line(s->pos);
	return v;
}

Value *gen_constint(Gen *s, SsaType *t, int64_t x)
{
	switch (t->size) {
	case 1: return gen_const(s, OpConst8, t, (int8_t)x);
	case 2: return gen_const(s, OpConst16, t, (int16_t)x);
	case 4: return gen_const(s, OpConst32, t, (int32_t)x);
	}
	return gen_const(s, OpConst64, t, x);
}

Value *gen_constbool(Gen *s, bool b) { return gen_const(s, OpConstBool, ssa_t_bool, b); }

Value *gen_conststring(Gen *s, const char *p, size_t n)
{
	Value *v = gen_const(s, OpConstString, ssa_t_string, 0);
	v->aux = ssa_aux(s->f, p, n);
	return v;
}

Value *gen_constnil(Gen *s, SsaType *t) { return gen_const(s, OpConstNil, t, 0); }

Value *gen_zero(Gen *s, SsaType *t)
{
	switch (t->kind) {
	case SK_BOOL: return gen_constbool(s, false);
	case SK_INT: case SK_UINT: return gen_constint(s, t, 0);
	case SK_FLOAT:
		return gen_const(s, t->size == 4 ? OpConst32F : OpConst64F, t, 0);
	case SK_COMPLEX: {
		SsaType *ft = t->size == 8 ? ssa_t_float32 : ssa_t_float64;
		Value *z = gen_const(s, t->size == 8 ? OpConst32F : OpConst64F, ft, 0);
		return gen_value2(s, OpComplexMake, t, z, z);
	}
	case SK_STRING: return gen_conststring(s, "", 0);
	case SK_PTR: return gen_constnil(s, t);
	case SK_SLICE: return gen_const(s, OpConstSlice, t, 0);
	case SK_IFACE: return gen_const(s, OpConstInterface, t, 0);
	}
	ice(s->pos, "ssagen", "zero value of %s", t->name);
}

/* ---- locals ---- */

static SsaAux *slotaux(Gen *s, const char *name, Type *t, Object *obj)
{
	/* unique names within the function: x, x·1, ... (the interpreter and
	 * the frame layout tell slots apart by name) */
	Buf b = {0};
	for (int n = 0;; n++) {
		b.n = 0;
		if (n)
			buf_printf(&b, "%s·%d", name, n);
		else
			buf_puts(&b, name);
		const char *in = intern(b.p, b.n);
		if (ptrmap_get(&s->slotnames, in))
			continue;
		ptrmap_put(&s->slotnames, in, (void *)1);
		SsaAux *a = ssa_aux(s->f, b.p, b.n);
		a->obj = obj;
		a->type = gen_type(t);
		buf_free(&b);
		return a;
	}
}

static int ntemps;

Value *gen_tempaddr(Gen *s, Type *t)
{
	char name[32];
	snprintf(name, sizeof name, ".autotmp_%d", ntemps++);
	SsaAux *a = slotaux(s, name, t, NULL);
	Value *p = gen_value2(s, OpLocalAddr, ssa_type_ptrto(gen_type(t)), s->sp, gen_mem(s));
	p->aux = a;
	Value *z = gen_value2(s, OpZero, ssa_t_mem, p, gen_mem(s));
	z->auxint = gen_sizeof(t);
	gen_setmem(s, z);
	return p;
}

LVar *gen_lookupvar(Gen *s, Object *obj) { return ptrmap_get(&s->vars, obj); }

Value *gen_varaddr(Gen *s, LVar *v)
{
	if (v->kind == VK_HEAP)
		return gen_readvar(s, v->id);
	if (v->kind == VK_STACK) {
		Value *p = gen_value2(s, OpLocalAddr, ssa_type_ptrto(v->t), s->sp, gen_mem(s));
		p->aux = v->aux;
		return p;
	}
	ice(s->pos, "ssagen", "address of an SSA variable %s", v->obj->name);
}

Value *gen_typeaddr(Gen *s, Type *t)
{
	Buf b = {0};
	typestr_symname(&b, t, false);
	Value *v = gen_value1(s, OpAddr, ssa_t_byteptr, s->sb);
	v->aux = ssa_aux(s->f, b.p, b.n);
	v->aux->obj = t;
	buf_free(&b);
	return v;
}

/* runtime.newobject(typ) for a variable of type t */
static Value *newobject(Gen *s, Type *t)
{
	Value *ta = gen_typeaddr(s, t);
	return gen_rtcall1(s, "runtime.newobject", ssa_type_ptrto(gen_type(t)), 1, ta);
}

Value *gen_newobj(Gen *s, Type *t) { return newobject(s, t); }

static LVar *newlvar2(Gen *s, Object *obj, Type *t, bool forcemem);
static LVar *newlvar(Gen *s, Object *obj, Type *t) { return newlvar2(s, obj, t, false); }

static LVar *newlvar2(Gen *s, Object *obj, Type *t, bool forcemem)
{
	LVar *v = arena_alloc(&s->f->arena, sizeof *v);
	t = gen_subst(s, t);
	v->obj = obj;
	v->type = t;
	v->t = gen_type(t);
	/* address taken or captured: the heap, unless escape analysis
	 * keeps it in the frame */
	/* too big for a frame (gc's 10 MB): the heap, even if never shared */
	bool taken = obj && ptrmap_get(&s->addrtaken, obj);
	if ((taken && !gen_onstack(s, obj)) || (obj && gen_sizeof(t) > 10 << 20))
		v->kind = VK_HEAP;
	else if (gen_ssaable(t) && !forcemem && !taken)
		v->kind = VK_SSA;
	else
		v->kind = VK_STACK;
	if (v->kind == VK_STACK)
		v->aux = slotaux(s, obj ? obj->name : ".autotmp", t, obj);
	else
		v->id = gen_newvar(s, v->kind == VK_HEAP ? ssa_type_ptrto(v->t) : v->t);
	if (obj)
		ptrmap_put(&s->vars, obj, v);
	return v;
}

LVar *gen_declare(Gen *s, Object *obj, Pos pos)
{
	(void)pos;
	LVar *v = newlvar(s, obj, obj->type);
	switch (v->kind) {
	case VK_SSA:
		gen_writevar(s, v->id, gen_zero(s, v->t));
		break;
	case VK_STACK: {
		Value *p = gen_varaddr(s, v);
		Value *z = gen_value2(s, OpZero, ssa_t_mem, p, gen_mem(s));
		z->auxint = gen_sizeof(v->type);
		gen_setmem(s, z);
		break;
	}
	case VK_HEAP:
		gen_writevar(s, v->id, newobject(s, v->type));
		break;
	}
	return v;
}

Value *gen_globaladdr(Gen *s, Object *obj)
{
	SsaAux *a = ptrmap_get(&s->pkg->globals, obj);
	Value *v = gen_value1(s, OpAddr, ssa_type_ptrto(gen_type(obj->type)), s->sb);
	if (a) {
		v->aux = a;
		return v;
	}
	Buf b = {0};
	typestr_pkgprefix(&b, obj->pkg ? obj->pkg->path : "main");
	buf_printf(&b, ".%s", obj->name);
	a = arena_alloc(s->pkg->arena, sizeof *a);
	a->s.p = arena_strndup(s->pkg->arena, b.p, b.n);
	a->s.n = (uint32_t)b.n;
	/* a variable named by //go:linkname is the target's symbol
	 * (math/bits.overflowError is runtime.overflowError) */
	const char *ln = s->pkg->linknames ? ptrmap_get(s->pkg->linknames, intern(a->s.p, a->s.n)) : NULL;
	if (ln) {
		a->s.p = ln;
		a->s.n = (uint32_t)strlen(ln);
	}
	a->obj = obj;
	a->type = gen_type(obj->type);
	buf_free(&b);
	ptrmap_put(&s->pkg->globals, obj, a);
	v->aux = a;
	return v;
}

/* ---- address-taken and captured variables ---- */

bool gen_islocal(Object *o)
{
	return o && o->kind == OBJ_VAR && !(o->flags & OF_FIELD) && o->parent &&
	       (o->parent->kind == SCOPE_FUNC || o->parent->kind == SCOPE_BLOCK);
}

static Object *useof(Gen *s, Node *id)
{
	Object *o = ptrmap_get(&s->check->info.uses, id);
	if (!o)
		o = ptrmap_get(&s->check->info.defs, id);
	return o;
}

/* the variable whose storage e is part of (x, x.f, x[i] of an array), or NULL */
static Object *rootvar(Gen *s, Node *e)
{
	e = gen_unparen(e);
	switch (e->kind) {
	case N_Ident: {
		Object *o = useof(s, e);
		return gen_islocal(o) ? o : NULL;
	}
	case N_SelectorExpr: {
		Type *t = gen_typeof(s, e->selector.x);
		if (!t || under(t)->kind != TY_STRUCT)
			return NULL;
		return rootvar(s, e->selector.x);
	}
	case N_IndexExpr: {
		Type *t = gen_typeof(s, e->index.x);
		if (!t || under(t)->kind != TY_ARRAY)
			return NULL;
		return rootvar(s, e->index.x);
	}
	}
	return NULL;
}

typedef struct Walk {
	Gen *s;
	Node *lit;         /* the innermost function literal being walked */
	Pos litpos, litend;
	PtrMap *capset;    /* free variables of the top-level literal being collected */
	PtrVec *capvec;
	Pos cpos, cend;    /* extent of that literal */
} Walk;

static void walk(Walk *w, Node *n);

static void walklist(Walk *w, List l)
{
	for (uint32_t i = 0; i < l.n; i++)
		walk(w, l.v[i]);
}

static void mark(Walk *w, Object *o)
{
	if (o && !w->capset) /* the capture walk only collects */
		ptrmap_put(&w->s->addrtaken, o, (void *)1);
}

static void walk(Walk *w, Node *n)
{
	if (!n)
		return;
	Gen *s = w->s;
	switch (n->kind) {
	case N_UnaryExpr:
		if (n->unary.op == TOK_AND)
			mark(w, rootvar(s, n->unary.x));
		break;
	case N_SliceExpr: {
		Type *t = gen_typeof(s, n->slice.x);
		if (t && under(t)->kind == TY_ARRAY)
			mark(w, rootvar(s, n->slice.x));
		break;
	}
	case N_SelectorExpr: {
		Object *m = useof(s, n->selector.sel);
		if (m && m->kind == OBJ_FUNC && m->type && m->type->sig.recv) {
			Type *xt = gen_typeof(s, n->selector.x);
			Type *rt = m->type->sig.recv->type;
			if (xt && under(xt)->kind != TY_POINTER && rt->kind == TY_POINTER)
				mark(w, rootvar(s, n->selector.x));
		}
		break;
	}
	case N_Ident: {
		Object *o = useof(s, n);
		if (w->lit && gen_islocal(o) && (o->pos < w->litpos || o->pos >= w->litend))
			mark(w, o);
		if (w->capset && gen_islocal(o) && (o->pos < w->cpos || o->pos >= w->cend) && !ptrmap_get(w->capset, o)) {
			ptrmap_put(w->capset, o, (void *)1);
			ptrvec_push(w->capvec, o);
		}
		return;
	}
	case N_DeferStmt:
		if (!w->lit && !w->capset) /* not a literal's defer, nor while collecting its captures */
			w->s->hasdefer = true;
		break;
	case N_FuncLit: {
		Node *saved = w->lit;
		Pos sp = w->litpos, se = w->litend;
		w->lit = n;
		w->litpos = node_pos(n);
		w->litend = node_end(n);
		walk(w, n->funclit.body);
		w->lit = saved;
		w->litpos = sp;
		w->litend = se;
		return;
	}
	}
	const NodeDesc *d = &node_descs[n->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *fd = &d->fields[i];
		if (fd->kind == F_NODE)
			walk(w, *(Node **)((char *)n + fd->off));
		else if (fd->kind == F_LIST)
			walklist(w, *(List *)((char *)n + fd->off));
	}
}

/* ---- functions ---- */

/* ---- instances of generic functions and methods ---- */

Type *gen_subst(Gen *s, Type *t)
{
	if (!s->tsubst || !t)
		return t;
	return subst(s->check, NoPos, t, s->tsubst);
}

Type *gen_objtype(Gen *s, Object *o) { return gen_subst(s, o->type); }

static Func *lower_body(GenPkg *g, Gen *outer, const char *name, Node *decl, Type *sig, Object *recv, Node *body,
			Object **captured, int ncaptured, const Subst *tsubst);

static bool has_tparam(Type *t, int depth);

static bool tuple_has_tparam(Type *t, int depth)
{
	for (uint32_t i = 0; t && i < t->tuple.n; i++)
		if (has_tparam(t->tuple.vars[i]->type, depth))
			return true;
	return false;
}

/* t mentions a type parameter (an instance would not be concrete) */
static bool has_tparam(Type *t, int depth)
{
	if (!t || depth > 50)
		return false;
	depth++;
	switch (t->kind) {
	case TY_TYPEPARAM: return true;
	case TY_ARRAY: return has_tparam(t->array.elem, depth);
	case TY_SLICE: return has_tparam(t->slice.elem, depth);
	case TY_POINTER: return has_tparam(t->pointer.elem, depth);
	case TY_MAP: return has_tparam(t->map.key, depth) || has_tparam(t->map.elem, depth);
	case TY_CHAN: return has_tparam(t->chan.elem, depth);
	case TY_TUPLE: return tuple_has_tparam(t, depth);
	case TY_SIGNATURE: return tuple_has_tparam(t->sig.params, depth) || tuple_has_tparam(t->sig.results, depth);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			if (has_tparam(t->struct_.fields[i]->type, depth))
				return true;
		return false;
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.nmethods; i++)
			if (has_tparam(t->iface.methods[i]->type, depth))
				return true;
		for (uint32_t i = 0; i < t->iface.nembeddeds; i++)
			if (has_tparam(t->iface.embeddeds[i], depth))
				return true;
		return false;
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.n; i++)
			if (has_tparam(t->named.targs.v[i], depth))
				return true;
		return false;
	}
	return false;
}

bool gen_has_tparam(Type *t) { return has_tparam(t, 0); }

static const char *enqueue(GenPkg *g, Object *fn, TypeList targs, Buf *sym)
{
	const char *in = intern(sym->p, sym->n);
	buf_free(sym);
	if (ptrmap_get(&g->instsyms, in))
		return in;
	for (uint32_t i = 0; i < targs.n; i++)
		if (has_tparam(targs.v[i], 0))
			ice(NoPos, "ssagen", "instance %s of a generic function is not concrete", in);
	if (!fn->decl || !fn->decl->fdecl || !fn->decl->fdecl->funcdecl.body)
		ice(NoPos, "ssagen", "instance %s: no body", in);
	GenInst *gi = arena_alloc(g->arena, sizeof *gi);
	gi->fn = fn;
	gi->targs = targs;
	gi->sym = in;
	ptrmap_put(&g->instsyms, in, gi);
	ptrvec_push(&g->pending, gi);
	return in;
}

const char *gen_instsym(GenPkg *g, Object *fn, TypeList targs)
{
	Buf b = {0};
	typestr_pkgprefix(&b, fn->pkg ? fn->pkg->path : "main");
	buf_printf(&b, ".%s[", fn->name);
	for (uint32_t i = 0; i < targs.n; i++) {
		if (i)
			buf_putc(&b, ',');
		typestr_write(&b, targs.v[i], TS_LINK);
	}
	buf_putc(&b, ']');
	return enqueue(g, fn, targs, &b);
}

const char *gen_funcref(Gen *s, Node *id, Object *fn)
{
	if (!fn->type || fn->type->sig.tparams.n == 0)
		return gen_funcsym(s->pkg, fn);
	Instance *in = ptrmap_get(&s->check->info.instances, id);
	if (!in)
		ice(node_pos(id), "ssagen", "no instance recorded for generic function %s", fn->name);
	TypeList targs = {arena_alloc(s->pkg->arena, (in->targs.n + 1) * sizeof(Type *)), in->targs.n};
	for (uint32_t i = 0; i < targs.n; i++)
		targs.v[i] = gen_subst(s, in->targs.v[i]);
	return gen_instsym(s->pkg, fn, targs);
}

/* a method of an instance of a generic type (the checker's lazily
 * substituted copy of the declared method) */
static bool is_instmethod(Object *fn)
{
	Object *o = fn->origin;
	return fn->kind == OBJ_FUNC && o && o != fn && o->type && o->type->sig.recv && o->type->sig.rparams.n;
}

static void lower_inst(GenPkg *g, GenInst *gi)
{
	Object *fn = gi->fn;
	Type *sig = fn->type;
	TypeList tp = sig->sig.recv ? sig->sig.rparams : sig->sig.tparams;
	if (tp.n != gi->targs.n)
		ice(NoPos, "ssagen", "instance %s: %u type arguments for %u type parameters", gi->sym, gi->targs.n, tp.n);
	Subst m = {tp.v, gi->targs.v, tp.n};
	Node *d = fn->decl->fdecl;
	/* a generic function of an imported package: its body's types are
	 * in that package's checker */
	Checker *saved = g->check;
	if (fn->pkg && fn->pkg != g->pkg) {
		Checker *c = g->checkerof ? g->checkerof(g->checkerctx, fn->pkg) : NULL;
		if (!c)
			ice(NoPos, "ssagen", "instance %s: no checker for package %s", gi->sym, fn->pkg->path);
		g->check = c;
	}
	lower_body(g, NULL, gi->sym, d, sig, sig->sig.recv, d->funcdecl.body, NULL, 0, &m);
	g->check = saved;
}

void gen_drain(GenPkg *g)
{
	for (uint32_t i = 0; i < g->pending.n; i++)
		lower_inst(g, g->pending.v[i]);
	ptrvec_free(&g->pending);
}

const char *gen_funcsym(GenPkg *g, Object *fn)
{
	const char *sym = ptrmap_get(&g->funcsyms, fn);
	if (sym)
		return sym;
	if (is_instmethod(fn)) {
		Type *rt = fn->type->sig.recv->type;
		Type *base = rt->kind == TY_POINTER ? rt->pointer.elem : rt;
		Buf b = {0};
		typestr_methodsym(&b, rt, fn);
		sym = enqueue(g, fn->origin, base->named.targs, &b);
		ptrmap_put(&g->funcsyms, fn, (void *)sym);
		return sym;
	}
	Buf b = {0};
	Type *sig = fn->type;
	if (sig && sig->sig.recv)
		typestr_methodsym(&b, sig->sig.recv->type, fn);
	else {
		typestr_pkgprefix(&b, fn->pkg ? fn->pkg->path : "main");
		buf_printf(&b, ".%s", fn->name);
	}
	sym = arena_strndup(g->arena, b.p, b.n);
	buf_free(&b);
	if (g->linknames && !(sig && sig->sig.recv)) {
		const char *ln = ptrmap_get(g->linknames, intern_cstr(sym));
		if (ln)
			sym = ln;
	}
	ptrmap_put(&g->funcsyms, fn, (void *)sym);
	return sym;
}

uint8_t gen_funcabi(GenPkg *g, Object *fn)
{
	if (fn->kind != OBJ_FUNC || !fn->decl || !fn->decl->fdecl)
		return AUX_ABI_DEFAULT;
	bool rt = fn->pkg && strcmp(fn->pkg->path, "runtime") == 0;
	if (fn->decl->fdecl->funcdecl.body)
		return rt ? AUX_ABI_GO : AUX_ABI_DEFAULT;
	if (rt || !g->asmsyms)
		return AUX_ABI_DEFAULT; /* goc's runtime is C */
	const char *sym = intern_cstr(gen_funcsym(g, fn));
	if (ptrmap_get(g->asmsyms, sym))
		return AUX_ABI_ASM;
	if (!g->cdefined || g->cdefined(g->checkerctx, sym))
		return AUX_ABI_C;
	return AUX_ABI_GO; /* another package's Go function, by //go:linkname */
}

static void addfunc(GenPkg *g, Func *f)
{
	if (g->nfuncs == g->capfuncs) {
		g->capfuncs = g->capfuncs ? 2 * g->capfuncs : 16;
		g->funcs = xrealloc(g->funcs, (size_t)g->capfuncs * sizeof *g->funcs);
	}
	g->funcs[g->nfuncs++] = f;
}

static void gen_init(Gen *s, GenPkg *g, const char *name, Node *decl)
{
	static Arena scratch;
	memset(s, 0, sizeof *s);
	s->scratch = &scratch;
	s->pkg = g;
	s->check = g->check;
	s->f = ssa_func_new(name);
	s->name = s->f->name;
	s->decl = decl;
	Block *entry = gen_newblock(s, BlockPlain);
	s->f->entry = entry;
	gen_startblock(s, entry, true);
	gen_newvar(s, ssa_t_mem); /* variable 0: memory */
	s->initmem = gen_value0(s, OpInitMem, ssa_t_mem);
	gen_setmem(s, s->initmem);
	s->sp = gen_value0(s, OpSP, ssa_t_uintptr);
	s->sb = gen_value0(s, OpSB, ssa_t_uintptr);
}

static void gen_fini(Gen *s)
{
	for (int i = 0; i < s->ntoseal; i++)
		gen_seal(s, s->toseal[i]);
	/* any block still unsealed (none expected) */
	for (int i = 0; i < s->f->nblocks; i++)
		gen_seal(s, s->f->blocks[i]);
	free(s->defs);
	free(s->sealed);
	free(s->incomplete);
	free(s->vartypes);
	free(s->toseal);
	ptrmap_free(&s->vars);
	ptrmap_free(&s->addrtaken);
	ptrmap_free(&s->labels);
	ptrmap_free(&s->slotnames);
	ptrmap_free(&s->hoisted);
}

/* the return at the end of a function without a final return */
static void gen_return_end(Gen *s)
{
	if (gen_dead(s))
		return;
	if (s->sig->sig.results->tuple.n > 0) {
		/* falling off the end of a function with results: unreachable
		 * (the checker insists on a terminating statement) */
		gen_endexit(s);
		return;
	}
	gen_exit(s);
}

Value *gen_paramarg(Gen *s, Object *o, Type *t, int64_t off)
{
	const char *nm = o->name && o->name[0] ? o->name : "~p";
	Value *a = gen_value0(s, OpArg, gen_type(t));
	a->aux = ssa_aux(s->f, nm, strlen(nm));
	a->auxint = off;
	return a;
}

/* parameters and results: Args, in ABI0 offsets */
static void gen_params(Gen *s, Type *sig, Object *recv)
{
	/* the declared parameter objects (the body's identifiers use them)
	 * with their types in the instance */
	Abi abi = gen_abi(&s->f->arena, gen_subst(s, sig), recv ? gen_objtype(s, recv) : NULL);
	s->f->argsize = abi.size;
	int k = 0;
	for (int i = 0; i < abi.nparams; i++, k++) {
		Object *o = recv ? (i == 0 ? recv : sig->sig.params->tuple.vars[i - 1]) : sig->sig.params->tuple.vars[i];
		Type *t = abi.types[k];
		Value *a = gen_paramarg(s, o, t, abi.off[k]);
		a->aux->obj = o;
		a->aux->type = gen_type(t);
		if (!o->name || strcmp(o->name, "_") == 0)
			continue;
		LVar *v = newlvar(s, o, t);
		switch (v->kind) {
		case VK_SSA: gen_writevar(s, v->id, a); break;
		case VK_STACK: {
			Value *p = gen_varaddr(s, v);
			Value *st = gen_value3(s, OpStore, ssa_t_mem, p, a, gen_mem(s));
			gen_setmem(s, st);
			break;
		}
		case VK_HEAP: {
			Value *p = newobject(s, v->type);
			gen_writevar(s, v->id, p);
			Value *st = gen_value3(s, OpStore, ssa_t_mem, p, a, gen_mem(s));
			gen_setmem(s, st);
			break;
		}
		}
	}
	Type *res = sig->sig.results;
	s->nresults = (int)res->tuple.n;
	s->results = arena_alloc(&s->f->arena, (size_t)(s->nresults + 1) * sizeof *s->results);
	for (int i = 0; i < s->nresults; i++) {
		Object *o = res->tuple.vars[i];
		if (o->name && o->name[0] && strcmp(o->name, "_") != 0)
			s->namedresults = true;
		/* every result gets a variable (unnamed ones too: anonymous) */
		LVar *v;
		if (o->name && o->name[0] && !s->hasdefer)
			v = gen_declare(s, o, o->pos);
		else {
			v = newlvar2(s, o->name && o->name[0] && strcmp(o->name, "_") ? o : NULL, o->type, s->hasdefer);
			v->obj = o;
			if (v->kind == VK_SSA)
				gen_writevar(s, v->id, gen_zero(s, v->t));
			else if (v->kind == VK_HEAP)
				gen_writevar(s, v->id, newobject(s, v->type));
			else {
				Value *p = gen_varaddr(s, v);
				Value *z = gen_value2(s, OpZero, ssa_t_mem, p, gen_mem(s));
				z->auxint = gen_sizeof(v->type);
				gen_setmem(s, z);
			}
		}
		s->results[i] = v;
	}
}

void gen_start(Gen *s, GenPkg *g, const char *name, Type *sig)
{
	gen_init(s, g, name, NULL);
	s->sig = sig;
}

Func *gen_finish(Gen *s)
{
	gen_fini(s);
	addfunc(s->pkg, s->f);
	return s->f;
}

static void mark_addrtaken(Gen *s, Node *body)
{
	Walk w = {.s = s};
	walk(&w, body);
}

static Func *lower_body(GenPkg *g, Gen *outer, const char *name, Node *decl, Type *sig, Object *recv, Node *body,
			Object **captured, int ncaptured, const Subst *tsubst)
{
	Gen s;
	gen_init(&s, g, name, decl);
	s.outer = outer;
	s.tsubst = outer ? outer->tsubst : tsubst;
	s.sig = gen_subst(&s, sig);
	s.pos = node_pos(decl);
	mark_addrtaken(&s, body);
	/* captured variables: pointers to their cells in the closure record */
	if (ncaptured) {
		Value *ctx = gen_value0(&s, OpGetClosurePtr, ssa_t_byteptr);
		for (int i = 0; i < ncaptured; i++) {
			Object *o = captured[i];
			LVar *v = arena_alloc(&s.f->arena, sizeof *v);
			v->obj = o;
			v->type = gen_objtype(&s, o);
			v->t = gen_type(v->type);
			v->kind = VK_HEAP;
			v->id = gen_newvar(&s, ssa_type_ptrto(v->t));
			Value *p = gen_value1(&s, OpOffPtr, ssa_type_ptrto(ssa_type_ptrto(v->t)), ctx);
			p->auxint = 8 * (i + 1);
			Value *l = gen_value2(&s, OpLoad, ssa_type_ptrto(v->t), p, gen_mem(&s));
			gen_writevar(&s, v->id, l);
			ptrmap_put(&s.vars, o, v);
		}
	}
	/* an instance (tsubst) and the closures in it: every package that
	 * instantiates it has a copy */
	s.f->dupok = s.tsubst != NULL;
	gen_params(&s, sig, recv);
	gen_block(&s, body->block.list);
	s.pos = body->block.rbrace;
	gen_return_end(&s);
	gen_fini(&s);
	addfunc(g, s.f);
	return s.f;
}

Func *gen_closure(Gen *s, Node *lit, const char *name, Object ***captured, int *ncaptured)
{
	PtrMap set = {0};
	PtrVec vec = {0};
	Walk w = {.s = s, .capset = &set, .capvec = &vec, .cpos = node_pos(lit), .cend = node_end(lit)};
	walk(&w, lit->funclit.body);
	ptrmap_free(&set);
	*captured = (Object **)vec.v;
	*ncaptured = (int)vec.n;
	TypeAndValue *tv = ptrmap_get(&s->check->info.types, lit); /* the declared parameters */
	return lower_body(s->pkg, s, name, lit, tv->type, NULL, lit->funclit.body, *captured, *ncaptured, NULL);
}

/* PKG.init: package variables in initialisation order, then the init
 * functions */
static void lower_init(GenPkg *g, Checker *c)
{
	Buf nb = {0};
	typestr_pkgprefix(&nb, g->pkg->path);
	buf_puts(&nb, ".init");
	buf_putc(&nb, 0);
	Gen s;
	gen_init(&s, g, arena_strndup(g->arena, nb.p, nb.n - 1), NULL);
	buf_free(&nb);
	s.sig = new_signature(g->arena, NULL, typ_empty_tuple, typ_empty_tuple, false);
	for (uint32_t i = 0; i < g->pkg->ninits; i++) {
		Initializer *in = &g->pkg->inits[i];
		s.pos = node_pos(in->rhs);
		if (in->nlhs == 1) {
			Object *o = in->lhs[0];
			if (g->xvals) {
				TypeAndValue *tv = gen_tv(&s, in->rhs);
				Buf kb = {0};
				typestr_pkgprefix(&kb, g->pkg->path);
				buf_printf(&kb, ".%s", o->name);
				bool x = ptrmap_get(g->xvals, intern(kb.p, kb.n)) != NULL;
				buf_free(&kb);
				if (x && tv && tv->mode == MODE_CONSTANT)
					continue; /* -X's value stands */
			}
			Value *v = gen_initval(&s, in->rhs, o->type);
			if (strcmp(o->name, "_") == 0)
				continue;
			gen_store(&s, o->type, gen_globaladdr(&s, o), v);
			continue;
		}
		Value *res[GEN_MAXRES + 1];
		Type *rt[GEN_MAXRES + 1];
		gen_hoist_operands(&s, in->rhs);
		int n = gen_multivalue(&s, in->rhs, (int)in->nlhs, res, rt);
		for (int k = 0; k < n && k < (int)in->nlhs; k++) {
			Object *o = in->lhs[k];
			if (strcmp(o->name, "_") == 0)
				continue;
			gen_store(&s, o->type, gen_globaladdr(&s, o), gen_convert(&s, res[k], rt[k], o->type, s.pos));
		}
	}
	for (int i = 0; i < g->ninits; i++) {
		char nm[256];
		Buf pb = {0};
		typestr_pkgprefix(&pb, g->pkg->path);
		buf_putc(&pb, 0);
		snprintf(nm, sizeof nm, "%s.init.%d", pb.p, i);
		buf_free(&pb);
		Value *call = gen_value1(&s, OpStaticCall, ssa_t_mem, gen_mem(&s));
		call->aux = ssa_aux(s.f, nm, strlen(nm));
		gen_setmem(&s, call);
	}
	gen_return_end(&s);
	gen_fini(&s);
	addfunc(g, s.f);
	(void)c;
}

void ssagen_package(GenPkg *g, Checker *c)
{
	g->check = c;
	g->pkg = c->pkg;
	if (!g->arena)
		g->arena = c->arena;
	/* GOC_NOESCAPE=1: everything the analysis would keep in frames goes
	 * to the heap (for bisecting) */
	const char *ne = getenv("GOC_NOESCAPE");
	if (!ne || !*ne)
		escape_package(g, c);
	for (uint32_t fi = 0; fi < c->nfiles; fi++) {
		Node *file = c->files[fi];
		Pos prev = node_end(file->file.name);
		for (uint32_t k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			Pos at = node_pos(d), before = prev;
			prev = node_end(d);
			if (d->kind != N_FuncDecl || !d->funcdecl.body)
				continue;
			bool nosplit = false; /* //go:nosplit among the directives before it */
			for (uint32_t j = 0; j < g->ndirs; j++)
				if (g->dirs[j].nosplit && g->dirs[j].pos >= before && g->dirs[j].pos < at)
					nosplit = true;
			Object *fn = ptrmap_get(&c->info.defs, d->funcdecl.name);
			const char *name;
			if (!fn || !fn->type)
				continue;
			if (fn->type->sig.tparams.n || (fn->type->sig.recv && fn->type->sig.rparams.n))
				continue; /* lowered per instance */
			if (!fn->type->sig.recv && strcmp(fn->name, "init") == 0) {
				Buf b = {0};
				typestr_pkgprefix(&b, g->pkg->path);
				buf_printf(&b, ".init.%d", g->ninits++);
				name = arena_strndup(g->arena, b.p, b.n);
				buf_free(&b);
			} else if (strcmp(fn->name, "_") == 0)
				continue;
			else
				name = gen_funcsym(g, fn);
			Func *f = lower_body(g, NULL, name, d, fn->type, fn->type->sig.recv, d->funcdecl.body, NULL, 0, NULL);
			if (f)
				f->nosplit = nosplit;
		}
	}
	lower_init(g, c);
	gen_drain(g);
}
