package p

func f(c chan) {}
