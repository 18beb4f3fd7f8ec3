/*
 * elfread.c — reads ELF64 x86-64 relocatable objects (gcc/clang -c) into
 * the linker's symbol model.
 *
 * Each allocatable section becomes a local atom (named after the section,
 * not listed in .symtab) whose bytes point into the file's buffer; the
 * object's symbols become aliases of those atoms (outer + offset), global
 * ones through the hash table, local ones as fresh locals.  COMDAT groups
 * are kept once per signature (the first object wins; later members are
 * discarded and their symbols resolve to the kept copy).  Relocations map
 * to LinkReloc types; GOT-relative ones stay as such until layout decides
 * to relax them or give them a GOT slot.
 */
#include "link.h"

#include <elf.h>
#include <errno.h>

typedef struct ObjReader {
	Link *l;
	const char *path;
	uint8_t *data;
	size_t len;
	Elf64_Shdr *sh;
	uint32_t nsh;
	const char *shstr;
	size_t shstrlen;
	LinkSym **secatom;  /* per section: its atom, or NULL if dropped */
	uint8_t *discarded; /* per section: 1 if in a losing COMDAT group */
	LinkSym **symmap;   /* per ELF symbol */
	const uint32_t *xindex; /* SHT_SYMTAB_SHNDX: section indices >= SHN_LORESERVE */
	uint32_t nxindex;
} ObjReader;

/* ---- COMDAT signatures: a set of strings ---- */

static bool comdat_insert(Link *l, const char *sig)
{
	if (2 * (l->comdatcount + 1) > l->comdatcap) {
		uint32_t ncap = l->comdatcap ? l->comdatcap * 2 : 64;
		char **nt = xcalloc(ncap, sizeof nt[0]);
		for (uint32_t i = 0; i < l->comdatcap; i++) {
			char *s = l->comdat[i];
			if (!s)
				continue;
			uint32_t j = link_hash(s, strlen(s)) & (ncap - 1);
			while (nt[j])
				j = (j + 1) & (ncap - 1);
			nt[j] = s;
		}
		free(l->comdat);
		l->comdat = nt;
		l->comdatcap = ncap;
	}
	size_t n = strlen(sig);
	uint32_t j = link_hash(sig, n) & (l->comdatcap - 1);
	while (l->comdat[j]) {
		if (strcmp(l->comdat[j], sig) == 0)
			return false;
		j = (j + 1) & (l->comdatcap - 1);
	}
	l->comdat[j] = arena_strndup(&l->arena, sig, n);
	l->comdatcount++;
	return true;
}

/* ---- helpers ---- */

static int bad(ObjReader *r, const char *what)
{
	link_errorf(r->l, "%s: malformed ELF object: %s", r->path, what);
	return -1;
}

static const char *secname(ObjReader *r, uint32_t i)
{
	uint32_t off = r->sh[i].sh_name;
	return off < r->shstrlen ? r->shstr + off : "?";
}

static bool inrange(ObjReader *r, uint64_t off, uint64_t size)
{
	return off <= r->len && size <= r->len - off;
}

static bool startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The kind of an input section, or LK_UNDEF to drop it. */
static LinkKind section_kind(ObjReader *r, uint32_t i)
{
	const Elf64_Shdr *sh = &r->sh[i];
	const char *name = secname(r, i);
	if (!(sh->sh_flags & SHF_ALLOC))
		return LK_UNDEF;
	switch (sh->sh_type) {
	case SHT_PROGBITS:
	case SHT_NOBITS:
		break;
	case SHT_INIT_ARRAY:
	case SHT_PREINIT_ARRAY:
		return LK_INITARRAY;
	default: /* notes, .eh_frame (SHT_X86_64_UNWIND), fini arrays, groups */
		return LK_UNDEF;
	}
	if (strcmp(name, ".eh_frame") == 0 || startswith(name, ".note") ||
	    startswith(name, ".fini_array") || startswith(name, ".dtors"))
		return LK_UNDEF;
	if (startswith(name, ".init_array") || startswith(name, ".ctors"))
		return LK_INITARRAY;
	if (sh->sh_flags & SHF_TLS)
		return sh->sh_type == SHT_NOBITS ? LK_TBSS : LK_TDATA;
	if (sh->sh_flags & SHF_EXECINSTR)
		return LK_TEXT;
	if (sh->sh_flags & SHF_WRITE)
		return sh->sh_type == SHT_NOBITS ? LK_NOPTRBSS : LK_NOPTRDATA;
	if (sh->sh_type == SHT_NOBITS)
		return LK_NOPTRBSS;
	return LK_RODATA;
}

