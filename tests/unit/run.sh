#!/bin/sh
# Unit tests of goc's modules that have a C API of their own, and the
# differential test of constants against go/constant.
#   tests/unit/run.sh            build, run unit tests and the differential test
#   SEEDS="1 2 3" tests/unit/run.sh   more generated cases
set -e
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
CC=${CC:-cc}
B=build/unit
mkdir -p $B
$CC -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-o $B/constant_test tests/unit/constant_test.c src/base/*.c src/types/constant.c -lmpfr -lgmp -lm

status=0
echo "== constant unit tests"
$B/constant_test || status=1

echo "== constants: differential test against go/constant"
if [ ! -x $B/constoracle ] || [ tests/oracle/constoracle.go -nt $B/constoracle ]; then
	$GO build -o $B/constoracle tests/oracle/constoracle.go
fi
: > $B/const_cases.txt; rm -f $B/const_diff.txt
for seed in ${SEEDS:-1 2}; do
	$B/constant_test -gen "$seed" >> $B/const_cases.txt
done
$B/constoracle < $B/const_cases.txt > $B/const_want.txt
$B/constant_test -eval < $B/const_cases.txt > $B/const_got.txt
# Lines whose result go/constant reaches only by panicking are not cases.
paste -d '\n' $B/const_cases.txt $B/const_want.txt $B/const_got.txt | awk -v out=$B/const_diff.txt '
	NR % 3 == 1 { c = $0; next }
	NR % 3 == 2 { w = $0; next }
	{ if (w == "panic" && $0 == "panic") { skip++ } else if (w == $0) { pass++ } else { fail++; print "case: " c "\n want: " w "\n got:  " $0 > out } }
	END { printf "%d passed, %d failed (%d cases where go/constant panics skipped)\n", pass, fail, skip; exit fail != 0 }' || status=1
[ -s $B/const_diff.txt ] && head -30 $B/const_diff.txt
exit $status
