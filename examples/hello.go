// A first program for goc: the standard library (fmt, sort, strings) is
// compiled from GOROOT's source with it.
package main

import (
	"fmt"
	"sort"
	"strings"
)

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
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	fmt.Printf("hello, world %d %.1f %d [%s]\n", counts["go"], s.area(), <-done, strings.Join(words, " "))
}
