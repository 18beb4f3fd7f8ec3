#!/bin/sh
# deps.sh — installs the Debian packages goc needs, when missing.
#   golang-1.19-src   the standard library and the Go test suite goc reads in place
#   libgmp-dev, libmpfr-dev   exact constant arithmetic (type checker)
#   golang-1.19-go    gc, used by the tests as an oracle only (goc never calls it)
#   clang, libclang-rt-14-dev   the second compiler goc must build warning-free with,
#                     and libFuzzer/sanitizer runtimes for `make fuzz`
set -e
need=""
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in golang-1.19-src golang-1.19-go libgmp-dev libmpfr-dev clang libclang-rt-14-dev make gcc; do
	have "$p" || need="$need $p"
done
if [ -z "$need" ]; then
	exit 0
fi
echo "deps: installing:$need"
if [ "$(id -u)" != 0 ]; then
	echo "deps: not root; run as root: apt-get install$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq $need >/dev/null
