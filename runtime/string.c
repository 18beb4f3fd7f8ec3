// string.c — strings: concatenation, comparison, conversions between
// strings and byte or rune slices, UTF-8 decoding for range loops (gc's
// runtime/string.go and utf8.go, same names and semantics).
//
// A *TmpBuf argument, when not nil, is a 32-byte buffer in the caller's
// frame that the compiler provides when the result does not escape:
// results that fit are built there instead of on the heap.
#include "malloc.h"

// rawstring: a fresh string of n bytes to fill in; no zeroing.
static GoString rawstring(intgo n, byte **b)
{
	byte *p = mallocgc((uintptr)n, 0, false);
	*b = p;
	return (GoString){p, n};
}

static GoString rawstringtmp(TmpBuf *buf, intgo n, byte **b)
{
	if (buf && n <= TMPBUF_SIZE) {
		*b = buf->b;
		return (GoString){buf->b, n};
	}
	return rawstring(n, b);
}

// concatstrings: the compiler gives the operands of a+b+c... as a slice.
// One non-empty operand is returned as is (no copy) when it does not
// live in the caller's frame (the compiler's buf says it may not escape).
GoString concatstrings(TmpBuf *buf, GoSlice a)
{
	const GoString *s = a.array;
	intgo l = 0, count = 0, idx = 0;
	for (intgo i = 0; i < a.len; i++) {
		intgo n = s[i].len;
		if (n == 0)
			continue;
		if (l + n < l)
			rt_throw("string concatenation too long");
		l += n;
		count++;
		idx = i;
	}
	if (count == 0)
		return (GoString){0, 0};
	if (count == 1) {
		// As gc: unless the string lives in the goroutine's stack (a
		// temporary buffer) and the result escapes (buf is nil).
		G *gp = getg();
		uintptr p = (uintptr)s[idx].str;
		if (buf || !gp || p < gp->stack.lo || p >= gp->stack.hi)
			return s[idx];
	}
	byte *b;
	GoString r = rawstringtmp(buf, l, &b);
	for (intgo i = 0; i < a.len; i++) {
		memmove(b, s[i].str, (uintptr)s[i].len);
		b += s[i].len;
	}
	return r;
}

GoString concatstring2(TmpBuf *buf, GoString a0, GoString a1)
{
	GoString a[] = {a0, a1};
	return concatstrings(buf, (GoSlice){a, 2, 2});
}

GoString concatstring3(TmpBuf *buf, GoString a0, GoString a1, GoString a2)
{
	GoString a[] = {a0, a1, a2};
	return concatstrings(buf, (GoSlice){a, 3, 3});
}

GoString concatstring4(TmpBuf *buf, GoString a0, GoString a1, GoString a2, GoString a3)
{
	GoString a[] = {a0, a1, a2, a3};
	return concatstrings(buf, (GoSlice){a, 4, 4});
}

GoString concatstring5(TmpBuf *buf, GoString a0, GoString a1, GoString a2, GoString a3, GoString a4)
{
	GoString a[] = {a0, a1, a2, a3, a4};
	return concatstrings(buf, (GoSlice){a, 5, 5});
}

intgo cmpstring(GoString a, GoString b)
{
	intgo l = a.len < b.len ? a.len : b.len;
	if (a.str != b.str) {
		int c = memcmp(a.str, b.str, (size_t)l);
		if (c)
			return c < 0 ? -1 : 1;
	}
	return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

GoString slicebytetostring(TmpBuf *buf, const byte *p, intgo n)
{
	if (n == 0)
		return (GoString){0, 0};
	if (n == 1) {
		// One-byte strings point into a static table, as gc's staticuint64s.
		static byte bytes1[256];
		static bool init;
		if (!init) {
			for (int i = 0; i < 256; i++)
				bytes1[i] = (byte)i;
			init = true;
		}
		return (GoString){&bytes1[p[0]], 1};
	}
	byte *b;
	GoString s = rawstringtmp(buf, n, &b);
	memmove(b, p, (uintptr)n);
	return s;
}

GoString slicebytetostringtmp(const byte *p, intgo n) RTSYM(slicebytetostringtmp);
GoString slicebytetostringtmp(const byte *p, intgo n) { return (GoString){p, n}; }

// rawbyteslice: room for n bytes, the rest of the size class as capacity.
static GoSlice rawbyteslice(intgo n)
{
	uintptr cap = roundupsize((uintptr)n);
	byte *p = mallocgc(cap, 0, false);
	if (cap != (uintptr)n)
		memclrNoHeapPointers(p + n, cap - (uintptr)n);
	return (GoSlice){p, n, (intgo)cap};
}

GoSlice stringtoslicebyte(TmpBuf *buf, GoString s)
{
	GoSlice b;
	if (buf && s.len <= TMPBUF_SIZE) {
		memset(buf->b, 0, sizeof buf->b);
		b = (GoSlice){buf->b, s.len, s.len};
	} else {
		b = rawbyteslice(s.len);
	}
	memmove(b.array, s.str, (uintptr)s.len);
	return b;
}

// ---- UTF-8 ----------------------------------------------------------------

enum { RUNE_ERROR = 0xfffd, RUNE_SELF = 0x80, MAX_RUNE = 0x10ffff, SURR_MIN = 0xd800, SURR_MAX = 0xdfff };

// decoderune: the rune starting at s[k], and the index after it.  An
// invalid encoding yields (RuneError, k+1), as a range loop requires.
// Called by range loops for non-ASCII bytes only.
DecodedRune decoderune(GoString s, intgo k)
{
	const byte *p = s.str;
	intgo n = s.len;
	if (k >= n)
		return (DecodedRune){RUNE_ERROR, k + 1};
	byte c0 = p[k];
	if (c0 < RUNE_SELF)
		return (DecodedRune){c0, k + 1};
	intgo left = n - k;
	if (c0 >= 0xc2 && c0 <= 0xdf && left >= 2) {
		byte c1 = p[k + 1];
		if ((c1 & 0xc0) == 0x80)
			return (DecodedRune){(int32_t)(c0 & 0x1f) << 6 | (c1 & 0x3f), k + 2};
	} else if (c0 >= 0xe0 && c0 <= 0xef && left >= 3) {
		byte c1 = p[k + 1], c2 = p[k + 2];
		if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80) {
			int32_t r = (int32_t)(c0 & 0x0f) << 12 | (int32_t)(c1 & 0x3f) << 6 | (c2 & 0x3f);
			if (r > 0x7ff && !(r >= SURR_MIN && r <= SURR_MAX))
				return (DecodedRune){r, k + 3};
		}
	} else if (c0 >= 0xf0 && c0 <= 0xf4 && left >= 4) {
		byte c1 = p[k + 1], c2 = p[k + 2], c3 = p[k + 3];
		if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80 && (c3 & 0xc0) == 0x80) {
			int32_t r = (int32_t)(c0 & 0x07) << 18 | (int32_t)(c1 & 0x3f) << 12 | (int32_t)(c2 & 0x3f) << 6 | (c3 & 0x3f);
			if (r > 0xffff && r <= MAX_RUNE)
				return (DecodedRune){r, k + 4};
		}
	}
	return (DecodedRune){RUNE_ERROR, k + 1};
}

