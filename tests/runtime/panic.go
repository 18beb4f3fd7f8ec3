// panic.go — the Go twin of panic.c: each case (os.Args[1]) ends the
// program with a panic or a fatal error; run.sh compares gc's output up
// to the goroutine header, and the exit status.
package main

import "os"

type T int
type S string
type C complex128
type F float64
type B bool

var sink []int

func main() {
	a := []int{1, 2, 3}
	i, j := 5, -1
	zero := 0
	switch os.Args[1] {
	case "index":
		sink = append(sink, a[i])
	case "indexneg":
		sink = append(sink, a[j])
	case "slicecap":
		sink = a[1:i]
	case "slicelen":
		s := "abc"
		_ = s[:i]
	case "sliceb":
		k, l := 2, 1
		sink = a[k:l]
	case "slice3":
		sink = a[1:2:i]
	case "slice3neg":
		sink = a[:j:2]
	case "divide":
		println(10 / zero)
	case "shift":
		println(1 << j)
	case "string":
		panic("boom")
	case "int":
		panic(42)
	case "float":
		panic(3.5)
	case "named":
		panic(T(5))
	case "namedstring":
		panic(S("x"))
	case "namedcomplex":
		panic(C(complex(1, 2)))
	case "namedfloat":
		panic(F(-0.25))
	case "namedbool":
		panic(B(true))
	case "nested":
		defer func() { panic("second") }()
		panic("first")
	case "recovered":
		defer func() {
			recover()
			panic("again")
		}()
		panic("first")
	case "deadlock":
		select {}
	}
}
