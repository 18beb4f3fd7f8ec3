/*
 * obj.c — from a TEXT's parsed Progs to its bytes, as gc's
 * cmd/internal/obj/x86 does it (preprocess, then span6):
 *
 *  1. Frame.  The frame is $frame from the TEXT line, plus 8 for the
 *     caller's BP unless the function is NOFRAME, or frameless and
 *     NOSPLIT, or frameless with no CALL (gc's three exceptions).  A
 *     function whose frame is under StackSmall (128) and that calls
 *     nothing (but gc's zero-argument runtime panics) is NOSPLIT.
 *  2. Prologue.  Without NOSPLIT: g from TLS into R14 (`MOVQ (TLS), R14`,
 *     R_TLS_LE), the stack-bound check against g.stackguard0 (CMPQ SP for
 *     frames ≤ 128; LEAQ -(frame-128)(SP), R12 up to StackBig; MOVQ SP,
 *     R12; SUBQ; JCS beyond), JLS to a tail that calls
 *     runtime.morestack_noctxt (runtime.morestack if NEEDCTXT) and jumps
 *     back to the entry.  Then SUBQ $frame, SP and the BP save
 *     (MOVQ BP, frame-8(SP); LEAQ frame-8(SP), BP).  Every RET becomes
 *     MOVQ frame-8(SP), BP; ADDQ $frame, SP; RET.
 *  3. Pseudo-registers.  x+off(FP) is off+SPdelta+8(SP), x-off(SP) is
 *     -off+SPdelta-8(SP) (the BP slot excluded), SPdelta following PUSHQ/POPQ.
 *  4. Layout (gc's span6): every branch starts short; a backward branch is
 *     short when its displacement fits, a forward one becomes long for
 *     good when, its target placed, it does not; repeat until nothing
 *     changes.  Then the bytes, with relocations in gc's types and
 *     addend convention.
 */
#include "asm.h"

enum { STACK_SMALL = 128, STACK_BIG = 4096 };
enum { R_ADDR = 1, R_CALL = 7, R_CALLIND = 10, R_PCREL = 14, R_TLS_LE = 15 };

typedef struct Out {
	Prog *v;
	int n, cap;
	int *map; /* old prog index → new index */
} Out;

static Prog *emit(Out *o, const Prog *proto)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 64;
		o->v = xrealloc(o->v, (size_t)o->cap * sizeof *o->v);
	}
	Prog *p = &o->v[o->n++];
	*p = *proto;
	return p;
}

static Prog mk(const Prog *at, int op, AOperand from, AOperand to)
{
	Prog p = {0};
	p.in.op = (uint16_t)op;
	p.in.from = from;
	p.in.to = to;
	p.file = at->file;
	p.line = at->line;
	p.brprog = -1;
	return p;
}

/* The instructions gc treats as SP adjustments in a function body. */
static int spadj_of(const Prog *p)
{
	switch (p->in.op) {
	case A_PUSHQ: case A_PUSHFQ: return 8;
	case A_POPQ: case A_POPFQ: return -8;
	case A_ADJSP: return (int)p->in.from.off;
	default: return 0;
	}
}

/* gc's ADJSP $v as span6 writes it: SUBQ $v, SP, or ADDQ $-v, SP when v
 * is negative; $0x80 and $-0x80 take the imm8 of the other sign; $0 is
 * NOP $0, SP, which gc rejects as an invalid instruction (encode_prog) */
static void adjsp(Prog *p, int64_t v)
{
	p->in.from = opd_imm(v);
	p->in.to = opd_reg(REG_SP);
	if (v == 0) {
		p->in.op = A_NOP;
	} else if (v == 0x80 || (v < 0 && v != -0x80)) {
		p->in.op = A_ADDQ;
		p->in.from.off = -v;
	} else {
		p->in.op = A_SUBQ;
	}
}

static bool zero_arg_runtime_call(const char *s)
{
	if (!s)
		return false;
	return strcmp(s, "runtime.panicdivide") == 0 || strcmp(s, "runtime.panicwrap") == 0 ||
	       strcmp(s, "runtime.panicshift") == 0 || strncmp(s, "runtime.panicIndex", 18) == 0 ||
	       strncmp(s, "runtime.panicSlice", 18) == 0;
}

static void fix_pseudo(AOperand *o, int deltasp, int bpsize)
{
	if (o->kind != OPD_MEM && o->kind != OPD_IMM)
		return;
	if (o->name == NAME_AUTO)
		o->off += deltasp - bpsize;
	else if (o->name == NAME_PARAM)
		o->off += deltasp + 8;
}

