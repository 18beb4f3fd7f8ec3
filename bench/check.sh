#!/bin/bash
# check.sh — how fast goc type-checks the standard library, against go/types.
#
# Loads, parses and type-checks every std package (`goc list std`: 238 for
# linux/amd64, CGO_ENABLED=0) from source, function bodies included,
# single-threaded:
#   goc        bin/goc tool check -bodies std
#   go/types   bench/checkbench.go built with gc: go/build loading with tags
#              purego,math_big_pure_go and CGO_ENABLED=0, go/parser
#              (SkipObjectResolution), go/types with gc's sizes, each
#              package checked once; GOMAXPROCS=$GOMAXPROCS (default 1)
# First checks that both sides check the same set of packages without
# error, then runs each $RUNS (3) times, interleaved, and reports the best
# wall time, the best CPU time (user+sys), the ratio of wall times and the
# peak RSS of each (/usr/bin/time %M, the highest of the runs).
# GOC=path selects another goc binary.  The issue's target: goc at least 5x
# faster than go/types, with a lower peak RSS.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"
RUNS=${RUNS:-3}
export GOMAXPROCS=${GOMAXPROCS:-1}
export CGO_ENABLED=0 GOOS=linux GOARCH=${GOARCH:-amd64}
[ -x "$GOC" ] || make -s -C "$ROOT" bin/goc || exit 2
CB=$(oracle checkbench bench/checkbench.go) || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/goc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
"$GOC" list std | cut -d: -f1 | sort >"$work/std"
npkgs=$(wc -l <"$work/std")

# the same packages, without errors, on both sides
GOC_CHECK_TRACE=1 "$GOC" tool check -bodies std 2>"$work/trace" >/dev/null || {
	echo "bench: goc tool check -bodies std failed:"; grep -v '^ *[0-9.]*ms ' "$work/trace" | head; exit 1; }
awk '{print $3}' "$work/trace" | sort >"$work/goc.pkgs"
"$CB" -pkgs "$work/go.pkgs" -list "$work/std" >"$work/go.out" 2>&1 || {
	echo "bench: checkbench failed:"; head "$work/go.out"; exit 1; }
if ! cmp -s "$work/goc.pkgs" "$work/go.pkgs" || ! cmp -s "$work/std" "$work/go.pkgs"; then
	echo "bench: goc and go/types check different packages:"
	diff "$work/goc.pkgs" "$work/go.pkgs" | head
	exit 1
fi

# run1 VAR CMD...: one run; keeps the best wall time, the best CPU time
# (user+sys) and the highest peak RSS in VAR_t, VAR_c, VAR_m
run1() {
	local name=$1 t c u s m
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
		echo "bench: $* failed:"; head "$work/err" "$work/time"; exit 1; }
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
	printf '%-30s %6.2f s  (cpu %6.2f s)  peak RSS %6.1f MiB\n' "$2" "$t" "$c" \
		"$(awk "BEGIN { print $m / 1024 }")"
}

echo "check: $npkgs std packages from source, bodies included ($(cat "$work/go.out")); best of $RUNS runs; go/types with GOMAXPROCS=$GOMAXPROCS"
for ((i = 0; i < RUNS; i++)); do
	run1 goc "$GOC" tool check -bodies std
	run1 got "$CB" -list "$work/std"
done
report goc "goc tool check -bodies"
report got "go/types (checkbench)"
awk "BEGIN { r = $got_t / ($goc_t > 0 ? $goc_t : 0.001); rc = $got_c / ($goc_c > 0 ? $goc_c : 0.001);
	printf \"goc is %.1fx faster than go/types (cpu %.1fx); peak RSS %.1f MiB vs %.1f MiB\n\", r, rc, $goc_m / 1024, $got_m / 1024;
	exit !(r >= 5 && $goc_m < $got_m) }" && echo "target met: >= 5x faster, lower peak RSS" || echo "target NOT met (>= 5x faster, lower peak RSS)"
