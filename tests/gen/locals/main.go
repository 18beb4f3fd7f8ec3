// Function-scoped defined types: gc numbers them T·1, T·2, ... in
// source order over the package (aliases and type parameters aside).
package main

type Top int

func f() any {
	type T struct{ a int }
	type A = int
	return T{}
}

func (Top) M() any {
	type T []string
	return T{}
}

func g() any {
	type T struct{ b string }
	type U int
	h := func() any {
		type V map[string]int
		return V{}
	}
	return []any{T{}, U(0), h()}
}

func gen[P any]() any {
	var x P
	return x
}

func main() {
	type T struct{ c bool }
	println(f(), g(), any(T{}), Top(0).M(), gen[int]())
}
