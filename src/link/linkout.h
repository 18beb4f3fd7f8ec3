/*
 * linkout.h — the output side of the linker, shared by layout.c (symbol
 * resolution checks, GOT, addresses), reloc.c (patching) and elfwrite.c
 * (the ELF file).
 */
#ifndef GOC_LINKOUT_H
#define GOC_LINKOUT_H

#include "link.h"

#define LINK_BASE 0x400000ull
#define LINK_PAGE 0x1000ull

/* Output sections, in address order. */
typedef enum OutSecId {
	OS_TEXT,
	OS_RODATA,
	OS_GOT,
	OS_TDATA,
	OS_TBSS,
	OS_INITARRAY,
	OS_NOPTRDATA,
	OS_DATA,
	OS_BSS,
	OS_NOPTRBSS,
	OS_N
} OutSecId;

typedef enum SegId { SEG_TEXT, SEG_RODATA, SEG_DATA, SEG_N } SegId;

typedef struct OutSec {
	const char *name;
	uint32_t type, align;
	uint64_t flags;
	uint64_t addr, off, size; /* off: file offset (NOBITS: where it would be) */
	uint32_t shndx;           /* section header index, 0 if empty */
	uint8_t seg;
} OutSec;

typedef struct Seg {
	uint64_t vaddr, off, filesz, memsz;
	uint32_t flags; /* PF_* */
	bool used;
} Seg;

typedef struct LinkOut {
	Link *l;
	OutSec sec[OS_N];
	Seg seg[SEG_N];
	uint32_t nphdr;
	uint64_t tls_start, tls_memsz, tls_filesz, tls_align, tls_end;
	uint64_t filesz; /* end of the loaded part of the file */
	uint64_t entry;
} LinkOut;

OutSecId link_outsec(LinkKind k); /* OS_N for UNDEF and ABS */

/* functab.c: builds runtime.functab if it is referenced (before layout) */
void link_functab(Link *l);
/* deadcode.c: drops what the entry cannot reach (when link_set_deadcode) */
void link_deadcode(Link *l, const char *entry);

/* layout.c */
int link_finish(LinkOut *o, const char *entry); /* checks, GOT, layout; returns errors */
uint64_t link_tpoff(const LinkOut *o, const LinkSym *s);

/* reloc.c: copies atoms into buf (the whole file image) and patches them */
void link_apply(LinkOut *o, uint8_t *buf);

/* dwarf.c: .debug_abbrev, .debug_info, .debug_line for symbols with line
 * tables; false (buffers untouched) when there are none */
bool link_dwarf(LinkOut *o, Buf *abbrev, Buf *info, Buf *line);

/* elfwrite.c */
int link_elf(LinkOut *o, uint8_t **out, size_t *len);

#endif
