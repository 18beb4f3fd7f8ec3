//go:build linux

package p

//go:noinline
//line foo.go:10
func f() {} //go:nosplit
/*line bar.go:1:1*/ var x = 1
//export F
//extern g
