#!/bin/sh
# tests/asm/fuzz.sh [N] — mutation fuzzing of goc's assembler: N mutants
# (default 40) of the standard library's .s files, the runtime's
# included, each with its gc flags (tests/asm/files*.txt; lines deleted,
# duplicated or swapped, bytes replaced by punctuation that the lexer and
# the preprocessor care about), assembled by the sanitizer build
# (bin/goc-asan, GOC=... to change).  Every run must end with exit status
# 0 or 1 within 10 seconds: no crash, no sanitizer report, no hang.
# Deterministic (SEED=...); a failing mutant is kept in build/asm/fuzz/.
set -u
cd "$(dirname "$0")/../.." || exit 2
N=${1:-40}
GOC=${GOC:-bin/goc-asan}
SEED=${SEED:-1}
GOROOT=${GOROOT:-/usr/share/go-1.19}
D=build/asm/fuzz
mkdir -p $D
files=$(cat tests/asm/files.txt tests/asm/files-runtime.txt | cut -f2)
nf=$(echo "$files" | wc -l)
bad=0
i=0
while [ $i -lt $N ]; do
	k=$(( (SEED * 7919 + i * 104729) % nf + 1 ))
	f=$(echo "$files" | sed -n "${k}p")
	line=$(cat tests/asm/files.txt tests/asm/files-runtime.txt | grep -F "	$f	")
	pkg=$(echo "$line" | cut -f1)
	flags=$(echo "$line" | cut -f3 | sed "s#\$GOROOT#$GOROOT#g")
	awk -v seed=$((SEED * 1000 + i)) '
		BEGIN { srand(seed); n = 0 }
		{ line[++n] = $0 }
		END {
			m = 1 + int(rand() * 6)
			for (j = 0; j < m; j++) {
				a = 1 + int(rand() * n); b = 1 + int(rand() * n)
				r = rand()
				if (r < 0.25) line[a] = ""
				else if (r < 0.5) line[a] = line[b]
				else if (r < 0.7) { t = line[a]; line[a] = line[b]; line[b] = t }
				else {
					s = line[a]; p = 1 + int(rand() * (length(s) + 1))
					split("( ) $ , \\ # / * < > + - . : ; \" \x27 ·", c, " ")
					line[a] = substr(s, 1, p - 1) c[1 + int(rand() * 19)] substr(s, p + 1)
				}
			}
			for (j = 1; j <= n; j++) print line[j]
		}' "$GOROOT/src/$f" > $D/mutant.s
	timeout 10 $GOC tool asm $flags -I tests/asm/asmhdr/$pkg -I "$GOROOT/src/$(dirname "$f")" \
		-o $D/mutant.o $D/mutant.s > $D/out.txt 2>&1
	rc=$?
	if [ $rc -gt 1 ] || grep -q 'Sanitizer\|runtime error' $D/out.txt; then
		bad=$((bad + 1))
		cp $D/mutant.s $D/fail$bad.s
		echo "FAIL: mutant $i of $f: exit $rc (kept as $D/fail$bad.s)"; head -n 5 $D/out.txt
	fi
	i=$((i + 1))
done
echo "asm fuzz: $N mutants, $bad failures"
[ $bad = 0 ]
