#!/usr/bin/env python3
"""mkfold.py — writes fold.ssa (constant folding cases, one per source
line) and fold_oracle.go (the same operations done by gc at run time on
variables, so Go's wrap-around semantics decide the expected values).
foldcheck.py compares goc's folded constants with the oracle's output.
Run once when the cases change; both outputs are committed."""
import struct

I = {'int8': 1, 'int16': 2, 'int32': 4, 'int64': 8, 'uint8': 1, 'uint16': 2, 'uint32': 4, 'uint64': 8}
CONST = {1: 'Const8', 2: 'Const16', 4: 'Const32', 8: 'Const64'}
def sx(x, w):
    x &= (1 << 8*w) - 1
    return x - (1 << 8*w) if x >> (8*w - 1) else x

# (op, result type, [(arg type, value)], go expression over a, b; None = must not fold)
cases = []
def bin(op, t, a, b, expr, rt=None):
    cases.append((op, rt or t, [(t, a), (t, b)], expr))
def sh(op, t, a, ct, c, expr):
    cases.append((op, t, [(t, a), (ct, c)], expr))
def un(op, rt, t, a, expr):
    cases.append((op, rt, [(t, a)], expr))

bin('Add8', 'int8', 127, 1, 'a + b')
bin('Add16', 'int16', 32767, 1, 'a + b')
bin('Add32', 'uint32', 0xffffffff, 2, 'a + b')
bin('Add64', 'int64', (1 << 63) - 1, 1, 'a + b')
bin('Sub8', 'int8', -128, 1, 'a - b')
bin('Sub8', 'uint8', 0, 1, 'a - b')
bin('Sub64', 'uint64', 0, 1, 'a - b')
bin('Mul8', 'int8', 100, 3, 'a * b')
bin('Mul16', 'uint16', 300, 300, 'a * b')
bin('Mul32', 'int32', 65536, 65536, 'a * b')
bin('Mul64', 'int64', 1 << 62, 3, 'a * b')
bin('Div8', 'int8', -128, -1, 'a / b')
bin('Div8', 'int8', -7, 2, 'a / b')
bin('Mod8', 'int8', -7, 2, 'a % b')
bin('Mod8', 'int8', -128, -1, 'a % b')
bin('Div8u', 'uint8', 200, 3, 'a / b')
bin('Mod8u', 'uint8', 200, 7, 'a % b')
bin('Div16', 'int16', -32768, -1, 'a / b')
bin('Div32u', 'uint32', 0xfffffffe, 0xffffffff, 'a / b')
bin('Div64', 'int64', -(1 << 63), -1, 'a / b')
bin('Mod64', 'int64', -(1 << 63), -1, 'a % b')
bin('Div64u', 'uint64', (1 << 64) - 1, 10, 'a / b')
bin('Mod64u', 'uint64', (1 << 64) - 1, 10, 'a % b')
bin('Div64', 'int64', 5, 0, None)
bin('Mod32u', 'uint32', 5, 0, None)
bin('Div8u', 'uint8', 1, 0, None)
bin('And8', 'uint8', 0xf0, 0x3c, 'a & b')
bin('Or16', 'int16', -256, 255, 'a | b')
bin('Xor32', 'int32', -1, 0x0f0f0f0f, 'a ^ b')
bin('Xor64', 'uint64', 1 << 63, 1, 'a ^ b')
sh('Lsh8x64', 'int8', 1, 'uint64', 7, 'a << c')
sh('Lsh8x64', 'int8', 1, 'uint64', 8, 'a << c')
sh('Lsh8x8', 'uint8', 3, 'uint8', 255, 'a << c')
sh('Lsh16x32', 'int16', 0x4001, 'uint32', 1, 'a << c')
sh('Lsh32x8', 'int32', 1, 'uint8', 200, 'a << c')
sh('Lsh64x64', 'int64', 1, 'uint64', 63, 'a << c')
sh('Lsh64x64', 'uint64', 1, 'uint64', 64, 'a << c')
sh('Lsh64x64', 'int64', 1, 'uint64', (1 << 64) - 1, 'a << c')
sh('Rsh8x64', 'int8', -128, 'uint64', 7, 'a >> c')
sh('Rsh8x64', 'int8', -128, 'uint64', 200, 'a >> c')
sh('Rsh8x64', 'int8', 64, 'uint64', 9, 'a >> c')
sh('Rsh8Ux64', 'uint8', 128, 'uint64', 7, 'a >> c')
sh('Rsh8Ux8', 'uint8', 255, 'uint8', 255, 'a >> c')
sh('Rsh16x16', 'int16', -2, 'uint16', 1, 'a >> c')
sh('Rsh32Ux32', 'uint32', 0x80000000, 'uint32', 31, 'a >> c')
sh('Rsh64x64', 'int64', -1, 'uint64', 64, 'a >> c')
sh('Rsh64x64', 'int64', -(1 << 63), 'uint64', 62, 'a >> c')
sh('Rsh64Ux64', 'uint64', (1 << 64) - 1, 'uint64', 64, 'a >> c')
sh('Rsh64Ux8', 'uint64', (1 << 64) - 1, 'uint8', 60, 'a >> c')
bin('Eq8', 'int8', -1, -1, 'a == b', 'bool')
bin('Neq16', 'uint16', 65535, 65535, 'a != b', 'bool')
bin('Less8', 'int8', -1, 1, 'a < b', 'bool')
bin('Less8U', 'uint8', 255, 1, 'a < b', 'bool')
bin('Leq32', 'int32', -5, -5, 'a <= b', 'bool')
bin('Leq32U', 'uint32', 0x80000000, 1, 'a <= b', 'bool')
bin('Less64', 'int64', -(1 << 63), (1 << 63) - 1, 'a < b', 'bool')
bin('Less64U', 'uint64', (1 << 63), (1 << 63) - 1, 'a < b', 'bool')
un('Neg8', 'int8', 'int8', -128, '-a')
un('Neg64', 'int64', 'int64', -(1 << 63), '-a')
un('Neg32', 'uint32', 'uint32', 1, '-a')
un('Com8', 'uint8', 'uint8', 0, '^a')
un('Com64', 'int64', 'int64', 5, '^a')
un('SignExt8to64', 'int64', 'int8', -1, 'int64(a)')
un('SignExt16to32', 'int32', 'int16', -300, 'int32(a)')
un('ZeroExt8to64', 'uint64', 'uint8', 255, 'uint64(a)')
un('ZeroExt16to32', 'uint32', 'uint16', 65535, 'uint32(a)')
un('ZeroExt32to64', 'uint64', 'uint32', 0xffffffff, 'uint64(a)')
un('Trunc64to8', 'int8', 'int64', 300, 'int8(a)')
un('Trunc64to16', 'uint16', 'int64', 70000, 'uint16(a)')
un('Trunc32to8', 'int8', 'uint32', 255, 'int8(a)')
un('Trunc64to32', 'int32', 'int64', 1 << 31, 'int32(a)')
un('Cvt64to64F', 'float64', 'int64', (1 << 53) + 1, 'float64(a)')
un('Cvt64to32F', 'float32', 'int64', 16777217, 'float32(a)')
un('Cvt32to64F', 'float64', 'int32', -7, 'float64(a)')
un('Cvt64Uto64F', 'float64', 'uint64', (1 << 64) - 1, 'float64(a)')
un('Cvt64Fto64', 'int64', 'float64', -3.7, 'int64(a)')
un('Cvt64Fto32', 'int32', 'float64', 2147483647.9, 'int32(a)')
un('Cvt64Fto32', 'int32', 'float64', 1e10, None)
un('Cvt64Fto64U', 'uint64', 'float64', 1.8e19, 'uint64(a)')
un('Cvt64Fto32F', 'float32', 'float64', 0.1, 'float32(a)')
un('Cvt32Fto64F', 'float64', 'float32', 0.1, 'float64(a)')
bin('Add64F', 'float64', 0.1, 0.2, 'a + b')
bin('Add32F', 'float32', 0.1, 0.2, 'a + b')
bin('Sub64F', 'float64', 1e16, 1.0, 'a - b')
bin('Mul32F', 'float32', 3e38, 10.0, 'a * b')
bin('Div64F', 'float64', 1.0, 0.0, 'a / b')
bin('Div64F', 'float64', -1.0, 3.0, 'a / b')
bin('Div32F', 'float32', 1.0, 3.0, 'a / b')
bin('Eq64F', 'float64', 0.0, -0.0, 'a == b', 'bool')
bin('Less32F', 'float32', 0.1, 0.2, 'a < b', 'bool')
un('Neg64F', 'float64', 'float64', 0.0, '-a')

