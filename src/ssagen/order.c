/*
 * order.c — the order of evaluation inside a statement, as gc's order
 * pass fixes it where the spec leaves it open.  The spec orders only the
 * calls, method calls and channel operations of an expression (left to
 * right); when a plain operand (a variable, a field, an element) is read
 * relative to them is unspecified.  gc evaluates every call and receive
 * of a statement first, into temporaries, and reads the other operands
 * afterwards, so in
 *
 *	p.list = append(p.list, p.parse())   // parse appends to p.list too
 *	x := []int{a, f()}                   // f changes a
 *
 * p.list and a are read after the calls.  Programs come to depend on
 * that, so goc does the same: before lowering a statement's expressions,
 * gen_hoist lowers their calls and receives in source order and keeps
 * each result under its node (Gen.hoisted); gen_call and the receive's
 * lowering then take the kept value instead of evaluating again.
 *
 * What gc copies, goc hoists: calls with one result, receives, slice
 * expressions, type assertions to other than pointer-shaped types, the
 * builtins len, cap, append, copy, make, new, complex, real, imag and
 * recover, and the conversions []byte(s) and []rune(s).  Where gc needs
 * an operand's address (gc's addrTemp) and the operand is a local
 * variable or a computed value, it copies it where it stands too: the
 * key of a map without a fast variant (gen_hoist_mapkey), a value converted
 * to an interface by address (convT: pointers, bytes, structs...;
 * hoist_to), the operands of a comparison of structs or arrays.  An &&
 * or || expression is evaluated whole where it stands (gc's order makes
 * it r = x; if r { r = y }), the calls of its right operand hoisted in
 * their own block when gen_condjump reaches them.  A map literal with
 * other than constant entries is made where it stands (gen_maplit).
 * Not hoisted: switch cases (each before its comparison), function
 * literals' bodies, calls with other than one result (their operands
 * are), the comma-ok forms, and the call an expression statement
 * consists of (only its operands).
 * The arguments of a go or defer statement's call are evaluated one
 * after the other, the calls in each first (gc assigns each to a
 * temporary of its own): callplan and gen_builtin_record hoist each just
 * before it is evaluated (Gen.argorder).
 */
#include "ssagen.h"
#include "../gen/typedesc.h"

static bool isconst(Gen *s, Node *e)
{
	TypeAndValue *tv = gen_tv(s, e);
	return tv && (tv->mode == MODE_CONSTANT || tv->mode == MODE_TYPEXPR);
}

/* gc's order copies these calls (OCALLFUNC, OCALLINTER, and the
 * builtins and conversions that are calls of the runtime) into
 * temporaries; a call with other than one result is left where it is */
static bool hoistable_call(Gen *s, Node *e)
{
	Node *fun = gen_unparen(e->call.fun);
	TypeAndValue *tv = gen_tv(s, fun);
	if (!tv)
		return false;
	if (tv->mode == MODE_TYPEXPR) { /* []byte(s), []rune(s) */
		Type *at = e->call.args.n == 1 ? gen_typeof(s, e->call.args.v[0]) : NULL;
		return under(tv->type)->kind == TY_SLICE && at && is_string(at);
	}
	if (tv->mode == MODE_BUILTIN) {
		Object *o = NULL;
		if (fun->kind == N_Ident)
			o = ptrmap_get(&s->check->info.uses, fun);
		if (!o || o->kind != OBJ_BUILTIN)
			return false;
		switch (o->builtin) {
		case BUILTIN_APPEND: case BUILTIN_CAP: case BUILTIN_COMPLEX: case BUILTIN_COPY:
		case BUILTIN_IMAG: case BUILTIN_LEN: case BUILTIN_MAKE: case BUILTIN_NEW:
		case BUILTIN_REAL: case BUILTIN_RECOVER:
			return true;
		default:
			return false;
		}
	}
	Type *t = gen_typeof(s, e);
	return t && t->kind != TY_TUPLE;
}

/* gc's isaddrokay after its order: an addressable operand other than a
 * local variable (calls are temporaries by then); top is false for the
 * operands of a selector or index, which need only be addressable */
