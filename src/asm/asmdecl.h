/*
 * asmdecl.h — go vet's asmdecl check: the assembly of a package against
 * the Go declarations of its body-less functions (docs/asm.md, "asmdecl").
 *
 * For each TEXT ·name(SB) of the package's .s files, the body-less Go
 * declaration of `name` gives the argument frame as vet lays it out
 * (go/types' StdSizes for the architecture: arguments in order, each
 * aligned, results after them from a pointer-size boundary; unnamed
 * arguments are arg, arg1, ..., unnamed results ret, ret1, ...; parts of
 * composite values are x_base/x_len/x_cap, x_real/x_imag, x_type/x_data
 * or x_itable/x_data, x_FIELD, x_0, x_1 ...).  Against it are checked the
 * $frame-args size, every name+off(FP) reference (name, offset, and the
 * operand size the instruction implies), references to the argument frame
 * through SP, and RETs of functions with a `ret` result that never wrote
 * it.  The findings are go vet's, word for word:
 *
 *   x_amd64.s:3:1: [amd64] f: wrong argument size 8; expected $...-16
 *   x_amd64.s:4:1: [amd64] f: invalid offset x+8(FP); expected x+0(FP)
 *   x_amd64.s:5:1: [amd64] f: invalid MOVL of x+0(FP); int64 is 8-byte value
 *
 * Like vet's check, this reads each .s file line by line as text (no
 * #include, no macro expansion, `//` comments dropped): that is what makes
 * its findings vet's, so the assembler's lexer and parser are not used.
 */
#ifndef GOC_ASMDECL_H
#define GOC_ASMDECL_H

#include "../base/base.h"
#include "../syntax/ast.h"
#include "../types/types.h"

/*
 * asmdecl_check: checks the assembly files sfiles[0..nsfiles) of package
 * pkg, for GOARCH goarch (the architecture of a file whose name or
 * `+build` line does not give one, as vet's build.Default.GOARCH).
 *
 *   pkg, files  the type-checked package and its parsed Go files (N_File
 *               nodes): the files vet sees, so with the package's own
 *               _test.go files when vetting a package with tests.  Call
 *               it after checker_run and before the syntax trees are
 *               freed (the declarations are read from both).  pkg->path
 *               must be the import path go vet would see: a TEXT naming
 *               another package (`TEXT other·f(SB)`) is not checked.
 *   sfiles      paths of the .s files, readable as given; each is also
 *               the file name the findings carry (vet prints the
 *               package directory relative to the working directory).
 *   out         findings are appended in vet's order (by file, then as
 *               vet reports them: a RET without a result write comes
 *               when its function ends), each at the start of its line;
 *               the .s files are added to the fileset for that.  Print
 *               them in that order with asmdecl_print (diag_flush would
 *               sort them by position and limit them to 10 per file).
 *
 * Returns the number of findings, or -1 if a file cannot be read (then a
 * message is on stderr and the other files are still checked).
 */
int asmdecl_check(TPackage *pkg, Node **files, uint32_t nfiles, const char *const *sfiles, int nsfiles,
                  const char *goarch, DiagList *out);

/* Prints d's entries in order, "file:line:col: message" (vet's format),
 * and empties d. */
void asmdecl_print(DiagList *d, FILE *out);

#endif
