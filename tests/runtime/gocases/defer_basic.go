package main

type E struct{ s string }

func (e *E) Error() string { return "E:" + e.s }

func order() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	x := 10
	defer println("x at defer time", x)
	x = 20
	println("body", x)
}

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func helper() interface{} { return recover() }

func indirect() (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "outer recovered " + r.(string)
		}
	}()
	defer func() {
		r := helper() // not called directly by the deferred function: nil
		println("helper recover nil:", r == nil)
	}()
	panic("p1")
}

func repanic() (res string) {
	defer func() {
		r := recover()
		res = r.(error).Error()
	}()
	defer func() {
		recover()
		panic(&E{"second"})
	}()
	panic("first")
}

func nested(n int) int {
	defer func() {
		if r := recover(); r != nil {
			println("nested recovered at", n, r.(int))
		}
	}()
	if n == 0 {
		panic(42)
	}
	return nested(n-1) + 1
}

func deep(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		panic("deep")
	}
	return deep(n-1) + buf[n%64]
}

func growing() (s string) {
	defer func() {
		s = recover().(string)
	}()
	deep(2000)
	return "no"
}

func main() {
	order()
	println(named())
	println(indirect())
	println(repanic())
	println(nested(3))
	println(growing())
}
