// Package variables' initializers in gc's order.  gc initialises what it
// can statically and the rest in order, one assignment per variable:
// var e = x + f() reads x after f (calls first, as in a statement); the
// elements of struct, array and slice literals are assigned one by one
// (var pv = P{x * 1, f()} reads x before f); and a copy of a variable
// whose initializer is a constant or a literal of constants (directly or
// through other variables; not a string) is its initial value, even when
// a function called to initialise an earlier variable changed it.
package main

type P struct{ a, b int }

var x = 1

func fx() int { x += 10; return x }

var e = x + fx()
var s0 = []int{1}
var s1 = append(s0, fx2())

func fx2() int { s0 = append(s0, 5)[:1]; s0[0] = 7; return 2 }

var pv = P{x * 1, fx()}
var str = "a"
var cat = str + fs()

func fs() string { str = "b"; return "c" }

var y int
var arr = [2]int{y + 0, fy()}

func fy() int { y = 5; return 1 }

var w = 1
var a, b, c = w, fw(), w
var d = []int{w, fw(), w}
var m = map[int]int{w: fw(), 1: w}

func fw() int { w += 10; return w }

var sv = P{1, 1}
var iv = []interface{}{sv, func() int { sv.a = 5; return 0 }(), sv}

var u = 1
var v int
var z = u
var str2 = "s"
var base = P{1, 2}
var arr0 = [2]int{1, 2}
var f64 = 1.5

func bump() int {
	u, v, z = 100, 200, 300
	str2 = "t"
	base.a = 9
	arr0[0] = 9
	f64 = 9
	return 0
}

var _ = bump()

var c1 = u
var c2 = v
var c3 = z
var c4 = str2
var c5 = base
var c6 = arr0
var c7 = []int{u, v, z}
var c8 = &P{u, v}
var c9 = [2]P{{u, v}, base}
var c10 = struct {
	s []int
	p P
	i interface{}
}{[]int{u}, P{z, u}, base}
var c11 = []interface{}{u, str2, base, f64}
var c12 = u + 0
var c13 = [1][]P{{{u, 0}}}
var c14 float64 = f64
var c15 = map[int]int{1: u}
var c16, c17 = u, base
var c18 = func() int { return u }()
var c19 = []*P{{u, 1}, &base}

func main() {
	println(e, len(s1), s1[0], s1[1], pv.a, pv.b, cat, arr[0], arr[1])
	println(a, b, c, d[0], d[1], d[2], len(m), m[w], m[1], iv[0].(P).a, iv[2].(P).a)
	println(c1, c2, c3, c4, c5.a, c6[0], c7[0], c7[1], c7[2], c8.a, c8.b, c9[0].a, c9[1].a)
	println(c10.s[0], c10.p.a, c10.p.b, c10.i.(P).a)
	println(c11[0].(int), c11[1].(string), c11[2].(P).a, c11[3].(float64) == 1.5)
	println(c12, c13[0][0].a, c14 == 1.5, c15[1], c16, c17.a, c18, c19[0].a, c19[1].a)
}
