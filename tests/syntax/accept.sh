#!/bin/bash
# accept.sh — goc accepts what go/parser accepts and rejects what it rejects.
#
#   tests/syntax/accept.sh [-v]
#
# Every file of tests/syntax/accept.list (paths relative to GOROOT) must
# parse with `goc tool syntax` without any message (exit 0), and every file
# of reject.list must get at least one error (exit 1, message on stderr).
# A crash, an internal error (exit 2) or a sanitizer report fails the file.
# The accepted files are parsed in chunks of $CHUNK by one process each;
# a chunk that is not clean is redone file by file to name the culprits.
# GOC=bin/goc-asan runs the sanitizer build.  -v lists every failure (else
# the first 20).  Ends with "N passed, N failed" (files).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
CHUNK=${CHUNK:-500}
verbose=0
[ "${1:-}" = -v ] && verbose=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:halt_on_error=1:print_stacktrace=1}

[ -x "$GOC" ] || { echo "accept: $GOC not built"; echo "0 passed, 1 failed"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-accept.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$GOROOT_SRC" || exit 2

nfail=0 shown=0
fail() { # file reason [details file]
	nfail=$((nfail + 1))
	if [ $verbose = 1 ] || [ $shown -lt 20 ]; then
		shown=$((shown + 1))
		echo "FAIL: $1: $2"
		[ -n "${3:-}" ] && [ -s "$3" ] && head -n 3 "$3" | sed 's/^/    /'
	fi
}
sanitizer() { grep -q 'Sanitizer\|runtime error:' "$1"; }

# accepted files: chunks, then file by file where a chunk is not clean
ACCEPT_LIST=${ACCEPT_LIST:-$ROOT/tests/syntax/accept.list}
REJECT_LIST=${REJECT_LIST:-$ROOT/tests/syntax/reject.list}
acc_total=$(wc -l <"$ACCEPT_LIST")
acc_fail0=$nfail
split -l "$CHUNK" "$ACCEPT_LIST" "$work/chunk."
for c in "$work"/chunk.*; do
	"$GOC" tool syntax -list "$c" >/dev/null 2>"$work/err"
	rc=$?
	[ $rc = 0 ] && [ ! -s "$work/err" ] && continue
	while read -r f; do
		"$GOC" tool syntax "$f" >/dev/null 2>"$work/err1"
		rc=$?
		if sanitizer "$work/err1"; then
			fail "$f" "sanitizer report (exit $rc)" "$work/err1"
		elif [ $rc = 1 ]; then
			fail "$f" "rejected, go/parser accepts it" "$work/err1"
		elif [ $rc != 0 ]; then
			fail "$f" "crash or internal error (exit $rc)" "$work/err1"
		elif [ -s "$work/err1" ]; then
			fail "$f" "exit 0 but printed to stderr" "$work/err1"
		fi
	done <"$c"
done
acc_fail=$((nfail - acc_fail0))

# rejected files: one process each (few)
rej_total=$(wc -l <"$REJECT_LIST")
rej_fail0=$nfail
while read -r f; do
	"$GOC" tool syntax "$f" >/dev/null 2>"$work/err1"
	rc=$?
	if sanitizer "$work/err1"; then
		fail "$f" "sanitizer report (exit $rc)" "$work/err1"
	elif [ $rc = 0 ]; then
		fail "$f" "accepted, go/parser rejects it"
	elif [ $rc != 1 ]; then
		fail "$f" "crash or internal error (exit $rc)" "$work/err1"
	elif ! grep -q ': ' "$work/err1"; then
		fail "$f" "exit 1 but no error message" "$work/err1"
	fi
done <"$REJECT_LIST"
rej_fail=$((nfail - rej_fail0))

[ $nfail -gt $shown ] && echo "... and $((nfail - shown)) more failures (-v lists all)"
echo "accept: $((acc_total - acc_fail)) of $acc_total files go/parser accepts parse without error ($(basename "$GOC"))"
echo "reject: $((rej_total - rej_fail)) of $rej_total files go/parser rejects get an error"
total=$((acc_total + rej_total))
echo "$((total - nfail)) passed, $nfail failed"
[ $nfail = 0 ]
