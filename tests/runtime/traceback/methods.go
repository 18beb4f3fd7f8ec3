// Method and closure frames: pointer and value receivers, a call through
// an interface, a method value, nested closures.
package main

type T struct{ n int }

type U struct{ n, m int }

func (t *T) Ptr(k int) { U{t.n, k}.Val(k + 1) }

func (u U) Val(k int) {
	n := u.n
	f := func(j int) {
		g := func() { panic(k + j + n) }
		g()
	}
	f(k)
}

type I interface{ Ptr(int) }

func main() {
	var i I = &T{5}
	m := i.Ptr
	h := func() { m(1) } // (a literal called in place would be gc's directClosureCall: captures as arguments)
	h()
}