static bool addrokay(Gen *s, Node *e, bool top)
{
	e = gen_unparen(e);
	switch (e->kind) {
	case N_Ident: {
		Object *o = ptrmap_get(&s->check->info.uses, e);
		if (!o || o->kind != OBJ_VAR)
			return false;
		return !top || !o->parent || o->parent == o->pkg->scope;
	}
	case N_CallExpr:
		return hoistable_call(s, e);
	case N_StarExpr:
		return true;
	case N_SelectorExpr: {
		Object *o = ptrmap_get(&s->check->info.uses, e->selector.sel);
		if (!o || o->kind != OBJ_VAR)
			return false;
		if (!(o->flags & OF_FIELD)) /* pkg.V */
			return true;
		Type *xt = gen_typeof(s, e->selector.x);
		if (!xt)
			return false;
		Lookup l = lookup_field_or_method(s->scratch, xt, true, o->pkg ? o->pkg : s->pkg->pkg, o->name);
		return l.indirect || addrokay(s, e->selector.x, false);
	}
	case N_IndexExpr: {
		Type *xt = gen_typeof(s, e->index.x);
		if (!xt)
			return false;
		switch (under(xt)->kind) {
		case TY_SLICE: case TY_POINTER: return true;
		case TY_ARRAY: return addrokay(s, e->index.x, false);
		default: return false;
		}
	}
	default:
		return false;
	}
}

/* m[k] with a key the runtime takes by address (gc's mapslow): gc copies
 * the key into a temporary right after its own calls, unless it can pass
 * the key's own address; read later (m[k] = f() with f changing k) it
 * would see what the calls after it did */
void gen_hoist_mapkey(Gen *s, Node *k, Type *xt)
{
	gen_hoist(s, k);
	if (!xt || under(xt)->kind != TY_MAP || !gen_mapslow(xt) || isconst(s, k) || addrokay(s, k, true) ||
	    ptrmap_get(&s->hoisted, k))
		return;
	Type *kt = gen_typeof(s, k);
	if (is_untyped(kt))
		return;
	ptrmap_put(&s->hoisted, k, gen_copytemp(s, kt, gen_expr(s, k)));
}

static Type *solecomponent(Type *t)
{
	Type *u = under(t);
	if (u->kind == TY_STRUCT)
		return u->struct_.nfields == 1 ? solecomponent(u->struct_.fields[0]->type) : NULL;
	if (u->kind == TY_ARRAY)
		return u->array.len == 1 ? solecomponent(u->array.elem) : NULL;
	return t;
}

/* gc's dataWordFuncName: the conversion of a t to an interface takes
 * the value by address (convT, convTnoptr), as opposed to convT16,
 * convT32, convT64, convTstring and convTslice, which take it by value */
static bool conv_byaddr(Type *t)
{
	int64_t size = gen_sizeof(t), align = gen_alignof(t);
	bool ptrs = gclayout_ptrdata(t) != 0;
	if ((size == 2 && align == 2) || (size == 4 && align == 4 && !ptrs) || (size == 8 && align == 8 && !ptrs))
		return false;
	Type *sc = solecomponent(t);
	if (sc && (is_string(sc) || under(sc)->kind == TY_SLICE))
		return false;
	return true;
}

/* e's calls, then e itself if it is converted to interface type to and
 * gc copies it there: gc's order gives the conversion of a value taken by
 * address an addressable operand, copying a local variable or a value
 * computed by an expression right after the calls before it (so in
 * f(p, g()) with g changing a local pointer p, f gets the old p, where
 * an int would be read after g) */
static void hoist_to(Gen *s, Node *e, Type *to)
{
	gen_hoist(s, e);
	if (!to || !is_interface(to) || gen_has_tparam(to) || isconst(s, e) || ptrmap_get(&s->hoisted, e))
		return;
	Type *t = gen_typeof(s, e);
	if (t && is_untyped(t)) /* x == y: a bool; nil: nothing to copy */
		t = t->kind == TY_BASIC && t->basic.kind == BK_UNTYPED_NIL ? NULL : type_default(t);
	if (!t || t->kind == TY_TUPLE || is_interface(t) || !conv_byaddr(t) || addrokay(s, e, true))
		return;
	ptrmap_put(&s->hoisted, e, gen_copytemp(s, t, gen_expr(s, e)));
}

/* a call's arguments against its signature (a conversion or builtin: one
 * by one, as the operands of other expressions) */