static int read_groups(ObjReader *r, const Elf64_Sym *syms, uint32_t nsyms, const char *str, size_t strlen_)
{
	for (uint32_t i = 1; i < r->nsh; i++) {
		Elf64_Shdr *sh = &r->sh[i];
		if (sh->sh_type != SHT_GROUP)
			continue;
		if (!inrange(r, sh->sh_offset, sh->sh_size) || sh->sh_size < 4 || sh->sh_offset % 4)
			return bad(r, "group section");
		const uint32_t *w = (const uint32_t *)(r->data + sh->sh_offset);
		uint32_t nw = (uint32_t)(sh->sh_size / 4);
		if (!(w[0] & GRP_COMDAT))
			continue;
		if (sh->sh_info >= nsyms || syms[sh->sh_info].st_name >= strlen_)
			return bad(r, "group signature");
		const char *sig = str + syms[sh->sh_info].st_name;
		if (comdat_insert(r->l, sig))
			continue;
		for (uint32_t k = 1; k < nw; k++) {
			if (w[k] >= r->nsh)
				return bad(r, "group member");
			r->discarded[w[k]] = 1;
		}
	}
	return 0;
}

static int read_sections(ObjReader *r)
{
	Link *l = r->l;
	for (uint32_t i = 1; i < r->nsh; i++) {
		if (r->discarded[i])
			continue;
		LinkKind k = section_kind(r, i);
		if (k == LK_UNDEF)
			continue;
		Elf64_Shdr *sh = &r->sh[i];
		uint64_t align = sh->sh_addralign ? sh->sh_addralign : 1;
		if (align & (align - 1))
			return bad(r, "section alignment");
		const char *name = secname(r, i);
		LinkSym *a = link_new_local(l, name, strlen(name));
		a->file = r->path;
		link_make_atom(l, a, k, (uint32_t)align, sh->sh_size, LF_NOSYM);
		if (sh->sh_type != SHT_NOBITS) {
			if (!inrange(r, sh->sh_offset, sh->sh_size))
				return bad(r, "section extends past the end of the file");
			a->data = r->data + sh->sh_offset;
		} else if (k == LK_TDATA || k == LK_NOPTRDATA || k == LK_RODATA || k == LK_TEXT) {
			a->data = arena_alloc(&l->arena, sh->sh_size);
		}
		r->secatom[i] = a;
	}
	return 0;
}

/* st_shndx of SHN_ABS and SHN_COMMON, mapped above every real index
 * (with extended numbering, real indices can pass SHN_LORESERVE). */
#define ABS_SHN 0xfffffff1u
#define COMMON_SHN 0xfffffff2u

static uint8_t symtype(unsigned t)
{
	return (uint8_t)(t == STT_FUNC || t == STT_OBJECT || t == STT_TLS ? t : STT_NOTYPE);
}

