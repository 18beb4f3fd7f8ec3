#!/bin/bash
# run.sh — escape analysis (src/ssagen/escape.c) against gc's.
#
#   1. The `// errorcheck ... -m` files of GOROOT/test (escape*.go and the
#      others run.go checks with -m): goc's `-gcflags=-m` lines against
#      gc's `go tool compile -m -l` lines of the kinds goc prints: "moved
#      to heap: x", "leaking param[ content]: p[ to result r level=n]",
#      "p does not escape" for parameters, "func literal ...", "...
#      argument ...".  tests/escape/goroot.pass lists the files where the
#      two are equal (UPDATE=1 rewrites it); one that stops being equal is
#      a failure.  The lines matched over all files are counted.
#   2. tests/escape/gocases: programs built by gc and goc with outputs
#      compared (values that must survive their frames, allocation counts
#      of code gc keeps in the frame) — run by tests/runtime/run.sh's
#      gocases too; here they run with GOC_NOESCAPE unset and set.
# Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
GOC=${GOC:-$ROOT/bin/goc}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT_TEST=${GOROOT_TEST:-/usr/share/go-1.19/test}
PASS=$ROOT/tests/escape/goroot.pass
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export GOCCACHE=off GOCACHE=$ROOT/build/gocache GO111MODULE=off
pass=0 fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# the lines of the kinds goc reports, position first, sorted
filter() {
	sed -E 's|^\./||' | grep -E ': (moved to heap: |leaking param|[A-Za-z_][A-Za-z0-9_]* does not escape$|func literal |\.\.\. argument )' |
		sed -E 's/ level=[0-9]+$/&/' | LC_ALL=C sort
}

cd "$GOROOT_TEST" || exit 2
files=$(grep -l '^// errorcheck.*-m' *.go fixedbugs/*.go 2>/dev/null | grep -v -e '^inline' -e '^bounds' -e '^linkname' -e 'live_' -e 'typeparam')
matched=0 total=0 extra=0 equal=0 nfiles=0
: >"$T/pass"
for f in $files; do
	nfiles=$((nfiles + 1))
	d=$T/$(echo "$f" | tr / _)
	mkdir -p "$d" && cp "$f" "$d/x.go"
	(cd "$d" && "$GO" tool compile -m -l -p p x.go 2>&1 | filter >gc.txt)
	# an empty .s file makes the package incomplete, as `go tool compile`
	# without -complete: body-less functions are allowed
	printf 'module p\n\ngo 1.19\n' >"$d/go.mod"
	: >"$d/empty.s"
	(cd "$d" && GO111MODULE=on "$GOC" build -gcflags=-m . 2>&1 | filter >goc.txt)
	# a parameter "does not escape" line of gc's is only wanted where goc
	# knows the name as a parameter: keep gc's lines at positions goc has
	# or of the other kinds
	n=$(wc -l <"$d/gc.txt")
	m=$(comm -12 "$d/gc.txt" "$d/goc.txt" | wc -l)
	x=$(comm -13 "$d/gc.txt" "$d/goc.txt" | wc -l)
	total=$((total + n)) matched=$((matched + m)) extra=$((extra + x))
	if cmp -s "$d/gc.txt" "$d/goc.txt"; then
		equal=$((equal + 1))
		echo "$f" >>"$T/pass"
	elif grep -qx "$f" "$PASS" 2>/dev/null; then
		bad "$f: goc's escape decisions differ from gc's (was equal)"
		diff "$d/gc.txt" "$d/goc.txt" | head -10
	elif [ -n "${VERBOSE:-}" ]; then
		echo "differs: $f"
		diff "$d/gc.txt" "$d/goc.txt" | head -20
	fi
done
echo "GOROOT/test -m files: $equal of $nfiles equal to gc's; lines: $matched of gc's $total matched, $extra of goc's not gc's"
[ -n "${UPDATE:-}" ] && sort "$T/pass" >"$PASS"
pass=$((pass + equal))
cd "$ROOT" || exit 2

# 2. the escape gocases: as the runtime's gocases (outputs against gc's)
for f in tests/escape/gocases/*.go; do
	[ -e "$f" ] || continue
	b=$(basename "$f" .go)
	"$GO" build -o "$T/$b.gc" "$f" 2>"$T/$b.gcerr" || { bad "$b: gc build"; continue; }
	"$T/$b.gc" >"$T/$b.want" 2>&1
	for mode in on off; do
		if [ $mode = off ]; then export GOC_NOESCAPE=1; else unset GOC_NOESCAPE; fi
		if ! "$GOC" build -o "$T/$b.goc" "$f" 2>"$T/$b.err"; then
			bad "$b ($mode): goc build"; head -5 "$T/$b.err"; continue
		fi
		"$T/$b.goc" >"$T/$b.got" 2>&1
		want=$T/$b.want
		# allocation counts are gc's only with the analysis on
		if [ $mode = off ] && grep -q '^alloc ' "$want"; then
			grep -v '^alloc ' "$want" >"$T/$b.want2"; grep -v '^alloc ' "$T/$b.got" >"$T/$b.got2"
			want=$T/$b.want2; cp "$T/$b.got2" "$T/$b.got"
		fi
		if cmp -s "$want" "$T/$b.got"; then pass=$((pass + 1)); else bad "$b ($mode): output differs from gc's"; diff "$want" "$T/$b.got" | head -10; fi
	done
	unset GOC_NOESCAPE
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
