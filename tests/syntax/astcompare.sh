#!/bin/bash
# astcompare.sh — goc's AST equals go/ast's for every file of GOROOT/src
# (and GOROOT/test) that go/parser accepts (tests/syntax/accept.list),
# compared through the shared dump format
# (src/syntax/astdump.c, tests/oracle/astdump.go), node positions and
# go/ast's Pos()/End() of every node included.
#
#   tests/syntax/astcompare.sh            all accepted files (src/, test/)
#   tests/syntax/astcompare.sh FILE...    these files, with a diff of each
#                                         (paths relative to GOROOT, or to
#                                         the current directory)
#   tests/syntax/astcompare.sh -list L    the files named in L (as above)
#
# Both sides hash each file's dump section (MD5); mismatching files are
# then dumped again and the first lines of a unified diff (oracle first,
# then goc) of the first $SHOW of them are printed.  The oracle's hashes
# are cached in build/astcompare/ (the list, flags and oracle binary are
# the key).  A goc crash is
# attributed to its file and the run goes on after it.  Environment:
# GOC (default bin/goc), POSEND=0 to leave out Pos()/End(), SHOW (5),
# DIFFLINES (40).  Ends with "N passed, N failed" (files).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
SHOW=${SHOW:-5}
DIFFLINES=${DIFFLINES:-40}
POSEND=${POSEND:-1}
export GOC_ASTDUMP_POSEND=$POSEND
oflags=
[ "$POSEND" = 1 ] && oflags=-posend
ASTDUMP=$(oracle astdump) || exit 2
SECHASH=$(oracle sechash) || exit 2
[ -x "$GOC" ] || { echo "astcompare: $GOC not built"; echo "0 passed, 1 failed"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:halt_on_error=1:print_stacktrace=1}
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-astcmp.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The file list, as paths relative to GOROOT where possible.
mode=all
if [ "${1:-}" = -list ]; then
	cat "$2" >"$work/args"
	mode=some
elif [ $# -gt 0 ]; then
	printf '%s\n' "$@" >"$work/args"
	mode=some
fi
if [ $mode = all ]; then
	cp "$ROOT/tests/syntax/accept.list" "$work/list"
else
	while read -r f; do
		[ -z "$f" ] && continue
		if [ -f "$GOROOT_SRC/$f" ]; then
			echo "$f"
		elif [ -f "$f" ]; then
			realpath "$f"
		else
			echo "astcompare: no file $f" >&2
		fi
	done <"$work/args" >"$work/list"
fi
cd "$GOROOT_SRC" || exit 2

# The oracle's hashes ("path hash" or "path ERROR"), cached in
# build/astcompare/ by the file list, the flags and the oracle's binary.
cache=$ROOT/build/astcompare
key=$( { cat "$work/list"; echo "$oflags $GOROOT_SRC"; cksum <"$ASTDUMP"; } | md5sum | cut -c1-16)
if [ -s "$cache/oracle.$key.hash" ]; then
	cp "$cache/oracle.$key.hash" "$work/oracle.hash"
else
	"$ASTDUMP" -hash $oflags -list "$work/list" >"$work/oracle.hash" || exit 2
	mkdir -p "$cache" && rm -f "$cache"/oracle.*.hash && cp "$work/oracle.hash" "$cache/oracle.$key.hash"
fi

# goc's hashes; a crash ends the process, so go on after the culprit.
# (goc prints "# FILE path" headers only when given several files.)
: >"$work/goc.hash"
cp "$work/list" "$work/rest"
while [ -s "$work/rest" ]; do
	"$GOC" tool syntax -ast -list "$work/rest" 2>>"$work/goc.err" |
		"$SECHASH" -name "$(head -n 1 "$work/rest")" >"$work/part.hash"
	rc=${PIPESTATUS[0]}
	if [ "$rc" -le 1 ]; then
		cat "$work/part.hash" >>"$work/goc.hash"
		break
	fi
	# Crashed: stdout may have lost its buffered tail, so trust every
	# section but the last one seen, and step file by file from there.
	n=$(wc -l <"$work/part.hash")
	[ "$n" -gt 0 ] && head -n $((n - 1)) "$work/part.hash" >>"$work/goc.hash"
	from=1
	[ "$n" -gt 0 ] && from=$(grep -nxF "$(tail -n 1 "$work/part.hash" | sed 's/ [^ ]*$//')" "$work/rest" | head -n 1 | cut -d: -f1)
	tail -n +"${from:-1}" "$work/rest" >"$work/step"
	: >"$work/rest"
	k=0
	while read -r f; do
		k=$((k + 1))
		"$GOC" tool syntax -ast "$f" 2>>"$work/goc.err" | "$SECHASH" -name "$f" >"$work/one.hash"
		rc=${PIPESTATUS[0]}
		if [ "$rc" -gt 1 ]; then
			echo "$f CRASH($rc)" >>"$work/goc.hash"
			tail -n +$((k + 1)) "$work/step" >"$work/rest"
			break
		fi
		cat "$work/one.hash" >>"$work/goc.hash"
	done <"$work/step"
done

# Compare: every file the oracle accepts must have goc's identical hash.
awk 'NR == FNR { goc[$1] = $2; next }
	$2 == "ERROR" { next }
	{ total++ }
	!($1 in goc) { print $1, "missing"; next }
	goc[$1] != $2 { print $1, (goc[$1] ~ /^CRASH/ ? goc[$1] : "differs") }
	END { print total > "/dev/stderr" }' "$work/goc.hash" "$work/oracle.hash" >"$work/bad" 2>"$work/total"
total=$(cat "$work/total")
nbad=$(wc -l <"$work/bad")
nerr=$(awk '$2 == "ERROR"' "$work/oracle.hash" | wc -l)
[ "$nerr" -gt 0 ] && echo "astcompare: $nerr files rejected by go/parser, not compared"

shown=0
while read -r f why; do
	if [ $shown -ge "$SHOW" ]; then
		echo "FAIL: $f: $why"
		continue
	fi
	shown=$((shown + 1))
	echo "FAIL: $f: $why"
	"$ASTDUMP" $oflags "$f" | tail -n +2 >"$work/a.dump"
	"$GOC" tool syntax -ast "$f" >"$work/b.dump" 2>"$work/b.err"
	if [ -s "$work/b.err" ]; then
		head -n 5 "$work/b.err" | sed 's/^/    goc: /'
	fi
	diff -u --label "go/ast $f" --label "goc $f" "$work/a.dump" "$work/b.dump" | head -n "$DIFFLINES" | sed 's/^/    /'
done <"$work/bad" | { [ $mode = all ] && head -n $((SHOW * (DIFFLINES + 8) + 30)) || cat; }
[ $mode = all ] && [ "$nbad" -gt $((SHOW + 20)) ] && echo "... $nbad files differ in all"

echo "astcompare: $((total - nbad)) of $total files have go/ast's tree"
echo "$((total - nbad)) passed, $nbad failed"
[ "$nbad" = 0 ]
