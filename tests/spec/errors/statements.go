// The spec's illegal statements ("Return statements", "Goto statements").
package main

type error2 interface{ Error() string }

func f(n int) (res int, err error2) {
	if _, err := f(n - 1); err != nil {
		return // ERROR invalid return statement: err is shadowed
	}
	return
}

func g() {
	goto L // ERROR BAD: jumps over variable declaration
	v := 3
	_ = v
L:
}

func h(n int) {
	if n%2 == 1 {
		goto L1 // ERROR illegal: jumps into a block
	}
	for n > 0 {
		n--
	L1:
		n--
	}
}

func main() {}
