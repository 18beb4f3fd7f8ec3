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
	# (no cache: a build cached by the run above would not compile)
	(cd "$T" && GOCCACHE=off GOC_STACK_MB=16 "$GOC" $t deep.go) >"$T/out" 2>&1
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

# packages: a module with a library and a command, named by import
# paths, directories and ./... patterns, as go build and go run take them
M=$T/mod
mkdir -p "$M/lib" "$M/cmd/hi"
printf 'module example.com/m1\n\ngo 1.19\n' >"$M/go.mod"
printf 'package lib\n\nimport "strings"\n\nvar Count int\n\nfunc init() { Count = 3 }\n\nfunc Up(s string) string { return strings.ToUpper(s) }\n' >"$M/lib/lib.go"
printf 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"example.com/m1/lib"\n)\n\nfunc main() { fmt.Println(lib.Up("hi"), lib.Count, os.Args[1:]) }\n' >"$M/cmd/hi/main.go"
pkgcase() { # NAME DIR CMD...: goc and go print the same, exit the same, and leave the same files
	local name=$1 dir=$2 grc rc
	shift 2
	rm -rf "$T/g" "$T/c" && mkdir -p "$T/g" "$T/c"
	(cd "$dir" && GO111MODULE=on "$GO" "$@") >"$T/want" 2>&1
	grc=$?
	(cd "$dir" && find . -newer "$T/g" -type f | sort >"$T/gfiles"; find . -newer "$T/g" -type f -delete)
	(cd "$dir" && GO111MODULE=on "$GOC" "$@") >"$T/got" 2>&1
	rc=$?
	(cd "$dir" && find . -newer "$T/g" -type f | sort >"$T/cfiles"; find . -newer "$T/g" -type f -delete)
	if [ "$rc" != "$grc" ]; then
		bad "$name: exit status $rc, go's $grc"; head -5 "$T/got"
	elif ! cmp -s "$T/want" "$T/got"; then
		bad "$name: output differs from go's"; diff "$T/want" "$T/got" | head -6
	elif ! cmp -s "$T/gfiles" "$T/cfiles"; then
		bad "$name: files written differ: $(tr '\n' ' ' <"$T/cfiles"), go's $(tr '\n' ' ' <"$T/gfiles")"
	else
		ok "$name ($(tr '\n' ' ' <"$T/cfiles"))"
	fi
}
pkgcase "build ./..." "$M" build ./...
pkgcase "build ./cmd/hi" "$M" build ./cmd/hi
pkgcase "build example.com/m1/cmd/hi" "$M/lib" build example.com/m1/cmd/hi
pkgcase "build in the command's directory" "$M/cmd/hi" build
pkgcase "build -o bin/ ./..." "$M" build -o bin/ ./...
pkgcase "run ./cmd/hi a b" "$M" run ./cmd/hi a b
pkgcase "build ./lib (a check)" "$M" build ./lib
pkgcase "build ./nope" "$M" build ./nope
pkgcase "build example.com/m1/nope" "$M" build example.com/m1/nope

