package main

// A deferred nil func value panics when it is invoked (at the return),
// not at the defer statement; closures without parameters are deferred
// and started as themselves.

func f() (r int) {
	defer func() {
		e := recover()
		println("recovered:", e.(error).Error())
		r = 7
	}()
	var g func()
	defer g()
	println("after defer of nil")
	return 1
}

func main() {
	println(f())
	done := make(chan int)
	x := 5
	go func() { done <- x }()
	println(<-done)
	var h func()
	defer h()
	println("main returns")
}
