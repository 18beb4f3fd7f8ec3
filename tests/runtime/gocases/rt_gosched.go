// env: GOMAXPROCS=1

package main

import "runtime"

// Gosched with one P: the order goroutines run in is the scheduler's
// (runnext for new goroutines, the global queue for yielders).
func worker(id int, n int, done chan bool) {
	for i := 0; i < n; i++ {
		println("worker", id, "step", i)
		runtime.Gosched()
	}
	done <- true
}

func main() {
	println("GOMAXPROCS(0):", runtime.GOMAXPROCS(0))
	done := make(chan bool)
	for id := 1; id <= 3; id++ {
		go worker(id, 3, done)
	}
	for i := 0; i < 5; i++ {
		println("main", i)
		runtime.Gosched()
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	f := runtime.Gosched
	f()
	println("done; NumGoroutine:", runtime.NumGoroutine())
}
