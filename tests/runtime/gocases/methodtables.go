// Method tables: itabs built at run time (assertions from an empty
// interface to a non-empty one) call the methods and wrappers that type
// descriptors name: (*T).M for value methods, promoted methods of
// embedded fields and interfaces, methods of unnamed structs.
package main

type Namer interface{ Name() string }

type Inner struct{ s string }

func (i Inner) Name() string { return "inner:" + i.s }

type PInner struct{ n int }

func (p *PInner) Name() string { return "pinner" }

type Outer struct {
	Inner
	x int
}

type POuter struct {
	*PInner
}

type IOuter struct {
	Namer
}

type Big struct{ a, b, c int }

func (b Big) Name() string { return "big" }

type MyInt int

func (m MyInt) Name() string { return "myint" }

func name(x any) string {
	if n, ok := x.(Namer); ok {
		return n.Name()
	}
	return "none"
}

func main() {
	vals := []any{
		Inner{"a"}, &Inner{"b"}, Outer{Inner{"c"}, 1}, &Outer{Inner{"d"}, 2},
		POuter{&PInner{}}, &POuter{&PInner{}}, IOuter{MyInt(3)}, &IOuter{Big{}},
		struct{ Inner }{Inner{"e"}}, &struct{ Inner }{Inner{"f"}},
		struct{ *PInner }{&PInner{}}, struct{ Namer }{Inner{"g"}},
		Big{1, 2, 3}, &Big{}, MyInt(1), new(MyInt), PInner{}, 7,
	}
	for _, v := range vals {
		println(name(v))
	}
}
