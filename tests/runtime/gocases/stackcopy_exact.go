// Stack growth moves exactly the pointers: an integer that equals the
// address of a local keeps its value when the stack is copied (the
// conservative copy of the past adjusted it), pointers into the frame
// (locals, a struct's pointer fields, interface data words, strings and
// slices of stack arrays, arguments) follow the copy.
package main

import (
	"fmt"
	"unsafe"
)

type pair struct {
	p *int
	n uintptr
	s []byte
}

//go:noinline
func deep(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%64])
}

//go:noinline
func check(p *int, addr uintptr, v uint32, q pair) {
	deep(100000) // grows the stack many times over
	fmt.Println("arg pointer:", *p, "integer kept:", addr != uintptr(unsafe.Pointer(p)), "uint32:", v)
	fmt.Println("struct:", *q.p, q.n != uintptr(unsafe.Pointer(q.p)), string(q.s))
}

func main() {
	x := 42
	buf := [4]byte{'a', 'b', 'c', 'd'}
	addr := uintptr(unsafe.Pointer(&x))
	var i interface{} = &x
	q := pair{&x, addr, buf[1:3]}
	deep(50000) // past the main goroutine's first stack
	fmt.Println("local:", x, "integer kept:", addr != uintptr(unsafe.Pointer(&x)), *(i.(*int)))
	check(&x, uintptr(unsafe.Pointer(&x)), 0x263a, q)
	x++
	fmt.Println(*q.p, string(buf[:]), q.n == addr)
}
