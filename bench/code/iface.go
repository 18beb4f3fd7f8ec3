// iface: interface method calls in a loop, type switches.
package main

type Shape interface {
	Area() int
	Scale(k int) Shape
}

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }

func (r Rect) Area() int          { return r.w * r.h }
func (r Rect) Scale(k int) Shape  { return Rect{r.w * k, r.h} }
func (s *Square) Area() int       { return s.s * s.s }
func (s *Square) Scale(k int) Shape { return s }
func (t Tri) Area() int           { return t.b * t.h / 2 }
func (t Tri) Scale(k int) Shape   { return Tri{t.b, t.h * k} }

func main() {
	shapes := []Shape{Rect{3, 4}, &Square{5}, Tri{6, 7}, Rect{1, 2}, &Square{3}}
	sum := 0
	for r := 0; r < 100000000; r++ {
		s := shapes[r%len(shapes)]
		sum += s.Area()
		switch v := s.(type) {
		case Rect:
			sum += v.w
		case *Square:
			sum -= v.s
		}
	}
	for r := 0; r < 2000000; r++ {
		sum += shapes[r%len(shapes)].Scale(2).Area()
	}
	println(sum)
}
