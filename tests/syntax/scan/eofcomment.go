package p

var x = 1 // no newline at EOF