package main

import _ "example.com/cyc/a"

func main() {}
