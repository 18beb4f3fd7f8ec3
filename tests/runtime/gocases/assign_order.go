// The spec's two phases of assignment: the operands of the targets and
// the values first, then the stores left to right, each target's own nil
// and bounds checks at its store (x[0], x[i] = 1, 2 stores x[0] first).
package main

type P struct{ a int }
type A struct{ arr [3]int }
type E struct{ v int }
type O struct {
	*E
	n int
}

func pr(s string, v int) int { println(s, v); return v }

func f1() {
	x := []int{0}
	i := 1
	defer func() { recover(); println("f1", x[0]) }()
	x[0], x[i] = 1, 2
}
func f2() {
	var p *P
	b := 0
	defer func() { recover(); println("f2", b) }()
	b, p.a = 9, 10
}
func f3() {
	x := []int{0}
	defer func() { println("f3", recover() != nil) }()
	x[pr("idx", 5)] = pr("rhs", 7)
}
func f4() {
	var pa *A
	var b int
	defer func() { recover(); println("f4", b) }()
	b, pa.arr[1] = 3, 4
}
func f5() {
	var arr [3]int
	i := 7
	defer func() { recover(); println("f5", arr[0]) }()
	arr[0], arr[i] = 5, 6
}
func f6() {
	var m map[string]int
	b := 0
	defer func() { recover(); println("f6", b) }()
	b, m["a"] = 1, 2
}
func f7() {
	o := O{n: 1}
	b := 0
	defer func() { recover(); println("f7", b, o.n) }()
	o.n, b, o.v = 2, 3, 4
}
func f8() {
	var pp *[4]int
	x := []int{0, 0}
	defer func() { recover(); println("f8", x[0], x[1]) }()
	x[0], x[1], pp[2] = 1, 2, 3
}
func f9() {
	x := []int{1, 2}
	defer func() { println("f9", recover() != nil, x[0]) }()
	x[pr("i", 9)] += pr("y", 1)
}
func f10() {
	var p *int
	b := 0
	defer func() { recover(); println("f10", b) }()
	b, *p = 1, 2
}
func f11() {
	x := [][]int{{0}, {0}}
	defer func() { recover(); println("f11", x[0][0]) }()
	x[0][0], x[1][3] = 7, 8
}
func f12() {
	s := "abc"
	x := []byte{0}
	defer func() { recover(); println("f12", x[0]) }()
	x[0], x[len(s)] = 'a', 'b'
}
func main() {
	f1(); f2(); f3(); f4(); f5(); f6(); f7(); f8(); f9(); f10(); f11(); f12()
}
