package p

var (
	j = 0x_1
	k = 1e
	o = 0_1
	p = 1e+_1
	q = 0x.p1
	r = 09.5
	s = 09i
	t = 0o
	u = 0b
	v = 1.e5
	w = .5_
	x = 0x1p
	y = 0X_
	z = 0o1.5
)
