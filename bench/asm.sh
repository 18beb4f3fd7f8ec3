#!/bin/sh
# bench/asm.sh [ROUNDS] — goc tool asm against gc's go tool asm on the
# standard library's 36 .s files (tests/asm/files.txt), objects only (no
# -S), ROUNDS passes each (default 5); prints both wall-clock totals, the
# CPU time (user+sys) of the assembler processes alone, and the ratios.
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
			(cd "$GOROOT/src/$(dirname "$file")" && /usr/bin/time -a -o "$ROOT/$O/$2.cpu" -f '%U %S' \
				$1 $fl -I "$ROOT/tests/asm/asmhdr/$pkg" -o "$ROOT/$O/x.o" "$(basename "$file")") >/dev/null 2>&1
		done < tests/asm/files.txt
		i=$((i + 1))
	done
}
rm -f $O/gc.cpu $O/goc.cpu
t0=$(date +%s.%N); run "$GOASM" gc; t1=$(date +%s.%N)
run "$ROOT/bin/goc tool asm" goc; t2=$(date +%s.%N)
cg=$(awk '{ s += $1 + $2 } END { print s }' $O/gc.cpu)
cc=$(awk '{ s += $1 + $2 } END { print s }' $O/goc.cpu)
echo "$t0 $t1 $t2 $R $cg $cc" | awk '{ gc = $2 - $1; goc = $3 - $2;
	printf "asm: 36 files x %d: wall gc %.2fs, goc %.2fs (%.1fx); CPU gc %.2fs, goc %.2fs (goc %.1fx faster)\n",
		$4, gc, goc, gc / goc, $5, $6, ($6 > 0 ? $5 / $6 : 0) }'
