package c

import (
	_ "fmt"
	_ "example.com/cyc/a"
)
