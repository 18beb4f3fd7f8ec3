package p

var x
const c int
