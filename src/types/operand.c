/*
 * operand.c — operands and expressions as gc's messages print them:
 * syntax.String (cmd/compile/internal/syntax/printer.go in ShortForm:
 * function and composite literal bodies become "…") over goc's go/ast-shaped
 * tree, and types2's operandString ("x (variable of type int)").
 */
#include "expr.h"

Node *unparen(Node *e)
{
	while (e && e->kind == N_ParenExpr)
		e = e->paren.x;
	return e;
}

Pos start_pos(Node *e)
{
	while (e) {
		switch (e->kind) {
		case N_CompositeLit:
			if (!e->composite.type)
				return e->composite.lbrace;
			e = e->composite.type;
			break;
		case N_KeyValueExpr: return e->keyvalue.colon;
		case N_SliceExpr: return e->slice.lbrack;
		case N_SelectorExpr: e = e->selector.x; break;
		case N_IndexExpr: e = e->index.x; break;
		case N_IndexListExpr: e = e->indexlist.x; break;
		case N_TypeAssertExpr: e = e->typeassert.x; break;
		case N_BinaryExpr: e = e->binary.x; break;
		case N_CallExpr: e = e->call.fun; break;
		default: return node_pos(e);
		}
	}
	return NoPos;
}

static void wstr(Buf *b, Str s) { buf_put(b, s.p, s.n); }

static void write_list(Buf *b, List l)
{
	for (uint32_t i = 0; i < l.n; i++) {
		if (i)
			buf_puts(b, ", ");
		write_expr(b, l.v[i]);
	}
}

/* a parameter list "(a, b int, c string)" */
static void write_params(Buf *b, Node *fl, char open, char close)
{
	buf_putc(b, open);
	if (fl) {
		for (uint32_t i = 0; i < fl->fieldlist.list.n; i++) {
			Node *f = fl->fieldlist.list.v[i];
			if (i)
				buf_puts(b, ", ");
			for (uint32_t j = 0; j < f->field.names.n; j++) {
				if (j)
					buf_puts(b, ", ");
				wstr(b, f->field.names.v[j]->ident.name);
			}
			if (f->field.names.n)
				buf_putc(b, ' ');
			write_expr(b, unparen(f->field.type));
		}
	}
	buf_putc(b, close);
}

static void write_fsig(Buf *b, Node *ft)
{
	write_params(b, ft->functype.params, '(', ')');
	Node *res = ft->functype.results;
	if (res && res->fieldlist.list.n) {
		buf_putc(b, ' ');
		if (res->fieldlist.list.n == 1 && res->fieldlist.list.v[0]->field.names.n == 0)
			write_expr(b, res->fieldlist.list.v[0]->field.type);
		else
			write_params(b, res, '(', ')');
	}
}

