// The spec's "Core types": interfaces without a core type, and an
// interface with an empty type set ("General interfaces").
package main

type Celsius float32

func f1[T interface{ Celsius | float64 }](x T) T { return x + 1 } // a sum is fine without a core type

func f2[T interface{ chan int | chan<- string }](c T) {
	c <- 1 // ERROR channels have different element types: no core type
}

func f3[T interface{ <-chan int | chan<- int }](c T) {
	<-c // ERROR directional channels have different directions: no core type
}

func f4[T interface{ int; string }]() {} // an empty type set

var g = f4[int] // ERROR int does not implement interface{int; string}

var h = f4[string] // ERROR string does not implement interface{int; string}

func main() { _ = f1[Celsius] }
