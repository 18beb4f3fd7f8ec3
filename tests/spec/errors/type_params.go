// The spec's illegal type definitions and constraints ("Type
// definitions", "Type constraints", "Instantiations").
package main

type T[P any] P // ERROR illegal: P is a type parameter

func f[T any]() {
	type L T // ERROR illegal: T is a type parameter declared by the enclosing function
}

func eq[T comparable](a, b T) bool { return a == b }

func cmp2[T interface{ ~int | ~[]byte }](a, b T) bool { return eq(a, b) } // ERROR does not implement comparable

var (
	a = eq([]byte{}, nil)    // ERROR []byte does not implement comparable
	b = eq[interface{}](1, 2) // ERROR interface{} does not implement comparable (Go 1.19)
)

type Writer interface{ Write([]byte) (int, error) }

func w[P Writer](p P) {}

var c = w[string] // ERROR illegal: string doesn't implement Writer

func min[T ~int | ~float64](x, y T) T {
	if x < y {
		return x
	}
	return y
}

var fm = min // ERROR illegal: min must be instantiated

var m = min(1.0, 2) // ERROR illegal: default type float64 (for 1.0) doesn't match default type int (for 2)

func main() {}
