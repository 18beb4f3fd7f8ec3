// vdso_linux_amd64.c — clock_gettime through the kernel's vDSO, found
// from the auxiliary vector's AT_SYSINFO_EHDR, with the system call as
// the fallback.  The vDSO is a small ELF shared object: we look up
// __vdso_clock_gettime in its dynamic symbol table (DT_HASH or
// DT_GNU_HASH is not needed: the table is walked linearly, once).
#include "rt.h"

typedef struct {
	byte ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
} Elf64_Phdr;

typedef struct {
	int64_t tag;
	uint64_t val;
} Elf64_Dyn;

typedef struct {
	uint32_t name;
	byte info, other;
	uint16_t shndx;
	uint64_t value, size;
} Elf64_Sym;

enum { PT_LOAD = 1, PT_DYNAMIC = 2, DT_NULL = 0, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6, DT_GNU_HASH = 0x6ffffef5 };

typedef int (*clock_gettime_fn)(int, void *);
static clock_gettime_fn vdso_clock_gettime;

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

// Number of dynamic symbols: from DT_HASH's nchain, or by walking
// DT_GNU_HASH's buckets and chains to the last symbol.
static uint32_t vdso_nsyms(uint32_t *hash, uint32_t *gnuhash)
{
	if (hash)
		return hash[1];
	if (!gnuhash)
		return 0;
	uint32_t nbuckets = gnuhash[0], symoffset = gnuhash[1], bloomsize = gnuhash[2];
	uint32_t *buckets = gnuhash + 4 + bloomsize * 2; // 64-bit bloom words
	uint32_t *chain = buckets + nbuckets;
	uint32_t last = 0;
	for (uint32_t i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

void vdso_init(uintptr base)
{
	if (!base)
		return;
	Elf64_Ehdr *eh = (Elf64_Ehdr *)base;
	Elf64_Phdr *ph = (Elf64_Phdr *)(base + eh->phoff);
	uintptr load_offset = 0;
	bool found_load = false;
	Elf64_Dyn *dyn = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type == PT_LOAD && !found_load) {
			found_load = true;
			load_offset = base + ph[i].offset - ph[i].vaddr;
		} else if (ph[i].type == PT_DYNAMIC) {
			dyn = (Elf64_Dyn *)(base + ph[i].offset);
		}
	}
	if (!found_load || !dyn)
		return;
	Elf64_Sym *symtab = 0;
	const char *strtab = 0;
	uint32_t *hash = 0, *gnuhash = 0;
	for (; dyn->tag != DT_NULL; dyn++) {
		uintptr p = load_offset + dyn->val;
		switch (dyn->tag) {
		case DT_STRTAB: strtab = (const char *)p; break;
		case DT_SYMTAB: symtab = (Elf64_Sym *)p; break;
		case DT_HASH: hash = (uint32_t *)p; break;
		case DT_GNU_HASH: gnuhash = (uint32_t *)p; break;
		}
	}
	if (!symtab || !strtab)
		return;
	uint32_t n = vdso_nsyms(hash, gnuhash);
	for (uint32_t i = 0; i < n; i++) {
		Elf64_Sym *s = &symtab[i];
		if ((s->info & 0xf) != 2 || s->shndx == 0) // STT_FUNC, defined
			continue;
		if (streq(strtab + s->name, "__vdso_clock_gettime"))
			vdso_clock_gettime = (clock_gettime_fn)(load_offset + s->value);
	}
}

enum { CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1 };

static void clock_gettime(int clock, int64_t ts[2])
{
	// vDSO code runs on the current stack: it is small and leaf-like.
	if (vdso_clock_gettime)
		vdso_clock_gettime(clock, ts);
	else
		sys_clock_gettime_syscall(clock, ts);
}

int64_t rt_nanotime(void)
{
	int64_t ts[2];
	clock_gettime(CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000 + ts[1];
}

int64_t rt_walltime(int32_t *nsec)
{
	int64_t ts[2];
	clock_gettime(CLOCK_REALTIME, ts);
	*nsec = (int32_t)ts[1];
	return ts[0];
}
