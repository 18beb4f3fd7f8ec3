/*
 * layout.c — from resolved symbols to addresses.
 *
 * link_finish runs, in order: allocate commons; drop what the entry
 * cannot reach (deadcode.c, when asked); build the function table
 * (functab.c, when referenced); define the linker's own
 * symbols that are referenced; check every relocation's target (gc's
 * "relocation target X not defined"); decide for each GOT-relative
 * relocation whether it is relaxed to a direct reference or needs a GOT
 * slot; sort .init_array by priority; assign addresses to sections and
 * atoms; resolve the linker-defined symbols.  Every step is one pass over
 * the atoms or their relocations.
 */
#include "linkout.h"

#include <elf.h>

static uint64_t alignup(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

OutSecId link_outsec(LinkKind k)
{
	switch (k) {
	case LK_TEXT: return OS_TEXT;
	case LK_RODATA: return OS_RODATA;
	case LK_NOPTRDATA: return OS_NOPTRDATA;
	case LK_DATA: return OS_DATA;
	case LK_BSS: return OS_BSS;
	case LK_NOPTRBSS: return OS_NOPTRBSS;
	case LK_TDATA: return OS_TDATA;
	case LK_TBSS: return OS_TBSS;
	case LK_INITARRAY: return OS_INITARRAY;
	default: return OS_N;
	}
}

/* ---- linker-defined symbols ---- */

enum { AT_START, AT_END };
typedef struct LinkerSym {
	const char *name;
	int8_t sec;   /* OutSecId, or -1: special */
	uint8_t where;
} LinkerSym;

enum { SP_EXEC_START = 1, SP_DATA_END, SP_FILE_DATA_END, SP_GOT };

static const LinkerSym linkersyms[] = {
	{"runtime.text", OS_TEXT, AT_START},
	{"runtime.etext", OS_TEXT, AT_END},
	{"runtime.rodata", OS_RODATA, AT_START},
	{"runtime.erodata", OS_RODATA, AT_END},
	{"runtime.types", OS_RODATA, AT_START},
	{"runtime.etypes", OS_RODATA, AT_END},
	{"runtime.noptrdata", OS_NOPTRDATA, AT_START},
	{"runtime.enoptrdata", OS_NOPTRDATA, AT_END},
	{"runtime.data", OS_DATA, AT_START},
	{"runtime.edata", OS_DATA, AT_END},
	{"runtime.bss", OS_BSS, AT_START},
	{"runtime.ebss", OS_BSS, AT_END},
	{"runtime.noptrbss", OS_NOPTRBSS, AT_START},
	{"runtime.enoptrbss", OS_NOPTRBSS, AT_END},
	{"runtime.end", -SP_DATA_END, 0},
	{"__executable_start", -SP_EXEC_START, 0},
	{"etext", OS_TEXT, AT_END},
	{"_etext", OS_TEXT, AT_END},
	{"__etext", OS_TEXT, AT_END},
	{"edata", -SP_FILE_DATA_END, 0},
	{"_edata", -SP_FILE_DATA_END, 0},
	{"__bss_start", -SP_FILE_DATA_END, 0},
	{"end", -SP_DATA_END, 0},
	{"_end", -SP_DATA_END, 0},
	{"__init_array_start", OS_INITARRAY, AT_START},
	{"__init_array_end", OS_INITARRAY, AT_END},
	{"_GLOBAL_OFFSET_TABLE_", -SP_GOT, 0},
};

static void claim_linker_syms(Link *l)
{
	for (size_t i = 0; i < NELEM(linkersyms); i++) {
		const LinkerSym *ls = &linkersyms[i];
		LinkSym *s = link_find(l, ls->name, strlen(ls->name));
		if (!s || s->kind != LK_UNDEF || (s->flags & LF_COMMON))
			continue;
		s->flags |= LF_LINKER;
		s->linkdef = (uint16_t)(i + 1);
		s->elftype = STT_NOTYPE;
		s->kind = LK_ABS; /* value set after layout */
	}
}

static void define_linker_syms(LinkOut *o)
{
	Link *l = o->l;
	const Seg *data = &o->seg[SEG_DATA];
	for (uint32_t i = 0; i < l->all.n; i++) {
		LinkSym *s = l->all.v[i];
		if (!(s->flags & LF_LINKER))
			continue;
		const LinkerSym *ls = &linkersyms[s->linkdef - 1];
		uint64_t v = 0;
		if (ls->sec >= 0) {
			const OutSec *sec = &o->sec[ls->sec];
			v = sec->addr + (ls->where == AT_END ? sec->size : 0);
		} else {
			switch (-ls->sec) {
			case SP_EXEC_START: v = LINK_BASE; break;
			case SP_DATA_END: v = data->vaddr + data->memsz; break;
			case SP_FILE_DATA_END: v = data->vaddr + data->filesz; break;
			case SP_GOT: v = o->sec[OS_GOT].addr; break;
			}
		}
		s->addr = v;
	}
}

/* ---- checks ---- */

/* The name to report for a relocation at off in atom a: a itself, or for
 * an anonymous section atom of a C object, the symbol that contains off. */
static const char *reloc_source(Link *l, LinkSym *a, uint64_t off, char *buf, size_t n)
{
	if (!(a->flags & LF_NOSYM))
		return a->name;
	LinkSym *best = NULL;
	for (uint32_t i = 0; i < l->all.n; i++) { /* error path only */
		LinkSym *s = l->all.v[i];
		if (s->outer != a || s->off > off)
			continue;
		if (!best || s->off > best->off || (s->off == best->off && s->elftype == STT_FUNC))
			best = s;
	}
	if (best)
		return best->name;
	snprintf(buf, n, "%s(%s)", a->file ? a->file : "?", a->name);
	return buf;
}

typedef struct Pair {
	char from[128];
	const LinkSym *to;
} Pair;

static void check_undefined(Link *l)
{
	Pair seen[32];
	int nseen = 0;
	for (int k = 1; k < LK_NKINDS; k++) {
		LinkSymVec *v = &l->atoms[k];
		for (uint32_t i = 0; i < v->n; i++) {
			LinkSym *a = v->v[i];
			if (!(a->flags & LF_ATOM) || a->kind != k)
				continue;
			for (uint32_t j = 0; j < a->nrelocs; j++) {
				LinkSym *t = a->relocs[j].target;
				if (t->kind != LK_UNDEF)
					continue;
				if ((t->flags & LF_WEAKREF) && !(t->flags & LF_STRONGREF))
					continue; /* weak undefined: 0 */
				char buf[256];
				const char *from = reloc_source(l, a, a->relocs[j].off, buf, sizeof buf);
				int p;
				for (p = 0; p < nseen; p++)
					if (seen[p].to == t && strcmp(seen[p].from, from) == 0)
						break;
				if (p < nseen)
					continue;
				if (nseen < (int)NELEM(seen)) {
					size_t fl = strlen(from);
					if (fl >= sizeof seen[nseen].from)
						fl = sizeof seen[nseen].from - 1;
					memcpy(seen[nseen].from, from, fl);
					seen[nseen].from[fl] = 0;
					seen[nseen].to = t;
					nseen++;
				}
				if (strcmp(t->name, "main.main") == 0)
					link_errorf(l, "%s: function main is undeclared in the main package", from);
				else {
					link_errorf(l, "%s: relocation target %s not defined", from, t->name);
					l->nundefined++;
				}
			}
		}
	}
}

/* ---- GOT ---- */

static int32_t gotslot(Link *l, LinkSym *t, bool tls)
{
	if (l->ngot == l->capgot) {
		l->capgot = l->capgot ? l->capgot * 2 : 64;
		l->gottls = xrealloc(l->gottls, l->capgot);
	}
	l->gottls[l->ngot] = tls;
	linkvec_push(&l->gotsyms, t);
	return (int32_t)l->ngot++;
}

static void scan_got(Link *l)
{
	for (int k = 1; k < LK_NKINDS; k++) {
		LinkSymVec *v = &l->atoms[k];
		for (uint32_t i = 0; i < v->n; i++) {
			LinkSym *a = v->v[i];
			if (!(a->flags & LF_ATOM) || a->kind != k)
				continue;
			for (uint32_t j = 0; j < a->nrelocs; j++) {
				LinkReloc *r = &a->relocs[j];
				LinkSym *t = r->target;
				if (r->type == LR_GOTPCRELX && r->off >= 2 && t->kind != LK_ABS &&
				    t->kind != LK_TDATA && t->kind != LK_TBSS) {
					uint8_t op = a->data[r->off - 2], modrm = a->data[r->off - 1];
					if (op == 0x8b) {
						r->type = LR_RELAX_LEA;
						continue;
					}
					if (op == 0xff && modrm == 0x15) {
						r->type = LR_RELAX_CALL;
						continue;
					}
					if (op == 0xff && modrm == 0x25) {
						r->type = LR_RELAX_JMP;
						continue;
					}
				}
				if (r->type == LR_GOTPCREL || r->type == LR_GOTPCRELX) {
					if (t->got < 0)
						t->got = gotslot(l, t, false);
				} else if (r->type == LR_GOTTPOFF) {
					if (t->gottp < 0)
						t->gottp = gotslot(l, t, true);
				}
			}
		}
	}
}

/* ---- .init_array order: .init_array.N by N, then the rest (stable) ---- */

static unsigned init_priority(const LinkSym *s)
{
	const char *p = strrchr(s->name, '.');
	if (p && p[1] >= '0' && p[1] <= '9')
		return (unsigned)strtoul(p + 1, NULL, 10);
	if (strncmp(s->name, ".preinit_array", 14) == 0)
		return 0;
	return 65536;
}

static void sort_init_array(Link *l)
{
	LinkSymVec *v = &l->atoms[LK_INITARRAY];
	/* insertion sort: a handful of entries */
	for (uint32_t i = 1; i < v->n; i++) {
		LinkSym *s = v->v[i];
		unsigned p = init_priority(s);
		uint32_t j = i;
		while (j > 0 && init_priority(v->v[j - 1]) > p) {
			v->v[j] = v->v[j - 1];
			j--;
		}
		v->v[j] = s;
	}
}

/* ---- addresses ---- */

static const struct {
	const char *name;
	uint32_t type;
	uint64_t flags;
	uint8_t seg;
} secdefs[OS_N] = {
	[OS_TEXT] = {".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, SEG_TEXT},
	[OS_RODATA] = {".rodata", SHT_PROGBITS, SHF_ALLOC, SEG_RODATA},
	[OS_GOT] = {".got", SHT_PROGBITS, SHF_ALLOC, SEG_RODATA},
	[OS_TDATA] = {".tdata", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, SEG_DATA},
	[OS_TBSS] = {".tbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, SEG_DATA},
	[OS_INITARRAY] = {".init_array", SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE, SEG_DATA},
	[OS_NOPTRDATA] = {".noptrdata", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
	[OS_DATA] = {".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
	[OS_BSS] = {".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
	[OS_NOPTRBSS] = {".noptrbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
};

static LinkKind sec_kind(OutSecId id)
{
	switch (id) {
	case OS_TEXT: return LK_TEXT;
	case OS_RODATA: return LK_RODATA;
	case OS_TDATA: return LK_TDATA;
	case OS_TBSS: return LK_TBSS;
	case OS_INITARRAY: return LK_INITARRAY;
	case OS_NOPTRDATA: return LK_NOPTRDATA;
	case OS_DATA: return LK_DATA;
	case OS_BSS: return LK_BSS;
	case OS_NOPTRBSS: return LK_NOPTRBSS;
	default: return LK_UNDEF;
	}
}

/* Places the atoms of section id from address base; returns the size. */
static uint64_t place_atoms(LinkOut *o, OutSecId id, uint64_t base)
{
	LinkKind k = sec_kind(id);
	if (k == LK_UNDEF) { /* the GOT */
		o->sec[id].align = 8;
		return (uint64_t)o->l->ngot * 8;
	}
	LinkSymVec *v = &o->l->atoms[k];
	uint64_t cur = base;
	uint32_t align = 1;
	for (uint32_t i = 0; i < v->n; i++) {
		LinkSym *s = v->v[i];
		if (!(s->flags & LF_ATOM) || s->kind != k || (s->flags & LF_PLACED))
			continue;
		s->flags |= LF_PLACED;
		if (s->align > align)
			align = s->align;
		cur = alignup(cur, s->align);
		s->addr = cur;
		cur += s->size;
	}
	o->sec[id].align = align;
	return cur - base;
}

/* Alignment of a section before placing it (the largest of its atoms). */
static uint32_t sec_align(LinkOut *o, OutSecId id)
{
	LinkKind k = sec_kind(id);
	if (k == LK_UNDEF)
		return 8;
	LinkSymVec *v = &o->l->atoms[k];
	uint32_t align = 1;
	for (uint32_t i = 0; i < v->n; i++)
		if ((v->v[i]->flags & LF_ATOM) && v->v[i]->kind == k && v->v[i]->align > align)
			align = v->v[i]->align;
	return align;
}

static bool sec_nonempty(LinkOut *o, OutSecId id)
{
	LinkKind k = sec_kind(id);
	if (k == LK_UNDEF)
		return o->l->ngot > 0;
	LinkSymVec *v = &o->l->atoms[k];
	for (uint32_t i = 0; i < v->n; i++)
		if ((v->v[i]->flags & LF_ATOM) && v->v[i]->kind == k)
			return true;
	return false;
}

static void layout(LinkOut *o)
{
	bool nonempty[OS_N];
	for (int i = 0; i < OS_N; i++) {
		nonempty[i] = sec_nonempty(o, (OutSecId)i);
		o->sec[i].name = secdefs[i].name;
		o->sec[i].type = secdefs[i].type;
		o->sec[i].flags = secdefs[i].flags;
		o->sec[i].seg = secdefs[i].seg;
		if (nonempty[i])
			o->seg[secdefs[i].seg].used = true;
	}
	o->seg[SEG_TEXT].used = true; /* it holds the headers */
	bool tls = nonempty[OS_TDATA] || nonempty[OS_TBSS];
	o->nphdr = 1 + (tls ? 1 : 0); /* + PT_GNU_STACK, PT_TLS */
	for (int s = 0; s < SEG_N; s++)
		o->nphdr += o->seg[s].used;
	o->seg[SEG_TEXT].flags = PF_R | PF_X;
	o->seg[SEG_RODATA].flags = PF_R;
	o->seg[SEG_DATA].flags = PF_R | PF_W;

	uint64_t vaddr = LINK_BASE, off = 0;
	uint64_t hdr = sizeof(Elf64_Ehdr) + (uint64_t)o->nphdr * sizeof(Elf64_Phdr);
	for (int sg = 0; sg < SEG_N; sg++) {
		Seg *seg = &o->seg[sg];
		if (!seg->used) { /* its (empty) sections sit where it would start */
			for (int i = 0; i < OS_N; i++)
				if (o->sec[i].seg == sg) {
					o->sec[i].addr = vaddr;
					o->sec[i].off = off;
				}
			continue;
		}
		if (sg == SEG_TEXT) {
			seg->vaddr = LINK_BASE;
			seg->off = 0;
			vaddr = LINK_BASE + hdr;
			off = hdr;
		} else {
			seg->off = off;
			seg->vaddr = alignup(vaddr, LINK_PAGE) + (off & (LINK_PAGE - 1));
			vaddr = seg->vaddr;
		}
		uint64_t fileend = off; /* end of the bytes the file holds */
		for (int i = 0; i < OS_N; i++) {
			OutSec *sec = &o->sec[i];
			if (sec->seg != sg)
				continue;
			uint64_t a = alignup(vaddr, sec_align(o, (OutSecId)i));
			sec->addr = a;
			sec->off = seg->off + (a - seg->vaddr);
			sec->size = place_atoms(o, (OutSecId)i, a);
			if (i == OS_TBSS)
				continue; /* no address space: overlaps what follows */
			vaddr = a + sec->size;
			if (sec->type != SHT_NOBITS && sec->size)
				fileend = sec->off + sec->size;
		}
		seg->filesz = fileend - seg->off;
		seg->memsz = vaddr - seg->vaddr;
		off = fileend;
	}
	o->filesz = off;
	if (tls) {
		const OutSec *td = &o->sec[OS_TDATA], *tb = &o->sec[OS_TBSS];
		o->tls_start = nonempty[OS_TDATA] ? td->addr : tb->addr;
		o->tls_filesz = td->size;
		uint64_t end = nonempty[OS_TBSS] ? tb->addr + tb->size : td->addr + td->size;
		o->tls_memsz = end - o->tls_start;
		o->tls_align = 1;
		if (nonempty[OS_TDATA] && td->align > o->tls_align)
			o->tls_align = td->align;
		if (nonempty[OS_TBSS] && tb->align > o->tls_align)
			o->tls_align = tb->align;
		o->tls_end = o->tls_start + alignup(o->tls_memsz, o->tls_align);
	}
	uint32_t shndx = 1;
	for (int i = 0; i < OS_N; i++)
		o->sec[i].shndx = nonempty[i] ? shndx++ : 0;
}

uint64_t link_tpoff(const LinkOut *o, const LinkSym *s)
{
	return link_symaddr(s) - o->tls_end;
}

static void alloc_commons(Link *l)
{
	for (uint32_t i = 0; i < l->commons.n; i++) {
		LinkSym *s = l->commons.v[i];
		if (!(s->flags & LF_COMMON) || s->kind != LK_UNDEF)
			continue;
		uint32_t align = s->align;
		uint64_t size = s->size;
		link_make_atom(l, s, LK_NOPTRBSS, align, size, 0);
		s->elftype = STT_OBJECT;
	}
}

int link_finish(LinkOut *o, const char *entry)
{
	Link *l = o->l;
	alloc_commons(l);
	link_deadcode(l, entry);
	link_functab(l);
	claim_linker_syms(l);
	check_undefined(l);
	LinkSym *e = link_find(l, entry, strlen(entry));
	if (!e || e->kind == LK_UNDEF)
		link_errorf(l, "entry symbol %s not defined", entry);
	if (l->nerrors)
		return l->nerrors;
	scan_got(l);
	sort_init_array(l);
	layout(o);
	define_linker_syms(o);
	o->entry = link_symaddr(e);
	return l->nerrors;
}
