// iface.go — gc's twin of iface.c's panic cases: failed type assertions
// and conversions, whose messages and exit status goc's runtime must
// reproduce.
package main

import "os"

type I interface{ M() }
type J interface{ m() }
type IJ interface {
	M()
	N()
}

type T int

func (T) M() {}
func (T) N() {}
func (T) m() {}

type U int

func (U) N() {}

type V int

func (V) M() {}

func main() {
	var e interface{}
	var i I
	switch os.Args[1] {
	case "e2t":
		e = "s"
		_ = e.(int)
	case "e2tnil":
		_ = e.(int)
	case "i2t":
		i = T(1)
		_ = i.(V)
	case "i2tnil":
		_ = i.(V)
	case "missing":
		e = U(1)
		_ = e.(I)
	case "missingint":
		e = 5
		_ = e.(I)
	case "missingunexported":
		e = U(1)
		_ = e.(J)
	case "missingcached":
		e = U(1)
		if _, ok := e.(I); ok {
			println("ok?")
		}
		_ = e.(I)
	case "nile2i":
		_ = e.(I)
	case "nili2i":
		_ = i.(IJ)
	case "i2i":
		var j interface{ N() } = U(2)
		_ = j.(IJ)
	case "scopes":
		type T int
		e = T(1)
		_ = e.(main_T)
	}
	println("no panic")
}

type main_T = T
