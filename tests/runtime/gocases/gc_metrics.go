// runtime/metrics: the scalar metrics of Go 1.19's table are supported
// (KindUint64) and agree with MemStats, the goroutine count and
// GOMAXPROCS, and with each other.
package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

var sink [][]byte

func main() {
	for i := 0; i < 2000; i++ {
		sink = append(sink, make([]byte, 4096))
		if len(sink) > 100 {
			sink = sink[:0]
		}
	}
	runtime.GC()
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { <-done }()
	}
	names := []string{
		"/gc/cycles/automatic:gc-cycles", "/gc/cycles/forced:gc-cycles", "/gc/cycles/total:gc-cycles",
		"/gc/heap/allocs:bytes", "/gc/heap/allocs:objects", "/gc/heap/frees:objects",
		"/gc/heap/goal:bytes", "/gc/heap/objects:objects", "/gc/stack/starting-size:bytes",
		"/memory/classes/heap/objects:bytes", "/memory/classes/total:bytes",
		"/sched/gomaxprocs:threads", "/sched/goroutines:goroutines", "/no/such:metric",
	}
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	v := map[string]uint64{}
	for _, x := range s {
		if x.Value.Kind() == metrics.KindUint64 {
			v[x.Name] = x.Value.Uint64()
		} else {
			fmt.Println("kind", x.Name, x.Value.Kind())
		}
	}
	fmt.Println("cycles add up", v["/gc/cycles/total:gc-cycles"] == v["/gc/cycles/automatic:gc-cycles"]+v["/gc/cycles/forced:gc-cycles"],
		"forced", v["/gc/cycles/forced:gc-cycles"] >= 1)
	fmt.Println("allocs", v["/gc/heap/allocs:bytes"] >= 2000*4096, v["/gc/heap/allocs:objects"] >= 2000,
		"frees", v["/gc/heap/frees:objects"] > 0)
	fmt.Println("objects", v["/gc/heap/objects:objects"] == v["/gc/heap/allocs:objects"]-v["/gc/heap/frees:objects"])
	fmt.Println("goal", v["/gc/heap/goal:bytes"] >= 4<<20, "stack", v["/gc/stack/starting-size:bytes"])
	fmt.Println("total", v["/memory/classes/total:bytes"] >= v["/memory/classes/heap/objects:bytes"])
	fmt.Println("gomaxprocs", v["/sched/gomaxprocs:threads"] == uint64(runtime.GOMAXPROCS(0)),
		"goroutines", v["/sched/goroutines:goroutines"] == uint64(runtime.NumGoroutine()))
	close(done)
}
