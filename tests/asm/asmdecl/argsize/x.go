// Package argsize: the $frame-args size against the declaration.
package argsize

func noargs()
func oneint(x int)
func i32i64(a int32, b int64)
func bytes3(a, b, c byte) byte
func results(x int8) (a int8, b int64)
func nosplitzero(x int64) int64
func flag7(x int64) int64
func strslice(s string, b []byte) (n int, err error)
func noargsize(x int)
func frameonly(x int)
func negframe(x int) int
func hasbody(x int) int { return x }