static int read_symbols(ObjReader *r, const Elf64_Sym *syms, uint32_t nsyms, const char *str, size_t strlen_)
{
	Link *l = r->l;
	for (uint32_t i = 1; i < nsyms; i++) {
		const Elf64_Sym *es = &syms[i];
		unsigned bind = ELF64_ST_BIND(es->st_info), type = ELF64_ST_TYPE(es->st_info);
		/* section index: a real one (< nsh), SHN_UNDEF, or SHN_ABS/SHN_COMMON */
		uint32_t shn = es->st_shndx;
		if (shn == SHN_XINDEX) {
			if (i >= r->nxindex)
				return bad(r, "extended section index");
			shn = r->xindex[i];
			if (shn == SHN_UNDEF || shn >= r->nsh)
				return bad(r, "extended section index");
		} else if (shn >= SHN_LORESERVE) {
			if (shn != SHN_ABS && shn != SHN_COMMON) {
				link_errorf(l, "%s: symbol with unsupported section index %#x", r->path, shn);
				return -1;
			}
			shn = shn == SHN_ABS ? ABS_SHN : COMMON_SHN;
		}
		if (es->st_name >= strlen_)
			return bad(r, "symbol name");
		const char *name = str + es->st_name;
		if (type == STT_FILE)
			continue;
		if (type == STT_SECTION) {
			if (shn < r->nsh)
				r->symmap[i] = r->secatom[shn];
			continue;
		}
		if (bind == STB_LOCAL) {
			if (shn == SHN_UNDEF || !*name)
				continue;
			LinkSym *s = link_new_local(l, name, strlen(name));
			s->file = r->path;
			s->elftype = symtype(type);
			s->size = es->st_size;
			if (shn == ABS_SHN) {
				s->kind = LK_ABS;
				s->addr = es->st_value;
			} else if (shn < r->nsh && r->secatom[shn]) {
				s->outer = r->secatom[shn];
				s->kind = s->outer->kind;
				s->off = es->st_value;
			} else {
				continue; /* in a dropped section: references are errors */
			}
			r->symmap[i] = s;
			continue;
		}
		if (bind != STB_GLOBAL && bind != STB_WEAK) {
			link_errorf(l, "%s: symbol %s: unsupported binding %u", r->path, name, bind);
			return -1;
		}
		LinkSym *s = link_lookup(l, name, strlen(name));
		r->symmap[i] = s;
		uint32_t wf = bind == STB_WEAK ? LF_WEAK : 0;
		if (shn == SHN_UNDEF || (shn < r->nsh && r->discarded[shn])) {
			s->flags |= wf ? LF_WEAKREF : LF_STRONGREF;
			continue;
		}
		if (shn == COMMON_SHN) {
			if (s->kind != LK_UNDEF && !(s->flags & LF_COMMON))
				continue; /* a real definition wins */
			if (!(s->flags & LF_COMMON)) {
				s->flags |= LF_COMMON;
				s->size = 0;
				s->align = 1;
				linkvec_push(&l->commons, s);
			}
			s->file = r->path;
			s->elftype = STT_OBJECT;
			if (es->st_size > s->size)
				s->size = es->st_size;
			if (es->st_value > s->align)
				s->align = (uint32_t)es->st_value;
			continue;
		}
		if (shn == ABS_SHN) {
			s->file = s->kind == LK_UNDEF ? r->path : s->file;
			link_define_abs(l, s, es->st_value, wf);
			continue;
		}
		if (shn >= r->nsh)
			return bad(r, "symbol section index");
		LinkSym *a = r->secatom[shn];
		if (!a)
			continue; /* defined in a dropped section (debug info, notes) */
		int res = link_resolve(l, s, wf, r->path);
		if (res < 0)
			continue;
		if (res == 0)
			continue;
		if (s->caprelocs)
			free(s->relocs);
		s->relocs = NULL;
		s->nrelocs = s->caprelocs = 0;
		s->data = NULL;
		s->flags &= ~(LF_WEAK | LF_DUPOK | LF_COMMON | LF_ATOM | LF_LINKER);
		s->flags |= wf;
		s->kind = a->kind;
		s->outer = a;
		s->off = es->st_value;
		s->size = es->st_size;
		s->elftype = symtype(type);
		s->file = r->path;
	}
	return 0;
}

