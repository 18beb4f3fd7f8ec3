// Package offsets: names and offsets of FP references.
package offsets

func f(x int64, y int32, z int64) int64
func s(str string, b []byte, i interface{ M() }, e any) (r string)
func c(c64 complex64, c128 complex128) float64
func g(a, b uint16, c uint32)
