// Package abi is goc's internal/abi (an overlay, docs/load.md): the same
// API as GOROOT's, for goc's ABI (docs/abi.md).  goc passes arguments and
// results on the stack (ABI0) everywhere, so no register carries one:
// reflect, which reads these constants, builds all-stack frames.
package abi

import "unsafe"

// No argument registers: every call is ABI0.
const (
	IntArgRegs            = 0
	FloatArgRegs          = 0
	EffectiveFloatRegSize = 0
)

// RegArgs holds the register arguments of a reflected call: none here;
// the fields keep gc's names for reflect.
type RegArgs struct {
	Ints        [IntArgRegs]uintptr
	Floats      [FloatArgRegs]uint64
	Ptrs        [IntArgRegs]unsafe.Pointer
	ReturnIsPtr IntArgRegBitmap
}

// Dump prints the registers' contents (for debugging reflect).
func (r *RegArgs) Dump() {
	print("Ints:")
	for _, v := range r.Ints {
		print(" ", v)
	}
	println()
	print("Floats:")
	for _, v := range r.Floats {
		print(" ", v)
	}
	println()
	print("Ptrs:")
	for _, v := range r.Ptrs {
		print(" ", v)
	}
	println()
}

// IntRegArgAddr returns the address of the argSize-byte value in integer
// register slot reg (little-endian: at the start of the slot).
func (r *RegArgs) IntRegArgAddr(reg int, argSize uintptr) unsafe.Pointer {
	if argSize == 0 || argSize > unsafe.Sizeof(uintptr(0)) || argSize&(argSize-1) != 0 {
		panic("invalid argSize")
	}
	return unsafe.Pointer(&r.Ints[reg])
}

// IntArgRegBitmap has a bit per integer argument register.
type IntArgRegBitmap [(IntArgRegs + 7) / 8]uint8

// Set sets bit i.
func (b *IntArgRegBitmap) Set(i int) {
	b[i/8] |= 1 << (i % 8)
}

// Get reports bit i.
func (b *IntArgRegBitmap) Get(i int) bool {
	return b[i/8]&(1<<(i%8)) != 0
}

// FuncPCABI0 returns the entry PC of the function f, a func value: the
// first word of its closure record.  (gc's is an intrinsic taking only a
// function's name; ABI0 and ABIInternal are one convention in goc.)
func FuncPCABI0(f any) uintptr {
	return funcPC(f)
}

// FuncPCABIInternal is FuncPCABI0: goc has one calling convention.
func FuncPCABIInternal(f any) uintptr {
	return funcPC(f)
}

func funcPC(f any) uintptr {
	closure := (*[2]unsafe.Pointer)(unsafe.Pointer(&f))[1]
	return *(*uintptr)(closure)
}