static bool hascall(const ASym *s)
{
	for (int i = 0; i < s->nprogs; i++)
		if (!s->progs[i].pseudo && s->progs[i].in.op == A_CALL)
			return true;
	return false;
}

bool asm_savesbp(const ASym *s)
{
	int64_t frame = s->frame < 0 ? 0 : s->frame;
	return !(s->flags & TF_NOFRAME) && !(frame == 0 && (s->flags & TF_NOSPLIT)) && !(frame == 0 && !hascall(s));
}

/* Step 1-3: the final Prog list of s. */
static void preprocess(Asm *a, ASym *s, Out *o)
{
	Prog *in = s->progs;
	int n = s->nprogs;
	int64_t autoffset = s->frame < 0 ? 0 : s->frame;
	int bpsize = 0;
	if (asm_savesbp(s)) {
		bpsize = 8;
		autoffset += 8;
	}
	/* goc's ABI keeps SP 16-byte aligned at calls (docs/abi.md): in goc
	 * build (a->align16), a function that calls gets 8 more bytes of
	 * frame when gc's would leave SP 8 off at its calls (reflect's
	 * methodValueCall, $312); only SP- and FP-relative offsets see the
	 * frame, and the assembler computes those */
	if (a->align16 && hascall(s) && !(s->flags & TF_NOFRAME) && autoffset % 16 == 0) {
		autoffset += 8;
		if (s->frame >= 0)
			s->frame += 8;
	}
	s->frame = s->frame < 0 ? s->frame : s->frame + bpsize;
	if (autoffset < STACK_SMALL && !(s->flags & TF_NOSPLIT)) {
		bool leaf = true;
		for (int i = 0; i < n && leaf; i++) {
			if (in[i].pseudo || in[i].in.op != A_CALL)
				continue;
			if (!zero_arg_runtime_call(in[i].br == BR_SYM ? in[i].in.to.sym : NULL) || autoffset >= STACK_SMALL - 8)
				leaf = false;
		}
		if (leaf)
			s->flags |= TF_NOSPLIT;
	}
	if (autoffset % 8)
		asm_errorf(a, s->file, s->line, "unaligned stack size %lld", (long long)autoffset);

	o->map = xcalloc((size_t)n + 1, sizeof *o->map);
	/* TEXT */
	emit(o, &in[0]);
	o->map[0] = 0;
	int jls = -1, jcs = -1, start = o->n;
	/* MOVQ (TLS), R14 (an ABIInternal TEXT is NOSPLIT: parse.c) */
	Prog loadg = mk(&in[0], A_MOVQ, (AOperand){.kind = OPD_MEM}, opd_reg(REG_R14));
	loadg.tls = true;
	if (!(s->flags & TF_NOSPLIT)) {
		emit(o, &loadg);
		if (autoffset <= STACK_SMALL) {
			Prog c = mk(&in[0], A_CMPQ, opd_reg(REG_SP), opd_mem(REG_R14, 16));
			emit(o, &c);
		} else if (autoffset <= STACK_BIG) {
			Prog l = mk(&in[0], A_LEAQ, opd_mem(REG_SP, -(autoffset - STACK_SMALL)), opd_reg(REG_R12));
			emit(o, &l);
			Prog c = mk(&in[0], A_CMPQ, opd_reg(REG_R12), opd_mem(REG_R14, 16));
			emit(o, &c);
		} else {
			Prog m = mk(&in[0], A_MOVQ, opd_reg(REG_SP), opd_reg(REG_R12));
			emit(o, &m);
			Prog sb = mk(&in[0], A_SUBQ, opd_imm(autoffset - STACK_SMALL), opd_reg(REG_R12));
			emit(o, &sb);
			Prog j = mk(&in[0], A_JCS, (AOperand){0}, opd_pc(0));
			j.br = BR_LABEL;
			jcs = o->n;
			emit(o, &j);
			Prog c = mk(&in[0], A_CMPQ, opd_reg(REG_R12), opd_mem(REG_R14, 16));
			emit(o, &c);
		}
		Prog j = mk(&in[0], A_JLS, (AOperand){0}, opd_pc(0));
		j.br = BR_LABEL;
		jls = o->n;
		emit(o, &j);
	}
	if (autoffset) {
		Prog adj = mk(&in[0], A_NOP, (AOperand){0}, (AOperand){0});
		adjsp(&adj, autoffset);
		adj.spadj = (int)autoffset;
		emit(o, &adj);
	}
	if (bpsize) {
		Prog m = mk(&in[0], A_MOVQ, opd_reg(REG_BP), opd_mem(REG_SP, autoffset - bpsize));
		emit(o, &m);
		Prog l = mk(&in[0], A_LEAQ, opd_mem(REG_SP, autoffset - bpsize), opd_reg(REG_BP));
		emit(o, &l);
	}
	/* WRAPPER: if g._panic != nil && g._panic.argp == FP, point argp at
	 * this frame's bottom (gc's wrapper prologue; R12, R13 are gc's
	 * REGENTRYTMP0/1, g._panic is at 32(g), panic.argp at 0) */
	int wjne = -1, wend = -1;
	if (s->flags & TF_WRAPPER) {
		if ((s->flags & TF_NOSPLIT) && !s->abiinternal) {
			/* the g load comes first, before the frame (gc's loadG;
			 * ABIInternal has g in R14 already) */
			Prog g = loadg;
			int at = start;
			emit(o, &g); /* grow, then rotate into place */
			for (int k = o->n - 1; k > at; k--)
				o->v[k] = o->v[k - 1];
			o->v[at] = loadg;
		}
		Prog m = mk(&in[0], A_MOVQ, opd_mem(REG_R14, 32), opd_reg(REG_R12));
		emit(o, &m);
		Prog t = mk(&in[0], A_TESTQ, opd_reg(REG_R12), opd_reg(REG_R12));
		emit(o, &t);
		Prog j = mk(&in[0], A_JNE, (AOperand){0}, opd_pc(0));
		j.br = BR_LABEL;
		wjne = o->n;
		emit(o, &j);
		Prog nop = mk(&in[0], A_NOP, (AOperand){0}, (AOperand){0});
		wend = o->n;
		emit(o, &nop);
	}
	/* the body */
	int *fix = xmalloc(((size_t)n + 1) * sizeof *fix), nfix = 0;
	for (int i = 1; i < n; i++) {
		o->map[i] = o->n;
		if (in[i].br == BR_LABEL || in[i].br == BR_PC)
			fix[nfix++] = o->n + (!in[i].pseudo && in[i].in.op == A_RET && autoffset ? 1 + (bpsize > 0) : 0);
		Prog p = in[i];
		if (!p.pseudo && p.in.op == A_RET && autoffset) {
			if (bpsize) {
				Prog m = mk(&p, A_MOVQ, opd_mem(REG_SP, autoffset - bpsize), opd_reg(REG_BP));
				emit(o, &m);
			}
			Prog adj = mk(&p, A_NOP, (AOperand){0}, (AOperand){0});
			adjsp(&adj, -autoffset);
			adj.spadj = (int)-autoffset;
			emit(o, &adj);
			p.spadj = (int)autoffset; /* what follows a RET is reached with the frame */
			emit(o, &p);
			continue;
		}
		if (!p.pseudo)
			p.spadj = spadj_of(&p);
		if (!p.pseudo && p.in.op == A_ADJSP)
			adjsp(&p, p.in.from.off);
		emit(o, &p);
	}
	o->map[n] = o->n;
	if (!(s->flags & TF_NOSPLIT)) {
		int tail = o->n;
		Prog nop = mk(&in[n - 1 < 0 ? 0 : n - 1], A_NOP, (AOperand){0}, (AOperand){0});
		nop.spadj = (int)-autoffset;
		nop.line = in[n - 1].line;
		emit(o, &nop);
		Prog c = mk(&in[0], A_CALL, (AOperand){0}, opd_func((s->flags & TF_NEEDCTXT) ? "runtime.morestack" : "runtime.morestack_noctxt"));
		c.br = BR_SYM;
		emit(o, &c);
		Prog j = mk(&in[0], A_JMP, (AOperand){0}, opd_pc(0));
		j.br = BR_LABEL;
		j.brprog = start;
		j.spadj = (int)autoffset;
		emit(o, &j);
		o->v[jls].brprog = tail;
		if (jcs >= 0)
			o->v[jcs].brprog = tail;
	}
	if (wjne >= 0) {
		Prog *last = &in[n - 1];
		o->v[wjne].brprog = o->n;
		Prog l = mk(last, A_LEAQ, opd_mem(REG_SP, autoffset + 8), opd_reg(REG_R13));
		emit(o, &l);
		Prog c = mk(last, A_CMPQ, opd_mem(REG_R12, 0), opd_reg(REG_R13));
		emit(o, &c);
		Prog j = mk(last, A_JNE, (AOperand){0}, opd_pc(0));
		j.br = BR_LABEL;
		j.brprog = wend;
		emit(o, &j);
		Prog m = mk(last, A_MOVQ, opd_reg(REG_SP), opd_mem(REG_R12, 0));
		emit(o, &m);
		Prog jm = mk(last, A_JMP, (AOperand){0}, opd_pc(0));
		jm.br = BR_LABEL;
		jm.brprog = wend;
		emit(o, &jm);
	}
	/* the body's branch targets were numbered before the prologue */
	for (int k = 0; k < nfix; k++) {
		Prog *p = &o->v[fix[k]];
		if (p->brprog >= 0)
			p->brprog = p->brprog <= n ? o->map[p->brprog] : o->n;
	}
	free(fix);
	/* pseudo-register offsets */
	int deltasp = 0;
	for (int i = 0; i < o->n; i++) {
		Prog *p = &o->v[i];
		if (p->pseudo)
			continue;
		fix_pseudo(&p->in.from, deltasp, bpsize);
		fix_pseudo(&p->in.from3, deltasp, bpsize);
		fix_pseudo(&p->in.from4, deltasp, bpsize);
		fix_pseudo(&p->in.to, deltasp, bpsize);
		deltasp += p->spadj;
	}
	free(o->map);
	o->map = NULL;
}

