/*
 * elfwrite.c — the executable: ELF header, program headers, the loaded
 * image (from reloc.c), then .symtab, .strtab, .shstrtab and the section
 * headers.  The whole file is built in one buffer and written at once.
 *
 * Symbol table: local symbols first (C statics), then globals, each in
 * creation order; section atoms of C objects are not listed.  TLS
 * symbols' values are offsets in the TLS template, as in ld's output.
 */
#include "linkout.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t alignup(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

static bool listed(const LinkSym *s, bool local)
{
	if (s->flags & (LF_NOSYM | LF_DEAD))
		return false;
	if (((s->flags & LF_LOCAL) != 0) != local)
		return false;
	if (s->kind == LK_UNDEF)
		return !local && (s->flags & LF_WEAKREF);
	return true;
}

static uint8_t elf_type(const LinkSym *s)
{
	if (s->kind == LK_TDATA || s->kind == LK_TBSS)
		return STT_TLS;
	if (s->elftype || (s->flags & LF_LINKER))
		return s->elftype;
	switch (s->kind) {
	case LK_TEXT: return STT_FUNC;
	case LK_ABS:
	case LK_UNDEF: return STT_NOTYPE;
	default: return STT_OBJECT;
	}
}

static void put_sym(LinkOut *o, Elf64_Sym *es, const LinkSym *s, uint32_t name)
{
	unsigned bind = (s->flags & LF_LOCAL) ? STB_LOCAL : (s->flags & LF_WEAK) || s->kind == LK_UNDEF ? STB_WEAK : STB_GLOBAL;
	es->st_name = name;
	es->st_info = (unsigned char)ELF64_ST_INFO(bind, elf_type(s));
	es->st_other = STV_DEFAULT;
	es->st_size = s->size;
	es->st_value = link_symaddr(s);
	if (s->kind == LK_UNDEF) {
		es->st_shndx = SHN_UNDEF;
		es->st_value = 0;
		es->st_size = 0;
		return;
	}
	OutSecId id = link_outsec((LinkKind)s->kind);
	if (s->flags & LF_LINKER) {
		/* bound symbols: attach to the section whose range holds them */
		es->st_shndx = SHN_ABS;
		for (int i = 0; i < OS_N; i++) {
			const OutSec *sec = &o->sec[i];
			if (sec->shndx && i != OS_TBSS && es->st_value >= sec->addr &&
			    es->st_value <= sec->addr + sec->size)
				es->st_shndx = (uint16_t)sec->shndx;
		}
		return;
	}
	if (id == OS_N || !o->sec[id].shndx) {
		es->st_shndx = SHN_ABS;
		return;
	}
	es->st_shndx = (uint16_t)o->sec[id].shndx;
	if (id == OS_TDATA || id == OS_TBSS)
		es->st_value -= o->tls_start;
}

