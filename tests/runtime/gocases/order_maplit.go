// Map literals in gc's order: the map is made with the entries whose key
// and value are constants (or literals of constants, not converted to an
// interface), then every other entry is stored as the assignment
// m[k] = v would be, one entry after the other: an entry sees what the
// calls of the entries before it did, a panicking entry stops the ones
// after it, and a computed key equal to a constant one wins wherever it
// is written.  The map is made where it stands among the calls of its
// statement.
package main

type P struct{ a, b int }

var x, y int
var step int

func tr(name string, v int) int { step++; println(step, name, v); return v }
func fx() int                  { x += 10; return tr("fx", x) }
func fy() int                  { y += 100; x = -x; return tr("fy", y) }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
}

func main() {
	x, y = 1, 2
	a := map[int]int{x: fx(), fy(): x}
	println(len(a), a[1], a[11], a[102], a[-11])
	x = 1
	a = map[int]int{1: x, 2: fx(), 3: x}
	println(a[1], a[2], a[3])
	x = 1
	a = map[int]int{x: 1, fx(): 2, x: 3}
	println(len(a), a[1], a[11])
	a = map[int]int{1: tr("v1", 10), tr("k2", 2): tr("v2", 20), 3: 30}
	println(len(a))
	z := 0
	try("panic", func() { _ = map[int]int{1: tr("v1", 10), tr("k2", 2): tr("v2", 20) / z, 3: tr("v3", 3)} })
	x = 1
	mp := map[P]int{{x, 1}: tr("v1", 1), {fx(), 1}: tr("v2", 2), {1, 1}: 3}
	println(len(mp), mp[P{1, 1}], mp[P{11, 1}])
	x = 1
	a = map[int]int{x: tr("v1", 1), 1: 5}
	println(len(a), a[1])
	k := 1
	a = map[int]int{k: tr("v1", 1), func() int { k = 7; return 1 }(): 5, k: 9}
	println(len(a), a[1], a[7])
	x = 1
	mi := map[string]interface{}{"a": x, "b": fx(), "c": x, "d": 1, "e": nil}
	println(mi["a"].(int), mi["b"].(int), mi["c"].(int), mi["d"].(int), mi["e"] == nil)
	x = 1
	mk := map[interface{}]int{1: 5, x: tr("v", 6)}
	println(len(mk), mk[1])
	ms := map[P]string{{1, 2}: "const", {x, 2}: "var"}
	println(len(ms), ms[P{1, 2}])
	ms = map[P]string{{x, 2}: "var", {1, 2}: "const"}
	println(len(ms), ms[P{1, 2}])
	ma := map[[2]int]int{{1, 1}: 1, {x, 1}: 2, {tr("k", 1), 1}: 3}
	println(len(ma), ma[[2]int{1, 1}])
	nested := map[int]map[int]int{1: {x: fx()}, x: {2: x}}
	println(len(nested), nested[1][1], nested[1][11], nested[11][2], nested[21][2])
	type S struct {
		m map[int]int
		v int
	}
	x = 1
	sv := S{v: x, m: map[int]int{x: fx()}}
	println(sv.v, len(sv.m), sv.m[11])
	x = 1
	sl := []map[int]int{{x: 1}, {fx(): x}}
	println(sl[0][1], sl[0][11], sl[1][11])
	x = 1
	pm := &map[int]int{x: fx()}
	println(len(*pm), (*pm)[11])
	x = 1
	println(map[int]int{x: fx()}[11], x)
}
