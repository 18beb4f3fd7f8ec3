# lib.sh — sourced by the test scripts: where things are, and how the Go
# oracles (tests/oracle/*.go, bench/*.go) are built with gc.  Never part of goc.
# The sourcing script sets ROOT (the repository's top) first.
: "${ROOT:?set ROOT before sourcing tests/lib.sh}"
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOC=${GOC:-$ROOT/bin/goc}
case $GOC in /*) ;; *) GOC=$ROOT/$GOC ;; esac
export GO111MODULE=off
export GOCACHE=${GOCACHE:-$ROOT/build/gocache}
# goc's build cache is off in the tests (each would store thousands of
# programs); tests/driver/run.sh turns it on where it is the subject.
# GOCTEST_CACHE=DIR runs them with the cache on, in DIR (its package
# entries shared by every build of the run)
export GOCCACHE=${GOCTEST_CACHE:-off}
export GOFLAGS=
export GOPATH=${GOPATH:-$ROOT/build/gopath}

# oracle NAME [SRC.go...]: builds build/oracle/NAME from the SRC files
# (default tests/oracle/NAME.go) when missing or older than one of them;
# prints its path.
oracle() {
	_bin=$ROOT/build/oracle/$1
	shift
	[ $# = 0 ] && set -- "tests/oracle/$(basename "$_bin").go"
	_stale=
	[ -x "$_bin" ] || _stale=1
	for _s in "$@"; do
		[ "$ROOT/$_s" -nt "$_bin" ] && _stale=1
	done
	# POSIX sh too (tests/asm/asmdecl.sh): the sources relative to ROOT
	if [ -n "$_stale" ]; then
		mkdir -p "$ROOT/build/oracle"
		(cd "$ROOT" && "$GO" build -o "$_bin" "$@") || { echo "cannot build the oracle $(basename "$_bin")" >&2; exit 2; }
	fi
	echo "$_bin"
}
