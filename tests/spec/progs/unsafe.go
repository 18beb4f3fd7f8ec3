// Examples of the spec's "Package unsafe" and "Size and alignment
// guarantees" sections.
package main

import "unsafe"

type ptr unsafe.Pointer

func main() {
	// spec Package unsafe: bits = *(*uint64)(unsafe.Pointer(&f)); via type ptr unsafe.Pointer; var p ptr = nil
	var f float64 = 1.5
	var bits uint64
	bits = *(*uint64)(unsafe.Pointer(&f))
	println(bits)
	bits = *(*uint64)(ptr(&f))
	println(bits)
	var p ptr = nil
	println(p == nil)

	// spec Package unsafe: uintptr(unsafe.Pointer(&s)) + unsafe.Offsetof(s.f) == uintptr(unsafe.Pointer(&s.f))
	var s struct {
		a byte
		b int32
		f float64
	}
	println(uintptr(unsafe.Pointer(&s))+unsafe.Offsetof(s.f) == uintptr(unsafe.Pointer(&s.f)), unsafe.Offsetof(s.b), unsafe.Offsetof(s.f))

	// spec Package unsafe: uintptr(unsafe.Pointer(&x)) % unsafe.Alignof(x) == 0
	var x struct {
		a int16
		b complex128
	}
	println(uintptr(unsafe.Pointer(&x))%unsafe.Alignof(x) == 0, unsafe.Alignof(x), unsafe.Alignof(x.a), unsafe.Sizeof(x))

	// spec Package unsafe: (*[len]ArbitraryType)(unsafe.Pointer(ptr))[:] is unsafe.Slice(ptr, len)
	arr := [4]int{1, 2, 3, 4}
	sl := unsafe.Slice(&arr[1], 2)
	println(len(sl), cap(sl), sl[1], &sl[0] == &arr[1])
	sl2 := (*[2]int)(unsafe.Pointer(&arr[1]))[:]
	println(len(sl2), sl2[0])
	// spec Package unsafe: Add(ptr Pointer, len IntegerType) Pointer
	p3 := (*int)(unsafe.Add(unsafe.Pointer(&arr[0]), 3*unsafe.Sizeof(arr[0])))
	println(*p3)

	// spec Size and alignment guarantees: sizes of the numeric types
	var (
		by   byte
		u8   uint8
		i8   int8
		u16  uint16
		i16  int16
		u32  uint32
		i32  int32
		f32  float32
		u64  uint64
		i64  int64
		f64  float64
		c64  complex64
		c128 complex128
	)
	println(unsafe.Sizeof(by), unsafe.Sizeof(u8), unsafe.Sizeof(i8), unsafe.Sizeof(u16), unsafe.Sizeof(i16))
	println(unsafe.Sizeof(u32), unsafe.Sizeof(i32), unsafe.Sizeof(f32), unsafe.Sizeof(u64), unsafe.Sizeof(i64), unsafe.Sizeof(f64), unsafe.Sizeof(c64), unsafe.Sizeof(c128))
	// spec Size and alignment guarantees: a struct or array of size zero; alignment rules
	var empty struct{}
	var zarr [0]int
	println(unsafe.Sizeof(empty), unsafe.Sizeof(zarr), unsafe.Alignof(c64), unsafe.Alignof(i8), unsafe.Alignof(zarr))
	const sz = unsafe.Sizeof(s) // a constant
	var buf [sz]byte
	println(len(buf))
}
