// Package p: types with unexported fields and methods seen from another
// package.
package p

type T struct {
	X int
	y string
	z *T
}

func (T) Exported() int   { return 0 }
func (T) unexported() int { return 1 }
func (*T) PtrM(s string)  {}

type E struct{ a, B int8 }

type I interface {
	M()
	m()
}

type Int int

func (Int) String() string { return "" }
