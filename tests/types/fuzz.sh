#!/bin/bash
# fuzz.sh — fuzzes goc's type checker with mutated Go files, under the
# sanitizer build (bin/goc-asan: ASan + UBSan).
#
#   tests/types/fuzz.sh [N]        (N mutants, default $FUZZ_N or 200)
#
# Sources: every file of every std package (`goc list std`) and every
# GOROOT/test file of tests/types/testfiles.sh (run and errorcheck).
# tests/types/fuzzmut.go (built with gc) writes mutant i of seed
# $FUZZ_SEED (default 1) deterministically: one to three token or line
# mutations (delete, duplicate, swap, replace an identifier, change a
# literal, insert a keyword or operator).  Each mutant is checked with
# `goc-asan tool check -e`:
#   - a std file in its package: in a scratch GOROOT whose src is the real
#     one but for the mutated file (symbolic links), checked by import path
#     (the dependencies are checked too, their bodies not);
#   - a GOROOT/test file alone, as a single-file package.
# Exit 0 (clean) or 1 (errors reported) is a pass; a crash, a sanitizer
# report, an internal compiler error, any other exit status or a hang
# (timeout ${FUZZ_TIMEOUT:-10} s) is a failure: the mutant is kept in
# build/fuzz-types/ with its description.
#
# Before fuzzing, every input of tests/types/fuzz-regress/ (inputs that once
# failed, kept once fixed) is replayed the same way; its first line says
# how: `// fuzz-regress: pkg IMPORTPATH FILE` (the file replaces FILE of
# package IMPORTPATH) or `// fuzz-regress: file` (checked alone).
#
# FUZZ_FROM=I starts at mutant I (to continue a run or replay one mutant).
# Ends with "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
N=${1:-${FUZZ_N:-200}}
SEED=${FUZZ_SEED:-1}
FROM=${FUZZ_FROM:-0}
TIMEOUT=${FUZZ_TIMEOUT:-10}
ASAN=${GOC_ASAN:-$ROOT/bin/goc-asan}
[ -x "$ASAN" ] || make -s -C "$ROOT" asan || exit 2
MUT=$(oracle fuzzmut tests/types/fuzzmut.go) || exit 2
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
export ASAN_OPTIONS=exitcode=86:detect_leaks=0
export UBSAN_OPTIONS=exitcode=87:halt_on_error=1:print_stacktrace=1
KEEP=$ROOT/build/fuzz-types
mkdir -p "$KEEP"
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
REAL=$(cd "$GOROOT_SRC" && pwd -P)

