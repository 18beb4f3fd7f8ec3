package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGHUP)
	go func() {
		time.Sleep(10 * time.Millisecond)
		syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	}()
	s := <-c
	fmt.Println("got", s)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println("got", <-c)
	signal.Stop(c)
	signal.Ignore(syscall.SIGUSR2)
	fmt.Println(signal.Ignored(syscall.SIGUSR2))
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(100))
	fmt.Println(os.Args[0] != "", len(os.Environ()) > 0, os.Getenv("HOME") != "")
	f, err := os.CreateTemp("", "goc")
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(f, "hello %d\n", 42)
	f.Close()
	b, _ := os.ReadFile(f.Name())
	fmt.Print(string(b))
	os.Remove(f.Name())
	_, err = os.Open("/nonexistent")
	fmt.Println(err)
}
