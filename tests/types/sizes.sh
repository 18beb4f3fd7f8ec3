#!/bin/sh
# sizes.sh — unsafe.Sizeof/Alignof/Offsetof constants as gc computes them
# (struct sizes rounded up to their alignment, a zero-size final field
# padded), checked against the values gc prints for the same program.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
. tests/lib.sh
GOC=${GOC:-bin/goc}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cat >"$t/sz.go" <<'GO'
package main

import "unsafe"

type S struct {
	a int64
	b bool
}
type Z struct {
	a int32
	z struct{}
}
type E struct{ z [0]int64 }
type C struct {
	b  byte
	c  complex64
	s  string
	i  interface{}
	x  [3]S
	y  [2]Z
	bb bool
}

const (
	A1 = unsafe.Sizeof(S{})
	A2 = unsafe.Sizeof([3]S{})
	A3 = unsafe.Sizeof(Z{})
	A4 = unsafe.Offsetof(Z{}.z)
	A5 = unsafe.Sizeof(E{})
	A6 = unsafe.Alignof(E{})
	A7 = unsafe.Sizeof(C{})
	A8 = unsafe.Offsetof(C{}.y)
	A9 = unsafe.Offsetof(C{}.bb)
	B1 = unsafe.Alignof(C{}.c)
)

func main() { println(A1, A2, A3, A4, A5, A6, A7, A8, A9, B1) }
GO
want=$(cd "$t" && "$GO" run sz.go 2>&1 | tr ' ' '\n')
got=$("$GOC" tool check -types "$t/sz.go" | awk '$1 == "const" { print $NF }')
if [ "$want" = "$got" ]; then
	echo "sizes: goc's unsafe constants equal gc's"
	echo "1 passed, 0 failed"
else
	echo "sizes: gc printed:"; echo "$want"; echo "goc computed:"; echo "$got"
	echo "0 passed, 1 failed"
	exit 1
fi
