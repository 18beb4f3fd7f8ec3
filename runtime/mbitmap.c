// mbitmap.c — the allocator's bitmaps.
//
// Allocation bits (per span): slot i is free iff i >= freeindex and bit
// i of allocBits is 0.  allocBits is only rewritten by the sweeper (it
// becomes the previous cycle's mark bits, as in gc), so allocation is a
// scan for the next zero bit through allocCache, a 64-bit window of
// ~allocBits whose bit 0 is slot freeindex.
//
// Heap bitmap (per arena): one bit per 8-byte word, 1 if the word holds a
// pointer.  It is written when an object is allocated in a scan span,
// from the type's gcdata (ptrdata/8 bits per element, repeated over an
// array); words past the last pointer of each element and past the data
// are 0.  Noscan spans (span class bit 0) never have their bits read, so
// nothing is written for them.  The GC reads these bits to scan objects
// precisely; the bit of a word is independent of the object boundaries,
// which the span gives (elemsize, divmagic).
#include "malloc.h"

void span_refillAllocCache(mspan *s, uintptr whichWord)
{
	s->allocCache = whichWord < MAX_SPAN_OBJS / 64 ? ~s->allocBits[whichWord] : 0;
}

// The index of the next free slot at or after freeindex, which it
// advances past; nelems if the span is full.
uintptr span_nextFreeIndex(mspan *s)
{
	uintptr idx = s->freeindex, n = s->nelems;
	if (idx == n)
		return n;
	uint64_t cache = s->allocCache;
	while (cache == 0) {
		idx = (idx + 64) & ~(uintptr)63;
		if (idx >= n) {
			s->freeindex = n;
			return n;
		}
		span_refillAllocCache(s, idx / 64);
		cache = s->allocCache;
	}
	int bit = __builtin_ctzll(cache);
	uintptr result = idx + (uintptr)bit;
	if (result >= n) {
		s->freeindex = n;
		return n;
	}
	s->allocCache = bit == 63 ? 0 : cache >> (bit + 1);
	idx = result + 1;
	if (idx % 64 == 0 && idx != n)
		span_refillAllocCache(s, idx / 64);
	s->freeindex = idx;
	return result;
}

bool span_isFree(mspan *s, uintptr index)
{
	if (index < s->freeindex)
		return false;
	return !(s->allocBits[index / 64] >> (index % 64) & 1);
}

uintptr span_objIndex(mspan *s, uintptr p)
{
	uintptr off = p - s->start;
	if (s->divmagic == 0)
		return 0;
	return (uintptr)(((uint64_t)off * s->divmagic) >> 32);
}

static inline void setbit(heapArena *ha, uintptr word, bool on)
{
	if (on)
		ha->bitmap[word / 8] |= (uint8_t)(1 << (word % 8));
	else
		ha->bitmap[word / 8] &= (uint8_t) ~(1 << (word % 8));
}

static inline uintptr wordIndex(uintptr addr) { return (addr & (ARENA_SIZE - 1)) / PTRSIZE; }

void heapBitsClear(uintptr x, uintptr size)
{
	for (uintptr a = x; a < x + size; a += PTRSIZE)
		setbit(arenaOf(a), wordIndex(a), false);
}

static uintptr progvarint(const byte **p)
{
	uintptr v = 0;
	for (unsigned sh = 0;; sh += 7) {
		byte b = *(*p)++;
		v |= (uintptr)(b & 0x7f) << sh;
		if (!(b & 0x80))
			return v;
	}
}

static inline bool getbit(const byte *m, uintptr i) { return m[i / 8] >> (i % 8) & 1; }

// Runs a GC program (gc's format, after its 4-byte length: 0 stops;
// 0nnnnnnn emits the n bits packed in the next (n+7)/8 bytes; 1nnnnnnn
// c, or 10000000 n c, repeats the last n bits c times) into mask, at
// most nbits bits; returns the bits written.
static uintptr rungcprog(const byte *prog, byte *mask, uintptr nbits)
{
	uintptr pos = 0;
	for (;;) {
		byte inst = *prog++;
		if (!(inst & 0x80)) {
			if (!inst)
				return pos;
			for (uintptr i = 0; i < inst; i++, pos++)
				if (pos < nbits && getbit(prog, i))
					mask[pos / 8] |= (byte)(1 << (pos % 8));
			prog += (inst + 7) / 8;
			continue;
		}
		uintptr n = inst & 0x7f;
		if (!n)
			n = progvarint(&prog);
		uintptr c = progvarint(&prog);
		if (n > pos)
			rt_throw("runtime: GC program repeats more bits than it wrote");
		for (uintptr k = 0; k < c * n && pos < nbits; k++, pos++)
			if (getbit(mask, pos - n))
				mask[pos / 8] |= (byte)(1 << (pos % 8));
	}
}

// Writes the pointer bits of the object at x (size bytes of slot)
// holding dataSize/typ->size elements of typ.
void heapBitsSetType(uintptr x, uintptr size, uintptr dataSize, const _type *typ)
{
	const byte *gcdata = typ->gcdata;
	byte *prog = 0;
	uintptr progsize = 0;
	if (typ->kind & KIND_GCPROG) { // a type reflect made (ArrayOf): its mask from the program
		uintptr nbits = typ->ptrdata / PTRSIZE;
		progsize = (nbits / 8 + 1 + PAGE_SIZE - 1) & ~(uintptr)(PAGE_SIZE - 1);
		prog = sysAlloc(progsize);
		if (!prog)
			rt_throw("runtime: cannot allocate a GC program's mask");
		rungcprog(gcdata + 4, prog, nbits);
		gcdata = prog;
	}
	uintptr elemwords = typ->size / PTRSIZE;
	uintptr ptrwords = typ->ptrdata / PTRSIZE;
	uintptr datawords = dataSize / PTRSIZE;
	uintptr words = size / PTRSIZE;
	heapArena *ha = arenaOf(x);
	uintptr w0 = wordIndex(x);
	// Objects never cross arenas except large ones, which start at an
	// arena-aligned page at worst; re-fetch the arena at each boundary.
	uintptr e = 0;
	for (uintptr i = 0; i < words; i++, e++) {
		if (e == elemwords)
			e = 0;
		uintptr a = x + i * PTRSIZE;
		if ((a & (ARENA_SIZE - 1)) == 0 && i) {
			ha = arenaOf(a);
			w0 = wordIndex(a) - i;
		}
		bool ptr = i < datawords && e < ptrwords && (gcdata[e / 8] >> (e % 8) & 1);
		setbit(ha, w0 + i, ptr);
	}
	if (prog)
		sys_munmap(prog, progsize);
}

bool heapBitsIsPointer(uintptr addr)
{
	heapArena *ha = arenaOf(addr);
	if (!ha)
		return false;
	uintptr w = wordIndex(addr);
	return ha->bitmap[w / 8] >> (w % 8) & 1;
}
