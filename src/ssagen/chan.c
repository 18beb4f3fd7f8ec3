/*
 * chan.c — channels and select, lowered to the runtime calls of
 * docs/abi.md's table (gc's walk): make(chan T, n) through
 * runtime.makechan; c <- v through chansend1(c, &v); <-c through
 * chanrecv1(c, &v) and v, ok = <-c through chanrecv2; close through
 * closechan; len and cap inline (0 for nil, else the words at 0(c) and
 * 8(c)); for range over a channel through chanrecv2 until !ok; select
 * with one case and a default through selectnbsend/selectnbrecv, select
 * {} through runtime.block, a single case without default as the plain
 * operation, and every other select through selectgo with an array of
 * scase {c, elem} (sends first, then receives) and the order scratch
 * array on the stack.
 */
#include "ssagen.h"

static Type *elemtype(Type *ct) { return under(ct)->chan.elem; }

Value *gen_makechan(Gen *s, Type *ct, Node *size)
{
	Value *n = size ? gen_exprto(s, size, typ_basic[BK_INT]) : gen_constint(s, ssa_t_int, 0);
	if (size) {
		Type *st = gen_typeof(s, size);
		if (st && !is_untyped(st) && gen_sizeof(st) < 8)
			n = gen_to64(s, gen_expr(s, size), st);
	}
	return gen_rtcall1(s, "runtime.makechan", gen_type(ct), 2, gen_typeaddr(s, ct), n);
}

/* <-c; ok non-NULL: the comma-ok form */
Value *gen_recv(Gen *s, Type *ct, Value *c, Value **ok)
{
	Type *et = elemtype(ct);
	Value *tmp = gen_tempaddr(s, et);
	if (ok)
		*ok = gen_rtcall1(s, "runtime.chanrecv2", ssa_t_bool, 2, c, tmp);
	else
		gen_rtcall1(s, "runtime.chanrecv1", NULL, 2, c, tmp);
	return gen_copytemp(s, et, gen_load(s, et, tmp));
}

Value *gen_chanrecv(Gen *s, Node *e, Value **ok)
{
	Node *x = e->unary.x;
	Type *ct = gen_typeof(s, x);
	Value *c = gen_expr(s, x);
	s->pos = node_pos(e);
	return gen_recv(s, ct, c, ok);
}

void gen_send(Gen *s, Node *n)
{
	Type *ct = gen_typeof(s, n->send.chan);
	Type *et = elemtype(ct);
	gen_hoist(s, n->send.chan);
	gen_hoist(s, n->send.value);
	Value *c = gen_expr(s, n->send.chan);
	Value *v = gen_exprto(s, n->send.value, et);
	s->pos = n->send.arrow;
	Value *tmp = gen_tempaddr(s, et);
	gen_store(s, et, tmp, v);
	gen_rtcall1(s, "runtime.chansend1", NULL, 2, c, tmp);
}

/* len(c) or cap(c): 0 for nil, else the word at 0(c) or 8(c) */
Value *gen_chanlen(Gen *s, Value *c, bool cap)
{
	int var = gen_newvar(s, ssa_t_int);
	gen_writevar(s, var, gen_constint(s, ssa_t_int, 0));
	Block *load = gen_newblock(s, BlockPlain), *done = gen_newblock(s, BlockPlain);
	gen_endif(s, gen_value1(s, OpIsNonNil, ssa_t_bool, c), load, done);
	gen_startblock(s, load, true);
	Value *p = c;
	if (cap) {
		p = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_int), c);
		p->auxint = 8;
	}
	gen_writevar(s, var, gen_value2(s, OpLoad, ssa_t_int, p, gen_mem(s)));
	gen_endplain(s, done);
	gen_startblock(s, done, true);
	return gen_readvar(s, var);
}

/* ---- select ---- */

typedef struct SelCase {
	Node *clause;
	bool send, dflt;
	Node *lhs[2];      /* receive: v, ok (or NULL) */
	bool define;
	Type *ct, *et;
	Value *c, *val;    /* send: the value; receive: the temporary */
	Block *body;
} SelCase;

/* the receive's left-hand sides after a case was chosen */
static void recvassign(Gen *s, SelCase *k, Value *okv)
{
	for (int i = 0; i < 2; i++) {
		Node *l = k->lhs[i];
		if (!l || (gen_unparen(l)->kind == N_Ident && str_eqc(gen_unparen(l)->ident.name, "_")))
			continue;
		if (k->define) {
			Object *o = ptrmap_get(&s->check->info.defs, l);
			if (o && !gen_lookupvar(s, o))
				gen_declare(s, o, node_pos(l));
		}
		if (i == 0)
			gen_assign(s, l, gen_copytemp(s, k->et, gen_load(s, k->et, k->val)), k->et);
		else
			gen_assign(s, l, okv, typ_basic[BK_BOOL]);
	}
}

