package p

var a = 0x
