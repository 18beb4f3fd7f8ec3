package main

var g = 10

func add(a, b int) (int, int) {
	return a + b, a - b
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	x, y := add(3, 4)
	println(x, y, "hi", true, 1.5, g)
	s := 0
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			continue
		}
		s += i
	}
	println(s, fib(15))
	str := "héllo"
	for i, c := range str {
		println(i, c)
	}
	println(len(str), str[1:3] == "é", str+"!")
	var a []int
	for i := 0; i < 20; i++ {
		a = append(a, i*i)
	}
	println(len(a), cap(a), a[19])
	switch {
	case s > 100:
		println("big")
	case s > 10:
		println("medium")
		fallthrough
	default:
		println("default")
	}
	var q int8 = 127
	q++
	println(q, -7/2, -7%2, uint8(q)+100, 1<<s)
}
