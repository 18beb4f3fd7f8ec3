package p

func f(x int) {
	x = 1 2
	x++ x
}
