// env: GOMAXPROCS=1
// (with more Ps gc numbers this goroutine 3, 5 or 17, by its background goroutines)

package main

func main() {
	done := make(chan bool)
	go func() {
		var p *struct{ x int }
		p.x = 1
		done <- true
	}()
	<-done
}