# goc test against go test: passing, failing, untested and broken
# packages, an example with the wrong output, an external test package,
# TestMain; timings masked
TM=$T/tm
mkdir -p "$TM/pass" "$TM/fail" "$TM/none" "$TM/broken" "$TM/ex" "$TM/main"
printf 'module example.com/tm\n\ngo 1.19\n' >"$TM/go.mod"
printf 'package pass\n\nfunc Add(a, b int) int { return a + b }\n' >"$TM/pass/p.go"
printf 'package pass\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Fatal("bad")\n\t}\n\tt.Log("logged")\n}\n\nfunc BenchmarkAdd(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tAdd(i, i)\n\t}\n}\n' >"$TM/pass/p_test.go"
printf 'package pass_test\n\nimport (\n\t"fmt"\n\t"testing"\n\n\t"example.com/tm/pass"\n)\n\nfunc TestX(t *testing.T) {}\n\nfunc ExampleAdd() {\n\tfmt.Println(pass.Add(2, 2))\n\tfmt.Println("x")\n\t// Unordered output:\n\t// x\n\t// 4\n}\n\nfunc ExampleNoOutput() {\n\tpanic("not run")\n}\n' >"$TM/pass/x_test.go"
printf 'package fail\n\nimport "testing"\n\nfunc TestBad(t *testing.T) { t.Errorf("got %%d", 4) }\nfunc TestGood(t *testing.T) {}\n' >"$TM/fail/f_test.go"
printf 'package none\n' >"$TM/none/n.go"
printf 'package broken\n\nimport "testing"\n\nfunc TestX(t *testing.T) { x := 1 }\n' >"$TM/broken/b_test.go"
printf 'package ex_test\n\nimport "fmt"\n\nfunc ExampleHello() {\n\tfmt.Println("hello")\n\t// Output: hello\n}\n\nfunc ExampleBad() {\n\tfmt.Println("a")\n\t// Output:\n\t// b\n}\n' >"$TM/ex/ex_test.go"
printf 'package ex\n' >"$TM/ex/ex.go"
printf 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"testing"\n)\n\nfunc TestMain(m *testing.M) {\n\tfmt.Println("setup")\n\tos.Exit(m.Run())\n}\n\nfunc TestOne(t *testing.T) {\n\tif _, err := os.Stat("m_test.go"); err != nil {\n\t\tt.Fatal(err)\n\t}\n}\n' >"$TM/main/m_test.go"
sed -i 's/^package main$/package tmain/' "$TM/main/m_test.go"
testcase() { # NAME DIR ARGS...: go test and goc test print the same (timings masked), exit the same
	local name=$1 dir=$2 grc rc
	shift 2
	(cd "$dir" && GO111MODULE=on "$GO" test "$@") 2>&1 | sed -E 's/[0-9]+\.[0-9]+s/T/; s/\([0-9.]+s\)/(T)/; s/\(cached\)/T/; /^Benchmark/d; /^goos|^goarch|^pkg:|^cpu:/d' >"$T/want"
	grc=${PIPESTATUS[0]}
	(cd "$dir" && GO111MODULE=on "$GOC" test "$@") 2>&1 | sed -E 's/[0-9]+\.[0-9]+s/T/; s/\([0-9.]+s\)/(T)/; s/\(cached\)/T/; /^Benchmark/d; /^goos|^goarch|^pkg:|^cpu:/d' >"$T/got"
	rc=${PIPESTATUS[0]}
	if [ "$rc" != "$grc" ]; then
		bad "$name: exit status $rc, go test's $grc"; head -5 "$T/got"
	elif ! cmp -s <(sort "$T/want") <(sort "$T/got"); then
		bad "$name: output differs from go test's"; diff "$T/want" "$T/got" | head -8
	else
		ok "$name"
	fi
}
testcase "test ./pass" "$TM" ./pass
testcase "test -v ./pass" "$TM" -v ./pass
testcase "test -run TestX -v ./pass" "$TM" -run TestX -v ./pass
testcase "test -bench . -run XXX ./pass" "$TM" -bench . -run XXX ./pass
testcase "test ./fail" "$TM" ./fail
testcase "test ./none" "$TM" ./none
testcase "test ./broken" "$TM" ./broken
testcase "test ./ex" "$TM" ./ex
testcase "test ./main (TestMain, testdata directory)" "$TM" ./main
testcase "test in the directory" "$TM/pass"
testcase "test ./..." "$TM" ./...

# the build cache (GOCCACHE: goc's own, off elsewhere in the tests): a
# second build of the same program comes from it, byte for byte; an edit
# makes a new entry; a damaged entry is rebuilt, never used; two goc
# processes filling one cache at once; -a; goc clean -cache
C=$T/cache
export GOCCACHE=$C
entries() { find "$C" -name '*-goc-exe' 2>/dev/null | wc -l; }
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi1" ./cmd/hi) && n1=$(entries)
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi2" ./cmd/hi) && n2=$(entries)
if [ "$n1" = 1 ] && [ "$n2" = 1 ] && cmp -s "$T/hi1" "$T/hi2" && [ "$("$T/hi2" x)" = "HI 3 [x]" ]; then
	ok "cache: the second build is the cached executable (1 entry)"
else
	bad "cache: entries $n1 then $n2, or the executables differ"
fi
sed -i 's/Count = 3/Count = 4/' "$M/lib/lib.go"
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi3" ./cmd/hi)
if [ "$(entries)" = 2 ] && [ "$("$T/hi3" x)" = "HI 4 [x]" ]; then
	ok "cache: an edited dependency makes a new entry"
else
	bad "cache: after an edit: $(entries) entries, output $("$T/hi3" x)"
