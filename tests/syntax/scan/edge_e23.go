package p

func f() {
	x := 1
	x++ // c
}
//line foo.go:1:1
var a = 0x /*line bar.go:5:5*/ + 0b
