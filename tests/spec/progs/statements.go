// Examples of the spec's "Statements" sections: labeled, expression, send,
// if, switch, type switch, for (condition, clause, range), go, select,
// return, break, continue, goto.
package main

type Work int

func producer() chan Work {
	ch := make(chan Work, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	return ch
}

func doWork(w Work) { println("work", w) }

// spec Return statements: noResult, simpleF, complexF1, complexF2, complexF3, devnull.Write
func noResult() {
	return
}

func simpleF() int {
	return 2
}

func complexF1() (re float64, im float64) {
	return -7.0, -4.0
}

func complexF2() (re float64, im float64) {
	return complexF1()
}

func complexF3() (re float64, im float64) {
	re = 7.0
	im = 4.0
	return
}

type devnull struct{}

type error2 interface{ Error() string }

func (devnull) Write(p []byte) (n int, _ error2) {
	n = len(p)
	return
}

// spec Type switches: f[P any](x any) int with case P and case []P
func f[P any](x any) int {
	switch x.(type) {
	case P:
		return 0
	case string:
		return 1
	case []P:
		return 2
	case []byte:
		return 3
	default:
		return 4
	}
}

var v1 = f[string]("foo")  // v1 == 0
var v2 = f[byte]([]byte{}) // v2 == 2

// spec Type switches: the switch on x.(type) with nil, int, float64, func(int) float64, bool/string, default
func typeName(x interface{}) {
	switch i := x.(type) {
	case nil:
		println("x is nil") // type of i is type of x (interface{})
		_ = i
	case int:
		println("int", i) // type of i is int
	case float64:
		println("float64", i) // type of i is float64
	case func(int) float64:
		println("func", i(2)) // type of i is func(int) float64
	case bool, string:
		println("type is bool or string", i == interface{}(true)) // type of i is type of x (interface{})
	default:
		println("don't know the type") // type of i is type of x (interface{})
	}
}

// spec Type switches: the same, written with type assertions
func typeName2(x interface{}) {
	v := x // x is evaluated exactly once
	if v == nil {
		i := v
		_ = i
		println("x is nil")
	} else if i, isInt := v.(int); isInt {
		println("int", i)
	} else if i, isFloat64 := v.(float64); isFloat64 {
		println("float64", i)
	} else if i, isFunc := v.(func(int) float64); isFunc {
		println("func", i(2))
	} else {
		_, isBool := v.(bool)
		_, isString := v.(string)
		if isBool || isString {
			i := v
			println("type is bool or string", i == interface{}(true))
		} else {
			i := v
			_ = i
			println("don't know the type")
		}
	}
}

func main() {
	// spec Labeled statements: Error: log.Panic("error encountered") (a labeled statement reached by goto)
	{
		n := 0
		if n == 0 {
			goto Error
		}
		println("not reached")
	Error:
		println("error encountered")
	}

	// spec Expression statements: h(x+y); f.Close(); <-ch; (<-ch); len("foo") only in expressions
	{
		h := func(v int) { println("h", v) }
		x, y := 1, 2
		h(x + y)
		var fc struct{ Close func() }
		fc.Close = func() { println("Close") }
		fc.Close()
		ch := make(chan int, 2)
		ch <- 1
		ch <- 2
		<-ch
		(<-ch)
		println(len(ch), len("foo"))
	}

	// spec Send statements: ch <- 3
	{
		ch := make(chan int, 1)
		ch <- 3 // send value 3 to channel ch
		println(<-ch)
	}

	// spec If statements: if x > max { x = max }
	{
		x, max := 12, 10
		if x > max {
			x = max
		}
		println(x)
	}
	// spec If statements: if x := f(); x < y { return x } else if x > z { return z } else { return y }
	{
		g := func(fx, y, z int) int {
			f := func() int { return fx }
			if x := f(); x < y {
				return x
			} else if x > z {
				return z
			} else {
				return y
			}
		}
		println(g(1, 5, 9), g(12, 5, 9), g(7, 5, 9))
	}

	// spec Expression switches: switch tag with default first; switch x := f(); { ... }; switch { case x < y ... }
	{
		for _, tag := range []int{0, 5, 9} {
			switch tag {
			default:
				println("s3")
			case 0, 1, 2, 3:
				println("s1")
			case 4, 5, 6, 7:
				println("s2")
			}
		}
		abs := func(v int) int {
			f := func() int { return v }
			switch x := f(); { // missing switch expression means "true"
			case x < 0:
				return -x
			default:
				return x
			}
		}
		println(abs(-4), abs(4))
		for _, xyz := range [][3]int{{1, 2, 3}, {3, 2, 4}, {4, 3, 2}, {5, 4, 3}} {
			x, y, z := xyz[0], xyz[1], xyz[2]
			switch {
			case x < y:
				println("f1")
			case x < z:
				println("f2")
			case x == 4:
				println("f3")
			}
		}
		// fallthrough
		switch 1 {
		case 1:
			print("one ")
			fallthrough
		case 2:
			println("two")
		case 3:
			println("three")
		}
	}

	// spec Type switches: switch x.(type) { ... } and the equivalent if/else chain
	for _, x := range []interface{}{nil, 7, 2.5, func(i int) float64 { return float64(i) / 4 }, true, "s", []int{}} {
		typeName(x)
		typeName2(x)
	}
	// spec Type switches: v1 == 0, v2 == 2 for generic f
	println(v1, v2, f[int](3), f[int]("s"), f[int]([]byte{}), f[int](1.5))

	// spec For statements with single condition: for a < b { a *= 2 }
	{
		a, b := 1, 100
		for a < b {
			a *= 2
		}
		println(a)
	}
	// spec For statements with for clause: for i := 0; i < 10; i++ { f(i) }
	{
		for i := 0; i < 10; i++ {
			print(i, " ")
		}
		println()
		// spec For statements with for clause: for cond { S() } is for ; cond ; { S() }; for { S() } is for true { S() }
		n := 0
		for n < 3 {
			n++
		}
		for n < 6 {
			n++
		}
		for ; n < 9; {
			n++
		}
		for {
			n++
			if n > 11 {
				break
			}
		}
		for true {
			n++
			break
		}
		println(n)
		// each iteration has its own i (Go 1.19: one i shared by all iterations of a for clause)
		var fs []func() int
		for i := 0; i < 3; i++ {
			fs = append(fs, func() int { return i })
		}
		println(fs[0](), fs[2]())
	}

	// spec For statements with range clause: the range of testdata.a is never evaluated when len is constant
	{
		var testdata *struct {
			a *[7]int
		}
		for i, _ := range testdata.a {
			print(i, " ")
		}
		println()
		// spec For statements with range clause: var a [10]string; for i, s := range a { g(i, s) }
		var a [10]string
		a[3] = "three"
		for i, s := range a {
			if s != a[i] {
				println("bad")
			}
			if s != "" {
				println(i, s)
			}
		}
		// spec For statements with range clause: for key, val = range m { h(key, val) }
		var key string
		var val interface{} // element type of m is assignable to val
		m := map[string]int{"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
		sum := 0
		for key, val = range m {
			sum += val.(int)
			if m[key] != val.(int) {
				println("bad")
			}
		}
		println(sum, m[key] == val.(int))
		// spec For statements with range clause: for w := range ch { doWork(w) }; for range ch {}
		var ch chan Work = producer()
		for w := range ch {
			doWork(w)
		}
		ch2 := producer()
		for range ch2 {
		}
		println(len(ch2))
		// range over a string yields runes; invalid UTF-8 yields 0xFFFD, one byte
		for i, r := range "aé\xffz" {
			print(i, ":", r, " ")
		}
		println()
		// the range expression is evaluated once; the loop works on a copy of an array
		arr := [3]int{1, 2, 3}
		for i, v := range arr {
			arr[2] = 10
			if i == 2 {
				println(v)
			}
		}
		sl := []int{1, 2, 3}
		for i := range sl {
			sl = append(sl, i) // does not extend the iteration
		}
		println(len(sl))
	}

	// spec Go statements: go Server(); go func(ch chan<- bool) { ...; ch <- true }(c)
	{
		done := make(chan bool)
		server := func() { done <- true }
		go server()
		<-done
		c := make(chan bool)
		go func(ch chan<- bool) {
			for i := 0; i < 3; i++ {
				ch <- true
			}
			close(ch)
		}(c)
		n := 0
		for range c {
			n++
		}
		println("go", n)
	}

	// spec Select statements: select with receive, send, receive with ok, receive into a[f()], default
	{
		var a []int = make([]int, 2)
		var c1, c2, c3, c4 chan int
		var i1, i2 int
		f := func() int { println("f called"); return 1 }
		for round := 0; round < 5; round++ {
			c1, c2, c3, c4 = nil, nil, nil, nil
			switch round {
			case 0:
				c1 = make(chan int, 1)
				c1 <- 11
			case 1:
				c2 = make(chan int, 1)
				i2 = 22
			case 2:
				c3 = make(chan int, 1)
				c3 <- 33
			case 3:
				c3 = make(chan int)
				close(c3)
			case 4:
				c4 = make(chan int, 1)
				c4 <- 44
			}
			select {
			case i1 = <-c1:
				print("received ", i1, " from c1\n")
			case c2 <- i2:
				print("sent ", i2, " to c2\n")
			case i3, ok := (<-c3): // same as: i3, ok := <-c3
				if ok {
					print("received ", i3, " from c3\n")
				} else {
					print("c3 is closed\n")
				}
			case a[f()] = <-c4:
				println("a[1] =", a[1])
			default:
				print("no communication\n")
			}
		}
		c1, c2, c3, c4 = nil, nil, nil, nil
		select {
		case i1 = <-c1:
		default:
			print("no communication\n")
		}
		// spec Select statements: for { select { case c <- 0: case c <- 1: } } (a random sequence of bits)
		c := make(chan int)
		go func() {
			for {
				select {
				case c <- 0: // note: no statement, no fallthrough, no folding of cases
				case c <- 1:
				}
			}
		}()
		ones, zeros := 0, 0
		for i := 0; i < 1000; i++ {
			if <-c == 1 {
				ones++
			} else {
				zeros++
			}
		}
		println(ones+zeros, ones > 100, zeros > 100)
	}

	// spec Return statements
	noResult()
	re, im := complexF2()
	re3, im3 := complexF3()
	n, err := devnull{}.Write([]byte("abc"))
	println(simpleF(), re, im, re3, im3, n, err == nil)

	// spec Break statements: OuterLoop with switch and break OuterLoop
	{
		const (
			Error = iota + 1
			Found
		)
		item := new(int)
		other := new(int)
		for _, a := range [][][]*int{{{other, other}, {other, item}}, {{other, nil}}, {{other}}} {
			var i, j, state int
			n, m := len(a), len(a[0])
		OuterLoop:
			for i = 0; i < n; i++ {
				for j = 0; j < m; j++ {
					switch a[i][j] {
					case nil:
						state = Error
						break OuterLoop
					case item:
						state = Found
						break OuterLoop
					}
				}
			}
			println(i, j, state)
		}
	}
	// spec Continue statements: RowLoop with continue RowLoop
	{
		const endOfRow = -1
		bias := func(x, y int) int { return 10*y + x }
		rows := [][]int{{1, 2, endOfRow, 4}, {5, endOfRow}, {7, 8}}
	RowLoop:
		for y, row := range rows {
			for x, data := range row {
				if data == endOfRow {
					continue RowLoop
				}
				row[x] = data + bias(x, y)
			}
		}
		for _, row := range rows {
			for _, d := range row {
				print(d, " ")
			}
		}
		println()
	}
	// spec Goto statements: goto Error (above); goto L1 into a for body is illegal, the equivalent with goto inside the block
	{
		for _, n := range []int{4, 5} {
			calls := 0
			f := func() { calls++ }
			if n%2 == 1 {
				n--
				f()
			}
			for n > 0 {
				f()
				n--
				f()
				n--
			}
			println(calls)
		}
		i := 0
	loop:
		if i < 3 {
			i++
			goto loop
		}
		println("goto loop", i)
	}
}
