package main

import (
	"fmt"
	"nosuch/pkg"
	"example.com/miss/nope"
	"example.org/other"
)

func main() { fmt.Println() }
