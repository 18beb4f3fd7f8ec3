// sort: hand-written quicksort of structs by two keys.
package main

type Rec struct {
	key  int
	name int
	val  float64
}

func less(a, b *Rec) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return a.name < b.name
}

func quicksort(a []Rec) {
	for len(a) > 12 {
		p := a[len(a)/2]
		i, j := 0, len(a)-1
		for i <= j {
			for less(&a[i], &p) {
				i++
			}
			for less(&p, &a[j]) {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j+1 < len(a)-i {
			quicksort(a[:j+1])
			a = a[i:]
		} else {
			quicksort(a[i:])
			a = a[:j+1]
		}
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && less(&a[j], &a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func main() {
	const n = 500000
	a := make([]Rec, n)
	seed := uint32(12345)
	h := 0
	for r := 0; r < 8; r++ {
		for i := range a {
			seed = seed*1664525 + 1013904223
			a[i] = Rec{int(seed>>20) % 1000, int(seed & 0xffff), float64(i)}
		}
		quicksort(a)
		for i := 1; i < n; i++ {
			if less(&a[i], &a[i-1]) {
				println("not sorted")
			}
		}
		for i := 0; i < n; i += 997 {
			h = h*31 + a[i].key*7 + a[i].name
		}
	}
	println(h)
}
