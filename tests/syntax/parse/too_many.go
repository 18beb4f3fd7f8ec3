package p

func f() {
	a b
	a b
	a b
	a b
	a b
	a b
	a b
	a b
	a b
	a b
	a b
	a b
}
