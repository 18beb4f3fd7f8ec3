// && and || in gc's order: the whole expression is evaluated where it
// stands among the calls of its statement (gc makes it r = x; if r
// { r = y }), so the calls of its right operand come before the calls to
// the right of it, as the spec's left-to-right order of calls requires,
// and its left operand's variables are read there, before later calls
// change them.
package main

var step int
var x int

func tr(name string, v int) int  { step++; println(step, name, v); return v }
func b(name string, v bool) bool { step++; println(step, name, v); return v }
func fx() int                    { x += 10; return tr("fx", x) }

func main() {
	println(b("a", true) && b("b", true), tr("c", 1))
	println(b("a", false) || b("b", true), tr("c", 1))
	println(b("a", false) && b("b", true), tr("c", 1))
	v, w := b("a", true) && b("b", false), tr("c", 2)
	println(v, w)
	s := []bool{b("a", true) && b("b", true), b("c", true)}
	println(s[0], s[1])
	x = 1
	println(x > 0 && fx() > x, fx())
	x = 1
	y := x
	r := y == 1 && func() bool { y = 5; return true }()
	println(r, y)
	x = 1
	println(x == 1 && b("z", true), x, fx())
	x = 1
	println(x == 1, x == 1 || b("never", true), fx())
	println(!(b("a", true) && b("b", true)), tr("c", 3))
	println(b("a", true) && (b("b", false) || b("c", true)) && b("d", true), tr("e", 4))
	if b("a", true) && b("b", true) {
		println("then")
	}
	for i := 0; i < 2 && b("cond", true); i++ {
	}
	switch {
	case b("c1", false) || b("c2", false):
	case b("c3", true) && b("c4", true):
		println("case")
	}
	m := map[bool]int{b("k1", true) && b("k2", true): tr("v", 5)}
	println(m[true])
}
