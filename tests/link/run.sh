#!/bin/bash
# run.sh — tests of goc's linker (src/link), ending with "N passed, N failed".
#
#   run        freestanding C programs (own _start, raw syscalls, no libc),
#              built by gcc and clang -c, linked by `goc tool link` and by
#              `ld -static -nostdlib`: same output and exit status
#   tools      readelf -a, nm, objdump -d accept goc's output; nm lists
#              the symbols (Go names from asm labels included)
#   determinism  the same objects linked twice give the same bytes
#   errors     undefined and duplicate symbols in gc's wording, exit 2
#   api        tests/link/apitest.c: the in-memory API (hand-assembled code)
#   perf       a generated object with 10000 functions, 20000 data symbols
#              and 40000 sections: goc vs ld time
#
# Needs bin/goc (make) and build/obj/{base,link}/*.o for the API test.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
GOC=$ROOT/bin/goc
SRC=$ROOT/tests/link/src
T=$ROOT/build/link-test
rm -rf "$T"
mkdir -p "$T"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

[ -x "$GOC" ] || { echo "no $GOC: run make first"; echo "0 passed, 1 failed"; exit 1; }

FREE="-O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector -nostdlib -fno-asynchronous-unwind-tables"
cc_obj() { # cc_obj COMPILER OUT SRC EXTRA...
	local cc=$1 out=$2 src=$3
	shift 3
	$cc $FREE "$@" -c -o "$T/$out" "$SRC/$src" 2>"$T/$out.err" || { bad "compile $out" "$(head -3 "$T/$out.err")"; return 1; }
}

# ---- objects ----
cc_obj gcc hello.o hello.c
cc_obj gcc sys.o sys.c
for cc in gcc clang; do
	cc_obj $cc $cc-start.o start.c
	cc_obj $cc $cc-main.o main.c -fcommon
	cc_obj $cc $cc-lib.o lib.c -fcommon
	cc_obj $cc $cc-lib2.o lib2.c -fcommon -ffunction-sections -fdata-sections
done
cc_obj clang goname1.o goname1.c
cc_obj clang goname2.o goname2.c
gcc -O2 -ffreestanding -fPIC -fno-stack-protector -fno-asynchronous-unwind-tables -c -o "$T/lib-pic.o" "$SRC/lib-pic.c"
gcc -O2 -ffreestanding -fPIC -fno-stack-protector -fno-asynchronous-unwind-tables -Wa,-mrelax-relocations=no -c -o "$T/lib-got.o" "$SRC/lib-got.c"
cc_obj clang lib-clang.o lib-clang.c
gcc -c -o "$T/comdat1.o" "$SRC/comdat1.s"
gcc -c -o "$T/comdat2.o" "$SRC/comdat2.s"
cd "$T" || exit 2

# ---- run: goc's link against ld's ----
runpair() { # runpair NAME ARGS -- OBJS...
	local name=$1 args=$2
	shift 2
	if ! ld -static -nostdlib -o "$name.ld" "$@" 2>"$name.ld.err"; then
		bad "run $name" "ld failed: $(head -3 "$name.ld.err")"
		return
	fi
	if ! "$GOC" tool link -o "$name.goc" "$@" 2>"$name.goc.err"; then
		bad "run $name" "goc tool link failed: $(head -3 "$name.goc.err")"
		return
	fi
	./"$name.ld" $args >"$name.ld.out" 2>&1
	local rl=$?
	./"$name.goc" $args >"$name.goc.out" 2>&1
	local rg=$?
	if [ $rl != $rg ]; then
		bad "run $name" "exit status $rg, ld's $rl"
	elif ! cmp -s "$name.ld.out" "$name.goc.out"; then
		bad "run $name" "output differs from ld's: $(diff "$name.ld.out" "$name.goc.out" | head -5)"
	elif [ ! -s "$name.goc.out" ]; then
		bad "run $name" "no output"
	else
		ok "run $name (exit $rg, $(wc -l <"$name.goc.out") lines, $(stat -c %s "$name.goc") bytes; ld: $(stat -c %s "$name.ld"))"
	fi
}
COMMON="lib-pic.o lib-got.o lib-clang.o goname1.o goname2.o comdat1.o comdat2.o sys.o"
runpair hello "" hello.o
runpair prog-gcc "a b" gcc-start.o gcc-main.o gcc-lib.o gcc-lib2.o $COMMON
runpair prog-clang "x" clang-start.o clang-main.o clang-lib.o clang-lib2.o $COMMON
runpair prog-mixed "" clang-start.o gcc-main.o clang-lib.o gcc-lib2.o $COMMON

