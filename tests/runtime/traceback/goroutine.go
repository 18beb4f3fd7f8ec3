// A panic in a goroutine: its frames and "created by".
package main

func work(c chan int, n int) {
	if n > 0 {
		work(c, n-1)
		return
	}
	panic("in goroutine")
}

func main() {
	c := make(chan int)
	go work(c, 2)
	<-c
}
