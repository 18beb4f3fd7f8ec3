/*
 * typestring.c — types as go/types' TypeString prints them (typestring.go):
 * "; " between struct fields and interface elements, ", " in lists,
 * parameter names in signatures, "any" for the predeclared any, package
 * qualifiers chosen by a Qualifier (import path, as RelativeTo does, or
 * package name, as gc's messages do).
 */
#include "types.h"

typedef struct Writer {
	Buf *b;
	const Qualifier *q;
	int depth;
} Writer;

static void wtype(Writer *w, Type *t);

static void wbyte(Writer *w, char c)
{
	buf_putc(w->b, c);
	if (c == ',' || c == ';')
		buf_putc(w->b, ' ');
}

static void wpkg(Writer *w, TPackage *pkg)
{
	if (!pkg)
		return;
	if (w->q && w->q->rel == pkg)
		return;
	buf_puts(w->b, w->q && w->q->byname ? pkg->name : pkg->path);
	buf_putc(w->b, '.');
}

static void wtypename(Writer *w, Object *obj)
{
	wpkg(w, obj->pkg);
	buf_puts(w->b, obj->name);
}

static void wtuple(Writer *w, Type *tup, bool variadic)
{
	buf_putc(w->b, '(');
	if (tup) {
		for (uint32_t i = 0; i < tup->tuple.n; i++) {
			Object *v = tup->tuple.vars[i];
			if (i > 0)
				wbyte(w, ',');
			if (v->name && v->name[0]) {
				buf_puts(w->b, v->name);
				buf_putc(w->b, ' ');
			}
			Type *typ = v->type;
			if (variadic && i == tup->tuple.n - 1) {
				if (typ->kind == TY_SLICE) {
					buf_puts(w->b, "...");
					typ = typ->slice.elem;
				} else {
					wtype(w, typ);
					buf_puts(w->b, "...");
					continue;
				}
			}
			wtype(w, typ);
		}
	}
	buf_putc(w->b, ')');
}

static void wtparams(Writer *w, TypeList l)
{
	buf_putc(w->b, '[');
	Type *prev = NULL;
	for (uint32_t i = 0; i < l.n; i++) {
		Type *tp = l.v[i];
		if (i > 0) {
			if (tp->tparam.bound != prev) {
				buf_putc(w->b, ' ');
				wtype(w, prev);
			}
			wbyte(w, ',');
		}
		prev = tp->tparam.bound;
		wtype(w, tp);
	}
	if (prev) {
		buf_putc(w->b, ' ');
		wtype(w, prev);
	}
	buf_putc(w->b, ']');
}

static void wsignature(Writer *w, Type *sig)
{
	if (sig->sig.tparams.n)
		wtparams(w, sig->sig.tparams);
	wtuple(w, sig->sig.params, sig->sig.variadic);
	uint32_t n = sig->sig.results->tuple.n;
	if (n == 0)
		return;
	buf_putc(w->b, ' ');
	Object *r0 = sig->sig.results->tuple.vars[0];
	if (n == 1 && (!r0->name || !r0->name[0])) {
		wtype(w, r0->type);
		return;
	}
	wtuple(w, sig->sig.results, false);
}

static void wtypelist(Writer *w, TypeList l)
{
	buf_putc(w->b, '[');
	for (uint32_t i = 0; i < l.n; i++) {
		if (i > 0)
			wbyte(w, ',');
		wtype(w, l.v[i]);
	}
	buf_putc(w->b, ']');
}

