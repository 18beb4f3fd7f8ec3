#!/bin/sh
# mkflags.sh — regenerates tests/asm/files.txt and tests/asm/asmhdr/ from
# gc's own build of the standard library's assembly (linux/amd64, outside
# the runtime): one line per .s file,
#   PKG <TAB> FILE (relative to GOROOT/src) <TAB> gc's asm flags
# (without -trimpath, -o and the -I of the work directory), and each
# package's go_asm.h as gc's compiler wrote it (-asmhdr).  Needs gc (GO=...).
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT=$($GO env GOROOT)
PKGS=$(GOOS=linux GOARCH=amd64 $GO list -f '{{if .SFiles}}{{.ImportPath}}{{end}}' std | grep -v '^runtime')
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
(cd "$T" && GOOS=linux GOARCH=amd64 GOAMD64=v1 $GO build -p 1 -x -a -work $PKGS > "$T/log" 2>&1)
WORK=$(sed -n 's/^WORK=//p' "$T/log")
rm -rf asmhdr
: > files.txt
for p in $PKGS; do
	line=$(grep -F -- "/asm -p $p " "$T/log" | grep -v -- -gensymabis | head -n 1)
	b=$(echo "$line" | sed -n 's/.*-I \$WORK\/\(b[0-9]*\)\/ .*/\1/p')
	flags=$(echo "$line" | sed -e 's/^[^ ]*asm //' -e 's/-trimpath "[^"]*" //' -e 's/-I \$WORK\/b[0-9]*\/ //' \
		-e 's/-o \$WORK[^ ]* .*$//' -e "s#$GOROOT/pkg/include#\$GOROOT/pkg/include#")
	mkdir -p "asmhdr/$p"
	cp "$WORK/$b/go_asm.h" "asmhdr/$p/go_asm.h"
	for f in $(GOOS=linux GOARCH=amd64 $GO list -f '{{join .SFiles " "}}' $p); do
		printf "%s\t%s\t%s\n" "$p" "$p/$f" "$flags" >> files.txt
	done
done
rm -rf "$WORK"
