package main

func produce(c chan int, n int) {
	for i := 0; i < n; i++ {
		c <- i * i
	}
	close(c)
}

func main() {
	c := make(chan int, 10)
	produce(c, 5)
	println(len(c), cap(c))
	sum := 0
	for v := range c {
		sum += v
	}
	println(sum)
	v, ok := <-c
	println(v, ok)
	d := make(chan string, 2)
	select {
	case d <- "x":
		println("sent")
	default:
		println("full")
	}
	select {
	case s := <-d:
		println("got", s)
	default:
		println("empty")
	}
	select {
	case s, ok := <-d:
		println("got", s, ok)
	default:
		println("empty")
	}
	e := make(chan int, 1)
	e <- 7
	select {
	case x := <-e:
		println("e", x)
	case s := <-d:
		println("d", s)
	}
	var nilc chan int
	println(len(nilc))
	defer func() {
		println("recovered:", recover() != nil)
		f := make(chan bool)
		<-f
	}()
	close(c)
}
