/*
 * dwarf.c — DWARF 4 line information for the text symbols that carry line
 * tables (link_set_lines): .debug_line with one sequence per function,
 * and the .debug_abbrev/.debug_info gdb needs to use it: one compile unit
 * in language Go spanning those functions, with one subprogram each, so
 * that gdb stops at main.main and shows Go file:line in `bt`.
 *
 * Only symbols with line rows are described (goc's Go code); the C
 * runtime's own debug sections are not carried over yet.
 */
#include "linkout.h"

#include <elf.h>

enum {
	DW_TAG_compile_unit = 0x11,
	DW_TAG_subprogram = 0x2e,
	DW_AT_name = 0x03,
	DW_AT_stmt_list = 0x10,
	DW_AT_low_pc = 0x11,
	DW_AT_high_pc = 0x12,
	DW_AT_language = 0x13,
	DW_AT_external = 0x3f,
	DW_FORM_addr = 0x01,
	DW_FORM_data1 = 0x0b,
	DW_FORM_data8 = 0x07,
	DW_FORM_string = 0x08,
	DW_FORM_sec_offset = 0x17,
	DW_FORM_flag_present = 0x19,
	DW_LANG_Go = 0x16,
	DW_LNS_copy = 1,
	DW_LNS_advance_pc = 2,
	DW_LNS_advance_line = 3,
	DW_LNS_set_file = 4,
	DW_LNE_end_sequence = 1,
	DW_LNE_set_address = 2,
};

static void uleb(Buf *b, uint64_t v)
{
	do {
		uint8_t c = v & 0x7f;
		v >>= 7;
		buf_putc(b, (char)(c | (v ? 0x80 : 0)));
	} while (v);
}

static void sleb(Buf *b, int64_t v)
{
	for (;;) {
		uint8_t c = v & 0x7f;
		v >>= 7; /* arithmetic */
		bool done = (v == 0 && !(c & 0x40)) || (v == -1 && (c & 0x40));
		buf_putc(b, (char)(c | (done ? 0 : 0x80)));
		if (done)
			return;
	}
}

static void u8(Buf *b, uint8_t v) { buf_putc(b, (char)v); }
static void u16(Buf *b, uint16_t v) { buf_put(b, &v, 2); }
static void u32(Buf *b, uint32_t v) { buf_put(b, &v, 4); }
static void u64(Buf *b, uint64_t v) { buf_put(b, &v, 8); }
static void setu32(Buf *b, size_t at, uint32_t v) { memcpy(b->p + at, &v, 4); }

