// Examples of the spec's "Declarations and scope" sections: constants,
// iota, alias and type definitions, type parameters and constraints,
// variables, short variable declarations, function and method declarations.
package main

// spec Constant declarations: Pi, zero, size, eof, a, b, c, u, v
const Pi float64 = 3.14159265358979323846
const zero = 0.0 // untyped floating-point constant
const (
	size int64 = 1024
	eof        = -1 // untyped integer constant
)
const a, b, c = 3, 4, "foo" // a = 3, b = 4, c = "foo", untyped integer and string constants
const u, v float32 = 0, 3   // u = 0.0, v = 3.0

// spec Constant declarations: Sunday ... numberOfDays with implicit repetition
const (
	Sunday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Partyday
	numberOfDays // this constant is not exported
)

// spec Iota: c0, c1, c2
const (
	c0 = iota // c0 == 0
	c1 = iota // c1 == 1
	c2 = iota // c2 == 2
)

// spec Iota: a == 1, b == 2, c == 3, d == 8 (renamed ia..id)
const (
	ia = 1 << iota // a == 1  (iota == 0)
	ib = 1 << iota // b == 2  (iota == 1)
	ic = 3         // c == 3  (iota == 2, unused)
	id = 1 << iota // d == 8  (iota == 3)
)

// spec Iota: u == 0, v == 42.0 (float64), w == 84 (renamed iu, iv, iw)
const (
	iu         = iota * 42 // u == 0     (untyped integer constant)
	iv float64 = iota * 42 // v == 42.0  (float64 constant)
	iw         = iota * 42 // w == 84    (untyped integer constant)
)

// spec Iota: const x = iota; const y = iota (both 0)
const x = iota // x == 0
const y = iota // y == 0

// spec Iota: bit0, mask0 ... bit3, mask3
const (
	bit0, mask0 = 1 << iota, 1<<iota - 1 // bit0 == 1, mask0 == 0  (iota == 0)
	bit1, mask1                          // bit1 == 2, mask1 == 1  (iota == 1)
	_, _                                 //                        (iota == 2, unused)
	bit3, mask3                          // bit3 == 8, mask3 == 7  (iota == 3)
)

// spec Alias declarations: nodeList = []*Node, Polar = polar
type Node struct{ v int }

type (
	nodeList = []*Node // nodeList and []*Node are identical types
	Polar    = polar   // Polar and polar denote identical types
)

// spec Type definitions: Point, polar, TreeNode, Block
type (
	Point struct{ x, y float64 } // Point and struct{ x, y float64 } are different types
	polar Point                  // polar and Point denote different types
)

type TreeNode struct {
	left, right *TreeNode
	value       any
}

type Block interface {
	BlockSize() int
	Encrypt(src, dst []byte)
	Decrypt(src, dst []byte)
}

type xorBlock byte

func (k xorBlock) BlockSize() int { return 1 }
func (k xorBlock) Encrypt(src, dst []byte) {
	for i := range src {
		dst[i] = src[i] ^ byte(k)
	}
}
func (k xorBlock) Decrypt(src, dst []byte) { k.Encrypt(src, dst) }

// spec Type definitions: Mutex, NewMutex, PtrMutex, PrintableMutex, MyBlock
type Mutex struct{ locked bool }

func (m *Mutex) Lock()   { m.locked = true }
func (m *Mutex) Unlock() { m.locked = false }

type NewMutex Mutex

type PtrMutex *Mutex

type PrintableMutex struct {
	Mutex
}

type MyBlock Block

type Locker interface {
	Lock()
	Unlock()
}

// spec Type definitions: TimeZone with EST..PST and a String method (fmt.Sprintf replaced)
type TimeZone int

const (
	EST TimeZone = -(5 + iota)
	CST
	MST
	PST
)

func (tz TimeZone) String() string {
	return "GMT" + string(rune('0'+(-tz)/10)) + string(rune('0'+(-tz)%10)) + "h" // "GMT-05h" style
}

// spec Type definitions: generic List[T] and its method Len
type List[T any] struct {
	next  *List[T]
	value T
}

func (l *List[T]) Len() int {
	n := 0
	for ; l != nil; l = l.next {
		n++
	}
	return n
}

// spec Type parameter declarations: [P any], [S interface{ ~[]byte|string }], [S ~[]E, E any], [P Constraint[int]], [_ any]
type Constraint[T any] interface{ ~[]T }

func tp1[P any](p P) P                               { return p }
func tp2[S interface{ ~[]byte | string }](s S) int   { return len(s) }
func tp3[S ~[]E, E any](s S) E                       { return s[len(s)-1] }
func tp4[P Constraint[int]](p P) int                 { return len(p) }
func tp5[_ any]() int                                { return 5 }

// spec Type parameter declarations: T[P interface{*C}] and T[P *C,] declare type parameters
type C struct{ n int }

type TP4[P interface{ *C }] struct{ p P }
type TP5[P *C,] struct{ p P }

// spec Type constraints: [T []P], [T ~int], [T int|string]
func tc1[T []P, P any](t T) int { return len(t) }
func tc2[T ~int](t T) T        { return t + 1 }
func tc3[T int | string](t T) T { return t + t }

// spec Type constraints: comparable; interface{ ~int | ~string } and interface{ comparable } are comparable
func eq[T comparable](a, b T) bool                  { return a == b }
func eq2[T interface{ ~int | ~string }](a, b T) bool { return a == b }
func eq3[T interface{ comparable }](a, b T) bool     { return a == b }

// spec Function declarations: IndexRune (with the missing return supplied)
func IndexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// spec Function declarations: generic min
func min[T ~int | ~float64](x, y T) T {
	if x < y {
		return x
	}
	return y
}

