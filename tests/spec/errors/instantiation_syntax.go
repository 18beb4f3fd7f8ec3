// The spec's "Instantiations": an empty type argument list.
package main

func apply[S ~[]E, E any](s S, f func(E) E) S { return s }

func main() {
	f0 := apply[] // ERROR illegal: type argument list cannot be empty
	_ = f0
}