void gen_select(Gen *s, Node *n, Target *t)
{
	List cl = n->selectstmt.body->block.list;
	int nc = (int)cl.n;
	SelCase *cs = xcalloc((size_t)nc + 1, sizeof *cs);
	int nsend = 0, nrecv = 0, dflt = -1;
	Block *exit = t->brk;
	/* evaluate channels and values in source order */
	for (int i = 0; i < nc; i++) {
		Node *c = cl.v[i];
		SelCase *k = &cs[i];
		k->clause = c;
		Node *comm = c->commclause.comm;
		if (!comm) {
			k->dflt = true;
			dflt = i;
			continue;
		}
		s->pos = node_pos(comm); /* a fault evaluating the case is on its line (GOROOT/test bug347) */
		Node *rx = NULL;
		if (comm->kind == N_SendStmt) {
			k->send = true;
			k->ct = gen_typeof(s, comm->send.chan);
			k->et = elemtype(k->ct);
			k->c = gen_expr(s, comm->send.chan);
			k->val = gen_tempaddr(s, k->et);
			gen_store(s, k->et, k->val, gen_exprto(s, comm->send.value, k->et));
			nsend++;
			continue;
		}
		if (comm->kind == N_ExprStmt)
			rx = comm->exprstmt.x;
		else if (comm->kind == N_AssignStmt) {
			rx = comm->assign.rhs.v[0];
			k->lhs[0] = comm->assign.lhs.v[0];
			k->lhs[1] = comm->assign.lhs.n > 1 ? comm->assign.lhs.v[1] : NULL;
			k->define = comm->assign.tok == TOK_DEFINE;
		}
		rx = gen_unparen(rx);
		k->ct = gen_typeof(s, rx->unary.x);
		k->et = elemtype(k->ct);
		k->c = gen_expr(s, rx->unary.x);
		k->val = gen_tempaddr(s, k->et);
		nrecv++;
	}
	for (int i = 0; i < nc; i++)
		cs[i].body = gen_newblock(s, BlockPlain);
	s->pos = n->selectstmt.select;
	Value *okv = NULL;
	if (nc == 0) {
		gen_rtcall1(s, "runtime.block", NULL, 0);
		gen_endexit(s);
	} else if (nsend + nrecv == 1 && dflt < 0) {
		SelCase *k = &cs[0];
		if (k->send)
			gen_rtcall1(s, "runtime.chansend1", NULL, 2, k->c, k->val);
		else if (k->lhs[1])
			okv = gen_rtcall1(s, "runtime.chanrecv2", ssa_t_bool, 2, k->c, k->val);
		else
			gen_rtcall1(s, "runtime.chanrecv1", NULL, 2, k->c, k->val);
		gen_endplain(s, k->body);
	} else if (nsend + nrecv == 1 && dflt >= 0) {
		SelCase *k = &cs[dflt == 0 ? 1 : 0];
		Value *sel;
		if (k->send)
			sel = gen_rtcall1(s, "runtime.selectnbsend", ssa_t_bool, 2, k->c, k->val);
		else {
			Value *args[2] = {k->val, k->c}, *res[2];
			SsaType *rt[2] = {ssa_t_bool, ssa_t_bool};
			gen_rtcall(s, "runtime.selectnbrecv", args, 2, rt, 2, res);
			sel = res[0];
			okv = res[1];
		}
		gen_endif(s, sel, k->body, cs[dflt].body);
	} else {
		/* scase array: sends first, then receives */
		int ncase = nsend + nrecv;
		/* {c, elem} per case: pointers, which the stack maps must show (elem
		 * points into this frame, which may move while the select waits) */
		Type *scase = new_array(s->check->arena, typ_basic[BK_UNSAFE_POINTER], 2 * ncase);
		Type *order = new_array(s->check->arena, typ_basic[BK_UINT16], 2 * ncase);
		Value *arr = gen_tempaddr(s, scase), *ord = gen_tempaddr(s, order);
		int *idx = xcalloc((size_t)nc + 1, sizeof *idx);
		int ks = 0, kr = nsend;
		for (int i = 0; i < nc; i++) {
			if (cs[i].dflt)
				continue;
			int j = cs[i].send ? ks++ : kr++;
			idx[i] = j;
			Value *pc = gen_value1(s, OpOffPtr, ssa_type_ptrto(gen_type(cs[i].ct)), arr);
			pc->auxint = 16 * j;
			gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, pc, cs[i].c, gen_mem(s)));
			Value *pe = gen_value1(s, OpOffPtr, ssa_type_ptrto(ssa_t_byteptr), arr);
			pe->auxint = 16 * j + 8;
			gen_setmem(s, gen_value3(s, OpStore, ssa_t_mem, pe, cs[i].val, gen_mem(s)));
		}
		Value *args[6] = {arr, ord, gen_constnil(s, ssa_t_byteptr), gen_constint(s, ssa_t_int, nsend),
				  gen_constint(s, ssa_t_int, nrecv), gen_constbool(s, dflt < 0)};
		Value *res[2];
		SsaType *rt[2] = {ssa_t_int, ssa_t_bool};
		gen_rtcall(s, "runtime.selectgo", args, 6, rt, 2, res);
		okv = res[1];
		for (int i = 0; i < nc; i++) {
			Block *next = gen_newblock(s, BlockPlain);
			int j = cs[i].dflt ? -1 : idx[i];
			gen_endif(s, gen_value2(s, OpEq64, ssa_t_bool, res[0], gen_constint(s, ssa_t_int, j)), cs[i].body, next);
			gen_startblock(s, next, true);
		}
		gen_endexit(s); /* selectgo returned no case: impossible */
		free(idx);
	}
	/* okv (when set) is defined before the branches: it dominates every body */
	for (int i = 0; i < nc; i++) {
		gen_startblock(s, cs[i].body, true);
		if (!cs[i].send && !cs[i].dflt)
			recvassign(s, &cs[i], okv ? okv : gen_constbool(s, true));
		gen_block(s, cs[i].clause->commclause.body);
		gen_endplain(s, exit);
	}
	free(cs);
}
