// Maps with keys and elements larger than 128 bytes (stored indirectly)
// and elements larger than runtime.zeroVal (1024 bytes).
package main

type K struct {
	a [20]int
	s string
}

func main() {
	m := map[int][1025]byte{}
	var v [1025]byte
	v[1024] = 7
	m[3] = v
	println(m[3][1024], len(m), m[4][1024])
	w, ok := m[5]
	println(w[0], ok)
	w, ok = m[3]
	println(w[1024], ok)

	big := map[string][5000]int{}
	var b [5000]int
	for i := range b {
		b[i] = i
	}
	big["x"] = b
	big["y"] = b
	e := big["x"]
	println(e[4999], big["zz"][4999], len(big))
	delete(big, "x")
	println(len(big))

	mk := map[K][300]int16{}
	for i := 0; i < 50; i++ {
		var k K
		k.a[19] = i
		k.s = "k"
		var el [300]int16
		el[299] = int16(i * 3)
		mk[k] = el
	}
	var k K
	k.a[19] = 42
	k.s = "k"
	println(len(mk), mk[k][299])
	s := 0
	for kk, vv := range mk {
		s += kk.a[19] + int(vv[299])
	}
	println(s)
	big2 := map[[200]byte]*[3000]int{}
	var kb [200]byte
	kb[199] = 1
	big2[kb] = &[3000]int{2999: 5}
	println(big2[kb][2999], big2[[200]byte{}] == nil)
}
