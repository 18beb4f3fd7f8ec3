/*
 * ssa_print.c — the text form of the IR (see ssa.h), one line per value,
 * as gc prints with GOSSAFUNC; ssa_parse.c reads it back.
 */
#include "ssa.h"

/* shortest %g form that reads back as d */
const char *ssa_fmt_float(char *buf, size_t n, double d)
{
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return buf;
}

static double bits2f(int64_t x)
{
	double d;
	memcpy(&d, &x, sizeof d);
	return d;
}

static void put_quoted(Buf *b, Str s)
{
	buf_putc(b, '"');
	for (uint32_t i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\x%02x", c);
			else
				buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

static void put_line(Buf *b, uint32_t line)
{
	if (line)
		buf_printf(b, "(%u)", line);
	else
		buf_puts(b, "(?)");
}

void ssa_print_value(Buf *b, Value *v)
{
	const OpInfo *oi = &ssa_ops[v->op];
	buf_printf(b, "v%u ", v->id);
	put_line(b, v->line);
	buf_printf(b, " = %s <%s>", oi->name, v->type ? v->type->name : "?");
	char fb[64];
	switch (oi->auxkind) {
	case AUX_BOOL: buf_printf(b, " [%s]", v->auxint ? "true" : "false"); break;
	case AUX_INT8: case AUX_INT16: case AUX_INT32: case AUX_INT64: case AUX_SIZE:
		buf_printf(b, " [%lld]", (long long)v->auxint);
		break;
	case AUX_F32: case AUX_F64:
		buf_printf(b, " [%s]", ssa_fmt_float(fb, sizeof fb, bits2f(v->auxint)));
		break;
	case AUX_STR:
		buf_puts(b, " {");
		put_quoted(b, v->aux ? v->aux->s : (Str){"", 0});
		buf_putc(b, '}');
		break;
	case AUX_SYM:
		if (v->aux)
			buf_printf(b, " {%.*s}", (int)v->aux->s.n, v->aux->s.p);
		break;
	case AUX_SYMOFF: case AUX_CALL:
		if (v->aux)
			buf_printf(b, " {%.*s}", (int)v->aux->s.n, v->aux->s.p);
		if (v->auxint || oi->auxkind == AUX_CALL)
			buf_printf(b, " [%lld]", (long long)v->auxint);
		break;
	}
	for (int i = 0; i < v->nargs; i++)
		buf_printf(b, " v%u", v->args[i]->id);
}

static void print_block(Buf *b, Block *bl)
{
	buf_printf(b, "b%u:", bl->id);
	if (bl->npreds) {
		buf_puts(b, " <-");
		for (int i = 0; i < bl->npreds; i++)
			buf_printf(b, " b%u", bl->preds[i].b->id);
	}
	buf_putc(b, '\n');
	for (int i = 0; i < bl->nvalues; i++) {
		buf_puts(b, "  ");
		ssa_print_value(b, bl->values[i]);
		buf_putc(b, '\n');
	}
	buf_printf(b, "  %s", ssa_blocks[bl->kind].name);
	for (int i = 0; i < bl->ncontrols; i++)
		if (bl->controls[i])
			buf_printf(b, " v%u", bl->controls[i]->id);
	if (bl->nsuccs) {
		buf_puts(b, " ->");
		for (int i = 0; i < bl->nsuccs; i++)
			buf_printf(b, " b%u", bl->succs[i].b->id);
	}
	if (bl->likely > 0)
		buf_puts(b, " (likely)");
	else if (bl->likely < 0)
		buf_puts(b, " (unlikely)");
	if (bl->line)
		buf_printf(b, " (%u)", bl->line);
	buf_putc(b, '\n');
}

void ssa_sprint(Buf *b, Func *f)
{
	buf_printf(b, "func %s\n", f->name);
	for (int i = 0; i < f->nblocks; i++)
		print_block(b, f->blocks[i]);
}

void ssa_fprint(FILE *out, Func *f)
{
	Buf b = {0};
	ssa_sprint(&b, f);
	fwrite(b.p, 1, b.n, out);
	buf_free(&b);
}
