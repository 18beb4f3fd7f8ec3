// Package composite: the parts of composite arguments, and go/types' layout.
package composite

import "sync"

type S struct {
	a int64
	b byte
}

type N struct {
	s  S
	p  [2]S
	e  error
	mu *sync.Mutex
}

func two(x, y S) int64
func sep(x S, y S) int64
func nested(n N, z [0]int64, a [2][2]int16) bool
func empty(e struct{}, f [0]byte, g int64)
