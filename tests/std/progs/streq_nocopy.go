// string(b) == string(c) of byte slices compares without copying (gc's slicebytetostringtmp): bytes.Equal allocates nothing.
package main

import (
	"bytes"
	"fmt"
	"testing"
)

type B []byte

func main() {
	a, b := []byte("hello"), []byte("hello")
	c := B("hellp")
	fmt.Println(bytes.Equal(a, b), string(a) == string(c), string(a) < string(c), string(c) != "hellp", "x" == string(B(nil)))
	n := testing.AllocsPerRun(100, func() { _ = bytes.Equal(a, b) })
	fmt.Println("allocs:", n)
}
