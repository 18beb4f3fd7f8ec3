package p

type T[P *C, Q interface{ ~int | ~string }] struct{}
type A [N * M]int
type C interface{}

const N, M = 2, 3

func g[S ~[]E, E any](s S) E { var e E; return e }

func f() {
	for range []int{} {
	}
	var x interface{} = 1
	switch y := x.(type) {
	case int:
		_ = y
	}
L:
	for {
		break L
	}
	if (T[*C, int]{}) == (T[*C, int]{}) {
	}
	ch := make(chan (<-chan int))
	_ = ch
}