bool link_dwarf(LinkOut *o, Buf *abbrev, Buf *info, Buf *line)
{
	Link *l = o->l;
	LinkSymVec *text = &l->atoms[LK_TEXT];
	uint64_t lo = UINT64_MAX, hi = 0;
	uint32_t nfn = 0;
	for (uint32_t i = 0; i < text->n; i++) {
		const LinkSym *s = text->v[i];
		if (!(s->flags & LF_ATOM) || s->kind != LK_TEXT || !s->nlines)
			continue;
		nfn++;
		if (s->addr < lo)
			lo = s->addr;
		if (s->addr + s->size > hi)
			hi = s->addr + s->size;
	}
	if (!nfn)
		return false;

	/* .debug_abbrev */
	uleb(abbrev, 1);
	uleb(abbrev, DW_TAG_compile_unit);
	u8(abbrev, 1); /* children */
	uleb(abbrev, DW_AT_name), uleb(abbrev, DW_FORM_string);
	uleb(abbrev, DW_AT_language), uleb(abbrev, DW_FORM_data1);
	uleb(abbrev, DW_AT_stmt_list), uleb(abbrev, DW_FORM_sec_offset);
	uleb(abbrev, DW_AT_low_pc), uleb(abbrev, DW_FORM_addr);
	uleb(abbrev, DW_AT_high_pc), uleb(abbrev, DW_FORM_data8);
	uleb(abbrev, 0), uleb(abbrev, 0);
	uleb(abbrev, 2);
	uleb(abbrev, DW_TAG_subprogram);
	u8(abbrev, 0);
	uleb(abbrev, DW_AT_name), uleb(abbrev, DW_FORM_string);
	uleb(abbrev, DW_AT_low_pc), uleb(abbrev, DW_FORM_addr);
	uleb(abbrev, DW_AT_high_pc), uleb(abbrev, DW_FORM_data8);
	uleb(abbrev, DW_AT_external), uleb(abbrev, DW_FORM_flag_present);
	uleb(abbrev, 0), uleb(abbrev, 0);
	uleb(abbrev, 0);

	/* .debug_info */
	u32(info, 0); /* unit_length, patched */
	u16(info, 4);
	u32(info, 0); /* abbrev offset */
	u8(info, 8);
	uleb(info, 1);
	buf_put(info, "go", 3);
	u8(info, DW_LANG_Go);
	u32(info, 0); /* stmt_list */
	u64(info, lo);
	u64(info, hi - lo);
	for (uint32_t i = 0; i < text->n; i++) {
		const LinkSym *s = text->v[i];
		if (!(s->flags & LF_ATOM) || s->kind != LK_TEXT || !s->nlines)
			continue;
		uleb(info, 2);
		buf_put(info, s->name, s->namelen + 1);
		u64(info, s->addr);
		u64(info, s->size);
	}
	uleb(info, 0);
	setu32(info, 0, (uint32_t)(info->n - 4));

	/* .debug_line */
	u32(line, 0); /* unit_length */
	u16(line, 4);
	size_t hlen_at = line->n;
	u32(line, 0); /* header_length */
	u8(line, 1);  /* minimum_instruction_length */
	u8(line, 1);  /* maximum_operations_per_instruction */
	u8(line, 1);  /* default_is_stmt */
	u8(line, (uint8_t)-5); /* line_base */
	u8(line, 14); /* line_range */
	u8(line, 13); /* opcode_base */
	static const uint8_t oplen[12] = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};
	buf_put(line, oplen, sizeof oplen);
	u8(line, 0); /* no include directories */
	for (uint32_t f = 0; f < l->nfiles; f++) {
		buf_put(line, l->files[f], strlen(l->files[f]) + 1);
		uleb(line, 0), uleb(line, 0), uleb(line, 0);
	}
	u8(line, 0);
	setu32(line, hlen_at, (uint32_t)(line->n - hlen_at - 4));
	for (uint32_t i = 0; i < text->n; i++) {
		const LinkSym *s = text->v[i];
		if (!(s->flags & LF_ATOM) || s->kind != LK_TEXT || !s->nlines)
			continue;
		u8(line, 0), uleb(line, 9), u8(line, DW_LNE_set_address), u64(line, s->addr);
		uint32_t file = 0, pc = 0;
		int64_t ln = 1;
		for (uint32_t k = 0; k < s->nlines; k++) {
			const LinkLine *r = &s->lines[k];
			if (r->pcoff > pc) {
				u8(line, DW_LNS_advance_pc), uleb(line, r->pcoff - pc);
				pc = r->pcoff;
			}
			if (k == 0 || r->file != file) {
				u8(line, DW_LNS_set_file), uleb(line, r->file + 1);
				file = r->file;
			}
			if ((int64_t)r->line != ln) {
				u8(line, DW_LNS_advance_line), sleb(line, (int64_t)r->line - ln);
				ln = r->line;
			}
			u8(line, DW_LNS_copy);
		}
		if (s->size > pc)
			u8(line, DW_LNS_advance_pc), uleb(line, s->size - pc);
		u8(line, 0), uleb(line, 1), u8(line, DW_LNE_end_sequence);
	}
	setu32(line, 0, (uint32_t)(line->n - 4));
	return true;
}
