// Slice bounds errors of arrays and pointers to arrays say "with length"
// (gc: BoundsSliceAlen, BoundsSlice3Alen), of slices "with capacity", of
// strings "with length": 2- and 3-index forms, every operand kind.
// (Found by tests/fuzz/goprog.sh: goc said "capacity" for arrays.)
package main

func try(f func()) {
	defer func() { println(recover().(error).Error()) }()
	f()
}

func main() {
	var a [4]int
	pa := &[5]int8{}
	s := make([]int, 2, 3)
	str := "abc"
	hi, mx, lo := 6, 7, 3
	try(func() { _ = a[:hi] })
	try(func() { _ = a[lo:hi] })
	try(func() { _ = a[:1:mx] })
	try(func() { _ = a[:hi:mx] })
	try(func() { _ = a[:lo:hi-4] })
	try(func() { _ = pa[:hi] })
	try(func() { _ = pa[1:hi:mx] })
	try(func() { _ = pa[lo:2] })
	try(func() { _ = s[:hi] })
	try(func() { _ = s[:1:mx] })
	try(func() { _ = s[lo:] })
	try(func() { _ = str[:hi] })
	try(func() { _ = str[lo+1:] })
	u8 := uint8(200)
	try(func() { _ = a[:u8] })
	try(func() { _ = pa[:2:u8] })
}
