// Slice bounds panics say "length" for arrays and pointers to arrays,
// "capacity" for slices only (gc's BoundsSliceAlen vs Acap).
package main

func try(f func()) {
	defer func() { println(recover().(interface{ Error() string }).Error()) }()
	f()
}

func main() {
	a := [5]int{}
	x := 6
	try(func() { _ = a[1:3:x] })
	try(func() { _ = a[1:x] })
	try(func() { p := &a; _ = p[1:x] })
	try(func() { p := &a; _ = p[1:2:x] })
	try(func() { s := a[:4]; _ = s[1:x] })
	try(func() { s := a[:4]; _ = s[1:2:x] })
	try(func() { s := "abc"; _ = s[1:x] })
}
