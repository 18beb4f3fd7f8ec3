// Package-level variables of other packages reached through dot imports
// (the external test packages of bytes, io, unicode, math... use them).
package main

import (
	. "io"
	. "unicode"
	"fmt"
)

func main() {
	fmt.Println(EOF, Is(Digit, '3'), len(Letter.R16) > 0)
	e := &EOF
	fmt.Println(*e)
}
