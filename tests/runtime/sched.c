// sched.c — the C twin of sched.go: goroutines, channels, select and the
// scheduler's failure modes, driven from C through the entry points the
// compiler will call (runtime.newproc's C sibling rt_newproc_c,
// makechan, chansend1, chanrecv1/2, closechan, selectnbsend/recv,
// selectgo, Gosched, NumGoroutine).  sched.sh runs each case here and
// in the gc-built twin and compares.  Goroutines here run C code on
// 2 KiB stacks: their frames are kept small.
#include "chan.h"

static bool streq(const byte *a, const char *b)
{
	while (*a && *a == (byte)*b)
		a++, b++;
	return *a == (byte)*b;
}

static _type t_int = {.size = 8, .align = 8, .fieldAlign = 8, .kind = KIND_INT};
static chantype ct_int = {.typ = {.size = 8, .ptrdata = 8, .kind = KIND_CHAN}, .elem = &t_int, .dir = 3};
static _type t_empty = {.size = 0, .align = 1, .kind = KIND_STRUCT};
static chantype ct_empty = {.typ = {.size = 8, .ptrdata = 8, .kind = KIND_CHAN}, .elem = &t_empty, .dir = 3};

static Hchan *mkchan(intgo n) { return makechan(&ct_int, n); }
static void send(Hchan *c, int64_t v) { chansend1(c, &v); }
static int64_t recv(Hchan *c)
{
	int64_t v = -1;
	chanrecv1(c, &v);
	return v;
}
static void go(void (*f)(void *), void *arg) { rt_newproc_c(f, arg); }

// println(s, v...) as gc prints it.
static void say(const char *s) { printlock(); rt_prints(s); printnl(); printunlock(); }
static void say1(const char *s, int64_t a)
{
	printlock(); rt_prints(s); printsp(); printint(a); printnl(); printunlock();
}
static void say2(const char *s, int64_t a, int64_t b)
{
	printlock(); rt_prints(s); printsp(); printint(a); printsp(); printint(b); printnl(); printunlock();
}
static void say2bool(const char *s, bool a, bool b)
{
	printlock(); rt_prints(s); printsp(); printbool(a); printsp(); printbool(b); printnl(); printunlock();
}
static void saybool(const char *s, int64_t a, bool b)
{
	printlock(); rt_prints(s); printsp(); printint(a); printsp(); printbool(b); printnl(); printunlock();
}

static int64_t atoi_(const byte *p)
{
	int64_t n = 0;
	for (; *p; p++)
		n = n * 10 + (*p - '0');
	return n;
}

// ---- ping-pong over unbuffered channels ---------------------------------------------

typedef struct { Hchan *ping, *pong; } PP;

static void ponger(void *arg)
{
	PP *pp = arg;
	int64_t v;
	while (chanrecv2(pp->ping, &v))
		send(pp->pong, v + 1);
	closechan(pp->pong);
}

static void pingpong(int64_t n)
{
	PP pp = {mkchan(0), mkchan(0)};
	go(ponger, &pp);
	int64_t s = 0;
	for (int64_t i = 0; i < n; i++) {
		send(pp.ping, i);
		s += recv(pp.pong);
	}
	closechan(pp.ping);
	int64_t v;
	bool ok = chanrecv2(pp.pong, &v);
	saybool("pingpong", s, ok);
}

// ---- producers and consumers on a buffered channel ----------------------------------

typedef struct { Hchan *c, *done, *results; } PC;

static void producer(void *arg)
{
	PC *pc = arg;
	for (int64_t i = 1; i <= 1000; i++)
		send(pc->c, i);
	send(pc->done, 1);
}

static void consumer(void *arg)
{
	PC *pc = arg;
	int64_t v, s = 0;
	while (chanrecv2(pc->c, &v))
		s += v;
	send(pc->results, s);
}

static void prodcons(void)
{
	PC pc = {mkchan(10), mkchan(0), mkchan(0)};
	for (int i = 0; i < 3; i++)
		go(producer, &pc);
	for (int i = 0; i < 2; i++)
		go(consumer, &pc);
	for (int i = 0; i < 3; i++)
		recv(pc.done);
	closechan(pc.c);
	int64_t total = recv(pc.results) + recv(pc.results);
	say1("prodcons", total);
}

// ---- close and range --------------------------------------------------------------------

