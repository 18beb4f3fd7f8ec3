// A deferred call in a goroutine and a panic in a deferred call run by
// deferreturn (normal return).
package main

func inner() {
	defer func() { panic("deferred") }()
}

func main() {
	inner()
}
