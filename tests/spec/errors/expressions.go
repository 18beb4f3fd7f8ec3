// The spec's illegal expressions ("Selectors", "Method values", "Type
// assertions", "Conversions", "Address operators", "Expression statements").
package main

type T0 struct{ x int }

func (*T0) M0() {}

type T2 struct{ *T0 }

type Q *T2

type T struct{ a int }

func (tv T) Mv(a int) int          { return 0 }
func (tp *T) Mp(f float32) float32 { return 1 }

func makeT() T { return T{} }

type I interface{ m() }

var p = &T2{&T0{}}
var q Q = p

func f(y I) {
	s := y.(string) // ERROR illegal: string does not implement I (missing method m)
	_ = s
}

func main() {
	q.M0()          // ERROR q.M0 is not valid: (*q).M0 is not a field selector
	g := makeT().Mp // ERROR invalid: result of makeT() is not addressable
	_ = g
	len("foo") // ERROR illegal if len is the built-in function
}