void write_expr(Buf *b, Node *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case N_BadExpr:
		buf_puts(b, "<bad expr>");
		break;
	case N_Ident:
		wstr(b, e->ident.name);
		break;
	case N_BasicLit:
		wstr(b, e->lit.value);
		break;
	case N_Ellipsis:
		buf_puts(b, "...");
		write_expr(b, e->ellipsis.elt);
		break;
	case N_FuncLit:
		write_expr(b, e->funclit.type);
		buf_puts(b, " {");
		if (e->funclit.body && e->funclit.body->block.list.n)
			buf_puts(b, "…");
		buf_putc(b, '}');
		break;
	case N_CompositeLit:
		write_expr(b, e->composite.type);
		buf_putc(b, '{');
		if (e->composite.elts.n)
			buf_puts(b, "…");
		buf_putc(b, '}');
		break;
	case N_ParenExpr:
		buf_putc(b, '(');
		write_expr(b, e->paren.x);
		buf_putc(b, ')');
		break;
	case N_SelectorExpr:
		write_expr(b, e->selector.x);
		buf_putc(b, '.');
		write_expr(b, e->selector.sel);
		break;
	case N_IndexExpr:
		write_expr(b, e->index.x);
		buf_putc(b, '[');
		write_expr(b, e->index.index);
		buf_putc(b, ']');
		break;
	case N_IndexListExpr:
		write_expr(b, e->indexlist.x);
		buf_putc(b, '[');
		write_list(b, e->indexlist.indices);
		buf_putc(b, ']');
		break;
	case N_SliceExpr:
		write_expr(b, e->slice.x);
		buf_putc(b, '[');
		write_expr(b, e->slice.low);
		buf_putc(b, ':');
		write_expr(b, e->slice.high);
		if (e->slice.max) {
			buf_putc(b, ':');
			write_expr(b, e->slice.max);
		}
		buf_putc(b, ']');
		break;
	case N_TypeAssertExpr:
		write_expr(b, e->typeassert.x);
		buf_puts(b, ".(");
		if (e->typeassert.type)
			write_expr(b, e->typeassert.type);
		else
			buf_puts(b, "type");
		buf_putc(b, ')');
		break;
	case N_CallExpr:
		write_expr(b, e->call.fun);
		buf_putc(b, '(');
		write_list(b, e->call.args);
		if (e->call.ellipsis)
			buf_puts(b, "...");
		buf_putc(b, ')');
		break;
	case N_StarExpr:
		buf_putc(b, '*');
		write_expr(b, e->star.x);
		break;
	case N_UnaryExpr:
		buf_puts(b, TOK_NAME(e->unary.op));
		write_expr(b, e->unary.x);
		break;
	case N_BinaryExpr:
		write_expr(b, e->binary.x);
		buf_putc(b, ' ');
		buf_puts(b, TOK_NAME(e->binary.op));
		buf_putc(b, ' ');
		write_expr(b, e->binary.y);
		break;
	case N_KeyValueExpr:
		write_expr(b, e->keyvalue.key);
		buf_puts(b, ": ");
		write_expr(b, e->keyvalue.value);
		break;
	case N_ArrayType:
		buf_putc(b, '[');
		if (e->arraytype.len) {
			if (e->arraytype.len->kind == N_Ellipsis && !e->arraytype.len->ellipsis.elt)
				buf_puts(b, "...");
			else
				write_expr(b, e->arraytype.len);
		}
		buf_putc(b, ']');
		write_expr(b, e->arraytype.elt);
		break;
	case N_StructType: {
		buf_puts(b, "struct{");
		Node *fl = e->structtype.fields;
		for (uint32_t i = 0; fl && i < fl->fieldlist.list.n; i++) {
			Node *f = fl->fieldlist.list.v[i];
			if (i)
				buf_puts(b, "; ");
			for (uint32_t j = 0; j < f->field.names.n; j++) {
				if (j)
					buf_puts(b, ", ");
				wstr(b, f->field.names.v[j]->ident.name);
			}
			if (f->field.names.n)
				buf_putc(b, ' ');
			write_expr(b, f->field.type);
			if (f->field.tag) {
				buf_putc(b, ' ');
				write_expr(b, f->field.tag);
			}
		}
		buf_putc(b, '}');
		break;
	}
	case N_FuncType:
		buf_puts(b, "func");
		write_fsig(b, e);
		break;
	case N_InterfaceType: {
		buf_puts(b, "interface{");
		Node *fl = e->ifacetype.methods;
		for (uint32_t i = 0; fl && i < fl->fieldlist.list.n; i++) {
			Node *f = fl->fieldlist.list.v[i];
			if (i)
				buf_puts(b, "; ");
			if (f->field.names.n && f->field.type->kind == N_FuncType) {
				wstr(b, f->field.names.v[0]->ident.name);
				write_fsig(b, f->field.type);
			} else {
				write_expr(b, f->field.type);
			}
		}
		buf_putc(b, '}');
		break;
	}
	case N_MapType:
		buf_puts(b, "map[");
		write_expr(b, e->maptype.key);
		buf_putc(b, ']');
		write_expr(b, e->maptype.value);
		break;
	case N_ChanType: {
		if (e->chantype.dir == CHAN_RECV)
			buf_puts(b, "<-");
		buf_puts(b, "chan");
		if (e->chantype.dir == CHAN_SEND)
			buf_puts(b, "<-");
		buf_putc(b, ' ');
		Node *el = e->chantype.value;
		if (e->chantype.dir == CHAN_BOTH && el && el->kind == N_ChanType && el->chantype.dir == CHAN_RECV) {
			buf_putc(b, '(');
			write_expr(b, el);
			buf_putc(b, ')');
		} else {
			write_expr(b, el);
		}
		break;
	}
	default:
		buf_printf(b, "<%s>", node_kind_names[e->kind]);
		break;
	}
}

static const char *buf_to_scratch(Checker *c, Buf *b)
{
	const char *s = arena_strndup(&c->scratch, b->p ? b->p : "", b->n);
	buf_free(b);
	return s;
}

const char *expr_str(Checker *c, Node *e)
{
	Buf b = {0};
	write_expr(&b, e);
	return buf_to_scratch(c, &b);
}

static const char *const mode_names[] = {
	"invalid operand", "no value", "built-in", "type", "constant", "variable", "map index expression", "value",
	"comma, ok expression",
};

