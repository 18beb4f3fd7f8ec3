package p

var _ = a + b - c * d / e % f & g | h ^ i << j >> k &^ l
func _() {
	a += 1; a -= 1; a *= 1; a /= 1; a %= 1; a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1; a &^= 1
	_ = a && b || !c
	ch <- <-ch
	a++; a--
	_ = a == b != c < d <= e > f >= g
	x := []int{1, 2}[:]
	_ = f(x...)
	type T[P ~int | ~string] struct{}
	goto L; L: switch { case true: default: }
	select {}; defer f(); go f(); if x { } else { }; var _ map[int]chan interface{}; const _ = iota
}
