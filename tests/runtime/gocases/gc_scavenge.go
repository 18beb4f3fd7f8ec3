// Memory goes back to the OS: after 200 MB of garbage, debug.FreeOSMemory
// collects it and releases the free pages (MemStats.HeapReleased, and the
// process's resident size from /proc/self/statm); memory allocated again
// afterwards is zeroed and usable.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

var sink [][]byte

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	n, _ := strconv.ParseInt(f[1], 10, 64)
	return n * int64(os.Getpagesize())
}

func main() {
	for i := 0; i < 200; i++ {
		b := make([]byte, 1<<20)
		for j := range b {
			b[j] = byte(i)
		}
		sink = append(sink, b)
	}
	high := rss()
	sink = nil
	debug.FreeOSMemory()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	low := rss()
	fmt.Println("released", st.HeapReleased >= 150<<20, "rss dropped", high-low >= 150<<20)
	ok := true
	for i := 0; i < 100; i++ {
		b := make([]byte, 1<<20)
		for _, c := range b {
			if c != 0 {
				ok = false
			}
		}
		b[i] = 1
		sink = append(sink, b)
	}
	fmt.Println("zeroed", ok, len(sink))
}
