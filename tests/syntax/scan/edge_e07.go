package p

var a = "\u00"+"x"
