// The spec's "Handling panics" example panic(Error("cannot parse")), not
// recovered: the program dies printing the value's Error() result and exits
// with status 2.  (Output is compared up to the goroutine header.)
package main

type Error string

func (e Error) Error() string { return "parse error: " + string(e) }

func main() {
	// spec Handling panics: panic(Error("cannot parse")), unrecovered
	defer println("deferred calls run before the program dies")
	panic(Error("cannot parse"))
}
