// type.h — Go 1.19's type descriptors, in the layout gc's compiler emits
// and upstream reflect and internal/reflectlite read (runtime/type.go,
// reflect/type.go, cmd/compile/internal/reflectdata).  goc's compiler
// emits exactly these structures so that the standard library's
// reflection works unchanged; the runtime reads them for allocation (size,
// ptrdata, gcdata), interfaces (itabs, method tables), maps (hasher,
// bucket) and printing (str).  Sizes and offsets are for 64-bit targets
// and are checked at compile time at the end of this file.
//
// Offsets within descriptors (nameOff, typeOff, textOff) are 32-bit and
// relative to the start of the module's type data (moduledata.types, the
// linker's symbol runtime.types), for names and types, or to its text
// (runtime.text), for code.
#ifndef GOC_TYPE_H
#define GOC_TYPE_H

#include "rt.h"

typedef int32_t nameOff;
typedef int32_t typeOff;
typedef int32_t textOff;

// tflag: extra facts about a type.
enum {
	TFLAG_UNCOMMON = 1 << 0,       // an uncommontype follows the kind-specific struct
	TFLAG_EXTRASTAR = 1 << 1,      // str has a leading '*' to skip (the name of T is stored as "*T")
	TFLAG_NAMED = 1 << 2,          // the type has a name
	TFLAG_REGULARMEMORY = 1 << 3,  // equal and hash may treat a value as size plain bytes
};

// kind: the low five bits; the two high bits are flags.
enum {
	KIND_INVALID, KIND_BOOL, KIND_INT, KIND_INT8, KIND_INT16, KIND_INT32, KIND_INT64,
	KIND_UINT, KIND_UINT8, KIND_UINT16, KIND_UINT32, KIND_UINT64, KIND_UINTPTR,
	KIND_FLOAT32, KIND_FLOAT64, KIND_COMPLEX64, KIND_COMPLEX128, KIND_ARRAY, KIND_CHAN,
	KIND_FUNC, KIND_INTERFACE, KIND_MAP, KIND_POINTER, KIND_SLICE, KIND_STRING,
	KIND_STRUCT, KIND_UNSAFEPOINTER,
	KIND_DIRECTIFACE = 1 << 5,  // the interface data word holds the value itself (pointer-shaped)
	KIND_GCPROG = 1 << 6,       // gcdata is a GC program, not a bitmap
	KIND_MASK = (1 << 5) - 1,
};

// Every descriptor starts with a _type (48 bytes).
typedef struct _type {
	uintptr size;
	uintptr ptrdata;     // length of the prefix that can hold pointers; 0: no pointers
	uint32_t hash;       // hash of the type, for maps of interfaces and type switches
	uint8_t tflag;
	uint8_t align;       // alignment of a variable of this type
	uint8_t fieldAlign;  // alignment as a struct field
	uint8_t kind;
	// Equality of two values of this type; nil when not comparable.  A
	// Go func value: a pointer to a closure record whose first word is
	// the code address (see docs/abi.md, "func values").
	void *equal;
	// Pointer bitmap of the first ptrdata/8 words, one bit per word,
	// least significant bit first; or a GC program when KIND_GCPROG.
	const byte *gcdata;
	nameOff str;         // the type's string form, as reflect's String()
	typeOff ptrToThis;   // *T, if it exists in the binary; 0 otherwise
} _type;

// After the kind-specific part, when TFLAG_UNCOMMON.
typedef struct uncommontype {
	nameOff pkgpath;
	uint16_t mcount;  // number of methods
	uint16_t xcount;  // number of exported methods (they come first)
	uint32_t moff;    // offset from this uncommontype to [mcount]method
	uint32_t unused;
} uncommontype;

// One method of a named type, sorted by name.
typedef struct method {
	nameOff name;
	typeOff mtyp;  // the method's func type, without the receiver
	textOff ifn;   // code called through interfaces (pointer receiver)
	textOff tfn;   // code called through the method expression T.m
} method;

// A name: a pointer to encoded bytes.  Byte 0 holds flags (1<<0
// exported, 1<<1 a tag follows, 1<<2 a pkgPath nameOff follows, 1<<3
// embedded field); then a uvarint length and the name's bytes; then, if
// flagged, a uvarint length and the tag; then, if flagged, 4 bytes of
// nameOff naming the package path.
typedef struct name {
	const byte *bytes;
} name;

