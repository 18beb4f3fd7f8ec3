/*
 * infer.c — type argument inference as in Go 1.19 (go/types infer.go):
 * function argument type inference (unify typed arguments with their
 * parameters, then untyped constants with their default types) and
 * constraint type inference (core types of the constraints) in between,
 * with gc's messages.
 */
#include "expr.h"
#include <stdarg.h>

void unifier_share(Unifier *u);

static void errorf(Checker *c, Pos pos, const char *fmt, ...) PRINTF(3, 4);
static void errorf(Checker *c, Pos pos, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	check_errorf(c, pos, "%s", buf);
}

#define TS(t) type_str(c, (t))
#define ES(e) expr_str(c, (e))

/* ---- isParameterized ---- */

typedef struct TSeen {
	Type *t;
	struct TSeen *prev;
} TSeen;

static bool tparam_in(TypeList l, Type *t)
{
	uint32_t i = t->tparam.index;
	return i < l.n && l.v[i] == t;
}

static bool is_param_rec(TypeList tps, Type *t, TSeen *seen)
{
	if (!t)
		return false;
	for (TSeen *s = seen; s; s = s->prev)
		if (s->t == t)
			return false;
	TSeen me = {t, seen};
	switch (t->kind) {
	case TY_BASIC:
		return false;
	case TY_ARRAY:
		return is_param_rec(tps, t->array.elem, &me);
	case TY_SLICE:
		return is_param_rec(tps, t->slice.elem, &me);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			if (is_param_rec(tps, t->struct_.fields[i]->type, &me))
				return true;
		return false;
	case TY_POINTER:
		return is_param_rec(tps, t->pointer.elem, &me);
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.n; i++)
			if (is_param_rec(tps, t->tuple.vars[i]->type, &me))
				return true;
		return false;
	case TY_SIGNATURE:
		return is_param_rec(tps, t->sig.params, &me) || is_param_rec(tps, t->sig.results, &me);
	case TY_INTERFACE: {
		TypeSet *ts = interface_typeset(NULL, t);
		for (uint32_t i = 0; i < ts->nmethods; i++)
			if (is_param_rec(tps, ts->methods[i]->type, &me))
				return true;
		if (!typeset_has_terms(ts))
			return false;
		for (uint32_t i = 0; i < ts->nterms; i++)
			if (is_param_rec(tps, ts->terms[i].type, &me))
				return true;
		return false;
	}
	case TY_MAP:
		return is_param_rec(tps, t->map.key, &me) || is_param_rec(tps, t->map.elem, &me);
	case TY_CHAN:
		return is_param_rec(tps, t->chan.elem, &me);
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.n; i++)
			if (is_param_rec(tps, t->named.targs.v[i], &me))
				return true;
		return false;
	case TY_TYPEPARAM:
		return tparam_in(tps, t);
	default:
		return false;
	}
}

bool is_parameterized(TypeList tparams, Type *t) { return is_param_rec(tparams, t, NULL); }

/* ---- helpers ---- */

/* a substitution of the non-NULL entries of targs */
static Subst subst_map(Checker *c, TypeList tparams, TypeList targs)
{
	Subst m = {arena_alloc(&c->scratch, (tparams.n + 1) * sizeof(Type *)),
	    arena_alloc(&c->scratch, (tparams.n + 1) * sizeof(Type *)), 0};
	for (uint32_t i = 0; i < tparams.n && i < targs.n; i++)
		if (targs.v[i]) {
			m.from[m.n] = tparams.v[i];
			m.to[m.n] = targs.v[i];
			m.n++;
		}
	return m;
}

