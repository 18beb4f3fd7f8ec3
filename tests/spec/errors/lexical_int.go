// The spec's invalid integer and floating-point literals ("Integer
// literals", "Floating-point literals"): each line marked ERROR must be
// rejected, by gc and goc alike, at that line.
package main

var (
	a = 42_        // ERROR invalid: _ must separate successive digits
	b = 4__2       // ERROR invalid: only one _ at a time
	c = 0_xBadFace // ERROR invalid: _ must separate successive digits
	d = 0x.p1      // ERROR invalid: mantissa has no digits
	e = 1p-2       // ERROR invalid: p exponent requires hexadecimal mantissa
	f = 0x1.5e-2   // ERROR invalid: hexadecimal mantissa requires p exponent
	g = 1_.5       // ERROR invalid: _ must separate successive digits
)

func main() {}
