// Package sp: the argument frame reached through the hardware SP.
package sp

func f(x int64, y int64) int64
func g(x int64)
func h(x int64)
func k(x int64)
