/*
 * func.c — the IR's data: the op and block-kind tables (derived from
 * ops.h), interned types, and construction and editing of functions,
 * blocks and values (all in the function's arena).
 */
#include "ssa.h"

#define SSA_OP_INFO(name, n, sig, aux, fl) {#name, n, aux, fl, sig},
const OpInfo ssa_ops[OpCount] = {SSA_OPS(SSA_OP_INFO)};
#undef SSA_OP_INFO
#define SSA_BLOCK_INFO(name, nc, ns) {#name, nc, ns},
const BlockInfo ssa_blocks[BlockCount] = {SSA_BLOCKS(SSA_BLOCK_INFO)};
#undef SSA_BLOCK_INFO

static uint32_t hashstr(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

Op ssa_op_lookup(const char *name, size_t n)
{
	static int16_t *tab;
	enum { TABN = 2048 };
	if (!tab) {
		tab = xcalloc(TABN, sizeof *tab);
		for (int op = 1; op < OpCount; op++) {
			uint32_t h = hashstr(ssa_ops[op].name, strlen(ssa_ops[op].name)) & (TABN - 1);
			while (tab[h])
				h = (h + 1) & (TABN - 1);
			tab[h] = (int16_t)op;
		}
	}
	for (uint32_t h = hashstr(name, n) & (TABN - 1); tab[h]; h = (h + 1) & (TABN - 1)) {
		const char *s = ssa_ops[tab[h]].name;
		if (strlen(s) == n && memcmp(s, name, n) == 0)
			return (Op)tab[h];
	}
	return OpInvalid;
}

int ssa_op_width(Op op)
{
	const char *s = ssa_ops[op].sig;
	switch (s[0]) {
	case '1': return 1;
	case '2': return 2;
	case '4': return 4;
	case '8': return 8;
	}
	return 0;
}

/* ---- types: interned by name, never freed ---- */

static Arena typearena;
static SsaType **typetab;
static uint32_t ntypes, captypes;

SsaType *ssa_t_mem, *ssa_t_void, *ssa_t_bool, *ssa_t_int, *ssa_t_uintptr, *ssa_t_int8,
	*ssa_t_int16, *ssa_t_int32, *ssa_t_int64, *ssa_t_uint8, *ssa_t_uint16, *ssa_t_uint32,
	*ssa_t_uint64, *ssa_t_float32, *ssa_t_float64, *ssa_t_string, *ssa_t_byteptr;

static SsaType *type_find(const char *name, size_t n, uint32_t *slot)
{
	uint32_t h = hashstr(name, n) & (captypes - 1);
	for (; typetab[h]; h = (h + 1) & (captypes - 1)) {
		const char *s = typetab[h]->name;
		if (strlen(s) == n && memcmp(s, name, n) == 0)
			return typetab[h];
	}
	*slot = h;
	return NULL;
}

static SsaType *type_insert(const char *name, size_t n, int kind, int64_t size, int align)
{
	if ((ntypes + 1) * 2 > captypes) {
		uint32_t oldcap = captypes;
		SsaType **old = typetab;
		captypes = captypes ? captypes * 2 : 256;
		typetab = xcalloc(captypes, sizeof *typetab);
		for (uint32_t i = 0; i < oldcap; i++)
			if (old[i]) {
				uint32_t slot;
				type_find(old[i]->name, strlen(old[i]->name), &slot);
				typetab[slot] = old[i];
			}
		free(old);
	}
	uint32_t slot;
	SsaType *t = type_find(name, n, &slot);
	if (t)
		return t;
	t = arena_alloc(&typearena, sizeof *t);
	t->name = arena_strndup(&typearena, name, n);
	t->kind = (uint8_t)kind;
	t->size = size;
	t->align = (uint8_t)align;
	typetab[slot] = t;
	ntypes++;
	return t;
}

static void types_init(void)
{
	if (typetab)
		return;
	static const struct { const char *name; int kind, size; } basic[] = {
		{"mem", SK_MEM, 0}, {"void", SK_VOID, 0}, {"flags", SK_FLAGS, 0},
		{"bool", SK_BOOL, 1},
		{"int8", SK_INT, 1}, {"int16", SK_INT, 2}, {"int32", SK_INT, 4}, {"int64", SK_INT, 8},
		{"int", SK_INT, 8}, {"rune", SK_INT, 4},
		{"uint8", SK_UINT, 1}, {"uint16", SK_UINT, 2}, {"uint32", SK_UINT, 4},
		{"uint64", SK_UINT, 8}, {"uint", SK_UINT, 8}, {"uintptr", SK_UINT, 8}, {"byte", SK_UINT, 1},
		{"float32", SK_FLOAT, 4}, {"float64", SK_FLOAT, 8},
		{"complex64", SK_COMPLEX, 8}, {"complex128", SK_COMPLEX, 16},
		{"string", SK_STRING, 16}, {"unsafe.Pointer", SK_PTR, 8},
		{"any", SK_IFACE, 16}, {"error", SK_IFACE, 16},
	};
	for (size_t i = 0; i < NELEM(basic); i++) {
		int sz = basic[i].size;
		type_insert(basic[i].name, strlen(basic[i].name), basic[i].kind, sz,
			    basic[i].kind == SK_COMPLEX ? sz / 2 : sz > 8 ? 8 : sz ? sz : 1);
	}
	ssa_t_mem = ssa_type("mem");
	ssa_t_void = ssa_type("void");
	ssa_t_bool = ssa_type("bool");
	ssa_t_int = ssa_type("int");
	ssa_t_uintptr = ssa_type("uintptr");
	ssa_t_int8 = ssa_type("int8");
	ssa_t_int16 = ssa_type("int16");
	ssa_t_int32 = ssa_type("int32");
	ssa_t_int64 = ssa_type("int64");
	ssa_t_uint8 = ssa_type("uint8");
	ssa_t_uint16 = ssa_type("uint16");
	ssa_t_uint32 = ssa_type("uint32");
	ssa_t_uint64 = ssa_type("uint64");
	ssa_t_float32 = ssa_type("float32");
	ssa_t_float64 = ssa_type("float64");
	ssa_t_string = ssa_type("string");
	ssa_t_byteptr = ssa_type("*uint8");
}

bool ssa_type_ptrword(const SsaType *t, int64_t off)
{
	if (off < 0 || off % 8 || off + 8 > t->size)
		return false;
	switch (t->kind) {
	case SK_PTR: case SK_STRING: case SK_SLICE:
		return off == 0;
	case SK_IFACE:
		return true;
	case SK_ARRAY:
		if (t->elem && t->elem->size > 0)
			return ssa_type_ptrword(t->elem, off % t->elem->size);
		return false;
	case SK_STRUCT:
		return t->ptrmask && (t->ptrmask[off / 64] >> (off / 8 % 8) & 1);
	}
	return false;
}

SsaType *ssa_type_define(const char *name, int kind, int64_t size, int align)
{
	types_init();
	return type_insert(name, strlen(name), kind, size, align);
}

/* a new tuple type of the name[0..n) and these fields */
static SsaType *tuple_insert(const char *name, size_t n, SsaType **fields, int nf)
{
	SsaType *t = type_insert(name, n, SK_TUPLE, 0, 1);
	t->fields = arena_alloc(&typearena, (size_t)(nf ? nf : 1) * sizeof *t->fields);
	memcpy(t->fields, fields, (size_t)nf * sizeof *fields);
	t->nfields = nf;
	return t;
}

/* the end of the type name starting at s (balanced brackets), or NULL */
static const char *type_end(const char *s)
{
	int depth = 0;
	const char *p = s;
	for (; *p; p++) {
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (*p == ')' || *p == ']' || *p == '}') {
			if (depth == 0)
				break;
			depth--;
		} else if (*p == ',' && depth == 0)
			break;
	}
	return depth ? NULL : p;
}

static SsaType *type_parse(const char *name, size_t n)
{
	uint32_t slot;
	if (n == 0)
		return NULL;
	SsaType *t = type_find(name, n, &slot);
	if (t)
		return t;
	char *s = arena_strndup(&typearena, name, n);
	if (s[0] == '*') {
		SsaType *e = type_parse(s + 1, n - 1);
		if (!e)
			return NULL;
		t = type_insert(s, n, SK_PTR, 8, 8);
		t->elem = e;
		return t;
	}
	if (s[0] == '[' && s[1] == ']') {
		SsaType *e = type_parse(s + 2, n - 2);
		if (!e)
			return NULL;
		t = type_insert(s, n, SK_SLICE, 24, 8);
		t->elem = e;
		return t;
	}
	if (s[0] == '[') {
		char *end;
		long long len = strtoll(s + 1, &end, 10);
		if (*end != ']' || len < 0)
			return NULL;
		SsaType *e = type_parse(end + 1, n - (size_t)(end + 1 - s));
		if (!e || e->kind == SK_MEM || e->kind == SK_VOID || e->kind == SK_TUPLE)
			return NULL;
		t = type_insert(s, n, SK_ARRAY, len * e->size, e->align);
		t->elem = e;
		return t;
	}
	if (s[0] == '(') {
		SsaType *fields[64];
		int nf = 0;
		const char *p = s + 1;
		for (;;) {
			const char *e = type_end(p);
			if (!e || nf == 64)
				return NULL;
			SsaType *ft = type_parse(p, (size_t)(e - p));
			if (!ft)
				return NULL;
			fields[nf++] = ft;
			if (*e == ')') {
				if (e[1] != 0)
					return NULL;
				break;
			}
			if (*e != ',')
				return NULL;
			p = e + 1;
			while (*p == ' ')
				p++;
		}
		return tuple_insert(s, n, fields, nf);
	}
	if (strncmp(s, "map[", 4) == 0 || strncmp(s, "chan ", 5) == 0 ||
	    strncmp(s, "<-chan ", 7) == 0 || strncmp(s, "chan<- ", 7) == 0 || strncmp(s, "func(", 5) == 0)
		return type_insert(s, n, SK_PTR, 8, 8);
	if (strncmp(s, "interface {", 11) == 0 || strncmp(s, "interface{", 10) == 0)
		return type_insert(s, n, SK_IFACE, 16, 8);
	return NULL;
}

SsaType *ssa_type(const char *name)
{
	types_init();
	return type_parse(name, strlen(name));
}

SsaType *ssa_type_ptrto(SsaType *elem)
{
	types_init();
	Buf b = {0};
	buf_printf(&b, "*%s", elem->name);
	uint32_t slot;
	SsaType *t = type_find(b.p, b.n, &slot);
	if (!t) {
		t = type_insert(b.p, b.n, SK_PTR, 8, 8);
		t->elem = elem;
	}
	buf_free(&b);
	return t;
}

SsaType *ssa_type_tuple(SsaType **fields, int n)
{
	types_init();
	Buf b = {0};
	buf_putc(&b, '(');
	for (int i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, ',');
		buf_puts(&b, fields[i]->name);
	}
	buf_putc(&b, ')');
	/* made from the fields, not parsed back: a field's name may not
	 * parse (a long interface's method set) */
	uint32_t slot;
	SsaType *t = type_find(b.p, b.n, &slot);
	if (!t)
		t = tuple_insert(b.p, b.n, fields, n);
	buf_free(&b);
	return t;
}

