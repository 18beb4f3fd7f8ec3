package p

func f() {
	x := 1 // c
	y := 2 /* a */ /* b
	*/ z := 3 /* c */
	return
	break /* x */ ; continue
	i++ /* multi
	line */
	a[0]--
	fallthrough /* a */ // b
	b.c()
	_ = '\'' /**/
	_ = 0x1p-2i
	_ = .5e+3 + 1. + 0.
	for _, ä := range 日本 {
	}
	_ = a.. /* dots */ b
}
