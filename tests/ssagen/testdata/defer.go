package main

type E struct{ s string }

func (e E) Error() string { return "E:" + e.s }

func f(n int) (r int) {
	defer func() {
		r *= 2
	}()
	defer println("deferred", n)
	return n + 1
}

func g() (x int) {
	defer func() {
		if e := recover(); e != nil {
			println("recovered:", e.(string))
			x = 42
		}
	}()
	panic("boom")
}

func h(a []int, i int) (v int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = "caught"
		}
	}()
	return a[i], ""
}

type T struct{ n int }

func (t *T) inc() { t.n++ }

func loop() int {
	t := &T{}
	for i := 0; i < 5; i++ {
		defer t.inc()
	}
	return t.n
}

func nested() {
	defer func() {
		r := recover()
		println("outer recovered", r.(error).Error())
	}()
	defer func() {
		panic(E{"second"})
	}()
	panic(E{"first"})
}

func main() {
	println(f(3))
	println(g())
	v, err := h([]int{1, 2}, 5)
	println(v, err)
	v, err = h([]int{1, 2}, 1)
	println(v, err)
	println(loop())
	nested()
	m := map[string]int{"a": 1}
	defer delete(m, "a")
	defer func() {
		println("len", len(m))
	}()
	var e error = E{"final"}
	panic(e)
}
