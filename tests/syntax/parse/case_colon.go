package p

func f(x int) {
	switch x {
	case 1
		x++
	}
	select {
	x := 1
	}
}
