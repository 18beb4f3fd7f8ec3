// mfinal.c — finalizers (gc's mfinal.go): runtime.SetFinalizer, the
// collector's part, and the finalizer goroutine.
//
// A finalizer is a record {obj, fn, parameter type, object type, result
// bytes} in a hash table keyed by the object's address, in memory the
// collector does not scan (a record must not keep its object alive).  In
// a cycle (mgc.c), after the roots: each record's function and what its
// object points to are marked (gc's markrootSpans: the object's contents
// but not the object, so that the finalizer finds them alive, and an
// object reachable from itself is never finalized); after marking, each
// record whose object is unmarked moves to the queue and its object is
// marked, so it survives this cycle (gc's sweep of specials).  The queue
// is a root of later cycles until the finalizer goroutine (a system
// goroutine, made by the first SetFinalizer) has run the function.
#include "proc.h"
#include "malloc.h"
#include "type.h"
#include "alg.h"

typedef struct Finalizer {
	uintptr obj;        // 0: empty; FIN_DELETED: a deleted slot
	FuncVal *fn;
	const _type *fint;  // the function's parameter type
	const _type *ot;    // the object's pointer type
	uintptr nret;       // bytes of the function's results
} Finalizer;

enum { FIN_DELETED = 1, MAX_FRAME = 1024, FING_STACK = 64 << 10 };

static Mutex finlock;
static struct {
	Finalizer *v; // open addressing, at most half full
	uintptr cap, n, used;
} fintab;
static struct {
	Finalizer *v;
	uintptr head, n, cap; // a ring
} finq;
static G *fing;           // the finalizer goroutine
static bool fingwait;     // parked, waiting for work

static uintptr finhash(uintptr p) { return (uintptr)((p >> 3) * 0x9e3779b97f4a7c15ULL); }

static Finalizer *finslot(Finalizer *tab, uintptr cap, uintptr obj, bool insert)
{
	Finalizer *del = 0;
	for (uintptr i = finhash(obj) & (cap - 1);; i = (i + 1) & (cap - 1)) {
		if (tab[i].obj == obj)
			return &tab[i];
		if (tab[i].obj == FIN_DELETED && !del)
			del = &tab[i];
		if (tab[i].obj == 0)
			return insert ? (del ? del : &tab[i]) : 0;
	}
}

static void fingrow(void)
{
	uintptr ncap = fintab.cap ? 2 * fintab.cap : 1024;
	if (fintab.n * 4 < fintab.cap)
		ncap = fintab.cap; // mostly deleted slots: rehash at the same size
	Finalizer *nt = sysAlloc(ncap * sizeof *nt);
	if (!nt)
		rt_throw("runtime: cannot allocate memory");
	for (uintptr i = 0; i < fintab.cap; i++)
		if (fintab.v[i].obj > FIN_DELETED)
			*finslot(nt, ncap, fintab.v[i].obj, true) = fintab.v[i];
	if (fintab.v)
		sys_munmap(fintab.v, fintab.cap * sizeof *fintab.v);
	fintab.v = nt;
	fintab.cap = ncap;
	fintab.used = fintab.n;
}

static void finqpush(const Finalizer *f)
{
	if (finq.n == finq.cap) {
		uintptr ncap = finq.cap ? 2 * finq.cap : 256;
		Finalizer *nv = sysAlloc(ncap * sizeof *nv);
		if (!nv)
			rt_throw("runtime: cannot allocate memory");
		for (uintptr i = 0; i < finq.n; i++)
			nv[i] = finq.v[(finq.head + i) % finq.cap];
		if (finq.v)
			sys_munmap(finq.v, finq.cap * sizeof *finq.v);
		finq.v = nv;
		finq.cap = ncap;
		finq.head = 0;
	}
	finq.v[(finq.head + finq.n) % finq.cap] = *f;
	finq.n++;
}

// ---- the collector's part (mgc.c, with the world stopped) ----------------------