// spec Method declarations: Length and Scale on *Point (Length returns the squared length: no math.Sqrt)
func (p *Point) Length() float64 {
	return p.x*p.x + p.y*p.y
}

func (p *Point) Scale(factor float64) {
	p.x *= factor
	p.y *= factor
}

// spec Method declarations: Pair[A, B] with Swap and First
type Pair[A, B any] struct {
	a A
	b B
}

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.b, p.a} }
func (p Pair[First, _]) First() First { return p.a }

func complexSqrt(x float64) (re, im float64) {
	if x < 0 {
		return 0, 1
	}
	return 1, 0
}

func coord(p Point) (float64, float64, float64) { return p.x, p.y, 0 }

func nextField(str string, off int) (string, int) {
	i := off
	for i < len(str) && str[i] != ',' {
		i++
	}
	return str[off:i], i + 1
}

func main() {
	println(Pi, zero, size, eof, a, b, c, u, v)
	println(Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Partyday, numberOfDays)
	println(c0, c1, c2)
	println(ia, ib, ic, id)
	var fiv interface{} = iv
	_, isF64 := fiv.(float64)
	println(iu, iv, iw, isF64)
	println(x, y)
	println(bit0, mask0, bit1, mask1, bit3, mask3)

	var nl nodeList = []*Node{{1}, {2}}
	var plain []*Node = nl
	var pol Polar = polar{1, 2}
	var pol2 polar = pol
	println(len(plain), plain[1].v, pol2.y)

	pt := Point{3, 4}
	pl := polar(pt) // different types: needs a conversion
	tree := &TreeNode{value: "root", left: &TreeNode{value: 1}}
	println(pl.x, tree.value.(string), tree.left.value.(int), tree.right == nil)
	var blk Block = xorBlock(0x20)
	src, dst := []byte("abc"), make([]byte, 3)
	blk.Encrypt(src, dst)
	println(blk.BlockSize(), string(dst))
	var mb MyBlock = blk
	mb.Decrypt(dst, src)
	println(string(src))

	var m Mutex
	var lk Locker = &m
	lk.Lock()
	println(m.locked)
	var nm NewMutex // same composition, empty method set
	nm.locked = true
	_, nmLocker := interface{}(&nm).(Locker)
	var ptrm PtrMutex = &m
	_, pmLocker := interface{}(ptrm).(Locker)
	var prm PrintableMutex
	var lk2 Locker = &prm // methods of the embedded Mutex
	lk2.Lock()
	_, prmLocker := interface{}(prm).(Locker) // value has no Lock (pointer receiver)
	println(nmLocker, pmLocker, prm.locked, prmLocker)

	println(EST, CST, MST, PST, EST.String(), PST.String())

	l := &List[string]{value: "a", next: &List[string]{value: "b"}}
	println(l.Len(), l.next.value)

	println(tp1(1), tp2("abc"), tp2([]byte{1}), tp3([]int{1, 2, 3}), tp4([]int{1, 2}), tp5[int]())
	cc := &C{4}
	println(TP4[*C]{cc}.p.n, TP5[*C]{cc}.p.n)
	{
		// spec Type parameter declarations: T[P *C], T[P (C)], T[P *C|Q] are array types when P, C, Q are constants
		const P, C, Q = 2, 3, 8
		type T1 [P *C]int
		type T3 [P *C|Q]int
		println(len(T1{}), len(T3{}))
		{
			type P int
			type T2 [P (C)]int
			println(len(T2{}))
		}
	}
	println(tc1[[]string]([]string{"a"}), tc2(41), tc3(2), tc3("ab"))
	println(eq(1, 1), eq("a", "b"), eq2(3, 3), eq2("x", "y"), eq3(1.5, 1.5))

	// spec Variable declarations: var i int ... var _, found = entries[name]
	var i int
	var U, V, W float64
	var k = 0
	var vx, vy float32 = -1, -2
	var (
		i2      int
		uu, vv, s = 2.0, 3.0, "bar"
	)
	var re, im = complexSqrt(-1)
	entries := map[string]int{"one": 1}
	name := "one"
	var _, found = entries[name] // map lookup; only interested in "found"
	println(i, U, V, W, k, vx, vy, i2, uu, vv, s, re, im, found)

	// spec Variable declarations: d, i, t, ok with their types (math.Sin replaced)
	var d = 0.5 * 2 // d is float64
	var i42 = 42    // i is int
	var xi interface{} = Point{1, 2}
	var t, ok = xi.(Point) // t is Point, ok is bool
	var di interface{} = d
	_, dIsF := di.(float64)
	var ii interface{} = i42
	_, iIsInt := ii.(int)
	println(dIsF, iIsInt, t.y, ok)

	// spec Short variable declarations: i, j := 0, 10; f := func() int { return 7 }; ch := make(chan int); _, y, _ := coord(p)
	si, j := 0, 10
	f := func() int { return 7 }
	ch := make(chan int)
	_, cy, _ := coord(Point{5, 6})
	println(si, j, f(), cap(ch), cy)

	// spec Short variable declarations: redeclaring offset
	str := "ab,cde,f"
	field1, offset := nextField(str, 0)
	field2, offset := nextField(str, offset) // redeclares offset
	println(field1, field2, offset)

	// spec Function declarations: IndexRune and min
	println(IndexRune("héllo", 'l'), IndexRune("abc", 'z'), min(3, 2), min(1.5, 2.5))

	// spec Method declarations: Length and Scale
	p := &Point{3, 4}
	p.Scale(2)
	println(p.x, p.y, p.Length())
	pr := Pair[int, string]{1, "one"}
	sw := pr.Swap()
	println(sw.a, sw.b, pr.First(), sw.First())
}
