// The spec's "Function declarations": func flushICache(begin, end uintptr)
// is implemented externally; without an assembly file go build rejects it.
package main

func flushICache(begin, end uintptr) // ERROR missing function body

func main() {
	flushICache(0, 0)
}