static void hoist_args(Gen *s, Node *e)
{
	Node *fun = gen_unparen(e->call.fun);
	TypeAndValue *tv = gen_tv(s, fun);
	List args = e->call.args;
	gen_hoist(s, e->call.fun);
	Type *sig = tv && tv->mode != MODE_TYPEXPR && tv->mode != MODE_BUILTIN && tv->type ? under(tv->type) : NULL;
	if (sig && sig->kind != TY_SIGNATURE)
		sig = NULL;
	Type *elem = NULL; /* append(s, x, y): x and y are converted to s's element type */
	if (tv && tv->mode == MODE_BUILTIN && fun->kind == N_Ident && args.n > 1 && !e->call.ellipsis) {
		Object *o = ptrmap_get(&s->check->info.uses, fun);
		Type *st = o && o->kind == OBJ_BUILTIN && o->builtin == BUILTIN_APPEND ? gen_typeof(s, args.v[0]) : NULL;
		if (st && under(st)->kind == TY_SLICE)
			elem = under(st)->slice.elem;
	}
	for (uint32_t i = 0; i < args.n; i++) {
		Type *to = NULL;
		if (tv && tv->mode == MODE_TYPEXPR)
			to = tv->type;
		else if (elem && i > 0)
			to = elem;
		else if (sig && !(args.n == 1 && gen_typeof(s, args.v[0]) && gen_typeof(s, args.v[0])->kind == TY_TUPLE)) {
			uint32_t np = sig->sig.params->tuple.n;
			if (sig->sig.variadic && !e->call.ellipsis && i + 1 >= np) {
				Type *vt = sig->sig.params->tuple.vars[np - 1]->type;
				to = under(vt)->kind == TY_SLICE ? under(vt)->slice.elem : NULL;
			} else if (i < np)
				to = sig->sig.params->tuple.vars[i]->type;
		}
		hoist_to(s, args.v[i], to);
	}
}

/* a composite literal's elements against their types */
static void hoist_elems(Gen *s, Node *e)
{
	Type *t = gen_typeof(s, e);
	Type *u = t ? under(t) : NULL;
	if (u && u->kind == TY_POINTER)
		u = under(u->pointer.elem);
	List elts = e->composite.elts;
	for (uint32_t i = 0; i < elts.n; i++) {
		Node *el = elts.v[i];
		Type *to = NULL;
		if (u && (u->kind == TY_ARRAY || u->kind == TY_SLICE))
			to = u->kind == TY_ARRAY ? u->array.elem : u->slice.elem;
		if (el->kind == N_KeyValueExpr) {
			if (u && u->kind == TY_STRUCT) {
				Object *f = ptrmap_get(&s->check->info.uses, el->keyvalue.key);
				to = f ? f->type : NULL;
			} else
				gen_hoist(s, el->keyvalue.key);
			el = el->keyvalue.value;
		} else if (u && u->kind == TY_STRUCT && i < u->struct_.nfields)
			to = u->struct_.fields[i]->type;
		hoist_to(s, el, to);
	}
}

static bool iscompare(int op)
{
	return op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ;
}

/* e copied where it stands (gc's addrTemp) unless it is addressable in
 * place */
static void hoist_copy(Gen *s, Node *e)
{
	Type *t = gen_typeof(s, e);
	if (!t || isconst(s, e) || is_untyped(t) || ptrmap_get(&s->hoisted, e) || addrokay(s, e, true))
		return;
	ptrmap_put(&s->hoisted, e, gen_copytemp(s, t, gen_expr(s, e)));
}

/* x == y: when x is a struct or an array, gc gives both operands
 * addresses (copies of local variables and computed values, made after
 * the calls of both); a concrete operand compared with an interface is
 * not converted (gc compares type and data words) */
static void hoist_compare(Gen *s, Node *e)
{
	Node *x = e->binary.x, *y = e->binary.y;
	Type *xt = gen_typeof(s, x);
	gen_hoist(s, x);
	gen_hoist(s, y);
	if (xt && (under(xt)->kind == TY_STRUCT || under(xt)->kind == TY_ARRAY)) {
		hoist_copy(s, x);
		hoist_copy(s, y);
	}
}

static void hoist_children(Gen *s, Node *e)
{
	const NodeDesc *d = &node_descs[e->kind];
	for (uint32_t i = 0; i < d->nfields; i++) {
		const FieldDesc *fd = &d->fields[i];
		if (fd->kind == F_NODE)
			gen_hoist(s, *(Node **)((char *)e + fd->off));
		else if (fd->kind == F_LIST) {
			List l = *(List *)((char *)e + fd->off);
			for (uint32_t k = 0; k < l.n; k++)
				gen_hoist(s, l.v[k]);
		}
	}
}

