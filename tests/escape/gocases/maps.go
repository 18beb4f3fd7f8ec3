// Maps whose header (and first bucket) escape analysis keeps in the
// frame: filled past their first bucket, iterated and grown while the
// goroutine's stack is copied; values boxed without allocating (byte-sized
// integers and zero-sized values, as gc).
package main

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
)

func grow(n int) int {
	var pad [128]byte
	pad[n%128] = 1
	if n == 0 {
		return 0
	}
	return grow(n-1) + int(pad[n%128]) - 1
}

func local(n int) (int, int) {
	m := map[int]int{}
	sum := 0
	for i := 0; i < n; i++ {
		m[i] = i * 3
		if i%100 == 0 {
			grow(200) // the stack moves under the map's header
		}
	}
	for k, v := range m {
		sum += k + v
	}
	return len(m), sum
}

func words(ws []string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

type E struct{}

var x, y any = []int8{99}, []int8{99}

func main() {
	fmt.Println(local(5))
	fmt.Println(local(1000))
	fmt.Println(words([]string{"b", "a", "b", "c", "a"}))
	var xs []any
	for i := -3; i < 300; i += 50 {
		xs = append(xs, int8(i), uint8(i), E{}, struct{}{}, [0]int{})
	}
	fmt.Println(xs...)
	fmt.Println(any(E{}) == any(E{}), any(int8(5)) == any(int8(5)), any(uint8(7)) == any(int8(7)))
	fmt.Println("alloc deepequal", testing.AllocsPerRun(100, func() { _ = reflect.DeepEqual(x, y) }))
	fmt.Println("alloc localmap", testing.AllocsPerRun(100, func() { local(5) }))
	fmt.Println("alloc boxbyte", testing.AllocsPerRun(100, func() { xs[0] = int8(len(xs)) }))
}
