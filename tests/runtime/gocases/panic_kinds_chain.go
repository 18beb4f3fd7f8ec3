// An unrecovered chain of panics whose values have every kind: each
// deferred call panics again, and gc prints the whole chain, one value a
// line, in its formats (named types as T(v), errors and Stringers by
// their methods, other types as (T) 0xADDR).
package main

type NB bool
type NI8 int8
type NU uint
type NUP uintptr
type NF32 float32
type NC64 complex64
type NC128 complex128
type NS string
type Arr [2]int
type St struct{ a int }
type Sl []int
type Mp map[int]int
type Fn func()
type Ch chan int
type Ptr *int
type Both struct{}

func (Both) Error() string  { return "Both.Error" }
func (Both) String() string { return "Both.String" }

type OnlyPtrErr struct{}

func (*OnlyPtrErr) Error() string { return "ptr error" }

type Emb struct{ Both }

func main() {
	vals := []interface{}{
		true, NB(false), int8(-8), NI8(-9), int16(16), int32(-32), int64(1 << 40), uint(7), uint8(255),
		uint16(65535), uint32(1 << 31), uint64(1 << 63), uintptr(0x1000), NUP(12), NU(3),
		float32(1.5), NF32(-2.25), 1e-7, complex64(complex(1, -1)), NC64(complex(0, 2)), NC128(complex(3, 0)),
		"str", NS("named"), "", Both{}, &Both{}, Emb{}, &OnlyPtrErr{},
	}
	for _, v := range vals {
		v := v
		defer func() { panic(v) }()
	}
	panic(St{1})
}
