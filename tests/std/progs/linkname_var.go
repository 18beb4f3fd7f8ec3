// math/bits panics with runtime.divideError and runtime.overflowError, reached
// by //go:linkname on variables (math/bits tests check the values).
package main

import (
	"fmt"
	"math/bits"
	"runtime"
)

func try(f func()) {
	defer func() {
		err := recover()
		e, ok := err.(runtime.Error)
		fmt.Println(ok, e.Error())
	}()
	f()
}

func main() {
	try(func() { bits.Div64(5, 0, 3) })
	try(func() { bits.Div32(1, 0, 0) })
}
