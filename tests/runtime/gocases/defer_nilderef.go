package main

type T struct{ a, b int }

func main() {
	defer println("deferred runs before the crash")
	var p *T
	println(p.b)
}
