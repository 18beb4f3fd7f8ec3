package p

var a = "\400\777"
