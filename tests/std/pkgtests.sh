#!/bin/bash
# pkgtests.sh — the standard library's own tests with `goc test -short`:
# the 60 packages of issue 10 (PKGTESTS_ALL=1, `make std-tests`), or a
# fast subset (`make test`'s section std-tests).  Each package's whole
# output is kept in build/std-tests/PKG.log; a package passes when goc
# test prints its "ok" line.  Packages listed in tests/std/pkgtests.pass
# must pass (a regression fails); one that passes and is not listed is
# reported so the list can grow.  `time` runs with -tags timetzdata as
# gc's does here (Debian ships no GOROOT/lib/time/zoneinfo.zip).  Each
# package's tests run with -timeout ${PKGTESTS_TIMEOUT:-2m} (gc's take
# under a minute here; sync's finalizer test loops until the collector
# exists, os's FIFO test blocks the one M, which goc test's watchdog ends
# a minute after the timeout).
# Prints "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
make -s bin/goc runtime >/dev/null || { echo "make failed"; echo "0 passed, 1 failed"; exit 1; }
ALL="errors strings bytes strconv sort unicode unicode/utf8 unicode/utf16 math math/bits math/big math/rand
math/cmplx container/list container/heap container/ring fmt bufio io path path/filepath encoding/json
encoding/binary encoding/hex encoding/base64 encoding/base32 encoding/csv encoding/xml regexp regexp/syntax
text/template text/tabwriter text/scanner html html/template hash/crc32 hash/fnv hash/adler32 crypto/sha256
crypto/sha1 crypto/md5 crypto/sha512 crypto/aes crypto/cipher crypto/hmac compress/flate compress/gzip
archive/tar archive/zip reflect sync sync/atomic time context flag go/scanner go/parser go/ast go/format os"
FAST="errors sort unicode/utf8 container/list hash/fnv encoding/hex path text/tabwriter strings crypto/sha256"
if [ -n "${PKGTESTS:-}" ]; then PKGS=$PKGTESTS; elif [ "${PKGTESTS_ALL:-0}" = 1 ]; then PKGS=$ALL; else PKGS=$FAST; fi
LOGS=$ROOT/build/std-tests
mkdir -p "$LOGS"
PASSLIST=$ROOT/tests/std/pkgtests.pass
pass=0 fail=0 npkg=0 nok=0
for p in $PKGS; do
	npkg=$((npkg + 1))
	log=$LOGS/$(echo "$p" | tr / _).log
	tags=
	[ "$p" = time ] && tags="-tags timetzdata"
	start=$SECONDS
	(cd "$ROOT" && timeout 900 "$GOC" test -short -timeout "${PKGTESTS_TIMEOUT:-2m}" $tags "$p") >"$log" 2>&1
	secs=$((SECONDS - start))
	listed=no
	grep -qx "$p" "$PASSLIST" 2>/dev/null && listed=yes
	if grep -q "^ok  	$p	" "$log"; then
		nok=$((nok + 1))
		pass=$((pass + 1))
		if [ $listed = yes ]; then echo "ok    $p (${secs}s)"; else echo "ok    $p (${secs}s; new: add it to tests/std/pkgtests.pass)"; fi
	else
		failing=$(grep -E '^\s*--- FAIL: ' "$log" | sed -E 's/^\s*--- FAIL: ([^ ]*).*/\1/' | sort -u | head -12 | tr '\n' ' ')
		why=$(grep -m1 -E 'build failed|setup failed|^panic:|fatal error:|Test killed' "$log")
		if [ $listed = yes ]; then
			fail=$((fail + 1))
			echo "FAIL  $p (${secs}s): ${failing:-$why}"
		else
			pass=$((pass + 1))
			echo "known $p (${secs}s): fails ${failing:-$why}"
		fi
	fi
done
echo "std-tests: $nok of $npkg packages pass whole"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