void gen_hoist(Gen *s, Node *e)
{
	if (!e || isconst(s, e))
		return;
	switch (e->kind) {
	case N_FuncLit:
		return;
	case N_BinaryExpr:
		if (e->binary.op == TOK_LAND || e->binary.op == TOK_LOR) {
			/* as gc: evaluated whole where it stands, the right
			 * operand's calls (when it is evaluated) before the
			 * calls to the right of the expression, as the spec
			 * wants, and the left operand read there too */
			if (!ptrmap_get(&s->hoisted, e))
				ptrmap_put(&s->hoisted, e, gen_cond(s, e));
			return;
		}
		if (iscompare(e->binary.op)) {
			hoist_compare(s, e);
			return;
		}
		break;
	case N_CallExpr:
		if (ptrmap_get(&s->hoisted, e))
			return;
		hoist_args(s, e);
		if (hoistable_call(s, e)) {
			Value *v = gen_expr(s, e);
			ptrmap_put(&s->hoisted, e, v);
		}
		return;
	case N_SliceExpr:
		if (ptrmap_get(&s->hoisted, e))
			return;
		hoist_children(s, e);
		ptrmap_put(&s->hoisted, e, gen_expr(s, e));
		return;
	case N_IndexExpr:
		gen_hoist(s, e->index.x);
		gen_hoist_mapkey(s, e->index.index, gen_typeof(s, e->index.x));
		return;
	case N_CompositeLit: {
		/* a map literal with entries other than constants is made
		 * where it stands among the calls (gen_maplit) */
		Type *t = gen_typeof(s, e);
		if (t && under(t)->kind == TY_MAP) {
			if (!ptrmap_get(&s->hoisted, e))
				ptrmap_put(&s->hoisted, e, gen_maplit(s, e, t));
			return;
		}
		hoist_elems(s, e);
		return;
	}
	case N_TypeAssertExpr:
		/* gc copies x.(T) unless T is pointer-shaped: a failing
		 * assertion panics before the calls to its right */
		if (ptrmap_get(&s->hoisted, e))
			return;
		gen_hoist(s, e->typeassert.x);
		if (e->typeassert.type && !gen_isdirect(gen_typeof(s, e)))
			ptrmap_put(&s->hoisted, e, gen_expr(s, e));
		return;
	case N_UnaryExpr:
		if (e->unary.op == TOK_ARROW) {
			if (ptrmap_get(&s->hoisted, e))
				return;
			gen_hoist(s, e->unary.x);
			Value *v = gen_expr(s, e);
			ptrmap_put(&s->hoisted, e, v);
			return;
		}
		break;
	default:
		break;
	}
	hoist_children(s, e);
}

void gen_hoist_operands(Gen *s, Node *e)
{
	if (!e)
		return;
	e = gen_unparen(e);
	if (isconst(s, e) || e->kind == N_FuncLit)
		return;
	if (e->kind == N_IndexExpr) {
		gen_hoist(s, e->index.x);
		gen_hoist_mapkey(s, e->index.index, gen_typeof(s, e->index.x));
		return;
	}
	if (e->kind == N_CallExpr) {
		hoist_args(s, e);
		return;
	}
	hoist_children(s, e);
}

void gen_hoist_to(Gen *s, Node *e, Type *to) { hoist_to(s, e, to); }

/* a taken value leaves this mark: the node is not hoisted again (its
 * call is made once), and lowered again it is evaluated where it stands */
static char taken;

Value *gen_hoisted(Gen *s, Node *e)
{
	if (!s->hoisted.n)
		return NULL;
	Value *v = ptrmap_get(&s->hoisted, e);
	if (!v || v == (Value *)&taken)
		return NULL;
	ptrmap_put(&s->hoisted, e, &taken);
	return v;
}

/* ---- package variables' initializers ----
 * gc initialises what it can statically (staticinit) and the rest in
 * order, one assignment per variable.  Where a package variable's value
 * is a copy of another's whose initializer is a constant or a literal
 * of constants (gc's staticcopy; not strings, which the linker's -X may
 * set), gc copies the initial value, even when a function called to
 * initialise a variable before changed it; the elements of struct,
 * array and slice literals are assigned one by one, each a statement of
 * its own (its calls first), so var v = T{x, f()} reads x before f. */

