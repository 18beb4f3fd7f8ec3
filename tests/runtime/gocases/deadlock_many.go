package main

func main() {
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { c <- 1; c <- 2 }()
	}
	<-c
	<-c
	<-c
	var m chan int
	m <- 1
}
