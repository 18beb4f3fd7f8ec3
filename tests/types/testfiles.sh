#!/bin/bash
# testfiles.sh KIND — the GOROOT/test files (relative to GOROOT) of one
# kind, in the directories test/run.go walks:
#   errorcheck  `// errorcheck` tests without gc back-end flags (see errorcheck.sh)
#   run         single-file `run`, `compile` and `build` tests
#   dir         `rundir` and `compiledir` tests (FILE.go names FILE.dir)
# The action line is the first line that is not blank or a build constraint.
set -u
KIND=${1:?usage: testfiles.sh errorcheck|run|dir}
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
cd "$GOROOT_SRC" || exit 2
dirs=". ken chan interface syntax dwarf fixedbugs codegen runtime abi typeparam typeparam/mdempsky"
# build constraints that exclude linux/amd64
excluded=" test/fixedbugs/bug385_32.go test/nilptr5_aix.go test/nilptr5_wasm.go "
for d in $dirs; do
	for f in test/$d/*.go; do
		f=${f#test/./}; f=${f/#test\/.\//test/}
		case $f in test/*) ;; *) f=test/$f ;; esac
		case $excluded in *" $f "*) continue ;; esac
		a=$(grep -m 1 -v '^\(//go:build\|// +build\|[[:space:]]*$\)' "$f")
		set -- $a
		[ "${1:-}" = // ] || continue
		kind=${2:-}
		shift 2 2>/dev/null
		case ${1:-} in "&&") continue ;; esac
		case $kind in
		errorcheck)
			[ "$KIND" = errorcheck ] || continue
			ok=1
			while [ $# -gt 0 ]; do
				case $1 in
				-d=panic | -e | -e=0 | -std | -complete | -lang=*) ;;
				-t) shift ;;
				*) ok=0 ;;
				esac
				shift
			done
			[ $ok = 1 ] && echo "$f"
			;;
		run | compile | build)
			[ "$KIND" = run ] && echo "$f"
			;;
		rundir | compiledir)
			[ "$KIND" = dir ] && echo "$f"
			;;
		esac
	done
done
