// Type assertions in gc's order of evaluation: x.(T) with T not
// pointer-shaped (int, string, structs, interfaces) is evaluated with the
// calls of its statement, in source order, so a failing one panics before
// the calls to its right run; x.(*T) (pointer-shaped) is left in place and
// evaluated after all of them.
package main

type P struct{ a, b int }
type E interface{ M() }

var step int

func tr(name string, v int) int { step++; println(step, name, v); return v }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
}

var sink []int

func main() {
	var i interface{} = "s"
	var pi interface{} = &P{1, 2}
	var x, y int
	try("tuple", func() { x, y = tr("a", 1), i.(int)+tr("b", 2) })
	try("tuple2", func() { x, y = i.(int), tr("b", 2) })
	try("define", func() { a, b := i.(int), tr("b", 2); println(a, b) })
	try("args", func() { println(tr("a", 1), i.(int), tr("b", 2)) })
	try("slicelit", func() { sink = []int{tr("a", 1), i.(P).a, tr("b", 2)} })
	try("struct", func() { _ = [2]P{{tr("a", 1), 0}, i.(P)} ; tr("after", 0) })
	try("iface", func() { println(tr("a", 1), i.(E) != nil, tr("b", 2)) })
	try("ptr", func() { println(tr("a", 1), i.(*P).a, tr("b", 2)) })
	try("ptrok", func() { println(tr("a", 1), pi.(*P).a, tr("b", 2)) })
	try("return", func() { println(ret(i)) })
	try("okform", func() { v, ok := i.(int); println(v, ok, tr("c", 3)) })
	println(x, y)
}

func ret(i interface{}) (int, int) { return i.(int), tr("r", 1) }
