#!/bin/bash
# gorootruns.sh — the GOROOT/test `// run` tests (no arguments, one file)
# that import nothing, as paths relative to GOROOT (the set issue 4's
# verification is about).
set -u
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
cd "$(dirname "$0")/../.." || exit 2
tests/types/testfiles.sh run | while read -r f; do
	a=$(grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$GOROOT_SRC/$f")
	[ "$a" = "// run" ] || continue
	grep -q '^import\|^	"[a-z/]*"$' "$GOROOT_SRC/$f" && continue
	echo "$f"
done
