// env: GODEBUG=gccheckmark=1
// Pointers moved around while the collector marks: the write barriers of
// compiled stores (fields, slice elements, globals, struct copies), of the
// runtime's copies (maps, channels, copy and append, reflect, sync/atomic)
// keep every reachable object marked.  gccheckmark=1 re-marks each cycle
// from scratch and throws if the concurrent mark missed an object; the
// structures are checked whole at the end.
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"sync/atomic"
)

type node struct {
	next *node
	kids [2]*node
	val  int
	name string
}

type pair struct {
	A, B *node
	S    []byte
}

var (
	global  *node
	ring    []*node
	pairs   [64]pair
	boxed   atomic.Value
	ptr     atomic.Pointer[node]
	garbage [][]byte
)

func mk(v int) *node { return &node{val: v, name: fmt.Sprint("n", v)} }

func sum(n *node, depth int) int {
	if n == nil || depth == 0 {
		return 0
	}
	return n.val + sum(n.kids[0], depth-1) + sum(n.kids[1], depth-1)
}

// deferred calls: the runtime's defer records are heap objects it reuses
// through a pool, relinked while the collector marks
func deferred(n *node, depth int) (r int) {
	if n == nil || depth == 0 {
		return 1
	}
	defer func() { r += n.val & 3 }()
	defer func(m *node) {
		if m != nil {
			r ^= m.val & 1
		}
	}(n.kids[0])
	return deferred(n.kids[1], depth-1)
}

func churn(i int) {
	// garbage, so that cycles start and their marks run across this loop
	garbage = append(garbage, make([]byte, 512))
	if len(garbage) > 256 {
		garbage = garbage[:0]
	}
}

func main() {
	ring = make([]*node, 128)
	for i := range ring {
		ring[i] = mk(i)
	}
	m := map[int]*node{}
	ch := make(chan *node, 32)
	total := 0
	for i := 0; i < 60000; i++ {
		churn(i)
		j := i % len(ring)
		// compiled stores: a field, a slice element, a global
		n := mk(i)
		n.kids[0] = ring[j]
		n.kids[1] = ring[(j+1)%len(ring)]
		ring[j] = n
		ring[j].kids[0].kids[0] = nil // cut the chain: old nodes become garbage
		global = ring[(j*7)%len(ring)]
		// a struct copy with pointers into a global array
		p := pair{A: ring[j], B: global, S: make([]byte, 8)}
		pairs[j%len(pairs)] = p
		// the runtime's copies: map assignment and delete, channel buffer
		m[i%97] = ring[(j+3)%len(ring)]
		if i%5 == 0 {
			delete(m, (i/5)%97)
		}
		select {
		case ch <- ring[(j+5)%len(ring)]:
		default:
			x := <-ch
			total += x.val & 1
		}
		total += deferred(ring[j], 3)
		// copy and append of pointer slices
		if i%100 == 0 {
			dup := make([]*node, len(ring))
			copy(dup, ring)
			dup = append(dup[:10], ring[20:40]...)
			ring[0] = dup[len(dup)-1]
		}
		// reflect and sync/atomic
		if i%50 == 0 {
			v := reflect.ValueOf(&pairs[(i/50)%len(pairs)]).Elem()
			v.Field(1).Set(reflect.ValueOf(ring[(j+9)%len(ring)]))
			boxed.Store(ring[(j+11)%len(ring)])
			ptr.Store(ring[(j+13)%len(ring)])
		}
	}
	runtime.GC()
	check := 0
	for _, n := range ring {
		check += sum(n, 4)
		if n.name != fmt.Sprint("n", n.val) {
			panic("corrupt node " + n.name)
		}
	}
	for _, p := range pairs {
		if p.A != nil {
			check += p.A.val + p.B.val + len(p.S)
		}
	}
	for k, n := range m {
		check += k ^ n.val
	}
	for len(ch) > 0 {
		check += (<-ch).val
	}
	check += boxed.Load().(*node).val + ptr.Load().val + global.val
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	fmt.Println("check", check, "odd", total, "many cycles", st.NumGC >= 10)
}
