package main

import "runtime"

type myErr struct{}

func (myErr) Error() string { return "mine" }

func try(name string, f func()) {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		if ok {
			println(name, "is a runtime.Error:", re.Error())
			re.RuntimeError()
			return
		}
		e, isErr := r.(error)
		println(name, "is not a runtime.Error; error:", isErr)
		if isErr {
			println("\t", e.Error())
		}
	}()
	f()
}

func main() {
	var a []int
	var m map[string]int
	var i interface{} = "s"
	var p *struct{ x int }
	zero := 0
	idx := 7
	try("index", func() { _ = a[idx] })
	try("slice", func() { _ = a[1:idx] })
	try("nil map", func() { m["x"] = 1 })
	try("assert", func() { _ = i.(int) })
	try("divide", func() { println(idx / zero) })
	try("nil deref", func() { println(p.x) })
	try("closed", func() { c := make(chan int); close(c); close(c) })
	try("user error", func() { panic(myErr{}) })
	try("string", func() { panic("plain") })
	var err error = myErr{}
	_, ok := err.(runtime.Error)
	println("myErr is a runtime.Error:", ok)
}
