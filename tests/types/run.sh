#!/bin/sh
# tests/types/run.sh — goc tool check -types against go/types
# (tests/oracle/typesdump.go) for every std package (or the packages given
# as arguments): the dumps are split per package and compared.  Prints
# `N passed, N failed`; packages listed in tests/types/tolerated.list may
# fail (known gaps), every other failure — and a tolerated package that now
# passes, which should be removed from the list — makes the exit status 1.
# -v shows the first differing lines of each failure.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
verbose=false
[ "$1" = -v ] && { verbose=true; shift; }
ORACLE=$(oracle typesdump) || exit 2
TMP=${TMPDIR:-/tmp}/goc-types.$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
export CGO_ENABLED=0
if [ $# -gt 0 ]; then
	printf '%s\n' "$@" > "$TMP/pkgs"
else
	"$GOC" list std | cut -d: -f1 > "$TMP/pkgs"
fi
# shellcheck disable=SC2046
"$GOC" tool check -types $(cat "$TMP/pkgs") > "$TMP/goc.out" 2> "$TMP/goc.err"
# shellcheck disable=SC2046
"$ORACLE" $(cat "$TMP/pkgs") > "$TMP/go.out" 2> "$TMP/go.err"
split() { awk -v dir="$2" '/^package /{f=$2; gsub("/", "%", f); f=dir "/" f} {print > f}' "$1"; }
mkdir -p "$TMP/goc" "$TMP/go"
split "$TMP/goc.out" "$TMP/goc"
split "$TMP/go.out" "$TMP/go"
TOL=$ROOT/tests/types/tolerated.list
pass=0 fail=0 tolfail=0 bad=0
while read -r p; do
	f=$(echo "$p" | tr / %)
	tolerated=false
	grep -qx "$p" "$TOL" 2>/dev/null && tolerated=true
	if [ -f "$TMP/go/$f" ] && cmp -s "$TMP/go/$f" "$TMP/goc/$f"; then
		pass=$((pass + 1))
		if $tolerated; then echo "PASS (remove from tolerated.list): $p"; bad=$((bad + 1)); fi
	else
		fail=$((fail + 1))
		if $tolerated; then
			tolfail=$((tolfail + 1))
		else
			bad=$((bad + 1))
			echo "FAIL: $p"
		fi
		if $verbose; then
			diff "$TMP/go/$f" "$TMP/goc/$f" 2>&1 | head -8
		fi
	fi
done < "$TMP/pkgs"
nerr=$(grep -c . "$TMP/goc.err")
echo "types: $pass passed, $fail failed ($tolfail tolerated); goc reported $nerr error lines"
[ "$bad" -eq 0 ]
