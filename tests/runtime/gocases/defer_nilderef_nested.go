// A nil dereference in a deferred call that a nil-dereference panic runs
// (after recovering it, and with a large argument on the stack, as
// GOROOT/test/fixedbugs/issue8132.go) is a new panic, not a runtime
// fault; an outer deferred call recovers it.  Then one nobody recovers.
package main

var p *int

func inner(x [8192]byte) {
	defer func() {
		if err := recover(); err != nil {
			println("recovered:", err.(error).Error())
			println(*p)
		}
	}()
	println(*p + int(x[0]))
}

func main() {
	func() {
		defer func() {
			println("outer:", recover().(error).Error())
		}()
		var x [8192]byte
		inner(x)
	}()
	defer func() {
		println(*p)
	}()
	println(*p)
}
