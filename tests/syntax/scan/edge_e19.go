package p

var ​ = 1
