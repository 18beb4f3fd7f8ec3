#!/bin/sh
# mklists.sh — computes, once, which .go files of the installed Go tree
# go/parser accepts, and writes the two lists the syntax tests read:
#   tests/syntax/accept.list   files go/parser accepts
#   tests/syntax/reject.list   files go/parser rejects
# Paths are relative to GOROOT (src/..., test/...), sorted (C locale).
# Every .go file under GOROOT/src (testdata included) and GOROOT/test is
# considered.  The oracle is go/parser.ParseFile with the mode gofmt uses
# (ParseComments|SkipObjectResolution), through tests/oracle/astdump.go;
# this is what `gofmt -e` reports errors for (gofmt tries source fragments
# only on standard input).  With CHECK_GOFMT=1 the lists are also checked
# against `gofmt -e -l` itself.
# The lists are checked in: rerun only when the Go tree changes.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. tests/lib.sh
GOROOT=$GOROOT_SRC
ASTDUMP=$(oracle astdump) || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$GOROOT" && find src test -name '*.go' -type f | LC_ALL=C sort) >"$tmp/all"
(cd "$GOROOT" && "$ASTDUMP" -hash -list "$tmp/all") >"$tmp/hash"
awk '$NF != "ERROR" { print $1 }' "$tmp/hash" >tests/syntax/accept.list
awk '$NF == "ERROR" { print $1 }' "$tmp/hash" >tests/syntax/reject.list
echo "mklists: $(wc -l <tests/syntax/accept.list) accepted, $(wc -l <tests/syntax/reject.list) rejected"

if [ "${CHECK_GOFMT:-0}" = 1 ]; then
	# gofmt -e -l prints the names of files it would reformat (on stdout)
	# and an error for each file it cannot parse (on stderr).
	(cd "$GOROOT" && xargs "$(dirname "$GO")/gofmt" -e -l <"$tmp/all" 2>"$tmp/gofmt.err" >/dev/null) || true
	sed -n 's/^\([^:]*\.go\):[0-9].*/\1/p' "$tmp/gofmt.err" | LC_ALL=C sort -u >"$tmp/gofmt.rej"
	if cmp -s "$tmp/gofmt.rej" tests/syntax/reject.list; then
		echo "mklists: gofmt -e agrees"
	else
		echo "mklists: gofmt -e disagrees:" >&2
		diff "$tmp/gofmt.rej" tests/syntax/reject.list >&2 || true
		exit 1
	fi
fi
