#!/bin/bash
# compile.sh — how long goc takes to build the GOROOT/test `// run` tests
# that import nothing (tests/ssagen/gorootruns.sh), against gc's `go build`,
# measured in one run.
#
# The set: every test of the list that both goc and gc build (goc does not
# build them all yet; the count is printed).  Each side builds each test to
# an executable, one after the other, single process at a time:
#   goc   bin/goc build -o OUT FILE (the runtime archive is prebuilt by make)
#   gc    go build -o OUT FILE, with a private GOCACHE warmed beforehand by
#         building one program (so the runtime and its dependencies come
#         from the cache, as goc's prebuilt runtime does), and reset to that
#         warm copy before every pass so that no test itself is cached
#   gc compile+link  go tool compile + go tool link on the same files, the
#         compiler and linker without the go command's overhead
# Each pass is run $RUNS (default 3) times, interleaved; the best total wall
# and CPU (user+sys of the process tree) times are reported with the ratios.
# GOC=path selects another goc binary.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-3}
[ -x "$GOC" ] || make -s -C "$ROOT" bin/goc || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-cbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOFLAGS= CGO_ENABLED=0

# the set both build
(cd "$ROOT" && tests/ssagen/gorootruns.sh) >"$work/all"
export GOCACHE=$work/cache.warm
printf 'package main\nfunc main() { println("warm") }\n' >"$work/warm.go"
"$GO" build -o "$work/warm" "$work/warm.go" || { echo "bench: gc cannot build a program"; exit 2; }
: >"$work/set"
while read -r f; do
	"$GOC" build -o "$work/x" "$GOROOT_SRC/$f" >/dev/null 2>&1 || continue
	GOCACHE=$work/cache.probe "$GO" build -o "$work/x" "$GOROOT_SRC/$f" >/dev/null 2>&1 || continue
	echo "$GOROOT_SRC/$f" >>"$work/set"
done <"$work/all"
rm -rf "$work/cache.probe"
n=$(wc -l <"$work/set")
IMPORTCFG=$work/importcfg
# the runtime's export data for `go tool compile/link`, from the warm cache
"$GO" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' -deps runtime >"$IMPORTCFG" 2>/dev/null

pass_goc() { while read -r f; do "$GOC" build -o "$work/o" "$f" || exit 1; done <"$work/set"; }
pass_gc() {
	rm -rf "$work/cache"; cp -a "$work/cache.warm" "$work/cache"
	while read -r f; do GOCACHE=$work/cache "$GO" build -o "$work/o" "$f" || exit 1; done <"$work/set"
}
pass_gctool() {
	while read -r f; do
		"$GO" tool compile -p main -importcfg "$IMPORTCFG" -o "$work/o.a" "$f" &&
			"$GO" tool link -importcfg "$IMPORTCFG" -o "$work/o" "$work/o.a" || exit 1
	done <"$work/set"
}
export -f pass_goc pass_gc pass_gctool
export work GOC GO IMPORTCFG

# run1 VAR FUNC: one timed pass; keeps the best wall and CPU times
run1() {
	local name=$1 t u s c
	/usr/bin/time -f '%e %U %S' -o "$work/time" bash -c "$2" >"$work/out" 2>&1 || {
		echo "bench: $2 failed:"; head "$work/out"; exit 1; }
	read -r t u s <"$work/time"
	c=$(awk "BEGIN { print $u + $s }")
	eval "local bt=\${${name}_t:-} bc=\${${name}_c:-}"
	if [ -z "$bt" ] || awk "BEGIN { exit !($t < $bt) }"; then eval "${name}_t=$t"; fi
	if [ -z "$bc" ] || awk "BEGIN { exit !($c < $bc) }"; then eval "${name}_c=$c"; fi
	return 0
}
echo "compile: $n of $(wc -l <"$work/all") no-import GOROOT/test run tests (those both build); best of $RUNS; one process at a time"
for ((i = 0; i < RUNS; i++)); do
	run1 goc pass_goc
	run1 gc pass_gc
	run1 gct pass_gctool
done
printf '%-34s %7.2f s  (cpu %7.2f s)\n' "goc build" "$goc_t" "$goc_c" "gc go build" "$gc_t" "$gc_c" \
	"gc go tool compile + link" "$gct_t" "$gct_c"
awk "BEGIN { d = $goc_t > 0 ? $goc_t : 0.001; dc = $goc_c > 0 ? $goc_c : 0.001;
	printf \"goc is %.1fx faster than go build (cpu %.1fx), %.1fx faster than compile+link (cpu %.1fx)\n\",
		$gc_t / d, $gc_c / dc, $gct_t / d, $gct_c / dc }"
