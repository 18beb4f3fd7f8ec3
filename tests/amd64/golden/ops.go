// Functions that make gc emit a wide range of amd64 instructions; their
// -S listing is the golden file of tests/amd64 (see ../mkgolden.sh).
package main

import (
	"math"
	"math/bits"
	"sync/atomic"
)

type T struct {
	a, b int64
	c    int32
	d    float64
	e    uint8
	f    int16
	g    [3]uint32
}

type Big struct{ a [40]int64 }

var (
	gi    [10]int
	sink  Big
	cnt   int32
	cnt64 int64
	p64   *int64
	gf    float32
	gs    string
	gu8   uint8
	gptr  *T
)

//go:noinline
func arith(x, y int, p *T, s []byte) int {
	if x < 10 {
		x += 3
	}
	p.c = int32(y)
	p.d = math.Sqrt(float64(x)) + p.d
	gi[x&7] = len(s)
	return x*y/7 + int(s[y]) + int(p.b>>3)
}

//go:noinline
func shifts(a uint32, b int8, c uint64, d int64, n uint) (uint64, int64, uint32, uint16, int8) {
	return uint64(a)<<(b&63) | uint64(b), d >> n, a >> (n & 31), uint16(c) << 3, b >> 2
}

//go:noinline
func cmps(a, b int, c uint8, d int16) (bool, uint8, int16) { return a == b, c << (a & 7), d >> uint(b) }

//go:noinline
func floats(x float64, y float32) (int64, float64, float32, uint64) {
	return int64(x), math.Floor(x), float32(x) * y, math.Float64bits(x)
}

//go:noinline
func floats2(x, y float64, i int32, u uint64) (float64, bool, float32, float64, uint32) {
	return x/y - float64(i), x < y, float32(i) + float32(u), float64(u), math.Float32bits(float32(x))
}

//go:noinline
func bitsf(x uint64, y uint32) (int, int, int, uint64, uint32, int) {
	return bits.TrailingZeros64(x), bits.LeadingZeros64(x), bits.OnesCount64(x),
		bits.ReverseBytes64(x), bits.ReverseBytes32(y), bits.Len32(y)
}

//go:noinline
func atomics() {
	atomic.AddInt32(&cnt, 5)
	atomic.AddInt64(&cnt64, -1)
	atomic.CompareAndSwapInt64(p64, 1, 2)
	atomic.CompareAndSwapInt32(&cnt, 1, 2)
	atomic.StoreInt32(&cnt, 3)
	atomic.StoreInt64(&cnt64, 3)
	_ = atomic.SwapInt64(&cnt64, 9)
	sink = Big{}
}

//go:noinline
func copyBig(b *Big) { sink = *b }

//go:noinline
func divs(a []int, i int, u uint32, v uint64, w int16) (int, uint32, uint64, int16, int8) {
	return a[i] / i % 3, u / uint32(i), v % uint64(i), w / int16(i), int8(i) / int8(u)
}

//go:noinline
func fmath(x float64) float64 { return math.Copysign(x, -1) + math.Abs(x) + math.Sqrt(x) }

//go:noinline
func rot(a, b uint32, c int8) (uint32, bool, uint64) {
	return bits.RotateLeft32(a, int(b)), int8(a) < c, bits.RotateLeft64(uint64(a), 13)
}

//go:noinline
func mul(a, b int64, c uint64) (int64, uint64, uint64, int64) {
	hi, lo := bits.Mul64(c, uint64(b))
	return a * 7, hi, lo, a * b * 1000
}

//go:noinline
func adds(a, b uint64) (uint64, uint64) { return bits.Add64(a, b, 1) }

//go:noinline
func subs(a, b uint64) (uint64, uint64) { return bits.Sub64(a, b, 1) }

//go:noinline
func bytesf(p *T, b byte, s []uint8, w uint16) uint8 {
	p.e = b + 1
	p.f = int16(w) - 3
	s[1] ^= b
	s[2] |= 0x80
	s[3] &= 0x7f
	gu8 = b
	p.g[1] = uint32(b)
	return s[0] + b
}

//go:noinline
func cond(a, b int, x, y float64) int {
	r := 0
	if a > b {
		r = a
	}
	if x == y {
		r++
	}
	if x != y {
		r--
	}
	if a >= 0 && b <= 100 {
		r += 5
	}
	if uint(a) > uint(b) {
		r *= 3
	}
	return r
}

//go:noinline
func loops(s []int, m map[int]int) (t int) {
	for i, v := range s {
		t += v * i
	}
	for k := range m {
		t -= k
	}
	return
}

//go:noinline
func strs(a, b string) (string, bool, int) { return a + b, a < b, len(a) }

//go:noinline
func ifaces(x interface{}) int {
	switch v := x.(type) {
	case int:
		return v
	case string:
		return len(v)
	case *T:
		return int(v.a)
	}
	return -1
}

//go:noinline
func closures(n int) func() int { return func() int { n++; return n } }

//go:noinline
func big(x int64, u uint64) (int64, uint64, bool, int32) {
	return x + 0x123456789, u & 0xffffffff00, x > 1<<40, int32(x) + 1000000
}

//go:noinline
func negs(a int64, b int32, c float64, d float32) (int64, int32, float64, float32, int64) {
	return -a, ^b, -c, -d, a &^ 0xff
}

//go:noinline
func conv(a int8, b uint16, c int32, d uint32, e int64) (int64, int64, uint64, int64, int16, int32) {
	return int64(a), int64(b), uint64(d), int64(c), int16(e), int32(b)
}

//go:noinline
func defers(x *int) {
	defer func() { recover() }()
	*x = 1
	panic("x")
}

func main() {
	t := &T{}
	arith(1, 2, t, []byte{1, 2, 3})
	shifts(1, 2, 3, 4, 5)
	cmps(1, 2, 3, 4)
	floats(1, 2)
	floats2(1, 2, 3, 4)
	bitsf(1, 2)
	atomics()
	copyBig(&sink)
	divs([]int{1, 2}, 1, 2, 3, 4)
	fmath(1)
	rot(1, 2, 3)
	mul(1, 2, 3)
	adds(1, 2)
	subs(1, 2)
	bytesf(t, 1, []uint8{1, 2, 3, 4}, 5)
	cond(1, 2, 3, 4)
	loops([]int{1}, map[int]int{1: 2})
	strs("a", "b")
	ifaces(1)
	closures(1)()
	big(1, 2)
	negs(1, 2, 3, 4)
	conv(1, 2, 3, 4, 5)
	var x int
	defers(&x)
}
