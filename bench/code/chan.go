// chan: ping-pong between two goroutines over unbuffered channels.
package main

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		done <- true
	}()
	sum := 0
	for i := 0; i < 1500000; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-done
	bc := make(chan int, 64)
	go func() {
		for i := 0; i < 2000000; i++ {
			bc <- i
		}
		close(bc)
	}()
	for v := range bc {
		sum ^= v
	}
	println(sum)
}
