// Generic functions and types, stenciled by goc: explicit and inferred
// instantiation, methods of instances, closures and local generic types
// in generic code, recursion between instances, type switches and
// assertions on type parameters, method calls through constraints,
// conversions between interfaces (itabs must stay unique), and an
// instance's type name in a panic.
package main

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T)  { l.items = append(l.items, v) }
func (l *List[T]) Len() int  { return len(l.items) }
func (l *List[T]) At(i int) T { return l.items[i] }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	var l List[K]
	for _, p := range ps {
		l.Push(p.Key)
	}
	return l.items
}

type Stringer interface{ String() string }

type myint int

func (m myint) String() string { return "myint" }

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return "int"
	case string:
		return "string " + v
	case Stringer:
		return "stringer " + v.String()
	}
	return "other"
}

func Str[T Stringer](xs []T) string {
	s := ""
	for _, x := range xs {
		s += x.String()
	}
	return s
}

// mutual recursion between instances; a finite chain of instances
func Even[T any](n int, x T) bool {
	if n == 0 {
		return Wrap(x) > 0
	}
	return Odd[T](n-1, x)
}

func Wrap[T any](x T) int { return len(Wrap2([]T{x})) }

func Wrap2[T any](x T) []T { return []T{x, x} }

func Odd[T any](n int, x T) bool {
	if n == 0 {
		return false
	}
	return Even[T](n-1, x)
}

func Counter[T Number]() func(T) T {
	var total T
	return func(d T) T {
		total += d
		return total
	}
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Box[T any] struct{ v T }

func Get[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

type I interface{ foo() }

func (m myint) foo() {}

func Conv[T I](x T) interface{ foo() } {
	var i I = x
	return i
}

func main() {
	println(Sum(1, 2, 3), Sum[float64](1.5, 2), Sum[myint](4, 5))
	ss := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println(len(ss), ss[0], ss[2])
	var l List[string]
	l.Push("x")
	l.Push("y")
	println(l.Len(), l.At(1))
	ks := Keys([]Pair[string, int]{{"a", 1}, {"b", 2}})
	println(len(ks), ks[0], ks[1])
	println(Describe(1), Describe("s"), Describe(myint(2)), Describe(2.5))
	println(Str([]myint{1, 2}))
	println(Even(4, 1), Even(3, "s"))
	c := Counter[int]()
	c(2)
	println(c(3))
	println(Index([]string{"a", "b"}, "b"), Index([]float64{1}, 2))
	f := Index[int]
	println(f([]int{7, 8}, 8))
	v, ok := Get[int](3)
	w, ok2 := Get[string](3)
	println(v, ok, w, ok2)
	b, ok3 := Get[Box[int]](Box[int]{5})
	println(b.v, ok3)
	println(Conv(myint(1)) == interface{ foo() }(myint(1)))
	panic(Box[string]{"boom"})
}
