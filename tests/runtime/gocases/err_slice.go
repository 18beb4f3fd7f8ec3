package main

func main() {
	s := "abc"
	i := 2
	println(s[i:1])
}
