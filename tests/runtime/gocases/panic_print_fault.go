// An Error method that faults on its nil receiver while the panic is
// printed: gc's "fatal error: panic while printing panic value: type
// runtime.errorString" (and the signal line).
package main

type E struct{ s string }

func (e *E) Error() string { return e.s }

func main() {
	var e *E
	panic(e)
}
