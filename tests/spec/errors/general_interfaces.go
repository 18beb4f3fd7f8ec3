// The spec's illegal general interfaces ("General interfaces").
package main

type MyInt int

type Float interface {
	~float32 | ~float64
}

type I1 interface {
	~[]byte // the underlying type of []byte is itself
	~MyInt  // ERROR illegal: the underlying type of MyInt is not MyInt
	~error  // ERROR illegal: error is an interface
}

func g[P any]() {
	type I2 interface {
		P // ERROR illegal: P is a type parameter
	}
	type I3 interface {
		int | ~P // ERROR illegal: P is a type parameter
	}
}

type I4 interface {
	~int | MyInt // ERROR illegal: the type sets for ~int and MyInt are not disjoint
}

type I5 interface {
	float32 | Float // overlapping type sets but Float is an interface
}

var x Float // ERROR illegal: Float is not a basic interface

var y interface{} = Float(nil) // ERROR illegal

type Floatish struct {
	f Float // ERROR illegal
}

func main() {}
