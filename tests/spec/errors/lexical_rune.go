// The spec's illegal rune and string literals ("Rune literals", "String
// literals").
package main

var (
	a = 'aa'         // ERROR illegal: too many characters
	b = '\k'         // ERROR illegal: k is not recognized after a backslash
	c = '\xa'        // ERROR illegal: too few hexadecimal digits
	d = '\0'         // ERROR illegal: too few octal digits
	e = '\400'       // ERROR illegal: octal value over 255
	f = '\uDFFF'     // ERROR illegal: surrogate half
	g = '\U00110000' // ERROR illegal: invalid Unicode code point
	h = "\uD800"     // ERROR illegal: surrogate half
	i = "\U00110000" // ERROR illegal: invalid Unicode code point
)

func main() {}
