// Profiles, execution traces, runtime/debug and runtime/metrics: the API
// runtime/pprof, runtime/trace, runtime/debug, runtime/metrics and
// testing use.  The heap profile is mprof.c's (MemProfile); there is no
// CPU, block, mutex or goroutine profiler or tracer yet: those profiles
// are empty (n = 0, ok = true), StartTrace returns an error; the GC
// settings go to the collector (mgc.c); metrics are unsupported (KindBad).
// Go code: package runtime's functions with bodies are compiled as Go
// (docs/runtime.md).
package runtime

import "unsafe"

// StackRecord describes a single execution stack.
type StackRecord struct {
	Stack0 [32]uintptr // stack trace for this record; ends at first 0 entry
}

// Stack returns the stack trace of the record: Stack0 up to its first 0.
func (r *StackRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[:i]
		}
	}
	return r.Stack0[:]
}

// MemProfileRecord describes the live objects allocated at a stack.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes returns the bytes in use (AllocBytes - FreeBytes).
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the objects in use (AllocObjects - FreeObjects).
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack returns the stack trace of the record: Stack0 up to its first 0.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[:i]
		}
	}
	return r.Stack0[:]
}

// BlockProfileRecord describes blocking events at a stack.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// MemProfile returns the heap profile as of the last completed
// collection (mprof.c).
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)

// BlockProfile: no blocking profile is kept yet.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// MutexProfile: no contention profile is kept yet.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// ThreadCreateProfile: no thread-creation profile is kept yet.
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// GoroutineProfile: not there yet (it needs the goroutines' stacks).
func GoroutineProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// SetCPUProfileRate: no CPU profiler yet; the rate is ignored.
func SetCPUProfileRate(hz int) {}

// CPUProfile panics, as gc's (deprecated since Go 1.2).
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}

type notImplemented string

func (e notImplemented) Error() string { return "runtime: " + string(e) + " not implemented yet (goc)" }

// StartTrace: no execution tracer yet.
func StartTrace() error { return notImplemented("execution tracing") }

// StopTrace stops a trace: there is none.
func StopTrace() {}

// ReadTrace returns the next chunk of a trace: none.
func ReadTrace() []byte { return nil }

// ---- the linkname contract of runtime/pprof, runtime/trace, runtime/debug,
// runtime/metrics (gc: mprof.go, proflabel.go, trace.go, mgc.go, ...)

var profLabel unsafe.Pointer // one M: the running goroutine's labels (gc keeps them per G)

//go:linkname pprof_setProfLabel runtime/pprof.runtime_setProfLabel
func pprof_setProfLabel(labels unsafe.Pointer) { profLabel = labels }

//go:linkname pprof_getProfLabel runtime/pprof.runtime_getProfLabel
func pprof_getProfLabel() unsafe.Pointer { return profLabel }

//go:linkname pprof_readProfile runtime/pprof.readProfile
func pprof_readProfile() (data []uint64, tags []unsafe.Pointer, eof bool) { return nil, nil, true }

//go:linkname pprof_cyclesPerSecond runtime/pprof.runtime_cyclesPerSecond
func pprof_cyclesPerSecond() int64 { return 1e9 }

//go:linkname pprof_expandFinalInlineFrame runtime/pprof.runtime_expandFinalInlineFrame
func pprof_expandFinalInlineFrame(stk []uintptr) []uintptr { return stk } // no inlining yet

//go:linkname pprof_goroutineProfileWithLabels runtime/pprof.runtime_goroutineProfileWithLabels
func pprof_goroutineProfileWithLabels(p []StackRecord, labels []unsafe.Pointer) (n int, ok bool) {
	return 0, true
}

//go:linkname blockevent runtime.blockevent
func blockevent(cycles int64, skip int) {}

//go:linkname trace_userTaskCreate runtime/trace.userTaskCreate
func trace_userTaskCreate(id, parentID uint64, taskType string) {}

//go:linkname trace_userTaskEnd runtime/trace.userTaskEnd
func trace_userTaskEnd(id uint64) {}

//go:linkname trace_userRegion runtime/trace.userRegion
func trace_userRegion(id, mode uint64, regionType string) {}

//go:linkname trace_userLog runtime/trace.userLog
func trace_userLog(id uint64, category, message string) {}

var maxStack = 1000000000
var maxThreads = 10000
var panicOnFault bool

// gcSetPercent sets GOGC (negative: off) and returns the old value (mgc.c).
func gcSetPercent(in int32) int32

//go:linkname debug_setGCPercent runtime/debug.setGCPercent
func debug_setGCPercent(in int32) (out int32) {
	return gcSetPercent(in)
}

//go:linkname debug_setMaxStack runtime/debug.setMaxStack
func debug_setMaxStack(in int) (out int) {
	out, maxStack = maxStack, in
	return out
}

//go:linkname debug_setMaxThreads runtime/debug.setMaxThreads
func debug_setMaxThreads(in int) (out int) {
	out, maxThreads = maxThreads, in
	return out
}

// gcSetMemoryLimit sets the memory limit (negative: unchanged) and
// returns the old one (mgc.c).
func gcSetMemoryLimit(in int64) int64

//go:linkname debug_setMemoryLimit runtime/debug.setMemoryLimit
func debug_setMemoryLimit(in int64) (out int64) {
	return gcSetMemoryLimit(in)
}

//go:linkname debug_setPanicOnFault runtime/debug.setPanicOnFault
func debug_setPanicOnFault(new bool) (old bool) {
	old, panicOnFault = panicOnFault, new
	return old
}

// gcReadStats fills pauses in gc's layout (mgc.c): the pauses, most
// recent first, their end times, then the last GC time, the number of
// GCs and the total pause.
func gcReadStats(pauses *[]uint64)

//go:linkname debug_readGCStats runtime/debug.readGCStats
func debug_readGCStats(pauses *[]uint64) {
	if cap(*pauses) < 256*2+3 {
		*pauses = make([]uint64, 0, 256*2+3)
	}
	gcReadStats(pauses)
}

// freeOSMemory: a full collection, then every free page back to the OS.
//
//go:linkname debug_freeOSMemory runtime/debug.freeOSMemory
func debug_freeOSMemory() {
	GC()
	freeOSMemory()
}

// freeOSMemory gives every free page back to the OS (mgc.c).
func freeOSMemory()

//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

//go:linkname debug_WriteHeapDump runtime/debug.WriteHeapDump
func debug_WriteHeapDump(fd uintptr) {
	panic(notImplemented("debug.WriteHeapDump"))
}

//go:linkname debug_SetTraceback runtime/debug.SetTraceback
func debug_SetTraceback(level string) {}

// runtime/metrics: every sample is left unsupported (KindBad).
//
//go:linkname metrics_readMetrics runtime/metrics.runtime_readMetrics
func metrics_readMetrics(samplesp unsafe.Pointer, len int, cap int) {}
