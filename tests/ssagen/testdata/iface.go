package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

type Sq struct{ s int }

func (q *Sq) Area() int    { return q.s * q.s }
func (q *Sq) Name() string { return "square" }

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "myerr" }

type Named int

func (n Named) String() string { return "named!" }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	case error:
		return "error " + v.Error()
	default:
		return "other"
	}
}

func main() {
	var shapes []Shape
	shapes = append(shapes, Rect{2, 3}, &Sq{4}, &Rect{5, 6})
	total := 0
	for _, s := range shapes {
		total += s.Area()
		println(s.Name(), s.Area())
	}
	println(total)
	var e interface{} = 42
	n, ok := e.(int)
	println(n, ok)
	str, ok2 := e.(string)
	println(str, ok2)
	println(describe(nil), describe(3), describe(30), describe("x"), describe(Rect{1, 1}), describe(&MyErr{}), describe(1.5))
	var a, b interface{} = "hi", "hi"
	println(a == b, a != b, e == 42, e == "42")
	var err error = &MyErr{3}
	println(err.Error())
	var s Shape = Rect{1, 2}
	if r, ok := s.(Rect); ok {
		println("rect", r.w, r.h)
	}
	var st interface{ String() string } = Named(3)
	println(st.String())
	panic(err)
}
