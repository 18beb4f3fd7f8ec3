// errorcheck

// Composite literals: structs, arrays, slices, maps, elided types.

package p

type P struct{ x, y int }
type Q struct {
	P
	z string
	w int
}
type A [3]int
type L []P
type N map[string]P
type K map[interface{}]int
type I interface{ m() }

var (
	_ = P{1, 2}
	_ = P{1}              // ERROR "too few values in P{…}"
	_ = P{1, 2, 3}        // ERROR "too many values in P{…}"
	_ = P{x: 1, 2}        // ERROR "mixture of field:value and value elements in struct literal"
	_ = P{x: 1, x: 2}     // ERROR "duplicate field name x in struct literal"
	_ = P{z: 1}           // ERROR "unknown field 'z' in struct literal of type P"
	_ = P{"a", 2}         // ERROR "cannot use .a. \(untyped string constant\) as int value in struct literal"
	_ = Q{P: P{}, z: "s"}
	_ = Q{x: 1}           // ERROR "unknown field 'x' in struct literal of type Q"
	_ = A{1, 2, 3, 4}     // ERROR "index 3 is out of bounds \(>= 3\)"
	_ = A{5: 1}           // ERROR "index 5 out of bounds \[0:3\]"
	_ = A{0: 1, 0: 2}     // ERROR "duplicate index 0 in array or slice literal"
	_ = A{1, 2, 0: 3}     // ERROR "duplicate index 0 in array or slice literal"
	_ = [...]int{1, 2, 3}
	_ = [...]int{9: 1}
	_ = []int{-1: 1}      // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	_ = []int{1.5: 1}     // ERROR "1.5 \(untyped float constant\) truncated to int"
	_ = []int{"a"}        // ERROR "cannot use .a. \(untyped string constant\) as int value in array or slice literal"
	_ = L{{1, 2}, {x: 3}}
	_ = []*P{{1, 2}, &P{}}
	_ = N{"a": {1, 2}}
	_ = N{"a": {}, "a": {}} // ERROR "duplicate key .a. in map literal"
	_ = map[int]int{1: 1, 1.0: 2} // ERROR "duplicate key 1 in map literal"
	_ = K{1: 1, 1.0: 2, "a": 3, int8(1): 4}
	_ = K{1: 1, 1: 2}     // ERROR "duplicate key 1 in map literal"
	_ = map[string]int{"a"} // ERROR "missing key in map literal"
	_ = I{}               // ERROR "invalid composite literal type I"
	_ = int{}             // ERROR "invalid composite literal type int"
	_ = []int{{1}}        // ERROR "invalid composite literal type int"
	_ = [][]int{{1}, {2, 3}}
	_ = map[P]string{{1, 2}: "a", {3, 4}: "b"}
	_ = struct{ a int }{a: 1}
	_ = []interface{}{1, "a", nil}
)
