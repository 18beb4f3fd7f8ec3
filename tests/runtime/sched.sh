#!/bin/bash
# sched.sh — tests of goroutines, channels, select and the scheduler
# (runtime/proc.c, stack.c, chan.c, select.c, sema.c).  sched.c drives the
# runtime from C (goroutines running C functions, linked with the runtime
# alone, no libc); sched.go is its twin, built with gc and run with
# GOMAXPROCS=1 so that scheduling order is comparable.  Three kinds:
#   out     the whole output and the exit status must equal gc's;
#   fatal   deadlocks and panics: the "fatal error:"/"panic:" lines, the
#           goroutine headers (ids and wait reasons, in order) and the exit
#           status must equal gc's (frames need the linker's tables);
#   expect  C-only cases (stack growth, preemption, semaphores).
# sched.sh -bench [N]: the measurements of docs/runtime.md, goc vs gc
# (creation, switches, channel round trips, memory per parked goroutine
# with N parked goroutines, default 1000000).
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s runtime >/dev/null || { echo "make runtime failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/runtime-tests
mkdir -p "$OUT"
RT_CFLAGS="-std=gnu11 -O2 -Iruntime -ffreestanding -fno-pic -fno-pie -fno-stack-protector -mno-red-zone -ffixed-r14 -fcf-protection=none -Wall -Wextra -Wno-unused-parameter -Werror"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }

gcc $RT_CFLAGS -c -o "$OUT/sched.o" tests/runtime/sched.c &&
	gcc -static -nostdlib -nostartfiles -no-pie -o "$OUT/sched" "$OUT/sched.o" build/runtime/libgocrt.a ||
	{ bad "sched (build)"; echo "$pass passed, $fail failed"; exit 1; }
if [ ! -x "$OUT/sched.gc" ] || [ tests/runtime/sched.go -nt "$OUT/sched.gc" ]; then
	"$GO" build -o "$OUT/sched.gc" tests/runtime/sched.go || { bad "sched (gc build)"; exit 1; }
fi

if [ "${1:-}" = -bench ]; then
	n=${2:-1000000}
	for b in sched sched.gc; do
		echo "== $b"
		"$OUT/$b" bench 2>&1
		"$OUT/$b" parked "$n" 2>&1
		GOMAXPROCS=1 "$OUT/$b" bench 2>&1 | sed 's/^/GOMAXPROCS=1 /'
	done
	exit 0
fi

# run NAME CASE: both programs; leaves $OUT/sched.CASE.{got,want} and rc/want_rc
run() {
	GOMAXPROCS=1 timeout 60 "$OUT/sched.gc" $1 >"$OUT/sched.$1.want" 2>&1
	want_rc=$?
	timeout 60 "$OUT/sched" $1 >"$OUT/sched.$1.got" 2>&1
	rc=$?
}

# The lines compared for fatal errors.  Goroutines 2-4 are gc's forcegc,
# bgsweep and bgscavenge, which goc does not have yet (shown by gc only
# at runtime throws).
filter() {
	grep -E '^(fatal error: |panic: |goroutine [0-9]+ \[|runtime: goroutine stack exceeds|runtime stack:)' "$1" |
		grep -Ev '^goroutine [234] \['
}

out() {
	local c
	for c in "$@"; do
		run "$c"
		if [ "$rc" != "$want_rc" ]; then
			bad "$c: exit status $rc, gc's $want_rc"; head -5 "$OUT/sched.$c.got"
		elif ! cmp -s "$OUT/sched.$c.want" "$OUT/sched.$c.got"; then
			bad "$c: output differs from gc's"; diff "$OUT/sched.$c.want" "$OUT/sched.$c.got" | head -10
		else
			ok "$c"
		fi
	done
}

fatal() {
	local c
	for c in "$@"; do
		run "$c"
		if [ "$rc" != "$want_rc" ]; then
			bad "$c: exit status $rc, gc's $want_rc"; head -5 "$OUT/sched.$c.got"
		elif ! diff <(filter "$OUT/sched.$c.want") <(filter "$OUT/sched.$c.got") >"$OUT/sched.$c.diff"; then
			bad "$c: differs from gc's"; head -10 "$OUT/sched.$c.diff"
		elif [ "$(head -c 1 "$OUT/sched.$c.got")" = "" ]; then
			bad "$c: no output"
		else
			ok "$c"
		fi
	done
}

# expect CASE STATUS OUTPUT
expect() {
	timeout 60 "$OUT/sched" $1 >"$OUT/sched.$1.got" 2>&1
	rc=$?
	if [ "$rc" != "$2" ]; then
		bad "$1: exit status $rc, want $2"; head -5 "$OUT/sched.$1.got"
	elif [ "$(cat "$OUT/sched.$1.got")" != "$3" ]; then
		bad "$1: output"; printf 'want:\n%s\ngot:\n%s\n' "$3" "$(cat "$OUT/sched.$1.got")"
	else
		ok "$1"
	fi
}

out pingpong prodcons closerange selectdefault selectdist selectblock many gosched
fatal deadlock deadlock2 recvnil sendnil selectnone selectnil goexit \
	sendclosed sendclosedblocked gopanic closeclosed closenil selectclosed makechanneg stackoverflow
expect stackgrow 0 "stackgrow 2048 true"
expect preempt 0 "preempted, iterations after the request: 0"
expect sema 0 "sema waiting 0
sema 10 0"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
