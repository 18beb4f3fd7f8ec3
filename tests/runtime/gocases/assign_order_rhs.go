// A single assignment whose target panics (nil pointer, index out of
// range, nil array pointer, nil map): the right-hand side is evaluated
// first (the spec: the operands of index expressions and pointer
// indirections on the left and the expressions on the right are
// evaluated, then the assignment is carried out), so its calls run before
// the panic.  (Found by tests/fuzz/goprog.sh: goc checked the target
// first and never called f.)  Cases where the order is unspecified (a
// read through the nil pointer on the left, as in np.a += g()) are left
// out.
package main

type S struct{ a, b int }

func f() S   { println("f called"); return S{1, 2} }
func g() int { println("g called"); return 3 }

func try(name string, fn func()) {
	defer func() { println(name, recover().(error).Error()) }()
	fn()
}

func main() {
	var np *S
	try("*np = f()", func() { *np = f() })
	try("np.a = g()", func() { np.a = g() })
	s := []int{1}
	i := 5
	try("s[i] = g()", func() { s[i] = g() })
	var pa *[3]int
	try("pa[1] = g()", func() { pa[1] = g() })
	a := [2]int{}
	try("a[i] = g()", func() { a[i] = g() })
	var m map[int]int
	try("m[1] = g()", func() { m[1] = g() })
	try("s[i], a[0] = g(), g()", func() { s[i], a[0] = g(), g() })
	println(a[0])
}
