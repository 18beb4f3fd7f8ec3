package p

var a = 'x
var b = '
var c = '\
var d = '\u12'
var e = '\a\b'
var j = '\8'
var k = 'é\n'
