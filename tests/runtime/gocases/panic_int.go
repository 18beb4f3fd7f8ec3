package main

func main() { println("start"); panic(5) }
