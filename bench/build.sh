#!/bin/bash
# build.sh — goc's build speed, memory and output size against gc's, side
# by side in one run (issue 10's figures):
#   cold   hello with fmt, every package compiled: `goc build -a` with an
#          empty goc cache against `go build -a` with an empty GOCACHE
#   warm   the same program again, nothing changed (both from their caches)
#   edit   the same program after an edit of hello.go (goc: only package
#          main compiled again, the rest from its package cache)
#   std    `goc build -a std` (every package compiled, none linked) against
#          `go build -a std`, both with empty caches, one run each
#          (BENCH_STD=0 leaves it out)
#   size   the hello-with-fmt executables
# Times are wall-clock seconds, the best of $RUNS (default 3) for cold and
# warm; peak memory is the largest maximum RSS of the process tree's
# members (GNU time's "Maximum resident set size").  Ratios are goc/gc.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-3}
[ -x "$GOC" ] || make -s -C "$ROOT" all || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-bbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOFLAGS= CGO_ENABLED=0
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' >"$work/hello.go"

# run NAME CMD...: wall seconds into $t, max RSS (KB) into $rss
run() {
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; echo "bench: $* failed"; exit 2; }
	read -r t rss <"$work/time"
}
best() { # best of RUNS: CMD... (a setup function named in $SETUP runs first)
	local b=999999 m=0 i
	for i in $(seq "$RUNS"); do
		[ -n "${SETUP:-}" ] && $SETUP
		run "$@"
		b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
		[ "$rss" -gt "$m" ] && m=$rss
	done
	t=$b rss=$m
}
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "-" }'; }

cd "$work" || exit 2
clean_caches() { rm -rf "$work/gocache" "$work/goccache"; }
export GOCACHE=$work/gocache GOCCACHE=$work/goccache

SETUP=clean_caches best "$GOC" build -a -o goc.exe hello.go; goc_cold=$t goc_cold_rss=$rss
SETUP=clean_caches best "$GO" build -a -o gc.exe hello.go; gc_cold=$t gc_cold_rss=$rss
SETUP= best "$GOC" build -o goc.exe hello.go; goc_warm=$t
SETUP= best "$GO" build -o gc.exe hello.go; gc_warm=$t
edit_hello() { sed -i "s/hello, world[^\"]*/hello, world $RANDOM/" hello.go; }
SETUP=edit_hello best "$GOC" build -o goc.exe hello.go; goc_edit=$t goc_edit_rss=$rss
SETUP=edit_hello best "$GO" build -o gc.exe hello.go; gc_edit=$t
goc_size=$(stat -c %s goc.exe) gc_size=$(stat -c %s gc.exe)

printf '%-34s %10s %10s %8s\n' "" goc gc goc/gc
printf '%-34s %9ss %9ss %8s\n' "cold build, hello with fmt (-a)" "$goc_cold" "$gc_cold" "$(ratio "$goc_cold" "$gc_cold")"
printf '%-34s %8sMB %8sMB %8s\n' "  peak memory" "$((goc_cold_rss / 1024))" "$((gc_cold_rss / 1024))" "$(ratio "$goc_cold_rss" "$gc_cold_rss")"
printf '%-34s %9ss %9ss %8s\n' "warm rebuild, nothing changed" "$goc_warm" "$gc_warm" "$(ratio "$goc_warm" "$gc_warm")"
printf '%-34s %9ss %9ss %8s\n' "rebuild after an edit of hello.go" "$goc_edit" "$gc_edit" "$(ratio "$goc_edit" "$gc_edit")"
printf '%-34s %8sMB %10s\n' "  peak memory" "$((goc_edit_rss / 1024))" ""
printf '%-34s %10s %10s %8s\n' "size of hello with fmt (bytes)" "$goc_size" "$gc_size" "$(ratio "$goc_size" "$gc_size")"
if [ "${BENCH_STD:-1}" = 1 ]; then
	clean_caches
	run "$GOC" build -a std; goc_std=$t goc_std_rss=$rss
	clean_caches
	run "$GO" build -a std; gc_std=$t gc_std_rss=$rss
	printf '%-34s %9ss %9ss %8s\n' "build -a std, empty caches" "$goc_std" "$gc_std" "$(ratio "$goc_std" "$gc_std")"
	printf '%-34s %8sMB %8sMB %8s\n' "  peak memory" "$((goc_std_rss / 1024))" "$((gc_std_rss / 1024))" "$(ratio "$goc_std_rss" "$gc_std_rss")"
fi
