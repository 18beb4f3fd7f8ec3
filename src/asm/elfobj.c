/*
 * elfobj.c — the assembler's output: an ELF64 relocatable object (x86-64)
 * that goc's linker reads (src/link/elfread.c), one section per symbol
 * (so that each is an atom of its own, as -ffunction-sections):
 *
 *   TEXT          .text.NAME    AX, aligned 32 (gc's function alignment)
 *   RODATA        .rodata.NAME  A
 *   data          .data.NAME    WA    (NOPTR or not: goc has no GC yet)
 *   no DATA       .bss.NAME     WA, NOBITS
 *
 * Data alignment is gc's linker rule: the largest power of two not above
 * the size, at most 32.  Names: the package's own symbols ("".f) get the
 * -p path (pkg.f); `f<>` symbols are STB_LOCAL (each file its own); DUPOK
 * symbols are weak.  Relocations are RELA: R_X86_64_PC32 (RIP-relative
 * data), PLT32 (CALL/JMP sym), 32/32S/64 (absolute), TPOFF32 against
 * runtime.tlsg for the prologue's `MOVQ (TLS), R14`.
 */
#include "asm.h"

#include <elf.h>
#include <errno.h>

typedef struct Sec {
	const char *name;
	uint32_t type, flags;
	uint64_t align;
	ASym *sym;
	uint32_t nameoff;
	uint64_t off, size;
	int relsec;     /* index of its .rela section, or 0 */
	Buf rela;
} Sec;

static const char *elf_name(Asm *a, const char *name, Buf *tmp)
{
	if (strncmp(name, "\"\".", 3) == 0) {
		tmp->n = 0;
		buf_printf(tmp, "%s.%s", a->pkgpath, name + 3);
		buf_putc(tmp, 0);
		return tmp->p;
	}
	return name;
}

static uint32_t strtab_add(Buf *st, const char *s)
{
	uint32_t off = (uint32_t)st->n;
	buf_put(st, s, strlen(s) + 1);
	return off;
}

/* symbol table entries: locals first (ELF's rule), then globals */
typedef struct ESym {
	const char *name; /* ELF name */
	bool local, defined, weak, func;
	int sec;
	uint64_t size;
	uint32_t index;
} ESym;

typedef struct Syms {
	ESym *v;
	int n, cap;
} Syms;

static int esym_find(Syms *s, const char *name, bool local)
{
	for (int i = 0; i < s->n; i++)
		if (s->v[i].local == local && strcmp(s->v[i].name, name) == 0)
			return i;
	return -1;
}

static int esym_add(Asm *a, Syms *s, const char *name, bool local)
{
	int k = esym_find(s, name, local);
	if (k >= 0)
		return k;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
	}
	ESym *e = &s->v[s->n];
	memset(e, 0, sizeof *e);
	e->name = asm_strdup(a, name, strlen(name));
	e->local = local;
	return s->n++;
}

