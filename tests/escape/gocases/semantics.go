// Escape analysis must never leave in a frame what outlives it: every
// value here is checked after its function returned and after the
// goroutine's stack has grown (deep recursion copies it).
package main

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

type node struct {
	v    int
	next *node
}

type box struct{ p *int }

var global *int
var gbox box
var gany any
var gslice []*int

func grow(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return grow(n-1) + int(pad[n%64]) - int(pad[n%64])
}

func retaddr() *int {
	x := 41
	x++
	return &x
}

func viaglobal() {
	y := 7
	global = &y
}

func viastruct() *box {
	z := 9
	b := box{&z}
	return &b
}

func viaiface() any {
	w := 11
	return &w
}

func boxed() any {
	v := 13
	return box{&v} // boxed on the heap with a pointer to v
}

func viaslice() []*int {
	var out []*int
	for i := 0; i < 3; i++ {
		j := i * 10
		out = append(out, &j)
	}
	return out
}

func loopouter() *int {
	var p *int
	for i := 0; i < 3; i++ {
		k := i + 100
		p = &k
	}
	return p
}

func gotoloop() []*int {
	var ps []*int
	var p *int
	i := 0
again:
	m := i * 3
	if p != nil && *p == m {
		panic("reused")
	}
	p = &m
	ps = append(ps, p)
	i++
	if i < 3 {
		goto again
	}
	return ps
}

func closure() func() int {
	c := 5
	return func() int { c++; return c }
}

func nested() func() int {
	d := 1
	f := func() func() int {
		return func() int { d *= 2; return d }
	}
	return f()
}

func viachan() *int {
	ch := make(chan *int, 1)
	e := 17
	ch <- &e
	return <-ch
}

func viamap() map[string]*int {
	m := map[string]*int{}
	f := 19
	m["f"] = &f
	return m
}

func viadefer() (r *int) {
	g := 23
	defer func() { r = &g }()
	return nil
}

type counter struct{ n int }

func (c *counter) inc() int { c.n++; return c.n }

func methodvalue() func() int {
	var c counter
	return c.inc
}

func keep(p *int) *int { return p }

func leakresult() *int {
	h := 29
	return keep(&h)
}

func store(pp **int, p *int) { *pp = p }

func leakparam() *int {
	var q *int
	i := 31
	store(&q, &i)
	return q
}

func rec(n int, p *int) *int {
	if n == 0 {
		return p
	}
	x := n
	if n == 2 {
		return rec(n-1, &x)
	}
	return rec(n-1, p)
}

func unsafeptr() *int {
	arr := [4]int{1, 2, 3, 37}
	p := unsafe.Pointer(uintptr(unsafe.Pointer(&arr[0])) + 3*unsafe.Sizeof(arr[0]))
	return (*int)(p)
}

var sinkfn func(...*int)

func variadicleak() []*int {
	a, b := 43, 47
	var saved []*int
	sinkfn = func(ps ...*int) { saved = ps }
	sinkfn(&a, &b)
	return saved
}

func retain(ps ...*int) []*int { return ps }

func variadicret() []*int {
	a, b := 53, 59
	return retain(&a, &b)
}

func strconv2(b []byte) string {
	s := string(b)
	return s
}

func strloop() []string {
	var out []string
	for i := 0; i < 3; i++ {
		b := []byte{'a' + byte(i), 'x'}
		out = append(out, string(b))
	}
	return out
}

func concatkeep(a, b string) string {
	s := a + b
	return s
}

func typeswitch(x any) *int {
	switch v := x.(type) {
	case *int:
		return v
	}
	return nil
}

func tsw() *int {
	n := 61
	return typeswitch(&n)
}

func sortptrs() []*int {
	a, b, c := 3, 1, 2
	ps := []*int{&a, &b, &c}
	sort.Slice(ps, func(i, j int) bool { return *ps[i] < *ps[j] })
	return ps
}

func builder() string {
	var sb strings.Builder
	sb.WriteString("built")
	return sb.String()
}

func newobj() *node {
	n := new(node)
	n.v = 67
	n.next = &node{v: 71}
	return n
}

func arrslice() []int {
	var arr [3]int
	arr[1] = 73
	return arr[:]
}

func goroutine() *int {
	x := 79
	done := make(chan bool)
	var got *int
	go func() { got = &x; done <- true }()
	<-done
	return got
}

func selectcase() *int {
	ch := make(chan *int, 1)
	y := 83
	select {
	case ch <- &y:
	}
	return <-ch
}

func directcall() *int {
	u := 89
	p := func() *int { return &u }()
	return p // u must outlive the call
}

func directlocal() *int {
	u := 0
	*(func() *int { return &u }()) = 97
	v := u
	return func(q *int) *int { return q }(&v) // v must outlive directlocal
}

func main() {
	ps := []*int{retaddr()}
	viaglobal()
	ps = append(ps, global, viastruct().p, viaiface().(*int), boxed().(box).p)
	ps = append(ps, viaslice()...)
	ps = append(ps, loopouter())
	ps = append(ps, gotoloop()...)
	ps = append(ps, viachan(), viamap()["f"], viadefer(), leakresult(), leakparam(), rec(3, nil), unsafeptr())
	ps = append(ps, variadicleak()...)
	ps = append(ps, variadicret()...)
	ps = append(ps, tsw())
	ps = append(ps, sortptrs()...)
	ps = append(ps, goroutine(), selectcase(), directcall(), directlocal())
	cl, ns, mv := closure(), nested(), methodvalue()
	strs := []string{strconv2([]byte("conv")), concatkeep("con", "cat"), builder()}
	strs = append(strs, strloop()...)
	n, a := newobj(), arrslice()
	grow(10000)
	var vals []int
	for _, p := range ps {
		vals = append(vals, *p)
	}
	fmt.Println(vals)
	fmt.Println(cl(), cl(), ns(), ns(), mv(), mv())
	fmt.Println(strs)
	fmt.Println(n.v, n.next.v, a)
}
