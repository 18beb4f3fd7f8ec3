// The spec's invalid floating-point literals ("Floating-point literals").
package main

var (
	h = 1._5   // ERROR invalid: _ must separate successive digits
	i = 1.5_e1 // ERROR invalid: _ must separate successive digits
	j = 1.5e_1 // ERROR invalid: _ must separate successive digits
	k = 1.5e1_ // ERROR invalid: _ must separate successive digits
)

func main() {}
