package main

type P struct{ x, y int }

func main() {
	var p *P
	println("before")
	println(p.y)
}
