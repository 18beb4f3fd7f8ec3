#!/bin/sh
# tests/asm/asmdecl.sh — `goc vet` (go vet's asmdecl check: src/asm/asmdecl.c,
# src/driver/vet.c) against gc's `go vet -asmdecl`, the oracle:
#  1. every crafted package tests/asm/asmdecl/CASE/ (module asmdecltest; a
#     file CASE/GOARCH names another target): goc's output and exit status
#     must equal gc's, byte for byte;
#     the cases run again under bin/goc-asan when it exists;
#  2. the standard packages with assembly on linux/amd64 (tests/asm/files.txt,
#     and runtime): goc's output must equal gc's (today both print nothing);
#  3. asmdecl-mut.sh: ASMDECL_MUT_N (5) mutants of each case and of packages
#     made from std's assembly, compared the same way.
# gc's outputs are cached in build/asm/asmdecl, keyed by the inputs' hash.
# Prints "N passed, N failed".  `asmdecl.sh CASE...` runs only those cases.
set -u
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
CACHE=build/asm/asmdecl
mkdir -p $CACHE
pass=0 fail=0
gover=$("$GO" version)

# run_both DIR NAME ARGS...: gc's and goc's vet in DIR, into $CACHE/NAME.{gc,goc}
# (gc's only when its cached output is older than the inputs' hash KEY)
run_both() {
	dir=$1 name=$2 key=$3
	shift 3
	if [ ! -f "$CACHE/$name.gc" ] || [ "$(cat "$CACHE/$name.key" 2>/dev/null)" != "$key" ]; then
		(cd "$dir" && "$GO" vet -asmdecl "$@" >"$ROOT/$CACHE/$name.gc" 2>&1; echo "exit $?" >>"$ROOT/$CACHE/$name.gc")
		echo "$key" >"$CACHE/$name.key"
	fi
	(cd "$dir" && case $goc in /*) g=$goc ;; *) g=$ROOT/$goc ;; esac && "$g" vet "$@" >"$ROOT/$CACHE/$name.goc" 2>&1; echo "exit $?" >>"$ROOT/$CACHE/$name.goc")
	if cmp -s "$CACHE/$name.gc" "$CACHE/$name.goc"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name: $goc vet differs from go vet -asmdecl (< gc, > goc)"
		diff "$CACHE/$name.gc" "$CACHE/$name.goc" | head -n 10
	fi
}

cases=${*:-$(cd tests/asm/asmdecl && ls -d */ | tr -d /)}
gocs=${GOC#$ROOT/}
[ -x bin/goc-asan ] && [ "$gocs" = bin/goc ] && gocs="$gocs bin/goc-asan"
for goc in $gocs; do
	for c in $cases; do
		d=tests/asm/asmdecl/$c
		[ -d "$d" ] || { echo "FAIL: no case $c"; fail=$((fail + 1)); continue; }
		arch=amd64
		[ -f "$d/GOARCH" ] && arch=$(cat "$d/GOARCH")
		key=$( (echo "$gover $arch"; cat tests/asm/asmdecl/go.mod "$d"/*) | sha256sum | cut -c1-16)
		GO111MODULE=on GOARCH=$arch run_both tests/asm/asmdecl "case-$c" "$key" "./$c"
	done
done
goc=${GOC#$ROOT/}

if [ $# = 0 ]; then
	pkgs="$(cut -f1 tests/asm/files.txt | sort -u) runtime"
	key=$( (echo "$gover"; echo $pkgs) | sha256sum | cut -c1-16)
	# one package at a time: go vet prints packages in the order they finish
	for p in $pkgs; do
		GOARCH=amd64 run_both . "std-$(echo "$p" | tr / _)" "$key" "$p"
	done
	out=$(tests/asm/asmdecl-mut.sh "${ASMDECL_MUT_N:-5}" 1 2>&1)
	echo "$out" | grep -av '^[0-9]* passed' | tail -n 10
	p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
