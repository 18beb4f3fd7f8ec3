#!/bin/bash
# expr.sh — the expression checker's own error tests: tests/types/expr/*.go
# carry `// ERROR "regexp"` annotations in GOROOT/test's style (matched by
# tests/oracle/errorcheck.go with run.go's rules); each file must get
# exactly the annotated errors from `goc tool check -e FILE`.
#
#   tests/types/expr.sh [-v] [-gc] [FILE...]
#
# -gc checks the annotations against gc instead (every file must pass with
# gc too: that is how the tests were verified).  -v shows the output of
# failing files.  Ends with "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
CHECK=$(oracle errorcheck) || exit 2
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
goc=$GOC
flags=(-tool "check -e" -title tests/types/expr.sh)
while [ $# -gt 0 ]; do
	case $1 in
	-v) flags+=(-v) ;;
	-gc) goc=$ROOT/tests/types/gcwrap.sh ;;
	*) break ;;
	esac
	shift
done
[ -x "$goc" ] || { echo "expr: $goc not built"; echo "0 passed, 1 failed"; exit 1; }
cd "$ROOT/tests/types/expr" || exit 2
files=("$@")
[ $# -eq 0 ] && files=(*.go)
exec "$CHECK" "${flags[@]}" -goc "$goc" "${files[@]}"