static bool is_branch(const Prog *p) { return !p->pseudo && (p->br == BR_LABEL || p->br == BR_PC) && p->brprog >= 0; }

/* The offset of in's off(TLS) operand (its only memory operand). */
static int64_t tlsoff(const AInst *in)
{
	const AOperand *o[4] = {&in->from, &in->from3, &in->from4, &in->to};
	for (int i = 0; i < 4; i++)
		if (o[i]->kind == OPD_MEM)
			return o[i]->off;
	return 0;
}

/* Encodes p at pc (target pc for branches given); returns the length. */
static int encode_prog(Asm *a, ASym *s, Prog *p, int64_t pc, int64_t target, uint8_t out[16], AReloc rel[2], int *nrel)
{
	*nrel = 0;
	if (p->pseudo == P_RAW) {
		for (int i = 0; i < p->aux[1]; i++)
			out[i] = (uint8_t)((uint64_t)p->aux[0] >> (8 * i));
		return (int)p->aux[1];
	}
	if (p->pseudo)
		return 0;
	AInst in = p->in;
	int len;
	if (in.op == A_NOP) {
		/* no bytes; gc's NOP takes at most one operand, a register
		 * or memory (NOP SP: the runtime's marker for vet) */
		bool fok = in.from.kind == OPD_NONE || in.from.kind == OPD_REG || in.from.kind == OPD_MEM;
		bool tok = in.to.kind == OPD_NONE || in.to.kind == OPD_REG || in.to.kind == OPD_MEM;
		len = fok && tok && (in.from.kind == OPD_NONE || in.to.kind == OPD_NONE) ? 0 : -1;
	} else {
		if (is_branch(p)) {
			in.to = opd_pc(target);
			if (p->isshort)
				in.flags |= INST_SHORT;
		}
		len = amd64_encode1(out, &in, pc, rel, nrel);
		if (len > 0 && p->tls && len < 15) {
			/* off(TLS): the instruction with the absolute address
			 * off (ModRM, SIB 25, disp32, then any immediate),
			 * behind an FS prefix; the disp32 gets gc's R_TLS_LE
			 * (addend off) in place of off (gc's asmandsz, local
			 * exec) */
			const AForm *f = amd64_form(&in);
			int at = len - 4 - (f->imm == SLOT_NONE ? 0 : f->immsz);
			memmove(out + 1, out, (size_t)len);
			out[0] = 0x64;
			memset(out + 1 + at, 0, 4);
			rel[(*nrel)++] = (AReloc){.off = (uint32_t)(1 + at), .kind = RELOC_NONE, .size = 4, .sym = NULL, .addend = tlsoff(&in)};
			return len + 1;
		}
	}
	if (len < 0) {
		Buf b = {0};
		amd64_print(&b, &p->in);
		buf_putc(&b, 0);
		asm_errorf(a, p->file, p->line, "invalid instruction: %s", b.p);
		buf_free(&b);
		p->pseudo = P_NONE;
		return 0;
	}
	(void)s;
	return len;
}

