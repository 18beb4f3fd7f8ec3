#!/bin/bash
# run.sh — programs importing the standard library, compiled from
# GOROOT's source by goc (issue 10), against gc.
#   programs   tests/std/progs/*.go are built with goc and with gc; both
#              run, and their output (stdout and stderr) and exit status
#              must be equal.
#   deadcode   the linker's dead-code elimination: nm shows dropped and
#              kept symbols of progs/deadcode_reflect.go and
#              deadcode/hello.go; hello's size is reported next to gc's
#              and checked against a fixed bound
#   heapprof   heapprof/heapprof.go writes a heap profile with
#              runtime/pprof; gc's `go tool pprof -top` reads it and its
#              two top entries are the allocating functions, as with gc
#   build std  `goc build std` succeeds, as `go build std`
#   packages   every importable package of `go list std` (not internal,
#              not vendor; 152, those gc builds so) is imported blank
#              (`import _ "P"`) into an empty main, built by goc and run
#              (exit 0, no output); the
#              count is printed ("std: N of M packages build and run"),
#              and tests/std/packages.pass lists the packages that must
#              (a ratchet: `run.sh -update` rewrites it).  A package goc
#              cannot build yet is refused at the import with
#              "not implemented yet: imports (PATH)" (docs/load.md).
# Prints "N passed, N failed" (a program or a package of the ratchet each).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/std
mkdir -p "$OUT"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }
update=false
[ "${1:-}" = -update ] && update=true

for src in tests/std/progs/*.go; do
	name=$(basename "$src" .go)
	if [ ! -x "$OUT/$name.gc" ] || [ "$src" -nt "$OUT/$name.gc" ]; then
		"$GO" build -o "$OUT/$name.gc" "$src" || { bad "$name (gc build)"; continue; }
	fi
	if ! "$GOC" build -o "$OUT/$name" "$src" 2>"$OUT/$name.berr"; then
		bad "$name (goc build)"
		head -5 "$OUT/$name.berr"
		continue
	fi
	"$OUT/$name.gc" >"$OUT/$name.want" 2>&1
	want_rc=$?
	timeout 30 "$OUT/$name" >"$OUT/$name.got" 2>&1
	rc=$?
	if [ "$rc" != "$want_rc" ]; then
		bad "$name: exit status $rc, gc's $want_rc"
		head -5 "$OUT/$name.got"
	elif ! cmp -s "$OUT/$name.want" "$OUT/$name.got"; then
		bad "$name: output differs from gc's"
		diff "$OUT/$name.want" "$OUT/$name.got" | head -10
	else
		ok "$name"
	fi
done

# dead-code elimination (src/link/deadcode.c): what nothing reaches is
# not in the binary; a method reached by reflection (deadcode_reflect,
# compared with gc above) or through a called interface method stays.
nmhas() { # BINARY SYMBOL yes|no
	local has=no
	nm "$1" 2>/dev/null | awk '{print $NF}' | grep -qxF "$2" && has=yes
	if [ "$has" = "$3" ]; then
		ok "deadcode: $2 in $(basename "$1"): $3"
	else
		bad "deadcode: $2 in $(basename "$1"): $has, want $3"
	fi
}
if [ -x "$OUT/deadcode_reflect" ]; then
	nmhas "$OUT/deadcode_reflect" main.T.Hello yes
	nmhas "$OUT/deadcode_reflect" main.neverCalled no
	nmhas "$OUT/deadcode_reflect" main.T.unused no
fi
# hello with fmt: sizes reported (goc's against gc's), a generous bound
# checked (2 MB; gc 1.19's is 1.82 MB)
H=$OUT/hello
if "$GOC" build -o "$H" tests/std/deadcode/hello.go 2>"$H.berr" &&
	"$GO" build -o "$H.gc" tests/std/deadcode/hello.go; then
	if [ "$("$H" 2>&1)" = "hello, world U(u)" ]; then ok "deadcode: hello runs"; else bad "deadcode: hello's output"; fi
	nmhas "$H" main.neverCalled no
	nmhas "$H" main.U.Str no
	nmhas "$H" main.U.String yes
	gocsz=$(stat -c %s "$H") gcsz=$(stat -c %s "$H.gc")
	secs() { size -A "$1" | awk '$1 ~ /^\.(text|rodata|debug_info|debug_line)$/ {printf " %s %d", $1, $2}'; }
	echo "size: hello with fmt: goc $gocsz bytes ($(secs "$H") ), gc $gcsz bytes ($(secs "$H.gc") )"
	if [ "$gocsz" -le 2000000 ]; then ok "deadcode: hello is $gocsz bytes (bound 2000000)"; else bad "deadcode: hello is $gocsz bytes (bound 2000000)"; fi
else
	bad "deadcode: hello (build)"
	head -5 "$H.berr"
fi

# packages: each imported alone
W=$OUT/pkgs
rm -rf "$W"
mkdir -p "$W"
# importable: not internal, not vendored; time/tzdata is left out as gc
# cannot link it alone either (its //go:linkname needs package time)
pkgs=$(GOOS=linux GOARCH=amd64 CGO_ENABLED=0 "$GO" list std | grep -v -e '^internal/' -e '/internal/' -e '/internal$' -e '^vendor/' -e '^time/tzdata$')
total=0 good=0
: >"$W/pass"
for p in $pkgs; do
	total=$((total + 1))
	d=$W/$(echo "$p" | tr / _)
	mkdir -p "$d"
	printf 'package main\n\nimport _ "%s"\n\nfunc main() {}\n' "$p" >"$d/main.go"
	if (cd "$d" && timeout 120 "$GOC" build -o "$d/exe" main.go) >"$d/err" 2>&1 &&
		timeout 20 "$d/exe" >"$d/out" 2>&1 && [ ! -s "$d/out" ]; then
		good=$((good + 1))
		echo "$p" >>"$W/pass"
	fi
done
echo "std: $good of $total packages build and run"
if $update; then
	cp "$W/pass" tests/std/packages.pass
	echo "updated tests/std/packages.pass"
fi
# the heap profile, read by the real pprof (gc's go tool, a test oracle)
if "$GOC" build -o "$W/heapprof" tests/std/heapprof/heapprof.go >"$W/heapprof.err" 2>&1 &&
	"$W/heapprof" "$W/heap.prof" >/dev/null 2>&1 &&
	"$GO" tool pprof -top -sample_index=inuse_space "$W/heapprof" "$W/heap.prof" >"$W/heap.top" 2>&1 &&
	awk '$1 ~ /B$/ && NF == 6 { print $6 }' "$W/heap.top" | head -2 | tr '\n' ' ' | grep -qx "main.allocBig main.allocSmall "; then
	ok "heapprof: pprof -top names main.allocBig, main.allocSmall"
else
	bad "heapprof"
	head -12 "$W/heap.top" "$W/heapprof.err" 2>/dev/null
fi

# goc build std: every package `go list std` names compiled, silently
# and with exit status 0, as go build std: the runtime and internal/abi
# from goc's overlay, runtime/internal/* from GOROOT as library packages
# (no goc program links them: goc's C runtime defines what they define)
if "$GOC" build std >"$W/stdbuild" 2>&1 && [ ! -s "$W/stdbuild" ]; then
	ok "goc build std"
else
	bad "goc build std"
	head -5 "$W/stdbuild"
fi
while read -r p; do
	if grep -qx "$p" "$W/pass"; then
		ok "package $p"
	else
		bad "package $p (in packages.pass)"
		head -3 "$W/$(echo "$p" | tr / _)/err"
	fi
done <tests/std/packages.pass
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
