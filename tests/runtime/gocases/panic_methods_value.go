// panic(E(3)) with a value-receiver Error method: gc prints "panic: E!".
package main

type E int

func (E) Error() string { return "E!" }

func main() { panic(E(3)) }
