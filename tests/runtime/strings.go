// strings.go — the Go twin of strings.c: string and slice operations
// whose results (including capacities, which show the allocator's size
// classes and append's growth) gc's runtime decides.
package main

var (
	sinkb []byte
	sinkr []rune
	sinks string
)

type rgb struct{ r, g, b byte }
type big struct {
	a, b, c int
	p      *int
}

func main() {
	s := "héllo, 世界\xff!\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80z"
	for i, r := range s {
		println(i, r)
	}
	for _, t := range []string{"", "a", "abc", "héllo", "世界世界世界世界世界世界世界世界世界世界", s} {
		sinkb = []byte(t)
		sinkr = []rune(t)
		println(len(t), len(sinkb), cap(sinkb), len(sinkr), cap(sinkr))
		sinks = string(sinkr)
		println(sinks == t, len(sinks))
	}
	for _, v := range []int64{0, 65, 0xe9, 0x4e16, 0x1f600, -1, 0xd800, 0x10ffff, 0x110000, 1 << 40} {
		sinks = string(rune(v))
		println(v, sinks, len(sinks))
	}
	a, b, c := "con", "cat", "enation"
	sinks = a + b
	println(sinks)
	sinks = a + b + c + a + b
	println(sinks, len(sinks))
	sinks = "" + b + ""
	println(sinks)
	pairs := []string{"", "", "a", "", "", "a", "a", "b", "b", "a", "ab", "abc", "abd", "abc", "abc", "abc", "\xff", "a"}
	for i := 0; i < len(pairs); i += 2 {
		x, y := pairs[i], pairs[i+1]
		println(x < y, x == y, x > y, x <= y)
	}
	var bs []byte
	prev := -1
	for i := 0; i < 5000; i++ {
		bs = append(bs, byte(i))
		if cap(bs) != prev {
			println("byte", len(bs), cap(bs))
			prev = cap(bs)
		}
	}
	var is []int
	prev = -1
	for i := 0; i < 5000; i++ {
		is = append(is, i)
		if cap(is) != prev {
			println("int", len(is), cap(is))
			prev = cap(is)
		}
	}
	var cs []rgb
	prev = -1
	for i := 0; i < 5000; i++ {
		cs = append(cs, rgb{})
		if cap(cs) != prev {
			println("rgb", len(cs), cap(cs))
			prev = cap(cs)
		}
	}
	var ps []big
	prev = -1
	for i := 0; i < 3000; i++ {
		ps = append(ps, big{})
		if cap(ps) != prev {
			println("big", len(ps), cap(ps))
			prev = cap(ps)
		}
	}
	is = append([]int(nil), make([]int, 1000)...)
	println("bulk", len(is), cap(is))
	sinkb = append([]byte("x"), make([]byte, 33)...)
	println("bulk", len(sinkb), cap(sinkb))
}
