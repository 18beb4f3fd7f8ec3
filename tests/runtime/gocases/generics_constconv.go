// Untyped constants converted where the checker leaves a run-time conversion: T(0), T(0.1), T('a') with T a complex type parameter (go/types gives the constant its default type, the instance converts int or float64 to complex: GOROOT/test typeparam/issue50193), and shift counts that are untyped float or complex constants (GOROOT/test shift3).
package main

import "math"

type C interface{ ~complex64 | ~complex128 }

func f1[T C]() T { return T(0.1) }
func f2[T C]() T { return T(16777217) }
func f3[T C]() T { return T(1e30) }
func f4[T C]() T { return T('a') }
func f5[T C]() T { return T(-1i) }

type MyC complex64

func main() {
	a, b := f1[complex64](), f1[complex128]()
	println(math.Float32bits(real(a)), math.Float64bits(real(b)), imag(a), imag(b))
	c := f2[complex64]()
	println(math.Float32bits(real(c)))
	println(real(f3[complex128]()), real(f3[MyC]()))
	e := f4[MyC]()
	println(real(e), imag(e))
	println(f5[complex64](), f5[complex128]())

	x, u := 1, uint8(3)
	const M = math.MaxUint
	println(x<<1., x<<(1+0i), x<<0i, x<<(2.+0i), u>>(1+0i), u<<(M+0.), x<<(1.<<x))
}
