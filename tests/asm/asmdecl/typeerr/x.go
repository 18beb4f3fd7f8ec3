// Package typeerr: a type error in the vetted package.
package typeerr

func f(x int64) int64

var v int = "s"