/* gc's isStaticCompositeLiteral: constants, nil, and array and struct
 * literals of such.  With to, the type e is converted to (a map
 * literal's entry), a constant converted to an interface is not static
 * (gc gives it an address), in e and in its elements; with to NULL
 * (package initializers, gc's staticinit) no conversion is looked at. */
bool gen_isstatic(Gen *s, Node *e, Type *to)
{
	e = gen_unparen(e);
	TypeAndValue *tv = gen_tv(s, e);
	if (tv && tv->mode == MODE_CONSTANT)
		return !to || !is_interface(to);
	if (e->kind == N_Ident) {
		Object *o = ptrmap_get(&s->check->info.uses, e);
		return o && o->kind == OBJ_NIL;
	}
	if (e->kind != N_CompositeLit || !tv || !tv->type)
		return false;
	Type *u = under(tv->type);
	if (u->kind != TY_STRUCT && u->kind != TY_ARRAY)
		return false;
	for (uint32_t i = 0; i < e->composite.elts.n; i++) {
		Node *el = e->composite.elts.v[i];
		Type *et = u->kind == TY_ARRAY ? u->array.elem : NULL;
		if (el->kind == N_KeyValueExpr) {
			if (u->kind == TY_STRUCT) {
				Object *f = ptrmap_get(&s->check->info.uses, el->keyvalue.key);
				et = f ? f->type : NULL;
			}
			el = el->keyvalue.value;
		} else if (u->kind == TY_STRUCT && i < u->struct_.nfields)
			et = u->struct_.fields[i]->type;
		if (!to)
			et = NULL;
		else if (!et)
			return false;
		if (!gen_isstatic(s, el, et))
			return false;
	}
	return true;
}

/* the initializer gc copies statically for e, a package variable */
static Node *staticsrc(Gen *s, Node *e)
{
	e = gen_unparen(e);
	if (e->kind != N_Ident)
		return NULL;
	Object *o = ptrmap_get(&s->check->info.uses, e);
	if (!o || o->kind != OBJ_VAR || !o->parent || o->parent != s->pkg->pkg->scope || is_string(o->type))
		return NULL;
	for (uint32_t i = 0; i < s->pkg->pkg->ninits; i++) {
		Initializer *in = &s->pkg->pkg->inits[i];
		if (in->nlhs == 1 && in->lhs[0] == o) {
			if (gen_unparen(in->rhs)->kind == N_Ident && !gen_isstatic(s, in->rhs, NULL))
				return staticsrc(s, in->rhs); /* var z = x: x's */
			return gen_isstatic(s, in->rhs, NULL) ? in->rhs : NULL;
		}
	}
	return NULL;
}

static bool elemlit(Gen *s, Node *e)
{
	e = gen_unparen(e);
	if (e->kind == N_UnaryExpr && e->unary.op == TOK_AND)
		e = gen_unparen(e->unary.x);
	Type *t = e->kind == N_CompositeLit ? gen_typeof(s, e) : NULL;
	if (t && under(t)->kind == TY_POINTER)
		t = under(t)->pointer.elem;
	return t && under(t)->kind != TY_MAP;
}

static Value *staticcopy(Gen *s, Node *e, Node *src, Type *to)
{
	Object *o = ptrmap_get(&s->check->info.uses, gen_unparen(e));
	Type *st = gen_typeof(s, src);
	if (!st || is_untyped(st))
		st = o->type;
	return gen_convert(s, gen_exprto(s, src, st), st, to, node_pos(e));
}

Value *gen_initval(Gen *s, Node *e, Type *to)
{
	Node *src = staticsrc(s, e);
	if (src)
		return staticcopy(s, e, src, to);
	if (elemlit(s, e)) {
		s->initelems = true;
		Value *v = gen_exprto(s, e, to);
		s->initelems = false;
		return v;
	}
	gen_hoist(s, e);
	return gen_exprto(s, e, to);
}

bool gen_initelem(Gen *s, Node *e, Type *to, Value *p)
{
	if (!s->initelems || elemlit(s, e))
		return false;
	Node *src = staticsrc(s, e);
	s->initelems = false;
	Value *v;
	if (src)
		v = staticcopy(s, e, src, to);
	else {
		gen_hoist(s, e);
		v = gen_exprto(s, e, to);
	}
	gen_store(s, to, p, v);
	s->initelems = true;
	return true;
}
