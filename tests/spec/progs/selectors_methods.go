// Examples of the spec's "Selectors", "Method expressions" and "Method
// values" sections.
package main

// spec Selectors: T0, T1, T2, Q and t, p, q
type T0 struct {
	x int
}

func (*T0) M0() { println("M0") }

type T1 struct {
	y int
}

func (T1) M1() { println("M1") }

type T2 struct {
	z int
	T1
	*T0
}

func (*T2) M2() { println("M2") }

type Q *T2

// spec Method expressions: T with Mv (value receiver) and Mp (pointer receiver)
type T struct {
	a int
}

func (tv T) Mv(a int) int         { return tv.a + a }
func (tp *T) Mp(f float32) float32 { tp.a++; return f + float32(tp.a) }

func makeT() T { return T{100} }

// spec Method values: type S struct { *T }; type T int; func (t T) M() { print(t) } (renamed TM, SM)
type TM int

func (t TM) M() { print(t, "\n") }

type SM struct{ *TM }

type myT struct{ n int }

func (m myT) M(i int) { println("myVal.M", m.n, i) }

func main() {
	var t T2 = T2{z: 1, T1: T1{y: 2}, T0: &T0{x: 3}} // with t.T0 != nil
	var p *T2 = &T2{z: 4, T1: T1{y: 5}, T0: &T0{x: 6}} // with p != nil and (*p).T0 != nil
	var q Q = p
	// spec Selectors: t.z, t.y, t.x
	println(t.z, t.y, t.x, t.z == t.z, t.y == t.T1.y, t.x == (*t.T0).x)
	// spec Selectors: p.z, p.y, p.x
	println(p.z, p.y, p.x, p.z == (*p).z, p.y == (*p).T1.y, p.x == (*(*p).T0).x)
	// spec Selectors: q.x is (*(*q).T0).x
	println(q.x, (*q).x, (*(*q).T0).x)
	// spec Selectors: p.M0(), p.M1(), p.M2(), t.M2()
	p.M0()
	((*p).T0).M0()
	p.M1()
	((*p).T1).M1()
	p.M2()
	t.M2()
	(&t).M2()
	// spec Selectors: q.M0() is invalid but (*q).M0() is valid
	(*q).M0()

	var tv T = T{10}
	// spec Method expressions: t.Mv(7), T.Mv(t, 7), (T).Mv(t, 7), f1 := T.Mv; f1(t, 7), f2 := (T).Mv; f2(t, 7)
	println(tv.Mv(7), T.Mv(tv, 7), (T).Mv(tv, 7))
	f1 := T.Mv
	println(f1(tv, 7))
	f2 := (T).Mv
	println(f2(tv, 7))
	// spec Method expressions: T.Mv has type func(tv T, a int) int
	var fmv func(tv T, a int) int = T.Mv
	println(fmv(T{1}, 1))
	// spec Method expressions: (*T).Mp has type func(tp *T, f float32) float32
	var fmp func(tp *T, f float32) float32 = (*T).Mp
	println(fmp(&tv, 0.5), tv.a)
	// spec Method expressions: (*T).Mv has type func(tv *T, a int) int
	var fpv func(tv *T, a int) int = (*T).Mv
	println(fpv(&tv, 1))

	// spec Method values: f := t.M and g := s.M store their receivers; *t = 42 does not affect them
	{
		t := new(TM)
		*t = 7
		s := SM{TM: t}
		f := t.M // receiver *t is evaluated and stored in f
		g := s.M // receiver *(s.T) is evaluated and stored in g
		*t = 42  // does not affect stored receivers in f and g
		f()
		g()
		t.M()
	}
	// spec Method values: t.Mv has type func(int) int; t.Mv(7) and f := t.Mv; f(7)
	var pt *T = &tv
	var fv func(int) int = tv.Mv
	println(tv.Mv(7), fv(7))
	// spec Method values: pt.Mp has type func(float32) float32
	var fp func(float32) float32 = pt.Mp
	println(fp(1), tv.a)
	// spec Method values: f := t.Mv; f := pt.Mp; f := pt.Mv; f := t.Mp
	{
		f := tv.Mv
		println(f(7))
		g := pt.Mp
		println(g(7))
		h := pt.Mv
		println(h(7))
		k := tv.Mp
		println(k(7), tv.a)
		mk := makeT().Mv // makeT().Mp would be invalid: not addressable
		println(mk(1))
	}
	// spec Method values: var i interface { M(int) } = myVal; f := i.M; f(7)
	var myVal = myT{5}
	var i interface{ M(int) } = myVal
	fi := i.M
	fi(7)
	i.M(7)
}
