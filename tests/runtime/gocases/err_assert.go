package main

func main() {
	var e interface{} = 1.5
	println(e.(string))
}
