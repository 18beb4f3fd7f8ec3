#!/bin/sh
# mkflags.sh — regenerates tests/asm/files.txt, tests/asm/files-runtime.txt
# and tests/asm/asmhdr/ from gc's own build of the standard library's
# assembly (linux/amd64): one line per .s file,
#   PKG <TAB> FILE (relative to GOROOT/src) <TAB> gc's asm flags
# (without -trimpath, -o and the -I of the work directory), and each
# package's go_asm.h as gc's compiler wrote it (-asmhdr).  files.txt holds
# the packages outside the runtime; files-runtime.txt the runtime's own
# (runtime, runtime/internal/*, runtime/debug, as `go build` selects them
# with CGO_ENABLED=0, and runtime/cgo, which `std` leaves out without cgo
# but `go build runtime/cgo` assembles).  Needs gc (GO=...).
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT=$($GO env GOROOT)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export GOOS=linux GOARCH=amd64 GOAMD64=v1

# gen LIST PKG... : build PKGs with gc, write LIST and asmhdr/PKG/go_asm.h
gen() {
	list=$1; shift
	(cd "$T" && $GO build -p 1 -x -a -work "$@" > "$T/log" 2>&1)
	WORK=$(sed -n 's/^WORK=//p' "$T/log")
	: > "$list"
	for p in "$@"; do
		line=$(grep -F -- "/asm -p $p " "$T/log" | grep -v -- -gensymabis | head -n 1)
		b=$(echo "$line" | sed -n 's/.*-I \$WORK\/\(b[0-9]*\)\/ .*/\1/p')
		flags=$(echo "$line" | sed -e 's/^[^ ]*asm //' -e 's/-trimpath "[^"]*" //' -e 's/-I \$WORK\/b[0-9]*\/ //' \
			-e 's/-o \$WORK[^ ]* .*$//' -e "s#$GOROOT/pkg/include#\$GOROOT/pkg/include#")
		rm -rf "asmhdr/$p"
		mkdir -p "asmhdr/$p"
		cp "$WORK/$b/go_asm.h" "asmhdr/$p/go_asm.h"
		for f in $($GO list -f '{{join .SFiles " "}}' $p); do
			printf "%s\t%s\t%s\n" "$p" "$p/$f" "$flags" >> "$list"
		done
	done
	rm -rf "$WORK"
}

gen files.txt $($GO list -f '{{if .SFiles}}{{.ImportPath}}{{end}}' std | grep -v '^runtime')
CGO_ENABLED=0 gen files-runtime.txt $(CGO_ENABLED=0 $GO list -f '{{if .SFiles}}{{.ImportPath}}{{end}}' std | grep '^runtime') runtime/cgo
