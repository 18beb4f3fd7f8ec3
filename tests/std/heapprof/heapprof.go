// Writes a heap profile (runtime/pprof.WriteHeapProfile) to the file named
// by its argument after allocating in two functions; tests/std/run.sh
// reads it with the real pprof (go tool pprof -top).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

var sink [][]byte

//go:noinline
func allocBig() {
	for i := 0; i < 2000; i++ {
		sink = append(sink, make([]byte, 64<<10))
	}
}

//go:noinline
func allocSmall() {
	for i := 0; i < 100000; i++ {
		sink = append(sink, make([]byte, 100))
	}
}

func main() {
	allocBig()
	allocSmall()
	runtime.GC()
	f, _ := os.Create(os.Args[1])
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Println(err)
	}
	f.Close()
	fmt.Println(len(sink))
}
