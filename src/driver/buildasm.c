/*
 * buildasm.c — a package's assembly files in `goc build`, as the go
 * command builds them (cmd/go's gc.go: asm and symabis actions), with
 * src/asm in-process:
 *
 *   1. Before the Go files are compiled: every .s file is read in
 *      -gensymabis mode with an empty go_asm.h; the TEXT symbols it
 *      defines tell the compiler which body-less functions are assembly
 *      (called with ABI0 and R14 reloaded after, docs/abi.md) rather
 *      than C functions of goc's runtime.
 *   2. After type checking: go_asm.h written from the package
 *      (asmhdr_write, gc's -asmhdr), each file assembled with the flags
 *      cmd/go passes (-p, -I the work directory and GOROOT/pkg/include,
 *      -D GOOS_linux -D GOARCH_amd64 -D GOAMD64_v1, -compiling-runtime
 *      for gc's runtime-related packages) into an ELF object loaded into
 *      the link.
 *      Before that, go vet's asmdecl check compares the files with the
 *      package's Go declarations (pkgasm_vet): a mismatch is a warning
 *      in vet's words under "# PKG", and the build goes on.
 *   3. A TEXT written for gc's register ABI (`·f<ABIInternal>`) is renamed
 *      f.abiinternal, and an ABI0 wrapper f is assembled in its place: it
 *      loads the stack arguments into ABIInternal's registers, calls it,
 *      and stores the register results (design.md: "a goc-side wrapper").
 *      Such TEXTs of other packages' namespaces (internal/bytealg's
 *      runtime·memequal) are renamed and left unused: goc's runtime has
 *      its own.
 *   4. A few assembly functions goc's C runtime replaces (`replaced`
 *      below, with the reason) are renamed NAME.replaced and left unused;
 *      the package's Go code calls the runtime's (gen_funcabi: C).
 */
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <unistd.h>
#include "../base/base.h"
#include "../asm/asm.h"
#include "../asm/asmdecl.h"
#include "../link/link.h"
#include "../types/types.h"
#include "../gen/typedesc.h"
#include "buildasm.h"
#include "driver.h"

/* cmd/go's -compiling-runtime packages (gc.go asmArgs) */
static bool compiling_runtime(const char *path)
{
	return !strcmp(path, "runtime") || !strncmp(path, "runtime/internal/", 17) || !strcmp(path, "reflect") ||
	       !strcmp(path, "syscall") || !strcmp(path, "internal/bytealg");
}

static bool write_text(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "w");
	bool ok = f && fwrite(text, 1, n, f) == n;
	if (f)
		ok = fclose(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, "goc: %s: %s\n", path, strerror(errno));
	return ok;
}

