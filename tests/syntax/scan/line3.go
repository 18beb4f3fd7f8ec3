package p

var a = 0x
//line b.go:3
//line c.go:1:1
var f = 0b
//line :4
var g = 0b
/*line d.go:10:20*/
var h = 0b
//line nocol.go:50
var i = 0b
/*line :60:3*/var j = 0b
