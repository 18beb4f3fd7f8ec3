// fuzz-regress: file
// an instance that grows without end (goc looped in the recursive-type check)
package p

import "unsafe"

type A struct{ b B }
type B struct{ a A }

var x = unsafe.Sizeof(A{})

type T[P any] struct{ f T[[]P] }

var y T[int]
