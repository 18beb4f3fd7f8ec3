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
# Reports the best wall time of $RUNS (3) runs of each, the ratio, and the
# peak RSS of each (/usr/bin/time %M, the highest of the runs).
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

# measure VAR LABEL CMD...: best wall time and highest peak RSS over RUNS runs
measure() {
	local name=$1 label=$2 best= peak=0 i t m
	shift 2
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
			echo "bench: $name failed:"; cat "$work/err" "$work/time"; exit 1; }
		read -r t m <"$work/time"
		if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
		[ "$m" -gt "$peak" ] && peak=$m
	done
	eval "${name}_t=$best ${name}_m=$peak"
	printf '%-36s %7.2f s  %6.1f MiB/s  peak RSS %6.1f MiB\n' "$label" "$best" \
		"$(awk "BEGIN { print $nbytes / 1048576 / ($best > 0 ? $best : 0.001) }")" \
		"$(awk "BEGIN { print $peak / 1024 }")"
}

echo "parse: $nfiles files of GOROOT/src, $((nbytes / 1048576)) MiB; best of $RUNS runs; go/parser with GOMAXPROCS=$GOMAXPROCS"
measure goc "goc tool syntax" "$GOC" tool syntax -list "$work/list"
measure gop "go/parser ParseComments" "$PB" -list "$work/list"
if [ "${BENCH_SKIPOBJ:-0}" = 1 ]; then
	measure gops "go/parser +SkipObjectResolution" "$PB" -mode skipobj -list "$work/list"
fi
awk "BEGIN { printf \"goc is %.1fx faster than go/parser (ParseComments); peak RSS %.1f MiB vs %.1f MiB\n\", $gop_t / ($goc_t > 0 ? $goc_t : 0.001), $goc_m / 1024, $gop_m / 1024 }"
