// The spec's "Representability": constants x not representable by a value
// of type T.
package main

var (
	a bool    = 0      // ERROR 0 is not in the set of boolean values
	b string  = 'a'    // ERROR 'a' is a rune, it is not in the set of string values
	c byte    = 1024   // ERROR 1024 is not in the set of unsigned 8-bit integers
	d uint16  = -1     // ERROR -1 is not in the set of unsigned 16-bit integers
	e int     = 1.1    // ERROR 1.1 is not an integer value
	f float32 = 42i    // ERROR (0 + 42i) is not in the set of float32 values
	g float64 = 1e1000 // ERROR 1e1000 overflows to IEEE +Inf after rounding
)

func main() {}
