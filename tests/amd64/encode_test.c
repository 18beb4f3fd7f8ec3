/*
 * encode_test.c — tests of goc's amd64 encoder and printer.
 *
 *   encode_test gen DIR      every opcode × form × a sweep of registers,
 *                            memory operands and edge immediates: writes
 *                            DIR/goc.bin (goc's bytes), DIR/cases.txt,
 *                            DIR/cases.s (the same in AT&T syntax, one label
 *                            per case) and DIR/goc.rel (goc's relocations)
 *   encode_test compare DIR  after run.sh has assembled cases.s with GNU as
 *                            and disassembled both binaries with objdump:
 *                            per case, objdump's text of goc's bytes must
 *                            equal objdump's text of as's bytes, goc's
 *                            relocations must equal as's, and bytes are
 *                            compared (a different but equivalent encoding
 *                            is counted apart, not as a failure)
 *   encode_test bench        encoder throughput (ns per instruction)
 *   encode_test golden FILE  instructions from gc's -S listings (Go syntax,
 *                            bytes, relocations; see mkgolden.sh): goc must
 *                            print them back identically and encode them to
 *                            gc's bytes
 */
#include "../../src/amd64/amd64.h"

#include <ctype.h>
#include <errno.h>
#include <time.h>

/* ---------- AT&T rendering of a case (what goc means) ---------- */

