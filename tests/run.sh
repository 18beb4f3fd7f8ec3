#!/bin/bash
# run.sh — the whole test suite (`make test`).  Builds goc and its
# sanitizer build, then runs each section in order, each ending with its
# own "N passed, N failed" line:
#   build          make all, make asan
#   warnings       make check-warnings: -Wall -Wextra -Werror under gcc and clang
#   unit           tests/unit/run.sh (C unit tests), if present
#   load           tests/load/run.sh: package loading against go list
#   types          tests/types/run.sh: goc tool check -types against go/types, std
#   types-errorcheck  tests/types/errorcheck.sh: type errors against GOROOT/test's // ERROR lines
#   types-runcheck tests/types/runcheck.sh: GOROOT/test's run/compile/build files type-check
#   types-fuzz     tests/types/fuzz.sh: the checker (goc-asan) on mutated std and GOROOT/test files
#   link           tests/link/run.sh: goc's linker against ld on C programs
#   runtime        tests/runtime/run.sh: the C runtime against gc's print/panic output
#   traceback      tests/runtime/traceback.sh: goroutine tracebacks against gc's
#   driver         tests/driver/run.sh: goc build/run as commands against the go command
#   sched          tests/runtime/sched.sh: goroutines, channels, select against gc twins
#   amd64          tests/amd64/run.sh: the encoder against objdump, GNU as and gc -S
#   asm            tests/asm/run.sh: goc tool asm against gc's assembler on std's .s files, errors, fuzz
#   ssa            tests/ssa/run.sh: SSA IR, checker and passes (golden, gc oracle, random)
#   ssagen         tests/ssagen/run.sh: Go lowered to SSA, run by the interpreter against gc
#   escape         tests/escape/run.sh: escape analysis (-gcflags=-m) against gc's; programs relying on it
#   backend        tests/backend/run.sh: amd64 back end and goc build/run on .ssa programs
#   spec           tests/spec/run.sh: the Go spec's examples as programs and illegal lines, goc against gc
#   std            tests/std/run.sh: programs using the standard library (compiled from GOROOT) against gc; std packages that build
#   std-tests      tests/std/pkgtests.sh: goc test -short on 8 std packages (make std-tests: the 60)
#   goprog         tests/fuzz/goprog.sh: random Go programs, goc against gc (GOPROG_N, 30)
#   typedesc       tests/gen/run.sh: type descriptors (src/gen) against gc's
#   scan, parse    tests/syntax/scan.sh, tests/syntax/parse.sh, if present
#   accept         goc accepts/rejects what go/parser does (accept.sh)
#   astcompare     goc's AST equals go/ast's for GOROOT/src (astcompare.sh)
#   errorcheck     gc's // ERROR annotations of GOROOT/test (errorcheck.sh)
#   accept-asan    accept.sh again with bin/goc-asan (ASan+UBSan)
#   astcompare-asan  astcompare.sh again with bin/goc-asan
#   fuzz           tests/fuzz/replay.sh: regression inputs + a short smoke
# Each section's full output is kept in build/test-logs/SECTION.log.  The
# closing line sums the sections: "N passed, N failed"; the exit status is
# non-zero if anything failed.  Sections can be chosen by name:
#   tests/run.sh accept errorcheck
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
LOGS=build/test-logs
mkdir -p "$LOGS"
FUZZ_SMOKE=${FUZZ_SMOKE:-30}

total_pass=0 total_fail=0
summary=()

