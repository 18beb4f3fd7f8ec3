package main

import "fmt"

type P struct {
	X, Y int
	Name string
}

func main() {
	fmt.Println("hello, world", 42, 3.5, true, nil)
	fmt.Printf("%d %x %q %v %+v %T\n", 17, 255, "hi", P{1, 2, "a"}, P{3, 4, "b"}, P{})
	fmt.Printf("%8.3f|%-5s|%05d\n", 3.14159, "ab", 42)
	m := map[string]int{"b": 2, "a": 1}
	fmt.Println(m, []int{1, 2, 3}, [2]bool{true, false}, &P{})
	s := fmt.Sprintf("%v %v", error(nil), fmt.Errorf("wrap: %w", fmt.Errorf("inner")))
	fmt.Println(s)
}
