// Package buildline: files without an architecture in their names; a
// +build line names it, or GOARCH does.
package buildline

func f(x int64) int64
func g(x int64) int64
func h(x int64) int64