static const char *const gpr64[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                      "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
static const char *const gpr32[16] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
                                      "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
static const char *const gpr16[16] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
                                      "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
static const char *const gpr8[16] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
                                     "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};

static int class_size(int c)
{
	switch (c) {
	case AC_R8: case AC_RM8: case AC_A8: case AC_CL: return 8;
	case AC_R16: case AC_RM16: case AC_A16: return 16;
	case AC_R32: case AC_RM32: case AC_A32: return 32;
	default: return 64;
	}
}

static void att_operand(Buf *b, const AOperand *o, int cls, int64_t pc)
{
	switch (o->kind) {
	case OPD_REG:
		if (reg_isxmm(o->reg)) {
			buf_printf(b, "%%xmm%d", reg_hw(o->reg));
		} else if (reg_isymm(o->reg)) {
			buf_printf(b, "%%ymm%d", reg_hw(o->reg));
		} else {
			int h = reg_hw(o->reg), sz = class_size(cls);
			buf_printf(b, "%%%s", sz == 8 ? gpr8[h] : sz == 16 ? gpr16[h] : sz == 32 ? gpr32[h] : gpr64[h]);
		}
		break;
	case OPD_IMM:
		if (o->sym)
			buf_printf(b, "$%s%+lld", o->sym, (long long)o->off);
		else
			buf_printf(b, "$%lld", (long long)o->off);
		break;
	case OPD_MEM:
		if (o->sym && (o->name == NAME_EXTERN || o->name == NAME_STATIC))
			buf_printf(b, "%s%+lld", o->sym, (long long)o->off);
		else
			buf_printf(b, "%lld", (long long)o->off);
		if (o->reg == REG_NONE && o->index == REG_NONE && o->sym)
			buf_puts(b, "(%rip)");
		else if (o->reg != REG_NONE || o->index != REG_NONE) {
			buf_putc(b, '(');
			if (o->reg != REG_NONE)
				buf_printf(b, "%%%s", gpr64[reg_hw(o->reg)]);
			if (o->index != REG_NONE)
				buf_printf(b, ",%%%s,%d", gpr64[reg_hw(o->index)], o->scale);
			buf_putc(b, ')');
		}
		break;
	case OPD_BRANCH:
		if (o->sym)
			buf_puts(b, o->sym);
		else
			buf_printf(b, ".%+lld", (long long)(o->off - pc));
		break;
	}
}

static void att_inst(Buf *b, const AInst *in, const AForm *f, int64_t pc)
{
	const AOpInfo *oi = &amd64_ops[in->op];
	if (in->op == A_XCHGL && in->from.kind == OPD_REG && in->from.reg == REG_AX &&
	    in->to.kind == OPD_REG && in->to.reg == REG_AX) {
		buf_puts(b, "nop"); /* gc's XCHGL AX, AX is the one-byte NOP (0x90) */
		return;
	}
	if (f->cls[2] == AC_REL32 && !in->to.sym)
		buf_puts(b, "{disp32} ");
	buf_puts(b, f->att ? f->att : oi->att);
	const AOperand *o[4] = {&in->from, &in->from3, &in->to, &in->from4};
	int order[4] = {0, 1, 3, 2}; /* AT&T writes gc's four operands in gc's order */
	if (f->flags & FORM_CMP)
		order[0] = 2, order[1] = 1, order[2] = 3, order[3] = 0;
	if (f->imm == SLOT_TO && f->cls[1] != AC_NONE) /* gc's CMPSD X1, X0, $imm */
		order[0] = 2, order[1] = 0, order[2] = 1, order[3] = 3;
	const char *sep = " ";
	for (int k = 0; k < 4; k++) {
		int i = order[k];
		if (o[i]->kind == OPD_NONE)
			continue;
		buf_puts(b, sep);
		if (o[i]->kind == OPD_REG && (in->op == A_JMP || in->op == A_CALL))
			buf_putc(b, '*');
		if (o[i]->kind == OPD_MEM && (in->op == A_JMP || in->op == A_CALL))
			buf_putc(b, '*');
		att_operand(b, o[i], i == 3 ? f->cls4 : f->cls[i], pc);
		sep = ", ";
	}
}

/* ---------- operand sweeps ---------- */

#define MAXV 96
typedef struct OpList {
	AOperand v[MAXV];
	int n;
} OpList;

static void add(OpList *l, AOperand o)
{
	if (l->n < MAXV)
		l->v[l->n++] = o;
}

static void mems(OpList *l, int salt)
{
	static const int64_t disps[] = {0, 1, -1, 127, -128, 128, -129, 0x12345678, INT32_MIN, INT32_MAX};
	/* every base with no displacement (SP, R12: SIB; BP, R13: disp8 0) */
	for (int b = REG_AX; b <= REG_R15; b++)
		add(l, opd_mem(b, 0));
	/* displacement sizes on special and ordinary bases */
	static const int bases[] = {REG_AX, REG_SP, REG_BP, REG_R12, REG_R13, REG_R9};
	for (size_t i = 0; i < NELEM(disps); i++)
		add(l, opd_mem(bases[(i + (size_t)salt) % NELEM(bases)], disps[i]));
	/* every index, every scale */
	for (int x = REG_AX; x <= REG_R15; x++) {
		if (x == REG_SP)
			continue;
		int b = REG_AX + (x + salt) % 16;
		add(l, opd_memx(b, x, 1 << ((x + salt) & 3), x & 1 ? 8 : 0));
	}
	add(l, opd_memx(REG_BP, REG_R13, 8, 0));
	add(l, opd_memx(REG_R13, REG_BP, 4, 0));
	add(l, opd_memx(REG_SP, REG_R12, 2, -200));
	add(l, opd_memx(REG_R12, REG_SP + 1, 1, 100));
	/* no base: index*scale + disp32, absolute disp32 */
	add(l, opd_memx(REG_NONE, REG_CX, 8, 16));
	add(l, opd_memx(REG_NONE, REG_R11, 2, -4096));
	add(l, opd_mem(REG_NONE, 0x1000));
	/* symbols: RIP-relative, absolute with an index */
	add(l, opd_sym("goc.sym", 0));
	add(l, opd_sym("goc.sym", 24));
	AOperand o = opd_sym("goc.tab", 8);
	o.index = REG_R10, o.scale = 8;
	add(l, o);
	o = opd_sym("goc.tab2", -8);
	o.reg = REG_DX;
	add(l, o);
	/* stack slots (named for the listing only) */
	o = opd_mem(REG_SP, 16);
	o.name = NAME_AUTO, o.sym = "main.x";
	add(l, o);
	o = opd_mem(REG_SP, 40);
	o.name = NAME_PARAM, o.sym = "main.a";
	add(l, o);
}

static void imms(OpList *l, int c)
{
	static const int64_t i8[] = {-128, -1, 0, 1, 2, 127};
	static const int64_t u8[] = {0, 1, 2, 63, 127, 128, 255};
	static const int64_t is8[] = {-128, -1, 0, 127, 128, 255};
	/* no 0xffff or 0xfffffff0 in 16/32-bit operations: GNU as takes them
	 * as the imm8 -1/-16, gc (and goc) as full immediates (run.sh) */
	static const int64_t is16[] = {-32768, -129, 128, 32767, 32768, 40000};
	static const int64_t is32[] = {INT32_MIN, -129, 128, 1000, INT32_MAX, 0x80000000LL, 0xfffff000LL};
	static const int64_t is64[] = {INT32_MIN, -129, 128, 1000, INT32_MAX};
	static const int64_t u32n[] = {0x80000000LL, 0xfffffff0LL, 0xffffffffLL};
	static const int64_t i64[] = {0x100000000LL, INT64_MIN, INT64_MAX, -0x80000001LL, 0x123456789abcdefLL};
#define ADDV(a) for (size_t i = 0; i < NELEM(a); i++) add(l, opd_imm(a[i]))
	switch (c) {
	case AC_ONE: add(l, opd_imm(1)); break;
	case AC_I8: ADDV(i8); break;
	case AC_U8: ADDV(u8); break;
	case AC_IS8: ADDV(is8); break;
	case AC_IS16: ADDV(is16); break;
	case AC_IS32: ADDV(is32); add(l, opd_addr("goc.abs", 0)); add(l, opd_addr("goc.abs", 16)); break;
	case AC_IS64: ADDV(is64); add(l, opd_addr("goc.abs", 8)); break;
	case AC_U32N: ADDV(u32n); break;
	case AC_I64: ADDV(i64); break;
	}
#undef ADDV
}

/* All operands of class c (salt varies the choices between slots). */
static void operands(OpList *l, int c, int salt)
{
	l->n = 0;
	switch (c) {
	case AC_NONE: add(l, (AOperand){0}); break;
	case AC_R8: case AC_R16: case AC_R32: case AC_R64:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_AX + (r + salt) % 16));
		break;
	case AC_RM8: case AC_RM16: case AC_RM32: case AC_RM64:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_AX + (r + salt) % 16));
		mems(l, salt);
		break;
	case AC_M: mems(l, salt); break;
	case AC_X:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_X0 + (r + salt) % 16));
		break;
	case AC_XM:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_X0 + (r + salt) % 16));
		mems(l, salt);
		break;
	case AC_Y:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_Y0 + (r + salt) % 16));
		break;
	case AC_YM:
		for (int r = 0; r < 16; r++)
			add(l, opd_reg(REG_Y0 + (r + salt) % 16));
		mems(l, salt);
		break;
	case AC_A8: case AC_A16: case AC_A32: case AC_A64: add(l, opd_reg(REG_AX)); break;
	case AC_CL: add(l, opd_reg(REG_CX)); break;
	case AC_REL8:
		add(l, opd_pc(0)); add(l, opd_pc(2)); add(l, opd_pc(-126)); add(l, opd_pc(129));
		break;
	case AC_REL32:
		add(l, opd_pc(0)); add(l, opd_pc(-100000)); add(l, opd_pc(1000000));
		add(l, opd_func("goc.fn"));
		break;
	default: imms(l, c); break;
	}
}

