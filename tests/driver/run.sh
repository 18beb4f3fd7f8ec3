#!/bin/bash
# run.sh — `goc build` and `goc run` as commands, against gc's go command:
# compile errors shown as `go build` shows them ("# command-line-arguments",
# each file's directory shortened relative to the working directory, exit
# status 2), from several working directories; `goc run` passing arguments
# and the exit status through.  Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/goc-driver.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }

mkdir -p "$T/a/b"
printf 'package main\n\nfunc main() {\n\tx := 1\n}\n' >"$T/a/b/unused.go"
printf 'package main\n\nfunc main() {\n\tvar s string = 1\n\t_ = s\n}\n' >"$T/a/b/mism.go"
printf 'package main\n\nfunc main() {\n\tif {\n}\n' >"$T/a/syntax.go"
# gc 1.19's noder rejects local types in generic functions (go/types accepts them)
printf 'package main\n\nfunc G[T any]() {\n\ttype P struct{ a T }\n\tfunc() {\n\t\ttype I int\n\t}()\n}\n\ntype S[T any] struct{}\n\nfunc (*S[T]) M() {\n\ttype X int\n}\n\nfunc main() { G[int]() }\n' >"$T/a/localtype.go"

# case DIR FILE: goc build and go build of FILE from DIR print the same
# and exit with the same status
case1() {
	local dir=$1 file=$2 grc rc
	(cd "$dir" && "$GO" build -o "$T/gc.exe" "$file") >"$T/want" 2>&1
	grc=$?
	(cd "$dir" && "$GOC" build -o "$T/goc.exe" "$file") >"$T/got" 2>&1
	rc=$?
	if [ "$rc" != "$grc" ]; then
		bad "build $file in $dir: exit status $rc, go build's $grc"
	elif ! cmp -s "$T/want" "$T/got"; then
		bad "build $file in $dir: output differs from go build's"
		diff "$T/want" "$T/got" | head -6
	else
		ok "build $file in $dir ($(sed -n 2p "$T/got" | cut -d: -f1))"
	fi
}
case1 "$T/a/b" unused.go
case1 "$T/a/b" ./mism.go
case1 "$T/a" b/unused.go
case1 "$T/a" b/../b/mism.go
case1 "$T/a/b" ../syntax.go
case1 "$T" "$T/a/b/unused.go"
case1 / "$T/a/syntax.go"
case1 "$ROOT" "$T/a/b/mism.go"
case1 "$T/a" localtype.go

# GOSSAFUNC=NAME: ssa.html in the working directory, a column per pass
# and genssa; the message as go build shows gc's
printf 'package main\n\ntype T struct{ n int }\n\nfunc (t *T) Inc() { t.n++ }\n\nfunc main() {\n\tt := &T{}\n\tt.Inc()\n\tprintln(t.n)\n}\n' >"$T/a/m.go"
for name in '(*T).Inc' main.main a:m.go; do
	dir=$T file=a/m.go
	# (another program: the go command would replay a cached compile's output)
	[ "$name" = a:m.go ] && dir=$T/a file=n.go name=main.main && sed 's/n++/n += 2/' "$T/a/m.go" >"$T/a/n.go"
	rm -f "$dir/ssa.html"
	(cd "$dir" && GOSSAFUNC=$name "$GO" build -o "$T/gc.exe" $file) >"$T/want" 2>&1
	(cd "$dir" && GOSSAFUNC=$name "$GOC" build -o "$T/goc.exe" $file) >"$T/got" 2>&1
	cols=$(grep -c '<th>' "$dir/ssa.html" 2>/dev/null)
	if cmp -s "$T/want" "$T/got" && grep -q '<th>opt</th>' "$dir/ssa.html" && grep -q '<th>genssa</th>' "$dir/ssa.html" &&
		grep -q 'TEXT' "$dir/ssa.html"; then
		ok "GOSSAFUNC=$name in $dir: ssa.html with $cols columns ($(tail -1 "$T/got"))"
	else
		bad "GOSSAFUNC=$name"; diff "$T/want" "$T/got" | head -5
	fi
done

# goc run: arguments and the exit status pass through; nothing is left
# in the working directory
printf 'package main\n\nfunc main() {\n\tprintln("hi")\n\tpanic("boom")\n}\n' >"$T/p.go"
(cd "$T" && "$GOC" run p.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 2 ] && head -3 "$T/out" | cmp -s - <(printf 'hi\npanic: boom\n\n'); then
	ok "run: panic exits 2"
else
	bad "run: exit status $rc, output:"; head -3 "$T/out"