bool pkgasm_init(PkgAsm *pa, const char *path, const char *dir, const char *const *sfiles, int nsfiles)
{
	memset(pa, 0, sizeof *pa);
	pa->path = path;
	pa->dir = dir;
	pa->sfiles = sfiles;
	pa->nsfiles = nsfiles;
	const char *tmp = getenv("TMPDIR");
	Buf b = {0};
	buf_printf(&b, "%s/goc-asm-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	buf_putc(&b, 0);
	if (!mkdtemp(b.p)) {
		fprintf(stderr, "goc: %s: %s\n", b.p, strerror(errno));
		buf_free(&b);
		return false;
	}
	pa->work = b.p;
	b = (Buf){0};
	buf_printf(&b, "%s/go_asm.h", pa->work);
	buf_putc(&b, 0);
	pa->asmhdr = b.p;
	b = (Buf){0};
	const char *goroot = goc_goroot();
	buf_printf(&b, "%s/pkg/include", goroot ? goroot : "/nonexistent-goroot");
	buf_putc(&b, 0);
	pa->include = b.p;
	return write_text(pa->asmhdr, "", 0);
}

static void setup(PkgAsm *pa, Asm *a)
{
	asm_init(a, pa->path);
	pa->incs[0] = pa->work;
	pa->incs[1] = pa->include;
	a->incdirs = pa->incs;
	a->nincdirs = 2;
	a->compiling_runtime = compiling_runtime(pa->path);
	a->align16 = true; /* goc's ABI: SP 16-byte aligned at every call */
	asm_define(a, "GOOS_linux");
	asm_define(a, "GOARCH_amd64");
	asm_define(a, "GOAMD64_v1");
}

static const char *sfile_path(PkgAsm *pa, int i, Buf *b)
{
	b->n = 0;
	buf_printf(b, "%s/%s", pa->dir, pa->sfiles[i]);
	buf_putc(b, 0);
	return b->p;
}

/* "".f → PKG.f; other names as they are */
static const char *full_name(PkgAsm *pa, const char *name, size_t n)
{
	Buf b = {0};
	if (n >= 3 && !memcmp(name, "\"\".", 3))
		buf_printf(&b, "%s.%.*s", pa->path, (int)(n - 3), name + 3);
	else
		buf_put(&b, name, n);
	const char *s = intern(b.p, b.n);
	buf_free(&b);
	return s;
}

/* Assembly functions goc's runtime defines instead (runtime/linkname.c):
 * syscall.rawVforkSyscall, whose vfork child runs on the parent's stack:
 * gc's forkAndExecInChild1 relies on keeping its values in registers
 * across it, goc's code keeps them in stack slots the child overwrites;
 * the runtime's version leaves the child its own copy of memory. */
static const char *const replaced[] = {"syscall.rawVforkSyscall"};

static bool is_replaced(const char *full)
{
	for (size_t i = 0; i < sizeof replaced / sizeof *replaced; i++)
		if (strcmp(full, replaced[i]) == 0)
			return true;
	return false;
}

int pkgasm_symabis(PkgAsm *pa, PtrMap *defs)
{
	Buf out = {0}, pb = {0};
	int rc = 0;
	for (int i = 0; i < pa->nsfiles && rc == 0; i++) {
		Asm a;
		setup(pa, &a);
		a.symabis = &out;
		out.n = 0;
		const char *path = sfile_path(pa, i, &pb);
		if (!asm_open(&a, path, path))
			rc = 1;
		else {
			asm_parse(&a);
			if (a.nerrors) {
				if (a.toomany)
					fputs("too many errors\n", stderr);
				rc = 1;
			}
		}
		asm_free(&a);
		/* "def NAME ABI" lines */
		for (size_t k = 0; rc == 0 && k < out.n;) {
			const char *line = out.p + k, *nl = memchr(line, '\n', out.n - k);
			size_t len = nl ? (size_t)(nl - line) : out.n - k;
			k += len + 1;
			if (len < 4 || memcmp(line, "def ", 4) != 0)
				continue;
			const char *name = line + 4, *sp = memchr(name, ' ', len - 4);
			if (!sp)
				continue;
			bool internal = (size_t)(line + len - sp - 1) == 11 && !memcmp(sp + 1, "ABIInternal", 11);
			const char *full = full_name(pa, name, (size_t)(sp - name));
			if (!is_replaced(full))
				ptrmap_put(defs, full, (void *)(uintptr_t)(internal ? 2 : 1));
		}
	}
	buf_free(&out);
	buf_free(&pb);
	return rc;
}

void pkgasm_vet(PkgAsm *pa, TPackage *tp, Node **files, uint32_t nfiles)
{
	DiagList found;
	diag_init(&found, 0);
	Buf pb = {0};
	const char **paths = xmalloc((size_t)pa->nsfiles * sizeof *paths);
	for (int i = 0; i < pa->nsfiles; i++)
		paths[i] = xstrdup(sfile_path(pa, i, &pb));
	if (asmdecl_check(tp, files, nfiles, paths, pa->nsfiles, "amd64", &found) > 0) {
		fprintf(stderr, "# %s\n", pa->path);
		asmdecl_print(&found, stderr);
	}
	for (int i = 0; i < pa->nsfiles; i++)
		free((char *)paths[i]);
	free(paths);
	buf_free(&pb);
	diag_free(&found);
}

/* ---- ABI0 wrappers of ABIInternal assembly functions ---- */

/* gc's ABIInternal on amd64: integer registers in this order, X0-X14 */
static const char *const intregs[] = {"AX", "BX", "CX", "DI", "SI", "R8", "R9", "R10", "R11"};
enum { NINTREGS = 9, NFLOATREGS = 15 };

typedef struct Piece {
	int64_t off;  /* in the ABI0 frame, from FP */
	int64_t size;
	bool isfloat;
} Piece;

/* the register pieces of a value of type t at off (gc's ABI: scalars,
 * strings, slices, interfaces, structs field by field, arrays of length
 * 0 or 1); false if it has none that fits (an array of 2+ elements) */
static bool pieces(Type *t, int64_t off, Piece *out, int *n, int max)
{
	Type *u = under(t);
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind == BK_STRING) {
			if (*n + 2 > max)
				return false;
			out[(*n)++] = (Piece){off, 8, false};
			out[(*n)++] = (Piece){off + 8, 8, false};
			return true;
		}
		if (u->basic.kind == BK_COMPLEX64 || u->basic.kind == BK_COMPLEX128) {
			int64_t h = gclayout_size(u) / 2;
			if (*n + 2 > max)
				return false;
			out[(*n)++] = (Piece){off, h, true};
			out[(*n)++] = (Piece){off + h, h, true};
			return true;
		}
		if (*n + 1 > max)
			return false;
		out[(*n)++] = (Piece){off, gclayout_size(u), u->basic.kind == BK_FLOAT32 || u->basic.kind == BK_FLOAT64};
		return true;
	case TY_SLICE:
		if (*n + 3 > max)
			return false;
		for (int i = 0; i < 3; i++)
			out[(*n)++] = (Piece){off + 8 * i, 8, false};
		return true;
	case TY_INTERFACE:
		if (*n + 2 > max)
			return false;
		out[(*n)++] = (Piece){off, 8, false};
		out[(*n)++] = (Piece){off + 8, 8, false};
		return true;
	case TY_STRUCT: {
		int64_t offs[u->struct_.nfields + 1];
		gclayout_offsets(u, offs);
		for (uint32_t i = 0; i < u->struct_.nfields; i++)
			if (!pieces(u->struct_.fields[i]->type, off + offs[i], out, n, max))
				return false;
		return true;
	}
	case TY_ARRAY:
		if (u->array.len == 0)
			return true;
		if (u->array.len == 1)
			return pieces(u->array.elem, off, out, n, max);
		return false;
	default: /* pointers, maps, chans, funcs */
		if (*n + 1 > max)
			return false;
		out[(*n)++] = (Piece){off, 8, false};
		return true;
	}
}

