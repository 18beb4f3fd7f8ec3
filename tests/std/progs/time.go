package main

import (
	"fmt"
	"time"
)

func main() {
	t0 := time.Now()
	time.Sleep(20 * time.Millisecond)
	d := time.Since(t0)
	fmt.Println(d >= 20*time.Millisecond, d < 2*time.Second)
	c := make(chan int)
	go func() {
		time.Sleep(5 * time.Millisecond)
		c <- 1
	}()
	select {
	case v := <-c:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks", n)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	fmt.Println(<-done)
	tm := time.NewTimer(time.Hour)
	fmt.Println(tm.Stop(), tm.Stop())
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("after")
	}
	fmt.Println(time.Duration(1500) * time.Millisecond)
	fmt.Println(time.Unix(0, 0).UTC().Format(time.RFC3339))
}
