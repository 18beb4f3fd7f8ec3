#!/bin/bash
# traceback.sh — goroutine tracebacks against gc's (runtime/traceback.c,
# the linker's runtime.functab).  Each tests/runtime/traceback/*.go
# program dies (panics, faults, deadlocks); it is built with goc and with
# gc (-gcflags=-l: goc does not inline, so gc's frames must not be
# inlined either), both run, and the whole output and exit status must be
# equal after masking what legitimately differs: hex words (argument
# values, addresses, pc=; not the fault address of a [signal ...] line:
# nil checks folded into loads fault at the field's offset, as gc's),
# goroutine ids but 1 (gc starts more runtime
# goroutines), the +0x offsets of return pcs (code differs;
# an offset is absent when the pc is the entry), and the file:line of
# runtime frames (gc: GOROOT/src/runtime/panic.go, goc: runtime/panic.c).
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/runtime-traceback
mkdir -p "$OUT"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }
norm() {
	sed -E 's/addr=0x([0-9a-f]+)/addr=<\1>/; s/0x[0-9a-f]+\??/X/g; s/^goroutine ([2-9]|[1-9][0-9]+) /goroutine N /; s/ \+X$//; s#^\t(/[^ ]*/src/)?runtime/[a-z_0-9]+\.(go|c):[0-9]+#\tRUNTIME#'
}

for src in tests/runtime/traceback/*.go; do
	name=$(basename "$src" .go)
	if [ ! -x "$OUT/$name.gc" ] || [ "$src" -nt "$OUT/$name.gc" ]; then
		"$GO" build -gcflags=-l -o "$OUT/$name.gc" "$src" || { bad "$name (gc build)"; continue; }
	fi
	if ! "$GOC" build -o "$OUT/$name" "$src" 2>"$OUT/$name.berr"; then
		bad "$name (goc build)"
		head -3 "$OUT/$name.berr"
		continue
	fi
	"$OUT/$name.gc" >"$OUT/$name.gcout" 2>&1
	want_rc=$?
	timeout 20 "$OUT/$name" >"$OUT/$name.out" 2>&1
	rc=$?
	norm <"$OUT/$name.gcout" >"$OUT/$name.want"
	norm <"$OUT/$name.out" >"$OUT/$name.got"
	if [ "$rc" != "$want_rc" ]; then
		bad "$name: exit status $rc, gc's $want_rc"
		head -5 "$OUT/$name.out"
	elif ! cmp -s "$OUT/$name.want" "$OUT/$name.got"; then
		bad "$name: output differs from gc's"
		diff "$OUT/$name.want" "$OUT/$name.got" | head -20
	else
		ok "$name"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
