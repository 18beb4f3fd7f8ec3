// The spec's illegal built-in calls ("Making slices, maps and channels",
// "Manipulating complex numbers").
package main

var s uint = 2

func main() {
	s1 := make([]int, 1<<63) // ERROR illegal: len(s) is not representable by a value of type int
	s2 := make([]int, 10, 0) // ERROR illegal: len(s) > cap(s)
	_ = complex(1, 2<<s)     // ERROR illegal: 2 assumes floating-point type, cannot shift
	_ = imag(3 << s)         // ERROR illegal: 3 assumes complex type, cannot shift
	_, _ = s1, s2
}
