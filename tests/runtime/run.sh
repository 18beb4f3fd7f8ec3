#!/bin/bash
# run.sh — tests of the C runtime (runtime/, build/runtime/libgocrt.a).
# Each test is a C program linked with the runtime alone (no libc, no
# crt files): its main.main is C.  Three kinds:
#   twins   NAME.c and NAME.go: gc builds NAME.go; both programs run (with
#           the arguments of the CASES table) and their standard error and
#           exit status must be equal.  For panics only the lines up to the
#           goroutine header are compared (the traceback needs the linker).
#   expect  NAME.c with an expected output given here.
#   self    NAME.c checks itself and exits 0 (alloc.c); also run under
#           valgrind when it is installed.
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s runtime >/dev/null || { echo "make runtime failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/runtime-tests
mkdir -p "$OUT"
LAST=$OUT/last.$$.out  # per run: two runs at once must not mix outputs
trap 'rm -f "$LAST"' EXIT
RT_CFLAGS="-std=gnu11 -O2 -Iruntime -ffreestanding -fno-pic -fno-pie -fno-stack-protector -mno-red-zone -ffixed-r14 -fcf-protection=none -Wall -Wextra -Wno-unused-parameter -Werror"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }

# cbuild NAME: build/runtime-tests/NAME from tests/runtime/NAME.c
cbuild() {
	gcc $RT_CFLAGS -c -o "$OUT/$1.o" "tests/runtime/$1.c" &&
		gcc -static -nostdlib -nostartfiles -no-pie -o "$OUT/$1" "$OUT/$1.o" build/runtime/libgocrt.a
}

# runit BIN ARGS...: runs BIN, leaves stderr+stdout in $LAST and the status in $rc.
# GOGC=off: these C programs keep heap pointers where the collector does
# not look (C test code without frame pointers, untyped arrays); the
# collector's own tests are Go programs (gocases, backend).
runit() {
	GOGC=off "$@" >"$LAST" 2>&1
	rc=$?
}

# upto the goroutine header: what can be compared before tracebacks exist
cuthdr() { sed -E '/^goroutine [0-9]+ \[.*\]:$/q'; }

# twin NAME [CASE...]
twin() {
	local name=$1
	shift
	if ! cbuild "$name"; then bad "$name (build)"; return; fi
	if [ ! -x "$OUT/$name.gc" ] || [ "tests/runtime/$name.go" -nt "$OUT/$name.gc" ]; then
		"$GO" build -o "$OUT/$name.gc" "tests/runtime/$name.go" || { bad "$name (gc build)"; return; }
	fi
	local cases=("$@")
	[ ${#cases[@]} = 0 ] && cases=("")
	local c
	for c in "${cases[@]}"; do
		runit "$OUT/$name.gc" $c
		local want_rc=$rc
		cuthdr <"$LAST" >"$OUT/$name.$c.want"
		runit "$OUT/$name" $c
		cuthdr <"$LAST" >"$OUT/$name.$c.got"
		if [ "$rc" != "$want_rc" ]; then
			bad "$name $c: exit status $rc, gc's $want_rc"
		elif ! cmp -s "$OUT/$name.$c.want" "$OUT/$name.$c.got"; then
			bad "$name $c: output differs from gc's"
			diff "$OUT/$name.$c.want" "$OUT/$name.$c.got" | head -10
		else
			ok "$name $c"
		fi
	done
}

# expect NAME CASE STATUS OUTPUT
expect() {
	runit "$OUT/$1" $2
	if [ "$rc" != "$3" ]; then
		bad "$1 $2: exit status $rc, want $3"
	elif [ "$(cat "$LAST")" != "$4" ]; then
		bad "$1 $2: output"
		printf 'want:\n%s\ngot:\n%s\n' "$4" "$(cat "$LAST")"
	else
		ok "$1 $2"
	fi
}

twin print
twin strings
twin panic index indexneg slicecap slicelen sliceb slice3 slice3neg divide shift \
	string int float named namedstring namedcomplex namedfloat namedbool nested recovered deadlock
expect panic throw 2 "fatal error: something impossible

goroutine 1 [running]:"
expect panic exit3 3 ""

# Maps, hashing and interfaces (maps.c, iface.c with gotypes.h's hand-built
# type descriptors): self-checks, then panics against gc-built twins.
if cbuild maps; then
	runit "$OUT/maps"
	if [ "$rc" = 0 ]; then ok maps; else bad "maps (exit $rc)"; grep -v ': ok$' "$LAST" | head -20; fi
	# The hash key is random per process.
	if [ "$("$OUT/maps" hashseed 2>&1)" != "$("$OUT/maps" hashseed 2>&1)" ]; then
		ok "maps: per-process hash key"
	else
		bad "maps: same hash key in two processes"
	fi
	twin maps nilmap nilmapfast unhashable unhashablelookup unhashablestruct uncomparable uncomparablestruct \
		structeqcheap structeqpanic
	expect maps concurrent 2 "fatal error: concurrent map writes

goroutine 1 [running]:"
else
	bad "maps (build)"
fi

# BENCH=1: map ns/op, goc's runtime against the same operations under gc.
if [ -n "${BENCH:-}" ]; then
	"$GO" build -o "$OUT/mapbench.gc" tests/runtime/mapbench.go &&
		echo "goc: $("$OUT/maps" bench 2>&1 | tr '\n' ' ')" &&
		echo "gc:  $("$OUT/mapbench.gc" 2>&1 | tr '\n' ' ')"
fi

if cbuild iface; then
	runit "$OUT/iface"
	if [ "$rc" = 0 ]; then ok iface; else bad "iface (exit $rc)"; grep -v ': ok$' "$LAST" | head -20; fi
	twin iface e2t e2tnil i2t i2tnil missing missingint missingunexported missingcached nile2i nili2i i2i scopes
else
	bad "iface (build)"
fi

if cbuild alloc; then
	runit "$OUT/alloc"
	if [ "$rc" = 0 ]; then ok alloc; else bad "alloc (exit $rc)"; fi
	cat "$LAST"
	if command -v valgrind >/dev/null; then
		runit valgrind -q --error-exitcode=99 "$OUT/alloc" -small
		if [ "$rc" = 0 ]; then ok "alloc under valgrind"; else bad "alloc under valgrind (exit $rc)"; tail -20 "$LAST"; fi
	fi
else
	bad "alloc (build)"
fi

# No libc: the runtime links with nothing else, and the result is static.
if cbuild print && ! readelf -d "$OUT/print" 2>/dev/null | grep -q NEEDED &&
	! readelf -l "$OUT/print" | grep -q INTERP; then
	ok "static, no libc"
else
	bad "static, no libc"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
