#!/bin/bash
# gorootruns.sh [imports] — the GOROOT/test `// run` tests (no arguments,
# one file), as paths relative to GOROOT:
#   (default)  those that import nothing (the set issue 4's verification
#              is about; tests/backend/goroot.pass);
#   imports    those whose imports are only "runtime" and/or "unsafe"
#              (goc's runtime overlay; tests/backend/goroot-imports.pass);
#   std        those that import other packages of the standard library
#              (tests/backend/goroot-std.pass).
set -u
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
KIND=${1:-none}
cd "$(dirname "$0")/../.." || exit 2
# run tests whose build constraints (after the action line, where
# testfiles.sh does not look) exclude linux/amd64 with gc 1.19's default
# experiments: run.go's shouldTest skips them
skipped=" test/nilptr_aix.go test/fixedbugs/issue46903.go "
tests/types/testfiles.sh run | while read -r f; do
	case $skipped in *" $f "*) continue ;; esac
	a=$(grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$GOROOT_SRC/$f")
	[ "$a" = "// run" ] || continue
	if [ "$KIND" = none ]; then
		grep -q '^import\|^	"[a-z/]*"$' "$GOROOT_SRC/$f" && continue
		echo "$f"
		continue
	fi
	# the import paths of the file's import declarations
	imps=$(awk '
		/^import \(/ { inb = 1; next }
		inb && /^\)/ { inb = 0; next }
		inb { if (match($0, /"[^"]*"/)) print substr($0, RSTART + 1, RLENGTH - 2); next }
		/^import / { if (match($0, /"[^"]*"/)) print substr($0, RSTART + 1, RLENGTH - 2) }
		/^(func|type|var|const) / { exit }
	' "$GOROOT_SRC/$f" | sort -u)
	[ -n "$imps" ] || continue
	ok=1
	for i in $imps; do
		case $i in runtime | unsafe) ;; *) ok=0 ;; esac
	done
	if [ "$KIND" = std ]; then
		[ $ok = 0 ] && echo "$f"
	else
		[ $ok = 1 ] && echo "$f"
	fi
done
