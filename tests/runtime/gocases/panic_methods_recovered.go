// A recovered panic, then re-panicked with a String method and an
// embedded Error method.
package main

type S struct{ v [3]int }

func (s S) String() string { return "S" + string(rune('0'+s.v[2])) }

type W struct{ S }

type E struct{ code int }

func (e *E) Error() string { return "code " + string(rune('0'+e.code)) }

func f() (r int) {
	defer func() {
		if x := recover(); x != nil {
			println("f recovered", x.(interface{ String() string }).String())
			r = 5
		}
	}()
	panic(W{S{[3]int{1, 2, 9}}})
}

func main() {
	println(f())
	defer func() {
		x := recover()
		println("main recovered", x.(error).Error())
		panic(x)
	}()
	var e error = &E{4}
	panic(e)
}
