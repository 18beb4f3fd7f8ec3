// print.c — the print and println built-ins, byte for byte as gc prints
// them (runtime/print.go): the compiler turns `println(a, b)` into
//   printlock(); print<a>; printsp(); print<b>; printnl(); printunlock()
// with one print function per kind.  Output goes to standard error.
//
// gc writes every piece with its own write(2).  goc collects the pieces
// of one statement in the M's buffer and writes them when the outermost
// printunlock comes (or the buffer fills): the same bytes, in the same
// order, in fewer system calls.  Outside printlock (the runtime's own
// messages) pieces are written at once, and a dying M writes at once too,
// so nothing is lost when the process is about to exit.
#include "rt.h"
#include "fmtfloat.h"

static M *curm(void)
{
	G *gp = getg();
	return gp && gp->m ? gp->m : 0;
}

void rt_writeerr(const void *p, uintptr n)
{
	const byte *b = p;
	while (n > 0) {
		intgo r = sys_write(2, b, n);
		if (r == -4) // EINTR
			continue;
		if (r <= 0)
			return;
		b += r;
		n -= (uintptr)r;
	}
}

void rt_printflush(void)
{
	M *mp = curm();
	if (mp && mp->printlen) {
		uint32_t n = mp->printlen;
		mp->printlen = 0;
		rt_writeerr(mp->printbuf, n);
	}
}

static void gwrite(const byte *b, uintptr n)
{
	if (n == 0)
		return;
	G *gp = getg();
	if (gp && gp->writebuf) {
		// runtime.Stack: into the caller's buffer, up to its capacity
		GoSlice *w = gp->writebuf;
		uintptr room = (uintptr)(w->cap - w->len);
		if (n > room)
			n = room;
		memmove((byte *)w->array + w->len, b, n);
		w->len += (intgo)n;
		return;
	}
	M *mp = curm();
	if (!mp || mp->printlock == 0 || mp->dying) {
		rt_printflush();
		rt_writeerr(b, n);
		return;
	}
	if (mp->printlen + n > sizeof mp->printbuf) {
		rt_printflush();
		if (n > sizeof mp->printbuf) {
			rt_writeerr(b, n);
			return;
		}
	}
	memmove(mp->printbuf + mp->printlen, b, n);
	mp->printlen += (uint32_t)n;
}

// The debug lock of gc: one print statement's pieces are not interleaved
// with another M's.  (One M for now; the lock is taken all the same.)
static Mutex debuglock;

void printlock(void)
{
	M *mp = curm();
	if (!mp)
		return;
	mp->locks++;
	if (++mp->printlock == 1)
		lock(&debuglock);
	mp->locks--;
}

void printunlock(void)
{
	M *mp = curm();
	if (!mp)
		return;
	if (--mp->printlock == 0) {
		rt_printflush();
		unlock(&debuglock);
	}
}

void printstring(GoString s) { gwrite(s.str, (uintptr)s.len); }
void rt_prints(const char *s) { gwrite((const byte *)s, (uintptr)rt_findnull((const byte *)s)); }
void printsp(void) { gwrite((const byte *)" ", 1); }
void printnl(void) { gwrite((const byte *)"\n", 1); }
void printbool(bool v) { v ? rt_prints("true") : rt_prints("false"); }

// gc's format, +d.dddddde±ddd (fmtfloat.h)
void printfloat(double v)
{
	char buf[FMTFLOAT_MAX];
	gwrite((const byte *)buf, (uintptr)fmtfloat(buf, v));
}

void printcomplex(Complex128 c)
{
	rt_prints("(");
	printfloat(c.re);
	printfloat(c.im);
	rt_prints("i)");
}

void printuint(uint64_t v)
{
	byte buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = (byte)(v % 10 + '0');
		v /= 10;
	} while (v);
	gwrite(buf + i, sizeof buf - (uintptr)i);
}

void printint(int64_t v)
{
	if (v < 0) {
		rt_prints("-");
		printuint(-(uint64_t)v);
		return;
	}
	printuint((uint64_t)v);
}

void printhex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	byte buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = (byte)dig[v % 16];
		v /= 16;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	gwrite(buf + i, sizeof buf - (uintptr)i);
}

void printpointer(const void *p) { printhex((uintptr)p); }
void printuintptr(uintptr p) { printhex(p); }

void printslice(GoSlice s)
{
	rt_prints("[");
	printint(s.len);
	rt_prints("/");
	printint(s.cap);
	rt_prints("]");
	printpointer(s.array);
}

void printeface(Eface e)
{
	rt_prints("(");
	printpointer(e.type);
	rt_prints(",");
	printpointer(e.data);
	rt_prints(")");
}

void printiface(Iface i)
{
	rt_prints("(");
	printpointer(i.tab);
	rt_prints(",");
	printpointer(i.data);
	rt_prints(")");
}
