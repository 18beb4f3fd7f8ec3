// Examples of the spec's "Constant expressions", "Representability" and
// "Manipulating complex numbers" (constant parts) sections.
package main

// spec Constant expressions: a, b, c, Θ, Π, d, e, h, j, k, l, m, Σ, Δ, Φ
const a = 2 + 3.0        // a == 5.0   (untyped floating-point constant)
const b = 15 / 4         // b == 3     (untyped integer constant)
const c = 15 / 4.0       // c == 3.75  (untyped floating-point constant)
const Θ float64 = 3 / 2  // Θ == 1.0   (type float64, 3/2 is integer division)
const Π float64 = 3 / 2. // Π == 1.5   (type float64, 3/2. is float division)
const d = 1 << 3.0       // d == 8     (untyped integer constant)
const e = 1.0 << 3       // e == 8     (untyped integer constant)
const h = "foo" > "bar"  // h == true  (untyped boolean constant)
const j = true           // j == true  (untyped boolean constant)
const k = 'w' + 1        // k == 'x'   (untyped rune constant)
const l = "hi"           // l == "hi"  (untyped string constant)
const m = string(k)      // m == "x"   (type string)
const Σ = 1 - 0.707i     //            (untyped complex constant)
const Δ = Σ + 2.0e-4     //            (untyped complex constant)
const Φ = iota*1i - 1/1i //            (untyped complex constant)

// spec Constant expressions: ic == 3.75i, iΘ == 1i (complex128)
const ic = complex(0, c) // ic == 3.75i  (untyped complex constant)
const iΘ = complex(0, Θ) // iΘ == 1i     (type complex128)

// spec Constant expressions: Huge == 1<<100, Four int8 = Huge >> 98
const Huge = 1 << 100        // Huge == 1267650600228229401496703205376  (untyped integer constant)
const Four int8 = Huge >> 98 // Four == 4                                (type int8)

func typeOf(x interface{}) string {
	switch x.(type) {
	case int:
		return "int"
	case int8:
		return "int8"
	case uint8:
		return "uint8"
	case int32:
		return "int32"
	case float32:
		return "float32"
	case float64:
		return "float64"
	case complex64:
		return "complex64"
	case complex128:
		return "complex128"
	case string:
		return "string"
	case bool:
		return "bool"
	case uint:
		return "uint"
	}
	return "other"
}

func main() {
	println(a, b, c, Θ, Π, d, e, h, j, k, l, m)
	println(typeOf(a), typeOf(b), typeOf(c), typeOf(Θ), typeOf(Π), typeOf(d), typeOf(e), typeOf(h), typeOf(k), typeOf(m))
	println(Σ, Δ, Φ, typeOf(Σ), typeOf(Φ))
	println(ic, iΘ, typeOf(ic), typeOf(iΘ), ic == 3.75i, iΘ == 1i)
	println(Huge>>90, Huge/(1<<97), Four, typeOf(Four), Huge == 1267650600228229401496703205376)
	// spec Constant expressions: values are exact; typed constants must be representable
	const exact = 1.0 / 3.0 * 3.0
	println(exact == 1, 1<<62*4/8 == 1<<61, (Huge+1)-Huge)

	// spec Constant expressions: ^1, ^uint8(1), int8(^1), ^int8(1)
	println(^1, ^uint8(1), int8(^1), ^int8(1), typeOf(^1), typeOf(^uint8(1)), typeOf(^int8(1)))
	const mask = 1<<8 - 1
	println(^uint8(1) == mask^1)

	// spec Representability: 'a' byte, 97 rune, "foo" string, 1024 int16, 42.0 byte, 1e10 uint64, 2.718281828459045 float32, -1e-1000 float64, 0i int, (42 + 0i) float32
	var r1 byte = 'a'
	var r2 rune = 97
	var r3 string = "foo"
	var r4 int16 = 1024
	var r5 byte = 42.0
	var r6 uint64 = 1e10
	var r7 float32 = 2.718281828459045
	var r8 float64 = -1e-1000
	var r9 int = 0i
	var r10 float32 = (42 + 0i)
	println(r1, r2, r3, r4, r5, r6, r7, r8, r9, r10)
	println(1/r8 > 0) // -1e-1000 is simplified to +0.0, not -0.0

	// spec Manipulating complex numbers: var a = complex(2, -2); const b = complex(1.0, -1.4); c64 := complex(5, -x); var s int = complex(1, 0); rl, im; const c = imag(b)
	{
		var a = complex(2, -2) // complex128
		const b = complex(1.0, -1.4)
		x := float32(0) // float32(math.Cos(math.Pi/2)) is about 0 as well
		var c64 = complex(5, -x)
		var s int = complex(1, 0)
		var rl = real(c64)
		var im = imag(a)
		const c = imag(b)
		println(typeOf(a), typeOf(b), typeOf(c64), s, typeOf(rl), typeOf(im), c, typeOf(c), rl, im)
		println(real(b), imag(b), c == -1.4)
	}
	// spec Length and capacity: c1..c4 are constants
	{
		const (
			c1 = imag(2i)                   // imag(2i) = 2.0 is a constant
			c2 = len([10]float64{2})        // [10]float64{2} contains no function calls
			c3 = len([10]float64{c1})       // [10]float64{c1} contains no function calls
			c4 = len([10]float64{imag(2i)}) // imag(2i) is a constant and no function call is issued
		)
		var arr [c2 + c3 + c4]int
		println(c1, c2, c3, c4, len(arr), len("foo"), len([3]int{}))
	}
}
