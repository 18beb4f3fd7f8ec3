// walker.c — reads the type descriptors goc emitted (listed by gentest in
// gentest.types and gentest.itabs) through runtime/type.h and prints
// them in the format of testdata/oracle.go, which does the same with
// gc's.  Freestanding: no libc; linked by goc's linker with the
// descriptors.  The functions descriptors refer to (methods, the
// runtime's equality/hash records) are stand-ins that gentest defines:
// their bytes are their own names.
#include "../../runtime/type.h"

typedef struct List {
	uintptr n;
	const void *v[];
} List;
extern const List gentest_types __asm__("gentest.types");
extern const List gentest_itabs __asm__("gentest.itabs");
extern const byte rt_text[] __asm__("runtime.text");

static char out[1 << 20];
static uintptr nout;

static void ps(const char *s)
{
	while (*s && nout < sizeof out)
		out[nout++] = *s++;
}

static void pn(const byte *s, uintptr n)
{
	for (uintptr i = 0; i < n && nout < sizeof out; i++)
		out[nout++] = (char)s[i];
}

static void pu(uint64_t v)
{
	char b[24];
	int i = 24;
	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	pn((const byte *)b + i, (uintptr)(24 - i));
}

static void px(uint64_t v, int digits)
{
	char b[16];
	for (int i = digits - 1; i >= 0; i--, v >>= 4)
		b[i] = "0123456789abcdef"[v & 15];
	pn((const byte *)b, (uintptr)digits);
}

// Go's %q for the strings in these tests
static void pq(const byte *s, uintptr n)
{
	ps("\"");
	for (uintptr i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			char e[2] = {'\\', (char)s[i]};
			pn((const byte *)e, 2);
		} else if (s[i] < 0x20 || s[i] == 0x7f) {
			ps("\\x");
			px(s[i], 2);
		} else {
			pn(s + i, 1);
		}
	}
	ps("\"");
}

static uintptr readvarint(const byte *p, int *h)
{
	uintptr v = 0;
	int shift = 0, i = 0;
	for (;;) {
		byte b = p[i++];
		v |= (uintptr)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
		shift += 7;
	}
	*h = i;
	return v;
}

static const byte *nameat(nameOff off)
{
	return rt_types + off;
}

static GoString nstr(const byte *n)
{
	if (!n)
		return (GoString){0, 0};
	int h;
	uintptr l = readvarint(n + 1, &h);
	return (GoString){n + 1 + h, (intgo)l};
}

static void pnamestr(const byte *n)
{
	GoString s = nstr(n);
	pq(s.str, (uintptr)s.len);
}

static void pname(const byte *n)
{
	if (!n) {
		ps("<nil>");
		return;
	}
	byte flags = n[0];
	int h;
	uintptr l = readvarint(n + 1, &h);
	pq(n + 1 + h, l);
	ps(" f=");
	pu(flags);
	uintptr o = 1 + (uintptr)h + l;
	if (flags & 2) {
		int th;
		uintptr tl = readvarint(n + o, &th);
		ps(" tag=<");
		pn(n + o + th, tl);
		ps(">");
		o += (uintptr)th + tl;
	}
	if (flags & 4) {
		int32_t off;
		__builtin_memcpy(&off, n + o, 4);
		GoString s = nstr(nameat(off));
		ps(" pkg=");
		pn(s.str, (uintptr)s.len);
	}
}

static void tstr(const _type *t)
{
	GoString s = nstr(nameat(t->str));
	if (t->tflag & TFLAG_EXTRASTAR)
		s.str++, s.len--;
	pn(s.str, (uintptr)s.len);
}

// a stand-in function: its name, type arguments elided as gc's
// runtime.FuncForPC prints them (main.G[...].M)
static void pfunc(const void *p)
{
	const char *s = p;
	for (int depth = 0; *s; s++) {
		if (*s == '[' && depth++ == 0)
			ps("[...");
		else if (*s == ']' && --depth == 0)
			ps("]");
		else if (depth == 0)
			pn((const byte *)s, 1);
	}
}

