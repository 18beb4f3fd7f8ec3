// Stacks shrink at collections: goroutines that once needed 64 KB of
// stack and now wait with little of it in use get smaller stacks (half
// at each cycle), and go on correctly afterwards: their frames hold
// pointers into their own stacks and into the heap, and values on a
// channel they wait on.  (gocases.sh checks with GODEBUG=stackcopy=1
// that goc's stacks did shrink; gc's StackInuse counts freed stacks kept
// in its pools, so the program cannot tell.)
package main

import (
	"fmt"
	"runtime"
)

func deep(n int, p *int) int {
	var pad [128]int
	pad[n%128] = *p
	if n == 0 {
		return pad[0]
	}
	return deep(n-1, p) + pad[n%128] - *p
}

func worker(id int, in chan *int, out chan int) {
	local := id * 1000 // the frame keeps pointers to its own stack
	lp := &local
	heap := new(int)
	*heap = id
	deep(60, lp) // about 64 KB of stack, then back to a small frame
	v := <-in    // waits here while the collector runs
	out <- *v + *lp + *heap + deep(3, lp)
}

func main() {
	const n = 200
	in := make(chan *int)
	out := make(chan int, n)
	for i := 0; i < n; i++ {
		go worker(i, in, out)
	}
	for i := 0; i < 4; i++ {
		runtime.Gosched()
	}
	for i := 0; i < 6; i++ {
		runtime.GC()
	}
	sum := 0
	for i := 0; i < n; i++ {
		x := i
		in <- &x
	}
	for i := 0; i < n; i++ {
		sum += <-out
	}
	fmt.Println("sum", sum)
}
