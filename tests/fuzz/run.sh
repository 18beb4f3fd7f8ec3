#!/bin/sh
# run.sh SECONDS — fuzzes the scanner and parser with libFuzzer for SECONDS,
# seeded from the Go files of GOROOT.  Crashes are written to build/fuzz/
# as crash-*/timeout-*/leak-*; copy each into tests/fuzz/regress/ once fixed.
set -e
cd "$(dirname "$0")/../.."
secs=${1:-600}
goroot=$(bin/goc env GOROOT 2>/dev/null || echo /usr/share/go-1.19)
mkdir -p build/fuzz/corpus build/fuzz/seeds tests/fuzz/regress
if [ ! -f build/fuzz/seeds/.done ]; then
	# small files make fast seeds: everything under 16 KiB
	find "$goroot/src" "$goroot/test" -type f -name '*.go' -size -16k | head -4000 |
		while read -r f; do
			cp "$f" "build/fuzz/seeds/$(echo "$f" | md5sum | cut -c1-16).go"
		done
	touch build/fuzz/seeds/.done
fi
cd build/fuzz
../../bin/fuzz-syntax -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
	-max_len=16384 -print_final_stats=1 corpus seeds ../../tests/fuzz/regress