static void ranger(void *arg)
{
	Hchan *c = arg;
	for (int64_t i = 0; i < 100; i++)
		send(c, i);
	closechan(c);
}

static void closerange(void)
{
	Hchan *c = mkchan(5);
	send(c, 7);
	send(c, 8);
	say2("lencap", chanlen(c), chancap(c));
	recv(c);
	recv(c);
	go(ranger, c);
	int64_t v, s = 0, n = 0;
	while (chanrecv2(c, &v))
		s += v, n++;
	say2("range", n, s);
	v = 99;
	bool ok = chanrecv2(c, &v);
	saybool("closed", v, ok);
	v = 99;
	SelRecv r = selectnbrecv(&v, c);
	saybool("nbclosed", v, r.selected && !r.received);
	// A buffered channel closed with values: they come first.
	Hchan *d = mkchan(3);
	send(d, 1);
	send(d, 2);
	closechan(d);
	while (chanrecv2(d, &v))
		say1("drain", v);
	// Unbuffered channel of struct{}.
	Hchan *e = makechan(&ct_empty, 0);
	closechan(e);
	saybool("empty", 0, chanrecv2(e, 0));
}

// ---- select ---------------------------------------------------------------------------

static SelectResult sel(Scase *cases, intgo nsends, intgo nrecvs, bool block)
{
	uint16_t order[2 * 8];
	return selectgo(cases, order, 0, nsends, nrecvs, block);
}

static void selectdefault(void)
{
	Hchan *a = mkchan(0), *b = mkchan(1);
	int64_t v = 0;
	SelRecv r = selectnbrecv(&v, a);
	say2bool("nbrecv", r.selected, r.received);
	saybool("nbsend", 0, selectnbsend(b, &v));
	saybool("nbsend full", 0, selectnbsend(b, &v));
	int64_t one = 1;
	Scase cs[2] = {{b, &one}, {a, &v}}; // case b <- 1, case v = <-a
	SelectResult res = sel(cs, 1, 1, false);
	saybool("select default", res.casei, res.recvOK);
	recv(b);
	Scase cs2[2] = {{b, &one}, {a, &v}};
	res = sel(cs2, 1, 1, false);
	saybool("select send", res.casei, res.recvOK);
	Scase cs3[2] = {{0, &one}, {b, &v}}; // nil send case; receive from b
	res = sel(cs3, 1, 1, true);
	saybool("select recv", res.casei, res.recvOK);
	say1("value", v);
}

static void selectdist(void)
{
	enum { N = 30000 };
	Hchan *c[3] = {mkchan(1), mkchan(1), mkchan(1)};
	for (int i = 0; i < 3; i++)
		send(c[i], i);
	int64_t count[3] = {0, 0, 0}, v;
	for (int n = 0; n < N; n++) {
		Scase cs[3] = {{c[0], &v}, {c[1], &v}, {c[2], &v}};
		SelectResult r = sel(cs, 0, 3, true);
		count[r.casei]++;
		send(c[r.casei], v);
	}
	bool ok = true;
	for (int i = 0; i < 3; i++)
		if (count[i] < N / 3 * 9 / 10 || count[i] > N / 3 * 11 / 10)
			ok = false;
	if (ok) {
		say("selectdist uniform");
	} else {
		say2("selectdist skewed", count[0], count[1]);
		say1("selectdist skewed", count[2]);
	}
}

typedef struct { Hchan *c1, *c2, *c3; } SB;

static void selhelper(void *arg)
{
	SB *sb = arg;
	send(sb->c2, 42);
	say1("helper got", recv(sb->c3));
	closechan(sb->c1);
}

static void selectblock(void)
{
	SB sb = {mkchan(0), mkchan(0), mkchan(0)};
	go(selhelper, &sb);
	for (int round = 0; round < 3; round++) {
		int64_t v = -1, out = 100 + round;
		Scase cs[3] = {{sb.c3, &out}, {sb.c1, &v}, {sb.c2, &v}};
		SelectResult r = sel(cs, 1, 2, true);
		printlock();
		rt_prints("select");
		printsp(); printint(round);
		printsp(); printint(r.casei);
		printsp(); printbool(r.recvOK);
		printsp(); printint(v);
		printnl();
		printunlock();
	}
}

// ---- many goroutines ----------------------------------------------------------------------

