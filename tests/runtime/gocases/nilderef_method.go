package main

type P struct{ x int }

func (p *P) get() int { return p.x }

func main() {
	var p *P
	println(p.get())
}
