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

/* ---- liveness of frame variables at calls (the stack maps) ---- */

/* the local whose address v computes (LocalAddr, through OffPtr, AddPtr
 * and Copy), or -1; *whole: v is its address itself */
static int local_of(CodeGen *g, const Value *v, bool *whole)
{
	*whole = true;
	for (;;) {
		if (v->op == OpLocalAddr) {
			LocalVar *lv = find_local(g, v->aux);
			return lv ? (int)(lv - g->locals) : -1;
		}
		if (v->op == OpOffPtr || v->op == OpAddPtr)
			*whole = false;
		else if (v->op != OpCopy || v->type->kind != SK_PTR)
			return -1;
		v = v->args[0];
	}
}

/* Which frame variables hold live values at each call.  A variable is
 * tracked when the code only loads, stores, zeroes and copies it
 * through its address (no address passed on, stored, compared as an
 * integer or read later than its Load: in-memory and folded loads); a
 * tracked variable is live after a call if a load of it may follow before
 * a store, zeroing or copy that covers it whole.  The others are live at
 * every call (g->localalways).  What the recovery paths of Defer blocks
 * read is live at every call.  Gives g->calllocals (by call value id, a
 * bitset over the locals; NULL: none live). */
void amd64_locals_liveness(CodeGen *g)
{
	Func *f = g->f;
	int n = g->nlocals, words = n / 64 + 1;
	g->localalways = xcalloc((size_t)words, sizeof(uint64_t));
	g->calllocals = xcalloc(f->nvalueids + 1, sizeof *g->calllocals);
	if (!n)
		return;
	uint64_t *always = g->localalways;
#define SETB(set, i) ((set)[(i) / 64] |= (uint64_t)1 << ((i) % 64))
#define CLRB(set, i) ((set)[(i) / 64] &= ~((uint64_t)1 << ((i) % 64)))
	/* which variables are tracked */
	for (int k = 0; k < f->nblocks; k++) {
		Block *b = f->blocks[k];
		for (int i = 0; i < b->nvalues; i++) {
			Value *v = b->values[i];
			for (int j = 0; j < v->nargs; j++) {
				bool whole;
				int l = local_of(g, v->args[j], &whole);
				if (l < 0)
					continue;
				bool ok = false;
				switch (v->op) {
				case OpOffPtr: case OpAddPtr: case OpCopy:
					ok = j == 0 && v->type->kind == SK_PTR;
					break;
				case OpLoad:
					ok = j == 0 && !g->virt[v->id];
					break;
				case OpStore: case OpZero: case OpNilCheck:
					ok = j == 0;
					break;
				case OpMove:
					ok = j <= 1;
					break;
				case OpLocalAddr: case OpVarDef: case OpVarLive:
					ok = true; /* (its SP and mem arguments) */
					break;
				default:
					break;
				}
				if (!ok)
					SETB(always, l);
			}
		}
		for (int c = 0; c < b->ncontrols; c++) {
			bool whole;
			int l = b->controls[c] ? local_of(g, b->controls[c], &whole) : -1;
			if (l >= 0)
				SETB(always, l);
		}
	}
	/* backward dataflow over the blocks */
	int nb = (int)f->nblockids;
	uint64_t *livein = xcalloc((size_t)nb * (size_t)words, sizeof(uint64_t));
	uint64_t *live = xmalloc((size_t)words * sizeof *live);
	int npo;
	Block **po = ssa_postorder(f, &npo);
	uint64_t *rec = xcalloc((size_t)words, sizeof *rec);
	for (bool changed = true; changed;) {
		changed = false;
		for (int k = 0; k < npo; k++) {
			Block *b = po[k];
			memset(live, 0, (size_t)words * sizeof *live);
			for (int i = 0; i < b->nsuccs; i++) {
				uint64_t *in = livein + (size_t)b->succs[i].b->id * words;
				for (int w = 0; w < words; w++)
					live[w] |= in[w];
			}
			for (int i = b->nvalues - 1; i >= 0; i--) {
				Value *v = b->values[i];
				bool whole;
				int l;
				if (ssa_ops[v->op].flags & OPF_CALL) {
					uint64_t *m = g->calllocals[v->id];
					if (!m)
						m = g->calllocals[v->id] = xmalloc((size_t)words * sizeof *m);
					for (int w = 0; w < words; w++)
						m[w] = live[w] | rec[w];
					continue;
				}
				switch (v->op) {
				case OpStore: case OpZero: case OpMove:
					l = local_of(g, v->args[0], &whole);
					if (l >= 0 && whole &&
					    (v->op == OpStore ? v->args[1]->type->size : v->auxint) >= g->locals[l].size)
						CLRB(live, l);
					if (v->op == OpMove && (l = local_of(g, v->args[1], &whole)) >= 0)
						SETB(live, l);
					break;
				case OpLoad:
					if ((l = local_of(g, v->args[0], &whole)) >= 0)
						SETB(live, l);
					break;
				default:
					break;
				}
			}
			uint64_t *in = livein + (size_t)b->id * words;
			for (int w = 0; w < words; w++)
				if (in[w] != live[w]) {
					in[w] = live[w];
					changed = true;
				}
		}
		/* the recovery paths' needs, at every call (next round) */
		for (int k = 0; k < f->nblocks; k++) {
			Block *b = f->blocks[k];
			if (b->kind != BlockDefer || b->nsuccs < 2)
				continue;
			uint64_t *in = livein + (size_t)b->succs[1].b->id * words;
			for (int w = 0; w < words; w++)
				if ((rec[w] | in[w]) != rec[w]) {
					rec[w] |= in[w];
					changed = true;
				}
		}
	}
#undef SETB
#undef CLRB
	free(livein);
	free(live);
	free(rec);
}
