package main

import _ "example.com/dep"

func main() {}
