// The spec's illegal constant conversions ("Conversions") and
// non-constant builtin calls in constants ("Length and capacity").
package main

var z complex128

const (
	a = int(1.2)                  // ERROR illegal: 1.2 cannot be represented as an int
	b = string(65.0)              // ERROR illegal: 65.0 is not an integer constant
	c5 = len([10]float64{imag(z)}) // ERROR invalid: imag(z) is a (non-constant) function call
)

func main() {}
