/*
 * frame.c — the stack frame and the layout of calls.
 *
 * A function's frame, from SP after the prologue upwards:
 *
 *      0(SP)             outgoing area: the arguments and results of
 *                        the calls it makes (the largest call decides)
 *      localbase(SP)     local variables (LocalAddr), each aligned
 *      spillbase(SP)     spill slots, 8 bytes each
 *      framesize-8(SP)   the caller's BP (BP points here: a frame chain)
 *      framesize(SP)     return address
 *      framesize+8(SP)   arguments and results (ABI0): FP
 *
 * framesize ≡ 8 (mod 16), so that SP, ≡ 8 at entry, is 16-byte aligned
 * at every call, as the C calls need (docs/abi.md).  A leaf without
 * locals or spill slots has no frame at all (framesize 0, BP untouched).
 *
 * Calls: ABI0 lays arguments out from 0(SP), each at its type's
 * alignment, and the results from the next 8-byte boundary.  The System
 * V calls to the C runtime take arguments in registers (integer words in
 * DI, SI, DX, CX, R8, R9, float words in X0-X7; an argument whose words
 * do not all fit, or a slice or other aggregate over 16 bytes, goes to
 * memory at 0(SP) up, in order), and return up to 16 bytes in AX, DX
 * and X0, X1 (stored after the call to the outgoing area, where the
 * SelectNs read them), more through a hidden pointer in DI.
 */
#include "backend.h"

static int64_t align_up(int64_t x, int64_t a) { return a > 1 ? (x + a - 1) / a * a : x; }

static bool same_var(const SsaAux *a, const SsaAux *b)
{
	if (a == b)
		return true;
	if (a->obj || b->obj)
		return a->obj == b->obj;
	return str_eq(a->s, b->s);
}

static LocalVar *find_local(CodeGen *g, const SsaAux *aux)
{
	for (int i = 0; i < g->nlocals; i++)
		if (same_var(g->locals[i].aux, aux))
			return &g->locals[i];
	return NULL;
}

void amd64_frame_locals(CodeGen *g)
{
	Func *f = g->f;
	int64_t off = 0;
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (v->op != OpLocalAddr)
				continue;
			if (!v->aux)
				amd64_notimpl(g, v, "LocalAddr without a variable");
			if (find_local(g, v->aux))
				continue;
			SsaType *t = v->aux->type ? v->aux->type : v->type->elem;
			if (!t)
				amd64_notimpl(g, v, "local variable %.*s of unknown type", (int)v->aux->s.n, v->aux->s.p);
			if (g->nlocals == g->caplocals) {
				g->caplocals = g->caplocals ? 2 * g->caplocals : 8;
				g->locals = xrealloc(g->locals, (size_t)g->caplocals * sizeof *g->locals);
			}
			int64_t al = t->align ? t->align : 1;
			off = align_up(off, al);
			g->locals[g->nlocals++] = (LocalVar){v->aux, t, t->size, al, off};
			off += t->size ? t->size : 1;
		}
	g->localbase = align_up(off, 8); /* here: the size of the locals */
}

int64_t amd64_local_off(CodeGen *g, const SsaAux *aux)
{
	LocalVar *lv = find_local(g, aux);
	if (!lv)
		ice(0, "amd64 frame", "func %s: no slot for local %.*s", g->f->name, (int)aux->s.n, aux->s.p);
	return g->localbase + lv->off;
}

/* results of ABI0 functions: after the parameters, from an 8-byte boundary */
int64_t amd64_result_off(CodeGen *g, SsaType **types, int i)
{
	int64_t off = align_up(g->paramsize, 8);
	for (int k = 0;; k++) {
		off = align_up(off, types[k]->align ? types[k]->align : 1);
		if (k == i)
			return off;
		off += types[k]->size;
	}
}

static const int8_t cint[] = {REG_DI, REG_SI, REG_DX, REG_CX, REG_R8, REG_R9};

