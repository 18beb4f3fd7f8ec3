// Blank fields of struct literals stay zero (package-level, local, &T{}, returned, in a slice literal), their values still evaluated for their effects (GOROOT/test fixedbugs/issue31546).
package main

import "reflect"

type S struct{ a, _, c int }

type B struct {
	a int
	_ int
	c string
	_ [2]int
}

var x = struct{ a, _, c int }{1, 2, 3}
var y = S{4, 5, 6}

var n int

func g() int { n++; return 100 }

func f(n int) S { return S{n, n + 1, n + 2} }

func blank(v interface{}, i int) int64 { return reflect.ValueOf(v).Field(i).Int() }

func main() {
	z := struct{ a, _, c int }{7, 8, 9}
	p := &S{10, 11, 12}
	println(blank(x, 1), blank(y, 1), blank(z, 1), blank(*p, 1), blank(f(20), 1))
	s := B{1, g(), "x", [2]int{g(), 3}}
	println(s.a, s.c, n, reflect.ValueOf(s).Field(3).Index(0).Int())
	t := []B{{2, g(), "y", [2]int{}}}
	println(t[0].a, t[0].c, n, blank(t[0], 1))
}
