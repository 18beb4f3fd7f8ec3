// gcpause: the stalls a collector causes.  Keeps about LIVE_MB megabytes
// (default 1024) of small pointer-linked objects live, then allocates
// garbage in batches of 1,000 small objects (and replaces a live object
// now and then, so the live graph changes), timing each batch.  Prints the
// batch-time percentiles, the number of GCs and the longest pause that
// ReadMemStats recorded.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"time"
)

type node struct {
	next *node
	kids [2]*node
	pad  [4]int64
}

var sink *node

func main() {
	liveMB := 1024
	if s := os.Getenv("LIVE_MB"); s != "" {
		liveMB, _ = strconv.Atoi(s)
	}
	batches := 20000
	if s := os.Getenv("BATCHES"); s != "" {
		batches, _ = strconv.Atoi(s)
	}
	n := liveMB << 20 / 64 // 64-byte nodes
	live := make([]*node, 1024)
	for i := 0; i < n; i++ {
		x := &node{next: live[i%1024]}
		live[i%1024] = x
	}
	times := make([]time.Duration, batches)
	var rng uint32 = 1
	for b := 0; b < batches; b++ {
		t0 := time.Now()
		for i := 0; i < 1000; i++ {
			g := &node{}
			g.kids[0] = sink
			sink = g
			if i == 999 {
				sink = nil
			}
		}
		// replace one live object
		rng = rng*1664525 + 1013904223
		h := live[rng%1024]
		live[rng%1024] = &node{next: h.next}
		times[b] = time.Since(t0)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var maxPause uint64
	for _, p := range ms.PauseNs {
		if p > maxPause {
			maxPause = p
		}
	}
	pct := func(p float64) time.Duration { return times[int(float64(len(times)-1)*p)] }
	fmt.Printf("batches %d p50 %v p99 %v max %v gcs %d maxpause %v\n",
		batches, pct(0.50), pct(0.99), times[len(times)-1], ms.NumGC, time.Duration(maxPause))
	runtime.KeepAlive(live)
}
