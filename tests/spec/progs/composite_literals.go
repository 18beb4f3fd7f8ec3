// Examples of the spec's "Composite literals" and "Function literals"
// sections, and the list of "Primary expressions".
package main

type Point3D struct{ x, y, z float64 }
type Line struct{ p, q Point3D }

type Point struct{ x, y float64 }

type T struct{ a, b, c int }

const ACK = 6

func main() {
	// spec Composite literals: origin := Point3D{}; line := Line{origin, Point3D{y: -4, z: 12.3}}
	origin := Point3D{}
	line := Line{origin, Point3D{y: -4, z: 12.3}}
	println(origin.x, origin.y, origin.z, line.q.x, line.q.y, line.q.z)

	// spec Composite literals: var pointer *Point3D = &Point3D{y: 1000}
	var pointer *Point3D = &Point3D{y: 1000}
	println(pointer.x, pointer.y)

	// spec Composite literals: p1 := &[]int{} and p2 := new([]int)
	p1 := &[]int{}
	p2 := new([]int)
	println(*p1 == nil, len(*p1), *p2 == nil, len(*p2))

	// spec Composite literals: buffer, intSet, days
	buffer := [10]string{}
	intSet := [6]int{1, 2, 3, 5}
	days := [...]string{"Sat", "Sun"}
	println(len(buffer), len(intSet), intSet[3], intSet[5], len(days), days[1])

	// spec Composite literals: []T{x1, x2, … xn} is tmp := [n]T{...}; tmp[0:n]
	x1, x2, x3 := T{1, 2, 3}, T{4, 5, 6}, T{7, 8, 9}
	sl := []T{x1, x2, x3}
	tmp := [3]T{x1, x2, x3}
	sl2 := tmp[0:3]
	println(len(sl), cap(sl), sl[2].c, len(sl2), cap(sl2), sl2[1] == sl[1])

	// spec Composite literals: elided element types
	ap := [...]Point{{1.5, -3.5}, {0, 0}}
	ii := [][]int{{1, 2, 3}, {4, 5}}
	pp := [][]Point{{{0, 1}, {1, 2}}}
	mp := map[string]Point{"orig": {0, 0}}
	pm := map[Point]string{{0, 0}: "orig"}
	println(len(ap), ap[0].y, len(ii), len(ii[1]), ii[0][2], pp[0][1].y, mp["orig"].x, pm[Point{}])
	println(ap == [...]Point{Point{1.5, -3.5}, Point{0, 0}}, len(pp[0]))

	// spec Composite literals: elided &T: [2]*Point{{1.5, -3.5}, {}} and [2]PPoint{...}
	type PPoint *Point
	a2 := [2]*Point{{1.5, -3.5}, {}}
	b2 := [2]PPoint{{1.5, -3.5}, {}}
	println(a2[0].x, a2[0].y, a2[1].x, a2[1].y, a2[0] != a2[1])
	println(b2[0].x, b2[0].y, b2[1].x, b2[1].y, b2[0] != b2[1])

	// spec Composite literals: if x == (T{a,b,c}[i]) and if (x == T{a,b,c}[i]) (parenthesized)
	{
		type T [3]int
		a, b, c, i := 1, 2, 3, 2
		x := 3
		if x == (T{a, b, c}[i]) {
			println("first if")
		}
		if x == (T{a, b, c}[i]) {
			println("second if")
		}
		if (x == T{a, b, c}[i]) {
			println("third if")
		}
	}

	// spec Composite literals: primes, vowels, filter, noteFrequency
	primes := []int{2, 3, 5, 7, 9, 2147483647}
	vowels := [128]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true}
	filter := [10]float32{-1, 4: -0.1, -0.1, 9: -1}
	noteFrequency := map[string]float32{
		"C0": 16.35, "D0": 18.35, "E0": 20.60, "F0": 21.83,
		"G0": 24.50, "A0": 27.50, "B0": 30.87,
	}
	println(len(primes), primes[5], vowels['e'], vowels['b'], len(vowels))
	for _, f := range filter {
		print(f, " ")
	}
	println()
	println(filter == [10]float32{-1, 0, 0, 0, -0.1, -0.1, 0, 0, 0, -1}, len(noteFrequency), noteFrequency["A0"], noteFrequency["G0"])

	// spec Function literals: func(a, b int, z float64) bool { return a*b < int(z) }
	lt := func(a, b int, z float64) bool { return a*b < int(z) }
	println(lt(2, 3, 6.5), lt(2, 3, 7.5))

	// spec Function literals: f := func(x, y int) int { return x + y }; func(ch chan int) { ch <- ACK }(replyChan)
	f := func(x, y int) int { return x + y }
	replyChan := make(chan int, 1)
	func(ch chan int) { ch <- ACK }(replyChan)
	println(f(3, 4), <-replyChan)

	// spec Primary expressions: x, 2, (s + ".txt"), f(3.1415, true), Point{1, 2}, m["foo"], s[i : j + 1], obj.color, f.p[i].x()
	{
		x := 1
		s := "file"
		g := func(a float64, b bool) float64 { return a * 2 }
		m := map[string]int{"foo": 5}
		i, j := 1, 2
		var obj struct{ color string }
		obj.color = "red"
		type elem struct{ x func() int }
		var fp struct{ p []elem }
		fp.p = []elem{{func() int { return 10 }}, {func() int { return 11 }}}
		println(x, 2, (s + ".txt"), g(3.1415, true), Point{1, 2}.y, m["foo"], (s[i : j+1]), obj.color, fp.p[i].x())
	}
}
