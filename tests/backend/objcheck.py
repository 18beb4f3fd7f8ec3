#!/usr/bin/env python3
# objcheck.py LISTING.S DISASSEMBLY — checks goc's -S listing against
# objdump -d of the executable: for every function in the listing, the
# instructions objdump decodes start at the same offsets, and each
# mnemonic is the one the Go opcode stands for.  Functions the linker
# dropped as unreachable (src/link/deadcode.c) are not in the executable
# and only counted.  Prints the counts.
import re, sys

CC = {'eq': 'e', 'ne': 'ne', 'lt': 'l', 'le': 'le', 'gt': 'g', 'ge': 'ge', 'cs': 'b', 'cc': 'ae',
      'ls': 'be', 'hi': 'a', 'mi': 's', 'pl': 'ns', 'ps': 'p', 'pc': 'np', 'os': 'o', 'oc': 'no'}
SPECIAL = {'movblzx': 'movzbl', 'movbqzx': 'movzbq', 'movwlzx': 'movzwl', 'movwqzx': 'movzwq',
           'movblsx': 'movsbl', 'movbqsx': 'movsbq', 'movwlsx': 'movswl', 'movwqsx': 'movswq',
           'movlqsx': 'movslq', 'cqo': 'cqto', 'cdq': 'cltd', 'cvtsq2sd': 'cvtsi2sd',
           'cvtsl2sd': 'cvtsi2sd', 'cvtsq2ss': 'cvtsi2ss', 'cvtsl2ss': 'cvtsi2ss',
           'cvttsd2sq': 'cvttsd2si', 'cvttsd2sl': 'cvttsd2si', 'cvttss2sq': 'cvttss2si',
           'cvttss2sl': 'cvttss2si', 'movups': 'movups'}

def expect(goop):
    g = goop.lower()
    if g in SPECIAL:
        return [SPECIAL[g]]
    for pre in ('cmovq', 'cmovl', 'cmovw', 'set', 'j'):
        if g.startswith(pre) and g[len(pre):] in CC:
            return [pre[:-1] + CC[g[len(pre):]] if pre.startswith('cmov') else pre + CC[g[len(pre):]],
                    (pre[:-1] if pre.startswith('cmov') else pre) + CC[g[len(pre):]]]
    outs = [g]
    if g == 'movq':
        outs.append('movabs')  # a 64-bit immediate (objdump: movabs)
    if g[-1] in 'bwlq':
        outs.append(g[:-1])
    return outs

def listing(path):
    funcs, cur = {}, None
    for line in open(path):
        m = re.match(r'^(\S+) STEXT', line)
        if m:
            cur = funcs.setdefault(m.group(1), [])
            continue
        m = re.match(r'^\t0x([0-9a-f]+) \d+ \([^)]*\)\t(\S+)', line)
        if m and cur is not None and m.group(2) != 'TEXT':
            cur.append((int(m.group(1), 16), m.group(2)))
    return funcs

def disasm(path):
    funcs, cur, base = {}, None, 0
    for line in open(path):
        m = re.match(r'^([0-9a-f]+) <(.+)>:$', line)
        if m:
            cur = funcs.setdefault(m.group(2), [])
            base = int(m.group(1), 16)
            continue
        m = re.match(r'^\s*([0-9a-f]+):\t(\S+)', line)
        if m and cur is not None:
            mn = m.group(2)
            if mn in ('rex.W', 'data16', 'lock', 'rep', 'cs', 'ds', 'addr32', 'notrack', 'bnd'):
                continue
            cur.append((int(m.group(1), 16) - base, mn))
    return funcs

lst, dis = listing(sys.argv[1]), disasm(sys.argv[2])
n, errs, dropped = 0, [], 0
for fn, ins in lst.items():
    got = dis.get(fn)
    if got is None:
        dropped += 1
        continue
    got = [g for g in got if g[0] < (ins[-1][0] + 16 if ins else 0)][:len(ins)]
    for (pc, op), (gpc, gmn) in zip(ins, got):
        n += 1
        if pc != gpc:
            errs.append('%s+%#x: %s at %#x in objdump (%s)' % (fn, pc, op, gpc, gmn))
            break
        if gmn not in expect(op) and gmn.rstrip('bwlq') not in [e.rstrip('bwlq') for e in expect(op)]:
            errs.append('%s+%#x: %s decodes as %s' % (fn, pc, op, gmn))
    if len(got) < len(ins):
        errs.append('%s: %d instructions listed, %d decoded' % (fn, len(ins), len(got)))
if len(lst) == dropped:
    errs.append('no listed function is in the executable')
for e in errs[:20]:
    print(e)
if errs:
    sys.exit(1)
print('%d instructions in %d functions' % (n, len(lst) - dropped) +
      (', %d dropped by the linker' % dropped if dropped else ''))
