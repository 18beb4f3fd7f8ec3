// Map keys in gc's order: a key the runtime takes by address (structs,
// arrays, floats, interfaces, bytes: no fast variant) is copied right
// after its own calls unless it is a global, a field or an element, so
// m[k] = f() and m[k], f() with f changing a local k use the old k; keys
// of fast maps (int, string, pointers) are read after all the calls.
// m[k] op= y makes the element before computing (m[k] <<= -1 leaves it
// in m) except for / and %, which panic first.
package main

type P struct{ a, b int }

var x int
var gk P

func fx() int { x += 10; println("fx", x); return x }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
}

func main() {
	m := map[int]int{}
	x = 1
	m[x] = fx()
	println(len(m), m[1], m[11])
	mp := map[P]int{}
	x = 1
	mp[P{x, 1}] = fx()
	println(len(mp), mp[P{1, 1}], mp[P{11, 1}])
	ms := map[string]int{}
	str := "a"
	ms[str] = func() int { str = "b"; return 1 }()
	println(ms["a"], ms["b"])
	mf := map[float64]int{}
	fl := 1.0
	mf[fl] = func() int { fl = 2; return 1 }()
	println(mf[1], mf[2])
	x = 1
	mp[P{x, 2}] += fx()
	println(len(mp), mp[P{1, 2}], mp[P{11, 2}])
	x = 1
	m = map[int]int{1: 100, 11: 200}
	println(m[x], fx())
	x = 1
	mp = map[P]int{{1, 1}: 100, {2, 1}: 200}
	println(mp[P{x, 1}], fx())
	k := P{1, 1}
	println(mp[k], func() int { k.a = 2; return 0 }())
	k = P{1, 1}
	v, ok := mp[k], func() bool { k.a = 2; return true }()
	println(v, ok)
	fl = 1.5
	mf = map[float64]int{1.5: 1, 2.5: 2}
	println(mf[fl], func() int { fl = 2.5; return 0 }())
	var ik interface{} = 1
	mif := map[interface{}]int{1: 1, 2: 2}
	println(mif[ik], func() int { ik = 2; return 0 }())
	var b byte = 1
	mb := map[byte]int{1: 1, 2: 2}
	println(mb[b], func() int { b = 2; return 0 }(), mb[b+0], func() int { b = 1; return 0 }())
	gk = P{1, 1}
	println(mp[gk], func() int { gk.a = 2; return 0 }())
	arr := [2]P{{1, 1}}
	println(mp[arr[0]], func() int { arr[0].a = 2; return 0 }())
	sk := struct{ p P }{P{1, 1}}
	println(mp[sk.p], func() int { sk.p.a = 2; return 0 }())

	z := 0
	mm := map[int]int{}
	try("div", func() { mm[5] = x / z })
	println(len(mm))
	try("divop", func() { mm[6] /= z })
	println(len(mm))
	try("remop", func() { mm[6] %= z })
	println(len(mm))
	try("shiftop", func() { n := -1; mm[7] <<= n })
	println(len(mm))
	try("addop", func() { var s []int; mm[8] += s[1] })
	println(len(mm))
	ms2 := map[string]string{}
	ms2["a"] += "x"
	println(ms2["a"])
}