/* assigns the tuple's values at ABI0 offsets from *off to registers;
 * false if one would go on the stack (not implemented) */
static bool assign(Type *tuple, int64_t *off, Piece *ps, int *nps)
{
	int nint = 0, nfloat = 0;
	for (uint32_t i = 0; i < tuple->tuple.n; i++) {
		Type *t = tuple->tuple.vars[i]->type;
		int64_t al = gclayout_align(t);
		*off = (*off + al - 1) / al * al;
		int first = *nps;
		if (!pieces(t, *off, ps, nps, 64))
			return false;
		for (int k = first; k < *nps; k++)
			if (ps[k].isfloat ? nfloat++ >= NFLOATREGS : nint++ >= NINTREGS)
				return false;
		*off += gclayout_size(t);
	}
	return true;
}

static void move(Buf *b, const Piece *p, int reg, int freg, bool load)
{
	static const char *const ld[] = {NULL, "MOVBQZX", "MOVWQZX", NULL, "MOVL", NULL, NULL, NULL, "MOVQ"};
	static const char *const st[] = {NULL, "MOVB", "MOVW", NULL, "MOVL", NULL, NULL, NULL, "MOVQ"};
	char r[8];
	if (p->isfloat)
		snprintf(r, sizeof r, "X%d", freg);
	else
		snprintf(r, sizeof r, "%s", intregs[reg]);
	const char *op = p->isfloat ? (p->size == 4 ? "MOVSS" : "MOVSD") : (load ? ld : st)[p->size];
	if (load)
		buf_printf(b, "\t%s\tv+%lld(FP), %s\n", op, (long long)p->off, r);
	else
		buf_printf(b, "\t%s\t%s, v+%lld(FP)\n", op, r, (long long)p->off);
}