enum { NAME_EXPORTED = 1 << 0, NAME_TAG = 1 << 1, NAME_PKGPATH = 1 << 2, NAME_EMBEDDED = 1 << 3 };

typedef struct imethod {
	nameOff name;
	typeOff ityp;
} imethod;

typedef struct interfacetype {
	_type typ;
	name pkgpath;
	GoSlice mhdr;  // []imethod, sorted by name
} interfacetype;

typedef struct maptype {
	_type typ;
	_type *key;
	_type *elem;
	_type *bucket;      // the hash bucket's internal type
	void *hasher;       // func(unsafe.Pointer, uintptr) uintptr: hash of key with seed
	uint8_t keysize;    // size of a key slot
	uint8_t elemsize;   // size of an elem slot
	uint16_t bucketsize;
	uint32_t flags;     // MAPTYPE_* below
} maptype;

enum {
	MAPTYPE_INDIRECTKEY = 1,   // key slots hold pointers to keys
	MAPTYPE_INDIRECTELEM = 2,  // elem slots hold pointers to elems
	MAPTYPE_REFLEXIVEKEY = 4,  // k == k for every key (no NaNs)
	MAPTYPE_NEEDKEYUPDATE = 8, // an overwrite must also store the key (+0/-0, strings)
	MAPTYPE_HASHMIGHTPANIC = 16,
};

typedef struct arraytype {
	_type typ;
	_type *elem;
	_type *slice;  // []elem
	uintptr len;
} arraytype;

typedef struct chantype {
	_type typ;
	_type *elem;
	uintptr dir;  // 1 receive, 2 send, 3 both
} chantype;

typedef struct slicetype {
	_type typ;
	_type *elem;
} slicetype;

// A func type: in/out counts (the top bit of outCount marks variadic),
// then (after the uncommontype, if any) inCount+outCount *_type.
typedef struct functype {
	_type typ;
	uint16_t inCount;
	uint16_t outCount;
	uint32_t pad;  // the parameter list starts 8-byte aligned
} functype;

typedef struct ptrtype {
	_type typ;
	_type *elem;
} ptrtype;

typedef struct structfield {
	name name;  // embedded fields are flagged in the name (Go 1.19)
	_type *typ;
	uintptr offset;
} structfield;

typedef struct structtype {
	_type typ;
	name pkgPath;
	GoSlice fields;  // []structfield
} structtype;

// An interface table: the concrete type's methods for one interface,
// built by the compiler for static conversions and by the runtime
// (getitab) for dynamic ones.  fun has one entry per interface method in
// the interface's order; fun[0] == 0 marks "does not implement".
typedef struct itab {
	interfacetype *inter;
	_type *type;
	uint32_t hash;  // copy of type->hash, for type switches
	uint32_t pad;
	uintptr fun[1]; // variable length
} itab;

// The module's bounds, set by goc's linker (symbols runtime.types,
// runtime.etypes, runtime.text, runtime.etext as gc's linker defines
// them).  Weak until the linker provides them, so that the runtime's
// tests link without a Go program.
extern byte rt_types[] __asm__("runtime.types") __attribute__((weak));
extern byte rt_etypes[] __asm__("runtime.etypes") __attribute__((weak));

// Helpers (type.c).
GoString type_string(const _type *t);        // t's str, without the extra star
name type_resolvename(const void *ptrInModule, nameOff off);
GoString name_string(name n);
uncommontype *type_uncommon(const _type *t);

_Static_assert(sizeof(_type) == 48, "_type is 48 bytes");
_Static_assert(offsetof(_type, equal) == 24, "_type.equal at 24");
_Static_assert(offsetof(_type, str) == 40, "_type.str at 40");
_Static_assert(sizeof(uncommontype) == 16, "uncommontype is 16 bytes");
_Static_assert(sizeof(method) == 16, "method is 16 bytes");
_Static_assert(sizeof(interfacetype) == 80, "interfacetype is 80 bytes");
_Static_assert(sizeof(maptype) == 88, "maptype is 88 bytes");
_Static_assert(sizeof(arraytype) == 72, "arraytype is 72 bytes");
_Static_assert(sizeof(chantype) == 64, "chantype is 64 bytes");
_Static_assert(sizeof(functype) == 56, "functype is 56 bytes");
_Static_assert(sizeof(structfield) == 24, "structfield is 24 bytes");
_Static_assert(sizeof(structtype) == 80, "structtype is 80 bytes");
_Static_assert(offsetof(itab, fun) == 24, "itab.fun at 24");

#endif
