// Order of evaluation where the spec leaves it open, as gc fixes it: the
// calls, receives, slice expressions and call-like builtins (len, cap,
// append, make, ...) of a statement are evaluated first, left to right,
// and plain operands (variables, fields, elements) are read afterwards;
// go and defer evaluate their arguments one by one.  A recursive-descent
// parser doing p.nodes = append(p.nodes, p.parse()) lost the nodes the
// inner calls appended (goc read p.nodes before the call).
package main

type T struct {
	v   int
	s   []int
	arr [3]int
	m   map[string]int
}

var g int

func bump() int { g++; return g }

func (t *T) grow() int { t.v++; t.s = append(t.s, t.v); return t.v }
func (t T) val() int    { return t.v }

type I interface{ M() int }
type A struct{ n int }

func (a A) M() int { return a.n }

var gi I = A{1}

func swapI() int { gi = A{100}; return 5 }

func pair() (int, int) { g += 10; return g, g }

func main() {
	parser()
	deferred()
	// multi-assign with variable and call
	x := 1
	f := func() int { x = 7; return 2 }
	a, b := x, f()
	println(a, b)
	x = 1
	c, d := x+0, f()
	println(c, d)
	// len/cap as ordered calls
	s := []int{1}
	h := func() int { s = append(s, 2, 3); return 0 }
	println(len(s)+h(), len(s))
	s = []int{1}
	println(h()+len(s), len(s))
	// slice expr then call
	s = []int{1, 2, 3}
	k := func() int { s = []int{9, 9, 9, 9}; return 1 }
	t1, t2 := s[1:], k()
	println(len(t1), t1[0], t2)
	// index read vs call
	arr := []int{1, 2, 3}
	mod := func() int { arr[0] = 50; return 1 }
	println(arr[0]+mod(), arr[0])
	// global vs call
	g = 0
	println(g+bump(), g)
	g = 0
	r := []int{g, bump(), g, bump(), g}
	println(r[0], r[1], r[2], r[3], r[4])
	// struct field vs method call
	t := &T{}
	println(t.v+t.grow(), t.v)
	t.s = nil
	t.s = append(t.s, t.grow(), t.grow())
	println(len(t.s), t.s[0], t.s[1], t.s[2])
	// method value receiver copy time
	tv := T{v: 3}
	mv := tv.val
	tv.v = 4
	println(mv(), tv.val())
	// interface method call with receiver changed by argument
	add := func(a, b int) int { return a + b }
	gi = A{1}
	println(add(gi.M(), swapI()))
	gi = A{1}
	println(gi.M() + swapI())
	// map read vs call
	m := map[string]int{"a": 1}
	mm := func() int { m["a"] = 10; return 1 }
	println(m["a"]+mm(), m["a"])
	// string concat with call
	str := "x"
	sc := func() string { str = "y"; return "z" }
	println(str + sc() + str)
	// return statement ordering
	ret := func() (int, int) {
		v := 1
		inc := func() int { v++; return v }
		return v, inc()
	}
	p, q := ret()
	println(p, q)
	// receive ordering
	ch := make(chan int, 1)
	cnt := 0
	ch <- 5
	val := cnt + <-ch
	println(val)
	go func() { cnt = 100; ch <- 1 }()
	val = cnt + <-ch
	println(val)
	// composite literal struct
	y := 1
	fy := func() int { y = 2; return 3 }
	st := struct{ a, b, c int }{y, fy(), y}
	println(st.a, st.b, st.c)
	// array literal
	y = 1
	ar := [3]int{y, fy(), y}
	println(ar[0], ar[1], ar[2])
	// map literal
	y = 1
	ml := map[int]int{y: fy(), 10: y}
	println(ml[1], ml[2], ml[10])
	// call args
	y = 1
	println(add(y, fy()), y)
	// op assign
	z := 1
	fz := func() int { z = 10; return 1 }
	z += fz()
	println(z)
	zs := []int{1, 2}
	zi := 0
	fzi := func() int { zi = 1; return 5 }
	zs[zi] += fzi()
	println(zs[0], zs[1])
	// index assignment with call on rhs changing index
	zi = 0
	zs[zi] = fzi()
	println(zs[0], zs[1])
	// multi-value call args with variable
	g = 0
	w1, w2 := g, 0
	w1, w2 = pair()
	println(w1, w2)
	// conversions []byte(s)
	bs := "ab"
	fb := func() int { bs = "abcd"; return 0 }
	println(len([]byte(bs))+fb(), len(bs))
	// new/make ordered
	n := 2
	fn := func() int { n = 5; return 0 }
	mk := make([]int, n)
	println(len(mk), fn(), len(make([]int, n))+fn())
	// && || short circuit with calls
	calls := 0
	tr := func() bool { calls++; return true }
	fa := func() bool { calls += 10; return false }
	if fa() && tr() || tr() && fa() || tr() {
		println("cond", calls)
	}
	bb := calls > 0 && (calls+int(bumpb(&calls)) > 0)
	println(bb, calls)
	// for with cond call modifying var
	i := 0
	lim := 3
	flim := func() int { lim--; return 0 }
	for i < lim+flim() {
		i++
	}
	println(i, lim)
	// switch with calls
	sv := 1
	fs := func() int { sv = 2; return 1 }
	switch sv + fs() {
	case 2:
		println("two")
	case 3:
		println("three")
	}
	// defer args
	func() {
		dv := 1
		fd := func() int { dv = 9; return 0 }
		defer println("defer", dv, fd())
	}()
	// send
	sch := make(chan int, 1)
	sv = 1
	sch <- sv + fs()
	println(<-sch)
}

func bumpb(p *int) int8 { *p += 1000; return 1 }

type P struct{ nodes []int }

func (p *P) parse(d int) int {
	if d > 0 {
		p.nodes = append(p.nodes, p.parse(d-1))
	}
	return d
}

func parser() {
	p := &P{}
	p.parse(3)
	println("nodes", len(p.nodes))
}

func dfn(a, b int) { println("dfn", a, b) }

type DT struct{ n int }

func (t DT) M(a int) { println("M", t.n, a) }

func deferred() {
	a := 1
	g := func() int { a = 5; return 0 }
	defer dfn(a, g())
	a = 1
	defer println("println", a, g())
	a = 1
	defer dfn(a+g(), 0)
	t := DT{1}
	h := func() int { t.n = 9; return 0 }
	defer t.M(h())
}
