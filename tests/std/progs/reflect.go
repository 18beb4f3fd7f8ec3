package main

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
)

type Inner struct{ A, B int }

type T struct {
	Name  string `json:"name"`
	Count int
	Tags  []string
	In    Inner
	M     map[string]int
	p     *int
}

func (T) Hello() string { return "hi" }

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func main() {
	v := T{Name: "x", Count: 3, Tags: []string{"a", "b"}, In: Inner{1, 2}, M: map[string]int{"k": 1}}
	rt := reflect.TypeOf(v)
	fmt.Println(rt.Name(), rt.Kind(), rt.NumField(), rt.NumMethod())
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("json"), f.IsExported())
	}
	rv := reflect.ValueOf(&v).Elem()
	rv.Field(1).SetInt(42)
	rv.FieldByName("Name").SetString("changed")
	fmt.Printf("%+v\n", v)
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[int]string{1: "a"}, map[int]string{1: "b"}))
	var s Shape = Sq{3}
	fmt.Println(reflect.TypeOf(s).Implements(reflect.TypeOf((*Shape)(nil)).Elem()), s.Area())
	mv := reflect.ValueOf(map[string]int{"b": 2, "a": 1, "c": 3})
	keys := mv.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		fmt.Print(k, "=", mv.MapIndex(k), " ")
	}
	fmt.Println()
	sl := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 4)
	sl.Index(1).SetInt(7)
	fmt.Println(sl.Interface(), sl.Len(), sl.Cap())
	fmt.Println(reflect.New(reflect.TypeOf(0)).Elem().Interface(), reflect.Zero(reflect.TypeOf("")).String() == "")
	fmt.Println(reflect.PtrTo(reflect.TypeOf(0)), reflect.SliceOf(reflect.TypeOf("")), reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)))
	var w strings.Builder
	fmt.Fprintf(&w, "%v|%#v|%q", []any{1, "a", nil}, Inner{1, 2}, []string{"x"})
	fmt.Println(w.String())
	fmt.Fprintln(os.Stderr, "to stderr", errors.New("e"))
	fmt.Printf("%6.2f %e %g %x %o %b %c %U\n", 3.14159, 12345.678, 1e21, "hey", 8, 5, 'G', 0x1F600)
	fmt.Printf("%v %v %v\n", int8(-5), uint64(1<<63), complex(1, -2))
	fmt.Printf("%s %v %d\n", []byte("bytes"), [3]int{1, 2, 3}, []int32{4, 5})
	var np *int
	fmt.Println(np == nil, fmt.Sprint(nil), fmt.Sprintf("%T %T", np, s))
	os.Exit(3)
}
