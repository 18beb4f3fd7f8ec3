// lock_futex.c — the runtime's mutex (three states, futex sleep/wake, as
// in Drepper's "Futexes Are Tricky" and gc's lock_futex.go) and fastrand.
#include "rt.h"

enum { FUTEX_WAIT_PRIVATE = 128, FUTEX_WAKE_PRIVATE = 129 };

void lock(Mutex *l)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(&l->key, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	for (int spin = 0; spin < 4; spin++) {
		for (int i = 0; i < 30; i++)
			__builtin_ia32_pause();
		c = 0;
		if (__atomic_compare_exchange_n(&l->key, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
	}
	// Sleep: mark the lock as contended (2) so that unlock wakes us.
	while (__atomic_exchange_n(&l->key, 2, __ATOMIC_ACQUIRE) != 0)
		sys_futex(&l->key, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
}

void unlock(Mutex *l)
{
	uint32_t old = __atomic_exchange_n(&l->key, 0, __ATOMIC_RELEASE);
	if (old == 0)
		rt_throw("unlock of unlocked lock");
	if (old == 2)
		sys_futex(&l->key, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
}

// fastrand: wyrand on the M's state, as gc 1.19 does on 64-bit.
uint32_t rt_fastrand(void)
{
	G *gp = getg();
	M *mp = gp ? gp->m : &rt_m0;
	mp->fastrand += 0xa0761d6478bd642fULL;
	__uint128_t r = (__uint128_t)mp->fastrand * (mp->fastrand ^ 0xe7037ed1a0b428dbULL);
	return (uint32_t)((uint64_t)(r >> 64) ^ (uint64_t)r);
}

// ---- notes -----------------------------------------------------------------
// key is 0 until notewakeup sets it to 1; sleepers wait on the futex while
// it is 0.  Used by idle Ms (stopm/startm) once there are several threads.

void noteclear(Note *n) { __atomic_store_n(&n->key, 0, __ATOMIC_RELEASE); }

void notewakeup(Note *n)
{
	if (__atomic_exchange_n(&n->key, 1, __ATOMIC_ACQ_REL) != 0)
		rt_throw("notewakeup - double wakeup");
	sys_futex(&n->key, FUTEX_WAKE_PRIVATE, 1u << 30, 0, 0, 0);
}

void notesleep(Note *n)
{
	while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0)
		sys_futex(&n->key, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0);
}

bool notetsleep(Note *n, int64_t ns)
{
	if (ns < 0) {
		notesleep(n);
		return true;
	}
	int64_t deadline = rt_nanotime() + ns;
	while (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) == 0) {
		struct { int64_t sec, nsec; } ts = {ns / 1000000000, ns % 1000000000};
		sys_futex(&n->key, FUTEX_WAIT_PRIVATE, 0, &ts, 0, 0);
		if (__atomic_load_n(&n->key, __ATOMIC_ACQUIRE) != 0)
			break;
		ns = deadline - rt_nanotime();
		if (ns <= 0)
			return false;
	}
	return true;
}
