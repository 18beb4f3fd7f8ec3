#!/bin/sh
# tests/asm/run.sh — goc's assembler (goc tool asm, src/asm/):
#  1. compare.sh: the standard library's .s files against gc's assembler,
#     symbol by symbol; the symbols listed in compare.pass must stay equal;
#  2. errors/*.s: malformed input gets gc-style `file.s:LINE: message`
#     errors and exit status 1 (golden errors/*.err, made with goc and
#     checked against gc's messages by hand: see docs/asm.md), also under
#     the sanitizer build when it exists (bin/goc-asan); a first line
#     `// asmflags: FLAGS` adds flags;
#  3. tests/asm/link/hello.s assembled, linked by goc's linker and run;
#  4. a short mutation fuzz of std's .s files under bin/goc-asan
#     (tests/asm/fuzz.sh): no crash, no hang, exit status 0 or 1;
#  5. asmdecl.sh: goc vet (go vet's asmdecl check) against gc's go vet
#     -asmdecl on crafted packages and on std's packages with assembly.
# Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
make -s bin/goc bin/goc-asan >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
pass=0; fail=0
out=$(tests/asm/compare.sh 2>&1); rc=$?
echo "$out" | grep -av '^[0-9]* passed' | tail -n 20
p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
[ $rc = 0 ] || [ "${f:-0}" != 0 ] || fail=$((fail + 1))

for goc in bin/goc bin/goc-asan; do
	[ -x $goc ] || continue
	for s in tests/asm/errors/*.s; do
		want=${s%.s}.err
		# a first line "// asmflags: FLAGS" adds flags (-compiling-runtime)
		fl=$(sed -n '1s#^// asmflags: ##p' $s)
		got=$(cd tests/asm/errors && ../../../$goc tool asm -p p $fl -I /usr/share/go-1.19/pkg/include -o /tmp/goc-asm-err.$$.o $(basename $s) 2>&1; echo "exit $?")
		if [ "$got" = "$(cat $want)" ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $goc $s"; echo "$got" | head -n 5
		fi
	done
done
rm -f /tmp/goc-asm-err.$$.o
# an assembled object through goc's linker, run
T=build/asm/link; mkdir -p $T
if bin/goc tool asm -p main -I /usr/share/go-1.19/pkg/include -o $T/hello.o tests/asm/link/hello.s &&
   bin/goc tool link -o $T/hello $T/hello.o; then
	got=$($T/hello; echo "exit $?")
	want=$(printf 'hello, asm\nhello, asm\nhello, asm\nexit 104')
	if [ "$got" = "$want" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: tests/asm/link/hello.s: $got"; fi
else
	fail=$((fail + 1)); echo "FAIL: tests/asm/link/hello.s does not assemble or link"
fi
if [ -x tests/asm/fuzz.sh ] && [ -x bin/goc-asan ]; then
	out=$(tests/asm/fuzz.sh "${ASM_FUZZ_N:-40}" 2>&1); rc=$?
	echo "$out" | tail -n 5
	if [ $rc = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
fi
out=$(tests/asm/asmdecl.sh 2>&1); rc=$?
echo "$out" | grep -av '^[0-9]* passed' | tail -n 20
p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
[ $rc = 0 ] || [ "${f:-0}" != 0 ] || fail=$((fail + 1))
echo "$pass passed, $fail failed"
[ $fail = 0 ]
