package main

func deep(n int) int {
	var buf [32]int
	buf[n%32] = n
	if n == 0 {
		panic("deep")
	}
	return deep(n-1) + buf[n%32]
}

func growing() (s string) {
	defer func() {
		s = recover().(string)
	}()
	deep(500)
	return "no"
}

func main() {
	c := make(chan string)
	for i := 0; i < 3; i++ {
		go func() { c <- growing() }()
	}
	for i := 0; i < 3; i++ {
		println(<-c)
	}
}
