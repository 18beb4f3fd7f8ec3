#!/bin/sh
# tests/asm/asmdecl-mut.sh [N [SEED]] — goc vet against gc's go vet -asmdecl
# on mutated assembly: N mutants (default 10) of each source package, where
# the sources are the amd64 cases of tests/asm/asmdecl and packages made at
# test time from std (its amd64 .s files, copied from GOROOT into build/,
# with the single-line body-less declarations of its Go files and a stub
# `type T uintptr` for each other type they name).  A mutant changes 1-3
# lines: a number, an opcode's size suffix, a name+off(FP) reference (name
# changed or dropped, FP made SP, a $ added), a TEXT line's flags or sizes,
# a `//` inserted, a line deleted, duplicated, or a RET inserted.  All
# mutants are vetted at once by each tool; the outputs are compared package
# by package (go vet prints packages in the order they finish).
# Prints "N passed, N failed"; the mutants stay in build/asm/asmdecl-mut.
set -u
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=0}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
N=${1:-10}
SEED=${2:-1}
make -s bin/goc >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
W=build/asm/asmdecl-mut
S=build/asm/asmdecl-mut-src
rm -rf $W $S
mkdir -p $W $S
printf 'module asmdeclmut\n\ngo 1.19\n' >$W/go.mod

# the std-derived sources
for p in math math/big crypto/md5 crypto/sha1 crypto/sha256 crypto/sha512 hash/crc32 crypto/cipher crypto/aes \
	crypto/internal/nistec crypto/internal/edwards25519/field vendor/golang.org/x/crypto/internal/poly1305; do
	d=$S/std-$(echo "$p" | tr / _)
	mkdir -p "$d"
	for f in $(awk -v p="$p" '$1 == p { print $2 }' tests/asm/files.txt); do
		cp "$GOROOT_SRC/src/$f" "$d/$(basename "$f" .s)_amd64.s"
	done
	files=$("$GO" list -f '{{join .GoFiles " "}}' "$p")
	(cd "$GOROOT_SRC/src/$p" && awk '/^func [A-Za-z0-9_]+\(/ && !/\{/ && /\)$|\) [^(]*$|\)\)$/' $files) >"$d/decls"
	{
		echo "package stub"
		echo
		# a type: a word after *, ] or a space not following a comma (not the
		# function's name); builtins aside
		awk '{
			sub(/^func [A-Za-z0-9_]+/, "")
			s = $0
			while (match(s, /[A-Za-z_][A-Za-z0-9_]*/)) {
				w = substr(s, RSTART, RLENGTH); p = substr(s, RSTART - 1, 1); q = substr(s, RSTART - 2, 1)
				if (RSTART > 1 && (p == "*" || p == "]" || (p == " " && q != ",")))
					print w
				s = substr(s, RSTART + RLENGTH)
			}
		}' "$d/decls" | sort -u | while read -r w; do
			case $w in
			bool | byte | int | int8 | int16 | int32 | int64 | uint | uint8 | uint16 | uint32 | uint64 | \
			uintptr | float32 | float64 | complex64 | complex128 | string | error | any | rune) ;;
			*) echo "type $w uintptr" ;;
			esac
		done
		echo
		cat "$d/decls"
	} >"$d/x.go"
	rm "$d/decls"
