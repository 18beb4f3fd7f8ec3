// env: GOGC=off GOMEMLIMIT=64MiB
// The memory limit: with GOGC=off the heap is collected only because of
// GOMEMLIMIT, and stays under it while garbage is made; SetMemoryLimit
// returns the limit in force (the environment's) and a negative value
// leaves it; after the limit is lifted, nothing is collected.
package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
)

var keep [][]byte

func main() {
	fmt.Println("limit", debug.SetMemoryLimit(-1)>>20, "MiB")
	var st runtime.MemStats
	peak := uint64(0)
	for i := 0; i < 20000; i++ {
		b := make([]byte, 16<<10)
		b[0] = byte(i)
		if i%100 == 0 {
			keep = append(keep, b) // 3 MB kept
		}
		if i%500 == 0 {
			runtime.ReadMemStats(&st)
			if st.HeapAlloc > peak {
				peak = st.HeapAlloc
			}
		}
	}
	runtime.ReadMemStats(&st)
	fmt.Println("collected", st.NumGC > 3, "under the limit", peak < 64<<20)
	old := debug.SetMemoryLimit(math.MaxInt64)
	fmt.Println("old limit", old>>20, "MiB")
	n := st.NumGC
	for i := 0; i < 2000; i++ {
		_ = make([]byte, 16<<10)
	}
	runtime.ReadMemStats(&st)
	fmt.Println("collected after", st.NumGC != n, len(keep))
}
