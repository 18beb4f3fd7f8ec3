package p

func f(x, y int) {
	if x = y {
	}
	if x := y {
	}
}
