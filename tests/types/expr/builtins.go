// errorcheck

// The predeclared functions and package unsafe's.

package p

import "unsafe"

type S struct {
	a byte
	b int64
	E
	*P
}
type E struct{ e int32 }
type P struct{ p int16 }

func (S) M() {}

var (
	arr [5]int
	sl  []int
	m   map[string]int
	ch  chan int
	rch <-chan int
	s   string
	i   int
	f   float32
	c   complex64
	st  S
)

const (
	l1 = len(arr)
	l2 = len("hello")
	l3 = cap(arr)
	l4 = len([3]int{})
	l5 = len(sl)                 // ERROR "len\(sl\) \(value of type int\) is not constant"
	l6 = len(s)                  // ERROR "is not constant"
	z1 = unsafe.Sizeof(st)
	z2 = unsafe.Alignof(st.b)
	z3 = unsafe.Offsetof(st.b)
	z4 = unsafe.Offsetof(st.e)
	z5 = unsafe.Sizeof(1)
	z6 = real(1 + 2i)
	z7 = imag(complex(1, 2.5))
	z8 = complex(1, 0)
)

var (
	_ = len(1)                   // ERROR "invalid argument: 1 \(untyped int constant\) for len"
	_ = cap(m)                   // ERROR "invalid argument: m \(variable of type map\[string\]int\) for cap"
	_ = len(m) + len(ch) + cap(ch) + len(&arr)
	_ = len()                    // ERROR "not enough arguments for len\(\) \(expected 1, found 0\)"
	_ = len(s, s)                // ERROR "too many arguments for len\(s, s\) \(expected 1, found 2\)"
	_ = append(sl, 1, 2)
	_ = append(sl, sl...)
	_ = append([]byte{}, s...)
	_ = append(s, 1)             // ERROR "first argument to append must be a slice; have s \(variable of type string\)"
	_ = append(nil, 1)           // ERROR "first argument to append must be a slice; have untyped nil"
	_ = append(sl, "a")          // ERROR "cannot use .a. \(untyped string constant\) as int value in argument to append"
	_ = copy(sl, sl)
	_ = copy([]byte{}, s)
	_ = copy(sl, s)              // ERROR "arguments to copy sl \(variable of type \[\]int\) and s \(variable of type string\) have different element types int and byte"
	_ = copy(sl, 1)              // ERROR "copy expects slice arguments; found sl \(variable of type \[\]int\) and 1 \(untyped int constant\)"
	_ = make([]int)              // ERROR "invalid operation: make\(\[\]int\) expects 2 or 3 arguments; found 1"
	_ = make([]int, 1, 2, 3)     // ERROR "expects 2 or 3 arguments; found 4"
	_ = make(map[int]int, 1, 2)  // ERROR "expects 1 or 2 arguments; found 3"
	_ = make(int)                // ERROR "invalid argument: cannot make int; type must be slice, map, or channel"
	_ = make([]int, 3, 2)        // ERROR "invalid argument: length and capacity swapped"
	_ = make([]int, -1)          // ERROR "index -1 \(constant of type int\) must not be negative"
	_ = make([]int, 1.5)         // ERROR "1.5 \(untyped float constant\) truncated to int"
	_ = make(chan int)
	_ = new(int)
	_ = new(1)                   // ERROR "1 is not a type"
	_ = complex(f, f)
	_ = complex(1, f)
	_ = complex(f, 1.0)
	_ = complex(i, i)            // ERROR "invalid argument: arguments have type int, expected floating-point"
	_ = complex(f, 1.5e100)      // ERROR "1.5e100 \(untyped float constant 1.5e\+100\) overflows float32"
	_ = real(c) + f
	_ = imag(f)                  // ERROR "invalid argument: argument has type float32, expected complex type"
	_ = unsafe.Offsetof(st.p)    // ERROR "invalid argument: field p is embedded via a pointer in S"
	_ = unsafe.Offsetof(st.M)    // ERROR "invalid argument: st.M is a method value"
	_ = unsafe.Offsetof(st)      // ERROR "invalid argument: st is not a selector expression"
	_ = unsafe.Offsetof(st.zz)   // ERROR "invalid argument: S has no single field zz"
	_ = unsafe.Sizeof(nil)       // ERROR "use of untyped nil in argument to unsafe.Sizeof"
	_ = unsafe.Add(unsafe.Pointer(&i), 1)
	_ = unsafe.Add(&i, 1)        // ERROR "cannot use &i \(value of type \*int\) as type unsafe.Pointer in argument to unsafe.Add"
	_ = unsafe.Slice(&i, 3)
	_ = unsafe.Slice(i, 3)       // ERROR "invalid argument: i \(variable of type int\) is not a pointer"
	_ = recover()
	_ = len(sl...)               // ERROR "invalid operation: invalid use of ... with built-in len"
	_ = print(1)                 // ERROR "print\(1\) \(no value\) used as value"
	_ = close                    // ERROR "close \(built-in\) must be called"
)

func _() {
	close(ch)
	close(rch)                   // ERROR "invalid operation: cannot close receive-only channel rch \(variable of type <-chan int\)"
	close(sl)                    // ERROR "invalid operation: cannot close non-channel sl \(variable of type \[\]int\)"
	delete(m, "a")
	delete(m, 1)                 // ERROR "cannot use 1 \(untyped int constant\) as string value in argument to delete"
	delete(sl, 1)                // ERROR "invalid argument: sl \(variable of type \[\]int\) is not a map"
	panic("x")
	print(1, "a", nil)           // ERROR "use of untyped nil in argument to print"
	println(1, 2.5, 'x', true)
	len(sl)                      // ERROR "len\(sl\) \(value of type int\) is not used"
	append(sl, 1)                // ERROR "append\(sl, 1\) \(value of type \[\]int\) is not used"
	copy(sl, sl)
	recover()
}
