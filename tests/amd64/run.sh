#!/bin/sh
# tests/amd64/run.sh — goc's amd64 encoder and printer.
#  1. every opcode × form × a sweep of registers (R8–R15, X8–X15), memory
#     operands (SIB, RBP/R13, RIP-relative, absolute) and edge immediates:
#     goc's bytes disassembled by objdump must read as the same instruction
#     as GNU as makes of the AT&T text goc meant, with the same relocations;
#     bytes are compared too (equivalent encodings are counted apart);
#     Where goc follows gc rather than GNU as: MOVLQZX r, r is 8B /r (as: 89),
#     XCHGL AX, AX is gc's one-byte NOP 90 (as: 87 C0), XCHGQ AX, AX is 48 90
#     (as: 90; left out of the sweep); a sign-extended imm8 only for values
#     -128..127 as written (ADDL $0xfffffff0, AX is 05 F0 FF FF FF; as:
#     83 C0 F0), so the sweep's 16- and 32-bit immediates avoid 0xffff.. values.
#  2. instructions from gc's -S listings (golden.txt, made by mkgolden.sh):
#     goc prints them as gc does and encodes them to gc's bytes.
# Prints "N passed, N failed" (both parts summed).
set -u
cd "$(dirname "$0")/../.." || exit 2
CC=${CC:-cc}
B=build/amd64
mkdir -p $B
$CC -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-o $B/encode_test tests/amd64/encode_test.c src/amd64/encode.c src/amd64/print.c src/base/*.c -lm || exit 2

status=0
echo "== sweep: goc vs objdump and GNU as"
$B/encode_test gen $B | tail -n 20 || exit 2
as --64 -o $B/as.o $B/cases.s || exit 2
objcopy -O binary -j .text $B/as.o $B/as.bin
nm -n $B/as.o | grep ' c[0-9]*$' > $B/as.nm
readelf -rW $B/as.o | awk '/^[0-9a-f]+ +[0-9a-f]+ +R_X86_64/ { print $1, $3, $5, $6, $7 }' > $B/as.rel
objdump -D -b binary -m i386:x86-64 $B/goc.bin > $B/goc.dis
objdump -D -b binary -m i386:x86-64 $B/as.bin > $B/as.dis
$B/encode_test compare $B > $B/compare.log; c=$?
cat $B/compare.log | tail -n 60
[ $c = 0 ] || status=1
p1=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' $B/compare.log)
f1=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' $B/compare.log)

echo "== golden: gc's -S listings"
$B/encode_test golden tests/amd64/golden.txt > $B/golden.log; c=$?
tail -n 40 $B/golden.log
[ $c = 0 ] || status=1
p2=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' $B/golden.log)
f2=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' $B/golden.log)
echo "$(( ${p1:-0} + ${p2:-0} )) passed, $(( ${f1:-0} + ${f2:-0} + (status != 0 && ${f1:-0} + ${f2:-0} == 0) )) failed"
exit $status
