#!/bin/sh
# bench/asm.sh [ROUNDS] — goc tool asm against gc's go tool asm on the
# standard library's 36 .s files (tests/asm/files.txt), objects only (no
# -S), ROUNDS passes each (default 5); prints both totals and the ratio.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
R=${1:-5}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT=$($GO env GOROOT)
GOASM=$GOROOT/pkg/tool/linux_amd64/asm
O=build/bench-asm; mkdir -p $O
run() { # tool
	i=0
	while [ $i -lt $R ]; do
		while IFS='	' read -r pkg file flags; do
			fl=$(echo "$flags" | sed "s#\$GOROOT#$GOROOT#g")
			(cd "$GOROOT/src/$(dirname "$file")" && $1 $fl -I "$ROOT/tests/asm/asmhdr/$pkg" -o "$ROOT/$O/x.o" "$(basename "$file")") >/dev/null 2>&1
		done < tests/asm/files.txt
		i=$((i + 1))
	done
}
t0=$(date +%s.%N); run "$GOASM"; t1=$(date +%s.%N)
run "$ROOT/bin/goc tool asm"; t2=$(date +%s.%N)
echo "$t0 $t1 $t2 $R" | awk '{ gc = $2 - $1; goc = $3 - $2;
	printf "asm: 36 files x %d: gc %.2fs, goc %.2fs (goc %.1fx faster)\n", $4, gc, goc, gc / goc }'
