// == on arrays of more than 64 elements: memequal for plain memory, an
// ordered loop otherwise (floats, strings, interfaces that may panic).
package main

type P struct {
	a int8
	b int64
}

func main() {
	var a, b [100]int
	b[99] = 1
	println(a == b, a == a, a != b)
	b[99] = 0
	println(a == b)
	var c, d [70]string
	d[69] = "x"
	println(c == d)
	d[69] = ""
	println(c == d)
	type big struct{ x [80]float64 }
	x, y := big{}, big{}
	y.x[3] = -0.0
	println(x == y)
	var nan float64
	nan = nan / nan
	y.x[0] = nan
	println(y == y)
	var e, f [65]interface{}
	e[64] = 1
	f[64] = 1
	println(e == f)
	f[10] = []int{1}
	e[10] = []int{1}
	defer func() { println("recovered:", recover().(error).Error()) }()
	println(e == f)
	var ps, qs [66]P
	println(ps == qs)
}
