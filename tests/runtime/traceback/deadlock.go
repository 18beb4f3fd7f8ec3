// All goroutines asleep: every goroutine's frames, with "created by".
package main

func recv(c chan int) { <-c }

func send(c chan int, v int) { c <- v }

func main() {
	c := make(chan int)
	go recv(c)
	go recv(c)
	d := make(chan int)
	go send(d, 1)
	go send(d, 2)
	var nilc chan int
	<-nilc
}
