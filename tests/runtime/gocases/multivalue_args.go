// f(g()) with g multi-valued into variadic and non-variadic functions,
// methods, interface methods, closures, defer and go.
package main

func pair() (int, int)              { return 3, 4 }
func triple() (string, int, int)    { return "t", 5, 6 }
func one() int                      { return 9 }
func none()                         {}
func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t*100 + len(xs)
}
func named(s string, xs ...int) string { return s + string(rune('0'+len(xs))) }
func two(a, b int) int                { return a - b }
func anys(xs ...interface{}) int      { return len(xs) }

type T struct{ base int }

func (t T) add(xs ...int) int { return t.base + sum(xs...) }
func (t *T) sub(a, b int) int  { return t.base + a - b }

type I interface{ add(xs ...int) int }

func big() (int, int, int, int, int, int, int, int) { return 1, 2, 3, 4, 5, 6, 7, 8 }

func main() {
	println(sum(pair()))
	println(sum(one()))
	println(named(triple()))
	println(two(pair()))
	println(anys(pair()))
	println(anys(triple()))
	t := T{1000}
	println(t.add(pair()))
	println((&t).sub(pair()))
	var i I = t
	println(i.add(pair()))
	f := func(xs ...int) int { return len(xs) }
	println(f(pair()))
	println(T.add(t, 1, 2))
	println(sum(big()))
	defer func() { println("deferred done") }()
	defer println(sum(pair()))
	defer t.add(pair())
	ch := make(chan int)
	go func(a, b int) { ch <- a * b }(pair())
	println(<-ch)
	none()
}
