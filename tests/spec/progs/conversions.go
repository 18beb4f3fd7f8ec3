// Examples of the spec's "Conversions" sections: syntax, constant
// conversions, conversions between struct types ignoring tags, to and
// from string types, and from slice to array pointer.
package main

type Point struct{ x, y int }

type myString string
type bytes []byte
type myByte byte
type runes []rune
type myRune rune

func catch(name string, g func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(interface{ Error() string }).Error())
		}
	}()
	g()
}

// spec Conversions: f[P ~float32|~float64]() { … P(1.1) … }
func f[P ~float32 | ~float64]() P {
	return P(1.1)
}

// spec Conversions: Person and data, identical underlying types ignoring tags
type Person struct {
	Name    string
	Address *struct {
		Street string
		City   string
	}
}

var data *struct {
	Name    string `json:"name"`
	Address *struct {
		Street string `json:"street"`
		City   string `json:"city"`
	} `json:"address"`
}

func printBytes(b []byte) {
	for _, c := range b {
		print(c, " ")
	}
	println(len(b), b == nil)
}

func main() {
	// spec Conversions: *Point(p), (*Point)(p), <-chan int(c), (<-chan int)(c), (func())(x), (func() int)(x), func() int(x)
	{
		type P2 Point
		p := &P2{1, 2}
		q := (*Point)(p)
		type PP *Point
		v := *PP(q) // same as *(PP(q)): a conversion, then an indirection
		println(q.x, q.y, v.y)
		c := make(chan int, 1)
		c <- 9
		rc := (<-chan int)(c)
		println(<-rc)
		c <- 10
		println(<-chan int(c)) // same as <-(chan int(c))
		type F func()
		var x F = func() { println("x called") }
		(func())(x)()
		type G func() int
		var g G = func() int { return 11 }
		println((func() int)(g)(), func() int(g)())
	}
	// spec Conversions: constant conversions
	{
		const iota1 = 3
		var cv1 interface{} = uint(iota1)
		_, isUint := cv1.(uint)
		println(isUint, float32(2.718281828), complex128(1), float32(0.49999999), float64(-1e-1000))
		println(string('x'), string(rune(0x266c)), myString("foo"+"bar"), string([]byte{'a'}), (*int)(nil) == nil)
	}
	// spec Conversions: P(1.1) in a generic function
	println(f[float32](), f[float64]())
	// spec Conversions: var person = (*Person)(data), ignoring tags
	data = &struct {
		Name    string `json:"name"`
		Address *struct {
			Street string `json:"street"`
			City   string `json:"city"`
		} `json:"address"`
	}{Name: "Ann"}
	var person = (*Person)(data)
	println(person.Name, person.Address == nil)

	// spec Conversions: numeric conversions round and truncate
	{
		fl := -2.7
		big := 300
		println(int(fl), uint8(big), int8(big), float32(1<<24+1), int64(float32(16777217)))
		var u uint32 = 0xffffffff
		m1 := int8(-1)
		println(int32(u), int64(int32(u)), uint64(m1))
	}

	// spec Conversions to and from a string type: string('a'), string(-1), string(0xf8), myString(0x65e5)
	{
		m1, f8, e5 := -1, 0xf8, 0x65e5
		println(string('a'), string(rune(m1)) == "\ufffd", string(rune(m1)) == "\xef\xbf\xbd", string(rune(f8)) == "ø", myString(rune(e5)) == "日")
	}
	// spec Conversions to and from a string type: string([]byte{...}), bytes, []myByte
	println(string([]byte{'h', 'e', 'l', 'l', '\xc3', '\xb8'}), string([]byte{}) == "", string([]byte(nil)) == "")
	println(string(bytes{'h', 'e', 'l', 'l', '\xc3', '\xb8'}), string([]myByte{'w', 'o', 'r', 'l', 'd', '!'}), myString([]myByte{'\xf0', '\x9f', '\x8c', '\x8d'}) == "🌍")
	// spec Conversions to and from a string type: string([]rune{...}), runes, []myRune
	println(string([]rune{0x767d, 0x9d6c, 0x7fd4}), string([]rune{}) == "", string([]rune(nil)) == "")
	println(string(runes{0x767d, 0x9d6c, 0x7fd4}) == "\u767d\u9d6c\u7fd4", string([]myRune{0x266b, 0x266c}) == "♫♬", myString([]myRune{0x1f30e}) == "\U0001f30e")
	println(string([]rune{-1, 0xd800, 0x110000, 'a'}) == "\ufffd\ufffd\ufffda")
	// spec Conversions to and from a string type: []byte("hellø"), []byte(""), bytes("hellø"), []myByte(...)
	printBytes([]byte("hellø"))
	printBytes([]byte(""))
	printBytes(bytes("hellø"))
	{
		mb := []myByte("world!")
		mb2 := []myByte(myString("🌏"))
		println(len(mb), mb[5], len(mb2), mb2[0], mb2[1], mb2[2], mb2[3])
	}
	// spec Conversions to and from a string type: []rune(myString("白鵬翔")), []rune(""), runes("白鵬翔"), []myRune(...)
	{
		r1 := []rune(myString("白鵬翔"))
		r2 := []rune("")
		r3 := runes("白鵬翔")
		r4 := []myRune("♫♬")
		r5 := []myRune(myString("🌐"))
		println(len(r1), r1[0], r1[1], r1[2], len(r2), r2 == nil, len(r3), r3[2], len(r4), r4[0], r4[1], len(r5), r5[0])
		r6 := []rune("a\xffb")
		println(len(r6), r6[1])
	}

	// spec Conversions from slice to array pointer: s0, s1, s2 and the panicking s4
	{
		s := make([]byte, 2, 4)
		s0 := (*[0]byte)(s)
		s1 := (*[1]byte)(s[1:])
		s2 := (*[2]byte)(s)
		println(s0 != nil, &s1[0] == &s[1], &s2[0] == &s[0])
		s2[1] = 7
		println(s[1], s1[0])
		catch("(*[4]byte)(s)", func() {
			s4 := (*[4]byte)(s)
			println(s4 == nil)
		})
		// spec Conversions from slice to array pointer: var t []string; t0 == nil; t1 panics; u0 != nil
		var t []string
		t0 := (*[0]string)(t)
		println(t0 == nil)
		catch("(*[1]string)(t)", func() {
			t1 := (*[1]string)(t)
			println(t1 == nil)
		})
		u := make([]byte, 0)
		u0 := (*[0]byte)(u)
		println(u0 != nil)
	}
}
