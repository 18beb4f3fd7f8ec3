package p

var a = "\x