static void wtype(Writer *w, Type *t)
{
	if (!t) {
		buf_puts(w->b, "<nil>");
		return;
	}
	if (w->depth > 64) {
		buf_puts(w->b, "<cycle>");
		return;
	}
	w->depth++;
	switch (t->kind) {
	case TY_BASIC:
		if (t->basic.kind == BK_UNSAFE_POINTER) {
			wpkg(w, unsafe_pkg);
			buf_puts(w->b, "Pointer");
			break;
		}
		buf_puts(w->b, w->q && w->q->canon ? basic_kind_names[t->basic.kind] : t->basic.name);
		break;
	case TY_ARRAY:
		buf_printf(w->b, "[%lld]", (long long)t->array.len);
		wtype(w, t->array.elem);
		break;
	case TY_SLICE:
		buf_puts(w->b, "[]");
		wtype(w, t->slice.elem);
		break;
	case TY_STRUCT:
		buf_puts(w->b, "struct{");
		for (uint32_t i = 0; i < t->struct_.nfields; i++) {
			Object *f = t->struct_.fields[i];
			if (i > 0)
				wbyte(w, ';');
			if (!(f->flags & OF_EMBEDDED)) {
				buf_puts(w->b, f->name);
				buf_putc(w->b, ' ');
			}
			wtype(w, f->type);
			const char *tag = t->struct_.tags ? t->struct_.tags[i] : NULL;
			if (tag && tag[0]) {
				buf_putc(w->b, ' ');
				go_quote(w->b, tag, strlen(tag));
			}
		}
		buf_putc(w->b, '}');
		break;
	case TY_POINTER:
		buf_putc(w->b, '*');
		wtype(w, t->pointer.elem);
		break;
	case TY_TUPLE:
		wtuple(w, t, false);
		break;
	case TY_SIGNATURE:
		buf_puts(w->b, "func");
		wsignature(w, t);
		break;
	case TY_UNION:
		for (uint32_t i = 0; i < t->union_.n; i++) {
			if (i > 0)
				buf_putc(w->b, '|');
			if (t->union_.terms[i].tilde)
				buf_putc(w->b, '~');
			wtype(w, t->union_.terms[i].type);
		}
		break;
	case TY_INTERFACE: {
		if (t == typ_any) {
			buf_puts(w->b, "any");
			break;
		}
		if (t == typ_comparable->named.underlying) {
			buf_puts(w->b, "interface{comparable}");
			break;
		}
		if (t->iface.implicit) {
			if (t->iface.nmethods == 0 && t->iface.nembeddeds == 1) {
				wtype(w, t->iface.embeddeds[0]);
				break;
			}
			buf_puts(w->b, "/* implicit */ ");
		}
		buf_puts(w->b, "interface{");
		bool first = true;
		for (uint32_t i = 0; i < t->iface.nmethods; i++) {
			if (!first)
				wbyte(w, ';');
			first = false;
			buf_puts(w->b, t->iface.methods[i]->name);
			wsignature(w, t->iface.methods[i]->type);
		}
		for (uint32_t i = 0; i < t->iface.nembeddeds; i++) {
			if (!first)
				wbyte(w, ';');
			first = false;
			wtype(w, t->iface.embeddeds[i]);
		}
		buf_putc(w->b, '}');
		break;
	}
	case TY_MAP:
		buf_puts(w->b, "map[");
		wtype(w, t->map.key);
		buf_putc(w->b, ']');
		wtype(w, t->map.elem);
		break;
	case TY_CHAN: {
		bool parens = false;
		switch (t->chan.dir) {
		case CHAN_SENDRECV:
			buf_puts(w->b, "chan ");
			parens = t->chan.elem->kind == TY_CHAN && t->chan.elem->chan.dir == CHAN_RECVONLY;
			break;
		case CHAN_SENDONLY: buf_puts(w->b, "chan<- "); break;
		default: buf_puts(w->b, "<-chan "); break;
		}
		if (parens)
			buf_putc(w->b, '(');
		wtype(w, t->chan.elem);
		if (parens)
			buf_putc(w->b, ')');
		break;
	}
	case TY_NAMED:
		wtypename(w, t->named.obj);
		if (t->named.targs.n)
			wtypelist(w, t->named.targs);
		else if (t->named.tparams.n)
			wtparams(w, t->named.tparams);
		break;
	case TY_TYPEPARAM:
		buf_puts(w->b, t->tparam.obj ? t->tparam.obj->name : "<unnamed type parameter>");
		break;
	}
	w->depth--;
}

void write_type(Buf *b, Type *t, const Qualifier *q)
{
	Writer w = {b, q, 0};
	wtype(&w, t);
}

void write_signature(Buf *b, Type *sig, const Qualifier *q)
{
	Writer w = {b, q, 0};
	wsignature(&w, sig);
}

void write_tparams(Buf *b, TypeList tparams, const Qualifier *q)
{
	Writer w = {b, q, 0};
	wtparams(&w, tparams);
}

const char *type_str(Checker *c, Type *t)
{
	Buf b = {0};
	Qualifier q = {c ? c->pkg : NULL, true, false};
	write_type(&b, t, &q);
	char *s = arena_strndup(c ? &c->scratch : NULL, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}