typedef struct { Hchan *start, *done; } MG;

static void waiter(void *arg)
{
	MG *mg = arg;
	recv(mg->start);
	send(mg->done, 1);
}

static void many(int64_t n)
{
	MG mg = {mkchan(0), mkchan(0)};
	for (int64_t i = 0; i < n; i++)
		go(waiter, &mg);
	Gosched(); // all of them block on start
	say1("many created", NumGoroutine());
	closechan(mg.start);
	for (int64_t i = 0; i < n; i++)
		recv(mg.done);
	while (NumGoroutine() > 1)
		Gosched();
	say1("many done", NumGoroutine());
}

// ---- Gosched ---------------------------------------------------------------------------------

typedef struct { const char *name; Hchan *done; } GS;

static void yielder(void *arg)
{
	GS *gs = arg;
	for (int64_t i = 0; i < 3; i++) {
		say1(gs->name, i);
		Gosched();
	}
	send(gs->done, 1);
}

static void gosched(void)
{
	Hchan *done = mkchan(0);
	GS a = {"a", done}, b = {"b", done};
	Gosched();
	go(yielder, &a);
	go(yielder, &b);
	recv(done);
	recv(done);
	say1("gosched", NumGoroutine());
}

// ---- stack growth (explicit prologue checks, as compiled Go code will have) -------------------

