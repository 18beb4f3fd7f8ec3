// Package arm64: GOARCH=arm64 (RSP, the saved LR, no operand sizes).
package arm64

func f(x int64, s string) (r int32)
func g(x int64) int64
func h(x int64)
