/*
 * print.c — amd64 instructions in Go's assembler syntax, as gc's -S
 * listing prints them (cmd/internal/obj's Prog and Addr formatting):
 * "MOVQ\t8(SP), AX", "LEAQ\ttype.int(SB), AX", "CMPQ\tAX, $10", "JLT\t42".
 *
 * gc's assembler renames the registers of byte operations to byte
 * registers before the listing is printed (SETEQ AL, CMPB CL, AL,
 * MOVBQSX CL, DX); the printer does the same from the matched form.
 */
#include "amd64.h"

static const char *const regnames[REG_COUNT] = {
	"NONE", "AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI",
	"R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15",
	"X0", "X1", "X2", "X3", "X4", "X5", "X6", "X7",
	"X8", "X9", "X10", "X11", "X12", "X13", "X14", "X15",
	"Y0", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7",
	"Y8", "Y9", "Y10", "Y11", "Y12", "Y13", "Y14", "Y15",
};
static const char *const regnames8[16] = {
	"AL", "CL", "DL", "BL", "SPB", "BPB", "SIB", "DIB",
	"R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B",
};

const char *amd64_regname(int r) { return r >= 0 && r < REG_COUNT ? regnames[r] : "?"; }

const char *amd64_regname8(int r) { return reg_isgpr(r) ? regnames8[reg_hw(r)] : amd64_regname(r); }

/* Go's offConv: nothing for 0, else a signed offset (+8, -16). */
static void offconv(Buf *out, int64_t off)
{
	if (off)
		buf_printf(out, "%+lld", (long long)off);
}

/* sym+off(SB), sym<>+off(SB), x+8(SP), x+24(FP) and their base-less forms */
static void print_name(Buf *out, const AOperand *o)
{
	const char *reg = NULL;
	switch (o->name) {
	case NAME_EXTERN:
	case NAME_STATIC:
		reg = o->reg != REG_NONE ? amd64_regname(o->reg) : "SB";
		if (o->sym)
			buf_puts(out, o->sym);
		if (o->name == NAME_STATIC)
			buf_puts(out, "<>");
		break;
	case NAME_TLS:
		buf_puts(out, "(TLS)");
		return;
	case NAME_AUTO:
		reg = "SP";
		if (o->sym)
			buf_puts(out, o->sym);
		break;
	case NAME_PARAM:
		reg = "FP";
		if (o->sym)
			buf_puts(out, o->sym);
		break;
	default:
		if (o->reg == REG_NONE)
			buf_printf(out, "%lld", (long long)o->off);
		else if (o->off == 0)
			buf_printf(out, "(%s)", amd64_regname(o->reg));
		else
			buf_printf(out, "%lld(%s)", (long long)o->off, amd64_regname(o->reg));
		return;
	}
	offconv(out, o->off);
	buf_printf(out, "(%s)", reg);
}

void amd64_print_operand(Buf *out, const AOperand *o, bool byte)
{
	switch (o->kind) {
	case OPD_REG:
		buf_puts(out, byte ? amd64_regname8(o->reg) : amd64_regname(o->reg));
		break;
	case OPD_IMM:
		buf_putc(out, '$');
		if (o->name != NAME_NONE)
			print_name(out, o);
		else
			buf_printf(out, "%lld", (long long)o->off);
		break;
	case OPD_MEM:
		print_name(out, o);
		if (o->index != REG_NONE)
			buf_printf(out, "(%s*%d)", amd64_regname(o->index), o->scale);
		break;
	case OPD_BRANCH:
		if (o->sym) {
			/* gc prints a branch to a static x<> of the assembler as x(SB) */
			size_t n = strlen(o->sym);
			if (n > 2 && strcmp(o->sym + n - 2, "<>") == 0)
				n -= 2;
			buf_printf(out, "%.*s(SB)", (int)n, o->sym);
		}
		else
			buf_printf(out, "%lld", (long long)o->off);
		break;
	}
}

static bool byte_class(int c) { return c == AC_R8 || c == AC_RM8 || c == AC_A8; }

void amd64_print(Buf *out, const AInst *in)
{
	const char *name = in->op > A_NONE && in->op < A_COUNT ? amd64_ops[in->op].name : "?";
	buf_puts(out, name);
	const AForm *f = amd64_form(in);
	const AOperand *o[4] = {&in->from, &in->from3, &in->from4, &in->to};
	const int cls[4] = {0, 1, -1, 2}; /* index into f->cls; -1: cls4 */
	const char *sep = "\t";
	for (int i = 0; i < 4; i++) {
		if (o[i]->kind == OPD_NONE)
			continue;
		int c = !f ? AC_NONE : cls[i] < 0 ? f->cls4 : f->cls[cls[i]];
		bool byte = f && o[i]->kind == OPD_REG && reg_isgpr(o[i]->reg) &&
		            (byte_class(c) || (f->flags & FORM_PB));
		buf_puts(out, sep);
		amd64_print_operand(out, o[i], byte);
		sep = ", ";
	}
}
