// A method call on a nil interface value, not recovered: gc checks the
// itab pointer itself (the fault is at addr=0x0 in the [signal] line);
// goc loaded the method from the nil itab (addr=0x18).  (Found by
// tests/fuzz/goprog.sh, seeds 401983 and 501836.)
package main

type I interface{ M(int) int }

func main() {
	var ni I
	println(ni.M(1))
}
