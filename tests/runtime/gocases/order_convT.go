// Conversions to interface in gc's order: a value the conversion takes by
// address (convT, convTnoptr: pointers, bools, bytes, float32 no; structs,
// arrays, complex numbers — not 2-, 4- or 8-byte pointer-free values, not
// strings or slices) is copied right after the calls before it when it is
// a local variable or a computed value; globals, fields of anything
// addressable and elements are read after all the calls, like every
// value converted by value (ints, strings).  So f(p, g()) with g changing
// a local pointer p gets the old p, f(n, g()) the new n.  Arguments,
// variadic arguments, append, composite literal elements, assignments and
// return values alike.
package main

type P struct{ a, b int }
type T struct{ n int }
type Str struct{ s string }
type B [3]byte
type S struct {
	i interface{}
	n int
	j interface{}
}

func d(v interface{}) string {
	switch v := v.(type) {
	case int:
		return "i" + string(rune('0'+v))
	case byte:
		return "b" + string(rune('0'+v))
	case bool:
		if v {
			return "true"
		}
		return "false"
	case P:
		return "P" + string(rune('0'+v.a))
	case *T:
		return "T" + string(rune('0'+v.n))
	case Str:
		return "S" + v.s
	case string:
		return v
	case B:
		return "B" + string(rune('0'+v[0]))
	case float32:
		return "f" + string(rune('0'+int(v)))
	case float64:
		return "F" + string(rune('0'+int(v)))
	case complex128:
		return "c" + string(rune('0'+int(real(v))))
	case nil:
		return "nil"
	}
	return "?"
}

func show(vals ...interface{}) {
	for _, v := range vals {
		print(d(v), " ")
	}
	println()
}
func show3(a interface{}, b int, c interface{}) { show(a, b, c) }

func ret1(sv P) (interface{}, int) {
	return sv, func() int { sv.a = 2; return 0 }()
}
func ret2(sv P) (a interface{}, b int) {
	defer func() { println("defer", d(a)) }()
	return sv, func() int { sv.a = 3; return 0 }()
}
func gen[X any](x X, f func() int) (interface{}, int) { return x, f() }

var gp = &T{1}
var gs P

func main() {
	p := &T{1}
	show(p, func() int { p = &T{2}; return 0 }(), p)
	show3(p, func() int { p = &T{3}; return 0 }(), p)
	n := 1
	show(n, func() int { n = 2; return 0 }(), n)
	bo := true
	show(bo, func() int { bo = false; return 0 }(), bo)
	f := 1.5
	show(f, func() int { f = 2.5; return 0 }(), f)
	str := "a"
	show(str, func() int { str = "b"; return 0 }(), str)
	sv := P{1, 1}
	show(sv, func() int { sv.a = 2; return 0 }(), sv)
	show(sv.a, func() int { sv.a = 3; return 0 }(), sv)
	arr := [2]P{{1, 1}}
	show(arr[0], func() int { arr[0].a = 2; return 0 }(), arr[0])
	show(gp, func() int { gp = &T{5}; return 0 }(), gp)
	gs = P{1, 1}
	show(gs, func() int { gs.a = 7; return 0 }(), gs)
	pp := &sv
	sv.a = 1
	show(*pp, func() int { sv.a = 2; return 0 }(), pp.a)
	sv.a = 1
	show(sv, func() int { sv.a = 4; return 0 }(), interface{}(sv))

	sv.a = 1
	a, b := ret1(sv)
	println(d(a), b)
	a, b = ret2(sv)
	println(d(a), b)
	var i, j interface{}
	i, j = sv, func() int { sv.a = 4; return 0 }()
	println(d(i), d(j))
	sv.a = 1
	st := S{sv, func() int { sv.a = 5; return 0 }(), sv}
	println(d(st.i), st.n, d(st.j))
	sv.a = 1
	st = S{j: sv, n: func() int { sv.a = 6; return 0 }(), i: sv}
	println(d(st.i), st.n, d(st.j))
	sv.a = 1
	ar := [3]interface{}{sv, func() int { sv.a = 7; return 0 }(), sv}
	println(d(ar[0]), d(ar[2]))
	sv.a = 1
	sl := append([]interface{}{}, sv, func() int { sv.a = 8; return 0 }(), sv)
	println(d(sl[0]), d(sl[2]))
	by := byte(1)
	sl = []interface{}{by, func() int { by = 2; return 0 }(), by + 1}
	println(d(sl[0]), d(sl[2]))
	ss := Str{"a"}
	sl = []interface{}{ss, func() int { ss.s = "b"; return 0 }(), ss}
	println(d(sl[0]), d(sl[2]))
	bb := B{1}
	sl = []interface{}{bb, func() int { bb[0] = 2; return 0 }(), bb}
	println(d(sl[0]), d(sl[2]))
	f32 := float32(1)
	sl = []interface{}{f32, func() int { f32 = 2; return 0 }(), f32}
	println(d(sl[0]), d(sl[2]))
	c := complex(1, 0)
	sl = []interface{}{c, func() int { c = 2; return 0 }(), c}
	println(d(sl[0]), d(sl[2]))
	sv.a = 1
	g1, g2 := gen(sv, func() int { sv.a = 9; return 0 })
	println(d(g1), g2)
	sv.a = 1
	m := map[string]interface{}{"x": sv, "y": func() int { sv.a = 3; return 0 }()}
	println(d(m["x"]))
	n = 1
	show(n == 1, func() int { n = 2; return 0 }(), n == 1)
	var i8 int8 = 1
	show(i8+1 == 2, func() int { i8 = 5; return 0 }(), i8 == 5)
	show(n > 0 && n < 5, func() int { n = 9; return 0 }())
	sv.a = 1
	fn := func(x, y interface{}) { println(d(x), d(y)) }
	fn(sv, func() int { sv.a = 5; return 0 }())
	defer fn(sv, func() int { sv.a = 6; return 0 }())
	sv.a = 1
}
