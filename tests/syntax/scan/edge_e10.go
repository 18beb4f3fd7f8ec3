package p

var a = 1__0.0_1e1_0
