#!/bin/bash
# gocases.sh — Go programs (tests/runtime/gocases/*.go) that exercise the
# runtime through compiled code: panics with values of each kind, nil
# dereferences (the SIGSEGV handler), complex division.  Each is built
# with goc and with gc; both run, and their output (stdout and stderr, up
# to the goroutine header: tracebacks need the function table) and exit
# status must be equal.  Addresses in "pc=0x...", "(T) 0x..." and a
# stale [signal] line's "code=SP addr=PC" (gc's recovery leaves them) are
# masked, and so are goroutine numbers other than 1 (gc's vary from run
# to run: 5 or 17 for the first goroutine main starts).  A line
# `// env: NAME=VALUE ...` in a program sets its environment for both runs
# (GOMAXPROCS=1: gc's scheduling order without the stop-the-world of a
# runtime.GOMAXPROCS call, which lets another thread race).  Where gc
# itself is wrong, NAME.out holds the output the specification requires
# and is compared instead of gc's (the program's comment names gc's bug).
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/runtime-gocases
mkdir -p "$OUT"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }
norm() { sed -nE '1,/^goroutine [0-9]+ \[.*\]:$/p' | sed -E 's/pc=0x[0-9a-f]+/pc=PC/; s/code=0x[0-9a-f]{6,} addr=0x[0-9a-f]+/code=SP addr=PC/; s/^goroutine ([02-9]|[0-9]{2,}) \[/goroutine N [/; s/^(panic: \(.*\)) 0x[0-9a-f]+/\1 ADDR/'; }

for src in tests/runtime/gocases/*.go; do
	name=$(basename "$src" .go)
	if [ ! -x "$OUT/$name.gc" ] || [ "$src" -nt "$OUT/$name.gc" ]; then
		"$GO" build -o "$OUT/$name.gc" "$src" || { bad "$name (gc build)"; continue; }
	fi
	if ! "$GOC" build -o "$OUT/$name" "$src" 2>"$OUT/$name.berr"; then
		bad "$name (goc build)"
		head -3 "$OUT/$name.berr"
		continue
	fi
	env=$(sed -n 's|^// env: ||p' "$src")
	if [ -f "tests/runtime/gocases/$name.out" ]; then
		cp "tests/runtime/gocases/$name.out" "$OUT/$name.want"
		want_rc=0
	else
		env $env "$OUT/$name.gc" 2>&1 | norm >"$OUT/$name.want"
		want_rc=${PIPESTATUS[0]}
	fi
	env $env timeout 20 "$OUT/$name" 2>&1 | norm >"$OUT/$name.got"
	rc=${PIPESTATUS[0]}
	if [ "$rc" != "$want_rc" ]; then
		bad "$name: exit status $rc, gc's $want_rc"
		head -5 "$OUT/$name.got"
	elif ! cmp -s "$OUT/$name.want" "$OUT/$name.got"; then
		bad "$name: output differs from the expected (gc's or $name.out)"
		diff "$OUT/$name.want" "$OUT/$name.got" | head -10
	else
		ok "$name"
	fi
done
# the collector shrinks stacks: gc_shrinkstack's 200 waiting goroutines
# move to smaller stacks at its collections
if [ -x "$OUT/gc_shrinkstack" ]; then
	shrinks=$(GODEBUG=stackcopy=1 "$OUT/gc_shrinkstack" 2>&1 | awk '/^stackcopy: goroutine/ && $4 + 0 > $6 + 0 { n++ } END { print n + 0 }')
	if [ "$shrinks" -ge 200 ]; then
		ok "gc_shrinkstack: $shrinks stacks shrunk at collections"
	else
		bad "gc_shrinkstack: $shrinks stacks shrunk (want 200 or more)"
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