fi
printf 'package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(i)\n\t}\n}\n' >"$T/ok.go"
before=$(ls "$T" | wc -l)
(cd "$T" && "$GOC" run ok.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 0 ] && printf '0\n1\n2\n' | cmp -s - "$T/out" && [ "$(ls "$T" | wc -l)" = "$before" ]; then
	ok "run: output, exit status 0, no file left"
else
	bad "run: exit status $rc, files $(ls "$T" | tr '\n' ' ')"
fi
# imports: the runtime overlay is compiled with the program (type errors
# against it as gc reports them); other packages stop the build loudly
printf 'package main\n\nimport "runtime"\n\nfunc main() {\n\truntime.Nope()\n}\n' >"$T/a/rtundef.go"
case1 "$T/a" rtundef.go
printf 'package main\n\nimport "runtime"\n\nfunc main() {\n\tprintln(runtime.GOOS, runtime.NumGoroutine())\n}\n' >"$T/rt.go"
(cd "$T" && "$GOC" run rt.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 0 ] && printf 'linux 1\n' | cmp -s - "$T/out"; then
	ok "run: import \"runtime\""
else
	bad "run: import \"runtime\": exit status $rc"; head -3 "$T/out"
fi
printf 'package main\n\nimport (\n\t"runtime"\n\t"fmt"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOOS)\n}\n' >"$T/fmt.go"
(cd "$T" && "$GOC" build -o "$T/fmt.exe" fmt.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 0 ] && [ ! -s "$T/out" ] && "$T/fmt.exe" >"$T/out" 2>&1 && printf 'linux\n' | cmp -s - "$T/out"; then
	ok "build: import \"fmt\" (the standard library from source)"
else
	bad "build: import \"fmt\": exit status $rc"; head -3 "$T/out"
fi
# goc tool check checks the bodies of the named packages by default
# (unused.go's error is in a body), none with -nobodies
(cd "$T/a/b" && "$GOC" tool check unused.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 1 ] && printf 'unused.go:4:2: x declared but not used\n' | cmp -s - "$T/out"; then
	ok "tool check: function bodies checked by default"
else
	bad "tool check unused.go: exit status $rc"; head -3 "$T/out"
fi
(cd "$T/a/b" && "$GOC" tool check -nobodies unused.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 0 ] && [ ! -s "$T/out" ]; then
	ok "tool check -nobodies: bodies not checked"
else
	bad "tool check -nobodies unused.go: exit status $rc"; head -3 "$T/out"
fi
# deep nesting: a left-nested chain of 200,000 additions (constant and
# not) is as deep in the passes that recurse over the tree; goc's stack
# (src/base/stack.c) holds it, and a smaller one (GOC_STACK_MB) stops
# with a positioned error and exit status 2, never a crash
awk 'BEGIN { printf "package main\n\nfunc main() {\n\tx := 0"; for (i = 0; i < 200000; i++) printf "+1";
	printf "\n\ty := 0\n\tz := y"; for (i = 0; i < 200000; i++) printf "+1"; printf "\n\tprintln(x, z)\n}\n" }' >"$T/deep.go"
for t in "tool syntax" "tool check" run; do
	# shellcheck disable=SC2086
	(cd "$T" && "$GOC" $t deep.go) >"$T/out" 2>&1
	rc=$?
	want=; [ "$t" = run ] && want='200000 200000'
	if [ "$rc" = 0 ] && [ "$(cat "$T/out")" = "$want" ]; then
		ok "$t: 200,000-term expressions"
	else
		bad "$t deep.go: exit status $rc"; head -3 "$T/out"
	fi
done
for t in "tool check" "build -o $T/deep.exe"; do
	# shellcheck disable=SC2086
	(cd "$T" && GOC_STACK_MB=16 "$GOC" $t deep.go) >"$T/out" 2>&1
	rc=$?
	if [ "$rc" = 2 ] && grep -qx "deep.go:4:7: expression or statement nested too deeply (goc's 16 MiB stack is exhausted)" "$T/out"; then
		ok "${t%% -o*}: too deep for a 16 MiB stack: a positioned error, exit 2"
	else
		bad "${t%% -o*} deep.go with a 16 MiB stack: exit status $rc"; head -3 "$T/out"
	fi
done
# cgo is not there yet: refused at the import
printf 'package main\n\nimport "C"\n\nfunc main() {}\n' >"$T/cgo.go"
(cd "$T" && "$GOC" build -o "$T/cgo.exe" cgo.go) >"$T/out" 2>&1
rc=$?
if [ "$rc" = 2 ] && printf 'cgo.go:3:8: not implemented yet: cgo (import "C")\n' | cmp -s - "$T/out"; then
	ok "build: import \"C\" is not implemented yet (exit 2)"
else
	bad "build: import \"C\": exit status $rc"; head -3 "$T/out"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
