/*
 * ssa_parse.c — reads the text form of the IR (ssa.h) back into Funcs,
 * keeping the value and block ids of the text, so that tests can be
 * written as .ssa files and compared with the printer's output.
 *
 * Lenient where it helps writing tests by hand: `(line)` may be left
 * out; `<type>` may be left out when the op fixes it (bool, mem, void)
 * or when it is the type of argument 0; `<- preds` may be left out, then
 * the predecessors come in the order of the edges as written.  Comments
 * start with '#' or '//'.
 */
#include <errno.h>

#include "ssa.h"

typedef struct PendVal {
	Value *v;
	uint32_t line; /* text line, for errors */
	int argstart, nargs;
	bool infertype;
} PendVal;

typedef struct PendBlock {
	Block *b;
	uint32_t line;
	int succstart, nsuccs;
	int predstart, npreds; /* npreds -1: not given */
	uint32_t ctl[2];
	int nctl;
} PendBlock;

typedef struct Parser {
	const char *filename;
	const char *p, *end;
	uint32_t line;
	char *err;
	Func *f;
	PendVal *vals;
	int nvals, capvals;
	PendBlock *blocks;
	int nblocks, capblocks;
	uint32_t *ids; /* argument value ids, successor and predecessor block ids */
	int nids, capids;
} Parser;

static bool perr(Parser *ps, uint32_t line, const char *fmt, ...) PRINTF(3, 4);
static bool perr(Parser *ps, uint32_t line, const char *fmt, ...)
{
	if (ps->err)
		return false;
	Buf b = {0};
	buf_printf(&b, "%s:%u: ", ps->filename, line);
	va_list ap;
	va_start(ap, fmt);
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_puts(&b, msg);
	buf_putc(&b, 0);
	ps->err = b.p;
	return false;
}

static void pushid(Parser *ps, uint32_t id)
{
	if (ps->nids == ps->capids) {
		ps->capids = ps->capids ? ps->capids * 2 : 256;
		ps->ids = xrealloc(ps->ids, (size_t)ps->capids * sizeof *ps->ids);
	}
	ps->ids[ps->nids++] = id;
}

/* ---- a line's tokens ---- */
typedef struct Line {
	const char *p, *end;
	uint32_t no;
} Line;

static void skipsp(Line *l)
{
	while (l->p < l->end && (*l->p == ' ' || *l->p == '\t' || *l->p == '\r'))
		l->p++;
}

static bool atend(Line *l)
{
	skipsp(l);
	return l->p >= l->end;
}

static Str word(Line *l)
{
	skipsp(l);
	const char *s = l->p;
	while (l->p < l->end && *l->p != ' ' && *l->p != '\t' && *l->p != '\r')
		l->p++;
	return (Str){s, (uint32_t)(l->p - s)};
}

/* "v12" / "b3" → 12 / 3; false if s is not prefix+digits */
static bool parse_ref(Str s, char prefix, uint32_t *id)
{
	if (s.n < 2 || s.p[0] != prefix)
		return false;
	uint64_t n = 0;
	for (uint32_t i = 1; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		n = n * 10 + (uint64_t)(s.p[i] - '0');
		if (n > 0x7fffffff)
			return false;
	}
	*id = (uint32_t)n;
	return true;
}

