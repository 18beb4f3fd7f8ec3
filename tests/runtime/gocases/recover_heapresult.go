// A named result that a deferred closure captures lives on the heap; the
// recovery path after deferreturn loads it through its address, which must
// keep its stack slot even when later code (here the map literal) has a
// value of its own that ends before the recovery block in the layout.
// (found by tests/fuzz/goprog.sh)
package main

var key = "a"

func f() (r int) {
	defer func() {
		e := recover()
		println("recovered", e.(int), r)
		r = 10
	}()
	m := map[string]int{"k0": 56, "k1": 13}
	panic(5 + m[key])
}

func g(n int) (a int, s string) {
	defer func() {
		if e := recover(); e != nil {
			a += e.(int)
			s += "!"
		}
	}()
	for i := 0; i < n; i++ {
		x := []int{i, i * 2, i * 3}
		a += x[i%3]
		s += string(rune('a' + i))
		if i == n-1 {
			panic(100 + len(x))
		}
	}
	return a, s
}

func main() {
	println(f())
	println(g(4))
	println(g(1))
}
