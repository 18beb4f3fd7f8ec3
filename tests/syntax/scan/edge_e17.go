package p

var a = `ÿ`