static void add_arel(ASym *s, ARel r)
{
	if (s->nrels == s->caprels) {
		s->caprels = s->caprels ? 2 * s->caprels : 16;
		s->rels = xrealloc(s->rels, (size_t)s->caprels * sizeof *s->rels);
	}
	s->rels[s->nrels++] = r;
}

static void layout(Asm *a, ASym *s)
{
	Prog *v = s->progs;
	int n = s->nprogs;
	/* the forward branches into each prog, as lists: head[target], link[branch] */
	int *head = xmalloc(((size_t)n + 1) * sizeof *head), *link = xmalloc(((size_t)n + 1) * sizeof *link);
	for (int i = 0; i <= n; i++)
		head[i] = -1;
	for (int i = 0; i < n; i++) {
		v[i].isshort = 1;
		if (is_branch(&v[i]) && v[i].brprog > i && v[i].brprog < n) {
			link[i] = head[v[i].brprog];
			head[v[i].brprog] = i;
		}
	}
	uint8_t buf[16];
	AReloc rel[2];
	int nrel;
	int errs = a->nerrors;
	for (int iter = 0;; iter++) {
		bool again = false;
		int64_t pc = 0;
		for (int i = 0; i < n; i++) {
			Prog *p = &v[i];
			p->pc = pc;
			/* forward branches to this prog */
			for (int k = head[i]; k >= 0; k = link[k]) {
				Prog *q = &v[k];
				if (q->isshort && pc - (q->pc + q->size) > 127) {
					q->isshort = 0;
					again = true;
				}
			}
			int64_t target = pc;
			if (is_branch(p) && p->brprog <= i) {
				target = p->brprog < n ? v[p->brprog].pc : pc;
				p->isshort = target - (pc + 2) >= -128;
			}
			int len = encode_prog(a, s, p, pc, target, buf, rel, &nrel);
			p->size = len;
			pc += len;
		}
		if (a->nerrors > errs) {
			free(head);
			free(link);
			return;
		}
		if (!again || a->nerrors > errs || iter > 1000)
			break;
	}
	free(head);
	free(link);
	/* the bytes */
	s->bytes.n = 0;
	for (int i = 0; i < n; i++) {
		Prog *p = &v[i];
		int64_t target = 0;
		if (is_branch(p))
			target = p->brprog < n ? v[p->brprog].pc : (n ? v[n - 1].pc + v[n - 1].size : 0);
		int len = encode_prog(a, s, p, p->pc, target, buf, rel, &nrel);
		if (len != p->size && a->nerrors == errs) {
			asm_errorf(a, p->file, p->line, "internal error: instruction size changed in the last pass");
			break;
		}
		if (is_branch(p))
			p->in.to = opd_pc(target);
		buf_put(&s->bytes, buf, (size_t)len);
		for (int k = 0; k < nrel; k++) {
			ARel r = {.off = (uint32_t)(p->pc + rel[k].off), .size = rel[k].size, .sym = rel[k].sym, .elfkind = rel[k].kind};
			switch (rel[k].kind) {
			case RELOC_NONE: r.type = R_TLS_LE; r.sym = "TLS"; break; /* encode_prog's off(TLS) */
			case RELOC_PC32: r.type = R_PCREL; break;
			case RELOC_CALL32: r.type = R_CALL; break;
			default: r.type = R_ADDR; break;
			}
			r.add = amd64_reloc_goaddend(&rel[k]);
			add_arel(s, r);
		}
		/* gc marks indirect calls (R_CALLIND, no bytes) at the
		 * instruction, moved past its REX prefix as gc's asmins does */
		if (!p->pseudo && p->in.op == A_CALL && p->in.to.kind != OPD_BRANCH)
			add_arel(s, (ARel){.off = (uint32_t)p->pc + ((buf[0] & 0xf0) == 0x40), .size = 0, .type = R_CALLIND, .sym = ""});
	}
	s->size = (int64_t)s->bytes.n;
}

void asm_assemble(Asm *a)
{
	for (ASym *s = a->syms; s; s = s->next) {
		if (!s->istext)
			continue;
		Out o = {0};
		preprocess(a, s, &o);
		free(s->progs);
		s->progs = o.v;
		s->nprogs = o.n;
		s->capprogs = o.cap;
		layout(a, s);
	}
}
