// Examples of the spec's "Run-time panics" and "Errors" sections: the
// value of a run-time panic implements runtime.Error (and so error).
package main

import "runtime"

// spec Errors: type error interface { Error() string } (the predeclared one)
type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

// spec Errors: func Read(f *File, b []byte) (n int, err error)
type File struct{ data string }

func Read(f *File, b []byte) (n int, err error) {
	if len(f.data) == 0 {
		return 0, &myErr{"EOF"}
	}
	n = copy(b, f.data)
	f.data = f.data[n:]
	return n, nil
}

func check(name string, g func()) {
	defer func() {
		r := recover()
		re, isRT := r.(runtime.Error)
		e, isErr := r.(error)
		print(name, ": ", isRT, " ", isErr)
		if isRT {
			print(" ", re.Error() == e.Error(), " ", re.Error())
		}
		println()
	}()
	g()
}

func main() {
	// spec Run-time panics: runtime.Error values for index, nil map, division, nil dereference, conversion
	check("index", func() {
		s := []int{}
		i := 3
		_ = s[i]
	})
	check("nil map", func() {
		var m map[int]int
		m[1] = 2
	})
	check("divide", func() {
		z := 0
		_ = 1 / z
	})
	check("nil pointer", func() {
		var p *struct{ x int }
		_ = p.x
	})
	check("type assertion", func() {
		var i interface{} = 1
		_ = i.(string)
	})
	check("panic(\"str\") is no runtime.Error", func() { panic("str") })
	check("panic(error) is no runtime.Error", func() { panic(&myErr{"mine"}) })

	// spec Errors: Read returns n and an error
	f := &File{"abcdef"}
	b := make([]byte, 4)
	for {
		n, err := Read(f, b)
		if err != nil {
			println("err:", err.Error())
			break
		}
		println(n, string(b[:n]))
	}
}
