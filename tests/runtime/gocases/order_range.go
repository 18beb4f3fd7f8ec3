// The range expression is evaluated once, before the loop, in gc's order:
// its calls first, its plain operands after them (range str + f() with f
// changing str sees the new str); an array operand is copied (changes
// made in the body are not seen), a pointer to an array and a slice are
// not (changes to elements are seen, reassigning the slice is not).
package main

var str = "ab"
var arr = [3]int{1, 2, 3}
var s = []int{1, 2, 3}

func fstr() string { str += "c"; println("fstr"); return "Z" }
func getS() []int  { println("getS"); return s }

func main() {
	for i, c := range str + fstr() {
		str = "zz"
		println(i, c)
	}
	for i, v := range arr {
		arr[2] = 100
		println(i, v)
	}
	arr[2] = 3
	for i, v := range &arr {
		arr[2] = 100
		println(i, v)
	}
	for i, v := range getS() {
		if i == 0 {
			s[1] = 20
			s = append(s, 4)
		}
		println(i, v)
	}
	m := map[int]int{1: 1, 2: 2, 3: 3}
	n := 0
	for range m {
		delete(m, 1)
		delete(m, 2)
		delete(m, 3)
		n++
	}
	println("n", n)
	a := [][]int{{1}, {2, 3}}
	k := 0
	for i := range a[func() int { k++; return k }()] {
		println("i", i, k)
	}
}
