#!/bin/bash
# errorcheck.sh — goc's syntax errors against the `// ERROR "re"`
# annotations of Go's test suite, with test/run.go's matching rules (see
# tests/oracle/errorcheck.go).
#
#   tests/syntax/errorcheck.sh [-v] [FILE...]     (FILE relative to GOROOT)
#
# The files: every test/syntax/*.go, and every file of GOROOT/test that
# go/parser rejects (tests/syntax/reject.list) whose action line is
# "// errorcheck" with no flag but -d=panic (which run.go always passes):
# for those gc stops after parsing, so every annotation is a syntax error.
# Each annotated line must get a matching error, and no other line any.
#
# tests/syntax/errorcheck.pass lists the files expected to pass: one of
# them failing fails the test (a regression); the others are reported and
# tolerated.  UPDATE=1 rewrites the list from this run.  -v shows goc's
# output for failing files.  Ends with "N passed, N failed" (N failed =
# regressions).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
CHECK=$(oracle errorcheck) || exit 2
[ -x "$GOC" ] || { echo "errorcheck: $GOC not built"; echo "0 passed, 1 failed"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:halt_on_error=1:print_stacktrace=1}
flags=()
[ "${1:-}" = -v ] && { flags+=(-v); shift; }
[ "${UPDATE:-0}" = 1 ] && flags+=(-update)
cd "$GOROOT_SRC" || exit 2

# the action line: the first line that is not blank or a build constraint
action() { grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$1"; }

files=()
if [ $# -gt 0 ]; then
	files=("$@")
	flags+=()
else
	for f in test/syntax/*.go; do files+=("$f"); done
	while read -r f; do
		case $f in test/syntax/*) continue ;; test/*) ;; *) continue ;; esac
		case $(action "$f") in
		"// errorcheck" | "// errorcheck -d=panic") files+=("$f") ;;
		esac
	done <"$ROOT/tests/syntax/reject.list"
	flags+=(-pass "$ROOT/tests/syntax/errorcheck.pass")
fi
exec "$CHECK" "${flags[@]}" -goc "$GOC" "${files[@]}"