void asm_elf(Asm *a, Buf *out)
{
	Sec *secs = NULL;
	int nsec = 1, cap = 0;
	Syms syms = {0};
	Buf tmp = {0}, shstr = {0}, str = {0};
	buf_putc(&shstr, 0);
	buf_putc(&str, 0);
	/* sections and defined symbols */
	for (ASym *s = a->syms; s; s = s->next) {
		if (!s->istext && !s->globl)
			continue;
		if (nsec + 2 >= cap) {
			cap = cap ? 2 * cap : 32;
			secs = xrealloc(secs, (size_t)cap * sizeof *secs);
		}
		Sec *sc = &secs[nsec];
		memset(sc, 0, sizeof *sc);
		const char *en = elf_name(a, s->isstatic ? asm_strdup(a, s->name, strlen(s->name) - 2) : s->name, &tmp);
		const char *prefix;
		if (s->istext) {
			prefix = ".text.";
			sc->type = SHT_PROGBITS;
			sc->flags = SHF_ALLOC | SHF_EXECINSTR;
			sc->align = 32;
		} else {
			if (s->flags & TF_RODATA)
				prefix = ".rodata.", sc->flags = SHF_ALLOC, sc->type = SHT_PROGBITS;
			else if (s->bytes.n)
				prefix = ".data.", sc->flags = SHF_ALLOC | SHF_WRITE, sc->type = SHT_PROGBITS;
			else
				prefix = ".bss.", sc->flags = SHF_ALLOC | SHF_WRITE, sc->type = SHT_NOBITS;
			sc->align = 32;
			while (sc->align > 1 && (int64_t)sc->align > s->size)
				sc->align >>= 1;
		}
		Buf nm = {0};
		buf_printf(&nm, "%s%s", prefix, en);
		buf_putc(&nm, 0);
		sc->nameoff = strtab_add(&shstr, nm.p);
		buf_free(&nm);
		sc->sym = s;
		sc->size = s->istext ? s->bytes.n : (uint64_t)s->size;
		int k = esym_add(a, &syms, en, s->isstatic);
		syms.v[k].defined = true;
		syms.v[k].sec = nsec;
		syms.v[k].size = sc->size;
		syms.v[k].func = s->istext;
		syms.v[k].weak = (s->flags & TF_DUPOK) || s->contentaddr;
		nsec++;
	}
	/* relocations; referenced symbols */
	int ntext = nsec;
	for (int i = 1; i < ntext; i++) {
		ASym *s = secs[i].sym;
		for (int r = 0; r < s->nrels; r++) {
			ARel *rl = &s->rels[r];
			uint32_t type;
			int64_t add = rl->add;
			const char *target = rl->sym;
			bool local = false;
			switch (rl->type) {
			case 1:
				type = rl->size == 8 ? R_X86_64_64 : rl->elfkind == RELOC_ABS32S ? R_X86_64_32S : R_X86_64_32;
				break;
			case 7: type = R_X86_64_PLT32; add -= rl->size; break;
			case 14: type = R_X86_64_PC32; add -= rl->size; break;
			case 15: type = R_X86_64_TPOFF32; target = "runtime.tlsg"; break;
			default: continue; /* markers (R_CALLIND) */
			}
			size_t tl = strlen(target);
			if (tl > 2 && strcmp(target + tl - 2, "<>") == 0) {
				/* a static of this file; one never defined stays an
				 * undefined global "x<>", for the linker to report (gc
				 * assembles such a file too) */
				ASym *d = asm_lookup(a, target, true, false);
				if (d && (d->istext || d->globl)) {
					local = true;
					target = asm_strdup(a, target, tl - 2);
				}
			}
			const char *en = elf_name(a, target, &tmp);
			int k = esym_add(a, &syms, en, local);
			Elf64_Rela e = {.r_offset = rl->off, .r_addend = add};
			e.r_info = ELF64_R_INFO((uint64_t)k, type); /* index fixed below */
			buf_put(&secs[i].rela, &e, sizeof e);
		}
	}
	/* symbol indices: null, section symbols? no; locals, then globals */
	uint32_t idx = 1;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < syms.n; i++)
			if (syms.v[i].local == (pass == 0))
				syms.v[i].index = idx++;
	uint32_t firstglobal = 1;
	for (int i = 0; i < syms.n; i++)
		if (syms.v[i].local)
			firstglobal++;
	/* .rela sections */
	for (int i = 1; i < ntext; i++) {
		if (!secs[i].rela.n)
			continue;
		for (size_t o = 0; o < secs[i].rela.n; o += sizeof(Elf64_Rela)) {
			Elf64_Rela *e = (Elf64_Rela *)(void *)(secs[i].rela.p + o);
			uint32_t k = (uint32_t)ELF64_R_SYM(e->r_info);
			e->r_info = ELF64_R_INFO(syms.v[k].index, ELF64_R_TYPE(e->r_info));
		}
		Sec *rs = &secs[nsec];
		memset(rs, 0, sizeof *rs);
		Buf nm = {0};
		buf_printf(&nm, ".rela%s", shstr.p + secs[i].nameoff);
		buf_putc(&nm, 0);
		rs->nameoff = strtab_add(&shstr, nm.p);
		buf_free(&nm);
		rs->type = SHT_RELA;
		rs->flags = SHF_INFO_LINK;
		rs->align = 8;
		rs->rela = secs[i].rela; /* moved */
		secs[i].rela = (Buf){0};
		rs->size = rs->rela.n;
		rs->relsec = i; /* sh_info */
		nsec++;
		if (nsec + 4 >= cap) {
			cap *= 2;
			secs = xrealloc(secs, (size_t)cap * sizeof *secs);
		}
	}
	if (nsec + 4 >= cap) {
		cap = nsec + 8;
		secs = xrealloc(secs, (size_t)cap * sizeof *secs);
	}
	int symtab = nsec++, strtab = nsec++, shstrtab = nsec++, gnustack = nsec++;
	/* .symtab */
	Buf st = {0};
	Elf64_Sym z = {0};
	buf_put(&st, &z, sizeof z);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < syms.n; i++) {
			ESym *e = &syms.v[i];
			if (e->local != (pass == 0))
				continue;
			Elf64_Sym es = {0};
			es.st_name = strtab_add(&str, e->name);
			int bind = e->local ? STB_LOCAL : e->weak ? STB_WEAK : STB_GLOBAL;
			int type = e->defined ? (e->func ? STT_FUNC : STT_OBJECT) : STT_NOTYPE;
			es.st_info = (unsigned char)ELF64_ST_INFO(bind, type);
			es.st_shndx = e->defined ? (Elf64_Half)e->sec : SHN_UNDEF;
			es.st_size = e->size;
			buf_put(&st, &es, sizeof es);
		}
	memset(&secs[symtab], 0, sizeof secs[symtab]);
	secs[symtab].nameoff = strtab_add(&shstr, ".symtab");
	secs[symtab].type = SHT_SYMTAB;
	secs[symtab].align = 8;
	secs[symtab].rela = st;
	secs[symtab].size = st.n;
	memset(&secs[strtab], 0, sizeof secs[strtab]);
	secs[strtab].nameoff = strtab_add(&shstr, ".strtab");
	secs[strtab].type = SHT_STRTAB;
	secs[strtab].align = 1;
	memset(&secs[gnustack], 0, sizeof secs[gnustack]);
	secs[gnustack].nameoff = strtab_add(&shstr, ".note.GNU-stack");
	secs[gnustack].type = SHT_PROGBITS;
	secs[gnustack].align = 1;
	memset(&secs[shstrtab], 0, sizeof secs[shstrtab]);
	secs[shstrtab].nameoff = strtab_add(&shstr, ".shstrtab");
	secs[shstrtab].type = SHT_STRTAB;
	secs[shstrtab].align = 1;
	secs[strtab].rela = str;
	secs[strtab].size = str.n;
	secs[shstrtab].rela = shstr;
	secs[shstrtab].size = shstr.n;
	/* file layout */
	Buf f = {0};
	Elf64_Ehdr eh = {0};
	buf_put(&f, &eh, sizeof eh);
	for (int i = 1; i < nsec; i++) {
		Sec *sc = &secs[i];
		const void *data = NULL;
		size_t n = 0;
		if (sc->sym && sc->type != SHT_NOBITS) {
			data = sc->sym->bytes.p;
			n = sc->sym->bytes.n;
		} else if (!sc->sym) {
			data = sc->rela.p;
			n = sc->rela.n;
		}
		uint64_t al = sc->align ? sc->align : 1;
		while (f.n % al) {
			buf_putc(&f, 0);
		}
		sc->off = f.n;
		if (n)
			buf_put(&f, data, n);
		if (sc->sym && sc->type != SHT_NOBITS && sc->size > n) {
			/* data shorter than its GLOBL size: zero-filled */
			for (uint64_t k = n; k < sc->size; k++)
				buf_putc(&f, 0);
		}
	}
	while (f.n % 8)
		buf_putc(&f, 0);
	uint64_t shoff = f.n;
	Elf64_Shdr z2 = {0};
	buf_put(&f, &z2, sizeof z2);
	for (int i = 1; i < nsec; i++) {
		Sec *sc = &secs[i];
		Elf64_Shdr sh = {0};
		sh.sh_name = sc->nameoff;
		sh.sh_type = sc->type;
		sh.sh_flags = sc->flags;
		sh.sh_offset = sc->off;
		sh.sh_size = sc->size;
		sh.sh_addralign = sc->align;
		if (sc->type == SHT_RELA) {
			sh.sh_link = (Elf64_Word)symtab;
			sh.sh_info = (Elf64_Word)sc->relsec;
			sh.sh_entsize = sizeof(Elf64_Rela);
		} else if (sc->type == SHT_SYMTAB) {
			sh.sh_link = (Elf64_Word)strtab;
			sh.sh_info = firstglobal;
			sh.sh_entsize = sizeof(Elf64_Sym);
		}
		buf_put(&f, &sh, sizeof sh);
	}
	Elf64_Ehdr *h = (Elf64_Ehdr *)(void *)f.p;
	memcpy(h->e_ident, ELFMAG, SELFMAG);
	h->e_ident[EI_CLASS] = ELFCLASS64;
	h->e_ident[EI_DATA] = ELFDATA2LSB;
	h->e_ident[EI_VERSION] = EV_CURRENT;
	h->e_ident[EI_OSABI] = ELFOSABI_NONE;
	h->e_type = ET_REL;
	h->e_machine = EM_X86_64;
	h->e_version = EV_CURRENT;
	h->e_shoff = shoff;
	h->e_ehsize = sizeof(Elf64_Ehdr);
	h->e_shentsize = sizeof(Elf64_Shdr);
	h->e_shnum = (Elf64_Half)nsec;
	h->e_shstrndx = (Elf64_Half)shstrtab;
	for (int i = 1; i < nsec; i++)
		if (!secs[i].sym)
			buf_free(&secs[i].rela);
	free(secs);
	free(syms.v);
	buf_free(&tmp);
	*out = f;
}

bool asm_write_elf(Asm *a, const char *path)
{
	Buf f = {0};
	asm_elf(a, &f);
	bool ok = false;
	FILE *fp = fopen(path, "wb");
	if (fp) {
		ok = fwrite(f.p, 1, f.n, fp) == f.n;
		ok = (fclose(fp) == 0) && ok;
	}
	buf_free(&f);
	return ok;
}
