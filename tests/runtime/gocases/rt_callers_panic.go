// runtime.Caller and Callers from a deferred call during a panic: the walk goes on through the panic's frames (goc's are C) to the function that panicked, the defer wrapper of a call with arguments is elided as gc elides it, a fault's frame names the faulting line, and a bounds check fails on the line of its '[' (GOROOT/test fixedbugs/issue4562, issue29504).  Only main's frames are printed: the runtime's differ (gc: runtime.sigpanic, runtime.main).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{ val int }

var sink int
var idx = 7

func frames(tag string) {
	var pcs [20]uintptr
	n := runtime.Callers(1, pcs[:])
	it := runtime.CallersFrames(pcs[:n])
	for {
		f, more := it.Next()
		if strings.HasPrefix(f.Function, "main.") {
			fmt.Println(tag, f.Function, f.Line)
		}
		if !more {
			break
		}
	}
	for i := 0; ; i++ { // (the runtime's frames between differ: i is not printed)
		pc, _, line, ok := runtime.Caller(i)
		if !ok {
			break
		}
		if name := runtime.FuncForPC(pc).Name(); strings.HasPrefix(name, "main.") {
			fmt.Println(tag, "Caller", name, line)
		}
	}
}

func check(tag string) {
	if recover() == nil {
		panic("no panic")
	}
	frames(tag)
}

func nilderef() {
	defer check("nil")
	var p *T
	sink = p.val
}

func slice() {
	defer check("slice")
	var s []int
	_ = s[1:
		idx]
}

func explicit() {
	defer check("explicit")
	panic("boom")
}

type M struct{}

func (M) method(tag string) { // deferred with a receiver and arguments: through a wrapper
	if recover() == nil {
		panic("no panic")
	}
	frames(tag)
}

func viaMethod() {
	var m M
	defer m.method("method")
	var p *T
	p.val = 1
}

func main() {
	nilderef()
	index()
	slice()
	explicit()
	viaMethod()
}

// last: the //line comments renumber the rest of the file
func index() {
	defer check("index")
	var a [3]int
	sink = a /*line :999:1*/ [ /*line :555:1*/ idx]
}
