// Generic code, stenciled: methods and method values/expressions of instances, embedded instances, unsafe.Sizeof of a type parameter's value, conversions, zero values, new/make, defer and closures in instances.
package main

import "unsafe"

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T)    { l.items = append(l.items, v) }
func (l List[T]) Len() int     { return len(l.items) }
func (l List[T]) Map(f func(T) T) List[T] {
	var r List[T]
	for _, x := range l.items {
		r.Push(f(x))
	}
	return r
}

type Box[T any] struct{ v T }

func Wrap[T any](b Box[T]) Box[Box[T]] { return Box[Box[T]]{b} }
func (b Box[T]) Get() T            { return b.v }

type Stack[T any] struct {
	List[T]
	name string
}

type Str interface{ String() string }
type S string

func (s S) String() string { return "S:" + string(s) }

func MV[T Str](x T) func() string { return x.String }

func Sizes[T any](x T) uintptr { return unsafe.Sizeof(x) }

func Conv[T ~int, F ~float64](f F) T { return T(f) }

func Bytes[T ~string](s T) []byte { return []byte(s) }

func Lens[T ~string | ~[]byte](x T) int { return len(x) }

func Eq[T comparable](a, b T) bool { return a == b }

func Zero[T any]() T {
	var z T
	return z
}

func News[T any]() *T { return new(T) }

func Maps[K comparable, V any](k K, v V) map[K]V {
	m := make(map[K]V, 1)
	m[k] = v
	return m
}

func Chans[T any](x T) T {
	c := make(chan T, 1)
	c <- x
	return <-c
}

func Arr[T any](x T) [3]T { return [3]T{x, x, x} }

func Apply[T any](f func(T) T, x T) T { return f(x) }

func Double[T ~int](x T) T { return x * 2 }

func Later[T any](x T) (r T) {
	defer func() { r = Apply(func(y T) T { return y }, x) }()
	return Zero[T]()
}

var deferred []string

func rec[T any](x T) { deferred = append(deferred, "rec") }

func Defers[T any](x T) {
	defer rec[T](x)
	defer rec(x)
}

func main() {
	var l List[int]
	l.Push(1)
	l.Push(2)
	println(l.Len(), l.Map(func(i int) int { return i * 10 }).items[1])
	lenf := List[int].Len
	pushf := (*List[int]).Push
	pushf(&l, 3)
	println(lenf(l))
	b := Wrap(Box[int]{4})
	println(b.Get().Get())
	var st Stack[string]
	st.Push("a")
	println(st.Len(), st.List.Len())
	var i interface{ Len() int } = st
	println(i.Len())
	println(MV(S("x"))())
	println(Sizes(int8(1)), Sizes("s"), Sizes(b))
	println(Conv[int](2.7), len(Bytes("abc")), Lens("ab"), Lens([]byte{1}))
	println(Eq(1, 1), Eq(1.5, 2.5), Eq("a", "a"))
	println(Zero[int](), Zero[string]() == "", *News[int]())
	println(Maps("k", 1)["k"], Chans(5), Arr(7)[2])
	println(Apply(Double[int], 21), Later(9))
	Defers(1)
	println(len(deferred))
}
