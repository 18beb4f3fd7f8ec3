// Deep recursion: at most 100 frames are walked.
package main

func down(n int) int {
	if n == 0 {
		panic("bottom")
	}
	return down(n-1) + 1
}

func main() { down(500) }
