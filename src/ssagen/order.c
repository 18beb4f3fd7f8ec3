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
 * expressions, type assertions to other than pointer-shaped types, the builtins len, cap, append, copy, make, new, complex,
 * real, imag and recover, and the conversions []byte(s) and []rune(s).
 * Not hoisted: what is evaluated conditionally (the right operand of &&
 * and ||: hoisted in its own block when gen_condjump reaches it; switch
 * cases: each before its comparison), function literals' bodies, calls
 * with other than one result (their operands are), the comma-ok forms,
 * and the call an expression statement consists of (only its operands).
 * The arguments of a go or defer statement's call are evaluated one
 * after the other, the calls in each first (gc assigns each to a
 * temporary of its own): callplan and gen_builtin_record hoist each just
 * before it is evaluated (Gen.argorder).
 */
#include "ssagen.h"

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
			gen_hoist(s, e->binary.x);
			return;
		}
		break;
	case N_CallExpr:
		if (ptrmap_get(&s->hoisted, e))
			return;
		hoist_children(s, e);
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
	hoist_children(s, e);
}

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
