package main

type T struct{ n int }

func (t T) Get() int      { return t.n }
func (t *T) Inc(d int)    { t.n += d }
func (t T) Add(d int) int { return t.n + d }

type Outer struct {
	T
	name string
}

type Getter interface{ Get() int }

type F func(int) int

func (f F) Apply(x int) int { return f(x) }

func main() {
	t := T{5}
	g := t.Get
	inc := t.Inc
	inc(3)
	println(g(), t.n)
	f := T.Add
	println(f(t, 10))
	h := (*T).Inc
	h(&t, 100)
	println(t.n, (*T).Get(&t))
	o := Outer{T{1}, "o"}
	o.Inc(2)
	println(o.Get(), o.n, o.Add(1))
	var gi Getter = o
	println(gi.Get())
	gm := gi.Get
	println(gm())
	ge := Getter.Get
	println(ge(&o))
	var ff F = func(x int) int { return x * 2 }
	println(ff.Apply(21))
	fns := []func() int{t.Get, o.Get, gi.Get}
	for _, fn := range fns {
		println(fn())
	}
}