/* ---------- gen ---------- */

typedef struct Gen {
	FILE *bin, *cases, *s, *rel;
	int64_t pc;
	int n;
	int formhits[A_COUNT][AMD64_MAXFORMS];
} Gen;

/* Branch targets in the sweep are relative to the case. */
static void emit(Gen *g, AInst in, int nprefix, const AInst *prefix)
{
	AInst all[2];
	int k = 0;
	if (nprefix)
		all[k++] = *prefix;
	if (in.to.kind == OPD_BRANCH && !in.to.sym)
		in.to.off += g->pc + (nprefix ? 1 : 0);
	all[k++] = in;
	Buf go = {0}, att = {0};
	uint8_t bytes[32];
	int len = 0;
	for (int i = 0; i < k; i++) {
		AReloc r[2];
		int nr;
		int n = amd64_encode1(bytes + len, &all[i], g->pc + len, r, &nr);
		if (n < 0) {
			Buf p = {0};
			amd64_print(&p, &all[i]);
			buf_putc(&p, 0);
			fprintf(stderr, "gen: cannot encode %s\n", p.p);
			exit(1);
		}
		for (int j = 0; j < nr; j++)
			fprintf(g->rel, "%d %d %d %s %lld\n", g->n, len + (int)r[j].off, r[j].kind, r[j].sym,
			        (long long)r[j].addend);
		len += n;
		if (i)
			buf_puts(&go, "; "), buf_puts(&att, " ");
		amd64_print(&go, &all[i]);
		const AForm *f = amd64_form(&all[i]);
		if (f) {
			g->formhits[all[i].op][f - amd64_ops[all[i].op].forms]++;
			att_inst(&att, &all[i], f, g->pc + (i ? 1 : 0));
		} else {
			buf_puts(&att, amd64_ops[all[i].op].att);
		}
	}
	fwrite(bytes, 1, (size_t)len, g->bin);
	buf_putc(&go, 0), buf_putc(&att, 0);
	for (char *p = go.p; *p; p++)
		if (*p == '\t')
			*p = ' ';
	fprintf(g->cases, "%d\t%lld\t%d\t%s\t%s\n", g->n, (long long)g->pc, len, go.p, att.p);
	fprintf(g->s, "c%d: %s\n", g->n, att.p);
	g->pc += len;
	g->n++;
	buf_free(&go), buf_free(&att);
}

