// `defer recover()`: recover runs as if called by the function that
// deferred it (gc evaluates its frame argument at the defer statement),
// so it stops a panic when that function is the deferred call the panic
// runs, also after the stack moved, and nowhere else.
package main

func mustRecover(want interface{}) {
	if v := recover(); v != want {
		println("mustRecover: got", v, "want", want)
	}
}

func mustNotRecover() {
	if v := recover(); v != nil {
		println("spurious recover", v.(int))
	}
}

func grow(n int) int {
	var pad [64]int64
	pad[n%64] = int64(n)
	if n == 0 {
		return int(pad[0])
	}
	return grow(n-1) + int(pad[n%64])
}

func deferredRecover() {
	defer mustNotRecover()
	defer func() {
		defer recover()
	}()
	panic(1)
}

func afterInnerPanic() {
	defer mustNotRecover()
	defer func() {
		defer recover() // runs once mustRecover stopped panic 3: sees panic 2
		defer mustRecover(3)
		panic(3)
	}()
	panic(2)
}

func innerPanicRunsIt() {
	defer mustRecover(4)
	defer func() {
		defer mustRecover(5)
		defer recover() // run by panic 5: not the deferred call of panic 4
		panic(5)
	}()
	panic(4)
}

func stackMoves() {
	defer mustNotRecover()
	defer func() {
		defer recover()
		println("grow", grow(2000))
		defer mustRecover(7)
		panic(7)
	}()
	panic(6)
}

func notDeferred() {
	defer recover() // no panic
	println("no panic")
}

func nested() (r int) {
	defer func() { r = 10 }()
	defer func() {
		func() {
			defer recover() // in a function the deferred one calls: no recover
		}()
	}()
	panic(8)
}

func main() {
	deferredRecover()
	println("1 recovered")
	afterInnerPanic()
	println("2 recovered")
	innerPanicRunsIt()
	println("4 recovered")
	stackMoves()
	println("6 recovered")
	notDeferred()
	defer func() { println("main recovers", recover().(int)) }()
	println(nested())
}
