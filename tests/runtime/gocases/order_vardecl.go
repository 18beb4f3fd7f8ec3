// Order of evaluation of var declarations with several values: gc makes
// `var a, b, c = x, f(), x` three assignments one after the other (a is
// read before f runs, c after), unlike `a, b, c := x, f(), x` and
// `a, b, c = x, f(), x`, where every call of the statement comes first.
// Also: blank names still evaluate their values; a panicking value stops
// the declarations after it.
package main

var x int

func fx() int { x += 10; println("fx", x); return x }

func main() {
	x = 1
	var a, b, c = x, fx(), x
	println(a, b, c)
	var d, e, f = fx(), x, fx()
	println(d, e, f)
	g, h, i := x, fx(), x
	println(g, h, i)
	g, h, i = x, fx(), x
	println(g, h, i)
	var _, j, _ = fx(), x, fx()
	println(j, x)
	func() {
		defer func() { recover(); println("recovered", x) }()
		var s []int
		var k, l, n = fx(), s[x], fx()
		println(k, l, n)
	}()
	var o, p = g2()
	println(o, p)
}

func g2() (int, int) { x++; return x, x }