static int gen(const char *dir)
{
	static Gen g;
	char path[4096];
#define OPEN(f, name, mode) \
	snprintf(path, sizeof path, "%s/%s", dir, name); \
	if (!(g.f = fopen(path, mode))) { perror(path); return 2; }
	OPEN(bin, "goc.bin", "wb");
	OPEN(cases, "cases.txt", "w");
	OPEN(s, "cases.s", "w");
	OPEN(rel, "goc.rel", "w");
#undef OPEN
	fprintf(g.s, "\t.text\n");
	for (int op = A_NONE + 1; op < A_COUNT; op++) {
		if (op == A_LOCK || op == A_REP || op == A_NOP)
			continue; /* prefixes: below, with an instruction */
		const AForm *fs = amd64_ops[op].forms;
		for (int fi = 0; fi < AMD64_MAXFORMS && fs[fi].nop; fi++) {
			const AForm *f = &fs[fi];
			OpList l[4];
			for (int i = 0; i < 4; i++)
				operands(&l[i], i == 3 ? f->cls4 : f->cls[i], 3 * i + fi);
			/* sweep each slot with the others fixed at an entry that moves along */
			for (int s = 0; s < 4; s++) {
				if (s > 0 && l[s].n <= 1)
					continue;
				for (int v = 0; v < l[s].n; v++) {
					AInst in = {.op = (uint16_t)op};
					AOperand *o[4] = {&in.from, &in.from3, &in.to, &in.from4};
					for (int i = 0; i < 4; i++)
						*o[i] = l[i].v[i == s ? v : (v * 7 + i) % l[i].n];
					if (f->cls[2] == AC_REL8)
						in.flags |= INST_SHORT;
					/* XCHGQ AX, AX is 48 90 (rex.W nop) for goc as for gc;
					 * GNU as makes it 90 */
					if (op == A_XCHGQ && in.from.reg == REG_AX && in.to.reg == REG_AX &&
					    in.from.kind == OPD_REG && in.to.kind == OPD_REG)
						continue;
					emit(&g, in, 0, NULL);
				}
			}
		}
	}
	/* prefixes */
	AInst lock = {.op = A_LOCK}, rep = {.op = A_REP};
	emit(&g, (AInst){.op = A_XADDL, .from = opd_reg(REG_CX), .to = opd_mem(REG_DX, 0)}, 1, &lock);
	emit(&g, (AInst){.op = A_XADDQ, .from = opd_reg(REG_R9), .to = opd_mem(REG_R12, 8)}, 1, &lock);
	emit(&g, (AInst){.op = A_CMPXCHGQ, .from = opd_reg(REG_BX), .to = opd_mem(REG_CX, 0)}, 1, &lock);
	emit(&g, (AInst){.op = A_ANDB, .from = opd_reg(REG_AX), .to = opd_mem(REG_BX, 0)}, 1, &lock);
	emit(&g, (AInst){.op = A_ORL, .from = opd_imm(4), .to = opd_mem(REG_R13, 0)}, 1, &lock);
	emit(&g, (AInst){.op = A_STOSQ}, 1, &rep);
	emit(&g, (AInst){.op = A_MOVSQ}, 1, &rep);
	emit(&g, (AInst){.op = A_MOVSB}, 1, &rep);
	fclose(g.bin), fclose(g.cases), fclose(g.s), fclose(g.rel);
	/* form coverage */
	int nforms = 0, hit = 0;
	for (int op = A_NONE + 1; op < A_COUNT; op++)
		for (int fi = 0; fi < AMD64_MAXFORMS && amd64_ops[op].forms[fi].nop; fi++) {
			nforms++;
			if (g.formhits[op][fi])
				hit++;
			else
				printf("form never chosen: %s #%d\n", amd64_ops[op].name, fi);
		}
	printf("gen: %d cases, %d opcodes, %d of %d forms exercised\n", g.n, A_COUNT - 1, hit, nforms);
	return 0;
}

/* ---------- compare ---------- */

typedef struct Line {
	int64_t off;
	char *text;
} Line;
typedef struct Dis {
	Line *v;
	int n, cap;
} Dis;

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	char *p = read_file(path, len);
	if (!p) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		exit(2);
	}
	return p;
}

/* Normalises objdump's text: spaces collapsed, comments gone, branch
 * targets made relative to the instruction (".+N"). */
