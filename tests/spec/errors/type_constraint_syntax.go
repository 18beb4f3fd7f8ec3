// The spec's "Type constraints": ~int outside a type parameter list.
package main

type Constraint ~int // ERROR illegal: ~int is not inside a type parameter list

func main() {}