# ---- tools accept the output ----
for p in hello prog-gcc prog-clang; do
	[ -x $p.goc ] || continue
	if readelf -a -W $p.goc >$p.readelf 2>$p.readelf.err && [ ! -s $p.readelf.err ]; then
		ok "readelf $p"
	else
		bad "readelf $p" "$(head -3 $p.readelf.err)"
	fi
	if objdump -d $p.goc >$p.objdump 2>$p.objdump.err && [ ! -s $p.objdump.err ]; then
		ok "objdump $p"
	else
		bad "objdump $p" "$(head -3 $p.objdump.err)"
	fi
done
if [ -x prog-gcc.goc ]; then
	nm prog-gcc.goc >nm.out 2>nm.err
	missing=
	for s in 'T _start' 'T main' 'T add' 'D table' 'R names' 'W fallback' 'T greeting' \
		'T runtime.mallocgc' 'R type.int' 'R go.string."hello"' 'R type:*main.T' \
		'T internal/bytealg.IndexByteString' 'D go.itab.*os.File,io.Writer' 'B common_a' 'b big' \
		'w maybe_missing' 't init_lib' 'd counter' 'b counter'; do
		grep -qF " $s" nm.out || missing="$missing [$s]"
	done
	[ "$(grep -c ' counter$' nm.out)" = 3 ] || missing="$missing [3 locals named counter]"
	[ -z "$missing" ] && [ ! -s nm.err ] && ok "nm lists the symbols" || bad "nm" "missing:$missing $(head -2 nm.err)"
	# symbols agree with ld's for the functions (same names, same sizes)
	nm -S --defined-only prog-gcc.ld | awk '$3 ~ /^[Tt]$/ {print $4, $2}' | sort >nm-ld.txt
	nm -S --defined-only prog-gcc.goc | awk '$3 ~ /^[Tt]$/ {print $4, $2}' | sort >nm-goc.txt
	cmp -s nm-ld.txt nm-goc.txt && ok "nm function names and sizes as ld's" || bad "nm vs ld" "$(diff nm-ld.txt nm-goc.txt | head -5)"
	grep -q 'call.*<comdat_value>' prog-gcc.objdump && grep -q '^[0-9a-f]* <main>:' prog-gcc.objdump &&
		ok "objdump shows symbol names" || bad "objdump names"
	grep -qE '^ +LOAD .* R E ' prog-gcc.readelf && grep -qE '^ +LOAD .* R  ' prog-gcc.readelf &&
		grep -qE '^ +LOAD .* RW ' prog-gcc.readelf && grep -qE '^ +TLS ' prog-gcc.readelf &&
		grep -qE '^ +GNU_STACK .* RW ' prog-gcc.readelf &&
		ok "segments R-X, R, RW, TLS, GNU_STACK" || bad "segments" "$(grep -E 'LOAD|TLS|GNU' prog-gcc.readelf)"
fi

# ---- determinism ----
"$GOC" tool link -o d1 gcc-start.o gcc-main.o gcc-lib.o gcc-lib2.o $COMMON &&
	"$GOC" tool link -o d2 gcc-start.o gcc-main.o gcc-lib.o gcc-lib2.o $COMMON &&
	cmp -s d1 d2 && ok "deterministic output" || bad "deterministic output"

# ---- errors ----
experr() { # experr NAME EXPECTED-STDERR OBJS...
	local name=$1 want=$2
	shift 2
	"$GOC" tool link -o "err-$name" "$@" >"err-$name.out" 2>&1
	local rc=$?
	if [ $rc != 2 ]; then
		bad "error $name" "exit status $rc, want 2"
	elif [ "$(cat "err-$name.out")" != "$want" ]; then
		bad "error $name" "got: $(head -3 "err-$name.out")"
	elif [ -e "err-$name" ]; then
		bad "error $name" "output file left behind"
	else
		ok "error $name"
	fi
}
printf 'void f(void);\nvoid g(void);\nvoid _start(void) { f(); g(); f(); }\n' >undef.c
printf 'int x = 1;\nvoid _start(void) {}\n' >dup1.c
printf 'int x = 2;\n' >dup2.c
printf 'extern void mm(void) __asm__("main.main");\nvoid rt0(void) __asm__("runtime.rt0_go");\n__attribute__((noinline)) void rt0(void) { mm(); }\nvoid _start(void) { rt0(); }\n' >nomain.c
printf 'void _start(void) {}\n' >start-only.c
for f in undef dup1 dup2 nomain start-only; do gcc $FREE -c -o $f.o $f.c; done
experr undefined "$(printf '_start: relocation target f not defined\n_start: relocation target g not defined')" undef.o
experr duplicate "duplicated definition of symbol x, from dup1.o and dup2.o" dup1.o dup2.o
experr main-undeclared "runtime.rt0_go: function main is undeclared in the main package" nomain.o
experr entry "entry symbol nosuch not defined" -e nosuch start-only.o
echo 'not an object' >junk.o
experr not-elf "junk.o: not an ELF object" junk.o
experr missing-file "open nosuch.o: No such file or directory" nosuch.o

