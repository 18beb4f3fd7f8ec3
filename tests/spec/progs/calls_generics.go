// Examples of the spec's "Calls", "Passing arguments to ... parameters",
// "Instantiations" and "Type inference" sections.
package main

type Point struct{ x, y float64 }

func (p *Point) Scale(factor float64) {
	p.x *= factor
	p.y *= factor
}

// spec Calls: Split and Join; if Join(Split(value, len(value)/2)) != value { log.Panic(...) }
func Split(s string, pos int) (string, string) {
	return s[0:pos], s[pos:]
}

func Join(s, t string) string {
	return s + t
}

// spec Passing arguments to ... parameters: Greeting(prefix string, who ...string)
func Greeting(prefix string, who ...string) {
	print(prefix, " ", len(who), " ", who == nil)
	for _, w := range who {
		print(" ", w)
	}
	println()
}

// spec Instantiations: min[T ~int|~float64]
func min[T ~int | ~float64](x, y T) T {
	if x < y {
		return x
	}
	return y
}

// spec Instantiations: apply[S ~[]E, E any](s S, f(E) E) S
func apply[S ~[]E, E any](s S, f func(E) E) S {
	r := make(S, len(s))
	for i, e := range s {
		r[i] = f(e)
	}
	return r
}

// spec Type unification: type Vector []float64; spec Function argument type inference: scale
type Vector []float64

func scale[Number ~int64 | ~float64 | ~complex128](v []Number, s Number) []Number {
	r := make([]Number, len(v))
	for i, x := range v {
		r[i] = x * s
	}
	return r
}

// spec Type unification: []map[int]bool against T1, []T1, []map[T1]T2
func u1[T1 any](x T1) int         { return 1 }
func u2[T1 any](x []T1) int       { return len(x) }
func u3[T1 comparable, T2 any](x []map[T1]T2) int { return len(x[0]) }

// spec Constraint type inference: [List ~[]Elem, Elem any] and type Bytes []byte
type Bytes []byte

func double[List ~[]Elem, Elem any](l List) List { return append(l, l...) }

// spec Constraint type inference: [A any, B []C, C *A]
func ptrs[A any, B []C, C *A](a A) B {
	return B{&a}
}

// spec Instantiations: [S ~[]E, E any] with []int, int
func last[S ~[]E, E any](s S) E { return s[len(s)-1] }

// spec Constraint type inference: scale of a named slice type keeps the type (Point-like example)
func scale2[S ~[]E, E ~int64 | ~float64](s S, c E) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v * c
	}
	return r
}

func (v Vector) Sum() float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

func main() {
	// spec Calls: pt.Scale(3.5) -- method call with receiver pt
	pt := &Point{1, 2}
	pt.Scale(3.5)
	println(pt.x, pt.y)
	// spec Calls: var p Point; p.Scale(3.5) is (&p).Scale(3.5)
	var p Point = Point{2, 0}
	p.Scale(3.5)
	println(p.x)
	// spec Calls: Join(Split(value, len(value)/2)) == value
	value := "hello, world"
	if Join(Split(value, len(value)/2)) != value {
		panic("test fails")
	}
	a1, a2 := Split(value, 5)
	println(a1, "|", a2)

	// spec Passing arguments to ... parameters: Greeting("nobody"), Greeting("hello:", "Joe", "Anna", "Eileen")
	Greeting("nobody")
	Greeting("hello:", "Joe", "Anna", "Eileen")
	// spec Passing arguments to ... parameters: s := []string{"James", "Jasmine"}; Greeting("goodbye:", s...)
	s := []string{"James", "Jasmine"}
	Greeting("goodbye:", s...)
	s2 := s[:1]
	func(who ...string) { who[0] = "Jim" }(s2...) // the slice is passed unchanged: no copy
	println(s[0])

	// spec Instantiations: [P any] with int; [S ~[]E, E any] with []int, int
	println(last[[]int, int]([]int{1, 2, 3}))
	// spec Instantiations: minInt := min[int]; a := minInt(2, 3); b := min[float64](2.0, 3); c := min(b, -1)
	minInt := min[int]
	var mi func(x, y int) int = minInt
	a := mi(2, 3)
	b := min[float64](2.0, 3)
	c := min(b, -1)
	println(a, b, c)
	// spec Instantiations: f1 := apply[[]int]; f2 := apply[[]string, string]; r := apply(bytes, func(byte) byte { … })
	f1 := apply[[]int]
	f2 := apply[[]string, string]
	println(f1([]int{1, 2}, func(x int) int { return x * 10 })[1])
	println(f2([]string{"a"}, func(x string) string { return x + x })[0])
	var bytes []byte = []byte("abc")
	r := apply(bytes, func(b byte) byte { return b - 32 })
	println(string(r))

	// spec Type unification: []map[int]bool unifies with T1, []T1 and []map[T1]T2
	x := []map[int]bool{{1: true, 2: false}}
	println(u1(x), u2(x), u3(x))

	// spec Function argument type inference: scaledVector := scale(vector, 42)
	var vector []float64 = []float64{1, 2}
	scaledVector := scale(vector, 42)
	println(len(scaledVector), scaledVector[1])
	vec := Vector{1, 2}
	sv := scale(vec, 3) // []float64, not Vector: scale's result type is []Number
	var plain []float64 = sv
	println(plain[1])
	sv2 := scale2(vec, 3) // Vector: constraint type inference keeps S
	println(sv2.Sum())
	// spec Function argument type inference: min(x, 2.0) is int, min(1.0, 2.0) is float64
	var xi int = 5
	var r1 interface{} = min(xi, 2.0)
	var r2 interface{} = min(1.0, 2.0)
	_, isInt := r1.(int)
	_, isF := r2.(float64)
	println(r1.(int), isInt, r2.(float64), isF)

	// spec Constraint type inference: [List ~[]Elem, Elem any] with Bytes infers Elem byte
	bb := double(Bytes("ab"))
	var bt Bytes = bb
	println(string(bt))
	// spec Constraint type inference: [A any, B []C, C *A] from A alone
	pp := ptrs(7)
	var ppi []*int = pp
	println(len(ppi), *ppi[0])
}