static int reloc_type(unsigned t, uint8_t *type, uint8_t *size)
{
	switch (t) {
	case R_X86_64_64: *type = LR_ADDR; *size = 8; return 1;
	case R_X86_64_32: *type = LR_ADDR; *size = 4; return 1;
	case R_X86_64_32S: *type = LR_ADDRS; *size = 4; return 1;
	case R_X86_64_16: *type = LR_ADDR; *size = 2; return 1;
	case R_X86_64_8: *type = LR_ADDR; *size = 1; return 1;
	case R_X86_64_PC32:
	case R_X86_64_PLT32: *type = LR_PCREL; *size = 4; return 1;
	case R_X86_64_PC64: *type = LR_PCREL; *size = 8; return 1;
	case R_X86_64_PC16: *type = LR_PCREL; *size = 2; return 1;
	case R_X86_64_PC8: *type = LR_PCREL; *size = 1; return 1;
	case R_X86_64_GOTPCREL: *type = LR_GOTPCREL; *size = 4; return 1;
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX: *type = LR_GOTPCRELX; *size = 4; return 1;
	case R_X86_64_TPOFF32: *type = LR_TPOFF; *size = 4; return 1;
	case R_X86_64_TPOFF64: *type = LR_TPOFF; *size = 8; return 1;
	case R_X86_64_GOTTPOFF: *type = LR_GOTTPOFF; *size = 4; return 1;
	case R_X86_64_SIZE32: *type = LR_SIZE; *size = 4; return 1;
	case R_X86_64_SIZE64: *type = LR_SIZE; *size = 8; return 1;
	case R_X86_64_NONE: return 0;
	}
	return -1;
}

static int read_relocs(ObjReader *r, uint32_t nsyms)
{
	Link *l = r->l;
	for (uint32_t i = 1; i < r->nsh; i++) {
		Elf64_Shdr *sh = &r->sh[i];
		if (sh->sh_type == SHT_REL) {
			if (sh->sh_info < r->nsh && r->secatom[sh->sh_info]) {
				link_errorf(l, "%s: SHT_REL relocations are not supported on amd64", r->path);
				return -1;
			}
			continue;
		}
		if (sh->sh_type != SHT_RELA || sh->sh_info >= r->nsh)
			continue;
		LinkSym *a = r->secatom[sh->sh_info];
		if (!a)
			continue; /* relocations of a dropped section */
		if (!inrange(r, sh->sh_offset, sh->sh_size) || sh->sh_entsize != sizeof(Elf64_Rela) ||
		    sh->sh_offset % 8)
			return bad(r, "relocation section");
		const Elf64_Rela *rel = (const Elf64_Rela *)(r->data + sh->sh_offset);
		uint32_t n = (uint32_t)(sh->sh_size / sizeof *rel);
		LinkReloc *out = arena_alloc(&l->arena, (size_t)n * sizeof *out);
		uint32_t m = 0;
		for (uint32_t k = 0; k < n; k++) {
			unsigned t = ELF64_R_TYPE(rel[k].r_info);
			uint32_t si = ELF64_R_SYM(rel[k].r_info);
			LinkReloc *o = &out[m];
			int ok = reloc_type(t, &o->type, &o->size);
			if (ok == 0)
				continue;
			if (ok < 0) {
				link_errorf(l, "%s: unsupported relocation type %u in section %s at offset %#llx",
					    r->path, t, secname(r, sh->sh_info), (unsigned long long)rel[k].r_offset);
				continue;
			}
			if (si == 0 || si >= nsyms || !r->symmap[si]) {
				link_errorf(l, "%s: relocation in section %s at offset %#llx refers to a discarded or missing symbol",
					    r->path, secname(r, sh->sh_info), (unsigned long long)rel[k].r_offset);
				continue;
			}
			if (rel[k].r_offset > a->size || o->size > a->size - rel[k].r_offset || !a->data)
				return bad(r, "relocation offset");
			o->off = rel[k].r_offset;
			o->target = r->symmap[si];
			o->addend = rel[k].r_addend;
			m++;
		}
		a->relocs = out;
		a->nrelocs = m;
		a->caprelocs = 0;
	}
	return 0;
}