static inline uintptr getsp(void)
{
	uintptr sp;
	__asm__ volatile("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

#define STACKCHECK() do { while (getsp() - 256 < getg()->stackguard0) morestack_noctxt(); } while (0)

// Each frame keeps a local array and passes a pointer to it down: after
// the stack moves, every such pointer must still reach its array.
static NOINLINE int64_t deep(int64_t depth, int64_t *parent)
{
	STACKCHECK();
	volatile int64_t local[6];
	for (int i = 0; i < 6; i++)
		local[i] = depth + i;
	int64_t r = parent ? *parent : 0;
	if (depth > 0)
		r += deep(depth - 1, (int64_t *)&local[2]);
	for (int i = 0; i < 6; i++)
		if (local[i] != depth + i)
			rt_throw("stack frame corrupted by a copy");
	return r;
}

typedef struct { int64_t depth, result; uintptr size; Hchan *done; } SG;

static void grower(void *arg)
{
	SG *sg = arg;
	sg->result = deep(sg->depth, 0);
	sg->size = getg()->stack.hi - getg()->stack.lo;
	send(sg->done, 1);
}

static void stackgrow(void)
{
	SG sg = {20000, 0, 0, mkchan(0)};
	go(grower, &sg);
	recv(sg.done);
	// sum over depth 0..19999 of (depth+1+2) for every frame that had a parent
	int64_t want = 0;
	for (int64_t d = 0; d < 20000; d++)
		want += d + 1 + 2;
	saybool("stackgrow", sg.size >> 10, sg.result == want);
}

static volatile int64_t limit = 1LL << 62;

static NOINLINE int64_t forever(int64_t n)
{
	STACKCHECK();
	volatile int64_t pad[8];
	pad[0] = n;
	if (n > limit)
		return 0;
	return forever(n + 1) + pad[0];
}

static void overflower(void *arg) { forever(0); }

static void stackoverflow(void)
{
	rt_maxstacksize = 1 << 20;
	go(overflower, 0);
	recv(mkchan(0));
}

// ---- preemption through stackguard0 ------------------------------------------------------------

static volatile bool stop;
static volatile int64_t after;

static NOINLINE void checked(void) { STACKCHECK(); }

static void spinner(void *arg)
{
	for (int64_t i = 0; !stop; i++) {
		if (i == 1000)
			getg()->stackguard0 = STACK_PREEMPT; // as sysmon will
		checked();
		if (i > 1000)
			after++;
	}
	send(arg, 1);
}

static void stopper(void *arg) { stop = true; }

static void preempt(void)
{
	Hchan *done = mkchan(0);
	go(stopper, 0);
	go(spinner, done); // runs first (runnext), is preempted at i == 1000
	recv(done);
	say1("preempted, iterations after the request:", after);
}

// ---- semaphores -------------------------------------------------------------------------------

void rt_semacquire(uint32_t *addr);
void rt_semrelease(uint32_t *addr);
static uint32_t sem;
static int64_t semcount;

static void semwaiter(void *arg)
{
	rt_semacquire(&sem);
	semcount++;
	send(arg, 1);
}

static void semas(void)
{
	Hchan *done = mkchan(0);
	for (int i = 0; i < 10; i++)
		go(semwaiter, done);
	Gosched();
	say1("sema waiting", semcount);
	for (int i = 0; i < 10; i++)
		rt_semrelease(&sem);
	for (int i = 0; i < 10; i++)
		recv(done);
	say2("sema", semcount, sem);
}

// ---- deadlocks and panics ------------------------------------------------------------------------

static void sendblock(void *arg) { send(arg, 1); }
static void selectnone(void *arg) { send(arg, 1); block(); }
static void recvblock(void *arg) { recv(arg); }
static void nilsend(void *arg) { send(0, 1); }
static void nilrecv(void *arg) { recv(0); }

static void deadlock2(void)
{
	Hchan *c = mkchan(0);
	go(selectnone, c);
	go(sendblock, c);
	go(sendblock, c);
	go(recvblock, mkchan(0));
	go(nilsend, 0);
	go(nilrecv, 0);
	recv(c);
	recv(0);
}

static void closer(void *arg) { Gosched(); closechan(arg); }

static void closer2(void *arg) { closechan(arg); closechan(arg); }

static void goexiter(void *arg) { send(arg, 1); }

// ---- measurements --------------------------------------------------------------------------------

static void nop(void *arg) {}

static void counter(void *arg)
{
	Hchan *done = arg;
	send(done, 1);
}

typedef struct { int64_t n; Hchan *done; } GY;

static void gy(void *arg)
{
	GY *g = arg;
	for (int64_t i = 0; i < g->n; i++)
		Gosched();
	send(g->done, 1);
}

static void bench(void)
{
	enum { N = 1000000 };
	// Goroutine creation + run + exit.
	Hchan *done = mkchan(0);
	int64_t t0 = rt_nanotime();
	for (int i = 0; i < N; i++)
		go(nop, 0);
	go(counter, done);
	recv(done);
	while (NumGoroutine() > 1)
		Gosched();
	int64_t t1 = rt_nanotime();
	say1("bench go+exit ns", (t1 - t0) / N);
	// Switch: two goroutines calling Gosched.
	GY g = {N, done};
	t0 = rt_nanotime();
	go(gy, &g);
	go(gy, &g);
	recv(done);
	recv(done);
	t1 = rt_nanotime();
	say1("bench gosched switch ns", (t1 - t0) / (2 * N));
	// Unbuffered ping-pong: a round trip is two sends, two receives, two switches.
	PP pp = {mkchan(0), mkchan(0)};
	go(ponger, &pp);
	t0 = rt_nanotime();
	for (int64_t i = 0; i < N; i++) {
		send(pp.ping, i);
		recv(pp.pong);
	}
	t1 = rt_nanotime();
	closechan(pp.ping);
	say1("bench chan round trip ns", (t1 - t0) / N);
	// Buffered send + receive in one goroutine (no switch).
	Hchan *b = mkchan(128);
	t0 = rt_nanotime();
	for (int64_t i = 0; i < N; i++) {
		send(b, i);
		recv(b);
	}
	t1 = rt_nanotime();
	say1("bench buffered send+recv ns", (t1 - t0) / N);
	// Select on two ready channels.
	Hchan *s1 = mkchan(1), *s2 = mkchan(1);
	send(s1, 1);
	send(s2, 2);
	int64_t v;
	t0 = rt_nanotime();
	for (int64_t i = 0; i < N; i++) {
		Scase cs[2] = {{s1, &v}, {s2, &v}};
		SelectResult r = sel(cs, 0, 2, true);
		send(r.casei ? s2 : s1, v);
	}
	t1 = rt_nanotime();
	say1("bench select2+send ns", (t1 - t0) / N);
}

static int64_t readproc(const char *key)
{
	static byte buf[8192];
	int fd = sys_open("/proc/self/status", 0, 0);
	if (fd < 0)
		return -1;
	intgo n = sys_read(fd, buf, sizeof buf - 1);
	sys_close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	intgo klen = rt_findnull((const byte *)key);
	for (intgo i = 0; i + klen < n; i++) {
		if ((i == 0 || buf[i - 1] == '\n') && memcmp(buf + i, key, (size_t)klen) == 0) {
			int64_t v = 0;
			for (intgo j = i + klen; j < n && buf[j] != '\n'; j++)
				if (buf[j] >= '0' && buf[j] <= '9')
					v = v * 10 + (buf[j] - '0');
			return v;
		}
	}
	return -1;
}

static void parked(int64_t n)
{
	int64_t rss0 = readproc("VmRSS:");
	MG mg = {mkchan(0), mkchan(0)};
	int64_t t0 = rt_nanotime();
	for (int64_t i = 0; i < n; i++)
		go(waiter, &mg);
	Gosched(); // every one runs and parks on start
	int64_t t1 = rt_nanotime();
	int64_t rss1 = readproc("VmRSS:");
	printlock();
	rt_prints("parked ");
	printint(NumGoroutine() - 1);
	rt_prints(" goroutines: RSS +");
	printint((rss1 - rss0) >> 10);
	rt_prints(" MiB, ");
	printint((rss1 - rss0) * 1024 / n);
	rt_prints(" bytes each; create+park ");
	printint((t1 - t0) / n);
	rt_prints(" ns each\n");
	printunlock();
	t0 = rt_nanotime();
	closechan(mg.start);
	for (int64_t i = 0; i < n; i++)
		recv(mg.done);
	t1 = rt_nanotime();
	printlock();
	rt_prints("woken and finished: ");
	printint((t1 - t0) / n);
	rt_prints(" ns each\n");
	printunlock();
}

// The twin imports os, whose init makes gc start the finalizer goroutine
// (runfinq, goroutine 5, a system goroutine); this one stands for it, so
// that goroutine numbers agree.
static void runfinq(void *arg) { gopark(0, 0, WAIT_FINALIZER_WAIT, 0, 1); }

void gomain(void) __asm__("main.main");
void gomain(void)
{
	rt_newproc_sys(runfinq, 0);
	const byte *c = rt_argc > 1 ? rt_argv[1] : (const byte *)"";
	int64_t arg = rt_argc > 2 ? atoi_(rt_argv[2]) : 0;
	if (streq(c, "pingpong")) pingpong(1000);
	else if (streq(c, "prodcons")) prodcons();
	else if (streq(c, "closerange")) closerange();
	else if (streq(c, "selectdefault")) selectdefault();
	else if (streq(c, "selectdist")) selectdist();
	else if (streq(c, "selectblock")) selectblock();
	else if (streq(c, "many")) many(arg ? arg : 100000);
	else if (streq(c, "gosched")) gosched();
	else if (streq(c, "stackgrow")) stackgrow();
	else if (streq(c, "stackoverflow")) stackoverflow();
	else if (streq(c, "preempt")) preempt();
	else if (streq(c, "sema")) semas();
	else if (streq(c, "deadlock")) recv(mkchan(0));
	else if (streq(c, "deadlock2")) deadlock2();
	else if (streq(c, "recvnil")) recv(0);
	else if (streq(c, "sendnil")) send(0, 1);
	else if (streq(c, "selectnone")) block();
	else if (streq(c, "selectnil")) {
		int64_t v;
		Scase cs[2] = {{0, &v}, {0, &v}};
		sel(cs, 1, 1, true);
	} else if (streq(c, "goexit")) {
		Hchan *d = mkchan(1);
		go(goexiter, d);
		Goexit();
	} else if (streq(c, "sendclosed")) {
		Hchan *d = mkchan(1);
		closechan(d);
		send(d, 1);
	} else if (streq(c, "sendclosedblocked")) {
		Hchan *d = mkchan(0);
		go(closer, d);
		send(d, 1);
	} else if (streq(c, "gopanic")) {
		go(closer2, mkchan(0));
		recv(mkchan(0));
	} else if (streq(c, "closeclosed")) {
		Hchan *d = mkchan(0);
		closechan(d);
		closechan(d);
	} else if (streq(c, "closenil")) closechan(0);
	else if (streq(c, "selectclosed")) {
		Hchan *d = mkchan(0);
		closechan(d);
		int64_t v = 1;
		Scase cs[1] = {{d, &v}};
		sel(cs, 1, 0, true);
	} else if (streq(c, "makechanneg")) mkchan(arg - 1);
	else if (streq(c, "bench")) bench();
	else if (streq(c, "parked")) parked(arg ? arg : 1000000);
	else say("unknown case");
}
