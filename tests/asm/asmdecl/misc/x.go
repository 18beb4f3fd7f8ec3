// Package misc: labels, comments, macros, methods and odd lines.
package misc

type T int64

func (t T) M(x int64) int64
func (t *T) P(x int32)
func f(x int64, y int64)
func g(x int64)
func variadic(a int32, rest ...int64) (n int)
func dup(x int64)
func dup2(x int64)
