// mapbench.go — gc's side of `maps bench` (maps.c): the same map
// operations, timed the same way, for comparing ns/op.
package main

import (
	"strconv"
	"time"
)

func main() {
	const N = 1000000
	keys := make([]string, N)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
	}
	m := map[int]int{}
	t0 := time.Now()
	for i := 0; i < N; i++ {
		m[i] = i
	}
	t1 := time.Now()
	sum := 0
	for r := 0; r < 4; r++ {
		for i := 0; i < N; i++ {
			sum += m[i]
		}
	}
	t2 := time.Now()
	ms := map[string]int{}
	for i := 0; i < N; i++ {
		ms[keys[i]] = i
	}
	t3 := time.Now()
	for r := 0; r < 4; r++ {
		for i := 0; i < N; i++ {
			sum += ms[keys[i]]
		}
	}
	t4 := time.Now()
	println("int insert", t1.Sub(t0).Nanoseconds()/N, "ns/op, int lookup", t2.Sub(t1).Nanoseconds()/(4*N),
		"ns/op, string insert", t3.Sub(t2).Nanoseconds()/N, "ns/op, string lookup", t4.Sub(t3).Nanoseconds()/(4*N), "ns/op")
	if sum != 8*(N*(N-1)/2) {
		println("bad sum")
	}
	// A small map (in cache): the cost of hashing and probing alone.
	const SMALL, R = 1000, 10000
	mi, ms2 := map[int]int{}, map[string]int{}
	for i := 0; i < SMALL; i++ {
		mi[i] = i
		ms2[keys[i]] = i
	}
	sum = 0
	t0 = time.Now()
	for r := 0; r < R; r++ {
		for i := 0; i < SMALL; i++ {
			sum += mi[i]
		}
	}
	t1 = time.Now()
	for r := 0; r < R; r++ {
		for i := 0; i < SMALL; i++ {
			sum += ms2[keys[i]]
		}
	}
	t2 = time.Now()
	println("small map: int lookup", float64(t1.Sub(t0).Nanoseconds())/(SMALL*R), "ns/op, string lookup",
		float64(t2.Sub(t1).Nanoseconds())/(SMALL*R), "ns/op")
	if sum != 2*R*(SMALL*(SMALL-1)/2) {
		println("bad sum")
	}
}