/* ---- functions, blocks, values ---- */

Func *ssa_func_new(const char *name)
{
	types_init();
	Func *f = xcalloc(1, sizeof *f);
	arena_init(&f->arena);
	f->name = arena_strndup(&f->arena, name, strlen(name));
	return f;
}

void ssa_func_free(Func *f)
{
	if (!f)
		return;
	free(f->imethods);
	arena_free(&f->arena);
	free(f);
}

/* grows an arena array of elem-sized items to hold at least need */
static void *grow(Arena *a, void *p, int n, int *cap, int need, size_t elem)
{
	if (need <= *cap)
		return p;
	int nc = *cap ? *cap * 2 : 4;
	while (nc < need)
		nc *= 2;
	void *q = arena_alloc(a, (size_t)nc * elem);
	if (n)
		memcpy(q, p, (size_t)n * elem);
	*cap = nc;
	return q;
}

Block *ssa_block_new_id(Func *f, BlockKind kind, uint32_t id)
{
	Block *b = arena_alloc(&f->arena, sizeof *b);
	b->id = id;
	b->kind = (uint8_t)kind;
	b->func = f;
	if (id >= f->capblockids) {
		int cap = (int)f->capblockids;
		f->blockbyid = grow(&f->arena, f->blockbyid, (int)f->nblockids, &cap, (int)id + 1, sizeof(Block *));
		f->capblockids = (uint32_t)cap;
	}
	if (id >= f->nblockids) {
		memset(f->blockbyid + f->nblockids, 0, (id + 1 - f->nblockids) * sizeof(Block *));
		f->nblockids = id + 1;
	}
	f->blockbyid[id] = b;
	f->blocks = grow(&f->arena, f->blocks, f->nblocks, &f->capblocks, f->nblocks + 1, sizeof(Block *));
	f->blocks[f->nblocks++] = b;
	if (!f->entry)
		f->entry = b;
	f->cfgversion++;
	return b;
}