fi
sed -i 's/Count = 4/Count = 3/' "$M/lib/lib.go"
e=$(find "$C" -name '*-goc-exe' -newer "$T/hi1" | head -1)
[ -z "$e" ] && e=$(find "$C" -name '*-goc-exe' | head -1)
for f in $(find "$C" -name '*-goc-exe'); do printf 'XXXX' | dd of="$f" bs=1 seek=5000 conv=notrunc 2>/dev/null; done
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi4" ./cmd/hi)
if [ "$("$T/hi4" y)" = "HI 3 [y]" ] && cmp -s "$T/hi1" "$T/hi4"; then
	ok "cache: a damaged entry is rebuilt, not used"
else
	bad "cache: damaged entry: output $("$T/hi4" y)"
fi
rm -rf "$C"
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi5" ./cmd/hi) & (cd "$M" && GO111MODULE=on "$GOC" build -o "$T/hi6" ./cmd/hi) & wait
if cmp -s "$T/hi5" "$T/hi6" && [ "$(entries)" = 1 ] && [ -z "$(find "$C" -name '*.tmp*')" ] && [ "$("$T/hi5")" = "HI 3 []" ]; then
	ok "cache: two goc processes filling it at once"
else
	bad "cache: concurrent builds: $(entries) entries, $(find "$C" -name '*.tmp*' | wc -l) temporary files"
fi
before=$(find "$C" -name '*-goc-exe' -printf '%T@\n')
sleep 0.05
(cd "$M" && GO111MODULE=on "$GOC" build -a -o "$T/hi7" ./cmd/hi)
after=$(find "$C" -name '*-goc-exe' -printf '%T@\n')
if [ "$before" != "$after" ] && cmp -s "$T/hi5" "$T/hi7"; then
	ok "cache: -a rebuilds (the entry is written again, the same bytes)"
else
	bad "cache: -a did not rebuild"
fi
"$GOC" clean -cache
if [ "$(entries)" = 0 ]; then ok "cache: goc clean -cache"; else bad "cache: goc clean -cache left $(entries)"; fi

# per-package entries: an edit of the command compiles only it again (one
# new package entry), an edit of its library both; back to the first
# sources, every package comes from the cache and the executable is the
# first one byte for byte; damaged package entries are compiled again,
# never linked
pkgs() { find "$C" -name '*-goc-pkg' 2>/dev/null | wc -l; }
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/p1" ./cmd/hi) && p1=$(pkgs)
sed -i 's/lib.Count, os.Args/lib.Count, "m", os.Args/' "$M/cmd/hi/main.go"
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/p2" ./cmd/hi) && p2=$(pkgs)
sed -i 's/Count = 3/Count = 5/' "$M/lib/lib.go"
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/p3" ./cmd/hi) && p3=$(pkgs)
if [ "$p2" = $((p1 + 1)) ] && [ "$p3" = $((p2 + 2)) ] && [ "$("$T/p2" x)" = "HI 3 m [x]" ] && [ "$("$T/p3" x)" = "HI 5 m [x]" ]; then
	ok "cache: an edited command compiles 1 package again, an edited library 2 ($p1 entries, then $p2, $p3)"
else
	bad "cache: package entries $p1, $p2, $p3; output $("$T/p2" x), $("$T/p3" x)"
fi
sed -i 's/Count = 5/Count = 3/' "$M/lib/lib.go"
sed -i 's/lib.Count, "m", os.Args/lib.Count, os.Args/' "$M/cmd/hi/main.go"
find "$C" -name '*-goc-exe' -delete
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/p4" ./cmd/hi)
if [ "$(pkgs)" = "$p3" ] && cmp -s "$T/p1" "$T/p4"; then
	ok "cache: linked from cached packages only, the executable is the same"
else
	bad "cache: from cached packages: $(pkgs) entries (want $p3), executables differ"
fi
find "$C" -name '*-goc-exe' -delete
for f in $(find "$C" -name '*-goc-pkg'); do printf 'XXXX' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null; done
(cd "$M" && GO111MODULE=on "$GOC" build -o "$T/p5" ./cmd/hi)
if cmp -s "$T/p1" "$T/p5" && [ "$("$T/p5" y)" = "HI 3 [y]" ]; then
	ok "cache: damaged package entries are compiled again, not linked"
else
	bad "cache: damaged package entries: output $("$T/p5" y)"
fi

# a program using reflection (descriptors, method tables, typelinks,
# itabs gathered over the whole program) built without the cache, into
# an empty cache, from the cache, and with its own package edited: the
# same executable, the same output
R=$T/refl
mkdir -p "$R/shape"
printf 'module example.com/refl\n\ngo 1.19\n' >"$R/go.mod"
cat >"$R/shape/shape.go" <<'EOS'
package shape

