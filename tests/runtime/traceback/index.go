// Index out of range in a callee.
package main

func at(s []int, i int) int { return s[i] }

func main() {
	s := []int{1, 2, 3}
	println(at(s, len(s)+2))
}
