#!/bin/bash
# parse.sh — how fast goc's front end parses, against go/parser.
#
# Parses every file of GOROOT/src that go/parser accepts (from
# tests/syntax/accept.list), single-threaded, file read included, keeping
# nothing across files:
#   goc        bin/goc tool syntax -list LIST
#   go/parser  bench/parsebench.go built with gc, parser.ParseComments
#              (comments kept, object resolution on: go/parser's default),
#              GOMAXPROCS=$GOMAXPROCS (default 1: the collector shares the
#              one core, so the run is single-threaded like goc's)
# Reports the best wall time of $RUNS (3) runs of each (interleaved), the
# best CPU time (user+sys), the ratio of wall times, and the peak RSS of
# each (/usr/bin/time %M, the highest of the runs).
# BENCH_SKIPOBJ=1 adds go/parser with SkipObjectResolution too.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-3}
export GOMAXPROCS=${GOMAXPROCS:-1}
make -s -C "$ROOT" all || exit 2
PB=$(oracle parsebench bench/parsebench.go) || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
grep '^src/' "$ROOT/tests/syntax/accept.list" >"$work/list"
cd "$GOROOT_SRC" || exit 2
nfiles=$(wc -l <"$work/list")
nbytes=$(xargs cat <"$work/list" | wc -c) # also warms the page cache

# run1 VAR CMD...: one run; keeps the best wall time, the best CPU time
# (user+sys) and the highest peak RSS in VAR_t, VAR_c, VAR_m
run1() {
	local name=$1 t c u s m
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
		echo "bench: $* failed:"; cat "$work/err" "$work/time"; exit 1; }
	read -r t u s m <"$work/time"
	c=$(awk "BEGIN { print $u + $s }")
	eval "local bt=\${${name}_t:-} bc=\${${name}_c:-} bm=\${${name}_m:-0}"
	if [ -z "$bt" ] || awk "BEGIN { exit !($t < $bt) }"; then eval "${name}_t=$t"; fi
	if [ -z "$bc" ] || awk "BEGIN { exit !($c < $bc) }"; then eval "${name}_c=$c"; fi
	[ "$m" -gt "$bm" ] && eval "${name}_m=$m"
	return 0
}
report() { # VAR LABEL
	eval "local t=\$${1}_t c=\$${1}_c m=\$${1}_m"
	printf '%-34s %6.2f s  %6.1f MiB/s  (cpu %6.2f s)  peak RSS %6.1f MiB\n' "$2" "$t" \
		"$(awk "BEGIN { print $nbytes / 1048576 / ($t > 0 ? $t : 0.001) }")" "$c" \
		"$(awk "BEGIN { print $m / 1024 }")"
}

echo "parse: $nfiles files of GOROOT/src, $((nbytes / 1048576)) MiB; best of $RUNS runs; go/parser with GOMAXPROCS=$GOMAXPROCS"
# the runs are interleaved, so that load from elsewhere hits both alike
for ((i = 0; i < RUNS; i++)); do
	run1 goc "$GOC" tool syntax -list "$work/list"
	run1 gop "$PB" -list "$work/list"
	if [ "${BENCH_SKIPOBJ:-0}" = 1 ]; then
		run1 gops "$PB" -mode skipobj -list "$work/list"
	fi
done
report goc "goc tool syntax"
report gop "go/parser ParseComments"
[ "${BENCH_SKIPOBJ:-0}" = 1 ] && report gops "go/parser +SkipObjectResolution"
awk "BEGIN { printf \"goc is %.1fx faster than go/parser (ParseComments); peak RSS %.1f MiB vs %.1f MiB\n\", $gop_t / ($goc_t > 0 ? $goc_t : 0.001), $goc_m / 1024, $gop_m / 1024 }"
if [ "${BENCH_SKIPOBJ:-0}" = 1 ]; then
	awk "BEGIN { printf \"goc is %.1fx faster than go/parser with SkipObjectResolution\n\", $gops_t / ($goc_t > 0 ? $goc_t : 0.001) }"
fi
