// Package kinds: operand sizes implied by the instructions.
package kinds

import "unsafe"

type T struct {
	a int32
	b [2]uint64
}

type W uintptr

func f(b byte, w int16, l int32, q int64, p *int, u unsafe.Pointer, m map[int]int, ch chan int, fn func(), nw W) (ok bool)
func fl(x float32, y float64) (r float64)
func st(t T, a [3]byte, e struct{}, s struct{ x, y int16 })
func addr(x int64, s string) uintptr
