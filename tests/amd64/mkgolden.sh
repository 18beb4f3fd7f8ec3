#!/bin/sh
# mkgolden.sh — regenerates tests/amd64/golden.txt from gc's -S listing of
# tests/amd64/golden/*.go: one line per instruction,
#   pc <TAB> bytes (hex) <TAB> mnemonic <TAB> operands <TAB> relocations
# relocations: OFF:TYPE:SYM:ADDEND,... (offset in the instruction, gc's
# objabi type number and addend).  Pseudo-instructions (TEXT, FUNCDATA,
# PCDATA, NOP) are left out.  Needs gc (GO=...).
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp golden/*.go "$T"/
printf 'module golden\ngo 1.19\n' > "$T"/go.mod
(cd "$T" && GOAMD64=v1 "$GO" build -gcflags=-S -o "$T/out" . 2> "$T/listing")
awk -F'\t' '
function flush(   i, j, end, hex, r, k, rels) {
	for (i = 0; i < n; i++) {
		if (mn[i] == "TEXT" || mn[i] == "FUNCDATA" || mn[i] == "PCDATA" || mn[i] == "NOP" || mn[i] == "PCALIGN")
			continue
		end = size
		for (j = i + 1; j < n; j++) if (pc[j] > pc[i]) { end = pc[j]; break }
		hex = substr(bytes, 2 * pc[i] + 1, 2 * (end - pc[i]))
		rels = ""
		for (k = 0; k < nr; k++)
			if (roff[k] >= pc[i] && roff[k] < end)
				rels = rels (rels == "" ? "" : ",") (roff[k] - pc[i]) ":" rtyp[k] ":" rsym[k] ":" radd[k]
		print pc[i] "\t" hex "\t" mn[i] "\t" ops[i] "\t" rels
	}
	n = 0; nr = 0; bytes = ""
}
/^[^\t]/ {
	flush()
	size = 0
	if (match($0, / size=[0-9]+/)) size = substr($0, RSTART + 6, RLENGTH - 6) + 0
	infunc = ($0 ~ / STEXT /)
	next
}
!infunc { next }
/^\t0x[0-9a-f]+ [0-9]+ \(/ {
	split($2, a, " ")
	pc[n] = a[2] + 0; mn[n] = $3; ops[n] = (NF >= 4 ? $4 : ""); n++
	next
}
/^\t0x[0-9a-f]+ [0-9a-f][0-9a-f] / {
	line = substr($0, 9)
	k = index(line, "  ")
	if (k > 0) line = substr(line, 1, k - 1)
	gsub(/ /, "", line)
	bytes = bytes line
	next
}
/^\trel [0-9]+\+[0-9]+ t=/ {
	# "rel OFF+SIZ t=TYPE SYM+ADD" (ADD may be negative: "+-1"); SYM may hold spaces
	split($0, w, " ")
	split(w[2], o, "+")
	if (o[2] + 0 == 0) next # markers of size 0 (R_USEIFACE, R_CALLIND, ...)
	t = substr(w[3], 3)
	s = substr($0, index($0, " t=") + 4 + length(t))
	match(s, /\+-?[0-9]+$/)
	sym = substr(s, 1, RSTART - 1); add = substr(s, RSTART + 1)
	roff[nr] = o[1] + 0; rtyp[nr] = t; rsym[nr] = sym; radd[nr] = add; nr++
	next
}
END { flush() }
' "$T/listing" > golden.txt
echo "golden.txt: $(wc -l < golden.txt) instructions"
