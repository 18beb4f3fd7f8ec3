/*
 * typedesc.h — type descriptors: for a checked Type, the link symbols
 * that Go 1.19's runtime, reflect and internal/reflectlite read
 * (runtime/type.h describes the layout in goc's words; docs/abi.md, "Type
 * descriptors").  The model is gc's cmd/compile/internal/reflectdata.
 *
 * Files (src/gen/):
 *   typestr.c     gc's type strings: LinkString (symbol names, hashes),
 *                 NameString (reflect's String()), method symbol names,
 *                 the type hash (first word of NOT-SHA-256, as gc)
 *   typelayout.c  sizes, alignments and offsets as gc computes them
 *                 (types.CalcSize: trailing zero-size fields padded,
 *                 sizes rounded to the alignment), ptrdata, the pointer
 *                 mask, and gc's algorithm kinds (AlgType)
 *   typedesc.c    the emitter: type.T symbols, names, uncommon parts,
 *                 method tables, map buckets, equality/hash records,
 *                 itabs, typelinks
 *
 * Symbols (gc's names):
 *   type.T                  the descriptor, T spelled as gc's LinkString
 *                           (type.int, type.*main.T, type.[]string,
 *                           type.map[string]int, type.func(int) string,
 *                           type.struct { X int }, type.main.G[int]);
 *                           noalg types (map buckets) as type.noalg.T
 *   type..namedata.N        an encoded name (runtime/type.h, "name")
 *   type..importpath.P.     a package path as a name
 *   runtime.gcbits.HEX      a pointer mask, named by its bytes
 *   type..eqfuncN, type..eqfunc.T, type..hashfuncN, type..hashfunc.T
 *                           equality/hash func values (see below)
 *   go.itab.T,I             an itab
 *   runtime.typelink        (typedesc_typelinks) the typelinks table
 *   runtime.itablink        (typedesc_typelinks) the emitted itabs: a
 *                           uint64 count, then pointers (the runtime
 *                           enters them in its itab table first)
 * Every symbol is read-only data and DUPOK: any package that needs a
 * descriptor emits it and the linker keeps the first copy.
 *
 * Offsets: nameOff and typeOff are LR_SECTOFF relocations (offset from
 * the start of .rodata, which is where the linker puts runtime.types);
 * textOff (method ifn/tfn) is LR_SECTOFF against .text (runtime.text).
 * For the linker's dead-code elimination (src/link/deadcode.c) a method
 * table's mtyp, ifn and tfn are LR_METHODOFF (-1 when dropped), an itab's
 * methods and runtime.itablink's entries LR_WEAKADDR, typelinks and weak
 * ptrToThis LR_WEAKOFF; a named map type keeps its underlying map type
 * with an LR_KEEP marker (gc's R_KEEP: reflect.MapOf must find it, issue
 * 37716).
 * Offset 0 is "none" for ptrToThis: typedesc_new defines a small leading
 * rodata symbol so that, when the generator is created before other
 * rodata is defined, no descriptor sits at offset 0.
 *
 * Equality and hashing: _type.equal and maptype.hasher point at func
 * values in the runtime's AlgFunc format (runtime/alg.h: {ABI0 stub, C
 * function, argument}).  Simple kinds use the runtime's records
 * (runtime.memequal64·f, runtime.strequal·f, ...); plain memory of other
 * sizes gets type..eqfuncN = {rt_algeq_abi0, runtime.memequal_varlen, N};
 * structs and arrays needing field-wise comparison get type..eqfunc.T =
 * {rt_algeq_abi0, runtime.typeequal, &type.T} (the runtime walks the
 * descriptor), and the same for hashes.  No type..eq.T code is generated.
 *
 * Methods: ifn/tfn name the functions as gc does (main.T.M,
 * main.(*T).M, go.struct { main.E }.M for promoted methods of unnamed
 * structs); the code generator must define them (wrappers included):
 * the runtime builds itabs from the method tables, so every method a
 * table or itab names must exist.  Since which descriptors are emitted
 * is known only while the code is compiled, the generator reports each
 * method symbol it names (once) through the method hook
 * (typedesc_set_method_hook); the driver answers by lowering that
 * function or wrapper (ssagen_method), and compiles what was added
 * until nothing more is (src/driver/build.c, compile_go).  Methods of
 * instantiated generic types go through the same hook.
 *
 * Limits (documented in docs/abi.md): no GC programs (KIND_GCPROG is
 * never set: very large types get a long mask instead); ptrToThis is set
 * for every non-pointer type (weak unless the type is named or *T has
 * methods, as gc), for pointer types (weak) when type.**T exists at
 * typedesc_finish; local
 * (function-scoped) named types carry gc's "·N" suffix numbered in
 * declaration order per package as far as the checker tells them apart.
 */
#ifndef GOC_TYPEDESC_H
#define GOC_TYPEDESC_H

#include "../base/base.h"
#include "../link/link.h"
#include "../types/types.h"

typedef struct TypeGen TypeGen;

/* A generator emitting into l.  One per link: it remembers what it
 * emitted (symbols are deduplicated by name anyway). */
TypeGen *typedesc_new(Link *l);
void typedesc_free(TypeGen *g);

