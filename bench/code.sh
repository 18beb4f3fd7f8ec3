#!/bin/bash
# code.sh — how fast the code goc makes runs, against gc's, in one run.
#
# bench/code/*.go: CPU-bound programs that import nothing, each printing a
# checksum with println (fib: calls; sieve: slices and bounds checks; nbody,
# spectral, mandel: float64 loops; fannkuch: arrays; maps: map[int]int and
# map[string]int; strings: concatenation and []byte<->string; iface:
# interface calls and type switches; closure: func values; sort: a
# hand-written quicksort of structs; chan: goroutine ping-pong;
# binarytrees: the benchmarks game's allocation test, depth 21).  Each is
# built by both sides:
#   goc   bin/goc build -o OUT FILE
#   gc    go build -o OUT FILE (default flags; GOMAXPROCS=1 when run, one M
#         as goc's runtime has)
# and the outputs must be equal.  Then each executable runs $RUNS (default
# 3) times, interleaved; the best wall time of each side, the ratio
# goc/gc (> 1: goc's code is slower), the same for CPU time (user+sys,
# steadier than wall time on a loaded machine; gc's includes its
# background threads) and the peak RSS (/usr/bin/time %M, the highest of
# the runs) are printed per program, and the geometric means
# of the ratios at the end.  No target is asserted.
# GOC=path selects another goc binary; ONLY="fib sieve" a subset.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-3}
[ -x "$GOC" ] || make -s -C "$ROOT" bin/goc || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-codebench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=0 GOCACHE=$work/cache

progs=${ONLY:-$(cd "$ROOT/bench/code" && ls *.go | sed 's/\.go$//')}
for p in $progs; do
	src=$ROOT/bench/code/$p.go
	"$GOC" build -o "$work/$p.goc" "$src" || { echo "bench: goc cannot build $p"; exit 1; }
	"$GO" build -o "$work/$p.gc" "$src" || { echo "bench: gc cannot build $p"; exit 1; }
	GOMAXPROCS=1 "$work/$p.gc" >"$work/$p.gc.out" 2>&1 || { echo "bench: $p (gc) failed"; exit 1; }
	"$work/$p.goc" >"$work/$p.goc.out" 2>&1 || { echo "bench: $p (goc) failed:"; head -5 "$work/$p.goc.out"; exit 1; }
	cmp -s "$work/$p.gc.out" "$work/$p.goc.out" || {
		echo "bench: $p prints different results:"; diff "$work/$p.gc.out" "$work/$p.goc.out" | head; exit 1; }
done

# run1 VAR EXE: one run; keeps the best wall and CPU times and the highest peak RSS
run1() {
	local name=$1 t u s c m
	GOMAXPROCS=1 /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$2" >/dev/null 2>&1 || {
		echo "bench: $2 failed"; exit 1; }
	read -r t u s m <"$work/time"
	c=$(awk "BEGIN { print $u + $s }")
	eval "local bt=\${${name}_t:-} bc=\${${name}_c:-} bm=\${${name}_m:-0}"
	if [ -z "$bt" ] || awk "BEGIN { exit !($t < $bt) }"; then eval "${name}_t=$t"; fi
	if [ -z "$bc" ] || awk "BEGIN { exit !($c < $bc) }"; then eval "${name}_c=$c"; fi
	[ "$m" -gt "$bm" ] && eval "${name}_m=$m"
	return 0
}

echo "code: $(echo $progs | wc -w) programs (bench/code), best of $RUNS runs, GOMAXPROCS=1; outputs equal"
printf '%-10s %7s %7s %6s   %7s %7s %6s %10s %9s\n' program goc gc ratio "goc cpu" "gc cpu" ratio "goc RSS" "gc RSS"
logsum=0 logsumc=0 n=0
for p in $progs; do
	unset goc_t goc_c goc_m gc_t gc_c gc_m
	for ((i = 0; i < RUNS; i++)); do
		run1 goc "$work/$p.goc"
		run1 gc "$work/$p.gc"
	done
	r=$(awk "BEGIN { printf \"%.2f\", $goc_t / ($gc_t > 0 ? $gc_t : 0.01) }")
	rc=$(awk "BEGIN { printf \"%.2f\", $goc_c / ($gc_c > 0 ? $gc_c : 0.01) }")
	printf '%-10s %6.2fs %6.2fs %6s   %6.2fs %6.2fs %6s %6.1f MiB %5.1f MiB\n' "$p" "$goc_t" "$gc_t" "$r" \
		"$goc_c" "$gc_c" "$rc" "$(awk "BEGIN { print $goc_m / 1024 }")" "$(awk "BEGIN { print $gc_m / 1024 }")"
	logsum=$(awk "BEGIN { print $logsum + log($r) }")
	logsumc=$(awk "BEGIN { print $logsumc + log($rc) }")
	n=$((n + 1))
done
awk "BEGIN { printf \"geometric mean goc/gc: %.2f (wall), %.2f (cpu)\n\", exp($logsum / $n), exp($logsumc / $n) }"
