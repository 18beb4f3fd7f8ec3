#!/bin/sh
# replay.sh [SMOKE_SECONDS] — replays every input in tests/fuzz/regress/
# through the sanitizer build (each must parse or be rejected cleanly:
# exit 0 or 1, no sanitizer report), then runs a short fuzz smoke if
# libFuzzer is available.  Prints "N passed, N failed".
cd "$(dirname "$0")/../.."
smoke=${1:-30}
pass=0 fail=0
for f in tests/fuzz/regress/*; do
	[ -f "$f" ] || continue
	bin/goc-asan tool syntax "$f" >/dev/null 2>build/fuzz-replay.err
	rc=$?
	if [ $rc -le 1 ] && ! grep -q 'Sanitizer\|runtime error' build/fuzz-replay.err; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $f (exit $rc)"
		head -5 build/fuzz-replay.err
	fi
done
if [ "$smoke" -gt 0 ] && command -v clang >/dev/null 2>&1; then
	if make -s bin/fuzz-syntax >/dev/null 2>&1 && tests/fuzz/run.sh "$smoke" >build/fuzz-smoke.log 2>&1; then
		pass=$((pass + 1))
		echo "fuzz smoke: ${smoke}s, $(grep -o 'stat::number_of_executed_units: *[0-9]*' build/fuzz-smoke.log | grep -o '[0-9]*$') inputs, no crash"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz smoke; see build/fuzz-smoke.log:"
		tail -30 build/fuzz-smoke.log
	fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
