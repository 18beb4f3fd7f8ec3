#!/bin/bash
# run.sh — the Go 1.19 specification's examples, goc against gc.
#
# tests/spec/progs/*.go are import-free programs (unsafe and runtime
# aside) made from the spec's code examples, grouped by spec section; each
# check is a `// spec SECTION: ...` comment naming the example it comes
# from, and the program prints the values the example defines (run-time
# panics are recovered and printed).  Each is built with gc and with goc;
# both run, and their output (stdout and stderr, up to the goroutine
# header of an unrecovered panic: tracebacks differ in offsets) and exit
# status must be equal.
#
# tests/spec/errors/*.go hold the spec's illegal examples, one per line
# marked `// ERROR`: gc and goc must both reject the file, and report
# errors on the same lines (the first line of each message; continuation
# lines "\tF:L:C: other declaration of x" are not counted).  A marked line
# gc does not report is a mistake in the test and fails too.
#
# Prints one line per file, "spec: N checks in N programs, N illegal lines
# in N error files" (a check is one `// spec` comment; the spec's 257 code
# blocks map onto them unevenly), and "N passed, N failed" counting files.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
OUT=$ROOT/build/spec
mkdir -p "$OUT"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }
# up to the goroutine header; "+0x.." offsets and addresses masked
norm() { sed -nE '1,/^goroutine [0-9]+ \[.*\]:$/p' | sed -E 's/pc=0x[0-9a-f]+/pc=PC/; s/\+0x[0-9a-f]+$/+OFF/'; }

nprog=0 nerr=0 nex=0 nill=0
for src in tests/spec/progs/*.go; do
	name=$(basename "$src" .go)
	nprog=$((nprog + 1))
	nex=$((nex + $(grep -c '^[[:space:]]*// spec ' "$src")))
	# gc's output is kept while the program is unchanged
	if [ ! -f "$OUT/$name.want" ] || [ "$src" -nt "$OUT/$name.want" ]; then
		"$GO" build -o "$OUT/$name.gc" "$src" || { bad "$name (gc build)"; continue; }
		timeout 20 "$OUT/$name.gc" 2>&1 | norm >"$OUT/$name.want.tmp"
		echo "exit ${PIPESTATUS[0]}" >>"$OUT/$name.want.tmp"
		mv "$OUT/$name.want.tmp" "$OUT/$name.want"
	fi
	if ! "$GOC" build -o "$OUT/$name" "$src" 2>"$OUT/$name.berr"; then
		bad "$name (goc build)"
		head -3 "$OUT/$name.berr"
		continue
	fi
	timeout 20 "$OUT/$name" 2>&1 | norm >"$OUT/$name.got"
	echo "exit ${PIPESTATUS[0]}" >>"$OUT/$name.got"
	if cmp -s "$OUT/$name.want" "$OUT/$name.got"; then
		ok "$name"
	else
		bad "$name: output or exit status differs from gc's"
		diff "$OUT/$name.want" "$OUT/$name.got" | head -10
	fi
done

# the lines of FILE's first-line error messages in build output OUTFILE
errlines() { grep -oE "^(\./)?$1:[0-9]+:" "$2" | sed -E 's/.*:([0-9]+):$/\1/' | sort -nu | tr '\n' ' '; }

for src in tests/spec/errors/*.go; do
	name=$(basename "$src" .go)
	nerr=$((nerr + 1))
	marked=$(grep -n '// ERROR' "$src" | cut -d: -f1 | tr '\n' ' ')
	nill=$((nill + $(echo $marked | wc -w)))
	if [ ! -f "$OUT/$name.gcerr" ] || [ "$src" -nt "$OUT/$name.gcerr" ]; then
		(cd tests/spec/errors && "$GO" build -o /dev/null "$name.go") >"$OUT/$name.gcerr" 2>&1
		echo "exit $?" >>"$OUT/$name.gcerr"
	fi
	(cd tests/spec/errors && "$GOC" build -o /dev/null "$name.go") >"$OUT/$name.gocerr" 2>&1
	rc=$?
	gclines=$(errlines "$name.go" "$OUT/$name.gcerr")
	goclines=$(errlines "$name.go" "$OUT/$name.gocerr")
	missing=
	for l in $marked; do
		case " $gclines " in *" $l "*) ;; *) missing="$missing $l" ;; esac
	done
	if grep -qx 'exit 0' "$OUT/$name.gcerr"; then
		bad "errors/$name: gc accepts it"
	elif [ -n "$missing" ]; then
		bad "errors/$name: gc reports no error on marked line(s)$missing (gc: $gclines)"
	elif [ "$rc" = 0 ]; then
		bad "errors/$name: goc accepts it (gc rejects lines $gclines)"
	elif [ "$gclines" != "$goclines" ]; then
		bad "errors/$name: goc reports lines ${goclines:-none }, gc $gclines"
		diff <(grep -v '^exit' "$OUT/$name.gcerr") "$OUT/$name.gocerr" | head -10
	else
		ok "errors/$name"
	fi
done
echo "spec: $nex checks in $nprog programs, $nill illegal lines in $nerr error files"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
