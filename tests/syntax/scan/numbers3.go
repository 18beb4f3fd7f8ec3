package p

var (
	a = 0b1_0__1
	b = 0x1_p1
	c = 1_000_000.000_001e1_0i
	d = 0x_1.8p-2
	f = 012_8
	g = 00
	h = 1E5
	i = 0XABCDEFp+10
	j = 0B11
	k = 0O17
	l = 0.i
)

var (
	m = 0b1e2
	n = 1p2
)
