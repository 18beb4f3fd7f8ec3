// Builtins in less common forms: append(f()) and complex(f()) with a
// multi-valued call as the operands; copy deferred and started as a
// goroutine (arguments evaluated at the statement, gc's closure).
package main

type P struct{ x, y, z int }

func ps() ([]P, P, P)          { return []P{{1, 2, 3}}, P{4, 5, 6}, P{7, 8, 9} }
func is() ([]any, int, string) { return nil, 1, "a" }
func fs() (float64, float64)   { return 5, 7 }

func f(s []int) {
	c := make(chan []int, 1)
	c <- []int{1, 2, 3}
	defer copy(s, <-c)
	s[0] = 9
}

func g(b []byte) {
	defer copy(b, "hey")
	defer copy(b[1:], string("xy"))
}

func h(b []byte, done chan bool) {
	go copy(b, "go!")
	go func() { done <- true }()
}

func main() {
	s := append(ps())
	println(len(s), s[1].y, s[2].z)
	t := append(is())
	println(len(t), t[0].(int), t[1].(string))
	c := complex(fs())
	println(real(c), imag(c))
	x := make([]int, 2)
	f(x)
	println(x[0], x[1])
	b := make([]byte, 4)
	g(b)
	println(string(b[:3]), b[3])
	done := make(chan bool)
	h(make([]byte, 3), done)
	<-done
}
