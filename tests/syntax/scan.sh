#!/bin/bash
# scan.sh — the scanner's tests.
#
#  1. Token compare: `goc tool syntax -tokens` against go/scanner (through
#     the oracle tests/oracle/tokdump.go, built here with gc) over every
#     file of tests/syntax/accept.list (GOROOT/src and GOROOT/test files
#     that go/parser accepts).  One check per file.
#  2. Golden tests in tests/syntax/scan/: for X.go, X.err holds gc's
#     errors for it (`go tool compile -o /tmp/x.o X.go`; inputs where gc
#     reports only scanner errors, fewer than 10) and must equal what goc
#     prints on stderr for `goc tool syntax -tokens X.go`; X.tokens holds
#     the oracle's dump and must equal goc's.  REGEN=1 rewrites the
#     existing .err and .tokens files from gc and the oracle (to add a test,
#     create an empty X.err or X.tokens and run with REGEN=1).
#  3. Bounds: tests/syntax/scan/scanbench.c built with ASan+UBSan scans the
#     golden inputs, every prefix of them, and every file of the accept and
#     reject lists, each from an allocation of exactly len+1 bytes.
#  4. Speed (information only, not a test): scanning GOROOT/src with goc's
#     scanner and with go/scanner, single-threaded, files read first.
#     SCAN_BENCH=0 skips it.
#
# Prints "N passed, N failed" at the end; exits 1 if anything failed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
GO=${GO:-/usr/lib/go-1.19/bin/go}
export GO111MODULE=off GOCACHE=${GOCACHE:-$ROOT/build/gocache}
CC=${CC:-cc}
B=build/scantest
mkdir -p $B build/oracle
pass=0 fail=0

make -s all || exit 2
"$GO" build -o build/oracle/tokdump tests/oracle/tokdump.go || exit 2

# 1. token compare
(cd "$GOROOT_SRC" && "$ROOT/bin/goc" tool syntax -tokens -list "$ROOT/tests/syntax/accept.list" >"$ROOT/$B/goc.tokens" 2>"$ROOT/$B/goc.stderr")
(cd "$GOROOT_SRC" && "$ROOT/build/oracle/tokdump" -compare "$ROOT/$B/goc.tokens" -list "$ROOT/tests/syntax/accept.list") >$B/compare.out
echo "token compare (goc vs go/scanner, tests/syntax/accept.list): $(tail -1 $B/compare.out)"
grep '^FAIL' $B/compare.out | head -20
if [ -s $B/goc.stderr ]; then
	echo "  goc reported errors on accepted files:"
	head -5 $B/goc.stderr | sed 's/^/    /'
fi
read -r p f _ < <(tail -1 $B/compare.out | sed 's/ passed, / /; s/ failed.*//')
pass=$((pass + p)) fail=$((fail + f))

# 2. golden tests
gp=0 gf=0
cd tests/syntax/scan || exit 2
for src in *.go; do
	x=${src%.go}
	if [ "${REGEN:-0}" = 1 ]; then
		[ -f "$x.err" ] && "$GO" tool compile -o "$ROOT/$B/gc.o" "$src" >"$x.err" 2>&1
		[ -f "$x.tokens" ] && "$ROOT/build/oracle/tokdump" "$src" >"$x.tokens"
	fi
	ok=1
	"$ROOT/bin/goc" tool syntax -tokens "$src" >"$ROOT/$B/$x.out" 2>"$ROOT/$B/$x.errout"
	if [ -f "$x.err" ] && ! cmp -s "$x.err" "$ROOT/$B/$x.errout"; then
		echo "FAIL golden $x.err:"
		diff "$x.err" "$ROOT/$B/$x.errout" | head -10
		ok=0
	fi
	if [ -f "$x.tokens" ] && ! cmp -s "$x.tokens" "$ROOT/$B/$x.out"; then
		echo "FAIL golden $x.tokens:"
		diff "$x.tokens" "$ROOT/$B/$x.out" | head -10
		ok=0
	fi
	if [ $ok = 1 ]; then gp=$((gp + 1)); else gf=$((gf + 1)); fi
done
cd "$ROOT" || exit 2
echo "golden tests (tests/syntax/scan): $gp passed, $gf failed"
pass=$((pass + gp)) fail=$((fail + gf))

# 3. bounds and sanitizers
SB_SRCS="tests/syntax/scan/scanbench.c src/base/*.c src/syntax/scan.c src/syntax/token.c src/syntax/unitab.c"
ASAN_FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
# shellcheck disable=SC2086
if $CC -std=c11 -D_GNU_SOURCE $ASAN_FLAGS -o $B/scanbench-asan $SB_SRCS 2>$B/asan-build.log; then
	if $B/scanbench-asan -prefixes tests/syntax/scan/*.go >$B/asan.out 2>&1; then
		echo "asan (golden inputs and all their prefixes): ok, $(cat $B/asan.out)"
		pass=$((pass + 1))
	else
		echo "FAIL asan (golden inputs and prefixes):"
		head -30 $B/asan.out
		fail=$((fail + 1))
	fi
	if (cd "$GOROOT_SRC" && "$ROOT/$B/scanbench-asan" -check -list "$ROOT/tests/syntax/accept.list" \
		-list "$ROOT/tests/syntax/reject.list") >$B/asan-all.out 2>&1; then
		echo "asan (every file of accept.list and reject.list): ok, $(cat $B/asan-all.out)"
		pass=$((pass + 1))
	else
		echo "FAIL asan (every file of accept.list and reject.list):"
		head -30 $B/asan-all.out
		fail=$((fail + 1))
	fi
else
	echo "(no sanitizer build: $(head -1 $B/asan-build.log))"
fi

# 4. speed
if [ "${SCAN_BENCH:-1}" = 1 ]; then
	# shellcheck disable=SC2086
	$CC -std=c11 -D_GNU_SOURCE -O2 -o $B/scanbench $SB_SRCS
	grep '^src/' tests/syntax/accept.list >$B/src.list
	g=$(cd "$GOROOT_SRC" && "$ROOT/$B/scanbench" -n 5 -list "$ROOT/$B/src.list")
	o=$(cd "$GOROOT_SRC" && "$ROOT/build/oracle/tokdump" -time -n 5 -list "$ROOT/$B/src.list")
	echo "speed, GOROOT/src, best of 5: $g; $o"
	awk -v g="$g" -v o="$o" 'BEGIN {
		split(g, a, ", "); split(o, b, ", ");
		sub(/ s.*/, "", a[3]); sub(/ s.*/, "", b[3]);
		if (a[3] > 0) printf "speed: goc scanner %.1fx go/scanner\n", b[3] / a[3] }'
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
