// Rules the spec states in prose next to its examples (not code blocks of
// their own): evaluation of method values, defer arguments, select and
// switch operands; shift counts; comparisons; channel and map panics.
package main

import "unsafe"

type T struct{ a int }

func (tv T) Mv(a int) int { return tv.a + a }

type I interface{ M(int) }

var trace string

func note(s string) { trace += s + " " }

func catch(name string, g func()) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(interface{ Error() string }); ok {
				println(name, "panics:", e.Error())
			} else {
				println(name, "panics:", r.(string))
			}
		}
	}()
	g()
}

func main() {
	// spec Method values (text): pt.Mv with a nil pt panics when the method value is evaluated
	catch("f := pt.Mv", func() {
		var pt *T
		f := pt.Mv
		println("not reached", f != nil)
	})
	// spec Method values (text): i.M with a nil interface panics when the method value is evaluated
	catch("f := i.M", func() {
		var i I
		f := i.M
		println("not reached", f != nil)
	})
	// spec Defer statements (text): the function value and arguments are evaluated when the defer executes
	func() {
		x := 1
		defer println("deferred x =", x)
		x = 2
		println("x =", x)
	}()
	// spec Defer statements (text): a nil deferred function panics when invoked, not at the defer
	catch("defer nil func", func() {
		var f func()
		defer f()
		println("after defer of nil func")
	})
	// spec Select statements (text): channel operands and send values are evaluated once, in source order, on entering select
	{
		trace = ""
		ch := func(s string, c chan int) chan int { note(s); return c }
		val := func(s string, v int) int { note(s); return v }
		a, b := make(chan int, 1), make(chan int, 1)
		b <- 5
		select {
		case ch("recv-a", nil) <- val("val-a", 1):
		case v := <-ch("recv-b", b):
			note("got")
			_ = v
		case ch("send-c", nil) <- val("val-c", 3):
		}
		_ = a
		println(trace)
	}
	// spec Switch statements (text): the switch expression once; cases left to right, top to bottom until a match
	{
		trace = ""
		e := func(s string, v int) int { note(s); return v }
		switch e("tag", 3) {
		case e("c1", 1), e("c2", 2):
			note("one-two")
		case e("c3", 3), e("c4", 4):
			note("three")
		case e("c5", 5):
		}
		println(trace)
	}
	// spec Operators (text): a negative shift count panics at run time; counts >= the width give 0 or -1
	{
		x := -8
		u := uint8(200)
		var n uint = 70
		println(x>>n, x<<n, u>>n, u<<7, x>>1, int8(-128)>>7)
		catch("x << -1", func() {
			c := -1
			println(x << c)
		})
	}
	// spec Comparison operators (text): struct equality ignores blank fields
	{
		type A struct {
			a int
			_ int
		}
		type B struct{ a, b int }
		b1, b2 := B{1, 2}, B{1, 3}
		p1 := (*A)(unsafe.Pointer(&b1))
		p2 := (*A)(unsafe.Pointer(&b2))
		println(*p1 == *p2, b1 == b2)
	}
	// spec Comparison operators (text): floats: NaN != NaN, -0 == +0; arrays compare element-wise
	{
		zero := 0.0
		nan := zero / zero
		negz := -zero
		println(nan == nan, nan != nan, negz == zero, [2]float64{nan, 1} == [2]float64{nan, 1}, [2]float64{negz} == [2]float64{zero})
		var i1, i2 interface{} = nan, nan
		println(i1 == i2)
	}
	// spec Comparison operators (text): comparing interfaces holding uncomparable types panics; so does such a map key
	catch("array of interfaces", func() {
		a := [1]interface{}{[]int{}}
		println(a == a)
	})
	catch("map key []int", func() {
		m := map[interface{}]int{}
		m[[]int{1}] = 1
	})
	// spec Comparison operators (text): a nil *T in an interface is not a nil interface
	{
		var p *T
		var i interface{} = p
		println(i == nil, i == (*T)(nil))
	}
	// spec Close (text): closing a nil or closed channel and sending on a closed channel panic; receive yields zero
	catch("close(nil)", func() {
		var c chan int
		close(c)
	})
	catch("close twice", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	catch("send on closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	{
		c := make(chan int, 2)
		c <- 7
		close(c)
		v1, ok1 := <-c
		v2, ok2 := <-c
		println(v1, ok1, v2, ok2)
	}
	// spec Appending to and copying slices (text): copy handles overlap; copy from a string
	{
		s := []int{1, 2, 3, 4, 5}
		n := copy(s[1:], s)
		println(n, s[0], s[1], s[4])
		b := make([]byte, 3)
		println(copy(b, "héllo"), b[1], b[2])
	}
	// spec Conversions (text): converting an out-of-range integer wraps; float to int truncates toward zero
	{
		big := int64(1<<40 + 5)
		f := -3.99
		println(int32(big), uint8(big), int(f), uint(3.99+f+4))
	}
}
