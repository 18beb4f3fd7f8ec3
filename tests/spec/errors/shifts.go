// The spec's illegal shifts of untyped constants in non-constant
// expressions ("Operators", for 64-bit ints).
package main

var s uint = 33

var u = 1.0 << s        // ERROR illegal: 1.0 has type float64, cannot shift
var u1 = 1.0<<s != 0    // ERROR illegal: 1.0 has type float64, cannot shift
var u2 = 1<<s != 1.0    // ERROR illegal: 1 has type float64, cannot shift
var v1 float32 = 1 << s // ERROR illegal: 1 has type float32, cannot shift
var v2 = string(1 << s) // ERROR illegal: 1 is converted to a string, cannot shift

func main() {}
