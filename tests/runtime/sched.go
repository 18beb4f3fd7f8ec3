// sched.go — the gc twin of sched.c: the same goroutine, channel and
// select cases, built with gc; sched.sh compares the outputs and exit
// statuses.  Run with GOMAXPROCS=1 where scheduling order shows.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"
)

func pingpong(n int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	s := 0
	for i := 0; i < n; i++ {
		ping <- i
		s += <-pong
	}
	close(ping)
	_, ok := <-pong
	println("pingpong", s, ok)
}

func prodcons() {
	c, done, results := make(chan int, 10), make(chan int), make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			for i := 1; i <= 1000; i++ {
				c <- i
			}
			done <- 1
		}()
	}
	for i := 0; i < 2; i++ {
		go func() {
			s := 0
			for v := range c {
				s += v
			}
			results <- s
		}()
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	close(c)
	println("prodcons", <-results+<-results)
}

func closerange() {
	c := make(chan int, 5)
	c <- 7
	c <- 8
	println("lencap", len(c), cap(c))
	<-c
	<-c
	go func() {
		for i := 0; i < 100; i++ {
			c <- i
		}
		close(c)
	}()
	n, s := 0, 0
	for v := range c {
		s += v
		n++
	}
	println("range", n, s)
	v, ok := <-c
	println("closed", v, ok)
	v = 99
	selected, received := false, false
	select {
	case v, received = <-c:
		selected = true
	default:
	}
	println("nbclosed", v, selected && !received)
	d := make(chan int, 3)
	d <- 1
	d <- 2
	close(d)
	for v := range d {
		println("drain", v)
	}
	e := make(chan struct{})
	close(e)
	_, ok = <-e
	println("empty", 0, ok)
}

func selectdefault() {
	a, b := make(chan int), make(chan int, 1)
	v := 0
	selected, received := false, false
	select {
	case v, received = <-a:
		selected = true
	default:
	}
	println("nbrecv", selected, received)
	sent := false
	select {
	case b <- v:
		sent = true
	default:
	}
	println("nbsend", 0, sent)
	sent = false
	select {
	case b <- v:
		sent = true
	default:
	}
	println("nbsend full", 0, sent)
	casei, ok := -1, false
	select {
	case b <- 1:
		casei = 0
	case v, ok = <-a:
		casei = 1
	default:
	}
	println("select default", casei, ok)
	<-b
	casei, ok = -1, false
	select {
	case b <- 1:
		casei = 0
	case v, ok = <-a:
		casei = 1
	default:
	}
	println("select send", casei, ok)
	var nilc chan int
	select {
	case nilc <- 1:
		casei = 0
	case v, ok = <-b:
		casei = 1
	}
	println("select recv", casei, ok)
	println("value", v)
}

func selectdist() {
	const N = 30000
	c := [3]chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
	for i := range c {
		c[i] <- i
	}
	var count [3]int
	for n := 0; n < N; n++ {
		var v, i int
		select {
		case v = <-c[0]:
			i = 0
		case v = <-c[1]:
			i = 1
		case v = <-c[2]:
			i = 2
		}
		count[i]++
		c[i] <- v
	}
	ok := true
	for i := range count {
		if count[i] < N/3*9/10 || count[i] > N/3*11/10 {
			ok = false
		}
	}
	if ok {
		println("selectdist uniform")
	} else {
		println("selectdist skewed", count[0], count[1])
		println("selectdist skewed", count[2])
	}
}

func selectblock() {
	c1, c2, c3 := make(chan int), make(chan int), make(chan int)
	go func() {
		c2 <- 42
		println("helper got", <-c3)
		close(c1)
	}()
	for round := 0; round < 3; round++ {
		v, out := -1, 100+round
		casei, ok := -1, false
		select {
		case c3 <- out:
			casei = 0
		case v, ok = <-c1:
			casei = 1
		case v, ok = <-c2:
			casei = 2
		}
		println("select", round, casei, ok, v)
	}
}

func many(n int) {
	start, done := make(chan int), make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			<-start
			done <- 1
		}()
	}
	for runtime.NumGoroutine() < n+1 {
		runtime.Gosched()
	}
	println("many created", runtime.NumGoroutine())
	close(start)
	for i := 0; i < n; i++ {
		<-done
	}
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("many done", runtime.NumGoroutine())
}

func gosched() {
	done := make(chan int)
	y := func(name string) {
		for i := 0; i < 3; i++ {
			println(name, i)
			runtime.Gosched()
		}
		done <- 1
	}
	runtime.Gosched()
	go y("a")
	go y("b")
	<-done
	<-done
	println("gosched", runtime.NumGoroutine())
}

func forever(n int) int {
	var pad [8]int
	pad[0] = n
	return forever(n+1) + pad[0]
}