void operand_string(Checker *c, Buf *b, Operand *x)
{
	/* nil (go/types keeps it untyped; types2's nilvalue prints so) */
	if (x->mode == MODE_VALUE && x->type && is_basic_kind(x->type, BK_UNTYPED_NIL)) {
		buf_puts(b, "nil");
		return;
	}
	size_t start = b->n;
	bool hasexpr = false;
	if (x->expr) {
		write_expr(b, x->expr);
		hasexpr = true;
	} else if (x->mode == MODE_BUILTIN) {
		buf_puts(b, builtin_names[x->builtin]);
		hasexpr = true;
	} else if (x->mode == MODE_TYPEXPR) {
		buf_puts(b, type_str(c, x->type));
		hasexpr = true;
	} else if (x->mode == MODE_CONSTANT) {
		const_format(b, x->val);
		hasexpr = true;
	}
	size_t exprlen = b->n - start;
	if (hasexpr && exprlen == 0)
		hasexpr = false;
	if (hasexpr)
		buf_puts(b, " (");
	bool hastype = false;
	switch (x->mode) {
	case MODE_INVALID: case MODE_NOVALUE: case MODE_BUILTIN: case MODE_TYPEXPR:
		break;
	default:
		if (x->type) {
			if (is_untyped(x->type)) {
				buf_puts(b, x->type->basic.name);
				buf_putc(b, ' ');
				break;
			}
			hastype = true;
		}
	}
	buf_puts(b, mode_names[x->mode]);
	if (x->mode == MODE_CONSTANT) {
		Buf v = {0};
		const_format(&v, x->val);
		if (!hasexpr || v.n != exprlen || memcmp(v.p, b->p + start, exprlen) != 0) {
			buf_putc(b, ' ');
			buf_put(b, v.p ? v.p : "", v.n);
		}
		buf_free(&v);
	}
	if (hastype) {
		if (x->type != typ_invalid) {
			buf_puts(b, is_generic(x->type) ? " of parameterized type " : " of type ");
			buf_puts(b, type_str(c, x->type));
			if (x->type->kind == TY_TYPEPARAM && x->type->tparam.bound) {
				buf_puts(b, " constrained by ");
				buf_puts(b, type_str(c, x->type->tparam.bound));
			}
		} else {
			buf_puts(b, " with invalid type");
		}
	}
	if (hasexpr)
		buf_putc(b, ')');
}

const char *operand_str(Checker *c, Operand *x)
{
	Buf b = {0};
	operand_string(c, &b, x);
	return buf_to_scratch(c, &b);
}

const char *types_summary(Checker *c, Type **v, uint32_t n, bool variadic)
{
	Buf b = {0};
	buf_putc(&b, '(');
	for (uint32_t i = 0; i < n; i++) {
		Type *t = v[i];
		if (i)
			buf_puts(&b, ", ");
		if (!t || t == typ_invalid) {
			buf_puts(&b, "<T>");
		} else if (is_untyped(t)) {
			if (is_numeric(t))
				buf_puts(&b, "number");
			else
				buf_puts(&b, t->basic.name + 8); /* drop "untyped " */
		} else if (variadic && i == n - 1 && t->kind == TY_SLICE) {
			buf_puts(&b, "...");
			buf_puts(&b, type_str(c, t->slice.elem));
		} else {
			buf_puts(&b, type_str(c, t));
		}
	}
	buf_putc(&b, ')');
	return buf_to_scratch(c, &b);
}

/* types2 missingMethodReason (gc's wording: "(missing M method)", "(M method
 * has pointer receiver)", "(wrong type for M method)\n\t\thave ...\n\t\twant ...") */
void missing_method_reason(Checker *c, Buf *b, Type *V, Type *T, Object *m, bool wrong)
{
	Object *alt = NULL;
	if (wrong) {
		Lookup r = lookup_field_or_method(&c->scratch, V, false, m->pkg, m->name);
		if (r.obj && r.obj->kind == OBJ_FUNC) {
			alt = r.obj;
		} else if (!is_interface(V)) {
			Lookup r2 = lookup_field_or_method(&c->scratch, new_pointer(&c->scratch, V), false, m->pkg, m->name);
			if (r2.obj && r2.obj->kind == OBJ_FUNC)
				alt = r2.obj;
			else
				alt = lookup_method_fold(V, m->pkg, m->name);
		}
	}
	Qualifier q = {c->pkg, true, false};
	if (alt && alt->type && alt->name != m->name) {
		buf_printf(b, "(missing %s method)\n\t\thave %s", m->name, alt->name);
		write_signature(b, alt->type, &q);
		buf_printf(b, "\n\t\twant %s", m->name);
		write_signature(b, m->type, &q);
		return;
	}
	if (alt && alt->type) {
		if (identical(alt->type, m->type)) {
			buf_printf(b, "(%s method has pointer receiver)", m->name);
			return;
		}
		buf_printf(b, "(wrong type for %s method)\n\t\thave %s", m->name, alt->name);
		write_signature(b, alt->type, &q);
		buf_printf(b, "\n\t\twant %s", m->name);
		write_signature(b, m->type, &q);
		return;
	}
	Type *vu = under(V), *tu = under(T);
	if (vu->kind == TY_POINTER && is_interface(vu->pointer.elem)) {
		buf_printf(b, "(type %s is pointer to %s, not %s)", type_str(c, V),
		    vu->pointer.elem->kind == TY_TYPEPARAM ? "type parameter" : "interface",
		    vu->pointer.elem->kind == TY_TYPEPARAM ? "type parameter" : "interface");
		return;
	}
	if (tu->kind == TY_POINTER && is_interface(tu->pointer.elem)) {
		buf_printf(b, "(type %s is pointer to %s, not %s)", type_str(c, T),
		    tu->pointer.elem->kind == TY_TYPEPARAM ? "type parameter" : "interface",
		    tu->pointer.elem->kind == TY_TYPEPARAM ? "type parameter" : "interface");
		return;
	}
	buf_printf(b, "(missing %s method)", m->name);
}
