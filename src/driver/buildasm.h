/* buildasm.h — a package's assembly files in `goc build` (buildasm.c). */
#ifndef GOC_BUILDASM_H
#define GOC_BUILDASM_H
#include "../base/base.h"
#include "../types/types.h"
#include "../link/link.h"

typedef struct PkgAsm {
	const char *path;           /* import path (-p) */
	const char *dir;            /* the package's directory */
	const char *const *sfiles;  /* its .s files (names in dir) */
	int nsfiles;
	char *work;                 /* temporary directory holding go_asm.h */
	char *asmhdr;               /* work/go_asm.h */
	char *include;              /* GOROOT/pkg/include (textflag.h, funcdata.h) */
	const char *incs[2];        /* the -I list: work, include */
	Buf objs;                   /* pkgasm_assemble without a link: the objects */
	int nobjs;                  /* (display name, ELF bytes) pairs, buf_bytes */
	const char **bptexts;       /* the package's TEXTs that save BP (asm_savesbp) */
	int64_t *bpargs;            /* and declare their argument size: names without */
	int nbptexts, capbptexts;   /* the package ("f"), argument sizes */
} PkgAsm;

/* a work directory with an empty go_asm.h; false after an error message */
bool pkgasm_init(PkgAsm *pa, const char *path, const char *dir, const char *const *sfiles, int nsfiles);
/* before the Go files are compiled: the TEXT symbols the files define, as
 * interned full names ("pkg/path.f", "runtime.f") → 1 (ABI0) or 2
 * (ABIInternal), added to defs; 0, or 1 after gc-style errors */
int pkgasm_symabis(PkgAsm *pa, PtrMap *defs);
/* after type checking (tp): go_asm.h, every file assembled into l (or,
 * when l is NULL, kept in pa->objs), and the ABI0 wrappers of tp's
 * ABIInternal functions (defs as above); 0, or an exit status after
 * error messages */
int pkgasm_assemble(PkgAsm *pa, TPackage *tp, const PtrMap *defs, Link *l);
/* after type checking: go vet's asmdecl findings for the files against
 * tp's declarations in files[0..nfiles), printed as warnings */
void pkgasm_vet(PkgAsm *pa, TPackage *tp, Node **files, uint32_t nfiles);
/* removes the work directory (kept with GOC_KEEP_ASMWORK=1) */
void pkgasm_free(PkgAsm *pa);

#endif
