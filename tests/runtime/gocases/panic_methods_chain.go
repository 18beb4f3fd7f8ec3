// Panic values with Error and String methods in a chain of panics: each
// is printed by its method, pointer and value receivers, promoted ones.
package main

type EV int

func (e EV) Error() string { return "EV error " + string(rune('0'+int(e))) }

type EP struct{ s string }

func (e *EP) Error() string { return "EP:" + e.s }

type SV struct{ a, b int }

func (s SV) String() string { return "SV string" }

type SP struct{ n []int }

func (s *SP) String() string { return "SP with " + string(rune('0'+len(s.n))) }

type Inner struct{ msg string }

func (i Inner) Error() string { return "inner " + i.msg }

type Outer struct {
	Inner
	x int
}

type InnerP struct{ msg string }

func (i *InnerP) String() string { return "innerp " + i.msg }

type OuterP struct {
	*InnerP
}

func main() {
	defer func() { panic(EV(7)) }()
	defer func() { panic(&EP{"boom"}) }()
	defer func() { panic(SV{1, 2}) }()
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
		panic(&SP{[]int{1, 2, 3}})
	}()
	defer func() { panic(Outer{Inner{"o"}, 3}) }()
	defer func() { panic(OuterP{&InnerP{"p"}}) }()
	panic(EV(1))
}
