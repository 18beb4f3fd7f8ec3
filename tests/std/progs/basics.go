package main

import (
	"bytes"
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

type E struct{ s string }

func (e *E) Error() string { return e.s }

func main() {
	println(strconv.Itoa(12345), strconv.Quote("hi\n"), strconv.FormatFloat(3.14159, 'g', -1, 64))
	n, err := strconv.Atoi("12x")
	println(n, err.Error())
	f, _ := strconv.ParseFloat("2.5e3", 64)
	println(f == 2500)
	println(math.Sqrt(2), math.Floor(-1.5), math.Inf(1) > 0, math.Exp(1), math.Log(10))
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	println(xs[0], xs[1], xs[2], xs[3])
	ss := []string{"b", "a", "c"}
	sort.Strings(ss)
	println(strings.Join(ss, ","))
	var b bytes.Buffer
	b.WriteString("abc")
	b.WriteByte('d')
	println(b.String(), bytes.Compare([]byte("a"), []byte("b")), bytes.Equal([]byte("x"), []byte("x")))
	e := errors.New("boom")
	w := &E{"wrapped"}
	println(e.Error(), errors.Is(e, e), errors.As(error(w), &w))
	println(unicode.IsUpper('A'), unicode.ToLower('Q'))
	var mu sync.Mutex
	var wg sync.WaitGroup
	var cnt int64
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			atomic.AddInt64(&cnt, 2)
			mu.Unlock()
		}()
	}
	wg.Wait()
	println(atomic.LoadInt64(&cnt))
	var once sync.Once
	once.Do(func() { println("once") })
	once.Do(func() { println("twice") })
	println(strings.Fields(" a b  c ")[2], strings.Split("a,b,c", ",")[1], strings.Contains("seafood", "foo"), strings.Count("cheese", "e"))
	println(strings.EqualFold("Go", "GO"), strings.TrimSpace("  x  "), strings.Replace("oink oink", "k", "ky", -1))
}
