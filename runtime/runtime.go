// Package runtime is goc's Go-facing runtime package: what Go programs
// see of the runtime, overlaid in place of GOROOT's runtime by `goc build`
// (docs/load.md, "The overlay").  It is thin on purpose: every function
// here is declared without a body and implemented in C in this directory
// (extern.c, proc.c), called with the C convention as every runtime
// function (docs/abi.md, "Go calls the C runtime").  It must therefore
// have no function bodies, no init functions and no methods with bodies:
// the compiler calls everything named runtime.* as C.
//
// What works as in gc and what does not (no garbage collector yet, one
// thread) is in docs/runtime.md, "The Go-facing package".
package runtime

// Compiler is the name of the toolchain that built the program: goc
// compiles with gc's tag and conventions (docs/load.md), and go/build
// relies on this value.
const Compiler = "gc"

// Version returns the Go version goc implements ("go1.19").
func Version() string

// Gosched yields the processor: the goroutine goes to the global run queue.
func Gosched()

// Goexit runs the calling goroutine's deferred calls and ends it.  When
// the main goroutine calls it, the program goes on until the other
// goroutines end, then dies with gc's "no goroutines (main called
// runtime.Goexit) - deadlock!".
func Goexit()

// NumGoroutine returns the number of goroutines that exist (user ones).
func NumGoroutine() int

// GOMAXPROCS sets the number of Ps (when n > 0) and returns the previous
// setting.  goc runs one OS thread today, whatever the setting.
func GOMAXPROCS(n int) int

// NumCPU returns the number of CPUs the process may run on.
func NumCPU() int

// NumCgoCall returns 0: goc has no cgo yet.
func NumCgoCall() int64

// GC would run a garbage collection.  goc has no collector yet: GC only
// yields the processor, as gc's GC lets other goroutines run while it
// works; memory is never reclaimed and NumGC stays 0.
func GC()

// KeepAlive marks x as reachable up to this point.
func KeepAlive(x any)

// SetFinalizer checks its arguments as gc does; finalizers never run,
// since nothing is ever collected yet.
func SetFinalizer(obj any, finalizer any)

// LockOSThread wires the goroutine to its thread.  With one thread this
// only counts the calls.
func LockOSThread()

// UnlockOSThread undoes one LockOSThread.
func UnlockOSThread()

// Breakpoint executes a breakpoint trap (INT3).
func Breakpoint()

// Caller and Callers walk the goroutine's frames with the function table
// the linker builds (src/link/functab.c; traceback.c): Go frames by their
// frame sizes, the runtime's C frames by frame pointer.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func Callers(skip int, pc []uintptr) int

// FuncForPC returns the function containing pc, from the linker's
// function table (traceback.c), or nil.
func FuncForPC(pc uintptr) *Func

// A Func describes a function; see FuncForPC.  Its methods are C; method
// tables and itabs, entered with ABI0, name a DUPOK wrapper,
// runtime.(*Func).Name-abi0, that every package using them compiles
// (src/ssagen/iface.c gen_methodsym), so a *Func works in an interface and
// through reflect too.
type Func struct {
	opaque struct{}
}

// Name returns the function's name ("main.f"), "" for nil.
func (f *Func) Name() string

// Entry returns the function's entry address.
func (f *Func) Entry() uintptr

// FileLine returns the file name and line of pc in the function.
func (f *Func) FileLine(pc uintptr) (file string, line int)

// Frames walks the frames of the PCs Callers returned (return
// addresses): see CallersFrames.  Go code: package runtime's functions
// with bodies are compiled as Go (docs/runtime.md).
type Frames struct {
	callers []uintptr
}

// Frame is what Frames.Next returns for each call.
type Frame struct {
	PC       uintptr // the call instruction's (a return address - 1)
	Func     *Func   // nil for a PC outside every function
	Function string  // package path-qualified name, "main.f"
	File     string
	Line     int
	Entry    uintptr // the function's entry
}

// CallersFrames takes a slice of PCs returned by Callers.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns the next frame, and whether there are more.  goc has no
// inlining yet: one frame per PC.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.callers) == 0 {
		return Frame{}, false
	}
	pc := ci.callers[0]
	ci.callers = ci.callers[1:]
	f := FuncForPC(pc - 1)
	frame = Frame{PC: pc - 1, Func: f}
	if f != nil {
		frame.Function = f.Name()
		frame.Entry = f.Entry()
		frame.File, frame.Line = f.FileLine(pc - 1)
	}
	return frame, len(ci.callers) > 0
}

// GOROOT returns $GOROOT, or the GOROOT the program was built with.
func GOROOT() string

// Stack is not there yet: it stops the program with "fatal error:
// runtime.Stack: not implemented yet".
func Stack(buf []byte, all bool) int

// SetBlockProfileRate and SetMutexProfileFraction set the profiles'
// rates; goc has no profiler, nothing reads them.
func SetBlockProfileRate(rate int) {
	blockprofilerate = rate
}

func SetMutexProfileFraction(rate int) int {
	old := mutexprofilerate
	if rate >= 0 {
		mutexprofilerate = rate
	}
	return old
}

var blockprofilerate, mutexprofilerate int

// Error identifies a run-time error: every value that a run-time panic
// carries (index out of range, nil map write, failed type assertion, ...)
// implements it; the C runtime's descriptors (error.c) list both methods.
type Error interface {
	error
	// RuntimeError is a no-op that only distinguishes run-time errors
	// from ordinary errors.
	RuntimeError()
}

// MemProfileRate: on average one allocation per MemProfileRate bytes is
// recorded in the heap profile (mprof.c); 0 turns it off, 1 records all.
var MemProfileRate int = 512 * 1024 // gc's linker sets it to 0 when nothing uses runtime.MemProfile

// errorString is gc's runtime error carrying a message.  The C runtime
// makes its own values for the panics it raises (error.c); these two are
// the ones math/bits panics with, by //go:linkname to runtime.divideError
// and runtime.overflowError.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

var divideError = error(errorString("integer divide by zero"))
var overflowError = error(errorString("integer overflow"))
