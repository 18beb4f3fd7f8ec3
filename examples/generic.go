// Generics: type-checked, stenciled and compiled by goc.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * i) }))
}
