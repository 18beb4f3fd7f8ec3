// The network poller: a goroutine reading a pipe while a timer fires; a read deadline.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	select {
	case <-time.After(50 * time.Millisecond):
		fmt.Fprintln(w, "timer fired while a goroutine read a pipe")
	}
	w.Close()
	fmt.Print(<-done)
	r2, w2, _ := os.Pipe()
	r2.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	_, err = r2.Read(make([]byte, 1))
	fmt.Println(err)
	w2.Close()
}
