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