# ---- the in-memory API ----
if ls "$ROOT"/build/obj/link/*.o >/dev/null 2>&1; then
	if gcc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -o apitest "$ROOT/tests/link/apitest.c" \
		$(ls "$ROOT"/build/obj/link/*.o "$ROOT"/build/obj/base/*.o) -lmpfr -lgmp -lm 2>apitest.err; then
		./apitest "$T" >apitest.out 2>&1
		while read -r verdict name rest; do
			case $verdict in
			PASS) ok "$name" ;;
			FAIL) bad "$name" "$rest" ;;
			esac
		done <apitest.out
		if [ -x api.exe ]; then
			out=$(./api.exe)
			rc=$?
			[ "$out" = hello ] && [ $rc = 15 ] && ok "api executable runs (hello, exit 15)" ||
				bad "api executable" "output '$out', exit $rc (want hello, 15)"
			readelf -a api.exe >/dev/null 2>api.readelf.err && [ ! -s api.readelf.err ] &&
				nm api.exe | grep -qF 'R go.string."hello\n"' && ok "api executable: readelf, nm" ||
				bad "api executable: readelf, nm"
			readelf --debug-dump=decodedline api.exe >api.lines 2>api.lines.err
			grep -qE 'hello.go +10 +0x[0-9a-f]+' api.lines && [ ! -s api.lines.err ] &&
				ok "api executable: .debug_line decodes" || bad "api .debug_line" "$(head -5 api.lines.err api.lines)"
			if command -v gdb >/dev/null; then
				timeout 30 gdb -nx -batch -ex 'break main.exitcode' -ex run -ex bt ./api.exe >api.gdb 2>&1
				grep -qE '^#0 .*main\.exitcode \(\) at /goc/test/hello.go:10' api.gdb &&
					grep -qE '^#1 .*_rt0_amd64_goc \(\) at /goc/test/hello.go:5' api.gdb &&
					ok "gdb: break main.exitcode, bt shows hello.go:10 and :5" ||
					bad "gdb" "$(grep -E '^#|Breakpoint' api.gdb | head -4)"
			fi
		fi
	else
		bad "apitest build" "$(head -5 apitest.err)"
	fi
else
	bad "apitest" "no build/obj/link/*.o: run make"
fi

# ---- performance: many symbols and relocations ----
N=${LINK_PERF_N:-10000}
awk -v n="$N" 'BEGIN {
	print "long sink;";
	for (i = 0; i < n; i++) {
		printf "long d%d = %d; long *p%d = &d%d;\n", i, i, i, i;
		printf "__attribute__((noinline)) long f%d(long x) { return x + d%d + *p%d", i, i, i;
		if (i > 0) printf " + f%d(x)", i - 1;
		print "; }";
	}
	printf "void _start(void) { sink = f%d(1); for (;;) __asm__ volatile(\"syscall\" :: \"a\"(231), \"D\"(0)); }\n", n - 1;
}' >big.c
if gcc -O1 -ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections -c -o big.o big.c 2>big.err; then
	t0=$(date +%s.%N)
	"$GOC" tool link -o big.goc big.o
	rc=$?
	t1=$(date +%s.%N)
	ld -static -nostdlib -o big.ld big.o
	t2=$(date +%s.%N)
	tg=$(echo "$t1 - $t0" | bc)
	tl=$(echo "$t2 - $t1" | bc)
	if [ $rc = 0 ] && ./big.goc; then
		ok "perf: $N functions, $((2 * N)) data symbols, $(readelf -r big.o | grep -c R_X86) relocations: goc ${tg}s, ld ${tl}s"
	else
		bad "perf" "link or run failed"
	fi
else
	bad "perf compile" "$(head -3 big.err)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
