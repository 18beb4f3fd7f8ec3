// errorcheck

// Index and slice expressions.

package p

type T [4]int

func _() {
	var (
		a  [4]int
		pa *[4]int
		s  []int
		m  map[string]int
		st string
		i  int
		f  float64
		t  T
		p  *int
	)
	const cs = "hello"
	_ = a[4]              // ERROR "invalid argument: index 4 out of bounds \[0:4\]"
	_ = a[-1]             // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	_ = a[i]
	_ = a[f]              // ERROR "invalid argument: index f \(variable of type float64\) must be integer"
	_ = a[1.0]
	_ = a[1.5]            // ERROR "1.5 \(untyped float constant\) truncated to int"
	_ = pa[3]
	_ = pa[4]             // ERROR "index 4 out of bounds"
	_ = t[5]              // ERROR "index 5 out of bounds"
	_ = s[100]
	_ = s[-1]             // ERROR "must not be negative"
	_ = s["a"]            // ERROR "cannot convert .a. \(untyped string constant\) to int"
	_ = m["a"]
	_ = m[1]              // ERROR "cannot use 1 \(untyped int constant\) as string value in map index"
	_ = st[0]
	_ = cs[5]             // ERROR "index 5 out of bounds \[0:5\]"
	_ = cs[4]
	_ = p[0]              // ERROR "invalid operation: cannot index p \(variable of type \*int\)"
	_ = i[0]              // ERROR "invalid operation: cannot index i \(variable of type int\)"
	_ = a[1:2]
	_ = a[1:5]            // ERROR "index 5 out of bounds \[0:5\]"
	_ = a[3:2]            // ERROR "invalid slice indices: 2 < 3"
	_ = a[1:2:3]
	_ = a[1:3:2]          // ERROR "invalid slice indices: 2 < 3"
	_ = [4]int{}[1:2]     // ERROR "invalid operation: \[4\]int{} \(value of type \[4\]int\) \(slice of unaddressable value\)"
	_ = pa[:]
	_ = s[2:1]            // ERROR "invalid slice indices: 1 < 2"
	_ = st[1:2]
	_ = st[1:2:3]         // ERROR "invalid operation: 3-index slice of string"
	_ = cs[1:6]           // ERROR "index 6 out of bounds \[0:6\]"
	_ = m[1:2]            // ERROR "invalid operation: cannot slice m \(variable of type map\[string\]int\)"
	_ = i[:]              // ERROR "cannot slice i"
	var x int = st[0]     // ERROR "cannot use st\[0\] \(value of type byte\) as type int in variable declaration"
	_ = x
	a[0] = 1
	st[0] = 'a'           // ERROR "cannot assign to st\[0\] \(value of type byte\)"
	m["a"]++
	v, ok := m["a"]
	_, _ = v, ok
}
