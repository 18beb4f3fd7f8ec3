// errorcheck

// Calls (argument counts, variadic, multi-value arguments) and conversions.

package p

import "unsafe"

func f0()
func f1(int)
func f2(int, string) (int, error)
func fv(string, ...int) int
func two() (int, int)
func three() (int, int, int)

type MyInt int
type S []byte
type I interface{ M() }
type C interface{ ~int }

func _() {
	var (
		i  int
		u8 uint8
		fl float64
		s  string
		bs []byte
		rs []rune
		p  *int
		up unsafe.Pointer
		sl []int
		e  interface{}
	)
	f0(1)                 // ERROR "too many arguments in call to f0\n\thave \(number\)\n\twant \(\)"
	f1()                  // ERROR "not enough arguments in call to f1\n\thave \(\)\n\twant \(int\)"
	f2(1)                 // ERROR "not enough arguments in call to f2\n\thave \(number\)\n\twant \(int, string\)"
	f2(1, "a", 2)         // ERROR "too many arguments in call to f2"
	f1("a")               // ERROR "cannot use .a. \(untyped string constant\) as int value in argument to f1"
	f1(two())             // ERROR "too many arguments in call to f1\n\thave \(int, int\)\n\twant \(int\)"
	fv("a")
	fv("a", 1, 2, 3)
	fv("a", sl...)
	fv("a", 1, sl...)     // ERROR "too many arguments in call to fv\n\thave \(string, number, \[\]int\)\n\twant \(string, ...int\)"
	fv()                  // ERROR "not enough arguments in call to fv\n\thave \(\)\n\twant \(string, ...int\)"
	f1(sl...)             // ERROR "cannot use ... in call to non-variadic f1"
	fv(three()...)        // ERROR "cannot use ... with 3-valued three\(\)"
	_ = f1(1)             // ERROR "f1\(1\) \(no value\) used as value"
	_ = i(1)              // ERROR "invalid operation: cannot call non-function i \(variable of type int\)"
	x := two()            // ERROR "assignment mismatch: 1 variable but two returns 2 values"
	_ = two() + 1         // ERROR "multiple-value two\(\) \(value of type \(int, int\)\) in single-value context"
	_ = x

	_ = MyInt(fl)
	_ = string(i)
	_ = string(rs)
	_ = S(s)
	_ = []byte(s)
	_ = string(bs)
	_ = int(s)            // ERROR "cannot convert s \(variable of type string\) to type int"
	_ = uint8(256)        // ERROR "cannot convert 256 \(untyped int constant\) to type uint8"
	_ = uint8(u8 + 255)
	_ = int("a")          // ERROR "cannot convert .a. \(untyped string constant\) to type int"
	_ = string(1.5)       // ERROR "cannot convert 1.5 \(untyped float constant\) to type string"
	_ = float32(i)
	_ = int(1.5)          // ERROR "cannot convert 1.5 \(untyped float constant\) to type int"
	_ = int(1.0)
	_ = uintptr(up)
	_ = unsafe.Pointer(p)
	_ = (*int)(up)
	_ = (*[2]int)(sl)
	_ = [2]int(sl)        // ERROR "cannot convert sl \(variable of type \[\]int\) to type \[2\]int"
	_ = I(e)              // ERROR "cannot convert e \(variable of type interface{}\) to type I:\n\tinterface{} does not implement I \(missing M method\)"
	_ = C(1)              // ERROR "cannot use interface C in conversion \(contains specific type constraints or is comparable\)"
	_ = int()             // ERROR "missing argument in conversion to int"
	_ = int(1, 2)         // ERROR "too many arguments in conversion to int"
	_ = int(sl...)        // ERROR "invalid use of ... in type conversion to int"
	_ = []int(nil)
	_ = (func())(nil)
	_ = MyInt(1) + 1
}
