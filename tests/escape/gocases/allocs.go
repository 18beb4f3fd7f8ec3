// Allocation counts of code whose values do not escape: what gc keeps
// in the frame, goc keeps there too (testing.AllocsPerRun).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

type pt struct{ x, y int }

func (p *pt) add(q *pt) { p.x += q.x; p.y += q.y }
func (p *pt) len2() int { return p.x*p.x + p.y*p.y }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func fill(b []byte) {
	for i := range b {
		b[i] = byte(i)
	}
}

func first(p *int) int { return *p }

func pick(a, b *pt) *pt {
	if a.x > b.x {
		return a
	}
	return b
}

type ints []int

func (s ints) Len() int           { return len(s) }
func (s ints) Less(i, j int) bool { return s[i] < s[j] }
func (s ints) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

var sink int
var ssink string

func main() {
	cases := []struct {
		name string
		f    func()
	}{
		{"addr-local", func() { x := 3; sink = first(&x) }},
		{"method-ptr", func() { p := pt{1, 2}; q := pt{3, 4}; p.add(&q); sink = p.len2() }},
		{"composite-ptr", func() { p := &pt{5, 6}; sink = p.len2() }},
		{"new", func() { p := new(pt); p.x = 3; sink = p.len2() }},
		{"result-alias", func() { a, b := pt{1, 0}, pt{2, 0}; sink = pick(&a, &b).x }},
		{"variadic", func() { sink = sum(1, 2, 3, 4) }},
		{"make-const", func() { b := make([]byte, 64); fill(b); sink = int(b[63]) }},
		{"array-slice", func() { var a [32]byte; fill(a[:]); sink = int(a[31]) }},
		{"slice-literal", func() { s := []int{4, 5, 6}; sink = s[1] }},
		{"closure-called", func() { n := 0; f := func() { n++ }; f(); f(); sink = n }},
		{"closure-literal", func() { n := 1; func() { n *= 5 }(); sink = n }},
		{"binary-put", func() { var b [8]byte; binary.BigEndian.PutUint64(b[:], 77); sink = int(b[7]) }},
		{"sha256-sum", func() { s := sha256.Sum256([]byte("abc")); sink = int(s[0]) }},
		{"string-rune", func() { sink = strings.Index("héllo", string(rune('l'))) }},
		{"string-bytes-cmp", func() { b := []byte("key"); sink = len(string(b)) }},
		{"bytes-equal", func() { a := []byte("abc"); sink = bytes.Compare(a, []byte("abd")) }},
		{"builder", func() { var b strings.Builder; b.Grow(8); b.WriteString("abc"); ssink = b.String() }},
		{"append-stack", func() { var buf [16]byte; b := strconv.AppendInt(buf[:0], 12345, 10); sink = len(b) }},
		{"utf8-encode", func() { var b [4]byte; sink = utf8.EncodeRune(b[:], 'é') }},
		{"sort-type", func() { s := ints{3, 1, 2}; sort.Sort(s); sink = s[0] }},
		{"range-array", func() { a := [3]pt{{1, 1}, {2, 2}, {3, 3}}; for i := range a { a[i].add(&a[0]) }; sink = a[2].x }},
		{"concat-local", func() { a, b := "ab", "cd"; s := a + b; sink = len(s) }},
	}
	for _, c := range cases {
		fmt.Printf("alloc %-18s %v\n", c.name, testing.AllocsPerRun(100, c.f))
	}
}