int link_load_object_mem(Link *l, const char *name, uint8_t *data, size_t len)
{
	ObjReader r = {.l = l, .path = arena_strndup(&l->arena, name, strlen(name)), .data = data, .len = len};
	if (len < sizeof(Elf64_Ehdr) || memcmp(data, ELFMAG, SELFMAG) != 0) {
		link_errorf(l, "%s: not an ELF object", name);
		return -1;
	}
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_type != ET_REL || eh->e_machine != EM_X86_64) {
		link_errorf(l, "%s: not an ELF64 x86-64 relocatable object", name);
		return -1;
	}
	if (eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shoff % 8 || eh->e_shoff == 0 ||
	    !inrange(&r, eh->e_shoff, sizeof(Elf64_Shdr)))
		return bad(&r, "section headers");
	r.sh = (Elf64_Shdr *)(data + eh->e_shoff);
	/* extended numbering: counts of 0xff00 and more live in section 0 */
	uint64_t nsh = eh->e_shnum ? eh->e_shnum : r.sh[0].sh_size;
	uint32_t shstrndx = eh->e_shstrndx == SHN_XINDEX ? r.sh[0].sh_link : eh->e_shstrndx;
	if (nsh == 0 || nsh > 0xffffff || !inrange(&r, eh->e_shoff, nsh * sizeof(Elf64_Shdr)))
		return bad(&r, "section headers");
	r.nsh = (uint32_t)nsh;
	if (shstrndx >= r.nsh || !inrange(&r, r.sh[shstrndx].sh_offset, r.sh[shstrndx].sh_size))
		return bad(&r, "section name table");
	r.shstr = (const char *)data + r.sh[shstrndx].sh_offset;
	r.shstrlen = r.sh[shstrndx].sh_size;
	if (r.shstrlen == 0 || r.shstr[r.shstrlen - 1] != 0)
		return bad(&r, "section name table");

	/* the symbol table and its strings */
	const Elf64_Sym *syms = NULL;
	const char *str = NULL;
	size_t strl = 0;
	uint32_t nsyms = 0;
	for (uint32_t i = 1; i < r.nsh; i++) {
		Elf64_Shdr *sh = &r.sh[i];
		if (sh->sh_type == SHT_SYMTAB_SHNDX) {
			if (!inrange(&r, sh->sh_offset, sh->sh_size) || sh->sh_offset % 4)
				return bad(&r, "extended section index table");
			r.xindex = (const uint32_t *)(data + sh->sh_offset);
			r.nxindex = (uint32_t)(sh->sh_size / 4);
		}
	}
	for (uint32_t i = 1; i < r.nsh; i++) {
		Elf64_Shdr *sh = &r.sh[i];
		if (sh->sh_type != SHT_SYMTAB)
			continue;
		if (!inrange(&r, sh->sh_offset, sh->sh_size) || sh->sh_entsize != sizeof(Elf64_Sym) ||
		    sh->sh_offset % 8 || sh->sh_link >= r.nsh)
			return bad(&r, "symbol table");
		Elf64_Shdr *ss = &r.sh[sh->sh_link];
		if (!inrange(&r, ss->sh_offset, ss->sh_size) || ss->sh_size == 0 ||
		    data[ss->sh_offset + ss->sh_size - 1] != 0)
			return bad(&r, "string table");
		syms = (const Elf64_Sym *)(data + sh->sh_offset);
		nsyms = (uint32_t)(sh->sh_size / sizeof(Elf64_Sym));
		str = (const char *)data + ss->sh_offset;
		strl = ss->sh_size;
		break;
	}
	r.secatom = xcalloc(r.nsh, sizeof r.secatom[0]);
	r.discarded = xcalloc(r.nsh, 1);
	r.symmap = xcalloc(nsyms ? nsyms : 1, sizeof r.symmap[0]);
	int nerr = l->nerrors;
	int rc = read_groups(&r, syms, nsyms, str, strl);
	if (rc == 0)
		rc = read_sections(&r);
	if (rc == 0)
		rc = read_symbols(&r, syms, nsyms, str, strl);
	if (rc == 0)
		rc = read_relocs(&r, nsyms);
	free(r.secatom);
	free(r.discarded);
	free(r.symmap);
	return rc == 0 && l->nerrors == nerr ? 0 : -1;
}

int link_load_object(Link *l, const char *path)
{
	size_t len;
	char *data = read_file(path, &len);
	if (!data) {
		link_errorf(l, "open %s: %s", path, strerror(errno));
		return -1;
	}
	if (l->nblobs == l->capblobs) {
		l->capblobs = l->capblobs ? l->capblobs * 2 : 16;
		l->blobs = xrealloc(l->blobs, l->capblobs * sizeof l->blobs[0]);
	}
	l->blobs[l->nblobs++] = (uint8_t *)data;
	return link_load_object_mem(l, path, (uint8_t *)data, len);
}
