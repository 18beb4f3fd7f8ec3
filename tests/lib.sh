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

# oracle NAME [SRC.go]: builds build/oracle/NAME from SRC (default
# tests/oracle/NAME.go) when missing or older; prints its path.
oracle() {
	_src=$ROOT/${2:-tests/oracle/$1.go}
	_bin=$ROOT/build/oracle/$1
	if [ ! -x "$_bin" ] || [ "$_src" -nt "$_bin" ]; then
		mkdir -p "$ROOT/build/oracle"
		"$GO" build -o "$_bin" "$_src" || { echo "cannot build the oracle $1" >&2; exit 2; }
	fi
	echo "$_bin"
}
