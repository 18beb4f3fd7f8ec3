package main

func main() {
	s := []int{1, 2, 3}
	i := 7
	println(s[i])
}
