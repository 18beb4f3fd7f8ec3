package main

func f() {
	defer println("deferred in f")
	defer func() {
		println("recover in f gives nil:", recover() == nil)
	}()
	g()
}

func g() {
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}

func main() {
	defer println("deferred in main")
	f()
}