static const char *tparams_string(Checker *c, TypeList l)
{
	Buf b = {0};
	for (uint32_t i = 0; i < l.n; i++) {
		if (i > 0)
			buf_puts(&b, l.n == 2 ? " and " : i == l.n - 1 ? ", and " : ", ");
		buf_puts(&b, l.v[i]->tparam.obj->name);
	}
	const char *s = arena_strndup(&c->scratch, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

/* go/types coreTerm: the single term of tpar's type set, or its core type as a term */
static bool core_term(Checker *c, Type *tpar, Term *out, bool *single)
{
	*single = false;
	TypeSet *ts = interface_typeset(c, under(tpar));
	if (!typeset_has_terms(ts))
		return false;
	bool tilde = false;
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (ts->terms[i].tilde)
			tilde = true;
	if (ts->nterms == 1) {
		*out = ts->terms[0];
		*single = true;
		return true;
	}
	Type *ct = core_type(tpar);
	if (ct) {
		*out = (Term){tilde, ct};
		return true;
	}
	return false;
}

/* go/types cycleFinder */
static void cycle_find(TypeList tps, Type **types, Type *t, TSeen *seen)
{
	if (!t)
		return;
	for (TSeen *s = seen; s; s = s->prev)
		if (s->t == t) {
			if (t->kind == TY_TYPEPARAM && tparam_in(tps, t))
				types[t->tparam.index] = NULL;
			return;
		}
	TSeen me = {t, seen};
	switch (t->kind) {
	case TY_ARRAY: cycle_find(tps, types, t->array.elem, &me); break;
	case TY_SLICE: cycle_find(tps, types, t->slice.elem, &me); break;
	case TY_POINTER: cycle_find(tps, types, t->pointer.elem, &me); break;
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->struct_.nfields; i++)
			cycle_find(tps, types, t->struct_.fields[i]->type, &me);
		break;
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.n; i++)
			cycle_find(tps, types, t->tuple.vars[i]->type, &me);
		break;
	case TY_SIGNATURE:
		cycle_find(tps, types, t->sig.params, &me);
		cycle_find(tps, types, t->sig.results, &me);
		break;
	case TY_UNION:
		for (uint32_t i = 0; i < t->union_.n; i++)
			cycle_find(tps, types, t->union_.terms[i].type, &me);
		break;
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.nmethods; i++)
			cycle_find(tps, types, t->iface.methods[i]->type, &me);
		for (uint32_t i = 0; i < t->iface.nembeddeds; i++)
			cycle_find(tps, types, t->iface.embeddeds[i], &me);
		break;
	case TY_MAP:
		cycle_find(tps, types, t->map.key, &me);
		cycle_find(tps, types, t->map.elem, &me);
		break;
	case TY_CHAN: cycle_find(tps, types, t->chan.elem, &me); break;
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.n; i++)
			cycle_find(tps, types, t->named.targs.v[i], &me);
		break;
	case TY_TYPEPARAM:
		if (tparam_in(tps, t) && types[t->tparam.index])
			cycle_find(tps, types, types[t->tparam.index], &me);
		break;
	default:
		break;
	}
}

/* go/types inferB: constraint type inference; .v == NULL after an error */
static TypeList infer_b(Checker *c, Pos pos, TypeList tparams, TypeList targs, int *index)
{
	Unifier *u = unifier_new(&c->scratch, tparams, false);
	unifier_share(u);
	for (uint32_t i = 0; i < targs.n; i++)
		if (targs.v[i])
			unifier_set(u, i, targs.v[i]);
	for (uint32_t n = unifier_unknowns(u); n > 0;) {
		uint32_t nn = n;
		for (uint32_t i = 0; i < tparams.n; i++) {
			Term core;
			bool single;
			if (!core_term(c, tparams.v[i], &core, &single))
				continue;
			Type *tx = unifier_at(u, i);
			if (tx) {
				if (core.tilde && tx->kind != TY_TYPEPARAM)
					tx = under(tx);
				if (!unify(u, tx, core.type)) {
					errorf(c, pos, "%s does not match %s%s", TS(tparams.v[i]), core.tilde ? "~" : "", TS(core.type));
					*index = 0;
					return (TypeList){0};
				}
			} else if (single && !core.tilde) {
				unifier_set(u, i, core.type);
			} else {
				continue;
			}
			nn = unifier_unknowns(u);
			if (nn == 0)
				break;
		}
		if (nn == n)
			break;
		n = nn;
	}
	int dummy;
	TypeList types = unifier_types(u, c->arena, &dummy);
	for (uint32_t i = 0; i < tparams.n; i++)
		cycle_find(tparams, types.v, tparams.v[i], NULL);
	/* substitute the inferred types into each other until nothing changes */
	bool *dirty = arena_alloc(&c->scratch, tparams.n + 1);
	uint32_t ndirty = 0;
	for (uint32_t i = 0; i < types.n; i++)
		if (types.v[i] && (i >= targs.n || !targs.v[i])) {
			dirty[i] = true;
			ndirty++;
		}
	for (int round = 0; ndirty > 0 && round < 32; round++) {
		Subst m = subst_map(c, tparams, types);
		ndirty = 0;
		for (uint32_t i = 0; i < types.n; i++) {
			if (!dirty[i])
				continue;
			Type *t0 = types.v[i];
			Type *t1 = subst(c, NoPos, t0, &m);
			if (t1 != t0 && !identical(t1, t0)) {
				types.v[i] = t1;
				ndirty++;
			} else {
				dirty[i] = false;
			}
		}
	}
	for (uint32_t i = 0; i < types.n; i++)
		if (types.v[i] && is_parameterized(tparams, types.v[i]))
			types.v[i] = NULL;
	*index = -1;
	for (uint32_t i = 0; i < types.n; i++)
		if (!types.v[i]) {
			*index = (int)i;
			break;
		}
	return types;
}

static void infer_error(Checker *c, Unifier *u, TypeList tparams, const char *kind, Type *tpar, Type *targ,
    Operand *arg)
{
	int index;
	TypeList targs = unifier_types(u, &c->scratch, &index);
	Pos at = arg->expr ? start_pos(arg->expr) : NoPos;
	if (index == 0) {
		bool allfailed = true;
		for (uint32_t i = 0; i < targs.n; i++)
			if (targs.v[i])
				allfailed = false;
		if (allfailed) {
			errorf(c, at, "%s %s of %s does not match %s (cannot infer %s)", kind, TS(targ), ES(arg->expr), TS(tpar),
			    tparams_string(c, tparams));
			return;
		}
	}
	Subst m = subst_map(c, tparams, targs);
	Type *inferred = subst(c, at, tpar, &m);
	if (inferred != tpar)
		errorf(c, at, "%s %s of %s does not match inferred type %s for %s", kind, TS(targ), ES(arg->expr),
		    TS(inferred), TS(tpar));
	else
		errorf(c, at, "%s %s of %s does not match %s", kind, TS(targ), ES(arg->expr), TS(tpar));
}

