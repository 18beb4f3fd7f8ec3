#!/bin/bash
# tests/load/run.sh — package loading (src/load, `goc list`) against gc's
# `go list`, the oracle: the same packages, files and imports, in the same
# order, and the same errors, for std, cmd and the modules in testdata/.
# Prints "N passed, N failed"; exit status 1 if anything failed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GOC=${GOC:-$ROOT/bin/goc}
GO=${GO:-/usr/lib/go-1.19/bin/go}
TD=$ROOT/tests/load/testdata
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# gc as an oracle only: no network, no toolchain switch, no user flags.
unset GOFLAGS GOTOOLCHAIN GOOS GOARCH GO111MODULE
export CGO_ENABLED=0 # goc's default; gc's would be 1 with a C compiler around
export GOPROXY=off GOMODCACHE=$TMP/modcache GOPATH=$TMP/gopath
# /usr/lib/go-1.19/src is a symlink, which gc's pattern walk does not follow:
# point both at the real tree.
export GOROOT=/usr/share/go-1.19

# goc's toolchain tags (docs/load.md): gc, plus the pure-Go fallbacks.
# go list always sets gc; the fallbacks are passed as -tags.
TAGS=purego,math_big_pure_go
FMT='{{.ImportPath}}: GoFiles={{.GoFiles}} Imports={{.Imports}}'
FILESFMT="$FMT"' CgoFiles={{.CgoFiles}} TestGoFiles={{.TestGoFiles}} XTestGoFiles={{.XTestGoFiles}} IgnoredGoFiles={{.IgnoredGoFiles}} InvalidGoFiles={{.InvalidGoFiles}} TestImports={{.TestImports}} XTestImports={{.XTestImports}}'

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

if [ ! -x "$GO" ]; then
	echo "gc not found at $GO: the oracle is needed"; echo "0 passed, 1 failed"; exit 1
fi

# run NAME DIR ENV -- GOC-ARGS -- GC-ARGS: both outputs (stdout, stderr, status) must be equal.
run() {
	local name=$1 dir=$2 env=$3; shift 3
	local gocargs=() gcargs=()
	shift # --
	while [ "$1" != "--" ]; do gocargs+=("$1"); shift; done
	shift
	gcargs=("$@")
	(cd "$dir" && env $env "$GOC" list "${gocargs[@]}" >"$TMP/a.out" 2>"$TMP/a.err"; echo "exit $?" >>"$TMP/a.err")
	(cd "$dir" && env $env "$GO" list "${gcargs[@]}" >"$TMP/b.out" 2>"$TMP/b.err"; echo "exit $?" >>"$TMP/b.err")
	if cmp -s "$TMP/a.out" "$TMP/b.out" && cmp -s "$TMP/a.err" "$TMP/b.err"; then
		ok "$name ($(wc -l <"$TMP/a.out") packages)"
	else
		bad "$name: goc has $(wc -l <"$TMP/a.out") lines, gc $(wc -l <"$TMP/b.out"); $(comm -12 <(sort "$TMP/a.out") <(sort "$TMP/b.out") | wc -l) equal"
		diff "$TMP/a.out" "$TMP/b.out" | head -6 | cut -c1-200
		diff "$TMP/a.err" "$TMP/b.err" | head -10
	fi
}

# --- the standard library: goc list -deps std == go list -deps std ---
for t in linux/amd64/0 linux/arm64/0 linux/amd64/1 linux/arm64/1 windows/amd64/0 darwin/arm64/0; do
	IFS=/ read -r os arch cgo <<<"$t"
	e="GOOS=$os GOARCH=$arch CGO_ENABLED=$cgo"
	run "-deps std $os/$arch CGO_ENABLED=$cgo" "$TMP" "$e" -- -deps std -- -tags=$TAGS -deps -f "$FMT" std
done
# every file list of every std and cmd package
for t in linux/amd64/0 linux/arm64/0; do
	IFS=/ read -r os arch cgo <<<"$t"
	e="GOOS=$os GOARCH=$arch CGO_ENABLED=$cgo"
	run "-files std cmd $os/$arch" "$TMP" "$e" -- -files std cmd -- -tags=$TAGS -f "$FILESFMT" std cmd
done
run "-deps net/... cmd/go/..." "$TMP" "" -- -deps net/... cmd/go/... -- -tags=$TAGS -deps -f "$FMT" net/... cmd/go/...

# --- build constraints: testdata/tags under several contexts ---
for t in linux/amd64/0/ linux/arm64/1/ windows/amd64/0/ linux/amd64/0/mytag darwin/arm64/1/x,mytag freebsd/386/0/; do
	IFS=/ read -r os arch cgo tg <<<"$t"
	e="GOOS=$os GOARCH=$arch CGO_ENABLED=$cgo"
	run "tags $os/$arch cgo=$cgo tags=$tg" "$TD/tags" "$e" -- -files -tags "$tg" . -- -tags=$TAGS,$tg -f "$FILESFMT" .
done

# --- modules ---
run "replace: -deps ./..." "$TD/replace/app" "" -- -deps ./... -- -deps -f "$FMT" ./...
run "replace: ./cmd/..." "$TD/replace/app" "" -- ./cmd/... -- -f "$FMT" ./cmd/...
run "replace: files" "$TD/replace/app" "" -- -deps main.go -- -deps -f "$FMT" main.go
run "replace: import path" "$TD/replace/app" "" -- example.com/dep/sub example.com/app/internal/x -- -f "$FMT" example.com/dep/sub example.com/app/internal/x
run "cycle: -deps ." "$TD/cycle" "" -- -deps . -- -deps -f "$FMT" .
run "cycle: ./..." "$TD/cycle" "" -- ./... -- -f "$FMT" ./...
run "cycle: ./a" "$TD/cycle" "" -- -deps ./a -- -deps -f "$FMT" ./a
run "missing: -deps ." "$TD/missing" "" -- -deps . -- -deps -f "$FMT" .
for p in "-deps ./user" ./empty ./excl ./multi ./bad ./badtag ./nonexist example.com/errs/nonexist ./... "-deps ./..."; do
	run "errs: $p" "$TD/errs" "" -- $p -- -f "$FMT" $p
done

# a require'd module that is not on disk needs the network: goc names the
# module (its own wording, checked in); gc fails too.
(cd "$TD/netreq" && "$GOC" list -deps . >/dev/null 2>"$TMP/n.err"; echo "exit $?" >>"$TMP/n.err")
(cd "$TD/netreq" && "$GO" list -deps . >/dev/null 2>&1; echo "exit $?" >"$TMP/n.gc")
if cmp -s "$TMP/n.err" "$TD/netreq.expected" && [ "$(cat "$TMP/n.gc")" = "exit 1" ]; then
	ok "netreq: network-needing require"
else
	bad "netreq: network-needing require"; diff "$TMP/n.err" "$TD/netreq.expected"
fi

# --- speed: loading std (file selection and import scan of every file) ---
start=$(date +%s%N)
"$GOC" list -deps std >/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$ms" -lt 1000 ]; then ok "goc list -deps std in ${ms} ms"; else bad "goc list -deps std took ${ms} ms (limit 1000)"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
