// The heap profile: with MemProfileRate 1 every allocation is recorded
// with its stack (runtime frames first, then the allocating function);
// after a collection the dropped objects count as freed.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var big [100][]byte
var small [1000]*[100]byte

//go:noinline
func allocBig() {
	for i := range big {
		big[i] = make([]byte, 64<<10)
	}
}

//go:noinline
func allocSmall() {
	for i := range small {
		small[i] = new([100]byte)
	}
}

func site(r *runtime.MemProfileRecord) string {
	for _, pc := range r.Stack() {
		name := runtime.FuncForPC(pc - 1).Name()
		if !strings.HasPrefix(name, "runtime.") {
			return name
		}
	}
	return ""
}

func main() {
	runtime.MemProfileRate = 1
	allocBig()
	allocSmall()
	for i := range big[:50] {
		big[i] = nil
	}
	runtime.GC()
	runtime.GC()
	p := make([]runtime.MemProfileRecord, 1000)
	n, ok := runtime.MemProfile(p, true)
	fmt.Println("ok:", ok)
	// by site and object size (gc's runtime sometimes allocates on its
	// own while a function runs: a 96-byte object charged to allocBig)
	for _, k := range []struct {
		fn   string
		size int64
	}{{"main.allocBig", 64 << 10}, {"main.allocSmall", 112}} {
		fn := k.fn
		var r runtime.MemProfileRecord
		for i := range p[:n] {
			if site(&p[i]) == fn && p[i].AllocObjects > 0 && p[i].AllocBytes/p[i].AllocObjects == k.size {
				r.AllocObjects += p[i].AllocObjects
				r.AllocBytes += p[i].AllocBytes
				r.FreeObjects += p[i].FreeObjects
			}
		}
		// (a stale word in a C frame of the runtime may keep one alive)
		fmt.Println(fn, r.AllocObjects, r.AllocBytes, r.FreeObjects >= 45 == (fn == "main.allocBig"), r.InUseObjects() <= 55 == (fn == "main.allocBig"))
	}
}
