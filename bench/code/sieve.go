// sieve: slices of bool and int, bounds checks in loops.
package main

func sieve(n int, composite []bool) int {
	for i := range composite {
		composite[i] = false
	}
	count := 0
	for i := 2; i < n; i++ {
		if !composite[i] {
			count++
			for j := i * i; j < n; j += i {
				composite[j] = true
			}
		}
	}
	return count
}

func main() {
	const n = 4000000
	composite := make([]bool, n)
	sum := 0
	for k := 0; k < 50; k++ {
		sum += sieve(n-k, composite)
	}
	primes := make([]int, 0, 1000)
	for i := 2; i < 8000; i++ {
		if !composite[i] {
			primes = append(primes, i)
		}
	}
	h := 0
	for i, p := range primes {
		h = h*31 + p*i
	}
	println(sum, len(primes), h)
}
