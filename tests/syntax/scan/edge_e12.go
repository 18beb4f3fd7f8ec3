package p

var a = 00_8
var b = 08_