/* The method hook: fn(ctx, recv, m) is called once for each method
 * symbol (typestr_methodsym(recv, m)) that an emitted method table or
 * itab names, as the symbol is first named: recv is the receiver the
 * entry is called with (T or *T; *T for ifn of a non-pointer-shaped T),
 * m the method Object of recv's method set (for promoted methods, the
 * declared method of the embedded type).  fn must arrange for the symbol
 * to be defined before linking; it must not call back into g. */
/* returns the symbol tables and itabs must name for the method: NULL
 * for the method's own, or the ABI0 wrapper of a C method of package
 * runtime (src/ssagen/iface.c gen_methodsym) */
typedef const char *TypeMethodHook(void *ctx, Type *recv, Object *m);
void typedesc_set_method_hook(TypeGen *g, TypeMethodHook *fn, void *ctx);

/* The descriptor of t (emitted with everything it refers to, once).  t
 * must be a run-time type: no untyped basics, tuples or type parameters. */
LinkSym *typedesc_type(TypeGen *g, Type *t);
/* The itab of concrete type t for non-empty interface iface (t must
 * implement iface). */
LinkSym *typedesc_itab(TypeGen *g, Type *t, Type *iface);
/* Completes weak references (ptrToThis of pointer types).  Call once,
 * after the last typedesc_type/typedesc_itab and before linking. */
void typedesc_finish(TypeGen *g);
/* Emits runtime.typelink: int32 offsets (from runtime.types) of the
 * emitted unnamed pointer, array, chan, func, map, slice and struct
 * types, sorted by their string as gc's linker sorts them, their count
 * runtime.ntypelink, and runtime.itablink.  Call after typedesc_finish. */
LinkSym *typedesc_typelinks(TypeGen *g);
/* Per-package compilation (the build cache, src/driver/pkgentry.c): a
 * package's generator does not call the two above; typedesc_export
 * appends what they need of it (the typelinks and itabs it defined, its
 * pending ptrToThis references, by symbol name) to out, and
 * typedesc_import adds that to the program's generator, which then
 * finishes and lists the whole program as one generator would (a symbol
 * that several packages carry counts once).  Import returns false when
 * the bytes are malformed. */
void typedesc_export(TypeGen *g, Buf *out);
bool typedesc_import(TypeGen *g, Rd *r);

/* ---- names (typestr.c) ---- */
enum { TS_LINK, TS_NAME };
/* gc's LinkString (TS_LINK) or NameString (TS_NAME) of t, appended. */
void typestr_write(Buf *b, Type *t, int mode);
/* "type." + LinkString (with "noalg." for noalg types) */
void typestr_symname(Buf *b, Type *t, bool noalg);
/* gc's name of method m (an Object of the method set of recv) called
 * with receiver type recv: main.T.M, main.(*T).M, main.(*T).p.m */
void typestr_methodsym(Buf *b, Type *recv, Object *m);
/* gc's package prefix (objabi.PathToPrefix) of an import path */
void typestr_pkgprefix(Buf *b, const char *path);
/* gc's TypeHash of a LinkString */
uint32_t typestr_hash(const char *s, size_t n);
/* Predeclared aliases byte, rune and any as the types they denote. */
Type *typestr_formal(Type *t);

/* ---- layout (typelayout.c): gc's, for 64-bit targets ---- */
int64_t gclayout_size(Type *t);
int64_t gclayout_align(Type *t);
/* Offsets of a struct's fields; out has nfields entries. */
void gclayout_offsets(Type *strct, int64_t *out);
int64_t gclayout_ptrdata(Type *t);
/* reflectdata.MapBucketType of map type mt (underlying): struct {
 * topbits [8]uint8; keys [8]K; elems [8]V; overflow }, K and V as
 * pointers when larger than 128 bytes */
Type *gclayout_mapbucket(Arena *a, Type *mt);
/* The pointer mask of t: bit i set when word i holds a pointer;
 * mask has (ptrdata/8+7)/8 bytes, zeroed by the caller. */
void gclayout_ptrmask(Type *t, uint8_t *mask);
/* reflectdata.AlgType (sized memory kinds resolved) */
typedef enum AlgKind {
	ALG_NOEQ, ALG_MEM0, ALG_MEM8, ALG_MEM16, ALG_MEM32, ALG_MEM64, ALG_MEM128,
	ALG_STRING, ALG_INTER, ALG_NILINTER, ALG_FLOAT32, ALG_FLOAT64, ALG_CPLX64, ALG_CPLX128,
	ALG_MEM, ALG_SPECIAL,
} AlgKind;
AlgKind gclayout_alg(Type *t);       /* sized */
bool gclayout_regular_memory(Type *t); /* types.AlgType(t) == AMEM */
bool gclayout_direct_iface(Type *t);
bool gclayout_reflexive(Type *t);
bool gclayout_needkeyupdate(Type *t);
bool gclayout_hash_might_panic(Type *t);
/* reflect Kind (KIND_* of runtime/type.h) of t's underlying type */
int gclayout_kind(Type *t);

/* ---- argument descriptions for tracebacks (arginfo.c) ---- */
/* gc's FUNCDATA_ArgInfo program (ssagen.EmitArgInfo) for parameters of
 * types ts[i] at ABI0 offsets offs[i] (from FP), receiver first: what the
 * runtime's traceback prints of each frame's arguments.  Appends the
 * bytes to b; nothing for a function without parameters. */
void gclayout_arginfo(Buf *b, Type **ts, const int64_t *offs, int n);

#endif
