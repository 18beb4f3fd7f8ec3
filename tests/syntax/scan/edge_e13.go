package p

var a = 1e+
var b = 1E-_