/* (12), (+12), (?): the source line */
static bool parse_srcline(Line *l, uint32_t *line)
{
	skipsp(l);
	if (l->p >= l->end || *l->p != '(')
		return false;
	const char *q = l->p + 1;
	if (q < l->end && *q == '+')
		q++;
	if (q < l->end && *q == '?' && q + 1 < l->end && q[1] == ')') {
		*line = 0;
		l->p = q + 2;
		return true;
	}
	uint32_t n = 0;
	const char *d = q;
	while (q < l->end && *q >= '0' && *q <= '9')
		n = n * 10 + (uint32_t)(*q++ - '0');
	if (q == d || q >= l->end || *q != ')')
		return false;
	*line = n;
	l->p = q + 1;
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static bool parse_aux(Parser *ps, Line *l, Value *v)
{
	/* l->p is at '{' */
	const char *s = l->p + 1;
	if (s < l->end && *s == '"') {
		Buf b = {0};
		const char *q = s + 1;
		while (q < l->end && *q != '"') {
			char c = *q++;
			if (c == '\\' && q < l->end) {
				char e = *q++;
				switch (e) {
				case 'n': c = '\n'; break;
				case 't': c = '\t'; break;
				case 'r': c = '\r'; break;
				case '0': c = 0; break;
				case 'x':
					if (q + 1 < l->end && hexval(q[0]) >= 0 && hexval(q[1]) >= 0) {
						c = (char)(hexval(q[0]) * 16 + hexval(q[1]));
						q += 2;
						break;
					}
					buf_free(&b);
					return perr(ps, l->no, "bad \\x escape in string");
				default: c = e;
				}
			}
			buf_putc(&b, c);
		}
		if (!(q + 1 < l->end && q[0] == '"' && q[1] == '}')) {
			buf_free(&b);
			return perr(ps, l->no, "unterminated string in {...}");
		}
		v->aux = ssa_aux(ps->f, b.p ? b.p : "", b.n);
		buf_free(&b);
		l->p = q + 2;
		return true;
	}
	const char *e = s;
	int depth = 0;
	while (e < l->end && (*e != '}' || depth)) {
		if (*e == '{') depth++;
		if (*e == '}') depth--;
		e++;
	}
	if (e >= l->end)
		return perr(ps, l->no, "missing } in aux");
	v->aux = ssa_aux(ps->f, s, (size_t)(e - s));
	l->p = e + 1;
	return true;
}

static bool parse_auxint(Parser *ps, Line *l, Value *v)
{
	const char *s = l->p + 1, *e = s;
	while (e < l->end && *e != ']')
		e++;
	if (e >= l->end)
		return perr(ps, l->no, "missing ] in auxint");
	char buf[128];
	size_t n = (size_t)(e - s);
	if (n >= sizeof buf)
		return perr(ps, l->no, "auxint too long");
	memcpy(buf, s, n);
	buf[n] = 0;
	l->p = e + 1;
	int kind = ssa_ops[v->op].auxkind;
	char *end;
	if (kind == AUX_BOOL) {
		if (strcmp(buf, "true") == 0)
			v->auxint = 1;
		else if (strcmp(buf, "false") == 0)
			v->auxint = 0;
		else
			return perr(ps, l->no, "%s wants [true] or [false], not [%s]", ssa_ops[v->op].name, buf);
		return true;
	}
	if (kind == AUX_F32 || kind == AUX_F64) {
		double d = strtod(buf, &end);
		if (*end || end == buf)
			return perr(ps, l->no, "bad float auxint [%s]", buf);
		if (kind == AUX_F32)
			d = (double)(float)d;
		memcpy(&v->auxint, &d, sizeof d);
		return true;
	}
	if (kind == AUX_NONE || kind == AUX_STR || kind == AUX_SYM)
		return perr(ps, l->no, "%s takes no auxint", ssa_ops[v->op].name);
	errno = 0;
	long long x = strtoll(buf, &end, 0);
	if (*end || end == buf || errno)
		return perr(ps, l->no, "bad integer auxint [%s]", buf);
	v->auxint = x;
	return true;
}

static bool parse_value(Parser *ps, Line *l, Block *b, uint32_t id)
{
	uint32_t srcline = 0;
	if (!atend(l) && *l->p == '(' && !parse_srcline(l, &srcline))
		return perr(ps, l->no, "bad source line");
	Str eq = word(l);
	if (!str_eqc(eq, "="))
		return perr(ps, l->no, "want '=' after v%u", id);
	Str opname = word(l);
	Op op = ssa_op_lookup(opname.p, opname.n);
	if (op == OpInvalid)
		return perr(ps, l->no, "unknown op %.*s", (int)opname.n, opname.p);
	if (id < ps->f->nvalueids && ps->f->values[id])
		return perr(ps, l->no, "v%u defined twice", id);
	Value *v = ssa_value_new_id(b, op, NULL, id);
	v->line = srcline;
	PendVal pv = {v, l->no, ps->nids, 0, false};
	skipsp(l);
	if (l->p < l->end && *l->p == '<') {
		const char *s = l->p + 1, *e = s;
		while (e < l->end && *e != '>')
			e++;
		if (e >= l->end)
			return perr(ps, l->no, "missing > after type");
		char tn[512];
		size_t n = (size_t)(e - s);
		if (n >= sizeof tn)
			return perr(ps, l->no, "type name too long");
		memcpy(tn, s, n);
		tn[n] = 0;
		v->type = ssa_type(tn);
		if (!v->type)
			return perr(ps, l->no, "unknown type <%s>", tn);
		l->p = e + 1;
	} else {
		const char *r = strchr(ssa_ops[op].sig, '>') + 1;
		switch (*r) {
		case 'b': v->type = ssa_t_bool; break;
		case 'm': v->type = ssa_t_mem; break;
		case 'v': v->type = ssa_t_void; break;
		case '=': pv.infertype = true; break;
		default: return perr(ps, l->no, "v%u: %s needs a <type>", id, ssa_ops[op].name);
		}
	}
	for (;;) {
		skipsp(l);
		if (l->p >= l->end)
			break;
		if (*l->p == '[') {
			if (!parse_auxint(ps, l, v))
				return false;
		} else if (*l->p == '{') {
			if (!parse_aux(ps, l, v))
				return false;
		} else {
			Str a = word(l);
			uint32_t aid;
			if (!parse_ref(a, 'v', &aid))
				return perr(ps, l->no, "bad argument '%.*s'", (int)a.n, a.p);
			pushid(ps, aid);
			pv.nargs++;
		}
	}
	if (ps->nvals == ps->capvals) {
		ps->capvals = ps->capvals ? ps->capvals * 2 : 64;
		ps->vals = xrealloc(ps->vals, (size_t)ps->capvals * sizeof *ps->vals);
	}
	ps->vals[ps->nvals++] = pv;
	return true;
}

static BlockKind block_kind(Str s)
{
	for (int k = 1; k < BlockCount; k++)
		if (str_eqc(s, ssa_blocks[k].name))
			return (BlockKind)k;
	return BlockInvalid;
}

static bool parse_blockend(Parser *ps, Line *l, PendBlock *pb, BlockKind k)
{
	pb->b->kind = (uint8_t)k;
	pb->succstart = ps->nids;
	for (;;) {
		skipsp(l);
		if (l->p >= l->end)
			break;
		if (*l->p == '(') {
			Str w = word(l);
			if (str_eqc(w, "(likely)"))
				pb->b->likely = 1;
			else if (str_eqc(w, "(unlikely)"))
				pb->b->likely = -1;
			else {
				Line t = {w.p, w.p + w.n, l->no};
				if (!parse_srcline(&t, &pb->b->line) || t.p != t.end)
					return perr(ps, l->no, "bad '%.*s' after block", (int)w.n, w.p);
			}
			continue;
		}
		Str w = word(l);
		uint32_t id;
		if (str_eqc(w, "->")) {
			while (!atend(l) && *l->p != '(') {
				Str s = word(l);
				if (!parse_ref(s, 'b', &id))
					return perr(ps, l->no, "bad successor '%.*s'", (int)s.n, s.p);
				pushid(ps, id);
				pb->nsuccs++;
			}
		} else if (parse_ref(w, 'v', &id)) {
			if (pb->nctl == 2 || pb->nsuccs)
				return perr(ps, l->no, "too many controls");
			pb->ctl[pb->nctl++] = id;
		} else
			return perr(ps, l->no, "bad '%.*s' in block end", (int)w.n, w.p);
	}
	return true;
}

/* resolves the ids collected for one function */
static bool finish(Parser *ps)
{
	Func *f = ps->f;
	if (!f)
		return true;
	for (int i = 0; i < ps->nblocks; i++)
		if (ps->blocks[i].b->kind == BlockInvalid)
			return perr(ps, ps->blocks[i].line, "b%u has no end (Plain, If, Ret, ...)", ps->blocks[i].b->id);
	for (int i = 0; i < ps->nvals; i++) {
		PendVal *pv = &ps->vals[i];
		for (int k = 0; k < pv->nargs; k++) {
			uint32_t id = ps->ids[pv->argstart + k];
			Value *a = id < f->nvalueids ? f->values[id] : NULL;
			if (!a)
				return perr(ps, pv->line, "v%u: argument v%u is not defined", pv->v->id, id);
			ssa_value_addarg(pv->v, a);
		}
	}
	/* types inferred from argument 0, in dependency order (a few rounds) */
	for (bool more = true; more;) {
		more = false;
		bool progress = false;
		for (int i = 0; i < ps->nvals; i++) {
			PendVal *pv = &ps->vals[i];
			if (!pv->infertype || pv->v->type)
				continue;
			if (pv->v->nargs == 0)
				return perr(ps, pv->line, "v%u: %s needs a <type>", pv->v->id, ssa_ops[pv->v->op].name);
			if (pv->v->args[0]->type) {
				pv->v->type = pv->v->args[0]->type;
				progress = true;
			} else
				more = true;
		}
		if (more && !progress) {
			for (int i = 0; i < ps->nvals; i++)
				if (!ps->vals[i].v->type)
					return perr(ps, ps->vals[i].line, "v%u: cannot infer its type", ps->vals[i].v->id);
		}
	}
	/* edges: the successor lists give the succs' order, the "<-" lists
	 * the preds' order (matching repeated edges in order) */
	for (int i = 0; i < ps->nblocks; i++) {
		PendBlock *pb = &ps->blocks[i];
		Block *b = pb->b;
		for (int k = 0; k < pb->nctl; k++) {
			uint32_t id = pb->ctl[k];
			Value *c = id < f->nvalueids ? f->values[id] : NULL;
			if (!c)
				return perr(ps, pb->line, "b%u: control v%u is not defined", b->id, id);
			ssa_block_setcontrol(b, k, c);
		}
		for (int k = 0; k < pb->nsuccs; k++)
			if (!ssa_block_of_id(f, ps->ids[pb->succstart + k]))
				return perr(ps, pb->line, "b%u: successor b%u is not defined", b->id, ps->ids[pb->succstart + k]);
		b->nsuccs = b->capsuccs = pb->nsuccs;
		b->succs = arena_alloc(&f->arena, (size_t)(pb->nsuccs + 1) * sizeof(Edge));
	}
	/* count the preds each block gets */
	for (int i = 0; i < ps->nblocks; i++) {
		PendBlock *pb = &ps->blocks[i];
		for (int k = 0; k < pb->nsuccs; k++)
			ssa_block_of_id(f, ps->ids[pb->succstart + k])->npreds++;
	}
	for (int i = 0; i < ps->nblocks; i++) {
		PendBlock *pb = &ps->blocks[i];
		Block *b = pb->b;
		if (pb->npreds >= 0 && pb->npreds != b->npreds)
			return perr(ps, pb->line, "b%u: lists %d predecessors but %d edges lead to it", b->id, pb->npreds, b->npreds);
		b->cappreds = b->npreds;
		b->preds = arena_alloc(&f->arena, (size_t)(b->npreds + 1) * sizeof(Edge));
		for (int k = 0; k < b->npreds; k++)
			b->preds[k].b = NULL;
		if (pb->npreds >= 0)
			for (int k = 0; k < b->npreds; k++) {
				Block *p = ssa_block_of_id(f, ps->ids[pb->predstart + k]);
				if (!p)
					return perr(ps, pb->line, "b%u: predecessor b%u is not defined", b->id, ps->ids[pb->predstart + k]);
				b->preds[k] = (Edge){p, -1};
			}
		b->npreds = 0; /* refilled below when not listed */
	}
	for (int i = 0; i < ps->nblocks; i++) {
		PendBlock *pb = &ps->blocks[i];
		Block *b = pb->b;
		for (int k = 0; k < pb->nsuccs; k++) {
			Block *c = ssa_block_of_id(f, ps->ids[pb->succstart + k]);
			PendBlock *pc = NULL;
			for (int j = 0; j < ps->nblocks; j++)
				if (ps->blocks[j].b == c)
					pc = &ps->blocks[j];
			int j;
			if (pc->npreds >= 0) {
				for (j = 0; j < pc->npreds; j++)
					if (c->preds[j].b == b && c->preds[j].i < 0)
						break;
				if (j == pc->npreds)
					return perr(ps, pc->line, "b%u: b%u -> b%u is not among its predecessors", c->id, b->id, c->id);
			} else {
				j = c->npreds++;
			}
			c->preds[j] = (Edge){b, k};
			b->succs[k] = (Edge){c, j};
		}
	}
	for (int i = 0; i < ps->nblocks; i++)
		if (ps->blocks[i].npreds >= 0)
			ps->blocks[i].b->npreds = ps->blocks[i].npreds;
	f->cfgversion++;
	return true;
}

Func **ssa_parse(const char *filename, const char *text, size_t len, int *nfuncs, char **err)
{
	Parser ps = {.filename = filename, .p = text, .end = text + len};
	Func **funcs = NULL;
	int nf = 0;
	PendBlock *cur = NULL;
	*err = NULL;
	while (ps.p < ps.end && !ps.err) {
		const char *nl = memchr(ps.p, '\n', (size_t)(ps.end - ps.p));
		Line l = {ps.p, nl ? nl : ps.end, ++ps.line};
		ps.p = nl ? nl + 1 : ps.end;
		if (atend(&l) || *l.p == '#' || (l.end - l.p >= 2 && l.p[0] == '/' && l.p[1] == '/'))
			continue;
		Str w = word(&l);
		uint32_t id;
		if (str_eqc(w, "func")) {
			if (!finish(&ps))
				break;
			Str name = word(&l);
			if (!name.n) {
				perr(&ps, l.no, "func without a name");
				break;
			}
			char nb[256];
			snprintf(nb, sizeof nb, "%.*s", (int)name.n, name.p);
			ps.f = ssa_func_new(nb);
			funcs = xrealloc(funcs, (size_t)(nf + 1) * sizeof *funcs);
			funcs[nf++] = ps.f;
			ps.nvals = ps.nblocks = ps.nids = 0;
			cur = NULL;
			continue;
		}
		if (!ps.f) {
			perr(&ps, l.no, "want 'func NAME' first");
			break;
		}
		if (w.n >= 3 && w.p[w.n - 1] == ':' && parse_ref((Str){w.p, w.n - 1}, 'b', &id)) {
			if (cur && cur->b->kind == BlockInvalid) {
				perr(&ps, cur->line, "b%u has no end (Plain, If, Ret, ...)", cur->b->id);
				break;
			}
			if (ssa_block_of_id(ps.f, id)) {
				perr(&ps, l.no, "b%u defined twice", id);
				break;
			}
			if (ps.nblocks == ps.capblocks) {
				ps.capblocks = ps.capblocks ? ps.capblocks * 2 : 16;
				ps.blocks = xrealloc(ps.blocks, (size_t)ps.capblocks * sizeof *ps.blocks);
			}
			cur = &ps.blocks[ps.nblocks++];
			*cur = (PendBlock){.b = ssa_block_new_id(ps.f, BlockInvalid, id), .line = l.no, .npreds = -1};
			Str arrow = word(&l);
			if (arrow.n) {
				if (!str_eqc(arrow, "<-")) {
					perr(&ps, l.no, "want '<-' after b%u:", id);
					break;
				}
				cur->predstart = ps.nids;
				cur->npreds = 0;
				while (!atend(&l)) {
					Str s = word(&l);
					if (!parse_ref(s, 'b', &id)) {
						perr(&ps, l.no, "bad predecessor '%.*s'", (int)s.n, s.p);
						break;
					}
					pushid(&ps, id);
					cur->npreds++;
				}
			}
			continue;
		}
		if (!cur) {
			perr(&ps, l.no, "want a block label (b1:) first");
			break;
		}
		if (cur->b->kind != BlockInvalid) {
			perr(&ps, l.no, "b%u already ended", cur->b->id);
			break;
		}
		if (parse_ref(w, 'v', &id)) {
			parse_value(&ps, &l, cur->b, id);
			continue;
		}
		BlockKind k = block_kind(w);
		if (k == BlockInvalid) {
			perr(&ps, l.no, "unknown '%.*s' (want vN = ..., a block kind, bN:)", (int)w.n, w.p);
			break;
		}
		parse_blockend(&ps, &l, cur, k);
	}
	if (!ps.err)
		finish(&ps);
	if (!ps.err && nf == 0)
		perr(&ps, ps.line, "no functions");
	free(ps.vals);
	free(ps.blocks);
	free(ps.ids);
	if (ps.err) {
		for (int i = 0; i < nf; i++)
			ssa_func_free(funcs[i]);
		free(funcs);
		*err = ps.err;
		*nfuncs = 0;
		return NULL;
	}
	*nfuncs = nf;
	return funcs;
}
