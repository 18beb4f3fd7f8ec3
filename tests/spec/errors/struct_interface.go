// The spec's illegal struct and interface types ("Struct types", "Basic
// interfaces", "Embedded interfaces").
package main

type T struct{}

// spec Struct types: T, *T and *P.T conflict (P.T written as a second T)
type S struct {
	T
	*T // ERROR conflicts with embedded field T
}

// spec Basic interfaces: String not unique; method must have non-blank name
type I interface {
	String() string
	String() string // ERROR illegal: String not unique
	_(x int)        // ERROR illegal: method must have non-blank name
}

type Reader interface {
	Read(p []byte) (n int, err error)
	Close() error
}

// spec Embedded interfaces: signatures of Reader.Close and Close are different
type ReadCloser interface {
	Reader  // ERROR illegal: signatures of Reader.Close and Close are different
	Close()
}

func main() {}
