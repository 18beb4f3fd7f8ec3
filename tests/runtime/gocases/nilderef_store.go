package main

// A nil check folded into the store it guards (gc: addr=0x8).

type T struct{ a, b int }

//go:noinline
func set(p *T, v int) {
	p.b = v
}

func main() {
	println("before")
	set(nil, 3)
}