Block *ssa_block_new(Func *f, BlockKind kind)
{
	return ssa_block_new_id(f, kind, f->nblockids ? f->nblockids : 1);
}

Block *ssa_block_of_id(Func *f, uint32_t id) { return id < f->nblockids ? f->blockbyid[id] : NULL; }

void ssa_block_addedge(Block *b, Block *c)
{
	Arena *a = &b->func->arena;
	b->succs = grow(a, b->succs, b->nsuccs, &b->capsuccs, b->nsuccs + 1, sizeof(Edge));
	c->preds = grow(a, c->preds, c->npreds, &c->cappreds, c->npreds + 1, sizeof(Edge));
	b->succs[b->nsuccs] = (Edge){c, c->npreds};
	c->preds[c->npreds] = (Edge){b, b->nsuccs};
	b->nsuccs++;
	c->npreds++;
	b->func->cfgversion++;
}

/* Removes b->preds[i] by moving the last pred into its place (and the
 * last phi arg likewise), as gc's removePred does; fixes the moved
 * edge's reverse index.  Phis with one argument left stay phis. */
void ssa_block_removepred(Block *b, int i)
{
	int last = b->npreds - 1;
	if (i != last) {
		b->preds[i] = b->preds[last];
		Edge e = b->preds[i];
		e.b->succs[e.i].i = i;
	}
	b->npreds--;
	for (int k = 0; k < b->nvalues; k++) {
		Value *v = b->values[k];
		if (v->op != OpPhi || v->nargs <= (unsigned)i)
			continue;
		v->args[i]->uses--;
		v->args[i] = v->args[v->nargs - 1];
		v->nargs--;
	}
	b->func->cfgversion++;
}

