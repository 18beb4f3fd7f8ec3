// type.c — reading type descriptors: names and the uncommon part.
#include "type.h"

name type_resolvename(const void *ptrInModule, nameOff off)
{
	(void)ptrInModule; // one module: every offset is from runtime.types
	if (off == 0 || !rt_types)
		return (name){0};
	return (name){rt_types + off};
}

static uintptr name_readvarint(const byte *p, intgo *n)
{
	uintptr v = 0;
	int shift = 0, i = 0;
	for (;;) {
		byte b = p[i++];
		v |= (uintptr)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
		shift += 7;
	}
	*n = i;
	return v;
}

GoString name_string(name n)
{
	if (!n.bytes)
		return (GoString){0, 0};
	intgo hdr;
	uintptr len = name_readvarint(n.bytes + 1, &hdr);
	return (GoString){n.bytes + 1 + hdr, (intgo)len};
}

GoString type_string(const _type *t)
{
	GoString s = name_string(type_resolvename(t, t->str));
	if ((t->tflag & TFLAG_EXTRASTAR) && s.len > 0) {
		s.str++;
		s.len--;
	}
	return s;
}

uncommontype *type_uncommon(const _type *t)
{
	if (!(t->tflag & TFLAG_UNCOMMON))
		return 0;
	uintptr size;
	switch (t->kind & KIND_MASK) {
	case KIND_STRUCT: size = sizeof(structtype); break;
	case KIND_POINTER: size = sizeof(ptrtype); break;
	case KIND_FUNC: size = sizeof(functype); break;
	case KIND_SLICE: size = sizeof(slicetype); break;
	case KIND_ARRAY: size = sizeof(arraytype); break;
	case KIND_CHAN: size = sizeof(chantype); break;
	case KIND_MAP: size = sizeof(maptype); break;
	case KIND_INTERFACE: size = sizeof(interfacetype); break;
	default: size = sizeof(_type); break;
	}
	return (uncommontype *)((const byte *)t + size);
}
