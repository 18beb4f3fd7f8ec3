// A first program for goc: it imports nothing, so goc can build it today.
package main

type shape interface {
	area() float64
}

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	counts := map[string]int{}
	for _, w := range []string{"go", "c", "go"} {
		counts[w]++
	}
	var s shape = rect{3, 4}
	done := make(chan int)
	go func() { done <- fib(20) }()
	println("hello, world", counts["go"], s.area(), <-done)
}
