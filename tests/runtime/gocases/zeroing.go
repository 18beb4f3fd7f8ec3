// Zeroing of memory blocks of each size class (OpZero: 16-byte moves,
// then an 8/4/2/1-byte tail; a loop from 128 bytes), with a heap pointer
// live in AX across the zeroing.
package main

type S1 struct{ i int }
type S3 struct{ a, b S1 }
type S5 struct {
	S3
	c, d, e int
}

type B13 [13]byte
type B40 [5]int
type B152 [19]int

var g = [5]int{1, 2, 3}

//go:noinline
func fill(p *B152) { p[0] = 1 }

func main() {
	p := new([2]int)
	var s S5
	var b B13
	var c B40
	var d B152
	fill(&d)
	println(p != nil, s.e, b[12], c[4], d[18], g[3], g[4])
	for i := 0; i < 3; i++ {
		var x [7]int32
		x[i] = 1
		var y [3]int
		y[i] = 1
		println(x[6], y[2])
	}
}