# the scratch GOROOT: links to the real one; directories on the way to a
# mutated package are made real on demand (mkreal), files linked back after
mkdir -p "$work/goroot/src" "$work/t"
for e in "$REAL"/*; do
	[ "$(basename "$e")" = src ] || ln -s "$e" "$work/goroot/"
done
for e in "$REAL"/src/*; do ln -s "$e" "$work/goroot/src/"; done
mkreal() { # DIR relative to src: make each component a real directory
	local d=$work/goroot/src rel=
	local IFS=/
	for c in $1; do
		rel=${rel:+$rel/}$c
		d=$d/$c
		if [ -L "$d" ]; then
			rm "$d"
			mkdir "$d"
			local e
			for e in "$REAL/src/$rel"/* "$REAL/src/$rel"/.[!.]*; do
				[ -e "$e" ] && ln -s "$e" "$d/"
			done
		fi
	done
}

pass=0 fail=0 nerrs=0 nsyntax=0
# check1 KIND KEY ORIG FILE LABEL: checks FILE as a mutant of ORIG
check1() {
	local kind=$1 key=$2 orig=$3 file=$4 label=$5 rc out
	if [ "$kind" = pkg ]; then
		mkreal "$key"
		local dst=$work/goroot/src/$key/$(basename "$orig")
		rm -f "$dst"
		cp "$file" "$dst"
		out=$(cd "$work/t" && GOROOT=$work/goroot timeout "$TIMEOUT" "$ASAN" tool check -e "$key" 2>&1 >/dev/null)
		rc=$?
		rm -f "$dst"
		ln -s "$orig" "$dst"
	else
		cp "$file" "$work/t/x.go"
		out=$(cd "$work/t" && timeout "$TIMEOUT" "$ASAN" tool check -e x.go 2>&1 >/dev/null)
		rc=$?
		rm -f "$work/t/x.go"
	fi
	local why=
	case $rc in
	0 | 1) ;;
	124) why="hang (over ${TIMEOUT}s)" ;;
	86 | 87) why="sanitizer report" ;;
	*) why="exit $rc" ;;
	esac
	case $out in *"internal compiler error"*) why=${why:-internal compiler error} ;; esac
	# (not just "runtime error:": goc's messages quote Go source, which may say that)
	if printf '%s\n' "$out" | grep -qE '^(==[0-9]+==ERROR: |SUMMARY: [A-Za-z]*Sanitizer)|\.[ch]:[0-9]+:[0-9]+: runtime error: '; then
		why=${why:-sanitizer report}
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		[ $rc = 1 ] && nerrs=$((nerrs + 1))
		case $out in *"syntax error"*) nsyntax=$((nsyntax + 1)) ;; esac
		return
	fi
	fail=$((fail + 1))
	echo "FAIL: $label: $why"
	printf '%s\n' "$out" | grep -m 3 -E 'internal compiler error|==ERROR: |\.[ch]:[0-9]+:[0-9]+: runtime error|^ *#[0-3] ' | sed 's/^/    /'
}

# replay the regression inputs
nreg=0
for f in "$ROOT"/tests/types/fuzz-regress/*.go; do
	[ -f "$f" ] || continue
	read -r _ _ kind key base < "$f"
	case $kind in
	pkg) check1 pkg "$key" "$REAL/src/$key/$base" "$f" "regress $(basename "$f")" ;;
	*) check1 file file "" "$f" "regress $(basename "$f")" ;;
	esac
	nreg=$((nreg + 1))
done

# the sources
"$GOC" list std | while read -r line; do
	p=${line%%:*}
	[ "$p" = unsafe ] && continue
	files=${line#*GoFiles=[}
	files=${files%%]*}
	for f in $files; do printf '%s\t%s\n' "$p" "$REAL/src/$p/$f"; done
done > "$work/sources"
{ "$ROOT/tests/types/testfiles.sh" run; "$ROOT/tests/types/testfiles.sh" errorcheck; } |
	while read -r f; do printf 'file\t%s\n' "$REAL/$f"; done >> "$work/sources"
mkdir -p "$work/m"
"$MUT" -seed "$SEED" -from "$FROM" -n "$N" -list "$work/sources" -out "$work/m" || exit 2

start=$SECONDS
while IFS=$'\t' read -r i key orig what; do
	kind=pkg
	[ "$key" = file ] && kind=file
	f0=$fail
	check1 "$kind" "$key" "$orig" "$work/m/$i.go" "mutant $i of ${orig#"$REAL"/} ($what)"
	if [ "$fail" != "$f0" ]; then
		if [ "$kind" = pkg ]; then
			{ echo "// fuzz-regress: pkg $key $(basename "$orig")"; cat "$work/m/$i.go"; } > "$KEEP/seed$SEED-$i.go"
		else
			{ echo "// fuzz-regress: file"; cat "$work/m/$i.go"; } > "$KEEP/seed$SEED-$i.go"
		fi
		echo "    kept as build/fuzz-types/seed$SEED-$i.go"
	fi
done < "$work/m/index"
echo "fuzz: $nreg regression inputs, $N mutants (seed $SEED, from $FROM) in $((SECONDS - start))s; $nerrs rejected with errors ($nsyntax of them syntax errors), the others clean"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
