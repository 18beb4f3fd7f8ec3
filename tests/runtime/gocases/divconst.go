package main

// Division and remainder by constants: powers of two by shifts and
// masks, others without the x / -1 check; against gc on edge values.

//go:noinline
func s64(x int64) (int64, int64, int64, int64, int64, int64, int64, int64) {
	return x / 2, x % 2, x / 8, x % 8, x / (1 << 40), x % (1 << 40), x / 3, x % -7
}

//go:noinline
func s32(x int32) (int32, int32, int32, int32, int32, int32) {
	return x / 2, x % 4, x / (1 << 30), x % (1 << 30), x / -5, x % 10
}

//go:noinline
func u64(x uint64) (uint64, uint64, uint64, uint64, uint64, uint64) {
	return x / 16, x % 16, x / (1 << 63), x % (1 << 63), x % (1 << 33), x / 10
}

//go:noinline
func u32(x uint32) (uint32, uint32, uint32, uint32) {
	return x / 2, x % (1 << 31), x / (1 << 31), x % 1024
}

//go:noinline
func narrow(a int8, b uint16) (int8, int8, uint16, uint16) {
	return a / 4, a % 4, b / 8, b % 8
}

func main() {
	for _, x := range []int64{0, 1, -1, 2, -2, 7, -7, 8, -8, 9, -9, 1 << 40, -(1 << 40), 1<<40 + 3, -(1<<40 + 3), 1<<63 - 1, -1 << 63} {
		println(s64(x))
		println(s32(int32(x)))
		println(s32(int32(x >> 20)))
		println(u64(uint64(x)))
		println(u32(uint32(x)))
		println(narrow(int8(x), uint16(x)))
	}
}
