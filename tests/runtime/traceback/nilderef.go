// A nil dereference: the faulting function's frame with the line of the
// faulting instruction, after gc's [signal ...] line.
package main

type T struct{ a, b int }

func get(p *T, k int) int {
	x := k * 2
	return p.b + x
}

func main() {
	var p *T
	println(get(p, 3))
}
