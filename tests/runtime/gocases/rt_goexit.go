// env: GOMAXPROCS=1

package main

import "runtime"

// Goexit runs the goroutine's deferred calls (recover returns nil in
// them), and main's Goexit ends in gc's deadlock message, exit 2.
func inner(done chan int) {
	defer println("inner deferred")
	func() {
		defer func() {
			println("recover during Goexit:", recover() == nil)
		}()
		runtime.Goexit()
	}()
	println("not reached")
}

func main() {
	done := make(chan int)
	go func() {
		defer func() { done <- 1 }()
		defer println("outer deferred 2")
		defer println("outer deferred 1")
		inner(done)
	}()
	<-done
	println("goroutines:", runtime.NumGoroutine())
	go func() {
		for i := 0; i < 3; i++ {
			println("still running", i)
			runtime.Gosched()
		}
	}()
	defer println("main deferred")
	runtime.Goexit()
}