void ssa_block_removesucc(Block *b, int i)
{
	Edge e = b->succs[i];
	int last = b->nsuccs - 1;
	if (i != last) {
		b->succs[i] = b->succs[last];
		Edge m = b->succs[i];
		m.b->preds[m.i].i = i;
	}
	b->nsuccs--;
	ssa_block_removepred(e.b, e.i);
}

void ssa_block_setcontrol(Block *b, int i, Value *v)
{
	if (b->controls[i])
		b->controls[i]->uses--;
	b->controls[i] = v;
	if (v)
		v->uses++;
	if (v && i >= b->ncontrols)
		b->ncontrols = (uint8_t)(i + 1);
}

void ssa_block_resetcontrols(Block *b)
{
	for (int i = 0; i < b->ncontrols; i++)
		if (b->controls[i])
			b->controls[i]->uses--;
	b->controls[0] = b->controls[1] = NULL;
	b->ncontrols = 0;
}

void ssa_block_remove(Func *f, Block *b)
{
	int j = 0;
	for (int i = 0; i < f->nblocks; i++)
		if (f->blocks[i] != b)
			f->blocks[j++] = f->blocks[i];
	f->nblocks = j;
	f->blockbyid[b->id] = NULL;
	if (f->entry == b)
		f->entry = f->nblocks ? f->blocks[0] : NULL;
	f->cfgversion++;
}

