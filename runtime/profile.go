// Profiles, execution traces, runtime/debug and runtime/metrics: the API
// runtime/pprof, runtime/trace, runtime/debug, runtime/metrics and
// testing use.  The heap profile is mprof.c's (MemProfile); there is no
// CPU, block, mutex or goroutine profiler or tracer yet: those profiles
// are empty (n = 0, ok = true), StartTrace returns an error; the GC
// settings go to the collector (mgc.c); metrics' scalars come from MemStats.
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

// runtime/metrics: a sample as the package lays it out (metrics.Sample,
// metrics.Value).
type metricSample struct {
	name  string
	value metricValue
}

type metricValue struct {
	kind    int // metrics.ValueKind: 0 bad (unsupported), 1 uint64, 2 float64, 3 histogram
	scalar  uint64
	pointer unsafe.Pointer
}

// The scalar metrics of Go 1.19's table, from MemStats and the
// scheduler; the histograms (allocs-by-size, frees-by-size, pauses,
// scheduling latencies) are left unsupported (KindBad), and so is a name
// the table does not have.
//
//go:linkname metrics_readMetrics runtime/metrics.runtime_readMetrics
func metrics_readMetrics(samplesp unsafe.Pointer, len int, cap int) {
	samples := unsafe.Slice((*metricSample)(samplesp), len)
	var ms MemStats
	ReadMemStats(&ms)
	for i := range samples {
		s := &samples[i]
		v, ok := uint64(0), true
		switch s.name {
		case "/cgo/go-to-c-calls:calls":
			v = 0
		case "/gc/cycles/automatic:gc-cycles":
			v = uint64(ms.NumGC - ms.NumForcedGC)
		case "/gc/cycles/forced:gc-cycles":
			v = uint64(ms.NumForcedGC)
		case "/gc/cycles/total:gc-cycles":
			v = uint64(ms.NumGC)
		case "/gc/heap/allocs:bytes":
			v = ms.TotalAlloc
		case "/gc/heap/allocs:objects":
			v = ms.Mallocs
		case "/gc/heap/frees:bytes":
			v = ms.TotalAlloc - ms.HeapAlloc
		case "/gc/heap/frees:objects":
			v = ms.Frees
		case "/gc/heap/goal:bytes":
			v = ms.NextGC
		case "/gc/heap/objects:objects":
			v = ms.HeapObjects
		case "/gc/heap/tiny/allocs:objects":
			v = gcTinyAllocs()
		case "/gc/limiter/last-enabled:gc-cycle":
			v = 0 // goc has no GC CPU limiter
		case "/gc/stack/starting-size:bytes":
			v = 2048
		case "/memory/classes/heap/free:bytes":
			v = ms.HeapIdle - ms.HeapReleased
		case "/memory/classes/heap/objects:bytes":
			v = ms.HeapAlloc
		case "/memory/classes/heap/released:bytes":
			v = ms.HeapReleased
		case "/memory/classes/heap/stacks:bytes":
			v = ms.StackInuse
		case "/memory/classes/heap/unused:bytes":
			if ms.HeapInuse > ms.HeapAlloc {
				v = ms.HeapInuse - ms.HeapAlloc
			}
		case "/memory/classes/metadata/other:bytes":
			v = ms.OtherSys
		case "/memory/classes/metadata/mcache/free:bytes", "/memory/classes/metadata/mcache/inuse:bytes",
			"/memory/classes/metadata/mspan/free:bytes", "/memory/classes/metadata/mspan/inuse:bytes",
			"/memory/classes/os-stacks:bytes", "/memory/classes/other:bytes",
			"/memory/classes/profiling/buckets:bytes":
			v = 0 // counted in metadata/other
		case "/memory/classes/total:bytes":
			v = ms.Sys
		case "/sched/gomaxprocs:threads":
			v = uint64(GOMAXPROCS(0))
		case "/sched/goroutines:goroutines":
			v = uint64(NumGoroutine())
		default:
			ok = false
		}
		if ok {
			s.value.kind, s.value.scalar = 1, v
		} else {
			s.value.kind = 0
		}
	}
}

// gcTinyAllocs: the tiny allocations combined into blocks (mgc.c).
func gcTinyAllocs() uint64
