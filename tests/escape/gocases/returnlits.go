// A return statement whose results are many function literals (the
// analysis adds a function per literal while walking the results: the
// table of functions grows under the walk).
package main

import "fmt"

func many(n int) ([]func() int, *int) {
	k := n
	return []func() int{
		func() int { return 0 + n },
		func() int { return 1 + n },
		func() int { return 2 + n },
		func() int { return 3 + n },
		func() int { return 4 + n },
		func() int { return 5 + n },
		func() int { return 6 + n },
		func() int { return 7 + n },
		func() int { return 8 + n },
		func() int { return 9 + n },
		func() int { return 10 + n },
		func() int { return 11 + n },
		func() int { return 12 + n },
		func() int { return 13 + n },
		func() int { return 14 + n },
		func() int { return 15 + n },
		func() int { return 16 + n },
		func() int { return 17 + n },
		func() int { return 18 + n },
		func() int { return 19 + n },
		func() int { return 20 + n },
		func() int { return 21 + n },
		func() int { return 22 + n },
		func() int { return 23 + n },
		func() int { return 24 + n },
		func() int { return 25 + n },
		func() int { return 26 + n },
		func() int { return 27 + n },
		func() int { return 28 + n },
		func() int { return 29 + n },
		func() int { return 30 + n },
		func() int { return 31 + n },
		func() int { return 32 + n },
		func() int { return 33 + n },
		func() int { return 34 + n },
		func() int { return 35 + n },
		func() int { return 36 + n },
		func() int { return 37 + n },
		func() int { return 38 + n },
		func() int { return 39 + n },
	}, &k
}

func pair(n int) (func() int, func() int, *int) {
	x := n
	return func() int { return x + 1 }, func() int { return x + 2 }, &x
}

func main() {
	t := 0
	fs, k := many(1)
	*k = 3
	for _, f := range fs {
		t += f()
	}
	a, b, p := pair(5)
	*p = 10
	fmt.Println(t, a(), b())
}
