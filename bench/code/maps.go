// maps: map[int]int and map[string]int inserts, lookups and deletes.
package main

func main() {
	m := make(map[int]int)
	for i := 0; i < 200000; i++ {
		m[i*7919%1000003] = i
	}
	sum := 0
	for r := 0; r < 20; r++ {
		for i := 0; i < 200000; i++ {
			sum += m[i*7919%1000003]
			if v, ok := m[i]; ok {
				sum ^= v
			}
		}
	}
	for i := 0; i < 100000; i++ {
		delete(m, i*7919%1000003)
	}
	keys := make([]string, 5000)
	for i := range keys {
		b := []byte("key-000000")
		n := i * 2654435761 % 1000000
		for j := len(b) - 1; n > 0; j-- {
			b[j] = byte('0' + n%10)
			n /= 10
		}
		keys[i] = string(b)
	}
	sm := make(map[string]int)
	for r := 0; r < 300; r++ {
		for i, k := range keys {
			sm[k] += i
		}
	}
	for _, k := range keys {
		sum += sm[k]
	}
	println(len(m), len(sm), sum)
}
