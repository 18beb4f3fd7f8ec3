#!/bin/bash
# runcheck.sh — every single-file `run`, `compile` and `build` test of
# GOROOT/test (tests/types/testfiles.sh run) must type-check without error:
# `goc tool check -e FILE` from the file's directory, exit 0.
# Files whose build constraints exclude linux/amd64 are skipped (as run.go
# does); the extra .go files named on a `// run x.go` line are checked with
# the file.  The `rundir` and `compiledir` tests (FILE.go with its directory
# FILE.dir) are checked as run.go compiles them: the .go files of FILE.dir
# in name order, grouped by package name (each file its own package with
# -s), packages in the order of their first files, each with gc's -p path
# (test/NAME of its first file, or main) and local imports ./x meaning
# test/x (gc's -D test): `goc tool check -e -D test -packages
# LIST` from FILE.dir.
#
#   tests/types/runcheck.sh [-v] [FILE...]     (FILE relative to GOROOT)
#
# tests/types/runcheck.pass lists the files expected to pass: one of them
# failing is a regression; other failures are tolerated and counted.
# UPDATE=1 rewrites the list.  -v prints goc's errors for failing files.
# Ends with "N passed, N failed" (N failed = regressions).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
[ -x "$GOC" ] || { echo "runcheck: $GOC not built"; echo "0 passed, 1 failed"; exit 1; }
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
verbose=false
[ "${1:-}" = -v ] && { verbose=true; shift; }
PASS=$ROOT/tests/types/runcheck.pass
files=() dirtests=()
if [ $# -gt 0 ]; then
	for f in "$@"; do
		if [ -d "$GOROOT_SRC/${f%.go}.dir" ]; then dirtests+=("$f"); else files+=("$f"); fi
	done
else
	while read -r f; do files+=("$f"); done < <("$ROOT/tests/types/testfiles.sh" run)
	while read -r f; do dirtests+=("$f"); done < <("$ROOT/tests/types/testfiles.sh" dir)
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/goc-runcheck.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
declare -A expected=()
if [ -f "$PASS" ]; then
	while read -r f; do case $f in "" | "#"*) ;; *) expected[$f]=1 ;; esac; done < "$PASS"
fi
cd "$GOROOT_SRC" || exit 2
passed=() nfail=0 nregress=0 nknown=0 skipped=0
for f in "${files[@]}"; do
	# `// run a.go b.go`: the other files of the package (as run.go compiles them)
	extra=()
	for w in $(grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$f"); do
		case $w in *.go) extra+=("$w") ;; esac
	done
	out=$(cd "$(dirname "$f")" && timeout 20 "$GOC" tool check -e "$(basename "$f")" "${extra[@]}" 2>&1)
	rc=$?
	case $out in *"build constraints exclude all Go files"*) skipped=$((skipped + 1)); continue ;; esac
	if [ $rc = 0 ]; then
		passed+=("$f")
		continue
	fi
	nfail=$((nfail + 1))
	if [ -n "${expected[$f]:-}" ]; then
		nregress=$((nregress + 1))
		echo "FAIL (regression): $f (exit $rc)"
	else
		nknown=$((nknown + 1))
		$verbose && echo "FAIL (known): $f (exit $rc)"
	fi
	$verbose && [ -n "$out" ] && printf '%s\n' "$out" | head -5 | sed 's/^/    /'
done
echo "runcheck: ${#passed[@]} of $((${#files[@]} - skipped)) files type-check without error ($skipped skipped: build constraints exclude linux/amd64)"

# rundir and compiledir tests
npassfiles=${#passed[@]} dskipped=0
for f in "${dirtests[@]}"; do
	d=${f%.go}.dir
	out=$(cd "$(dirname "$f")" && "$GOC" tool check "$(basename "$f")" 2>&1)
	case $out in *"build constraints exclude all Go files"*) dskipped=$((dskipped + 1)); continue ;; esac
	single=false
	for w in $(grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$f"); do [ "$w" = -s ] && single=true; done
	# the packages: name → line of the list, in the order of first files
	declare -A line=()
	order=()
	for g in $(cd "$d" && ls -- *.go | LC_ALL=C sort); do
		name=$(grep -m 1 -o '^package [[:alnum:]_]*' "$d/$g" | cut -d' ' -f2)
		if $single || [ -z "${line[$name]:-}" ]; then
			path=main
			[ "$name" = main ] || path=test/${g%.go}
			key=$name
			$single && key=$g
			line[$key]="$path $g"
			order+=("$key")
		else
			line[$name]="${line[$name]} $g"
		fi
	done
	for k in "${order[@]}"; do echo "${line[$k]}"; done > "$TMP/list"
	unset line
	out=$(cd "$d" && timeout 20 "$GOC" tool check -e -D test -packages "$TMP/list" 2>&1)
	rc=$?
	if [ $rc = 0 ]; then
		passed+=("$f")
		continue
	fi
	nfail=$((nfail + 1))
	if [ -n "${expected[$f]:-}" ]; then
		nregress=$((nregress + 1))
		echo "FAIL (regression): $f (exit $rc)"
	else
		nknown=$((nknown + 1))
		$verbose && echo "FAIL (known): $f (exit $rc)"
	fi
	$verbose && [ -n "$out" ] && printf '%s\n' "$out" | head -5 | sed 's/^/    /'
done
[ ${#dirtests[@]} -gt 0 ] && echo "runcheck: $((${#passed[@]} - npassfiles)) of $((${#dirtests[@]} - dskipped)) rundir/compiledir tests type-check without error ($dskipped skipped: build constraints exclude linux/amd64)"
if [ "${UPDATE:-0}" = 1 ] && [ $# -eq 0 ]; then
	{ echo "# Files of GOROOT that tests/types/runcheck.sh must pass (UPDATE=1 regenerates)."; printf '%s\n' "${passed[@]}" | sort; } > "$PASS"
	echo "runcheck: wrote $PASS (${#passed[@]} files)"
	nregress=0
elif [ $nknown -gt 0 ]; then
	echo "runcheck: $nknown failing files are not in $(basename "$PASS") (tolerated)"
fi
echo "${#passed[@]} passed, $nregress failed"
[ $nregress = 0 ]
