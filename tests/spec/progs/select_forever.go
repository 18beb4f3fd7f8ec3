// The spec's "Select statements" example select {} (block forever): with
// no other goroutine, the program dies with gc's deadlock error, exit 2.
package main

func main() {
	println("before")
	// spec Select statements: select {} // block forever
	select {}
}
