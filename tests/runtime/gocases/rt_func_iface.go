// *runtime.Func's methods (C functions of goc's runtime) through an interface and through reflect: method tables and itabs name the ABI0 wrapper the compiled package defines, not the C function (which read its receiver from a register that held anything: a fault).
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type namer interface{ Name() string }

type entrier interface {
	Entry() uintptr
	FileLine(pc uintptr) (string, int)
}

func main() {
	pc, _, _, _ := runtime.Caller(0)
	f := runtime.FuncForPC(pc)
	var n namer = f
	fmt.Println(n.Name())
	var e entrier = f
	file, line := e.FileLine(pc)
	fmt.Println(e.Entry() == f.Entry(), file != "", line)
	var x interface{} = f
	if nn, ok := x.(namer); ok {
		fmt.Println("assert:", nn.Name())
	}
	m := reflect.ValueOf(f).MethodByName("Name")
	fmt.Println("reflect:", m.Call(nil)[0])
	fmt.Printf("%T\n", n)
}
