// Function literals with defer (and recover) inside functions with and
// without results: called in place, stored, started with go.
package main

func f() int {
	func() { defer println("in f") }()
	return 1
}

func g() (r int, s string) {
	x := 3
	func() {
		defer func() { x++ }()
		x *= 2
	}()
	r = x
	s = "g"
	return
}

func h() (int, error) {
	v := func() (res int) {
		defer func() {
			if recover() != nil {
				res = -1
			}
		}()
		var m map[int]int
		m[1] = 2
		return 5
	}()
	return v, nil
}

func k() int {
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int {
			defer func() { i += 10 }()
			return i
		})
	}
	t := 0
	for _, fn := range fs {
		t += fn()
	}
	return t
}

func gor() int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		defer func() { ch <- 7 }()
	}()
	s := 0
	for v := range ch {
		s += v
	}
	return s
}

type T struct{ n int }

func (t *T) m() (out int) {
	func() {
		defer func() { recover(); t.n = 9 }()
		panic("x")
	}()
	return t.n
}

func nested() (a int) {
	defer func() { a *= 2 }()
	func() {
		func() {
			defer func() { a = 21 }()
		}()
	}()
	return a
}

func main() {
	println(f())
	println(g())
	println(h())
	println(k())
	println(gor())
	println((&T{}).m())
	println(nested())
}
