package p

var a = 0.
var b = 0i
var c = 0777i
var d = 0x10i
