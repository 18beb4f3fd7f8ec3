/*
 * list.c — the -S listing, in the format of `go tool asm -S`
 * (cmd/internal/obj's writeSymDebug): per symbol a header line
 * (name, type, attributes, size; args/locals for text), for text one line
 * per instruction (pc, line, Go syntax), then the bytes as a hex dump and
 * the relocations sorted by offset, in gc's types and addend convention.
 * tests/asm/compare.sh compares the header, bytes and relocations with
 * gc's listing of the same file.
 */
#include "asm.h"

static const char *data_type(const ASym *s)
{
	if (s->flags & TF_RODATA)
		return "SRODATA";
	if (s->flags & TF_NOPTR)
		return s->bytes.n ? "SNOPTRDATA" : "SNOPTRBSS";
	return s->bytes.n ? "SDATA" : "SBSS";
}

/* gc's FuncID (cmd/internal/objabi/funcid.go): wrappers, and the runtime
 * functions tracebacks treat specially (by the name with "" as the -p path) */
static int funcid(const Asm *a, const ASym *s)
{
	static const char *const names[] = {
		"", "abort", "asmcgocall", "asyncPreempt", "cgocallback", "debugCallV2", "gcBgMarkWorker",
		"goexit", "gogo", "gopanic", "handleAsyncEvent", "mcall", "morestack", "mstart", "panicwrap",
		"rt0_go", "runfinq", "main", "sigpanic", "systemstack", "systemstack_switch"};
	enum { FUNCID_WRAPPER = 21 };
	if (s->flags & (TF_WRAPPER | TF_ABIWRAPPER))
		return FUNCID_WRAPPER;
	const char *n;
	if (strncmp(s->name, "runtime.", 8) == 0)
		n = s->name + 8;
	else if (strncmp(s->name, "\"\".", 3) == 0 && a->pkgpath && strcmp(a->pkgpath, "runtime") == 0)
		n = s->name + 3;
	else
		return 0;
	for (int i = 1; i < (int)NELEM(names); i++)
		if (strcmp(n, names[i]) == 0)
			return i;
	if (!strcmp(n, "deferreturn") || !strcmp(n, "runOpenDeferFrame") || !strcmp(n, "deferCallSave"))
		return FUNCID_WRAPPER;
	return 0;
}

/* The TEXT line's attributes as gc prints them (LSym.TextAttrString):
 * the symbol's attributes in gc's order, not the flags as written (NOPROF,
 * RODATA, NOPTR, TLSBSS are none; NOSPLIT includes the leaf rule's) */
static void print_textattr(Buf *out, const ASym *s)
{
	static const struct { int flag; const char *name; } attrs[] = {
		{TF_DUPOK, "DUPOK"}, {TF_NOSPLIT, "NOSPLIT"}, {TF_REFLECTMETHOD, "REFLECTMETHOD"},
		{TF_WRAPPER, "WRAPPER"}, {TF_NEEDCTXT, "NEEDCTXT"}, {TF_NOFRAME, "NOFRAME"},
		{-1, "STATIC"}, {TF_ABIWRAPPER, "ABIWRAPPER"}, {-2, "ABIInternal"}, {TF_TOPFRAME, "TOPFRAME"},
	};
	const char *sep = "";
	for (size_t i = 0; i < NELEM(attrs); i++) {
		int f = attrs[i].flag;
		if (f == -1 ? s->isstatic : f == -2 ? s->abiinternal : (s->flags & f) != 0) {
			buf_printf(out, "%s%s", sep, attrs[i].name);
			sep = "|";
		}
	}
	if (*sep)
		buf_puts(out, ", ");
}

/* An instruction with an off(TLS) operand: that operand is held as the
 * absolute address off and prints as a bare number; gc prints off(TLS). */
static void print_tls(Buf *out, const AInst *in)
{
	Buf t = {0};
	amd64_print(&t, in);
	buf_putc(&t, 0);
	const char *q = strchr(t.p, '\t');
	if (!q) {
		buf_puts(out, t.p);
		buf_free(&t);
		return;
	}
	buf_put(out, t.p, (size_t)(q - t.p));
	for (const char *sep = "\t"; *q; sep = ", ") {
		q += strlen(sep);
		size_t n = strcspn(q, ",");
		const char *d = q + (*q == '-');
		bool num = n > (size_t)(d - q) && strspn(d, "0123456789") == n - (size_t)(d - q);
		buf_puts(out, sep);
		if (num && !(n == 1 && *q == '0'))
			buf_printf(out, "%.*s(TLS)", (int)n, q);
		else if (num)
			buf_puts(out, "(TLS)");
		else
			buf_put(out, q, n);
		q += n;
	}
	buf_free(&t);
}

