// errorcheck

// Constant expressions: folding, overflow, truncation, division by zero,
// representability and conversions of constants.

package p

type T int8

const (
	c0 = 1 << 600           // ERROR "constant shift overflow"
	c1 = c0 * c0 * c0       // no follow-on error for an unknown value
	c2 int8 = 1000          // ERROR "cannot use 1000 \(untyped int constant\) as int8 value in constant declaration \(overflows\)"
	c3 uint = -1            // ERROR "cannot use -1 \(untyped int constant\) as uint value in constant declaration \(overflows\)"
	c4 int = 1.5            // ERROR "\(truncated\)"
	c5 = T(100) * 2         // ERROR "T\(100\) \* 2 \(constant 200 of type T\) overflows int8"
	c6 = ^uint8(0) + 1      // ERROR "overflows uint8"
	c7 = 10 / 0             // ERROR "invalid operation: division by zero"
	c8 = 10.0 / 0           // ERROR "invalid operation: division by zero"
	c9 = 1 % 0              // ERROR "invalid operation: division by zero"
	c10 = int8(200)         // ERROR "cannot convert 200 \(untyped int constant\) to type int8"
	c11 = string(65)
	c12 = "a" + 1           // ERROR "mismatched types untyped string and untyped int"
	c13 = -"s"              // ERROR "operator - not defined on .s. \(untyped string constant\)"
	c14 = !1                // ERROR "operator ! not defined on 1 \(untyped int constant\)"
	c15 = 1 << -1           // ERROR "invalid operation: negative shift count -1 \(untyped int constant\)"
	c16 = 1.5 << 2          // ERROR "shifted operand 1.5 \(untyped float constant\) must be integer"
	c17 = 2.0 << 3
	c18 = 1 << 1.5          // ERROR "1.5 \(untyped float constant\) truncated to uint"
	c19 = float32(1e50)     // ERROR "cannot convert 1e50 \(untyped float constant 1e\+50\) to type float32"
	c20 = len("abc") + 'a'
	c21 = 1 + 2i
	c22 = real(c21) + imag(c21)
	c23 = complex(1, 2) == c21
	c24 bool = c23
	c25 = 'a' * 1.5
	c26 = len([3]int{}) * 2
	c27 = iota * 10
	c28 = "x" < "y"
	c29 = 1 << 10 >> 2
	c30 = 07 + 0x10 + 0b11 + 0o7 + 1_000
)

var (
	v0 = 1e400             // ERROR "cannot use 1e400 \(untyped float constant 1e\+400\) as float64 value in variable declaration \(overflows\)"
	v1 float32 = 1e300     // ERROR "\(overflows\)"
	v2 int = 1e3
	v3 uint8 = 'a'
	v4 byte = 'ä'
	v4b byte = '€'        // ERROR "cannot use .€. \(untyped rune constant 8364\) as byte value in variable declaration \(overflows\)"
	v5 = 1 / 2.0
	v6 complex64 = 1i
	v7 int = 1i            // ERROR "\(truncated\)"
)

var x int

const bad = x            // ERROR "x \(variable of type int\) is not constant"
const bad2 = len([]int{}) // ERROR "is not constant"

func _() {
	const c = 1 << 100
	var i int = c       // ERROR "cannot use c \(untyped int constant 1267650600228229401496703205376\) as int value in variable declaration \(overflows\)"
	var f float64 = c
	_, _ = i, f
	_ = x / 0           // ERROR "invalid operation: division by zero"
	_ = 1.0 / 0.0       // ERROR "invalid operation: division by zero"
	_ = float64(x) / 0
	_ = int8(x) + 200   // ERROR "cannot use 200 \(untyped int constant\) as int8 value in|200 \(untyped int constant\) overflows int8"
}
