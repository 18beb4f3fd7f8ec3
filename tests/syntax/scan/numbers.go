package p

var (
	a = 0x
	b = 0b102
	c = 0o8
	d = 089
	e = 0x1.5
	f = 0b1.0
	g = 1_
	h = 1__2
)
