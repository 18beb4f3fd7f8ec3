// hello with fmt: tests/std/run.sh compares goc's size with gc's (a
// report) and checks that the linker dropped what nothing reaches: a
// function never called, a method that no called interface method
// matches (Str), while String, called by fmt through fmt.Stringer, stays.
package main

import "fmt"

type U struct{ s string }

func (u U) Str() string    { return "str " + u.s }
func (u U) String() string { return "U(" + u.s + ")" }

func neverCalled() { fmt.Println("never") }

func main() {
	var x any = U{"u"}
	fmt.Println("hello, world", x)
}