static char *norm(const char *t, int64_t off)
{
	Buf b = {0};
	bool sp = false;
	for (const char *p = t; *p && *p != '#'; p++) {
		if (isspace((unsigned char)*p)) {
			sp = true;
			continue;
		}
		if (sp && b.n)
			buf_putc(&b, ' ');
		sp = false;
		buf_putc(&b, *p);
	}
	buf_putc(&b, 0);
	char *s = b.p;
	/* "jmp 0x1f" → "jmp .+N" for direct branches */
	if ((s[0] == 'j' || !strncmp(s, "call", 4) || !strncmp(s, "bnd", 3)) && !strchr(s, '*')) {
		char *x = strstr(s, " 0x");
		if (x && !strchr(x, '(') && !strchr(x, ',')) {
			long long tgt = strtoll(x + 1, NULL, 16);
			char *r = xmalloc(strlen(s) + 32);
			sprintf(r, "%.*s .%+lld", (int)(x - s), s, tgt - (long long)off);
			free(s);
			return r;
		}
	}
	return s;
}

static void parse_dis(Dis *d, char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *p = line;
		while (*p == ' ')
			p++;
		char *colon = strchr(p, ':');
		if (!colon || colon == p)
			continue;
		bool hex = true;
		for (char *q = p; q < colon; q++)
			if (!isxdigit((unsigned char)*q))
				hex = false;
		if (!hex || colon[1] != '\t')
			continue;
		char *tab2 = strchr(colon + 2, '\t');
		if (!tab2)
			continue; /* continuation of a long instruction's bytes */
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 1024;
			d->v = xrealloc(d->v, (size_t)d->cap * sizeof *d->v);
		}
		int64_t off = strtoll(p, NULL, 16);
		d->v[d->n++] = (Line){off, norm(tab2 + 1, off)};
	}
}

static const char *dis_at(const Dis *d, int64_t off)
{
	int lo = 0, hi = d->n - 1;
	while (lo <= hi) {
		int m = (lo + hi) / 2;
		if (d->v[m].off == off)
			return d->v[m].text;
		if (d->v[m].off < off)
			lo = m + 1;
		else
			hi = m - 1;
	}
	return NULL;
}

/* "as.rel" lines: "OFFSET TYPE SYM ADDEND" (from readelf -rW via run.sh) */
typedef struct Rel {
	int64_t off;
	int kind;
	char sym[64];
	int64_t addend;
	int caseno;
} Rel;

static int kind_of(const char *t)
{
	if (!strcmp(t, "R_X86_64_PC32")) return RELOC_PC32;
	if (!strcmp(t, "R_X86_64_PLT32")) return RELOC_CALL32;
	if (!strcmp(t, "R_X86_64_32")) return RELOC_ABS32;
	if (!strcmp(t, "R_X86_64_32S")) return RELOC_ABS32S;
	if (!strcmp(t, "R_X86_64_64")) return RELOC_ABS64;
	return -1;
}

