package main

func main() { var f float64 = 1.5; panic(f) }
