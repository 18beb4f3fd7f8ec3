// Examples of the spec's "Defer statements" and "Built-in functions"
// sections: length and capacity, allocation, making slices, maps and
// channels, append and copy, delete, complex numbers, panics and recover,
// print and println.
package main

// spec Defer statements: f returns 42 (the deferred closure multiplies result by 7)
func f() (result int) {
	defer func() {
		// result is accessed after it was set to 6 by the return statement
		result *= 7
	}()
	return 6
}

// spec Defer statements: lock(l); defer unlock(l)
type lockT struct{ held bool }

func lock(l *lockT)   { l.held = true; println("lock") }
func unlock(l *lockT) { l.held = false; println("unlock") }

func withLock(l *lockT) int {
	lock(l)
	defer unlock(l) // unlocking happens before surrounding function returns
	println("held:", l.held)
	return 1
}

// spec Defer statements: for i := 0; i <= 3; i++ { defer fmt.Print(i) } prints 3 2 1 0
func countdown() {
	for i := 0; i <= 3; i++ {
		defer print(i, " ")
	}
	print("countdown: ")
}

// spec Handling panics: Error("cannot parse") as a panic value
type Error string

func (e Error) Error() string { return string(e) }

// spec Handling panics: protect(g) with log.Println replaced by println
func protect(g func()) {
	defer func() {
		println("done") // Println executes normally even if there is a panic
		if x := recover(); x != nil {
			switch v := x.(type) {
			case int:
				println("run time panic:", v)
			case string:
				println("run time panic:", v)
			case error2:
				println("run time panic:", v.Error())
			}
		}
	}()
	println("start")
	g()
}

type error2 interface{ Error() string }

