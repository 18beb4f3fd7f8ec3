package main

type F float32

func main() { panic(F(2.5)) }
