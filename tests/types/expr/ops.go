// errorcheck

// Binary and unary operators, comparisons and shifts on typed and untyped
// operands.

package p

type S struct{ a []int }
type M map[string]int
type F func()
type B bool
type MyInt int

func _() {
	var (
		i   int
		i8  int8
		u   uint
		f   float64
		s   string
		b   bool
		sl  []int
		m   M
		fn  F
		st  S
		p   *int
		e   interface{}
		mi  MyInt
		ch  chan int
		arr [2][]int
	)
	_ = i + i8            // ERROR "invalid operation: i \+ i8 \(mismatched types int and int8\)"
	_ = i + f             // ERROR "mismatched types int and float64"
	_ = s + 1             // ERROR "invalid operation: s \+ 1 \(mismatched types string and untyped int\)"
	_ = s - s             // ERROR "operator - not defined on s \(variable of type string\)"
	_ = f % 2             // ERROR "operator % not defined on f \(variable of type float64\)"
	_ = b + b             // ERROR "operator \+ not defined on b \(variable of type bool\)"
	_ = i && b            // ERROR "mismatched types int and bool"
	_ = !i                // ERROR "operator ! not defined on i \(variable of type int\)"
	_ = ^f                // ERROR "operator \^ not defined on f \(variable of type float64\)"
	_ = -s                // ERROR "operator - not defined on s \(variable of type string\)"
	_ = mi + i            // ERROR "mismatched types MyInt and int"
	_ = mi + 1
	_ = sl == sl          // ERROR "invalid operation: sl == sl \(slice can only be compared to nil\)"
	_ = m == m            // ERROR "map can only be compared to nil"
	_ = fn == fn          // ERROR "func can only be compared to nil"
	_ = st == st          // ERROR "struct containing \[\]int cannot be compared"
	_ = arr == arr        // ERROR "\[2\]\[\]int cannot be compared"
	_ = sl == nil
	_ = nil == nil        // ERROR "operator == not defined on untyped nil"
	_ = p == nil
	_ = e == 1
	_ = e == sl           // ERROR "slice can only be compared to nil"
	_ = i == s            // ERROR "mismatched types int and string"
	_ = p < p             // ERROR "operator < not defined on pointer"
	_ = b < b             // ERROR "operator < not defined on bool"
	_ = ch < ch           // ERROR "operator < not defined on chan"
	_ = s < "x"
	_ = i < 1.5           // ERROR "1.5 \(untyped float constant\) truncated to int"
	_ = i == 1.0
	_ = i << u
	_ = i << i
	_ = i << f            // ERROR "shift count f \(variable of type float64\) must be integer"
	_ = f << 1            // ERROR "shifted operand f \(variable of type float64\) must be integer"
	_ = 1 << 1000 >> 990  // ERROR "constant shift overflow"
	_ = i8 << 10
	_ = int8(1) << 10     // ERROR "int8\(1\) << 10 \(constant 1024 of type int8\) overflows int8"
	var c1 B = 1 == 1
	var c2 bool = i == i
	_, _ = c1, c2
	_ = 1 + 2i < 3        // ERROR "operator < not defined on untyped complex"
	_ = b == true && !b || i > 0
	_ = s[0] + 'a'
	_ = 'a' + s[0]
	_ = i / 0             // ERROR "division by zero"
	_ = f / 0
}

func _() {
	var s uint
	var f float64 = 1 << s // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	var g = 1 << s + 1.5   // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	var h int64 = 1 << s
	var k = 1.0 << s       // ERROR "shift of type float64"
	var l float32 = 2 << s // ERROR "shift of type float32"
	_, _, _, _, _ = f, g, h, k, l
	_ = 1 << s == 1.5      // ERROR "shift of type float64"
}
