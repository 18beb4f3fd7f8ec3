package p

var a = '\u