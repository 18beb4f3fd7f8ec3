#!/bin/bash
# run.sh — tests of the lowering to SSA (src/ssagen): Go programs are
# lowered, run through every pass with the IR checker on (-d
# ssa/check/on), and executed by the SSA interpreter (goc tool ssa
# -exec); the output and exit status must be what the same program
# built by gc gives (a panic's output is compared up to its traceback).
#
#   1. tests/ssagen/testdata/*.go, each against gc's build of it;
#   2. GOROOT/test `// run` tests that import nothing (gorootruns.sh):
#      how many lower without "not implemented", how many give the
#      output of their .out file exactly (as GOROOT/test/run.go);
#      tests/ssagen/goroot.pass lists those expected to pass: one that
#      stops passing is a failure (UPDATE=1 rewrites the list).
# Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
GOC=${GOC:-$ROOT/bin/goc}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export GOCACHE=$ROOT/build/gocache GOFLAGS=-mod=mod GO111MODULE=off
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# output up to a panic's traceback, and the exit status
normalize() { # file rc
	awk '/^goroutine [0-9]+ \[/ || /^\[signal / { exit } { print }' "$1"
	echo "exit $2"
}

# ---- 1. own programs against gc ----
for f in tests/ssagen/testdata/*.go; do
	n=$(basename "$f" .go)
	if ! "$GO" build -o "$T/$n.gc" "$f" 2>"$T/$n.gcerr"; then
		bad "$n: gc cannot build it: $(head -3 "$T/$n.gcerr")"
		continue
	fi
	"$T/$n.gc" >"$T/$n.want.raw" 2>&1
	normalize "$T/$n.want.raw" $? >"$T/$n.want"
	timeout 60 "$GOC" tool ssa -exec -d ssa/check/on "$f" >"$T/$n.got.raw" 2>&1
	normalize "$T/$n.got.raw" $? >"$T/$n.got"
	if cmp -s "$T/$n.want" "$T/$n.got"; then
		ok
	else
		bad "$n: output differs from gc's"
		diff "$T/$n.want" "$T/$n.got" | head -10
	fi
done
echo "testdata: $pass passed, $fail failed"

# ---- 2. GOROOT/test run tests ----
tests/ssagen/gorootruns.sh >"$T/runs"
total=$(wc -l <"$T/runs")
lowered=0 runok=0
: >"$T/pass"
: >"$T/unimpl"
while read -r f; do
	dir=$GOROOT_SRC/$(dirname "$f")
	b=$(basename "$f")
	out=$(cd "$dir" && timeout 20 "$GOC" tool ssa -exec -d ssa/check/on "$b" 2>&1)
	rc=$?
	if echo "$out" | grep -q "internal compiler error: ssagen: not implemented"; then
		echo "$out" | grep -m 1 "not implemented" | sed 's/.*not implemented: //' >>"$T/unimpl"
		continue
	fi
	lowered=$((lowered + 1))
	want=""
	[ -f "$dir/${b%.go}.out" ] && want=$(cat "$dir/${b%.go}.out")
	if [ $rc = 0 ] && [ "$out" = "$want" ]; then
		runok=$((runok + 1))
		echo "$f" >>"$T/pass"
	fi
done <"$T/runs"
echo "goroot: $total run tests without imports, $lowered lowered without 'not implemented', $runok ran with the right output"
echo "goroot: most frequent constructs not implemented:"
sort "$T/unimpl" | uniq -c | sort -rn | head -8
if [ "${UPDATE:-}" = 1 ]; then
	cp "$T/pass" tests/ssagen/goroot.pass
fi
if [ -f tests/ssagen/goroot.pass ]; then
	while read -r f; do
		if grep -qx "$f" "$T/pass"; then ok; else bad "$f no longer passes"; fi
	done <tests/ssagen/goroot.pass
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
