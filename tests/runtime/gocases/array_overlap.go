// Partly overlapping array copies through slice-to-array-pointer
// conversions behave as memmove (GOROOT/test/fixedbugs/issue54467.go).
package main

func main() {
	var a [20]byte
	for i := range a {
		a[i] = byte(i)
	}
	*(*[12]byte)(a[1:13]) = *(*[12]byte)(a[0:12])
	println(a[0], a[1], a[2], a[12], a[13])
	b := [5]int{1, 2, 3, 4, 5}
	*(*[3]int)(b[:3]) = *(*[3]int)(b[2:])
	println(b[0], b[1], b[2], b[3], b[4])
	var c [3]byte = [3]byte{1, 2, 3}
	x := [4]byte{9, 8, 7, 6}
	*(*[3]byte)(x[1:]) = *(*[3]byte)(x[:3])
	println(c[0], x[0], x[1], x[2], x[3])
}
