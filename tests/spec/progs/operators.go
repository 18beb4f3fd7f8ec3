// Examples of the spec's "Operators" sections: shifts with untyped
// constants, precedence, arithmetic and integer operators, floating-point
// (FMA) rules, string concatenation, comparisons, logical, address and
// receive operators.
package main

func catch(name string, g func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(interface{ Error() string }).Error())
		}
	}()
	g()
}

// spec Operators: the shift examples for 64-bit ints (package-level, as in the spec)
var a [1024]byte
var s uint = 33

var i = 1 << s                 // 1 has type int
var j int32 = 1 << s           // 1 has type int32; j == 0
var k = uint64(1 << s)         // 1 has type uint64; k == 1<<33
var m int = 1.0 << s           // 1.0 has type int; m == 1<<33
var n = 1.0<<s == j            // 1.0 has type int32; n == true
var o = 1<<s == 2<<s           // 1 and 2 have type int; o == false
var p = 1<<s == 1<<33          // 1 has type int; p == true
var w int64 = 1.0 << 33        // 1.0<<33 is a constant shift expression; w == 1<<33

type MyBool bool

// spec Comparison operators: const c = 3 < 4 and b3, b4, b5
const c = 3 < 4 // c is the untyped boolean constant true

var x, y int
var (
	b3        = x == y // b3 has type bool
	b4 bool   = x == y // b4 has type bool
	b5 MyBool = x == y // b5 has type MyBool
)

// spec Arithmetic operators: dotProduct[F ~float32|~float64]
func dotProduct[F ~float32 | ~float64](v1, v2 []F) F {
	var s F
	for i, x := range v1 {
		y := v2[i]
		s += x * y
	}
	return s
}

func trace(name string, v bool) bool { print(name, " "); return v }

