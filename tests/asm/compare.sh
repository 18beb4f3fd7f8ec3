#!/bin/sh
# tests/asm/compare.sh — goc's assembler against gc's on the standard
# library's assembly for linux/amd64: files.txt lists the files outside the
# runtime, files-runtime.txt the runtime's own (runtime, runtime/internal/*,
# runtime/debug, runtime/cgo), each with the flags `go build -x` shows;
# asmhdr/ holds gc's go_asm.h; tests/asm/cases/*.s are goc's own cases
# (edges of what the runtime's files use), assembled with the runtime's
# flags and go_asm.h.  The three sets are counted apart.
# For every file both assemblers write a -S listing; per symbol the header
# (type, attributes, size, args, locals), the bytes and the relocations
# (offset, size, type, target, addend) must be equal (tests/asm/norm.awk).
# Per package, -gensymabis output must be equal, and (outside the runtime)
# the go_asm.h of `goc tool check -asmhdr` must hold gc's lines.
#
#   compare.sh            compare; fail if a symbol of compare.pass differs
#   compare.sh -update    rewrite compare.pass with the symbols equal today
#   compare.sh -v FILE    show the differences for one file (path in GOROOT/src)
#
# gc's listings are cached in build/asm/gc (gc is the oracle only).
# Prints "N passed, N failed" (symbols of compare.pass).
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT=${GOROOT:-$($GO env GOROOT 2>/dev/null)}
GOASM=$GOROOT/pkg/tool/linux_amd64/asm
GOC=${GOC:-$ROOT/bin/goc}
T=tests/asm
B=build/asm
mkdir -p $B/gc $B/goc
if [ ! -x "$GOASM" ]; then
	echo "compare.sh: gc's assembler not found ($GOASM): skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
mode=check
one=
case "${1:-}" in
-update) mode=update ;;
-v) mode=verbose; one=$2 ;;
esac

