// fuzz-regress: file
// arrays beyond the address space: sizes overflowed int64 (UBSan: signed integer overflow in sizes.c)
package p

import "unsafe"

var x [1 << 40][1 << 40]byte

const s = unsafe.Sizeof(x)

var y [1<<62]int64
var z = unsafe.Sizeof(y)
