// Examples of the spec's "Package initialization" and "Program
// execution" sections.
package main

var trace string

// spec Package initialization: var x = a; var a, b = f() -- a and b are initialized together, before x
var x = a
var a, b = f()

func f() (int, int) { trace += "f "; return 1, 2 }

// spec Package initialization: a = c + b (9), b = f() (4), c = f() (5), d = 3 (5 after initialization)
var (
	pa = pc + pb // == 9
	pb = pf()    // == 4
	pc = pf()    // == 5
	pd = 3       // == 5 after initialization has finished
)

func pf() int {
	pd++
	return pd
}

// spec Package initialization: x = I(T{}).ab() has a hidden dependency on a and b
var hx = I(T{}).ab() // x has an undetected, hidden dependency on a and b
var _ = sideEffect() // unrelated to x, a, or b
var ha = hb
var hb = 42

type I interface{ ab() []int }
type T struct{}

func (T) ab() []int { return []int{ha, hb} }

func sideEffect() int { trace += "sideEffect "; return 0 }

// spec Package initialization: func init() { … } -- several init functions run in order
func init() { trace += "init1 " }
func init() { trace += "init2 " }

// spec Program execution: func main() { … } runs after all init functions
func main() {
	println(trace)
	println(x, a, b)
	println(pa, pb, pc, pd)
	// when hx is initialized relative to ha and hb is not specified (gc: after
	// both, goc: before both): only what the spec defines is printed
	println(len(hx), ha, hb)
}
