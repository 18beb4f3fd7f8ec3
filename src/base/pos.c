/* pos.c — the file set: Pos <-> file, line, column (see base.h). */
#include "base.h"

static SrcFile **files;
static uint32_t nfiles, capfiles;
static uint32_t nextbase = 1;

SrcFile *fileset_add(const char *name, uint32_t size)
{
	if ((uint64_t)nextbase + size + 1 > UINT32_MAX)
		fatal("too much source: position space exhausted");
	SrcFile *f = xcalloc(1, sizeof *f);
	f->name = name;
	f->base = nextbase;
	f->size = size;
	f->caplines = 64;
	f->lines = xmalloc(f->caplines * sizeof f->lines[0]);
	f->lines[0] = 0;
	f->nlines = 1;
	nextbase += size + 1;
	if (nfiles == capfiles) {
		capfiles = capfiles ? capfiles * 2 : 64;
		files = xrealloc(files, capfiles * sizeof files[0]);
	}
	files[nfiles++] = f;
	return f;
}

bool fileset_isname(const char *name)
{
	for (uint32_t i = nfiles; i-- > 0;)
		if (files[i]->name == name)
			return true;
	return false;
}

void fileset_reset(void)
{
	for (uint32_t i = 0; i < nfiles; i++) {
		srcfile_free_tables(files[i]);
		free(files[i]);
	}
	free(files);
	files = NULL;
	nfiles = capfiles = 0;
	nextbase = 1;
}

SrcFile *fileset_file(Pos p)
{
	if (p == NoPos)
		return NULL;
	uint32_t lo = 0, hi = nfiles;
	while (lo < hi) { /* last file with base <= p */
		uint32_t mid = lo + (hi - lo) / 2;
		if (files[mid]->base <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	SrcFile *f = files[lo - 1];
	return p <= f->base + f->size ? f : NULL;
}

void srcfile_addline(SrcFile *f, uint32_t off)
{
	if (off <= f->lines[f->nlines - 1])
		return; /* already known (e.g. rescanned) */
	if (f->nlines == f->caplines) {
		f->caplines *= 2;
		f->lines = xrealloc(f->lines, f->caplines * sizeof f->lines[0]);
	}
	f->lines[f->nlines++] = off;
}

void srcfile_adddirective(SrcFile *f, LineDirective d)
{
	if (f->ndirs == f->capdirs) {
		f->capdirs = f->capdirs ? f->capdirs * 2 : 8;
		f->dirs = xrealloc(f->dirs, f->capdirs * sizeof f->dirs[0]);
	}
	f->dirs[f->ndirs++] = d;
}

void srcfile_free_tables(SrcFile *f)
{
	free(f->lines);
	free(f->dirs);
	f->lines = NULL;
	f->dirs = NULL;
	f->nlines = f->caplines = f->ndirs = f->capdirs = 0;
}

/* index of the line holding offset off */
static uint32_t line_index(const SrcFile *f, uint32_t off)
{
	uint32_t lo = 0, hi = f->nlines;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f->lines[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

Position pos_raw(Pos p)
{
	Position r = {0};
	SrcFile *f = fileset_file(p);
	if (!f)
		return r;
	uint32_t off = p - f->base;
	uint32_t li = line_index(f, off);
	r.filename = f->name;
	r.line = (int)li + 1;
	r.col = (int)(off - f->lines[li]) + 1;
	return r;
}

Position pos_adjusted(Pos p)
{
	Position r = pos_raw(p);
	SrcFile *f = fileset_file(p);
	if (!f || f->ndirs == 0)
		return r;
	uint32_t off = p - f->base;
	/* last directive at or before off */
	uint32_t lo = 0, hi = f->ndirs;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f->dirs[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return r;
	const LineDirective *d = &f->dirs[lo - 1];
	Position dp = pos_raw(f->base + d->off);
	r.filename = d->filename;
	r.line = (int)d->line + (r.line - dp.line);
	if (d->col == 0)
		r.col = 0;
	else if (r.line == (int)d->line)
		r.col = (int)d->col + (r.col - dp.col);
	return r;
}
