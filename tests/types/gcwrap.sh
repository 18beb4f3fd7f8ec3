#!/bin/sh
# gcwrap.sh — stands in for goc in tests/types/expr.sh -gc: runs gc's
# compiler on the file the errorcheck oracle names (`tool check ... FILE`),
# so the annotations of tests/types/expr/*.go can be verified against gc.
# (Never -o /dev/null: gc removes its output file on error.)
for last; do :; done
out=${TMPDIR:-/tmp}/gcwrap.$$.o
"${GOROOT_BIN:-/usr/lib/go-1.19/bin}/go" tool compile -e -o "$out" "$last"
rc=$?
rm -f "$out"
exit $rc