import "fmt"

type Shape interface{ Area() float64 }

type Rect struct {
	W, H float64 `json:"w"`
}

func (r Rect) Area() float64   { return r.W * r.H }
func (r *Rect) Scale(k float64) { r.W *= k; r.H *= k }

type Box[T any] struct{ Items []T }

func (b *Box[T]) Add(x T) { b.Items = append(b.Items, x) }
func (b Box[T]) String() string { return fmt.Sprint(len(b.Items), " items") }
EOS
cat >"$R/main.go" <<'EOS'
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/template"

	"example.com/refl/shape"
)

type Named struct {
	Name  string
	Shape shape.Shape
	Tags  map[string][]int
}

func main() {
	var b shape.Box[shape.Rect]
	b.Add(shape.Rect{W: 2, H: 3})
	r := &b.Items[0]
	r.Scale(2)
	t := reflect.TypeOf(r)
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Println(t.Method(i).Name, t.Method(i).Type)
	}
	fmt.Println(b, reflect.TypeOf(b), reflect.PtrTo(reflect.TypeOf(b)).NumMethod())
	fmt.Println(reflect.SliceOf(reflect.TypeOf(shape.Rect{})), reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf([]int{})))
	js, _ := json.Marshal(Named{"r", *r, map[string][]int{"a": {1, 2}}})
	fmt.Println(string(js))
	var s fmt.Stringer = b
	fmt.Println(s.String())
	keys := []string{"b", "a"}
	sort.Strings(keys)
	tm := template.Must(template.New("t").Parse("{{range .}}<{{.}}>{{end}} {{len .}}\n"))
	tm.Execute(os.Stdout, keys)
	fmt.Println(strings.Repeat("=", 3), reflect.ValueOf(shape.Shape(*r)).MethodByName("Area").Call(nil)[0])
}
EOS
(cd "$R" && GOCCACHE=off GO111MODULE=on "$GOC" build -o "$T/r0" .) && (cd "$R" && GO111MODULE=on "$GO" run .) >"$T/rwant" 2>&1
"$T/r0" >"$T/r0.out" 2>&1
rm -rf "$C"
(cd "$R" && GO111MODULE=on "$GOC" build -o "$T/r1" .)
find "$C" -name '*-goc-exe' -delete
(cd "$R" && GO111MODULE=on "$GOC" build -o "$T/r2" .)
sed -i 's/" items"/" things"/' "$R/shape/shape.go"
(cd "$R" && GO111MODULE=on "$GOC" build -o "$T/r3" .) && (cd "$R" && GO111MODULE=on "$GO" run .) >"$T/rwant3" 2>&1
if cmp -s "$T/rwant" "$T/r0.out" && cmp -s "$T/r0" "$T/r1" && cmp -s "$T/r0" "$T/r2" && "$T/r3" 2>&1 | cmp -s - "$T/rwant3"; then
	ok "cache: reflection from cached packages, all and half of them (as gc's output)"
else
	bad "cache: reflection program"; diff "$T/rwant" "$T/r0.out" | head -5; "$T/r3" 2>&1 | diff "$T/rwant3" - | head -5
fi
export GOCCACHE=off

# -n prints the steps (a compile per package to build, the link) and
# runs nothing: no executable, no cache entry, as go build -n; -x prints
# WORK= and the steps and runs them, the work directory removed after;
# -work keeps it; the steps of cached packages are not shown
export GOCCACHE=$C
rm -rf "$C"
(cd "$M" && GO111MODULE=on "$GOC" build -n -o "$T/n1" ./cmd/hi) >"$T/n.out" 2>&1
nrc=$?
nfiles=$(find "$C" -type f 2>/dev/null | wc -l)
(cd "$M" && GO111MODULE=on "$GOC" build -x -o "$T/x1" ./cmd/hi) >"$T/x.out" 2>&1
xrc=$?
xwork=$(sed -n 's/^WORK=//p' "$T/x.out")
sed -i 's/lib.Count, os.Args/lib.Count, 7, os.Args/' "$M/cmd/hi/main.go"
(cd "$M" && GO111MODULE=on "$GOC" build -work -x -o "$T/x2" ./cmd/hi) >"$T/w.out" 2>&1
wwork=$(sed -n 's/^WORK=//p' "$T/w.out")
sed -i 's/lib.Count, 7, os.Args/lib.Count, os.Args/' "$M/cmd/hi/main.go"
if [ "$nrc" = 0 ] && [ ! -e "$T/n1" ] && [ "$nfiles" = 0 ] && ! grep -q '^WORK=' "$T/n.out" &&
	grep -q '^compile -o $WORK/b[0-9]*/_pkg_.goc -p main .*main.go' "$T/n.out" && grep -q '^compile .* -p example.com/m1/lib ' "$T/n.out" &&
	grep -q '^link -o '"$T/n1" "$T/n.out"; then
	ok "build -n: $(grep -c '^compile' "$T/n.out") compile steps and the link, nothing run"
