package main

import _ "example.com/dep/sub"

func main() {}
