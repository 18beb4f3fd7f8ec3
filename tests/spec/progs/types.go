// Examples of the spec's "Types" sections (numeric, array, slice, struct,
// pointer, function, interface, map, channel types; underlying and core
// types; type identity) and "Variables".
package main

type T struct{ n int }

func (t *T) String() string { return "T" }

type Point struct{ x, y float64 }

type P struct{ z int }
type T1 struct{ a int }
type T2 struct{ b int }

// spec Basic interfaces: the File interface, written with a local error type
type error2 interface{ Error() string }

type File interface {
	Read([]byte) (int, error2)
	Write([]byte) (int, error2)
	Close() error2
}

type FT struct{ closed *bool }

// spec Basic interfaces: func (p T) Read/Write/Close -- FT implements File
func (p FT) Read(b []byte) (n int, err error2)  { return len(b), nil }
func (p FT) Write(b []byte) (n int, err error2) { return 2 * len(b), nil }
func (p FT) Close() error2                      { *p.closed = true; return nil }

// spec Basic interfaces: type Locker interface { Lock(); Unlock() }
type Locker interface {
	Lock()
	Unlock()
}

func (p FT) Lock()   { println("Lock") }
func (p FT) Unlock() { println("Unlock") }

// spec Embedded interfaces: Reader, Writer, ReadWriter
type Reader interface {
	Read(p []byte) (n int, err error2)
	Close() error2
}

type Writer interface {
	Write(p []byte) (n int, err error2)
	Close() error2
}

type ReadWriter interface {
	Reader
	Writer
}

// spec General interfaces: Float and type-set interfaces used as constraints
type Float interface {
	~float32 | ~float64
}

type MyFloat float32

func half[F Float](x F) F { return x / 2 }

type MyInt int

func (m MyInt) String() string { return "MyInt" }

func onlyInt[P interface{ int }](x P) P                          { return x + 1 }
func tildeInt[P interface{ ~int }](x P) P                        { return x * 2 }
func tildeIntString[P interface{ ~int; String() string }](x P) string { return x.String() }

// spec Underlying types: A1 = string, A2 = A1, B1 string, B2 B1, B3 []B1, B4 B3, f[P any]
type (
	A1 = string
	A2 = A1
)

type (
	B1 string
	B2 B1
	B3 []B1
	B4 B3
)

func f[P any](x P) P { return x }

// spec Core types: Celsius, Kelvin and core-type interfaces used as constraints
type Celsius float32
type Kelvin float32

func warm[T interface{ Celsius | Kelvin }](t T) T { return t + 1 }

func sendOn[C interface{ ~chan int | ~chan<- int }](c C) { c <- 5 }

type data struct{ n int }

func (d *data) String() string { return "data" }

type dataList []*data

func (l dataList) String() string { return "list" }

func first[S interface{ ~[]*data; String() string }](s S) *data { return s[0] }

// spec Core types: interface{ []byte | string } and interface{ ~[]byte | myString } (bytestring)
type myString string

func firstByte[S interface{ []byte | string }](s S) byte { return s[0] }
func byteLen[S interface{ ~[]byte | myString }](s S) int { return len(s) }

// spec Type identity: A0 ... E0
type (
	A0  = []string
	A1i = A0
	A2i = struct{ a, b int }
	A3  = int
	A4  = func(A3, float64) *A0
	A5  = func(x int, _ float64) *[]string

	B0  A0
	B1i []string
	B2i struct{ a, b int }
	B3i struct{ a, c int }
	B4i func(int, float64) *B0
	B5  func(x int, y float64) *A1i

	C0     = B0
	D0[P1, P2 any] struct {
		x P1
		y P2
	}
	E0 = D0[int, string]
)

