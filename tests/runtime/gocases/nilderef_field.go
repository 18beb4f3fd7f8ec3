package main

// A nil check folded into the load it guards: the load faults at the
// field's offset (gc: addr=0x10), on the line of the field access.

type T struct{ a, b, c int }

//go:noinline
func get(p *T, k int) int {
	x := k * 2
	return p.c + x
}

func main() {
	var p *T
	println("before")
	println(get(p, 3))
}