// encoderune: writes r's UTF-8 (RuneError's for invalid runes) to p,
// which has room for 4 bytes; returns the length.
intgo encoderune(byte *p, int32_t r)
{
	uint32_t u = (uint32_t)r;
	if (u < RUNE_SELF) {
		p[0] = (byte)u;
		return 1;
	}
	if (u < 0x800) {
		p[0] = (byte)(0xc0 | u >> 6);
		p[1] = (byte)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u > MAX_RUNE || (u >= SURR_MIN && u <= SURR_MAX))
		u = RUNE_ERROR;
	if (u <= 0xffff) {
		p[0] = (byte)(0xe0 | u >> 12);
		p[1] = (byte)(0x80 | (u >> 6 & 0x3f));
		p[2] = (byte)(0x80 | (u & 0x3f));
		return 3;
	}
	p[0] = (byte)(0xf0 | u >> 18);
	p[1] = (byte)(0x80 | (u >> 12 & 0x3f));
	p[2] = (byte)(0x80 | (u >> 6 & 0x3f));
	p[3] = (byte)(0x80 | (u & 0x3f));
	return 4;
}

static intgo runelen(int32_t r)
{
	byte tmp[4];
	return encoderune(tmp, r);
}

intgo countrunes(GoString s)
{
	intgo n = 0;
	for (intgo k = 0; k < s.len; n++) {
		if (s.str[k] < RUNE_SELF)
			k++;
		else
			k = decoderune(s, k).pos;
	}
	return n;
}

GoSlice stringtoslicerune(int32_t (*buf)[TMPBUF_SIZE], GoString s)
{
	intgo n = countrunes(s);
	GoSlice a;
	if (buf && n <= TMPBUF_SIZE) {
		memset(*buf, 0, sizeof *buf);
		a = (GoSlice){*buf, n, n};
	} else {
		uintptr mem = roundupsize((uintptr)n * 4);
		int32_t *p = mallocgc(mem, 0, false);
		if (mem != (uintptr)n * 4)
			memclrNoHeapPointers((byte *)p + n * 4, mem - (uintptr)n * 4);
		a = (GoSlice){p, n, (intgo)(mem / 4)};
	}
	int32_t *r = a.array;
	intgo i = 0;
	for (intgo k = 0; k < s.len; i++) {
		if (s.str[k] < RUNE_SELF) {
			r[i] = s.str[k++];
		} else {
			DecodedRune d = decoderune(s, k);
			r[i] = d.r;
			k = d.pos;
		}
	}
	return a;
}

GoString slicerunetostring(TmpBuf *buf, GoSlice a)
{
	const int32_t *r = a.array;
	intgo size = 0;
	for (intgo i = 0; i < a.len; i++)
		size += runelen(r[i]);
	byte *b;
	GoString s = rawstringtmp(buf, size, &b);
	intgo n = 0;
	for (intgo i = 0; i < a.len; i++)
		n += encoderune(b + n, r[i]);
	return s;
}

// string(rune(v)) for an integer v: out-of-range values give "\uFFFD".
GoString intstring(byte (*buf)[4], int64_t v)
{
	byte *b;
	GoString s;
	if (buf) {
		b = *buf;
		s = (GoString){b, 4};
	} else {
		s = rawstring(4, &b);
	}
	if ((int64_t)(int32_t)v != v)
		v = RUNE_ERROR;
	s.len = encoderune(b, (int32_t)v);
	return s;
}

// gostring: a Go string copy of a NUL-terminated C string.
GoString gostring(const byte *p)
{
	intgo n = rt_findnull(p);
	if (n == 0)
		return (GoString){0, 0};
	byte *b;
	GoString s = rawstring(n, &b);
	memmove(b, p, (uintptr)n);
	return s;
}