Value *ssa_value_new_id(Block *b, Op op, SsaType *t, uint32_t id)
{
	Func *f = b->func;
	Value *v = arena_alloc(&f->arena, sizeof *v);
	v->id = id;
	v->op = (uint16_t)op;
	v->type = t;
	v->block = b;
	v->args = v->argbuf;
	v->capargs = NELEM(v->argbuf);
	if (id >= f->capvalueids) {
		int cap = (int)f->capvalueids;
		f->values = grow(&f->arena, f->values, (int)f->nvalueids, &cap, (int)id + 1, sizeof(Value *));
		f->capvalueids = (uint32_t)cap;
	}
	if (id >= f->nvalueids) {
		memset(f->values + f->nvalueids, 0, (id + 1 - f->nvalueids) * sizeof(Value *));
		f->nvalueids = id + 1;
	}
	f->values[id] = v;
	b->values = grow(&f->arena, b->values, b->nvalues, &b->capvalues, b->nvalues + 1, sizeof(Value *));
	b->values[b->nvalues++] = v;
	return v;
}

Value *ssa_value_new(Block *b, Op op, SsaType *t, int64_t auxint, SsaAux *aux)
{
	Func *f = b->func;
	Value *v = ssa_value_new_id(b, op, t, f->nvalueids ? f->nvalueids : 1);
	v->auxint = auxint;
	v->aux = aux;
	return v;
}

Value *ssa_value_new0(Block *b, Op op, SsaType *t, uint32_t line)
{
	Value *v = ssa_value_new(b, op, t, 0, NULL);
	v->line = line;
	return v;
}

Value *ssa_value_new1(Block *b, Op op, SsaType *t, uint32_t line, Value *a)
{
	Value *v = ssa_value_new0(b, op, t, line);
	ssa_value_addarg(v, a);
	return v;
}

Value *ssa_value_new2(Block *b, Op op, SsaType *t, uint32_t line, Value *a, Value *c)
{
	Value *v = ssa_value_new1(b, op, t, line, a);
	ssa_value_addarg(v, c);
	return v;
}

Value *ssa_const(Block *b, Op op, SsaType *t, int64_t auxint, uint32_t line)
{
	Value *v = ssa_value_new(b, op, t, auxint, NULL);
	v->line = line;
	return v;
}

void ssa_value_addarg(Value *v, Value *a)
{
	if (v->nargs == v->capargs) {
		int cap = v->capargs;
		v->args = grow(&v->block->func->arena, v->args, v->nargs, &cap, v->nargs + 1, sizeof(Value *));
		v->capargs = (uint16_t)cap;
	}
	v->args[v->nargs++] = a;
	a->uses++;
}

void ssa_value_setarg(Value *v, int i, Value *a)
{
	a->uses++;
	v->args[i]->uses--;
	v->args[i] = a;
}

void ssa_value_removearg(Value *v, int i)
{
	v->args[i]->uses--;
	memmove(v->args + i, v->args + i + 1, (size_t)(v->nargs - i - 1) * sizeof(Value *));
	v->nargs--;
}

void ssa_value_resetargs(Value *v)
{
	for (int i = 0; i < v->nargs; i++)
		v->args[i]->uses--;
	v->nargs = 0;
}

void ssa_value_reset(Value *v, Op op)
{
	ssa_value_resetargs(v);
	v->op = (uint16_t)op;
	v->auxint = 0;
	v->aux = NULL;
}

void ssa_value_copyof(Value *v, Value *a)
{
	if (v == a)
		return;
	a->uses++; /* a may be an argument of v */
	ssa_value_reset(v, OpCopy);
	v->args[0] = a;
	v->nargs = 1;
}

void ssa_value_free(Value *v)
{
	ssa_value_resetargs(v);
	Func *f = v->block->func;
	f->values[v->id] = NULL;
	v->op = OpInvalid;
	v->block = NULL;
}

SsaAux *ssa_aux(Func *f, const char *s, size_t n)
{
	SsaAux *a = arena_alloc(&f->arena, sizeof *a);
	a->s.p = arena_strndup(&f->arena, s, n);
	a->s.n = (uint32_t)n;
	return a;
}