func main() {
	println(f())
	l := &lockT{}
	withLock(l)
	println("held after:", l.held)
	countdown()
	println()

	// spec Length and capacity: len and cap of strings, arrays, pointers to arrays, slices, maps, channels
	{
		s := "héllo"
		var arr [5]int
		pa := &arr
		var npa *[7]int
		sl := make([]int, 3, 10)
		m := map[int]bool{1: true, 2: false}
		ch := make(chan int, 4)
		ch <- 1
		var nm map[int]int
		var nsl []int
		var nch chan int
		println(len(s), len(arr), cap(arr), len(pa), cap(pa), len(npa), len(sl), cap(sl), len(m), len(ch), cap(ch))
		println(len(nm), len(nsl), cap(nsl), len(nch), cap(nch))
		// spec Length and capacity: 0 <= len(s) <= cap(s)
		println(0 <= len(sl) && len(sl) <= cap(sl))
	}

	// spec Allocation: new(T); type S struct { a int; b float64 }; new(S)
	{
		type T struct {
			i    int
			f    float64
			next *T
		}
		type S struct {
			a int
			b float64
		}
		pi := new(int)
		ps := new(S)
		// spec The zero value: t := new(T); t.i == 0; t.f == 0.0; t.next == nil
		t := new(T)
		println(*pi, ps.a, ps.b, t.i == 0, t.f == 0.0, t.next == nil, new(S) != ps)
		// spec The zero value: var i int; var i int = 0; var t T
		var i int
		var i0 int = 0
		var tv T
		println(i == i0, tv.next == nil, tv == T{})
	}

	// spec Making slices, maps and channels: make([]int, 10, 100), make([]int, 1e3), make(chan int, 10), make(map[string]int, 100)
	{
		s := make([]int, 10, 100)
		println(len(s), cap(s))
		s2 := make([]int, 1e3)
		c := make(chan int, 10)
		m := make(map[string]int, 100)
		println(len(s2), cap(s2), cap(c), len(m))
		var s3 []int = make([]int, 0)
		println(s3 != nil, len(make(map[int]int)), cap(make(chan bool)))
		n := -1
		func() {
			defer func() { println("make([]int, n) with n < 0:", recover().(error2).Error()) }()
			_ = make([]int, n)
		}()
		n = 5
		func() {
			defer func() { println("make([]int, 10, n) with n < 10:", recover().(error2).Error()) }()
			_ = make([]int, 10, n)
		}()
	}

	// spec Appending to and copying slices: s0..s4, t, b
	{
		pr := func(s []int) {
			for _, v := range s {
				print(v, " ")
			}
			println("len", len(s))
		}
		s0 := []int{0, 0}
		s1 := append(s0, 2)              // append a single element     s1 == []int{0, 0, 2}
		s2 := append(s1, 3, 5, 7)        // append multiple elements    s2 == []int{0, 0, 2, 3, 5, 7}
		s3 := append(s2, s0...)          // append a slice              s3 == []int{0, 0, 2, 3, 5, 7, 0, 0}
		s4 := append(s3[3:6], s3[2:]...) // append overlapping slice    s4 == []int{3, 5, 7, 2, 3, 5, 7, 0, 0}
		pr(s0)
		pr(s1)
		pr(s2)
		pr(s3)
		pr(s4)
		var t []interface{}
		t = append(t, 42, 3.1415, "foo") // t == []interface{}{42, 3.1415, "foo"}
		println(len(t), t[0].(int), t[1].(float64), t[2].(string))
		var b []byte
		b = append(b, "bar"...) // append string contents      b == []byte{'b', 'a', 'r' }
		println(string(b), len(b))
		// append to a slice with spare capacity shares the array
		base := make([]int, 2, 4)
		x := append(base, 9)
		base = base[:3]
		println(base[2], &x[0] == &base[0])
		var nilS []int
		println(append(nilS) == nil, len(append(nilS, nilS...)))
	}
	// spec Appending to and copying slices: n1 := copy(s, a[0:]); n2 := copy(s, s[2:]); n3 := copy(b, "Hello, World!")
	{
		var a = [...]int{0, 1, 2, 3, 4, 5, 6, 7}
		var s = make([]int, 6)
		var b = make([]byte, 5)
		n1 := copy(s, a[0:]) // n1 == 6, s == []int{0, 1, 2, 3, 4, 5}
		print(n1, ": ")
		for _, v := range s {
			print(v, " ")
		}
		println()
		n2 := copy(s, s[2:]) // n2 == 4, s == []int{2, 3, 4, 5, 4, 5}
		print(n2, ": ")
		for _, v := range s {
			print(v, " ")
		}
		println()
		n3 := copy(b, "Hello, World!") // n3 == 5, b == []byte("Hello")
		println(n3, string(b))
	}

	// spec Deletion of map elements: delete(m, k)
	{
		m := map[string]int{"a": 1, "b": 2}
		delete(m, "a")
		delete(m, "zz") // no-op
		var nm map[string]int
		delete(nm, "a") // no-op on a nil map
		_, ok := m["a"]
		println(len(m), ok, m["b"])
	}

	// spec Manipulating complex numbers: complex, real, imag
	{
		var re, im float64 = 1.5, -2
		z := complex(re, im)
		var f32 float32 = 3
		z64 := complex(f32, f32)
		println(z, real(z), imag(z), z64, real(z64)+imag(z64))
	}

	// spec Handling panics: panic(42); panic("unreachable"); panic(Error("cannot parse")) caught by protect
	protect(func() { panic(42) })
	protect(func() { panic("unreachable") })
	protect(func() { panic(Error("cannot parse")) })
	protect(func() { println("no panic") })
	protect(func() {
		var a []int
		_ = a[5]
	})
	// recover returns nil outside a panic and when not called directly by a deferred function
	println(recover() == nil)
	func() {
		defer func() {
			r := func() interface{} { return recover() }() // not called directly by the deferred function: nil
			println("nested recover:", r == nil)
			println("direct recover:", recover().(int))
		}()
		panic(7)
	}()
	// spec Handling panics: a deferred call's panic replaces the current one
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		defer func() { panic("second") }()
		panic("first")
	}()

	// spec Bootstrapping: print prints its arguments, println adds spaces and a newline
	print("a", 1, true, 2.5, 'x', "\n")
	println("a", 1, true, 2.5, 'x')
	var np *int
	var ni interface{}
	println(np == nil, ni == nil)
}
