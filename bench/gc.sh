#!/bin/bash
# gc.sh — the collector against gc's, in one run: bench/gcpause (about
# LIVE_MB, default 1024, megabytes of small linked objects kept live while
# garbage is allocated in batches of 1,000 objects; each batch timed) built
# by both sides, run with GOMAXPROCS=1 (goc has one M), RUNS times (default
# 1).  Prints each side's batch-time p50/p99/max, its number of GCs, its
# longest pause (MemStats.PauseNs) and its peak RSS, then the goc/gc
# ratios.  binarytrees (time and RSS) is in bench/code.sh.  No target is
# asserted.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-1}
export LIVE_MB=${LIVE_MB:-1024} BATCHES=${BATCHES:-20000} GOMAXPROCS=1
[ -x "$GOC" ] || make -s -C "$ROOT" bin/goc || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-gcbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=0 GOCACHE=$work/cache
"$GOC" build -o "$work/goc.exe" "$ROOT/bench/gcpause/gcpause.go" || exit 1
"$GO" build -o "$work/gc.exe" "$ROOT/bench/gcpause/gcpause.go" || exit 1
echo "gcpause: LIVE_MB=$LIVE_MB BATCHES=$BATCHES GOMAXPROCS=1"
for side in goc gc; do
	for r in $(seq "$RUNS"); do
		out=$(/usr/bin/time -f "rss %M" "$work/$side.exe" 2>&1)
		echo "$side  $(echo "$out" | tr '\n' ' ')"
		echo "$out" >"$work/$side.$r"
	done
done
# ratios of the last run: p50 p99 max maxpause rss
val() { # val FILE FIELD: the value after FIELD, in µs (durations) or KiB
	awk -v f="$2" '{for (i = 1; i < NF; i++) if ($i == f) print $(i+1)}' "$1" | head -1 |
		sed -E 's/([0-9.]+)ns$/\1 0.001/; s/([0-9.]+)µs$/\1 1/; s/([0-9.]+)ms$/\1 1000/; s/([0-9.]+)s$/\1 1000000/; s/^([0-9]+)$/\1 1/' |
		awk '{printf "%.3f", $1 * $2}'
}
printf "%-9s %12s %12s %7s\n" measure goc gc goc/gc
for f in p50 p99 max maxpause rss; do
	a=$(val "$work/goc.$RUNS" $f) b=$(val "$work/gc.$RUNS" $f)
	printf "%-9s %12s %12s %7s\n" "$f" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
done
echo "(durations in µs, rss in KiB)"
