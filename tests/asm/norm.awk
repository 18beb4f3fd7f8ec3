# norm.awk — one line per symbol of a `go tool asm -S` (or goc's) listing:
#   name <TAB> header <TAB> bytes (hex) <TAB> relocations (;-separated)
# Instruction lines are left out: the comparison is of what the object holds.
function flush() {
	if (name != "")
		print name "\t" hdr "\t" bytes "\t" rels
	name = ""; hdr = ""; bytes = ""; rels = ""
}
/^[^\t]/ {
	flush()
	name = $1
	hdr = $0
	sub(/^[^ ]* /, "", hdr)
	next
}
/^\trel / {
	r = $0; sub(/^\trel /, "", r)
	rels = rels (rels == "" ? "" : ";") r
	next
}
/^\t0x[0-9a-f]+ [0-9a-f][0-9a-f]( |$)/ {
	line = substr($0, 2)
	sp = index(line, " ")
	win = substr(line, sp, 48)
	n = split(win, f, " ")
	for (i = 1; i <= n; i++)
		if (f[i] ~ /^[0-9a-f][0-9a-f]$/) bytes = bytes f[i]
	next
}
END { flush() }
