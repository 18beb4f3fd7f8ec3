// maps.go — gc's twin of maps.c's panic cases: the same failures of maps
// and of == on interfaces, whose messages and exit status goc's runtime
// must reproduce.
package main

import "os"

type Q struct {
	a interface{}
	b int
}

func main() {
	var nilmap map[int]int
	k := 1
	unhashable := interface{}([]int{0})
	switch os.Args[1] {
	case "nilmap":
		nilmap[k] = 1
	case "nilmapfast":
		nilmap[1] = 1
	case "unhashable":
		m := map[interface{}]int{}
		m[unhashable] = 1
	case "unhashablelookup":
		m := map[interface{}]int{}
		_ = m[unhashable]
	case "unhashablestruct":
		m := map[interface{}]int{}
		m[interface{}(struct{ s []int }{[]int{0}})] = 1
	case "uncomparable":
		e2 := interface{}([]int{0})
		if unhashable == e2 {
			println("equal?")
		}
	case "structeqcheap", "structeqpanic":
		// Q{[]int, 1} == Q{[]int, 1 or 2}: field a is compared first (it
		// panics in both cases).
		b := 1
		if os.Args[1] == "structeqcheap" {
			b = 2
		}
		e1, e2 := interface{}(Q{unhashable, 1}), interface{}(Q{[]int{0}, b})
		if e1 == e2 {
			println("equal?")
		}
	case "uncomparablestruct":
		e1 := interface{}(struct{ s []int }{[]int{0}})
		e2 := e1
		_ = e1 == e2
	}
	println("no panic")
}
