// The types whose descriptors tests/gen compares with gc's: every named
// type of this package (generic ones excepted), the types of the vars
// named v*, and itabs for the zitab* structs (field c implements field i).
package main

import (
	"unsafe"

	"example.com/gentest/p"
)

// basic kinds
var (
	vBool       bool
	vInt        int
	vInt8       int8
	vInt16      int16
	vInt32      int32
	vInt64      int64
	vUint       uint
	vUint8      uint8
	vByte       byte
	vRune       rune
	vUint16     uint16
	vUint32     uint32
	vUint64     uint64
	vUintptr    uintptr
	vFloat32    float32
	vFloat64    float64
	vComplex64  complex64
	vComplex128 complex128
	vString     string
	vUnsafe     unsafe.Pointer
)

// composite types written out
var (
	vPtrInt     *int
	vPtrPtr     **int
	vSliceStr   []string
	vSliceSlice [][]byte
	vArr0       [0]int
	vArr0Ptr    [0]*int
	vArr1Ptr    [1]*int
	vArr3       [3]int16
	vArrStr     [4]string
	vArrBig     [1000]*int
	vArrBigNo   [100000]int64
	vArrIface   [2]interface{}
	vArrFloat   [2]float64
	vArr1Float  [1]float32
	vMapSI      map[string]int
	vMapIS      map[int]string
	vMapBig     map[[200]byte][300]int
	vMapIface   map[interface{}]bool
	vMapF       map[float64]*int
	vMapStruct  map[Pad]struct{}
	vMapPtr     map[*int]int8
	vChan       chan int
	vChanR      <-chan string
	vChanS      chan<- []int
	vChanChan   chan (<-chan int)
	vFunc       func()
	vFunc2      func(int, string) (bool, error)
	vFuncVar    func(string, ...interface{}) int
	vFuncRes    func() []byte
	vEmpty      interface{}
	vAny        any
	vIfaceAnon  interface{ Read([]byte) (int, error) }
	vIfaceUnexp interface {
		m()
		Z(int)
	}
	vStructE    struct{}
	vStructA    struct{ X int }
	vStructTag  struct {
		Name string `json:"name"`
		age  int    "tag \"quoted\""
	}
	vStructEmb  struct {
		Pad
		*Named
		p.E
	}
	vStructZero struct {
		a int64
		b struct{}
	}
	vPT         p.T
	vPTp        *p.T
	vPE         p.E
	vPI         p.I
	vPInt       p.Int
	vGInt       G[int]
	vGStr       G[string]
	vGT         G[Named]
	vPairs      Pair[string, *int]
	vPtrG       *G[int]
	vErr        error
	vErrPtr     *error
	vPtrStruct  *struct{ Pad }
)

type Named int

func (Named) String() string { return "" }
func (*Named) Set(int)       {}
func (Named) lower()         {}

type Pad struct {
	A int8
	B int64
	C int16
}

type Flat struct {
	A, B int32
	C    uint64
}

type Floats struct {
	F float32
	G float64
}

type Blank struct {
	A int32
	_ int32
}

type Strs struct {
	S string
	T string
}

type List struct {
	Val  int
	Next *List
}

func (l *List) Len() int { return 0 }

type Outer struct {
	List
	*Pad
	Named
	name string
}

type Iface interface {
	String() string
	Len() int
}

type Embedded interface {
	Iface
	fmtx()
	Extra(x ...int) bool
}

type MapT map[string]List

type SliceT []Named

type ArrT [3]Named

type FuncT func(int) int

func (FuncT) Call() {}

type ChanT chan Named

type PtrT *int

type StrT string

func (s StrT) String() string { return string(s) }

type Direct struct{ p *int }

func (Direct) String() string { return "" }

type G[T any] struct {
	val T
	n   int
}

func (g G[T]) Get() T   { return g.val }
func (g *G[T]) Set(v T) { g.val = v }

type Pair[K comparable, V any] struct {
	K K
	V V
}

type Big struct {
	A [20]*int
	B [200]byte
	C map[string]int
}

type unexported struct{ x int }

func (unexported) Method() {}

// itabs
type zitab1 struct {
	c Named
	i Iface0
}
type zitab2 struct {
	c *List
	i interface{ Len() int }
}
type zitab3 struct {
	c StrT
	i Iface0
}
type zitab4 struct {
	c Direct
	i Iface0
}
type zitab5 struct {
	c *Named
	i interface {
		Set(int)
		String() string
	}
}

type Iface0 interface{ String() string }

// more: promoted methods across packages, unnamed structs with methods,
// embedded basic types, nested composites
type EmbP struct {
	p.T
	n int
}

type EmbPtrP struct {
	*p.T
	p.Int
}

var (
	vAnonEmb    struct{ Named }
	vAnonEmbPtr *struct{ *List }
	vEmbBasic   struct {
		int
		string
		X uint8
	}
	vTagEsc struct {
		A int "a\tb\\c\u00e9"
	}
	vArrPad     [2]Pad
	vArrArr     [2][3]*int
	vMapNested  map[string][]*List
	vFuncNamed  func(FuncT, ...Named) (MapT, error)
	vFuncMany   func(a, b, c int8, d string, e []int, f map[int]int) (x, y, z float32)
	vSliceErr   []error
	vChanNamed  chan Named
	vStructFunc struct {
		F func()
		M map[int]int
		C chan int
	}
	vIfaceBoth interface {
		p.I
		Z()
	}
)

type zitab6 struct {
	c Outer
	i Iface0
}
type zitab7 struct {
	c *Outer
	i Iface
}
type zitab8 struct {
	c p.Int
	i Iface0
}
type zitab9 struct {
	c EmbP
	i interface{ Exported() int }
}
type zitab10 struct {
	c *EmbPtrP
	i interface {
		PtrM(string)
		String() string
	}
}
type zitab11 struct {
	c FuncT
	i interface{ Call() }
}
