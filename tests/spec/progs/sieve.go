// The spec's "An example package": the concurrent prime sieve, printing
// the first 25 primes with print instead of fmt.Print.
package main

// spec An example package: generate sends 2, 3, 4, … to ch
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i // Send 'i' to channel 'ch'.
	}
}

// spec An example package: filter copies values not divisible by prime
func filter(src <-chan int, dst chan<- int, prime int) {
	for i := range src { // Loop over values received from 'src'.
		if i%prime != 0 {
			dst <- i // Send 'i' to channel 'dst'.
		}
	}
}

// spec An example package: sieve (bounded to 25 primes)
func sieve() {
	ch := make(chan int) // Create a new channel.
	go generate(ch)      // Start generate() as a subprocess.
	for n := 0; n < 25; n++ {
		prime := <-ch
		print(prime, "\n")
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
}

func main() {
	sieve()
}
