package p

var a = 0b_
var b = 0_
var c = 1_.5