static void palg(const void *f)
{
	if (!f) {
		ps("nil");
		return;
	}
	const void *const *w = f;
	const char *n = w[1];
	if (n[0] == 'r' && n[7] == '.')
		n += 8; // runtime.
	ps(n);
	const char *v = "memequal_varlen", *h = "memhash_varlen";
	int eqv = 1, eqh = 1;
	for (int i = 0; v[i] || n[i]; i++)
		if (v[i] != n[i]) {
			eqv = 0;
			break;
		}
	for (int i = 0; h[i] || n[i]; i++)
		if (h[i] != n[i]) {
			eqh = 0;
			break;
		}
	if (eqv || eqh) {
		ps("/");
		pu((uintptr)w[2]);
	}
}

static uintptr kindsize(uint8_t k)
{
	switch (k & KIND_MASK) {
	case KIND_STRUCT: return sizeof(structtype);
	case KIND_POINTER: case KIND_SLICE: return sizeof(ptrtype);
	case KIND_FUNC: return sizeof(functype);
	case KIND_ARRAY: return sizeof(arraytype);
	case KIND_CHAN: return sizeof(chantype);
	case KIND_MAP: return sizeof(maptype);
	case KIND_INTERFACE: return sizeof(interfacetype);
	}
	return sizeof(_type);
}

static void pgcdata(const _type *t)
{
	for (uintptr i = 0; i < (t->ptrdata / 8 + 7) / 8; i++) {
		ps(" ");
		px(t->gcdata[i], 2);
	}
}