func main() {
	// spec Variables: var x interface{}; var v *T; x = 42; x = v
	var x interface{}
	var v *T
	println(x == nil)
	x = 42
	_, isInt := x.(int)
	println(isInt, x.(int))
	x = v
	pv, isPT := x.(*T)
	println(x == nil, isPT, pv == nil)

	// spec Numeric types: ranges of the sized integer types
	println(uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615))
	println(int8(-128), int8(127), int16(-32768), int16(32767), int32(-2147483648), int32(2147483647))
	println(int64(-9223372036854775808), int64(9223372036854775807))
	var u8 uint8 = 255
	u8++
	var i8 int8 = 127
	i8++
	println(u8, i8)
	// spec Numeric types: byte alias for uint8, rune alias for int32
	var by byte = 200
	var u8b uint8 = by
	var r rune = -5
	var i32 int32 = r
	println(u8b, i32)
	// spec Numeric types: float32, float64, complex64, complex128
	var f32 float32 = 1.0 / 3
	var f64 float64 = 1.0 / 3
	var c64 complex64 = complex(f32, -f32)
	var c128 complex128 = complex(f64, -f64)
	println(f32, f64, c64, c128)
	// spec Numeric types: uint, int, uintptr (64 bits on amd64)
	var maxu uint = 1<<64 - 1
	var maxi int = 1<<63 - 1
	var up uintptr = 1<<64 - 1
	println(maxu, maxi, up)

	// spec Array types: [32]byte [2*N] struct { x, y int32 } [1000]*float64 [3][5]int [2][2][2]float64
	const N = 3
	var a1 [32]byte
	var a2 [2 * N]struct{ x, y int32 }
	var a3 [1000]*float64
	var a4 [3][5]int
	var a5 [2][2][2]float64
	var a6 [2]([2]([2]float64))
	a5 = a6
	a2[5].y = 9
	a4[2][4] = 7
	println(len(a1), len(a2), a2[5].y, len(a3), a3[999] == nil, len(a4), len(a4[0]), a4[2][4], len(a5[1][1]))

	// spec Slice types: make([]int, 50, 100) and new([100]int)[0:50]
	s1 := make([]int, 50, 100)
	s2 := new([100]int)[0:50]
	println(len(s1), cap(s1), len(s2), cap(s2))

	// spec Struct types: an empty struct and a struct with 6 fields
	var es struct{}
	var st struct {
		x, y int
		u    float32
		_    float32 // padding
		A    *[]int
		F    func()
	}
	st.x, st.y, st.u = 1, 2, 3
	st.A = &[]int{4, 5}
	st.F = func() { println("F called") }
	st.F()
	println(es == struct{}{}, st.x, st.y, st.u, len(*st.A))

	// spec Struct types: embedded fields T1, *T2, P.T3, *P.T4 (local T3, T4 stand for P.T3, P.T4)
	type T3 struct{ c int }
	type T4 struct{ d int }
	var emb struct {
		T1
		*T2
		T3
		*T4
		x, y int
	}
	emb.T2 = &T2{2}
	emb.T4 = &T4{4}
	emb.a, emb.c, emb.x = 1, 3, 5
	println(emb.T1.a, emb.b, emb.T2.b, emb.c, emb.d, emb.T4.d, emb.x, emb.y)

	// spec Struct types: tags
	var tagged struct {
		x, y float64 ""
		name string  "any string is permitted as a tag"
		_    [4]byte "ceci n'est pas un champ de structure"
	}
	var ts struct {
		microsec  uint64 `protobuf:"1"`
		serverIP6 uint64 `protobuf:"2"`
	}
	tagged.name = "tag"
	ts.serverIP6 = 6
	var plain struct {
		microsec  uint64
		serverIP6 uint64
	}
	plain = struct {
		microsec  uint64
		serverIP6 uint64
	}(ts) // tags are ignored in conversions
	println(tagged.x, tagged.name, ts.microsec, plain.serverIP6)

	// spec Pointer types: *Point, *[4]int
	pp := &Point{1, 2}
	pa := &[4]int{1, 2, 3, 4}
	println(pp.x+pp.y, len(pa), pa[3])

	// spec Function types: the eight signatures
	var f1 func() = func() {}
	var f2 func(x int) int = func(x int) int { return x + 1 }
	var f3 func(a, _ int, z float32) bool = func(a, _ int, z float32) bool { return float32(a) < z }
	var f4 func(a, b int, z float32) bool = f3
	var f5 func(prefix string, values ...int) = func(prefix string, values ...int) { println(prefix, len(values)) }
	var f6 func(a, b int, z float64, opt ...interface{}) (success bool) = func(a, b int, z float64, opt ...interface{}) (success bool) { return len(opt) == a+b }
	var f7 func(int, int, float64) (float64, *[]int) = func(i, j int, z float64) (float64, *[]int) { return z, &[]int{i, j} }
	var f8 func(n int) func(p *T) = func(n int) func(p *T) { return func(p *T) { p.n = n } }
	f1()
	f5("values", 1, 2, 3)
	z, ps := f7(1, 2, 3.5)
	tt := &T{}
	f8(9)(tt)
	println(f2(1), f3(1, 2, 1.5), f4(2, 0, 1.5), f6(1, 1, 0, "a", 'b'), z, len(*ps), tt.n)

	// spec Basic interfaces: File; FT's method set makes it a File
	closed := false
	var file File = FT{&closed}
	n1, _ := file.Read(make([]byte, 3))
	n2, _ := file.Write(make([]byte, 3))
	file.Close()
	println(n1, n2, closed)
	// spec Basic interfaces: interface{} holds any value
	var any1 interface{} = file
	_, isFile := any1.(File)
	println(isFile)
	// spec Basic interfaces: FT implements both File and Locker
	var lk Locker = FT{&closed}
	lk.Lock()
	lk.Unlock()
	// spec Embedded interfaces: ReadWriter's methods are Read, Write, and Close
	var rw ReadWriter = FT{&closed}
	var rd Reader = rw
	var wr Writer = rw
	n3, _ := rd.Read(make([]byte, 4))
	n4, _ := wr.Write(make([]byte, 4))
	println(n3, n4)

	// spec General interfaces: Float (~float32 | ~float64) as a constraint
	println(half(3.0), half(float32(3)), half(MyFloat(5)))
	// spec General interfaces: interface{ int }, interface{ ~int }, interface{ ~int; String() string }
	println(onlyInt(1), tildeInt(MyInt(4)), tildeIntString(MyInt(4)))

	// spec Map types: map[string]int, map[*T]struct{ x, y float64 }, map[string]interface{}
	m1 := map[string]int{"a": 1}
	k := &T{}
	m2 := map[*T]struct{ x, y float64 }{k: {1, 2}}
	m3 := map[string]interface{}{"s": "str", "i": 3}
	println(m1["a"], m2[k].y, m3["s"].(string), m3["i"].(int), len(m3))
	// spec Map types: make(map[string]int) and make(map[string]int, 100)
	m4 := make(map[string]int)
	m5 := make(map[string]int, 100)
	m4["x"] = 1
	println(len(m4), len(m5))

	// spec Channel types: chan T, chan<- float64, <-chan int
	ct := make(chan T, 1)
	var sendOnly chan<- float64 = make(chan float64, 1)
	ci := make(chan int, 1)
	var recvOnly <-chan int = ci
	ct <- T{3}
	sendOnly <- 1.5
	ci <- 4
	println((<-ct).n, len(sendOnly), <-recvOnly)
	// spec Channel types: chan<- chan int, chan<- <-chan int, <-chan <-chan int, chan (<-chan int)
	cc := make(chan (<-chan int), 1)
	var c1 chan<- chan int = make(chan chan int)
	var c2 chan<- <-chan int = cc
	var c3 <-chan <-chan int = cc
	var c4 chan (<-chan int) = cc
	inner := make(chan int, 1)
	inner <- 8
	c2 <- inner
	println(c1 != nil, <-<-c3, len(c4))
	// spec Channel types: make(chan int, 100)
	c100 := make(chan int, 100)
	println(cap(c100))

	// spec Underlying types: A1, A2, B1, B2, B3, B4 and f's P
	var sa2 A2 = "alias"
	var sb2 B2 = B2(B1(sa2))
	var b4 B4 = B4{"x", B1(sb2)}
	var b3 B3 = B3(b4)
	println(sa2, string(sb2), len(b3), string(b3[1]), f("P"), f(3))

	// spec Core types: interface{ Celsius|Kelvin } has core type float32; ~chan int|~chan<- int has core type chan<- int
	println(warm(Celsius(20)), warm(Kelvin(300)))
	ch5 := make(chan int, 1)
	sendOn(ch5)
	println(<-ch5)
	// spec Core types: interface{ ~[]*data; String() string }
	dl := dataList{&data{7}}
	println(first(dl).n)
	// spec Core types: bytestring core types
	println(firstByte("abc"), firstByte([]byte("xyz")), byteLen([]byte("abcd")), byteLen(myString("ab")))

	// spec Type identity: identical types are assignable both ways without conversion
	var va0 A0 = []string{"a"}
	var va1 A1i = va0
	var sl []string = va1
	var va2 A2i = struct{ a, b int }{1, 2}
	var va3 A3 = 3
	var in int = va3
	var va4 A4 = func(int, float64) *[]string { return &sl }
	var va5 A5 = va4
	var fn func(int, float64) *[]string = va5
	var vb0 B0 = B0(sl)
	var vc0 C0 = vb0
	var vd0 D0[int, string] = D0[int, string]{1, "one"}
	var ve0 E0 = vd0
	var vb5 B5
	var s55 struct{ a, b *B5 } = struct{ a, b *B5 }{&vb5, nil}
	var fr func(int, float64) (result *[]string) = va5
	println(len(sl), va2.b, in, len(*fn(1, 2)), len(vc0), ve0.x, ve0.y, s55.b == nil, len(*fr(0, 0)))
	// spec Type identity: different types (B0 vs B1, B2 vs B3, ...) need conversions
	var vb1 B1i = B1i(vb0)
	var vb2 B2i = B2i(va2)
	var vb3 B3i
	println(len(vb1), vb2.a, vb3.c)
	var vb4 B4i = func(int, float64) *B0 { return &vb0 }
	println(len(*vb4(0, 0)))
}
