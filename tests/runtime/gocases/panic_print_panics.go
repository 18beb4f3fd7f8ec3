// An Error method that panics while the panic is printed: gc's "fatal
// error: panic while printing panic value: inner".
package main

type E struct{ s string }

func (e E) Error() string { panic("inner") }

func main() {
	panic(E{"x"})
}
