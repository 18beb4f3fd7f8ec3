package p

func f(s []int) {
	_ = s[1::2]
	_ = s[1:2:]
}
