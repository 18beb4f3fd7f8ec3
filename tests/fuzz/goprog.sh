#!/bin/bash
# goprog.sh [N] [SEED] — differential testing of goc's native compiler
# against gc with random programs.  For seeds SEED..SEED+N-1 (default 30
# programs from seed 1), tests/oracle/goprog.go (with goprogstd.go) writes
# a deterministic Go program that uses fmt, strings, strconv, sort, errors,
# bytes, unicode/utf8 and math (GOPROG_STD=PCT, default 10: the share of
# statement positions given a standard-library statement; GOPROG_STD=0: the
# import-free programs of the same seeds); gc and goc build it (goc with
# GOCCACHE=off: the standard library is compiled from source for each
# program); both binaries run, and their
# output (stdout and stderr) and exit status must be equal.  A goc build
# failure (an internal compiler error, a crash) is a failure too; a program
# gc rejects is a generator bug and fails as well.  When goc and gc
# disagree but gc built with -gcflags='-N -l' agrees with goc, the program
# is counted as a bug of gc's optimiser (passes; kept as
# build/goprog/gcbug-SEED.go).
#
# Each failing program is kept as build/goprog/fail-SEED.go; with REDUCE=1
# it is also reduced (tests/oracle/reduce.go: line deletion while the same
# kind of failure remains) into build/goprog/fail-SEED.min.go.
# GOPROG_AVOID=... leaves out shapes of known bugs (tests/oracle/goprog.go);
# a long campaign can run a frozen generator and goc (GOPROG_GEN=binary,
# GOC=a copy of bin/goc with build/runtime/libgocrt.a at ../build/runtime)
# while the tree is rebuilt.
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
N=${1:-30}
SEED=${2:-1}
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
GEN=${GOPROG_GEN:-$(oracle goprog tests/oracle/goprog.go tests/oracle/goprogstd.go)} || exit 2
OUT=$ROOT/build/goprog
W=$OUT/work.$$
mkdir -p "$W"
trap 'rm -rf "$W"' EXIT
norm() { sed -nE '1,/^goroutine [0-9]+ \[.*\]:$/p' | sed -E 's/pc=0x[0-9a-f]+/pc=PC/; s/code=0x[0-9a-f]{6,} addr=0x[0-9a-f]+/code=SP addr=PC/; s/^goroutine [0-9]+ \[/goroutine N [/; s/^(\t?panic: \(.*\)) 0x[0-9a-f]+/\1 ADDR/'; }

# check SRC DIR: prints nothing and exits 0 when goc and gc agree on SRC;
# otherwise prints the kind of failure (first line) and details, exit 1.
# Exit 2: gc rejects SRC or it does not finish under gc.
check() {
	local src=$1 d=$2
	rm -f "$d/gc" "$d/goc"
	if ! "$GO" build -o "$d/gc" "$src" >"$d/gc.err" 2>&1; then
		echo "gc-rejects"
		head -5 "$d/gc.err"
		return 2
	fi
	timeout 10 "$d/gc" 2>&1 | norm >"$d/want"
	local want_rc=${PIPESTATUS[0]}
	[ "$want_rc" = 124 ] && { echo "gc-timeout"; return 2; }
	if ! timeout 60 "$GOC" build -o "$d/goc" "$src" >"$d/goc.err" 2>&1; then
		echo "goc-build: $(grep -m1 -oE 'internal compiler error.*|Segmentation.*|Assertion.*|error.*' "$d/goc.err" | sed -E 's/[0-9]+//g' | cut -c1-80)"
		head -5 "$d/goc.err"
		return 1
	fi
	timeout 10 "$d/goc" 2>&1 | norm >"$d/got"
	local rc=${PIPESTATUS[0]}
	if [ "$rc" != "$want_rc" ] || ! cmp -s "$d/want" "$d/got"; then
		# gc's optimiser has bugs too: when gc without optimisation and
		# inlining agrees with goc, the program is gc's problem
		if "$GO" build -gcflags='-N -l' -o "$d/gcN" "$src" >/dev/null 2>&1; then
			timeout 10 "$d/gcN" 2>&1 | norm >"$d/wantN"
			if [ "${PIPESTATUS[0]}" = "$rc" ] && cmp -s "$d/wantN" "$d/got"; then
				echo "gc-bug"
				diff "$d/want" "$d/got" | head -4
				return 3
			fi
		fi
	fi
	if [ "$rc" != "$want_rc" ]; then
		echo "exit-status"
		echo "goc's exit status $rc, gc's $want_rc"
		diff "$d/want" "$d/got" | head -8
		return 1
	fi
	if ! cmp -s "$d/want" "$d/got"; then
		echo "output"
		diff "$d/want" "$d/got" | head -8
		return 1
	fi
	return 0
}

# reduce-test mode: goprog.sh --same KIND FILE (used by the reducer)
if [ "${1:-}" = --same ]; then
	d=$W/r
	mkdir -p "$d"
	cp "$3" "$d/p.go"
	k=$(check "$d/p.go" "$d" | head -1)
	[ "$k" = "$2" ]
	exit
fi

pass=0 fail=0 gcbugs=0
for ((i = 0; i < N; i++)); do
	s=$((SEED + i))
	"$GEN" "$s" >"$W/p.go"
	res=$(check "$W/p.go" "$W")
	case $? in
	0)
		pass=$((pass + 1))
		continue
		;;
	3) # gc -N -l agrees with goc: gc's bug, kept but not a failure
		pass=$((pass + 1))
		gcbugs=$((gcbugs + 1))
		cp "$W/p.go" "$OUT/gcbug-$s.go"
		echo "gc bug (gc -N -l agrees with goc): seed $s, kept as $OUT/gcbug-$s.go"
		continue
		;;
	esac
	fail=$((fail + 1))
	kind=$(echo "$res" | head -1)
	cp "$W/p.go" "$OUT/fail-$s.go"
	echo "FAIL seed $s: $res"
	if [ "${REDUCE:-0}" = 1 ] && [ "${kind#gc-}" = "$kind" ]; then
		cp "$W/p.go" "$OUT/fail-$s.min.go"
		RED=$(oracle reduce) && "$RED" "$OUT/fail-$s.min.go" "$0" --same "$kind"
		echo "  reduced: $OUT/fail-$s.min.go ($(wc -l <"$OUT/fail-$s.min.go") lines)"
	fi
done
[ "$gcbugs" != 0 ] && echo "$gcbugs programs where gc's optimised build is wrong"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
