package main

type P struct{ a, b int }

func main() { panic(P{1, 2}) }
