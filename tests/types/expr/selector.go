// errorcheck

// Selectors: fields, methods, promotion, method values and expressions,
// package-qualified identifiers.

package p

import (
	"strings"
	"unsafe"
)

type T struct {
	a int
	E
	*F
}
type E struct{ e int }
type F struct{ f, e2 int }

func (T) M()       {}
func (*T) PM()     {}
func (E) EM() int  { return 0 }
func (*F) FM()     {}

type X struct {
	A
	B
}
type A struct{ x int }
type B struct{ x int }

type I interface{ M() }
type PI *I

var (
	t  T
	pt *T
	x  X
	i  I
	pi *I
)

var (
	_ = t.a
	_ = t.e
	_ = t.f
	_ = t.EM()
	_ = t.FM
	_ = pt.PM
	_ = t.PM
	_ = T{}.PM            // ERROR "cannot call pointer method PM on T"
	_ = t.z               // ERROR "t.z undefined \(type T has no field or method z\)"
	_ = t.m               // ERROR "t.m undefined \(type T has no field or method m, but does have M\)"
	_ = x.x               // ERROR "ambiguous selector x.x"
	_ = x.A.x
	_ = T.M
	_ = (*T).PM
	_ = T.PM              // ERROR "cannot call pointer method PM on T"
	_ = T.a               // ERROR "T.a undefined \(type T has no method a\)"
	_ = T.M(t)            // ERROR "T.M\(t\) \(no value\) used as value"
	_ = (*T).M(pt)        // ERROR "\(\*T\).M\(pt\) \(no value\) used as value"
	_ = i.M
	_ = pi.M              // ERROR "pi.M undefined \(type \*I is pointer to interface, not interface\)"
	_ = I.M
	_ = strings.ToUpper
	_ = strings.toUpper   // ERROR "undefined: strings.toUpper"
	_ = strings.Nope      // ERROR "undefined: strings.Nope"
	_ = unsafe.Pointer(nil)
	_ = len.x             // ERROR "cannot select on len \(built-in\)"
	_ int = t.M           // ERROR "cannot use t.M \(value of type func\(\)\) as type int in variable declaration"
	_ = t.M()             // ERROR "t.M\(\) \(no value\) used as value"
)

func _() {
	var s []int
	_ = s.x               // ERROR "s.x undefined \(type \[\]int has no field or method x\)"
	t.a = 1
	T{}.a = 1             // ERROR "cannot assign to T{}.a"
	pt.a = 2
	f := t.EM
	_ = f() + 1
	g := (*T).PM
	g(pt)
	g(t)                  // ERROR "cannot use t \(variable of type T\) as type \*T in argument to g"
}
