package main

import (
	"fmt"

	"example.com/app/internal/x"
	dep "example.com/dep/sub"
)

func main() { fmt.Println(x.X, dep.Y) }