static int cmp_rel(const void *a, const void *b)
{
	const Rel *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int compare(const char *dir)
{
	size_t n;
	char *cases = slurp(dir, "cases.txt", &n);
	size_t gn, an;
	uint8_t *gbin = (uint8_t *)slurp(dir, "goc.bin", &gn);
	uint8_t *abin = (uint8_t *)slurp(dir, "as.bin", &an);
	Dis gd = {0}, ad = {0};
	parse_dis(&gd, slurp(dir, "goc.dis", &n));
	parse_dis(&ad, slurp(dir, "as.dis", &n));
	/* as offsets of the labels */
	int ncase = 0;
	for (char *p = cases; *p; p++)
		ncase += *p == '\n';
	int64_t *aoff = xcalloc((size_t)ncase + 1, sizeof *aoff);
	char *nm = slurp(dir, "as.nm", &n);
	for (char *line = strtok(nm, "\n"); line; line = strtok(NULL, "\n")) {
		long long off;
		int c;
		if (sscanf(line, "%llx %*s c%d", &off, &c) == 2 && c >= 0 && c < ncase)
			aoff[c] = off;
	}
	aoff[ncase] = (int64_t)an;
	/* relocations */
	Rel *grel = NULL, *arel = NULL;
	int ng = 0, na = 0, cg = 0, ca = 0;
	char *gr = slurp(dir, "goc.rel", &n);
	for (char *line = strtok(gr, "\n"); line; line = strtok(NULL, "\n")) {
		if (ng == cg)
			cg = cg ? 2 * cg : 256, grel = xrealloc(grel, (size_t)cg * sizeof *grel);
		Rel *r = &grel[ng];
		long long o, a;
		if (sscanf(line, "%d %lld %d %63s %lld", &r->caseno, &o, &r->kind, r->sym, &a) == 5)
			r->off = o, r->addend = a, ng++;
	}
	char *ar = slurp(dir, "as.rel", &n);
	for (char *line = strtok(ar, "\n"); line; line = strtok(NULL, "\n")) {
		char type[64], sym[64], sign[4];
		long long o, a;
		if (sscanf(line, "%llx %63s %63s %3s %llx", &o, type, sym, sign, &a) != 5)
			continue;
		if (sign[0] == '-')
			a = -a;
		if (na == ca)
			ca = ca ? 2 * ca : 256, arel = xrealloc(arel, (size_t)ca * sizeof *arel);
		Rel *r = &arel[na++];
		r->off = o, r->kind = kind_of(type), r->addend = a;
		snprintf(r->sym, sizeof r->sym, "%s", sym);
	}
	qsort(arel, (size_t)na, sizeof *arel, cmp_rel); /* as does not write them in order */
	int pass = 0, fail = 0, equiv = 0, shown = 0, shownq = 0, ai = 0, gi = 0;
	char *save = NULL;
	for (char *line = strtok_r(cases, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int c, len;
		long long off;
		char go[256], att[256];
		if (sscanf(line, "%d\t%lld\t%d\t%255[^\t]\t%255[^\n]", &c, &off, &len, go, att) != 5)
			continue;
		const char *why = NULL;
		const char *gt = dis_at(&gd, off), *at = dis_at(&ad, aoff[c]);
		int alen = (int)(aoff[c + 1] - aoff[c]);
		if (!gt)
			why = "objdump did not decode an instruction at goc's offset";
		else if (!at)
			why = "no instruction at as's offset";
		else if (strcmp(gt, at))
			why = "disassembly differs";
		else if (off + len < (long long)gn && !dis_at(&gd, off + len))
			why = "instruction length differs from objdump's";
		/* relocations of this case: same kind, symbol, addend, place */
		while (ai < na && arel[ai].off < aoff[c])
			ai++;
		while (gi < ng && grel[gi].caseno < c)
			gi++;
		int gj = gi, aj = ai;
		while (!why && (gj < ng && grel[gj].caseno == c)) {
			if (aj >= na || arel[aj].off >= aoff[c + 1])
				why = "relocation missing in as";
			else if (len == alen && grel[gj].off != arel[aj].off - aoff[c])
				why = "relocation offset differs";
			else if (grel[gj].kind != arel[aj].kind || strcmp(grel[gj].sym, arel[aj].sym) ||
			         grel[gj].addend != arel[aj].addend)
				why = "relocation differs";
			gj++, aj++;
		}
		if (!why && aj < na && arel[aj].off < aoff[c + 1])
			why = "relocation missing in goc";
		if (why) {
			fail++;
			if (shown++ < 40)
				printf("FAIL %s: %s\n  goc bytes at %lld (%d), as (%d): objdump goc: %s | as: %s\n  att: %s\n",
				       go, why, off, len, alen, gt ? gt : "-", at ? at : "-", att);
			continue;
		}
		pass++;
		if (len != alen || memcmp(gbin + off, abin + aoff[c], (size_t)len)) {
			equiv++;
			if (shownq++ < 40) {
				printf("equivalent encoding: %s = %s:", go, at);
				for (int i = 0; i < len; i++)
					printf(" %02x", gbin[off + i]);
				printf(" (as:");
				for (int i = 0; i < alen; i++)
					printf(" %02x", abin[aoff[c] + i]);
				printf(")\n");
			}
		}
	}
	printf("objdump/as: %d cases, %d byte-identical to GNU as, %d equivalent encodings\n", pass + fail,
	       pass - equiv, equiv);
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}

/* ---------- Go-syntax operand parser (for gc's listings) ---------- */

static int parse_reg(const char *s, size_t n, bool *byte)
{
	*byte = false;
	for (int r = REG_AX; r < REG_COUNT; r++) {
		const char *nm = amd64_regname(r);
		if (strlen(nm) == n && !strncmp(nm, s, n))
			return r;
	}
	for (int r = REG_AX; r <= REG_R15; r++) {
		const char *nm = amd64_regname8(r);
		if (strlen(nm) == n && !strncmp(nm, s, n)) {
			*byte = true;
			return r;
		}
	}
	return REG_NONE;
}

static char *symdup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* Parses one operand: R, $n, $sym+off(SB), off(R)(X*s), sym+off(SB|SP|FP), pc. */
static bool parse_operand(const char *s, AOperand *o, bool branch)
{
	*o = (AOperand){0};
	size_t n = strlen(s);
	bool byte;
	int r = parse_reg(s, n, &byte);
	if (r) {
		*o = opd_reg(r);
		return true;
	}
	/* gc names float constants $f64.3ff0000000000000(SB): memory, not an address */
	bool dollar = s[0] == '$' && strncmp(s, "$f64.", 5) && strncmp(s, "$f32.", 5);
	if (dollar)
		s++, n--;
	if (!dollar && branch && (isdigit((unsigned char)s[0]))) {
		*o = opd_pc(strtoll(s, NULL, 10));
		return true;
	}
	char *end;
	if (dollar && (isdigit((unsigned char)s[0]) || s[0] == '-') && !strchr(s, '(')) {
		o->kind = OPD_IMM;
		errno = 0;
		o->off = strtoll(s, &end, 10);
		return *end == 0;
	}
	/* memory or address: [sym[<>]][+-off](BASE)[(IDX*S)] */
	const char *paren = strchr(s, '(');
	if (!paren)
		return false;
	o->kind = dollar ? OPD_IMM : OPD_MEM;
	/* the name part before '(' : split a trailing signed offset */
	const char *name_end = paren;
	const char *q = paren;
	while (q > s && isdigit((unsigned char)q[-1]))
		q--;
	if (q < paren && q > s && (q[-1] == '+' || q[-1] == '-')) {
		o->off = strtoll(q - 1, NULL, 10);
		name_end = q - 1;
	} else if (q == s && q < paren) {
		o->off = strtoll(q, NULL, 10);
		name_end = s;
	} else if (q > s && q[-1] == '-' && q - 1 == s) {
		o->off = strtoll(s, NULL, 10);
		name_end = s;
	}
	size_t namelen = (size_t)(name_end - s);
	bool stat = namelen >= 2 && !strncmp(name_end - 2, "<>", 2);
	if (stat)
		namelen -= 2;
	const char *close = strchr(paren, ')');
	if (!close)
		return false;
	const char *base = paren + 1;
	size_t blen = (size_t)(close - base);
	if (blen == 2 && !strncmp(base, "SB", 2)) {
		o->name = stat ? NAME_STATIC : NAME_EXTERN;
		o->sym = symdup(s, namelen);
	} else if (blen == 2 && !strncmp(base, "FP", 2)) {
		o->name = NAME_PARAM, o->reg = REG_SP;
		o->sym = namelen ? symdup(s, namelen) : NULL;
	} else {
		o->reg = (uint8_t)parse_reg(base, blen, &byte);
		if (!o->reg)
			return false;
		if (namelen) {
			o->name = NAME_AUTO;
			o->sym = symdup(s, namelen);
		}
	}
	if (branch && o->kind == OPD_MEM && o->name == NAME_EXTERN && !o->index) {
		*o = opd_func(o->sym);
	}
	if (close[1] == '(') {
		const char *x = close + 2, *star = strchr(x, '*');
		if (!star)
			return false;
		o->index = (uint8_t)parse_reg(x, (size_t)(star - x), &byte);
		o->scale = (uint8_t)atoi(star + 1);
	}
	return true;
}

static int find_op(const char *name)
{
	for (int op = A_NONE + 1; op < A_COUNT; op++)
		if (!strcmp(amd64_ops[op].name, name))
			return op;
	return A_NONE;
}

/* Splits "A, B, C" at top-level commas. */
static int split_args(char *s, char *args[3])
{
	int n = 0, depth = 0;
	if (!*s)
		return 0;
	args[n++] = s;
	for (char *p = s; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == ',' && depth == 0 && n < 3) {
			*p = 0;
			args[n++] = p + 2;
		}
	}
	return n;
}

/* golden lines: "pc<TAB>hex<TAB>MNEMONIC<TAB>operands<TAB>relocs" where
 * relocs is "" or "OFF:T:SYM:ADD[,...]" (gc's R_ types and addends). */
static int golden(const char *file)
{
	size_t n;
	char *text = read_file(file, &n);
	if (!text) {
		perror(file);
		return 2;
	}
	int pass = 0, fail = 0, unknown = 0, shown = 0;
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[5] = {0};
		int nf = 0;
		f[nf++] = line;
		for (char *p = line; *p && nf < 5; p++)
			if (*p == '\t')
				*p = 0, f[nf++] = p + 1;
		if (nf < 4)
			continue;
		int64_t pc = strtoll(f[0], NULL, 10);
		uint8_t want[32];
		int wlen = 0;
		for (char *p = f[1]; p[0] && p[1] && wlen < 32; p += 2) {
			unsigned v;
			sscanf(p, "%2x", &v);
			want[wlen++] = (uint8_t)v;
		}
		char gotext[256];
		snprintf(gotext, sizeof gotext, "%s%s%s", f[2], f[3][0] ? "\t" : "", f[3]);
		int op = find_op(f[2]);
		if (!op) {
			if (unknown++ < 20)
				printf("unknown opcode: %s\n", gotext);
			continue;
		}
		AInst in = {.op = (uint16_t)op};
		char *args[3];
		char opsbuf[256];
		snprintf(opsbuf, sizeof opsbuf, "%s", f[3]);
		int na = split_args(opsbuf, args);
		bool branch = amd64_ops[op].att[0] == 'j' || op == A_CALL || op == A_JMP;
		bool ok = true;
		AOperand ops[3];
		for (int i = 0; i < na; i++)
			ok &= parse_operand(args[i], &ops[i], branch);
		if (na == 1) {
			/* gc puts a lone operand in from or to depending on the opcode */
			const AForm *fs = amd64_ops[op].forms;
			bool to = fs[0].nop && fs[0].cls[0] == AC_NONE;
			if (to)
				in.to = ops[0];
			else
				in.from = ops[0];
		} else if (na == 2) {
			in.from = ops[0], in.to = ops[1];
		} else if (na == 3) {
			in.from = ops[0], in.from3 = ops[1], in.to = ops[2];
		}
		if (branch && wlen == 2)
			in.flags |= INST_SHORT;
		uint8_t got[16];
		AReloc rel[2];
		int nr = 0;
		int glen = ok ? amd64_encode1(got, &in, pc, rel, &nr) : -1;
		Buf p = {0};
		amd64_print(&p, &in);
		buf_putc(&p, 0);
		const char *why = NULL;
		if (!ok)
			why = "cannot parse";
		else if (glen < 0)
			why = "cannot encode";
		else if (glen != wlen || memcmp(got, want, (size_t)wlen))
			why = "bytes differ";
		else if (strcmp(p.p, gotext))
			why = "printed differently";
		else {
			/* relocations */
			char rbuf[256] = "";
			size_t rl = 0;
			for (int i = 0; i < nr; i++) {
				int t = rel[i].kind == RELOC_PC32 ? 14 : rel[i].kind == RELOC_CALL32 ? 7 : rel[i].kind == RELOC_ABS64 ? 1 : -rel[i].kind;
				rl += (size_t)snprintf(rbuf + rl, sizeof rbuf - rl, "%s%u:%d:%s:%lld", i ? "," : "", rel[i].off, t,
				                       rel[i].sym, (long long)amd64_reloc_goaddend(&rel[i]));
			}
			if (strcmp(rbuf, f[4] ? f[4] : ""))
				why = "relocations differ";
		}
		if (why) {
			fail++;
			if (shown++ < 30) {
				printf("FAIL %s (pc %lld): %s; goc printed %s, bytes", gotext, (long long)pc, why, p.p);
				for (int i = 0; i < glen; i++)
					printf(" %02x", got[i]);
				printf("; gc");
				for (int i = 0; i < wlen; i++)
					printf(" %02x", want[i]);
				printf("\n");
			}
		} else {
			pass++;
		}
		buf_free(&p);
	}
	printf("golden: %d instructions from gc's listings, %d with opcodes goc lacks (not counted)\n",
	       pass + fail + unknown, unknown);
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}

