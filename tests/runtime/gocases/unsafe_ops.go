// unsafe.Pointer <-> uintptr and *T conversions, unsafe.Add with
// operands of several integer types, unsafe.Slice and its run-time
// checks (negative, overflowing and nil-based lengths); Offsetof in a
// generic function through a pointer (GOROOT/test/fixedbugs/issue53137.go).
package main

import "unsafe"

type pair struct {
	a, b int32
}

var sink []int64

type embedded struct {
	B int
}

type gen[K any] struct {
	A K
	embedded
}

func offsets[K any](d *gen[K]) (uintptr, uintptr, uintptr) {
	return unsafe.Offsetof(d.B), unsafe.Offsetof(d.embedded), unsafe.Offsetof(d.A)
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	x := [4]int64{10, 20, 30, 40}
	p := unsafe.Pointer(&x[0])
	u := uintptr(p)
	q := (*int64)(unsafe.Pointer(u + 8))
	println(*q, unsafe.Pointer(uintptr(0)) == nil, uintptr(unsafe.Pointer(nil)))

	var i8 int8 = -1
	var u8 uint8 = 255
	var i64 int64 = 16
	println(*(*int64)(unsafe.Add(p, 24)), *(*int64)(unsafe.Add(unsafe.Add(p, 24), i8*8)))
	println(uintptr(unsafe.Add(p, u8))-u, *(*int64)(unsafe.Add(p, i64)))

	pr := pair{1, 2}
	pb := (*int32)(unsafe.Add(unsafe.Pointer(&pr), unsafe.Offsetof(pr.b)))
	*pb = 7
	println(pr.a, pr.b)

	s := unsafe.Slice(&x[1], 3)
	println(len(s), cap(s), s[0], s[2])
	s[1] = 99
	println(x[2])
	var n uint = 2
	s2 := unsafe.Slice((*byte)(p), n)
	println(len(s2), s2[0])
	var nilp *int64
	println(len(unsafe.Slice(nilp, 0)))

	println(offsets(new(gen[int8])))
	println(offsets(new(gen[[3]int64])))

	try("negative", func() { m := -1; sink = unsafe.Slice(&x[0], m) })
	try("nil", func() { sink = unsafe.Slice(nilp, 1) })
	try("huge", func() { m := uint64(1) << 62; sink = unsafe.Slice(&x[0], m) })
	try("wrap", func() { sink = unsafe.Slice((*int64)(unsafe.Pointer(^uintptr(15))), 4) })
	try("fits", func() { sink = unsafe.Slice((*int64)(unsafe.Pointer(^uintptr(15))), 2) })
}
