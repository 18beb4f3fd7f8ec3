// env: GOMAXPROCS=1

package main

import "runtime"

func main() {
	println(runtime.NumGoroutine())
	block := make(chan bool)
	done := make(chan bool)
	for i := 0; i < 10; i++ {
		go func() {
			<-block
			done <- true
		}()
	}
	println(runtime.NumGoroutine())
	runtime.Gosched()
	println(runtime.NumGoroutine())
	close(block)
	for i := 0; i < 10; i++ {
		<-done
	}
	runtime.Gosched()
	println(runtime.NumGoroutine())
	f, g := runtime.NumGoroutine, runtime.GOMAXPROCS // func values: ABI0 wrappers of C functions
	println(f(), g(0))
	println(runtime.GOMAXPROCS(3), runtime.GOMAXPROCS(2), runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(1))
	println(runtime.NumCPU() > 0, runtime.NumCgoCall(), runtime.GOOS, runtime.GOARCH, runtime.Compiler)
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	x := new(int)
	runtime.SetFinalizer(x, func(*int) {})
	runtime.SetFinalizer(x, nil)
	runtime.KeepAlive(x)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	println(m.HeapAlloc > 0, m.HeapAlloc <= m.HeapSys, m.HeapSys <= m.Sys, m.Mallocs >= m.Frees, m.Alloc == m.HeapAlloc)
}
