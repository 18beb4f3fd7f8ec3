package main

func main() {
	var p *[4]int
	p[2] = 1
}