static void walk(const _type *t)
{
	ps("type ");
	tstr(t);
	ps("\n  kind ");
	pu(t->kind & KIND_MASK);
	ps(" direct ");
	pu((t->kind >> 5) & 1);
	ps(" size ");
	pu(t->size);
	ps(" ptrdata ");
	pu(t->ptrdata);
	ps(" hash ");
	px(t->hash, 8);
	ps(" tflag ");
	pu(t->tflag);
	ps(" align ");
	pu(t->align);
	ps(" falign ");
	pu(t->fieldAlign);
	ps("\n  gcdata");
	if (t->kind & KIND_GCPROG)
		ps(" gcprog");
	else
		pgcdata(t);
	ps("\n  equal ");
	palg(t->equal);
	ps("\n");
	if ((t->tflag & TFLAG_NAMED) && t->ptrToThis) {
		ps("  ptrto ");
		tstr((const _type *)(rt_types + t->ptrToThis));
		ps("\n");
	}
	ps("  str ");
	pname(nameat(t->str));
	ps("\n");
	switch (t->kind & KIND_MASK) {
	case KIND_ARRAY: {
		const arraytype *a = (const void *)t;
		ps("  elem ");
		tstr(a->elem);
		ps(" slice ");
		tstr(a->slice);
		ps(" len ");
		pu(a->len);
		ps("\n");
		break;
	}
	case KIND_CHAN: {
		const chantype *c = (const void *)t;
		ps("  elem ");
		tstr(c->elem);
		ps(" dir ");
		pu(c->dir);
		ps("\n");
		break;
	}
	case KIND_POINTER: case KIND_SLICE: {
		const ptrtype *p = (const void *)t;
		ps("  elem ");
		tstr(p->elem);
		ps("\n");
		break;
	}
	case KIND_MAP: {
		const maptype *m = (const void *)t;
		ps("  key ");
		tstr(m->key);
		ps(" elem ");
		tstr(m->elem);
		ps(" bucket ");
		tstr(m->bucket);
		ps(" hasher ");
		palg(m->hasher);
		ps(" keysize ");
		pu(m->keysize);
		ps(" elemsize ");
		pu(m->elemsize);
		ps(" bucketsize ");
		pu(m->bucketsize);
		ps(" flags ");
		pu(m->flags);
		const _type *b = m->bucket;
		ps("\n  bucket size ");
		pu(b->size);
		ps(" ptrdata ");
		pu(b->ptrdata);
		ps(" align ");
		pu(b->align);
		ps(" kind ");
		pu(b->kind);
		ps(" equal ");
		palg(b->equal);
		ps(" gcdata");
		pgcdata(b);
		ps("\n");
		break;
	}
	case KIND_FUNC: {
		const functype *f = (const void *)t;
		ps("  in ");
		pu(f->inCount);
		ps(" out ");
		pu(f->outCount & 0x7fff);
		ps(" variadic ");
		pu(f->outCount >> 15);
		ps("\n");
		uintptr off = sizeof(functype) + ((t->tflag & TFLAG_UNCOMMON) ? sizeof(uncommontype) : 0);
		const _type *const *params = (const void *)((const byte *)t + off);
		for (uintptr i = 0; i < (uintptr)f->inCount + (f->outCount & 0x7fff); i++) {
			ps("  param ");
			tstr(params[i]);
			ps("\n");
		}
		break;
	}
	case KIND_INTERFACE: {
		const interfacetype *it = (const void *)t;
		ps("  pkgpath ");
		pnamestr(it->pkgpath.bytes);
		ps("\n");
		const imethod *im = it->mhdr.array;
		for (intgo i = 0; i < it->mhdr.len; i++) {
			ps("  imethod ");
			pname(nameat(im[i].name));
			ps(" typ ");
			tstr((const _type *)(rt_types + im[i].ityp));
			ps("\n");
		}
		break;
	}
	case KIND_STRUCT: {
		const structtype *st = (const void *)t;
		ps("  pkgpath ");
		pnamestr(st->pkgPath.bytes);
		ps("\n");
		const structfield *f = st->fields.array;
		for (intgo i = 0; i < st->fields.len; i++) {
			ps("  field ");
			pname(f[i].name.bytes);
			ps(" typ ");
			tstr(f[i].typ);
			ps(" off ");
			pu(f[i].offset);
			ps("\n");
		}
		break;
	}
	}
	if (t->tflag & TFLAG_UNCOMMON) {
		const uncommontype *u = (const void *)((const byte *)t + kindsize(t->kind));
		ps("  uncommon pkgpath ");
		pnamestr(u->pkgpath ? nameat(u->pkgpath) : 0);
		ps(" mcount ");
		pu(u->mcount);
		ps(" xcount ");
		pu(u->xcount);
		ps("\n");
		const method *m = (const void *)((const byte *)u + u->moff);
		for (int i = 0; i < u->mcount; i++) {
			ps("  method ");
			pname(nameat(m[i].name));
			if (i < u->xcount) {
				ps(" mtyp ");
				tstr((const _type *)(rt_types + m[i].mtyp));
				ps(" ifn ");
				pfunc(rt_text + m[i].ifn);
				ps(" tfn ");
				pfunc(rt_text + m[i].tfn);
			}
			ps("\n");
		}
	}
}

static void walkitab(const itab *tab)
{
	ps("itab ");
	tstr(tab->type);
	ps(",");
	tstr(&tab->inter->typ);
	ps(" hash ");
	px(tab->hash, 8);
	ps("\n");
	for (intgo i = 0; i < tab->inter->mhdr.len; i++) {
		ps("  fun ");
		pfunc((const void *)tab->fun[i]);
		ps("\n");
	}
}

static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

void walker_main(void)
{
	for (uintptr i = 0; i < gentest_types.n; i++)
		walk(gentest_types.v[i]);
	for (uintptr i = 0; i < gentest_itabs.n; i++)
		walkitab(gentest_itabs.v[i]);
	for (uintptr o = 0; o < nout;) {
		long w = sys3(1, 1, (long)(out + o), (long)(nout - o));
		if (w <= 0)
			break;
		o += (uintptr)w;
	}
	sys3(60, 0, 0, 0);
}

__asm__(".globl _start\n_start:\n\tandq $-16, %rsp\n\tcall walker_main\n\thlt\n");
