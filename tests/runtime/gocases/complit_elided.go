// Composite-literal elements with &T elided (slices, arrays, maps, nested,
// map keys) are new heap objects, each its own.
package main

type R struct{ w, h int }
type K struct{ a, b int }

func main() {
	xs := []*R{{2, 3}, {4, 5}}
	println(xs[0].w, xs[0].h, xs[1].w, xs[1].h)
	a := [2]*R{{8, 9}}
	println(a[0].w, a[0].h, a[1] == nil)
	m := map[string]*R{"a": {1, 2}, "b": {3, 4}}
	println(m["a"].w, m["a"].h, m["b"].w, m["b"].h)
	ps := []*[]int{{1, 2}, {3}}
	println(len(*ps[0]), (*ps[1])[0])
	pm := []*map[int]int{{1: 2}}
	println((*pm[0])[1])
	mk := map[K]int{{1, 2}: 3, {4, 5}: 6}
	println(mk[K{1, 2}], mk[K{4, 5}])
	mpk := map[*K]int{{1, 2}: 3}
	for k, v := range mpk {
		println(k.a, k.b, v)
	}
	nest := [][]*R{{{1, 2}}, {{3, 4}, {5, 6}}}
	println(nest[1][1].h, nest[0][0].w)
	aa := [...]*[2]R{{{1, 2}, {3, 4}}}
	println(aa[0][1].w)
	s := struct{ p *R }{&R{7, 8}}
	println(s.p.h)
	p1, p2 := []*R{{}}, []*R{{}}
	println(p1[0] != p2[0])
}
