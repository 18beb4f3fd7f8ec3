package p

var (
	a = "\q"
	b = "abc
	c = "\xZZ"
	d = "\377" + "\400"
	e = "\u12"
	f = "\'"
	g = "\uDFFF\U0000D800"
	h = "é\u00e9\a\b\f\n\r\t\v\\\"\x00\000"
	i = "\UFFFFFFFF"
	j = "\x
"
)
