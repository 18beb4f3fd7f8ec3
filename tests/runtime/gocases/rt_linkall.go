package main

import "runtime"

// Every function of goc's runtime package is referenced (so each must be
// defined by the C runtime); the ones that need the function table are
// not called.
var never = false

func all() {
	runtime.Gosched()
	runtime.Goexit()
	_ = runtime.NumGoroutine()
	_ = runtime.GOMAXPROCS(0)
	_ = runtime.NumCPU()
	_ = runtime.NumCgoCall()
	runtime.GC()
	runtime.KeepAlive(nil)
	runtime.SetFinalizer(nil, nil)
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.Breakpoint()
	_, _, _, _ = runtime.Caller(0)
	_ = runtime.Callers(0, nil)
	_ = runtime.FuncForPC(0)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	_ = runtime.Version()
	runtime.MemProfileRate = 0
}

func main() {
	if never {
		all()
	}
	println(runtime.Version()[:4], len(runtime.GOOS) > 0) // not MemProfileRate: gc's linker zeroes it when nothing reads profiles
}
