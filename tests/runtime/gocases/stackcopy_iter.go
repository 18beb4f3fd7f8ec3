// Frames whose runtime records point into the frame itself, moved by a
// stack copy: a range over a small map (its first bucket and the
// iterator are in the frame) whose body grows the stack, and a select
// waiting with its cases' values in the frame while collections shrink
// the stack.  (The iterator and the select cases were typed as integers,
// so the exact copier left their pointers into the old stack: encoding/xml's
// TestRoundTrip read a key "" out of freed stack.)
package main

import (
	"fmt"
	"runtime"
	"sort"
)

func grow(n int) int {
	var pad [256]int
	pad[n%256] = n
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[n%256] - n + 1
}

// fills a new goroutine's stack (likely one just freed by a copy) with junk
func scribble(n int) {
	done := make(chan bool)
	go func() {
		var junk [64]int
		for i := range junk {
			junk[i] = -1
		}
		grow(n)
		done <- junk[n%64] == -1
	}()
	<-done
}

func ranged(res chan []string) {
	m := map[string]string{"a": "x1", "b": "y22", "c": "z333", "d": "w4444"}
	var out []string
	depth := 2
	total := 0
	for k, v := range m {
		depth *= 2 // each iteration grows the stack further
		total += grow(depth)
		scribble(depth)
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	res <- append(out, fmt.Sprint(total))
}

func waiter(id int, c1, c2 chan [4]int, done chan int) {
	grow(200) // a large stack, then a small frame that waits
	var a, b [4]int
	select {
	case a = <-c1:
	case b = <-c2:
	}
	done <- id + a[0] + a[3] + b[0] + b[3]
}

func main() {
	res := make(chan []string)
	go ranged(res) // on a new goroutine's small stack
	fmt.Println(<-res)
	c1, c2, done := make(chan [4]int), make(chan [4]int), make(chan int)
	for i := 0; i < 50; i++ {
		go waiter(i, c1, c2, done)
	}
	for i := 0; i < 4; i++ {
		runtime.Gosched()
	}
	for i := 0; i < 4; i++ {
		runtime.GC() // shrinks the waiters' stacks
	}
	sum := 0
	for i := 0; i < 50; i++ {
		if i%2 == 0 {
			c1 <- [4]int{i, 1, 2, 3}
		} else {
			c2 <- [4]int{i, 1, 2, 100}
		}
		sum += <-done
	}
	fmt.Println("sum", sum)
}
