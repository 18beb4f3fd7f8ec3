// Examples of the spec's "Assignment statements" and "IncDec statements"
// sections, incl. the tuple assignments whose later targets panic after
// earlier ones are stored.
package main

type Point struct{ x, y int }

func catch(name string, g func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(interface{ Error() string }).Error())
		}
	}()
	g()
}

func pr(x []int) {
	for _, v := range x {
		print(v, " ")
	}
	println()
}

func main() {
	// spec IncDec statements: x++ is x += 1, x-- is x -= 1
	{
		x := 5
		x++
		y := 5
		y += 1
		x--
		x--
		var f float64 = 1.5
		f++
		var p = &[2]int{7, 8}
		p[1]++
		println(x, y, f, p[1])
	}
	// spec Assignment statements: x = 1; *p = f(); a[i] = 23; (k) = <-ch
	{
		var x int
		x = 1
		p := new(int)
		f := func() int { return 5 }
		*p = f()
		a := make([]int, 3)
		i := 2
		a[i] = 23
		ch := make(chan int, 1)
		ch <- 9
		var k int
		(k) = <-ch // same as: k = <-ch
		println(x, *p, a[2], k)
	}
	// spec Assignment statements: a[i] <<= 2; i &^= 1<<n
	{
		a := []int{1, 3}
		i := 1
		a[i] <<= 2
		n := 1
		i = 7
		i &^= 1 << n
		println(a[1], i)
		var s string = "ab"
		s += "cd"
		x := 17
		x %= 5
		x |= 8
		x ^= 1
		x >>= 1
		println(s, x)
	}
	// spec Assignment statements: x, y = f()
	{
		f := func() (int, string) { return 1, "one" }
		var x int
		var y string
		x, y = f()
		println(x, y)
	}
	// spec Assignment statements: one, two, three = '一', '二', '三'
	{
		var one, two, three rune
		one, two, three = '一', '二', '三'
		println(one, two, three)
	}
	// spec Assignment statements: _ = x; x, _ = f()
	{
		calls := 0
		f := func() (int, int) { calls++; return 4, 5 }
		x := 1
		_ = x
		x, _ = f()
		println(x, calls)
	}
	// spec Assignment statements: a, b = b, a (exchange a and b)
	{
		a, b := 1, 2
		a, b = b, a
		println(a, b)
	}
	x := []int{1, 2, 3}
	i := 0
	// spec Assignment statements: i, x[i] = 1, 2 sets i = 1, x[0] = 2
	i, x[i] = 1, 2
	println(i)
	pr(x)
	// spec Assignment statements: x[i], i = 2, 1 sets x[0] = 2, i = 1
	i = 0
	x[i], i = 2, 1
	println(i)
	pr(x)
	// spec Assignment statements: x[0], x[0] = 1, 2 leaves x[0] == 2
	x[0], x[0] = 1, 2
	pr(x)
	// spec Assignment statements: x[1], x[3] = 4, 5 sets x[1] = 4, then panics setting x[3] = 5
	catch("x[1], x[3] = 4, 5", func() {
		x[1], x[3] = 4, 5
	})
	pr(x)
	// spec Assignment statements: x[2], p.x = 6, 7 sets x[2] = 6, then panics setting p.x = 7
	var p *Point
	catch("x[2], p.x = 6, 7", func() {
		x[2], p.x = 6, 7
	})
	pr(x)
	// spec Assignment statements: i = 2; x = []int{3, 5, 7}; for i, x[i] = range x { break } leaves i == 0, x == []int{3, 5, 3}
	i = 2
	x = []int{3, 5, 7}
	for i, x[i] = range x { // set i, x[2] = 0, x[0]
		break
	}
	println(i)
	pr(x)
}
