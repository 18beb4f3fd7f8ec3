package main

func main() {
	defer func() {
		r := recover()
		panic(r)
	}()
	var a []int
	_ = a[3]
}
