package main

type S string

func main() { panic(S("x y")) }
