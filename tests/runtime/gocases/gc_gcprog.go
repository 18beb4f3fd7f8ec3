// Types reflect makes with GC programs (ArrayOf of more pointer words than
// a mask holds; StructOf embedding one): objects of them are allocated
// with the pointer bits the program describes, and what they point to
// survives collections (gc programs used to be a fatal error in goc).
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type T struct {
	A int
	P *int
	B [3]int
	Q *string
}

func main() {
	at := reflect.ArrayOf(5000, reflect.TypeOf(T{}))
	v := reflect.New(at).Elem()
	s := "hello"
	for i := 0; i < 5000; i += 7 {
		x := i
		v.Index(i).Field(1).Set(reflect.ValueOf(&x))
		v.Index(i).Field(3).Set(reflect.ValueOf(&s))
	}
	for i := 0; i < 20; i++ {
		_ = make([]byte, 1<<20)
		runtime.GC()
	}
	sum := 0
	for i := 0; i < 5000; i += 7 {
		sum += *v.Index(i).Field(1).Interface().(*int)
		if *v.Index(i).Field(3).Interface().(*string) != "hello" {
			panic("bad")
		}
	}
	st := reflect.StructOf([]reflect.StructField{{Name: "A", Type: at}, {Name: "P", Type: reflect.TypeOf(&s)}})
	w := reflect.New(st).Elem()
	w.Field(1).Set(reflect.ValueOf(&s))
	runtime.GC()
	fmt.Println(sum, at.Size(), *w.Field(1).Interface().(*string))
}
