// The spec's "Composite literals": a composite literal in an if condition
// must be parenthesized (if x == T{a,b,c}[i] { … } does not parse).
package main

type T [3]int

func main() {
	a, b, c, i, x := 1, 2, 3, 0, 1
	if x == T{a, b, c}[i] { // ERROR syntax error
	}
}