want() { # section selected?
	[ ${#SELECTED[@]} = 0 ] && return 0
	local s
	for s in "${SELECTED[@]}"; do [ "$s" = "$1" ] && return 0; done
	return 1
}

# section NAME CMD...: runs CMD, shows its output (long outputs are cut;
# the log has everything), and adds its closing counts to the totals.
section() {
	local name=$1
	shift
	want "$name" || return 0
	echo "=== $name: $*"
	local start=$SECONDS
	"$@" >"$LOGS/$name.log" 2>&1
	local rc=$?
	local n
	n=$(wc -l <"$LOGS/$name.log")
	if [ "$n" -gt 60 ]; then
		head -n 40 "$LOGS/$name.log"
		echo "... ($((n - 55)) lines cut; see $LOGS/$name.log)"
		tail -n 15 "$LOGS/$name.log"
	else
		cat "$LOGS/$name.log"
	fi
	local line p f
	line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$LOGS/$name.log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?([0-9]+) passed.*/\2/')
		f=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?[0-9]+ passed, ([0-9]+) failed.*/\2/')
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1 # failed without saying so
		fi
	elif [ "$rc" = 0 ]; then
		p=1 f=0
	else
		p=0 f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	summary+=("$(printf '%-16s %6d passed, %4d failed  (%ds)' "$name" "$p" "$f" $((SECONDS - start)))")
	echo
}

build() {
	make -s all && echo "bin/goc built" || { echo "make all failed"; return 1; }
	make -s asan && echo "bin/goc-asan built" || { echo "make asan failed"; return 1; }
}

SELECTED=("$@")
section build build
section warnings make -s check-warnings
[ -x tests/unit/run.sh ] && section unit tests/unit/run.sh
[ -x tests/load/run.sh ] && section load tests/load/run.sh
[ -x tests/types/run.sh ] && section types tests/types/run.sh
[ -x tests/types/sizes.sh ] && section sizes tests/types/sizes.sh
[ -x tests/types/errorcheck.sh ] && section types-errorcheck tests/types/errorcheck.sh
[ -x tests/types/runcheck.sh ] && section types-runcheck tests/types/runcheck.sh
[ -x tests/types/fuzz.sh ] && section types-fuzz tests/types/fuzz.sh "${TYPES_FUZZ_N:-150}"
[ -x tests/runtime/run.sh ] && section runtime tests/runtime/run.sh
[ -x tests/runtime/gocases.sh ] && section gocases tests/runtime/gocases.sh
[ -x tests/runtime/traceback.sh ] && section traceback tests/runtime/traceback.sh
[ -x tests/driver/run.sh ] && section driver tests/driver/run.sh
[ -x tests/runtime/sched.sh ] && section sched tests/runtime/sched.sh
[ -x tests/link/run.sh ] && section link tests/link/run.sh
[ -x tests/amd64/run.sh ] && section amd64 tests/amd64/run.sh
[ -x tests/asm/run.sh ] && section asm tests/asm/run.sh
[ -x tests/ssa/run.sh ] && section ssa tests/ssa/run.sh
[ -x tests/ssagen/run.sh ] && section ssagen tests/ssagen/run.sh
[ -x tests/escape/run.sh ] && section escape tests/escape/run.sh
[ -x tests/backend/run.sh ] && section backend tests/backend/run.sh
[ -x tests/spec/run.sh ] && section spec tests/spec/run.sh
[ -x tests/std/run.sh ] && section std tests/std/run.sh
[ -x tests/std/pkgtests.sh ] && section std-tests tests/std/pkgtests.sh
[ -x tests/fuzz/goprog.sh ] && section goprog tests/fuzz/goprog.sh "${GOPROG_N:-30}"
[ -x tests/gen/run.sh ] && section typedesc tests/gen/run.sh
[ -x tests/syntax/scan.sh ] && section scan tests/syntax/scan.sh
[ -x tests/syntax/parse.sh ] && section parse tests/syntax/parse.sh
section accept tests/syntax/accept.sh
section astcompare tests/syntax/astcompare.sh
section errorcheck tests/syntax/errorcheck.sh
section accept-asan env GOC=bin/goc-asan tests/syntax/accept.sh
section astcompare-asan env GOC=bin/goc-asan tests/syntax/astcompare.sh
[ -x tests/fuzz/replay.sh ] && section fuzz tests/fuzz/replay.sh "$FUZZ_SMOKE"

echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