func main() {
	println(i, j, k, m, n, o, p, w)
	// spec Operators: var x = a[1.0<<s] panics: 1.0 has type int, but 1<<33 overflows array bounds
	catch("a[1.0<<s]", func() { _ = a[1.0<<s] })
	// spec Operators: var b = make([]byte, 1.0<<s) -- 1.0 has type int (a smaller s: no 8 GiB allocation)
	{
		var s uint = 10
		var b = make([]byte, 1.0<<s)
		println(len(b))
	}

	// spec Operator precedence: +x, 23 + 3*x[i], x <= f(), ^a >> b, f() || g(), x == y+1 && <-chanInt > 0
	{
		x := []int{4, 5}
		i := 1
		f := func() int { return 5 }
		a, b := 0x0f, uint(2)
		chanInt := make(chan int, 1)
		chanInt <- 3
		xv := 4
		y := 3
		println(+xv, 23+3*x[i], xv <= f(), ^a>>b, trace("f", true) || trace("g", false), xv == y+1 && <-chanInt > 0)
		println(2+3*4, (2+3)*4, 1<<2+1, 7&^5|2, 5-3-1, 20/2/5, 9%4*2)
	}

	// spec Arithmetic operators: + - * / % & | ^ &^ << >>
	{
		a, b := 13, 5
		println(a+b, a-b, a*b, a/b, a%b, a&b, a|b, a^b, a&^b, a<<b, a>>2)
		fa, fb := 7.5, 2.5
		println(fa+fb, fa-fb, fa*fb, fa/fb)
		ca, cb := complex(1, 2), complex(3, -1)
		println(ca+cb, ca-cb, ca*cb, ca/cb)
		println("con" + "cat")
	}
	// spec Arithmetic operators: dotProduct
	println(dotProduct([]float64{1, 2, 3}, []float64{4, 5, 6}), dotProduct([]float32{0.5}, []float32{3}))

	// spec Integer operators: x = q*y + r and |r| < |y|; the table of / and % for ±5, ±3
	for _, xy := range [][2]int{{5, 3}, {-5, 3}, {5, -3}, {-5, -3}} {
		x, y := xy[0], xy[1]
		q, r := x/y, x%y
		println(x, y, q, r, q*y+r == x)
	}
	// spec Integer operators: most negative value / -1 == itself, % -1 == 0
	{
		var a8, a16, a32, a64 int8 = -128, 0, 0, 0
		_, _, _ = a16, a32, a64
		var b16 int16 = -32768
		var b32 int32 = -2147483648
		var b64 int64 = -9223372036854775808
		m1 := -1
		println(a8/int8(m1), a8%int8(m1), b16/int16(m1), b16%int16(m1), b32/int32(m1), b32%int32(m1), b64/int64(m1), b64%int64(m1))
	}
	// spec Integer operators: x / 4, x % 4, x >> 2, x & 3 for 11 and -11
	for _, x := range []int{11, -11} {
		println(x, x/4, x%4, x>>2, x&3)
	}
	// spec Integer operators: division by zero panics
	catch("x / 0", func() {
		z := 0
		println(1 / z)
	})
	// spec Integer operators: +x, -x, ^x (m ^ x with m all ones for unsigned, -1 for signed)
	{
		xs, xu := 6, uint8(6)
		println(+xs, -xs, ^xs, ^xs == -1^xs, ^xu, ^xu == 0xff^xu)
	}
	// spec Integer operators: overflow wraps (unsigned modulo 2^n, signed two's complement)
	{
		var u uint8 = 250
		var s8 int8 = 120
		u += 10
		s8 += 10
		var big int32 = 1 << 30
		println(u, s8, big*4, -(-128 + s8 - s8))
	}

	// spec Floating-point operators: x*y + z may fuse; float64(x*y) + z must not (gc on amd64 never fuses)
	{
		x, y, z := 1.0+1.0/(1<<30), 1.0-1.0/(1<<30), -1.0
		var r, t float64
		pt := new(float64)
		r = x*y + z
		println(r)
		r = z
		r += x * y
		println(r)
		t = x * y
		r = t + z
		println(r)
		*pt = x * y
		r = *pt + z
		println(r)
		r = x*y + float64(z)
		println(r)
		r = float64(x*y) + z
		println(r)
		r = z
		r += float64(x * y)
		println(r)
		t = float64(x * y)
		r = t + z
		println(r)
	}

	// spec String concatenation: s := "hi" + string(c); s += " and good bye"
	{
		c := 'x'
		s := "hi" + string(c)
		s += " and good bye"
		println(s, len(s))
	}

	// spec Comparison operators: == != < <= > >=; c, b3, b4, b5
	{
		var ic interface{} = c
		var i3 interface{} = b3
		var i5 interface{} = b5
		_, cb := ic.(bool)
		_, b3b := i3.(bool)
		_, b5m := i5.(MyBool)
		println(c, cb, b3, b3b, b4, b5, b5m)
		println(1 == 1, 1 != 1, 1 < 2, 2 <= 2, 3 > 4, 4 >= 5, "a" < "b", "ab" < "a", 1.5 > 1.25)
		type S struct {
			a int
			b string
		}
		println(S{1, "x"} == S{1, "x"}, [2]int{1, 2} != [2]int{1, 3}, &S{} == &S{})
		var e1, e2 interface{} = 1, 1.0
		println(e1 == e2, e1 == interface{}(1))
		catch("comparing uncomparable interface values", func() {
			var f1, f2 interface{} = []int{}, []int{}
			println(f1 == f2)
		})
	}

	// spec Logical operators: &&, ||, ! are conditional
	println(trace("p", false) && trace("q", true))
	println(trace("p", true) || trace("q", true))
	println(!true, !false)

	// spec Address operators: &x, &a[f(2)], &Point{2, 3}, *p, *pf(x)
	{
		type Point struct{ x, y int }
		x := 1
		arr := [4]int{10, 20, 30, 40}
		f := func(i int) int { return i + 1 }
		px := &x
		pa := &arr[f(2)]
		pp := &Point{2, 3}
		pf := func(x int) *int { return &arr[x] }
		*pa = 33
		println(*px, arr[3], pp.y, *pp == Point{2, 3}, *pf(1))
	}
	// spec Address operators: var x *int = nil; *x and &*x cause a run-time panic
	catch("*x", func() {
		var x *int = nil
		println(*x)
	})
	catch("&*x", func() {
		var x *int = nil
		px := &*x
		println(px == nil)
	})

	// spec Receive operator: v1 := <-ch; v2 = <-ch; f(<-ch); <-strobe
	{
		ch := make(chan int, 3)
		strobe := make(chan bool, 1)
		ch <- 1
		ch <- 2
		ch <- 3
		strobe <- true
		v1 := <-ch
		var v2 int
		v2 = <-ch
		f := func(v int) { println("f", v) }
		f(<-ch)
		<-strobe
		println(v1, v2, len(ch), len(strobe))
	}
	// spec Receive operator: x, ok = <-ch; x, ok := <-ch; var x, ok = <-ch; var x, ok T = <-ch
	{
		ch := make(chan int, 1)
		ch <- 5
		var x int
		var ok bool
		x, ok = <-ch
		println(x, ok)
		close(ch)
		{
			x, ok := <-ch
			println(x, ok)
		}
		{
			var x, ok = <-ch
			println(x, ok)
		}
		{
			type T = interface{}
			var x, ok T = <-ch
			println(x.(int), ok.(bool))
		}
	}
}