/* the wrapper's source for function fn (ABI0 name PKG.f) */
static bool wrapper_source(Object *fn, Buf *b)
{
	Type *sig = fn->type;
	Piece args[64], res[64];
	int nargs = 0, nres = 0;
	int64_t off = 0;
	if (!assign(sig->sig.params, &off, args, &nargs))
		return false;
	off = (off + 7) / 8 * 8; /* results start pointer-aligned */
	if (!assign(sig->sig.results, &off, res, &nres))
		return false;
	int64_t argsize = (off + 7) / 8 * 8;
	/* the callee's spill area for its register arguments: 8 bytes each */
	int64_t frame = 8 * nargs;
	buf_printf(b, "TEXT ·%s(SB), 4, $%lld-%lld\n", fn->name, (long long)frame, (long long)argsize);
	buf_puts(b, "\tXORPS\tX15, X15\n");
	int ni = 0, nf = 0;
	for (int i = 0; i < nargs; i++)
		move(b, &args[i], args[i].isfloat ? 0 : ni++, args[i].isfloat ? nf++ : 0, true);
	buf_printf(b, "\tCALL\t·%s·abiinternal(SB)\n", fn->name);
	ni = nf = 0;
	for (int i = 0; i < nres; i++)
		move(b, &res[i], res[i].isfloat ? 0 : ni++, res[i].isfloat ? nf++ : 0, false);
	buf_puts(b, "\tRET\n");
	return true;
}

/* ---- argument maps of assembly functions ---- */

static void put_uvarint(Buf *b, uint64_t v)
{
	while (v >= 0x80) {
		buf_putc(b, (char)(v | 0x80));
		v >>= 7;
	}
	buf_putc(b, (char)v);
}

/* the pointer words of the tuple's values laid out from *off (ABI0) */
static void tuple_bits(Type *tuple, int64_t *off, uint8_t *bits, int64_t nwords)
{
	for (uint32_t i = 0; i < tuple->tuple.n; i++) {
		Type *t = tuple->tuple.vars[i]->type;
		int64_t al = gclayout_align(t);
		*off = (*off + al - 1) / al * al;
		int64_t pd = gclayout_ptrdata(t);
		if (pd) {
			uint8_t *mask = xcalloc((size_t)(pd / 8 + 7) / 8 + 1, 1);
			gclayout_ptrmask(t, mask);
			for (int64_t w = 0; w < pd / 8; w++)
				if (mask[w / 8] >> (w % 8) & 1 && *off / 8 + w < nwords)
					bits[(*off / 8 + w) / 8] |= (uint8_t)(1 << ((*off / 8 + w) % 8));
			free(mask);
		}
		*off += gclayout_size(t);
	}
}

/* fn's argument map (gc's f.args_stackmap) as assembly source: the data
 * symbol PKG.f.args_stackmap, in goc's stack-map encoding with the
 * argument words only (arguments and results, as the Go declaration lays
 * them out), which the linker puts in the function table.  None when the
 * TEXT's argument size (argsize) is not the declaration's: reflect's
 * makeFuncStub and methodValueCall take whatever their closure's
 * function takes (gc's traceback reads their layout from the closure),
 * and a mismatch (vet's asmdecl warns) leaves the frame word by word. */
static void args_stackmap(Object *fn, int64_t argsize, Buf *src)
{
	Type *sig = under(fn->type);
	int64_t size = 0;
	tuple_bits(sig->sig.params, &size, NULL, 0);
	size = (size + 7) / 8 * 8;
	tuple_bits(sig->sig.results, &size, NULL, 0);
	if ((size + 7) / 8 * 8 != argsize)
		return;
	int64_t nwords = (size + 7) / 8;
	uint8_t *bits = xcalloc((size_t)(nwords + 7) / 8 + 1, 1);
	int64_t off = 0;
	tuple_bits(sig->sig.params, &off, bits, nwords);
	off = (off + 7) / 8 * 8;
	tuple_bits(sig->sig.results, &off, bits, nwords);
	Buf m = {0};
	put_uvarint(&m, (uint64_t)nwords);
	buf_put(&m, bits, (size_t)(nwords + 7) / 8);
	for (int i = 0; i < 5; i++) /* lbase, lwords, no locals maps, no argument maps, no calls */
		put_uvarint(&m, 0);
	for (size_t i = 0; i < m.n; i++)
		buf_printf(src, "DATA\t·%s·args_stackmap+%zu(SB)/1, $%u\n", fn->name, i, (unsigned)(uint8_t)m.p[i]);
	buf_printf(src, "GLOBL\t·%s·args_stackmap(SB), 24, $%zu\n", fn->name, m.n);
	buf_free(&m);
	free(bits);
}

