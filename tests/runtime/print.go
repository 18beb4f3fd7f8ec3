// print.go — the Go twin of print.c: what gc's print and println write.
// tests/runtime/run.sh builds it with gc and compares both outputs.
package main

import "math"

var floats = []float64{
	0, 1, -1, 1.5, -2.25, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 10, 100, 1e6, 123456789,
	9.9999995, 9.99999949, 99999995, 0.000001, 1e-7, 1.5e-10, 1e21, 1e100, 1e-100,
	1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
	math.Pi, math.E, -math.Pi, 6.02214076e23, 1.602176634e-19, 0.5, 0.05, 0.005,
	123.456, -0.0001, 4.9999995, 0.99999995, 0.999999949,
}

var ints = []int64{0, 1, -1, 42, -42, 127, -128, 32767, -32768, 2147483647, -2147483648,
	9223372036854775807, -9223372036854775808, 1000000007}

var uints = []uint64{0, 1, 255, 65535, 4294967295, 18446744073709551615, 10000000000000000000}

var strs = []string{"", "a", "hello, world", "héllo 世界", "tab\there", "\xff\xfe", "nul\x00byte"}

func main() {
	for _, f := range floats {
		println(f)
		print(f, "\n")
	}
	nz := math.Copysign(0, -1)
	println(nz, math.NaN(), math.Inf(1), math.Inf(-1), -math.MaxFloat64)
	println(float32(0.1), float32(1)/3, float32(16777217), float32(math.MaxFloat32), float32(-1e-45))
	for _, i := range ints {
		println(i)
		println(int(i), int32(i), int16(i), int8(i))
	}
	for _, u := range uints {
		println(u, uint32(u), uint16(u), uint8(u), uintptr(u))
	}
	println(true, false)
	print(true, false, "\n")
	for _, s := range strs {
		println(s, len(s))
	}
	println(complex(1, 2), complex(-0.5, math.Inf(1)), complex64(complex(3, -4)))
	println(complex(math.NaN(), 0), complex(0, nz))
	var nilslice []int
	var nilptr *int
	var nilmap map[int]int
	var nilfunc func()
	var nilchan chan int
	var nileface interface{}
	var niliface error
	println(nilslice, nilptr, nilmap, nilfunc, nilchan, nileface, niliface)
	println()
	print()
	println("a", 1, "b", 2.5, true)
	print("a", 1, "b", 2.5, true, "\n")
	println("no newline at the end follows")
	print("end")
}