else
	bad "build -n: exit status $nrc, executable $(ls "$T/n1" 2>&1), $nfiles files in the cache: $(find "$C" -type f 2>/dev/null | head -3), $(grep -c '^compile' "$T/n.out") compile lines"
	grep -v '^compile\|^cd \|^mkdir\|^#\|^$' "$T/n.out" | head -5
fi
if [ "$xrc" = 0 ] && [ -n "$xwork" ] && [ ! -e "$xwork" ] && [ "$("$T/x1" a)" = "HI 3 [a]" ] &&
	[ "$(grep -c '^compile' "$T/x.out")" = "$(grep -c '^compile' "$T/n.out")" ]; then
	ok "build -x: WORK=, the steps, run; the work directory removed"
else
	bad "build -x: exit status $xrc, WORK=$xwork"; head -3 "$T/x.out"
fi
if [ -n "$wwork" ] && [ -d "$wwork" ] && [ "$(grep -c '^compile' "$T/w.out")" = 1 ] && grep -q '^compile .* -p main ' "$T/w.out" &&
	[ "$("$T/x2" a)" = "HI 3 7 [a]" ]; then
	ok "build -work -x: the work directory kept; only the edited package compiled"
else
	bad "build -work -x: WORK=$wwork, $(grep -c '^compile' "$T/w.out") compile steps"
fi
case "$wwork" in /tmp/go-build*|"${TMPDIR:-/tmp}"/go-build*) rm -rf "$wwork" ;; esac
export GOCCACHE=off

# -trimpath: file names in runtime.Caller, runtime.CallersFrames and a
# panic's traceback as gc's (std: sort/slice.go, the module's:
# example.com/tp/sub/sub.go, the command line's: ./f.go); runtime.GOROOT() empty
TP=$T/tp
mkdir -p "$TP/sub"
printf 'module example.com/tp\n\ngo 1.19\n' >"$TP/go.mod"
printf 'package sub\n\nimport "runtime"\n\nfunc Where() (string, int) { _, f, l, _ := runtime.Caller(0); return f, l }\n' >"$TP/sub/sub.go"
cat >"$TP/main.go" <<'EOS'
package main

import (
	"runtime"
	"sort"

	"example.com/tp/sub"
)

func main() {
	_, f, l, _ := runtime.Caller(0)
	sf, sl := sub.Where()
	println(f, l, sf, sl, runtime.GOROOT() == "")
	x := []int{3, 1, 2}
	sort.Slice(x, func(i, j int) bool {
		pc := make([]uintptr, 10)
		fr := runtime.CallersFrames(pc[:runtime.Callers(1, pc)])
		for {
			f, more := fr.Next()
			if len(f.Function) < 8 || f.Function[:8] != "runtime." {
				println(f.Function, f.File, f.Line)
			}
			if !more {
				break
			}
		}
		panic("x")
	})
}
EOS
cp "$TP/main.go" "$T/tpcl.go" && sed -i '/example.com\/tp\/sub/d; s/sf, sl := sub.Where()/sf, sl := "", 0/' "$T/tpcl.go"
for t in "$TP ." "$T tpcl.go"; do
	set -- $t
	(cd "$1" && GO111MODULE=on "$GO" build -trimpath -o "$T/tpg" "$2" && GO111MODULE=on "$GOC" build -trimpath -o "$T/tpc" "$2")
	"$T/tpg" 2>&1 | sed -E '/^goroutine /d; /^[a-z].*\(/d; s/ \+0x[0-9a-f]+$//' >"$T/tpwant"
	"$T/tpc" 2>&1 | sed -E '/^goroutine /d; /^[a-z].*\(/d; s/ \+0x[0-9a-f]+$//' >"$T/tpgot"
	if cmp -s "$T/tpwant" "$T/tpgot" && grep -q 'sort/zsortfunc.go' "$T/tpgot"; then
		ok "build -trimpath $2: file names as gc's ($(head -1 "$T/tpgot"))"
	else
		bad "build -trimpath $2: file names differ from gc's"; diff "$T/tpwant" "$T/tpgot" | head -8
	fi
