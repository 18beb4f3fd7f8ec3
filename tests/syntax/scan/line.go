package p

//line foo.go:10
var x = '\q'
//line :20:5
var y = "\q"
/*line bar.go:30:7*/ var z = 0x
//line baz.go:abc
var a = 0b
//line baz.go:0
//line baz.go:1:0
//line baz.go:1:99999999999
	//line notapplied.go:100
var c = 0b