done
for c in tests/asm/asmdecl/*/; do
	[ -f "$c/GOARCH" ] && continue
	case $(basename "$c") in typeerr | generic) continue ;; esac # type errors only
	d=$S/case-$(basename "$c")
	mkdir -p "$d"
	cp "$c"/* "$d/"
done

# mutate SEED FILE: one mutant of FILE on stdout
mutate() {
	awk -v seed="$1" '
	function pick(n) { return int(rand() * n) }
	function num() { split("0 1 2 3 4 8 12 16 24 32 40 48 64 100 -8", v, " "); return v[1 + pick(15)] }
	function mut(l,    k, m, s, t, i, a) {
		k = pick(10)
		if (k == 0 && match(l, /[0-9]+/)) return substr(l, 1, RSTART - 1) num() substr(l, RSTART + RLENGTH)
		if (k == 1 && match(l, /^[ \t]*[A-Z]+[BWLQ][ \t]/)) {
			s = "BWLQ"; t = substr(s, 1 + pick(4), 1)
			return substr(l, 1, RLENGTH - 2) t substr(l, RLENGTH)
		}
		if (k == 2 && match(l, /[A-Za-z_][A-Za-z0-9_]*\+[0-9]+\(FP\)/)) {
			split("_len _base _cap _lo _data _real _0 _x", a, " ")
			s = substr(l, RSTART, RLENGTH); i = index(s, "+")
			m = pick(3)
			if (m == 0) t = substr(s, 1, i - 1) a[1 + pick(8)] substr(s, i)
			else if (m == 1) { split("ret ret1 arg arg1 x argframe y r", a, " "); t = a[1 + pick(8)] substr(s, i) }
			else t = substr(s, i + 1)
			return substr(l, 1, RSTART - 1) t substr(l, RSTART + RLENGTH)
		}
		if (k == 3 && match(l, /\(FP\)/)) return substr(l, 1, RSTART - 1) "(SP)" substr(l, RSTART + RLENGTH)
		if (k == 4 && match(l, /[A-Za-z_][A-Za-z0-9_]*\+[0-9]+\(FP\)/)) return substr(l, 1, RSTART - 1) "$" substr(l, RSTART)
		if (k == 5 && l ~ /TEXT/) {
			m = pick(4)
			if (m == 0 && match(l, /-[0-9]+/)) return substr(l, 1, RSTART) num() substr(l, RSTART + RLENGTH)
			if (m == 1) { sub(/NOSPLIT/, "NOSPLIT|NOFRAME", l); return l }
			if (m == 2) { sub(/,[ \t]*\$[-0-9]+/, ", $" num(), l); return l }
			sub(/·/, "", l); return l
		}
		if (k == 6 && length(l) > 0) { i = 1 + pick(length(l)); return substr(l, 1, i - 1) "//" substr(l, i) }
		if (k == 7) return "\tRET\n" l
		if (k == 8) return l "\n" l
		if (k == 9) return ""
		return l
	}
	{ line[NR] = $0 }
	END {
		srand(seed)
		n = 1 + pick(3)
		for (j = 0; j < n; j++) {
			i = 1 + pick(NR)
			if (line[i] !~ /^\/\/(go:build| \+build)/) # a bad constraint stops go vet ./...
				line[i] = mut(line[i])
		}
		for (i = 1; i <= NR; i++) print line[i]
	}' "$2"
}

i=0
for src in $S/*/; do
	for k in $(seq 1 "$N"); do
		d=$W/m$i
		mkdir -p $d
		cp "$src"/*.go $d/
		for s in "$src"/*.s; do
			mutate $((SEED * 100000 + i * 10 + k)) "$s" >"$d/$(basename "$s")"
		done
		i=$((i + 1))
	done
done

# each tool's output, one line per package: "# pkg" then its lines joined
blocks() {
	awk '/^# / { if (b != "") print b; b = $0; next } { b = b "\\n" $0 } END { if (b != "") print b }' | sort
}
(cd $W && GO111MODULE=on GOARCH=amd64 "$GO" vet -asmdecl ./... 2>&1) | blocks >$W/gc.out
(cd $W && GO111MODULE=on GOARCH=amd64 "$GOC" vet ./... 2>&1) | blocks >$W/goc.out
pass=0 fail=0
if grep -av '^# ' $W/gc.out | grep -q . || ! grep -aq '^# ' $W/gc.out; then
	echo "FAIL: go vet -asmdecl ./... in $W did not vet the mutants:"
	grep -av '^# ' $W/gc.out | head -n 3 | cut -c1-300
	fail=$((fail + 1))
fi
for k in $(seq 0 $((i - 1))); do
	g=$(grep -a "^# asmdeclmut/m$k\(\\\\n\|\$\)" $W/gc.out)
	o=$(grep -a "^# asmdeclmut/m$k\(\\\\n\|\$\)" $W/goc.out)
	if [ "$g" = "$o" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $W/m$k: goc vet differs from go vet -asmdecl"
		echo "  gc:  $g" | cut -c1-400
		echo "  goc: $o" | cut -c1-400
	fi
done
echo "$(grep -ac . $W/gc.out) of $i mutants have findings"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