TypeList check_infer(Checker *c, Pos pos, TypeList tparams, TypeList targs, Type *params, Operand *args,
    uint32_t nargs)
{
	uint32_t n = tparams.n;
	if (targs.n == n)
		return targs;
	/* a recursive call of a generic function: rename its type parameters so that
	 * the ones being inferred differ from the ones in the arguments */
	Type *fsig = c->env.sig;
	if (fsig && fsig->sig.tparams.n > 0 && tparams.v[0] == fsig->sig.tparams.v[0]) {
		TypeList t2 = {arena_alloc(c->arena, (n + 1) * sizeof(Type *)), n};
		for (uint32_t i = 0; i < n; i++) {
			Object *o = tparams.v[i]->tparam.obj;
			Object *tn = new_typename(c->arena, o->pos, o->pkg, o->name, NULL);
			t2.v[i] = new_typeparam(c->arena, tn, NULL);
			t2.v[i]->tparam.index = tparams.v[i]->tparam.index;
		}
		Subst rm = {tparams.v, t2.v, n};
		for (uint32_t i = 0; i < n; i++)
			t2.v[i]->tparam.bound = subst(c, pos, tparams.v[i]->tparam.bound, &rm);
		tparams = t2;
		if (params)
			params = subst(c, pos, params, &rm);
	}
	/* arguments with named types first (go/types enableArgSorting) */
	Object **pv = NULL;
	Operand *av = args;
	if (nargs >= 2) {
		uint32_t nnamed = 0;
		for (uint32_t i = 0; i < nargs; i++)
			if (has_name(args[i].type))
				nnamed++;
		if (nnamed && nnamed < nargs) {
			pv = arena_alloc(&c->scratch, nargs * sizeof *pv);
			av = arena_alloc(&c->scratch, nargs * sizeof *av);
			uint32_t k = 0;
			for (int pass = 0; pass < 2; pass++)
				for (uint32_t i = 0; i < nargs; i++)
					if (has_name(args[i].type) == (pass == 0)) {
						pv[k] = params->tuple.vars[i];
						av[k] = args[i];
						k++;
					}
			params = new_tuple(&c->scratch, pv, nargs);
		}
	}
	TypeList all = {arena_alloc(c->arena, (n + 1) * sizeof(Type *)), n};
	for (uint32_t i = 0; i < targs.n; i++)
		all.v[i] = targs.v[i];
	if (params && params->tuple.n > 0) {
		Subst m = subst_map(c, tparams, all);
		params = subst(c, NoPos, params, &m);
	}
	Unifier *u = unifier_new(&c->scratch, tparams, false);
	for (uint32_t i = 0; i < n; i++)
		if (all.v[i])
			unifier_set(u, i, all.v[i]);
	uint32_t *indices = arena_alloc(&c->scratch, (nargs + 1) * sizeof *indices);
	uint32_t nindices = 0;
	for (uint32_t i = 0; i < nargs; i++) {
		Operand *arg = &av[i];
		Type *ptyp = params->tuple.vars[i]->type;
		if (!is_parameterized(tparams, ptyp))
			continue;
		if (arg->mode == MODE_INVALID)
			continue;
		if (is_typed(arg->type)) {
			if (!unify(u, ptyp, arg->type)) {
				infer_error(c, u, tparams, "type", ptyp, arg->type, arg);
				return (TypeList){0};
			}
		} else if (ptyp->kind == TY_TYPEPARAM) {
			indices[nindices++] = i;
		}
	}
	int index;
	TypeList res = unifier_types(u, c->arena, &index);
	if (index < 0)
		return res;
	res = infer_b(c, pos, tparams, res, &index);
	if (!res.v || index < 0)
		return res;
	for (uint32_t k = 0; k < nindices; k++) {
		Operand *arg = &av[indices[k]];
		Type *tpar = params->tuple.vars[indices[k]]->type;
		if (!res.v[tpar->tparam.index]) {
			Type *targ = type_default(arg->type);
			if (is_typed(targ) && !unify(u, tpar, targ)) {
				infer_error(c, u, tparams, "default type", tpar, targ, arg);
				return (TypeList){0};
			}
		}
	}
	res = unifier_types(u, c->arena, &index);
	if (index < 0)
		return res;
	res = infer_b(c, pos, tparams, res, &index);
	if (!res.v || index < 0)
		return res;
	Object *o = tparams.v[index]->tparam.obj;
	Position p = pos_adjusted(o->pos);
	errorf(c, pos, "cannot infer %s (%s:%d:%d)", o->name, p.filename, p.line, p.col);
	return (TypeList){0};
}
