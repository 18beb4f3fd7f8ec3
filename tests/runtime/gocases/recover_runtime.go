package main

type T struct{ x int }

type I interface{ M() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(name, "no panic")
			return
		}
		err, ok := r.(error)
		if !ok {
			println(name, "not an error")
			return
		}
		println(name, err.Error())
		type rtErr interface {
			error
			RuntimeError()
		}
		if _, ok := r.(rtErr); ok {
			println(name, "is a runtime.Error")
		}
	}()
	f()
}

var zero int
var idx = 5
var neg = -1

func main() {
	try("index", func() { s := []int{1, 2, 3}; _ = s[idx] })
	try("index neg", func() { s := []int{1, 2, 3}; _ = s[neg] })
	try("slice", func() { s := []int{1, 2, 3}; _ = s[:idx] })
	try("slice b", func() { s := []int{1, 2, 3}; i := 2; j := 1; _ = s[i:j] })
	try("string index", func() { s := "abc"; _ = s[idx] })
	try("divide", func() { _ = 1 / zero })
	try("nil deref", func() { var p *T; _ = p.x })
	try("nil map", func() { var m map[string]int; m["a"] = 1 })
	try("assert", func() { var e interface{} = 1; _ = e.(string) })
	try("assert nil", func() { var e interface{}; _ = e.(string) })
	try("assert iface", func() { var e interface{} = 1; _ = e.(I) })
	try("shift", func() { s := neg; _ = 1 << s })
	try("closed chan", func() { c := make(chan int); close(c); close(c) })
	try("user", func() { panic("plain string") })
	var e interface{} = 3
	defer func() {
		r := recover()
		println("again:", r.(error).Error())
		_ = e.(string)
	}()
	_ = e.(int8)
}