/* encode_test bench: throughput of amd64_encode on a mix of instructions */
static int bench(void)
{
	AInst mix[] = {
		{.op = A_MOVQ, .from = opd_mem(REG_SP, 16), .to = opd_reg(REG_AX)},
		{.op = A_ADDQ, .from = opd_imm(8), .to = opd_reg(REG_R9)},
		{.op = A_CMPQ, .from = opd_reg(REG_AX), .to = opd_imm(1000)},
		{.op = A_JLT, .flags = INST_SHORT, .to = opd_pc(0)},
		{.op = A_LEAQ, .from = opd_sym("main.g", 8), .to = opd_reg(REG_R8)},
		{.op = A_MOVSD, .from = opd_memx(REG_R8, REG_AX, 8, 0), .to = opd_reg(REG_X3)},
		{.op = A_CALL, .to = opd_func("runtime.mallocgc")},
		{.op = A_MOVBLZX, .from = opd_memx(REG_DI, REG_BX, 1, 0), .to = opd_reg(REG_BX)},
	};
	Buf code = {0};
	ARelocVec rv = {0};
	struct timespec t0, t1;
	long n = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int rep = 0; rep < 200; rep++) {
		code.n = 0, rv.n = 0;
		for (int i = 0; i < 10000; i++) {
			AInst in = mix[i % NELEM(mix)];
			if (in.to.kind == OPD_BRANCH && !in.to.sym)
				in.to.off = (int64_t)code.n;
			amd64_encode(&code, &rv, &in);
			n++;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("bench: %ld instructions in %.3f s: %.1f ns per instruction\n", n, s, s * 1e9 / (double)n);
	buf_free(&code);
	arelocvec_free(&rv);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "bench"))
		return bench();
	if (argc == 3 && !strcmp(argv[1], "gen"))
		return gen(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "compare"))
		return compare(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "golden"))
		return golden(argv[2]);
	fprintf(stderr, "usage: encode_test gen|compare DIR | golden FILE\n");
	return 2;
}
