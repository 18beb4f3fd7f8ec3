#!/bin/bash
# run.sh — tests of the amd64 back end (src/amd64: lower, regalloc, frame,
# emit) and of `goc build`/`goc run`, on programs in the SSA IR's text form:
#   programs   tests/backend/NAME.ssa is built and run with `goc run` (IR
#              checker on); its standard output and error must equal
#              NAME.out (a panic: up to the goroutine header) and its exit
#              status the `// status: N` line (default 0).  Also built by
#              bin/goc-asan when it exists (ASan+UBSan over the back end).
#   listing    `goc build -gcflags=-S` of hello.ssa against hello.S (gc's
#              -S format).
#   objdump    every function of the programs, disassembled by objdump from
#              the executable: the instruction boundaries and mnemonics
#              must be those of goc's own listing (functions the linker
#              dropped as unreachable are counted, not checked).
#   random     randnative.c: random SSA functions compiled natively and run,
#              against the SSA interpreter (RANDNATIVE_N, default 2000).
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc bin/goc-asan runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
T=$ROOT/build/backend-tests
mkdir -p "$T"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }
cuthdr() { sed -E '/^goroutine [0-9]+ \[.*\]:$/q'; }

for src in tests/backend/*.ssa; do
	name=$(basename "$src" .ssa)
	want_rc=$(sed -nE 's|^// status: ([0-9]+)$|\1|p' "$src")
	want_rc=${want_rc:-0}
	for goc in "$GOC" "$ROOT/bin/goc-asan"; do
		[ -x "$goc" ] || continue
		tag=$name
		[ "$goc" = "$GOC" ] || tag="$name (asan)"
		"$goc" run -gcflags=-d=ssa/check/on "$src" >"$T/$name.got" 2>&1
		rc=$?
		cuthdr <"$T/$name.got" >"$T/$name.cut"
		if [ "$rc" != "$want_rc" ]; then
			bad "$tag: exit status $rc, want $want_rc"
			head -5 "$T/$name.got"
		elif ! cmp -s "$T/$name.cut" "tests/backend/$name.out"; then
			bad "$tag: output differs"
			diff "tests/backend/$name.out" "$T/$name.cut" | head -10
		else
			ok "$tag"
		fi
	done
done

# listing
if "$GOC" build -o "$T/hello" -gcflags=-S tests/backend/hello.ssa 2>"$T/hello.S" && cmp -s "$T/hello.S" tests/backend/hello.S; then
	ok "listing hello.S"
else
	bad "listing hello.S"
	diff tests/backend/hello.S "$T/hello.S" | head -20
fi

# objdump: goc's listing against the disassembly of the executable
if command -v objdump >/dev/null; then
	for src in tests/backend/*.ssa tests/ssagen/testdata/basic.go; do
		name=$(basename "$src" .ssa)
		name=$(basename "$name" .go)
		if ! "$GOC" build -o "$T/$name.exe" -gcflags=-S "$src" 2>"$T/$name.S"; then
			bad "objdump $name: build failed"
			continue
		fi
		objdump -d --no-show-raw-insn "$T/$name.exe" >"$T/$name.dis"
		if python3 tests/backend/objcheck.py "$T/$name.S" "$T/$name.dis" >"$T/$name.objcheck" 2>&1; then
			ok "objdump $name ($(cat "$T/$name.objcheck"))"
		else
			bad "objdump $name"
			head -10 "$T/$name.objcheck"
		fi
	done
fi

# random functions, native against the interpreter
if gcc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Wno-unused-parameter -o "$T/randnative" tests/backend/randnative.c \
	build/obj/ssa/*.o build/obj/base/*.o build/obj/amd64/*.o build/obj/link/*.o -lm 2>"$T/cc"; then
	if "$T/randnative" -rt build/runtime/libgocrt.a -o "$T" -n "${RANDNATIVE_N:-2000}" -seed "${RANDNATIVE_SEED:-1}" >"$T/rand" 2>"$T/randerr"; then
		ok "$(cat "$T/rand")"
	else
		bad "$(cat "$T/rand")"
		head -60 "$T/randerr"
	fi
else
	bad "randnative does not compile"
	head "$T/cc"
fi

# GOROOT/test `// run` tests, built with goc build and run natively;
# output against the .out file (empty if none) exactly and exit status 0,
# as GOROOT/test/run.go.  Two sets, each with its list of those expected
# to pass (a listed test that stops passing is a failure; new passes are
# reported; UPDATE=1 rewrites the lists): the tests that import nothing
# (tests/backend/goroot.pass, issue 4's set), those that import only
# runtime and/or unsafe (tests/backend/goroot-imports.pass), and those
# that import the rest of the standard library (goroot-std.pass; as
# run.go, with GOOS and GOARCH in the environment).
if [ -z "${NOGOROOT:-}" ]; then
	# goroot_one FILE: builds and runs it; sets rc and same
	goroot_one() {
		n=$(echo "$1" | tr / _)
		rc=-1 same=1
		timeout 60 "$GOC" build -o "$T/$n.exe" "$GOROOT_SRC/$1" >"$T/$n.berr" 2>&1 || return 1
		(cd "$GOROOT_SRC/test" && GOOS=linux GOARCH=amd64 timeout 20 "$T/$n.exe" >"$T/$n.got" 2>&1)
		rc=$?
		want=$GOROOT_SRC/${1%.go}.out
		[ -f "$want" ] || want=/dev/null
		cmp -s "$want" "$T/$n.got" && same=0
		return 0
	}
	# goroot_set LABEL KIND PASSLIST
	goroot_set() {
		local label=$1 list=$3
		tests/ssagen/gorootruns.sh $2 >"$T/runs"
		local total built=0 runok=0 start end lost new
		total=$(wc -l <"$T/runs")
		: >"$T/$label.pass"
		start=$(date +%s.%N)
		while read -r f; do
			if ! goroot_one "$f" && ! { grep -qxF "$f" "$list" && goroot_one "$f"; }; then
				continue
			fi
			built=$((built + 1))
			# a listed test that fails is tried once more: other sessions may
			# be rebuilding bin/goc or the runtime archive at this moment
			if ! [ "$rc" = 0 ] || [ "$same" != 0 ]; then
				grep -qxF "$f" "$list" && goroot_one "$f"
			fi
			if [ "$rc" = 0 ] && [ "$same" = 0 ]; then
				runok=$((runok + 1))
				echo "$f" >>"$T/$label.pass"
			elif grep -qxF "$f" "$list"; then
				echo "     $f: exit status $rc; $(head -c 200 "$T/$n.got" | tr '\n' ' ')"
			fi
		done <"$T/runs"
		end=$(date +%s.%N)
		lost=$(comm -23 <(sort "$list") <(sort "$T/$label.pass"))
		new=$(comm -13 <(sort "$list") <(sort "$T/$label.pass") | wc -l)
		echo "$label: $runok of $total pass ($built build; $new not in $(basename "$list"); $(echo "$end - $start" | bc) s)"
		if [ -n "${UPDATE:-}" ]; then
			sort "$T/$label.pass" >"$list"
		fi
		if [ -n "$lost" ]; then
			bad "$label: $(echo "$lost" | wc -l) tests of $(basename "$list") fail:"
			echo "$lost" | head -20
		else
			ok "$label: no regression against $(basename "$list") ($runok of $total)"
		fi
	}
	goroot_set goroot "" tests/backend/goroot.pass
	goroot_set goroot-imports imports tests/backend/goroot-imports.pass
	goroot_set goroot-std std tests/backend/goroot-std.pass
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
