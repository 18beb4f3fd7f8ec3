// Comparisons in gc's order: when the left operand is a struct or an
// array, both operands are copied where the comparison stands (local
// variables and computed values; globals, fields and elements are not),
// so sv == sw, f() with f changing sv compares the old sv; other
// comparisons (ints, strings, pointers, interfaces, an interface with a
// concrete value on either side) read their operands after the calls of
// the statement.
package main

type P struct{ a, b int }

var gsv = P{1, 1}

func main() {
	sv, sw := P{1, 1}, P{1, 1}
	println(sv == sw, func() int { sv.a = 2; return 0 }())
	sv = P{1, 1}
	println(sv == P{1, 1}, func() int { sv.a = 2; return 0 }())
	println(gsv == sw, func() int { gsv.a = 2; return 0 }())
	arr := [2]int{1, 1}
	println(arr == [2]int{1, 1}, func() int { arr[0] = 2; return 0 }())
	str := "a"
	println(str == "a", func() int { str = "b"; return 0 }())
	n := 1
	println(n == 1, func() int { n = 2; return 0 }())
	var i interface{} = 1
	println(i == 1, func() int { i = 2; return 0 }())
	sv = P{1, 1}
	println(sv.a == 1, func() int { sv.a = 2; return 0 }())
	sv = P{1, 1}
	i = P{1, 1}
	println(i == sv, func() int { sv.a = 2; return 0 }())
	sv = P{1, 1}
	println(sv != i, func() int { sv.a = 2; return 0 }())
	p := &P{1, 1}
	var pi interface{} = p
	println(pi == p, func() int { p = nil; return 0 }())
	p = &P{1, 1}
	pi = p
	println(p == pi, func() int { p = nil; return 0 }())
	n = 1
	var ni interface{} = 1
	println(ni == n, func() int { n = 2; return 0 }())
	println(n == ni, func() int { n = 1; return 0 }())
	q := &P{1, 1}
	qq := q
	println(q == qq, func() int { q = nil; return 0 }())
	type W struct{ p [2]P }
	w := W{}
	println(w.p[0] == P{}, func() int { w.p[0].a = 1; return 0 }())
}
