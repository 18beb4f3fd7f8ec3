// A deferred call that panics while another panic runs: panic(...) frames
// between them, and [recovered] for a recovered one.
package main

func cleanup() { panic("second") }

func main() {
	defer cleanup()
	defer func() {
		recover()
		panic("third")
	}()
	panic("first")
}
