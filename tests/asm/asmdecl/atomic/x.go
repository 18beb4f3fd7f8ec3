// Package atomic: sync/atomic's align64 (8-byte alignment in go/types' layout), an
// instance's type string, and a method named like a function (the later
// declaration is the one vet knows).
package atomic

import "sync/atomic"

type T struct{}

func (T) f(x int32)
func f(x int64)

type A struct {
	n atomic.Int64
	b bool
}

func g(b bool, a A, u atomic.Uint32, p atomic.Pointer[int]) (r A)
