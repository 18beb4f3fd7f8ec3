// uint32 arithmetic wraps at 32 bits and uint64(x) of a uint32 zero-extends
// (spec: Arithmetic operators, Integer overflow; Conversions between
// numeric types).  gc 1.19 gets the first lines wrong on amd64, with and
// without -N -l: uint64(0 - (-uint32(e))) prints 18446744073709551587 for
// e = -29, e's full 64 bits (likely its rewrite rules drop the
// zero-extension of a NEGL and then cancel the two negations; not
// checked in gc's source).  The expected output is in
// uint32_negneg.out.  Found by goprog (seed 601759, where the expression
// was (uint32(p0) * uint32(0)) - (-uint32(e))).
package main

//go:noinline
func zeroMinusNeg(e int) uint64 { return uint64(0 - (-uint32(e))) }

//go:noinline
func mulZeroMinusNeg(e int, z uint32) uint64 { return uint64(z*0 - (-uint32(e))) }

//go:noinline
func varMinusNeg(e int, z uint32) uint64 { return uint64(z - (-uint32(e))) }

//go:noinline
func negNeg(e int) uint64 { return uint64(-(-uint32(e))) }

//go:noinline
func negNeg16(e int) uint64 { return uint64(-(-uint16(e))) }

func main() {
	println(zeroMinusNeg(-29), mulZeroMinusNeg(-29, 5), varMinusNeg(-29, 0))
	println(negNeg(-29), negNeg(1<<40+7), negNeg16(-29))
	var cs uint64
	for _, e := range []int{-29, -10} {
		cs += uint64((uint32(e) * 0) - (-uint32(e)))
	}
	println(cs)
}
