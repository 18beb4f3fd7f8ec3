// Examples of the spec's "Order of evaluation" section.
package main

var trace string

func note(s string) { trace += s + " " }

// spec Order of evaluation: var a, b, c = f() + v(), g(), sqr(u()) + v() -- order u(), sqr(), v(), f(), v(), g()
var a, b, c = f() + v(), g(), sqr(u()) + v()

func f() int        { note("f"); return c }
func g() int        { note("g"); return a }
func sqr(x int) int { note("sqr"); return x * x }
func u() int        { note("u"); return 3 }
func v() int        { note("v"); return 1 }

func main() {
	println(trace, a, b, c)

	// spec Order of evaluation: y[f()], ok = g(h(), i()+x[j()], <-c), k() -- f(), h(), i(), j(), <-c, g(), k()
	{
		trace = ""
		y := make([]int, 3)
		var ok bool
		x := []int{10, 20, 30}
		ch := make(chan int, 1)
		ch <- 100
		f := func() int { note("f"); return 1 }
		h := func() int { note("h"); return 1 }
		i := func() int { note("i"); return 2 }
		j := func() int { note("j"); return 2 }
		k := func() bool { note("k"); return true }
		g := func(a, b, c int) int { note("g"); return a + b + c }
		cr := func() chan int { note("<-c"); return ch }
		y[f()], ok = g(h(), i()+x[j()], <-cr()), k()
		println(trace, y[1], ok)
	}

	// spec Order of evaluation: a := 1; f := func() int { a++; return a }; x := []int{a, f()}; m; n (only the specified parts)
	{
		a := 1
		f := func() int { a++; return a }
		x := []int{a, f()} // x may be [1, 2] or [2, 2]
		m := map[int]int{a: 1, a: 2} // m may be {2: 1} or {2: 2}
		n := map[int]int{a: f()} // n may be {2: 3} or {3: 3}
		_, has2 := m[2]
		var nv int
		for _, v := range n {
			nv = v
		}
		println(len(x), x[1], len(m), has2, len(n), nv, a)
	}

	// spec Order of evaluation: operands of && and || and function calls, left to right
	{
		trace = ""
		t := func(s string, r int) int { note(s); return r }
		sum := t("1", 1) + t("2", 2)*t("3", 3) - t("4", 4)
		println(trace, sum)
	}
}