done

# -ldflags: -X sets string variables (main's and another package's, with
# quoting as the go command's), -s -w leave out the symbol table and DWARF
X=$T/xm
mkdir -p "$X/sub"
printf 'module example.com/xm\n\ngo 1.19\n' >"$X/go.mod"
printf 'package sub\n\nvar Built string\nvar Unset = "keep"\n' >"$X/sub/sub.go"
printf 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/xm/sub"\n)\n\nvar version = "dev"\nvar computed = fmt.Sprint("c", 1)\n\nfunc main() { fmt.Println(version, computed, sub.Built, sub.Unset) }\n' >"$X/main.go"
LDF="-s -w -X main.version=1.2.3 -X 'main.computed=z y' -X=example.com/xm/sub.Built=today"
(cd "$X" && GO111MODULE=on "$GO" build -o gc.exe -ldflags "$LDF" . && ./gc.exe) >"$T/want" 2>&1
(cd "$X" && GO111MODULE=on "$GOC" build -o goc.exe -ldflags "$LDF" . && ./goc.exe) >"$T/got" 2>&1
if cmp -s "$T/want" "$T/got" && ! readelf -S "$X/goc.exe" | grep -q debug_ && [ -z "$(nm "$X/goc.exe" 2>/dev/null)" ]; then
	ok "build -ldflags '$LDF': $(cat "$T/got")"
else
	bad "build -ldflags: got $(cat "$T/got"), gc $(cat "$T/want")"
fi

# assembly in package main, and the argument map of an assembly function
# (its Go declaration: gc's args_stackmap): a pointer argument in main's
# outgoing area is moved exactly when grow's recursion copies the stack
A=$T/asmmain
mkdir -p "$A"
printf 'module example.com/asmmain\n\ngo 1.19\n' >"$A/go.mod"
cat >"$A/main.go" <<'GOEOF'
package main

import "fmt"

// asmcall returns *p + grow(n), calling grow from assembly.
func asmcall(p *int, n int) int

func grow(n int) int {
	var pad [64]int
	if n == 0 {
		return 0
	}
	pad[n%64] = n
	return grow(n-1) + pad[n%64] - n + 1
}

func main() {
	x := 41
	fmt.Println(asmcall(&x, 2000))
}
GOEOF
cat >"$A/asm_amd64.s" <<'GOEOF'
#include "textflag.h"
#include "funcdata.h"

TEXT ·asmcall(SB), 0, $16-24
	NO_LOCAL_POINTERS
	MOVQ	n+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	·grow(SB)
	MOVQ	8(SP), AX
	MOVQ	p+0(FP), BX
	ADDQ	(BX), AX
	MOVQ	AX, ret+16(FP)
	RET
GOEOF
(cd "$A" && GO111MODULE=on "$GO" build -o gc.exe . && ./gc.exe) >"$T/want" 2>&1
(cd "$A" && GO111MODULE=on "$GOC" build -o goc.exe . && GODEBUG=stackcopy=2 ./goc.exe) >"$T/got" 2>&1
if [ "$(grep -v '^stackcopy' "$T/got")" = "$(cat "$T/want")" ] && grep -q 'conservatively in main.asmcall' "$T/got" &&
	! grep -q 'conservatively in main.main' "$T/got"; then
	ok "assembly in package main; main.asmcall's argument map: main's outgoing area moved exactly"
else
	bad "assembly in package main: got $(tr '\n' ' ' <"$T/got"), gc $(cat "$T/want")"
fi

# make install: an installed goc finds its runtime archive and overlay
# under PREFIX/lib/goc, from any directory
if make -s -C "$ROOT" install DESTDIR="$T/inst" PREFIX=/usr >/dev/null 2>&1 &&
	[ "$(cd / && "$T/inst/usr/bin/goc" env GOCROOT)" = "$T/inst/usr/lib/goc" ] &&
	[ "$(cd / && GOCCACHE=off "$T/inst/usr/bin/goc" run "$T/fmt.go")" = linux ]; then
	ok "make install: the installed goc builds from / with PREFIX/lib/goc"
else
	bad "make install: GOCROOT $(cd / && "$T/inst/usr/bin/goc" env GOCROOT)"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