func deadlock2() {
	c := make(chan int)
	go func() { c <- 1; select {} }()
	go func() { c <- 1 }()
	go func() { c <- 1 }()
	d := make(chan int)
	go func() { <-d }()
	var n chan int
	go func() { n <- 1 }()
	go func() { <-n }()
	<-c
	<-n
}

func main() {
	arg := 0
	if len(os.Args) > 2 {
		arg, _ = strconv.Atoi(os.Args[2])
	}
	var nilc chan int
	switch os.Args[1] {
	case "pingpong":
		pingpong(1000)
	case "prodcons":
		prodcons()
	case "closerange":
		closerange()
	case "selectdefault":
		selectdefault()
	case "selectdist":
		selectdist()
	case "selectblock":
		selectblock()
	case "many":
		if arg == 0 {
			arg = 100000
		}
		many(arg)
	case "gosched":
		gosched()
	case "stackoverflow":
		debug.SetMaxStack(1 << 20)
		go forever(0)
		<-make(chan int)
	case "deadlock":
		<-make(chan int)
	case "deadlock2":
		deadlock2()
	case "recvnil":
		<-nilc
	case "sendnil":
		nilc <- 1
	case "selectnone":
		select {}
	case "selectnil":
		select {
		case nilc <- 1:
		case <-nilc:
		}
	case "goexit":
		d := make(chan int, 1)
		go func() { d <- 1 }()
		runtime.Goexit()
	case "sendclosed":
		d := make(chan int, 1)
		close(d)
		d <- 1
	case "sendclosedblocked":
		d := make(chan int)
		go func() { runtime.Gosched(); close(d) }()
		d <- 1
	case "gopanic":
		go func() {
			d := make(chan int)
			close(d)
			close(d)
		}()
		<-make(chan int)
	case "closeclosed":
		d := make(chan int)
		close(d)
		close(d)
	case "closenil":
		close(nilc)
	case "selectclosed":
		d := make(chan int)
		close(d)
		select {
		case d <- 1:
		case <-nilc:
		}
	case "makechanneg":
		_ = make(chan int, arg-1)
	case "bench":
		bench()
	case "parked":
		if arg == 0 {
			arg = 1000000
		}
		parked(arg)
	}
}

func bench() {
	const N = 1000000
	done := make(chan int)
	t0 := time.Now()
	for i := 0; i < N; i++ {
		go func() {}()
	}
	go func() { done <- 1 }()
	<-done
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("bench go+exit ns", int(time.Since(t0))/N)
	t0 = time.Now()
	gy := func() {
		for i := 0; i < N; i++ {
			runtime.Gosched()
		}
		done <- 1
	}
	go gy()
	go gy()
	<-done
	<-done
	println("bench gosched switch ns", int(time.Since(t0))/(2*N))
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	t0 = time.Now()
	for i := 0; i < N; i++ {
		ping <- i
		<-pong
	}
	println("bench chan round trip ns", int(time.Since(t0))/N)
	close(ping)
	b := make(chan int, 128)
	t0 = time.Now()
	for i := 0; i < N; i++ {
		b <- i
		<-b
	}
	println("bench buffered send+recv ns", int(time.Since(t0))/N)
	s1, s2 := make(chan int, 1), make(chan int, 1)
	s1 <- 1
	s2 <- 2
	t0 = time.Now()
	for i := 0; i < N; i++ {
		select {
		case v := <-s1:
			s1 <- v
		case v := <-s2:
			s2 <- v
		}
	}
	println("bench select2+send ns", int(time.Since(t0))/N)
}

func rss() int {
	b, _ := os.ReadFile("/proc/self/status")
	s := string(b)
	for i := 0; i+6 < len(s); i++ {
		if (i == 0 || s[i-1] == '\n') && s[i:i+6] == "VmRSS:" {
			v := 0
			for j := i + 6; j < len(s) && s[j] != '\n'; j++ {
				if s[j] >= '0' && s[j] <= '9' {
					v = v*10 + int(s[j]-'0')
				}
			}
			return v
		}
	}
	return -1
}

func parked(n int) {
	rss0 := rss()
	start, done := make(chan int), make(chan int)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() {
			<-start
			done <- 1
		}()
	}
	for runtime.NumGoroutine() < n+1 {
		runtime.Gosched()
	}
	t1 := time.Now()
	rss1 := rss()
	println("parked", runtime.NumGoroutine()-1, "goroutines: RSS +", (rss1-rss0)>>10, "MiB,", (rss1-rss0)*1024/n, "bytes each; create+park", int(t1.Sub(t0))/n, "ns each")
	t0 = time.Now()
	close(start)
	for i := 0; i < n; i++ {
		<-done
	}
	println("woken and finished:", int(time.Since(t0))/n, "ns each")
}