# compare_list LIST: every file of LIST; prints "FILE<TAB>SYM<TAB>OK|DIFF|
# MISSING" per symbol and sets nfiles, nfok
compare_list() {
nfiles=0; nfok=0
while IFS='	' read -r pkg file flags; do
	[ -n "$one" ] && [ "$file" != "$one" ] && continue
	id=$(echo "$file" | tr '/' '_')
	case $file in
	tests/*) dir=$ROOT/$(dirname "$file") ;;
	*) dir=$GOROOT/src/$(dirname "$file") ;;
	esac
	base=$(basename "$file")
	fl=$(echo "$flags" | sed "s#\$GOROOT#$GOROOT#g")
	gl=$B/gc/$id.lst
	if [ ! -s $gl ] || [ $1 -nt $gl ]; then
		(cd "$dir" && $GOASM $fl -I "$ROOT/$T/asmhdr/$pkg" -S -o "$ROOT/$B/gc/$id.o" "$base") 2>/dev/null |
			awk -f $T/norm.awk > $gl
	fi
	(cd "$dir" && timeout 20 "$GOC" tool asm $fl -I "$ROOT/$T/asmhdr/$pkg" -S -o "$ROOT/$B/goc/$id.o" "$base") \
		> $B/goc/$id.raw 2> $B/goc/$id.err
	rc=$?
	if [ $rc -gt 1 ]; then
		echo "$file: goc tool asm exited with status $rc" >> $B/goc/$id.err
	fi
	awk -f $T/norm.awk $B/goc/$id.raw > $B/goc/$id.lst
	nfiles=$((nfiles + 1))
	awk -F'\t' -v file="$file" -v verbose=$([ $mode = verbose ] && echo 1 || echo 0) '
		FILENAME == ARGV[1] { goc[$1] = $0; next }
		{
			st = "OK"
			if (!($1 in goc)) st = "MISSING"
			else if (goc[$1] != $0) st = "DIFF"
			print file "\t" $1 "\t" st
			if (verbose && st == "DIFF") {
				split(goc[$1], g, "\t")
				if (g[2] != $2) print "  header gc:  " $2 "\n  header goc: " g[2]
				if (g[3] != $3) {
					for (i = 1; i <= length($3) && substr($3, i, 2) == substr(g[3], i, 2); i += 2) ;
					print "  bytes differ at offset " (i - 1) / 2 ": gc " substr($3, i, 24) " goc " substr(g[3], i, 24)
				}
				if (g[4] != $4) print "  rels gc:  " substr($4, 1, 300) "\n  rels goc: " substr(g[4], 1, 300)
			}
		}' $B/goc/$id.lst $gl > $B/one.txt
	grep -v '^  ' $B/one.txt
	if [ $mode = verbose ]; then cat $B/one.txt $B/goc/$id.err >&2; fi
	if [ ! -s $B/goc/$id.err ] && ! grep -q -v "	OK$" $B/one.txt; then nfok=$((nfok + 1)); fi
done < $1
}

# count NAME: the count line of NAME's list (result-NAME.txt, nfok_NAME, nfiles_NAME)
count() {
	eval "fo=\$nfok_$1 fn=\$nfiles_$1"
	echo "$1: files equal to gc's: $fo/$fn; symbols equal: $(grep -c '	OK$' $B/result-$1.txt)/$(grep -c . $B/result-$1.txt)"
}
compare_list $T/files.txt > $B/result-std.txt
nfok_std=$nfok; nfiles_std=$nfiles
compare_list $T/files-runtime.txt > $B/result-runtime.txt
nfok_runtime=$nfok; nfiles_runtime=$nfiles
# tests/asm/cases/*.s: goc's own cases of what the runtime's files use
# (and edges they do not reach), assembled as the runtime's (its go_asm.h)
for f in $T/cases/*.s; do
	printf 'runtime\t%s\t-p runtime -I $GOROOT/pkg/include -D GOOS_linux -D GOARCH_amd64 -compiling-runtime -D GOAMD64_v1\n' "$f"
done > $B/files-cases.txt
compare_list $B/files-cases.txt > $B/result-cases.txt
nfok_cases=$nfok; nfiles_cases=$nfiles
cat $B/result-std.txt $B/result-runtime.txt $B/result-cases.txt > $B/result.txt

# -gensymabis: per package, all its files at once (as go build runs it);
# symabis LIST: sets nsa, nsaok, safail
symabis() {
	nsa=0; nsaok=0; safail=
	for pkg in $(cut -f1 $1 | uniq); do
		files=$(awk -F'\t' -v p="$pkg" '$1 == p { n = split($2, a, "/"); printf "%s ", a[n] }' $1)
		flags=$(awk -F'\t' -v p="$pkg" '$1 == p { print $3; exit }' $1 | sed "s#\$GOROOT#$GOROOT#g")
		id=$(echo "$pkg" | tr '/' '_')
		dir=$GOROOT/src/$pkg
		[ -s $B/gc/$id.symabis ] || (cd "$dir" && $GOASM $flags -I "$ROOT/$T/asmhdr/$pkg" -gensymabis -o "$ROOT/$B/gc/$id.symabis" $files) 2>/dev/null
		(cd "$dir" && timeout 20 "$GOC" tool asm $flags -I "$ROOT/$T/asmhdr/$pkg" -gensymabis -o "$ROOT/$B/goc/$id.symabis" $files) 2>/dev/null
		nsa=$((nsa + 1))
		if cmp -s $B/gc/$id.symabis $B/goc/$id.symabis; then nsaok=$((nsaok + 1)); else safail="$safail $pkg"; fi
	done
}
nsa_all=0; nsaok_all=0; nah=0; nahok=0
if [ -z "$one" ]; then
	for l in std runtime; do
		if [ $l = std ]; then symabis $T/files.txt; else symabis $T/files-runtime.txt; fi
		echo "$l: -gensymabis equal to gc's: $nsaok/$nsa packages${safail:+ (differ:$safail)}"
		nsa_all=$((nsa_all + nsa)); nsaok_all=$((nsaok_all + nsaok))
	done
	# go_asm.h from goc's type checker (goc tool check -asmhdr) against
	# gc's compile -asmhdr: the same #define lines (order aside); not for
	# the runtime's packages (goc's runtime is its own overlay, not gc's)
	nah=0; nahok=0; ahfail=
	for pkg in $(cut -f1 $T/files.txt | uniq); do
		id=$(echo "$pkg" | tr '/' '_')
		nah=$((nah + 1))
		if timeout 60 "$GOC" tool check -asmhdr $B/goc/$id.go_asm.h "$pkg" 2>/dev/null &&
		   [ "$(sort $B/goc/$id.go_asm.h)" = "$(sort $T/asmhdr/$pkg/go_asm.h)" ]; then
			nahok=$((nahok + 1))
		else
			ahfail="$ahfail $pkg"
		fi
	done
	echo "std: go_asm.h equal to gc's: $nahok/$nah packages${ahfail:+ (differ:$ahfail)}"
fi

count std
count runtime
count cases
if [ $mode = update ]; then
	grep '	OK$' $B/result.txt | cut -f1,2 | sort > $T/compare.pass
	echo "compare.pass: $(wc -l < $T/compare.pass) symbols"
	exit 0
fi
[ -n "$one" ] && exit 0
pass=0; fail=0
while IFS='	' read -r file sym; do
	if grep -qxF "$file	$sym	OK" $B/result.txt; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL (regression): $file $sym"
	fi
done < $T/compare.pass
fail=$((fail + nsa_all - nsaok_all + nah - nahok))
pass=$((pass + nsaok_all + nahok))
echo "$pass passed, $fail failed"
[ $fail = 0 ]
