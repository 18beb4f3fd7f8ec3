// runtime/debug's view of the collector: ReadGCStats' counts and pauses, SetGCPercent's old values.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	var s debug.GCStats
	debug.ReadGCStats(&s)
	fmt.Println(s.NumGC >= 3, len(s.Pause) >= 3, s.PauseTotal > 0, !s.LastGC.IsZero())
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(100))
}
