package main

type T int

func main() { panic(T(-5)) }
