package main

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 10 + id - id
	}
}

func sieve(n int) int {
	ch := make(chan int)
	go func() {
		for i := 2; ; i++ {
			ch <- i
		}
	}()
	last := 0
	for i := 0; i < n; i++ {
		prime := <-ch
		last = prime
		ch1 := make(chan int)
		go func(in <-chan int, out chan<- int, p int) {
			for {
				i := <-in
				if i%p != 0 {
					out <- i
				}
			}
		}(ch, ch1, prime)
		ch = ch1
	}
	return last
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= 9; a++ {
		sum += <-results
	}
	println(sum)
	println(sieve(20))
	done := make(chan bool)
	data := make(chan string)
	go func() {
		for s := range data {
			println("got", s)
		}
		done <- true
	}()
	data <- "a"
	data <- "b"
	close(data)
	<-done
	timeout := make(chan bool, 1)
	c := make(chan int)
	go func() { c <- 5 }()
	select {
	case v := <-c:
		println("c", v)
	case <-timeout:
		println("timeout")
	}
	var never chan int
	<-never
}
