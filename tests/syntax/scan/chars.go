package p

var x = 1 @ # $ ?
var y = 2 \ 
var ä, ñ, 日本 = 1, 2, 3
var x€ = 1
var ١x = 1
var £ = 1
