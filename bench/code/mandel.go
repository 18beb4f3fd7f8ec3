// mandel: mandelbrot set as a bitmap; float loops and byte stores.
package main

func main() {
	const size = 2400
	const iter = 50
	out := make([]byte, size*size/8)
	idx := 0
	for y := 0; y < size; y++ {
		ci := 2*float64(y)/size - 1
		var bits byte
		for x := 0; x < size; x++ {
			cr := 2*float64(x)/size - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for ; i < iter && tr+ti <= 4; i++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			bits <<= 1
			if tr+ti <= 4 {
				bits |= 1
			}
			if x%8 == 7 {
				out[idx] = bits
				idx++
				bits = 0
			}
		}
	}
	h := uint32(2166136261)
	for _, b := range out {
		h = (h ^ uint32(b)) * 16777619
	}
	println(h)
}
