// The collector frees what nothing reaches and keeps what something does:
// a tree kept in a global, a map, a slice of strings and a closure survive
// many cycles intact while garbage is made; the heap stays near the live
// data; finalizers run for dropped objects (tiny ones included) and not
// for objects that are still reachable; MemStats' counters agree.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

type node struct {
	l, r *node
	v    int
}

func build(d int) *node {
	if d == 0 {
		return &node{v: 1}
	}
	return &node{build(d - 1), build(d - 1), d}
}

func (n *node) sum() int {
	if n == nil {
		return 0
	}
	return n.v + n.l.sum() + n.r.sum()
}

var tree *node
var keepMap = map[string][]string{}

type res struct{ id int }

func main() {
	tree = build(12)
	want := tree.sum()
	strs := make([]string, 0, 100)
	k := 7
	f := func() int { return k * 6 }
	for i := 0; i < 300000; i++ {
		s := strings.Repeat("ab", i%50)
		if i%3000 == 0 {
			strs = append(strs, fmt.Sprint(i, s[:len(s)%7]))
			keepMap[fmt.Sprint("k", i)] = append(keepMap[fmt.Sprint("k", i)], s)
		}
		_ = build(2)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("tree intact:", tree.sum() == want, "closure:", f())
	fmt.Println("strings:", len(strs), strs[5], len(keepMap), len(keepMap["k3000"][0]))
	fmt.Println("collected:", ms.NumGC > 0, "heap bounded:", ms.HeapAlloc < 64<<20)
	fmt.Println("objects add up:", ms.Mallocs-ms.Frees == ms.HeapObjects, ms.Frees > 0)

	// finalizers: 100 dropped objects of 16 bytes and 100 tiny ones; one kept
	done := make(chan int, 300)
	for i := 0; i < 100; i++ {
		r := &res{i}
		runtime.SetFinalizer(r, func(r *res) { done <- r.id })
		t := new(int32)
		*t = int32(1000 + i)
		runtime.SetFinalizer(t, func(p *int32) { done <- int(*p) })
	}
	kept := &res{-1}
	runtime.SetFinalizer(kept, func(r *res) { done <- r.id })
	n, big, small := 0, 0, 0
	timeout := time.After(10 * time.Second)
loop:
	for n < 190 {
		runtime.GC()
		select {
		case id := <-done:
			n++
			if id < 0 {
				fmt.Println("finalized while reachable")
			} else if id >= 1000 {
				small++
			} else {
				big++
			}
		case <-timeout:
			break loop
		case <-time.After(time.Millisecond):
		}
	}
	fmt.Println("finalizers:", n >= 190, big >= 90, small >= 90, kept.id)
	runtime.KeepAlive(kept)
}
