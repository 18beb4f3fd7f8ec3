// strings: concatenation, []byte <-> string conversions, indexing, comparison.
package main

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func main() {
	h := uint32(2166136261)
	total := 0
	for r := 0; r < 40000; r++ {
		s := ""
		for i := 0; i < 40; i++ {
			s += itoa(i+r) + ","
		}
		b := []byte(s)
		for i := range b {
			if b[i] == ',' {
				b[i] = ';'
			}
		}
		t := string(b)
		for i := 0; i < len(t); i++ {
			h = (h ^ uint32(t[i])) * 16777619
		}
		if t < s {
			total++
		}
		total += len(t)
	}
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	for r := 0; r < 6000000; r++ {
		w := words[r%5] + words[(r+1)%5]
		if w == "gammadelta" {
			total++
		}
		for _, c := range w {
			h = (h ^ uint32(c)) * 16777619
		}
	}
	println(total, h)
}
