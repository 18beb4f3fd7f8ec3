package p

var a = 0x
//line baz.go:4294967296
var b = 0o
/*line x.go:5:5*/ /*line y.go:7*/ var c = 0b
/*line z.go:9:2
*/ var d = 0b
/*line a.go
:9*/ var e = 0b
