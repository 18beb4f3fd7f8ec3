// Nested calls with arguments of each shape: gc's ArgInfo rules (scalars,
// strings, slices, interfaces, complex, structs, arrays, the 10-component
// limit, nesting depth 5).
package main

type P struct{ x, y int }
type Deep struct{ a struct{ b struct{ c struct{ d struct{ e int } } } } }

func leaf(s string, b []byte, e interface{}, c complex128, p P, arr [3]int8, flag bool, small int16) {
	panic("leaf")
}

func many(a, b, c, d, e, f, g, h, i, j, k, l int) {
	leaf("str", []byte{1, 2}, 42, complex(1, 2), P{3, 4}, [3]int8{5, -6, 7}, true, -3)
}

func deep(d Deep, x int) { many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) }

func empty(s struct{}, a [0]int, x int) { deep(Deep{}, x) }

func main() {
	empty(struct{}{}, [0]int{}, 7)
}