/* assembles src (a file's text, or path's) into the link */
static int assemble(PkgAsm *pa, Link *l, const char *path, const char *display)
{
	Asm a;
	setup(pa, &a);
	int rc = 0;
	if (!asm_open(&a, path, display)) {
		asm_free(&a);
		return 1;
	}
	asm_parse(&a);
	if (a.nerrors == 0) {
		for (ASym *s = a.syms; s; s = s->next) {
			if (s->istext && !s->abiinternal && s->argsknown && !strncmp(s->name, "\"\".", 3) &&
			    asm_savesbp(s)) {
				if (pa->nbptexts == pa->capbptexts) {
					pa->capbptexts = pa->capbptexts ? 2 * pa->capbptexts : 16;
					pa->bptexts = xrealloc(pa->bptexts, (size_t)pa->capbptexts * sizeof *pa->bptexts);
					pa->bpargs = xrealloc(pa->bpargs, (size_t)pa->capbptexts * sizeof *pa->bpargs);
				}
				pa->bpargs[pa->nbptexts] = s->args;
				pa->bptexts[pa->nbptexts++] = intern_cstr(s->name + 3);
			}
			bool repl = s->istext && is_replaced(full_name(pa, s->name, strlen(s->name)));
			if (s->istext && (s->abiinternal || repl)) {
				Buf nb = {0};
				buf_printf(&nb, "%s.%s", s->name, repl ? "replaced" : "abiinternal");
				s->name = asm_strdup(&a, nb.p, nb.n);
				buf_free(&nb);
			}
		}
		asm_assemble(&a);
	}
	if (a.nerrors) {
		if (a.toomany)
			fputs("too many errors\n", stderr);
		rc = 1;
	} else {
		Buf obj = {0};
		asm_elf(&a, &obj);
		if (!l) {
			buf_str(&pa->objs, display);
			buf_bytes(&pa->objs, obj.p, obj.n);
			pa->nobjs++;
			buf_free(&obj);
		} else if (link_load_object_mem(l, display, (uint8_t *)obj.p, obj.n) < 0)
			rc = 2; /* the link keeps the object's bytes: not freed */
	}
	asm_free(&a);
	return rc;
}

int pkgasm_assemble(PkgAsm *pa, TPackage *tp, const PtrMap *defs, Link *l)
{
	if (!asmhdr_write(tp, pa->asmhdr))
		return 1;
	Buf pb = {0};
	int rc = 0;
	for (int i = 0; i < pa->nsfiles && rc == 0; i++) {
		const char *path = sfile_path(pa, i, &pb);
		rc = assemble(pa, l, path, path);
	}
	Buf src = {0};
	/* the argument maps of the assembly functions (docs/abi.md, "Stack maps") */
	for (int i = 0; rc == 0 && i < pa->nbptexts; i++) {
		Object *fn = scope_lookup(tp->scope, pa->bptexts[i]);
		if (fn && fn->kind == OBJ_FUNC && fn->type && under(fn->type)->kind == TY_SIGNATURE)
			args_stackmap(fn, pa->bpargs[i], &src);
	}
	/* ABI0 wrappers of the package's ABIInternal functions */
	for (uint32_t i = 0; rc == 0 && i < defs->cap; i++) {
		if (!defs->keys || !defs->keys[i] || (uintptr_t)defs->vals[i] != 2)
			continue;
		const char *name = defs->keys[i];
		size_t plen = strlen(pa->path);
		if (strncmp(name, pa->path, plen) != 0 || name[plen] != '.' || strchr(name + plen + 1, '.'))
			continue; /* another package's (runtime·memequal): unused */
		Object *fn = scope_lookup(tp->scope, intern_cstr(name + plen + 1));
		if (!fn || fn->kind != OBJ_FUNC)
			continue; /* no Go declaration: nothing calls it from Go */
		if (!wrapper_source(fn, &src)) {
			fprintf(stderr, "goc: not implemented: an ABI0 wrapper of %s<ABIInternal> with stack arguments or results\n",
				name);
			rc = 2;
		}
	}
	if (rc == 0 && src.n) {
		pb.n = 0;
		buf_printf(&pb, "%s/abiwrappers.s", pa->work);
		buf_putc(&pb, 0);
		if (!write_text(pb.p, src.p, src.n))
			rc = 1;
		else
			rc = assemble(pa, l, pb.p, pb.p);
	}
	buf_free(&src);
	buf_free(&pb);
	return rc;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void pkgasm_free(PkgAsm *pa)
{
	if (pa->work && !getenv("GOC_KEEP_ASMWORK"))
		nftw(pa->work, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(pa->work);
	free(pa->asmhdr);
	free(pa->include);
	free(pa->bptexts);
	free(pa->bpargs);
	buf_free(&pa->objs);
	memset(pa, 0, sizeof *pa);
}
