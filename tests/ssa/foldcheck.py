#!/usr/bin/env python3
"""foldcheck.py GOC_OUTPUT ORACLE_OUTPUT — compares the constants goc's
opt folded in fold.ssa (by source line = case number) with the values gc
computed at run time (fold_oracle.go).  Prints one line per mismatch and
'fold: N passed, N failed'."""
import math, re, sys

got = {}
for line in open(sys.argv[1]):
    m = re.match(r'\s*v\d+ \((\d+)\) = (\w+) <(\w+)>(?: \[([^\]]*)\])?', line)
    if not m:
        continue
    n, op, t, aux = int(m.group(1)), m.group(2), m.group(3), m.group(4)
    got[n] = aux if op.startswith('Const') else 'nofold'

def same(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if math.isnan(x) and math.isnan(y):
        return True
    return x == y and math.copysign(1, x) == math.copysign(1, y)

ok = bad = 0
for line in open(sys.argv[2]):
    n, want = line.split(None, 1)
    n, want = int(n), want.strip()
    g = got.get(n, 'missing')
    if same(g, want):
        ok += 1
    else:
        bad += 1
        print('fold case %d: goc %s, gc %s' % (n, g, want))
print('fold: %d passed, %d failed' % (ok, bad))
sys.exit(1 if bad else 0)
