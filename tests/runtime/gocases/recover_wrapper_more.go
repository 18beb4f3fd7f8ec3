// (recover_wrapper's cases, and wrappers a closure calls.)
// recover() in a method reached through a compiler-made wrapper: the
// deferred call is a method value, an interface method value, a method
// expression of an interface, a method promoted through embedding and
// called through an interface, a value method called through a pointer
// in an interface, a generic type's method value.  gc's wrappers are
// transparent to recover: the method is "called directly by a deferred
// function" and stops the panic; a wrapper called by something else
// than the deferred call does not make recover work.  (Found by
// tests/fuzz/goprog.sh.)
package main

type R struct{ n int }

func (r *R) Catch() {
	if e := recover(); e != nil {
		println("caught", r.n, e.(string))
	}
}

func (r R) CatchV() {
	if e := recover(); e != nil {
		println("caughtv", r.n, e.(string))
	}
}

type C interface{ Catch() }
type CV interface{ CatchV() }

type OutP struct{ *R }
type OutV struct {
	R
	k int
}

type Box[T any] struct{ v T }

func (b *Box[T]) Catch() {
	if e := recover(); e != nil {
		println("box caught", e.(string))
	}
}

func direct()        { r := &R{1}; defer r.Catch(); panic("direct") }
func methodExpr()    { r := &R{2}; defer (*R).Catch(r); panic("method expression") }
func methodValue()   { r := &R{3}; m := r.Catch; defer m(); panic("method value") }
func ifaceCall()     { var c C = &R{4}; defer c.Catch(); panic("interface call") }
func ifaceValue()    { var c C = &R{5}; m := c.Catch; defer m(); panic("interface method value") }
func ifaceExpr()     { r := &R{6}; defer C.Catch(r); panic("interface method expression") }
func promotedPtr()   { var c C = OutP{&R{7}}; defer c.Catch(); panic("promoted through *R, interface") }
func promotedVal()   { var c C = &OutV{R{8}, 1}; defer c.Catch(); panic("promoted through R, interface") }
func valueViaPtr()   { var c CV = &R{9}; defer c.CatchV(); panic("value method through pointer, interface") }
func genericValue()  { b := &Box[int]{}; m := b.Catch; defer m(); panic("generic method value") }
func promotedValue() { o := OutP{&R{10}}; m := o.Catch; defer m(); panic("promoted method value") }

// not called directly by the deferred function: recover returns nil
// even through a wrapper
func viaClosure() { r := &R{11}; m := r.Catch; defer func() { m() }(); panic("method value in a closure") }
func viaHelper()  { var c C = OutP{&R{12}}; defer func() { c.Catch() }(); panic("promoted in a closure") }
func nestedDefer() {
	r := &R{13}
	defer func() {
		m := r.Catch
		defer m()
	}()
	panic("method value deferred by a deferred function")
}

func try(name string, f func()) {
	defer func() {
		if e := recover(); e != nil {
			println(name, ": not recovered by the deferred method:", e.(string))
		}
	}()
	f()
}

func main() {
	try("direct", direct)
	try("methodExpr", methodExpr)
	try("methodValue", methodValue)
	try("ifaceCall", ifaceCall)
	try("ifaceValue", ifaceValue)
	try("ifaceExpr", ifaceExpr)
	try("promotedPtr", promotedPtr)
	try("promotedVal", promotedVal)
	try("valueViaPtr", valueViaPtr)
	try("genericValue", genericValue)
	try("promotedValue", promotedValue)
	try("viaClosure", viaClosure)
	try("viaHelper", viaHelper)
	try("nestedDefer", nestedDefer)
}
