// Examples of the spec's "Index expressions", "Slice expressions" (simple
// and full) and "Type assertions" sections.
package main

type I interface{ m() }
type J interface{ n() int }

type both struct{ v int }

func (both) m()       {}
func (b both) n() int { return b.v }

type onlyM struct{}

func (onlyM) m() {}

func f(y I) int {
	// s := y.(string) is illegal (see errors/); r := y.(J) needs both I and J
	if r, ok := y.(J); ok {
		return r.n()
	}
	return -1
}

func catch(name string, g func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(interface{ Error() string }).Error())
		}
	}()
	g()
}

func main() {
	// spec Index expressions: a[x] for arrays, pointers to arrays, slices, strings, maps
	arr := [3]int{1, 2, 3}
	pa := &arr
	sl := []int{4, 5}
	str := "xyz"
	m := map[string]int{"k": 9}
	x := 1
	println(arr[x], pa[x], sl[x], str[x], m["k"], m["none"])
	catch("a[x] out of range", func() { println(sl[x+5]) })
	catch("string index", func() { println(str[x+5]) })
	catch("nil map lookup is fine, store", func() {
		var nm map[string]int
		println(nm["a"])
		nm["a"] = 1
	})

	// spec Index expressions: v, ok = a[x]; v, ok := a[x]; var v, ok = a[x]
	var v int
	var ok bool
	v, ok = m["k"]
	println(v, ok)
	{
		v, ok := m["none"]
		println(v, ok)
	}
	{
		var v, ok = m["k"]
		println(v, ok)
	}

	// spec Simple slice expressions: a := [5]int{1, 2, 3, 4, 5}; s := a[1:4]; s[0] == 2 ...
	{
		a := [5]int{1, 2, 3, 4, 5}
		s := a[1:4]
		println(len(s), cap(s), s[0] == 2, s[1] == 3, s[2] == 4)
		// spec Simple slice expressions: a[2:], a[:3], a[:]
		println(len(a[2:]), a[2:][0], len(a[:3]), a[:3][2], len(a[:]), cap(a[:]))
		sub := "hello"[1:3]
		println(sub, len(sub))
	}
	// spec Simple slice expressions: s1 := a[3:7]; s2 := s1[1:4]; s2[1] = 42
	{
		var a [10]int
		s1 := a[3:7] // underlying array of s1 is array a; &s1[2] == &a[5]
		s2 := s1[1:4]
		s2[1] = 42
		println(&s1[2] == &a[5], &s2[1] == &a[5], s2[1], s1[2], a[5], len(s2), cap(s2))
		println(len(s1[2:6]), s1[2:6][3]) // re-slicing up to cap, past len
		catch("a[3:7][1:8]", func() { _ = s1[1:x+7] })
	}
	// spec Full slice expressions: t := a[1:3:5]; t[0] == 2; t[1] == 3
	{
		a := [5]int{1, 2, 3, 4, 5}
		t := a[1:3:5]
		println(len(t), cap(t), t[0] == 2, t[1] == 3)
		t2 := a[1:3:3]
		t2 = append(t2, 99) // cap 2 forces a copy: a unchanged
		println(a[3], t2[2], cap(a[:0:0]))
		catch("a[1:3:x] with x > 5", func() { _ = a[1:3 : x+5] })
	}

	// spec Type assertions: var x interface{} = 7; i := x.(int)
	{
		var x interface{} = 7
		i := x.(int)
		println(i)
		catch("x.(string)", func() { _ = x.(string) })
	}
	// spec Type assertions: r := y.(io.Reader) with io.Reader replaced by J
	println(f(both{3}), f(onlyM{}))
	catch("nil interface assertion", func() {
		var y I
		_ = y.(J)
	})
	// spec Type assertions: v, ok = x.(T); v, ok := x.(T); var v, ok = x.(T); var v, ok interface{} = x.(T)
	{
		var x interface{} = both{4}
		var v both
		var ok bool
		v, ok = x.(both)
		println(v.v, ok)
		{
			v, ok := x.(onlyM)
			println(v == onlyM{}, ok)
		}
		{
			var v, ok = x.(both)
			println(v.v, ok)
		}
		{
			var v, ok interface{} = x.(both) // dynamic types of v and ok are both and bool
			_, vIs := v.(both)
			_, okIs := ok.(bool)
			println(vIs, okIs, ok.(bool))
		}
	}
}
