// closure: calls through func values, captured variables.
package main

func apply(n int, f func(int) int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += f(i)
	}
	return s
}

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func main() {
	k := 3
	total := 0
	for r := 0; r < 240; r++ {
		total += apply(500000, func(x int) int { return x*k + r })
		total ^= apply(200000, func(x int) int { return x & k })
	}
	next := counter()
	for i := 0; i < 10000000; i++ {
		total += next() & 7
	}
	println(total)
}
