// Package i386: GOARCH=386 (4-byte words: x_lo/x_hi halves, 4-byte alignment).
package i386

func f(x int64, b byte, y uint64, s string, sl []int32) (r int64, c complex64)
func g(x float64) float64
