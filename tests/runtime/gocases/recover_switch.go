package main

// Runtime errors recovered and examined with a type switch, compared
// with == (eface and iface), and re-panicked: the re-panic prints the error's text.

func f(i int) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = r
		default:
			println("unexpected")
		}
	}()
	a := []int{1}
	_ = a[i]
	return nil
}

func g() {
	defer func() {
		r := recover()
		e := r.(error)
		e2, _ := r.(error)
		println("got:", e.Error(), r == r, e == e2)
		panic(r)
	}()
	var m map[int]int
	m[1] = 2
}

func main() {
	println(f(0) == nil)
	println(f(3).Error())
	g()
}
