// The spec's illegal constant expressions and conversions ("Constant
// expressions", "Conversions").
package main

const Huge = 1 << 100
const Four int8 = Huge >> 98

const f = int32(1) << 33  // ERROR illegal (constant 8589934592 overflows int32)
const g = float64(2) >> 1 // ERROR illegal (float64(2) is a typed floating-point constant)
const h = 3.14 / 0.0      // ERROR illegal: division by zero

var (
	a = uint(-1)    // ERROR -1 cannot be represented as a uint
	b = int(3.14)   // ERROR 3.14 cannot be represented as an int
	c = int64(Huge) // ERROR 1267650600228229401496703205376 cannot be represented as an int64
	d = Four * 300  // ERROR operand 300 cannot be represented as an int8 (type of Four)
	e = Four * 100  // ERROR product 400 cannot be represented as an int8 (type of Four)
	k = uint8(^1)   // ERROR illegal: same as uint8(-2), -2 cannot be represented as a uint8
)

func main() {}
