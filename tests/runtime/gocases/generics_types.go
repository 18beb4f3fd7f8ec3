// Generic types: recursive instances, generic interfaces, instances in package variables, type switches on a type parameter, instances as map keys, goroutines and select in instances.
package main

type Node[T any] struct {
	next *Node[T]
	v    T
}

func (n *Node[T]) Len() int {
	if n == nil {
		return 0
	}
	return 1 + n.next.Len()
}

func FromSlice[T any](xs []T) *Node[T] {
	var h *Node[T]
	for i := len(xs) - 1; i >= 0; i-- {
		h = &Node[T]{h, xs[i]}
	}
	return h
}

type Getter[T any] interface{ Get() T }

type Val[T any] struct{ v T }

func (v Val[T]) Get() T { return v.v }

func Use[T any](g Getter[T]) T { return g.Get() }

var global = FromSlice([]string{"a", "b", "c"})
var gf = Use[int]

func Is[T any](x any) bool {
	switch x.(type) {
	case T:
		return true
	case int:
		return false
	}
	return false
}

type Key[T comparable] struct{ a, b T }

func Count[T comparable](xs []T) map[Key[T]]int {
	m := map[Key[T]]int{}
	for i := 0; i+1 < len(xs); i++ {
		m[Key[T]{xs[i], xs[i+1]}]++
	}
	return m
}

func Async[T any](x T) T {
	c := make(chan T)
	go func() { c <- x }()
	select {
	case v := <-c:
		return v
	}
}

func (n *Node[T]) Each(f func(T)) {
	for p := n; p != nil; p = p.next {
		g := func() { f(p.v) }
		g()
	}
}

func Method[T any](n *Node[T]) func() int { return n.Len }

type Num interface{ ~int | ~float64 }

func Max[T Num](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Celsius float64

func main() {
	println(global.Len(), FromSlice([]int{1, 2}).Len())
	println(Use[string](Val[string]{"hi"}), gf(Val[int]{3}))
	println(Is[string]("s"), Is[int](1), Is[float64](1))
	m := Count([]int{1, 2, 1, 2})
	println(m[Key[int]{1, 2}], m[Key[int]{2, 1}], len(m))
	println(Async("x"), Async(3.5))
	s := ""
	global.Each(func(x string) { s += x })
	println(s, Method(global)())
	println(Max(3, 7), Max[Celsius](1.5, -2))
	println(Key[string]{"a", "b"} == Key[string]{"a", "b"})
	var ga Getter[int] = Val[int]{1}
	_, ok := ga.(Val[int])
	println(ok)
}
