#!/bin/bash
# errorcheck.sh — goc's type errors against the `// ERROR "re"` annotations
# of Go's test suite, with test/run.go's matching rules (see
# tests/oracle/errorcheck.go, shared with tests/syntax/errorcheck.sh).
#
#   tests/types/errorcheck.sh [-v] [FILE...]     (FILE relative to GOROOT)
#
# The files: every `// errorcheck` test in the directories run.go walks,
# whose flags are none of gc's back-end flags: allowed are -d=panic (which
# run.go always passes), -e, -t N, -std, -complete and -lang=goX (goc has
# no -lang yet, so those mostly fail: they are counted, not hidden).
# Excluded: -m, -d=... (other than panic), -0, -+, -l, -N, -live, -race,
# -wb and the errorcheckdir/errorcheckoutput/errorcheckwithauto kinds; and
# the three files whose build constraints exclude linux/amd64.  Each file
# is checked as `goc tool check -e FILE` from its directory.
#
# tests/types/errorcheck.pass lists the files expected to pass: one of them
# failing fails the test (a regression); other failures are reported and
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
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
flags=(-tool "check -e" -title tests/types/errorcheck.sh)
[ "${1:-}" = -v ] && { flags+=(-v); shift; }
[ "${UPDATE:-0}" = 1 ] && flags+=(-update)
cd "$GOROOT_SRC" || exit 2

files=()
if [ $# -gt 0 ]; then
	files=("$@")
else
	while read -r f; do files+=("$f"); done < <("$ROOT/tests/types/testfiles.sh" errorcheck)
	flags+=(-pass "$ROOT/tests/types/errorcheck.pass")
fi
exec "$CHECK" "${flags[@]}" -goc "$GOC" "${files[@]}"
