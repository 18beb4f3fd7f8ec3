/*
 * reloc.c — copies every atom into the output image and applies its
 * relocations there (the input bytes are never modified), then fills the
 * GOT.  Values that do not fit their field are reported with both names.
 */
#include "linkout.h"

static void put(uint8_t *p, uint64_t v, int size)
{
	for (int i = 0; i < size; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static bool fits_signed(int64_t v, int size)
{
	if (size == 8)
		return true;
	int64_t lim = (int64_t)1 << (8 * size - 1);
	return v >= -lim && v < lim;
}

static bool fits_unsigned(int64_t v, int size)
{
	if (size == 8)
		return true;
	return v >= 0 && (uint64_t)v < ((uint64_t)1 << (8 * size));
}

static const char *relname(uint8_t t)
{
	static const char *n[] = {"ADDR", "ADDRS", "PCREL", "GOTPCREL", "GOTPCRELX", "TPOFF",
				  "GOTTPOFF", "SIZE", "SECTOFF", "METHODOFF", "WEAKOFF", "WEAKADDR",
				  "USEIFACEMETHOD", "KEEP", "PCREL(lea)", "PCREL(call)", "PCREL(jmp)"};
	return t < NELEM(n) ? n[t] : "?";
}

static void apply_one(LinkOut *o, LinkSym *a, uint8_t *img, LinkReloc *r)
{
	Link *l = o->l;
	uint8_t *p = img + r->off;
	uint64_t P = a->addr + r->off;
	const LinkSym *t = r->target;
	uint64_t S = link_symaddr(t);
	uint64_t gotbase = o->sec[OS_GOT].addr;
	int64_t v = 0;
	bool ok = true;
	int size = r->size;
	bool dead = (t->flags & LF_DEAD) != 0;
	switch ((LinkRelocType)r->type) {
	case LR_USEIFACEMETHOD:
	case LR_KEEP:
		return;
	case LR_WEAKADDR:
		if (dead)
			S = l->unreachable ? link_symaddr(l->unreachable) : 0;
		/* fallthrough */
	case LR_ADDR:
		v = (int64_t)(S + r->addend);
		ok = size == 8 || fits_unsigned(v, size) || (size < 4 && fits_signed(v, size));
		break;
	case LR_ADDRS:
		v = (int64_t)(S + r->addend);
		ok = fits_signed(v, size);
		break;
	case LR_PCREL:
		v = (int64_t)(S + r->addend - P);
		ok = fits_signed(v, size);
		break;
	case LR_GOTPCREL:
	case LR_GOTPCRELX:
		v = (int64_t)(gotbase + (uint64_t)t->got * 8 + r->addend - P);
		ok = fits_signed(v, size);
		break;
	case LR_GOTTPOFF:
		v = (int64_t)(gotbase + (uint64_t)t->gottp * 8 + r->addend - P);
		ok = fits_signed(v, size);
		break;
	case LR_TPOFF:
		v = (int64_t)(link_tpoff(o, t) + r->addend);
		ok = fits_signed(v, size);
		break;
	case LR_SIZE:
		v = (int64_t)(t->size + r->addend);
		ok = fits_unsigned(v, size);
		break;
	case LR_METHODOFF:
	case LR_WEAKOFF:
		if (dead) {
			v = r->type == LR_METHODOFF ? -1 : 0;
			break;
		}
		/* fallthrough */
	case LR_SECTOFF: {
		OutSecId id = link_outsec((LinkKind)t->kind);
		uint64_t base = id < OS_N ? o->sec[id].addr : 0;
		v = (int64_t)(S + r->addend - base);
		ok = fits_signed(v, size);
		break;
	}
	case LR_RELAX_LEA:
		p[-2] = 0x8d;
		v = (int64_t)(S + r->addend - P);
		ok = fits_signed(v, size);
		break;
	case LR_RELAX_CALL:
		p[-2] = 0x67;
		p[-1] = 0xe8;
		v = (int64_t)(S + r->addend - P);
		ok = fits_signed(v, size);
		break;
	case LR_RELAX_JMP:
		p[-2] = 0xe9;
		p[3] = 0x90;
		p -= 1;
		v = (int64_t)(S + r->addend - (P - 1));
		ok = fits_signed(v, size);
		break;
	}
	if (!ok)
		link_errorf(l, "%s: relocation %s of %s at offset %#llx: value %#llx does not fit in %d bytes",
			    a->name, relname(r->type), t->name, (unsigned long long)r->off,
			    (unsigned long long)v, size);
	put(p, (uint64_t)v, size);
}

void link_apply(LinkOut *o, uint8_t *buf)
{
	Link *l = o->l;
	for (int i = 0; i < OS_N; i++) {
		OutSec *sec = &o->sec[i];
		if (!sec->shndx || sec->type == 8 /* SHT_NOBITS */)
			continue;
		if (i == OS_TEXT) /* gaps between functions: int3 */
			memset(buf + sec->off, 0xcc, sec->size);
		if (i == OS_GOT) {
			for (uint32_t k = 0; k < l->ngot; k++) {
				const LinkSym *t = l->gotsyms.v[k];
				uint64_t v = l->gottls[k] ? link_tpoff(o, t) : link_symaddr(t);
				put(buf + sec->off + (uint64_t)k * 8, v, 8);
			}
		}
	}
	for (int k = 1; k < LK_NKINDS; k++) {
		OutSecId id = link_outsec((LinkKind)k);
		if (id == OS_N || o->sec[id].type == 8 /* SHT_NOBITS */)
			continue;
		const OutSec *sec = &o->sec[id];
		LinkSymVec *v = &l->atoms[k];
		for (uint32_t i = 0; i < v->n; i++) {
			LinkSym *a = v->v[i];
			if (!(a->flags & LF_ATOM) || a->kind != k)
				continue;
			uint8_t *img = buf + sec->off + (a->addr - sec->addr);
			if (a->data)
				memcpy(img, a->data, a->size);
			else
				memset(img, 0, a->size);
			for (uint32_t j = 0; j < a->nrelocs; j++)
				apply_one(o, a, img, &a->relocs[j]);
		}
	}
}