// Marks what the finalizers need: each function, each object's contents,
// and the queued objects and functions (whole).
void gc_markfinalizers(void (*markp)(uintptr), void (*markcontents)(uintptr))
{
	for (uintptr i = 0; i < fintab.cap; i++) {
		Finalizer *f = &fintab.v[i];
		if (f->obj <= FIN_DELETED)
			continue;
		markp((uintptr)f->fn);
		markcontents(f->obj);
	}
	for (uintptr i = 0; i < finq.n; i++) {
		Finalizer *f = &finq.v[(finq.head + i) % finq.cap];
		markp((uintptr)f->fn);
		markp(f->obj);
	}
}

// After marking: queues the finalizers of unmarked objects and marks
// those objects (ismarked/setmark: mgc.c's); wakes the finalizer
// goroutine.  Returns how many were queued.
uintptr gc_queuefinalizers(bool (*ismarked)(uintptr), void (*setmark)(uintptr))
{
	// which objects died is decided before any is marked: tiny objects
	// with finalizers share a block, whose one mark bit would hide the
	// others' deaths
	uintptr q = 0, q0 = finq.n;
	for (uintptr i = 0; i < fintab.cap; i++) {
		Finalizer *f = &fintab.v[i];
		if (f->obj <= FIN_DELETED || ismarked(f->obj))
			continue;
		finqpush(f);
		f->obj = FIN_DELETED;
		fintab.n--;
		q++;
	}
	for (uintptr i = q0; i < finq.n; i++)
		setmark(finq.v[(finq.head + i) % finq.cap].obj);
	if (q && fingwait && fing) {
		fingwait = false;
		goready(fing, 0);
	}
	return q;
}

// ---- the finalizer goroutine ---------------------------------------------------

static void runfinalizer(const Finalizer *f)
{
	uint64_t small[MAX_FRAME / 8] = {0};
	uint64_t *frame = small;
	if (2 * PTRSIZE + f->nret > MAX_FRAME) // results of any size: a frame on the heap
		frame = mallocgc(2 * PTRSIZE + f->nret, RT_PTRWORDS, true);
	uintptr argsz = PTRSIZE;
	if ((f->fint->kind & KIND_MASK) == KIND_INTERFACE) {
		const interfacetype *it = (const interfacetype *)f->fint;
		frame[0] = it->mhdr.len == 0 ? (uint64_t)(uintptr)f->ot
					     : (uint64_t)(uintptr)getitab((interfacetype *)it, (_type *)f->ot, false);
		frame[1] = f->obj;
		argsz = 2 * PTRSIZE;
	} else
		frame[0] = f->obj;
	uint32_t size = (uint32_t)(argsz + f->nret);
	rt_reflectcall(0, f->fn, frame, size, (uint32_t)argsz, size, 0);
}

static void runfinq(void *arg)
{
	(void)arg;
	for (;;) {
		lock(&finlock);
		if (finq.n == 0) {
			fingwait = true;
			goparkunlock(&finlock, WAIT_FINALIZER_WAIT, 0, 1);
			continue;
		}
		Finalizer f = finq.v[finq.head];
		finq.head = (finq.head + 1) % finq.cap;
		finq.n--;
		unlock(&finlock);
		runfinalizer(&f);
		f.obj = 0; // (the local copy: the queue no longer holds it)
		f.fn = 0;
	}
}

// ---- runtime.SetFinalizer ------------------------------------------------------

static void throwcat3(const char *a, GoString b, const char *c, GoString d)
{
	GoString parts[4] = {rt_gostringnocopy((const byte *)a), b, rt_gostringnocopy((const byte *)c), d};
	intgo n = 0;
	for (int i = 0; i < 4; i++)
		n += parts[i].len;
	byte *p = mallocgc((uintptr)n, 0, false);
	intgo k = 0;
	for (int i = 0; i < 4; i++) {
		memcpy(p + k, parts[i].str, (size_t)parts[i].len);
		k += parts[i].len;
	}
	throw((GoString){p, n});
}

static const _type **funcparams(const functype *ft)
{
	uintptr off = sizeof(functype) + ((ft->typ.tflag & TFLAG_UNCOMMON) ? sizeof(uncommontype) : 0);
	return (const _type **)((const byte *)ft + off);
}