def ssaconst(t, x):
    if t in I:
        return '%s <%s> [%d]' % (CONST[I[t]], t, sx(x, I[t]))
    if t == 'float32':
        return 'Const32F <float32> [%r]' % struct.unpack('f', struct.pack('f', x))[0]
    return 'Const64F <float64> [%r]' % float(x)

ssa = ['// Constant folding of every kind of op, with Go\'s semantics; the',
       '// source line of each result is its case number (fold_oracle.go prints',
       '// gc\'s values by case; foldcheck.py compares).  Generated by mkfold.py.',
       '// run: opt', 'func fold', 'b1:', '  v1 (?) = InitMem <mem>']
go = ['// Code generated by mkfold.py. DO NOT EDIT.', '', '// fold_oracle prints, per case of fold.ssa, what gc computes at run time.',
      'package main', '', 'import "fmt"', '', 'func main() {']
vid = 2
for n, (op, rt, args, expr) in enumerate(cases, 1):
    ids = []
    for t, x in args:
        ssa.append('  v%d (?) = %s' % (vid, ssaconst(t, x)))
        ids.append(vid); vid += 1
    ssa.append('  v%d (%d) = %s <%s>%s %s' % (vid, n, op, rt, ' [false]' if op.startswith(('Lsh', 'Rsh')) else '',
                                             ' '.join('v%d' % i for i in ids)))
    vid += 1
    if expr is None:
        go.append('\tfmt.Println(%d, "nofold")' % n)
        continue
    names = ['a', 'b'] if len(args) == 2 and 'c' not in expr else ['a', 'c']
    go.append('\t{')
    for (t, x), nm in zip(args, names):
        lit = repr(float(x)) if t.startswith('float') else str(x)
        go.append('\t\tvar %s %s = %s' % (nm, t, lit))
    if rt in I:
        out = 'int64(%s(%s))' % ({1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64'}[I[rt]], expr)
    elif rt.startswith('float'):
        out = 'float64(%s)' % expr
    else:
        out = expr
    go.append('\t\tfmt.Println(%d, %s)' % (n, out))
    go.append('\t}')
go.append('}')
ssa.append('  Ret v1')
open('fold.ssa', 'w').write('\n'.join(ssa) + '\n')
open('fold_oracle.go', 'w').write('\n'.join(go) + '\n')
