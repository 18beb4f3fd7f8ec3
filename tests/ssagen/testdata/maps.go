package main

type K struct {
	a int
	b string
}

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 2
	m["c"]++
	println(len(m), m["a"], m["b"], m["c"], m["zz"])
	v, ok := m["b"]
	println(v, ok)
	_, ok = m["q"]
	println(ok)
	delete(m, "a")
	println(len(m))
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	m2 := map[K][]int{{1, "x"}: {1, 2}, {2, "y"}: {3}}
	m2[K{1, "x"}] = append(m2[K{1, "x"}], 9)
	println(len(m2[K{1, "x"}]), m2[K{1, "x"}][2], len(m2[K{3, ""}]))
	var nm map[int]int
	println(nm[5], len(nm))
	mi := map[interface{}]int{1: 1, "1": 2, 1.5: 3}
	println(mi[1], mi["1"], mi[1.5], mi[2])
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i*7] = i
	}
	total := 0
	for k, v := range big {
		if k != v*7 {
			panic("bad")
		}
		total += v
	}
	println(len(big), total)
	mp := map[*int]bool{}
	x := 1
	mp[&x] = true
	println(mp[&x], mp[nil])
	nm[1] = 2
}
