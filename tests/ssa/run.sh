#!/bin/bash
# run.sh — tests of the SSA IR and its machine-independent passes
# (src/ssa), through `goc tool ssa -passes` with the IR checker on
# (-d ssa/check/on: on the input and after every pass):
#   golden    tests/ssa/*.ssa: the passes named by the file's "// run:" line,
#             output compared with NAME.golden (with "// interp: ARGS", the
#             interpreter's results before and after must agree, and are
#             part of the golden output)
#   pipeline  every *.ssa again through the whole pass table
#   fold      fold.ssa's folded constants against gc's run-time values
#             (fold_oracle.go, written with fold.ssa by mkfold.py)
#   checker   bad/*.ssa: malformed IR rejected, exit 2, the message of
#             the file's "// error:" line
#   html      -html writes one column per pass
#   random    randtest.c: random functions, interpreted before and after
#             all passes (RANDTEST_N functions, default 3000)
# Options: -update rewrites the golden files (review the diff!).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
. "$ROOT/tests/lib.sh"
UPDATE=0
[ "${1:-}" = "-update" ] && UPDATE=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

[ -x "$GOC" ] || { echo "no $GOC (make first)"; echo "0 passed, 1 failed"; exit 1; }

# golden
for f in tests/ssa/*.ssa; do
	name=$(basename "$f" .ssa)
	run=$(sed -n 's|^// run: ||p' "$f")
	ia=$(sed -n 's|^// interp: ||p' "$f")
	"$GOC" tool ssa -passes -d ssa/check/on ${run:+-run "$run"} ${ia:+-interp "$ia"} "$f" >"$T/out" 2>&1
	echo "exit $?" >>"$T/out"
	g=tests/ssa/$name.golden
	if [ $UPDATE = 1 ]; then
		cp "$T/out" "$g"
		ok
	elif diff -u "$g" "$T/out" >"$T/diff" 2>&1; then
		ok
	else
		bad "golden $name"
		head -40 "$T/diff"
	fi
done

# pipeline: all passes, checker on, interpreter agrees
for f in tests/ssa/*.ssa; do
	ia=$(sed -n 's|^// interp: ||p' "$f")
	if "$GOC" tool ssa -passes -d ssa/check/on ${ia:+-interp "$ia"} "$f" >"$T/out" 2>&1; then
		ok
	else
		bad "pipeline $(basename "$f")"
		tail -5 "$T/out"
	fi
done

# fold: against gc
if [ -x "$GO" ]; then
	o=$(oracle fold_oracle tests/ssa/fold_oracle.go)
	"$o" >"$T/gc"
	"$GOC" tool ssa -passes -d ssa/check/on -run opt tests/ssa/fold.ssa >"$T/goc"
	if python3 tests/ssa/foldcheck.py "$T/goc" "$T/gc" >"$T/fold"; then
		ok
	else
		bad "fold against gc"
	fi
	cat "$T/fold"
else
	echo "fold: no gc, skipped"
fi

# checker: malformed IR
nb=0
for f in tests/ssa/bad/*.ssa; do
	want=$(sed -n 's|^// error: ||p' "$f")
	"$GOC" tool ssa -passes -d ssa/check/on -run deadcode "$f" >/dev/null 2>"$T/err"
	rc=$?
	if [ $rc = 2 ] && grep -qF -- "$want" "$T/err"; then
		ok
		nb=$((nb + 1))
	else
		bad "checker $(basename "$f") (exit $rc): want '$want', got: $(head -3 "$T/err")"
	fi
done
echo "checker: $nb malformed inputs rejected with the expected message"

# html: one column per pass (plus the input)
if "$GOC" tool ssa -passes -html "$T/ssa.html" tests/ssa/cse.ssa >/dev/null 2>&1; then
	cols=$(grep -o '<th>' "$T/ssa.html" | wc -l)
	# passes in the table: lines of ssa_passes[] (up to the closing brace)
	npass=$(sed -n '/^const SsaPass ssa_passes\[\] = {/,/^};/p' src/ssa/compile.c | grep -c '^	{"')
	if [ "$cols" = $((npass + 1)) ]; then ok; else bad "html: $cols columns, want $((npass + 1))"; fi
else
	bad "html"
fi

# -func lowers Go source and prints the IR after every pass
printf 'package main\n\nfunc main() { println(1) }\n' >"$T/x.go"
if "$GOC" tool ssa -func main -d ssa/check/on "$T/x.go" >"$T/out" 2>"$T/err" && grep -q "^# after layout" "$T/out"; then
	ok
else
	bad "-func: $(cat "$T/err")"
fi

# random
if gcc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Wno-unused-parameter -o "$T/randtest" tests/ssa/randtest.c \
	build/obj/ssa/*.o build/obj/base/*.o -lm 2>"$T/cc"; then
	start=$(date +%s.%N)
	if "$T/randtest" -n "${RANDTEST_N:-3000}" -seed "${RANDTEST_SEED:-1}" >"$T/rand" 2>"$T/randerr"; then
		ok
	else
		bad "randtest"
		head -60 "$T/randerr"
	fi
	end=$(date +%s.%N)
	cat "$T/rand"
	echo "randtest: $(echo "$end - $start" | bc) s"
else
	bad "randtest does not compile"
	head -20 "$T/cc"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
