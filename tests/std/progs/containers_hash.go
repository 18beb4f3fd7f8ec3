package main

import (
	"bufio"
	"container/heap"
	"container/list"
	"hash/adler32"
	"hash/crc32"
	"hash/fnv"
	"math/bits"
	"path"
	"strings"
	"unicode/utf16"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)), adler32.Checksum(data))
	h := fnv.New64a()
	h.Write(data)
	println(h.Sum64())
	println(bits.LeadingZeros64(1), bits.OnesCount(255), bits.Reverse8(1))
	l := list.New()
	l.PushBack(1)
	l.PushFront(2)
	for e := l.Front(); e != nil; e = e.Next() {
		println(e.Value.(int))
	}
	hp := &IntHeap{5, 2, 8}
	heap.Init(hp)
	heap.Push(hp, 3)
	for hp.Len() > 0 {
		print(heap.Pop(hp).(int), " ")
	}
	println()
	println(path.Join("a/b", "../c", "d"), path.Base("/x/y.go"), path.Ext("f.tar.gz"))
	sc := bufio.NewScanner(strings.NewReader("one two\nthree\n"))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
		print(sc.Text(), ";")
	}
	println(n)
	println(len(utf16.Encode([]rune("a😀"))))
}