void SetFinalizer(Eface obj, Eface finalizer) RTSYM(SetFinalizer);
void SetFinalizer(Eface obj, Eface finalizer)
{
	static const GoString empty = {0, 0};
	if (!obj.type)
		rt_throw("runtime.SetFinalizer: first argument is nil");
	if ((obj.type->kind & KIND_MASK) != KIND_POINTER)
		throwcat3("runtime.SetFinalizer: first argument is ", type_string(obj.type), ", not pointer", empty);
	const ptrtype *ot = (const ptrtype *)obj.type;
	if (!ot->elem)
		rt_throw("nil elem type!");
	uintptr p = (uintptr)obj.data;
	mspan *s = spanOfHeap(p);
	if (!s) {
		// globals, zerobase, or (as gc tolerates) linker-allocated data
		uintptr lo, hi;
		gc_datarange(&lo, &hi);
		if (p == (uintptr)&zerobase || !p || (p >= lo && p < hi))
			return;
		rt_throw("runtime.SetFinalizer: pointer not in allocated block");
	}
	uintptr base = s->start + span_objIndex(s, p) * s->elemsize;
	if (base != p && !(ot->elem->ptrdata == 0 && ot->elem->size < 16))
		rt_throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
	if (!finalizer.type) {
		lock(&finlock);
		Finalizer *f = fintab.cap ? finslot(fintab.v, fintab.cap, p, false) : 0;
		if (f) {
			f->obj = FIN_DELETED;
			fintab.n--;
		}
		unlock(&finlock);
		return;
	}
	if ((finalizer.type->kind & KIND_MASK) != KIND_FUNC)
		throwcat3("runtime.SetFinalizer: second argument is ", type_string(finalizer.type), ", not a function", empty);
	const functype *ft = (const functype *)finalizer.type;
	if ((ft->outCount & 0x8000) || ft->inCount != 1)
		throwcat3("runtime.SetFinalizer: cannot pass ", type_string(obj.type), " to finalizer ",
			  type_string(finalizer.type));
	const _type **params = funcparams(ft);
	const _type *fint = params[0];
	bool ok = fint == obj.type;
	if (!ok && (fint->kind & KIND_MASK) == KIND_POINTER &&
	    ((const ptrtype *)fint)->elem == ot->elem && (!type_uncommon(fint) || !type_uncommon(obj.type)))
		ok = true; // an unnamed pointer type and a named one with the same element
	if (!ok && (fint->kind & KIND_MASK) == KIND_INTERFACE) {
		const interfacetype *it = (const interfacetype *)fint;
		ok = it->mhdr.len == 0 || getitab((interfacetype *)it, (_type *)obj.type, true) != 0;
	}
	if (!ok)
		throwcat3("runtime.SetFinalizer: cannot pass ", type_string(obj.type), " to finalizer ",
			  type_string(finalizer.type));
	uintptr nret = 0;
	for (uint16_t i = 0; i < (ft->outCount & 0x7fff); i++) {
		const _type *t = params[1 + i];
		uintptr al = t->align ? t->align : 1;
		nret = (nret + al - 1) & ~(al - 1);
		nret += t->size;
	}
	nret = (nret + PTRSIZE - 1) & ~(uintptr)(PTRSIZE - 1);
	if (2 * PTRSIZE + nret > FING_STACK / 2)
		rt_throw("not implemented: a finalizer with results over 32 KiB");
	lock(&finlock);
	if (2 * (fintab.used + 1) > fintab.cap)
		fingrow();
	Finalizer *f = finslot(fintab.v, fintab.cap, p, true);
	if (f->obj == p) {
		unlock(&finlock);
		rt_throw("runtime.SetFinalizer: finalizer already set");
	}
	if (f->obj == 0)
		fintab.used++;
	*f = (Finalizer){p, (FuncVal *)finalizer.data, fint, obj.type, nret};
	fintab.n++;
	bool start = !fing;
	if (start)
		fing = (G *)1; // being made
	unlock(&finlock);
	if (start) // C frames and reflectcall's copy of the frame: a larger first stack
		fing = rt_newproc_sys_stack(runfinq, 0, FING_STACK);
}
