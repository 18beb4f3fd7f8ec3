// errorcheck

// Address, indirection, receive, type assertions, function literals, nil.

package p

type I interface{ M() }
type J interface{ N() }
type T struct{}

func (*T) M() {}

type V struct{}

func (V) M(int) {}

func f() int { return 0 }

func _() {
	var (
		i  int
		p  *int
		ch chan int
		so chan<- int
		e  interface{}
		x  I
		m  map[int]int
	)
	_ = &i
	_ = &f()                // ERROR "invalid operation: cannot take address of f\(\) \(value of type int\)"
	_ = &m[1]               // ERROR "invalid operation: cannot take address of m\[1\] \(map index expression of type int\)"
	_ = &T{}
	_ = &[]int{1}
	_ = *p
	_ = *i                  // ERROR "invalid operation: cannot indirect i \(variable of type int\)"
	_ = *nil                // ERROR "invalid operation: cannot indirect nil"
	_ = <-ch
	_ = <-so                // ERROR "invalid operation: cannot receive from send-only channel so \(variable of type chan<- int\)"
	_ = <-i                 // ERROR "invalid operation: cannot receive from non-channel i \(variable of type int\)"
	v, ok := <-ch
	_, _ = v, ok
	_ = e.(int)
	_ = i.(int)             // ERROR "invalid operation: i \(variable of type int\) is not an interface"
	_ = x.(T)               // ERROR "impossible type assertion: x.\(T\)\n\tT does not implement I \(M method has pointer receiver\)"
	_ = x.(*T)
	_ = x.(V)               // ERROR "impossible type assertion: x.\(V\)\n\tV does not implement I \(wrong type for M method\)\n\t\thave M\(int\)\n\t\twant M\(\)"
	_ = x.(J)
	_ = x.(int)             // ERROR "impossible type assertion: x.\(int\)\n\tint does not implement I \(missing M method\)"
	t, ok2 := x.(*T)
	_, _ = t, ok2
	_ = func() int { return 1 }()
	_ = func(a int) {}
	var fn func(int) string = func(a int) string { return "" }
	_ = fn
	var g func() = func(int) {} // ERROR "cannot use func\(int\) {} \(value of type func\(int\)\) as type func\(\) in variable declaration"
	_ = g
	var n = nil             // ERROR "use of untyped nil in variable declaration"
	_ = n
	var q *int = nil
	var r interface{} = nil
	var s []int = nil
	_, _, _ = q, r, s
	var u int = nil         // ERROR "cannot use nil as int value in variable declaration"
	_ = u
	_ = p == nil
	_ = i == nil            // ERROR "invalid operation: i == nil \(mismatched types int and untyped nil\)"
	_ = ~i                  // ERROR "cannot use ~ outside of interface or type constraint"
}
