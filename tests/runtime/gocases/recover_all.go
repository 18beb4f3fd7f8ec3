package main

// Every run-time error goc's compiled code can raise, recovered and
// printed as error values: the messages must be gc's.

type T struct{ a, b int }

type I interface{ M() }

type S struct{}

func (S) M() {}

var sink interface{}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
			if _, ok := r.(interface{ RuntimeError() }); !ok {
				println("  not a runtime.Error")
			}
			return
		}
		println(name+": recovered a non-error")
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i, j, k := 5, 1, 0
	var arr [4]int
	var str = "hello"
	var m map[string]int
	var p *T
	var c chan int
	var e interface{} = "str"
	var ei interface{} = 3
	var sl interface{} = []int{1}
	var fn interface{} = func() {}
	var neg = -1
	try("index", func() { _ = s[i] })
	try("index neg", func() { _ = s[neg] })
	try("array index", func() { _ = arr[i] })
	try("string index", func() { _ = str[i+5] })
	try("slice3", func() { _ = s[j:i] })
	try("slice cap", func() { _ = s[:i] })
	try("slice inverted", func() { _ = s[2:j] })
	try("slice 3-index", func() { _ = s[0:1:i] })
	try("string slice", func() { _ = str[2:i+5] })
	try("nil map", func() { m["a"] = 1 })
	try("nil deref", func() { _ = p.a })
	try("nil deref write", func() { p.b = 1 })
	try("divide", func() { _ = i / k })
	try("modulo", func() { _ = i % k })
	try("shift", func() { _ = i << neg })
	try("close nil", func() { close(c) })
	try("close closed", func() { c := make(chan int); close(c); close(c) })
	try("send closed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("assert", func() { _ = e.(int) })
	try("assert iface", func() { _ = ei.(I) })
	try("assert concrete", func() { var x I = S{}; _ = x.(*S) })
	try("compare slices", func() { _ = sl == sl })
	try("compare funcs", func() { _ = fn == fn })
	try("map key", func() { mm := map[interface{}]int{}; mm[sl] = 1 })
	try("makeslice len", func() { _ = make([]int, neg) })
	try("makeslice cap", func() { _ = make([]int, 2, j) })
	try("makechan", func() { _ = make(chan int, neg) })
	try("array conv", func() { sink = (*[4]int)(s) })
	try("custom", func() { panic(&myErr{}) })
}

type myErr struct{}

func (*myErr) Error() string { return "my error" }