static void print_prog(Buf *out, const ASym *s, const Prog *p)
{
	switch (p->pseudo) {
	case P_TEXT:
		buf_printf(out, "TEXT\t%s(SB), ", s->name);
		print_textattr(out, s);
		buf_printf(out, "$%lld", (long long)s->frame);
		if (s->argsknown)
			buf_printf(out, "-%lld", (long long)s->args);
		return;
	case P_PCDATA:
		buf_printf(out, "PCDATA\t$%lld, $%lld", (long long)p->aux[0], (long long)p->aux[1]);
		return;
	case P_RAW: {
		static const char *const names[9] = {"", "BYTE", "WORD", "", "LONG", "", "", "", "QUAD"};
		buf_printf(out, "%s\t$%lld", names[p->aux[1]], (long long)p->aux[0]);
		return;
	}
	case P_FUNCDATA:
		buf_printf(out, "FUNCDATA\t$%lld, %s(SB)", (long long)p->aux[0], p->auxsym);
		return;
	}
	if (p->text) {
		buf_puts(out, p->text);
		return;
	}
	if (p->tls) {
		print_tls(out, &p->in);
		return;
	}
	amd64_print(out, &p->in);
}

void asm_list(Asm *a, Buf *out)
{
	/* gc lists the text symbols, then the data */
	for (int pass = 0; pass < 2; pass++) {
		for (ASym *s = a->syms; s; s = s->next) {
			if ((pass == 0) != s->istext)
				continue;
			buf_printf(out, "%.*s %s ", (int)strlen(s->name) - (s->isstatic ? 2 : 0), s->name, s->istext ? "STEXT" : data_type(s));
			if (s->isstatic)
				buf_puts(out, "static ");
			if (s->flags & TF_DUPOK)
				buf_puts(out, "dupok ");
			if (s->istext && (s->flags & TF_NOSPLIT))
				buf_puts(out, "nosplit ");
			if (s->istext && (s->flags & TF_TOPFRAME))
				buf_puts(out, "topframe ");
			if (s->istext)
				buf_puts(out, "asm ");
			buf_printf(out, "size=%lld", (long long)s->size);
			if (s->istext)
				buf_printf(out, " args=0x%llx locals=0x%llx funcid=0x%x align=0x0",
				           (unsigned long long)(uint64_t)(int64_t)(int32_t)s->args,
				           (unsigned long long)(uint64_t)(int64_t)(int32_t)s->frame, funcid(a, s));
			buf_putc(out, '\n');
			if (s->istext) {
				for (int i = 0; i < s->nprogs; i++) {
					const Prog *p = &s->progs[i];
					if (!p->pseudo && p->in.op == A_NOP && p->in.from.kind == OPD_NONE && !p->text) {
						buf_printf(out, "\t0x%04llx %05lld (%s:%d)\tNOP\n", (unsigned long long)p->pc, (long long)p->pc, p->file, p->line);
						continue;
					}
					buf_printf(out, "\t0x%04llx %05lld (%s:%d)\t", (unsigned long long)p->pc, (long long)p->pc, p->file, p->line);
					print_prog(out, s, p);
					buf_putc(out, '\n');
				}
			}
			const uint8_t *b = (const uint8_t *)s->bytes.p;
			size_t n = s->bytes.n;
			for (size_t i = 0; i < n; i += 16) {
				buf_printf(out, "\t0x%04zx", i);
				size_t j = i;
				for (; j < i + 16 && j < n; j++)
					buf_printf(out, " %02x", b[j]);
				for (; j < i + 16; j++)
					buf_puts(out, "   ");
				buf_puts(out, "  ");
				for (j = i; j < i + 16 && j < n; j++)
					buf_putc(out, b[j] >= ' ' && b[j] <= 0x7e ? (char)b[j] : '.');
				buf_putc(out, '\n');
			}
			/* relocations by offset (insertion sort: already nearly sorted) */
			for (int i = 1; i < s->nrels; i++) {
				ARel r = s->rels[i];
				int k = i;
				while (k > 0 && s->rels[k - 1].off > r.off) {
					s->rels[k] = s->rels[k - 1];
					k--;
				}
				s->rels[k] = r;
			}
			for (int i = 0; i < s->nrels; i++) {
				const ARel *r = &s->rels[i];
				size_t nl = strlen(r->sym);
				if (nl > 2 && strcmp(r->sym + nl - 2, "<>") == 0)
					nl -= 2;
				buf_printf(out, "\trel %u+%u t=%u %.*s+%lld\n", r->off, r->size, r->type, (int)nl, r->sym, (long long)r->add);
			}
		}
	}
}
