#!/bin/bash
# parse.sh — golden tests of the parser's error messages.
#
#   tests/syntax/parse.sh [-update] [NAME.go...]
#
# Each tests/syntax/parse/NAME.go is parsed by `goc tool syntax NAME.go`
# (run inside tests/syntax/parse, so messages name the file as given);
# its stderr must equal NAME.err exactly (an empty or missing .err: the
# file must parse without a message and exit 0; else the exit status
# must be 1).  The expected messages are gc's (checked with
# `go tool compile -o /tmp/x.o NAME.go`), except where a NAME.err
# starts with a line "# goc:" explaining why goc differs (such lines are
# not part of the expected output).  -update rewrites the .err files
# from goc's output (keeping "# goc:" lines).  Ends with
# "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
update=0
[ "${1:-}" = -update ] && { update=1; shift; }
cd "$ROOT/tests/syntax/parse" || exit 2
[ -x "$GOC" ] || { echo "parse: $GOC not built"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goc-parse.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

files=("$@")
[ ${#files[@]} = 0 ] && files=(*.go)
pass=0 fail=0
for f in "${files[@]}"; do
	name=${f%.go}
	"$GOC" tool syntax "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $update = 1 ]; then
		{ [ -f "$name.err" ] && grep '^# goc:' "$name.err"; cat "$tmp/err"; } >"$tmp/new"
		if [ -s "$tmp/new" ]; then mv "$tmp/new" "$name.err"; else rm -f "$name.err"; fi
	fi
	want=0
	: >"$tmp/want"
	if [ -f "$name.err" ]; then
		grep -v '^# goc:' "$name.err" >"$tmp/want"
		[ -s "$tmp/want" ] && want=1
	fi
	if [ $rc -ne $want ] || ! cmp -s "$tmp/want" "$tmp/err" || [ -s "$tmp/out" ]; then
		fail=$((fail + 1))
		echo "FAIL: $f (exit $rc, want $want)"
		diff "$tmp/want" "$tmp/err" | head -20 | sed 's/^/    /'
	else
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