int link_elf(LinkOut *o, uint8_t **out, size_t *len)
{
	Link *l = o->l;
	/* sizes of the tables */
	uint32_t nlocal = 1, nsym = 1;
	size_t strsz = 1;
	for (int pass = 0; pass < 2 && !l->nosymtab; pass++)
		for (uint32_t i = 0; i < l->all.n; i++) {
			const LinkSym *s = l->all.v[i];
			if (!listed(s, pass == 0))
				continue;
			nsym++;
			nlocal += pass == 0;
			strsz += s->namelen + 1;
		}
	Buf shstr = {0};
	buf_putc(&shstr, 0);
	uint32_t shname[OS_N], nsec = 1;
	for (int i = 0; i < OS_N; i++)
		if (o->sec[i].shndx) {
			shname[i] = (uint32_t)shstr.n;
			buf_put(&shstr, o->sec[i].name, strlen(o->sec[i].name) + 1);
			nsec++;
		}
	/* DWARF: after the loaded image */
	static const char *dwname[3] = {".debug_abbrev", ".debug_info", ".debug_line"};
	Buf dw[3] = {{0}};
	bool havedw = !l->nodwarf && link_dwarf(o, &dw[0], &dw[1], &dw[2]);
	uint32_t dwshname[3] = {0}, dwshndx[3] = {0};
	uint64_t dwoff[3] = {0};
	uint64_t cur = o->filesz;
	if (havedw)
		for (int d = 0; d < 3; d++) {
			dwshname[d] = (uint32_t)shstr.n;
			buf_put(&shstr, dwname[d], strlen(dwname[d]) + 1);
			dwshndx[d] = nsec++;
			dwoff[d] = cur;
			cur += dw[d].n;
		}
	uint32_t n_symtab = (uint32_t)shstr.n;
	buf_put(&shstr, ".symtab", 8);
	uint32_t n_strtab = (uint32_t)shstr.n;
	buf_put(&shstr, ".strtab", 8);
	uint32_t n_shstrtab = (uint32_t)shstr.n;
	buf_put(&shstr, ".shstrtab", 10);
	uint32_t shsymtab = nsec, shstrtab = nsec + 1, shshstr = nsec + 2;
	nsec += 3;

	uint64_t symoff = alignup(cur, 8);
	uint64_t stroff = symoff + (uint64_t)nsym * sizeof(Elf64_Sym);
	uint64_t shstroff = stroff + strsz;
	uint64_t shoff = alignup(shstroff + shstr.n, 8);
	uint64_t total = shoff + (uint64_t)nsec * sizeof(Elf64_Shdr);
	uint8_t *buf = xcalloc(1, total);

	/* ELF header */
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = o->entry;
	eh->e_phoff = sizeof(Elf64_Ehdr);
	eh->e_shoff = shoff;
	eh->e_ehsize = sizeof(Elf64_Ehdr);
	eh->e_phentsize = sizeof(Elf64_Phdr);
	eh->e_phnum = (uint16_t)o->nphdr;
	eh->e_shentsize = sizeof(Elf64_Shdr);
	eh->e_shnum = (uint16_t)nsec;
	eh->e_shstrndx = (uint16_t)shshstr;

	/* program headers */
	Elf64_Phdr *ph = (Elf64_Phdr *)(buf + sizeof(Elf64_Ehdr));
	for (int sg = 0; sg < SEG_N; sg++) {
		const Seg *seg = &o->seg[sg];
		if (!seg->used)
			continue;
		ph->p_type = PT_LOAD;
		ph->p_flags = seg->flags;
		ph->p_offset = seg->off;
		ph->p_vaddr = ph->p_paddr = seg->vaddr;
		ph->p_filesz = seg->filesz;
		ph->p_memsz = seg->memsz;
		ph->p_align = LINK_PAGE;
		ph++;
	}
	if (o->tls_memsz || o->sec[OS_TDATA].shndx || o->sec[OS_TBSS].shndx) {
		ph->p_type = PT_TLS;
		ph->p_flags = PF_R;
		ph->p_offset = o->sec[OS_TDATA].shndx ? o->sec[OS_TDATA].off : o->sec[OS_TBSS].off;
		ph->p_vaddr = ph->p_paddr = o->tls_start;
		ph->p_filesz = o->tls_filesz;
		ph->p_memsz = o->tls_memsz;
		ph->p_align = o->tls_align;
		ph++;
	}
	ph->p_type = PT_GNU_STACK;
	ph->p_flags = PF_R | PF_W;
	ph->p_align = 16;

	/* the image */
	link_apply(o, buf);

	/* symbols */
	Elf64_Sym *es = (Elf64_Sym *)(buf + symoff);
	char *str = (char *)buf + stroff;
	uint32_t si = 1, so = 1;
	for (int pass = 0; pass < 2 && !l->nosymtab; pass++)
		for (uint32_t i = 0; i < l->all.n; i++) {
			const LinkSym *s = l->all.v[i];
			if (!listed(s, pass == 0))
				continue;
			put_sym(o, &es[si++], s, so);
			memcpy(str + so, s->name, s->namelen + 1);
			so += s->namelen + 1;
		}
	memcpy(buf + shstroff, shstr.p, shstr.n);
	for (int d = 0; havedw && d < 3; d++)
		memcpy(buf + dwoff[d], dw[d].p, dw[d].n);

	/* section headers */
	Elf64_Shdr *sh = (Elf64_Shdr *)(buf + shoff);
	for (int i = 0; i < OS_N; i++) {
		const OutSec *sec = &o->sec[i];
		if (!sec->shndx)
			continue;
		Elf64_Shdr *h = &sh[sec->shndx];
		h->sh_name = shname[i];
		h->sh_type = sec->type;
		h->sh_flags = sec->flags;
		h->sh_addr = sec->addr;
		h->sh_offset = sec->off;
		h->sh_size = sec->size;
		h->sh_addralign = sec->align;
		if (i == OS_GOT || i == OS_INITARRAY)
			h->sh_entsize = 8;
	}
	sh[shsymtab] = (Elf64_Shdr){.sh_name = n_symtab, .sh_type = SHT_SYMTAB, .sh_offset = symoff,
				    .sh_size = (uint64_t)nsym * sizeof(Elf64_Sym), .sh_link = shstrtab,
				    .sh_info = nlocal, .sh_addralign = 8, .sh_entsize = sizeof(Elf64_Sym)};
	sh[shstrtab] = (Elf64_Shdr){.sh_name = n_strtab, .sh_type = SHT_STRTAB, .sh_offset = stroff,
				    .sh_size = strsz, .sh_addralign = 1};
	sh[shshstr] = (Elf64_Shdr){.sh_name = n_shstrtab, .sh_type = SHT_STRTAB, .sh_offset = shstroff,
				   .sh_size = shstr.n, .sh_addralign = 1};
	for (int d = 0; havedw && d < 3; d++) {
		sh[dwshndx[d]] = (Elf64_Shdr){.sh_name = dwshname[d], .sh_type = SHT_PROGBITS,
					      .sh_offset = dwoff[d], .sh_size = dw[d].n, .sh_addralign = 1};
		buf_free(&dw[d]);
	}
	buf_free(&shstr);
	if (l->nerrors) {
		free(buf);
		return l->nerrors;
	}
	*out = buf;
	*len = total;
	return 0;
}

int link_emit(Link *l, const char *entry, uint8_t **out, size_t *len)
{
	LinkOut o = {.l = l};
	*out = NULL;
	*len = 0;
	if (l->nerrors)
		return l->nerrors;
	if (link_finish(&o, entry))
		return l->nerrors;
	return link_elf(&o, out, len);
}

/* Removes path if it is a regular file (never /dev/null or the like). */
static void remove_regular(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		unlink(path);
}

int link_write(Link *l, const char *path, const char *entry)
{
	uint8_t *buf;
	size_t len;
	if (link_emit(l, entry, &buf, &len))
		return l->nerrors;
	remove_regular(path); /* a running executable cannot be rewritten in place */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0777);
	if (fd < 0) {
		link_errorf(l, "open %s: %s", path, strerror(errno));
		free(buf);
		return l->nerrors;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, buf + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			link_errorf(l, "write %s: %s", path, strerror(errno));
			break;
		}
		done += (size_t)w;
	}
	if (close(fd) < 0 && !l->nerrors)
		link_errorf(l, "close %s: %s", path, strerror(errno));
	free(buf);
	if (l->nerrors)
		remove_regular(path);
	return l->nerrors;
}
