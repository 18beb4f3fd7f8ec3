// The spec's illegal declarations ("Variable declarations", "Short
// variable declarations", "Function declarations").
package main

var n = nil // ERROR illegal: use of untyped nil

func IndexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	// invalid: missing return statement
} // ERROR missing return

func main() {
	x, y, x := 1, 2, 3 // ERROR illegal: x repeated on left side of :=
	_, _ = x, y
}