void amd64_call_layout(CodeGen *g, Value *v, CallLayout *cl)
{
	memset(cl, 0, sizeof *cl);
	Arena *a = &g->f->arena;
	/* StaticCall args... mem; InterCall code args... mem (the receiver is
	 * the first argument); ClosureCall code ctx args... mem */
	int first = v->op == OpStaticCall ? 0 : v->op == OpInterCall ? 1 : 2;
	int nargs = v->nargs - 1 - first;
	if (v->op == OpPanicBounds) {
		first = 0;
		nargs = 2;
	}
	cl->first = first;
	cl->nargs = nargs;
	cl->args = arena_alloc(a, (size_t)(nargs + 1) * sizeof *cl->args);
	SsaType *rt = v->type;
	int nres = rt->kind == SK_TUPLE ? rt->nfields - 1 : 0;
	cl->nres = nres;
	cl->restype = rt->kind == SK_TUPLE ? rt->fields : NULL;
	cl->resoff = arena_alloc(a, (size_t)(nres + 1) * sizeof *cl->resoff);
	bool c = v->op == OpPanicBounds ||
		(v->op == OpStaticCall && v->aux &&
		 (v->aux->abi == AUX_ABI_C || (v->aux->abi == AUX_ABI_DEFAULT && amd64_is_cfunc(v->aux->s.p))));
	cl->c = c;
	if (!c) {
		int64_t off = 0;
		for (int i = 0; i < nargs; i++) {
			SsaType *t = v->args[first + i]->type;
			off = align_up(off, t->align ? t->align : 1);
			cl->args[i].off = off;
			off += t->size;
		}
		off = align_up(off, 8);
		for (int i = 0; i < nres; i++) {
			SsaType *t = rt->fields[i];
			off = align_up(off, t->align ? t->align : 1);
			cl->resoff[i] = off;
			off += t->size;
		}
		cl->size = align_up(off, 8);
		return;
	}
	/* System V */
	int64_t rsize = 0;
	int64_t *roff = arena_alloc(a, (size_t)(nres + 1) * sizeof *roff);
	for (int i = 0; i < nres; i++) {
		SsaType *t = rt->fields[i];
		rsize = align_up(rsize, t->align ? t->align : 1);
		roff[i] = rsize;
		rsize += t->size;
	}
	rsize = align_up(rsize, 8);
	cl->hiddenret = rsize > 16;
	int ni = cl->hiddenret ? 1 : 0, nf = 0;
	int64_t moff = 0;
	for (int i = 0; i < nargs; i++) {
		Value *arg = v->args[first + i];
		Word w[MAXWORDS];
		int n = amd64_words(arg->type, w);
		if (n < 0)
			amd64_notimpl(g, v, "C call argument of type %s", arg->type->name);
		int wi = 0, wf = 0;
		for (int k = 0; k < n; k++)
			w[k].cls == WC_FLT ? wf++ : wi++;
		if (arg->type->kind == SK_COMPLEX && arg->type->size == 8)
			amd64_notimpl(g, v, "complex64 argument of a C call");
		bool mem = n > 2 || arg->type->size > 16 || ni + wi > 6 || nf + wf > 8;
		if (mem) {
			moff = align_up(moff, 8);
			cl->args[i].off = moff;
			moff += align_up(arg->type->size, 8);
			continue;
		}
		cl->args[i].off = -1;
		for (int k = 0; k < n; k++)
			cl->args[i].reg[k] = (int8_t)(w[k].cls == WC_FLT ? REG_X0 + nf++ : cint[ni++]);
	}
	cl->retbase = align_up(moff, 8);
	for (int i = 0; i < nres; i++)
		cl->resoff[i] = cl->retbase + roff[i];
	if (!cl->hiddenret && rsize > 0) {
		/* the class of each eightbyte: SSE only if every word in it is a float */
		for (int e = 0; e < rsize / 8; e++) {
			bool allf = true, any = false;
			for (int i = 0; i < nres; i++) {
				Word w[MAXWORDS];
				int n = amd64_words(rt->fields[i], w);
				for (int k = 0; k < n; k++) {
					int64_t o = roff[i] + w[k].off;
					if (o >= 8 * e && o < 8 * e + 8) {
						any = true;
						if (w[k].cls != WC_FLT)
							allf = false;
					}
				}
			}
			cl->retcls[e] = (int8_t)(any && allf ? WC_FLT : WC_INT);
		}
		cl->nretint = (int)(rsize / 8);
	}
	cl->size = cl->retbase + rsize;
}

void amd64_frame_layout(CodeGen *g)
{
	Func *f = g->f;
	int64_t out = 0;
	for (int k = 0; k < f->nblocks; k++)
		for (int i = 0; i < f->blocks[k]->nvalues; i++) {
			Value *v = f->blocks[k]->values[i];
			if (!(ssa_ops[v->op].flags & OPF_CALL))
				continue;
			CallLayout cl;
			amd64_call_layout(g, v, &cl);
			if (cl.size > out)
				out = cl.size;
		}
	g->outsize = align_up(out, 8);
	int64_t localsize = g->localbase;
	g->localbase = g->outsize;
	g->spillbase = align_up(g->localbase + localsize, 8);
	int64_t body = g->spillbase + g->spillsize;
	if (body == 0 && !g->hascall) {
		g->framesize = 0;
		return;
	}
	int64_t fs = body + 8; /* saved BP */
	if (fs % 16 != 8)
		fs += 8;
	g->framesize = fs;
}
